package spoken

import (
	"regexp"
	"strconv"
	"strings"
)

// numberRange reads "2024-25" (years), "3-2" (a score), "10-20" (a range),
// and "3:1", a score or a ratio where a colon cannot be a time's.
var (
	seasonRe = regexp.MustCompile(`^(\d{4})/(\d{2})\b`)
	rangeRe  = regexp.MustCompile(`^(\d{1,4})[-–](\d{1,4})\b`)
	scoreRe  = regexp.MustCompile(`^(\d{1,3}):(\d{1,3})\b`)
)

func (n *Normalizer) numberRange(text string, i int) (token, bool) {
	l := n.l
	if g, end, ok := find(seasonRe, text, i); ok && l.year != nil && !(end < len(text) && text[end] == '/') {
		// "die Saison 2023/24": a season, its two years said one after
		// the other, as on air in every language.
		if a, b := atoi(g[1]), atoi(g[2]); a >= 1900 && a <= 2099 && b == (a+1)%100 {
			second := l.cardinal(uint64(b), plain)
			if b == 0 {
				second = l.year(a + 1) // "1999/00"
			}
			return token{end, l.year(a) + " " + second, "year range"}, true
		}
	}
	if g, end, ok := find(scoreRe, text, i); ok {
		if notDateEnd(text, end) {
			return token{}, false
		}
		if l.colonScores && len(g[2]) == 2 && atoi(g[1]) < 24 {
			return token{}, false // "10:30" is a time
		}
		// Where a colon is not written in scores, "3:1" is still no time
		// (a time has two digits of minutes): a score or a ratio ("won
		// 3:1", "a 3:1 ratio", "1:100"), said as one, unless a name
		// comes before ("Genesis 1:1", a chapter and verse).
		if !l.colonScores && (len(g[2]) == 2 || isCapitalized(prevWord(text, i)) && !l.sentenceStarters[prevWord(text, i)]) {
			return token{}, false
		}
		return token{end, l.cardinal(uint64(atoi(g[1])), plain) + " " + l.w.score + " " + l.cardinal(uint64(atoi(g[2])), plain), "score"}, true
	}
	g, end, ok := find(rangeRe, text, i)
	if !ok || (end < len(text) && strings.ContainsRune("-–/.,:", rune(text[end])) && end+1 < len(text) && isDigit(text[end+1])) {
		return token{}, false
	}
	a, _ := strconv.Atoi(g[1])
	b, _ := strconv.Atoi(g[2])
	to := " " + l.w.to + " "
	if len(g[1]) == 4 {
		if l.year == nil || a < 1000 || a > 2099 {
			return token{}, false
		}
		switch {
		case len(g[2]) == 2 && b > a%100:
			return token{end, l.year(a) + to + l.cardinal(uint64(b), plain), "year range"}, true
		case len(g[2]) == 4 && b > a && b <= 2099:
			return token{end, l.year(a) + to + l.year(b), "year range"}, true
		}
		return token{}, false
	}
	if len(g[2]) == 4 || (len(g[1]) > 1 && g[1][0] == '0') || (len(g[2]) > 1 && g[2][0] == '0') {
		return token{}, false
	}
	return token{end, l.cardinal(uint64(a), plain) + to + l.cardinal(uint64(b), plain), "range"}, true
}
