package google

import (
	"sort"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/tts/internal/ssml"
)

// ssmlMark is a <mark/> to place in an SSML document built by buildSSML.
type ssmlMark struct {
	// Offset is the byte offset in the plain text before which the mark goes
	// (a sentence start, say). An offset inside a multi-byte character is
	// moved back to the character's first byte; one outside the text is
	// clamped to it.
	Offset int
	// Name is the mark's name, reported back by engines that time marks.
	Name string
}

// buildSSML returns a <speak> document that says text, with marks inserted at
// their offsets. Everything in text is escaped, so article text can never
// add tags, attributes or entities of its own: & < > " ' become entity
// references, a carriage return becomes &#xD; (an XML parser would otherwise
// turn it into a newline), and bytes XML cannot carry at all (invalid UTF-8,
// control characters other than tab and newline, U+FFFE and U+FFFF) become
// U+FFFD. Mark names are escaped the same way. Marks at the same offset keep
// their order; marks are sorted by offset.
func buildSSML(text string, marks []ssmlMark) string {
	ms := make([]ssmlMark, len(marks))
	copy(ms, marks)
	for i := range ms {
		ms[i].Offset = max(0, min(ms[i].Offset, len(text)))
		for ms[i].Offset > 0 && ms[i].Offset < len(text) && !utf8.RuneStart(text[ms[i].Offset]) {
			ms[i].Offset--
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Offset < ms[j].Offset })

	var d ssml.Builder
	d.Markup("<speak>")
	prev := 0
	for _, m := range ms {
		d.Text(text[prev:m.Offset], prev)
		prev = m.Offset
		d.Markup(`<mark name="`)
		d.Escaped(m.Name)
		d.Markup(`"/>`)
	}
	d.Text(text[prev:], prev)
	d.Markup("</speak>")
	return d.String()
}
