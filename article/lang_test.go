package article

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLangSampleBounded: the language detector reads a bounded sample of
// a document, however long its paragraphs: a 10 MB paragraph was read
// whole (about a second of the POST that carried it).
func TestLangSampleBounded(t *testing.T) {
	long := strings.Repeat("Le conseil municipal s'est réuni hier soir pour discuter du nouveau port. "+
		"Les habitants du quartier ont demandé davantage de bus et moins de voitures dans les rues. "+
		"Selon le maire, les travaux commenceront au printemps prochain si le budget le permet. ", 8000)
	for _, d := range []*Document{
		{Title: long},
		{Title: "Conseil", Blocks: []Block{{Text: long}}},
		{Blocks: []Block{{Text: "Court."}, {Text: long}, {Text: long}}},
	} {
		s := langSample(d)
		if len(s) > maxLangSample || len(s) < 4000 || !utf8.ValidString(s) {
			t.Errorf("sample of %d bytes (valid UTF-8: %v)", len(s), utf8.ValidString(s))
		}
		if got := detectLang(d); got != "fr" {
			t.Errorf("language %q, want fr", got)
		}
	}
}
