package article

import "golang.org/x/text/language"

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
