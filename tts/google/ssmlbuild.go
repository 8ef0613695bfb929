package google

import (
	"sort"
	"strings"
	"unicode/utf8"
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

	var b strings.Builder
	b.Grow(len(text) + len(text)/16 + 16 + 24*len(ms))
	b.WriteString("<speak>")
	prev := 0
	for _, m := range ms {
		writeEscaped(&b, text[prev:m.Offset])
		prev = m.Offset
		b.WriteString(`<mark name="`)
		writeEscaped(&b, m.Name)
		b.WriteString(`"/>`)
	}
	writeEscaped(&b, text[prev:])
	b.WriteString("</speak>")
	return b.String()
}

// writeEscaped writes s as XML character data safe both in text and in a
// double-quoted attribute value.
func writeEscaped(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '"':
			esc = "&quot;"
		case r == '\'':
			esc = "&apos;"
		case r == '\r':
			esc = "&#xD;"
		case !xmlChar(r, size):
			esc = "\uFFFD"
		default:
			i += size
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		i += size
		last = i
	}
	b.WriteString(s[last:])
}

// xmlChar reports whether r (decoded from size bytes) may appear in an XML 1.0
// document (the Char production).
func xmlChar(r rune, size int) bool {
	if r == utf8.RuneError && size == 1 {
		return false
	}
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
