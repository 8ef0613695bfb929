package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/outfile"
	"github.com/narrate-dev/narrate/store"
)

// Stdout is the output name that means standard output, as "-" means
// standard input for the article.
const Stdout = "-"

// Dir is a Dest of files: names are paths, and each file is written to a
// temporary name beside it and renamed into place (outfile.Write). The
// name Stdout is Stdout's writer instead: the output is made whole in a
// temporary file (seekable, so a WAV can be written and an MP3 gets its
// info frame) and copied to it only when it is done, so a pipe gets a
// whole narration or nothing.
type Dir struct {
	// Stdout receives the output named Stdout; a Dir without one refuses
	// that name.
	Stdout io.Writer
}

// Write implements Dest.
func (d Dir) Write(_ context.Context, name, _ string, fill func(io.Writer) error) error {
	if name != Stdout {
		return outfile.Write(name, func(f *os.File) error { return fill(f) })
	}
	if d.Stdout == nil {
		return errors.New("standard output: this destination has none")
	}
	return spool("", "narrate-stdout-*", fill, func(f *os.File) error {
		if _, err := io.Copy(d.Stdout, f); err != nil {
			return fmt.Errorf("standard output: %w", err)
		}
		return nil
	})
}

// spool writes fill's output whole to a temporary file in dir (named by
// pattern, as os.CreateTemp takes it), then gives the file, read from its
// start, to use; the file is removed after. What fill fails to make
// reaches no one.
func spool(dir, pattern string, fill func(io.Writer) error, use func(*os.File) error) error {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := fill(f); err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("temporary file: %w", err)
	}
	return use(f)
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
	return spool(b.TempDir, "narrate-publish-*", fill, func(f *os.File) error {
		return store.Write(ctx, b.Bucket, name, f, store.WriteOptions{ContentType: contentType})
	})
}
