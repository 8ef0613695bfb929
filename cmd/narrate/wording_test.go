package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// JSON for scripts keeps "&" as it is: voice specs carry options joined
// with it, and `\u0026` is what nobody reading or grepping expects.
func TestJSONOutputKeepsAmpersands(t *testing.T) {
	dir := t.TempDir()
	spec := "fake:?seed=1&rate=2"
	code, out, stderr := narrate(t, "", "render", sample, "--voice", spec, "--dry-run", "--json")
	if code != 0 {
		t.Fatalf("render --dry-run --json: exit %d: %s", code, stderr)
	}
	if strings.Contains(out, `\u0026`) || !strings.Contains(out, "&") {
		t.Errorf("render --dry-run --json escapes &:\n%s", out)
	}

	manifest := writeManifest(t, dir, `{"id":"q-and-a","text":"Questions & answers\n\nThe council took questions & gave answers for an hour."}`)
	outDir := filepath.Join(dir, "out")
	if code, _, stderr := narrate(t, "", "batch", "--manifest", manifest, "--out", outDir, "--voice", spec, "--no-cache", "-q"); code != 0 {
		t.Fatalf("batch: exit %d: %s", code, stderr)
	}
	code, out, stderr = narrate(t, "", "batch", "report", "--out", outDir, "--json")
	if code != 0 {
		t.Fatalf("batch report --json: exit %d: %s", code, stderr)
	}
	if strings.Contains(out, `\u0026`) || !strings.Contains(out, "rate=2&") {
		t.Errorf("batch report --json escapes &:\n%s", out)
	}
	code, out, stderr = narrate(t, "Questions & answers\n\nThe council took questions & gave answers for an hour.\n", "script", "-", "--json")
	if code != 0 {
		t.Fatalf("script --json: exit %d: %s", code, stderr)
	}
	if strings.Contains(out, `\u0026`) || !strings.Contains(out, "questions & gave") {
		t.Errorf("script --json escapes &:\n%s", out)
	}
}

// writeManifest writes JSON Lines to dir/manifest.jsonl.
func writeManifest(t *testing.T, dir string, lines ...string) string {
	t.Helper()
	p := filepath.Join(dir, "manifest.jsonl")
	if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// batch's last progress line says it finished, not "ETA ?", and a missing
// input file is not one a rerun retries by itself.
func TestBatchEndsWithoutRoughEdges(t *testing.T) {
	dir := t.TempDir()
	manifest := writeManifest(t, dir,
		`{"id":"gone","path":"`+filepath.Join(dir, "no-such-article.txt")+`"}`,
		`{"id":"here","text":"Buses return\n\nThe council met today to talk about buses and ferries."}`)
	code, _, stderr := narrate(t, "", "batch", "--manifest", manifest, "--out", filepath.Join(dir, "out"), "--voice", "fake:", "--no-cache")
	if code != 3 {
		t.Fatalf("exit %d, want 3: %s", code, stderr)
	}
	if strings.Contains(stderr, "ETA ?") || !regexp.MustCompile(`2/2 articles: 1 done, 1 failed, 0 skipped, [0-9.]+s of audio, finished in`).MatchString(stderr) {
		t.Errorf("the last progress line does not say it finished:\n%s", stderr)
	}
	last := stderr[strings.LastIndex(strings.TrimSpace(stderr), "\n")+1:]
	if strings.Contains(last, "rerun to retry") || !strings.Contains(last, "1 input") || !strings.Contains(last, "fixed") {
		t.Errorf("for a missing input the last line says %q", last)
	}

	// An engine's passing errors are what a rerun retries.
	code, _, stderr = narrate(t, "", "batch", "--manifest", manifest, "--out", filepath.Join(dir, "out2"), "--voice", "fake:?fail=1", "--no-cache")
	if last := stderr[strings.LastIndex(strings.TrimSpace(stderr), "\n")+1:]; code != 3 || !strings.Contains(last, "a rerun retries 1 transient; 1 input fail again") {
		t.Errorf("exit %d; for a transient failure and a missing input the last line says %q", code, last)
	}
}
