package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts/google/googletest"
)

func TestRenderGoogleFakeServer(t *testing.T) {
	srv := googletest.New(t, googletest.Options{FailUnavailable: 2, FailResourceExhausted: 1})
	dir := t.TempDir()
	out := filepath.Join(dir, "g.mp3")
	sum := filepath.Join(dir, "s.json")
	code, _, stderr := narrate(t, "", "render", sample, "-o", out, "--voice", srv.Spec("en-US-Neural2-F", ""),
		"--no-cache", "--summary", sum, "--timings", filepath.Join(dir, "t.json"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s publish.Summary
	readJSON(t, sum, &s)
	if s.Retries != 3 || s.Requests != int64(s.Segments)+3 {
		t.Errorf("3 injected faults: %d retries, %d requests for %d segments", s.Retries, s.Requests, s.Segments)
	}
	if v := srv.Violations(); len(v) > 0 {
		t.Errorf("the client broke the service's rules: %q", v)
	}
	// Google prices Neural2 voices: the summary has a cost.
	if s.EstimatedCostUSD == nil || *s.EstimatedCostUSD <= 0 {
		t.Errorf("no cost estimate for a Neural2 voice: %v", s.EstimatedCostUSD)
	}
	var tm sidecar.Timings
	readJSON(t, filepath.Join(dir, "t.json"), &tm)
	if len(tm.Blocks) < 5 || len(tm.Blocks[2].Sentences) < 2 {
		t.Fatalf("timings: %+v", tm)
	}
	// Sentence marks from the server's timepoints: later sentences start later.
	ss := tm.Blocks[2].Sentences
	if !(ss[1].Start > ss[0].Start && ss[0].Start >= tm.Blocks[2].Start) {
		t.Errorf("sentence times %v", ss)
	}
}

func TestEngineErrorsAreOneLine(t *testing.T) {
	srv := googletest.New(t, googletest.Options{})
	dir := t.TempDir()
	t.Setenv("GOOGLE_APPLICATION_CREDENTIALS", filepath.Join(dir, "no-such-key.json"))
	t.Setenv("HOME", dir) // no gcloud application-default file either
	// A spec the user got wrong is a usage error (2); an engine that fails
	// when asked is a failure of the work (1).
	for _, tc := range []struct {
		name, voice, want string
		code              int
	}{
		{"unknown scheme", "klingon:worf", "unknown engine", 2},
		{"bad voice", srv.Spec("en-US-Nonexistent-Z", ""), "en-US-Nonexistent-Z", 1},
		{"missing credentials", "google:en-US-Neural2-F", "GOOGLE_APPLICATION_CREDENTIALS", 1},
		{"unreachable endpoint", "google:en-US-Neural2-F?endpoint=127.0.0.1:1&insecure=true&timeout=2s", "127.0.0.1:1", 1},
		{"bad espeak voice", "espeak:klingon-xx", "klingon-xx", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, "x.mp3")
			code, _, stderr := narrate(t, "", "render", sample, "-o", out, "--voice", tc.voice, "--no-cache")
			stderr = strings.TrimSpace(stderr)
			if code != tc.code || strings.Contains(stderr, "\n") || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and one line mentioning %q", code, stderr, tc.code, tc.want)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("an output file was written")
			}
		})
	}
}

func TestDryRunGoogleMakesNoCall(t *testing.T) {
	input := seedOrSample(t)
	// An endpoint nothing listens on: any call would fail the command.
	code, out, stderr := narrate(t, "", "render", input, "--dry-run", "--no-cache",
		"--voice", "google:en-US-Neural2-F?endpoint=127.0.0.1:1&insecure=true")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "characters:") || !strings.Contains(out, "cost:        about $") {
		t.Errorf("dry run printed %q", out)
	}
}
