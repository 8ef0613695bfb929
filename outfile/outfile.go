// Package outfile writes output files whole or not at all, and checks,
// before any work is done, that each output can be written without
// destroying an input or a file the user did not mean to replace.
//
// Write puts what it writes in a hidden temporary file next to the output
// and renames it into place only once everything is written and synced: a
// failed or interrupted program leaves the output as it was. Check finds,
// before the work that would fill them, outputs that cannot be written
// (no such directory, no permission), outputs that are an input or each
// other (by any path: "..", "./", a symbolic link) and outputs that exist.
package outfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrExists matches an *ExistsError: an output exists and was not to be
// replaced.
var ErrExists = errors.New("output exists")

// ExistsError names outputs that already exist and were not to be
// replaced.
type ExistsError struct{ Paths []string }

func (e *ExistsError) Error() string {
	return strings.Join(e.Paths, ", ") + " already exists"
}

// Is makes errors.Is(err, ErrExists) true.
func (e *ExistsError) Is(target error) bool { return target == ErrExists }

// SameFileError is an output that is the same file as an input (Input
// true) or as another output: writing it would destroy the other.
type SameFileError struct {
	// Path is the output; Other the input or output it is the same file
	// as, as each was named.
	Path, Other string
	Input       bool
	// Index is Path's position in Check's outputs, and OtherIndex Other's
	// when it is an output too: names alone cannot tell apart two outputs
	// given the same name.
	Index, OtherIndex int
}

func (e *SameFileError) Error() string {
	if e.Input {
		return fmt.Sprintf("output %s is the input %s", e.Path, e.Other)
	}
	return fmt.Sprintf("output %s is the same file as output %s", e.Path, e.Other)
}

// Check checks, before any work, that every output can be written: its
// directory exists and takes a new file, it is not a directory itself, no
// two outputs are the same file, and none is one of the inputs (by any
// path). Empty paths are skipped, as are inputs that are not files ("-"
// for standard input, URLs). The first problem is returned: a
// *SameFileError, or an error naming the path; outputs that already exist
// come last, in an *ExistsError, unless overwrite is true.
func Check(inputs, outputs []string, overwrite bool) error {
	var exist []string
	seen := map[string]int{}
	for i, out := range outputs {
		if out == "" {
			continue
		}
		key, err := fileKey(out)
		if err != nil {
			return err
		}
		if prev, dup := seen[key]; dup {
			return &SameFileError{Path: out, Other: outputs[prev], Index: i, OtherIndex: prev}
		}
		seen[key] = i
		for _, in := range inputs {
			if in == "" || in == "-" || strings.Contains(in, "://") {
				continue
			}
			if same, _ := sameFile(in, out); same {
				return &SameFileError{Path: out, Other: in, Input: true, Index: i}
			}
		}
		dir := filepath.Dir(out)
		fi, err := os.Stat(dir)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("output %s: directory %s does not exist", out, dir)
			}
			return fmt.Errorf("output %s: %w", out, err)
		}
		if !fi.IsDir() {
			return fmt.Errorf("output %s: %s is not a directory", out, dir)
		}
		if fi, err := os.Stat(out); err == nil {
			if err := regular(out, fi); err != nil {
				return err
			}
			exist = append(exist, out)
		}
		if err := probeWritable(dir); err != nil {
			return fmt.Errorf("output %s: cannot write in %s: %w", out, dir, errors.Unwrap(err))
		}
	}
	if len(exist) > 0 && !overwrite {
		return &ExistsError{Paths: exist}
	}
	return nil
}

// probeWritable creates and removes a hidden temporary file in dir, the way
// Write will create its temporary file.
func probeWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".narrate-probe-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

// fileKey names the file a path will be: its folder with symbolic links
// resolved, plus its base name.
func fileKey(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("output %s: %w", path, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real, nil
	}
	dir, base := filepath.Split(abs)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	return filepath.Join(dir, base), nil
}

// sameFile reports whether a and b are the same file: the same inode when
// both exist, else the same resolved path.
func sameFile(a, b string) (bool, error) {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb), nil
	}
	ka, err := fileKey(a)
	if err != nil {
		return false, err
	}
	kb, err := fileKey(b)
	if err != nil {
		return false, err
	}
	return ka == kb, nil
}

// regular refuses an existing output that is not a regular file: a
// directory, or a named pipe, a device (/dev/null) or a socket, which
// Write's rename would replace with a file.
func regular(path string, fi os.FileInfo) error {
	m := fi.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return fmt.Errorf("output %s is a directory", path)
	case m&os.ModeNamedPipe != 0:
		return fmt.Errorf("output %s is a named pipe, not a file: narrate writes files whole and renames them into place (for a pipe, use - for standard output)", path)
	case m&os.ModeDevice != 0:
		return fmt.Errorf("output %s is a device, not a file: narrate writes files whole and renames them into place (use - for standard output, and redirect it)", path)
	}
	return fmt.Errorf("output %s is not a regular file (%v)", path, m.Type())
}
