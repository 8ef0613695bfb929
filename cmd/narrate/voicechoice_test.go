package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/pipeline"
)

// Without --voice, a French or German page is read by espeak-ng's voice for
// its language, with the byline after that language's word for "By", and
// the summary says which voice was chosen and why.
func TestRenderChoosesVoiceByLanguage(t *testing.T) {
	corpus := "../../../shared/corpus/readability"
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("../shared/corpus not present: ", err)
	}
	for _, tc := range []struct{ page, engine, note, byline string }{
		{"lemonde-1", "espeak:fr?", "voice espeak:fr chosen for French (fr, detected)", "Par Martin Untersinger"},
		{"heise", "espeak:de?", "voice espeak:de chosen for German (de, detected)", "Von "},
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
			var s pipeline.Summary
			readJSON(t, sum, &s)
			if !strings.HasPrefix(s.Engine, tc.engine) || s.VoiceNote != tc.note || s.Lang == "" {
				t.Errorf("summary engine %q, lang %q, voice note %q; want %s…, %q", s.Engine, s.Lang, s.VoiceNote, tc.engine, tc.note)
			}
			var tm pipeline.Timings
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
