package tts

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

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
		// An entry naming only an engine reads the language with that
		// engine's voice for it (Choose): one it has no voice for is
		// refused now, not when an article in it comes.
		if _, err := RegisteredOffers().ChooseEngine(spec, tag, ""); err != nil {
			return VoiceMap{}, fmt.Errorf("voice map entry %q: %w", RedactSpec(item), err)
		}
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
