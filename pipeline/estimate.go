package pipeline

import (
	"context"
	"unicode/utf8"
)

// PlanEstimate is what a plan would cost, given what is already cached.
type PlanEstimate struct {
	// Cached counts segments the clip cache already holds.
	Cached int
	// CharactersToSend counts runes of the segments not cached.
	CharactersToSend int
}

// Estimate checks each segment of plan against e's cache (when it has one)
// without calling the engine.
func Estimate(ctx context.Context, plan *Plan, e *Engine, opts Options) (*PlanEstimate, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	est := &PlanEstimate{}
	for _, s := range plan.Segments {
		if e.Cache != nil {
			hit, err := e.Cache.Contains(ctx, plan.request(s, opts))
			if err != nil {
				return nil, err
			}
			if hit {
				est.Cached++
				continue
			}
		}
		est.CharactersToSend += utf8.RuneCountInString(s.Text)
	}
	return est, nil
}
