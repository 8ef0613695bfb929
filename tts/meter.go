package tts

import (
	"context"
	"errors"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// meter counts the calls reaching a driver: requests, characters, failures
// by kind, audio produced and time spent. It sits under the retry, so every
// attempt counts, which is what a cloud engine bills and what its quota
// sees. It is safe for concurrent use.
type meter struct {
	requests, chars, bytes                     atomic.Int64
	succeeded, transient, rateLimited, tooLong atomic.Int64
	permanent, canceled, retries               atomic.Int64
	audioNS, busyNS                            atomic.Int64 // nanoseconds
}

// Stats count what an Engine did. Each counter is read atomically; the
// snapshot as a whole is not taken at one instant while calls are running.
type Stats struct {
	// Requests are the calls that reached the driver, every retry attempt
	// included; requests answered by the cache or refused by the Engine's
	// checks are not counted.
	Requests int64 `json:"requests"`
	// Characters are the Unicode code points of text sent (for SSML, of
	// the text between tags), which is what cloud engines bill.
	Characters int64 `json:"characters"`
	// Bytes is the size of the text sent, markup included.
	Bytes int64 `json:"bytes"`
	// Succeeded are calls that returned a clip.
	Succeeded int64 `json:"succeeded"`
	// Failed calls, by the kind of their error.
	Transient   int64 `json:"transient"`
	RateLimited int64 `json:"rate_limited"`
	TooLong     int64 `json:"too_long"`
	Permanent   int64 `json:"permanent"`
	// Canceled are calls given up because their context ended.
	Canceled int64 `json:"canceled"`
	// Retries are calls made again after a retryable failure.
	Retries int64 `json:"retries"`
	// AudioSeconds is the length of the audio the driver returned.
	AudioSeconds float64 `json:"audio_seconds"`
	// BusySeconds adds up the time calls spent in the driver (overlapping
	// calls each count).
	BusySeconds float64 `json:"busy_seconds"`
	// Cache counts what the clip cache did; zero without one.
	Cache CacheStats `json:"cache"`
}

// record counts one driver call.
func (m *meter) record(ctx context.Context, req Request, clip *Clip, err error, busy time.Duration) {
	m.requests.Add(1)
	m.bytes.Add(int64(len(req.Text)))
	if req.SSML {
		m.chars.Add(int64(SSMLTextLen(req.Text)))
	} else {
		m.chars.Add(int64(utf8.RuneCountInString(req.Text)))
	}
	m.busyNS.Add(int64(busy))
	switch {
	case err == nil:
		m.succeeded.Add(1)
		m.audioNS.Add(int64(clip.Duration()))
	case ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)):
		m.canceled.Add(1)
	case errors.Is(err, ErrTooLong):
		m.tooLong.Add(1)
	case errors.Is(err, ErrRateLimited):
		m.rateLimited.Add(1)
	case errors.Is(err, ErrTransient):
		m.transient.Add(1)
	default:
		m.permanent.Add(1)
	}
}

func (m *meter) stats() Stats {
	return Stats{
		Requests:     m.requests.Load(),
		Characters:   m.chars.Load(),
		Bytes:        m.bytes.Load(),
		Succeeded:    m.succeeded.Load(),
		Transient:    m.transient.Load(),
		RateLimited:  m.rateLimited.Load(),
		TooLong:      m.tooLong.Load(),
		Permanent:    m.permanent.Load(),
		Canceled:     m.canceled.Load(),
		Retries:      m.retries.Load(),
		AudioSeconds: time.Duration(m.audioNS.Load()).Seconds(),
		BusySeconds:  time.Duration(m.busyNS.Load()).Seconds(),
	}
}
