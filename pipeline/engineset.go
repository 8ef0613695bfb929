package pipeline

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/narrate-dev/narrate/tts"
)

// EngineSet opens engines by spec on first use, all with the same options,
// and keeps one per spec, for work whose articles choose their own voice
// (by language) but should share each engine's limits, cache and meter.
// It is safe for concurrent use.
type EngineSet struct {
	o     EngineOptions
	mu    sync.Mutex
	specs []string // in the order opened
	m     map[string]*tts.Engine
}

// NewEngineSet returns an empty set whose engines are opened with o (its
// Spec is ignored).
func NewEngineSet(o EngineOptions) *EngineSet {
	return &EngineSet{o: o, m: map[string]*tts.Engine{}}
}

// Get returns the engine for spec, opening it on first use. Its type fits
// batch.Options.EngineFor; the engine is a *tts.Engine.
func (s *EngineSet) Get(ctx context.Context, spec string) (tts.Synthesizer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.m[spec]; ok {
		return e, nil
	}
	o := s.o
	o.Spec = spec
	e, err := OpenEngine(ctx, o)
	if err != nil {
		return nil, err
	}
	s.m[spec] = e
	s.specs = append(s.specs, spec)
	return e, nil
}

// Engines returns the engines opened so far, in the order they were.
func (s *EngineSet) Engines() []*tts.Engine {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*tts.Engine, len(s.specs))
	for i, spec := range s.specs {
		out[i] = s.m[spec]
	}
	return out
}

// Summary adds up the summaries of the engines opened so far: Engine lists
// their IDs, comma-separated; the cost is known if any engine's is.
func (s *EngineSet) Summary(wall time.Duration, prices PriceEstimator) *Summary {
	sum := &Summary{WallSeconds: wall.Seconds(), Warnings: []string{}}
	var ids []string
	for _, e := range s.Engines() {
		one := NewSummary(e, nil, wall, prices)
		ids = append(ids, one.Engine)
		sum.Requests += one.Requests
		sum.CacheHits += one.CacheHits
		sum.Characters += one.Characters
		sum.Retries += one.Retries
		sum.CorruptCacheEntries += one.CorruptCacheEntries
		sum.Warnings = append(sum.Warnings, one.Warnings...)
		if one.EstimatedCostUSD != nil {
			usd := *one.EstimatedCostUSD
			if sum.EstimatedCostUSD != nil {
				usd += *sum.EstimatedCostUSD
			}
			sum.EstimatedCostUSD = &usd
		}
	}
	sum.Engine = strings.Join(ids, ",")
	return sum
}

// Close closes every engine of the set.
func (s *EngineSet) Close() error {
	var errs []error
	for _, e := range s.Engines() {
		errs = append(errs, e.Close())
	}
	return errors.Join(errs...)
}
