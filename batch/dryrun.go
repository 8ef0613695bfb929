package batch

import (
	"context"
	"sync"

	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/internal/workpool"
	"github.com/narrate-dev/narrate/pipeline"
)

// Estimate is what a run would do, found without calling the engine.
type Estimate struct {
	Articles int `json:"articles"`
	// Done would be skipped; ToRender would be rendered; Unreadable cannot
	// be read or planned (they would fail).
	Done       int `json:"done"`
	ToRender   int `json:"to_render"`
	Unreadable int `json:"unreadable"`
	// Segments of the articles to render, and how many of them the clip
	// cache already holds.
	Segments       int `json:"segments"`
	CachedSegments int `json:"cached_segments"`
	// Characters of the articles to render, all of them and those to send
	// to the engine after cache hits.
	Characters       int64 `json:"characters"`
	CharactersToSend int64 `json:"characters_to_send"`
	// EstimatedCostUSD prices CharactersToSend; nil if no price is known.
	// An engine on this machine costs 0.
	EstimatedCostUSD *float64 `json:"estimated_cost_usd"`
	// EstimatedCPUSeconds is about how much CPU the local engines would
	// spend on CharactersToSend, on one core; nil when no engine is local.
	EstimatedCPUSeconds *float64 `json:"estimated_cpu_seconds,omitempty"`
	// Warnings are what would stop a run, found without a request: an
	// engine's missing credentials, once per engine.
	Warnings []string `json:"warnings,omitempty"`
	// Problems are the errors of unreadable articles (at most 100).
	Problems []string `json:"problems,omitempty"`
}

// DryRun reads and plans every entry, checks its sidecar and the clip cache,
// and says what Run would render and send, calling no engine and writing
// nothing.
func DryRun(ctx context.Context, entries []Entry, out *blob.Bucket, o Options) (*Estimate, error) {
	if err := o.defaults(); err != nil {
		return nil, err
	}
	est := &Estimate{Articles: len(entries)}
	var (
		mu        sync.Mutex
		usd, cpu  float64
		costKnown bool
		anyLocal  bool
		checked   = map[string]bool{} // engines whose credentials were checked
	)
	if o.Prices != nil && o.Engine != nil {
		_, costKnown = o.Prices.Estimate(o.Engine.ID(), 0)
	}
	workpool.Run(ctx, len(entries), o.Jobs, nil, func(i int) {
		p, err := prepare(ctx, &entries[i], out, &o)
		var pe *pipeline.PlanEstimate
		if err == nil && !p.done() {
			pe, err = p.r.Estimate(ctx, p.plan, p.eng)
		}
		mu.Lock()
		switch {
		case err != nil:
			est.Unreadable++
			if len(est.Problems) < 100 {
				est.Problems = append(est.Problems, err.Error())
			}
		case pe == nil:
			est.Done++
		default:
			est.ToRender++
			est.Segments += len(p.plan.Segments)
			est.CachedSegments += pe.Cached
			est.Characters += int64(p.plan.Characters())
			est.CharactersToSend += int64(pe.CharactersToSend)
			// Priced per article: articles may have engines of their
			// own (Options.EngineFor).
			speed, local := p.eng.Local()
			switch {
			case local:
				costKnown, anyLocal = true, true
				if speed > 0 {
					cpu += pe.SpeechSeconds / speed
				}
			case o.Prices != nil:
				if cost, ok := o.Prices.Estimate(p.eng.ID(), int64(pe.CharactersToSend)); ok {
					usd += cost
					costKnown = true
				}
			}
			if pe.CharactersToSend > 0 && !checked[p.eng.ID()] {
				checked[p.eng.ID()] = true
				mu.Unlock()
				err := p.eng.CheckCredentials(ctx)
				mu.Lock()
				if err != nil && ctx.Err() == nil {
					est.Warnings = append(est.Warnings, err.Error())
				}
			}
		}
		mu.Unlock()
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if costKnown {
		est.EstimatedCostUSD = &usd
	}
	if anyLocal {
		est.EstimatedCPUSeconds = &cpu
	}
	return est, nil
}
