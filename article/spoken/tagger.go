package spoken

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// match tries the rules (when withRules) and then every class at text[i:],
// in order, and returns the first that claims a token ending at a token
// boundary.
func (n *Normalizer) match(text string, i int, withRules bool) (token, bool) {
	if withRules && ruleStart(text, i) {
		if t, ok := n.matchRule(text, i); ok {
			return t, true
		}
	}
	l := n.l
	if l == nil || !atBoundary(text, i) {
		return token{}, false
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	var classes []func(string, int) (token, bool)
	switch {
	case unicode.IsLetter(r):
		// Cheap looks at the word decide which classes can apply: most
		// words of a sentence need none.
		w := window(text, i)
		if k := strings.IndexFunc(w, unicode.IsSpace); k >= 0 {
			w = w[:k]
		}
		dotted := strings.ContainsAny(w, ".@")
		if dotted {
			classes = append(classes, n.url)
		}
		if strings.Contains(w, "$") {
			classes = append(classes, n.money)
		}
		if len(w) == 3 && w == strings.ToUpper(w) {
			classes = append(classes, n.moneyCode)
		}
		if unicode.IsUpper(r) {
			classes = append(classes, n.monthDate)
		}
		if dotted || l.abbrevPlain[w] {
			classes = append(classes, n.abbreviation)
		}
		if strings.ContainsRune("IVXLCDM", r) {
			classes = append(classes, n.frCentury, n.romanNumeral)
		}
	case unicode.IsDigit(r) || strings.ContainsRune("$€£¥₹-−+#'’(½¼¾⅓⅔", r):
		// The written token and the next one decide which classes can
		// apply, so a plain "12" costs a handful of regexps, not all.
		w, next := tokenAt(text, i)
		has := func(chars string) bool { return strings.ContainsAny(w, chars) }
		add := func(ok bool, c func(string, int) (token, bool)) {
			if ok {
				classes = append(classes, c)
			}
		}
		nextLetter := next != "" && unicode.IsLetter([]rune(next)[0])
		add(l == languages["de"], n.deDayMonth)
		add(l == languages["de"], n.deClock)
		add(has("+(-"), n.phone)
		add(has("-/."), n.numericDate)
		add(nextLetter, n.dayMonth)
		add(has(":hapAP") || nextLetter, n.clockTime)
		add(has("$€£¥₹") || strings.ContainsAny(next, "$€£¥₹") || (len(next) >= 3 && next[:3] == strings.ToUpper(next[:3])) || nextLetter, n.money)
		add(has("%") || strings.HasPrefix(next, "%") || nextLetter, n.percent)
		add(true, n.measure)
		add(has("s") || l == languages["de"], n.decade)
		add(has("-–"), n.numberRange)
		add(strings.IndexFunc(w, unicode.IsLetter) >= 0, n.ordinalNumber)
		add(has("/½¼¾⅓⅔"), n.fractionNumber)
		add(has("0"), n.code)
		add(true, n.number)
	default:
		return token{}, false
	}
	for _, c := range classes {
		if t, ok := c(text, i); ok && t.end > i && endsToken(text, t.end) {
			return t, true
		}
	}
	return token{}, false
}

// tokenAt is the run of non-space text at i and the one after it.
func tokenAt(text string, i int) (w, next string) {
	s := window(text, i)
	k := strings.IndexFunc(s, unicode.IsSpace)
	if k < 0 {
		return s, ""
	}
	w, rest := s[:k], strings.TrimLeftFunc(s[k:], unicode.IsSpace)
	if k := strings.IndexFunc(rest, unicode.IsSpace); k >= 0 {
		rest = rest[:k]
	}
	return w, rest
}

// find runs an anchored regexp at text[i:] and returns the submatches, as
// strings ("" for an unmatched group), and the absolute end.
func find(re *regexp.Regexp, text string, i int) ([]string, int, bool) {
	return findIn(re, text, i, maxToken)
}

// findIn is find looking at most size bytes ahead.
func findIn(re *regexp.Regexp, text string, i, size int) ([]string, int, bool) {
	loc := re.FindStringSubmatchIndex(windowN(text, i, size))
	if loc == nil {
		return nil, 0, false
	}
	g := make([]string, len(loc)/2)
	for k := range g {
		if loc[2*k] >= 0 {
			g[k] = text[i+loc[2*k] : i+loc[2*k+1]]
		}
	}
	return g, i + loc[1], true
}

// maxToken bounds how far a class looks from a token's start (maxAddress
// for web and e-mail addresses). Every class is anchored, but bounding the
// text it sees keeps the scan linear whatever the regexp engine does with
// a pattern, and Go's backtracker costs in proportion to its input.
const (
	maxToken   = 64
	maxAddress = 256
)

// window is text[i:], cut to maxToken bytes at a rune start.
func window(text string, i int) string { return windowN(text, i, maxToken) }

func windowN(text string, i, size int) string {
	end := i + size
	if end >= len(text) {
		return text[i:]
	}
	for end > i && !utf8.RuneStart(text[end]) {
		end--
	}
	return text[i:end]
}

// keepStop gives back a sentence's final full stop that a token swallowed
// ("at 10 a.m." at the end of a sentence).
func keepStop(text string, end int, say string) string {
	if end > 0 && text[end-1] == '.' && sentenceEnds(text, end) {
		return say + "."
	}
	return say
}

// ---- numbers ----

var signRe = regexp.MustCompile(`^[-−+]`)

// number reads a plain number: a year where it looks like one, else a
// cardinal or a decimal, with a glued or following scale ("1.2bn").
func (n *Normalizer) number(text string, i int) (token, bool) {
	l := n.l
	j := i
	neg := false
	if loc := signRe.FindStringIndex(window(text, i)); loc != nil {
		neg = text[i] != '+'
		j += loc[1]
	}
	loc := l.num.FindStringIndex(window(text, j))
	if loc == nil {
		return token{}, false
	}
	lit := text[j : j+loc[1]]
	end := j + loc[1]
	a, ok := l.parseAmount(lit)
	if !ok {
		return token{}, false
	}
	if j > i && !strings.ContainsAny(lit[:1], "123456789") && a.frac == "" && a.value() == 0 {
		neg = false
	}
	// "1.2bn", "5bn": a glued scale. "4K" and "5m" are left alone (a
	// screen, a distance or millions).
	scale := ""
	if w := gluedWord(text, end); w != "" {
		if s, ok := l.scales[w]; ok && !isLongScale(w) && len(w) > 1 {
			scale, end = s, end+len(w)
		} else {
			return token{}, false
		}
	}
	if !neg && j == i && a.frac == "" && scale == "" && len(lit) == 4 && l.year != nil && l.isYear != nil && l.isYear(text, i, end) {
		y, _ := strconv.Atoi(lit)
		return token{end, l.year(y), "year"}, true
	}
	say := l.spell(a)
	if scale != "" {
		say += " " + scale
	}
	if neg {
		say = l.minus + " " + say
	}
	rule := "cardinal"
	if a.frac != "" {
		rule = "decimal"
	}
	return token{end, say, rule}, true
}

// gluedWord is the run of letters right at j ("bn" in "1.2bn").
func gluedWord(text string, j int) string {
	k := j
	for k < len(text) {
		r, size := utf8.DecodeRuneInString(text[k:])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		k += size
	}
	return strings.TrimRight(text[j:k], ".")
}

// isLongScale: scale words that must be spelled out in full and stand apart
// ("million"), as opposed to glued abbreviations ("bn").
func isLongScale(w string) bool {
	return len(w) > 3 && strings.ToLower(w) == w
}

var codeRe = regexp.MustCompile(`^0\d{2,}`)

// code reads a number written with a leading zero ("007", "0800") digit by
// digit: it is an identifier, not a quantity.
func (n *Normalizer) code(text string, i int) (token, bool) {
	g, end, ok := find(codeRe, text, i)
	if !ok || (end < len(text) && (text[end] == '.' || text[end] == ',') && end+1 < len(text) && isDigit(text[end+1])) {
		return token{}, false
	}
	return token{end, n.l.digits(g[0]), "digits"}, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

var (
	phoneIntl  = regexp.MustCompile(`^\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}`)
	phoneParen = regexp.MustCompile(`^\(\d{3}\) ?\d{3}[-. ]\d{4}`)
	phoneDash  = regexp.MustCompile(`^(?:(?:1-)?\d{3}-\d{3}-\d{4}|\d{3}-\d{4})`)
	digitRun   = regexp.MustCompile(`\d+`)
)

// phone reads a telephone number digit by digit, group by group.
func (n *Normalizer) phone(text string, i int) (token, bool) {
	for _, re := range []*regexp.Regexp{phoneIntl, phoneParen, phoneDash} {
		g, end, ok := find(re, text, i)
		if !ok {
			continue
		}
		runs := digitRun.FindAllString(g[0], -1)
		if d := len(strings.Join(runs, "")); re == phoneIntl && (d < 8 || d > 15) {
			continue // E.164 numbers have 8 to 15 digits
		}
		var groups []string
		for _, d := range runs {
			groups = append(groups, n.l.digits(d))
		}
		// A comma between groups gives the pause a presenter makes.
		say := strings.Join(groups, ", ")
		if re == phoneIntl {
			say = "plus " + say
		}
		return token{end, say, "telephone"}, true
	}
	return token{}, false
}

var ordinalSuffixEN = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// ordinalNumber reads "21st", "1er", "3e".
func (n *Normalizer) ordinalNumber(text string, i int) (token, bool) {
	l := n.l
	if l.ordinalRe == nil || l.ordinal == nil {
		return token{}, false
	}
	g, end, ok := find(l.ordinalRe, text, i)
	if !ok {
		return token{}, false
	}
	v, err := strconv.ParseUint(g[1], 10, 64)
	if err != nil || len(g[1]) > 9 {
		return token{}, false
	}
	if l == languages["en"] && enOrdinalSuffix(v) != strings.ToLower(g[2]) {
		return token{}, false
	}
	return token{end, l.ordinal(v), "ordinal"}, true
}

func enOrdinalSuffix(v uint64) string {
	if v%100 >= 11 && v%100 <= 13 {
		return "th"
	}
	switch v % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

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
		f, _ := l.fraction(v[0], v[1])
		if g[1] != "" {
			w, _ := strconv.ParseUint(g[1], 10, 64)
			f = l.cardinal(w) + " " + l.and(v[0]) + " " + strings.TrimPrefix(f, l.cardinal(1)+" ")
		}
		return token{end, f, "fraction"}, true
	}
	num, _ := strconv.ParseUint(g[3], 10, 64)
	den, _ := strconv.ParseUint(g[4], 10, 64)
	if end < len(text) && text[end] == '/' {
		return token{}, false // a date or a path
	}
	if f, ok := l.fraction(num, den); ok && num < den && den <= 10 && num > 0 {
		return token{end, f, "fraction"}, true
	}
	return token{end, l.cardinal(num) + " " + l.cardinal(den), "number pair"}, true
}

// and joins a whole number to a fraction ("two and a half"); num is the
// fraction's numerator, whose "one" becomes "a" in English.
func (l *language) and(num uint64) string {
	switch l {
	case languages["fr"]:
		return "et"
	case languages["de"]:
		return "und"
	}
	if num == 1 {
		return "and a"
	}
	return "and"
}

// numberRange reads "2024-25" (years), "3-2" (a score), "10-20" (a range).
var rangeRe = regexp.MustCompile(`^(\d{1,4})[-–](\d{1,4})\b`)

func (n *Normalizer) numberRange(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(rangeRe, text, i)
	if !ok || (end < len(text) && strings.ContainsRune("-–/.,:", rune(text[end])) && end+1 < len(text) && isDigit(text[end+1])) {
		return token{}, false
	}
	a, _ := strconv.Atoi(g[1])
	b, _ := strconv.Atoi(g[2])
	if len(g[1]) == 4 {
		if l.year == nil || a < 1000 || a > 2099 {
			return token{}, false
		}
		switch {
		case len(g[2]) == 2 && b > a%100:
			return token{end, l.year(a) + " " + l.rangeWord + " " + l.cardinal(uint64(b)), "year range"}, true
		case len(g[2]) == 4 && b > a && b <= 2099:
			return token{end, l.year(a) + " " + l.rangeWord + " " + l.year(b), "year range"}, true
		}
		return token{}, false
	}
	if len(g[2]) == 4 || (len(g[1]) > 1 && g[1][0] == '0') || (len(g[2]) > 1 && g[2][0] == '0') {
		return token{}, false
	}
	return token{end, l.cardinal(uint64(a)) + " " + l.rangeWord + " " + l.cardinal(uint64(b)), "range"}, true
}

// ---- money, percent, measures ----

var (
	moneySymbolRe = `^(US|A|AU|C|CA|NZ|HK|S|R)?([$€£¥₹])\s?(NUM)`
	moneyAfterRe  = `^(NUM)\s?([€£$])`
)

// money reads "$43 million", "€20", "£5.50", "US$1.2bn", "20 €".
func (n *Normalizer) money(text string, i int) (token, bool) {
	l := n.l
	if l.money == nil {
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
		return n.sayMoney(text, g[3], end, cur)
	}
	if g, end, ok := find(l.re(moneyAfterRe), text, i); ok {
		if cur, ok := l.currencies[g[2]]; ok {
			return n.sayMoney(text, g[1], end, cur)
		}
	}
	if g, end, ok := find(l.re(`^(NUM)(?: ([[:alpha:]]+))? ([A-Z]{3})\b`), text, i); ok {
		cur, ok := l.currencies[g[3]]
		if !ok {
			return token{}, false
		}
		scale := ""
		if g[2] != "" {
			s, ok := l.scales[g[2]]
			if !ok {
				return token{}, false
			}
			scale = s
		}
		return n.sayMoneyScaled(g[1], scale, end, cur)
	}
	return token{}, false
}

var moneyCodeRe = regexp.MustCompile(`^([A-Z]{3}) ?(\d)`)

// moneyCode reads "CHF 12", "USD 3.5m".
func (n *Normalizer) moneyCode(text string, i int) (token, bool) {
	l := n.l
	if l.money == nil {
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
	return n.sayMoney(text, text[j:j+loc[1]], j+loc[1], cur)
}

// sayMoney finishes a money token whose number ends at end, taking a
// scale that follows ("million", "bn", "m").
func (n *Normalizer) sayMoney(text, num string, end int, cur currency) (token, bool) {
	l := n.l
	scale := ""
	if w := gluedWord(text, end); w != "" {
		s, ok := l.scales[w]
		if !ok && w != "m" && w != "M" {
			return token{}, false
		}
		if !ok {
			s = l.scales["million"]
		}
		scale, end = s, end+len(w)
	} else if end < len(text) && text[end] == ' ' {
		if w := nextWord(text, end); w != "" {
			if s, ok := l.scales[w]; ok && len(w) > 1 {
				scale = s
				end = end + 1 + len(w)
				if end < len(text) && text[end] == '.' && !sentenceEnds(text, end+1) && (w == "Mrd" || w == "Mio") {
					end++
				}
			}
		}
	}
	return n.sayMoneyScaled(num, scale, end, cur)
}

func (n *Normalizer) sayMoneyScaled(num, scale string, end int, cur currency) (token, bool) {
	l := n.l
	a, ok := l.parseAmount(num)
	if !ok {
		return token{}, false
	}
	if scale != "" {
		return token{end, l.money(l.spell(a)+" "+scale, cur, true, true, 0, false), "money"}, true
	}
	if a.frac != "" && len(a.frac) == 2 && cur.minorMany != "" {
		minor, _ := strconv.ParseUint(a.frac, 10, 64)
		v := a.value()
		return token{end, l.money(l.cardinal(v), cur, v != 1, false, minor, true), "money"}, true
	}
	v := a.value()
	return token{end, l.money(l.spell(a), cur, v != 1 || a.frac != "", false, 0, false), "money"}, true
}

// re compiles a pattern with NUM standing for the language's numbers,
// once per language and pattern.
func (l *language) re(pattern string) *regexp.Regexp {
	key := pattern
	if v, ok := l.reCache.Load(key); ok {
		return v.(*regexp.Regexp)
	}
	numPat := strings.TrimPrefix(l.num.String(), "^")
	re := regexp.MustCompile(strings.ReplaceAll(pattern, "NUM", numPat))
	l.reCache.Store(key, re)
	return re
}

var percentRe = `^([-−+])?(NUM) ?(%|per ?cent\b|percent\b|Prozent\b|pour ?cent\b)`

// percent reads "5%", "-3.5%", "12 per cent".
func (n *Normalizer) percent(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(l.re(percentRe), text, i)
	if !ok {
		return token{}, false
	}
	a, ok := l.parseAmount(g[2])
	if !ok {
		return token{}, false
	}
	say := l.spell(a) + " " + l.percent
	if g[1] != "" && g[1] != "+" {
		say = l.minus + " " + say
	}
	return token{end, say, "percent"}, true
}

var measureRe = `^([-−+])?(NUM) ?(°[CF]|°|[[:alpha:]µ]+(?:/[[:alpha:]]+)?[²³23]?)`

// measure reads a number with a unit from the language's table: "5 km",
// "-5°C", "60 mph", "3.5 kg".
func (n *Normalizer) measure(text string, i int) (token, bool) {
	l := n.l
	if l.units == nil {
		return token{}, false
	}
	g, end, ok := find(l.re(measureRe), text, i)
	if !ok {
		return token{}, false
	}
	u, ok := l.units[g[3]]
	if !ok {
		return token{}, false
	}
	a, ok := l.parseAmount(g[2])
	if !ok {
		return token{}, false
	}
	name := u.many
	if a.frac == "" && a.value() == 1 {
		name = u.one
	}
	say := l.spell(a) + " " + name
	if g[1] != "" && g[1] != "+" {
		say = l.minus + " " + say
	}
	return token{end, keepStop(text, end, say), "measure"}, true
}

var deDecadeRe = regexp.MustCompile(`^(\d{2,4})()er\b`)

var decadeRe = regexp.MustCompile(`^(?:(\d{2,4})|['’](\d0))['’]?s\b`)

// decade reads "1990s", "the '80s", "80s".
func (n *Normalizer) decade(text string, i int) (token, bool) {
	l := n.l
	if l.decade == nil {
		return token{}, false
	}
	re := decadeRe
	if l == languages["de"] {
		re = deDecadeRe
	}
	g, end, ok := find(re, text, i)
	if !ok {
		return token{}, false
	}
	d := g[1] + g[2]
	y, _ := strconv.Atoi(d)
	if y%10 != 0 || len(d) == 3 || (len(d) == 4 && (y < 1000 || y > 2090)) {
		return token{}, false
	}
	return token{end, l.decade(y), "decade"}, true
}

// ---- dates and times ----

var (
	isoDateRe   = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})\b`)
	slashDateRe = regexp.MustCompile(`^(\d{1,2})([/.])(\d{1,2})([/.])(\d{4})\b`)
)

// numericDate reads "2015-11-13" and "13/11/2015" (day or month first by
// locale; a number over 12 settles it).
func (n *Normalizer) numericDate(text string, i int) (token, bool) {
	l := n.l
	if l.date == nil {
		return token{}, false
	}
	if g, end, ok := find(isoDateRe, text, i); ok {
		y, _ := strconv.Atoi(g[1])
		m, _ := strconv.Atoi(g[2])
		d, _ := strconv.Atoi(g[3])
		if validDate(d, m) {
			return token{end, l.date(n, d, m, y, true), "date"}, true
		}
		return token{}, false
	}
	g, end, ok := find(slashDateRe, text, i)
	if !ok || g[2] != g[4] || (g[2] == "." && !n.dmy) {
		return token{}, false
	}
	a, _ := strconv.Atoi(g[1])
	b, _ := strconv.Atoi(g[3])
	y, _ := strconv.Atoi(g[5])
	d, m := a, b
	switch {
	case a > 12 && b <= 12:
	case b > 12 && a <= 12:
		d, m = b, a
	case !n.dmy:
		d, m = b, a
	}
	if !validDate(d, m) {
		return token{}, false
	}
	say := l.date(n, d, m, y, true)
	if l == languages["de"] {
		// "am 13.11." is "am dreizehnten November".
		if k := strings.IndexByte(say, ' '); k > 0 {
			say = deInflect(text, i, say[:k]) + say[k:]
		}
	}
	return token{end, say, "date"}, true
}

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func validDate(d, m int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= monthDays[m] }

// monthDate reads "Nov. 13, 2015", "November 13", "March 3-5".
var monthDateRe = regexp.MustCompile(`^([[:alpha:]]+\.?) (\d{1,2})(?:st|nd|rd|th)?(?:[-–](\d{1,2})(?:st|nd|rd|th)?)?(?:,? (\d{4}))?\b`)

func (n *Normalizer) monthDate(text string, i int) (token, bool) {
	l := n.l
	if l.date == nil || l.months == nil {
		return token{}, false
	}
	g, end, ok := find(monthDateRe, text, i)
	if !ok {
		return token{}, false
	}
	m, ok := l.months[strings.ToLower(g[1])]
	if !ok || !isCapitalized(g[1]) {
		return token{}, false
	}
	d, _ := strconv.Atoi(g[2])
	if !validDate(d, m) {
		return token{}, false
	}
	// A number after the month that is not followed by more digits.
	y := 0
	if g[4] != "" {
		y, _ = strconv.Atoi(g[4])
	}
	say := l.date(n, d, m, y, false)
	if g[3] != "" {
		d2, _ := strconv.Atoi(g[3])
		if !validDate(d2, m) || d2 <= d {
			return token{}, false
		}
		say = l.monthNames[m] + " " + l.ordinal(uint64(d)) + " " + l.rangeWord + " " + l.ordinal(uint64(d2))
		if y != 0 {
			say += ", " + l.year(y)
		}
	}
	return token{end, say, "date"}, true
}

// dayMonth reads "13 November 2015", "13 Nov".
var dayMonthRe = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th|er|e|\.)? ([[:alpha:]]+\.?)(?: (\d{4}))?\b`)

func (n *Normalizer) dayMonth(text string, i int) (token, bool) {
	l := n.l
	if l.date == nil || l.months == nil {
		return token{}, false
	}
	g, end, ok := find(dayMonthRe, text, i)
	if !ok {
		return token{}, false
	}
	m, ok := l.months[strings.ToLower(g[2])]
	if !ok {
		return token{}, false
	}
	if strings.HasSuffix(g[2], ".") && g[3] == "" && !sentenceEnds(text, end) {
		// keep the dot outside unless it ends the sentence
		end--
		m, ok = l.months[strings.ToLower(g[2][:len(g[2])-1])]
		if !ok {
			return token{}, false
		}
	}
	d, _ := strconv.Atoi(g[1])
	if !validDate(d, m) {
		return token{}, false
	}
	y := 0
	if g[3] != "" {
		y, _ = strconv.Atoi(g[3])
	}
	return token{end, keepStop(text, end, l.date(n, d, m, y, true)), "date"}, true
}

var (
	clockRe   = regexp.MustCompile(`^(\d{1,2})(?::(\d{2}))? ?([AaPp])\.? ?[Mm]\.?`)
	clock24Re = regexp.MustCompile(`^(\d{1,2}):(\d{2})\b`)
	clockHRe  = regexp.MustCompile(`^(\d{1,2}) ?h ?(\d{2})?\b`)
)

// clockTime reads "10:30 a.m.", "10pm", "22:15", "22h30".
func (n *Normalizer) clockTime(text string, i int) (token, bool) {
	l := n.l
	if l.clock == nil {
		return token{}, false
	}
	if g, end, ok := find(clockRe, text, i); ok && l == languages["en"] {
		h, _ := strconv.Atoi(g[1])
		m, _ := strconv.Atoi(g[2])
		if h >= 1 && h <= 12 && m < 60 && endsToken(text, end) {
			return token{end, keepStop(text, end, l.clock(h, m, strings.ToUpper(g[3])+"M")), "time"}, true
		}
	}
	if g, end, ok := find(clock24Re, text, i); ok {
		h, _ := strconv.Atoi(g[1])
		m, _ := strconv.Atoi(g[2])
		if h <= 23 && m < 60 && !(end < len(text) && text[end] == ':') {
			return token{end, l.clock(h, m, ""), "time"}, true
		}
		return token{}, false
	}
	if l != languages["en"] {
		if g, end, ok := find(clockHRe, text, i); ok {
			h, _ := strconv.Atoi(g[1])
			m, _ := strconv.Atoi(g[2])
			if h <= 23 && m < 60 && (g[2] != "" || text[i+len(g[1])] != ' ') {
				return token{end, l.clock(h, m, ""), "time"}, true
			}
		}
	}
	return token{}, false
}

// ---- words ----

var (
	urlRe    = regexp.MustCompile(`^(?:https?://)?(?:www\.)?([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.([a-z]{2,6}))((?:/[A-Za-z0-9._~%-]*)*)(?:[?#]\S*)?`)
	schemeRe = regexp.MustCompile(`^(?:https?://|www\.)`)
	emailRe  = regexp.MustCompile(`^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`)
	knownTLD = setOf("com", "org", "net", "gov", "edu", "int", "io", "info", "news", "eu", "uk", "fr", "de", "ca", "au",
		"ch", "be", "es", "it", "nl", "tv", "co", "us", "ie", "nz", "at", "ly", "me", "ai", "app", "dev")
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// url reads web and e-mail addresses the way a presenter does: no scheme
// and no "www", "dot" and "slash" said, the query string left out.
func (n *Normalizer) url(text string, i int) (token, bool) {
	if g, end, ok := findIn(emailRe, text, i, maxAddress); ok {
		for end > i && text[end-1] == '.' {
			end--
		}
		g[0] = text[i:end]
		at := strings.IndexByte(g[0], '@')
		return token{end, n.sayHost(g[0][:at]) + " " + n.l.at() + " " + n.sayHost(g[0][at+1:]), "email"}, true
	}
	g, end, ok := findIn(urlRe, text, i, maxAddress)
	if !ok {
		return token{}, false
	}
	// Without a scheme, only a known top-level domain on a lower-case
	// name makes it an address ("bbc.co.uk", not "U.S." or "e.g.").
	if !schemeRe.MatchString(window(text, i)) && (!knownTLD[g[2]] || strings.ToLower(g[1]) != g[1] && !strings.Contains(g[1][1:], ".") || strings.Count(g[1], ".") == 0) {
		return token{}, false
	}
	for end > i && strings.ContainsRune(".,;:!?)'\"", rune(text[end-1])) {
		end--
	}
	host, path := g[1], g[3]
	if end < i+len(g[0]) {
		// trailing punctuation was taken off; cut the path to match
		whole := text[i:end]
		if k := strings.Index(whole, host); k >= 0 {
			path = whole[k+len(host):]
			if q := strings.IndexAny(path, "?#"); q >= 0 {
				path = path[:q]
			}
		}
	}
	say := n.sayHost(host)
	for _, seg := range strings.Split(strings.Trim(path, "/"), "/") {
		if seg != "" {
			say += " " + n.l.slash() + " " + n.sayHost(seg)
		}
	}
	return token{end, say, "url"}, true
}

// sayHost reads a dotted name: "dot" between labels, "dash" for hyphens.
func (n *Normalizer) sayHost(h string) string {
	l := n.l
	l.hostOnce.Do(func() {
		l.host = strings.NewReplacer(".", " "+l.dot()+" ", "-", " "+l.dash()+" ", "_", " underscore ")
	})
	return strings.Join(strings.Fields(l.host.Replace(h)), " ")
}

func (l *language) at() string {
	if l == languages["fr"] {
		return "arobase"
	}
	return "at"
}

func (l *language) dot() string {
	switch l {
	case languages["fr"]:
		return "point"
	case languages["de"]:
		return "Punkt"
	}
	return "dot"
}

func (l *language) slash() string {
	switch l {
	case languages["fr"]:
		return "barre oblique"
	case languages["de"]:
		return "Schrägstrich"
	}
	return "slash"
}

func (l *language) dash() string {
	switch l {
	case languages["fr"]:
		return "tiret"
	case languages["de"]:
		return "Bindestrich"
	}
	return "dash"
}

var abbrevRe = regexp.MustCompile(`^[[:alpha:]]+(?:\.[[:alpha:]]+)*(?:\.|°)?`)

// abbreviation expands a word from the language's table, where its
// context makes the reading certain.
func (n *Normalizer) abbreviation(text string, i int) (token, bool) {
	l := n.l
	if l.abbrev == nil {
		return token{}, false
	}
	g, end, ok := find(abbrevRe, text, i)
	if !ok {
		return token{}, false
	}
	say, ok := l.abbrev(g[0], text, i, end)
	if !ok {
		return token{}, false
	}
	return token{end, keepStop(text, end, say), "abbreviation"}, true
}

var romanRe = regexp.MustCompile(`^[IVXLCDM]+\b`)

// romanNumeral reads "Louis XIV", "World War II", "XIVe siècle".
func (n *Normalizer) romanNumeral(text string, i int) (token, bool) {
	l := n.l
	if l.roman == nil {
		return token{}, false
	}
	g, end, ok := find(romanRe, text, i)
	if !ok {
		return token{}, false
	}
	v := romanValue(g[0])
	if v <= 0 {
		return token{}, false
	}
	say, ok := l.roman(text, i, end, v)
	if !ok {
		return token{}, false
	}
	if l == languages["de"] && end < len(text) && text[end] == '.' && !sentenceEnds(text, end+1) {
		end++ // "Ludwig XIV." : the dot marks the ordinal
	}
	return token{end, keepStop(text, end, say), "roman"}, true
}

// romanValue is the value of a canonical Roman numeral, or 0 when s is not
// one ("IIII", "VX", "MIX" is 1009 and left to the callers' context).
func romanValue(s string) int {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for k := 0; k < len(s); k++ {
		v := vals[s[k]]
		if k+1 < len(s) && vals[s[k+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total >= 4000 || toRoman(total) != s {
		return 0
	}
	return total
}

func toRoman(v int) string {
	syms := []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}}
	var b strings.Builder
	for _, s := range syms {
		for v >= s.v {
			b.WriteString(s.s)
			v -= s.v
		}
	}
	return b.String()
}
