package spoken

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// compoundRe is a number, written as the language writes numbers ("10,000",
// "3,5"), joined to words by hyphens.
const compoundRe = `^(NUM)-(\p{L}+(?:-\p{L}+)*)(?:-(\d{1,2}))?`

// compound reads a number joined to words by hyphens: "60-year-old",
// "20-minute", "5-km race" (the unit's singular), "5-foot-10", "9-to-5",
// German "3-Zimmer-Wohnung". The words stay as written. "3-D", "F-16" and
// "COVID-19" are not compounds of a number and a word: a capital letter
// alone, or letters before the number, leave them for the voice.
func (n *Normalizer) compound(text string, i int) (token, bool) {
	l := n.l
	if t, ok := n.rangeCompound(text, i); ok {
		return t, true
	}
	if t, ok := n.oddsCompound(text, i); ok {
		return t, true
	}
	g, end, ok := find(l.re(compoundRe), text, i)
	if !ok || (i > 0 && strings.ContainsRune("$€£¥₹₩₽₺₱₦₪", lastRune(text[:i]))) {
		return token{}, false // "$16-something": left for the voice
	}
	words := strings.Split(g[2], "-")
	first := []rune(words[0])
	if unicode.IsUpper(first[0]) && (len(first) < 2 || !l.compoundNouns && !titleWord(first)) {
		return token{}, false
	}
	a, ok := l.parseAmount(g[1])
	if whole, _, _ := strings.Cut(g[1], string(l.decMark)); !ok || len(whole) > 4 && strings.Trim(whole, "0123456789") == "" {
		return token{}, false // "ISO 27001-certified": a name's number, written ungrouped, left
	}
	unit := true
	if u, ok := l.units[words[0]]; ok {
		words[0] = u.one // "5-km race": a five-kilometer race
	} else if u, ok := l.hyphenUnits[words[0]]; ok {
		words[0] = u // "100-m dash"
	} else {
		unit = false
	}
	if unit && len(words) == 1 && strings.HasPrefix(text[end:], ". ") {
		if r, _ := utf8.DecodeRuneInString(text[end+2:]); unicode.IsLower(r) {
			end++ // "a 12-oz. can": the unit's stop, no sentence's
		}
	}
	num := l.spell(a, masc)
	if v := a.value(); len(g[1]) == 4 && a.frac == "" && l.isYear != nil && v >= 1000 && v <= 2099 {
		num = l.year(int(v)) // "1990-era", "2005-era": a year
	}
	if len(words) == 1 && g[3] == "" && a.frac == "" && l.joinsSuffix(words[0]) {
		// "10-jährig": zehnjährig, "18-Jährige": Achtzehnjährige.
		num = l.spell(a, plain)
		if unicode.IsUpper(first[0]) {
			r := []rune(num)
			num = string(unicode.ToUpper(r[0])) + string(r[1:])
		}
		num = strings.TrimSuffix(num, "eins") + pick(strings.HasSuffix(num, "eins"), "ein", "")
		return token{end, num + strings.ToLower(words[0]), "compound"}, true
	}
	say := num + "-" + strings.Join(words, "-")
	if g[3] != "" {
		say += "-" + l.cardinal(uint64(atoi(g[3])), plain) // "5-foot-10", "9-to-5"
	}
	return token{end, say, "compound"}, true
}

// joinsSuffix reports whether w, the word after a number's hyphen, is
// one of the language's joined suffixes ("jährig", "Jährige", "fach").
func (l *language) joinsSuffix(w string) bool {
	lw := strings.ToLower(w)
	for _, s := range l.joinedSuffixes {
		if strings.HasPrefix(lw, s) {
			return true
		}
	}
	return false
}

// oddsCompoundRe is odds written as one compound, maybe joined to the
// noun's words: "1-in-4", "1-in-100-year", "1-in-1,000".
var oddsCompoundRe = regexp.MustCompile(`^(\d{1,3}(?:,\d{3})*)-(\pL+)-(\d{1,3}(?:,\d{3})*)((?:-\pL+)*)`)

// oddsCompound reads odds written as one compound: "a 1-in-4 chance" a
// one-in-four chance (was "one-inch-four": "in" is the inch of "a 2-in
// pipe"), "a 2-in-1 laptop" a two-in-one laptop, "a 1-in-100-year
// flood" a one-in-a-hundred-year flood, as a round hundred, thousand or
// million is said in odds.
func (n *Normalizer) oddsCompound(text string, i int) (token, bool) {
	l := n.l
	if l.oddsWord == "" {
		return token{}, false
	}
	g, end, ok := find(oddsCompoundRe, text, i)
	if !ok || g[2] != l.oddsWord || !endsToken(text, end) || (i > 0 && strings.ContainsRune("$€£¥₹₩₽₺₱₦₪", lastRune(text[:i]))) {
		return token{}, false
	}
	a, b := atoi(strings.ReplaceAll(g[1], ",", "")), atoi(strings.ReplaceAll(g[3], ",", ""))
	if a == 0 || b <= a && b != 1 {
		return token{}, false // "a 5-in-1 tool", "a 2-in-1 laptop" are read so too
	}
	second := l.cardinal(uint64(b), plain)
	if digits := strconv.Itoa(b); l.oddsRound != "" && b >= 100 && digits[0] == '1' && strings.Trim(digits[1:], "0") == "" {
		second = l.oddsRound + strings.TrimPrefix(second, l.cardinal(1, plain)) // "a hundred", "a thousand"
	}
	say := l.cardinal(uint64(a), plain) + "-" + g[2] + "-" + strings.ReplaceAll(second, " ", "-") + g[4]
	return token{end, say, "compound"}, true
}

// rangeCompoundRe is a range of two whole numbers joined to words by
// hyphens: "18-24-year-olds", "a 3-4-day trip".
var rangeCompoundRe = regexp.MustCompile(`^(\d{1,3})[-–](\d{1,3})-(\p{L}{2,}(?:-\p{L}+)*)`)

// rangeCompound reads a range joined to words by hyphens: "18-24-year-olds"
// eighteen to twenty-four-year-olds, "a 3-4-day trip" a three to
// four-day trip. The first number is smaller: "3-2-win" is no range.
func (n *Normalizer) rangeCompound(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(rangeCompoundRe, text, i)
	if !ok || (i > 0 && strings.ContainsRune("$€£¥₹₩₽₺₱₦₪", lastRune(text[:i]))) {
		return token{}, false
	}
	a, b := atoi(g[1]), atoi(g[2])
	first := []rune(g[3])
	if a >= b || g[1][0] == '0' || unicode.IsUpper(first[0]) && !l.compoundNouns {
		return token{}, false
	}
	words := strings.Split(g[3], "-")
	if u, ok := l.units[words[0]]; ok {
		words[0] = u.one
	} else if u, ok := l.hyphenUnits[words[0]]; ok {
		words[0] = u
	}
	say := l.cardinal(uint64(a), plain) + " " + l.rangeTo(prevWord(text, i)) + " " + l.cardinal(uint64(b), plain) +
		"-" + strings.Join(words, "-")
	return token{end, say, "compound"}, true
}

// titleWord reports whether w is a word written with a capital and then
// lower case, as headings and names of products write every word ("The
// 10-Cup Brewer", "a 24-Hour Pharmacy"): the number before it is a
// count, as before the word in lower case. A capital alone ("3-D") or
// capitals ("5-HTP") are a name's, left.
func titleWord(w []rune) bool {
	for _, r := range w[1:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}
