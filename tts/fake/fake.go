// Package fake is a deterministic speech engine for tests and CI: a real
// tts.Synthesizer, not a mock, whose audio length follows a fixed rule, whose
// signal is speech-like (voiced bursts, not silence), whose word marks are
// exact, and which injects latency and failures on request. Identical
// requests to engines with equal IDs give byte-identical clips.
//
// # URLs
//
// Importing the package registers the scheme "fake":
//
//	fake:VOICE?OPTION=VALUE&...
//
// VOICE is "default" (or empty), "low" or "high"; voices differ in pitch only.
// Options:
//
//	latency=50ms     added to every call, cancelled with the call's ctx
//	fail=0.2         fraction of calls failing with tts.ErrTransient
//	ratelimit=0.1    fraction of calls failing with tts.ErrRateLimited
//	retryafter=50ms  the wait rate-limited calls ask for (default 50ms)
//	seed=7           varies which calls fail (not the audio)
//	maxbytes=300     declared limit on the text; longer text is tts.ErrTooLong
//	maxsentence=200  undeclared limit on one sentence (tts.ErrTooLong), as Google has
//	samplerate=24000 native sample rate (default 24000)
//	rate=1.5         speaking rate, multiplying every Request.Rate
//	concurrency=2    declared calls at once; more wait their turn
//
// Whether a call fails is decided from the seed, the text and how many times
// this engine has been asked for that text before, so a retried call can
// succeed and a run is reproducible.
//
// # Timing rule
//
// The text is split into words: runs of letters, digits, combining marks and
// symbols (emoji), kept together across apostrophes and hyphens between
// them, and across '.' or ',' between digits. At speaking rate 1:
//
//   - each word takes a slot of 60 ms + 55 ms per letter, digit or symbol: a
//     voiced burst of all but the last 40 ms, then 40 ms of silence;
//   - the text after a word (up to the next one, or the end) adds 250 ms of
//     silence if it holds . ! ? … 。！？, otherwise 120 ms if it holds , ; :
//     、，；：.
//
// At speaking rate r every time on that timeline is divided by r. Duration
// computes the total; a clip at sample rate sr has exactly
// audio.DurationToSamples(Duration(text, r), sr) samples, and the word mark of
// a word sits at the first sample of its burst. A text without words is
// refused.
//
// # Signal
//
// Each burst is a voiced tone: a fundamental between 120 and 220 Hz chosen by
// a hash of the word (times 0.7 for "low", 1.6 for "high") gliding down 10%,
// five harmonics, an amplitude envelope at the word's syllable rate, and
// raised-cosine attack and release so every burst starts and ends at zero.
// Each burst is scaled to -20 dBFS RMS.
package fake

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

// Scheme is the spec scheme the engine registers.
const Scheme = "fake"

func init() {
	tts.Register(Scheme, func(_ context.Context, sp *tts.Spec) (tts.Driver, error) {
		o, err := ParseOptions(sp)
		if err != nil {
			return nil, err
		}
		return New(o), nil
	})
}

// Engine is the fake speech engine. It is safe for concurrent use.
type Engine struct {
	opts Options
	sem  chan struct{} // nil when concurrency is unlimited

	calls       atomic.Int64
	inFlight    atomic.Int64
	maxInFlight atomic.Int64

	mu       sync.Mutex
	attempts map[uint64]int // per text hash: calls so far
	texts    []string       // texts of successful calls, in completion order
}

// New returns an engine with opts. Invalid options (an unknown voice, a
// fraction outside 0..1, a bad rate) panic: they are programming errors in
// the test that sets them; specs are checked by ParseOptions instead.
func New(opts Options) *Engine {
	if err := opts.validate(); err != nil {
		panic(err)
	}
	e := &Engine{opts: opts, attempts: map[uint64]int{}}
	if opts.Concurrency > 0 {
		e.sem = make(chan struct{}, opts.Concurrency)
	}
	return e
}

// Calls is the number of Synthesize calls so far, failed ones included.
func (e *Engine) Calls() int64 { return e.calls.Load() }

// MaxInFlight is the largest number of Synthesize calls that were running at
// once, counted before they wait for a concurrency slot, so it shows how many
// calls a caller issued together.
func (e *Engine) MaxInFlight() int64 { return e.maxInFlight.Load() }

// Texts returns the texts of the successful calls, in the order they
// completed. Use it to check that a caller never synthesized a text twice.
func (e *Engine) Texts() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.texts...)
}

// SpeechPerCPUSecond implements tts.LocalDriver: the fake engine makes its
// signal about two thousand times faster than real time.
func (e *Engine) SpeechPerCPUSecond() float64 { return 2000 }

// Limits implements tts.Driver.
func (e *Engine) Limits() tts.Limits {
	return tts.Limits{MaxBytes: e.opts.MaxBytes, Concurrency: e.opts.Concurrency, NativeRate: e.opts.sampleRate()}
}

// Voices implements tts.Driver.
func (e *Engine) Voices(ctx context.Context) ([]tts.Voice, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []tts.Voice
	for _, n := range []string{"default", "low", "high"} {
		out = append(out, tts.Voice{Name: n, Languages: []string{"mul"}, Gender: "neutral", SampleRate: e.opts.sampleRate()})
	}
	return out, nil
}

// ID implements tts.Driver: the voice, speaking rate and native sample
// rate, the options that change the audio.
func (e *Engine) ID() string {
	return Scheme + ":" + e.opts.voice() + "?rate=" + strconv.FormatFloat(e.opts.rate(), 'g', -1, 64) +
		"&samplerate=" + strconv.Itoa(e.opts.sampleRate())
}

// Close implements tts.Driver. It releases nothing.
func (e *Engine) Close() error { return nil }

// Synthesize implements tts.Driver.
func (e *Engine) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	e.calls.Add(1)
	if e.opts.OnCall != nil {
		e.opts.OnCall(req)
	}
	n := e.inFlight.Add(1)
	defer e.inFlight.Add(-1)
	for {
		m := e.maxInFlight.Load()
		if n <= m || e.maxInFlight.CompareAndSwap(m, n) {
			break
		}
	}
	if e.sem != nil {
		select {
		case e.sem <- struct{}{}:
			defer func() { <-e.sem }()
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if e.opts.Latency > 0 {
		t := time.NewTimer(e.opts.Latency)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		}
	}
	words, rate, sr, pitch, err := e.check(req)
	if err != nil {
		return nil, err
	}
	if err := e.inject(req.Text); err != nil {
		return nil, err
	}
	clip := render(words, req.Text, rate, sr, pitch)
	e.mu.Lock()
	e.texts = append(e.texts, req.Text)
	e.mu.Unlock()
	return clip, nil
}

// check validates what tts.Engine leaves to the driver (voice, sample rate,
// words, the sentence limit) and resolves the words, speaking rate, sample
// rate and pitch.
func (e *Engine) check(req tts.Request) (words []word, rate float64, sr int, pitch float64, err error) {
	fail := func(kind error, format string, args ...any) ([]word, float64, int, float64, error) {
		return nil, 0, 0, 0, tts.Errorf(kind, Scheme, format, args...)
	}
	voice := e.opts.voice()
	if req.Voice != "" {
		voice = req.Voice
	}
	pitch, ok := voicePitch[voice]
	if !ok {
		return fail(tts.ErrPermanent, "unknown voice %q (voices: default, low, high)", req.Voice)
	}
	rate = e.opts.rate()
	if req.Rate > 0 {
		rate *= req.Rate
	}
	sr = e.opts.sampleRate()
	if req.SampleRate != 0 {
		if req.SampleRate < audio.MinRate || req.SampleRate > audio.MaxRate {
			return fail(tts.ErrPermanent, "sample rate %d outside %d..%d", req.SampleRate, audio.MinRate, audio.MaxRate)
		}
		sr = req.SampleRate
	}
	words = scan(req.Text)
	if len(words) == 0 {
		return nil, 0, 0, 0, &tts.Error{Kind: tts.ErrPermanent, Engine: Scheme,
			Err: fmt.Errorf("text %.40q has no words to speak: %w", req.Text, tts.ErrEmptyText)}
	}
	if e.opts.MaxSentence > 0 {
		start := words[0].start
		for i, w := range words {
			if !w.sentenceEnd && i < len(words)-1 {
				continue
			}
			if n := w.tail - start; n > e.opts.MaxSentence {
				return fail(tts.ErrTooLong, "sentence at byte %d is %d bytes long, over the limit of %d", start, n, e.opts.MaxSentence)
			}
			if i+1 < len(words) {
				start = words[i+1].start
			}
		}
	}
	return words, rate, sr, pitch, nil
}

// inject decides, from the seed, the text and the attempt number, whether
// this call fails.
func (e *Engine) inject(text string) error {
	if e.opts.Fail == 0 && e.opts.RateLimit == 0 {
		return nil
	}
	th := hashString(text)
	e.mu.Lock()
	attempt := e.attempts[th]
	e.attempts[th] = attempt + 1
	e.mu.Unlock()
	if unit(e.opts.Seed, 1, th, attempt) < e.opts.Fail {
		return tts.Errorf(tts.ErrTransient, Scheme, "injected transient failure (attempt %d of this text)", attempt+1)
	}
	if unit(e.opts.Seed, 2, th, attempt) < e.opts.RateLimit {
		wait := e.opts.RetryAfter
		if wait == 0 {
			wait = DefaultRetryAfter
		}
		err := tts.Errorf(tts.ErrRateLimited, Scheme, "injected rate limit (attempt %d of this text), retry after %v", attempt+1, wait)
		err.RetryAfter = wait
		return err
	}
	return nil
}

func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// unit maps (seed, salt, text hash, attempt) to a number in [0, 1).
func unit(seed int64, salt uint64, th uint64, attempt int) float64 {
	var b [32]byte
	binary.LittleEndian.PutUint64(b[0:], uint64(seed))
	binary.LittleEndian.PutUint64(b[8:], salt)
	binary.LittleEndian.PutUint64(b[16:], th)
	binary.LittleEndian.PutUint64(b[24:], uint64(attempt))
	h := fnv.New64a()
	h.Write(b[:])
	return float64(mix(h.Sum64())>>11) / (1 << 53)
}

// mix is the splitmix64 finalizer, spreading FNV's weak high bits.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Level is the RMS level of every burst, in dBFS.
const Level = -20.0

// render lays the words out on the timeline and synthesizes the bursts.
func render(words []word, text string, rate float64, sr int, pitch float64) *tts.Clip {
	at := func(d time.Duration) int { return audio.DurationToSamples(scale(d, rate), sr) }
	var total time.Duration
	for _, w := range words {
		total += w.slot() + w.pause
	}
	samples := make([]float32, at(total))
	marks := make([]tts.Mark, 0, len(words)+4)
	var t time.Duration
	sentenceStart := true
	for i, w := range words {
		a, b := at(t), at(t+w.burst())
		if sentenceStart {
			end := w.tail
			for j := i; j < len(words); j++ {
				end = words[j].tail
				if words[j].sentenceEnd {
					break
				}
			}
			marks = append(marks, tts.Mark{Kind: tts.MarkSentence, Sample: a, Start: w.start, End: end})
		}
		marks = append(marks, tts.Mark{Kind: tts.MarkWord, Sample: a, Start: w.start, End: w.end})
		burst(samples[a:b], sr, text[w.start:w.end], w.letters, pitch)
		sentenceStart = w.sentenceEnd
		t += w.slot() + w.pause
	}
	return &tts.Clip{Audio: audio.Buffer{Rate: sr, Samples: samples}, Marks: marks}
}

// harmonics are the relative amplitudes of the partials of a burst.
var harmonics = [...]float64{1, 0.6, 0.4, 0.25, 0.15}

// burst fills out with the voiced tone of one word.
func burst(out []float32, sr int, w string, letters int, pitch float64) {
	n := len(out)
	if n == 0 {
		return
	}
	h := mix(hashString(w))
	f0 := pitch * (120 + 100*float64(h>>11)/(1<<53))
	syllables := float64(max(1, (letters+2)/3))
	ramp := min(int(0.010*float64(sr)), n/4)
	buf := make([]float64, n)
	var phase, sum float64
	for i := range n {
		x := float64(i) / float64(n)
		f := f0 * (1.05 - 0.1*x)
		phase += 2 * math.Pi * f / float64(sr)
		// sin(kφ) by the Chebyshev recurrence: two trig calls per sample.
		s1, c1 := math.Sincos(phase)
		v := harmonics[0] * s1
		prev, cur := 0.0, s1
		for _, a := range harmonics[1:] {
			prev, cur = cur, 2*c1*cur-prev
			v += a * cur
		}
		s := math.Sin(math.Pi * syllables * x)
		env := 0.3 + 0.7*s*s
		switch {
		case i < ramp:
			env *= 0.5 - 0.5*math.Cos(math.Pi*float64(i)/float64(ramp))
		case i >= n-ramp:
			env *= 0.5 - 0.5*math.Cos(math.Pi*float64(n-1-i)/float64(ramp))
		}
		v *= env
		buf[i] = v
		sum += v * v
	}
	if sum == 0 {
		return
	}
	gain := math.Pow(10, Level/20) / math.Sqrt(sum/float64(n))
	for i, v := range buf {
		out[i] = float32(v * gain)
	}
}
