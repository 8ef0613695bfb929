package azure_test

import (
	"context"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/pipeline/pipelinetest"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/azure/azuretest"
)

// A multilingual voice reading an article in another of its languages is
// told it with <lang xml:lang> (a German article: de-DE), outside the
// prosody, which may not hold it; an article in its own language, a voice
// of one language, or a language the voice does not speak, get none, and
// the server refuses <lang> where Azure does not take it. The voice list
// is asked only when an article is not in the voice's own language, and
// then once.
func TestMultilingualVoiceGetsTheLanguage(t *testing.T) {
	srv := azuretest.New(t, azuretest.Options{})
	for _, tc := range []struct {
		voice, extra, lang, text string
		wantLang, wantRead       string
		wantListings             int
	}{
		{ava, "", "en", "The council bought 25 buses.", "", "en-US", 0},
		{ava, "", "en-US", "The council bought 25 buses.", "", "en-US", 0},
		{ava, "", "de", "Der Rat kaufte 25 Busse.", "de-DE", "de-DE", 1},
		{ava, "rate=1.2", "de-AT", "Der Rat kaufte 25 Busse.", "de-DE", "de-DE", 1},
		{ava, "", "fr-CA", "Le conseil a acheté 25 autobus.", "fr-FR", "fr-FR", 1},
		{ava, "", "hi", "नगर परिषद ने 25 नई बसें खरीदीं।", "", "en-US", 1},
		{"en-US-JennyNeural", "style=newscast", "de", "Der Rat kaufte 25 Busse.", "", "en-US", 1},
		{"fr-FR-DeniseNeural", "", "fr", "Le conseil a acheté 25 bus.", "", "fr-FR", 0},
	} {
		t.Run(tc.voice+"/"+tc.lang, func(t *testing.T) {
			e := open(t, srv.Spec(tc.voice, tc.extra))
			n, listed := len(srv.Requests()), srv.Listings()
			for range 2 {
				if _, err := e.Synthesize(context.Background(), tts.Request{Text: tc.text, Language: tc.lang}); err != nil {
					t.Fatal(err)
				}
			}
			for _, r := range srv.Requests()[n:] {
				hasLang := strings.Contains(r.SSML, `<lang xml:lang="`+tc.wantLang+`">`)
				if r.Language != tc.wantRead || (tc.wantLang != "") != hasLang || tc.wantLang == "" && strings.Contains(r.SSML, "<lang") {
					t.Errorf("read as %s, want %s; SSML %s", r.Language, tc.wantRead, r.SSML)
				}
			}
			if got := srv.Listings() - listed; got != tc.wantListings {
				t.Errorf("the voice list was asked %d times for two clips, want %d", got, tc.wantListings)
			}
		})
	}
}

// Through the pipeline, a German article (its language detected from the
// text) read by the default, multilingual voice reaches Azure as de-DE on
// every request.
func TestGermanArticleThroughThePipeline(t *testing.T) {
	srv := azuretest.New(t, azuretest.Options{})
	e := open(t, srv.Spec(ava, ""))
	pipelinetest.Render(t, e, []string{
		"Neue Busse für die Stadt",
		"Der Stadtrat hat am Dienstag beschlossen, 25 neue Busse zu kaufen. Die ersten sollen im März fahren.",
		"Nach Angaben der Verwaltung kostet das Vorhaben 40 Millionen Euro, und die alten Fahrzeuge werden bis zum nächsten Jahr ausgemustert.",
	}, pipeline.Options{})
	for _, r := range srv.Requests() {
		if r.Status != 200 || r.Language != "de-DE" {
			t.Errorf("a request of the German article: status %d, read as %s, want de-DE", r.Status, r.Language)
		}
	}
}
