package tts_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/narrate-dev/narrate/tts"
)

func callN(t testing.TB, s *tts.Engine, n, workers int) time.Duration {
	t.Helper()
	start := time.Now()
	work := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range work {
				if _, err := s.Synthesize(context.Background(), tts.Request{Text: "hello"}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	for range n {
		work <- struct{}{}
	}
	close(work)
	wg.Wait()
	return time.Since(start)
}

func TestLimitJobs(t *testing.T) {
	e := &scripted{delay: 10 * time.Millisecond}
	s := engine(t, e, tts.Options{NoRetry: true, Jobs: 3})
	callN(t, s, 24, 12)
	if e.maxInFlight != 3 {
		t.Errorf("%d calls in flight at most, want 3", e.maxInFlight)
	}
	if c := s.Limits().Concurrency; c != 3 {
		t.Errorf("Limits().Concurrency = %d, want 3", c)
	}
}

func TestLimitRate(t *testing.T) {
	e := &scripted{}
	s := engine(t, e, tts.Options{NoRetry: true, QPS: 100, Burst: 1})
	// 21 calls at 100/s: the first is free, 20 intervals of 10 ms follow.
	if el := callN(t, s, 21, 4); el < 190*time.Millisecond {
		t.Errorf("21 calls at 100 qps took %v, want at least 190ms", el)
	}
	if q := s.Limits().QPS; q != 100 {
		t.Errorf("Limits().QPS = %v", q)
	}
}

// TestLimitQuotaPause: after a rate-limit answer, no caller reaches the
// engine before the Retry-After has passed.
func TestLimitQuotaPause(t *testing.T) {
	const pause = 100 * time.Millisecond
	e := &scripted{errs: []error{&tts.Error{Kind: tts.ErrRateLimited, RetryAfter: pause, Err: errors.New("429")}}}
	s := engine(t, e, tts.Options{NoRetry: true, QPS: 1000, Burst: 10})
	if _, err := s.Synthesize(context.Background(), tts.Request{Text: "a"}); !errors.Is(err, tts.ErrRateLimited) {
		t.Fatalf("got %v, want the rate-limit error passed on", err)
	}
	callN(t, s, 4, 4)
	at := e.calls()
	for i, c := range at[1:] {
		if gap := c.Sub(at[0]); gap < pause {
			t.Errorf("call %d reached the engine %v after the quota error, within the %v pause", i+2, gap, pause)
		}
	}
}

// TestLimitRateCut: after a rate-limit answer the rate is halved and then
// given back step by step, so the next calls are slower than the limit.
func TestLimitRateCut(t *testing.T) {
	e := &scripted{errs: []error{&tts.Error{Kind: tts.ErrRateLimited, RetryAfter: time.Millisecond, Err: errors.New("429")}}}
	s := engine(t, e, tts.Options{NoRetry: true, QPS: 50, Burst: 1})
	s.Synthesize(context.Background(), tts.Request{Text: "a"}) //nolint:errcheck // the scripted failure
	// At 50/s, 10 calls would take 180 ms; from 25/s recovering by 2.5/s
	// per success they take about 270 ms.
	if el := callN(t, s, 10, 1); el < 240*time.Millisecond {
		t.Errorf("10 calls after a quota error took %v, want at least 240ms (rate cut)", el)
	}
}

// TestLimitCancelWhileQueued runs in a synctest bubble: the slow call's
// second and the deadlines pass at once, and synctest.Wait knows when the
// slow call holds the one slot.
func TestLimitCancelWhileQueued(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := &scripted{delay: time.Second}
		s := engine(t, e, tts.Options{NoRetry: true, Jobs: 1})
		slow := make(chan error, 1)
		go func() {
			_, err := s.Synthesize(context.Background(), tts.Request{Text: "slow"})
			slow <- err
		}()
		synctest.Wait() // the slow call holds the slot and waits out its second
		if n := len(e.calls()); n != 1 {
			t.Fatalf("%d calls reached the engine, want the slow one", n)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
		defer cancel()
		queued := time.Now()
		if _, err := s.Synthesize(ctx, tts.Request{Text: "queued"}); !errors.Is(err, context.DeadlineExceeded) ||
			time.Since(queued) != 30*time.Millisecond || len(e.calls()) != 1 {
			t.Errorf("queued call: %v after %v, %d engine calls; want context.DeadlineExceeded at its 30ms deadline, never reaching the engine",
				err, time.Since(queued), len(e.calls()))
		}
		// A rate wait longer than the deadline fails at once.
		r := engine(t, &scripted{}, tts.Options{NoRetry: true, QPS: 0.1})
		r.Synthesize(context.Background(), tts.Request{Text: "a"}) //nolint:errcheck
		start := time.Now()
		ctx2, cancel2 := context.WithTimeout(context.Background(), time.Second)
		defer cancel2()
		if _, err := r.Synthesize(ctx2, tts.Request{Text: "b"}); !errors.Is(err, context.DeadlineExceeded) || time.Since(start) != 0 {
			t.Errorf("got %v after %v, want context.DeadlineExceeded at once", err, time.Since(start))
		}
		if err := <-slow; err != nil {
			t.Errorf("the slow call: %v", err)
		}
	})
}

// BenchmarkLimitQPS reports the rate an Engine keeps at 200 qps with
// 8 callers against an instant engine, and its share of the limit.
func BenchmarkLimitQPS(b *testing.B) {
	const qps, n = 200, 100
	s := engine(b, &scripted{}, tts.Options{NoRetry: true, QPS: qps, Burst: 1})
	var el time.Duration
	for b.Loop() {
		el += callN(b, s, n, 8)
	}
	rate := float64(n*b.N) / el.Seconds()
	b.ReportMetric(rate, "req/s")
	b.ReportMetric(100*rate/qps, "%limit")
}
