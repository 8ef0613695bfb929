package kokoro_test

import (
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/neural"
	"github.com/narrate-dev/narrate/tts/kokoro"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// TestConformance runs the whole suite, some six minutes of CPU for this
// model (it synthesizes a few minutes of speech at about 1.3 s of CPU per
// second of audio), so only when NARRATE_KOKORO_CONFORMANCE=1; the tests
// below exercise the engine on every run where the model is installed.
func TestConformance(t *testing.T) {
	if os.Getenv("NARRATE_KOKORO_CONFORMANCE") != "1" {
		t.Skip("set NARRATE_KOKORO_CONFORMANCE=1 to run the conformance suite on Kokoro (several CPU minutes)")
	}
	ttstest.RunConformance(t, func(t *testing.T) tts.Driver {
		return open(t, "")
	}, ttstest.Options{CallTimeout: 20 * time.Minute, Deterministic: true})
}

func TestSpeaks(t *testing.T) {
	e := open(t, "")
	text := "Good evening. Here is the news."
	req := tts.Request{Text: text}
	clip, err := ttstest.Engine(t, e).Synthesize(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if !ttstest.CheckClip(t, req, clip) {
		t.FailNow()
	}
	if clip.Audio.Rate != kokoro.SampleRate {
		t.Errorf("clip at %d Hz, want %d", clip.Audio.Rate, kokoro.SampleRate)
	}
	if d := clip.Duration(); d < time.Second || d > 6*time.Second {
		t.Errorf("six words last %v", d)
	}
	var sentences []string
	words := 0
	for _, m := range clip.Marks {
		switch m.Kind {
		case tts.MarkSentence:
			sentences = append(sentences, text[m.Start:m.End])
		case tts.MarkWord:
			words++
		}
	}
	if strings.Join(sentences, "|") != "Good evening.|Here is the news." || words != 6 {
		t.Errorf("sentence marks %q and %d word marks; want both sentences and 6 words", sentences, words)
	}
	if len(clip.Notes) != 1 || !strings.Contains(clip.Notes[0], "estimated") {
		t.Errorf("notes %q: want only the note that word timings are estimated (no phoneme skipped)", clip.Notes)
	}
	again, err := ttstest.Engine(t, e).Synthesize(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(again.Audio.Samples, clip.Audio.Samples) || !slices.Equal(again.Marks, clip.Marks) {
		t.Error("the same request twice gave different clips (the package doc says it is deterministic)")
	}
}

func TestMissingAssets(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("NARRATE_VOICES", dir)
	_, err := kokoro.New("bf_emma")
	var nf *neural.NotFoundError
	if !errors.As(err, &nf) || !strings.Contains(err.Error(), dir+"/kokoro/voices/bf_emma.bin") || !strings.Contains(err.Error(), "make voices") {
		t.Errorf("error %v, want one naming %s/kokoro/voices/bf_emma.bin and `make voices`", err, dir)
	}
	// Japanese and Mandarin voices are looked for like any other (espeak-ng
	// phonemizes them); a name that is no Kokoro voice is refused first.
	for _, voice := range []string{"jf_alpha", "zf_xiaobei"} {
		if _, err := kokoro.New(voice); !errors.As(err, &nf) {
			t.Errorf("voice %q: error %v, want the files not found", voice, err)
		}
	}
	for _, voice := range []string{"xx_nobody", "heart", "a/_x"} {
		if _, err := kokoro.New(voice); err == nil || errors.As(err, &nf) {
			t.Errorf("voice %q: error %v, want a refusal before looking for files", voice, err)
		}
	}
}

func TestVoices(t *testing.T) {
	e := open(t, "bf_emma")
	vs, err := e.Voices(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]tts.Voice{}
	for _, v := range vs {
		byName[v.Name] = v
	}
	if v := byName["bf_emma"]; v.Gender != "female" || len(v.Languages) != 1 || v.Languages[0] != "en-GB" {
		t.Errorf("bf_emma listed as %+v", v)
	}
	if v := byName["am_michael"]; v.Gender != "male" || v.Languages[0] != "en-US" {
		t.Errorf("am_michael listed as %+v", v)
	}
	if v := byName["jf_alpha"]; len(v.Languages) != 1 || v.Languages[0] != "ja" {
		t.Errorf("jf_alpha listed as %+v", v)
	}
	if v := byName["zf_xiaoxiao"]; len(v.Languages) != 1 || v.Languages[0] != "zh" {
		t.Errorf("zf_xiaoxiao listed as %+v", v)
	}
}
