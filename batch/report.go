package batch

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/pipeline"
)

// Report is the state of an output bucket.
type Report struct {
	// Done articles have a sidecar (and no newer failure).
	Done int `json:"done"`
	// Failed articles have a failure record newer than their sidecar.
	Failed int `json:"failed"`
	// Pending articles are in the manifest but neither done nor failed;
	// nil when no manifest was given.
	Pending *int `json:"pending"`
	// Characters and AudioSeconds add up the done articles.
	Characters   int64   `json:"characters"`
	AudioSeconds float64 `json:"audio_seconds"`
	// EstimatedCostUSD prices Characters at list price as if none came from
	// the clip cache (an upper bound); nil when an engine has no price.
	EstimatedCostUSD *float64 `json:"estimated_cost_usd"`
	// Failures counts failed articles by kind.
	Failures map[string]int `json:"failures"`
	// Engines and Settings count done articles by engine ID and by
	// their Options hash: more than one entry in Settings means a re-render with
	// new settings is unfinished (or some articles have their own voice).
	Engines  map[string]int `json:"engines"`
	Settings map[string]int `json:"settings"`
	// NotInManifest counts done articles whose id the manifest lacks.
	NotInManifest int `json:"not_in_manifest,omitempty"`
	// FailedIDs lists failed ids, at most 100, sorted.
	FailedIDs []string `json:"failed_ids,omitempty"`
}

// MakeReport reads every sidecar and failure record in out. With entries
// (the manifest) it counts only their ids and finds the pending ones.
func MakeReport(ctx context.Context, out *blob.Bucket, entries []Entry, prices pipeline.PriceEstimator, jobs int) (*Report, error) {
	if jobs <= 0 {
		jobs = 8
	}
	var sidecars, failures []string
	it := out.List(nil)
	for {
		obj, err := it.Next(ctx)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("list output: %w", err)
		}
		if obj.IsDir || !strings.HasSuffix(obj.Key, ".json") {
			continue
		}
		if strings.HasPrefix(obj.Key, failedPrefix) {
			failures = append(failures, obj.Key)
		} else if _, ok := SidecarKey(obj.Key); ok {
			sidecars = append(sidecars, obj.Key)
		}
	}
	infos := map[string]*Info{}    // by key
	fails := map[string]*Failure{} // by key
	var mu sync.Mutex
	var firstErr error
	work := make(chan func() error)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				if err := f(); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, name := range sidecars {
		work <- func() error {
			info, err := ReadInfo(ctx, out, name)
			if err != nil || info == nil {
				// Not one of ours (or damaged): not done.
				return nil
			}
			mu.Lock()
			infos[strings.TrimSuffix(name, ".json")] = info
			mu.Unlock()
			return nil
		}
	}
	for _, name := range failures {
		work <- func() error {
			f, err := readFailure(ctx, out, name)
			if err != nil {
				return err
			}
			if f == nil {
				return nil
			}
			mu.Lock()
			fails[strings.TrimSuffix(strings.TrimPrefix(name, failedPrefix), ".json")] = f
			mu.Unlock()
			return nil
		}
	}
	close(work)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	rep := &Report{Failures: map[string]int{}, Engines: map[string]int{}, Settings: map[string]int{}}
	var keys map[string]bool
	if entries != nil {
		keys = make(map[string]bool, len(entries))
		for _, e := range entries {
			keys[e.Key] = true
		}
	}
	chars := map[string]int64{}
	// A failure record is stale when the sidecar carries the settings the
	// failed attempt had (a twin run succeeded after it).
	failed := func(key string) (*Failure, bool) {
		f, ok := fails[key]
		if !ok {
			return nil, false
		}
		if info, done := infos[key]; done && f.Settings != "" && info.Settings == f.Settings {
			return nil, false
		}
		return f, true
	}
	for key, info := range infos {
		if keys != nil && !keys[key] {
			rep.NotInManifest++
			continue
		}
		if _, bad := failed(key); bad {
			continue
		}
		rep.Done++
		rep.Characters += int64(info.Characters)
		rep.AudioSeconds = addMS(rep.AudioSeconds, info.DurationSeconds)
		rep.Engines[info.Engine]++
		rep.Settings[info.Options]++
		chars[info.Engine] += int64(info.Characters)
	}
	for key := range fails {
		if keys != nil && !keys[key] {
			continue
		}
		if f, bad := failed(key); bad {
			rep.Failed++
			rep.Failures[f.Kind]++
			rep.FailedIDs = append(rep.FailedIDs, f.ID)
		}
	}
	sort.Strings(rep.FailedIDs)
	if len(rep.FailedIDs) > 100 {
		rep.FailedIDs = rep.FailedIDs[:100]
	}
	if keys != nil {
		p := len(keys) - rep.Done - rep.Failed
		rep.Pending = &p
	}
	if prices != nil {
		total, known := 0.0, true
		for eng, n := range chars {
			usd, ok := prices.Estimate(eng, n)
			known = known && ok
			total += usd
		}
		if known {
			rep.EstimatedCostUSD = &total
		}
	}
	return rep, nil
}

// Text is the report as a few lines for people.
func (r *Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "done:       %d\n", r.Done)
	fmt.Fprintf(&b, "failed:     %d", r.Failed)
	if len(r.Failures) > 0 {
		var kinds []string
		for k, n := range r.Failures {
			kinds = append(kinds, fmt.Sprintf("%s %d", k, n))
		}
		sort.Strings(kinds)
		fmt.Fprintf(&b, " (%s)", strings.Join(kinds, ", "))
	}
	b.WriteString("\n")
	if r.Pending != nil {
		fmt.Fprintf(&b, "pending:    %d\n", *r.Pending)
	}
	fmt.Fprintf(&b, "audio:      %.2f hours\n", r.AudioSeconds/3600)
	fmt.Fprintf(&b, "characters: %d\n", r.Characters)
	if r.EstimatedCostUSD != nil {
		fmt.Fprintf(&b, "cost:       about $%.2f at list price, before cache savings\n", *r.EstimatedCostUSD)
	} else {
		b.WriteString("cost:       unknown (no price for an engine)\n")
	}
	if len(r.Settings) > 1 {
		fmt.Fprintf(&b, "settings:   %d different settings among done articles (a re-render is unfinished)\n", len(r.Settings))
	}
	if r.NotInManifest > 0 {
		fmt.Fprintf(&b, "other:      %d done articles are not in the manifest\n", r.NotInManifest)
	}
	for _, id := range r.FailedIDs {
		fmt.Fprintf(&b, "  failed: %s\n", id)
	}
	return b.String()
}
