// Package kokoro is a neural voice that runs on the machine itself:
// Kokoro-82M (the int8 ONNX export) through ONNX Runtime, on the CPU, at
// 24 kHz. Text becomes IPA phonemes through espeak-ng, cleaned up and
// mapped to Kokoro's vocabulary the way kokoro-js does; each sentence is one
// run of the model with the voice's style vector for that many tokens.
//
// Every voice is phonemized by espeak-ng in its language: English voices
// (American "a…", British "b…") as kokoro-js does; Spanish, French, Hindi,
// Italian, Brazilian Portuguese, Japanese and Mandarin voices as Kokoro's
// own pipeline does with espeak-ng (misaki's espeak G2P). Japanese and
// Mandarin have native phonemizers upstream (kanji and hanzi readings) that
// narrate does not have; espeak-ng reads kana, but not every kanji or
// hanzi: the voice check (bench/judge_test.go) says how well each language
// is served, and the chooser's offers (offers.go) follow it.
//
// Sentence marks are exact (one run per sentence); word marks are
// estimated from token positions, and every clip says so. This export of
// the model draws no random noise: identical requests give identical audio.
//
// # URLs
//
// Importing the package registers the scheme "kokoro":
//
//	kokoro:VOICE?rate=1.1&threads=2
//
// VOICE is a voice name (af_heart, bf_emma, am_michael...), read from
// kokoro/voices/VOICE.bin in the voice directories ($NARRATE_VOICES, else
// ~/.local/share/narrate/voices); empty means DefaultVoice. The model is
// kokoro/kokoro-v1.0.int8.onnx there. `make voices` installs both.
// Options:
//
//	rate=1.1     speaking rate, Kokoro's speed (0.5..2)
//	threads=2    ONNX Runtime intra-op threads (default: 1)
package kokoro

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	ort "github.com/yalue/onnxruntime_go"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/neural"
)

// Scheme is the spec scheme the engine registers.
const Scheme = "kokoro"

// DefaultVoice is the voice of a spec without one.
const DefaultVoice = "af_heart"

// SampleRate is the rate of Kokoro's audio.
const SampleRate = 24000

// ModelFile is where the model sits in a voice directory.
const ModelFile = "kokoro/kokoro-v1.0.int8.onnx"

// MaxBytes is the longest text the engine takes in one call: a few
// sentences, as for piper (the model runs sentence by sentence anyway).
const MaxBytes = 600

// sentenceSilence is the pause between the sentences of one request at
// rate 1.
const sentenceSilence = 0.2 // seconds

func init() {
	tts.Register(Scheme, func(_ context.Context, sp *tts.Spec) (tts.Driver, error) {
		if err := sp.CheckOptions("rate", "threads"); err != nil {
			return nil, err
		}
		var opts []Option
		for k, vs := range sp.Options {
			v := vs[0]
			switch k {
			case "rate":
				r, err := strconv.ParseFloat(v, 64)
				if err != nil {
					return nil, fmt.Errorf("kokoro: option rate=%q is not a number", v)
				}
				opts = append(opts, WithRate(r))
			case "threads":
				n, err := strconv.Atoi(v)
				if err != nil {
					return nil, fmt.Errorf("kokoro: option threads=%q is not a whole number", v)
				}
				opts = append(opts, WithThreads(n))
			}
		}
		return New(sp.Voice, opts...)
	})
}

// Engine is one Kokoro voice. It is safe for concurrent use; the model is
// loaded once per process and shared by every Engine.
type Engine struct {
	voice   string
	espeak  string
	lang    string
	style   *Style
	sess    *neural.Session
	rate    float64
	threads int
}

// Option configures New.
type Option func(*Engine) error

// WithRate sets the speaking rate (Kokoro's speed): 1 is the voice's
// normal; the product with Request.Rate is kept within 0.5..2.
func WithRate(r float64) Option {
	return func(e *Engine) error {
		if !(r >= 0.5 && r <= 2) {
			return fmt.Errorf("kokoro: rate %v outside 0.5..2", r)
		}
		e.rate = r
		return nil
	}
}

// WithThreads sets ONNX Runtime's intra-op threads (<= 0: 1).
func WithThreads(n int) Option {
	return func(e *Engine) error {
		if n > 256 {
			return fmt.Errorf("kokoro: threads=%d is over 256", n)
		}
		e.threads = n
		return nil
	}
}

// New opens a Kokoro voice by name ("" means DefaultVoice). It loads ONNX
// Runtime and the model on first use and fails with a one-line error naming
// the files it looked for when they are missing.
func New(voice string, opts ...Option) (*Engine, error) {
	if voice == "" {
		voice = DefaultVoice
	}
	e := &Engine{voice: voice, rate: 1}
	for _, o := range opts {
		if err := o(e); err != nil {
			return nil, err
		}
	}
	var err error
	if e.espeak, e.lang, err = language(voice); err != nil {
		return nil, fmt.Errorf("kokoro: %w", err)
	}
	if strings.ContainsAny(voice, `/\`) || strings.HasPrefix(voice, ".") {
		return nil, fmt.Errorf("kokoro: voice name %q is not a plain name", voice)
	}
	if e.style, err = readStyle(voice); err != nil {
		return nil, fmt.Errorf("kokoro: %w", err)
	}
	model, err := neural.Find("Kokoro model", ModelFile)
	if err != nil {
		return nil, fmt.Errorf("kokoro: %w", err)
	}
	// No Conv2D: all but one of this export's convolutions are int8
	// (ConvInteger), which the rewrite leaves alone.
	if e.sess, err = neural.Open(model, []string{"tokens", "style", "speed"}, []string{"audio"}, e.threads, false); err != nil {
		return nil, fmt.Errorf("kokoro: %w", err)
	}
	return e, nil
}

func readStyle(voice string) (*Style, error) {
	path, err := neural.Find(fmt.Sprintf("Kokoro voice %q", voice), filepath.Join("kokoro", "voices", voice+".bin"))
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s, err := ParseStyle(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// SpeechPerCPUSecond implements tts.LocalDriver: about 1.2 seconds of
// speech per CPU second through `narrate render` (1.19 on twelve seed
// paragraphs, 1.21 on the voice check's French passage, model loading
// included).
func (e *Engine) SpeechPerCPUSecond() float64 { return 1.2 }

// Limits implements tts.Driver. Concurrency is neural.Parallel: requests
// run side by side on the one session, each on its own thread(s).
func (e *Engine) Limits() tts.Limits {
	return tts.Limits{MaxBytes: MaxBytes, Concurrency: neural.Parallel(e.threads), NativeRate: SampleRate}
}

// ID implements tts.Driver. Threads change speed, not audio, and are
// left out.
func (e *Engine) ID() string {
	return Scheme + ":" + e.voice + "?rate=" + strconv.FormatFloat(e.rate, 'g', -1, 64)
}

// Close implements tts.Driver. The model stays loaded for other
// Engines of the process.
func (e *Engine) Close() error { return nil }

// VoiceLanguage implements tts.VoiceLanguager: a Kokoro voice's first
// letter names its language ("bf_emma": British English).
func (e *Engine) VoiceLanguage(voice string) string {
	if voice == "" {
		return e.lang
	}
	_, tag, _ := language(voice)
	return tag
}

// Voices implements tts.Driver: the installed voices narrate can
// phonemize for.
func (e *Engine) Voices(ctx context.Context) ([]tts.Voice, error) {
	out := []tts.Voice{{Name: e.voice, Languages: []string{e.lang}, Gender: gender(e.voice), SampleRate: SampleRate}}
	seen := map[string]bool{e.voice: true}
	for _, d := range neural.Dirs() {
		files, _ := filepath.Glob(filepath.Join(d, "kokoro", "voices", "*.bin"))
		for _, f := range files {
			name := strings.TrimSuffix(filepath.Base(f), ".bin")
			_, lang, err := language(name)
			if err != nil || seen[name] {
				continue
			}
			seen[name] = true
			out = append(out, tts.Voice{Name: name, Languages: []string{lang}, Gender: gender(name), SampleRate: SampleRate})
		}
	}
	slices.SortStableFunc(out[1:], func(a, b tts.Voice) int { return strings.Compare(a.Name, b.Name) })
	return out, ctx.Err()
}

// Synthesize implements tts.Driver.
func (e *Engine) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	if err := neural.Check(Scheme, req, MaxBytes); err != nil {
		return nil, err
	}
	rate := e.rate
	if req.Rate > 0 {
		rate *= req.Rate
	}
	rate = min(max(rate, 0.5), 2)
	gap := int(math.Round(sentenceSilence / rate * SampleRate))
	enc := encoder{english: strings.HasPrefix(e.espeak, "en"), american: e.espeak == "en-us"}
	sp, err := neural.Speak(ctx, req.Text, e.espeak, enc, maxTokens+2, gap, func(ctx context.Context, ids []int64) ([]float32, error) {
		return e.run(ctx, ids, float32(rate))
	})
	return neural.Clip(ctx, Scheme, e.voice, SampleRate, req.Text, sp, err)
}

// run is one pass of the model over one sentence's tokens (pads included).
func (e *Engine) run(ctx context.Context, ids []int64, speed float32) ([]float32, error) {
	tokens, err := ort.NewTensor(ort.NewShape(1, int64(len(ids))), ids)
	if err != nil {
		return nil, err
	}
	defer tokens.Destroy()
	style, err := ort.NewTensor(ort.NewShape(1, styleDim), slices.Clone(e.style.For(len(ids)-2)))
	if err != nil {
		return nil, err
	}
	defer style.Destroy()
	sp, err := ort.NewTensor(ort.NewShape(1), []float32{speed})
	if err != nil {
		return nil, err
	}
	defer sp.Destroy()
	outputs := []ort.Value{nil}
	if err := e.sess.Run(ctx, []ort.Value{tokens, style, sp}, outputs); err != nil {
		return nil, err
	}
	defer outputs[0].Destroy()
	t, ok := outputs[0].(*ort.Tensor[float32])
	if !ok {
		return nil, fmt.Errorf("output is %T, not a float32 tensor", outputs[0])
	}
	return neural.Clamp(t.GetData()), nil
}
