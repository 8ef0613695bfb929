package cache

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
)

// pruneFixture fills a directory bucket with entries of known sizes and ages
// (set through the files' modification times), a stale and a fresh leftover
// temporary file, and an object that is not an entry.
type pruneFixture struct {
	dir   string
	now   time.Time
	names []string // oldest first
	sizes []int64
}

func newPruneFixture(t *testing.T) *pruneFixture {
	t.Helper()
	ctx := context.Background()
	f := &pruneFixture{dir: t.TempDir(), now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	b := openTestDir(t, f.dir)
	c := bind(newEngine("tone:a"), b, Options{})
	ages := []time.Duration{40 * 24 * time.Hour, 31 * 24 * time.Hour, 10 * 24 * time.Hour, 2 * time.Hour, time.Minute}
	for i, age := range ages {
		req := tts.Request{Text: fmt.Sprintf("Entry %d, of its own length%s", i, strings.Repeat(".", 2*i))}
		if _, err := c.Synthesize(ctx, req); err != nil {
			t.Fatal(err)
		}
		name := KeyFor("tone:a", req).Object()
		path := filepath.Join(f.dir, filepath.FromSlash(name))
		mt := f.now.Add(-age)
		if err := os.Chtimes(path, mt, mt); err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		f.names = append(f.names, name)
		f.sizes = append(f.sizes, fi.Size())
	}
	write := func(rel string, age time.Duration) {
		p := filepath.Join(f.dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("partial"), 0o666); err != nil {
			t.Fatal(err)
		}
		mt := f.now.Add(-age)
		if err := os.Chtimes(p, mt, mt); err != nil {
			t.Fatal(err)
		}
	}
	write(f.names[0]+".18a2b3c4d5e6f.tmp", 3*time.Hour) // stale leftover
	write(f.names[1]+".18a2b3c4d5e70.tmp", time.Minute) // a write in progress
	write("clips/README", 100*24*time.Hour)             // not ours to judge
	write("other/thing.clip", 100*24*time.Hour)
	return f
}

func (f *pruneFixture) exists(name string) bool {
	_, err := os.Stat(filepath.Join(f.dir, filepath.FromSlash(name)))
	return err == nil
}

func (f *pruneFixture) total(from int) (n int64) {
	for _, s := range f.sizes[from:] {
		n += s
	}
	return n
}

func TestUsage(t *testing.T) {
	f := newPruneFixture(t)
	n, size, err := Usage(context.Background(), openTestDir(t, f.dir))
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 || size != f.total(0) {
		t.Fatalf("Usage = %d entries, %d bytes; want 5, %d", n, size, f.total(0))
	}
}

func TestPrune(t *testing.T) {
	tests := []struct {
		name        string
		opts        func(f *pruneFixture) PruneOptions
		keepFrom    int // entries [keepFrom:] survive
		tempRemoved int
	}{
		{"nothing asked", func(f *pruneFixture) PruneOptions { return PruneOptions{} }, 0, 1},
		{"older than 30 days", func(f *pruneFixture) PruneOptions { return PruneOptions{OlderThan: 720 * time.Hour} }, 2, 1},
		{"older than 1 hour", func(f *pruneFixture) PruneOptions { return PruneOptions{OlderThan: time.Hour} }, 4, 1},
		{"size fits", func(f *pruneFixture) PruneOptions { return PruneOptions{MaxBytes: f.total(0)} }, 0, 1},
		{"size one byte short", func(f *pruneFixture) PruneOptions { return PruneOptions{MaxBytes: f.total(0) - 1} }, 1, 1},
		{"size keeps newest two", func(f *pruneFixture) PruneOptions { return PruneOptions{MaxBytes: f.total(3)} }, 3, 1},
		{"size zero-ish", func(f *pruneFixture) PruneOptions { return PruneOptions{MaxBytes: 1} }, 5, 1},
		{"age then size", func(f *pruneFixture) PruneOptions {
			return PruneOptions{OlderThan: 720 * time.Hour, MaxBytes: f.total(3) + 1}
		}, 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			f := newPruneFixture(t)
			b := openTestDir(t, f.dir)
			opts := tt.opts(f)
			opts.Now = f.now

			dry := opts
			dry.DryRun = true
			want, err := Prune(ctx, b, dry)
			if err != nil {
				t.Fatal(err)
			}
			for _, name := range f.names {
				if !f.exists(name) {
					t.Fatalf("dry run removed %s", name)
				}
			}

			res, err := Prune(ctx, b, opts)
			if err != nil {
				t.Fatal(err)
			}
			if res != want {
				t.Errorf("dry run said %+v, prune did %+v", want, res)
			}
			if res.Entries != 5 || res.Bytes != f.total(0) || res.Removed != tt.keepFrom ||
				res.RemovedBytes != f.total(0)-f.total(tt.keepFrom) || res.TempRemoved != tt.tempRemoved {
				t.Errorf("PruneResult = %+v; want 5 entries, %d removed (%d bytes), %d temp", res, tt.keepFrom, f.total(0)-f.total(tt.keepFrom), tt.tempRemoved)
			}
			for i, name := range f.names {
				if got, want := f.exists(name), i >= tt.keepFrom; got != want {
					t.Errorf("entry %d (age rank) exists = %v; want %v", i, got, want)
				}
			}
			if f.exists(f.names[0]+".18a2b3c4d5e6f.tmp") || !f.exists(f.names[1]+".18a2b3c4d5e70.tmp") {
				t.Error("want the stale temporary file removed and the fresh one kept")
			}
			if !f.exists("clips/README") || !f.exists("other/thing.clip") {
				t.Error("Prune removed objects that are not entries")
			}
			if n, size, _ := Usage(ctx, b); n != 5-tt.keepFrom || size != f.total(tt.keepFrom) {
				t.Errorf("Usage after prune = %d, %d", n, size)
			}
		})
	}
}

func TestPruneRefusesNegativeLimits(t *testing.T) {
	b := openTestDir(t, t.TempDir())
	for _, o := range []PruneOptions{{OlderThan: -time.Hour}, {MaxBytes: -1}} {
		if _, err := Prune(context.Background(), b, o); err == nil {
			t.Errorf("Prune(%+v) succeeded", o)
		}
	}
}
