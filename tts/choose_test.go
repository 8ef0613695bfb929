package tts_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts"
	_ "github.com/narrate-dev/narrate/tts/espeak"
	_ "github.com/narrate-dev/narrate/tts/flite"
)

// The registered offers of flite and espeak-ng (the drivers this test
// imports; no neural voice is registered here).
func TestChooseRegistered(t *testing.T) {
	for _, tc := range []struct{ lang, spec, reason string }{
		{"", "flite:slt", "voice flite:slt chosen: the language is unknown"},
		{"und", "flite:slt", "voice flite:slt chosen: the language is unknown"},
		{"en", "flite:slt", "voice flite:slt chosen for English (en)"},
		{"en-GB", "flite:slt", "voice flite:slt chosen for English (en-gb)"},
		{"fr", "espeak:fr", "voice espeak:fr chosen for French (fr)"},
		{"fr-CA", "espeak:fr", "voice espeak:fr chosen for French (fr-ca)"},
		{"fr-BE", "espeak:fr-be", "voice espeak:fr-be chosen for French (fr-be)"},
		{"de", "espeak:de", "voice espeak:de chosen for German (de)"},
		{"zh", "espeak:cmn", "voice espeak:cmn chosen for Chinese (zh)"},
		{"zh-Hant-TW", "espeak:cmn", "voice espeak:cmn chosen for Chinese (zh-hant-tw)"},
		{"zh-HK", "espeak:yue", "voice espeak:yue chosen for Chinese (zh-hk)"},
		{"pt_BR", "espeak:pt-br", "voice espeak:pt-br chosen for Portuguese (pt-br)"},
		{"es-MX", "espeak:es-419", "voice espeak:es-419 chosen for Spanish (es-mx)"},
		{"no", "espeak:nb", "voice espeak:nb chosen for Norwegian Bokmål (no)"},
		{"tlh", "flite:slt", "no local voice speaks Klingon (tlh); voice flite:slt reads it as English"},
		{"!!", "flite:slt", "no local voice speaks !! (!!); voice flite:slt reads it as English"},
	} {
		c := tts.Choose(tc.lang, "", tts.VoiceMap{})
		if c.Spec != tc.spec || c.Reason != tc.reason || c.FellBack || c.Suggest() != "" {
			t.Errorf("Choose(%q) = %+v; want %q, %q", tc.lang, c, tc.spec, tc.reason)
		}
	}
}

// Every voice the chooser can pick opens, with the engines installed.
func TestChosenVoicesOpen(t *testing.T) {
	seen := map[string]bool{}
	for _, o := range tts.RegisteredOffers() {
		spec := tts.Choose(o.Lang, "", tts.VoiceMap{}).Spec
		if seen[spec] {
			continue
		}
		seen[spec] = true
		s, err := tts.New(context.Background(), tts.Options{Spec: spec})
		if err != nil {
			t.Errorf("Choose(%q) = %q, which does not open: %v", o.Lang, spec, err)
			continue
		}
		s.Close()
	}
	if len(seen) < 50 {
		t.Errorf("only %d voices chosen across the offers", len(seen))
	}
}

func TestChooseVoiceMap(t *testing.T) {
	m, err := tts.ParseVoiceMap("fr=google:fr-FR-Neural2-A, fr-CA=google:fr-CA-Neural2-B,de=espeak:de?rate=1.1")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, source, spec, reason string }{
		{"fr-CA", "detected", "google:fr-CA-Neural2-B", "voice google:fr-CA-Neural2-B chosen for French (fr-ca, detected) by the voice map entry fr-ca"},
		{"fr-FR", "--lang", "google:fr-FR-Neural2-A", "voice google:fr-FR-Neural2-A chosen for French (fr-fr, --lang) by the voice map entry fr"},
		{"fr", "", "google:fr-FR-Neural2-A", "voice google:fr-FR-Neural2-A chosen for French (fr) by the voice map entry fr"},
		{"de-AT", "manifest", "espeak:de?rate=1.1", "voice espeak:de?rate=1.1 chosen for German (de-at, manifest) by the voice map entry de"},
		{"en", "detected", "flite:slt", "voice flite:slt chosen for English (en, detected)"},
		{"it", "detected", "espeak:it", "voice espeak:it chosen for Italian (it, detected)"},
		{"", "detected", "flite:slt", "voice flite:slt chosen: the language is unknown (detected)"},
	} {
		c := tts.Choose(tc.lang, tc.source, m)
		if c.Spec != tc.spec || c.Reason != tc.reason {
			t.Errorf("Choose(%q, %q) = %q, %q\nwant %q, %q", tc.lang, tc.source, c.Spec, c.Reason, tc.spec, tc.reason)
		}
	}
}

// The chooser's rules, on offers of its own: rank first, then the most
// specific language; a voice not ready is passed over and named; a ready
// listed voice clearly more natural is suggested; listed voices are never
// chosen by themselves.
func TestChooseOffers(t *testing.T) {
	missing := func() error { return errors.New(`neural voice "x" not found; install it with "make voices"`) }
	offers := tts.Offers{
		{Lang: "en", Spec: "local:en", Rank: tts.RankLocal, Quality: 3.4},
		{Lang: "en", Spec: "neural:en", Rank: tts.RankNeural, Quality: 4.5, Ready: missing},
		{Lang: "fr", Spec: "plain:fr", Rank: tts.RankFallback, Quality: 2.5},
		{Lang: "fr-ch", Spec: "plain:fr-ch", Rank: tts.RankFallback},
		{Lang: "fr", Spec: "slow:fr", Rank: tts.RankListed, Quality: 4.2},
		{Lang: "de", Spec: "plain:de", Rank: tts.RankFallback},
		{Lang: "de", Spec: "slow:de", Rank: tts.RankListed, Quality: 4.0, Ready: missing},
		{Lang: "it", Spec: "cloud:it", Rank: tts.RankListed},
		{Lang: "es", Spec: "neural:es", Rank: tts.RankNeural, Quality: 4.3},
		{Lang: "es", Spec: "plain:es", Rank: tts.RankFallback},
	}
	for _, tc := range []struct {
		lang, spec, reason, suggest string
		fellBack                    bool
	}{
		{"en", "local:en", `voice local:en chosen for English (en), because neural:en is not available: neural voice "x" not found; install it with "make voices"`, "", true},
		{"fr", "plain:fr", "voice plain:fr chosen for French (fr)", "a more natural voice for French is installed: slow:fr", false},
		{"fr-CH", "plain:fr-ch", "voice plain:fr-ch chosen for French (fr-ch)", "a more natural voice for French is installed: slow:fr", false},
		{"de", "plain:de", "voice plain:de chosen for German (de)", "", false},
		{"es-MX", "neural:es", "voice neural:es chosen for Spanish (es-mx)", "", false},
		{"it", "local:en", `no local voice speaks Italian (it); voice local:en reads it as English, because neural:en is not available: neural voice "x" not found; install it with "make voices"`, "", true},
	} {
		c := offers.Choose(tc.lang, "", tts.VoiceMap{})
		if c.Spec != tc.spec || c.Reason != tc.reason || c.Suggest() != tc.suggest || c.FellBack != tc.fellBack {
			t.Errorf("Choose(%q) = %+v\nwant %q, %q, suggest %q, fell back %v", tc.lang, c, tc.spec, tc.reason, tc.suggest, tc.fellBack)
		}
		// A suggestion names its voice and language apart too, and no flag.
		if want := tc.suggest != ""; want != (c.Better == "slow:fr" && c.BetterFor == "French") || strings.Contains(c.Suggest(), "--") {
			t.Errorf("Choose(%q): Better %q, BetterFor %q, Suggest %q", tc.lang, c.Better, c.BetterFor, c.Suggest())
		}
	}
	if got := offers.For("fr-ch"); len(got) != 3 || got[0].Spec != "plain:fr-ch" || got[2].Spec != "slow:fr" {
		t.Errorf("For(fr-ch) = %v", got)
	}
	if c := (tts.Offers{}).Choose("en", "", tts.VoiceMap{}); c.Spec != "" {
		t.Errorf("no offers: chose %q", c.Spec)
	}
}

func ExampleChoose() {
	m, err := tts.ParseVoiceMap("fr=google:fr-FR-Neural2-A,fr-CA=google:fr-CA-Neural2-B")
	if err != nil {
		panic(err)
	}
	for _, lang := range []string{"fr-CA", "fr", "de", "en", ""} {
		c := tts.Choose(lang, "detected", m)
		fmt.Println(c.Spec, "|", c.Reason)
	}
	// Output:
	// google:fr-CA-Neural2-B | voice google:fr-CA-Neural2-B chosen for French (fr-ca, detected) by the voice map entry fr-ca
	// google:fr-FR-Neural2-A | voice google:fr-FR-Neural2-A chosen for French (fr, detected) by the voice map entry fr
	// espeak:de | voice espeak:de chosen for German (de, detected)
	// flite:slt | voice flite:slt chosen for English (en, detected)
	// flite:slt | voice flite:slt chosen: the language is unknown (detected)
}

// A spec naming only an engine reads the text with that engine's voice
// for its language, keeps the spec's options, and says so; a voice named
// is used as it is; an engine with no voice for the language is an error.
func TestChooseEngine(t *testing.T) {
	offers := tts.Offers{
		{Lang: "en", Spec: "cloud:En-Voice", Rank: tts.RankListed},
		{Lang: "en-gb", Spec: "cloud:Gb-Voice", Rank: tts.RankListed},
		{Lang: "de", Spec: "cloud:De-Voice", Rank: tts.RankListed},
		{Lang: "pt", Spec: "cloud:Br-Voice", Rank: tts.RankListed, Note: "Brazilian"},
		{Lang: "de", Spec: "local:de", Rank: tts.RankFallback},
	}
	for _, tc := range []struct{ spec, lang, source, want, reason string }{
		{"cloud:", "de", "detected", "cloud:De-Voice", "voice cloud:De-Voice chosen for German (de, detected) as cloud's voice for the language"},
		{"cloud", "de-AT", "--lang", "cloud:De-Voice", "voice cloud:De-Voice chosen for German (de-at, --lang) as cloud's voice for the language"},
		{"cloud:", "en-GB", "", "cloud:Gb-Voice", "voice cloud:Gb-Voice chosen for English (en-gb) as cloud's voice for the language"},
		{"cloud:", "en-US", "", "cloud:En-Voice", "voice cloud:En-Voice chosen for English (en-us) as cloud's voice for the language"},
		{"cloud:", "pt-PT", "", "cloud:Br-Voice", "voice cloud:Br-Voice chosen for Portuguese (pt-pt) as cloud's voice for the language (Brazilian)"},
		{"cloud:", "", "detected", "cloud:En-Voice", "voice cloud:En-Voice chosen: the language is unknown (detected), so cloud's English voice reads it"},
		{"cloud:?region=eu&rate=1.1", "de", "", "cloud:De-Voice?rate=1.1&region=eu", "voice cloud:De-Voice?rate=1.1&region=eu chosen for German (de) as cloud's voice for the language"},
		{"cloud:?base=https://u:secret@h/v1", "de", "", "cloud:De-Voice?base=https%3A%2F%2Fu%3Asecret%40h%2Fv1", "voice cloud:De-Voice?base=https%3A%2F%2Fxxxxx%40h%2Fv1 chosen for German (de) as cloud's voice for the language"},
		{"cloud:Named-Voice", "de", "", "cloud:Named-Voice", ""},
		{"cloud:Named-Voice?rate=2", "fr", "", "cloud:Named-Voice?rate=2", ""},
		{"other:", "de", "", "other:", ""}, // offers nothing: its own default
		{"local:", "de", "", "local:de", "voice local:de chosen for German (de) as local's voice for the language"},
	} {
		c, err := offers.ChooseEngine(tc.spec, tc.lang, tc.source)
		if err != nil || c.Spec != tc.want || c.Reason != tc.reason || c.FellBack || c.Better != "" {
			t.Errorf("ChooseEngine(%q, %q) = %+v, %v\nwant %q, %q", tc.spec, tc.lang, c, err, tc.want, tc.reason)
		}
		if tts.EngineOnly(tc.spec) != (tc.reason != "" || tc.spec == "other:") {
			t.Errorf("EngineOnly(%q) = %v", tc.spec, tts.EngineOnly(tc.spec))
		}
	}
	for _, tc := range []struct{ spec, lang, err string }{
		{"cloud:", "fr", "cloud offers no voice for French (fr, detected); its voices are for de, en, en-gb, pt"},
		{"local:", "", "local offers no voice for English (the language is unknown); its voices are for de"},
	} {
		_, err := offers.ChooseEngine(tc.spec, tc.lang, "detected")
		var nv *tts.NoVoiceError
		if !errors.As(err, &nv) || err.Error() != tc.err || !errors.Is(err, tts.ErrUnknownVoice) || !errors.Is(err, tts.ErrBadSpec) {
			t.Errorf("ChooseEngine(%q, %q) error %v\nwant %q", tc.spec, tc.lang, err, tc.err)
		}
	}
	if _, err := offers.ChooseEngine("", "de", ""); !errors.Is(err, tts.ErrBadSpec) {
		t.Errorf("empty spec: %v", err)
	}
}

// A voice map entry naming only an engine is its voice for the article's
// language, and one for a language the engine has no voice for is refused
// when the map is read.
func TestVoiceMapEngineOnly(t *testing.T) {
	m, err := tts.ParseVoiceMap("de=espeak:,fr=espeak:?rate=1.2,it=flite:slt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ lang, spec, reason string }{
		{"de-AT", "espeak:de", "voice espeak:de chosen for German (de-at, detected) by the voice map entry de"},
		{"fr-BE", "espeak:fr-be?rate=1.2", "voice espeak:fr-be?rate=1.2 chosen for French (fr-be, detected) by the voice map entry fr"},
		{"it", "flite:slt", "voice flite:slt chosen for Italian (it, detected) by the voice map entry it"},
	} {
		c := tts.Choose(tc.lang, "detected", m)
		if c.Spec != tc.spec || c.Reason != tc.reason {
			t.Errorf("Choose(%q) = %q, %q\nwant %q, %q", tc.lang, c.Spec, c.Reason, tc.spec, tc.reason)
		}
	}
	_, err = tts.ParseVoiceMap("de=flite:")
	if !errors.Is(err, tts.ErrUnknownVoice) || !strings.Contains(err.Error(), `voice map entry "de=flite:": flite offers no voice for German (de); its voices are for en`) {
		t.Errorf("de=flite: %v", err)
	}
	if _, err := tts.ParseVoiceMap("de=nosuch:,fr=fake:"); err != nil {
		t.Errorf("engines without offers: %v", err)
	}
}
