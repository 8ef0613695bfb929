package google

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/spans"
)

// sentence is a marked span of the request text.
type sentence struct {
	name       string
	start, end int // bytes of Request.Text
}

// markedSSML returns the SSML document to send for text (plain, or SSML when
// isSSML) with a <mark/> at sentence starts, and the marked sentences. When
// the document with every mark would pass limit bytes, marks are thinned
// (every other one dropped, and again) until it fits. It returns no marks
// when not even one fits, or when SSML text does not parse; the caller then
// sends the text as it is.
func markedSSML(text string, isSSML bool, limit int) (string, []sentence) {
	view := text
	if isSSML {
		var ok bool
		if view, ok = textView(text); !ok {
			return "", nil
		}
	}
	starts := spans.SentenceStarts(view)
	for len(starts) > 0 {
		marks := make([]sentence, len(starts))
		for i, st := range starts {
			end := len(view)
			if i+1 < len(starts) {
				end = starts[i+1]
			}
			end = st + len(strings.TrimRightFunc(view[st:end], unicode.IsSpace))
			marks[i] = sentence{name: "s" + strconv.Itoa(i), start: st, end: end}
		}
		var doc string
		if isSSML {
			doc = insertMarks(text, marks)
		} else {
			sm := make([]ssmlMark, len(marks))
			for i, m := range marks {
				sm[i] = ssmlMark{Offset: m.start, Name: m.name}
			}
			doc = buildSSML(text, sm)
		}
		if len(doc) <= limit {
			return doc, marks
		}
		if len(starts) == 1 {
			break
		}
		kept := starts[:0:0]
		for i := 0; i < len(starts); i += 2 {
			kept = append(kept, starts[i])
		}
		starts = kept
	}
	return "", nil
}

// insertMarks inserts <mark/> tags into an SSML document at the given
// offsets, which textView guarantees are in character data, between
// characters and outside entities.
func insertMarks(doc string, marks []sentence) string {
	var b strings.Builder
	b.Grow(len(doc) + 20*len(marks))
	prev := 0
	for _, m := range marks {
		b.WriteString(doc[prev:m.start])
		b.WriteString(`<mark name="` + m.name + `"/>`)
		prev = m.start
	}
	b.WriteString(doc[prev:])
	return b.String()
}

// textView returns doc with every tag, comment, processing instruction and
// CDATA section blanked out with spaces, so that byte offsets are those of
// doc and sentence detection sees only character data (entities stay as
// written; a sentence never starts with '&', so no mark lands in one). ok is
// false when doc is not well-formed XML.
func textView(doc string) (string, bool) {
	view := []byte(doc)
	d := xml.NewDecoder(strings.NewReader(doc))
	prev := int64(0)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", false
		}
		end := d.InputOffset()
		cd, isText := tok.(xml.CharData)
		if !isText || strings.HasPrefix(doc[prev:end], "<![CDATA[") || len(cd) == 0 {
			for i := prev; i < end; i++ {
				view[i] = ' '
			}
		}
		prev = end
	}
	if _, ok := tts.SSMLText(doc); !ok {
		return "", false
	}
	return string(view), true
}
