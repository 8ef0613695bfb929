package article

import (
	"strings"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
)

// detectLang guesses the document language from its text with whatlanggo's
// trigram profiles (the detector go-trafilatura already uses). It answers
// when the detector says its guess is reliable; a text too short for it
// (a sentence or two) is named by shortTextLang when function words and
// trigrams agree; else "".
func detectLang(d *Document) string {
	s := langSample(d)
	info := whatlanggo.Detect(s)
	if info.Lang >= 0 && info.IsReliable() {
		return info.Lang.Iso6391()
	}
	return shortTextLang(s)
}

// maxLangSample bounds the text the detector reads: its cost grows with
// the text, and a megabyte-long paragraph says no more about its language
// than its first pages do.
const maxLangSample = 16 << 10

// langSample is the title and the first blocks, until about 4,000 bytes,
// and never more than maxLangSample bytes.
func langSample(d *Document) string {
	var sb strings.Builder
	add := func(s string) {
		if room := maxLangSample - sb.Len(); len(s) > room {
			for room > 0 && !utf8.RuneStart(s[room]) {
				room--
			}
			s = s[:max(room, 0)]
		}
		sb.WriteString(s)
	}
	add(d.Title)
	for _, b := range d.Blocks {
		if sb.Len() > 4000 {
			break
		}
		add("\n")
		add(b.Text)
	}
	return sb.String()
}
