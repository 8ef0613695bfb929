package polly_test

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/polly/pollytest"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// Polly's offered voices: one neural voice per language narrate covers,
// each chosen by `--voice polly:` for its language and spoken against the
// test server (which has them as neural voices), and Ready only when the
// SDK's default chain has credentials to find here.
func TestOffers(t *testing.T) {
	dir := t.TempDir()
	for _, v := range []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"} {
		t.Setenv(v, "")
	}
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "no-config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "no-credentials"))
	ttstest.CheckCloudReady(t, "polly")

	var voices []pollytest.Voice
	for _, o := range ttstest.Offers(t, "polly") {
		sp, _ := tts.ParseSpec(o.Spec)
		if !slices.ContainsFunc(voices, func(v pollytest.Voice) bool { return v.ID == sp.Voice }) {
			voices = append(voices, pollytest.Voice{ID: sp.Voice, Gender: "Female", LanguageCode: o.Lang, Engines: []string{"neural"}})
		}
	}
	srv := pollytest.New(t, pollytest.Options{Voices: voices})
	if err := ttstest.Offers(t, "polly")[0].Ready(); err != nil {
		t.Errorf("with AWS_ACCESS_KEY_ID set: Ready() = %v", err)
	}
	spoken := ttstest.RunCloudOffers(t, srv.Spec("", ""), ttstest.CloudLanguages)
	var seen []string
	for _, r := range srv.Requests() {
		if r.Engine != "neural" {
			t.Errorf("%s asked for with engine %q, want neural", r.VoiceID, r.Engine)
		}
		seen = append(seen, r.VoiceID)
	}
	ttstest.SameVoices(t, spoken, seen)
}
