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
	// anyYear: the form is made from any number of two digits or any
	// year, not only a decade's (German "die 68er", "1968er").
	always, anyYear bool
	// say says the decade of year y, 0 for "the '00s" when noughts
	// is set (the first decade of the 2000s); else "00s" is left.
	say     func(y int) string
	noughts bool
	// after are words after which a number is a decade ("les années 90",
	// "los años 90", "gli anni '90"), said by after's function.
	after    map[string]bool
	sayAfter func(y int) string
}

var elidedYearRe = regexp.MustCompile(`^['’](\d{2})\b`)

// elidedYear reads a year written with its century left out: "the class
// of '68" is sixty-eight, "il '68" il sessantotto, "'05" oh five (en) or
// the year itself elsewhere ("duemilacinque"). A decade ("'80s") is
// decade's.
func (n *Normalizer) elidedYear(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(elidedYearRe, text, i)
	if !ok || l.year == nil || end < len(text) && strings.ContainsRune("'’.,:-", rune(text[end])) && end+1 < len(text) && isDigit(text[end+1]) {
		return token{}, false
	}
	v := atoi(g[1])
	switch {
	case v >= 10:
		return token{end, l.cardinal(uint64(v), plain), "year"}, true
	case l.w.oh != "": // English: "oh five"
		return token{end, l.w.oh + " " + l.cardinal(uint64(v), plain), "year"}, true
	}
	return token{end, l.year(2000 + v), "year"}, true
}

// hyphenWordRe is a hyphen and the lower-case word it joins: "-era".
var hyphenWordRe = regexp.MustCompile(`^-\p{Ll}+\b`)

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
	if y%10 != 0 && !st.anyYear || len(d) == 3 || (len(d) == 4 && (y < 1000 || y > 2099)) || len(d) == 2 && y < 10 && (y != 0 || !st.noughts) {
		return token{}, false
	}
	say := st.say(y)
	if len(g) > 3 && g[3] != "" {
		say += g[3] // "80er-Jahre": "achtziger-Jahre"; "20ern": "zwanzigern"
	}
	if m := hyphenWordRe.FindString(text[end:]); m != "" && !endsToken(text, end) {
		// "1990s-era", "1970s-style": the decade in a compound.
		say, end = say+m, end+len(m)
	}
	return token{end, say, "decade"}, true
}
