package outfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestCheckTypedErrors(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "story.txt")
	old := filepath.Join(dir, "story.mp3")
	for _, p := range []string{in, old} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(in, link); err != nil {
		t.Fatal(err)
	}
	var same *SameFileError
	for _, out := range []string{in, link, filepath.Join(dir, "sub", "..", "story.txt")} {
		if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
			t.Fatal(err)
		}
		err := Check([]string{in}, []string{out}, true)
		if !errors.As(err, &same) || !same.Input || same.Path != out || same.Other != in {
			t.Errorf("output %s over the input: %v, want a *SameFileError naming the input", out, err)
		}
	}
	two := filepath.Join(dir, "a.json")
	err := Check(nil, []string{two, filepath.Join(dir, ".", "a.json")}, false)
	if !errors.As(err, &same) || same.Input {
		t.Errorf("two outputs that are one file: %v, want a *SameFileError between outputs", err)
	}
	err = Check([]string{in}, []string{old, filepath.Join(dir, "new.json")}, false)
	var exists *ExistsError
	if !errors.Is(err, ErrExists) || !errors.As(err, &exists) || len(exists.Paths) != 1 || exists.Paths[0] != old {
		t.Errorf("an existing output: %v, want an *ExistsError naming it, matching ErrExists", err)
	}
	if err := Check([]string{in}, []string{old}, true); err != nil {
		t.Errorf("an existing output with overwrite: %v", err)
	}
	if err := Check(nil, []string{filepath.Join(dir, "none", "x.mp3")}, true); err == nil || errors.Is(err, ErrExists) {
		t.Errorf("an output in a missing directory: %v", err)
	}
}

func TestWriteWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(p, func(f *os.File) error {
		f.WriteString("half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Write: %v, want the writer's error", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("after a failed write the file holds %q, want it as it was", b)
	}
	if err := Write(p, func(f *os.File) error { _, err := f.WriteString("new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "new" {
		t.Errorf("after a write the file holds %q", b)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("the directory holds %d files, want only the output", len(ents))
	}
}

// A SameFileError says which outputs clash by position, so that a caller
// can name them even when they were given the same name.
func TestCheckSameFileIndexes(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.mp3"), filepath.Join(dir, "b.json")
	var same *SameFileError
	err := Check(nil, []string{a, b, "", filepath.Join(dir, ".", "b.json")}, true)
	if !errors.As(err, &same) || same.Input || same.Index != 3 || same.OtherIndex != 1 {
		t.Errorf("got %#v, want outputs 3 and 1", err)
	}
	err = Check([]string{a}, []string{b, a}, true)
	if !errors.As(err, &same) || !same.Input || same.Index != 1 {
		t.Errorf("got %#v, want output 1 as the input", err)
	}
}

// An output that exists and is not a regular file (a named pipe, a device
// such as /dev/null) is refused by Check and Write, even with overwrite:
// Write renames a new file over its path, which replaced the pipe (and, for
// root, /dev/null itself) with a regular file.
func TestNotARegularFile(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.mp3")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if err := Check(nil, []string{fifo}, true); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Errorf("Check of a named pipe: %v", err)
	}
	if err := Write(fifo, func(f *os.File) error { _, err := f.WriteString("x"); return err }); err == nil {
		t.Error("Write replaced a named pipe")
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe is gone: %v, %v", fi, err)
	}
	if _, err := os.Stat("/dev/null"); err == nil {
		if err := Check(nil, []string{"/dev/null"}, true); err == nil || !strings.Contains(err.Error(), "device") {
			t.Errorf("Check of /dev/null: %v", err)
		}
	}
}
