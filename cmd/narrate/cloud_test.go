package main

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts/azure/azuretest"
	"github.com/narrate-dev/narrate/tts/elevenlabs/elevenlabstest"
	"github.com/narrate-dev/narrate/tts/polly/pollytest"
)

// ffprobeChapters counts the chapters ffprobe finds in path.
func ffprobeChapters(t *testing.T, path string) int {
	t.Helper()
	if _, err := exec.LookPath("ffprobe"); err != nil {
		t.Skip("ffprobe not installed: chapters cannot be checked")
	}
	out, err := exec.Command("ffprobe", "-v", "error", "-show_chapters", "-of", "json", path).Output()
	if err != nil {
		t.Fatalf("ffprobe %s: %v", path, err)
	}
	var r struct {
		Chapters []json.RawMessage `json:"chapters"`
	}
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("ffprobe output: %v", err)
	}
	return len(r.Chapters)
}

// TestRenderCloudEngines is the command-line acceptance of issue 28: a
// render against each engine's in-process server (its endpoint option),
// with a fault on every fifth request, writes an MP3 at -16 LUFS (as ffmpeg
// measures it) with chapters (as ffprobe reads them) and word timings.
func TestRenderCloudEngines(t *testing.T) {
	input := sample
	for _, tc := range []struct {
		name string
		spec func(t *testing.T) string
	}{
		{"polly", func(t *testing.T) string {
			return pollytest.New(t, pollytest.Options{FailEvery: 5}).Spec("Joanna", "engine=neural")
		}},
		{"elevenlabs", func(t *testing.T) string {
			return elevenlabstest.New(t, elevenlabstest.Options{FailEvery: 5, RetryAfter: "0"}).Spec("21m00Tcm4TlvDq8ikWAM", "")
		}},
		{"azure", func(t *testing.T) string {
			return azuretest.New(t, azuretest.Options{FailEvery: 5, RetryAfter: "0"}).Spec("en-US-AvaMultilingualNeural", "")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out, tim, sum := filepath.Join(dir, "a.mp3"), filepath.Join(dir, "a.json"), filepath.Join(dir, "s.json")
			code, _, stderr := narrate(t, "", "render", input, "-o", out, "--voice", tc.spec(t), "--no-cache", "-q",
				"--timings", tim, "--summary", sum, "--qps", "-1")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			lufs, tp := ebur128(t, out)
			if math.Abs(lufs+16) > 0.5 || tp > -1 {
				t.Errorf("ffmpeg measures %.1f LUFS and %.1f dBTP, want -16 ± 0.5 and at most -1", lufs, tp)
			}
			var s publish.Summary
			readJSON(t, sum, &s)
			var tm sidecar.Timings
			readJSON(t, tim, &tm)
			if n := ffprobeChapters(t, out); n < 5 || n > len(tm.Blocks) {
				t.Errorf("ffprobe reads %d chapters for %d blocks", n, len(tm.Blocks))
			}
			var words, timed int
			for _, b := range tm.Blocks {
				for _, st := range b.Sentences {
					words += len(st.Words)
				}
				if len(b.Sentences) > 0 && len(b.Sentences[0].Words) > 0 {
					timed++
				}
			}
			if timed < len(tm.Blocks)*9/10 || words < 100 {
				t.Errorf("%d of %d blocks have word timings (%d words)", timed, len(tm.Blocks), words)
			}
			// Priced (an engine reached at a loopback base, as ElevenLabs'
			// test server is, is taken for a local one and costs 0).
			if s.Retries == 0 || s.EstimatedCostUSD == nil {
				t.Errorf("summary: %d retries, cost %v", s.Retries, s.EstimatedCostUSD)
			}
			t.Logf("%s: %.1f LUFS, %.1f dBTP, %d blocks, %d words timed, %d requests, %d retries", tc.name, lufs, tp, len(tm.Blocks), words, s.Requests, s.Retries)
		})
	}
}

// TestDryRunSaysWhatIsMissing: a dry run prices the job, and says on one
// line which credentials a real render would lack, without a request; a
// local engine costs nothing but CPU time.
func TestDryRunSaysWhatIsMissing(t *testing.T) {
	input := seedOrSample(t)
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, v := range []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "ELEVENLABS_API_KEY", "AZURE_SPEECH_KEY", "AZURE_SPEECH_REGION", "OPENAI_API_KEY"} {
		t.Setenv(v, "")
	}
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(home, "none"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(home, "none"))
	t.Setenv("GOOGLE_APPLICATION_CREDENTIALS", filepath.Join(home, "no-key.json"))
	for _, tc := range []struct{ voice, cost, warning string }{
		{"polly:Joanna?engine=neural", "cost:        about $", "polly: no credentials: AWS_ACCESS_KEY_ID is not set"},
		{"elevenlabs:21m00Tcm4TlvDq8ikWAM", "cost:        about $", "elevenlabs: no credentials: ELEVENLABS_API_KEY is not set"},
		{"azure:en-US-AvaMultilingualNeural", "cost:        about $", "azure: no credentials: AZURE_SPEECH_KEY and AZURE_SPEECH_REGION are not set"},
		{"google:en-US-Neural2-F", "cost:        about $", "google: no credentials: GOOGLE_APPLICATION_CREDENTIALS is " + filepath.Join(home, "no-key.json")},
		{"openai:alloy", "cost:        about $", "openai: no credentials: OPENAI_API_KEY is not set"},
		{"flite:slt", "cost:        nothing (the engine runs on this machine); about ", ""},
	} {
		t.Run(strings.Split(tc.voice, ":")[0], func(t *testing.T) {
			code, stdout, stderr := narrate(t, "", "render", input, "--voice", tc.voice, "--dry-run", "--no-cache")
			if code != 0 || !strings.Contains(stdout, tc.cost) {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			stderr = strings.TrimSpace(stderr)
			if tc.warning == "" {
				if stderr != "" {
					t.Errorf("stderr %q, want nothing", stderr)
				}
				return
			}
			if !strings.HasPrefix(stderr, "narrate: warning: "+tc.warning) || strings.Count(stderr, "\n") > 0 {
				t.Errorf("stderr %q, want one warning line starting %q", stderr, tc.warning)
			}
			code, stdout, _ = narrate(t, "", "render", input, "--voice", tc.voice, "--dry-run", "--no-cache", "--json")
			var est publish.Estimate
			if code != 0 || json.Unmarshal([]byte(stdout), &est) != nil || len(est.Warnings) != 1 || est.EstimatedCostUSD == nil {
				t.Errorf("--json: exit %d, %q", code, stdout)
			}
		})
	}
}

// TestRenderWithoutCredentialsFailsFirst: a real render without the key
// fails on one line naming it, before any request, and writes nothing.
func TestRenderWithoutCredentialsFailsFirst(t *testing.T) {
	srv := elevenlabstest.New(t, elevenlabstest.Options{})
	t.Setenv("ELEVENLABS_API_KEY", "")
	dir := t.TempDir()
	code, _, stderr := narrate(t, "", "render", sample, "-o", filepath.Join(dir, "x.mp3"), "--no-cache",
		"--voice", "elevenlabs:21m00Tcm4TlvDq8ikWAM?base="+srv.URL)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	oneLine(t, stderr, "elevenlabs: no credentials: ELEVENLABS_API_KEY is not set")
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests were sent", n)
	}
	if got := listAll(t, dir); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}

	// With a clip cache (which may hold every clip, so credentials are
	// looked for at the first miss), the error is the same one line: it
	// is true of the whole render, so no segment is named.
	code, _, stderr = narrate(t, "", "render", sample, "-o", filepath.Join(dir, "x.mp3"), "--cache", t.TempDir(),
		"--voice", "elevenlabs:21m00Tcm4TlvDq8ikWAM?base="+srv.URL)
	if code != 1 {
		t.Errorf("with a cache: exit %d, want 1", code)
	}
	oneLine(t, stderr, "elevenlabs: no credentials: ELEVENLABS_API_KEY is not set")
	if strings.Contains(stderr, "segment") {
		t.Errorf("with a cache: stderr names a segment: %q", stderr)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("with a cache: %d requests were sent", n)
	}
}

// TestVoiceMapPicksCloudVoices: a voice map names a cloud voice for a
// language (fr=polly:Lea?engine=neural) and a render of an article in that
// language goes to it, through its in-process server here.
func TestVoiceMapPicksCloudVoices(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "fr.txt")
	mustWrite(t, article, "La bibliothèque du port reste ouverte\n\nLe conseil a voté mardi pour garder la vieille bibliothèque du port ouverte une année de plus. Les habitants ont rempli la galerie publique.\n")
	srv := pollytest.New(t, pollytest.Options{})
	for _, tc := range []struct{ voiceMap, note string }{
		{"fr=polly:Lea?engine=neural&endpoint=" + srv.URL + "&region=us-east-1", "voice polly:Lea?engine=neural&endpoint="},
		{"en=flite:slt,fr=elevenlabs:XB0fDUnXU5powFXDhCwa?model=eleven_flash_v2_5", "voice elevenlabs:XB0fDUnXU5powFXDhCwa"},
		{"fr=azure:fr-FR-DeniseNeural", "voice azure:fr-FR-DeniseNeural"},
	} {
		code, stdout, stderr := narrate(t, "", "render", article, "--lang", "fr", "--voice-map", tc.voiceMap, "--dry-run", "--no-cache")
		if code != 0 || !strings.Contains(stderr, tc.note) || !strings.Contains(stderr, "chosen for French (fr, --lang) by the voice map entry fr") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", tc.voiceMap, code, stdout, stderr)
		}
	}
	out := filepath.Join(dir, "fr.mp3")
	code, _, stderr := narrate(t, "", "render", article, "--lang", "fr", "-o", out, "-q", "--no-cache",
		"--voice-map", "fr=polly:Lea?engine=neural&endpoint="+srv.URL+"&region=us-east-1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, r := range srv.Requests() {
		if r.VoiceID != "Lea" || r.Engine != "neural" {
			t.Errorf("request %+v, want Lea, neural", r)
		}
	}
	if len(srv.Requests()) == 0 {
		t.Error("no request reached Polly")
	}
}

func mustWrite(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestVoicesOfCloudEngines: `narrate voices --voice ENGINE:` lists a cloud
// engine's voices (here its in-process server's) with their languages, and
// says on one line what is missing without credentials.
func TestVoicesOfCloudEngines(t *testing.T) {
	for _, tc := range []struct {
		name, spec, want string
	}{
		{"polly", pollytest.New(t, pollytest.Options{}).Spec("", "engine=neural"), "polly:Lea  "},
		{"elevenlabs", elevenlabstest.New(t, elevenlabstest.Options{}).Spec("", ""), "elevenlabs:XB0fDUnXU5powFXDhCwa  fr-FR,en-GB"},
		{"azure", azuretest.New(t, azuretest.Options{}).Spec("", ""), "azure:en-US-AvaMultilingualNeural  en-US,fr-FR,de-DE,es-ES"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := narrate(t, "", "voices", "--voice", tc.spec)
			if code != 0 || !strings.Contains(stdout, tc.want) {
				t.Errorf("exit %d, stderr %q, stdout:\n%s\nwant a line with %q", code, stderr, stdout, tc.want)
			}
		})
	}
	t.Setenv("ELEVENLABS_API_KEY", "")
	code, _, stderr := narrate(t, "", "voices", "--voice", "elevenlabs:")
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	oneLine(t, stderr, "ELEVENLABS_API_KEY is not set")
}
