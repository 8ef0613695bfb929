package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/store"
	"github.com/narrate-dev/narrate/tts"
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

// errorKind classifies a failed render.
func errorKind(err error) string {
	switch {
	case errors.Is(err, tts.ErrRateLimited):
		return KindRateLimited
	case errors.Is(err, tts.ErrTransient):
		return KindTransient
	case errors.Is(err, tts.ErrTooLong):
		return KindTooLong
	case errors.Is(err, tts.ErrPermanent):
		return KindPermanent
	}
	return KindRender
}

// stageError tags an error with its failure kind.
type stageError struct {
	kind string
	err  error
}

func (e *stageError) Error() string { return e.err.Error() }
func (e *stageError) Unwrap() error { return e.err }

func kindOf(err error) string {
	var se *stageError
	if errors.As(err, &se) {
		return se.kind
	}
	return errorKind(err)
}

// maxSidecarHead bounds how much of a sidecar is read to find its Info.
const maxSidecarHead = 1 << 20

// ReadInfo returns the Info of the sidecar named name, or nil if there is
// none. Only the start of the object is read: Info comes first.
func ReadInfo(ctx context.Context, b *blob.Bucket, name string) (*Info, error) {
	r, err := b.NewReader(ctx, name, nil)
	if err != nil {
		if gcerrors.Code(err) == gcerrors.NotFound {
			return nil, nil
		}
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	defer r.Close()
	info, err := decodeInfo(io.LimitReader(r, maxSidecarHead))
	if err != nil {
		return nil, fmt.Errorf("sidecar %s: %w", name, err)
	}
	return info, nil
}

// decodeInfo reads the "narrate" member of a JSON object, stopping as soon
// as it has it.
func decodeInfo(r io.Reader) (*Info, error) {
	dec := json.NewDecoder(r)
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("not a JSON object")
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		if k, _ := t.(string); k == "narrate" {
			var info Info
			if err := dec.Decode(&info); err != nil {
				return nil, fmt.Errorf("narrate object: %w", err)
			}
			return &info, nil
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, err
		}
	}
	return nil, fmt.Errorf("no narrate object")
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

// writeObject writes r to name whole or not at all (store.Write). With
// ifNotExist, an existing object is left alone and store.ErrExists
// returned.
func writeObject(ctx context.Context, b *blob.Bucket, name, contentType string, r io.Reader, ifNotExist bool) error {
	return store.Write(ctx, b, name, r, store.WriteOptions{ContentType: contentType, IfNotExist: ifNotExist})
}

// encodeJSON is v as indented JSON, or compact for a sidecar, which holds
// every word's timing (see sidecar.WriteTimingsJSON).
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if _, sidecar := v.(Sidecar); !sidecar {
		enc.SetIndent("", "  ")
	}
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func deleteIfExists(ctx context.Context, b *blob.Bucket, name string) error {
	if err := b.Delete(ctx, name); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
		return fmt.Errorf("delete %s: %w", name, err)
	}
	return nil
}
