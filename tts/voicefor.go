package tts

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// EnglishVoice is the voice DefaultVoice picks for English, and for text
// whose language is unknown: flite's slt, the local voice a listener
// follows most easily.
const EnglishVoice = "flite:slt"

// espeakVoices maps lower-case BCP 47 tags to the espeak-ng voice for them,
// for languages espeak-ng speaks (`espeak-ng --voices`), English aside. A
// tag missing here is looked up by its language alone.
var espeakVoices = map[string]string{
	"af": "af", "am": "am", "an": "an", "ar": "ar", "as": "as", "az": "az", "ba": "ba", "be": "be",
	"bg": "bg", "bn": "bn", "bs": "bs", "ca": "ca", "cs": "cs", "cv": "cv", "cy": "cy", "da": "da",
	"de": "de", "el": "el", "eo": "eo", "es": "es", "et": "et", "eu": "eu", "fa": "fa", "fi": "fi",
	"fr": "fr", "fr-be": "fr-be", "fr-ch": "fr-ch", "ga": "ga", "gd": "gd", "gn": "gn", "gu": "gu",
	"he": "he", "iw": "he", "hi": "hi", "hr": "hr", "ht": "ht", "hu": "hu", "hy": "hy", "ia": "ia",
	"id": "id", "in": "id", "io": "io", "is": "is", "it": "it", "ja": "ja", "ka": "ka", "kk": "kk",
	"kl": "kl", "kn": "kn", "ko": "ko", "ku": "ku", "ky": "ky", "la": "la", "lb": "lb", "lt": "lt",
	"lv": "lv", "mi": "mi", "mk": "mk", "ml": "ml", "mr": "mr", "ms": "ms", "mt": "mt", "my": "my",
	"nb": "nb", "no": "nb", "nn": "nb", "ne": "ne", "nl": "nl", "om": "om", "or": "or", "pa": "pa",
	"pl": "pl", "pt": "pt", "pt-br": "pt-br", "qu": "qu", "ro": "ro", "ru": "ru", "sd": "sd",
	"si": "si", "sk": "sk", "sl": "sl", "sq": "sq", "sr": "sr", "sv": "sv", "sw": "sw", "ta": "ta",
	"te": "te", "th": "th", "tk": "tk", "tn": "tn", "tr": "tr", "tt": "tt", "ug": "ug", "uk": "uk",
	"ur": "ur", "uz": "uz", "vi": "vi",
	// Chinese: Mandarin unless the tag says Cantonese.
	"zh": "cmn", "cmn": "cmn", "zh-hk": "yue", "zh-mo": "yue", "yue": "yue",
	// Spanish of the Americas.
	"es-419": "es-419", "es-mx": "es-419", "es-ar": "es-419", "es-co": "es-419", "es-cl": "es-419",
	"es-pe": "es-419", "es-ve": "es-419", "es-us": "es-419",
}

// DefaultVoice returns the local voice for text in lang (a BCP 47 tag, ""
// when unknown) and a phrase saying why: English and unknown languages get
// EnglishVoice, other languages espeak-ng's voice for them, and a language
// no local voice speaks gets EnglishVoice with a reason that says so.
func DefaultVoice(lang string) (spec, reason string) {
	return ChooseVoice(lang, "", VoiceMap{})
}

// ChooseVoice picks the voice for text in lang: the most specific entry of m
// for lang, else DefaultVoice's. source says where lang came from
// ("detected", "--lang", "manifest"; may be empty) and ends up in the
// reason, a one-line note for the user: "voice flite:slt chosen for English
// (en, detected)".
func ChooseVoice(lang, source string, m VoiceMap) (spec, reason string) {
	tag := normTag(lang)
	if tag == "und" {
		tag = ""
	}
	about := ": the language is unknown"
	if tag != "" {
		about = " for " + languageName(tag) + " (" + tag
		if source != "" {
			about += ", " + source
		}
		about += ")"
	} else if source != "" {
		about += " (" + source + ")"
	}
	if spec, key, ok := m.Lookup(tag); ok {
		return spec, "voice " + spec + " chosen" + about + " by the voice map entry " + key
	}
	if base, _, _ := strings.Cut(tag, "-"); tag == "" || base == "en" {
		return EnglishVoice, "voice " + EnglishVoice + " chosen" + about
	}
	for t := tag; t != ""; t = parentTag(t) {
		if v, ok := espeakVoices[t]; ok {
			spec = "espeak:" + v
			return spec, "voice " + spec + " chosen" + about
		}
	}
	return EnglishVoice, "no local voice speaks" + strings.TrimPrefix(about, " for") + "; voice " + EnglishVoice + " reads it as English"
}

// VoiceMap chooses a voice per language, from a list such as
// "fr=google:fr-FR-Neural2-A,de=espeak:de". The zero value is empty.
type VoiceMap struct {
	entries []voiceEntry // sorted by tag
}

type voiceEntry struct {
	tag, spec string
}

// maxVoiceMapLen bounds a voice map read from a flag or a manifest.
const maxVoiceMapLen = 16 << 10

// ParseVoiceMap parses comma-separated TAG=SPEC entries. Tags are BCP 47
// language tags ("fr", "fr-CA", "zh-Hant"), each given once; specs are
// engine specs (ParseSpec), which therefore cannot hold a comma (write
// %2C). Spaces around entries are ignored; an empty string is an empty map.
func ParseVoiceMap(s string) (VoiceMap, error) {
	var m VoiceMap
	if len(s) > maxVoiceMapLen {
		return m, fmt.Errorf("voice map is %d bytes long (at most %d)", len(s), maxVoiceMapLen)
	}
	if strings.TrimSpace(s) == "" {
		return m, nil
	}
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		key, spec, ok := strings.Cut(item, "=")
		key, spec = strings.TrimSpace(key), strings.TrimSpace(spec)
		if !ok || key == "" || spec == "" {
			return VoiceMap{}, fmt.Errorf("voice map entry %q is not LANG=SPEC (as in fr=espeak:fr)", RedactSpec(item))
		}
		if _, err := language.Parse(key); err != nil || strings.ContainsAny(key, " *") {
			return VoiceMap{}, fmt.Errorf("voice map entry %q: %q is not a BCP 47 language tag", RedactSpec(item), key)
		}
		if _, err := ParseSpec(spec); err != nil {
			return VoiceMap{}, fmt.Errorf("voice map entry for %q: %w", key, err)
		}
		tag := normTag(key)
		if slices.ContainsFunc(m.entries, func(e voiceEntry) bool { return e.tag == tag }) {
			return VoiceMap{}, fmt.Errorf("voice map names language %q twice", key)
		}
		m.entries = append(m.entries, voiceEntry{tag: tag, spec: spec})
	}
	slices.SortFunc(m.entries, func(a, b voiceEntry) int { return strings.Compare(a.tag, b.tag) })
	return m, nil
}

// Lookup returns the spec of the most specific entry for lang ("fr-CA"
// before "fr") and the entry's tag.
func (m VoiceMap) Lookup(lang string) (spec, tag string, ok bool) {
	for t := normTag(lang); t != ""; t = parentTag(t) {
		if i, found := slices.BinarySearchFunc(m.entries, t, func(e voiceEntry, t string) int { return strings.Compare(e.tag, t) }); found {
			return m.entries[i].spec, m.entries[i].tag, true
		}
	}
	return "", "", false
}

// Len is the number of entries.
func (m VoiceMap) Len() int { return len(m.entries) }

// String formats the map back as ParseVoiceMap reads it, sorted by tag.
func (m VoiceMap) String() string {
	parts := make([]string, len(m.entries))
	for i, e := range m.entries {
		parts[i] = e.tag + "=" + e.spec
	}
	return strings.Join(parts, ",")
}

// normTag lower-cases a language tag and writes '_' as '-' ("pt_BR" is
// "pt-br"), the form the tables are keyed by.
func normTag(s string) string {
	return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", "-"))
}

// parentTag drops the last subtag: "zh-hant-tw" → "zh-hant" → "zh" → "".
func parentTag(t string) string {
	i := strings.LastIndexByte(t, '-')
	if i < 0 {
		return ""
	}
	return t[:i]
}

// languageName is the English name of tag's language ("French"), or the tag
// itself when it is not one x/text knows.
func languageName(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	base, _ := t.Base()
	if name := display.English.Languages().Name(base); name != "" {
		return name
	}
	return tag
}
