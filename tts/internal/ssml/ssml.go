// Package ssml builds the SSML documents drivers send for article text
// (Google, Polly, Azure): every byte of the text escaped, so that article
// text can never add tags, attributes or entities of its own, and a map from
// each byte of the document back to the text, so that an engine's timings
// given in document offsets (Polly's speech marks) come back to the text.
package ssml

import (
	"encoding/xml"
	"io"
	"strings"
	"unicode/utf8"
)

// Builder writes an SSML document piece by piece. The zero value is an empty
// document.
type Builder struct {
	b strings.Builder
	// src[i] is the text offset of document byte i, or -1 for markup.
	src []int
	// end is the text offset just past the last text written.
	end int
}

// Markup appends s as it is: tags the driver writes. It must be well-formed
// where it is put; nothing is escaped.
func (d *Builder) Markup(s string) {
	d.b.WriteString(s)
	for range len(s) {
		d.src = append(d.src, -1)
	}
}

// Escaped appends s escaped like Text but counted as markup (an attribute
// value such as a mark name, or a voice name).
func (d *Builder) Escaped(s string) {
	n := d.b.Len()
	writeEscaped(&d.b, s, nil)
	for range d.b.Len() - n {
		d.src = append(d.src, -1)
	}
}

// Text appends text escaped, at is the offset of text[0] in the caller's
// text: & < > " ' become entity references, a carriage return becomes &#xD;
// (an XML parser would otherwise make it a newline), and bytes XML cannot
// carry at all (invalid UTF-8, control characters other than tab and
// newline, U+FFFE, U+FFFF) become U+FFFD. Every document byte written for a
// text byte maps back to that byte's offset.
func (d *Builder) Text(text string, at int) {
	writeEscaped(&d.b, text, func(textOff, n int) {
		for range n {
			d.src = append(d.src, at+textOff)
		}
	})
	d.end = at + len(text)
}

// String returns the document.
func (d *Builder) String() string { return d.b.String() }

// Len is the length of the document in bytes.
func (d *Builder) Len() int { return d.b.Len() }

// Source maps a document offset (0..Len()) to a text offset: the offset of
// the text byte the document byte was written for, or for markup (and the
// end of the document) that of the next text byte written, or the end of
// the text. An offset inside an escape maps to the escaped byte.
func (d *Builder) Source(off int) int {
	off = max(0, off)
	for i := off; i < len(d.src); i++ {
		if d.src[i] >= 0 {
			return d.src[i]
		}
	}
	return d.end
}

// Escape returns s escaped as Text escapes it.
func Escape(s string) string {
	var b strings.Builder
	writeEscaped(&b, s, nil)
	return b.String()
}

// writeEscaped writes s as XML character data safe both in text and in a
// double- or single-quoted attribute value; wrote, if set, is told how many
// document bytes each run of s at textOff became.
func writeEscaped(b *strings.Builder, s string, wrote func(textOff, n int)) {
	last := 0
	flush := func(i int) {
		if i > last {
			b.WriteString(s[last:i])
			if wrote != nil {
				for k := last; k < i; k++ {
					wrote(k, 1)
				}
			}
		}
	}
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
		flush(i)
		b.WriteString(esc)
		if wrote != nil {
			// The escape stands for the size bytes of the rune: its first
			// document byte maps to the rune's first byte, the rest too.
			wrote(i, len(esc))
		}
		i += size
		last = i
	}
	flush(len(s))
}

// xmlChar reports whether r (decoded from size bytes) may appear in an XML
// 1.0 document (the Char production).
func xmlChar(r rune, size int) bool {
	if r == utf8.RuneError && size == 1 {
		return false
	}
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// Content returns the byte range of the content of an SSML document's
// root <speak> element, and false when the document does not parse or its
// root is not <speak>.
func Content(doc string) (start, end int, ok bool) {
	d := xml.NewDecoder(strings.NewReader(doc))
	depth := 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return start, end, ok && depth == 0
		}
		if err != nil {
			return 0, 0, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if t.Name.Local != "speak" || ok {
					return 0, 0, false
				}
				start = int(d.InputOffset())
			}
			depth++
		case xml.EndElement:
			depth--
			if depth == 0 {
				end = int(d.InputOffset()) - len("</"+t.Name.Local+">")
				if t.Name.Space != "" {
					end = strings.LastIndex(doc[:d.InputOffset()], "</")
				}
				ok = true
			}
		}
	}
}

// View returns doc with every tag and entity reference blanked out with
// spaces, so that byte offsets are those of doc and only character data
// holds words ("&amp;" is no word "amp").
func View(doc string) string {
	view := []byte(doc)
	d := xml.NewDecoder(strings.NewReader(doc))
	prev := int64(0)
	for {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		end := d.InputOffset()
		if _, isText := tok.(xml.CharData); !isText || strings.HasPrefix(doc[prev:end], "<![CDATA[") {
			for i := prev; i < end; i++ {
				view[i] = ' '
			}
		} else {
			for i := prev; i < end; i++ {
				if view[i] != '&' {
					continue
				}
				for ; i < end && view[i] != ';'; i++ {
					view[i] = ' '
				}
				if i < end {
					view[i] = ' '
				}
			}
		}
		prev = end
	}
	return string(view)
}
