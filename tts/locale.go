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

// VoiceLanguager is implemented by drivers that know, from a voice's name
// or its files and without asking the vendor, the language a voice speaks:
// Google's and Azure's voice names start with it ("en-GB-Neural2-A"),
// Piper's voice config names it, Kokoro's first letter says it ("bf_emma":
// British English), espeak-ng's voice names are language tags. The
// pipeline reads an article whose language names no country ("en") with
// the forms of the voice's country ("four nil" for a British voice).
type VoiceLanguager interface {
	// VoiceLanguage is the BCP 47 tag of the language voice speaks ("" for
	// the driver's own voice), with its country where the voice has one;
	// "" when the driver cannot tell.
	VoiceLanguage(voice string) string
}

// VoiceLanguage is the language voice speaks ("" for the Engine's own
// voice), as its driver tells it (VoiceLanguager); "" when it cannot.
func (e *Engine) VoiceLanguage(voice string) string {
	if v, ok := e.d.(VoiceLanguager); ok {
		return v.VoiceLanguage(voice)
	}
	return ""
}
