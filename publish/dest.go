package publish

import (
	"context"
	"fmt"
	"io"
	"os"

	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/outfile"
	"github.com/narrate-dev/narrate/store"
)

// Dir is a Dest of files: names are paths, and each file is written to a
// temporary name beside it and renamed into place (outfile.Write).
type Dir struct{}

// Write implements Dest.
func (Dir) Write(_ context.Context, name, _ string, fill func(io.Writer) error) error {
	return outfile.Write(name, func(f *os.File) error { return fill(f) })
}

// Bucket is a Dest of objects in a blob bucket: names are keys. Each
// output is written to a temporary file in TempDir first (os.TempDir()
// when empty), then uploaded whole (store.Write), so a render is never
// held in memory and a failed one uploads nothing.
type Bucket struct {
	Bucket  *blob.Bucket
	TempDir string
}

// Write implements Dest.
func (b Bucket) Write(ctx context.Context, name, contentType string, fill func(io.Writer) error) error {
	f, err := os.CreateTemp(b.TempDir, "narrate-publish-*")
	if err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := fill(f); err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	return store.Write(ctx, b.Bucket, name, f, store.WriteOptions{ContentType: contentType})
}
