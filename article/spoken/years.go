package spoken

import (
	"regexp"
	"strings"
)

// decadeStyle is how a language writes decades: "1990s", "the '80s" (en),
// "1990er" (de).
type decadeStyle struct {
	// re matches a decade: its digits in group 1 or 2.
	re *regexp.Regexp
	// always: try it on any number, not only on one with an "s" in it.
	always bool
	say    func(y int) string
	// after are words after which a number is a decade ("les années 90",
	// "los años 90", "gli anni '90"), said by after's function.
	after    map[string]bool
	sayAfter func(y int) string
}

var decadeAfterRe = regexp.MustCompile(`^['’]?(\d{2}|\d{4})\b`)

// decade reads "1990s", "the '80s", "80s", "1990er", "les années 1990".
func (n *Normalizer) decade(text string, i int) (token, bool) {
	st := n.l.decades
	if st.after[strings.ToLower(prevWord(text, i))] {
		if g, end, ok := find(decadeAfterRe, text, i); ok {
			y := atoi(g[1])
			if y%10 == 0 && (len(g[1]) == 2 || y >= 1900 && y <= 2090) {
				return token{end, st.sayAfter(y), "decade"}, true
			}
		}
	}
	if st.re == nil {
		return token{}, false
	}
	g, end, ok := find(st.re, text, i)
	if !ok {
		return token{}, false
	}
	d := g[1] + g[2]
	y := atoi(d)
	if y%10 != 0 || len(d) == 3 || (len(d) == 4 && (y < 1000 || y > 2090)) {
		return token{}, false
	}
	say := st.say(y)
	if len(g) > 3 && g[3] != "" {
		say += g[3] // "80er-Jahre": "achtziger-Jahre"
	}
	return token{end, say, "decade"}, true
}
