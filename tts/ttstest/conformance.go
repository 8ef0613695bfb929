package ttstest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
)

// Options tell RunConformance what an engine does not do, so the suite checks
// the rest strictly. The zero value expects a real speech engine with word
// timings.
type Options struct {
	// NoMarks: the engine gives no marks at all (and says so in Clip.Notes).
	NoMarks bool
	// NoWordMarks: the engine gives sentence marks but no word marks.
	NoWordMarks bool
	// Deterministic: identical requests give identical samples; the suite
	// then checks it, sequentially and under concurrency.
	Deterministic bool
	// NotSpeech: the audio is a stand-in whose length does not follow the
	// text (a test server returning canned audio); the checks of speaking
	// rate, of Request.Rate and of duration growing with text are skipped.
	NotSpeech bool
	// CallTimeout bounds every call the suite makes; 0 means one minute.
	CallTimeout time.Duration
	// Slow, if set, opens the driver so that a call takes a while (a
	// latency option, a slow test server); the Cancel and Deadline cases
	// then use it. Without it they use the driver open gives, and fail if a
	// call of the longest text it takes is over too soon to be cancelled
	// while it runs, since a driver that ignores ctx would go unnoticed.
	Slow func(t *testing.T) tts.Driver
}

// RunConformance runs the conformance suite against the driver open
// returns. open is called once per subtest and must return a fresh, working
// driver (or fail t); the suite closes it when the subtest ends, so Close
// must be harmless to repeat if open also registers a Close.
//
// Every call goes through a tts.Engine made with tts.New, as users hold
// drivers, but without retries or limits of its own: what the suite sees is
// the driver's behaviour (its audio, marks, declared limits, SSML, and how
// it answers a context ended while it works), plus the Engine's checks.
//
// At most one Options may be given.
func RunConformance(t *testing.T, open func(t *testing.T) tts.Driver, opts ...Options) {
	t.Helper()
	if len(opts) > 1 {
		t.Fatalf("RunConformance: %d Options given, at most one allowed", len(opts))
	}
	var o Options
	if len(opts) == 1 {
		o = opts[0]
	}
	if o.CallTimeout == 0 {
		o.CallTimeout = time.Minute
	}
	h := &harness{open: open, opts: o}
	for _, tc := range []struct {
		name string
		run  func(*testing.T, *harness)
	}{
		{"ID", testID},
		{"Limits", testLimits},
		{"Credentials", testCredentials},
		{"Voices", testVoices},
		{"Audio", testAudio},
		{"SampleRate", testSampleRate},
		{"DurationGrowsWithText", testDurationGrows},
		{"SpeakingRate", testSpeakingRate},
		{"Marks", testMarks},
		{"WithinLimit", testWithinLimit},
		{"Cancel", testCancel},
		{"Deadline", testDeadline},
		{"Concurrent", testConcurrent},
		{"Deterministic", testDeterministic},
		{"Unicode", testUnicode},
		{"SSML", testSSML},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, h) })
	}
}

type harness struct {
	open func(t *testing.T) tts.Driver
	opts Options

	// The length of a call of long text, measured once for Cancel and
	// Deadline.
	timed    sync.Once
	callTime time.Duration
}

// engine opens a fresh driver for t in an Engine, closed at the end.
func (h *harness) engine(t *testing.T) *tts.Engine {
	t.Helper()
	return h.wrap(t, h.open(t))
}

// wrap puts d in an Engine without retries or limits, closed at the end.
func (h *harness) wrap(t *testing.T, d tts.Driver) *tts.Engine {
	t.Helper()
	if d == nil {
		t.Fatal("open returned a nil Driver")
	}
	e, err := tts.New(context.Background(), tts.Options{Driver: d, NoRetry: true, QPS: -1, Jobs: -1})
	if err != nil {
		t.Fatalf("tts.New: %v", err)
	}
	t.Cleanup(func() {
		if err := e.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return e
}

// say synthesizes req with the call timeout, failing t on error, and checks
// the clip against the contract. A call that fails with a transient error
// (a connection dropped under a loaded machine: "use of closed network
// connection" met a test server once in several full runs) is made once
// more, as an Engine with retries would, and the first error is logged:
// the engines here run without retries so that the cases that check
// error kinds see the driver's own answer, and say is not one of them.
func (h *harness) say(t *testing.T, s *tts.Engine, req tts.Request) *tts.Clip {
	t.Helper()
	call := func() (*tts.Clip, error) {
		ctx, cancel := context.WithTimeout(context.Background(), h.opts.CallTimeout)
		defer cancel()
		return s.Synthesize(ctx, req)
	}
	clip, err := call()
	if errors.Is(err, tts.ErrTransient) {
		t.Logf("Synthesize(%.40q): %v; once more", req.Text, err)
		clip, err = call()
	}
	if err != nil {
		t.Fatalf("Synthesize(%.40q): %v", req.Text, err)
	}
	if !CheckClip(t, req, clip) {
		t.FailNow()
	}
	h.checkMarks(t, req, clip)
	return clip
}

// checkMarks checks the engine gives the marks Options promise.
func (h *harness) checkMarks(t *testing.T, req tts.Request, clip *tts.Clip) {
	t.Helper()
	words := len(WordMarks(clip))
	switch {
	case h.opts.NoMarks && len(clip.Marks) > 0:
		t.Errorf("Options.NoMarks, but the clip for %.40q has %d marks", req.Text, len(clip.Marks))
	case !h.opts.NoMarks && len(clip.Marks) == 0:
		t.Errorf("clip for %.40q has no marks (set Options.NoMarks if the engine gives none); notes: %q", req.Text, clip.Notes)
	case !h.opts.NoMarks && !h.opts.NoWordMarks && words == 0 && len(Words(req.Text)) > 0:
		t.Errorf("clip for %.40q has no word marks (set Options.NoWordMarks if the engine gives none)", req.Text)
	}
}

func testID(t *testing.T, h *harness) {
	s := h.engine(t)
	id := s.ID()
	if strings.TrimSpace(id) == "" {
		t.Fatal("ID() is empty")
	}
	if id2 := s.ID(); id2 != id {
		t.Errorf("ID() changed from %q to %q", id, id2)
	}
	if id3 := h.engine(t).ID(); id3 != id {
		t.Errorf("a second engine opened the same way has ID %q, the first %q", id3, id)
	}
}

func testLimits(t *testing.T, h *harness) {
	s := h.engine(t)
	l := s.Limits()
	if l != s.Limits() {
		t.Errorf("Limits() changed between calls")
	}
	if l.MaxBytes < 0 || l.Concurrency < 0 || l.QPS < 0 {
		t.Errorf("Limits() has a negative field: %+v", l)
	}
	if l.NativeRate != 0 && (l.NativeRate < 4000 || l.NativeRate > 192000) {
		t.Errorf("Limits().NativeRate = %d, outside 4000..192000", l.NativeRate)
	}
}

// testCredentials: a driver that checks its credentials finds the ones
// the test gave it, without a request (the harness's driver works, so they
// are there), and answers a done ctx promptly.
func testCredentials(t *testing.T, h *harness) {
	d := h.open(t)
	t.Cleanup(func() { d.Close() })
	cc, ok := d.(tts.CredentialChecker)
	if !ok {
		t.Skip("the driver needs no credentials (no tts.CredentialChecker)")
	}
	ctx, cancel := context.WithTimeout(context.Background(), h.opts.CallTimeout)
	defer cancel()
	if err := cc.CheckCredentials(ctx); err != nil {
		t.Errorf("CheckCredentials: %v, but the driver the test opened has its credentials", err)
	}
	done, cancel2 := context.WithCancel(context.Background())
	cancel2()
	start := time.Now()
	if err := cc.CheckCredentials(done); err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, tts.ErrNoCredentials) {
		t.Errorf("CheckCredentials with a done ctx: %v, want nil, context.Canceled or ErrNoCredentials", err)
	}
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("CheckCredentials with a done ctx took %v", el)
	}
}

func testVoices(t *testing.T, h *harness) {
	s := h.engine(t)
	ctx, cancel := context.WithTimeout(context.Background(), h.opts.CallTimeout)
	defer cancel()
	vs, err := s.Voices(ctx)
	if err != nil {
		t.Fatalf("Voices: %v", err)
	}
	if len(vs) == 0 {
		t.Fatal("Voices returned no voice")
	}
	seen := map[string]bool{}
	for i, v := range vs {
		if strings.TrimSpace(v.Name) == "" {
			t.Errorf("voice %d has no name: %+v", i, v)
		}
		if seen[v.Name] {
			t.Errorf("voice name %q listed twice", v.Name)
		}
		seen[v.Name] = true
		if v.SampleRate < 0 {
			t.Errorf("voice %q has sample rate %d", v.Name, v.SampleRate)
		}
	}
}

func testAudio(t *testing.T, h *harness) {
	s := h.engine(t)
	clip := h.say(t, s, tts.Request{Text: "Hello, and welcome to the evening news."})
	if nr := s.Limits().NativeRate; nr != 0 && clip.Audio.Rate != nr {
		t.Errorf("no sample rate asked: clip at %d Hz, Limits().NativeRate %d", clip.Audio.Rate, nr)
	}
	if d := clip.Duration(); d < 300*time.Millisecond || d > 30*time.Second {
		t.Errorf("a seven-word sentence lasts %v", d)
	}
}

func testSampleRate(t *testing.T, h *harness) {
	s := h.engine(t)
	native := s.Limits().NativeRate
	text := Prose(10)
	var durations []time.Duration
	for _, sr := range []int{16000, 24000, 44100} {
		clip := h.say(t, s, tts.Request{Text: text, SampleRate: sr})
		switch got := clip.Audio.Rate; {
		case got == sr:
		case native != 0 && got == native:
		default:
			t.Errorf("asked for %d Hz: clip at %d Hz, neither that nor Limits().NativeRate %d", sr, got, native)
		}
		durations = append(durations, clip.Duration())
	}
	lo, hi := slices.Min(durations), slices.Max(durations)
	if float64(hi-lo) > 0.05*float64(hi)+float64(50*time.Millisecond) {
		t.Errorf("same text at 16, 24 and 44.1 kHz lasts %v: a clip's rate is misreported", durations)
	}
}

func testDurationGrows(t *testing.T, h *harness) {
	if h.opts.NotSpeech {
		t.Skip("Options.NotSpeech: audio length does not follow the text")
	}
	s := h.engine(t)
	short := h.say(t, s, tts.Request{Text: "Good morning."}).Duration()
	long := Prose(40)
	ld := h.say(t, s, tts.Request{Text: long}).Duration()
	if ld < 2*short {
		t.Errorf("40 words last %v, 2 words %v: duration does not grow with the text", ld, short)
	}
	wpm := 40 / ld.Minutes()
	if wpm < 80 || wpm > 400 {
		t.Errorf("40 words in %v is %.0f words per minute, outside 80..400: the clip's rate may be misreported", ld, wpm)
	}
}

func testSpeakingRate(t *testing.T, h *harness) {
	if h.opts.NotSpeech {
		t.Skip("Options.NotSpeech: audio length does not follow the text")
	}
	s := h.engine(t)
	text := Prose(24)
	normal := h.say(t, s, tts.Request{Text: text}).Duration()
	explicit := h.say(t, s, tts.Request{Text: text, Rate: 1}).Duration()
	fast := h.say(t, s, tts.Request{Text: text, Rate: 2}).Duration()
	slow := h.say(t, s, tts.Request{Text: text, Rate: 0.6}).Duration()
	if d := normal - explicit; d < -normal/20 || d > normal/20 {
		t.Errorf("Rate 0 gives %v, Rate 1 gives %v: 0 must mean 1", normal, explicit)
	}
	if fast > normal*8/10 {
		t.Errorf("Rate 2 gives %v, Rate 1 gives %v: faster must be shorter", fast, normal)
	}
	if slow < normal*12/10 {
		t.Errorf("Rate 0.6 gives %v, Rate 1 gives %v: slower must be longer", slow, normal)
	}
}

func testMarks(t *testing.T, h *harness) {
	if h.opts.NoMarks {
		t.Skip("Options.NoMarks: the engine gives no marks")
	}
	s := h.engine(t)
	text := Prose(30)
	clip := h.say(t, s, tts.Request{Text: text})
	if !h.opts.NoWordMarks {
		words := Words(text)
		wm := WordMarks(clip)
		// Every word mark is one of the text's words, in order, and most
		// words have one.
		j := 0
		for _, m := range wm {
			for j < len(words) && words[j][0] < m.Start {
				j++
			}
			if j == len(words) || words[j] != [2]int{m.Start, m.End} {
				t.Errorf("word mark %q (bytes %d..%d) is not a word of the text", text[m.Start:m.End], m.Start, m.End)
				continue
			}
			j++
		}
		if len(wm) < len(words)*8/10 {
			t.Errorf("%d word marks for %d words", len(wm), len(words))
		}
		if len(wm) > 0 {
			// Marks follow the speech: the last word starts in the second
			// half of the clip, the first in the first quarter.
			n := len(clip.Audio.Samples)
			if first, last := wm[0].Sample, wm[len(wm)-1].Sample; first > n/4 || last < n/2 {
				t.Errorf("word marks from sample %d to %d in a clip of %d: they do not follow the speech", first, last, n)
			}
		}
	}
	for _, m := range clip.Marks {
		if m.Kind != tts.MarkSentence {
			continue
		}
		if m.Start > 0 && !strings.HasSuffix(strings.TrimRight(text[:m.Start], " "), ".") {
			t.Errorf("sentence mark at byte %d (%q) is not at a sentence start", m.Start, around(text, m.Start, m.End))
		}
	}
}

// testWithinLimit: the largest text within the driver's declared byte
// limit that ends a word is spoken. (Text over the limit, and empty text,
// never reach the driver: the Engine answers them, see tts's tests.)
func testWithinLimit(t *testing.T, h *harness) {
	s := h.engine(t)
	max := s.Limits().MaxBytes
	if max == 0 {
		t.Skip("engine declares no byte limit")
	}
	n := 1
	for len(Prose(n)) <= max {
		n *= 2
	}
	within := Prose(n)[:max]
	if i := strings.LastIndexByte(within, ' '); i > 0 {
		within = within[:i]
	}
	if len(within) > 20000 {
		t.Skipf("the largest text within the limit, %d bytes, is over the suite's 20,000", len(within))
	}
	h.say(t, s, tts.Request{Text: within})
}

// long is text long enough that an engine spends a while on it, within its
// byte limit.
func long(s tts.Synthesizer) string {
	text := Prose(400)
	if max := s.Limits().MaxBytes; max > 0 && len(text) > max {
		text = text[:strings.LastIndexByte(text[:max], ' ')]
	}
	return text
}

// minCallTime is the shortest call the suite cancels while it runs (at a
// fifth of its length). flite's diphone voice speaks its longest text in
// about 60 ms on a quiet machine.
const minCallTime = 20 * time.Millisecond

// working returns an engine whose call of long text takes at least
// minCallTime, and that time: Options.Slow's driver when given, since the
// test author knows the driver is quick, else the driver's own.
func (h *harness) working(t *testing.T) (*tts.Engine, time.Duration) {
	t.Helper()
	open := h.engine
	if h.opts.Slow != nil {
		open = func(t *testing.T) *tts.Engine { return h.wrap(t, h.opts.Slow(t)) }
	}
	h.timed.Do(func() { h.callTime = h.timeCall(t, open(t)) })
	if h.callTime < minCallTime {
		t.Fatalf("a call of long text takes %v, too short to cancel while it runs: set Options.Slow to open a slower driver", h.callTime)
	}
	return open(t), h.callTime
}

// timeCall times a call of long text, which must succeed.
func (h *harness) timeCall(t *testing.T, s *tts.Engine) time.Duration {
	t.Helper()
	start := time.Now()
	h.say(t, s, tts.Request{Text: long(s)})
	return time.Since(start)
}

// cancelPoint is when the suite cancels a call of full length d: early, so
// little work is wasted, but well inside the call.
func cancelPoint(d time.Duration) time.Duration { return min(d/5, 100*time.Millisecond) }

// promptly is how soon a call of full length d must return once its
// context is done: a driver that finishes its work first returns about
// 0.8 d or more after the cancel.
func promptly(d time.Duration) time.Duration { return max(250*time.Millisecond, d/2) }

func testCancel(t *testing.T, h *harness) {
	s := h.engine(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if clip, err := s.Synthesize(ctx, tts.Request{Text: "Hello."}); !errors.Is(err, context.Canceled) || clip != nil {
		t.Errorf("cancelled context: got clip %v, error %v; want context.Canceled", clip != nil, err)
	}
	// Cancel while the call runs: it reports the cancellation, without a
	// clip, and returns promptly. On a loaded machine the call that timed
	// the driver may have been slower than this one, which then ends
	// before the cancel: it is tried again, timed by its own length.
	s, d := h.working(t)
	for try := 1; ; try++ {
		done, took := cancelOnce(t, s, h, d)
		if done {
			return
		}
		if try == 3 {
			t.Fatalf("the call returned before the cancel %v in, %d times (the last call took %v)", cancelPoint(d), try, took)
		}
		d = took
	}
}

// cancelOnce cancels a call of long text on s at cancelPoint(d) and checks
// what it returns; it reports false, with the call's length, when the
// call ended before the cancel.
func cancelOnce(t *testing.T, s *tts.Engine, h *harness, d time.Duration) (bool, time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), h.opts.CallTimeout)
	defer cancel()
	var cancelled time.Time
	var mu sync.Mutex
	at5 := cancelPoint(d)
	timer := time.AfterFunc(at5, func() {
		mu.Lock()
		cancelled = time.Now()
		mu.Unlock()
		cancel()
	})
	defer timer.Stop()
	start := time.Now()
	clip, err := s.Synthesize(ctx, tts.Request{Text: long(s)})
	returned := time.Now()
	mu.Lock()
	at := cancelled
	mu.Unlock()
	if at.IsZero() && err == nil {
		return false, returned.Sub(start)
	}
	if !errors.Is(err, context.Canceled) || clip != nil {
		t.Errorf("cancel %v into a call of %v: got clip %v, error %v; want context.Canceled", at5, d, clip != nil, err)
	}
	if late := returned.Sub(at); !at.IsZero() && late > promptly(d) {
		t.Errorf("cancel %v into a call of %v: the call returned %v after the cancel (at most %v)", at5, d, late, promptly(d))
	}
	return true, returned.Sub(start)
}

func testDeadline(t *testing.T, h *harness) {
	s := h.engine(t)
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	if clip, err := s.Synthesize(ctx, tts.Request{Text: "Hello."}); !errors.Is(err, context.DeadlineExceeded) || clip != nil {
		t.Errorf("expired deadline: got clip %v, error %v; want context.DeadlineExceeded", clip != nil, err)
	}
	s, d := h.working(t)
	for try := 1; ; try++ {
		at := cancelPoint(d)
		ctx, cancel := context.WithTimeout(context.Background(), at)
		start := time.Now()
		clip, err := s.Synthesize(ctx, tts.Request{Text: long(s)})
		took := time.Since(start)
		cancel()
		if err == nil && took < at && try < 3 {
			// Faster than the call that timed the driver, on a machine
			// whose load fell: tried again, timed by this call.
			d = took
			continue
		}
		if !errors.Is(err, context.DeadlineExceeded) || clip != nil {
			t.Errorf("deadline %v into a call of %v: got clip %v, error %v; want context.DeadlineExceeded", at, d, clip != nil, err)
		}
		if took > at+promptly(d) {
			t.Errorf("deadline %v into a call of %v: the call returned after %v", at, d, took)
		}
		return
	}
}

func testConcurrent(t *testing.T, h *harness) {
	s := h.engine(t)
	texts := []string{Prose(8), Prose(14), "Short news at noon.", Prose(8)}
	ref := make([]*tts.Clip, len(texts))
	if h.opts.Deterministic {
		for i, text := range texts {
			ref[i] = h.say(t, s, tts.Request{Text: text})
		}
	}
	const rounds = 3
	var wg sync.WaitGroup
	errs := make(chan error, len(texts)*rounds)
	for i, text := range texts {
		wg.Go(func() {
			for range rounds {
				ctx, cancel := context.WithTimeout(context.Background(), h.opts.CallTimeout)
				clip, err := s.Synthesize(ctx, tts.Request{Text: text})
				cancel()
				switch {
				case err != nil:
					errs <- fmt.Errorf("goroutine %d: %w", i, err)
				case clip == nil || len(clip.Audio.Samples) == 0:
					errs <- fmt.Errorf("goroutine %d: empty clip", i)
				case ref[i] != nil && !sameClip(ref[i], clip):
					errs <- fmt.Errorf("goroutine %d: clip differs from the same request made alone", i)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func testDeterministic(t *testing.T, h *harness) {
	if !h.opts.Deterministic {
		t.Skip("engine does not claim to be deterministic")
	}
	s := h.engine(t)
	req := tts.Request{Text: Prose(20), Rate: 1.3, SampleRate: 22050}
	a := h.say(t, s, req)
	b := h.say(t, s, req)
	c := h.say(t, h.engine(t), req)
	if !sameClip(a, b) || !sameClip(a, c) {
		t.Error("identical requests gave different clips")
	}
}

// sameClip reports whether two clips have identical audio and marks.
func sameClip(a, b *tts.Clip) bool {
	return a.Audio.Rate == b.Audio.Rate && slices.Equal(a.Audio.Samples, b.Audio.Samples) && slices.Equal(a.Marks, b.Marks)
}

func testUnicode(t *testing.T, h *harness) {
	s := h.engine(t)
	for _, text := range []string{
		"Café à Montréal, naïve façade.",
		"Cafe\u0301 decomposed, re\u0301sume\u0301.",
		"Zürich und Köln: Straße.",
		"東京は晴れです。",
		"Hello 👋 world 🌍! Family: 👨‍👩‍👧.",
		"“Quoted” — em dash… and ‘single’ quotes.",
		"Привет, мир. Γειά σου.",
	} {
		t.Run(strings.Fields(text)[0], func(t *testing.T) {
			h.say(t, s, tts.Request{Text: text})
		})
	}
}

func testSSML(t *testing.T, h *harness) {
	s := h.engine(t)
	if !s.Limits().SSML {
		ctx, cancel := context.WithTimeout(context.Background(), h.opts.CallTimeout)
		defer cancel()
		_, err := s.Synthesize(ctx, tts.Request{Text: "<speak>Hello.</speak>", SSML: true})
		if !errors.Is(err, tts.ErrPermanent) {
			t.Errorf("SSML to an engine without SSML: error %v, want ErrPermanent", err)
		}
		return
	}
	doc := `<speak>Good evening. <break time="400ms"/> Here is the news &amp; weather.</speak>`
	h.say(t, s, tts.Request{Text: doc, SSML: true})
}
