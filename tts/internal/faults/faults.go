// Package faults is the fault injection the in-process engine API servers
// share (googletest, pollytest, elevenlabstest, azuretest, openaitest): each
// call counted, failures on the first calls and on every Nth, and latency or
// a stall that ends when the client goes away, so that a driver's tests can
// show it survives what the real service does.
package faults

import (
	"context"
	"sync"
	"time"
)

// Plan says which calls fail and how slowly calls are answered. The zero
// value injects nothing.
type Plan struct {
	// Script, if set, is the faults of the first calls, one a call, in
	// order (Times builds one: 2 server errors, then 3 throttles). A call
	// past the script, or meeting None in it, falls to FailFirst and
	// FailEvery.
	Script []Kind
	// FailFirst makes the first N calls fail with Throttle.
	FailFirst int
	// FailEvery, if positive, makes every Nth call fail, alternately with
	// Throttle and ServerError (the 5th throttled, the 10th a server error,
	// the 15th throttled, …).
	FailEvery int
	// Latency is added to every call.
	Latency time.Duration
	// Stall also delays every call: a server that does not answer.
	Stall time.Duration
}

// Kind is the fault a call meets.
type Kind int

// Faults.
const (
	None        Kind = iota
	Throttle         // the service's rate or quota refusal (429, ThrottlingException)
	ServerError      // a failure of the service (5xx)
)

// Injector applies a Plan to a server's calls. It is safe for concurrent
// use.
type Injector struct {
	plan  Plan
	mu    sync.Mutex
	calls int
}

// New returns an Injector for p.
func New(p Plan) *Injector { return &Injector{plan: p} }

// Call counts a call, waits out its latency, and says which fault it meets.
// ok is false when ctx ended during the wait: the client went away, and
// nothing should be answered.
func (in *Injector) Call(ctx context.Context) (n int, fault Kind, ok bool) {
	in.mu.Lock()
	in.calls++
	n = in.calls
	in.mu.Unlock()
	if wait := in.plan.Latency + in.plan.Stall; wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return n, None, false
		case <-t.C:
		}
	}
	switch k := in.plan.FailEvery; {
	case n <= len(in.plan.Script) && in.plan.Script[n-1] != None:
		return n, in.plan.Script[n-1], true
	case n <= in.plan.FailFirst:
		return n, Throttle, true
	case k > 0 && n%k == 0 && (n/k)%2 == 1:
		return n, Throttle, true
	case k > 0 && n%k == 0:
		return n, ServerError, true
	}
	return n, None, true
}

// Times returns a script of n faults of kind k (none when n <= 0), to be
// joined with others in a Plan's Script.
func Times(k Kind, n int) []Kind {
	s := make([]Kind, max(n, 0))
	for i := range s {
		s[i] = k
	}
	return s
}
