package publish

import (
	"context"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
)

// Estimate is what rendering one article would do, found without calling
// the engine: what would be sent to which engine and what it would cost.
// Its JSON keys are relied upon by scripts; only add keys.
type Estimate struct {
	Engine     string `json:"engine"`
	Blocks     int    `json:"blocks"`
	Segments   int    `json:"segments"`
	Characters int    `json:"characters"`
	pipeline.PlanEstimate
	// EstimatedCostUSD is nil when no price is known for the engine; 0
	// for an engine on this machine.
	EstimatedCostUSD *float64 `json:"estimated_cost_usd"`
	// Local is set for an engine on this machine (see tts.LocalDriver).
	Local bool `json:"local,omitempty"`
	// EstimatedSpeechSeconds is about how long the characters to send
	// speak (pipeline.SpeechSeconds).
	EstimatedSpeechSeconds float64 `json:"estimated_speech_seconds"`
	// EstimatedCPUSeconds is about how much CPU a local engine spends on
	// them, on one core; nil when the engine is not local or its speed is
	// unknown.
	EstimatedCPUSeconds *float64 `json:"estimated_cpu_seconds,omitempty"`
	// Warnings are what would stop a render or change its cost, found
	// without a request: missing credentials, say.
	Warnings []string `json:"warnings,omitempty"`
}

// EstimateArticle plans doc for eng with r and estimates it (see
// pipeline.Renderer.Estimate), pricing the characters to send with prices
// (nil: no price): a local engine costs nothing but CPU time, which is
// estimated instead. Missing credentials are a warning in the estimate, not
// an error: the plan and the price are still worth knowing.
func EstimateArticle(ctx context.Context, r *pipeline.Renderer, doc *article.Document, eng *tts.Engine, prices PriceEstimator) (*Estimate, error) {
	plan, err := r.PlanFor(ctx, doc, eng)
	if err != nil {
		return nil, err
	}
	est, err := r.Estimate(ctx, plan, eng)
	if err != nil {
		return nil, err
	}
	out := &Estimate{Engine: eng.ID(), Blocks: len(plan.Script), Segments: len(plan.Segments),
		Characters: plan.Characters(), PlanEstimate: *est, EstimatedSpeechSeconds: est.SpeechSeconds}
	if speed, local := eng.Local(); local {
		out.Local = true
		out.EstimatedCostUSD = new(0.0)
		if speed > 0 {
			out.EstimatedCPUSeconds = new(est.SpeechSeconds / speed)
		}
	}
	if prices != nil && !out.Local {
		if usd, ok := prices.Estimate(eng.ID(), int64(est.CharactersToSend)); ok {
			out.EstimatedCostUSD = &usd
		}
	}
	if est.CharactersToSend > 0 {
		if err := eng.CheckCredentials(ctx); err != nil {
			if cerr := ctx.Err(); cerr != nil {
				return nil, cerr
			}
			out.Warnings = append(out.Warnings, err.Error())
		}
	}
	return out, nil
}
