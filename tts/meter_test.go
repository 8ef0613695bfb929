package tts_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
)

func TestMeter(t *testing.T) {
	e := &scripted{errs: []error{errTransient, errRate, errTooLong, errPermanent, errors.New("no kind")}, limits: tts.Limits{SSML: true}}
	m := engine(t, e, tts.Options{NoRetry: true, QPS: -1, Jobs: -1})
	reqs := []tts.Request{
		{Text: "héllo"},
		{Text: `<speak>ab<mark name="s1"/>c &amp;</speak>`, SSML: true},
		{Text: "x"}, {Text: "x"}, {Text: "x"},
		{Text: "fine"},
	}
	for _, r := range reqs {
		m.Synthesize(context.Background(), r) //nolint:errcheck // counted
	}
	// A call whose ctx ends while it runs counts as cancelled; one refused
	// before it reaches the driver does not count.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	e.delay = time.Second
	m.Synthesize(ctx, tts.Request{Text: "gone"})                         //nolint:errcheck
	m.Synthesize(ctx, tts.Request{Text: "refused, ctx done"})            //nolint:errcheck
	m.Synthesize(context.Background(), tts.Request{Text: " "})           //nolint:errcheck
	m.Synthesize(context.Background(), tts.Request{Text: "x", Rate: 11}) //nolint:errcheck
	got := m.Stats()
	want := tts.Stats{Requests: 7, Characters: 5 + 5 + 3 + 4 + 4, Succeeded: 1, Transient: 1, RateLimited: 1, TooLong: 1, Permanent: 2, Canceled: 1}
	want.Bytes = int64(len(reqs[0].Text) + len(reqs[1].Text) + 3 + 4 + 4)
	want.AudioSeconds, want.BusySeconds = got.AudioSeconds, got.BusySeconds
	if got != want {
		t.Errorf("Stats() = %+v\nwant %+v", got, want)
	}
	if got.AudioSeconds != float64(80*4)/8000 {
		t.Errorf("AudioSeconds = %v", got.AudioSeconds)
	}
	js, _ := json.Marshal(got)
	for _, key := range []string{`"requests":7`, `"rate_limited":1`, `"too_long":1`, `"characters":21`} {
		if !strings.Contains(string(js), key) {
			t.Errorf("JSON %s lacks %s", js, key)
		}
	}
}

func TestMeterConcurrent(t *testing.T) {
	m := engine(t, &scripted{}, tts.Options{NoRetry: true})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				m.Synthesize(context.Background(), tts.Request{Text: "ab"}) //nolint:errcheck
			}
		}()
	}
	wg.Wait()
	if st := m.Stats(); st.Requests != 800 || st.Characters != 1600 || st.Succeeded != 800 {
		t.Errorf("Stats() = %+v", st)
	}
}

// TestEngineOrder: the meter sits under retry (every attempt counts) and
// under the checks (refused requests never count).
func TestEngineOrder(t *testing.T) {
	e := &scripted{errs: []error{errTransient, errTransient}, limits: tts.Limits{MaxBytes: 10, Concurrency: 2}}
	s := engine(t, e, tts.Options{Retry: tts.RetryPolicy{Initial: time.Millisecond}})
	m := s
	if _, err := s.Synthesize(context.Background(), tts.Request{Text: "ok"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Synthesize(context.Background(), tts.Request{Text: "far too long for it"}); !errors.Is(err, tts.ErrTooLong) {
		t.Fatalf("got %v, want ErrTooLong", err)
	}
	if st := m.Stats(); st.Requests != 3 || st.Transient != 2 || st.TooLong != 0 || st.Retries != 2 {
		t.Errorf("Stats() = %+v, want 3 requests, 2 transient, 2 retries, no too-long", st)
	}
	if c := s.Limits().Concurrency; c != 2 {
		t.Errorf("stack concurrency %d, want the engine's 2", c)
	}
}
