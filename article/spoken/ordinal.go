package spoken

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ordinalStyle is how a language writes ordinal numbers.
type ordinalStyle struct {
	// re matches a written ordinal: the number, then its suffix ("21st",
	// "1er", "3e").
	re *regexp.Regexp
	// suffix is the one suffix a number takes ("st" for 21); nil: any of
	// re's.
	suffix func(v uint64) string
	// gender is the gender a suffix marks ("re": feminine), next the word
	// after the ordinal; nil: plain.
	gender func(suffix, next string) gender
	// say reads an ordinal whose suffix names a word of its own (French
	// "2nd" is "second"); "" leaves it to the language's ordinal.
	say func(v uint64, suffix string, g gender) string
	// accept reports whether a number takes a suffix (French "1er" but
	// not "3er", "2d" but not "5d"); nil: every number takes every one.
	accept func(v uint64, suffix string) bool
	// dot decides whether a full stop after a number marks an ordinal
	// (German "am 9. November", "ihr 80. Geburtstag") from the words
	// before and after it and from its digits num, and dotSay says the ordinal so declined, from
	// the two words before it and the one after; nil: a full stop after a
	// number ends a sentence.
	dot    func(l *language, num, prev, next, after string) bool
	dotSay func(v uint64, prev2, prev, next string) string
	// articles are the articles after which a number written with "°"
	// is an ordinal even with no noun after it ("il 2°", "el 3.°"), and
	// rankVerbs the verbs of finishing a race after which it is a place
	// ("è arrivato 1°", "quedó 3º"). degreeBefore are the words of
	// quantity after which it is degrees ("fino a 38º", "hace 30º"), and
	// degreeCues the words of temperatures and angles that make it
	// degrees in their sentence or right after it ("temperatura",
	// "giro", "gradi"); see degreeOrdinal.
	articles, rankVerbs, degreeBefore, degreeCues map[string]bool
	// place says the place v written as an ordinal in brackets after a
	// name, with no score or goal in the sentence to make it a minute
	// ("Müller (5.)": Platz fünf), prev being the word before the
	// bracket and prev2 the one before it; ok false leaves it (a
	// weekday's date, "Dienstag (5.)"; a noun after its article, "der
	// Bundestag (20.)"). nil: such numbers are read as any other.
	place func(v uint64, prev2, prev string) (string, bool)
}

var ordinalDotRe = regexp.MustCompile(`^(\d{1,4})\.`)

// ordinalDot reads a number whose full stop marks an ordinal: "ihr 80.
// Geburtstag", "der 3. Platz", "vom 3. bis 5. Mai". At a sentence's end
// the full stop is said too: "am dritten."
func (n *Normalizer) ordinalDot(text string, i int) (token, bool) {
	l := n.l
	st := l.ordinals
	g, end, ok := find(ordinalDotRe, text, i)
	// "der 1.+2. Klasse": two ordinals joined by a plus, said with "and".
	var g2 []string
	if ok && end < len(text) && text[end] == '+' {
		if g2, end, ok = find(ordinalDotRe, text, end+1); !ok || atoi(g2[1]) == 0 {
			return token{}, false
		}
	}
	if !ok || (end < len(text) && text[end] != ' ' && text[end] != '\n') {
		return token{}, false
	}
	prev, next := prevWord(text, i), nextWord(text, end)
	if atoi(g[1]) == 0 || !st.dot(l, g[1], prev, next, text[end:]) {
		return token{}, false
	}
	prev2 := prevWord(text, strings.LastIndex(text[:i], prev))
	prev, prev2 = coordinated(text[:i], prev, prev2)
	say := st.dotSay(uint64(atoi(g[1])), prev2, prev, next)
	if g2 != nil {
		say += " " + l.w.and + " " + st.dotSay(uint64(atoi(g2[1])), prev2, prev, next)
	}
	return token{end, keepStop(text, end, say), "ordinal"}, true
}

var bracketPlaceRe = regexp.MustCompile(`^(\d{1,3})\.\)`)

// bracketPlace reads a ranking's place written as an ordinal in brackets
// after a name: "Müller (5.) und Schmidt (7.) kamen ins Ziel" (Platz
// fünf, Platz sieben), as a results report gives them. After a score or
// a word of goals or cards the number is the minute (scorerMinute); after
// an abbreviation ("S. 5.") or a lower-case word it is left.
func (n *Normalizer) bracketPlace(text string, i int) (token, bool) {
	l := n.l
	if l.ordinals.place == nil || i < 2 || text[i-1] != '(' || text[i-2] != ' ' {
		return token{}, false
	}
	g, end, ok := find(bracketPlaceRe, text, i)
	if !ok {
		return token{}, false
	}
	prev := prevWord(text, i-1)
	if v := atoi(g[1]); v == 0 || prev == "" || !isCapitalized(prev) || strings.ContainsAny(prev, ".'’") ||
		l.sentenceStarters[prev] || isAllCaps(prev) && len(prev) < 3 || l.matchLine(text, i) {
		return token{}, false
	}
	prev2 := prevWord(text, strings.LastIndex(text[:i], prev))
	say, ok := l.ordinals.place(uint64(atoi(g[1])), prev2, prev)
	if !ok {
		return token{}, false
	}
	return token{end - 1, say, "ordinal"}, true
}

// coordinated gives an ordinal that follows another and "und" or "oder"
// the words before the first, which decline both: "zwischen dem 1. und
// 3. Mai" is "dem ersten und dritten", "der 1. und 2. Platz" "der erste
// und zweite". Elsewhere prev and prev2 are as they are.
func coordinated(before, prev, prev2 string) (string, string) {
	if p := strings.ToLower(prev); (p != "und" && p != "oder") || !ordinalDotRe.MatchString(prev2) || !strings.HasSuffix(prev2, ".") {
		return prev, prev2
	}
	k := strings.LastIndex(before, prev2)
	if k < 0 {
		return prev, prev2
	}
	first := prevWord(before, k)
	if first == "" {
		return prev, prev2
	}
	return first, prevWord(before, strings.LastIndex(before[:k], first))
}

var yearStartRe = regexp.MustCompile(`^\d{4}\b`)

// ContinuesAfter reports whether the full stop ending before does not end
// a sentence in lang, though a capital follows it: a German ordinal's
// ("am 9." before "November"). A sentence splitter asks it before breaking
// there, so that the ordinal is read with its noun.
func ContinuesAfter(lang, before, after string) bool {
	l := languages[baseLang(normLang(lang))]
	if l == nil || !strings.HasSuffix(before, ".") {
		return false
	}
	// "Goethestr. 12": a compound's abbreviated ending before a number;
	// "Sun. 4 May", "Sa. 8 Uhr": a weekday before a date or a time.
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(after, " "))
	if f := strings.Fields(before[max(0, len(before)-64):]); len(f) > 0 { // its last word
		last := f[len(f)-1]
		if _, ok := l.abbrevEnd(last); ok && unicode.IsDigit(r) {
			return true
		}
		// "Freiburg i. Br.": a stop inside an abbreviation of words;
		// "p. ex. Paris": the stop ending one in lower case, which a
		// sentence ends with seldom ("CC. OO." is a name, "Frankfurt a.
		// M." a place's), unless it follows a name as a part of it.
		if g := strings.TrimLeft(last, "(\"'«“"); len(g) <= 4 && len(l.phraseAbbrevs) > 0 {
			if k := l.phraseAbbrevAt(g + " " + strings.TrimLeft(after, " ")); len(k) > len(g)+1 {
				return true
			}
			for _, k := range l.phraseAbbrevs {
				if !strings.HasSuffix(k, " "+g) || !strings.HasSuffix(before, k) || !unicode.IsLower(rune(g[0])) {
					continue
				}
				if rest := before[:len(before)-len(k)]; rest == "" || !isWordByte(lastRune(rest)) && !isCapitalized(prevWord(rest, len(rest))) {
					return true
				}
			}
		}
		// "del Hosp. La Paz": a title read before a name, that is no
		// word after one ("Oak St. The house").
		if a := l.abbrevs[strings.TrimLeft(last, "(\"'«“")]; a.name != "" && a.after == "" && isCapitalized(nextWord(after, 0)) {
			return true
		}
		// "Bund u. Ländern": a lower-case letter the language always
		// reads as a word ("u." und) ends no sentence; "etc." may.
		if g := strings.TrimLeft(last, "(\"'«“"); len(g) == 2 && unicode.IsLower(rune(g[0])) && l.abbrevs[g].always != "" {
			return true
		}
		// "las FF. AA.": the groups of doubled initials are one
		// abbreviation.
		if g := strings.TrimLeft(last, "(\"'«“"); l.doubledInitials && utf8.RuneCountInString(g) == 3 && doubledInitialAt(g) &&
			doubledInitialAt(strings.TrimLeft(after, " ")) {
			return true
		}
		// The last day of a span ("Mo.-Fr. 9 Uhr") is a weekday too.
		day := last
		if i := strings.LastIndexAny(last, "-–"); i >= 0 {
			_, size := utf8.DecodeRuneInString(last[i:])
			day = last[i+size:]
		}
		if l.abbrevs[day].day != "" && (unicode.IsDigit(r) || l.monthOf(nextWord(after, 0)) > 0) {
			return true
		}
		// "15 Min. Verspätung": a unit's abbreviation after its number,
		// before the noun it measures.
		if prevNum := f[max(0, len(f)-2)]; len(f) > 1 && isDigit(prevNum[len(prevNum)-1]) && l.nounAfterUnit(strings.TrimSuffix(last, "."), nextWord(after, 0)) {
			return true
		}
		// "Roma, 5 set. 2024", "en févr. 2025": an abbreviated month
		// before its year.
		if strings.Contains(last, ".") && l.monthOf(last) > 0 && yearStartRe.MatchString(strings.TrimLeft(after, " ")) {
			return true
		}
		// "Tel. (089) 1234567", "S. 12", "n.º 5": an abbreviation read
		// before a number, and its number; "s. XIX", "Vol. II": a Roman
		// numeral of two letters or more (readAbbrev reads it so).
		if s := strings.TrimLeft(after, " :+("); l.abbrevs[last].number != "" && s != "" {
			if next := nextWord(s, 0); isDigit(s[0]) || len(next) > 1 && romanValue(next) > 0 {
				return true
			}
		}
	}
	if l.ordinals.dot == nil {
		return false
	}
	s := strings.TrimSuffix(before, ".")
	k := strings.LastIndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	num := s[k+1:]
	if num == "" || len(num) > 4 {
		return false
	}
	if k >= 0 && s[k] == '.' {
		// "am 24.12." before a word: a date unless a sentence starts.
		next := nextWord(after, 0)
		return next != "" && !l.sentenceStarters[next]
	}
	next := nextWord(after, 0)
	return l.ordinals.dot(l, num, prevWord(s, k+1), next, " "+after)
}

// ordinalNumber reads "21st", "1er", "3e".
func (n *Normalizer) ordinalNumber(text string, i int) (token, bool) {
	l := n.l
	st := l.ordinals
	if st.re == nil || l.ordinal == nil {
		return token{}, false
	}
	g, end, ok := find(st.re, text, i)
	if !ok {
		return token{}, false
	}
	digits := strings.ReplaceAll(g[1], ",", "") // "1,000th"
	v, err := strconv.ParseUint(digits, 10, 64)
	if err != nil || len(digits) > 9 || v == 0 {
		return token{}, false
	}
	if st.suffix != nil && st.suffix(v) != strings.ToLower(g[2]) || st.accept != nil && !st.accept(v, g[2]) {
		return token{}, false
	}
	gd := plain
	if st.gender != nil {
		gd = st.gender(g[2], nextWord(text, end))
	}
	say := l.ordinal(v, gd)
	if st.say != nil {
		if s := st.say(v, g[2], gd); s != "" {
			say = s
		}
	}
	// "20th-century", "3rd-party": an ordinal joined to words by a
	// hyphen, the words as written.
	if w := hyphenWordsRe.FindString(windowN(text, end, 48)); w != "" {
		say, end = say+w, end+len(w)
	}
	return token{end, say, "ordinal"}, true
}

// hyphenWordsRe is words joined to what comes before by hyphens:
// "-century", "-year-old".
var hyphenWordsRe = regexp.MustCompile(`^(?:-\pL+)+`)
