package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitLimit cuts text into pieces of at most maxBytes bytes each whose
// concatenation is exactly text. It packs whole sentences greedily; a
// sentence longer than the limit is cut at clause boundaries (after , ; :
// and dashes), then at spaces, then between runes. Pieces never split a
// UTF-8 sequence, so a piece can exceed maxBytes only when maxBytes is
// smaller than one character (below 4). maxBytes ≤ 0 means no limit.
// Empty text gives no pieces.
func SplitLimit(text string, maxBytes int, lang string) []string {
	return SplitLimitFunc(text, maxBytes, lang, nil)
}

// SplitLimitFunc is SplitLimit with the size of a piece measured by size
// instead of its byte length: for example the length of the piece once
// escaped for SSML, so that the request, not the text, fits the limit.
// size must be additive: size(a+b) == size(a)+size(b). Nil means len.
func SplitLimitFunc(text string, limit int, lang string, size func(string) int) []string {
	if text == "" {
		return nil
	}
	if size == nil {
		size = func(s string) int { return len(s) }
	}
	if limit <= 0 || size(text) <= limit {
		return []string{text}
	}
	var units []string
	for _, sp := range Sentences(text, lang) {
		units = append(units, text[sp.Start:sp.End])
	}
	return pack(units, limit, size, 1)
}

// Split levels below sentences.
const (
	levelClause = 1
	levelSpace  = 2
	levelRune   = 3
)

// pack joins consecutive units greedily up to limit; a unit over the limit
// is cut at the next finer level.
func pack(units []string, limit int, size func(string) int, level int) []string {
	var (
		out     []string
		cur     strings.Builder
		curSize int
	)
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
			curSize = 0
		}
	}
	for _, u := range units {
		us := size(u)
		if us > limit {
			flush()
			if level > levelRune {
				out = append(out, u) // one character over the limit
				continue
			}
			out = append(out, pack(cutAt(u, level), limit, size, level+1)...)
			continue
		}
		if curSize+us > limit {
			flush()
		}
		cur.WriteString(u)
		curSize += us
	}
	flush()
	return out
}

// cutAt splits s into consecutive parts ending at the given level's
// boundaries; the parts concatenate to s.
func cutAt(s string, level int) []string {
	var out []string
	start := 0
	for i, r := range s {
		end := i + utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, n := utf8.DecodeRuneInString(s[i:])
			end = i + n
		}
		cut := false
		switch level {
		case levelClause:
			cut = isClauseEnd(s, i, r, end)
		case levelSpace:
			cut = unicode.IsSpace(r) && (end == len(s) || !isSpaceAt(s, end))
		case levelRune:
			cut = true
		}
		if cut {
			out = append(out, s[start:end])
			start = end
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// isClauseEnd: a clause ends after ", ; :" or a dash followed by spaces;
// the cut goes after the spaces so the next piece starts with a word.
func isClauseEnd(s string, i int, r rune, end int) bool {
	if !unicode.IsSpace(r) || (end < len(s) && isSpaceAt(s, end)) {
		return false
	}
	j := strings.LastIndexFunc(s[:i], func(r rune) bool { return !unicode.IsSpace(r) })
	if j < 0 {
		return false
	}
	p, _ := utf8.DecodeRuneInString(s[j:])
	return strings.ContainsRune(",;:–—", p) || (p == '-' && j > 0 && s[j-1] == ' ')
}

func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// SplitHalf cuts text in two at the best boundary nearest its middle, for
// retrying a piece an engine refused as too long: a sentence boundary if
// one lies in the middle half of the text, else a clause boundary there,
// else the space nearest the middle, else the rune boundary nearest it.
// The two pieces concatenate to text. Text of one character is returned
// whole.
func SplitHalf(text, lang string) []string {
	if utf8.RuneCountInString(text) < 2 {
		return []string{text}
	}
	mid := len(text) / 2
	lo, hi := len(text)/4, len(text)-len(text)/4
	best := func(cuts []int, window bool) int {
		b := -1
		for _, c := range cuts {
			if c <= 0 || c >= len(text) || (window && (c < lo || c > hi)) {
				continue
			}
			if b < 0 || abs(c-mid) < abs(b-mid) {
				b = c
			}
		}
		return b
	}
	var sentenceCuts []int
	for _, sp := range Sentences(text, lang) {
		sentenceCuts = append(sentenceCuts, sp.End)
	}
	cut := best(sentenceCuts, true)
	if cut < 0 {
		cut = best(partEnds(cutAt(text, levelClause)), true)
	}
	if cut < 0 {
		cut = best(partEnds(cutAt(text, levelSpace)), false)
	}
	if cut < 0 {
		cut = best(partEnds(cutAt(text, levelRune)), false)
	}
	return []string{text[:cut], text[cut:]}
}

func partEnds(parts []string) []int {
	ends := make([]int, len(parts))
	n := 0
	for i, p := range parts {
		n += len(p)
		ends[i] = n
	}
	return ends
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
