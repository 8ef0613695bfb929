package article

import "testing"

func TestValidLangTag(t *testing.T) {
	for tag, want := range map[string]bool{
		"en": true, "fr-CA": true, "pt-BR": true, "zh-Hans": true, "cmn": true, "de": true,
		"": false, "english": false, "xx": false, "und": false, "e": false, "en-": false, "fr_FR!": false,
	} {
		if got := ValidLangTag(tag); got != want {
			t.Errorf("ValidLangTag(%q) = %v, want %v", tag, got, want)
		}
	}
}
