package pipeline

import (
	"context"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/tts"
)

// PlanEstimate is what a plan would cost, given what is already cached.
type PlanEstimate struct {
	// Cached counts segments the clip cache already holds.
	Cached int `json:"cached_segments"`
	// CharactersToSend counts runes of the segments not cached.
	CharactersToSend int `json:"characters_to_send"`
}

// CacheChecker is the optional interface of a Synthesizer that can say,
// without synthesizing, whether it holds a request's clip (the clip cache).
type CacheChecker interface {
	Contains(ctx context.Context, req tts.Request) (bool, error)
}

// Estimate checks each segment of plan against syn's cache, when syn is a
// CacheChecker (a tts.Engine is), without calling the engine.
func Estimate(ctx context.Context, plan *Plan, syn tts.Synthesizer, opts Options) (*PlanEstimate, error) {
	opts, err := opts.Normalize()
	if err != nil {
		return nil, err
	}
	cc, _ := syn.(CacheChecker)
	est := &PlanEstimate{}
	for i, s := range plan.Segments {
		if cc != nil {
			hit, err := cc.Contains(ctx, plan.request(i, opts))
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

// DocumentEstimate is the dry run of one article: what would be sent to
// which engine and what it would cost. `narrate render --dry-run --json`
// prints it; only add keys.
type DocumentEstimate struct {
	Engine     string `json:"engine"`
	Blocks     int    `json:"blocks"`
	Segments   int    `json:"segments"`
	Characters int    `json:"characters"`
	PlanEstimate
	// EstimatedCostUSD is nil when no price is known for the engine.
	EstimatedCostUSD *float64 `json:"estimated_cost_usd"`
}

// EstimateDocument plans doc for syn and estimates it (see Estimate),
// pricing the characters to send with prices (nil: no price).
func EstimateDocument(ctx context.Context, doc *article.Document, syn tts.Synthesizer, opts Options, prices PriceEstimator) (*DocumentEstimate, error) {
	plan, err := NewPlan(doc, syn.Limits(), opts)
	if err != nil {
		return nil, err
	}
	est, err := Estimate(ctx, plan, syn, opts)
	if err != nil {
		return nil, err
	}
	out := &DocumentEstimate{Engine: syn.ID(), Blocks: len(plan.Script), Segments: len(plan.Segments),
		Characters: plan.Characters(), PlanEstimate: *est}
	if prices != nil {
		if usd, ok := prices.Estimate(syn.ID(), int64(est.CharactersToSend)); ok {
			out.EstimatedCostUSD = &usd
		}
	}
	return out, nil
}
