package elevenlabs

import (
	"slices"

	"golang.org/x/text/language"
)

// enforcing are the models that take language_code, which makes them read
// (and normalize numbers and dates) in that language rather than the one
// they guess from the text (ElevenLabs' API reference: Flash and Turbo
// v2.5 only; another model refuses the field).
var enforcing = []string{"eleven_flash_v2_5", "eleven_turbo_v2_5"}

// enforcedLanguages are the languages of Flash and Turbo v2.5 as ISO 639-1
// codes: Multilingual v2's (languages, but Filipino, which has no two-letter
// code) and Hungarian, Norwegian and Vietnamese (ElevenLabs' models page,
// read 2026-12).
var enforcedLanguages = append(slices.DeleteFunc(slices.Clone(languages), func(l string) bool { return len(l) != 2 }), "hu", "no", "vi")

// languageCode is the language_code to send for an article in lang: the
// language= option when given, else, for a model that takes one, lang's
// ISO 639-1 code when the model speaks it (Norwegian Bokmål and Nynorsk
// are "no"), else none.
func (e *Engine) languageCode(lang string) string {
	if e.opts.Language != "" || !slices.Contains(enforcing, e.opts.Model) || lang == "" {
		return e.opts.Language
	}
	t, err := language.Parse(lang)
	if err != nil {
		return ""
	}
	b, _ := t.Base()
	code := b.String()
	if code == "nb" || code == "nn" {
		code = "no"
	}
	if slices.Contains(enforcedLanguages, code) {
		return code
	}
	return ""
}
