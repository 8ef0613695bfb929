package pipeline

import (
	"context"
	"unicode"
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
	// SpeechSeconds estimates how long those segments speak.
	SpeechSeconds float64 `json:"-"`
}

// Estimate checks each segment of plan against eng's clip cache, without
// calling the engine.
func (r *Renderer) Estimate(ctx context.Context, plan *Plan, eng *tts.Engine) (*PlanEstimate, error) {
	est := &PlanEstimate{}
	for i, s := range plan.Segments {
		hit, err := eng.Contains(ctx, plan.request(i, r.opts))
		if err != nil {
			return nil, err
		}
		if hit {
			est.Cached++
			continue
		}
		est.CharactersToSend += utf8.RuneCountInString(s.Text)
		est.SpeechSeconds += SpeechSeconds(s.Text)
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
	// EstimatedCostUSD is nil when no price is known for the engine; 0
	// for an engine on this machine.
	EstimatedCostUSD *float64 `json:"estimated_cost_usd"`
	// Local is set for an engine on this machine (see tts.LocalDriver).
	Local bool `json:"local,omitempty"`
	// EstimatedSpeechSeconds is about how long the characters to send
	// speak (SpeechSeconds).
	EstimatedSpeechSeconds float64 `json:"estimated_speech_seconds"`
	// EstimatedCPUSeconds is about how much CPU a local engine spends on
	// them, on one core; nil when the engine is not local or its speed is
	// unknown.
	EstimatedCPUSeconds *float64 `json:"estimated_cpu_seconds,omitempty"`
	// Warnings are what would stop a render or change its cost, found
	// without a request: missing credentials, say.
	Warnings []string `json:"warnings,omitempty"`
}

// EstimateDocument plans doc for eng with r and estimates it (see
// Renderer.Estimate), pricing the characters to send with prices (nil: no
// price): a local engine costs nothing but CPU time, which is estimated
// instead. Missing credentials are a warning in the estimate, not an error:
// the plan and the price are still worth knowing.
func EstimateDocument(ctx context.Context, r *Renderer, doc *article.Document, eng *tts.Engine, prices PriceEstimator) (*DocumentEstimate, error) {
	plan, err := r.Plan(ctx, doc, eng.Limits())
	if err != nil {
		return nil, err
	}
	est, err := r.Estimate(ctx, plan, eng)
	if err != nil {
		return nil, err
	}
	out := &DocumentEstimate{Engine: eng.ID(), Blocks: len(plan.Script), Segments: len(plan.Segments),
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

// speechCharsPerSecond is about how many characters a voice reads a
// second: the seed article (6,669 characters) speaks for 6m36s with flite's
// slt and 6m24s with espeak-ng, 22 s of it the pauses between paragraphs,
// so 17 to 17.8 characters a second.
const speechCharsPerSecond = 17

// SpeechSeconds estimates how long text takes to say: characters at about
// 17 a second, a Chinese, Japanese or Korean character counting as three
// (a syllable each). It is for planning, not timing.
func SpeechSeconds(text string) float64 {
	n := 0
	for _, r := range text {
		n++
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) {
			n += 2
		}
	}
	return float64(n) / speechCharsPerSecond
}
