// Package tts is narrate's portable speech-synthesis layer. Users hold an
// Engine, opened with New from a spec string or a Driver; drivers (packages
// tts/espeak, tts/flite, tts/google, tts/polly, tts/elevenlabs, tts/azure,
// tts/openai, tts/piper, tts/kokoro, tts/fake) implement the small Driver
// interface. The Engine checks every request once, so drivers receive only
// checked requests, and owns the machinery every driver shares, in this
// order from the caller in:
//
//	checks -> clip cache -> retry -> credentials -> rate and concurrency limit -> meter -> driver -> clip checks
//
// Checks come first so that a request no driver could take (empty, too
// long, SSML to a driver without it) costs nothing; the cache answers before
// any quota is spent, and so before credentials are needed; credentials a
// driver needs are looked for once, before its first call (see
// CredentialChecker), so that a missing key is one error, never a request
// refused and retried; the retry is outside the limiter so that every attempt
// waits its turn and quota back-off slows retries down; the limiter is the
// vendor account's when Engines share Quotas (a cloud quota counts every
// voice of the account), else the Engine's own; the meter is
// innermost so that it counts exactly the calls that reach the driver, which
// is what a cloud engine bills. A clip that breaks the Driver contract is an
// ErrPermanent error, so it is neither retried nor cached.
//
// Code that only speaks text (the pipeline) takes the Synthesizer interface,
// which an Engine implements, so that an embedder may pass their own.
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
// effects) to make the scheme available to New. The voice part may be empty,
// which means the engine's default voice.
//
// # Choosing a voice by language
//
// Drivers also register Offers: the voices they put forward per language,
// ranked, with a measured naturalness and a cheap check that their files
// are installed. Choose picks, for an article's language, a voice map's
// entry or else the best ready offer, and returns a one-line reason that
// names a better voice it could not use and how to install it.
package tts

import (
	"context"
	"time"

	"github.com/narrate-dev/narrate/audio"
)

// Synthesizer is what code that speaks text needs of an engine. *Engine
// implements it; so may an embedder's own type, as long as it keeps the
// Driver contract for Synthesize.
type Synthesizer interface {
	Synthesize(ctx context.Context, req Request) (*Clip, error)
	Limits() Limits
	ID() string
}

// Driver is what a speech engine implements; users hold it through an
// Engine (see New), never directly. Implementations must be safe for
// concurrent use; a driver that can only do one call at a time serializes
// internally and says so with Limits().Concurrency == 1.
//
// Requests arrive checked: the Engine has refused a done ctx, empty or
// invalid UTF-8 text (or neighbouring text), text over Limits().MaxBytes,
// SSML when Limits().SSML is false, and a rate outside 0..10, and cleared
// Previous and Next unless Limits().Context, so a driver need not check
// them again. A driver that needs credentials implements CredentialChecker;
// one that runs on this machine, LocalDriver.
//
// Synthesize returns exactly one of:
//   - a non-nil *Clip with at least one sample and a nil error, or
//   - a nil *Clip and a non-nil error. Errors that callers may act on match
//     ErrTransient, ErrRateLimited, ErrTooLong or ErrPermanent with
//     errors.Is; an error of no kind is taken as ErrPermanent.
//
// A driver must honour ctx while a call runs: once ctx is done, Synthesize
// returns promptly (within a second or two) with an error matching ctx.Err(),
// even if the work it started cannot be stopped at once. tts/ttstest checks
// all of this.
type Driver interface {
	// Synthesize speaks req.Text (plain text, or SSML when req.SSML is set).
	Synthesize(ctx context.Context, req Request) (*Clip, error)
	// Limits reports what the driver accepts. It must not change over the
	// life of the driver.
	Limits() Limits
	// Voices lists the voices the driver offers.
	Voices(ctx context.Context) ([]Voice, error)
	// ID identifies the engine, voice and every option that changes the audio
	// it returns, e.g. "espeak:en-us?rate=1". Two drivers with equal IDs
	// return the same audio for the same Request; caches key on it.
	ID() string
	// Close releases the driver's resources. Synthesize is not called
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
	// Previous and Next are the text spoken just before and just after this
	// request (the neighbouring segments), for engines that carry prosody
	// across the joins (Limits().Context). They are not spoken. An Engine
	// clears them for a driver without Limits().Context, so that they change
	// no cache key; for one with it they do, and an edit of a paragraph then
	// synthesizes its neighbours again too.
	Previous, Next string
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
	// Context reports whether the engine uses Request.Previous and Next.
	Context bool
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
