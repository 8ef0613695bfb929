package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/tts/cache"
)

// TestSignalMidRender sends SIGINT or SIGTERM to a narrate process once its
// first clip is cached, in a render that needs about two seconds of engine
// calls (nine, one at a time, 200 ms each). The process must exit 130 or 143 with one line on
// stderr saying it was interrupted; the output directory must hold nothing
// (no output, no *.partial, no sidecars); every file in the clip cache must
// be a complete entry that decodes; and a second run over the same cache must
// finish, reuse those entries and produce a file.
func TestSignalMidRender(t *testing.T) {
	bin := buildNarrate(t)
	// segments is how many requests the sample takes (checked below).
	const segments = 9
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
		name string
	}{{syscall.SIGINT, 130, "interrupted"}, {syscall.SIGTERM, 143, "terminated"}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			outDir, cacheDir := filepath.Join(dir, "out"), filepath.Join(dir, "cache")
			if err := os.Mkdir(outDir, 0o755); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(outDir, "sample.mp3")
			args := []string{"render", sample, "-o", out, "-q", "--voice", "fake:?latency=200ms", "--jobs", "1",
				"--cache", cacheDir, "--timings", filepath.Join(outDir, "sample.json"), "--summary", filepath.Join(outDir, "summary.json")}
			cmd := exec.Command(bin, args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Wait for the first clip in the cache: the render is under
			// way (and the handler installed; the process takes up to a
			// second to start on a loaded machine), about 0.5 s in.
			waitForClip(t, cacheDir, 15*time.Second)
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			sent := time.Now()
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != tc.code {
				t.Fatalf("exit: %v (want code %d); stderr: %s", err, tc.code, stderr.String())
			}
			if d := time.Since(sent); d > 5*time.Second {
				t.Errorf("took %v to stop after %v", d, tc.sig)
			}
			lines := strings.Split(strings.TrimRight(stderr.String(), "\n"), "\n")
			if len(lines) != 1 || !strings.HasPrefix(lines[0], "narrate: "+tc.name) || !strings.Contains(lines[0], "partial output") || strings.Contains(lines[0], "interrupted (interrupt)") {
				t.Errorf("stderr is not one line saying it was %s: %q", tc.name, stderr.String())
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout: %q", stdout.String())
			}
			assertEmptyOutDir(t, outDir)
			entries := checkCacheEntries(t, cacheDir)
			if entries == 0 || entries >= segments {
				t.Errorf("%d clips cached: the signal did not land mid-render (want some but not all)", entries)
			}

			// The cache left behind is usable: a second run reuses it.
			cmd = exec.Command(bin, append(args[:len(args)-1:len(args)-1], filepath.Join(dir, "summary.json"))...)
			if outb, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("second run: %v: %s", err, outb)
			}
			var sum publish.Summary
			readJSON(t, filepath.Join(dir, "summary.json"), &sum)
			if sum.Segments != segments || sum.CacheHits < int64(entries) || sum.CorruptCacheEntries != 0 {
				t.Errorf("second run: %d cache hits, %d corrupt; %d entries were left by the interrupted run", sum.CacheHits, sum.CorruptCacheEntries, entries)
			}
			if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
				t.Errorf("second run left no output: %v", err)
			}
		})
	}
}

// waitForClip waits until a cache entry appears under dir.
func waitForClip(t *testing.T, dir string, limit time.Duration) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		found := false
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error { //nolint:errcheck // missing dir: keep waiting
			if err == nil && strings.HasSuffix(path, ".clip") {
				found = true
				return filepath.SkipAll
			}
			return nil
		})
		if found {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no clip cached in %s after %v", dir, limit)
}

// assertEmptyOutDir fails if dir holds any file: an output, a sidecar or a
// *.partial temporary.
func assertEmptyOutDir(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("left in the output directory: %s", e.Name())
	}
}

// checkCacheEntries decodes every file under dir as a cache entry and
// returns how many there are. Anything else (a temporary file, a truncated
// entry) fails the test.
func checkCacheEntries(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if !strings.HasSuffix(path, ".clip") {
			t.Errorf("cache holds a file that is not an entry: %s (%d bytes)", path, len(data))
			return nil
		}
		k, clip, err := cache.DecodeEntry(data)
		if err != nil {
			t.Errorf("cache entry %s: %v", path, err)
			return nil
		}
		if filepath.Base(path) != filepath.Base(k.Object()) || len(clip.Audio.Samples) == 0 {
			t.Errorf("cache entry %s holds key %s and %d samples", path, k, len(clip.Audio.Samples))
		}
		n++
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return n
}
