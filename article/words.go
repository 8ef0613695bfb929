package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
)

// wordCount is how many words s holds, for rules that judge a block by its
// length. Words come from Unicode word segmentation (UAX #29), which
// splits Chinese and Japanese into single characters and Thai into
// characters too, since those scripts do not separate words with spaces:
// there a word is counted per two characters (Han, kana), or per four
// (Thai, Lao, Khmer, Myanmar), about the length of a word in each.
func wordCount(s string) int {
	n, spaceless := 0, 0.0
	it := words.FromString(s)
	for it.Next() {
		w := it.Value()
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case isHanKana(r):
			spaceless += float64(utf8.RuneCountInString(w)) / 2
		case isSoutheastAsian(r):
			spaceless += float64(utf8.RuneCountInString(w)) / 4
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			n++
		}
	}
	return n + int(spaceless+0.5)
}

func isHanKana(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

func isSoutheastAsian(r rune) bool {
	return unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// isSpaceless reports whether r belongs to a script written without
// spaces between words.
func isSpaceless(r rune) bool {
	return isHanKana(r) || isSoutheastAsian(r)
}

// isCJKPunct reports whether r is the full-width punctuation that Chinese
// and Japanese text sets without a space after it.
func isCJKPunct(r rune) bool {
	return (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xff65)
}

// cleanInline collapses white space (line breaks included) in inline text
// to single spaces, and removes a line break between two characters of a
// script written without spaces: a line break in the HTML source of a
// Chinese paragraph is not a word gap, but a space typed between two
// clauses is a pause and stays.
func cleanInline(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	prev, gap, wrapped := rune(0), false, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		char := s[i : i+size]
		i += size
		if r == '\u2060' {
			continue // filterGuard, or a word joiner the page had: invisible either way
		}
		if unicode.IsSpace(r) {
			gap = gap || sb.Len() > 0
			wrapped = wrapped || r == '\n' || r == '\r'
			continue
		}
		// A line wrap between two CJK characters is no word break; a space
		// the writer typed between them is a pause and stays.
		if gap && !(wrapped && joinsTight(prev) && joinsTight(r)) {
			sb.WriteByte(' ')
		}
		sb.WriteString(char)
		prev, gap, wrapped = r, false, false
	}
	return sb.String()
}

func joinsTight(r rune) bool {
	return r >= 0x2e80 && (isSpaceless(r) || isCJKPunct(r))
}
