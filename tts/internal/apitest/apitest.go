// Package apitest is what the in-process vendor API servers of the cloud
// drivers' tests share (googletest, pollytest, elevenlabstest, azuretest,
// openaitest): the log of the calls a server answered, and the engine spec
// that points a driver at one. What differs from vendor to vendor (routes,
// checks, error bodies) stays in each server; the faults they inject are
// tts/internal/faults.
package apitest

import (
	"errors"
	"net/http"
	"sync"
)

// Log is the calls a server has answered, in arrival order. The zero value
// is an empty log; it is safe for concurrent use.
type Log[R any] struct {
	mu    sync.Mutex
	calls []R
}

// Add records a call.
func (l *Log[R]) Add(r R) {
	l.mu.Lock()
	l.calls = append(l.calls, r)
	l.mu.Unlock()
}

// All returns a copy of the calls recorded so far, in arrival order.
func (l *Log[R]) All() []R {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]R(nil), l.calls...)
}

// Spec returns the engine spec base ("azure:VOICE?endpoint=URL") with the
// options extra ("rate=1.1&timeout=1s") appended, if any.
func Spec(base, extra string) string {
	if extra == "" {
		return base
	}
	return base + "&" + extra
}

// ClientGone reports whether reading a request body failed because the
// client stopped sending it (it gave up, or cancelled the call), not on the
// server's size cap: a server records such a call as the client gone, not
// as a request it refused.
func ClientGone(err error) bool {
	var tooBig *http.MaxBytesError
	return err != nil && !errors.As(err, &tooBig)
}
