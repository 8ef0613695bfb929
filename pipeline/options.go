// Package pipeline renders an article.Document into one narrated audio file:
// it plans segments that fit the engine's limits, synthesizes them
// concurrently (bounded by the engine's declared concurrency), and stitches
// them in order with trimmed edges, boundary pauses and click-free joins,
// measures loudness over the whole narration, then applies one gain and a
// true-peak limit while encoding in a single streaming pass.
//
// Clips are kept as 16-bit PCM in a temporary spool file while the narration
// is assembled, so memory does not grow with the length of the narration.
//
// The package does not parse flags or print; progress is reported through
// Options.Progress.
package pipeline

import (
	"fmt"
	"math"
	"time"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/article/spoken"
)

// Pauses are the silences inserted at each kind of boundary.
type Pauses struct {
	// Sentence is used where a paragraph had to be split into several
	// requests (engines pause by themselves inside one request).
	Sentence time.Duration
	// Paragraph is used before a paragraph, quote or list item.
	Paragraph time.Duration
	// Section is used before a heading.
	Section time.Duration
	// Title is used after the title (before the byline or first block).
	Title time.Duration
}

// DefaultPauses are the pauses of Options when none are given.
var DefaultPauses = Pauses{
	Sentence:  250 * time.Millisecond,
	Paragraph: 700 * time.Millisecond,
	Section:   1200 * time.Millisecond,
	Title:     1000 * time.Millisecond,
}

// Chapter modes.
const (
	ChaptersParagraphs = "paragraphs"
	ChaptersSections   = "sections"
	ChaptersOff        = "off"
)

// Options control a render. The zero value of every field means its default.
type Options struct {
	// Format is "mp3" (default) or "wav".
	Format string
	// SampleRate of the output, default 24000.
	SampleRate int
	// Channels of the output: 1 (default) or 2 (the mono narration duplicated).
	Channels int
	// Bitrate of MP3 output in kbit/s, default 64.
	Bitrate int
	// Quality of the MP3 encoder, 1 (best, slowest) .. 9; 0 means 3, LAME's
	// own default (q2 is about 40% slower here for no audible gain on speech).
	Quality int
	// Jobs is how many requests may be in flight at once; it is further
	// capped by the engine's Limits().Concurrency. Default 4.
	Jobs int
	// Pauses at boundaries; zero fields take DefaultPauses' values.
	Pauses Pauses
	// Loudness is the integrated loudness target in LUFS (default -16).
	// LoudnessOff disables normalization (the true-peak limit still applies
	// unless TruePeakOff).
	Loudness    float64
	LoudnessOff bool
	// TruePeak is the ceiling in dBTP (default -1).
	TruePeak    float64
	TruePeakOff bool
	// TrimThreshold is the level in dBFS under which a clip's leading and
	// trailing audio counts as silence (default -50); TrimKeep is how much of
	// it is kept at each edge (default 20 ms).
	TrimThreshold float64
	TrimKeep      time.Duration
	// Fade is the length of the fade applied where a clip starts or ends on a
	// non-zero sample (default 5 ms).
	Fade time.Duration
	// Lexicon is applied to the spoken text of every block; nil means none.
	Lexicon *article.Lexicon
	// Normalize is NormalizeOn (default: numbers, money, dates,
	// abbreviations… are read out before any engine hears them, see
	// package article/spoken) or NormalizeOff (each engine reads them its
	// own way). SpokenRules are a newsroom's own readings, tried first.
	Normalize   string
	SpokenRules *spoken.Rules
	// Chapters is ChaptersParagraphs (default), ChaptersSections or ChaptersOff.
	Chapters string
	// Album is the publication name written to the MP3 tag.
	Album string
	// TempDir holds the clip spool; default os.TempDir().
	TempDir string
	// Progress, if set, is called from the rendering goroutine with each
	// event. It must not block for long.
	Progress func(Event)
}

func (o Options) withDefaults() (Options, error) {
	if o.Format == "" {
		o.Format = "mp3"
	}
	if o.Format != "mp3" && o.Format != "wav" {
		return o, fmt.Errorf("output format %q: want mp3 or wav", o.Format)
	}
	if o.SampleRate == 0 {
		o.SampleRate = 24000
	}
	if o.SampleRate < 8000 || o.SampleRate > 48000 {
		return o, fmt.Errorf("sample rate %d Hz: want 8000..48000", o.SampleRate)
	}
	if o.Format == "mp3" && !validMP3Rate(o.SampleRate) {
		return o, fmt.Errorf("sample rate %d Hz is not an MP3 rate (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)", o.SampleRate)
	}
	if o.Channels == 0 {
		o.Channels = 1
	}
	if o.Channels != 1 && o.Channels != 2 {
		return o, fmt.Errorf("channels %d: want 1 or 2", o.Channels)
	}
	if o.Bitrate == 0 {
		o.Bitrate = 64
	}
	if o.Bitrate < 8 || o.Bitrate > 320 {
		return o, fmt.Errorf("bitrate %d kbit/s: want 8..320", o.Bitrate)
	}
	if o.Quality == 0 {
		o.Quality = 3
	}
	if o.Quality < 1 || o.Quality > 9 {
		return o, fmt.Errorf("MP3 quality %d: want 1..9", o.Quality)
	}
	if o.Jobs <= 0 {
		o.Jobs = 4
	}
	d := DefaultPauses
	for _, p := range []struct {
		v   *time.Duration
		def time.Duration
	}{{&o.Pauses.Sentence, d.Sentence}, {&o.Pauses.Paragraph, d.Paragraph}, {&o.Pauses.Section, d.Section}, {&o.Pauses.Title, d.Title}} {
		if *p.v == 0 {
			*p.v = p.def
		}
		if *p.v < 0 || *p.v > time.Minute {
			return o, fmt.Errorf("pause %v: want 0..1m", *p.v)
		}
	}
	if o.Loudness == 0 {
		o.Loudness = -16
	}
	if o.Loudness < -70 || o.Loudness > -5 || math.IsNaN(o.Loudness) {
		return o, fmt.Errorf("loudness target %v LUFS: want -70..-5", o.Loudness)
	}
	if o.TruePeak == 0 {
		o.TruePeak = -1
	}
	if o.TruePeak < -20 || o.TruePeak > 0 || math.IsNaN(o.TruePeak) {
		return o, fmt.Errorf("true peak %v dBTP: want -20..0", o.TruePeak)
	}
	if o.TrimThreshold == 0 {
		o.TrimThreshold = -50
	}
	if o.TrimKeep == 0 {
		o.TrimKeep = 20 * time.Millisecond
	}
	if o.Fade == 0 {
		o.Fade = 5 * time.Millisecond
	}
	if err := checkNormalize(o.Normalize); err != nil {
		return o, err
	}
	switch o.Chapters {
	case "":
		o.Chapters = ChaptersParagraphs
	case ChaptersParagraphs, ChaptersSections, ChaptersOff:
	default:
		return o, fmt.Errorf("chapters %q: want paragraphs, sections or off", o.Chapters)
	}
	return o, nil
}

func validMP3Rate(r int) bool {
	switch r {
	case 8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000:
		return true
	}
	return false
}

// Event reports progress.
type Event struct {
	// Stage is "synthesize" while clips arrive, "encode" during the final
	// pass, "done" at the end.
	Stage string
	// Done and Total count segments (synthesize) or samples (encode).
	Done, Total int
	// AudioSeconds is the narration assembled so far.
	AudioSeconds float64
}
