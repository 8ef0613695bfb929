package tts_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/narrate-dev/narrate/tts"
)

// voiceOf is one voice of a scripted engine's account: the calls of all
// voices over one scripted driver land in its log, as they would at the
// vendor.
type voiceOf struct {
	*scripted
	scheme, account string
}

func (v voiceOf) Account() string { return v.account }
func (v voiceOf) ID() string      { return v.scheme + ":" }

// callAll makes n calls on each engine at once, from its own callers, and
// returns when all have ended.
func callAll(t *testing.T, n int, engines ...*tts.Engine) {
	t.Helper()
	var wg sync.WaitGroup
	for _, e := range engines {
		for range n {
			wg.Go(func() {
				if _, err := e.Synthesize(context.Background(), tts.Request{Text: "hello"}); err != nil {
					t.Error(err)
				}
			})
		}
	}
	wg.Wait()
}

// Two voices of one account opened with the same Quotas keep to the QPS
// together: twenty calls at 50/s take 19 intervals of 20 ms, whichever
// voice makes them. Without Quotas each voice had the whole rate.
func TestQuotaSharedRate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		quotas *tts.Quotas
		want   time.Duration
	}{
		{"shared", tts.NewQuotas(), 19 * 20 * time.Millisecond},
		{"own", nil, 9 * 20 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				d := &scripted{}
				o := tts.Options{NoRetry: true, QPS: 50, Burst: 1, Quotas: tc.quotas}
				a := engine(t, voiceOf{d, "cloud", "acct"}, o)
				b := engine(t, voiceOf{d, "cloud", "acct"}, o)
				start := time.Now()
				callAll(t, 10, a, b)
				if el := time.Since(start); el != tc.want {
					t.Errorf("20 calls of two voices at 50 qps took %v, want %v", el, tc.want)
				}
			})
		})
	}
}

// An account's calls in flight are the tightest Jobs any of its Engines
// asked for, counted over all of them.
func TestQuotaSharedJobs(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d := &scripted{delay: 10 * time.Millisecond}
		q := tts.NewQuotas()
		a := engine(t, voiceOf{d, "cloud", "acct"}, tts.Options{NoRetry: true, Jobs: 4, Quotas: q})
		b := engine(t, voiceOf{d, "cloud", "acct"}, tts.Options{NoRetry: true, Jobs: 2, Quotas: q})
		callAll(t, 8, a, b)
		if d.maxInFlight != 2 {
			t.Errorf("%d calls in flight at most over the account, want 2", d.maxInFlight)
		}
	})
}

// A quota answer to one voice pauses the account's other voices for its
// Retry-After; another account, or another engine with the same account
// string, goes on at once.
func TestQuotaSharedBackOff(t *testing.T) {
	const pause = 300 * time.Millisecond
	for _, tc := range []struct {
		name             string
		scheme, account  string
		wantOtherWaiting bool
	}{
		{"same account", "cloud", "acct", true},
		{"other account", "cloud", "acct2", false},
		{"other engine", "other", "acct", false},
		{"no account", "cloud", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				q := tts.NewQuotas()
				o := tts.Options{NoRetry: true, QPS: 1000, Burst: 10, Quotas: q}
				hit := &scripted{errs: []error{&tts.Error{Kind: tts.ErrRateLimited, RetryAfter: pause, Err: errors.New("429")}}}
				other := &scripted{}
				a := engine(t, voiceOf{hit, "cloud", "acct"}, o)
				b := engine(t, voiceOf{other, tc.scheme, tc.account}, o)
				if _, err := a.Synthesize(context.Background(), tts.Request{Text: "a"}); !errors.Is(err, tts.ErrRateLimited) {
					t.Fatalf("got %v, want the quota answer", err)
				}
				answered := time.Now()
				if _, err := b.Synthesize(context.Background(), tts.Request{Text: "b"}); err != nil {
					t.Fatal(err)
				}
				waited := other.calls()[0].Sub(answered)
				if want := map[bool]time.Duration{true: pause, false: 0}[tc.wantOtherWaiting]; waited != want {
					t.Errorf("the other voice reached its engine %v after the quota answer, want %v", waited, want)
				}
			})
		})
	}
}
