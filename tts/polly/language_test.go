package polly_test

import (
	"context"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/pipeline/pipelinetest"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/polly/pollytest"
)

// A bilingual voice is told the article's language when it is one of its
// additional languages: Kajal reads a Hindi article as Hindi (hi-IN),
// numerals included. Both calls of a clip (audio and speech marks) carry
// it. Her default language (Indian English), a voice of one language, or a
// language the voice does not speak, get no language code, as before: the
// server refuses a code its voice does not speak, as a guard.
func TestBilingualVoiceGetsTheLanguage(t *testing.T) {
	srv := pollytest.New(t, pollytest.Options{})
	for _, tc := range []struct {
		voice, lang, text  string
		wantCode, wantRead string
	}{
		{"Kajal", "hi", "नगर परिषद ने 25 नई बसें खरीदीं।", "hi-IN", "hi-IN"},
		{"Kajal", "hi-IN", "मंगलवार को 3 बजे बैठक हुई।", "hi-IN", "hi-IN"},
		{"Kajal", "en", "The council bought 25 buses.", "", "en-IN"},
		{"Kajal", "de", "Der Rat kaufte 25 Busse.", "", "en-IN"},
		{"Kajal", "", "No language given.", "", "en-IN"},
		{"Joanna", "hi", "नगर परिषद ने 25 नई बसें खरीदीं।", "", "en-US"},
		{"Lea", "fr", "Le conseil a acheté 25 bus.", "", "fr-FR"},
	} {
		t.Run(tc.voice+"/"+tc.lang, func(t *testing.T) {
			e := open(t, srv.Spec(tc.voice, ""))
			n := len(srv.Requests())
			clip, err := e.Synthesize(context.Background(), tts.Request{Text: tc.text, Language: tc.lang})
			if err != nil {
				t.Fatal(err)
			}
			reqs := srv.Requests()[n:]
			if len(reqs) != 2 {
				t.Fatalf("%d calls, want the audio and the speech marks", len(reqs))
			}
			for _, r := range reqs {
				if r.LanguageCode != tc.wantCode || r.Language != tc.wantRead {
					t.Errorf("%s call: LanguageCode %q, read as %s; want %q, read as %s", r.OutputFormat, r.LanguageCode, r.Language, tc.wantCode, tc.wantRead)
				}
			}
			if len(clip.Marks) == 0 || len(clip.Notes) != 0 {
				t.Errorf("%d marks, notes %q", len(clip.Marks), clip.Notes)
			}
		})
	}
	checkServer(t, srv)
}

// The voices are listed once per engine, however many clips it makes.
func TestVoicesListedOnce(t *testing.T) {
	srv := pollytest.New(t, pollytest.Options{PageSize: 100})
	e := open(t, srv.Spec("Kajal", ""))
	for range 3 {
		if _, err := e.Synthesize(context.Background(), tts.Request{Text: "नमस्ते।", Language: "hi"}); err != nil {
			t.Fatal(err)
		}
	}
	if n := srv.Listings(); n != 1 {
		t.Errorf("DescribeVoices asked %d times for 3 clips, want once", n)
	}
}

// Credentials allowed only SynthesizeSpeech cannot list the voices: the
// clip is still made, without a language code, and says why.
func TestLanguageWithoutDescribeVoices(t *testing.T) {
	srv := pollytest.New(t, pollytest.Options{DenyDescribeVoices: true})
	e := open(t, srv.Spec("Kajal", ""))
	clip, err := e.Synthesize(context.Background(), tts.Request{Text: "नगर परिषद ने 25 नई बसें खरीदीं।", Language: "hi"})
	if err != nil {
		t.Fatal(err)
	}
	if r := srv.Requests()[0]; r.LanguageCode != "" {
		t.Errorf("LanguageCode %q sent without knowing the voice's languages", r.LanguageCode)
	}
	if len(clip.Notes) != 1 || !strings.Contains(clip.Notes[0], "the article's language (hi) was not sent") || !strings.Contains(clip.Notes[0], "polly:DescribeVoices") {
		t.Errorf("notes %q, want one saying the language was not sent and why", clip.Notes)
	}
}

// Through the pipeline, a Hindi article's language (detected from its
// text) reaches Polly as hi-IN on every call.
func TestHindiArticleThroughThePipeline(t *testing.T) {
	srv := pollytest.New(t, pollytest.Options{})
	e := open(t, srv.Spec("Kajal", ""))
	res := pipelinetest.Render(t, e, []string{
		"नगर परिषद का फैसला",
		"नगर परिषद ने मंगलवार को शहर के लिए 25 नई बसें खरीदने का फैसला किया। पहली बसें मार्च में सड़कों पर उतरेंगी।",
		"परिषद के अनुसार इस योजना पर 40 करोड़ रुपये खर्च होंगे, और पुराने वाहन अगले साल तक हटा दिए जाएंगे।",
	}, pipeline.Options{})
	if len(res.Timings.Blocks) != 3 {
		t.Fatalf("%d blocks", len(res.Timings.Blocks))
	}
	for _, r := range srv.Requests() {
		if r.LanguageCode != "hi-IN" {
			t.Errorf("a call of the Hindi article went with LanguageCode %q, want hi-IN", r.LanguageCode)
		}
	}
	checkServer(t, srv)
}
