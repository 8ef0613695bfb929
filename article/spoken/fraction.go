package spoken

import (
	"regexp"
	"strconv"
)

var (
	fractionRe  = regexp.MustCompile(`^(?:(?:(\d{1,3}) ?)?([½¼¾⅓⅔])|(\d{1,2})/(\d{1,2}))`)
	vulgarValue = map[string][2]uint64{"½": {1, 2}, "¼": {1, 4}, "¾": {3, 4}, "⅓": {1, 3}, "⅔": {2, 3}}
)

// fractionNumber reads "1/2", "3/4", "2½"; "9/11" and "24/7" are read as
// two numbers, since they are names, not fractions.
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
		v := vulgarValue[g[2]]
		whole, _ := strconv.ParseUint(g[1], 10, 64)
		f, ok := l.fraction(whole, v[0], v[1])
		if !ok {
			return token{}, false
		}
		return token{end, f, "fraction"}, true
	}
	num, _ := strconv.ParseUint(g[3], 10, 64)
	den, _ := strconv.ParseUint(g[4], 10, 64)
	if end < len(text) && text[end] == '/' {
		return token{}, false // a date or a path
	}
	if num < den && den <= 10 && num > 0 {
		if f, ok := l.fraction(0, num, den); ok {
			return token{end, f, "fraction"}, true
		}
	}
	return token{end, l.cardinal(num, plain) + " " + l.cardinal(den, plain), "number pair"}, true
}
