package tts

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// LimitOptions are the limits Limit enforces.
type LimitOptions struct {
	// QPS is the most requests per second started; 0 means no rate limit.
	QPS float64
	// Burst is how many requests may start at once after a quiet spell;
	// 0 means 1.
	Burst int
	// Jobs is the most calls in flight at once; 0 means no limit.
	Jobs int
}

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

// Limit wraps s so that calls start no faster than o.QPS and no more than
// o.Jobs run at once. The limits belong to the returned Synthesizer: share it
// (rather than wrapping the engine again) to share the quota across a whole
// process.
//
// When the engine answers ErrRateLimited, the wrapper slows every caller down
// instead of letting them hammer the engine: all new calls wait for the
// Retry-After the engine gave (or one second), and the rate is halved, then
// restored step by step as calls succeed. The error itself is returned so
// that WithRetry, stacked outside, can repeat the call.
//
// A call waiting for its turn gives up when ctx ends, with an error matching
// ctx.Err(); a rate wait that would outlast ctx's deadline fails at once with
// an error matching context.DeadlineExceeded.
func Limit(s Synthesizer, o LimitOptions) Synthesizer {
	l := &limited{Synthesizer: s, opts: o}
	if o.Jobs > 0 {
		l.sem = make(chan struct{}, o.Jobs)
	}
	if o.QPS > 0 {
		l.lim = rate.NewLimiter(rate.Limit(o.QPS), max(1, o.Burst))
	}
	return l
}

type limited struct {
	Synthesizer
	opts LimitOptions
	sem  chan struct{}
	lim  *rate.Limiter

	mu         sync.Mutex
	pauseUntil time.Time
	lastCut    time.Time
}

// Unwrap returns the wrapped engine.
func (l *limited) Unwrap() Synthesizer { return l.Synthesizer }

// Limits reports the engine's limits tightened by the wrapper's.
func (l *limited) Limits() Limits {
	lim := l.Synthesizer.Limits()
	if l.opts.Jobs > 0 && (lim.Concurrency == 0 || l.opts.Jobs < lim.Concurrency) {
		lim.Concurrency = l.opts.Jobs
	}
	if l.opts.QPS > 0 {
		lim.QPS = l.opts.QPS
	}
	return lim
}

func (l *limited) Synthesize(ctx context.Context, req Request) (*Clip, error) {
	if l.sem != nil {
		select {
		case l.sem <- struct{}{}:
			defer func() { <-l.sem }()
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if err := l.wait(ctx); err != nil {
		return nil, err
	}
	clip, err := l.Synthesizer.Synthesize(ctx, req)
	switch {
	case err == nil:
		l.regain()
	case errors.Is(err, ErrRateLimited):
		l.backOff(RetryAfter(err))
	}
	return clip, err
}

// wait blocks until any quota pause is over and the rate limiter grants a
// token.
func (l *limited) wait(ctx context.Context) error {
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
func (l *limited) backOff(retryAfter time.Duration) {
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
	floor := l.opts.QPS / minRateDivisor
	l.lim.SetLimitAt(now, rate.Limit(max(float64(l.lim.Limit())/2, floor)))
}

// regain gives back part of the rate after a success.
func (l *limited) regain() {
	if l.lim == nil {
		return
	}
	cur := float64(l.lim.Limit())
	if cur >= l.opts.QPS {
		return
	}
	l.lim.SetLimit(rate.Limit(min(l.opts.QPS, cur+l.opts.QPS/recoverySteps)))
}
