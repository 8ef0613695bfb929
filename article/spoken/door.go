package spoken

import (
	"regexp"
	"strings"
)

// doorNumberRe is a house's or a room's number and the letter of one of
// its parts, written together: "12a", "3b".
var doorNumberRe = regexp.MustCompile(`^([1-9]\d{0,3})([a-g])\b`)

// houseLetterRe is a house's number and a capital letter: "221B".
var houseLetterRe = regexp.MustCompile(`^([1-9]\d{2,3})([A-H])\b`)

// doorNumber reads a number with a letter after a label noun or a
// street's name as the two are said, one after the other: "Zimmer 12a"
// zwölf a, "Goethestraße 12a", "Hauptstr. 5b", "Room 4c". Elsewhere such a
// token ("3g", "5a" in a list) is left.
func (n *Normalizer) doorNumber(text string, i int) (token, bool) {
	l := n.l
	if g, end, ok := find(houseLetterRe, text, i); ok && l.houseNumber != nil {
		// "221B Baker Street": the house's number as the language says
		// one before a street, then its letter.
		if say, ok := l.houseNumber(atoi(g[1]), text[end:]); ok {
			return token{end, say + " " + g[2], "cardinal"}, true
		}
	}
	g, end, ok := find(doorNumberRe, text, i)
	if !ok {
		return token{}, false
	}
	prev := prevWord(text, i)
	if !l.labels(prev) && !l.isStreet(prev) {
		return token{}, false
	}
	return token{end, l.cardinal(uint64(atoi(g[1])), plain) + " " + g[2], "cardinal"}, true
}

// isStreet reports whether w is a street's name by one of the language's
// endings for streets ("Goethestraße", "Lindenweg", "Hauptstr.").
func (l *language) isStreet(w string) bool {
	if !isCapitalized(w) {
		return false
	}
	lw := strings.ToLower(w)
	for _, e := range l.streetEnds {
		if strings.HasSuffix(lw, e) {
			return true
		}
	}
	return false
}
