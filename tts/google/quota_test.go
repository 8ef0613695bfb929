package google_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/google/googletest"
)

// synthesizeEach makes n calls with each engine at once and fails the test
// on any error.
func synthesizeEach(t *testing.T, n int, engines ...*tts.Engine) {
	t.Helper()
	var wg sync.WaitGroup
	for _, e := range engines {
		for i := range n {
			wg.Go(func() {
				if _, err := e.Synthesize(context.Background(), tts.Request{Text: fmt.Sprintf("Paragraph %d is short.", i)}); err != nil {
					t.Error(err)
				}
			})
		}
	}
	wg.Wait()
}

// arrivalRate is the rate at which the calls from the from-th on reached
// the servers: calls less one over the time from the first to the last.
func arrivalRate(from int, servers ...*googletest.Server) (float64, int) {
	var first, last time.Time
	n := 0
	for _, s := range servers {
		for _, r := range s.Requests()[from:] {
			if first.IsZero() || r.At.Before(first) {
				first = r.At
			}
			if r.At.After(last) {
				last = r.At
			}
			n++
		}
	}
	return float64(n-1) / last.Sub(first).Seconds(), n
}

// openSet opens specs in one EngineSet with opts, as batch and serve do.
func openSet(t *testing.T, o tts.Options, specs ...string) []*tts.Engine {
	t.Helper()
	set := tts.NewEngineSet(o, nil)
	t.Cleanup(func() { set.Close() })
	var out []*tts.Engine
	for _, spec := range specs {
		e, err := set.Get(context.Background(), spec)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// Two voices of one Google account in one process keep to the account's
// QPS together, as Google counts them: the server sees the combined calls
// at no more than --qps. Two accounts (two endpoints here; two projects in
// Google's terms) each have the whole rate.
func TestQuotaSharedByVoices(t *testing.T) {
	const qps, calls = 10, 8
	o := tts.Options{QPS: qps, Burst: 1, NoRetry: true}
	limit := qps * 1.1 // the arrival times carry a little network jitter

	srv := googletest.New(t, googletest.Options{})
	voices := openSet(t, o, srv.Spec("en-US-Neural2-F", ""), srv.Spec("fr-FR-Neural2-A", ""))
	synthesizeEach(t, 1, voices...) // connected, the rate is measured from here
	synthesizeEach(t, calls, voices...)
	rate, n := arrivalRate(2, srv)
	t.Logf("one account, two voices: %d calls reached the server at %.1f/s (--qps %d)", n, rate, qps)
	if rate > limit {
		t.Errorf("two voices of one account reached Google at %.1f requests/s, over the account's %d", rate, qps)
	}

	one, other := googletest.New(t, googletest.Options{}), googletest.New(t, googletest.Options{})
	accounts := openSet(t, o, one.Spec("en-US-Neural2-F", ""), other.Spec("fr-FR-Neural2-A", ""))
	synthesizeEach(t, 1, accounts...)
	synthesizeEach(t, calls, accounts...)
	rate, n = arrivalRate(1, one, other)
	t.Logf("two accounts: %d calls reached the servers at %.1f/s together", n, rate)
	if rate <= limit {
		t.Errorf("two accounts reached Google at %.1f requests/s together: they shared one account's %d", rate, qps)
	}
}

// A quota answer to one voice pauses the account's other voices for the
// RetryInfo delay Google gave; a voice of another account goes on.
func TestQuotaAnswerSlowsTheOtherVoice(t *testing.T) {
	const delay = 400 * time.Millisecond
	o := tts.Options{QPS: 100, Burst: 10, NoRetry: true}
	for _, tc := range []struct {
		name   string
		shared bool
	}{{"same account", true}, {"other account", false}} {
		t.Run(tc.name, func(t *testing.T) {
			hit := googletest.New(t, googletest.Options{FailResourceExhausted: 1, RetryDelay: delay})
			otherSrv := hit
			if !tc.shared {
				otherSrv = googletest.New(t, googletest.Options{})
			}
			engines := openSet(t, o, hit.Spec("en-US-Neural2-F", ""), otherSrv.Spec("fr-FR-Neural2-A", ""))
			if _, err := engines[0].Synthesize(context.Background(), tts.Request{Text: "Over quota."}); !errors.Is(err, tts.ErrRateLimited) {
				t.Fatalf("got %v, want the quota answer", err)
			}
			answered := time.Now()
			if _, err := engines[1].Synthesize(context.Background(), tts.Request{Text: "Next voice."}); err != nil {
				t.Fatal(err)
			}
			reqs := otherSrv.Requests()
			waited := reqs[len(reqs)-1].At.Sub(answered)
			t.Logf("%s: the other voice reached Google %v after the quota answer", tc.name, waited.Round(time.Millisecond))
			if tc.shared && waited < delay-20*time.Millisecond {
				t.Errorf("the other voice of the account reached Google %v after the quota answer, within its %v delay", waited, delay)
			}
			if !tc.shared && waited >= delay/2 {
				t.Errorf("a voice of another account waited %v after a quota answer that was not its own", waited)
			}
		})
	}
}

// BenchmarkGoogleQPSTwoVoices is BenchmarkGoogleQPS with two voices of one
// account in one EngineSet, taking turns: the rate reached by both together
// and its share of the account's limit, which should be near 100, not 200.
func BenchmarkGoogleQPSTwoVoices(b *testing.B) {
	const qps, jobs = 20, 16
	srv := googletest.New(b, googletest.Options{Latency: 100 * time.Millisecond})
	set := tts.NewEngineSet(tts.Options{QPS: qps, Jobs: jobs}, nil)
	defer set.Close()
	var voices []*tts.Engine
	for _, v := range []string{"en-US-Neural2-F", "fr-FR-Neural2-A"} {
		e, err := set.Get(context.Background(), srv.Spec(v, ""))
		if err != nil {
			b.Fatal(err)
		}
		voices = append(voices, e)
	}
	benchRate(b, qps, jobs, voices...)
}
