package tts

import (
	"errors"
	"fmt"
	"time"
)

// Error kinds. Every error a Synthesizer returns for a failed call (other
// than context errors) matches exactly one of these with errors.Is.
var (
	// ErrTransient: the call may succeed if repeated (network trouble, engine
	// overloaded, 5xx, gRPC Unavailable or DeadlineExceeded).
	ErrTransient = errors.New("transient engine error")
	// ErrRateLimited: the engine refused the call for quota or rate reasons
	// (HTTP 429, gRPC ResourceExhausted). Retry later, more slowly.
	ErrRateLimited = errors.New("engine rate limit")
	// ErrTooLong: the text is longer than the engine takes in one call. Split
	// it and try the pieces.
	ErrTooLong = errors.New("text too long for engine")
	// ErrPermanent: the call will fail again however often it is repeated
	// (bad voice, bad credentials, invalid request, unusable audio).
	ErrPermanent = errors.New("permanent engine error")
	// ErrEmptyText: the request has no text to speak. It also matches
	// ErrPermanent.
	ErrEmptyText = errors.New("empty text")
)

// ErrBadSpec is matched by every error Open returns for a spec that names no
// registered engine, has a bad option, or a voice the engine does not have:
// the caller's mistake, which no retry fixes. Drivers wrap it for bad
// options and unknown voices (Spec.CheckOptions does).
var ErrBadSpec = errors.New("bad engine spec")

// ErrUnknownVoice is matched by the error of a driver asked for a voice it
// does not have; as a spec's mistake it matches ErrBadSpec too.
var ErrUnknownVoice = errors.New("unknown voice")

// SpecError is an error in an engine spec. It matches ErrBadSpec.
type SpecError struct {
	// Spec is the spec as given, with credentials redacted.
	Spec string
	Err  error
}

func (e *SpecError) Error() string { return e.Err.Error() }

// Is makes errors.Is(err, ErrBadSpec) true.
func (e *SpecError) Is(target error) bool { return target == ErrBadSpec }

// Unwrap returns the underlying error.
func (e *SpecError) Unwrap() error { return e.Err }

// Error is a failed engine call, carrying its kind.
type Error struct {
	// Kind is one of ErrTransient, ErrRateLimited, ErrTooLong, ErrPermanent.
	Kind error
	// Engine is the scheme of the engine that failed ("google").
	Engine string
	// RetryAfter is how long the engine asked the caller to wait; 0 if it
	// did not say.
	RetryAfter time.Duration
	// Err is the underlying error (the engine's own message).
	Err error
}

func (e *Error) Error() string {
	msg := "engine error"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	if e.Engine != "" {
		return e.Engine + ": " + msg
	}
	return msg
}

// Is makes errors.Is(err, ErrTransient) and friends work.
func (e *Error) Is(target error) bool { return target == e.Kind }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error of kind for engine with a formatted message. %w in
// format wraps as with fmt.Errorf.
func Errorf(kind error, engine, format string, args ...any) *Error {
	return &Error{Kind: kind, Engine: engine, Err: fmt.Errorf(format, args...)}
}

// Retryable reports whether err is worth retrying: transient or rate limited.
func Retryable(err error) bool {
	return errors.Is(err, ErrTransient) || errors.Is(err, ErrRateLimited)
}

// RetryAfter returns the wait an engine asked for in err, or 0.
func RetryAfter(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) {
		return e.RetryAfter
	}
	return 0
}
