package tts

import (
	"context"
	"errors"
	"sync"
)

// Open opens the engine spec names ("espeak:en-us", "google:en-US-Neural2-F"):
// New with o.Spec set to spec, o's clip cache, retries and limits around the
// driver its scheme registered. The Engine owns o.Cache from then on, and
// closes it too when opening fails. One process should share each Engine
// across its work, so that its quota, cache and counts are shared, and
// open the voices of one vendor account with the same o.Quotas (EngineSet
// does), so that they share the account's quota. A bad spec gives an error
// matching ErrBadSpec.
func Open(ctx context.Context, spec string, o Options) (*Engine, error) {
	o.Spec, o.Driver = spec, nil
	e, err := New(ctx, o)
	if err != nil && o.Cache != nil {
		o.Cache.Close()
	}
	return e, err
}

// EngineSet opens engines by spec on first use, all with the same options,
// and keeps one per spec: for work whose articles choose their own voice
// (by language, see Choose) but should share each engine's limits, cache
// and meter. Its engines share one Quotas, so the voices of one vendor
// account keep to that account's QPS and Jobs together, and a quota answer
// to one slows them all. It is safe for concurrent use.
type EngineSet struct {
	o        Options
	newCache func(context.Context) (ClipCache, error)
	mu       sync.Mutex
	specs    []string // in the order opened
	m        map[string]*Engine
}

// NewEngineSet returns an empty set whose engines are opened with o (its
// Spec, Driver and Cache are not used; o.Quotas, or new Quotas when it is
// nil), each with a clip cache of its own from newCache, or none when
// newCache is nil.
func NewEngineSet(o Options, newCache func(context.Context) (ClipCache, error)) *EngineSet {
	o.Spec, o.Driver, o.Cache = "", nil, nil
	if o.Quotas == nil {
		o.Quotas = NewQuotas()
	}
	return &EngineSet{o: o, newCache: newCache, m: map[string]*Engine{}}
}

// Get returns the engine for spec, opening it on first use.
func (s *EngineSet) Get(ctx context.Context, spec string) (*Engine, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.m[spec]; ok {
		return e, nil
	}
	o := s.o
	if s.newCache != nil {
		c, err := s.newCache(ctx)
		if err != nil {
			return nil, err
		}
		o.Cache = c
	}
	e, err := Open(ctx, spec, o)
	if err != nil {
		return nil, err
	}
	s.m[spec] = e
	s.specs = append(s.specs, spec)
	return e, nil
}

// Engines returns the engines opened so far, in the order they were.
func (s *EngineSet) Engines() []*Engine {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]*Engine, len(s.specs))
	for i, spec := range s.specs {
		out[i] = s.m[spec]
	}
	return out
}

// Close closes every engine of the set.
func (s *EngineSet) Close() error {
	var errs []error
	for _, e := range s.Engines() {
		errs = append(errs, e.Close())
	}
	return errors.Join(errs...)
}
