package spoken

import (
	"regexp"
	"strings"
)

// quarterStyle is how a language says a quarter of a business year
// written with a letter and its number ("Q3", "T3", "3T").
type quarterStyle struct {
	// letter is the letter written with the number ('Q', 'T'); 0: none.
	letter byte
	// say says quarter q (1 to 4); prev is the word before it in lower
	// case and year whether a year follows ("Q3 2024", "T3 de 2024").
	// ok false leaves it, where it may be something else: a French "T3"
	// is a flat of three rooms or a tram's line, a Spanish one Madrid's
	// terminal, an Italian "Q3" a car, unless a year follows or the
	// words before are a period's.
	say func(q int, prev string, year bool) (string, bool)
	// yearJoins are the words that may come between the quarter and its
	// year ("de", "del").
	yearJoins map[string]bool
}

// quarterRe is a quarter, its letter first or last ("Q3", "3T"), and
// maybe a second after a dash ("Q1-Q3").
var quarterRe = regexp.MustCompile(`^(?:([A-Z])([1-4])|([1-4])([A-Z]))(?:[-–](?:([A-Z])([1-4])|([1-4])([A-Z])))?\b`)

// quarter reads a quarter of a business year: English "Q3" Q three, as
// business news reads the label it is in any place of the sentence ("in
// Q3", "Q3 results", "Q3's"), French "T3 2024" troisième trimestre,
// Spanish "3T 2024" tercer trimestre, German "im Q3" im dritten Quartal.
// "Q1-Q3" joins two with the language's "to".
func (n *Normalizer) quarter(text string, i int) (token, bool) {
	l := n.l
	st := l.quarters
	if st.say == nil {
		return token{}, false
	}
	g, end, ok := find(quarterRe, text, i)
	if !ok {
		return token{}, false
	}
	q1, ok := quarterOf(st.letter, g[1], g[2], g[3], g[4])
	if !ok {
		return token{}, false
	}
	prev := strings.ToLower(prevWord(text, i))
	year := quarterYearAfter(text, end, st.yearJoins)
	say, ok := st.say(q1, prev, year)
	if !ok {
		return token{}, false
	}
	if g[5] != "" || g[7] != "" {
		q2, ok := quarterOf(st.letter, g[5], g[6], g[7], g[8])
		if !ok || q2 <= q1 {
			return token{}, false
		}
		say2, ok := st.say(q2, "", year)
		if !ok {
			return token{}, false
		}
		say += " " + l.w.to + " " + say2
	}
	for _, p := range []string{"'s", "’s"} {
		if strings.HasPrefix(text[end:], p) && endsToken(text, end+len(p)) {
			return token{end + len(p), say + p, "quarter"}, true // "Q3's results"
		}
	}
	return token{end, say, "quarter"}, true
}

// quarterOf is the quarter written as letter and digit, or digit and
// letter, when the letter is the language's.
func quarterOf(letter byte, l1, d1, d2, l2 string) (int, bool) {
	switch {
	case l1 != "" && l1[0] == letter:
		return atoi(d1), true
	case l2 != "" && l2[0] == letter:
		return atoi(d2), true
	}
	return 0, false
}

// quarterYearAfter reports whether a year (four digits from 1900) comes
// after j, maybe after one of joins.
func quarterYearAfter(text string, j int, joins map[string]bool) bool {
	w := nextWord(text, j)
	if joins[strings.ToLower(w)] {
		j = strings.Index(text[j:], w) + j + len(w)
		w = nextWord(text, j)
	}
	if len(w) != 4 || !isDigit(w[0]) {
		return false
	}
	y := atoi(w)
	return y >= 1900 && y <= 2199
}
