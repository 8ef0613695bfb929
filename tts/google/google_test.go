package google_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/google"
	"github.com/narrate-dev/narrate/tts/google/googletest"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// open opens spec in an Engine without retries or limits, so a test sees
// each call's own outcome.
func open(t testing.TB, spec string) *tts.Engine {
	t.Helper()
	return ttstest.Engine(t, driver(t, spec))
}

// driver opens spec's raw driver.
func driver(t testing.TB, spec string) tts.Driver {
	t.Helper()
	sp, err := tts.ParseSpec(spec)
	if err != nil {
		t.Fatal(err)
	}
	o, err := google.ParseOptions(sp)
	if err != nil {
		t.Fatalf("ParseOptions(%q): %v", spec, err)
	}
	return google.New(o)
}

func checkNoViolations(t *testing.T, srv *googletest.Server) {
	t.Helper()
	for _, v := range srv.Violations() {
		t.Errorf("server saw a bad request: %s", v)
	}
}

func TestConformance(t *testing.T) {
	srv := googletest.New(t, googletest.Options{})
	ttstest.RunConformance(t, func(t *testing.T) tts.Driver {
		return driver(t, srv.Spec("en-US-Neural2-F", "timeout=20s"))
	}, ttstest.Options{NoWordMarks: true, Deterministic: true})
	checkNoViolations(t, srv)
}

func TestSentenceMarks(t *testing.T) {
	srv := googletest.New(t, googletest.Options{SampleRate: 16000})
	s := open(t, srv.Spec("en-US-Neural2-F", "rate=1.25&pitch=-2&profile=headphone-class-device"))
	text := `The council met on Tuesday. "We agreed," said the mayor. Rain & wind <b>closed</b> roads! 12 schools shut.`
	clip, err := s.Synthesize(context.Background(), tts.Request{Text: text, SampleRate: 16000})
	if err != nil {
		t.Fatal(err)
	}
	wantStarts := []string{"The council", `"We agreed`, "Rain &", "12 schools"}
	if len(clip.Marks) != len(wantStarts) {
		t.Fatalf("got %d marks %+v, want %d", len(clip.Marks), clip.Marks, len(wantStarts))
	}
	prev := -1
	for i, m := range clip.Marks {
		if m.Kind != tts.MarkSentence || !strings.HasPrefix(text[m.Start:m.End], wantStarts[i]) {
			t.Errorf("mark %d: %v %q, want a sentence starting %q", i, m.Kind, text[m.Start:m.End], wantStarts[i])
		}
		if m.Sample <= prev {
			t.Errorf("mark %d at sample %d, not after %d", i, m.Sample, prev)
		}
		prev = m.Sample
	}
	if clip.Audio.Rate != 16000 {
		t.Errorf("rate %d, want 16000", clip.Audio.Rate)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 || !reqs[0].Beta || !reqs[0].TimePointing {
		t.Fatalf("want one v1beta1 request with time pointing, got %+v", reqs)
	}
	r := reqs[0].Req
	ssml := r.GetInput().GetSsml()
	if strings.Contains(ssml, "<b>") || !strings.Contains(ssml, "&lt;b&gt;") || !strings.Contains(ssml, "&amp;") {
		t.Errorf("article text not escaped in %q", ssml)
	}
	ac := r.GetAudioConfig()
	if ac.GetSpeakingRate() != 1.25 || ac.GetPitch() != -2 || ac.GetSampleRateHertz() != 16000 ||
		len(ac.GetEffectsProfileId()) != 1 || r.GetVoice().GetLanguageCode() != "en-US" {
		t.Errorf("request config %v voice %v", ac, r.GetVoice())
	}
	checkNoViolations(t, srv)
}

func TestNoMarksOption(t *testing.T) {
	srv := googletest.New(t, googletest.Options{})
	s := open(t, srv.Spec("en-GB-Wavenet-B", "marks=false"))
	clip, err := s.Synthesize(context.Background(), tts.Request{Text: "One. Two."})
	if err != nil {
		t.Fatal(err)
	}
	if len(clip.Marks) != 0 || len(clip.Notes) == 0 {
		t.Errorf("marks %v notes %q, want none and a note", clip.Marks, clip.Notes)
	}
	if r := srv.Requests()[0]; r.Beta || r.Req.GetInput().GetText() != "One. Two." {
		t.Errorf("want a plain v1 text request, got beta=%v input %v", r.Beta, r.Req.GetInput())
	}
}

// splitSentences cuts text into pieces of at most limit bytes at sentence
// ends, standing in for the pipeline's splitter.
func splitSentences(text string, limit int) []string {
	var out []string
	var cur strings.Builder
	for _, s := range strings.SplitAfter(text, ". ") {
		if cur.Len()+len(s) > limit && cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
		cur.WriteString(s)
	}
	return append(out, cur.String())
}

func TestLongArticle(t *testing.T) {
	srv := googletest.New(t, googletest.Options{SampleRate: 24000})
	s := open(t, srv.Spec("en-US-Neural2-D", ""))
	text := ttstest.Prose(3000)
	if len(text) < 3*google.MaxBytes {
		t.Fatalf("prose of %d bytes is too short for the test", len(text))
	}
	pieces := splitSentences(text, s.Limits().MaxBytes)
	var total time.Duration
	for i, p := range pieces {
		clip, err := s.Synthesize(context.Background(), tts.Request{Text: p, SampleRate: 24000})
		if err != nil {
			t.Fatalf("piece %d (%d bytes): %v", i, len(p), err)
		}
		total += clip.Duration()
	}
	for _, r := range srv.Requests() {
		if n := len(r.Req.GetInput().GetSsml()) + len(r.Req.GetInput().GetText()); n > googletest.MaxInputBytes {
			t.Errorf("request of %d bytes sent", n)
		}
	}
	if len(srv.Requests()) != len(pieces) {
		t.Errorf("%d requests for %d pieces", len(srv.Requests()), len(pieces))
	}
	if total < time.Minute {
		t.Errorf("%d bytes rendered to only %v", len(text), total)
	}
	checkNoViolations(t, srv)
}

func TestTooLongSentence(t *testing.T) {
	srv := googletest.New(t, googletest.Options{TooLongOver: 80})
	s := open(t, srv.Spec("en-US-Neural2-F", ""))
	_, err := s.Synthesize(context.Background(), tts.Request{Text: strings.Repeat("word ", 40) + "end."})
	if !errors.Is(err, tts.ErrTooLong) {
		t.Fatalf("got %v, want ErrTooLong", err)
	}
	if _, err := s.Synthesize(context.Background(), tts.Request{Text: "Short one. Another short one."}); err != nil {
		t.Fatalf("short sentences: %v", err)
	}
}

func TestFaultsSurvivedWithRetry(t *testing.T) {
	srv := googletest.New(t, googletest.Options{FailUnavailable: 2, FailResourceExhausted: 2, RetryDelay: 30 * time.Millisecond})
	var mu sync.Mutex
	var retried []error
	s := ttstest.EngineWith(t, driver(t, srv.Spec("en-US-Neural2-F", "")), tts.Options{Retry: tts.RetryPolicy{
		Initial: 5 * time.Millisecond, MaxAttempts: 6,
		OnRetry: func(_ int, err error, _ time.Duration) { mu.Lock(); retried = append(retried, err); mu.Unlock() },
	}})
	clip, err := s.Synthesize(context.Background(), tts.Request{Text: "It survived. Every fault."})
	if err != nil {
		t.Fatal(err)
	}
	if len(clip.Marks) != 2 {
		t.Errorf("%d marks, want 2", len(clip.Marks))
	}
	st := s.Stats()
	if st.Requests != 5 || st.Transient != 2 || st.RateLimited != 2 || st.Succeeded != 1 {
		t.Errorf("stats %+v, want 5 requests: 2 transient, 2 rate limited, 1 success", st)
	}
	if len(retried) != 4 || !errors.Is(retried[0], tts.ErrTransient) || !errors.Is(retried[3], tts.ErrRateLimited) {
		t.Errorf("retried after %v", retried)
	}
	if d := tts.RetryAfter(retried[3]); d != 30*time.Millisecond {
		t.Errorf("RetryAfter from RetryInfo = %v, want 30ms", d)
	}
}

// callTimes is a driver that records when each call starts and when a
// rate-limit answer comes back, on the client's side, so the check below
// does not depend on how long a request takes to reach the server on a busy
// machine.
type callTimes struct {
	tts.Driver
	mu      sync.Mutex
	starts  []time.Time
	quotaAt time.Time
}

func (c *callTimes) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	c.mu.Lock()
	c.starts = append(c.starts, time.Now())
	c.mu.Unlock()
	clip, err := c.Driver.Synthesize(ctx, req)
	if errors.Is(err, tts.ErrRateLimited) {
		c.mu.Lock()
		c.quotaAt = time.Now()
		c.mu.Unlock()
	}
	return clip, err
}

// TestQuotaSlowsDown checks that one ResourceExhausted answer pauses every
// caller for the RetryInfo delay instead of letting them hammer the server.
func TestQuotaSlowsDown(t *testing.T) {
	const delay = 300 * time.Millisecond
	srv := googletest.New(t, googletest.Options{FailResourceExhausted: 1, RetryDelay: delay, Latency: 10 * time.Millisecond})
	d := &callTimes{Driver: driver(t, srv.Spec("en-US-Neural2-F", ""))}
	s := ttstest.EngineWith(t, d, tts.Options{QPS: 100, Jobs: 4, Retry: tts.RetryPolicy{Initial: time.Millisecond}})
	var wg sync.WaitGroup
	// Enough callers that, without the pause, calls would still be
	// starting well inside it.
	const callers = 24
	errs := make(chan error, callers)
	for i := range callers {
		wg.Go(func() {
			_, err := s.Synthesize(context.Background(), tts.Request{Text: fmt.Sprintf("Caller number %d speaks.", i)})
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("a caller failed: %v", err)
		}
	}
	if d.quotaAt.IsZero() {
		t.Fatal("no ResourceExhausted answer came back")
	}
	// No call may start within the pause after the quota answer came back
	// (a grace of 100 ms for the moment between the answer and the pause
	// being set, on a busy machine).
	var early int
	for _, at := range d.starts {
		if gap := at.Sub(d.quotaAt); gap > 100*time.Millisecond && gap < delay-20*time.Millisecond {
			early++
		}
	}
	if early > 0 {
		t.Errorf("%d calls started during the %v quota pause", early, delay)
	}
	if n := len(srv.Requests()); n != callers+1 {
		t.Errorf("the server saw %d requests, want %d (one retry)", n, callers+1)
	}
	if st := s.Stats(); st.Succeeded != callers || st.RateLimited != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestStallTimeout(t *testing.T) {
	srv := googletest.New(t, googletest.Options{Stall: 10 * time.Second})
	s := open(t, srv.Spec("en-US-Neural2-F", "timeout=200ms"))
	start := time.Now()
	_, err := s.Synthesize(context.Background(), tts.Request{Text: "Nobody answers."})
	if !errors.Is(err, tts.ErrTransient) || !strings.Contains(err.Error(), "200ms timeout") {
		t.Errorf("got %v, want a transient error naming the timeout", err)
	}
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("took %v", el)
	}
	// The caller's own deadline is reported as such.
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := s.Synthesize(ctx, tts.Request{Text: "Nobody answers."}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want context.DeadlineExceeded", err)
	}
}

func TestUnreachableEndpoint(t *testing.T) {
	srv := googletest.New(t, googletest.Options{})
	spec := srv.Spec("en-US-Neural2-F", "timeout=2s")
	srv.Close()
	s := open(t, spec)
	_, err := s.Synthesize(context.Background(), tts.Request{Text: "Hello."})
	if !errors.Is(err, tts.ErrTransient) {
		t.Errorf("got %v, want ErrTransient", err)
	}
}

func TestMissingCredentials(t *testing.T) {
	t.Setenv("GOOGLE_APPLICATION_CREDENTIALS", t.TempDir()+"/missing-key.json")
	s := open(t, "google:en-US-Neural2-F") // opening needs no credentials
	for _, call := range []func(ctx context.Context) error{
		func(ctx context.Context) error { _, err := s.Synthesize(ctx, tts.Request{Text: "Hi."}); return err },
		func(ctx context.Context) error { _, err := s.Voices(ctx); return err },
	} {
		start := time.Now()
		err := call(context.Background())
		if !errors.Is(err, tts.ErrNoCredentials) || !errors.Is(err, tts.ErrPermanent) {
			t.Fatalf("got %v, want ErrNoCredentials", err)
		}
		msg := err.Error()
		for _, want := range []string{"google: no credentials", "GOOGLE_APPLICATION_CREDENTIALS", "gcloud auth application-default login", "missing-key.json"} {
			if !strings.Contains(msg, want) {
				t.Errorf("message %q lacks %q", msg, want)
			}
		}
		if el := time.Since(start); el > time.Second {
			t.Errorf("took %v: it should not touch the network", el)
		}
	}
}

func TestBadVoice(t *testing.T) {
	srv := googletest.New(t, googletest.Options{})
	if _, err := tts.New(context.Background(), tts.Options{Spec: srv.Spec("neural", "")}); err == nil || !strings.Contains(err.Error(), "not a Google voice name") {
		t.Errorf("Open with a bad voice name: %v", err)
	}
	s := open(t, srv.Spec("en-US-Nonexistent-Z", ""))
	_, err := s.Synthesize(context.Background(), tts.Request{Text: "Hello."})
	if !errors.Is(err, tts.ErrPermanent) || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("unknown voice: %v, want ErrPermanent with the server's message", err)
	}
}

func TestVoices(t *testing.T) {
	srv := googletest.New(t, googletest.Options{})
	vs, err := open(t, srv.Spec("", "")).Voices(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != len(googletest.DefaultVoices()) || vs[0].Name != "en-GB-Wavenet-B" || vs[0].Gender != "male" || vs[0].Languages[0] != "en-GB" {
		t.Errorf("voices %+v", vs)
	}
}

func TestID(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"google:en-US-Neural2-F?rate=1", "google:en-US-Neural2-F?rate=1.0&timeout=5s&marks=false"},
		{"google:?pitch=0", "google:en-US-Neural2-F"},
	} {
		if a, b := open(t, tc.a).ID(), open(t, tc.b).ID(); a != b {
			t.Errorf("ID(%q) = %q, ID(%q) = %q; want equal", tc.a, a, tc.b, b)
		}
	}
	for _, tc := range []struct{ a, b string }{
		{"google:en-US-Neural2-F", "google:en-US-Neural2-D"},
		{"google:en-US-Neural2-F", "google:en-US-Neural2-F?rate=1.1"},
		{"google:en-US-Neural2-F", "google:en-US-Neural2-F?pitch=1"},
		{"google:en-US-Neural2-F", "google:en-US-Neural2-F?profile=telephony-class-application"},
		{"google:en-US-Neural2-F", "google:en-US-Neural2-F?endpoint=127.0.0.1:1&insecure=true"},
	} {
		if a, b := open(t, tc.a).ID(), open(t, tc.b).ID(); a == b {
			t.Errorf("ID(%q) = ID(%q) = %q; want different", tc.a, tc.b, a)
		}
	}
}

func TestParseOptionsErrors(t *testing.T) {
	for _, spec := range []string{
		"google:en-US-Neural2-F?rate=9",
		"google:en-US-Neural2-F?rate=fast",
		"google:en-US-Neural2-F?pitch=30",
		"google:en-US-Neural2-F?timeout=-1s",
		"google:en-US-Neural2-F?marks=maybe",
		"google:en-US-Neural2-F?endpoint=nohost",
		"google:en-US-Neural2-F?insecure=true",
		"google:en-US-Neural2-F?volume=3",
		"google:en-US-Neural2-F?rate=1&rate=2",
		"google:english",
	} {
		if _, err := tts.New(context.Background(), tts.Options{Spec: spec}); err == nil {
			t.Errorf("Open(%q) succeeded, want an error", spec)
		}
	}
}

// BenchmarkGoogleQPS renders 200 requests through the fake server at 100 ms
// latency with the limiter at 20 requests/s, and reports the rate reached
// and its share of the limit.
func BenchmarkGoogleQPS(b *testing.B) {
	const qps, jobs = 20, 16
	srv := googletest.New(b, googletest.Options{Latency: 100 * time.Millisecond})
	s := ttstest.EngineWith(b, driver(b, srv.Spec("en-US-Neural2-F", "")), tts.Options{QPS: qps, Jobs: jobs})
	benchRate(b, qps, jobs, s)
}

// benchRate makes 200 requests an iteration from jobs callers for each
// engine, the engines taking turns, and reports the rate they reached
// together and its share of qps.
func benchRate(b *testing.B, qps float64, jobs int, engines ...*tts.Engine) {
	const reqs = 200
	var elapsed time.Duration
	for b.Loop() {
		start := time.Now()
		work := make(chan int)
		var wg sync.WaitGroup
		for w := range jobs * len(engines) {
			wg.Go(func() {
				for i := range work {
					if _, err := engines[w%len(engines)].Synthesize(context.Background(), tts.Request{Text: fmt.Sprintf("Paragraph %d is short.", i)}); err != nil {
						b.Error(err)
					}
				}
			})
		}
		for i := range reqs {
			work <- i
		}
		close(work)
		wg.Wait()
		elapsed += time.Since(start)
	}
	rate := float64(reqs*b.N) / elapsed.Seconds()
	b.ReportMetric(rate, "req/s")
	b.ReportMetric(100*rate/qps, "%limit")
}

func Example() {
	srv, err := googletest.Start(googletest.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	s, err := tts.New(context.Background(), tts.Options{Spec: "google:en-US-Neural2-F?insecure=true&endpoint=" + srv.Addr()})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	clip, err := s.Synthesize(context.Background(), tts.Request{Text: "Good morning. Here is the news."})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(clip.Audio.Rate, "Hz,", len(clip.Marks), "sentence marks")
	// Output: 24000 Hz, 2 sentence marks
}

// The voices of one endpoint are one account (a process has one set of
// Application Default Credentials); another endpoint is another.
func TestAccount(t *testing.T) {
	ttstest.RunAccounts(t, driver,
		[][2]string{
			{"google:en-US-Neural2-F", "google:fr-FR-Neural2-A?rate=1.2&pitch=2"},
			{"google:en-US-Neural2-F?endpoint=127.0.0.1:1&insecure=true", "google:de-DE-Neural2-G?endpoint=127.0.0.1:1"},
		},
		[][2]string{{"google:en-US-Neural2-F", "google:en-US-Neural2-F?endpoint=127.0.0.1:1&insecure=true"}})
}
