package pipeline

import (
	"context"

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

// OpenEngine opens the engine named by o.Spec with its clip cache (unless
// o.NoCache) at o.CacheURL, retries and limits: a tts.Engine, which one
// process should share across its renders so its quota and cache are shared.
func OpenEngine(ctx context.Context, o EngineOptions) (*tts.Engine, error) {
	to := tts.Options{Spec: o.Spec, Retry: o.Retry, QPS: o.QPS, Jobs: o.Jobs}
	if !o.NoCache {
		b, err := cache.Open(ctx, o.CacheURL)
		if err != nil {
			return nil, err
		}
		to.Cache = cache.New(b, cache.Options{CloseBucket: true})
	}
	e, err := tts.New(ctx, to)
	if err != nil && to.Cache != nil {
		to.Cache.Close()
	}
	return e, err
}
