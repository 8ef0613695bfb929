package spoken

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// rateStyle is how a language says a quantity per unit: "five dollars per
// kilogram", "zwölf Euro pro Quadratmeter", "cinq litres aux cent
// kilomètres".
type rateStyle struct {
	// per comes before a single unit ("per", "pro", "par", "por");
	// perUnit, when set, says the whole "per unit" instead (Italian "al
	// metro quadrato", "all'ora", "alla settimana").
	per     string
	perUnit func(u unit) string
	// perCount comes before a counted unit: "per hundred kilometers",
	// "aux cent kilomètres", "ogni cento chilometri".
	perCount string
	// nouns are the words a rate is written per besides the units' symbols,
	// said in the singular: "$15/hour", "1.200 €/Monat".
	nouns map[string]unit
	// outOf says a share of a span written with its unit once, "N u/N"
	// (French "24 h/24": vingt-quatre heures sur vingt-quatre, "7 j/7"),
	// with outOfUnits the units so written and their plural.
	outOf      string
	outOfUnits map[string]string
}

var outOfRe = regexp.MustCompile(`^(\d{1,3}) ?(\pL{1,2})/(\d{1,3})\b`)

// outOf reads "24 h/24" as "vingt-quatre heures sur vingt-quatre": all of
// a span, the same number on both sides of the slash.
func (n *Normalizer) outOf(text string, i int) (token, bool) {
	st := n.l.rate
	g, end, ok := find(outOfRe, text, i)
	if !ok || st.outOf == "" || g[1] != g[3] || st.outOfUnits[g[2]] == "" || atoi(g[1]) < 2 {
		return token{}, false
	}
	v := n.l.cardinal(uint64(atoi(g[1])), plain)
	return token{end, v + " " + st.outOfUnits[g[2]] + " " + st.outOf + " " + v, "rate"}, true
}

// alternatives reads two amounts of one unit on either side of a slash
// as alternatives: "24 h/48 h" and "24/48 h" are "vingt-quatre ou
// quarante-huit heures", "$5/$10" "five dollars or ten dollars". No rate
// is per the unit it measures ("5 l/100 km" is), and a fraction is
// written in its lowest terms ("1/2 h", "7/8 km"), which "24/48" is not.
func (n *Normalizer) alternatives(text string, i int) (token, bool) {
	l := n.l
	w := windowN(text, i, 24)
	k := strings.IndexByte(w, '/')
	if l.w.or == "" || k <= 0 || strings.ContainsAny(w[:k], "\n\t") || i+k+1 >= len(text) {
		return token{}, false
	}
	slash, j := i+k, i+k+1
	head := text[:slash]
	// Money: the same currency on both sides.
	if m1, ok := n.money(head, i); ok && m1.end == slash {
		m2, ok := n.money(text, j)
		if !ok || !endsToken(text, m2.end) || currencySign(text[i:slash]) == "" || currencySign(text[i:slash]) != currencySign(text[j:m2.end]) {
			return token{}, false
		}
		return token{m2.end, m1.say + " " + l.orWord(m2.say) + " " + m2.say, "measure"}, true
	}
	re := l.re(measureRe)
	g2, _, ok := find(re, text, j)
	if !ok {
		return token{}, false
	}
	second, ok := n.measure(text, j)
	if !ok || !endsToken(text, second.end) || doseUnits[g2[3]] {
		return token{}, false
	}
	var first string
	if g1, end1, ok := find(re, head, i); ok && g1[1] == "" && g2[1] == "" && strings.TrimSuffix(head[end1:], ".") == "" {
		if g1[3] != g2[3] {
			return token{}, false // "5 l/100 km": a rate
		}
		first = g1[2]
	} else if loc := l.num.FindStringIndex(head[i:]); loc != nil && i+loc[1] == slash {
		// "24/48 h": the unit written once, after the second.
		a1, a2 := atoi(head[i:slash]), atoi(g2[2])
		if strings.ContainsAny(head[i:slash]+g2[2], string(l.decMark)) || a1 == 0 || a1 >= a2 || gcd(a1, a2) == 1 {
			return token{}, false
		}
		first = head[i:slash]
	} else {
		return token{}, false
	}
	a, ok := l.parseAmount(first)
	u, _ := l.unitOf(g2[3])
	if !ok {
		return token{}, false
	}
	return token{second.end, l.spell(a, u.g) + " " + l.orWord(second.say) + " " + second.say, "measure"}, true
}

// doseUnits are the masses a slash joins as the doses of a combined
// medicine ("8 mg/90 mg", "3.75/23 mg"), not as alternatives.
var doseUnits = setOf("mg", "µg", "μg", "mcg", "g")

// orWord is the language's "or" before next.
func (l *language) orWord(next string) string {
	if l.w.orO != "" && (strings.HasPrefix(next, "o") || strings.HasPrefix(next, "ho")) {
		return l.w.orO
	}
	return l.w.or
}

// currencySign is the sign or code an amount of money is written with
// ("$", "€", "EUR"): what is left of it without its digits, marks and
// spaces.
func currencySign(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || strings.ContainsRune(".,'   ", r) {
			return -1
		}
		return r
	}, s))
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// rateDenomRe is what follows the slash of a rate: a unit, counted or not
// ("/kg", "/m²", "/100 km", "/Std.").
var rateDenomRe = `^/ ?(?:(NUM) ?)?([\pLµμ]+[²³23]?(?: [\pLµμ]+[²³23]?)?)(\.?)`

// rate reads an amount of money or a measure per unit: "$5/kg", "€12/m²",
// "30 ct/kWh", "5 l/100 km", "120 g/km". The amount is read by the money
// and measure classes, as it would be alone; the unit after the slash is
// said in the singular, or counted.
func (n *Normalizer) rate(text string, i int) (token, bool) {
	l := n.l
	if l.rate.per == "" && l.rate.perUnit == nil {
		return token{}, false
	}
	w := windowN(text, i, 24)
	k := strings.IndexByte(w, '/')
	if k <= 0 || strings.ContainsAny(w[:k], "\n\t") || wordSpaces(w[:k]) > 1 {
		return token{}, false
	}
	// The amount ends in its unit or currency glued to the slash, or
	// starts with its currency ("$5/kg"); "1/2" and "12/03" are no rates.
	if r, _ := utf8.DecodeLastRuneInString(w[:k]); unicode.IsSpace(r) || unicode.IsDigit(r) && isDigit(w[0]) {
		return token{}, false
	}
	slash := i + k
	if t, ok := n.measure(text, i); ok && t.end > slash {
		return token{}, false // "km/h" is one unit of the table: "kilomètres-heure"
	}
	head := text[:slash]
	var amount token
	found := false
	for _, c := range []class{(*Normalizer).money, (*Normalizer).moneyCode, (*Normalizer).measure} {
		if t, ok := c(n, head, i); ok && t.end == slash {
			amount, found = t, true
			break
		}
	}
	if !found {
		return token{}, false
	}
	g, end, ok := find(l.re(rateDenomRe), text, slash)
	if !ok {
		return token{}, false
	}
	// The unit is the longest run the language names: "km" in "/100 km
	// on", "sq ft" in "/sq ft".
	sym, u, ok := l.rateUnit(g[2], g[3])
	if !ok {
		return token{}, false
	}
	end = end - len(g[2]) - len(g[3]) + len(sym)
	if !endsToken(text, end) {
		return token{}, false
	}
	if unitStopBeforeMark(text, end) {
		end++ // "$3.49/gal., down": the unit's abbreviation's stop, not a sentence's
	}
	var per string
	if g[1] != "" {
		a, ok := l.parseAmount(g[1])
		if !ok || l.rate.perCount == "" {
			return token{}, false
		}
		per = l.rate.perCount + " " + l.spell(a, u.g) + " " + pick(l.singular(a), u.one, u.many)
	} else if l.rate.perUnit != nil {
		per = l.rate.perUnit(u)
	} else {
		per = l.rate.per + " " + u.one
	}
	return token{end, keepStop(text, end, amount.say+" "+per), "rate"}, true
}

// rateUnit finds the unit a rate is written per at the start of s (its
// letters) and dot (a full stop after them): the longest prefix of s that
// is a unit or a rate noun, with the full stop when the language writes
// it so ("Std."). sym is what the unit takes of s and dot.
func (l *language) rateUnit(s, dot string) (sym string, u unit, ok bool) {
	for j := len(s); j > 0; j-- {
		if j < len(s) && s[j] != ' ' {
			continue
		}
		w := s[:j]
		if j == len(s) && dot != "" {
			if u, ok := l.rateNoun(w + "."); ok {
				return w + ".", u, true
			}
		}
		if u, ok := l.rateNoun(w); ok {
			return w, u, true
		}
	}
	return "", unit{}, false
}

func (l *language) rateNoun(w string) (unit, bool) {
	if u, ok := l.units[w]; ok {
		return u, true
	}
	u, ok := l.rate.nouns[w]
	return u, ok
}

// wordSpaces counts the spaces in s that part words, not those grouping
// a number's thousands ("5 600 €" has one).
func wordSpaces(s string) int {
	c := 0
	for j := 0; j < len(s); j++ {
		if s[j] == ' ' && !(j > 0 && isDigit(s[j-1]) && j+1 < len(s) && isDigit(s[j+1])) {
			c++
		}
	}
	return c
}

// perSymbol reads a unit's symbol after the word for "per" as the unit's
// name: "£3 per m²" three pounds per square meter, "10 € pro kg". A lone
// letter ("per m") is left: it may be a letter, not a unit.
func (n *Normalizer) perSymbol(text string, i int) (token, bool) {
	l := n.l
	w, _ := tokenAt(text, i)
	sym := strings.TrimRight(w, ",;:!?)")
	if strings.HasSuffix(sym, ".") && !strings.HasSuffix(sym, "..") {
		if _, ok := l.units[sym]; !ok {
			sym = strings.TrimSuffix(sym, ".") // the sentence's full stop
		}
	}
	u, ok := l.units[sym]
	if !ok || utf8.RuneCountInString(sym) < 2 || !endsToken(text, i+len(sym)) {
		return token{}, false
	}
	return token{i + len(sym), u.one, "rate"}, true
}
