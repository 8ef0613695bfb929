package google_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"cloud.google.com/go/texttospeech/apiv1/texttospeechpb"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/google/googletest"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// noGoogleCredentials leaves Application Default Credentials nothing to
// find but a metadata server, which the offers' Ready does not ask.
func noGoogleCredentials(t *testing.T) {
	t.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "")
	t.Setenv("CLOUDSDK_CONFIG", t.TempDir())
	t.Setenv("GCE_METADATA_HOST", "")
}

// Google's offered voices: one per language narrate covers, each chosen
// by `--voice google:` for its language, spoken against the test server
// (which lists them under the languages their names carry), and Ready only
// when credentials are where Application Default Credentials look.
func TestOffers(t *testing.T) {
	noGoogleCredentials(t)
	var voices []*texttospeechpb.Voice
	for _, o := range ttstest.Offers(t, "google") {
		sp, _ := tts.ParseSpec(o.Spec)
		parts := strings.SplitN(sp.Voice, "-", 3)
		if !slices.ContainsFunc(voices, func(v *texttospeechpb.Voice) bool { return v.Name == sp.Voice }) {
			voices = append(voices, &texttospeechpb.Voice{Name: sp.Voice, LanguageCodes: []string{parts[0] + "-" + parts[1]}, NaturalSampleRateHertz: 24000})
		}
	}
	ttstest.CheckCloudReady(t, "google")
	srv := googletest.New(t, googletest.Options{Voices: voices})
	spoken := ttstest.RunCloudOffers(t, srv.Spec("", ""), ttstest.CloudLanguages)
	var seen []string
	for _, r := range srv.Requests() {
		v := r.Req.GetVoice()
		if !strings.HasPrefix(v.GetName(), v.GetLanguageCode()+"-") {
			t.Errorf("voice %q asked for in %q", v.GetName(), v.GetLanguageCode())
		}
		seen = append(seen, v.GetName())
	}
	ttstest.SameVoices(t, spoken, seen)
	checkNoViolations(t, srv)

	key := filepath.Join(t.TempDir(), "key.json")
	if err := os.WriteFile(key, []byte("{}"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOOGLE_APPLICATION_CREDENTIALS", key)
	if o := ttstest.Offers(t, "google")[0]; o.Ready() != nil {
		t.Errorf("with a key file: Ready() = %v", o.Ready())
	}
}
