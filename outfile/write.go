package outfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Write creates path by calling write on a temporary file in the
// same directory, syncing it and renaming it over path. If write fails, the
// temporary file is removed and path is left as it was.
func Write(path string, write func(f *os.File) error) (err error) {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(path); err == nil {
		if err := regular(path, fi); err != nil {
			return err
		}
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
