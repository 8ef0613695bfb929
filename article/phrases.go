package article

import (
	"strings"
	"unicode"
)

// bylinePrefixes is the word narrate says before a byline, by language
// (lower-case BCP 47 language subtag). A language missing here gets the
// byline alone: better no word than an English one on a French article.
var bylinePrefixes = map[string]string{
	"en": "By", "fr": "Par", "de": "Von", "es": "Por", "it": "Di", "pt": "Por",
	"nl": "Door", "pl": "Autor:", "sv": "Av", "da": "Af", "nb": "Av", "no": "Av",
	"nn": "Av", "fi": "Kirjoittanut", "ca": "Per", "ro": "De", "cs": "Autor:",
	"ru": "Автор:", "uk": "Автор:",
}

// andWords is the word that joins the last two of several names, by
// language (lower-case BCP 47 language subtag), for languages that put
// spaces between words.
var andWords = map[string]string{
	"en": "and", "fr": "et", "de": "und", "es": "y", "it": "e", "pt": "e",
	"nl": "en", "pl": "i", "sv": "och", "da": "og", "nb": "og", "no": "og",
	"nn": "og", "fi": "ja", "ca": "i", "ro": "și", "cs": "a", "sk": "a",
	"hu": "és", "tr": "ve", "ru": "и", "uk": "і", "el": "και", "id": "dan",
}

// AndWord returns the word that joins two names in lang (a BCP 47 tag; ""
// is English), or "" when narrate has none for that language.
func AndWord(lang string) string {
	return andWords[phraseLang(lang)]
}

// phraseLang is the key of lang in the tables above: its language subtag,
// "en" for "".
func phraseLang(lang string) string {
	if base := baseLang(lang); base != "" {
		return base
	}
	return "en"
}

// BylinePrefix returns the word spoken before a byline in lang (a BCP 47
// tag; "" is English), or "" when narrate has none for that language.
func BylinePrefix(lang string) string {
	return bylinePrefixes[phraseLang(lang)]
}

// spokenByline is a byline as spoken in lang: the language's prefix word
// and the byline, unless the byline already starts with that word.
func spokenByline(byline, lang string) string {
	spoken := Tidy(byline)
	prefix := BylinePrefix(lang)
	word := strings.TrimRight(prefix, ":")
	if roles := roleSpans(spoken); len(roles) > 0 && roles[0][0] == 0 {
		// "Written by A Edited by B": the roles speak for themselves,
		// each after a pause.
		for i := len(roles) - 1; i > 0; i-- {
			at := roles[i][0]
			head := strings.TrimRight(spoken[:at], " ")
			if !strings.HasSuffix(head, ",") {
				head += ","
			}
			spoken = head + " " + spoken[at:]
		}
		return spoken
	}
	if prefix == "" || hasWordPrefix(spoken, word) {
		return spoken
	}
	return prefix + " " + spoken
}

// hasWordPrefix reports whether s starts with the word w, in any case.
func hasWordPrefix(s, w string) bool {
	if len(s) < len(w) || !strings.EqualFold(s[:len(w)], w) {
		return false
	}
	rest := s[len(w):]
	return rest == "" || !unicode.IsLetter([]rune(rest)[0])
}
