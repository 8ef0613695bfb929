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

// Local is the optional interface of a Synthesizer that can say whether
// it runs on this machine and how fast (tts.Engine implements it).
type Local interface {
	Local() (speechPerCPUSecond float64, local bool)
}

// CredentialChecker is the optional interface of a Synthesizer that can
// say, without a request, whether its credentials are there (tts.Engine
// implements it).
type CredentialChecker interface {
	CheckCredentials(ctx context.Context) error
}

// EstimateDocument plans doc for syn and estimates it (see Estimate),
// pricing the characters to send with prices (nil: no price): a local
// engine costs nothing but CPU time, which is estimated instead. Missing
// credentials are a warning in the estimate, not an error: the plan and
// the price are still worth knowing.
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
		Characters: plan.Characters(), PlanEstimate: *est, EstimatedSpeechSeconds: est.SpeechSeconds}
	if l, ok := syn.(Local); ok {
		if speed, local := l.Local(); local {
			out.Local = true
			out.EstimatedCostUSD = new(0.0)
			if speed > 0 {
				out.EstimatedCPUSeconds = new(est.SpeechSeconds / speed)
			}
		}
	}
	if prices != nil && !out.Local {
		if usd, ok := prices.Estimate(syn.ID(), int64(est.CharactersToSend)); ok {
			out.EstimatedCostUSD = &usd
		}
	}
	if cc, ok := syn.(CredentialChecker); ok && est.CharactersToSend > 0 {
		if err := cc.CheckCredentials(ctx); err != nil {
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
