package store

import (
	"context"
	"errors"
	"fmt"
	"io"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// ErrExists is Write's error when IfNotExist is set and the object is
// already there.
var ErrExists = errors.New("object exists")

// WriteOptions tune Write.
type WriteOptions struct {
	// ContentType is the object's media type.
	ContentType string
	// IfNotExist leaves an existing object alone: Write then fails with
	// ErrExists.
	IfNotExist bool
}

// Write writes r to name in b whole or not at all: readers see the old
// object (or none) until the new one is complete.
//
// Every driver makes an object visible only on a successful Close (fileblob
// writes a temporary file and renames it, memblob swaps the object in under
// a lock, GCS and S3 finish the upload). But blob.Writer.Close publishes
// whatever was written even after a failed Write (a full disk, a reader that
// failed midway), so Write cancels the writer's context first, which makes
// Close discard the upload.
func Write(ctx context.Context, b *blob.Bucket, name string, r io.Reader, o WriteOptions) error {
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w, err := b.NewWriter(wctx, name, &blob.WriterOptions{ContentType: o.ContentType, IfNotExist: o.IfNotExist})
	if err != nil {
		return fmt.Errorf("write %s: %w", name, existsErr(err, o))
	}
	if _, err := io.Copy(w, r); err != nil {
		cancel() // abandons the upload instead of publishing a part
		w.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("write %s: %w", name, existsErr(err, o))
	}
	return nil
}

// existsErr turns a failed IfNotExist precondition into ErrExists.
func existsErr(err error, o WriteOptions) error {
	if o.IfNotExist && gcerrors.Code(err) == gcerrors.FailedPrecondition {
		return ErrExists
	}
	return err
}
