package tts_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
)

// keyed is a driver that needs a key: its check says whether one is set.
type keyed struct {
	scripted
	key    string
	checks atomic.Int32
}

func (k *keyed) CheckCredentials(ctx context.Context) error {
	k.checks.Add(1)
	if k.key == "" {
		return &tts.CredentialError{Engine: "scripted", Missing: "SCRIPTED_KEY is not set", Hint: "set it to your key"}
	}
	return nil
}

// Missing credentials are one permanent error before the driver is called:
// no request, no retry, no count of a failed call, checked once.
func TestMissingCredentialsStopBeforeTheDriver(t *testing.T) {
	d := &keyed{}
	e := engine(t, d, tts.Options{Retry: tts.RetryPolicy{Initial: time.Millisecond}})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			_, err := e.Synthesize(context.Background(), tts.Request{Text: "Hello."})
			if !errors.Is(err, tts.ErrNoCredentials) || !errors.Is(err, tts.ErrPermanent) {
				t.Errorf("got %v, want ErrNoCredentials", err)
			}
			if want := "scripted: no credentials: SCRIPTED_KEY is not set (set it to your key)"; err == nil || err.Error() != want {
				t.Errorf("message %q, want %q", err, want)
			}
		})
	}
	wg.Wait()
	if _, err := e.Voices(context.Background()); !errors.Is(err, tts.ErrNoCredentials) {
		t.Errorf("Voices: %v, want ErrNoCredentials", err)
	}
	if n := len(d.calls()); n != 0 {
		t.Errorf("the driver was called %d times", n)
	}
	if st := e.Stats(); st.Requests != 0 || st.Retries != 0 {
		t.Errorf("stats %+v, want no request and no retry", st)
	}
	if n := d.checks.Load(); n != 1 {
		t.Errorf("credentials checked %d times, want once", n)
	}
}

func TestCredentialsFound(t *testing.T) {
	d := &keyed{key: "k"}
	e := engine(t, d, tts.Options{})
	if err := e.CheckCredentials(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Synthesize(context.Background(), tts.Request{Text: "Hello."}); err != nil {
		t.Fatal(err)
	}
	if n := d.checks.Load(); n != 1 {
		t.Errorf("credentials checked %d times, want once", n)
	}
	// A driver that needs none always passes.
	if err := engine(t, &scripted{}, tts.Options{}).CheckCredentials(context.Background()); err != nil {
		t.Errorf("driver without a checker: %v", err)
	}
}

// A check cut short by its ctx is not kept as the answer.
type slowCheck struct {
	scripted
	checks atomic.Int32
}

func (s *slowCheck) CheckCredentials(ctx context.Context) error {
	if s.checks.Add(1) == 1 {
		<-ctx.Done()
		return ctx.Err()
	}
	return nil
}

func TestCredentialCheckCancelledIsNotKept(t *testing.T) {
	d := &slowCheck{}
	e := engine(t, d, tts.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := e.CheckCredentials(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v", err)
	}
	if err := e.CheckCredentials(context.Background()); err != nil {
		t.Errorf("second check: %v", err)
	}
}

// local is a driver that runs on this machine.
type local struct{ scripted }

func (*local) SpeechPerCPUSecond() float64 { return 40 }

func TestLocal(t *testing.T) {
	if s, ok := engine(t, &local{}, tts.Options{}).Local(); !ok || s != 40 {
		t.Errorf("Local() = %v, %v; want 40, true", s, ok)
	}
	if _, ok := engine(t, &scripted{}, tts.Options{}).Local(); ok {
		t.Error("a driver that is not a LocalDriver is local")
	}
}

// contextual records the neighbouring text it was given.
type contextual struct {
	scripted
	mu   sync.Mutex
	seen []string
}

func (c *contextual) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	c.mu.Lock()
	c.seen = append(c.seen, req.Previous+"|"+req.Next)
	c.mu.Unlock()
	return c.scripted.Synthesize(ctx, req)
}

// Neighbouring text reaches only drivers that say they use it.
func TestNeighbouringText(t *testing.T) {
	req := tts.Request{Text: "Middle.", Previous: "Before.", Next: "After."}
	with := &contextual{scripted: scripted{limits: tts.Limits{Context: true}}}
	without := &contextual{}
	for _, d := range []*contextual{with, without} {
		if _, err := engine(t, d, tts.Options{}).Synthesize(context.Background(), req); err != nil {
			t.Fatal(err)
		}
	}
	if with.seen[0] != "Before.|After." || without.seen[0] != "|" {
		t.Errorf("a driver with Context saw %q, one without %q", with.seen, without.seen)
	}
	bad := req
	bad.Next = "\xff"
	if _, err := engine(t, with, tts.Options{}).Synthesize(context.Background(), bad); err == nil || !strings.Contains(err.Error(), "neighbouring text") {
		t.Errorf("invalid UTF-8 next text: %v", err)
	}
}
