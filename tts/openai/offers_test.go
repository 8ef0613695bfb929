package openai_test

import (
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/openai"
	"github.com/narrate-dev/narrate/tts/openai/openaitest"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// OpenAI offers its default voice for every language its speech models
// speak, says in every choice that the voice is multilingual and optimized
// for English, and is Ready only with the API key in the environment.
func TestOffers(t *testing.T) {
	t.Setenv(openai.DefaultKeyEnv, "")
	ttstest.CheckCloudReady(t, "openai")
	for _, o := range ttstest.Offers(t, "openai") {
		if o.Spec != "openai:"+openai.DefaultVoice || !strings.Contains(o.Note, "optimized for English") {
			t.Errorf("offer for %s: %s, note %q", o.Lang, o.Spec, o.Note)
		}
	}
	t.Setenv(openai.DefaultKeyEnv, "k")
	if err := ttstest.Offers(t, "openai")[0].Ready(); err != nil {
		t.Errorf("with the key set: Ready() = %v", err)
	}

	srv := openaitest.New(t, openaitest.Options{})
	spoken := ttstest.RunCloudOffers(t, srv.Spec("", ""), ttstest.CloudLanguages)
	var seen []string
	for _, r := range srv.Requests() {
		seen = append(seen, r.Voice)
	}
	ttstest.SameVoices(t, spoken, seen)
	c, err := tts.ChooseEngine(srv.Spec("", ""), "de", "detected")
	if err != nil || !strings.Contains(c.Reason, "German (de, detected)") || !strings.Contains(c.Reason, "optimized for English") {
		t.Errorf("ChooseEngine(German) = %+v, %v", c, err)
	}
}
