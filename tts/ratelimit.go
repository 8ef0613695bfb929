package tts

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Quota back-off: after an ErrRateLimited, every caller pauses for the
// engine's Retry-After (or defaultQuotaPause), and the request rate is halved,
// no lower than QPS/minRateDivisor and at most once per quotaCutSpacing; each
// success then gives back QPS/recoverySteps of the rate.
const (
	defaultQuotaPause = time.Second
	quotaCutSpacing   = time.Second
	minRateDivisor    = 32
	recoverySteps     = 20
)

// limiter keeps calls within a QPS and a number in flight. An Engine has one
// of its own, or shares its account's with the other Engines of that
// account (see Quotas).
//
// When the engine answers ErrRateLimited, the limiter slows every caller down
// instead of letting them hammer the engine: all new calls wait for the
// Retry-After the engine gave (or one second), and the rate is halved, then
// restored step by step as calls succeed. The error itself is returned so
// that the retry, outside the limiter, can repeat the call.
//
// A call waiting for its turn gives up when ctx ends, with an error matching
// ctx.Err(); a rate wait that would outlast ctx's deadline fails at once with
// an error matching context.DeadlineExceeded.
type limiter struct {
	slots slots
	burst int

	mu         sync.Mutex
	qps        float64       // the full rate; 0: no cap
	lim        *rate.Limiter // nil: no cap
	pauseUntil time.Time
	lastCut    time.Time
}

// newLimiter returns a limiter for qps requests per second (0: none) with
// the given burst, and at most jobs calls at once (0: no limit).
func newLimiter(qps float64, burst, jobs int) *limiter {
	l := &limiter{burst: max(1, burst)}
	l.slots.size = jobs
	l.tighten(qps, 0)
	return l
}

// tighten lowers the limits to qps and jobs where those are tighter (0
// means no limit, so it never tightens). Calls already in flight finish;
// the lower number in flight holds from the next call on.
func (l *limiter) tighten(qps float64, jobs int) {
	l.mu.Lock()
	switch {
	case qps <= 0 || l.qps > 0 && qps >= l.qps:
	case l.lim == nil:
		l.qps, l.lim = qps, rate.NewLimiter(rate.Limit(qps), l.burst)
	default:
		l.qps = qps
		if float64(l.lim.Limit()) > qps {
			l.lim.SetLimit(rate.Limit(qps))
		}
	}
	l.mu.Unlock()
	l.slots.shrink(jobs)
}

// acquire waits for a call's turn and returns the function that ends it.
func (l *limiter) acquire(ctx context.Context) (release func(), err error) {
	if err := l.slots.acquire(ctx); err != nil {
		return nil, err
	}
	if err := l.wait(ctx); err != nil {
		l.slots.release()
		return nil, err
	}
	return l.slots.release, nil
}

// observe adjusts the rate to a call's outcome.
func (l *limiter) observe(err error) {
	switch {
	case err == nil:
		l.regain()
	case errors.Is(err, ErrRateLimited):
		l.backOff(RetryAfter(err))
	}
}

// wait blocks until any quota pause is over and the rate limiter grants a
// token.
func (l *limiter) wait(ctx context.Context) error {
	var lim *rate.Limiter
	for {
		l.mu.Lock()
		d := time.Until(l.pauseUntil)
		lim = l.lim
		l.mu.Unlock()
		if d <= 0 {
			break
		}
		if err := sleep(ctx, d); err != nil {
			return err
		}
	}
	if lim == nil {
		return nil
	}
	if err := lim.Wait(ctx); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return fmt.Errorf("%w: waiting for the rate limit: %v", context.DeadlineExceeded, err)
	}
	return nil
}

// backOff pauses all callers and cuts the rate after a quota error.
func (l *limiter) backOff(retryAfter time.Duration) {
	if retryAfter <= 0 {
		retryAfter = defaultQuotaPause
	}
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if until := now.Add(retryAfter); until.After(l.pauseUntil) {
		l.pauseUntil = until
	}
	if l.lim == nil || now.Sub(l.lastCut) < quotaCutSpacing {
		return
	}
	l.lastCut = now
	floor := l.qps / minRateDivisor
	l.lim.SetLimitAt(now, rate.Limit(max(float64(l.lim.Limit())/2, floor)))
}

// regain gives back part of the rate after a success.
func (l *limiter) regain() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.lim == nil {
		return
	}
	cur := float64(l.lim.Limit())
	if cur >= l.qps {
		return
	}
	l.lim.SetLimit(rate.Limit(min(l.qps, cur+l.qps/recoverySteps)))
}

// slots counts calls in flight against a size that can shrink while calls
// run (an account's engines tighten it as they open). Waiters are served in
// the order they came.
type slots struct {
	mu      sync.Mutex
	size    int // 0: no limit
	used    int
	waiters []chan struct{} // closed when handed a slot
}

func (s *slots) free() bool { return s.size <= 0 || s.used < s.size }

// acquire takes a slot, waiting for one while ctx lasts.
func (s *slots) acquire(ctx context.Context) error {
	s.mu.Lock()
	if len(s.waiters) == 0 && s.free() {
		s.used++
		s.mu.Unlock()
		return nil
	}
	ch := make(chan struct{})
	s.waiters = append(s.waiters, ch)
	s.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-ch: // handed a slot just as ctx ended: pass it on
		s.used--
		s.handOff()
	default:
		s.waiters = slices.DeleteFunc(s.waiters, func(w chan struct{}) bool { return w == ch })
	}
	return ctx.Err()
}

// release gives a slot back.
func (s *slots) release() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.used--
	s.handOff()
}

// shrink lowers the size to n when n is tighter.
func (s *slots) shrink(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n > 0 && (s.size <= 0 || n < s.size) {
		s.size = n
	}
}

// handOff gives free slots to the first waiters; s.mu is held.
func (s *slots) handOff() {
	for len(s.waiters) > 0 && s.free() {
		s.used++
		close(s.waiters[0])
		s.waiters = s.waiters[1:]
	}
}
