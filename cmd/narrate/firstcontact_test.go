package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
)

// engineRequests counts the requests that reach the "counted:" engine, the
// fake engine behind a counter, so tests can prove a mistake cost nothing.
var engineRequests atomic.Int64

func init() {
	tts.Register("counted", func(ctx context.Context, sp *tts.Spec) (tts.Driver, error) {
		o, err := fake.ParseOptions(sp)
		if err != nil {
			return nil, err
		}
		o.OnCall = func(tts.Request) { engineRequests.Add(1) }
		return fake.New(o), nil
	})
}

const storyText = "Harbour tides rise again\n\nThe harbour flooded twice this week after the spring tide came in high and fast over the wall.\n\nEngineers will meet the council on Monday to talk about a higher barrier.\n"

// files lists a directory's entries, sorted.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// Every bad flag value is a usage error: exit 2, one line naming the flag,
// nothing written and no engine request.
func TestBadFlagValuesCostNothing(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "story.txt")
	os.WriteFile(story, []byte(storyText), 0o644)
	out := filepath.Join(dir, "out.mp3")
	for _, tc := range []struct {
		args []string
		want string // in the message
	}{
		{[]string{"--bitrate", "7"}, "--bitrate"},
		{[]string{"--bitrate", "0"}, "--bitrate"},
		{[]string{"--bitrate", "lots"}, "bitrate"},
		{[]string{"--format", "ogg"}, "ogg"},
		{[]string{"--channels", "3"}, "--channels"},
		{[]string{"--channels", "0"}, "--channels"},
		{[]string{"--chapters", "x"}, "--chapters"},
		{[]string{"--quality", "0"}, "--quality"},
		{[]string{"--quality", "10"}, "--quality"},
		{[]string{"--jobs", "0"}, "--jobs"},
		{[]string{"--rate", "7000"}, "--rate"},
		{[]string{"--rate", "44000"}, "--rate"},
		{[]string{"--lang", "klingon"}, "--lang"},
		{[]string{"--lang", "xx"}, "--lang"},
		{[]string{"--loudness", "loud"}, "--loudness"},
		{[]string{"--loudness", "0"}, "--loudness"},
		{[]string{"--loudness", "-90"}, "--loudness"},
		{[]string{"--true-peak", "1"}, "--true-peak"},
		{[]string{"--true-peak", "NaN"}, "--true-peak"},
		{[]string{"--pause-title", "-1s"}, "--pause-title"},
		{[]string{"--pause-paragraph", "2m"}, "--pause-paragraph"},
		{[]string{"--pause-split", "2m"}, "--pause-split"},
		{[]string{"--pause-sentence", "2m"}, "--pause-split"}, // its old name
		{[]string{"--trim-threshold", "0"}, "--trim-threshold"},
		{[]string{"--captions", filepath.Join(dir, "c.txt")}, "--captions"},
		{[]string{"--voice", "nosuch:voice"}, "unknown engine"},
		{[]string{"--voice", "espeak:zzzz"}, "unknown voice \"zzzz\"; list the voices with `narrate voices --voice espeak:`"},
		{[]string{"--voice", "counted:?latency=fast"}, "latency"},
		{[]string{"--voice", "counted:?colour=red"}, "unknown option"},
		{[]string{"--json"}, "--dry-run"},
		{[]string{"-y", "-n"}, "contradict"},
		{[]string{"--no-such-flag"}, "unknown flag"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			engineRequests.Store(0)
			args := append([]string{"render", story, "-o", out, "--voice", "counted:", "--no-cache"}, tc.args...)
			if i := slices.Index(tc.args, "--voice"); i >= 0 {
				args = append([]string{"render", story, "-o", out, "--no-cache"}, tc.args...)
			}
			code, stdout, stderr := narrate(t, "", args...)
			if code != 2 {
				t.Errorf("exit %d, want 2 (stderr %q)", code, stderr)
			}
			if lines := strings.Count(strings.TrimSpace(stderr), "\n"); lines != 0 || !strings.Contains(stderr, tc.want) {
				t.Errorf("want one line mentioning %q, got %q", tc.want, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q", stdout)
			}
			if n := engineRequests.Load(); n != 0 {
				t.Errorf("%d engine requests", n)
			}
			if got := files(t, dir); !slices.Equal(got, []string{"story.txt"}) {
				t.Errorf("files left: %v", got)
			}
		})
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{"render"},
		{"render", "a", "b"},
		{"nosuchcommand"},
		{"voices", "--voice", "nosuch:"},
		{"cache", "prune"},
		{"batch"},
	} {
		code, _, stderr := narrate(t, "", args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr)
		}
		if strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%v: more than one line: %q", args, stderr)
		}
	}
}

// Default output names carry the format's extension and come from the
// input's name, or from the title for stdin and URLs.
func TestDefaultOutputNames(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte(storyText))
	}))
	defer srv.Close()
	for _, tc := range []struct {
		name  string
		input string // "" means story.txt in the directory
		stdin string
		args  []string
		want  string
	}{
		{"file", "", "", nil, "story.mp3"},
		{"file wav", "", "", []string{"--format", "wav"}, "story.wav"},
		{"file -o wav", "", "", []string{"-o", "spoken.wav"}, "spoken.wav"},
		{"file -o no extension", "", "", []string{"-o", "spoken"}, "spoken"},
		{"stdin", "-", storyText, nil, "harbour-tides-rise-again.mp3"},
		{"stdin wav", "-", storyText, []string{"--format", "wav"}, "harbour-tides-rise-again.wav"},
		{"stdin untitled", "-", "¿¡ … !?\n\nThe harbour flooded twice this week after the spring tide came in high and fast.\n", nil, ""},
		{"url", srv.URL + "/news/tides", "", nil, "harbour-tides-rise-again.mp3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			os.WriteFile("story.txt", []byte(storyText), 0o644)
			input := tc.input
			if input == "" {
				input = "story.txt"
			}
			args := append([]string{"render", input, "--voice", "fake:", "--no-cache", "-q"}, tc.args...)
			code, _, stderr := narrate(t, tc.stdin, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got := files(t, dir)
			got = slices.DeleteFunc(got, func(s string) bool { return s == "story.txt" })
			if len(got) != 1 {
				t.Fatalf("wrote %v, want one file", got)
			}
			want := tc.want
			if want == "" {
				// The title has no letters: the first line becomes the title
				// or not, either way a sensible name.
				if got[0] != "narration.mp3" && !strings.HasSuffix(got[0], ".mp3") {
					t.Errorf("wrote %s", got[0])
				}
				return
			}
			if got[0] != want {
				t.Errorf("wrote %s, want %s", got[0], want)
			}
			data, _ := os.ReadFile(got[0])
			isWAV := strings.HasPrefix(string(data), "RIFF")
			if wantWAV := strings.HasSuffix(want, ".wav"); isWAV != wantWAV {
				t.Errorf("%s: WAV content %v", want, isWAV)
			}
		})
	}
}

// An output that is the input, by any path, is refused and the article is
// left as it was.
func TestOutputOntoInputRefused(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.Mkdir("sub", 0o755)
	os.WriteFile("story.mp3", []byte(storyText), 0o644) // an article with an unlucky name
	os.Symlink("story.mp3", "link.mp3")
	for _, out := range []string{"story.mp3", "./story.mp3", "sub/../story.mp3", filepath.Join(dir, "story.mp3"), "link.mp3"} {
		for _, extra := range [][]string{nil, {"-y"}} {
			engineRequests.Store(0)
			args := append([]string{"render", "story.mp3", "-o", out, "--voice", "counted:", "--no-cache", "--input-format", "text"}, extra...)
			code, _, stderr := narrate(t, "", args...)
			if code != 2 || !strings.Contains(stderr, "is the input") {
				t.Errorf("-o %s %v: exit %d, %q", out, extra, code, stderr)
			}
			if n := engineRequests.Load(); n != 0 {
				t.Errorf("-o %s: %d engine requests", out, n)
			}
			if data, _ := os.ReadFile("story.mp3"); string(data) != storyText {
				t.Fatalf("-o %s: the article was overwritten", out)
			}
		}
	}
	// A sidecar onto the input is refused too.
	os.WriteFile("story.txt", []byte(storyText), 0o644)
	code, _, stderr := narrate(t, "", "render", "story.txt", "-o", "x.mp3", "--timings", "story.txt", "--voice", "counted:", "--no-cache")
	if code != 2 || !strings.Contains(stderr, "is the input") {
		t.Errorf("--timings onto the input: exit %d, %q", code, stderr)
	}
}

// An existing output is kept unless -y; -n never replaces it.
func TestOverwriteNeedsYes(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "story.txt")
	os.WriteFile(story, []byte(storyText), 0o644)
	out := filepath.Join(dir, "story.mp3")
	timings := filepath.Join(dir, "story.json")
	os.WriteFile(out, []byte("precious"), 0o644)
	os.WriteFile(timings, []byte("precious"), 0o644)
	for _, extra := range [][]string{nil, {"-n"}} {
		engineRequests.Store(0)
		args := append([]string{"render", story, "--timings", timings, "--voice", "counted:", "--no-cache"}, extra...)
		code, _, stderr := narrate(t, "", args...)
		if code != 1 || !strings.Contains(stderr, "already exists") || !strings.Contains(stderr, "-y") {
			t.Errorf("%v: exit %d, %q", extra, code, stderr)
		}
		if n := engineRequests.Load(); n != 0 {
			t.Errorf("%v: %d engine requests", extra, n)
		}
		for _, p := range []string{out, timings} {
			if data, _ := os.ReadFile(p); string(data) != "precious" {
				t.Errorf("%v: %s was replaced", extra, p)
			}
		}
	}
	code, _, stderr := narrate(t, "", "render", story, "--timings", timings, "--voice", "counted:", "--no-cache", "-y", "-q")
	if code != 0 {
		t.Fatalf("-y: exit %d: %s", code, stderr)
	}
	if data, _ := os.ReadFile(out); string(data) == "precious" {
		t.Errorf("-y did not replace the output")
	}
}

// A sidecar that cannot be written fails before any engine request and
// leaves nothing behind.
func TestSidecarIntoMissingFolderFailsFirst(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "story.txt")
	os.WriteFile(story, []byte(storyText), 0o644)
	for _, flag := range []string{"--timings", "--captions", "--summary"} {
		engineRequests.Store(0)
		name := map[string]string{"--timings": "t.json", "--captions": "c.vtt", "--summary": "s.json"}[flag]
		code, _, stderr := narrate(t, "", "render", story, "-o", filepath.Join(dir, "out.mp3"), flag, filepath.Join(dir, "missing", name), "--voice", "counted:", "--no-cache")
		if code != 1 || !strings.Contains(stderr, "does not exist") || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%s: exit %d, %q", flag, code, stderr)
		}
		if n := engineRequests.Load(); n != 0 {
			t.Errorf("%s: %d engine requests before the failure", flag, n)
		}
		if got := files(t, dir); !slices.Equal(got, []string{"story.txt"}) {
			t.Errorf("%s: files left: %v", flag, got)
		}
	}
}

// "Not set" and zero differ: --true-peak 0 is a 0 dBTP ceiling, not the
// -1 dBTP default, as ffmpeg measures it.
func TestTruePeakZeroHonoured(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "loud.mp3")
	code, _, stderr := narrate(t, "", "render", sample, "-o", out, "--voice", "fake:", "--no-cache", "-q", "--true-peak", "0", "--loudness", "-9")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lufs, tp := ebur128(t, out)
	t.Logf("--true-peak 0 --loudness -9: ffmpeg reads %.1f LUFS, %.2f dBTP", lufs, tp)
	if tp <= -0.9 {
		t.Errorf("true peak %.2f dBTP: the ceiling is still the -1 dBTP default, not 0", tp)
	}
	if tp > 0.5 {
		t.Errorf("true peak %.2f dBTP is over the 0 dBTP ceiling", tp)
	}
}

func TestVersionAndJSON(t *testing.T) {
	code, stdout, _ := narrate(t, "", "--version")
	if code != 0 || !strings.HasPrefix(stdout, "narrate ") || !strings.Contains(stdout, "go1.") {
		t.Errorf("--version: exit %d, %q", code, stdout)
	}
	code, stdout, stderr := narrate(t, "", "voices", "--voice", "fake:", "--json")
	if code != 0 || !strings.Contains(stdout, `"spec": "fake:default"`) {
		t.Errorf("voices --json: exit %d, %q %q", code, stdout, stderr)
	}
	code, stdout, stderr = narrate(t, "", "render", sample, "--voice", "fake:", "--no-cache", "--dry-run", "--json")
	if code != 0 || !strings.Contains(stdout, `"characters_to_send"`) || !strings.Contains(stdout, `"segments"`) {
		t.Errorf("render --dry-run --json: exit %d, %q %q", code, stdout, stderr)
	}
	cacheDir := t.TempDir()
	code, stdout, stderr = narrate(t, "", "cache", "stats", "--cache", cacheDir, "--json")
	if code != 0 || !strings.Contains(stdout, `"clips": 0`) {
		t.Errorf("cache stats --json: exit %d, %q %q", code, stdout, stderr)
	}
	typo := filepath.Join(t.TempDir(), "typo")
	code, _, stderr = narrate(t, "", "cache", "stats", "--cache", typo)
	if code != 1 || !strings.Contains(stderr, "no such directory") {
		t.Errorf("cache stats on a typo: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(typo); err == nil {
		t.Errorf("cache stats created %s", typo)
	}
}

func TestCompletionOffersValues(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "render", "x.txt", "--format", ""}, "wav"},
		{[]string{"__complete", "render", "x.txt", "--chapters", ""}, "sections"},
		{[]string{"__complete", "render", "x.txt", "--voice", ""}, "espeak:"},
		{[]string{"__complete", "render", "x.txt", "--voice", "fake:"}, "fake:low"},
		// The voice narrate picks for French, under the name it uses.
		{[]string{"__complete", "render", "x.txt", "--voice", "espeak:fr"}, "espeak:fr\n"},
		{[]string{"__complete", "render", "x.txt", "--voice", ""}, "piper:"},
	} {
		code, stdout, stderr := narrate(t, "", tc.args...)
		if code != 0 || !strings.Contains(stdout, tc.want) {
			t.Errorf("%v: exit %d, %q %q", tc.args, code, stdout, stderr)
		}
	}
}
