// Package tempdir gives a long-running process a temporary directory of
// its own, and removes the directories of processes that died without
// cleaning up (killed with SIGKILL, out of memory, a lost machine).
//
// Each process's directory is base/name/<pid>-<random>, holding a lock
// file the process keeps locked (flock) while it runs. The kernel drops
// the lock when the process ends, however it ends, so a directory whose
// lock can be taken belongs to nobody: Open removes those.
package tempdir

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

const lockName = ".lock"

// Dir is a process's own temporary directory.
type Dir struct {
	path    string
	lock    *os.File
	removed int
}

// Open creates this process's directory under base/name (base "" is
// os.TempDir()), after removing the directories of processes that are
// gone.
func Open(base, name string) (*Dir, error) {
	if base == "" {
		base = os.TempDir()
	}
	parent := filepath.Join(base, name)
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return nil, fmt.Errorf("temporary directory: %w", err)
	}
	d := &Dir{}
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil, fmt.Errorf("temporary directory: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() && stale(filepath.Join(parent, e.Name())) {
			if err := os.RemoveAll(filepath.Join(parent, e.Name())); err == nil {
				d.removed++
			}
		}
	}
	var r [4]byte
	rand.Read(r[:])
	d.path = filepath.Join(parent, fmt.Sprintf("%d-%s", os.Getpid(), hex.EncodeToString(r[:])))
	if err := os.Mkdir(d.path, 0o700); err != nil {
		return nil, fmt.Errorf("temporary directory: %w", err)
	}
	d.lock, err = os.OpenFile(filepath.Join(d.path, lockName), os.O_CREATE|os.O_RDWR, 0o600)
	if err == nil {
		err = syscall.Flock(int(d.lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	}
	if err != nil {
		os.RemoveAll(d.path)
		return nil, fmt.Errorf("temporary directory %s: lock: %w", d.path, err)
	}
	return d, nil
}

// stale reports whether dir is a directory of a process that is gone: its
// lock file can be locked. A directory without a lock file (being created
// this instant, or not one of ours) is left alone.
func stale(dir string) bool {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return false
	}
	return true
}

// Path is the directory.
func (d *Dir) Path() string { return d.path }

// Removed is how many stale directories Open removed.
func (d *Dir) Removed() int { return d.removed }

// Close removes the directory and everything in it.
func (d *Dir) Close() error {
	err := os.RemoveAll(d.path)
	d.lock.Close()
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("temporary directory: %w", err)
	}
	return nil
}
