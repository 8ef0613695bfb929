package tts_test

import (
	"slices"
	"testing"

	"github.com/narrate-dev/narrate/tts"
)

func TestMatchLocale(t *testing.T) {
	for _, tc := range []struct {
		lang    string
		locales []string
		want    string // "" for none
	}{
		{"hi", []string{"en-IN", "hi-IN"}, "hi-IN"},
		{"hi-IN", []string{"en-IN", "hi-IN"}, "hi-IN"},
		{"en", []string{"en-IN", "hi-IN"}, "en-IN"},
		{"en-GB", []string{"en-IN", "hi-IN"}, "en-IN"},
		{"de", []string{"en-IN", "hi-IN"}, ""},
		{"de", []string{"en-US", "fr-FR", "de-AT", "de-DE", "de-CH"}, "de-DE"},
		{"de-CH", []string{"en-US", "de-DE", "de-CH"}, "de-CH"},
		{"fr-CA", []string{"en-US", "fr-FR"}, "fr-FR"},
		{"en-gb", []string{"en-US", "en-GB"}, "en-GB"},
		{"pt_BR", []string{"pt-PT", "pt-BR"}, "pt-BR"},
		{"zh", []string{"en-US", "cmn-CN"}, "cmn-CN"},
		{"no", []string{"nb-NO"}, "nb-NO"},
		{"ar", []string{"ar-AE", "en-US"}, "ar-AE"},
		{"", []string{"en-US"}, ""},
		{"klingon!", []string{"en-US"}, ""},
		{"en", nil, ""},
		{"en", []string{"not a tag!"}, ""},
	} {
		got, ok := tts.MatchLocale(tc.lang, tc.locales)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("MatchLocale(%q, %q) = %q, %v; want %q", tc.lang, tc.locales, got, ok, tc.want)
		}
	}
}

// FuzzMatchLocale: an article's language tag is untrusted input; whatever
// it is, MatchLocale answers one of the locales it was given, or none.
func FuzzMatchLocale(f *testing.F) {
	for _, s := range []string{"hi", "en-GB", "zh-Hant-TW", "x-klingon", "", "de-DE-u-co-phonebk", "pt_BR", "\xff"} {
		f.Add(s)
	}
	locales := []string{"en-IN", "hi-IN", "cmn-CN", "de-DE", "en-GB-WLS"}
	f.Fuzz(func(t *testing.T, lang string) {
		got, ok := tts.MatchLocale(lang, locales)
		if ok != (got != "") || ok && !slices.Contains(locales, got) {
			t.Errorf("MatchLocale(%q) = %q, %v", lang, got, ok)
		}
	})
}

// languaged is a driver that knows its voices' languages.
type languaged struct{ scripted }

func (*languaged) VoiceLanguage(voice string) string {
	if voice == "" {
		return "en-GB"
	}
	return "en-US"
}

func TestEngineVoiceLanguage(t *testing.T) {
	e := engine(t, &languaged{}, tts.Options{})
	if got := e.VoiceLanguage(""); got != "en-GB" {
		t.Errorf("own voice: %q, want en-GB", got)
	}
	if got := e.VoiceLanguage("other"); got != "en-US" {
		t.Errorf("voice other: %q, want en-US", got)
	}
	// A driver that cannot tell says nothing.
	if got := engine(t, &scripted{}, tts.Options{}).VoiceLanguage(""); got != "" {
		t.Errorf("driver without VoiceLanguage: %q, want \"\"", got)
	}
}
