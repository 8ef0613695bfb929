package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/sidecar"
)

// Without --voice, a French or German page is read by espeak-ng's voice for
// its language, with the byline after that language's word for "By", and
// the summary says which voice was chosen and why. Both pages declare
// their language without a country and name it in og:locale (fr_FR,
// de_DE), so the note gives "fr-fr", "de-de".
func TestRenderChoosesVoiceByLanguage(t *testing.T) {
	corpus := "../../../shared/corpus/readability"
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("../shared/corpus not present: ", err)
	}
	for _, tc := range []struct{ page, engine, note, byline string }{
		{"lemonde-1", "espeak:fr?", "voice espeak:fr chosen for French (fr-fr, detected)", "Par Martin Untersinger"},
		{"heise", "espeak:de?", "voice espeak:de chosen for German (de-de, detected)", "Von "},
	} {
		t.Run(tc.page, func(t *testing.T) {
			dir := t.TempDir()
			sum, timings := filepath.Join(dir, "s.json"), filepath.Join(dir, "t.json")
			code, _, stderr := narrate(t, "", "render", filepath.Join(corpus, tc.page, "source.html"), "-o", filepath.Join(dir, "a.mp3"),
				"--no-cache", "--summary", sum, "--timings", timings)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			if !strings.Contains(stderr, "narrate: "+tc.note+"\n") {
				t.Errorf("stderr does not give the note %q:\n%s", tc.note, stderr)
			}
			var s publish.Summary
			readJSON(t, sum, &s)
			if !strings.HasPrefix(s.Engine, tc.engine) || s.VoiceNote != tc.note || s.Lang == "" {
				t.Errorf("summary engine %q, lang %q, voice note %q; want %s…, %q", s.Engine, s.Lang, s.VoiceNote, tc.engine, tc.note)
			}
			var tm sidecar.Timings
			readJSON(t, timings, &tm)
			found := false
			for _, b := range tm.Blocks {
				if b.Kind == "byline" {
					found = true
					if !strings.HasPrefix(b.Spoken, tc.byline) {
						t.Errorf("byline spoken as %q, want it to start with %q", b.Spoken, tc.byline)
					}
				}
			}
			if !found {
				t.Error("no byline block in the timings")
			}
		})
	}
}

func TestVoiceFlags(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--voice-map", "fr"}, 2, `--voice-map: voice map entry "fr" is not LANG=SPEC`},
		{[]string{"--voice", "fake:", "--voice-map", "fr=espeak:fr"}, 2, "--voice and --voice-map together"},
		{[]string{"--voice", "flite:klingon"}, 2, `unknown voice "klingon" (voices: slt, rms, awb, kal16)`},
		{[]string{"--lang", "fr", "--voice-map", "fr=fake:"}, 0, "voice fake: chosen for French (fr, --lang) by the voice map entry fr"},
	} {
		args := append([]string{"render", sample, "-o", filepath.Join(dir, "x.wav"), "--no-cache"}, tc.args...)
		code, _, stderr := narrate(t, "", args...)
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}

// withVoices shows the installed neural voices to the test, or skips it.
func withVoices(t *testing.T) {
	t.Helper()
	if installedVoices == "" {
		t.Skip("neural voices not installed (run `make voices`)")
	}
	t.Setenv("NARRATE_VOICES", installedVoices)
}

// English is read by Piper when it is installed, and by flite otherwise,
// with one line saying why and what installs Piper; --voice always wins.
func TestEnglishDefaultVoice(t *testing.T) {
	dir := t.TempDir()
	render := func(args ...string) (string, publish.Summary) {
		t.Helper()
		sum := filepath.Join(dir, "s.json")
		code, _, stderr := narrate(t, "", append([]string{"render", sample, "-y", "-o", filepath.Join(dir, "a.wav"), "--no-cache", "--summary", sum}, args...)...)
		if code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, stderr)
		}
		var s publish.Summary
		readJSON(t, sum, &s)
		return stderr, s
	}
	t.Run("without voices", func(t *testing.T) {
		stderr, s := render()
		var lines []string
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, "piper") {
				lines = append(lines, l)
			}
		}
		if len(lines) != 1 || !strings.HasPrefix(lines[0], "narrate: voice flite:slt chosen for English (en, detected), because piper:en_US-joe-medium is not available: ") ||
			!strings.Contains(lines[0], "make voices") {
			t.Errorf("want one line saying flite reads it because Piper is not installed, and how to install it; stderr:\n%s", stderr)
		}
		if !strings.HasPrefix(s.Engine, "flite:slt") {
			t.Errorf("engine %q, want flite:slt", s.Engine)
		}
		if stderr, s := render("--voice", "espeak:en-us"); strings.Contains(stderr, "chosen") || !strings.HasPrefix(s.Engine, "espeak:en-us") {
			t.Errorf("--voice espeak:en-us: engine %q, stderr:\n%s", s.Engine, stderr)
		}
	})
	t.Run("with voices", func(t *testing.T) {
		withVoices(t)
		stderr, s := render()
		if !strings.Contains(stderr, "narrate: voice piper:en_US-joe-medium chosen for English (en, detected)\n") || strings.Contains(stderr, "not available") {
			t.Errorf("stderr does not say Piper was chosen:\n%s", stderr)
		}
		if !strings.HasPrefix(s.Engine, "piper:en_US-joe-medium") {
			t.Errorf("engine %q, want piper:en_US-joe-medium", s.Engine)
		}
		if stderr, s := render("--voice", "flite:slt"); strings.Contains(stderr, "chosen") || !strings.HasPrefix(s.Engine, "flite:slt") {
			t.Errorf("--voice flite:slt: engine %q, stderr:\n%s", s.Engine, stderr)
		}
	})
}

// `narrate voices` marks the voice narrate picks for each language, and
// lists the one it picks for French under the name it uses.
func TestVoicesMarkDefaults(t *testing.T) {
	for _, tc := range []struct {
		args        []string
		voices      bool
		row, footer string
	}{
		{[]string{"--lang", "en"}, false, "flite:slt", "without --voice: voice flite:slt chosen for English (en), because piper:en_US-joe-medium is not available"},
		{[]string{"--lang", "fr"}, false, "espeak:fr", "without --voice: voice espeak:fr chosen for French (fr)"},
		{nil, false, "flite:slt", "without --voice: voice flite:slt chosen for English (en)"},
		{[]string{"--lang", "en"}, true, "piper:en_US-joe-medium", "without --voice: voice piper:en_US-joe-medium chosen for English (en)\n"},
	} {
		t.Run(strings.Join(tc.args, " ")+fmt.Sprint(tc.voices), func(t *testing.T) {
			if tc.voices {
				withVoices(t)
			}
			code, out, stderr := narrate(t, "", append([]string{"voices"}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			found := false
			for _, l := range strings.Split(out, "\n") {
				f := strings.Fields(l)
				if len(f) > 1 && f[0] == tc.row {
					found = true
					if last := f[len(f)-1]; !strings.Contains(last, "en") && !strings.Contains(last, "fr") {
						t.Errorf("row %q does not say which language it is the default for", l)
					}
				}
			}
			if !found || !strings.Contains(out, tc.footer) {
				t.Errorf("want a row for %s marked default and %q:\n%s", tc.row, tc.footer, out)
			}
		})
	}
	code, out, _ := narrate(t, "", "voices", "--lang", "fr", "--json")
	var list []struct {
		Spec       string   `json:"spec"`
		DefaultFor []string `json:"default_for"`
	}
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil {
		t.Fatalf("exit %d, %v: %s", code, err, out)
	}
	if !slices.ContainsFunc(list, func(v struct {
		Spec       string   `json:"spec"`
		DefaultFor []string `json:"default_for"`
	}) bool {
		return v.Spec == "espeak:fr" && slices.Contains(v.DefaultFor, "fr")
	}) {
		t.Errorf("--json does not give espeak:fr as the default for fr: %s", out)
	}
}

// A French article is read by espeak-ng (Kokoro is too slow to be a
// default here), and render says once that Kokoro, installed, is more
// natural.
func TestSuggestsKokoro(t *testing.T) {
	withVoices(t)
	dir := t.TempDir()
	code, _, stderr := narrate(t, "", "render", "../../testdata/voices/fr.txt", "-o", filepath.Join(dir, "fr.wav"), "--no-cache", "--voice-map", "")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "narrate: a more natural voice for French is installed: --voice kokoro:ff_siwis\n"
	if strings.Count(stderr, want) != 1 || !strings.Contains(stderr, "narrate: voice espeak:fr chosen for French (fr, detected)\n") {
		t.Errorf("want espeak:fr chosen and one line suggesting Kokoro; stderr:\n%s", stderr)
	}
}

// `narrate voices --lang de` lists each cloud engine's German voice with
// whether it can be used here, and what is missing when not.
func TestVoicesListCloudOffers(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("CLOUDSDK_CONFIG", home)
	for _, v := range []string{"GOOGLE_APPLICATION_CREDENTIALS", "GCE_METADATA_HOST", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE",
		"AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
		"AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AZURE_SPEECH_KEY", "AZURE_SPEECH_REGION", "OPENAI_API_KEY"} {
		t.Setenv(v, "")
	}
	t.Setenv("ELEVENLABS_API_KEY", "a-key")
	code, out, stderr := narrate(t, "", "voices", "--lang", "de")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows := map[string]string{}
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) >= 3 && strings.Contains(f[0], ":") {
			rows[f[0]] = strings.Join(f[1:], " ")
		}
	}
	for spec, want := range map[string]string{
		"espeak:de": "de male 22050 yes de", "google:de-DE-Neural2-G": "de no", "polly:Vicki": "de no",
		"azure:de-DE-KatjaNeural": "de no", "openai:alloy": "de no", "elevenlabs:21m00Tcm4TlvDq8ikWAM": "de yes",
	} {
		if rows[spec] != want {
			t.Errorf("row %s: %q, want %q\n%s", spec, rows[spec], want, out)
		}
	}
	for _, want := range []string{
		"not ready: google: no credentials: GOOGLE_APPLICATION_CREDENTIALS is not set",
		"not ready: polly: no credentials: AWS_ACCESS_KEY_ID is not set",
		"not ready: azure: no credentials: AZURE_SPEECH_KEY and AZURE_SPEECH_REGION are not set",
		"not ready: openai: no credentials: OPENAI_API_KEY is not set",
		"--voice ENGINE: (as --voice polly:) reads it with that engine's voice for its language",
		"without --voice: voice espeak:de chosen for German (de)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "not ready: elevenlabs") {
		t.Errorf("elevenlabs has its key, yet:\n%s", out)
	}
	code, out, _ = narrate(t, "", "voices", "--lang", "de", "--json")
	var list []listedVoice
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil {
		t.Fatalf("exit %d, %v: %s", code, err, out)
	}
	i := slices.IndexFunc(list, func(v listedVoice) bool { return v.Spec == "openai:alloy" })
	if i < 0 || list[i].Ready || !strings.Contains(list[i].NotReady, "OPENAI_API_KEY") || !strings.Contains(list[i].Note, "multilingual") {
		t.Errorf("--json: %+v", list)
	}
	// Without --lang, the voices not ready are summed up per engine.
	_, out, _ = narrate(t, "", "voices")
	if !strings.Contains(out, "google: voices for 18 languages (narrate voices --lang LANG lists them), not ready here: no credentials:") {
		t.Errorf("voices without --lang:\n%s", out)
	}
}
