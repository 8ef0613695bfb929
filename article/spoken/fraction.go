package spoken

import (
	"regexp"
	"strconv"
)

var (
	fractionRe = regexp.MustCompile(`^(?:(?:(\d{1,3}) ?)?([½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒])|(?:(\d{1,3}) )?(\d{1,2})/(\d{1,3}))`)
	vulgar     = map[string][2]uint64{"½": {1, 2}, "¼": {1, 4}, "¾": {3, 4}, "⅓": {1, 3}, "⅔": {2, 3},
		"⅕": {1, 5}, "⅖": {2, 5}, "⅗": {3, 5}, "⅘": {4, 5}, "⅙": {1, 6}, "⅚": {5, 6}, "⅐": {1, 7},
		"⅛": {1, 8}, "⅜": {3, 8}, "⅝": {5, 8}, "⅞": {7, 8}, "⅑": {1, 9}, "⅒": {1, 10}}
	// fractionDens are the denominators a fraction is written with in
	// news: halves to tenths, and the sixteenths, thirty-seconds and
	// sixty-fourths of measures. Other pairs are names, issues or dates
	// ("9/11", "24/7", "11/12").
	fractionDens = map[uint64]bool{2: true, 3: true, 4: true, 5: true, 6: true, 7: true, 8: true, 9: true,
		10: true, 16: true, 32: true, 64: true, 100: true}
	// namePairs are numbers joined by a slash that are names everywhere.
	namePairs = setOf("24/7", "9/11", "7/7", "50/50", "365/24")
)

// fractionNumber reads "1/2", "3/4", "2½", "2 1/2", "15/16"; "9/11",
// "24/7" and "50/50" are read as two numbers, since they are names, not
// fractions.
func (n *Normalizer) fractionNumber(text string, i int) (token, bool) {
	l := n.l
	if l.fraction == nil {
		return token{}, false
	}
	g, end, ok := find(fractionRe, text, i)
	if !ok {
		return token{}, false
	}
	if g[2] != "" {
		v := vulgar[g[2]]
		whole, _ := strconv.ParseUint(g[1], 10, 64)
		f, ok := l.fraction(whole, v[0], v[1])
		if !ok {
			return token{}, false
		}
		return token{end, f, "fraction"}, true
	}
	if end < len(text) && text[end] == '/' {
		return token{}, false // a date or a path
	}
	if t, ok := n.dayMonthSlash(text, i, g, end); ok {
		return t, true
	}
	whole, _ := strconv.ParseUint(g[3], 10, 64)
	num, _ := strconv.ParseUint(g[4], 10, 64)
	den, _ := strconv.ParseUint(g[5], 10, 64)
	if num > 0 && num < den && fractionDens[den] {
		if f, ok := l.fraction(whole, num, den); ok {
			return token{end, f, "fraction"}, true
		}
	}
	if g[3] != "" || len(g[5]) > 2 {
		return token{}, false // "2 9/11": leave the first number alone
	}
	return token{end, l.cardinal(num, plain) + " " + l.cardinal(den, plain), "number pair"}, true
}

// dayMonthSlash reads "25/11" and "02/12" as dates where the day is
// written first: the first number is the day when it is not smaller than
// the second or either has a leading zero ("3/4" stays a fraction).
func (n *Normalizer) dayMonthSlash(text string, i int, g []string, end int) (token, bool) {
	if !n.dmy || g[3] != "" || namePairs[g[4]+"/"+g[5]] || n.l.date == nil {
		return token{}, false
	}
	d, m := atoi(g[4]), atoi(g[5])
	if !validDate(d, m) || (d < m && g[4][0] != '0' && g[5][0] != '0') {
		return token{}, false
	}
	return token{end, n.l.date(n, d, m, 0, dateCtx{wordCtx: ctxAt(text, i, end)}), "date"}, true
}
