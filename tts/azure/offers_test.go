package azure_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/azure"
	"github.com/narrate-dev/narrate/tts/azure/azuretest"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// Azure's offered voices: one neural voice per language narrate covers,
// each chosen by `--voice azure:` for its language and spoken against the
// test server, and Ready only with a key and a region in the environment.
func TestOffers(t *testing.T) {
	t.Setenv(azure.DefaultKeyEnv, "")
	t.Setenv(azure.RegionEnv, "")
	ttstest.CheckCloudReady(t, "azure")
	t.Setenv(azure.DefaultKeyEnv, "k")
	if err := ttstest.Offers(t, "azure")[0].Ready(); err == nil || !strings.Contains(err.Error(), azure.RegionEnv+" is not set") {
		t.Errorf("key without region: Ready() = %v", err)
	}
	t.Setenv(azure.RegionEnv, "westeurope")
	if err := ttstest.Offers(t, "azure")[0].Ready(); err != nil {
		t.Errorf("key and region set: Ready() = %v", err)
	}

	var voices []azuretest.Voice
	for _, o := range ttstest.Offers(t, "azure") {
		sp, _ := tts.ParseSpec(o.Spec)
		parts := strings.SplitN(sp.Voice, "-", 3)
		if !slices.ContainsFunc(voices, func(v azuretest.Voice) bool { return v.ShortName == sp.Voice }) {
			voices = append(voices, azuretest.Voice{ShortName: sp.Voice, Gender: "Female", Locale: parts[0] + "-" + parts[1]})
		}
	}
	srv := azuretest.New(t, azuretest.Options{Voices: voices})
	spoken := ttstest.RunCloudOffers(t, srv.Spec("", ""), ttstest.CloudLanguages)
	var seen []string
	for _, r := range srv.Requests() {
		seen = append(seen, r.Voice)
	}
	ttstest.SameVoices(t, spoken, seen)
}
