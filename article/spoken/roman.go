package spoken

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// romanStyle is how a language reads Roman numerals after a name.
type romanStyle struct {
	// regnal are names after which a numeral is a monarch's or a pope's
	// number; reign says it ("the fourteenth", "quatorze", "der
	// Vierzehnte"), female telling whether the name is a woman's and
	// before being the text before the name and its title, whose
	// preposition or verb gives the case a declined ordinal takes
	// ("unter Friedrich dem Zweiten").
	regnal map[string]bool
	female map[string]bool
	reign  func(v int, female bool, before string) string
	// reignOf says a ruler's number after the genitive of the name, the
	// name with an -s ("die Rede Benedikts XVI.": des Sechzehnten); nil:
	// such names are no regnal names.
	reignOf func(v int, female bool) string
	// series are words after which a numeral is a number in a series
	// ("World War II", "Super Bowl LVIII", "siglo XXI"), read as a
	// cardinal.
	series map[string]bool
	// seriesPlural are series' plural words, before a list of numerals
	// ("World Wars I and II", "Parts II and III"); a lone "I" after one
	// is read only when the list goes on ("the Books I read" is the
	// pronoun).
	seriesPlural map[string]bool
	// ordinalAfter are words after which a numeral is an ordinal
	// (Italian "secolo XIX": secolo diciannovesimo), up to ordinalUpTo
	// when that is set and a cardinal above it (Portuguese "século V"
	// século quinto, "século XXI" século vinte e um).
	ordinalAfter map[string]bool
	ordinalUpTo  int
	// titles are words before a regnal name that make a lone "I" its
	// number ("Queen Elizabeth I").
	titles map[string]bool
	// articles are the articles after which a numeral before a noun is
	// that noun's ordinal, up to articleMax ("la II República": la
	// segunda República; "la II guerra mondiale": la seconda), in the
	// gender the article shows (plain: the noun's).
	articles   map[string]gender
	articleMax int
	// dotOrdinal: a full stop after the numeral marks the ordinal and is
	// read with it ("Ludwig XIV. kam").
	dotOrdinal bool
	// ordinalRe matches a numeral written as an ordinal ("XIVe", "IIIe
	// République"): the numeral in group 1. century matches a numeral
	// before the word for century ("XIX secolo"): the numeral in group 1,
	// the word in group 2, or in groups 3 and 4 for a pattern's second
	// form. Both are read as ordinals.
	ordinalRe, century *regexp.Regexp
	// centuryWords are abbreviations of the word for century that
	// ordinalRe or century matches after the numeral ("XIXe s."), and
	// what they say.
	centuryWords map[string]string
}

var romanRe = regexp.MustCompile(`^[IVXLCDM]+\b`)

// romanNumeral reads "Louis XIV", "World War II", "Henry VIII's". After
// other names a numeral is left alone ("Planet Earth II" is not "the
// second"), and so are capitals in a shouted line or at a sentence start.
// A lone "I" after a regnal name is its number only after a title ("Queen
// Elizabeth I") or before a possessive or a pause ("Elizabeth I's
// navy"); "Then Elizabeth I said" is left for the voice.
func (n *Normalizer) romanNumeral(text string, i int) (token, bool) {
	l := n.l
	st := l.roman
	if st.reign == nil && st.series == nil && st.ordinalAfter == nil {
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
	prev := prevWord(text, i)
	possessive := ""
	for _, p := range []string{"'s", "’s"} {
		if strings.HasPrefix(text[end:], p) && endsToken(text, end+len(p)) {
			possessive = p
		}
	}
	next := nextWord(text, end+len(possessive))
	if next != "" && isAllCaps(next) {
		return token{}, false
	}
	lead := prev
	if h := n.romanListHead(text, i); h != "" && (st.series[h] || st.seriesPlural[h] || st.ordinalAfter[h]) {
		lead = h // "séculos XV e XVI", "World Wars I and II": as the first
	}
	if st.seriesPlural[lead] && lead == prev && g[0] == "I" && !n.romanListGoesOn(text, end) {
		return token{}, false // "the Books I read"
	}
	var say string
	switch {
	case st.series[lead] || st.seriesPlural[lead]:
		if v > 100 || len(g[0]) == 1 && v >= 50 {
			// "Series C funding", "Type C", "Part D", "Class D": a
			// lone L, C, D or M is a letter of a grade or a round, no
			// one numbers a series fifty, a hundred or five hundred
			// with one Roman letter.
			return token{}, false
		}
		say = l.cardinal(uint64(v), plain)
	case st.ordinalAfter[lead]:
		if v > 100 {
			return token{}, false
		}
		say = l.ordinal(uint64(v), plain)
		if st.ordinalUpTo > 0 && v > st.ordinalUpTo {
			say = l.cardinal(uint64(v), plain)
		}
	case hasKey(st.articles, strings.ToLower(prev)) && v <= st.articleMax && possessive == "" && isNounAfter(text, end, next):
		g := st.articles[strings.ToLower(prev)]
		if g == plain {
			g = l.genderOf(strings.ToLower(next))
		}
		say = l.ordinal(uint64(v), g)
	case prev == "" || !isCapitalized(prev) || isAllCaps(prev):
		return token{}, false
	case v <= 39 && st.reignOf != nil && len(prev) > 2 && strings.HasSuffix(prev, "s") && st.regnal[strings.TrimSuffix(prev, "s")] && g[0] != "I":
		// "die Rede Benedikts XVI.", "der Tod Elisabeths II."
		say = st.reignOf(v, st.female[strings.TrimSuffix(prev, "s")])
		if st.dotOrdinal && end < len(text) && text[end] == '.' && !sentenceEnds(text, end+1) {
			end++
		}
	case v > 39 || !st.regnal[prev] || st.reign == nil:
		return token{}, false
	case g[0] == "I" && !st.titles[wordBefore(text, i, prev)] && possessive == "" && !pauseAfter(text, end):
		return token{}, false
	default:
		k := strings.LastIndex(text[:i], prev)
		for range 3 {
			// "unter König Ludwig XIV.", "seit Johannes Paul II."
			if t := prevWord(text, k); t != "" && (st.titles[t] || st.regnal[t]) {
				k = strings.LastIndex(text[:k], t)
			}
		}
		say = st.reign(v, st.female[prev], textBefore(text, k))
		if st.dotOrdinal && end < len(text) && text[end] == '.' && !sentenceEnds(text, end+1) {
			end++ // "Ludwig XIV." : the dot marks the ordinal
		}
	}
	end += len(possessive)
	return token{end, keepStop(text, end, say+possessive), "roman"}, true
}

// romanListHead is the word before the first numeral of a list the
// numeral at i ends or goes on ("XV, XVI e XVII", "I and II"), joined by
// commas and the language's "and" and "or"; "" when the numeral at i is
// no later item of such a list.
func (n *Normalizer) romanListHead(text string, i int) string {
	l := n.l
	start := i
	for k := 0; k < 8; k++ {
		j := len(strings.TrimRight(text[:start], " "))
		switch w := prevWord(text, j); {
		case j > 0 && text[j-1] == ',':
			j--
		case w != "" && (w == l.w.and || w == l.w.or) && strings.HasSuffix(text[:j], " "+w):
			j -= len(w)
		default:
			if k == 0 {
				return ""
			}
			return prevWord(text, start)
		}
		item := prevWord(text, j)
		if g, _, ok := find(romanRe, item, 0); !ok || g[0] != item || romanValue(item) <= 0 {
			return ""
		}
		start = strings.LastIndex(text[:j], item)
	}
	return ""
}

// romanListGoesOn reports whether another Roman numeral follows the one
// ending at end, after a comma or the language's "and", "or" or "to".
func (n *Normalizer) romanListGoesOn(text string, end int) bool {
	rest := strings.TrimLeft(strings.TrimPrefix(text[end:], ","), " ")
	if w := nextWord(rest, 0); w != "" && (w == n.l.w.and || w == n.l.w.or || w == n.l.w.to) {
		rest = strings.TrimLeft(rest[len(w):], " ")
	} else if rest == strings.TrimLeft(text[end:], " ") {
		return false // no separator
	}
	g, _, ok := find(romanRe, rest, 0)
	return ok && romanValue(g[0]) > 0
}

func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

// isNounAfter reports whether next, the word one space after j, may be a
// noun: a word of letters of three or more, no dotted abbreviation.
func isNounAfter(text string, j int, next string) bool {
	return j < len(text) && text[j] == ' ' && utf8.RuneCountInString(next) >= 3 && !strings.Contains(next, ".") &&
		strings.IndexFunc(next, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// wordBefore is the word before prev, the word before i.
func wordBefore(text string, i int, prev string) string {
	k := strings.LastIndex(text[:i], prev)
	if k <= 0 {
		return ""
	}
	return prevWord(text, k)
}

// pauseAfter reports whether punctuation or the text's end follows j.
func pauseAfter(text string, j int) bool {
	return j >= len(text) || strings.ContainsRune(",;:.!?)", rune(text[j]))
}

// century reads "XIVe siècle" as "quatorzième siècle", "IIIe République"
// as "troisième République", "XIX secolo" as "diciannovesimo secolo".
func (n *Normalizer) century(text string, i int) (token, bool) {
	st := n.l.roman
	for _, re := range []*regexp.Regexp{st.ordinalRe, st.century} {
		if re == nil {
			continue
		}
		g, end, ok := find(re, text, i)
		if !ok {
			continue
		}
		if len(g) > 4 && g[1] == "" {
			g = []string{g[0], g[3], g[4]} // the pattern's second form
		}
		v := romanValue(g[1])
		if v <= 0 || v > 40 {
			return token{}, false
		}
		say := n.l.ordinal(uint64(v), plain)
		if len(g) > 2 && g[2] != "" {
			if w, ok := st.centuryWords[g[2]]; ok {
				say += " " + w
			} else {
				say += " " + g[2]
			}
		}
		return token{end, keepStop(text, end, say), "roman"}, true
	}
	return token{}, false
}

// romanValue is the value of a canonical Roman numeral, or 0 when s is not
// one ("IIII", "VX"; "MIX" is 1009 and left to the callers' context).
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
	if total <= 0 || total >= 4000 || RomanNumeral(total) != s {
		return 0
	}
	return total
}

// RomanNumeral writes v (1 to 3999) in Roman numerals ("XIV"), as a
// page writes a list item's number in an <ol type="I">.
func RomanNumeral(v int) string {
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
