package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/language"
)

// ValidLangTag reports whether tag is a well-formed BCP 47 tag whose
// language is known ("en", "fr-CA", "zh-Hans"; not "english" or "xx").
func ValidLangTag(tag string) bool {
	t, err := language.Parse(tag)
	if err != nil || t == language.Und {
		return false
	}
	_, conf := t.Base()
	return conf != language.No
}

// withLocaleRegion adds to lang, the page's <html lang> when it names no
// country ("en"), the country of the page's og:locale when that is a
// locale of the same language ("en_GB"): a British paper that declares
// only "en" is read with British forms ("one hundred and five", "3/4/2020"
// the third of April). A locale of another language (a site's default
// "en_US" on a German page) or a lang that has its country is left.
func withLocaleRegion(lang string, root *html.Node) string {
	if lang == "" || strings.ContainsAny(lang, "-_") {
		return lang
	}
	loc := ogLocale(root)
	base, region, ok := strings.Cut(strings.ReplaceAll(loc, "_", "-"), "-")
	if !ok || !strings.EqualFold(base, lang) {
		return lang
	}
	reg, err := language.ParseRegion(region)
	if err != nil || !reg.IsCountry() && reg.String() != "419" { // Latin America's Spanish
		return lang
	}
	tag := lang + "-" + reg.String()
	if _, err := language.Parse(tag); err != nil {
		return lang
	}
	return tag
}

// ogLocale returns the content of the page's <meta property="og:locale">.
func ogLocale(n *html.Node) string {
	// Anywhere: a parser moves the head's tags after an element that
	// does not belong there into the body.
	if n.Type == html.ElementNode && nodeAtom(n) == atom.Meta && strings.EqualFold(attr(n, "property"), "og:locale") {
		return strings.TrimSpace(attr(n, "content"))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if l := ogLocale(c); l != "" {
			return l
		}
	}
	return ""
}
