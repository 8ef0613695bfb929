package cache

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts"
)

func TestOpen(t *testing.T) {
	ctx := context.Background()
	cacheHome := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cacheHome)
	t.Setenv("HOME", t.TempDir())
	dir := t.TempDir()
	tests := []struct {
		name string
		url  string
		// dir is where entries must land on disk, "" for memory.
		dir string
	}{
		{"default", "", filepath.Join(cacheHome, "narrate")},
		{"plain path", filepath.Join(dir, "plain", "nested"), filepath.Join(dir, "plain", "nested")},
		{"file URL", "file://" + filepath.ToSlash(filepath.Join(dir, "viaurl")), filepath.Join(dir, "viaurl")},
		{"memory", "mem://", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Open(ctx, tt.url)
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			req := tts.Request{Text: "Open " + tt.name}
			if _, err := bind(newEngine("tone:a"), b, Options{}).Synthesize(ctx, req); err != nil {
				t.Fatal(err)
			}
			eng := newEngine("tone:a")
			if _, err := bind(eng, b, Options{}).Synthesize(ctx, req); err != nil || eng.calls.Load() != 0 {
				t.Fatalf("second request: err %v, engine calls %d; want a hit", err, eng.calls.Load())
			}
			if tt.dir == "" {
				return
			}
			path := entryPath(tt.dir, "tone:a", req)
			if _, err := os.Stat(path); err != nil {
				t.Fatalf("entry not on disk: %v", err)
			}
			// No sidecar files, no temporary files left.
			entries, err := os.ReadDir(filepath.Dir(path))
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != 1 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Fatalf("entry directory holds %q; want the entry alone", names)
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "afile")
	if err := os.WriteFile(file, nil, 0o666); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		url, want string
	}{
		{"azblob://container", "not built in"},
		{"ftp://host/dir", "not built in"},
		{file, "not a directory"},
		{"file://" + file, "not a directory"},
		{"file:///x?no_such_param=1", "no_such_param"},
		{"s3://bucket?no_such_param=1", "no_such_param"},
		{"%zz://x", "storage URL"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			b, err := Open(ctx, tt.url)
			if err == nil {
				b.Close()
				t.Fatalf("Open(%q) succeeded", tt.url)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Open(%q) error = %v; want one containing %q", tt.url, err, tt.want)
			}
		})
	}
}

func TestDefaultDir(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", "")
	t.Setenv("HOME", "")
	t.Setenv("TMPDIR", "/some/tmp")
	if got := DefaultDir(); !strings.HasPrefix(got, "/some/tmp/narrate-cache-") {
		t.Fatalf("DefaultDir without a home = %q; want one under $TMPDIR", got)
	}
	t.Setenv("XDG_CACHE_HOME", "/home/x/.cache")
	if got := DefaultDir(); got != "/home/x/.cache/narrate" {
		t.Fatalf("DefaultDir = %q", got)
	}
}
