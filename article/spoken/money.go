package spoken

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	moneySymbolRe = `^(US|A|AU|C|CA|NZ|HK|S|R)?([$€£¥₹])\s?(NUM)`
	moneyAfterRe  = `^(NUM)\s?([€£$])`
	moneyCodeRe   = regexp.MustCompile(`^([A-Z]{3}) ?(\d)`)
)

// money reads "$43 million", "€20", "£5.50", "US$1.2bn", "20 €", "400 SEK".
func (n *Normalizer) money(text string, i int) (token, bool) {
	l := n.l
	if l.currencies == nil {
		return token{}, false
	}
	if g, end, ok := find(l.re(moneySymbolRe), text, i); ok {
		sym := g[2]
		if g[1] != "" {
			sym = g[1] + g[2]
		}
		cur, ok := l.currencies[sym]
		if !ok {
			return token{}, false
		}
		return n.moneyScaled(text, g[3], end, cur)
	}
	if g, end, ok := find(l.re(moneyAfterRe), text, i); ok {
		if cur, ok := l.currencies[g[2]]; ok {
			return n.moneyScaled(text, g[1], end, cur)
		}
	}
	if g, end, ok := find(l.re(`^(NUM)(?: ([[:alpha:]]+))? ([A-Z]{3})\b`), text, i); ok {
		cur, ok := l.currencies[g[3]]
		if !ok {
			return token{}, false
		}
		pow := 0
		if g[2] != "" {
			if pow, ok = l.scales[g[2]]; !ok {
				return token{}, false
			}
		}
		return n.sayMoney(g[1], pow, end, cur)
	}
	return token{}, false
}

// moneyCode reads "CHF 12", "USD 3.5m".
func (n *Normalizer) moneyCode(text string, i int) (token, bool) {
	l := n.l
	if l.currencies == nil {
		return token{}, false
	}
	g, _, ok := find(moneyCodeRe, text, i)
	if !ok {
		return token{}, false
	}
	cur, ok := l.currencies[g[1]]
	if !ok {
		return token{}, false
	}
	j := i + 3
	if text[j] == ' ' {
		j++
	}
	loc := l.num.FindStringIndex(window(text, j))
	if loc == nil {
		return token{}, false
	}
	return n.moneyScaled(text, text[j:j+loc[1]], j+loc[1], cur)
}

// moneyScaled finishes a money token whose number ends at end, taking a
// scale that follows ("million", "bn", "m", "Mio.").
func (n *Normalizer) moneyScaled(text, num string, end int, cur currency) (token, bool) {
	l := n.l
	pow := 0
	if w := gluedWord(text, end); w != "" {
		p, ok := l.scales[w]
		switch {
		case ok:
		case w == "m" || w == "M":
			p = 6
		default:
			return token{}, false
		}
		pow, end = p, end+len(w)
	} else if end < len(text) && text[end] == ' ' {
		if w := nextWord(text, end); w != "" {
			if p, ok := l.scales[w]; ok && len(w) > 1 {
				pow, end = p, end+1+len(w)
				// "2 Mio. Euro": the abbreviation's dot, unless it also
				// ends the sentence.
				if end < len(text) && text[end] == '.' && !sentenceEnds(text, end+1) && !isLongScale(w) && isCapitalized(w) {
					end++
				}
			}
		}
	}
	return n.sayMoney(num, pow, end, cur)
}

// sayMoney says an amount of cur, scaled by 10^pow when pow > 0.
func (n *Normalizer) sayMoney(num string, pow int, end int, cur currency) (token, bool) {
	l := n.l
	a, ok := l.parseAmount(num)
	if !ok {
		return token{}, false
	}
	if pow > 0 {
		return token{end, l.withScale(a, pow) + l.scaleJoin(cur.many), "money"}, true
	}
	if len(a.frac) == 2 && cur.minorMany != "" {
		major := a.value()
		minor, _ := strconv.ParseUint(a.frac, 10, 64)
		if major == 0 && minor > 0 {
			return token{end, l.cardinal(minor, cur.minorG) + " " + pick(minor == 1, cur.minorOne, cur.minorMany), "money"}, true
		}
		s := l.cardinal(major, cur.g) + " " + pick(major == 1, cur.one, cur.many)
		if minor > 0 {
			s += l.money.minorJoin + l.cardinal(minor, cur.minorG)
			if l.money.minorName {
				s += " " + pick(minor == 1, cur.minorOne, cur.minorMany)
			}
		}
		return token{end, s, "money"}, true
	}
	return token{end, l.spell(a, cur.g) + " " + pick(a.frac == "" && a.value() == 1, cur.one, cur.many), "money"}, true
}

// scaleJoin is what comes between a scale word and a currency's name:
// " dollars", " de dollars", " d'euros", " di euro".
func (l *language) scaleJoin(name string) string {
	j := l.money.scaleJoin
	switch {
	case j == "":
		return " " + name
	case l.money.elide && strings.ContainsAny(name[:1], "aeiouéèêAEIOUÉ"):
		return " " + j[:len(j)-1] + "'" + name
	}
	return " " + j + " " + name
}

func pick(one bool, a, b string) string {
	if one {
		return a
	}
	return b
}
