package spoken

import (
	"regexp"
	"strings"
)

var (
	phoneIntl = regexp.MustCompile(`^\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}`)
	// phoneExit: an international number dialled with the exit code
	// Europe writes for the "+" ("00 44 20 7946 0958").
	phoneExit  = regexp.MustCompile(`^00 ?[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,6}`)
	phoneParen = regexp.MustCompile(`^(?:1[ -]?)?\(\d{3}\) ?\d{3}[-. ]\d{4}`)
	// phoneTrunkParen: a trunk prefix and an area code in brackets, then
	// the number ("(089) 1234567", "(030) 123 456 78", "(020) 7946
	// 0958").
	phoneTrunkParen = regexp.MustCompile(`^\(0[\d ]{1,5}\) ?\d{2,8}(?:[ /-]\d{1,8}){0,3}`)
	// notDialled is the trunk prefix an international number writes in
	// brackets for callers at home ("+44 (0)20…"): not said with it.
	notDialled = regexp.MustCompile(`\(0\) ?`)
	// phoneDash: a North American number in groups of three, three and
	// four, joined by dashes or dots, with the country's 1 before it or
	// not ("1-800-555-0100", "1.855.432.0924").
	phoneDash = regexp.MustCompile(`^(?:(?:1-)?\d{3}-\d{3}-\d{4}|(?:1\.)?\d{3}\.\d{3}\.\d{4}|\d{3}-\d{4})`)
	// phoneTrunk: a trunk prefix and an area code, then the number
	// ("030 1234567", "01 23 45 67 89", "06 1234 5678", and the area
	// code set off by a spaced slash: "089 / 12 34 56").
	phoneTrunk = regexp.MustCompile(`^0 ?[1-9]\d{0,3}(?: / |[ /-])\d{2,8}(?:[ /-]\d{2,8}){0,3}`)
	digitRun   = regexp.MustCompile(`\d+`)
	// phoneExtRe is an extension written with an x after a telephone
	// number: " x12", " x 12", ", x4".
	phoneExtRe = regexp.MustCompile(`^,? [xX] ?(\d{1,5})\b`)
)

// phone reads a telephone number group by group, a comma between groups
// for the pause a presenter makes: digit by digit, or in pairs where the
// language reads them so ("zéro un, vingt-trois").
func (n *Normalizer) phone(text string, i int) (token, bool) {
	l := n.l
	for _, re := range []*regexp.Regexp{phoneIntl, phoneExit, phoneParen, phoneTrunkParen, phoneDash, phoneTrunk, l.phoneSpaced} {
		if re == nil {
			continue
		}
		g, end, ok := find(re, text, i)
		if !ok || (end < len(text) && isDigit(text[end])) {
			continue
		}
		written := g[0]
		switch re {
		case phoneIntl, phoneExit:
			written = notDialled.ReplaceAllString(written, "")
		case phoneTrunkParen:
			// "(0 30)": the area code is one group, however spaced.
			k := strings.IndexByte(written, ')')
			written = strings.ReplaceAll(written[:k], " ", "") + written[k:]
		}
		runs := digitRun.FindAllString(written, -1)
		d := len(strings.Join(runs, ""))
		if re == phoneExit {
			d -= 2
		}
		if (re == phoneIntl || re == phoneExit) && (d < 8 || d > 15) || ((re == phoneTrunk || re == phoneTrunkParen) && (d < 6 || d > 13)) {
			continue // E.164 numbers have 8 to 15 digits
		}
		var groups []string
		for _, r := range runs {
			groups = append(groups, l.phoneGroup(r))
		}
		say := strings.Join(groups, ", ")
		if re == phoneIntl {
			say = l.w.plusSign + " " + say
		}
		if ext := l.abbrevs["ext."].number; ext != "" {
			// "202-555-0143 x12": an extension written with an x, glued
			// to its number or not, after the number it extends.
			// Its number is said as after "ext.", a count.
			if m := phoneExtRe.FindStringSubmatch(windowN(text, end, 16)); m != nil {
				comma := pick(strings.HasPrefix(m[0], ","), ",", "")
				say, end = say+comma+" "+ext+" "+l.cardinal(uint64(atoi(m[1])), plain), end+len(m[0])
			}
		}
		return token{end, say, "telephone"}, true
	}
	return n.cuedPhone(text, i)
}

// cuedPhone reads a telephone number of the language's phoneCued form
// after a word for a telephone: "tel. 55 1234 5678" is cincuenta y
// cinco, doce treinta y cuatro, cincuenta y seis setenta y ocho, each
// group of four as two pairs. Without the word the groups are left to
// the other readings.
func (n *Normalizer) cuedPhone(text string, i int) (token, bool) {
	l := n.l
	if l.phoneCued == nil || !l.phoneCue.MatchString(text[max(0, i-32):i]) {
		return token{}, false
	}
	g, end, ok := find(l.phoneCued, text, i)
	if !ok || end < len(text) && isDigit(text[end]) {
		return token{}, false
	}
	var groups []string
	for _, r := range strings.Fields(g[0]) {
		if len(r) != 4 {
			groups = append(groups, l.phonePair(r))
			continue
		}
		groups = append(groups, l.phonePair(r[:2])+" "+l.phonePair(r[2:]))
	}
	return token{end, strings.Join(groups, ", "), "telephone"}, true
}

// phonePair says a group of a telephone number as one number, its
// leading zero said alone ("05": cero cinco).
func (l *language) phonePair(r string) string {
	if r[0] == '0' {
		return l.digits(r)
	}
	return l.cardinal(uint64(atoi(r)), plain)
}

// phoneGroup reads one group of a telephone number: digit by digit, or
// where the language reads them as numbers, groups of two or three as
// numbers ("vingt-trois", "huit cents"), their leading zero said alone.
func (l *language) phoneGroup(r string) string {
	if !l.phonePairs || len(r) > 3 || len(r) == 0 {
		return l.digits(r)
	}
	if r[0] == '0' {
		return l.digits(r) // "zéro un"
	}
	return l.cardinal(uint64(atoi(r)), plain)
}

var ipRe = regexp.MustCompile(`^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b`)

// ipAddress reads "192.168.0.1": each number, "dot" between.
func (n *Normalizer) ipAddress(text string, i int) (token, bool) {
	g, end, ok := find(ipRe, text, i)
	if !ok || notDateEnd(text, end) {
		return token{}, false
	}
	var parts []string
	for _, p := range g[1:] {
		if atoi(p) > 255 || (len(p) > 1 && p[0] == '0') {
			return token{}, false
		}
		parts = append(parts, n.l.cardinal(uint64(atoi(p)), plain))
	}
	return token{end, strings.Join(parts, " "+n.l.w.dot+" "), "ip address"}, true
}

var versionRe = regexp.MustCompile(`^(v|V)?(\d{1,4})((?:\.\d{1,4}){1,3})\b`)

// version reads "2.5.1", "v2.0" and, after a word such as "version" or a
// product's name, "3.12": the numbers, "point" between ("three point
// twelve", not "three point one two").
func (n *Normalizer) version(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(versionRe, text, i)
	if !ok || notDateEnd(text, end) {
		return token{}, false
	}
	parts := strings.Split(g[3][1:], ".")
	if prev := strings.ToLower(prevWord(text, i)); g[1] == "" && len(parts) == 1 && len(parts[0]) <= 2 && l.articleRefs[prev] &&
		(atoi(g[2]) > 31 || prev != "le" && prev != "du" && prev != "au" && prev != "un") && l.decMark != '.' {
		// "le 49.3": the Constitution's article 49, paragraph 3, le
		// quarante-neuf trois; "le 12.03" may be a date, and is left.
		return token{end, l.cardinal(uint64(atoi(g[2])), plain) + " " + l.cardinal(uint64(atoi(parts[0])), plain), "cardinal"}, true
	}
	// "versions before 1.24": a word of time between the version's
	// word and its number.
	named := g[1] != "" || l.versionWords[prevWord(text, i)] || l.clock.before[strings.ToLower(prevWord(text, i))] && l.versionBefore(text, i)
	grouped := len(g[2]) <= 3 // "1.500.000" is a number where a full stop groups thousands
	for _, p := range parts {
		grouped = grouped && len(p) == 3
	}
	if !named && (len(parts) < 2 || grouped) {
		return token{}, false
	}
	say := l.cardinal(uint64(atoi(g[2])), plain)
	for _, p := range parts {
		if len(p) > 1 && p[0] == '0' {
			say += " " + l.w.point + " " + l.digits(p)
		} else {
			say += " " + l.w.point + " " + l.cardinal(uint64(atoi(p)), plain)
		}
	}
	if g[1] != "" {
		say = l.w.version + " " + say
	}
	return token{end, say, "version"}, true
}

// postalStyle is how a language's postal codes are written.
type postalStyle struct {
	// before are words after which five digits are a postal code ("DC",
	// "CA", "ZIP", "PLZ").
	before map[string]bool
	// city: five digits after a comma or at a line's start, before a
	// capitalized name that ends the line or the clause, are a postal
	// code ("…, 10115 Berlin").
	city bool
}

var postalRe = regexp.MustCompile(`^(\d{5})(?:-(\d{4}))?\b`)

// postalCode reads a postal code digit by digit.
func (n *Normalizer) postalCode(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(postalRe, text, i)
	if !ok || (end < len(text) && strings.ContainsRune(".,", rune(text[end])) && end+1 < len(text) && isDigit(text[end+1])) {
		return token{}, false
	}
	if !l.postal.before[prevWord(text, i)] && !(l.postal.city && cityFollows(text, i, end)) {
		return token{}, false
	}
	say := l.digits(g[1])
	if g[2] != "" {
		say += ", " + l.digits(g[2])
	}
	return token{end, say, "postal code"}, true
}

// cityFollows reports whether text[i:end] stands where an address puts a
// postal code: after a comma or at a line's start, before a capitalized
// name ending the line or followed by a comma or a parenthesis.
func cityFollows(text string, i, end int) bool {
	before := strings.TrimRight(text[max(0, i-8):i], " ")
	if before != "" && !strings.HasSuffix(before, ",") && !strings.HasSuffix(before, "\n") {
		return false
	}
	city := nextWord(text, end)
	if city == "" || !isCapitalized(city) {
		return false
	}
	after := strings.TrimLeft(text[end:], " ")[len(city):]
	return after == "" || strings.ContainsRune(",)\n", rune(after[0])) || sentenceEnds(text, len(text)-len(after)+1) && after[0] == '.'
}
