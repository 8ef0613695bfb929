package spoken

import (
	"regexp"
	"strings"
)

// agedRe is an age glued to the suffix that makes it a noun of people of
// that age ("18enne", "30enni"), or a span of ages so written
// ("18-24enni").
var agedRe = regexp.MustCompile(`^(?:(\d{1,3})[-–])?(\d{1,3})(\pL+)\b`)

// aged reads an age written as digits glued to the language's suffix of
// age (Italian "18enne" diciottenne, "30enni" trentenni): the number's
// spelling joined to the suffix (language.aged). A span of ages says its
// first age as a number and keeps the hyphen, as the span is written
// out: "18-24enni" diciotto-ventiquattrenni.
func (n *Normalizer) aged(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(agedRe, text, i)
	if !ok || !l.agedSuffixes[strings.ToLower(g[3])] {
		return token{}, false
	}
	say, ok := l.aged(uint64(atoi(g[2])), strings.ToLower(g[3]))
	if !ok {
		return token{}, false
	}
	if g[1] != "" {
		if atoi(g[1]) >= atoi(g[2]) {
			return token{}, false // no span
		}
		say = l.cardinal(uint64(atoi(g[1])), plain) + "-" + say
	}
	return token{end, say, "age"}, true
}

// itAged says an age n with the suffix "enne" or "enni": the cardinal
// loses its last vowel ("diciotto": diciottenne; "ventuno": ventunenne),
// three and "tré" keep their vowel ("treenne", "ventitreenne"), ten has
// its own stem ("decenne"). Ages under three have no such noun in use.
func itAged(n uint64, suffix string) (string, bool) {
	if n < 3 || n > 120 {
		return "", false
	}
	if n == 10 {
		return "dec" + suffix, true
	}
	c := itCardinal(n, plain)
	if stem, ok := strings.CutSuffix(c, "tré"); ok || c == "tre" {
		return pick(ok, stem, "") + "tre" + suffix, true
	}
	if strings.ContainsAny(c[len(c)-1:], "aeiou") {
		c = c[:len(c)-1]
	}
	return c + suffix, true
}
