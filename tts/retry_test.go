package tts_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

// scripted is an engine that fails with errs in turn, then succeeds with a
// short clip. It records when each call arrived.
type scripted struct {
	mu     sync.Mutex
	errs   []error
	delay  time.Duration
	limits tts.Limits
	at     []time.Time
	// inFlight and maxInFlight count concurrent calls.
	inFlight, maxInFlight int
}

func (s *scripted) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	s.mu.Lock()
	s.at = append(s.at, time.Now())
	var err error
	if len(s.errs) > 0 {
		err, s.errs = s.errs[0], s.errs[1:]
	}
	s.inFlight++
	s.maxInFlight = max(s.maxInFlight, s.inFlight)
	s.mu.Unlock()
	defer func() { s.mu.Lock(); s.inFlight--; s.mu.Unlock() }()
	if s.delay > 0 {
		select {
		case <-time.After(s.delay):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if err != nil {
		return nil, err
	}
	return &tts.Clip{Audio: audio.Buffer{Rate: 8000, Samples: make([]float32, 80*len(req.Text))}}, nil
}

func (s *scripted) calls() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.at...)
}

func (s *scripted) Limits() tts.Limits                        { return s.limits }
func (*scripted) Voices(context.Context) ([]tts.Voice, error) { return nil, nil }
func (*scripted) ID() string                                  { return "scripted:" }
func (*scripted) Close() error                                { return nil }

// engine puts d in an Engine with o (o.Driver is set to d).
func engine(t testing.TB, d tts.Driver, o tts.Options) *tts.Engine {
	t.Helper()
	o.Driver = d
	e, err := tts.New(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

var (
	errTransient = tts.Errorf(tts.ErrTransient, "x", "503")
	errRate      = &tts.Error{Kind: tts.ErrRateLimited, Engine: "x", RetryAfter: 30 * time.Millisecond, Err: errors.New("429")}
	errTooLong   = tts.Errorf(tts.ErrTooLong, "x", "too long")
	errPermanent = tts.Errorf(tts.ErrPermanent, "x", "bad voice")
)

func TestEngineRetry(t *testing.T) {
	fast := tts.RetryPolicy{Initial: time.Millisecond, Max: 5 * time.Millisecond}
	for _, tc := range []struct {
		name    string
		errs    []error
		policy  tts.RetryPolicy
		calls   int
		wantErr error
	}{
		{"success", nil, fast, 1, nil},
		{"transient then success", []error{errTransient, errTransient}, fast, 3, nil},
		{"rate limited then success", []error{errRate}, fast, 2, nil},
		{"too long at once", []error{errTooLong}, fast, 1, tts.ErrTooLong},
		{"permanent at once", []error{errPermanent}, fast, 1, tts.ErrPermanent},
		{"no kind at once", []error{errors.New("odd")}, fast, 1, tts.ErrPermanent},
		{"attempts run out", []error{errTransient, errTransient, errTransient}, tts.RetryPolicy{Initial: time.Millisecond, MaxAttempts: 3}, 3, tts.ErrTransient},
		{"elapsed runs out", []error{errRate, errRate}, tts.RetryPolicy{Initial: time.Millisecond, MaxElapsed: 10 * time.Millisecond}, 1, tts.ErrRateLimited},
		{"transient then permanent", []error{errTransient, errPermanent}, fast, 2, tts.ErrPermanent},
	} {
		e := &scripted{errs: tc.errs}
		_, err := engine(t, e, tts.Options{Retry: tc.policy}).Synthesize(context.Background(), tts.Request{Text: "hi"})
		if got := len(e.calls()); got != tc.calls {
			t.Errorf("%s: %d calls, want %d", tc.name, got, tc.calls)
		}
		switch {
		case tc.name == "no kind at once" && (err == nil || err.Error() != "odd"):
			t.Errorf("%s: got %v, want the error's text unchanged", tc.name, err)
		case tc.wantErr == nil && err != nil, tc.wantErr != nil && !errors.Is(err, tc.wantErr):
			t.Errorf("%s: got %v, want %v", tc.name, err, tc.wantErr)
		}
	}
}

func TestRetryBackoffBounded(t *testing.T) {
	const attempts = 8
	errs := make([]error, attempts-1)
	for i := range errs {
		errs[i] = errTransient
	}
	errs[3] = errRate // asks for 30ms
	var waits []time.Duration
	p := tts.RetryPolicy{
		MaxAttempts: attempts, Initial: time.Millisecond, Max: 8 * time.Millisecond, Multiplier: 2,
		OnRetry: func(attempt int, err error, wait time.Duration) {
			if attempt != len(waits)+1 {
				t.Errorf("attempt %d reported after %d retries", attempt, len(waits))
			}
			waits = append(waits, wait)
		},
	}
	if _, err := engine(t, &scripted{errs: errs}, tts.Options{Retry: p}).Synthesize(context.Background(), tts.Request{Text: "x"}); err != nil {
		t.Fatal(err)
	}
	if len(waits) != attempts-1 {
		t.Fatalf("%d waits, want %d", len(waits), attempts-1)
	}
	for i, w := range waits {
		ceil := min(time.Millisecond<<i, 8*time.Millisecond)
		if i == 3 {
			if w < 30*time.Millisecond {
				t.Errorf("wait %d = %v, shorter than the Retry-After of 30ms", i+1, w)
			}
			continue
		}
		if w < 0 || w > ceil {
			t.Errorf("wait %d = %v, outside [0, %v]", i+1, w, ceil)
		}
	}
}

func TestRetryCancelDuringWait(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	p := tts.RetryPolicy{Initial: time.Hour, Max: time.Hour, MaxElapsed: 2 * time.Hour,
		OnRetry: func(int, error, time.Duration) { time.AfterFunc(20*time.Millisecond, cancel) }}
	start := time.Now()
	_, err := engine(t, &scripted{errs: []error{&tts.Error{Kind: tts.ErrRateLimited, RetryAfter: time.Hour}}}, tts.Options{Retry: p, QPS: -1}).
		Synthesize(ctx, tts.Request{Text: "x"})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("cancel took %v", el)
	}
}

func ExampleNew() {
	// A driver that is overloaded twice, then answers.
	driver := &scripted{errs: []error{
		tts.Errorf(tts.ErrTransient, "demo", "503 service unavailable"),
		&tts.Error{Kind: tts.ErrRateLimited, Engine: "demo", RetryAfter: 10 * time.Millisecond, Err: errors.New("429")},
	}}
	s, err := tts.New(context.Background(), tts.Options{Driver: driver, Retry: tts.RetryPolicy{
		Initial: 5 * time.Millisecond,
		OnRetry: func(attempt int, err error, wait time.Duration) {
			fmt.Printf("attempt %d failed (%v); retrying\n", attempt, err)
		},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	clip, err := s.Synthesize(context.Background(), tts.Request{Text: "Hello."})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("got", len(clip.Audio.Samples), "samples after", s.Stats().Retries, "retries")
	// Output:
	// attempt 1 failed (demo: 503 service unavailable); retrying
	// attempt 2 failed (demo: 429); retrying
	// got 480 samples after 2 retries
}
