package spoken

import "regexp"

// decadeStyle is how a language writes decades: "1990s", "the '80s" (en),
// "1990er" (de).
type decadeStyle struct {
	// re matches a decade: its digits in group 1 or 2.
	re *regexp.Regexp
	// always: try it on any number, not only on one with an "s" in it.
	always bool
	say    func(y int) string
}

// decade reads "1990s", "the '80s", "80s", "1990er".
func (n *Normalizer) decade(text string, i int) (token, bool) {
	st := n.l.decades
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
	return token{end, st.say(y), "decade"}, true
}
