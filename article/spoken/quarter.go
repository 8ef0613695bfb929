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
	// numberFirst: a quarter written with its number before the letter
	// ("el 2T") is one without a year too; the letter first ("T4") may
	// be something else (Madrid's terminal).
	numberFirst bool
	// half is the letter of a half of a business year ("H1", "2H"); 0:
	// none. A half is read only before its year ("H1 2024", "1H24"):
	// alone, "H2" is hydrogen, "H1" a heading.
	half byte
	// sayHalf says half h (1 or 2), as say says a quarter.
	sayHalf func(h int) string
	// shortYear, when set, reads the two digits of a year glued to the
	// label or after an apostrophe ("3Q24", "1H24", "Q3'24") as the
	// year: business news writes a quarter and its year so.
	shortYear func(yy int) string
}

// quarterRe is a quarter, its letter first or last ("Q3", "3T"), and
// maybe a second after a dash ("Q1-Q3").
var quarterRe = regexp.MustCompile(`^(?:([A-Z])([1-4])|([1-4])([A-Z]))(?:[-–](?:([A-Z])([1-4])|([1-4])([A-Z])))?\b`)

// shortYearRe is a year's two digits after an apostrophe, after a
// quarter or a half: "Q3'24", "H1’25".
var shortYearRe = regexp.MustCompile(`^['’](\d{2})\b`)

// gluedQuarterRe is a quarter or a half with its year's two digits glued
// to it: "3Q24", "1H24", "Q324" is no label anyone writes.
var gluedQuarterRe = regexp.MustCompile(`^(?:([1-4])([A-Z]))(\d{2})\b`)

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
	if t, ok := n.shortYearQuarter(text, i); ok {
		return t, true
	}
	g, end, ok := find(quarterRe, text, i)
	if !ok {
		return token{}, false
	}
	prev := strings.ToLower(prevWord(text, i))
	year := quarterYearAfter(text, end, st.yearJoins)
	if h, ok := quarterOf(st.half, g[1], g[2], g[3], g[4]); ok && st.sayHalf != nil && h <= 2 && g[5] == "" && g[7] == "" {
		// "H1 2024", "2H 2023": a half, before its year only.
		yy, e := shortYearAfter(st, text, end)
		switch {
		case e > end:
			return token{e, st.sayHalf(h) + " " + yy, "quarter"}, true
		case year:
			return token{end, st.sayHalf(h), "quarter"}, true
		}
		return token{}, false
	}
	q1, ok := quarterOf(st.letter, g[1], g[2], g[3], g[4])
	if !ok {
		return token{}, false
	}
	say, ok := st.say(q1, prev, year || st.numberFirst && g[3] != "")
	if !ok {
		return token{}, false
	}
	if g[5] == "" && g[7] == "" {
		if yy, e := shortYearAfter(st, text, end); e > end {
			return token{e, say + " " + yy, "quarter"}, true // "Q3'24"
		}
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

// shortYearQuarter reads a quarter or a half with its year's two digits
// glued to it, where the language reads such a year: "3Q24" Q three
// twenty-four, "1H24" H one twenty-four.
func (n *Normalizer) shortYearQuarter(text string, i int) (token, bool) {
	st := n.l.quarters
	if st.shortYear == nil {
		return token{}, false
	}
	g, end, ok := find(gluedQuarterRe, text, i)
	if !ok {
		return token{}, false
	}
	yy := st.shortYear(atoi(g[3]))
	if q, ok := quarterOf(st.letter, "", "", g[1], g[2]); ok {
		if say, ok := st.say(q, strings.ToLower(prevWord(text, i)), true); ok {
			return token{end, say + " " + yy, "quarter"}, true
		}
	}
	if h, ok := quarterOf(st.half, "", "", g[1], g[2]); ok && h <= 2 && st.sayHalf != nil {
		return token{end, st.sayHalf(h) + " " + yy, "quarter"}, true
	}
	return token{}, false
}

// shortYearAfter is the reading of a year's two digits after an
// apostrophe at j ("Q3'24") and where they end; end is j when there are
// none or the language reads no such year.
func shortYearAfter(st quarterStyle, text string, j int) (string, int) {
	if st.shortYear == nil {
		return "", j
	}
	g, e, ok := find(shortYearRe, text, j)
	if !ok {
		return "", j
	}
	return st.shortYear(atoi(g[1])), e
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

// fullYear is the year a business label's two digits stand for ("3T24"):
// this century up to 69, the last from 70.
func fullYear(yy int) int {
	if yy < 70 {
		return 2000 + yy
	}
	return 1900 + yy
}
