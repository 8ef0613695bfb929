package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/tts"
)

// RenderFile renders doc into the file at path, writing to a temporary file
// in the same directory and renaming it into place only when the render has
// succeeded, so a failed or cancelled render never leaves a partial file.
func RenderFile(ctx context.Context, doc *article.Document, syn tts.Synthesizer, path string, opts Options) (*Result, error) {
	var res *Result
	err := WriteFileAtomic(path, func(f *os.File) error {
		var err error
		res, err = Render(ctx, doc, syn, f, opts)
		return err
	})
	return res, err
}

// WriteFileAtomic creates path by calling write on a temporary file in the
// same directory, syncing it and renaming it over path. If write fails, the
// temporary file is removed and path is left as it was.
func WriteFileAtomic(path string, write func(f *os.File) error) (err error) {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("output %s is a directory", path)
	}
	f, err := os.CreateTemp(dir, "."+strings.TrimPrefix(filepath.Base(path), ".")+".*.partial")
	if err != nil {
		return fmt.Errorf("output %s: %w", path, hideTemp(err))
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) && pe.Path == tmp {
			return fmt.Errorf("output %s: %w", path, hideTemp(err))
		}
		return err
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("output %s: %w", path, hideTemp(err))
	}
	if err = f.Chmod(0o644); err != nil {
		return fmt.Errorf("output %s: %w", path, hideTemp(err))
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("output %s: %w", path, hideTemp(err))
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("output %s: %w", path, hideTemp(err))
	}
	return nil
}

// hideTemp drops the temporary file's name from a file system error: users
// know the output's name, not ours ("no space left on device", not "write
// /out/.story.mp3.123.partial: no space left on device"). The error kind
// (errors.Is(err, fs.ErrPermission), syscall.ENOSPC) is kept.
func hideTemp(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// WriteSidecar writes a file atomically with the output of fn.
func WriteSidecar(path string, fn func(w io.Writer) error) error {
	return WriteFileAtomic(path, func(f *os.File) error { return fn(f) })
}
