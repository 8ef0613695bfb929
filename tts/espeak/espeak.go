// Package espeak is narrate's offline speech engine: espeak-ng through its C
// library (libespeak-ng, via cgo). It returns 16-bit PCM at the library's
// rate (22050 Hz) with a mark for every word and sentence, positioned by the
// library's own events.
//
// libespeak-ng keeps global state and is not reentrant, so the engine runs one
// synthesis at a time per process, whatever the number of Engines, and
// declares Limits().Concurrency == 1. Callers waiting their turn give up when
// their context is done; a call in progress stops at the next audio buffer.
//
// # URLs
//
// Importing the package registers the scheme "espeak":
//
//	espeak:VOICE?rate=1.2&pitch=50
//
// VOICE is an espeak-ng voice or language name as `espeak-ng -v` takes it
// ("en-us", "en-gb", "fr", "de", "en-us+f3"); empty means "en-us". Options:
//
//	rate=1.2   speaking rate, multiplying 175 words per minute (0.45..2.5)
//	pitch=50   base pitch, 0..100 (default 50)
//
// SSML requests are accepted (espeak-ng's SSML subset: <break>, <prosody>,
// <say-as>, <emphasis>...); their marks point into the SSML document.
package espeak

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

// Scheme is the spec scheme the engine registers.
const Scheme = "espeak"

// DefaultVoice is the voice of a spec without one.
const DefaultVoice = "en-us"

// MaxBytes is the longest text the engine takes in one call: about three
// minutes of speech, long enough for any paragraph, short enough that one
// call does not hold the process-wide lock for long.
const MaxBytes = 20000

// normalWPM is espeak-ng's normal speaking rate, Request.Rate 1.
const normalWPM = 175

// Bounds of the speaking rate espeak-ng accepts, in words per minute.
const (
	minWPM = 80
	maxWPM = 450
)

func init() {
	tts.Register(Scheme, func(_ context.Context, sp *tts.Spec) (tts.Driver, error) {
		if err := sp.CheckOptions("pitch", "rate"); err != nil {
			return nil, err
		}
		var opts []Option
		for k, vs := range sp.Options {
			switch k {
			case "rate":
				r, err := strconv.ParseFloat(vs[0], 64)
				if err != nil {
					return nil, fmt.Errorf("espeak: option rate=%q is not a number", vs[0])
				}
				opts = append(opts, WithRate(r))
			case "pitch":
				p, err := strconv.Atoi(vs[0])
				if err != nil {
					return nil, fmt.Errorf("espeak: option pitch=%q is not a whole number", vs[0])
				}
				opts = append(opts, WithPitch(p))
			}
		}
		return New(sp.Voice, opts...)
	})
}

// lib serializes every use of the library in the process. It is a channel so
// that waiting respects a context.
var lib = make(chan struct{}, 1)

// lastVoice is the voice the library has loaded; guarded by lib.
var lastVoice string

// acquire takes lib, or returns ctx's error once ctx is done.
func acquire(ctx context.Context) error {
	select {
	case lib <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func release() { <-lib }

// libCalls carries every call into the library to one goroutine locked to
// one OS thread. On Spanish text (any word ending in "s") libespeak-ng
// 1.51 reads a stack value it never wrote (valgrind: "use of
// uninitialised value of size 8" in utf8_in, from a stack allocation) and
// follows it as a pointer. Called from whichever thread a goroutine ran
// on, a render of a Spanish page died with SIGSEGV in espeak_Synth about
// one time in three; the espeak-ng command, one thread, never did, nor did
// a single call, nor did 50 renders once every call was made on one
// thread. Zeroing the stack before each call and padding the text did not
// help: what the library reads is what an earlier call left on another
// thread's stack, as far as these measures tell.
var (
	libCalls    = make(chan func())
	libThreadGo sync.Once
)

// onLibThread runs f on the library's thread and waits for it. Callers
// hold lib, or are initialize's first call (sync.Once).
func onLibThread(f func()) {
	libThreadGo.Do(func() {
		go func() {
			runtime.LockOSThread() // never unlocked: the thread is the library's
			for g := range libCalls {
				g()
			}
		}()
	})
	done := make(chan struct{})
	libCalls <- func() {
		defer close(done)
		f()
	}
	<-done
}

// Engine is an espeak-ng voice with its rate and pitch. It is safe for
// concurrent use; calls are serialized process-wide.
type Engine struct {
	voice string
	rate  float64
	pitch int
	sr    int
}

// Option configures New.
type Option func(*Engine) error

// WithRate sets the speaking rate: 1 is espeak-ng's normal 175 words per
// minute; the product with Request.Rate is kept within 80..450 words per
// minute.
func WithRate(r float64) Option {
	return func(e *Engine) error {
		if !(r >= 0.45 && r <= 2.5) {
			return fmt.Errorf("espeak: rate %v outside 0.45..2.5", r)
		}
		e.rate = r
		return nil
	}
}

// WithPitch sets the base pitch, 0..100 (50 is the voice's normal).
func WithPitch(p int) Option {
	return func(e *Engine) error {
		if p < 0 || p > 100 {
			return fmt.Errorf("espeak: pitch %d outside 0..100", p)
		}
		e.pitch = p
		return nil
	}
}

// New opens voice ("" means DefaultVoice). It initializes the library on
// first use and fails if the library or the voice cannot be loaded.
func New(voice string, opts ...Option) (*Engine, error) {
	if voice == "" {
		voice = DefaultVoice
	}
	e := &Engine{voice: voice, rate: 1, pitch: 50}
	for _, o := range opts {
		if err := o(e); err != nil {
			return nil, err
		}
	}
	var sr int
	var err error
	onLibThread(func() { sr, err = initialize() })
	if err != nil {
		return nil, fmt.Errorf("espeak: %w", err)
	}
	e.sr = sr
	if err := acquire(context.Background()); err != nil {
		return nil, err
	}
	defer release()
	onLibThread(func() { err = loadVoice(voice) })
	if err != nil {
		return nil, fmt.Errorf("espeak: %w %q", tts.ErrUnknownVoice, voice)
	}
	return e, nil
}

// loadVoice selects voice unless it is already loaded. Call with lib held.
func loadVoice(voice string) error {
	if voice == lastVoice {
		return nil
	}
	if err := setVoice(voice); err != nil {
		lastVoice = ""
		return err
	}
	lastVoice = voice
	return nil
}

// SpeechPerCPUSecond implements tts.LocalDriver: espeak-ng through cgo
// speaks about 600 seconds per CPU second (577 to 742 measured on the seed).
func (e *Engine) SpeechPerCPUSecond() float64 { return 600 }

// Limits implements tts.Driver.
func (e *Engine) Limits() tts.Limits {
	return tts.Limits{MaxBytes: MaxBytes, SSML: true, Concurrency: 1, NativeRate: e.sr}
}

// ID implements tts.Driver.
func (e *Engine) ID() string {
	return Scheme + ":" + e.voice + "?pitch=" + strconv.Itoa(e.pitch) + "&rate=" + strconv.FormatFloat(e.rate, 'g', -1, 64)
}

// VoiceLanguage implements tts.VoiceLanguager: espeak-ng's voices are
// named by the language tag they speak ("en-gb", "en-us", "fr"), a
// variant after "+" ("en-gb+f3").
func (e *Engine) VoiceLanguage(voice string) string {
	if voice == "" {
		voice = e.voice
	}
	tag, _, _ := strings.Cut(voice, "+")
	if strings.Trim(strings.ToLower(tag), "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		return "" // a path or an mbrola voice
	}
	return tag
}

// Close implements tts.Driver. The library stays loaded for other
// Engines of the process.
func (e *Engine) Close() error { return nil }

// Voices implements tts.Driver: espeak-ng's own voices, named by their
// language as `espeak-ng -v` takes it. MBROLA voices, which need a separate
// program, are left out.
func (e *Engine) Voices(ctx context.Context) ([]tts.Voice, error) {
	if err := acquire(ctx); err != nil {
		return nil, err
	}
	var all []libVoice
	onLibThread(func() { all = listVoices() })
	release()
	seen := map[string]bool{}
	var out []tts.Voice
	for _, v := range all {
		if strings.HasPrefix(v.identifier, "mb/") || len(v.languages) == 0 || seen[v.languages[0]] {
			continue
		}
		seen[v.languages[0]] = true
		out = append(out, tts.Voice{Name: v.languages[0], Languages: v.languages, Gender: gender(v.gender), SampleRate: e.sr})
	}
	slices.SortFunc(out, func(a, b tts.Voice) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func gender(g int) string {
	switch g {
	case 1:
		return "male"
	case 2:
		return "female"
	}
	return ""
}

// Synthesize implements tts.Driver.
func (e *Engine) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	// The request arrives checked (see tts.Driver); a NUL would end the
	// text early on its way into C.
	if strings.IndexByte(req.Text, 0) >= 0 {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "text holds a NUL byte")
	}
	voice := e.voiceFor(req)
	rate := e.rate
	if req.Rate > 0 {
		rate *= req.Rate
	}
	wpm := min(max(int(math.Round(normalWPM*rate)), minWPM), maxWPM)

	if err := acquire(ctx); err != nil {
		return nil, err
	}
	defer release()
	s := &sink{samples: spare[:0], abort: func() bool { return ctx.Err() != nil }}
	defer func() { spare = s.samples[:0] }()
	var err error
	onLibThread(func() {
		if err = loadVoice(voice); err != nil {
			err = tts.Errorf(tts.ErrPermanent, Scheme, "voice %q for this request: %w", voice, err)
			return
		}
		if err = setParams(wpm, e.pitch); err != nil {
			err = tts.Errorf(tts.ErrPermanent, Scheme, "%w", err)
			return
		}
		if err = synth(req.Text, req.SSML, s); err != nil {
			err = tts.Errorf(tts.ErrTransient, Scheme, "%w", err)
		}
	})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(s.samples) == 0 {
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "no audio for text %.40q", req.Text)
	}
	samples := make([]float32, len(s.samples))
	for i, v := range s.samples {
		samples[i] = float32(v) / 32768
	}
	return &tts.Clip{
		Audio: audio.Buffer{Rate: e.sr, Samples: samples},
		Marks: marks(req.Text, s.events, len(samples)),
	}, nil
}

// spare is the sample buffer of the last call, kept for the next: calls
// are serialized (acquire), and growing a fresh buffer in the callback for
// every call made most of a seed render's garbage (about 77 MB).
var spare []int16

// voiceFor picks the voice of req: its Voice, else a voice for its Language
// when that is not the engine voice's language, else the engine's voice.
func (e *Engine) voiceFor(req tts.Request) string {
	if req.Voice != "" {
		return req.Voice
	}
	if req.Language != "" {
		want := strings.ToLower(req.Language)
		base, _, _ := strings.Cut(want, "-")
		have, _, _ := strings.Cut(strings.ToLower(e.voice), "-")
		if base != have {
			return want
		}
	}
	return e.voice
}

// marks converts espeak's events (1-based character positions) into marks
// with byte offsets in text, ordered by sample then byte, sentence before
// word at the same point.
func marks(text string, events []event, n int) []tts.Mark {
	// runeAt[i] is the byte offset of the i-th character; runeAt[len] is the
	// end of the text.
	runeAt := make([]int, 0, len(text)+1)
	for i := range text {
		runeAt = append(runeAt, i)
	}
	runeAt = append(runeAt, len(text))
	chars := len(runeAt) - 1
	byteAt := func(c int) int { return runeAt[min(max(c, 0), chars)] }

	var out []tts.Mark
	for _, ev := range events {
		start := ev.pos - 1
		if start < 0 || start >= chars {
			continue
		}
		m := tts.Mark{Sample: min(max(ev.sample, 0), n), Start: byteAt(start)}
		switch ev.kind {
		case evWord:
			if ev.length <= 0 {
				continue
			}
			m.Kind, m.End = tts.MarkWord, byteAt(start+ev.length)
			if r, _ := utf8.DecodeRuneInString(text[m.Start:]); isLetter(r) {
				// espeak's positions drift by a character after numbers
				// and some abbreviations, and it splits camelCase: snap
				// the mark to the whole word of the text it falls in.
				m.Start = wordStart(text, m.Start)
				m.End = wordEnd(text, m.Start)
			}
			// Words espeak expands into several ("👋" is "waving hand", a
			// CJK run is spelled out) repeat the position or point at the
			// space or punctuation after it: keep the first, drop the rest.
			if !speakable(text[m.Start:m.End]) || len(out) > 0 && out[len(out)-1].Kind == tts.MarkWord && out[len(out)-1].Start == m.Start {
				continue
			}
		case evSentence:
			m.Kind, m.End = tts.MarkSentence, sentenceEnd(text, m.Start)
		default:
			continue
		}
		out = append(out, m)
	}
	// Keep the marks monotonic in both sample and byte, dropping any event
	// the library reported out of order.
	return tts.OrderMarks(out)
}

// isLetter reports whether r is part of a word: letter, digit or mark.
func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// isApostrophe reports whether r joins the parts of a word ("isn't").
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// wordStart moves i back to the start of the word it is in.
func wordStart(text string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if isApostrophe(r) {
			before, _ := utf8.DecodeLastRuneInString(text[:i-n])
			if !isLetter(before) {
				break
			}
		} else if !isLetter(r) {
			break
		}
		i -= n
	}
	return i
}

// wordEnd is the end of the word starting at i, over letters, digits, marks
// and apostrophes between letters.
func wordEnd(text string, i int) int {
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isApostrophe(r) {
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if !isLetter(next) {
				break
			}
		} else if !isLetter(r) {
			break
		}
		i += n
	}
	return i
}

// speakable reports whether span holds a letter, digit or symbol, something
// a word mark can point at.
func speakable(span string) bool {
	return strings.IndexFunc(span, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.So, r)
	}) >= 0
}

// sentenceEnd is the byte offset just past the sentence starting at start:
// after the first run of . ! ? (and closing quotes) followed by space or the
// end of the text.
func sentenceEnd(text string, start int) int {
	for i := start; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if strings.ContainsRune(".!?…。！？", r) {
			for i < len(text) {
				r, n := utf8.DecodeRuneInString(text[i:])
				if !strings.ContainsRune(".!?…\"'”’)", r) {
					break
				}
				i += n
			}
			if i == len(text) || strings.ContainsRune(" \t\n\r", rune(text[i])) {
				return i
			}
		}
	}
	return len(text)
}
