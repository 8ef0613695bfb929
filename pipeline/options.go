// Package pipeline renders an article.Document into one narrated audio
// stream. A Renderer, made by New from checked Options, plans segments that
// fit the engine's limits, synthesizes them concurrently (as many at once
// as the engine's limits allow), and stitches them in order with trimmed
// edges, boundary pauses and click-free joins, measures loudness over the
// whole narration, then applies one gain and a true-peak limit while
// encoding in a single streaming pass.
//
// Clips are kept as 16-bit PCM in a temporary spool file while the narration
// is assembled, so memory does not grow with the length of the narration.
//
// The package does not parse flags, name files or print; progress is
// reported through Options.Progress. The timings it produces and the files
// made from them are package sidecar's.
package pipeline

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/narrate-dev/narrate/article/spoken"
	"github.com/narrate-dev/narrate/sidecar"
)

// Pauses are the silences inserted at each kind of boundary.
type Pauses struct {
	// Split is the pause between the pieces of a paragraph that had to be
	// split into several requests (engines pause by themselves inside one
	// request, at every sentence).
	Split time.Duration
	// Paragraph is used before a paragraph, quote or list item.
	Paragraph time.Duration
	// Section is used before a heading.
	Section time.Duration
	// Title is used after the title (before the byline or first block).
	Title time.Duration
}

// DefaultPauses are the pauses of Options when none are given.
func DefaultPauses() Pauses {
	return Pauses{
		Split:     250 * time.Millisecond,
		Paragraph: 700 * time.Millisecond,
		Section:   1200 * time.Millisecond,
		Title:     1000 * time.Millisecond,
	}
}

// Default levels and edges, what a nil field of Options stands for.
const (
	DefaultLoudness      = -16.0 // LUFS, spoken-word podcast practice
	DefaultTruePeak      = -1.0  // dBTP
	DefaultTrimThreshold = -50.0 // dBFS
	DefaultTrimKeep      = 20 * time.Millisecond
	DefaultFade          = 5 * time.Millisecond
)

// Options control a render. Counts and names (Format, SampleRate, Channels,
// Bitrate, Quality, Chapters) take their default when zero, since zero is
// never a valid value for them. Levels and durations for which zero is a
// real setting (0 dBTP, no fade) are pointers: nil means the default, and a
// pointer to zero means zero (Go 1.26: Loudness: new(-23.0)). New fills the
// defaults and checks the ranges, once.
type Options struct {
	// Format is "mp3" (default) or "wav".
	Format string
	// Voice asks the engine for another of its voices than the one it was
	// opened with (tts.Request.Voice); empty means the engine's own.
	Voice string
	// SampleRate of the output, default 24000.
	SampleRate int
	// Channels of the output: 1 (default) or 2 (the mono narration duplicated).
	Channels int
	// Bitrate of MP3 output in kbit/s, default 64.
	Bitrate int
	// Quality of the MP3 encoder, 1 (best, slowest) .. 9; 0 means 5. On
	// speech at 32 and 64 kbit/s, PESQ (wideband) scores q5 within 0.04 of
	// q3 and q2 for espeak-ng, flite, Piper and Kokoro voices, at three
	// quarters of q3's encoding time; q7 is faster still but costs Kokoro
	// 0.2-0.3 points.
	Quality int
	// Pauses at boundaries; nil means DefaultPauses(). Every field of a
	// non-nil Pauses is taken as given, 0 meaning no pause.
	Pauses *Pauses
	// Loudness is the integrated loudness target in LUFS (nil: -16, -70..-5).
	// LoudnessOff disables normalization (the true-peak limit still applies
	// unless TruePeakOff).
	Loudness    *float64
	LoudnessOff bool
	// TruePeak is the ceiling in dBTP (nil: -1, -20..0).
	TruePeak    *float64
	TruePeakOff bool
	// TrimThreshold is the level in dBFS under which a clip's leading and
	// trailing audio counts as silence (nil: -50, -120..-10); TrimKeep is how
	// much of it is kept at each edge (nil: 20 ms, 0..1s).
	TrimThreshold *float64
	TrimKeep      *time.Duration
	// Fade is the length of the fade applied where a clip starts or ends on a
	// non-zero sample (nil: 5 ms, 0..100ms).
	Fade *time.Duration
	// Spoken is how each sentence becomes what the engine is given (see
	// package article/spoken): the rules tried first at every token (a
	// newsroom's, narrate's built-in pronunciations), and whether numbers,
	// money, dates, abbreviations… are read out before any engine hears
	// them (the zero value: yes, with no rules).
	Spoken spoken.Config
	// Chapters is how the narration is cut into chapters in the MP3 tag or
	// the WAV cue list: sidecar.ChaptersParagraphs (default),
	// sidecar.ChaptersSections or sidecar.ChaptersOff.
	Chapters string
	// Album is the publication name written to the MP3 tag.
	Album string
	// TempDir holds the clip spool; default os.TempDir().
	TempDir string
	// Progress, if set, is called from the rendering goroutine with each
	// event. It must not block for long.
	Progress func(Event)
}

// OptionError is a setting out of its range, found by New. Callers that
// take settings from users report it as a usage error.
type OptionError struct {
	// Option names the setting as Options does ("Bitrate").
	Option string
	Err    error
}

func (e *OptionError) Error() string { return e.Err.Error() }
func (e *OptionError) Unwrap() error { return e.Err }

func optErr(name, format string, args ...any) error {
	return &OptionError{Option: name, Err: fmt.Errorf(format, args...)}
}

// withDefaults returns o with every default filled in and every value
// checked, or an *OptionError naming the first value out of range. Filling
// twice gives the same Options.
func (o Options) withDefaults() (Options, error) {
	if o.Format == "" {
		o.Format = "mp3"
	}
	if o.Format != "mp3" && o.Format != "wav" {
		return o, optErr("Format", "output format %q: want mp3 or wav", o.Format)
	}
	if o.SampleRate == 0 {
		o.SampleRate = 24000
	}
	if o.SampleRate < 8000 || o.SampleRate > 48000 {
		return o, optErr("SampleRate", "sample rate %d Hz: want 8000..48000", o.SampleRate)
	}
	if o.Format == "mp3" && !validMP3Rate(o.SampleRate) {
		return o, optErr("SampleRate", "sample rate %d Hz is not an MP3 rate (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)", o.SampleRate)
	}
	if o.Channels == 0 {
		o.Channels = 1
	}
	if o.Channels != 1 && o.Channels != 2 {
		return o, optErr("Channels", "channels %d: want 1 or 2", o.Channels)
	}
	if o.Bitrate == 0 {
		o.Bitrate = 64
	}
	if o.Bitrate < 8 || o.Bitrate > 320 {
		return o, optErr("Bitrate", "bitrate %d kbit/s: want 8..320", o.Bitrate)
	}
	if o.Quality == 0 {
		o.Quality = 5
	}
	if o.Quality < 1 || o.Quality > 9 {
		return o, optErr("Quality", "MP3 quality %d: want 1..9", o.Quality)
	}
	if o.Pauses == nil {
		o.Pauses = new(DefaultPauses())
	} else {
		o.Pauses = new(*o.Pauses)
	}
	for _, p := range []struct {
		name string
		v    time.Duration
	}{{"Split", o.Pauses.Split}, {"Paragraph", o.Pauses.Paragraph}, {"Section", o.Pauses.Section}, {"Title", o.Pauses.Title}} {
		if p.v < 0 || p.v > time.Minute {
			return o, optErr("Pauses."+p.name, "%s pause %v: want 0s..1m", strings.ToLower(p.name), p.v)
		}
	}
	var err error
	if o.Loudness, err = level(o.Loudness, DefaultLoudness, -70, -5, "Loudness", "loudness target %v LUFS: want -70..-5"); err != nil {
		return o, err
	}
	if o.TruePeak, err = level(o.TruePeak, DefaultTruePeak, -20, 0, "TruePeak", "true peak %v dBTP: want -20..0"); err != nil {
		return o, err
	}
	if o.TrimThreshold, err = level(o.TrimThreshold, DefaultTrimThreshold, -120, -10, "TrimThreshold", "trim threshold %v dBFS: want -120..-10"); err != nil {
		return o, err
	}
	if o.TrimKeep, err = span(o.TrimKeep, DefaultTrimKeep, time.Second, "TrimKeep", "trim keep %v: want 0s..1s"); err != nil {
		return o, err
	}
	if o.Fade, err = span(o.Fade, DefaultFade, 100*time.Millisecond, "Fade", "fade %v: want 0s..100ms"); err != nil {
		return o, err
	}
	switch o.Chapters {
	case "":
		o.Chapters = sidecar.ChaptersParagraphs
	case sidecar.ChaptersParagraphs, sidecar.ChaptersSections, sidecar.ChaptersOff:
	default:
		return o, optErr("Chapters", "chapters %q: want paragraphs, sections or off", o.Chapters)
	}
	return o, nil
}

// level fills a nil level with def (in a fresh variable, so the caller's
// value is never shared) and checks it is within lo..hi.
func level(v *float64, def, lo, hi float64, name, format string) (*float64, error) {
	if v == nil {
		return new(def), nil
	}
	if math.IsNaN(*v) || *v < lo || *v > hi {
		return v, optErr(name, format, *v)
	}
	return new(*v), nil
}

func span(v *time.Duration, def, hi time.Duration, name, format string) (*time.Duration, error) {
	if v == nil {
		return new(def), nil
	}
	if *v < 0 || *v > hi {
		return v, optErr(name, format, *v)
	}
	return new(*v), nil
}

// The accessors below read Options with their defaults filled.
func (o *Options) loudness() float64       { return *o.Loudness }
func (o *Options) truePeak() float64       { return *o.TruePeak }
func (o *Options) trimThreshold() float64  { return *o.TrimThreshold }
func (o *Options) trimKeep() time.Duration { return *o.TrimKeep }
func (o *Options) fade() time.Duration     { return *o.Fade }

func validMP3Rate(r int) bool {
	switch r {
	case 8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000:
		return true
	}
	return false
}

// Stages of a render, in the order Events report them.
const (
	// StageSynthesize: the engine's clips arrive and are laid out.
	StageSynthesize = "synthesize"
	// StageLoudness: the whole narration is measured and its gain chosen.
	StageLoudness = "loudness"
	// StageEncode: the audio is written (the MP3 encoder finishing what it
	// began during synthesis, or the final pass).
	StageEncode = "encode"
	// StageDone: the file is complete.
	StageDone = "done"
)

// Event reports progress.
type Event struct {
	// Stage is one of the Stage constants.
	Stage string
	// Done and Total count segments (synthesize) or samples (encode,
	// done); they are zero for loudness.
	Done, Total int
	// AudioSeconds is the narration assembled so far.
	AudioSeconds float64
	// EncodedSeconds is the audio encoded so far: an MP3 starts encoding
	// during synthesis (see encodeahead.go), so it may grow in any stage.
	EncodedSeconds float64
}
