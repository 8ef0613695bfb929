package tts

import (
	"encoding/xml"
	"io"
	"strings"
	"unicode/utf8"
)

// SSMLText returns the character data of an SSML document: the text an
// engine speaks, without tags and with entities resolved. ok is false when
// doc is not well-formed XML.
func SSMLText(doc string) (text string, ok bool) {
	d := xml.NewDecoder(strings.NewReader(doc))
	var b strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String(), true
		}
		if err != nil {
			return "", false
		}
		if cd, isText := tok.(xml.CharData); isText {
			b.Write(cd)
		}
	}
}

// SSMLTextLen is the number of characters (runes) an engine is asked to
// speak in an SSML document: the character data without tags. Cloud engines
// bill by it. A document that does not parse is counted whole.
func SSMLTextLen(doc string) int {
	if t, ok := SSMLText(doc); ok {
		return utf8.RuneCountInString(t)
	}
	return utf8.RuneCountInString(doc)
}
