package publish_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/outfile"
	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/web"
)

// Render writes the audio, the player in the article's language and the
// summary file, and returns the summary it wrote.
func TestRender(t *testing.T) {
	r, doc, eng := fixture(t)
	doc.Lang = "en-GB"
	dir := t.TempDir()
	o := publish.Outputs{Audio: filepath.Join(dir, "tides.mp3"), Summary: filepath.Join(dir, "tides.summary.json")}
	if err := o.AddPlayer(web.Static{}, "-"); err != nil {
		t.Fatal(err)
	}
	if err := publish.Check([]string{"-"}, o, false); err != nil {
		t.Fatal(err)
	}
	choice := tts.Choice{Spec: "fake:", Reason: "voice fake: chosen for a test"}
	sum, err := publish.Render(context.Background(), doc, publish.Job{Renderer: r, Engine: eng, Outputs: o, Voice: choice})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Output != o.Audio || sum.Lang != doc.Lang || sum.VoiceNote != choice.Reason || sum.Engine != eng.ID() ||
		sum.Segments == 0 || sum.DurationSeconds <= 0 || sum.EstimatedCostUSD == nil || *sum.EstimatedCostUSD != 0 {
		t.Errorf("summary %+v", sum)
	}
	data, err := os.ReadFile(o.Summary)
	if err != nil {
		t.Fatal(err)
	}
	var written publish.Summary
	if err := json.Unmarshal(data, &written); err != nil || written.Output != sum.Output || written.Segments != sum.Segments {
		t.Errorf("summary file %s (%v), want %+v", data, err, sum)
	}
	page, err := os.ReadFile(filepath.Join(dir, "tides.html"))
	if err != nil || !strings.Contains(string(page), `lang="`+doc.Lang+`"`) {
		t.Errorf("player page not in the article's language %q (%v)", doc.Lang, err)
	}
	for _, name := range []string{"tides.json", "tides.vtt"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("the player's %s: %v", name, err)
		}
	}
	// Everything now exists but player.js, which is not checked.
	err = publish.Check(nil, o, false)
	var exists *outfile.ExistsError
	if !errors.As(err, &exists) || len(exists.Paths) != len(o.Files())-1 {
		t.Errorf("rerun without overwrite: %v, want every file but player.js of %q", err, o.Files())
	}
}

// AddPlayer names the timings and captions after the audio unless named,
// and refuses a player file that is the input, changing nothing.
func TestAddPlayer(t *testing.T) {
	dir := t.TempDir()
	o := publish.Outputs{Audio: filepath.Join(dir, "a.mp3"), Captions: filepath.Join(dir, "a.srt")}
	if err := o.AddPlayer(web.Static{}, "https://example.com/a"); err != nil {
		t.Fatal(err)
	}
	if o.Timings != filepath.Join(dir, "a.json") || o.Captions != filepath.Join(dir, "a.srt") || o.Player == nil || !filepath.IsAbs(o.Player.Timings) {
		t.Errorf("outputs %+v, player %+v", o, o.Player)
	}
	in := filepath.Join(dir, "b.html")
	if err := os.WriteFile(in, []byte("<p>story</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	o = publish.Outputs{Audio: filepath.Join(dir, "b.mp3")}
	err := o.AddPlayer(web.Static{}, in)
	var same *outfile.SameFileError
	if !errors.As(err, &same) || !same.Input || same.Path != in || o.Player != nil || o.Timings != "" {
		t.Errorf("page over the input: %v, outputs %+v", err, o)
	}
}

// Voice gives its Spec as it is, else the chooser's pick for the
// language, saying where the language came from.
func TestVoiceChoose(t *testing.T) {
	m, err := tts.ParseVoiceMap("fr=fake:low")
	if err != nil {
		t.Fatal(err)
	}
	choose := func(v publish.Voice, lang string) tts.Choice {
		t.Helper()
		c, err := v.Choose(lang)
		if err != nil {
			t.Fatalf("%+v.Choose(%q): %v", v, lang, err)
		}
		return c
	}
	if c := choose(publish.Voice{Spec: "fake:high", Map: m}, "fr"); c.Spec != "fake:high" || c.Reason != "" {
		t.Errorf("given spec: %+v", c)
	}
	if c := choose(publish.Voice{Map: m}, "fr"); c.Spec != "fake:low" || !strings.Contains(c.Reason, "detected") {
		t.Errorf("by the map: %+v", c)
	}
	if c := choose(publish.Voice{Map: m, LangSource: "from the manifest"}, "fr"); !strings.Contains(c.Reason, "from the manifest") {
		t.Errorf("language source: %+v", c)
	}
	// The fake engine offers no voices: naming it alone keeps its default.
	if v := (publish.Voice{Spec: "fake:"}); !v.ByLanguage() || choose(v, "de").Spec != "fake:" {
		t.Errorf("fake: %+v", choose(v, "de"))
	}
	if (publish.Voice{Spec: "fake:high"}).ByLanguage() || !(publish.Voice{}).ByLanguage() {
		t.Error("ByLanguage: a named voice is every article's; no spec follows the language")
	}
}

func TestAudioName(t *testing.T) {
	for _, tc := range []struct{ input, title, format, want string }{
		{"news/story.txt", "Ignored", "mp3", "news/story.mp3"},
		{"story.html", "", "wav", "story.wav"},
		{"-", "Bridge opens: what changes for drivers?", "mp3", "bridge-opens-what-changes-for-drivers.mp3"},
		{"https://example.com/x", "Über den Fluss", "mp3", "über-den-fluss.mp3"},
		{"-", "!!!", "mp3", "narration.mp3"},
		{"-", strings.Repeat("harbour ", 20), "mp3", strings.TrimSuffix(strings.Repeat("harbour-", 7), "-") + ".mp3"},
	} {
		if got := publish.AudioName(tc.input, tc.title, tc.format); got != tc.want {
			t.Errorf("AudioName(%q, %q, %q) = %q, want %q", tc.input, tc.title, tc.format, got, tc.want)
		}
	}
}
