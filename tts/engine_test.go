package tts_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

// badClip is a driver whose every clip breaks the Driver contract.
type badClip struct{ scripted }

func (b *badClip) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	b.scripted.Synthesize(ctx, req) //nolint:errcheck // counts the call
	return &tts.Clip{Audio: audio.Buffer{Rate: 8000}}, nil
}

// An unusable clip is an ErrPermanent error naming the engine: not retried,
// counted as a permanent failure.
func TestEngineRefusesUnusableClip(t *testing.T) {
	d := &badClip{}
	e := engine(t, d, tts.Options{Retry: tts.RetryPolicy{Initial: time.Millisecond}})
	clip, err := e.Synthesize(context.Background(), tts.Request{Text: "Hello."})
	if clip != nil || !errors.Is(err, tts.ErrPermanent) || !strings.Contains(err.Error(), "scripted:") {
		t.Fatalf("got clip %v, error %v; want an ErrPermanent naming the engine", clip != nil, err)
	}
	if st := e.Stats(); st.Requests != 1 || st.Permanent != 1 || st.Retries != 0 || len(d.calls()) != 1 {
		t.Errorf("stats %+v after %d calls; want one permanent failure, no retry", st, len(d.calls()))
	}
}

// The engine answers empty text and text over the driver's byte limit
// itself, before the driver runs: these cases are the engine's, so the
// conformance suite, which tests drivers, does not hold them.
func TestEngineAnswersBeforeTheDriver(t *testing.T) {
	const limit = 40
	d := &scripted{limits: tts.Limits{MaxBytes: limit}}
	e := engine(t, d, tts.Options{})
	for _, text := range []string{"", " ", "\n\t \r\n", "\u00a0\u2003"} {
		clip, err := e.Synthesize(context.Background(), tts.Request{Text: text})
		if !errors.Is(err, tts.ErrEmptyText) || !errors.Is(err, tts.ErrPermanent) || clip != nil {
			t.Errorf("text %q: got clip %v, error %v; want ErrEmptyText (and ErrPermanent)", text, clip != nil, err)
		}
	}
	over := strings.Repeat("word ", limit)[:limit+1]
	if clip, err := e.Synthesize(context.Background(), tts.Request{Text: over}); !errors.Is(err, tts.ErrTooLong) || clip != nil {
		t.Errorf("text of %d bytes, limit %d: got clip %v, error %v; want ErrTooLong", len(over), limit, clip != nil, err)
	}
	if n := len(d.calls()); n != 0 {
		t.Fatalf("the driver was called %d times, want none", n)
	}
	if st := e.Stats(); st.Requests != 0 || st.TooLong != 0 {
		t.Errorf("stats %+v: refused requests counted", st)
	}
	// At the limit the driver is asked.
	if _, err := e.Synthesize(context.Background(), tts.Request{Text: over[:limit]}); err != nil || len(d.calls()) != 1 {
		t.Errorf("text of %d bytes, limit %d: %v after %d driver calls; want the driver's clip", limit, limit, err, len(d.calls()))
	}
}

// resetting is a driver whose connection breaks when ctx ends: it answers
// with a transient error of its own, not ctx's.
type resetting struct{ scripted }

func (r *resetting) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	<-ctx.Done()
	return nil, tts.Errorf(tts.ErrTransient, "x", "connection reset")
}

// A driver error given while ctx ends matches ctx's error, whatever the
// driver made of it, and is not retried.
func TestEngineMapsCancellation(t *testing.T) {
	e := engine(t, &resetting{}, tts.Options{Retry: tts.RetryPolicy{Initial: time.Millisecond}})
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if _, err := e.Synthesize(ctx, tts.Request{Text: "x"}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("done ctx before the call: %v", err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel)
	_, err := e.Synthesize(ctx, tts.Request{Text: "x"})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "connection reset") {
		t.Errorf("ctx cancelled during the call: %v, want context.Canceled with the driver's error", err)
	}
	if st := e.Stats(); st.Canceled != 1 || st.Retries != 0 {
		t.Errorf("stats %+v, want one cancelled call, no retry", st)
	}
}

func TestNewOptions(t *testing.T) {
	ctx := context.Background()
	if _, err := tts.New(ctx, tts.Options{}); err == nil {
		t.Error("New with neither Spec nor Driver succeeded")
	}
	if _, err := tts.New(ctx, tts.Options{Spec: "x:", Driver: &scripted{}}); err == nil {
		t.Error("New with both Spec and Driver succeeded")
	}
	if _, err := tts.New(ctx, tts.Options{Spec: "nosuchengine:voice"}); !errors.Is(err, tts.ErrBadSpec) {
		t.Errorf("unknown scheme: %v, want ErrBadSpec", err)
	}
	d := &scripted{limits: tts.Limits{Concurrency: 4, QPS: 50, MaxBytes: 100}}
	if l := engine(t, d, tts.Options{Jobs: 2, QPS: 10}).Limits(); l.Concurrency != 2 || l.QPS != 10 || l.MaxBytes != 100 {
		t.Errorf("Limits with Jobs 2, QPS 10 = %+v", l)
	}
	if l := engine(t, d, tts.Options{}).Limits(); l.Concurrency != 4 || l.QPS != 50 {
		t.Errorf("Limits by default = %+v, want the driver's", l)
	}
}
