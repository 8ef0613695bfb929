package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/store"
	"github.com/narrate-dev/narrate/tts"
)

// errorKind classifies a failed render.
func errorKind(err error) string {
	switch {
	case errors.Is(err, tts.ErrRateLimited):
		return archive.KindRateLimited
	case errors.Is(err, tts.ErrTransient):
		return archive.KindTransient
	case errors.Is(err, tts.ErrTooLong):
		return archive.KindTooLong
	case errors.Is(err, tts.ErrPermanent):
		return archive.KindPermanent
	}
	return archive.KindRender
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
	if _, sidecar := v.(archive.Sidecar); !sidecar {
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
