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

// A page that declares its language without a country takes the country
// of its og:locale when that is a locale of the same language.
func TestLangTakesLocaleRegion(t *testing.T) {
	body := `<body><article><h1>Rail strike</h1><p>Trains across the country stopped on Tuesday as drivers walked out over pay for the third time this year.</p></article></body></html>`
	for _, c := range []struct{ head, want string }{
		{`<html lang="en"><head><meta property="og:locale" content="en_GB">`, "en-GB"},
		{`<html lang="en"><head><meta property="og:locale" content="en-au">`, "en-AU"},
		{`<html lang="en"><head><span></span><meta property="og:locale" content="en_GB">`, "en-GB"}, // parsed into the body
		{`<html lang="de"><head><meta property="og:locale" content="en_US">`, "de"},                 // a site's default, another language
		{`<html lang="en-US"><head><meta property="og:locale" content="en_GB">`, "en-US"},
		{`<html lang="en"><head><meta property="og:locale" content="en">`, "en"},
		{`<html lang="en"><head><meta property="og:locale" content="en_XX">`, "en"},
		{`<html lang="en"><head>`, "en"},
	} {
		doc, err := Parse([]byte(c.head+`<title>Rail strike</title></head>`+body), "page.html", LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Lang != c.want {
			t.Errorf("%s: lang %q, want %q", c.head, doc.Lang, c.want)
		}
	}
}
