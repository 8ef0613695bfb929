package spoken

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

var (
	// An amount may end in its decimal mark and a dash for no cents, as
	// German prices are written: "5,- €", "€ 5,–", "5,-- Euro".
	moneySymbolRe = `^(US|A|AU|C|CA|NZ|HK|S|R)?([$€£¥₹₩₽₺₱₦₪])\s?(NUM)(?:[,.][-–]{1,2})?`
	moneyAfterRe  = `^(NUM)(?:[,.][-–]{1,2})?\s?([€£$¢])`
	// A currency's code or its abbreviation before the amount: "CHF 12",
	// "Rs 500", "Rs.500".
	moneyCodeRe = regexp.MustCompile(`^([A-Z]{3}|[A-Z][a-z]{1,2}\.?) ?(\d)`)
	// Ranges: "$40-$60", "$5-10 million", "10-20 €".
	moneyRangeRe      = `^(US|A|AU|C|CA|NZ|HK|S|R)?([$€£¥₹₩₽₺₱₦₪])\s?(NUM) ?[-–] ?(?:(?:US|A|AU|C|CA|NZ|HK|S|R)?[$€£¥₹₩₽₺₱₦₪])?(NUM)`
	moneyRangeAfterRe = `^(NUM) ?[-–] ?(NUM)\s?([€£$])`
	// A scale between the number and the symbol: "2,7 Mio. €", "3 M€".
	moneyScaleSymRe = `^(NUM)\s?(\p{L}+)\.?\s?([€£$])`
	// A currency's name after the amount: "1,50 Euro", "2.50 dollars".
	moneyNameRe = `^(NUM)(?:[,.][-–]{1,2})? (\p{L}+(?:-\p{L}+)?)\b`
)

// money reads "$43 million", "€20", "£5.50", "US$1.2bn", "20 €", "400
// SEK", "2,7 Mio. €", and ranges ("$40-$60", "10-20 €"). An amount of one
// takes the form of the indefinite article the words before it ask for
// ("mit einem Euro", "kostet einen Euro"). In English an amount before
// the noun it describes is an adjective, its currency singular: "a $5
// million fine" is a five million dollar fine.
func (n *Normalizer) money(text string, i int) (token, bool) {
	t, ok := n.moneyAmount(text, i)
	// "$50+", "$1 billion-plus": at least the amount, its "plus" said
	// after it; "£300,000-a-week": the amount per week.
	plus := 0
	var per []string
	if ok {
		plus = n.l.plusAt(text, t.end)
		t.end += plus
		if re := n.l.perHyphen; re != nil && plus == 0 {
			if g, end, found := find(re, text, t.end); found && endsToken(text, end) {
				per, t.end = g[1:], end
			}
		}
	}
	if ok && plus == 0 && per == nil {
		// "from £399pp": a price per person, its letters glued to it.
		for suffix, say := range n.l.moneySuffixes {
			if strings.HasPrefix(text[t.end:], suffix) && endsToken(text, t.end+len(suffix)) {
				t.end += len(suffix)
				per = []string{say}
				break
			}
		}
	}
	t, ok = n.moneyInContext(text, i, t, ok)
	if ok && per != nil && n.l.unitAdjective && !adjectival(text, i, t.end) && nounAfter(text, t.end) {
		// "Amazon's $119-a-year program": the hyphens make the amount
		// and its rate one adjective, whatever comes before.
		t.say = n.l.singularCurrency(t.say)
	}
	if ok && plus > 0 {
		t.say += " " + n.l.w.plus
	}
	if ok && per != nil {
		t.say += " " + strings.Join(per, " ")
	}
	if ok && plus == 0 && per == nil && t.end+1 < len(text) && text[t.end] == '/' && n.l.w.or != "" &&
		strings.ContainsRune("$€£¥", []rune(text[t.end+1:])[0]) {
		// "£45/$50": the same price in two currencies, "or" between;
		// "£1/$1.27", one unit of a currency against another, an
		// exchange rate, "to" between.
		if t2, ok2 := n.moneyAmount(text, t.end+1); ok2 && endsToken(text, t2.end) {
			join := n.l.w.or
			if oneUnitRe.MatchString(text[i:]) || oneUnitRe.MatchString(text[t.end+1:]) {
				join = n.l.w.to
			}
			first, second := t.say, t2.say
			if n.l.unitAdjective && adjectival(text, i, t2.end) {
				// "the £45/$50 mark": both amounts describe the noun.
				first, second = n.l.singularCurrency(first), n.l.singularCurrency(second)
			}
			t.say, t.end = first+" "+join+" "+second, t2.end
		}
	}
	return t, ok
}

// oneUnitRe is one unit of a currency: "$1", "£1", the side of an
// exchange rate.
var oneUnitRe = regexp.MustCompile(`^[$€£¥]1(?:[^\d.,]|[.,]\D|$)`)

// plusAt is the length of the "+" or the language's plusSuffix ("-plus")
// that ends a number at j, 0 when none does.
func (l *language) plusAt(text string, j int) int {
	for _, p := range []string{"+", l.plusSuffix} {
		if p != "" && strings.HasPrefix(text[j:], p) && endsToken(text, j+len(p)) {
			return len(p)
		}
	}
	return 0
}

// moneyInContext gives an amount of money said as a count (t) the form
// its neighbours ask for: an adjective's, an article's; or none, when they
// say it is no amount (a day's ordinal before its month, see
// dateAfterAmount).
func (n *Normalizer) moneyInContext(text string, i int, t token, ok bool) (token, bool) {
	if ok && n.l.dateAfterAmount(text, t.end) {
		return token{}, false
	}
	if ok && n.l.unitAdjective && (adjectival(text, i, t.end) || n.afterPrefix(text, i) && nounAfter(text, t.end)) {
		// "a sub-$300 phone": after a prefix the amount is the noun's
		// adjective, whatever comes before the prefix.
		t.say = n.l.singularCurrency(t.say)
	}
	if !ok || n.l.article == nil {
		return t, ok
	}
	first, rest, _ := strings.Cut(t.say, " ")
	next, _, _ := strings.Cut(rest, " ")
	if out, glued := n.l.article(first, textBefore(text, i), next, window(text, t.end)); !glued {
		t.say = strings.TrimSuffix(out+" "+rest, " ")
	}
	return t, true
}

// singularCurrency gives say, an amount of money said ending in its
// currency's plural, that currency's singular: "five million dollars" is
// "five million dollar". An amount said with its minor unit ("five
// dollars and fifty cents") keeps the minor amount and drops its name and
// the "and", as a price is said before a noun ("a five dollar fifty fee",
// like "a five-foot-ten man"): "a five dollars and fifty cents fee" is
// said by no one. A minor amount under ten is said with "oh" ("five
// dollar oh five"), as a price's cents are.
func (l *language) singularCurrency(say string) string {
	if j := l.money.minorJoin; j != "" && strings.Contains(say, j) {
		return l.singularWithMinor(say)
	}
	return singularEnd(say, func(yield func(one, many string) bool) {
		for _, c := range l.currencies {
			if !yield(c.one, c.many) {
				return
			}
		}
	})
}

// singularWithMinor is singularCurrency of an amount said with its minor
// unit, as sayMoney says it: "<major> <currency><minorJoin><minor>
// <minor unit>". Anything else (a range joined by "and") is left.
func (l *language) singularWithMinor(say string) string {
	j := l.money.minorJoin
	for _, c := range l.currencies {
		if c.minorMany == "" {
			continue
		}
		for _, name := range []string{c.many, c.one} {
			head, minor, ok := strings.Cut(say, " "+name+j)
			if !ok || head == "" {
				continue
			}
			for _, m := range []string{c.minorMany, c.minorOne} {
				words, ok := strings.CutSuffix(minor, " "+m)
				if !ok || words == "" || strings.Contains(words, j) {
					continue
				}
				for d := uint64(1); d < 10 && l.w.oh != ""; d++ {
					if words == l.cardinal(d, c.minorG) {
						words = l.w.oh + " " + words
						break
					}
				}
				return head + " " + c.one + " " + words
			}
		}
	}
	return say
}

// moneyAmount is money, the amount read as a count.
func (n *Normalizer) moneyAmount(text string, i int) (token, bool) {
	l := n.l
	if l.currencies == nil {
		return token{}, false
	}
	if t, ok := n.scaledMoneyRange(text, i); ok {
		return t, true
	}
	if g, end, ok := find(l.re(moneyRangeRe), text, i); ok {
		if cur, ok := l.currencies[g[1]+g[2]]; ok {
			if t, ok := n.moneyRange(text, i, g[3], g[4], end, cur); ok {
				return t, true
			}
		}
	}
	if g, end, ok := find(l.re(moneyRangeAfterRe), text, i); ok {
		if cur, ok := l.currencies[g[3]]; ok {
			if t, ok := n.moneyRange(text, i, g[1], g[2], end, cur); ok {
				return t, true
			}
		}
	}
	if g, end, ok := find(l.re(moneyScaleSymRe), text, i); ok {
		cur, okc := l.currencies[g[3]]
		pow, oks := l.scales[g[2]]
		if okc && oks {
			return n.sayMoney(g[1], pow, g[2], end, cur)
		}
	}
	if g, end, ok := find(l.re(moneyNameRe), text, i); ok {
		if key, ok := l.currencyNames[g[2]]; ok {
			if cur, ok := l.currencies[key]; ok {
				return n.sayMoney(g[1], 0, "", end, cur)
			}
		}
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
		return n.sayMoney(g[1], pow, g[2], end, cur)
	}
	return token{}, false
}

// moneyCode reads "CHF 12", "USD 3.5m", "Rs 500 crore", in the form the
// words around ask for, as money does.
func (n *Normalizer) moneyCode(text string, i int) (token, bool) {
	t, ok := n.moneyCodeAmount(text, i)
	return n.moneyInContext(text, i, t, ok)
}

// dateAfterAmount reports whether the number that ends at end is a day's
// ordinal before its month ("Fr. 12. Mai": a weekday's abbreviation and
// its date, not Swiss francs).
func (l *language) dateAfterAmount(text string, end int) bool {
	return end < len(text) && text[end] == '.' && l.monthOf(nextWord(text, end+1)) > 0
}

// moneyCodeAmount is moneyCode, the amount read as a count.
func (n *Normalizer) moneyCodeAmount(text string, i int) (token, bool) {
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
	j := i + len(g[1])
	if text[j] == ' ' {
		j++
	}
	loc := l.num.FindStringIndex(window(text, j))
	if loc == nil {
		return token{}, false
	}
	return n.moneyScaled(text, text[j:j+loc[1]], j+loc[1], cur)
}

// codeBefore reports whether w starts with a currency's abbreviation
// written in letters before its amount ("Rs", "Rs."), other than a code
// of three capitals.
func (l *language) codeBefore(w string) bool {
	k := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	if k < 0 {
		k = len(w)
	} else if w[k] == '.' {
		k++
	}
	_, ok := l.currencies[w[:k]]
	return ok && k > 1
}

// moneyScaled finishes a money token whose number ends at end, taking a
// scale that follows ("million", "bn", "m", "Mio.").
func (n *Normalizer) moneyScaled(text, num string, end int, cur currency) (token, bool) {
	pow, e, ok := n.l.moneyScale(text, end)
	if !ok {
		return token{}, false
	}
	return n.sayMoney(num, pow, strings.TrimSpace(text[end:e]), e, cur)
}

// moneyScale finds the scale after an amount of money ending at end,
// glued ("$5m", "$5B", "£2bn") or a word after it ("$43 million", "2
// Mio."): its power of ten (0 for none) and where it ends; ok is false
// when letters glued to the amount are no scale.
func (l *language) moneyScale(text string, end int) (pow, e int, ok bool) {
	if w := gluedWord(text, end); w != "" {
		p, ok := l.scales[w]
		switch {
		case l.moneySuffixes[w] != "":
			return 0, end, true // "£35pp": per person, said after the amount (money)
		case ok:
		case w == "m" || w == "M":
			p = 6
		case w == "B" || w == "b":
			p = 9
		default:
			return 0, end, false
		}
		return p, end + len(w), true
	}
	pow, end = l.scaleAfter(text, end)
	return pow, end, true
}

// sayMoney says an amount of cur, scaled by 10^pow when pow > 0, the
// scale written as written (withScale).
func (n *Normalizer) sayMoney(num string, pow int, written string, end int, cur currency) (token, bool) {
	l := n.l
	a, ok := l.parseAmount(num)
	if !ok {
		return token{}, false
	}
	if pow > 0 {
		if pow < 6 {
			// Thousands are a number, not a noun: "cinquante mille
			// euros", "cinquantamila euro", no "de"/"di".
			say := l.withScale(a, pow, written)
			if v := a.value(); l.thousandAgrees && pow == 3 && a.frac == "" && v > 0 && v < 1000 {
				// "£ 2 mil": duas mil libras, the number agreeing
				// with the currency as with any noun after "mil".
				say = l.cardinal(v*1000, cur.g)
			}
			return token{end, say + " " + cur.many, "money"}, true
		}
		return token{end, l.withScale(a, pow, written) + l.scaleJoin(cur.many), "money"}, true
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
	if v := a.value(); a.frac == "" && v > 0 && v%1_000_000 == 0 && l.money.scaleJoin != "" {
		// "1 000 000 €": un million d'euros, as "1 million €" is.
		return token{end, l.spell(a, cur.g) + l.scaleJoin(cur.many), "money"}, true
	}
	return token{end, l.spell(a, cur.g) + " " + pick(a.frac == "" && a.value() == 1 || l.pluralFromTwo && a.value() < 2, cur.one, cur.many), "money"}, true
}

// moneyRange says "forty to sixty dollars", "five to ten million dollars";
// the second number may take a scale.
func (n *Normalizer) moneyRange(text string, start int, from, to string, end int, cur currency) (token, bool) {
	l := n.l
	a, ok1 := l.parseAmount(from)
	b, ok2 := l.parseAmount(to)
	if !ok1 || !ok2 {
		return token{}, false
	}
	pow, e, ok := l.moneyScale(text, end)
	if !ok {
		return token{}, false
	}
	if pow == 0 && percentAfterRe.MatchString(windowN(text, end, 16)) {
		// "salaries of $100,000 – 27 percent greater": a dash between an
		// amount and a share is the sentence's, no range.
		return token{}, false
	}
	written := strings.TrimSpace(text[end:e])
	end = e
	say := l.spell(a, cur.g) + " " + l.rangeTo(prevWord(text, start)) + " "
	if pow > 0 {
		say += l.withScale(b, pow, written) + l.scaleJoin(cur.many)
	} else {
		say += l.spell(b, cur.g) + " " + cur.many
	}
	return token{end, say, "money"}, true
}

// rangeDashRe is the dash of a range between two amounts, spaced or not,
// and the second amount's currency sign, maybe with its country's
// letters: "-$", " – US$", "-".
var rangeDashRe = regexp.MustCompile(`^ ?[-–] ?((?:US|A|AU|C|CA|NZ|HK|S|R)?[$€£¥₹₩₽₺₱₦₪])?`)

// scaledMoneyRange reads a range of amounts each written with its scale:
// "$5m-$10m" five to ten million dollars, "£500m-£1bn" five hundred
// million to one billion pounds (the first was read alone, the rest
// left as written). The second amount's sign, when written, is the
// first's.
func (n *Normalizer) scaledMoneyRange(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(l.re(moneySymbolRe), text, i)
	if !ok || end != i+len(g[0]) || strings.ContainsAny(g[0][len(g[0])-1:], "-–") {
		return token{}, false
	}
	cur, ok := l.currencies[g[1]+g[2]]
	if !ok {
		return token{}, false
	}
	pow1, e1, ok := l.moneyScale(text, end)
	if !ok || pow1 == 0 {
		return token{}, false
	}
	d := rangeDashRe.FindStringSubmatch(windowN(text, e1, 8))
	if d == nil || d[1] != "" && d[1] != g[1]+g[2] {
		return token{}, false
	}
	j := e1 + len(d[0])
	num := l.num.FindString(window(text, j))
	if num == "" {
		return token{}, false
	}
	pow2, e2, ok := l.moneyScale(text, j+len(num))
	if !ok || pow2 == 0 || pow2 < pow1 || !endsToken(text, e2) {
		return token{}, false
	}
	a, ok1 := l.parseAmount(g[3])
	b, ok2 := l.parseAmount(num)
	if !ok1 || !ok2 || pow1 == pow2 && a.float() >= b.float() {
		return token{}, false
	}
	first := l.spell(a, cur.g)
	if pow1 != pow2 {
		first = l.withScale(a, pow1, strings.TrimSpace(text[end:e1]))
	}
	join := l.scaleJoin(cur.many)
	if pow2 < 6 {
		join = " " + cur.many // thousands are a number, not a noun: "mille dollars", as sayMoney says
	}
	say := first + " " + l.rangeTo(prevWord(text, i)) + " " + l.withScale(b, pow2, strings.TrimSpace(text[j+len(num):e2])) + join
	return token{e2, say, "money"}, true
}

// float is a's value, its fraction included, to compare two amounts.
func (a amount) float() float64 {
	v, _ := strconv.ParseFloat(a.intPart+"."+a.frac+"0", 64)
	return v
}

// scaleJoin is what comes between a scale word and a currency's name:
// " dollars", " de dollars", " d'euros", " di euro".
func (l *language) scaleJoin(name string) string {
	j := l.money.scaleJoin
	switch {
	case j == "":
		return " " + name
	case l.money.elide && (strings.ContainsAny(name[:1], "aeiouéèêAEIOUÉ") || muteH(name)):
		return " " + j[:len(j)-1] + "'" + name
	}
	return " " + j + " " + name
}

// muteH reports whether name starts with an h that is not sounded and is
// elided before as a vowel is ("d'hectares", "d'heures"), unlike the
// aspirated h ("de hausse").
func muteH(name string) bool {
	for _, p := range []string{"hect", "heure", "habitant", "hôpita", "hôtel", "homme"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// pick is a when cond holds, else b.
func pick[T any](cond bool, a, b T) T {
	if cond {
		return a
	}
	return b
}
