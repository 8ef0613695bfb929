package spoken

import (
	"regexp"
	"strings"
)

// coordinatePattern is a latitude or a longitude: degrees, maybe minutes
// and seconds, then the compass point's letter ("42.5°S", "41°17′S",
// "40° N").
const coordinatePattern = `^(NUM) ?[°º] ?(?:(\d{1,2}(?:[.,]\d+)?) ?['′’] ?(?:(\d{1,2}(?:[.,]\d+)?) ?(?:["″”]|'') ?)?)?(\pL)\b`

// coordinate reads a latitude or a longitude as a presenter says an
// epicentre's or a storm's position: "42.5°S" is "forty-two point five
// degrees south", "41°17′S" "forty-one degrees seventeen minutes south",
// "25,3° N" "fünfundzwanzig Komma drei Grad Nord". The letter is one of
// the language's compass points (German "O" is Ost, French "O" ouest).
func (n *Normalizer) coordinate(text string, i int) (token, bool) {
	l := n.l
	deg, ok := l.units["°"]
	if !ok || l.compass == nil {
		return token{}, false
	}
	g, end, ok := find(l.re(coordinatePattern), text, i)
	if !ok {
		return token{}, false
	}
	point := l.compass[g[4]]
	a, ok := l.parseAmount(g[1])
	if point == "" || !ok || a.value() > 180 {
		return token{}, false
	}
	parts := []string{l.spell(a, deg.g) + " " + pick(a.one(), deg.one, deg.many)}
	for k, u := range []unit{l.clock.minute, l.clock.second} {
		s := strings.Replace(g[2+k], ",", ".", 1)
		if s == "" || u.one == "" {
			continue
		}
		whole, frac, _ := strings.Cut(s, ".")
		if atoi(whole) > 59 {
			return token{}, false
		}
		p := amount{intPart: whole, frac: frac}
		parts = append(parts, l.spell(p, u.g)+" "+pick(p.one(), u.one, u.many))
	}
	say := strings.Join(parts, " ") + " " + point
	if end < len(text) && text[end] == ' ' && l.re(coordinatePattern).MatchString(window(text, end+1)) {
		say += "," // "42.5°S 174.2°E": a pause between latitude and longitude
	}
	return token{end, say, "coordinate"}, true
}

// bearingRe is a compass bearing of one to three points' letters: "SW",
// "NNE", "N".
var bearingRe = regexp.MustCompile(`^[NSEW]{1,3}\b`)

// bearing reads a compass bearing written with letters after a distance
// and before the language's bearingOf: "40km SW of the city" forty
// kilometers southwest of the city, "10 miles NNE of Leeds"
// north-northeast. Elsewhere "SW" may be a postcode or a team's name.
func (n *Normalizer) bearing(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(bearingRe, text, i)
	if !ok || l.bearingOf == "" || nextWord(text, end) != l.bearingOf || !strings.HasPrefix(text[end:], " ") {
		return token{}, false
	}
	prev := prevWord(text, i)
	unit := strings.TrimLeft(prev, "0123456789.,")
	if before := strings.TrimRight(text[:i], " "); unit == prev {
		// "10 miles NNE": the number is the word before the unit.
		num := prevWord(before, len(before)-len(prev))
		if num == "" || !isDigit(num[len(num)-1]) {
			return token{}, false
		}
	}
	if u, ok := l.units[unit]; !ok && !l.distanceWords[unit] || ok && !l.distanceWords[u.many] {
		return token{}, false
	}
	p := g[0]
	say := func(s string) string {
		out := ""
		for _, r := range s {
			out += l.compass[string(r)]
		}
		return out
	}
	switch len(p) {
	case 3: // "NNE": north-northeast
		if p[0] != p[1] && p[0] != p[2] {
			return token{}, false
		}
		return token{end, say(p[:1]) + "-" + say(p[1:]), "bearing"}, true
	case 2: // "SW": southwest; "NS" or "WE" are no bearing
		if strings.ContainsRune("EW", rune(p[0])) || !strings.ContainsRune("EW", rune(p[1])) {
			return token{}, false
		}
	}
	return token{end, say(p), "bearing"}, true
}
