package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/sidecar"
)

// narrate runs the CLI in-process and returns its exit code, stdout, stderr.
func narrate(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

const sample = "../../testdata/sample-article.txt"

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
	buildDir  string
)

// installedVoices is where the neural voices are installed for the tests
// that ask for them ($NARRATE_VOICES, else the repository's .cache/voices);
// "" when not.
var installedVoices string

// TestMain hides the neural voices from every test but those that ask for
// them (withVoices): the others use the default voice as a quick local
// engine, and flite is that when no neural voice is installed. It removes
// the binary buildNarrate made.
func TestMain(m *testing.M) {
	installedVoices = os.Getenv("NARRATE_VOICES")
	if installedVoices == "" {
		installedVoices, _ = filepath.Abs("../../.cache/voices")
	}
	if _, err := os.Stat(filepath.Join(installedVoices, "onnxruntime")); err != nil {
		installedVoices = ""
	}
	none, err := os.MkdirTemp("", "narrate-no-voices-")
	if err != nil {
		panic(err)
	}
	os.Setenv("NARRATE_VOICES", none)
	code := m.Run()
	os.RemoveAll(none)
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// buildNarrate builds the narrate binary once per test run, for tests that
// need it as a separate process (signals, concurrency, shards).
func buildNarrate(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "narrate-test-bin-")
		if buildErr != nil {
			return
		}
		builtBin = filepath.Join(buildDir, "narrate")
		out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

func TestRenderFakeMP3(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "sample.mp3")
	sum := filepath.Join(dir, "summary.json")
	timings := filepath.Join(dir, "t.json")
	code, _, stderr := narrate(t, "", "render", sample, "-o", out, "--voice", "fake:", "--no-cache",
		"--summary", sum, "--timings", timings, "--captions", filepath.Join(dir, "c.vtt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s publish.Summary
	readJSON(t, sum, &s)
	if s.Segments == 0 || s.Requests != int64(s.Segments) || s.DurationSeconds < 20 {
		t.Errorf("summary: %+v", s)
	}
	var tm sidecar.Timings
	readJSON(t, timings, &tm)
	if tm.Title != "Harbour town bets on tidal power to light its streets" {
		t.Errorf("title %q", tm.Title)
	}
	if d := ffprobeDuration(t, out); d > 0 && (d-s.DurationSeconds > 0.1 || s.DurationSeconds-d > 0.1) {
		t.Errorf("ffprobe says %.3fs, render says %.3fs", d, s.DurationSeconds)
	}
}

func ffprobeDuration(t *testing.T, path string) float64 {
	if _, err := exec.LookPath("ffprobe"); err != nil {
		t.Skip("ffprobe not installed: the duration cannot be cross-checked")
	}
	out, err := exec.Command("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path).Output()
	if err != nil {
		t.Fatalf("ffprobe %s: %v", path, err)
	}
	d, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		t.Fatalf("ffprobe output %q: %v", out, err)
	}
	return d
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestRenderBadInputs(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	binary := filepath.Join(dir, "binary.txt")
	os.WriteFile(binary, []byte{0, 1, 2, 3, 0xff, 0xfe, 0, 0, 9}, 0o644)
	for _, tc := range []struct{ name, input string }{
		{"empty", empty},
		{"missing", filepath.Join(dir, "nope.txt")},
		{"directory", dir},
		{"binary", binary},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, tc.name+".mp3")
			code, _, stderr := narrate(t, "", "render", tc.input, "-o", out, "--voice", "fake:", "--no-cache")
			if code != 1 {
				t.Errorf("exit %d, want 1 (stderr %q)", code, stderr)
			}
			if lines := strings.Count(strings.TrimSpace(stderr), "\n"); lines != 0 || !strings.Contains(stderr, tc.input) {
				t.Errorf("want one line naming %s, got %q", tc.input, stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was written", out)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "partial") || strings.HasSuffix(e.Name(), ".mp3") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"render"},
		{"render", "a", "b"},
		{"render", sample, "--bitrate", "lots"},
		{"render", sample, "--loudness", "loud"},
		{"nosuchcommand"},
	} {
		code, _, stderr := narrate(t, "", args...)
		if code != 2 && !(args[0] == "nosuchcommand" && code != 0) {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr)
		}
	}
}

func TestUnknownEngine(t *testing.T) {
	code, _, stderr := narrate(t, "", "render", sample, "-o", filepath.Join(t.TempDir(), "x.mp3"), "--voice", "nosuch:voice", "--no-cache")
	if code != 2 || !strings.Contains(stderr, "unknown engine") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestRenderStdin(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "n.wav")
	code, _, stderr := narrate(t, "A title\n\nOne paragraph of text to speak.\n", "render", "-", "-o", out, "--voice", "fake:", "--no-cache", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("--quiet printed %q", stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(data, []byte("RIFF")) {
		t.Errorf("want a WAV file: %v", err)
	}
}

func TestSeedWithEspeak(t *testing.T) {
	seed := "../../../shared/seed/000_420b1a81cf081f19.txt"
	if _, err := os.Stat(seed); err != nil {
		t.Skip("../shared/seed not present; skipping the seed render")
	}
	dir := t.TempDir()
	sum := filepath.Join(dir, "s.json")
	out := filepath.Join(dir, "seed.mp3")
	code, _, stderr := narrate(t, "", "render", seed, "-o", out, "--no-cache", "--summary", sum)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var s publish.Summary
	readJSON(t, sum, &s)
	// The article's paragraphs at the default voice's rate: several minutes.
	if s.DurationSeconds < 240 || s.DurationSeconds > 540 {
		t.Errorf("seed narration is %.0fs long", s.DurationSeconds)
	}
	if d := ffprobeDuration(t, out); d > 0 && (d-s.DurationSeconds > 0.1 || s.DurationSeconds-d > 0.1) {
		t.Errorf("ffprobe says %.3fs, render says %.3fs", d, s.DurationSeconds)
	}
}

func TestScriptSeed(t *testing.T) {
	if _, err := os.Stat(seedFile); err != nil {
		t.Skip("../shared/seed not present; skipping")
	}
	code, out, stderr := narrate(t, "", "script", seedFile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if first := strings.SplitN(out, "\n", 2)[0]; first != "Why are Islamist groups attacking Russia?" {
		t.Errorf("first line %q", first)
	}
	for _, debris := range []string{"full screen", "Loading", "ELSEWHERE", "ELSIDE", "class=", "x27;", "View profile",
		"By admin", "Related Post", "Speech synthesis, based on artificial intelligence"} {
		if strings.Contains(out, debris) {
			t.Errorf("script contains debris %q", debris)
		}
	}
	if !strings.Contains(out, "\n\nBy Érika Bisaillon\n\n") {
		t.Error("the byline is not spoken as \"By …\" after the title")
	}
	code, spoken, _ := narrate(t, "", "script", "--spoken", seedFile)
	if code != 0 || !strings.Contains(spoken, "I.S.") || strings.Contains(spoken, "(IS)") {
		t.Errorf("--spoken does not apply the lexicon to \"(IS)\"")
	}
}

// render -o - writes the narration to standard output (it used to write a
// file named "-"), and two outputs on standard output are a usage error.
func TestRenderToStdout(t *testing.T) {
	in, err := filepath.Abs(sample)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	code, stdout, stderr := narrate(t, "", "render", in, "-o", "-", "--voice", "fake:", "--no-cache")
	if code != 0 || !strings.HasPrefix(stdout, "ID3") || !strings.Contains(stderr, "wrote standard output") {
		t.Fatalf("exit %d, %d bytes on stdout starting %q, stderr %s", code, len(stdout), stdout[:min(len(stdout), 8)], stderr)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("render -o - made a file named -")
	}
	code, _, stderr = narrate(t, "", "render", in, "-o", "-", "--timings", "-", "--voice", "fake:", "--no-cache")
	if code != 2 || !strings.Contains(stderr, "standard output") {
		t.Errorf("audio and timings on stdout: exit %d, %s", code, stderr)
	}
}

// Two outputs named as one file are a usage error naming both flags, where
// render said "output a.mp3 is the same file as output a.mp3" (exit 1).
func TestRenderTwoOutputsOneFile(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-o", p("a.mp3"), "--summary", p("a.mp3")}, "--summary " + p("a.mp3") + " is the same file as -o " + p("a.mp3")},
		{[]string{"-o", p("a.mp3"), "--timings", p("t.json"), "--summary", p("./t.json")}, "--summary " + p("./t.json") + " is the same file as --timings " + p("t.json")},
		{[]string{"-o", p("s.mp3"), "--player", "--captions", p("s.vtt"), "--timings", p("s.html")}, "the player's page " + p("s.html") + " is the same file as --timings"},
	} {
		code, _, stderr := narrate(t, "", append([]string{"render", sample, "--voice", "fake:", "--no-cache", "-y"}, tc.args...)...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, %s; want exit 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}
