// Package flite is narrate's default English voice: CMU Flite through its C
// library (libflite, via cgo), with the US English voices Debian ships
// linked in. It returns 16-bit PCM at 16 kHz with a mark for every word,
// timed by the utterance's own segments, and a sentence mark where each
// sentence starts.
//
// Flite is harder to mistake than espeak-ng for long listening (a speech
// recognizer gets about four times fewer words wrong on our seed article), at
// about a tenth of espeak-ng's speed; calls on separate utterances run in
// parallel, so the engine declares one call per CPU.
//
// Flite reads US English only. Text is rewritten into ASCII before it
// reaches the library: accents are dropped, Cyrillic and Greek are
// transliterated, and a run of letters in another script is read as the
// script's name ("Japanese text"), with a note on the clip.
//
// # URLs
//
// Importing the package registers the scheme "flite":
//
//	flite:VOICE?rate=1.1
//
// VOICE is one of slt (female, the default), rms (male), awb (male, Scottish
// English) and kal16 (male, diphone). Options:
//
//	rate=1.1   speaking rate, 1 being the voice's normal (0.5..2)
package flite

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

// Scheme is the spec scheme the engine registers.
const Scheme = "flite"

// DefaultVoice is the voice of a spec without one.
const DefaultVoice = "slt"

// MaxBytes is the longest text the engine takes in one call: over a minute
// of speech, longer than most paragraphs, and a second or two of one CPU,
// so a cancelled call of the diphone voice (which cannot stop midway) does
// not hold its slot for long, and a long paragraph is split into pieces the
// CPUs share.
const MaxBytes = 1200

// voiceInfo describes a voice linked into the binary.
type voiceInfo struct {
	name, gender string
}

// linked are the voices this package links, in the order they are listed.
var linked = []voiceInfo{
	{"slt", "female"},
	{"rms", "male"},
	{"awb", "male"},
	{"kal16", "male"},
}

func init() {
	tts.Register(Scheme, func(_ context.Context, sp *tts.Spec) (tts.Driver, error) {
		if err := sp.CheckOptions("rate"); err != nil {
			return nil, err
		}
		var opts []Option
		if vs, ok := sp.Options["rate"]; ok {
			r, err := strconv.ParseFloat(vs[0], 64)
			if err != nil {
				return nil, fmt.Errorf("flite: option rate=%q is not a number", vs[0])
			}
			opts = append(opts, WithRate(r))
		}
		return New(sp.Voice, opts...)
	})
}

// Engine is a flite voice at a speaking rate. It is safe for concurrent use;
// up to Limits().Concurrency calls run at once, the others wait their turn.
type Engine struct {
	voice string
	lib   libVoice
	rate  float64
	sr    int
	slots chan struct{}
}

// Option configures New.
type Option func(*Engine) error

// WithRate sets the speaking rate, 1 being the voice's normal; the product
// with Request.Rate is kept within 0.5..3.
func WithRate(r float64) Option {
	return func(e *Engine) error {
		if !(r >= 0.5 && r <= 2) {
			return fmt.Errorf("flite: rate %v outside 0.5..2", r)
		}
		e.rate = r
		return nil
	}
}

// New opens voice ("" means DefaultVoice). It fails, listing the voices, if
// the voice is not one of those linked in.
func New(voice string, opts ...Option) (*Engine, error) {
	if voice == "" {
		voice = DefaultVoice
	}
	lv, ok := registered()[voice]
	if !ok {
		names := make([]string, len(linked))
		for i, v := range linked {
			names[i] = v.name
		}
		return nil, fmt.Errorf("flite: %w %q (voices: %s)", tts.ErrUnknownVoice, voice, strings.Join(names, ", "))
	}
	e := &Engine{voice: voice, lib: lv, rate: 1, sr: lv.sampleRate(), slots: make(chan struct{}, concurrency())}
	for _, o := range opts {
		if err := o(e); err != nil {
			return nil, err
		}
	}
	if e.sr == 0 {
		return nil, fmt.Errorf("flite: voice %q declares no sample rate", voice)
	}
	return e, nil
}

// concurrency is how many calls run at once: one per CPU, since every call is
// CPU-bound and calls on separate utterances do not interfere.
func concurrency() int { return max(1, runtime.NumCPU()) }

// SpeechPerCPUSecond implements tts.LocalDriver: slt speaks about 60
// seconds per CPU second (75 measured on one quiet core, 41 under heavy
// load).
func (e *Engine) SpeechPerCPUSecond() float64 { return 60 }

// Limits implements tts.Driver.
func (e *Engine) Limits() tts.Limits {
	return tts.Limits{MaxBytes: MaxBytes, Concurrency: cap(e.slots), NativeRate: e.sr}
}

// ID implements tts.Driver.
func (e *Engine) ID() string {
	return Scheme + ":" + e.voice + "?rate=" + strconv.FormatFloat(e.rate, 'g', -1, 64)
}

// Close implements tts.Driver. The voices stay registered for other
// Engines of the process.
func (e *Engine) Close() error { return nil }

// Voices implements tts.Driver: the voices linked into the binary.
func (e *Engine) Voices(context.Context) ([]tts.Voice, error) {
	out := make([]tts.Voice, 0, len(linked))
	for _, v := range linked {
		out = append(out, tts.Voice{Name: v.name, Languages: []string{"en-US"}, Gender: v.gender, SampleRate: registered()[v.name].sampleRate()})
	}
	return out, nil
}

// Synthesize implements tts.Driver.
func (e *Engine) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	// The request arrives checked (see tts.Driver).
	lv := e.lib
	if req.Voice != "" && req.Voice != e.voice {
		v, ok := registered()[req.Voice]
		if !ok {
			return nil, tts.Errorf(tts.ErrPermanent, Scheme, "unknown voice %q for this request", req.Voice)
		}
		lv = v
	}
	rate := e.rate
	if req.Rate > 0 {
		rate *= req.Rate
	}
	rate = min(max(rate, 0.5), 3)

	p := prepare(req.Text)
	if strings.TrimSpace(p.input) == "" {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "nothing flite can say in %.40q", req.Text)
	}

	select {
	case e.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	// The call runs on its own goroutine so that a done ctx is answered at
	// once: clustergen voices stop at their next chunk, the diphone voice at
	// the end of the call, and only then is the slot given back.
	stop := newStopFlag()
	type outcome struct {
		r   *result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() { <-e.slots }()
		defer stop.free()
		r, err := synth(lv, p.input, 1/rate, stop)
		done <- outcome{r, err}
	}()
	var out outcome
	select {
	case out = <-done:
	case <-ctx.Done():
		stop.set()
		return nil, ctx.Err()
	}
	if out.err != nil {
		return nil, tts.Errorf(tts.ErrTransient, Scheme, "%w", out.err)
	}
	r := out.r
	if len(r.samples) == 0 {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "no audio for text %.40q", req.Text)
	}
	samples := make([]float32, len(r.samples))
	for i, v := range r.samples {
		samples[i] = float32(v) / 32768
	}
	clip := &tts.Clip{
		Audio: audio.Buffer{Rate: r.rate, Samples: samples},
		Marks: p.marks(r.words, r.rate, len(samples)),
	}
	if len(clip.Marks) == 0 {
		clip.Notes = append(clip.Notes, "no marks: flite timed no word of the text")
	}
	if p.foreign > 0 {
		clip.Notes = append(clip.Notes, fmt.Sprintf("flite reads English only: %d run(s) of letters in other scripts were read as the script's name", p.foreign))
	}
	if base, _, _ := strings.Cut(strings.ToLower(req.Language), "-"); base != "" && base != "en" {
		clip.Notes = append(clip.Notes, fmt.Sprintf("flite reads English only: text in %q was read with English rules", req.Language))
	}
	return clip, nil
}

// marks ties flite's words to the request text: a word mark per word of a
// chunk when flite said as many words as the chunk has, else one mark for
// the whole chunk at its first word ("1990" is "nineteen ninety"), and a
// sentence mark where each sentence's first word starts.
func (p *prepared) marks(words []wordTime, rate, n int) []tts.Mark {
	first := make([][]int, len(p.chunks)) // samples of each chunk's words
	for _, w := range words {
		c := p.chunkAt(w.pos)
		if c < 0 || w.start < 0 {
			continue
		}
		s := min(max(int(math.Round(w.start*float64(rate))), 0), n)
		first[c] = append(first[c], s)
	}
	var out []tts.Mark
	sentence := true // the next chunk starts a sentence
	for i, c := range p.chunks {
		starts := first[i]
		if len(starts) > 0 && len(c.words) > 0 {
			if sentence {
				out = append(out, tts.Mark{Kind: tts.MarkSentence, Sample: starts[0], Start: c.words[0][0], End: p.sentenceEnd(i)})
				sentence = false
			}
			if len(starts) == len(c.words) {
				for j, w := range c.words {
					out = append(out, tts.Mark{Kind: tts.MarkWord, Sample: starts[j], Start: w[0], End: w[1]})
				}
			} else {
				out = append(out, tts.Mark{Kind: tts.MarkWord, Sample: starts[0], Start: c.words[0][0], End: c.words[len(c.words)-1][1]})
			}
		}
		if c.stop {
			sentence = true
		}
	}
	// flite's segments only move forward, but keep the contract even if a
	// word were timed before the one ahead of it.
	kept := out[:0]
	prevS, prevB := 0, 0
	for _, m := range out {
		if m.Sample < prevS || m.Start < prevB {
			continue
		}
		kept = append(kept, m)
		prevS, prevB = m.Sample, m.Start
	}
	return slices.Clip(kept)
}

// sentenceEnd is the request byte just past the sentence starting at chunk i.
func (p *prepared) sentenceEnd(i int) int {
	for ; i < len(p.chunks); i++ {
		if p.chunks[i].stop {
			return p.chunks[i].end
		}
	}
	return p.chunks[len(p.chunks)-1].end
}
