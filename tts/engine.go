package tts

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Options say how New opens an Engine. Exactly one of Spec and Driver is
// set; the rest may be left zero.
type Options struct {
	// Spec names a registered driver and its voice and options
	// ("espeak:en-us", "google:en-US-Neural2-F?rate=1.1").
	Spec string
	// Driver is a driver made by the caller, used instead of Spec. The
	// Engine owns it from then on and closes it in Close.
	Driver Driver
	// Cache, if set, answers requests it has a clip for and keeps every
	// clip the driver makes (package tts/cache). The Engine closes it in
	// Close.
	Cache ClipCache
	// Retry is the policy for calls failing with ErrTransient or
	// ErrRateLimited; the zero value is usable (see RetryPolicy).
	Retry RetryPolicy
	// NoRetry makes every call once: the first error is returned.
	NoRetry bool
	// QPS caps requests per second started: 0 means the driver's
	// Limits().QPS, a negative value means no cap.
	QPS float64
	// Burst is how many requests may start at once after a quiet spell; 0
	// means 1.
	Burst int
	// Jobs caps calls in flight: 0 means the driver's Limits().Concurrency,
	// a negative value means no cap.
	Jobs int
	// Quotas, if set, are the account limits the Engine shares: when its
	// driver names its account (Accounter), QPS, Jobs and the back-off
	// after a quota answer hold for all the Engines of that account opened
	// with the same Quotas together, at the tightest any of them asked
	// for. Nil, or a driver that names no account: the limits are the
	// Engine's own. EngineSet sets it.
	Quotas *Quotas
}

// ClipCache keeps the clips an Engine's driver made, keyed by the engine's
// ID and the request, so that the same text is never paid for twice.
// Package tts/cache implements it over a blob bucket. Implementations are
// safe for concurrent use.
type ClipCache interface {
	// Fetch returns the clip stored for engineID and req, or calls synth,
	// stores its clip and returns it. The clip returned is the caller's.
	Fetch(ctx context.Context, engineID string, req Request, synth func(context.Context, Request) (*Clip, error)) (*Clip, error)
	// Refresh calls synth even if a clip is stored, and replaces it.
	Refresh(ctx context.Context, engineID string, req Request, synth func(context.Context, Request) (*Clip, error)) (*Clip, error)
	// Contains reports whether a clip is stored for engineID and req.
	Contains(ctx context.Context, engineID string, req Request) (bool, error)
	// Stats counts what the cache did.
	Stats() CacheStats
	// Warnings are problems with the store that did not fail a call.
	Warnings() []string
	// Close releases the cache.
	Close() error
}

// CacheStats count what a ClipCache did. Driver calls saved = Hits + Shared.
type CacheStats struct {
	// Hits are requests answered from the store.
	Hits int64 `json:"hits"`
	// Misses are requests sent to the driver because no usable clip was
	// stored (corrupt entries included), whether or not the call succeeded.
	Misses int64 `json:"misses"`
	// Shared are requests that waited for an identical request already
	// being synthesized and took its result.
	Shared int64 `json:"shared"`
	// Corrupt are stored clips that failed to decode; each was deleted and
	// its request synthesized again.
	Corrupt int64 `json:"corrupt"`
	// ReadErrors are lookups that failed for another reason than a missing
	// clip (permissions, network); the request was synthesized.
	ReadErrors int64 `json:"read_errors"`
	// StoreErrors are clips that could not be written. The synthesis itself
	// still succeeded.
	StoreErrors int64 `json:"store_errors"`
}

// Engine is a speech engine ready to use: a driver with the checks, clip
// cache, retries, limits and meter every driver shares, in the order the
// package documentation gives. It is safe for concurrent use, and one Engine
// is meant to be shared by all the work of a process, so that its quota,
// cache and counts are shared; Engines of other voices of the same vendor
// account share their quota through Options.Quotas.
type Engine struct {
	d       Driver
	id      string
	scheme  string
	lim     Limits
	cache   ClipCache
	retry   RetryPolicy
	noRetry bool
	limiter *limiter // nil: no limits
	m       meter

	credMu   sync.Mutex
	credDone bool  // the driver's credentials were checked
	credErr  error // and this was the answer
}

// New opens an Engine over o.Driver, or over the driver registered for
// o.Spec's scheme. A bad spec gives an error matching ErrBadSpec.
func New(ctx context.Context, o Options) (*Engine, error) {
	d := o.Driver
	switch {
	case o.Spec != "" && d != nil:
		return nil, errors.New("tts: Options.Spec and Options.Driver both given")
	case o.Spec != "":
		var err error
		if d, err = openDriver(ctx, o.Spec); err != nil {
			return nil, err
		}
	case d == nil:
		return nil, errors.New("tts: neither Options.Spec nor Options.Driver given")
	}
	e := &Engine{d: d, id: d.ID(), lim: d.Limits(), cache: o.Cache, noRetry: o.NoRetry}
	e.scheme, _, _ = strings.Cut(e.id, ":")
	e.retry = o.Retry.withDefaults()
	user := e.retry.OnRetry
	e.retry.OnRetry = func(attempt int, err error, wait time.Duration) {
		e.m.retries.Add(1)
		if user != nil {
			user(attempt, err, wait)
		}
	}
	qps, jobs := o.QPS, o.Jobs
	if qps == 0 {
		qps = e.lim.QPS
	}
	if jobs == 0 {
		jobs = e.lim.Concurrency
	}
	qps, jobs = max(qps, 0), max(jobs, 0)
	var account string
	if a, ok := d.(Accounter); ok && o.Quotas != nil {
		account = a.Account()
	}
	switch {
	case account != "":
		// Even an Engine without limits of its own joins its account's
		// limiter: its calls spend the same quota.
		e.limiter = o.Quotas.limiter(e.scheme, account, qps, o.Burst, jobs)
	case qps > 0 || jobs > 0:
		e.limiter = newLimiter(qps, o.Burst, jobs)
	}
	// The Engine's limits are the driver's, tightened by the caller's.
	if jobs > 0 && (e.lim.Concurrency == 0 || jobs < e.lim.Concurrency) {
		e.lim.Concurrency = jobs
	}
	if qps > 0 {
		e.lim.QPS = qps
	}
	return e, nil
}

// Synthesize speaks req. It returns exactly one of a clip with audio, or an
// error; errors match ErrTransient, ErrRateLimited, ErrTooLong, ErrPermanent
// (ErrEmptyText for text with nothing to say) or ctx.Err() with errors.Is.
// A cached clip is returned as it was stored (samples rounded to 16 bits).
func (e *Engine) Synthesize(ctx context.Context, req Request) (*Clip, error) {
	req = e.scope(req)
	if err := checkRequest(ctx, req, e.lim, e.id); err != nil {
		return nil, err
	}
	if e.cache != nil {
		return e.cache.Fetch(ctx, e.id, req, e.synthesize)
	}
	return e.synthesize(ctx, req)
}

// Refresh synthesizes req again past the clip cache and replaces the stored
// clip; the pipeline calls it when a clip looks truncated, since asking
// Synthesize again would return the same bad clip. Without a cache it is
// Synthesize.
func (e *Engine) Refresh(ctx context.Context, req Request) (*Clip, error) {
	req = e.scope(req)
	if err := checkRequest(ctx, req, e.lim, e.id); err != nil {
		return nil, err
	}
	if e.cache != nil {
		return e.cache.Refresh(ctx, e.id, req, e.synthesize)
	}
	return e.synthesize(ctx, req)
}

// Contains reports whether the clip cache holds a clip for req, without
// synthesizing; false without a cache. A dry run uses it to tell what a
// render would send to the driver.
func (e *Engine) Contains(ctx context.Context, req Request) (bool, error) {
	if e.cache == nil {
		return false, nil
	}
	return e.cache.Contains(ctx, e.id, e.scope(req))
}

// scope drops the neighbouring text of req for a driver that does not use
// it (Limits().Context false), so that it changes no cache key.
func (e *Engine) scope(req Request) Request {
	if !e.lim.Context {
		req.Previous, req.Next = "", ""
	}
	return req
}

// synthesize is a cache miss: the driver call, retried.
func (e *Engine) synthesize(ctx context.Context, req Request) (*Clip, error) {
	if e.noRetry {
		return e.call(ctx, req)
	}
	return e.retry.do(ctx, func() (*Clip, error) { return e.call(ctx, req) })
}

// call is one driver call: within the limits, metered, its result checked
// and its error given a kind. Missing credentials end it before the driver
// is called (see CredentialChecker); such a call is not metered, since
// nothing was sent.
func (e *Engine) call(ctx context.Context, req Request) (*Clip, error) {
	if err := e.CheckCredentials(ctx); err != nil {
		return nil, err
	}
	if e.limiter != nil {
		release, err := e.limiter.acquire(ctx)
		if err != nil {
			return nil, err
		}
		defer release()
	}
	start := time.Now()
	clip, err := e.d.Synthesize(ctx, req)
	busy := time.Since(start)
	if err == nil {
		if verr := validateClip(clip, len(req.Text)); verr != nil {
			err = Errorf(ErrPermanent, e.scheme, "engine %s returned unusable audio: %w", e.id, verr)
		}
	}
	if err != nil {
		clip = nil
		err = e.kind(ctx, err)
	}
	if e.limiter != nil {
		e.limiter.observe(err)
	}
	e.m.record(ctx, req, clip, err, busy)
	return clip, err
}

// kind makes err match ctx.Err() when ctx is done, and ErrPermanent when
// the driver gave it no kind.
func (e *Engine) kind(ctx context.Context, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		if errors.Is(err, cerr) {
			return err
		}
		return fmt.Errorf("%w: %w", cerr, err)
	}
	for _, k := range []error{ErrTransient, ErrRateLimited, ErrTooLong, ErrPermanent} {
		if errors.Is(err, k) {
			return err
		}
	}
	return &Error{Kind: ErrPermanent, Err: err}
}

// Limits reports the driver's limits, with Concurrency and QPS tightened
// to the Engine's own.
func (e *Engine) Limits() Limits { return e.lim }

// Voices lists the driver's voices, once the driver's credentials are
// found (see CredentialChecker).
func (e *Engine) Voices(ctx context.Context) ([]Voice, error) {
	if err := e.CheckCredentials(ctx); err != nil {
		return nil, err
	}
	return e.d.Voices(ctx)
}

// ID is the driver's ID: nothing the Engine adds changes the audio.
func (e *Engine) ID() string { return e.id }

// Stats returns the counts so far.
func (e *Engine) Stats() Stats {
	s := e.m.stats()
	if e.cache != nil {
		s.Cache = e.cache.Stats()
	}
	return s
}

// Warnings are problems that did not fail a call (a clip cache that could
// not read or store), oldest first.
func (e *Engine) Warnings() []string {
	if e.cache == nil {
		return nil
	}
	return e.cache.Warnings()
}

// Close closes the driver and the cache.
func (e *Engine) Close() error {
	err := e.d.Close()
	if e.cache != nil {
		err = errors.Join(err, e.cache.Close())
	}
	return err
}

var _ Synthesizer = (*Engine)(nil)
