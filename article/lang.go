package article

import (
	"strings"

	"github.com/RadhiFadlillah/whatlanggo"
)

// detectLang guesses the document language from its text with whatlanggo's
// trigram profiles (the detector go-trafilatura already uses). It answers
// only when the detector says the guess is reliable, else "".
func detectLang(d *Document) string {
	var sb strings.Builder
	sb.WriteString(d.Title)
	for _, b := range d.Blocks {
		if sb.Len() > 4000 {
			break
		}
		sb.WriteByte('\n')
		sb.WriteString(b.Text)
	}
	info := whatlanggo.Detect(sb.String())
	if info.Lang < 0 || !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}
