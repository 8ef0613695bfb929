package fake_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

func synth(t testing.TB, e tts.Driver, req tts.Request) *tts.Clip {
	t.Helper()
	clip, err := ttstest.Engine(t, e).Synthesize(context.Background(), req)
	if err != nil {
		t.Fatalf("Synthesize(%q): %v", req.Text, err)
	}
	return clip
}

func TestDurationRule(t *testing.T) {
	ms := time.Millisecond
	for _, tc := range []struct {
		text string
		rate float64
		want time.Duration
	}{
		{"Hello.", 1, 60*ms + 5*55*ms + 250*ms},
		{"Hi, you", 1, (60 + 2*55 + 120 + 60 + 3*55) * ms},
		{"don't", 1, (60 + 4*55) * ms},
		{"well-known", 1, (60 + 9*55) * ms},
		{"3.5 km", 1, (60 + 2*55 + 60 + 2*55) * ms},
		{"1,200 votes; 3 seats.", 1, (60 + 4*55 + 60 + 5*55 + 120 + 60 + 55 + 60 + 5*55 + 250) * ms},
		{"東京は晴れです。", 1, (60 + 7*55 + 250) * ms},
		{"Café", 1, (60 + 4*55) * ms},
		{"Cafe\u0301", 1, (60 + 4*55) * ms}, // the combining accent is no letter
		{"Hi 👋!", 1, (60 + 2*55 + 60 + 55 + 250) * ms},
		{"  (Hello)  ", 1, (60 + 5*55) * ms},
		{"Hello.", 2, (60 + 5*55 + 250) * ms / 2},
		{"Hello.", 0, (60 + 5*55 + 250) * ms},
		{"Hello.", 3, time.Duration(math.Round(float64((60+5*55+250)*ms) / 3))},
		{"... !!", 1, 0},
		{"", 1, 0},
	} {
		if got := fake.Duration(tc.text, tc.rate); got != tc.want {
			t.Errorf("Duration(%q, %v) = %v, want %v", tc.text, tc.rate, got, tc.want)
		}
	}
}

func TestClipFollowsDurationRule(t *testing.T) {
	for _, tc := range []struct {
		opts fake.Options
		req  tts.Request
	}{
		{fake.Options{}, tts.Request{Text: ttstest.Prose(50)}},
		{fake.Options{}, tts.Request{Text: ttstest.Prose(50), Rate: 1.7, SampleRate: 44100}},
		{fake.Options{Rate: 0.8, SampleRate: 16000}, tts.Request{Text: "Zürich, Köln: Straße! 東京。", Rate: 1.25}},
		{fake.Options{Voice: "low"}, tts.Request{Text: "One. Two, three", SampleRate: 8000, Rate: 9.5}},
	} {
		e := fake.New(tc.opts)
		clip := synth(t, e, tc.req)
		rate := tc.opts.Rate
		if rate == 0 {
			rate = 1
		}
		if tc.req.Rate > 0 {
			rate *= tc.req.Rate
		}
		sr := tc.req.SampleRate
		if sr == 0 {
			sr = max(tc.opts.SampleRate, 0)
			if sr == 0 {
				sr = fake.DefaultSampleRate
			}
		}
		if clip.Audio.Rate != sr {
			t.Errorf("%+v: clip at %d Hz, want %d", tc.req, clip.Audio.Rate, sr)
		}
		want := audio.DurationToSamples(fake.Duration(tc.req.Text, rate), sr)
		if got := len(clip.Audio.Samples); got != want {
			t.Errorf("%+v: %d samples, the rule gives %d", tc.req, got, want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	req := tts.Request{Text: "Café à Montréal: 👋 the same text, twice.", Rate: 1.1, SampleRate: 22050}
	a := synth(t, fake.New(fake.Options{Seed: 1}), req)
	b := synth(t, fake.New(fake.Options{Seed: 2, Latency: time.Millisecond}), req)
	if !slices.Equal(audio.EncodePCM16(a.Audio.Samples), audio.EncodePCM16(b.Audio.Samples)) || !slices.Equal(a.Audio.Samples, b.Audio.Samples) {
		t.Error("two engines differing only in seed and latency gave different audio")
	}
	if !slices.Equal(a.Marks, b.Marks) {
		t.Error("marks differ between identical calls")
	}
	c := synth(t, fake.New(fake.Options{Voice: "high"}), req)
	if slices.Equal(a.Audio.Samples, c.Audio.Samples) {
		t.Error("voices default and high gave the same audio")
	}
}

// zeroCrossings counts sign changes, a proxy for pitch.
func zeroCrossings(s []float32) int {
	n := 0
	for i := 1; i < len(s); i++ {
		if (s[i-1] < 0) != (s[i] < 0) {
			n++
		}
	}
	return n
}

func TestVoicesShiftPitch(t *testing.T) {
	text := ttstest.Prose(12)
	zc := map[string]int{}
	for _, v := range []string{"low", "default", "high"} {
		zc[v] = zeroCrossings(synth(t, fake.New(fake.Options{Voice: v}), tts.Request{Text: text}).Audio.Samples)
	}
	if !(zc["low"] < zc["default"] && zc["default"] < zc["high"]) {
		t.Errorf("zero crossings low/default/high = %v, want increasing", zc)
	}
	// Request.Voice overrides the engine's.
	a := synth(t, fake.New(fake.Options{}), tts.Request{Text: text, Voice: "high"})
	b := synth(t, fake.New(fake.Options{Voice: "high"}), tts.Request{Text: text})
	if !slices.Equal(a.Audio.Samples, b.Audio.Samples) {
		t.Error("Request.Voice high differs from an engine opened with voice high")
	}
}

func TestMarksLineUpWithBursts(t *testing.T) {
	text := "The mayor said, “the roof needs work” — before winter! Engineers don't agree. 東京 👋"
	for _, sr := range []int{8000, 24000, 48000} {
		clip := synth(t, fake.New(fake.Options{}), tts.Request{Text: text, SampleRate: sr})
		s := clip.Audio.Samples
		wm := ttstest.WordMarks(clip)
		words := ttstest.Words(text)
		var spans [][2]int
		for _, m := range wm {
			spans = append(spans, [2]int{m.Start, m.End})
		}
		// The fake's words are ttstest's words plus the emoji.
		if want := append(slices.Clone(words), [2]int{len(text) - len("👋"), len(text)}); !slices.Equal(spans, want) {
			t.Errorf("%d Hz: word spans %v, want %v", sr, spans, want)
		}
		ms := func(d float64) int { return int(d * float64(sr) / 1000) }
		for _, m := range wm {
			if m.Sample > 0 {
				if before := ttstest.RMS(s[m.Sample-ms(5) : m.Sample]); before != 0 {
					t.Errorf("%d Hz: word %q: level %.1f dBFS in the 5 ms before its mark, want silence", sr, text[m.Start:m.End], ttstest.DBFS(before))
				}
			}
			if s[m.Sample] != 0 {
				t.Errorf("%d Hz: word %q starts on a non-zero sample %v", sr, text[m.Start:m.End], s[m.Sample])
			}
			if after := ttstest.DBFS(ttstest.RMS(s[m.Sample+ms(10) : m.Sample+ms(40)])); after < -30 {
				t.Errorf("%d Hz: word %q: level %.1f dBFS 10-40 ms after its mark, want speech", sr, text[m.Start:m.End], after)
			}
		}
		// Speech sits at -20 dBFS: the level over the non-silent samples.
		var voiced []float32
		for _, x := range s {
			if x != 0 {
				voiced = append(voiced, x)
			}
		}
		if lvl := ttstest.DBFS(ttstest.RMS(voiced)); math.Abs(lvl-fake.Level) > 1 {
			t.Errorf("%d Hz: speech at %.2f dBFS, want %.0f", sr, lvl, fake.Level)
		}
		var sentences []string
		for _, m := range clip.Marks {
			if m.Kind == tts.MarkSentence {
				sentences = append(sentences, text[m.Start:m.End])
			}
		}
		want := []string{"The mayor said, “the roof needs work” — before winter!", "Engineers don't agree.", "東京 👋"}
		if !slices.Equal(sentences, want) {
			t.Errorf("%d Hz: sentence marks %q, want %q", sr, sentences, want)
		}
	}
}

func TestFailureInjection(t *testing.T) {
	const n = 1000
	texts := make([]string, n)
	for i := range texts {
		texts[i] = fmt.Sprintf("No %d.", i)
	}
	pattern := func(o fake.Options) []string {
		e := fake.New(o)
		out := make([]string, n)
		for i, text := range texts {
			_, err := e.Synthesize(context.Background(), tts.Request{Text: text, SampleRate: 8000})
			switch {
			case err == nil:
				out[i] = "ok"
			case errors.Is(err, tts.ErrTransient):
				out[i] = "transient"
			case errors.Is(err, tts.ErrRateLimited):
				out[i] = "ratelimited"
				if got := tts.RetryAfter(err); got != o.RetryAfter && !(o.RetryAfter == 0 && got == fake.DefaultRetryAfter) {
					t.Errorf("rate-limit error asks to wait %v, want %v", got, o.RetryAfter)
				}
			default:
				t.Fatalf("unexpected error kind: %v", err)
			}
		}
		return out
	}
	count := func(p []string, kind string) float64 {
		c := 0
		for _, k := range p {
			if k == kind {
				c++
			}
		}
		return float64(c) / float64(len(p))
	}
	for _, tc := range []struct{ fail, ratelimit float64 }{{0.2, 0}, {0, 0.1}, {0.3, 0.3}, {1, 0}, {0, 0}} {
		o := fake.Options{Fail: tc.fail, RateLimit: tc.ratelimit, Seed: 7, RetryAfter: 30 * time.Millisecond}
		p := pattern(o)
		tr, rl := count(p, "transient"), count(p, "ratelimited")
		// Rate-limit decisions are made on calls that did not fail first.
		wantRL := (1 - tc.fail) * tc.ratelimit
		if math.Abs(tr-tc.fail) > 0.05 || math.Abs(rl-wantRL) > 0.05 {
			t.Errorf("fail=%v ratelimit=%v: %.3f transient, %.3f rate limited", tc.fail, tc.ratelimit, tr, rl)
		}
		if !slices.Equal(p, pattern(o)) {
			t.Errorf("fail=%v ratelimit=%v: the same seed gave a different failure pattern", tc.fail, tc.ratelimit)
		}
		if tc.fail > 0 && tc.fail < 1 {
			o.Seed = 8
			if slices.Equal(p, pattern(o)) {
				t.Errorf("fail=%v: seeds 7 and 8 gave the same failure pattern", tc.fail)
			}
		}
	}
}

func TestRetriesSucceed(t *testing.T) {
	e := fake.New(fake.Options{Fail: 0.5, RateLimit: 0.2, Seed: 3})
	ref := fake.New(fake.Options{})
	for i := range 200 {
		req := tts.Request{Text: fmt.Sprintf("Sentence %d is retried.", i), SampleRate: 8000}
		var clip *tts.Clip
		var err error
		for attempt := 0; attempt < 40; attempt++ {
			if clip, err = e.Synthesize(context.Background(), req); err == nil || !tts.Retryable(err) {
				break
			}
		}
		if err != nil {
			t.Fatalf("%q: still failing after 40 attempts: %v", req.Text, err)
		}
		if want := synth(t, ref, req); !slices.Equal(clip.Audio.Samples, want.Audio.Samples) {
			t.Fatalf("%q: audio after retries differs from a faultless engine's", req.Text)
		}
	}
	if got := len(e.Texts()); got != 200 {
		t.Errorf("Texts() has %d entries after 200 successes", got)
	}
	if e.Calls() <= 200 {
		t.Errorf("Calls() = %d: with faults injected there must be more calls than texts", e.Calls())
	}
}

func TestLatency(t *testing.T) {
	e := fake.New(fake.Options{Latency: 80 * time.Millisecond})
	start := time.Now()
	synth(t, e, tts.Request{Text: "Slow engine."})
	if d := time.Since(start); d < 80*time.Millisecond {
		t.Errorf("call took %v with latency 80ms", d)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	start = time.Now()
	_, err := e.Synthesize(ctx, tts.Request{Text: "Slow engine."})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("deadline 10ms, latency 80ms: error %v, want DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 60*time.Millisecond {
		t.Errorf("deadline 10ms: call returned after %v", d)
	}
}

func TestConcurrencyLimit(t *testing.T) {
	var mu sync.Mutex
	running, peak := 0, 0
	e := fake.New(fake.Options{Concurrency: 2, Latency: 20 * time.Millisecond})
	// OnCall sees calls before they wait for a slot; measure the slots by
	// timing instead: 8 calls, 2 at a time, 20ms each take at least 80ms.
	e2 := fake.New(fake.Options{OnCall: func(tts.Request) {
		mu.Lock()
		running++
		peak = max(peak, running)
		mu.Unlock()
	}})
	start := time.Now()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			synth(t, e, tts.Request{Text: fmt.Sprintf("Call %d.", i)})
			synth(t, e2, tts.Request{Text: fmt.Sprintf("Call %d.", i)})
		})
	}
	wg.Wait()
	if d := time.Since(start); d < 80*time.Millisecond {
		t.Errorf("8 calls of 20ms with concurrency 2 took %v, want at least 80ms", d)
	}
	if got := e.MaxInFlight(); got < 2 || got > 8 {
		t.Errorf("MaxInFlight() = %d with 8 goroutines", got)
	}
	if got := e.Limits().Concurrency; got != 2 {
		t.Errorf("Limits().Concurrency = %d, want 2", got)
	}
	if e2.Calls() != 8 || peak != 8 || len(e2.Texts()) != 8 {
		t.Errorf("OnCall counted %d calls, Calls() %d, Texts() %d; want 8", peak, e2.Calls(), len(e2.Texts()))
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts fake.Options
		req  tts.Request
		want error
	}{
		{"over maxbytes", fake.Options{MaxBytes: 10}, tts.Request{Text: "eleven byte"}, tts.ErrTooLong},
		{"at maxbytes", fake.Options{MaxBytes: 11}, tts.Request{Text: "eleven byte"}, nil},
		{"long sentence", fake.Options{MaxSentence: 20}, tts.Request{Text: "Short one. This sentence is far too long. Ok."}, tts.ErrTooLong},
		{"short sentences", fake.Options{MaxSentence: 40}, tts.Request{Text: "Short one. This sentence is far too long. Ok."}, nil},
		{"no words", fake.Options{}, tts.Request{Text: "... --- !!!"}, tts.ErrEmptyText},
		{"whitespace", fake.Options{}, tts.Request{Text: " \n"}, tts.ErrEmptyText},
		{"bad voice", fake.Options{}, tts.Request{Text: "Hi.", Voice: "alto"}, tts.ErrPermanent},
		{"ssml", fake.Options{}, tts.Request{Text: "<speak>Hi.</speak>", SSML: true}, tts.ErrPermanent},
		{"bad utf8", fake.Options{}, tts.Request{Text: "Hi \xff."}, tts.ErrPermanent},
		{"bad rate", fake.Options{}, tts.Request{Text: "Hi.", Rate: 11}, tts.ErrPermanent},
		{"bad sample rate", fake.Options{}, tts.Request{Text: "Hi.", SampleRate: 100}, tts.ErrPermanent},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Through an Engine, as users hold drivers: the Engine's checks
			// and the fake's own (voice, sentence length, sample rate).
			clip, err := ttstest.Engine(t, fake.New(tc.opts)).Synthesize(context.Background(), tc.req)
			if tc.want == nil {
				if err != nil || clip == nil {
					t.Fatalf("got error %v, want a clip", err)
				}
				return
			}
			if !errors.Is(err, tc.want) || clip != nil {
				t.Fatalf("got clip %v, error %v; want %v", clip != nil, err, tc.want)
			}
		})
	}
}

func TestOpen(t *testing.T) {
	s, err := tts.New(context.Background(), tts.Options{Spec: "fake:low?latency=1ms&fail=0&seed=9&maxbytes=300&samplerate=16000&rate=1.5&concurrency=3&maxsentence=200&ratelimit=0&retryafter=1s"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.ID(), "fake:low?rate=1.5&samplerate=16000"; got != want {
		t.Errorf("ID() = %q, want %q", got, want)
	}
	if got, want := s.Limits(), (tts.Limits{MaxBytes: 300, Concurrency: 3, NativeRate: 16000}); got != want {
		t.Errorf("Limits() = %+v, want %+v", got, want)
	}
	clip := synth(t, s, tts.Request{Text: "Hello there."})
	if want := audio.DurationToSamples(fake.Duration("Hello there.", 1.5), 16000); len(clip.Audio.Samples) != want {
		t.Errorf("%d samples, want %d", len(clip.Audio.Samples), want)
	}
	// Seed does not change the audio, so it is not in the ID.
	a, _ := tts.New(context.Background(), tts.Options{Spec: "fake:?seed=1"})
	b, _ := tts.New(context.Background(), tts.Options{Spec: "fake:default?seed=2"})
	if a.ID() != b.ID() {
		t.Errorf("IDs %q and %q differ only by seed", a.ID(), b.ID())
	}
}

func TestParseOptions(t *testing.T) {
	for _, tc := range []struct {
		spec string
		ok   bool
	}{
		{"fake:", true},
		{"fake", true},
		{"fake:high?latency=20ms&fail=0.1", true},
		{"fake:?fail=1&ratelimit=0.5&retryafter=2s", true},
		{"fake:?seed=-5&maxbytes=0&concurrency=0", true},
		{"fake:?rate=0.1", true},
		{"fake:alto", false},
		{"fake:?latency=20", false},
		{"fake:?latency=-1s", false},
		{"fake:?latency=2h", false},
		{"fake:?fail=1.5", false},
		{"fake:?fail=NaN", false},
		{"fake:?ratelimit=-0.1", false},
		{"fake:?seed=x", false},
		{"fake:?maxbytes=-1", false},
		{"fake:?samplerate=100", false},
		{"fake:?rate=24000", false},
		{"fake:?rate=0", true},
		{"fake:?rate=NaN", false},
		{"fake:?fail=0.1&fail=0.2", false},
		{"fake:?volume=3", false},
	} {
		sp, err := tts.ParseSpec(tc.spec)
		if err != nil {
			t.Fatalf("ParseSpec(%q): %v", tc.spec, err)
		}
		_, err = fake.ParseOptions(sp)
		if (err == nil) != tc.ok {
			t.Errorf("ParseOptions(%q): error %v, want ok=%v", tc.spec, err, tc.ok)
		}
	}
}

func FuzzParseOptions(f *testing.F) {
	for _, s := range []string{"fake:?latency=50ms&fail=0.2&seed=7&maxbytes=300", "fake:low?rate=1.5", "fake:?fail=1e-3&ratelimit=.5", "fake:?samplerate=8000&concurrency=4", "fake:?seed=9223372036854775807"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		sp, err := tts.ParseSpec(spec)
		if err != nil || sp.Scheme != "fake" {
			return
		}
		o, err := fake.ParseOptions(sp)
		if err != nil {
			return
		}
		// Accepted options make a working engine.
		e := fake.New(o)
		o.Latency, o.Fail, o.RateLimit = 0, 0, 0
		e = fake.New(o)
		if _, err := e.Synthesize(context.Background(), tts.Request{Text: "Hi."}); err != nil && !errors.Is(err, tts.ErrTooLong) {
			t.Fatalf("spec %q: %v", spec, err)
		}
	})
}

func FuzzFakeSynthesize(f *testing.F) {
	for _, s := range []string{"Hello, world.", "Café à Montréal", "東京は晴れです。", "👨‍👩‍👧 !", "...", "a\u0301\u0301", "\xff\xfe", "3.5, 1,200; don't-"} {
		f.Add(s, 1.0, 24000)
	}
	e := ttstest.Engine(f, fake.New(fake.Options{MaxBytes: 4000}))
	f.Fuzz(func(t *testing.T, text string, rate float64, sr int) {
		req := tts.Request{Text: text, Rate: rate, SampleRate: sr}
		clip, err := e.Synthesize(context.Background(), req)
		if err != nil {
			if clip != nil {
				t.Fatal("both a clip and an error")
			}
			if !errors.Is(err, tts.ErrPermanent) && !errors.Is(err, tts.ErrTooLong) {
				t.Fatalf("error of no kind: %v", err)
			}
			return
		}
		if !ttstest.CheckClip(t, req, clip) {
			return
		}
		r := rate
		if r == 0 {
			r = 1
		}
		if want := audio.DurationToSamples(fake.Duration(text, r), clip.Audio.Rate); len(clip.Audio.Samples) != want {
			t.Fatalf("%d samples, rule gives %d", len(clip.Audio.Samples), want)
		}
	})
}

func Example_spec() {
	s, err := tts.New(context.Background(), tts.Options{Spec: "fake:?samplerate=16000"})
	if err != nil {
		fmt.Println(err)
		return
	}
	clip, err := s.Synthesize(context.Background(), tts.Request{Text: "Good evening, here is the news."})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(clip.Duration(), clip.Audio.Rate, len(clip.Marks))
	// Output: 2.05s 16000 7
}

func BenchmarkFake(b *testing.B) {
	e := fake.New(fake.Options{})
	req := tts.Request{Text: ttstest.Prose(120)}
	var speech time.Duration
	for b.Loop() {
		clip, err := e.Synthesize(context.Background(), req)
		if err != nil {
			b.Fatal(err)
		}
		speech += clip.Duration()
	}
	b.ReportMetric(speech.Seconds()/b.Elapsed().Seconds(), "x_realtime")
}
