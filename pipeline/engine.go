package pipeline

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/cache"
)

// EngineOptions say how to open an engine stack.
type EngineOptions struct {
	// Spec chooses the engine ("espeak:en-us", "google:en-US-Neural2-F").
	Spec string
	// CacheURL is where clips are cached ("" = the user cache directory,
	// "mem://", "file:///dir", "gs://bucket/prefix", "s3://bucket").
	CacheURL string
	// NoCache turns the clip cache off.
	NoCache bool
	// QPS caps requests per second (0 = the engine's default, <0 = none).
	QPS float64
	// Jobs caps calls in flight (0 = the engine's own limit).
	Jobs int
	// Retry is the retry policy for transient and rate-limit errors.
	Retry tts.RetryPolicy
}

// Engine is an opened engine with the shared machinery stacked on it, in
// this order from the outside: clip cache -> retry -> rate and concurrency
// limit -> meter -> argument checks -> driver. One Engine is meant to be
// shared by every render of a process so its quota and cache are shared.
type Engine struct {
	tts.Synthesizer
	// Meter counts the calls that reached the engine.
	Meter *tts.Meter
	// Cache is nil when caching is off.
	Cache   *cache.Cache
	retries atomic.Int64
}

// OpenEngine opens the engine named by o.Spec and stacks the cache, retries,
// limits and meter on it.
func OpenEngine(ctx context.Context, o EngineOptions) (*Engine, error) {
	driver, err := tts.Open(ctx, o.Spec)
	if err != nil {
		return nil, err
	}
	e := &Engine{}
	policy := o.Retry
	user := policy.OnRetry
	policy.OnRetry = func(attempt int, err error, wait time.Duration) {
		e.retries.Add(1)
		if user != nil {
			user(attempt, err, wait)
		}
	}
	s, meter := tts.Stack(driver, tts.StackOptions{Retry: policy, QPS: o.QPS, Jobs: o.Jobs})
	e.Synthesizer, e.Meter = s, meter
	if !o.NoCache {
		b, err := cache.Open(ctx, o.CacheURL)
		if err != nil {
			driver.Close()
			return nil, fmt.Errorf("clip cache: %w", err)
		}
		e.Cache = cache.New(s, b, cache.Options{CloseBucket: true})
		e.Synthesizer = e.Cache
	}
	return e, nil
}

// Retries is how many times a failed call was repeated.
func (e *Engine) Retries() int64 { return e.retries.Load() }

// Refresh synthesizes req again past the clip cache and replaces the stored
// clip (see Refresher); without a cache it is Synthesize.
func (e *Engine) Refresh(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	if e.Cache != nil {
		return e.Cache.Refresh(ctx, req)
	}
	return e.Synthesizer.Synthesize(ctx, req)
}
