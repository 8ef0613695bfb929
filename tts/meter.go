package tts

import (
	"context"
	"errors"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// Meter is a Synthesizer that counts the calls reaching the engine it wraps:
// requests, characters, failures by kind, audio produced and time spent.
// Stacked under WithRetry (see Stack), every attempt counts, which is what a
// cloud engine bills and what its quota sees. It is safe for concurrent use.
type Meter struct {
	s Synthesizer

	requests, chars, bytes                     atomic.Int64
	succeeded, transient, rateLimited, tooLong atomic.Int64
	permanent, canceled                        atomic.Int64
	audioNS, busyNS                            atomic.Int64 // nanoseconds
}

// MeterStats is a snapshot of a Meter's counters.
type MeterStats struct {
	// Requests is the number of calls that reached the engine.
	Requests int64 `json:"requests"`
	// Characters is the number of characters (runes) sent: the text of plain
	// requests, and only the character data of SSML requests (tags are not
	// counted; see SSMLTextLen), which is how cloud engines bill.
	Characters int64 `json:"characters"`
	// Bytes is the size of Request.Text sent, markup included.
	Bytes int64 `json:"bytes"`
	// Succeeded counts calls that returned a clip.
	Succeeded int64 `json:"succeeded"`
	// Failures by kind.
	Transient   int64 `json:"transient"`
	RateLimited int64 `json:"rate_limited"`
	TooLong     int64 `json:"too_long"`
	Permanent   int64 `json:"permanent"`
	// Canceled counts calls ended by their context.
	Canceled int64 `json:"canceled"`
	// AudioSeconds is the length of the audio returned.
	AudioSeconds float64 `json:"audio_seconds"`
	// BusySeconds is the time spent in engine calls, summed over calls.
	BusySeconds float64 `json:"busy_seconds"`
}

// NewMeter wraps s with counters.
func NewMeter(s Synthesizer) *Meter { return &Meter{s: s} }

// Unwrap returns the wrapped engine.
func (m *Meter) Unwrap() Synthesizer { return m.s }

// Synthesize calls the engine and counts the call.
func (m *Meter) Synthesize(ctx context.Context, req Request) (*Clip, error) {
	m.requests.Add(1)
	m.bytes.Add(int64(len(req.Text)))
	if req.SSML {
		m.chars.Add(int64(SSMLTextLen(req.Text)))
	} else {
		m.chars.Add(int64(utf8.RuneCountInString(req.Text)))
	}
	start := time.Now()
	clip, err := m.s.Synthesize(ctx, req)
	m.busyNS.Add(int64(time.Since(start)))
	switch {
	case err == nil:
		m.succeeded.Add(1)
		m.audioNS.Add(int64(clip.Duration()))
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil:
		m.canceled.Add(1)
	case errors.Is(err, ErrTooLong):
		m.tooLong.Add(1)
	case errors.Is(err, ErrRateLimited):
		m.rateLimited.Add(1)
	case errors.Is(err, ErrTransient):
		m.transient.Add(1)
	default:
		// ErrPermanent, and errors of no declared kind, which the contract
		// does not allow and a caller cannot act on.
		m.permanent.Add(1)
	}
	return clip, err
}

// Limits reports the wrapped engine's limits.
func (m *Meter) Limits() Limits { return m.s.Limits() }

// Voices lists the wrapped engine's voices; it is not counted.
func (m *Meter) Voices(ctx context.Context) ([]Voice, error) { return m.s.Voices(ctx) }

// ID is the wrapped engine's ID: counting does not change the audio.
func (m *Meter) ID() string { return m.s.ID() }

// Close closes the wrapped engine.
func (m *Meter) Close() error { return m.s.Close() }

// Stats returns the counters. Each counter is read atomically; the snapshot
// as a whole is not taken at one instant while calls are running.
func (m *Meter) Stats() MeterStats {
	return MeterStats{
		Requests:     m.requests.Load(),
		Characters:   m.chars.Load(),
		Bytes:        m.bytes.Load(),
		Succeeded:    m.succeeded.Load(),
		Transient:    m.transient.Load(),
		RateLimited:  m.rateLimited.Load(),
		TooLong:      m.tooLong.Load(),
		Permanent:    m.permanent.Load(),
		Canceled:     m.canceled.Load(),
		AudioSeconds: time.Duration(m.audioNS.Load()).Seconds(),
		BusySeconds:  time.Duration(m.busyNS.Load()).Seconds(),
	}
}

// StackOptions configure Stack.
type StackOptions struct {
	// Retry is the retry policy; see RetryPolicy for its defaults.
	Retry RetryPolicy
	// NoRetry leaves retries out.
	NoRetry bool
	// QPS is the request rate; 0 means the engine's Limits().QPS, a negative
	// value means no rate limit.
	QPS float64
	// Burst is the rate limiter's burst; 0 means 1.
	Burst int
	// Jobs is the most calls in flight; 0 means the engine's
	// Limits().Concurrency (no limit if it has none), negative means no limit.
	Jobs int
}

// Stack wraps an engine with the shared machinery, in the order the pipeline
// uses, from the outside in:
//
//	[cache, added by the caller] -> Checked -> WithRetry -> Limit -> Meter -> engine
//
// Checked is outermost so that requests it refuses (too long, empty) take no
// rate-limit token and never count as sent; retry is outside the limiter so
// that every attempt waits its turn and quota back-off slows retries down;
// the meter is innermost so that it counts exactly the calls that reach the
// engine (an engine from Open is itself Checked; those checks then never
// refuse, the outer ones having run). It returns the stack and its meter.
func Stack(engine Synthesizer, o StackOptions) (Synthesizer, *Meter) {
	lim := engine.Limits()
	qps := o.QPS
	if qps == 0 {
		qps = lim.QPS
	}
	jobs := o.Jobs
	if jobs == 0 {
		jobs = lim.Concurrency
	}
	m := NewMeter(engine)
	var s Synthesizer = m
	if qps > 0 || jobs > 0 {
		s = Limit(s, LimitOptions{QPS: max(qps, 0), Burst: o.Burst, Jobs: max(jobs, 0)})
	}
	if !o.NoRetry {
		s = WithRetry(s, o.Retry)
	}
	return Checked(s), m
}
