package tts

import (
	"strings"

	"golang.org/x/text/language"
)

// MatchLocale returns the entry of locales (BCP 47 tags a voice speaks, as
// a vendor lists them: "en-IN", "hi-IN", "cmn-CN") that reads text in lang
// (an article's language: "hi", "fr-CA"), and false when none speaks its
// language. Of several locales of the language it prefers lang's own
// region, then the language's main one (de-DE for "de"), then the first
// listed; it knows a language's other names (Mandarin's cmn is zh,
// Norwegian no is nb). Drivers use it to tell a multilingual voice which of
// its languages an article is in.
func MatchLocale(lang string, locales []string) (string, bool) {
	want, err := language.Parse(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	if err != nil || lang == "" || len(locales) == 0 {
		return "", false
	}
	tags := make([]language.Tag, 0, len(locales))
	index := make([]int, 0, len(locales))
	for i, l := range locales {
		if t, err := language.Parse(l); err == nil {
			tags = append(tags, t)
			index = append(index, i)
		}
	}
	if len(tags) == 0 {
		return "", false
	}
	_, i, conf := language.NewMatcher(tags).Match(want)
	if conf < language.High {
		return "", false
	}
	return locales[index[i]], true
}
