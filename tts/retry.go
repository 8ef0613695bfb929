package tts

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"
)

// RetryPolicy says how an Engine repeats failed driver calls. The zero value is
// usable: 5 attempts within 2 minutes, waits growing from 250 ms to at most
// 30 s.
type RetryPolicy struct {
	// MaxAttempts is the number of calls made in all, the first included;
	// 0 means 5, 1 means no retries.
	MaxAttempts int
	// MaxElapsed bounds the time spent on one request: no wait is started
	// that would end later than MaxElapsed after the first call. 0 means
	// 2 minutes.
	MaxElapsed time.Duration
	// Initial is the upper bound of the first wait; 0 means 250 ms.
	Initial time.Duration
	// Max caps the upper bound of any wait computed from the backoff; 0
	// means 30 s. A longer Retry-After from the engine is still honoured.
	Max time.Duration
	// Multiplier is the growth of the upper bound per attempt; 0 means 2.
	Multiplier float64
	// OnRetry, if set, is called before each wait with the number of the
	// attempt that failed (1 for the first call), its error and the wait.
	// It must be safe for concurrent use.
	OnRetry func(attempt int, err error, wait time.Duration)

	// jitter returns a number in [0, 1); nil means math/rand/v2. Tests set it.
	jitter func() float64
}

func (p RetryPolicy) withDefaults() RetryPolicy {
	if p.MaxAttempts <= 0 {
		p.MaxAttempts = 5
	}
	if p.MaxElapsed <= 0 {
		p.MaxElapsed = 2 * time.Minute
	}
	if p.Initial <= 0 {
		p.Initial = 250 * time.Millisecond
	}
	if p.Max <= 0 {
		p.Max = 30 * time.Second
	}
	if p.Multiplier < 1 {
		p.Multiplier = 2
	}
	if p.jitter == nil {
		p.jitter = rand.Float64
	}
	return p
}

// wait is the pause after the given failed attempt (1-based): "full jitter"
// (uniform in [0, min(Max, Initial·Multiplier^(attempt-1))]), spreading
// callers that failed together, but never shorter than what the engine asked
// for in err.
func (p RetryPolicy) wait(attempt int, err error) time.Duration {
	ceil := float64(p.Initial)
	for i := 1; i < attempt && ceil < float64(p.Max); i++ {
		ceil *= p.Multiplier
	}
	ceil = min(ceil, float64(p.Max))
	d := time.Duration(p.jitter() * ceil)
	return max(d, RetryAfter(err))
}

// do runs call, repeating it after a backoff while it fails with a
// retryable error (ErrTransient or ErrRateLimited, see Retryable). Other
// errors, ErrTooLong included, are returned at once; so is ctx's error when
// ctx ends, during a call or a wait. When the attempts or the time run out,
// the last error is returned, wrapped with the number of attempts (it still
// matches its kind with errors.Is). p must have its defaults filled.
func (p RetryPolicy) do(ctx context.Context, call func() (*Clip, error)) (*Clip, error) {
	start := time.Now()
	for attempt := 1; ; attempt++ {
		clip, err := call()
		if err == nil {
			return clip, nil
		}
		if cerr := ctx.Err(); cerr != nil {
			return nil, fmt.Errorf("%w (attempt %d failed with: %v)", cerr, attempt, err)
		}
		if !Retryable(err) {
			return nil, err
		}
		if attempt >= p.MaxAttempts {
			return nil, fmt.Errorf("gave up after %d attempts: %w", attempt, err)
		}
		wait := p.wait(attempt, err)
		if time.Since(start)+wait > p.MaxElapsed {
			return nil, fmt.Errorf("gave up after %d attempts in %v (next wait %v would pass the %v limit): %w",
				attempt, time.Since(start).Round(time.Millisecond), wait.Round(time.Millisecond), p.MaxElapsed, err)
		}
		if p.OnRetry != nil {
			p.OnRetry(attempt, err, wait)
		}
		if cerr := sleep(ctx, wait); cerr != nil {
			return nil, fmt.Errorf("%w while waiting %v to retry after: %v", cerr, wait.Round(time.Millisecond), err)
		}
	}
}

// sleep waits for d or until ctx is done, returning ctx's error then.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
