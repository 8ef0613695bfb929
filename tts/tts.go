// Package tts is narrate's portable speech-synthesis layer: the Synthesizer
// interface every engine implements, the Request and Clip types, the limits an
// engine declares, the error kinds callers branch on, and opening an engine
// from a spec string.
//
// # Specs
//
// An engine is chosen by a spec of the form
//
//	SCHEME:VOICE?OPTION=VALUE&OPTION=VALUE
//
// for example "espeak:en-us", "fake:?latency=20ms&fail=0.1",
// "google:en-US-Neural2-F?rate=1.1", "openai:alloy?base=http://127.0.0.1:8880/v1".
// Each driver package registers its scheme in init; import it (for its side
// effects) to make the scheme available to Open. The voice part may be empty,
// which means the engine's default voice.
package tts

import (
	"context"
	"time"

	"github.com/narrate-dev/narrate/audio"
)

// Synthesizer turns text into speech. Implementations must be safe for
// concurrent use; an engine that can only do one call at a time serializes
// internally and says so with Limits().Concurrency == 1, so that callers can
// avoid queuing needlessly.
//
// Synthesize returns exactly one of:
//   - a non-nil *Clip with at least one sample and a nil error, or
//   - a nil *Clip and a non-nil error. Errors that callers may act on match
//     ErrTransient, ErrRateLimited, ErrTooLong, ErrPermanent or ErrEmptyText
//     with errors.Is; a cancelled or expired ctx yields an error matching
//     ctx.Err().
type Synthesizer interface {
	// Synthesize speaks req.Text (plain text, or SSML when req.SSML is set and
	// the engine accepts it).
	Synthesize(ctx context.Context, req Request) (*Clip, error)
	// Limits reports what the engine accepts. It must not change over the
	// life of the Synthesizer.
	Limits() Limits
	// Voices lists the voices the engine offers.
	Voices(ctx context.Context) ([]Voice, error)
	// ID identifies the engine, voice and every option that changes the audio
	// it returns, e.g. "espeak:en-us?rate=1". Two synthesizers with equal IDs
	// return the same audio for the same Request; caches key on it.
	ID() string
	// Close releases the engine's resources. Synthesize must not be called
	// after Close.
	Close() error
}

// Request is one piece of text to speak.
type Request struct {
	// Text is what to say. It is plain text unless SSML is true.
	Text string
	// SSML marks Text as an SSML document (<speak>…</speak>). Only send SSML
	// to engines whose Limits().SSML is true.
	SSML bool
	// Voice overrides the engine's voice for this request; empty means the
	// voice the engine was opened with.
	Voice string
	// Language is a BCP 47 tag ("en", "en-US", "fr"); empty means the voice's.
	Language string
	// Rate is the speaking rate, 1 being the engine's normal; 0 means 1.
	Rate float64
	// SampleRate is the rate the caller wants; an engine may return another
	// rate (Clip.Audio.Rate is authoritative) and the caller resamples. 0
	// means the engine's native rate.
	SampleRate int
}

// MarkKind tells what a Mark points at.
type MarkKind int

// Mark kinds.
const (
	MarkWord MarkKind = iota + 1
	MarkSentence
)

func (k MarkKind) String() string {
	switch k {
	case MarkWord:
		return "word"
	case MarkSentence:
		return "sentence"
	}
	return "unknown"
}

// Mark ties a span of the request text to the point in the clip where its
// speech starts.
type Mark struct {
	Kind MarkKind
	// Sample is the offset in Clip.Audio.Samples where the span starts.
	Sample int
	// Start and End are the byte offsets of the span in Request.Text
	// (End exclusive).
	Start, End int
}

// Clip is the speech for one Request.
type Clip struct {
	// Audio is mono PCM. Its Rate may differ from Request.SampleRate.
	Audio audio.Buffer
	// Marks are in ascending order of Sample and of Start; every Sample is
	// within [0, len(Audio.Samples)]. An engine that gives no timings returns
	// no marks and says so in Notes.
	Marks []Mark
	// Notes are remarks a user may want to know (e.g. "engine gives no word
	// timings"). They do not affect the audio.
	Notes []string
}

// Duration is the length of the clip's audio.
func (c *Clip) Duration() time.Duration { return c.Audio.Duration() }

// Limits are what an engine accepts. The zero value means no limits.
type Limits struct {
	// MaxBytes is the largest Request.Text, in bytes, the engine takes in one
	// call (for SSML, of the whole document). 0 means no limit.
	MaxBytes int
	// SSML reports whether the engine accepts SSML requests.
	SSML bool
	// Concurrency is how many calls the engine can usefully run at once; 1
	// means calls are serialized. 0 means no limit of its own.
	Concurrency int
	// QPS is the engine's default request rate limit, in requests per second;
	// 0 means none.
	QPS float64
	// NativeRate is the sample rate the engine produces when asked for none;
	// 0 if it follows Request.SampleRate.
	NativeRate int
}

// Voice describes one voice of an engine.
type Voice struct {
	// Name is what goes after the scheme in a spec ("en-us", "en-US-Neural2-F").
	Name string `json:"name"`
	// Languages are BCP 47 tags the voice speaks.
	Languages []string `json:"languages"`
	// Gender is "female", "male", "neutral" or "".
	Gender string `json:"gender,omitempty"`
	// SampleRate is the voice's natural rate, 0 if unknown.
	SampleRate int `json:"sample_rate,omitempty"`
}
