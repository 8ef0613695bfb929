package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/tts/cache"
)

const seedFile = "../../../shared/seed/000_420b1a81cf081f19.txt"

// seedOrSample is the seed article when ../shared is present, else the
// repository's own sample.
func seedOrSample(t *testing.T) string {
	if _, err := os.Stat(seedFile); err == nil {
		return seedFile
	}
	t.Log("../shared/seed not present; using testdata/sample-article.txt")
	return sample
}

func renderSummary(t *testing.T, input, out, cacheDir string, extra ...string) publish.Summary {
	t.Helper()
	sum := out + ".summary.json"
	args := append([]string{"render", input, "-o", out, "--voice", "fake:", "--cache", cacheDir, "--summary", sum, "-q"}, extra...)
	code, _, stderr := narrate(t, "", args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s publish.Summary
	readJSON(t, sum, &s)
	return s
}

func TestCacheSecondRunIsFreeAndIdentical(t *testing.T) {
	input := seedOrSample(t)
	dir := t.TempDir()
	cacheDir := filepath.Join(dir, "cache")
	a := renderSummary(t, input, filepath.Join(dir, "a.mp3"), cacheDir)
	b := renderSummary(t, input, filepath.Join(dir, "b.mp3"), cacheDir)
	// Segments with the same text (a repeated paragraph) are synthesized
	// once even within the first run.
	if a.Requests == 0 || a.Requests+a.CacheHits != int64(a.Segments) {
		t.Errorf("first run: %d requests + %d hits for %d segments", a.Requests, a.CacheHits, a.Segments)
	}
	if b.Requests != 0 || b.CacheHits != int64(b.Segments) {
		t.Errorf("second run: %d requests, %d cache hits for %d segments; want 0 and all", b.Requests, b.CacheHits, b.Segments)
	}
	ma, _ := os.ReadFile(filepath.Join(dir, "a.mp3"))
	mb, _ := os.ReadFile(filepath.Join(dir, "b.mp3"))
	if !bytes.Equal(ma, mb) {
		t.Errorf("the cached render differs from the first (%d vs %d bytes)", len(ma), len(mb))
	}
}

func TestCacheOneParagraphEdit(t *testing.T) {
	dir := t.TempDir()
	cacheDir := filepath.Join(dir, "cache")
	orig, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	a := renderSummary(t, sample, filepath.Join(dir, "a.mp3"), cacheDir)
	const from = "Not everyone is convinced."
	if !bytes.Contains(orig, []byte(from)) {
		t.Fatalf("sample article no longer contains %q", from)
	}
	edited := filepath.Join(dir, "edited.txt")
	os.WriteFile(edited, bytes.Replace(orig, []byte(from), []byte("Not everyone in town is convinced."), 1), 0o644)
	b := renderSummary(t, edited, filepath.Join(dir, "b.mp3"), cacheDir)
	if b.Requests != 1 || b.CacheHits != int64(b.Segments-1) {
		t.Errorf("after a one-paragraph edit: %d requests, %d hits of %d segments; want 1 request", b.Requests, b.CacheHits, b.Segments)
	}
	// "in town " is two more words: the fake engine makes each word 60 ms
	// plus 55 ms a letter, so the narration grows by exactly that.
	want := 0.060*2 + 0.055*6
	if d := b.DurationSeconds - a.DurationSeconds; d < want-0.005 || d > want+0.005 {
		t.Errorf("duration grew by %.3fs, want %.3fs", d, want)
	}
}

func TestCacheTwoProcessesAtOnce(t *testing.T) {
	bin := buildNarrate(t)
	dir := t.TempDir()
	cacheDir := filepath.Join(dir, "cache")
	var wg sync.WaitGroup
	errs := make([]error, 2)
	outs := make([][]byte, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(bin, "render", sample, "-o", filepath.Join(dir, string(rune('a'+i))+".mp3"),
				"--voice", "fake:?latency=20ms", "--cache", cacheDir, "-q")
			outs[i], errs[i] = cmd.CombinedOutput()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("process %d: %v: %s", i, err, outs[i])
		}
	}
	b, err := cache.Open(context.Background(), cacheDir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	n, _, err := cache.Usage(context.Background(), b)
	if err != nil {
		t.Fatal(err)
	}
	s := renderSummary(t, sample, filepath.Join(dir, "c.mp3"), cacheDir)
	if n != s.Segments || s.Requests != 0 {
		t.Errorf("cache holds %d entries for %d segments (third run sent %d requests)", n, s.Segments, s.Requests)
	}
}

func TestCacheTruncatedEntryReplaced(t *testing.T) {
	dir := t.TempDir()
	cacheDir := filepath.Join(dir, "cache")
	renderSummary(t, sample, filepath.Join(dir, "a.mp3"), cacheDir)
	var victim string
	filepath.WalkDir(cacheDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".clip") && victim == "" {
			victim = p
		}
		return nil
	})
	if victim == "" {
		t.Fatal("no cache entry written")
	}
	data, _ := os.ReadFile(victim)
	os.WriteFile(victim, data[:len(data)/2], 0o644)
	s := renderSummary(t, sample, filepath.Join(dir, "b.mp3"), cacheDir)
	if s.CorruptCacheEntries != 1 || s.Requests != 1 || len(s.Warnings) == 0 {
		t.Errorf("after truncating one entry: %d corrupt, %d requests, warnings %q", s.CorruptCacheEntries, s.Requests, s.Warnings)
	}
	s = renderSummary(t, sample, filepath.Join(dir, "c.mp3"), cacheDir)
	if s.Requests != 0 {
		t.Errorf("the replaced entry was not stored: %d requests", s.Requests)
	}
}

func TestCacheStatsAndPrune(t *testing.T) {
	dir := t.TempDir()
	cacheDir := filepath.Join(dir, "cache")
	s := renderSummary(t, sample, filepath.Join(dir, "a.mp3"), cacheDir)
	code, out, stderr := narrate(t, "", "cache", "stats", "--cache", cacheDir)
	if code != 0 {
		t.Fatalf("stats: exit %d %q %q", code, out, stderr)
	}
	if want := " " + strconv.Itoa(s.Segments) + " clips"; !strings.Contains(out, want) {
		t.Errorf("stats %q, want %q", out, want)
	}
	code, out, _ = narrate(t, "", "cache", "prune", "--cache", cacheDir, "--max-size", "1B")
	if code != 0 || !strings.Contains(out, "removed "+strconv.Itoa(s.Segments)+" of "+strconv.Itoa(s.Segments)) {
		t.Errorf("prune: exit %d %q", code, out)
	}
	if code, _, _ := narrate(t, "", "cache", "prune", "--cache", cacheDir); code != 2 {
		t.Errorf("prune without limits: exit %d, want 2", code)
	}
}

// A prune limit that is zero or negative is a usage error naming the flag:
// --older-than -1h failed with the library's "negative limit" (exit 1) and
// --max-size 0 said that neither flag was given.
func TestCachePruneLimitsAreUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"--older-than", "-1h"}, {"--older-than", "0s"}, {"--max-size", "0"}, {"--max-size", "0B", "--older-than", "1h"}} {
		code, _, stderr := narrate(t, "", append([]string{"cache", "prune", "--cache", dir}, args...)...)
		if code != 2 || !strings.Contains(stderr, args[0]+" "+args[1]) || strings.Contains(stderr, "needs --older-than or --max-size") {
			t.Errorf("cache prune %s: exit %d, %s", strings.Join(args, " "), code, stderr)
		}
	}
}
