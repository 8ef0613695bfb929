package archive

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/tts"
)

// Report is the state of an archive.
type Report struct {
	// Done articles have a sidecar (and no newer failure of the same
	// article).
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
	// Info.Options: more than one entry in Settings means a re-render with
	// new settings is unfinished (or some articles have their own voice).
	Engines  map[string]int `json:"engines"`
	Settings map[string]int `json:"settings"`
	// NotInManifest counts done articles whose id the manifest lacks.
	NotInManifest int `json:"not_in_manifest,omitempty"`
	// FailedIDs lists failed ids, at most 100, sorted.
	FailedIDs []string `json:"failed_ids,omitempty"`
}

// MakeReport reads every done marker and failure record in b (Scan, jobs
// at a time). With keys (the manifest's, SanitizeID of its ids; nil when
// there is none) it counts only those and finds the pending ones. prices
// price the characters (nil: no cost).
func MakeReport(ctx context.Context, b *blob.Bucket, keys []string, prices tts.PriceTable, jobs int) (*Report, error) {
	c, err := Scan(ctx, b, ScanOptions{Jobs: jobs, Failures: true})
	if err != nil {
		return nil, err
	}
	infos := make(map[string]*Info, len(c.Done)) // by key
	for _, d := range c.Done {
		infos[d.Key] = &d.Head.Info
	}
	fails := c.Failures
	rep := &Report{Failures: map[string]int{}, Engines: map[string]int{}, Settings: map[string]int{}}
	var manifest map[string]bool
	if keys != nil {
		manifest = make(map[string]bool, len(keys))
		for _, k := range keys {
			manifest[k] = true
		}
	}
	chars := map[string]int64{}
	// another reports whether the key's failure is another article's: one
	// whose id shares the key with the done article's id ("a b" and
	// "a_b"), refused with a KeyTakenError. Both are counted, each once:
	// the failure does not undo the done article.
	another := func(key string) bool {
		f, info := fails[key], infos[key]
		return f != nil && info != nil && f.ID != "" && info.ID != "" && f.ID != info.ID
	}
	// A failure record is stale when the sidecar carries the settings the
	// failed attempt had (a twin run succeeded after it).
	failed := func(key string) (*Failure, bool) {
		f, ok := fails[key]
		if !ok {
			return nil, false
		}
		if info, done := infos[key]; done && f.Settings != "" && info.Settings == f.Settings && !another(key) {
			return nil, false
		}
		return f, true
	}
	// accounted are the manifest's keys done or failed, each counted once
	// for Pending however many articles share it.
	accounted := map[string]bool{}
	for key, info := range infos {
		if manifest != nil && !manifest[key] {
			rep.NotInManifest++
			continue
		}
		if _, bad := failed(key); bad && !another(key) {
			continue
		}
		accounted[key] = true
		rep.Done++
		rep.Characters += int64(info.Characters)
		rep.AudioSeconds = addMS(rep.AudioSeconds, info.DurationSeconds)
		rep.Engines[info.Engine]++
		rep.Settings[info.Options]++
		chars[info.Engine] += int64(info.Characters)
	}
	for key := range fails {
		if manifest != nil && !manifest[key] {
			continue
		}
		if f, bad := failed(key); bad {
			accounted[key] = true
			rep.Failed++
			rep.Failures[f.Kind]++
			rep.FailedIDs = append(rep.FailedIDs, f.ID)
		}
	}
	sort.Strings(rep.FailedIDs)
	if len(rep.FailedIDs) > 100 {
		rep.FailedIDs = rep.FailedIDs[:100]
	}
	if manifest != nil {
		p := len(manifest) - len(accounted)
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

// addMS adds seconds and rounds the sum to the millisecond: totals of
// thousands of durations otherwise print as 1524.9074999979998.
func addMS(total, s float64) float64 { return math.Round((total+s)*1000) / 1000 }
