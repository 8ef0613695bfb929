package spoken

import "regexp"

// roadRe is a road's code, a dash and its number: "I-95", "I-405".
var roadRe = regexp.MustCompile(`^(\pL{1,2})-(\d{1,3})\b`)

// road reads a road named by a code and its number, as the language says
// it (language.road); other codes before a dash and a number ("B-52",
// "F-16": aircraft) are left.
func (n *Normalizer) road(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(roadRe, text, i)
	if !ok || l.road == nil || g[2][0] == '0' || notDateEnd(text, end) {
		return token{}, false
	}
	say, ok := l.road(g[1], atoi(g[2]))
	if !ok {
		return token{}, false
	}
	return token{end, say, "road"}, true
}

// enRoad says an American interstate: "I-95" I ninety-five, "I-405" I
// four oh five, its three digits in pairs as a house number's are.
func enRoad(code string, v int) (string, bool) {
	if code != "I" {
		return "", false
	}
	if v >= 100 {
		return "I " + enPairs(v), true
	}
	return "I " + enCardinal(uint64(v)), true
}
