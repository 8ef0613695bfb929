package tts

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
)

// Accounter is implemented by drivers whose calls count against a vendor
// account's quota rather than against the voice: a cloud engine's
// requests-per-minute and concurrent-request limits hold for every voice of
// the account (a Google Cloud project, an AWS account and region, an Azure
// Speech resource, an API key).
//
// Account names that account and quota, so that Engines opened with the
// same Quotas share one limiter when their drivers have the same scheme and
// Account (see Options.Quotas): two voices of one account give the same
// string, two accounts, regions, endpoints or separately limited quotas
// (Polly's engine types) different ones. It is made from the driver's
// options, without a request, and holds no secret (hash a key with
// AccountKey). "" means the driver's calls are its own.
type Accounter interface {
	Account() string
}

// AccountKey returns a short stand-in for a credential (an API key) that
// Account may include: equal keys give equal strings, and the key cannot be
// read back from it. An empty key gives "".
func AccountKey(key string) string {
	if key == "" {
		return ""
	}
	sum := sha256.Sum256([]byte("narrate-account\x00" + key))
	return hex.EncodeToString(sum[:8])
}

// Quotas holds the limits that Engines of one vendor account share: the
// requests per second, the calls in flight and the back-off after a quota
// answer (ErrRateLimited) apply to the account's calls together, whichever
// voice makes them. Open every Engine of a process with the same Quotas
// (EngineSet does) so that N voices of one account do not each spend the
// whole quota. The zero value is not usable; make one with NewQuotas. It
// is safe for concurrent use.
type Quotas struct {
	mu sync.Mutex
	m  map[string]*limiter
}

// NewQuotas returns an empty set of account limits.
func NewQuotas() *Quotas { return &Quotas{m: map[string]*limiter{}} }

// limiter returns the limiter of scheme's account, made with qps, burst and
// jobs (0: no limit) on first use. An account's limits are the tightest any
// of its Engines asked for: a later Engine that asks for less QPS or fewer
// calls in flight tightens them for all.
func (q *Quotas) limiter(scheme, account string, qps float64, burst, jobs int) *limiter {
	key := scheme + "\x00" + account
	q.mu.Lock()
	defer q.mu.Unlock()
	if l, ok := q.m[key]; ok {
		l.tighten(qps, jobs)
		return l
	}
	l := newLimiter(qps, burst, jobs)
	q.m[key] = l
	return l
}
