package archive

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	"github.com/narrate-dev/narrate/sidecar"
)

// Info is the "narrate" object at the start of every sidecar. It holds no
// clock or host, so two renders of the same article with the same settings
// write the same bytes.
type Info struct {
	ID       string `json:"id"`
	Settings string `json:"settings"`
	// Options is pipeline.Renderer.SettingsHash: the run's settings
	// without the article.
	Options string `json:"options"`
	Engine  string `json:"engine"`
	Voice   string `json:"voice,omitempty"`
	Format  string `json:"format"`
	// Audio is the object holding the narration.
	Audio           string  `json:"audio"`
	DurationSeconds float64 `json:"duration_seconds"`
	// Characters is the number of characters narrated (sent to an engine or
	// answered from the clip cache).
	Characters int    `json:"characters"`
	Segments   int    `json:"segments"`
	Source     string `json:"source"`
	URL        string `json:"url,omitempty"`
	Section    string `json:"section,omitempty"`
	Published  string `json:"published,omitempty"`
	// Lang is the article's language (BCP 47), when known.
	Lang     string   `json:"lang,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

// Sidecar is the "<key>.json" object: Info under "narrate", first, then the
// timings (sidecar.Timings) at the top level as `narrate render --timings`
// writes them.
type Sidecar struct {
	Narrate Info `json:"narrate"`
	*sidecar.Timings
}

// Failure is the "_failed/<key>.json" object.
type Failure struct {
	ID       string    `json:"id"`
	Key      string    `json:"key"`
	Kind     string    `json:"kind"`
	Error    string    `json:"error"`
	Time     time.Time `json:"time"`
	Settings string    `json:"settings,omitempty"`
	Engine   string    `json:"engine"`
}

// Failure kinds.
const (
	KindInput       = "input"        // the article could not be read or has nothing to say
	KindPermanent   = "engine"       // the engine refused it for good
	KindTransient   = "transient"    // the engine kept failing after retries
	KindRateLimited = "rate_limited" // the quota kept refusing after retries
	KindTooLong     = "too_long"     // text the engine would not take even split
	KindOutput      = "output"       // writing to the bucket failed
	KindRender      = "render"       // anything else in the pipeline
)

// Retryable reports whether a rerun with nothing changed may narrate an
// article that failed with this kind: an engine's passing errors
// (transient, rate limited) and failed writes may clear; an input that could
// not be read, an engine's refusal and text too long for the engine fail
// again until the input or the settings change.
func Retryable(kind string) bool {
	switch kind {
	case KindInput, KindPermanent, KindTooLong:
		return false
	}
	return true
}

// ParsePublished reads a publication time (Info.Published, a manifest's
// "published"): RFC 3339, or a bare date (2006-01-02, taken as midnight
// UTC).
func ParsePublished(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("published %q is not an RFC 3339 time or a YYYY-MM-DD date", s)
}

// ReadInfo returns the Info of the sidecar named name, or nil if there is
// none. Only the start of the object is read: Info comes first.
func ReadInfo(ctx context.Context, b *blob.Bucket, name string) (*Info, error) {
	r, err := openObject(ctx, b, name)
	if err != nil || r == nil {
		return nil, err
	}
	defer r.Close()
	h, err := readHead(io.LimitReader(r, maxInfoHead), false)
	if h == nil {
		return nil, fmt.Errorf("sidecar %s: %w", name, err)
	}
	return &h.Info, nil
}

// ReadFailure returns the failure record of the article with key, or nil
// when there is none.
func ReadFailure(ctx context.Context, b *blob.Bucket, key string) (*Failure, error) {
	return readFailure(ctx, b, FailedObject(key))
}

// readFailure returns the failure record named name, or nil if none.
func readFailure(ctx context.Context, b *blob.Bucket, name string) (*Failure, error) {
	data, err := b.ReadAll(ctx, name)
	if err != nil {
		if gcerrors.Code(err) == gcerrors.NotFound {
			return nil, nil
		}
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	var f Failure
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("failure record %s: %w", name, err)
	}
	return &f, nil
}
