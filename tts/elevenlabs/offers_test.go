package elevenlabs_test

import (
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/elevenlabs"
	"github.com/narrate-dev/narrate/tts/elevenlabs/elevenlabstest"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// ElevenLabs offers one multilingual voice for every language of its
// default model, says so in every choice, and is Ready only with the API
// key in the environment.
func TestOffers(t *testing.T) {
	t.Setenv(elevenlabs.DefaultKeyEnv, "")
	ttstest.CheckCloudReady(t, "elevenlabs")
	for _, o := range ttstest.Offers(t, "elevenlabs") {
		if o.Spec != "elevenlabs:"+elevenlabs.DefaultVoice || !strings.Contains(o.Note, "multilingual") {
			t.Errorf("offer for %s: %s, note %q; want the default voice, said to be multilingual", o.Lang, o.Spec, o.Note)
		}
	}
	t.Setenv(elevenlabs.DefaultKeyEnv, "k")
	if err := ttstest.Offers(t, "elevenlabs")[0].Ready(); err != nil {
		t.Errorf("with the key set: Ready() = %v", err)
	}

	srv := elevenlabstest.New(t, elevenlabstest.Options{})
	spoken := ttstest.RunCloudOffers(t, srv.Spec("", ""), ttstest.CloudLanguages)
	var seen []string
	for _, r := range srv.Requests() {
		seen = append(seen, r.VoiceID)
	}
	ttstest.SameVoices(t, spoken, seen)
	c, err := tts.ChooseEngine(srv.Spec("", ""), "pl", "detected")
	if err != nil || !strings.Contains(c.Reason, "Polish (pl, detected)") || !strings.Contains(c.Reason, "multilingual") {
		t.Errorf("ChooseEngine(Polish) = %+v, %v; want a reason saying the voice is multilingual", c, err)
	}
}
