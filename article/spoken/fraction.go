package spoken

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// vulgarSigns are the fractions written as one sign.
	vulgarSigns = "½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
	fractionRe  = regexp.MustCompile(`^(?:(?:(\d{1,3}) ?)?([½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒])|(?:(\d{1,3}) )?(\d{1,2})/(\d{1,3}))`)
	vulgar      = map[string][2]uint64{"½": {1, 2}, "¼": {1, 4}, "¾": {3, 4}, "⅓": {1, 3}, "⅔": {2, 3},
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
	if t, ok := n.fractionHyphen(text, g, end); ok {
		return t, true
	}
	if g[2] != "" {
		v := vulgar[g[2]]
		whole, _ := strconv.ParseUint(g[1], 10, 64)
		return n.fractionAt(text, i, end, whole, v[0], v[1], true)
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
		if t, ok := n.fractionAt(text, i, end, whole, num, den, false); ok {
			return t, true
		}
	}
	if g[3] != "" || len(g[5]) > 2 {
		return token{}, false // "2 9/11": leave the first number alone
	}
	return token{end, l.cardinal(num, plain) + " " + l.cardinal(den, plain), "number pair"}, true
}

// hyphenNounRe is a hyphen and the lower-case noun after it: "-inch".
// With a slash the fraction is read only before a noun of measure
// ("3/5-pin" is a three- or five-pin one); a unit's symbol is said in
// full ("½-in" half-inch).
var hyphenNounRe = regexp.MustCompile(`^-(\p{Ll}+)`)

// fractionHyphen reads a fraction joined by a hyphen to a noun, the two
// one adjective ("a 3/4-inch pipe" a three-quarter-inch pipe, "a
// ½-mile walk" a half-mile walk; were left as written), where the
// language says such a fraction (fractionAdj). g is fractionRe's match,
// ending at end.
func (n *Normalizer) fractionHyphen(text string, g []string, end int) (token, bool) {
	l := n.l
	if l.fractionAdj == nil {
		return token{}, false
	}
	h := hyphenNounRe.FindStringSubmatch(windowN(text, end, 32))
	if h == nil || !endsToken(text, end+len(h[0])) {
		return token{}, false
	}
	noun := h[1]
	if u := l.hyphenUnits[h[1]]; u != "" {
		noun = u // "½-in": half-inch
	} else if m, e, ok := l.measureNoun(text, end+1); ok && e == end+len(h[0]) {
		noun = m.one // "¼-mi"
	}
	var whole, num, den uint64
	if g[2] != "" {
		v := vulgar[g[2]]
		whole, num, den = uint64(atoi(g[1])), v[0], v[1]
	} else {
		// With a slash, only before a noun of measure: "3/5-pin",
		// "32/64-bit", "2/3-seater" are one thing or the other.
		whole, num, den = uint64(atoi(g[3])), uint64(atoi(g[4])), uint64(atoi(g[5]))
		if num == 0 || num >= den || !fractionDens[den] || noun == h[1] && !l.isMeasureWord(h[1]) {
			return token{}, false
		}
	}
	f, ok := l.fractionAdj(whole, num, den)
	if !ok {
		return token{}, false
	}
	return token{end + len(h[0]), f + "-" + noun, "fraction"}, true
}

// isMeasureWord reports whether w, written in full, is a noun of
// measure: "inch", "hour".
func (l *language) isMeasureWord(w string) bool {
	_, ok := l.fracNouns[w]
	return ok
}

// fractionAt says the fraction whole and num/den written at text[i:end],
// as the words around it ask: before a noun of measure or the whole it
// is a part of, or before a noun it describes, where a language joins a
// measure to its noun as one adjective ("a ¾ majority": a
// three-quarters majority; a measure's noun keeps its own: "a ¾ inch
// pipe"). After "a" the "one" of a fraction written as one sign (sign)
// is not said, the article counting it ("a ½ point" a half point); "a
// 1/10 chance" keeps it.
func (n *Normalizer) fractionAt(text string, i, end int, whole, num, den uint64, sign bool) (token, bool) {
	l := n.l
	if one := l.cardinal(1, plain) + " "; sign && whole == 0 && num == 1 && l.oneAfter[strings.ToLower(prevWord(text, i))] && n.articleCounts(text, i, end, den) {
		if f, ok := l.fraction(0, 1, den); ok && strings.HasPrefix(f, one) {
			return token{end, strings.TrimPrefix(f, one), "fraction"}, true
		}
	}
	if t, ok := n.fractionOfNoun(text, i, end, whole, num, den); ok {
		return t, true
	}
	if t, ok := n.fractionPart(text, i, end, whole, num, den); ok {
		return t, true
	}
	f, ok := l.fraction(whole, num, den)
	if !ok {
		return token{}, false
	}
	if whole == 0 && l.unitAdjective && adjectival(text, i, end) {
		if _, _, measure := l.measureNoun(text, end+1); !measure {
			f = strings.ReplaceAll(f, " ", "-")
		}
	}
	return token{end, f, "fraction"}, true
}

// articleCounts reports whether the article before a fraction of one
// written as one sign at text[i:end] counts it, its "one" not said: a half
// ("a ½ point", a half point), a measure ("a ¼ mile", a quarter mile),
// or after "an", which only a fraction said without its "one" can follow
// ("an ⅛ share"). Before another noun the fraction is an adjective in
// its full form, as "a 1/4 stake" is: "a ⅓ share", a one-third share.
func (n *Normalizer) articleCounts(text string, i, end int, den uint64) bool {
	if den == 2 || strings.EqualFold(prevWord(text, i), "an") || end >= len(text) || text[end] != ' ' {
		return true
	}
	_, _, measure := n.l.measureNoun(text, end+1)
	return measure
}

// dayMonthSlash reads "25/11" and "02/12" as dates where the day is
// written first: the first number is the day when it is not smaller than
// the second or either has a leading zero ("3/4" stays a fraction), or
// after a word that comes before a day (dayBefore: "am 8/10", "el 8/10",
// "le 3/4"), no word of a part after it ("el 3/4 de los votos").
func (n *Normalizer) dayMonthSlash(text string, i int, g []string, end int) (token, bool) {
	if g[3] != "" || namePairs[g[4]+"/"+g[5]] || n.l.date == nil {
		return token{}, false
	}
	if !n.dmy {
		return n.monthDaySlash(text, i, g, end)
	}
	d, m := atoi(g[4]), atoi(g[5])
	dayWord := n.l.dayBefore[strings.ToLower(prevWord(text, i))] && !n.l.ratingParts[strings.ToLower(nextWord(text, end))]
	if !validDate(d, m) || (d < m && g[4][0] != '0' && g[5][0] != '0' && !dayWord) {
		return token{}, false
	}
	return token{end, n.l.date(n, d, m, 0, dateCtx{wordCtx: ctxAt(text, i, end)}), "date"}, true
}

// monthDaySlash reads "12/25" as a date where the month is written first
// (the United States), only where it can be nothing else: the day is
// over 12 and no fraction's denominator ("3/16" is a fraction), or a word
// that introduces a date comes before ("on 7/4", "Fri. 7/4"). Not before
// "of", "from" or "shooting" ("went 5/17 from the field" is made shots),
// nor as "a 1/20 chance". A wrong date is worse than the digits.
func (n *Normalizer) monthDaySlash(text string, i int, g []string, end int) (token, bool) {
	m, d := atoi(g[4]), atoi(g[5])
	if !validDate(d, m) {
		return token{}, false
	}
	prev := strings.ToLower(prevWord(text, i))
	next := strings.ToLower(nextWord(text, end))
	if slashNotDateNext[next] || slashNotDatePrev[prev] || prev == "a" || prev == "an" {
		return token{}, false
	}
	dateWord := slashDateBefore[prev] || n.l.abbrevs[prevWord(text, i)].day != "" || enWeekdays[prev]
	if !(d > 12 && !fractionDens[uint64(d)] || dateWord) {
		return token{}, false
	}
	return token{end, n.l.date(n, d, m, 0, dateCtx{wordCtx: ctxAt(text, i, end), monthFirst: true}), "date"}, true
}

var (
	// slashDateBefore are the words after which a month and a day are a
	// date whatever their numbers: "on 7/4", "since 3/1", "through 6/30".
	slashDateBefore = setOf("on", "since", "until", "till", "through", "thru", "starting", "effective", "dated")
	// slashNotDateNext and slashNotDatePrev are words around a pair that
	// is a part of a whole ("5/17 from the field", "shot 7/15").
	slashNotDateNext = setOf("of", "from", "shooting", "chance", "odds", "split", "vote", "majority", "vision")
	slashNotDatePrev = setOf("shot", "shooting", "went", "scored", "hit", "made", "was", "were", "is", "are")
	enWeekdays       = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)

// fractionPart reads a fraction before the whole it is a part of as the
// language's noun for the part: "1/2 der Stimmen" is "die Hälfte der
// Stimmen", "1/2 des voix" "la moitié des voix".
func (n *Normalizer) fractionPart(text string, i, end int, whole, num, den uint64) (token, bool) {
	l := n.l
	if l.partOf == nil || whole != 0 || end >= len(text) || text[end] != ' ' {
		return token{}, false
	}
	say, ok := l.partOf(num, den, prevWord(text, i), nextWord(text, end))
	if !ok {
		return token{}, false
	}
	return token{end, say, "fraction"}, true
}

// fracNoun is a fraction written before the noun it measures: "3/4 cup",
// "1/2 Liter", "2 1/2 heures".
type fracNoun struct {
	whole, num, den uint64
	// one and many are the noun's singular and plural, g its gender;
	// written is the noun as written ("tbsp" for "tablespoon").
	one, many, written string
	g                  gender
	// prev is the word before the fraction, before the text before it
	// (textBefore), next the word after the noun.
	prev, before, next string
}

// fractionOfNoun reads a fraction and the noun of measure after it as one
// phrase, the way the language says it: "half a teaspoon", "three quarters
// of a cup", "ein halber Liter", "un demi-litre", "trois quarts de tasse",
// "media taza", "dos horas y media", "mezzo litro". The noun is one of the
// language's measures (fracNouns) or units; other words after a fraction
// are left to the fraction's own reading.
func (n *Normalizer) fractionOfNoun(text string, i, end int, whole, num, den uint64) (token, bool) {
	l := n.l
	if l.fractionOf == nil || end >= len(text) || text[end] != ' ' {
		return token{}, false
	}
	f, nend, ok := l.measureNoun(text, end+1)
	if !ok {
		return token{}, false
	}
	f.whole, f.num, f.den = whole, num, den
	f.prev, f.before, f.next = prevWord(text, i), textBefore(text, i), nextWord(text, nend)
	say, ok := l.fractionOf(f)
	if !ok {
		return token{}, false
	}
	return token{nend, keepStop(text, nend, say), "fraction"}, true
}

// measureNoun reads the noun of measure at text[j:]: a word of the
// language's fracNouns, or a unit symbol ("tsp", "kg", "l"); its full
// stop is taken when the table writes it with one ("in.").
func (l *language) measureNoun(text string, j int) (fracNoun, int, bool) {
	s := window(text, j)
	k := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if k < 0 {
		k = len(s)
	}
	w := s[:k]
	if w == "" {
		return fracNoun{}, 0, false
	}
	end := j + k
	if k < len(s) && s[k] == '.' {
		if u, ok := l.fracNouns[w+"."]; ok {
			return fracNoun{one: u.one, many: u.many, g: u.g, written: w + "."}, end + 1, true
		}
		if u, ok := l.units[w+"."]; ok {
			return fracNoun{one: u.one, many: u.many, g: u.g, written: w + "."}, end + 1, true
		}
	}
	if !endsToken(text, end) {
		return fracNoun{}, 0, false // "1/2 cup-size", "3/4-inch"
	}
	if u, ok := l.fracNouns[w]; ok {
		return fracNoun{one: u.one, many: u.many, g: u.g, written: w}, end, true
	}
	if u, ok := l.units[w]; ok && u.one != "" {
		return fracNoun{one: u.one, many: u.many, g: u.g, written: w}, end, true
	}
	return fracNoun{}, 0, false
}

// nouns builds a table of nouns of measure from triples of singular,
// plural and gender: every form maps to the noun.
func nouns(g gender, pairs ...string) map[string]unit {
	m := map[string]unit{}
	addNouns(m, g, pairs...)
	return m
}

// withShort adds to m, for each pair of a short word and a noun already
// in m ("mo", "month"), the short word read as that noun, and returns m.
func withShort(m map[string]unit, pairs ...string) map[string]unit {
	for k := 0; k+1 < len(pairs); k += 2 {
		m[pairs[k]] = m[pairs[k+1]]
	}
	return m
}

// addNouns adds singular and plural pairs of gender g to m.
func addNouns(m map[string]unit, g gender, pairs ...string) {
	for k := 0; k+1 < len(pairs); k += 2 {
		u := unit{one: pairs[k], many: pairs[k+1], g: g}
		m[pairs[k]] = u
		m[pairs[k+1]] = u
	}
}

// startsVowel reports whether w starts with a vowel letter (an elision or
// "an" comes before it).
func startsVowel(w string) bool {
	r, _ := utf8.DecodeRuneInString(strings.ToLower(w))
	return strings.ContainsRune("aeiouàâäéèêëîïôöùûüáíóú", r)
}

// ratingRe is a mark out of five or ten: "8/10", "4.5/5", "4,7 / 5"
// (the decimal mark is checked against the language's).
var ratingRe = regexp.MustCompile(`^(\d{1,2})(?:([.,])(\d))?( ?/ ?)(10|5)\b`)

// rating reads a mark on a scale of ten or five as reviews give it: "I
// rate it 8/10" eight out of ten, "9.5/10", "4.5/5", "4/5 stars",
// "4,7 / 5" cuatro coma siete de cinco, quatre virgule sept sur cinq,
// vier Komma sieben von fünf. A fraction stays where it is a part of
// something ("3/10 of voters" three tenths of voters, "8/10 der
// Befragten", "a 1/10 chance", "a 3/5 majority") and after a word that
// comes before a date ("on 8/10", "am 8/10", "el 8/10"), so a mark needs
// a numerator of two or more that no word of a part follows, over ten;
// over five, a half mark or stars after it. A decimal is written with
// the language's mark, or with a point where that mark is the comma (a
// point between one digit and one is no thousands' group): "4.7 / 5" in
// Spanish text.
func (n *Normalizer) rating(text string, i int) (token, bool) {
	l := n.l
	if l.w.outOf == "" {
		return token{}, false
	}
	g, end, ok := find(ratingRe, text, i)
	if !ok || end < len(text) && strings.ContainsRune("/.,", rune(text[end])) && end+1 < len(text) && isDigit(text[end+1]) {
		return token{}, false
	}
	if g[2] != "" && g[2][0] != l.decMark && g[2] != "." {
		return token{}, false // "4,5/5" in English: two numbers
	}
	a := amount{intPart: g[1], frac: g[3]}
	den := atoi(g[5])
	next := nextWord(text, end)
	prev := strings.ToLower(prevWord(text, i))
	if amountFloat(a) > float64(den) || amountFloat(a) < 2 || l.ratingParts[strings.ToLower(next)] ||
		l.oneAfter[prev] && a.frac == "" || l.ratingDates[prev] {
		// "on 8/10", "until 9/10": a day of a month, not a mark.
		return token{}, false
	}
	if k := strings.IndexAny(next, "'’"); k > 0 && l.ratingParts[strings.ToLower(next[:k+1])] {
		return token{}, false // "3/10 d'électeurs"
	}
	if den == 5 && a.frac == "" && !l.ratingStars[strings.ToLower(next)] {
		return token{}, false
	}
	return token{end, l.spell(a, plain) + " " + l.w.outOf + " " + l.cardinal(uint64(den), plain), "rating"}, true
}
