package tts

import (
	"context"
	"errors"
	"fmt"
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

// limiter keeps an Engine's calls within its QPS and Jobs. Its limits
// belong to the Engine: share the Engine to share the quota across a process.
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
	qps float64
	sem chan struct{}
	lim *rate.Limiter

	mu         sync.Mutex
	pauseUntil time.Time
	lastCut    time.Time
}

// newLimiter returns a limiter for qps requests per second (0: none) with
// the given burst, and at most jobs calls at once (0: no limit).
func newLimiter(qps float64, burst, jobs int) *limiter {
	l := &limiter{qps: qps}
	if jobs > 0 {
		l.sem = make(chan struct{}, jobs)
	}
	if qps > 0 {
		l.lim = rate.NewLimiter(rate.Limit(qps), max(1, burst))
	}
	return l
}

// acquire waits for a call's turn and returns the function that ends it.
func (l *limiter) acquire(ctx context.Context) (release func(), err error) {
	release = func() {}
	if l.sem != nil {
		select {
		case l.sem <- struct{}{}:
			release = func() { <-l.sem }
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if err := l.wait(ctx); err != nil {
		release()
		return nil, err
	}
	return release, nil
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
	for {
		l.mu.Lock()
		d := time.Until(l.pauseUntil)
		l.mu.Unlock()
		if d <= 0 {
			break
		}
		if err := sleep(ctx, d); err != nil {
			return err
		}
	}
	if l.lim == nil {
		return nil
	}
	if err := l.lim.Wait(ctx); err != nil {
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
	if l.lim == nil {
		return
	}
	cur := float64(l.lim.Limit())
	if cur >= l.qps {
		return
	}
	l.lim.SetLimit(rate.Limit(min(l.qps, cur+l.qps/recoverySteps)))
}
