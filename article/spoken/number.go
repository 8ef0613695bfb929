package spoken

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var signRe = regexp.MustCompile(`^[-−+±]`)

// number reads a plain number: a year where it looks like one, else a
// cardinal or a decimal, with a scale glued to it ("1.2bn") or after it
// ("1,5 milliard", "2 Mio."), and in the form the noun after it needs
// ("veintiuna personas").
func (n *Normalizer) number(text string, i int) (token, bool) {
	l := n.l
	j := i
	neg, pm, plus := false, false, false
	if loc := signRe.FindStringIndex(window(text, i)); loc != nil {
		pm = strings.HasPrefix(text[i:], "±")
		plus = text[i] == '+'
		neg = !plus && !pm
		j += loc[1]
	}
	loc := l.num.FindStringIndex(window(text, j))
	if loc == nil {
		return token{}, false
	}
	lit := text[j : j+loc[1]]
	if k := strings.IndexByte(lit, ' '); k > 0 && j+loc[1] < len(text) && isDigit(text[j+loc[1]]) {
		// "55 1234 5678": groups of three after a space end where a
		// number does; here the digits go on, a telephone's or a code's
		// groups, not thousands.
		lit = lit[:k]
	}
	end := j + len(lit)
	a, ok := l.parseAmount(lit)
	if !ok {
		return token{}, false
	}
	if j > i && !strings.ContainsAny(lit[:1], "123456789") && a.frac == "" && a.value() == 0 {
		neg = false
	}
	// "1.2bn", "5bn": a glued scale. "4K" and "5m" are left alone (a
	// screen, a distance or millions).
	pow, written := 0, ""
	if w := gluedWord(text, end); w == "x" && lit == "0" {
		return token{}, false // "0x41": a hexadecimal number
	} else if w == "x" && !neg && endsToken(text, end+1) && end+1 < len(text) && text[end+1] == ' ' {
		// "3x faster": three times.
		return token{end + 1, l.spell(a, plain) + " " + l.w.times, "cardinal"}, true
	} else if p, ok := l.countScales[w]; ok && !neg && end+len(w) < len(text) && text[end+len(w)] == ' ' && (l.counted(w, a, nextWord(text, end+len(w))) || l.unitNamedAfter(text, end+len(w))) {
		// "1.8m km": a unit after it makes "m" the scale.
		// "5.5m people", "10k runners": millions and thousands of what
		// the noun after counts; "a 5m wall", "ran 10k" are left.
		pow, end, written = p, end+len(w), w
	} else if _, ok := l.countScales["k"]; ok && !neg && (w == "k" || w == "K") && a.frac == "" && len(lit) == 3 && lit[0] != '0' && lit != "401" && endsToken(text, end+len(w)) &&
		(i == 0 || strings.ContainsRune(" (\n", rune(text[i-1]))) && !l.oneAfter[strings.ToLower(prevWord(text, i))] {
		// "up from 900k in May", "250K followers": three digits of
		// thousands, whatever follows; "a 100k" (a race), "4K" (a
		// screen), "4790K" (a processor) and "401k" (a pension plan)
		// are left.
		pow, end, written = 3, end+len(w), w
	} else if p, ok := l.countScales[w]; ok && !neg && (w == "M" || w == "B") && a.frac != "" && endsToken(text, end+len(w)) &&
		(i == 0 || strings.ContainsRune(" (\n", rune(text[i-1]))) {
		// "8.3M", "1.2B": a capital after a decimal is no name's
		// ("3M"), no meter's ("5.5m"): millions and billions, whatever
		// follows; a word of its own, not a code's tail
		// ("1998PNAS...95.9047M").
		pow, end, written = p, end+len(w), w
	} else if w != "" {
		p, ok := l.scales[w]
		if !ok || isLongScale(w) || len(w) < 2 {
			return token{}, false
		}
		pow, end, written = p, end+len(w), w
	} else if p, e := l.scaleAfter(text, end); p > 0 {
		pow, end, written = p, e, text[end+1:e]
	}
	if !neg && j == i && pow == 0 && a.frac == "" {
		if len(lit) >= 10 && strings.Trim(lit, "0123456789") == "" && !strings.HasSuffix(lit, "000") {
			// "EAN 5012345678900", "ISBN 9780306406157": ten digits or
			// more without a group are a code's, said digit by digit;
			// no one writes a count so long ungrouped, nor one so
			// exact.
			return token{end, l.digits(lit), "digits"}, true
		}
		if l.digitNumbers[lit] {
			return token{end, l.digits(lit), "digits"}, true // "911"
		}
		if l.dialNumbers[lit] && !isCapitalized(nextWord(text, end)) && sentenceHas(text, i, end, l.dialCues) {
			return token{end, l.digits(lit), "digits"}, true // "den Notruf 112 wählen"
		}
		if len(lit) >= 3 && len(lit) <= 6 && lit[0] != '0' && l.dialVerbs[strings.ToLower(prevWord(text, i))] && !countsNoun(nextWord(text, end)) {
			return token{end, l.digits(lit), "digits"}, true // "text 988", "call 311"
		}
		if (len(lit) == 3 || len(lit) == 4) && lit[0] != '0' && l.afterFlight(text, i) {
			return token{end, l.flight(atoi(lit)), "flight"}, true
		}
		if (len(lit) == 3 || len(lit) == 4) && lit[0] != '0' && l.pairsAfter[prevWord(text, i)] && l.flight != nil &&
			!l.isUnitWord(nextWord(text, end)) {
			return token{end, l.flight(atoi(lit)), "cardinal"}, true // "Section 230", "Form 1040"
		}
		if len(lit) == 3 && lit[0] != '0' && l.flight != nil && l.modelAt(text, i, end, lit) {
			// "Boeing 737", "the 737 MAX": seven thirty-seven; "the 707" seven oh seven.
			return token{end, l.flight(atoi(lit)), "model"}, true
		}
	}
	if !neg && j == i && a.frac == "" && pow == 0 && l.houseNumber != nil && (len(lit) == 3 || len(lit) == 4) {
		if s, ok := l.houseNumber(atoi(lit), window(text, end)); ok {
			return token{end, s, "address"}, true
		}
	}
	if p := possessiveAt(text, end); p != "" && !neg && j == i && a.frac == "" && pow == 0 && len(lit) == 4 && l.isYear != nil && atoi(lit) >= 1000 && atoi(lit) <= 2099 {
		return token{end + len(p), l.year(atoi(lit)) + p, "year"}, true // "1984's sequel"
	}
	if !neg && j == i && a.frac == "" && pow == 0 && len(lit) == 4 && l.isYear != nil && l.isYear(text, i, end) {
		return token{end, l.year(atoi(lit)), "year"}, true
	}
	var say string
	if pow > 0 {
		say = l.withScale(a, pow, written)
		if v := a.value(); l.thousandAgrees && pow == 3 && a.frac == "" && v > 0 && v < 1000 && !neg {
			// "2 mil pessoas": duas mil pessoas, the number agreeing
			// with the noun after the invariable word for a thousand.
			say = l.cardinal(v*1000, l.genderOf(nextWord(text, end)))
		}
		if first, rest, ok := strings.Cut(say, " "); ok && l.article != nil && a.one() && !neg {
			// "mit 1 Million Euro": mit einer Million, the scale's
			// noun declined as any other after "eine".
			head, _, _ := strings.Cut(rest, " ")
			out, _ := l.article(first, textBefore(text, i), head, window(text, end))
			say = out + " " + rest
		}
		if u, e, ok := l.unitAfterScale(text, end); ok && !neg {
			// "6.4bn km": six point four billion kilometers.
			say, end = say+l.scaleJoin(u.many), e
		}
	} else {
		next := nextWord(text, end+l.plusAt(text, end)) // "1+ personne": the noun after the "+"
		g := l.genderOf(next)
		if l.prenominal[strings.ToLower(next)] && strings.HasPrefix(text[end:], " "+next+" ") {
			// "1 seule voix": une, the gender of the noun after the
			// adjective.
			if ng := l.genderOf(nextWord(text, end+1+len(next))); ng != plain || g == plain {
				g = ng
			}
		}
		label := l.labels(prevWord(text, i))
		if label {
			g = plain // "Artikel 1 Absatz 2": eins, not "ein Absatz"
		}
		say = l.spell(a, g)
		if l.oneOf != nil && !label && !neg && a.frac == "" && a.value() == 1 && g == plain {
			if s, ok := l.oneOf(textBefore(text, i), window(text, end)); ok {
				say = s
			}
		}
		if l.article != nil && !label && !neg && a.frac == "" && end < len(text) && text[end] == ' ' {
			out, glued := l.article(say, textBefore(text, i), next, window(text, end))
			if !glued {
				say = out
			} else if strings.HasPrefix(text[end+1:], next) {
				// "un'ora": the number and its word are one token.
				say, end = out+next, end+1+len(next)
			}
		}
	}
	if neg {
		say = l.w.minus + " " + say
	} else if pm {
		say = l.w.plusMinus + " " + say
	} else if plus {
		say = l.w.plus + " " + say // "+3": a rise, said as such
	}
	// "18+", "5+ years": at least.
	if p := l.plusAt(text, end); p > 0 && !neg {
		if r, _ := utf8.DecodeRuneInString(text[min(end+p+1, len(text)):]); l.w.atLeast != "" && pow == 0 && end+p < len(text) &&
			text[end+p] == ' ' && unicode.IsLower(r) {
			// "garantis 10+ ans": au moins dix ans, the number
			// before the noun it counts.
			say = l.w.atLeast + " " + say
		} else {
			say += " " + l.w.plus
		}
		end += p
	}
	rule := "cardinal"
	if a.frac != "" {
		rule = "decimal"
	}
	return token{end, say, rule}, true
}

// afterFlight reports whether the number at i names a flight: after one
// of flightWords, an airline's code of two or three capitals maybe
// between ("Flight BA 2490", "flight 370").
func (l *language) afterFlight(text string, i int) bool {
	if l.flight == nil {
		return false
	}
	prev := prevWord(text, i)
	if l.flightWords[prev] {
		return true
	}
	if n := len(prev); n < 2 || n > 3 || !isAllCaps(prev) || !strings.HasSuffix(strings.TrimRight(text[:i], " "), prev) {
		return false
	}
	return l.flightWords[prevWord(text, strings.LastIndex(text[:i], prev))]
}

// labels reports whether a number after w names an item of a series
// rather than counting the word after it: "Artikel 1 Absatz 2", "Gleis 1
// Richtung Berlin", "artículo 1 apartado 2", "Ligue 1", and after an
// acronym a train, a road or an index ("TGV 6201 part", "ICE 1", "CAC
// 40"). Such a number is said as when counting, whatever follows ("eins",
// "uno", "un").
func (l *language) labels(w string) bool {
	if k := strings.LastIndexAny(w, "'’"); k >= 0 {
		w = strings.TrimLeft(w[k:], "'’") // "l'articolo"
	}
	if l.nounsCapitalized && w != "" && !isCapitalized(w) && l.abbrevs[w].number == "" {
		return false
	}
	return w != "" && (l.labelNouns[w] || l.labelNouns[strings.ToLower(w)] || l.abbrevs[w].number != "" || isAllCaps(w))
}

// countsNoun reports whether w, the word after a number, is a word the
// number may count: a word of letters other than the few that follow a
// number to dial ("text 988 or call", "dial 311 for help").
func countsNoun(w string) bool {
	if w == "" || !unicode.IsLetter([]rune(w)[0]) {
		return false
	}
	return !dialFollowers[strings.ToLower(w)]
}

var dialFollowers = setOf("or", "and", "to", "for", "now", "today", "anytime", "at", "from", "if", "in", "on", "with", "instead")

// possessiveAt is the English possessive "'s" at j when a word ends
// there, else "".
func possessiveAt(text string, j int) string {
	for _, p := range []string{"'s", "’s"} {
		if strings.HasPrefix(text[j:], p) && endsToken(text, j+len(p)) {
			return p
		}
	}
	return ""
}

// scaleAfter finds a scale word one space after end ("million",
// "milliards", "Mio.", or two of them, "lakh crore"): its power of ten
// and where it ends, the abbreviation's full stop included unless it
// ends the sentence.
func (l *language) scaleAfter(text string, end int) (int, int) {
	if end >= len(text) || text[end] != ' ' {
		return 0, end
	}
	w := nextWord(text, end)
	p, ok := l.scales[w]
	if e := end + 1 + len(w); !ok || len(w) < 2 && !l.joinsScale(text, e) || !endsToken(text, e) && l.plusAt(text, e) == 0 {
		return 0, end
	}
	if w2 := nextWord(text, end+1+len(w)); w2 != "" && strings.HasPrefix(text[end+1+len(w):], " "+w2) {
		if p2, ok := l.scales[w+" "+w2]; ok && endsToken(text, end+2+len(w)+len(w2)) {
			return p2, end + 2 + len(w) + len(w2)
		}
	}
	end += 1 + len(w)
	if end < len(text) && text[end] == '.' && !l.isScaleWord(w, p) && !sentenceEnds(text, end+1) {
		end++ // "2 Mio. Euro", "3 mill. de euros"
	}
	return p, end
}

// joinsScale reports whether the word joining a scale to what it counts
// comes one space after j ("1,2 M de logements", "68 M d'habitants"): a
// lone letter ("M") is a scale only so, else it may be a size or a name.
func (l *language) joinsScale(text string, j int) bool {
	join := l.money.scaleJoin
	if join == "" {
		return false
	}
	s := window(text, j)
	if strings.HasPrefix(s, " "+join+" ") {
		// "42 M de la marque": a size, the word after the join an
		// article, not the noun a scale counts.
		next := nextWord(s, len(join)+1)
		return isLowerWord(next) && utf8.RuneCountInString(next) >= 3 && !scaleJoinDeterminers[next]
	}
	if !l.money.elide {
		return false
	}
	// "d'habitants": the join elided before a vowel.
	return strings.HasPrefix(s, " "+join[:len(join)-1]+"'") || strings.HasPrefix(s, " "+join[:len(join)-1]+"’")
}

// scaleJoinDeterminers are the articles and determiners that may follow
// "de" or "di" where no scale counts: "M de la marque", "M de ces".
var scaleJoinDeterminers = setOf("les", "des", "ces", "ses", "mes", "tes", "nos", "vos", "son", "mon", "ton",
	"cette", "leur", "leurs", "los", "las", "esta", "este", "estos", "estas", "sus", "della", "dello", "delle",
	"degli", "questo", "questa")

// unitAfterScale finds a unit's symbol one space after a scale word
// ending at end ("6,4 Mrd. km", "1.2bn t"), or after the word that joins
// the two ("6,4 milliards de km"): the unit and where its symbol ends, a
// sentence's full stop left out.
func (l *language) unitAfterScale(text string, end int) (unit, int, bool) {
	if end >= len(text) || text[end] != ' ' {
		return unit{}, end, false
	}
	s := window(text, end+1)
	if j := l.money.scaleJoin; j != "" && strings.HasPrefix(s, j+" ") {
		// "6,4 milliards de km": the join is said before the unit.
		end += len(j) + 1
		s = s[len(j)+1:]
	}
	k := strings.IndexAny(s, " \t\n,;:)!?")
	if k < 0 {
		k = len(s)
	}
	sym := strings.TrimSuffix(s[:k], ".")
	if _, isScale := l.scales[sym]; sym == "" || isScale {
		return unit{}, end, false
	}
	u, ok := l.units[sym]
	e := end + 1 + len(sym)
	if !ok || !endsToken(text, e) {
		return unit{}, end, false
	}
	return u, e, true
}

// isUnitWord reports whether w is a unit's name written out ("feet",
// "miles"), after which a number measures rather than names.
func (l *language) isUnitWord(w string) bool {
	if w == "" {
		return false
	}
	if _, ok := l.units[w]; ok {
		return true
	}
	for _, m := range []map[string]unit{l.units, l.cueUnits} {
		for _, u := range m {
			if u.many == w || u.one == w {
				return true
			}
		}
	}
	return false
}

// unitNamedAfter reports whether a unit's symbol of two letters or more
// comes one space after end ("1.8m km", "10k km"), which a glued scale's
// letter then cannot be a unit before.
func (l *language) unitNamedAfter(text string, end int) bool {
	_, e, ok := l.unitAfterScale(text, end)
	return ok && e-end-1 >= 2
}

// isScaleWord reports whether w is a scale written in full ("million",
// "millones"), which a full stop after ends the sentence, not an
// abbreviation of one ("Mio.", "mill.", "Tsd.").
func (l *language) isScaleWord(w string, pow int) bool {
	return strings.EqualFold(w, l.scaleName(pow, true)) || strings.EqualFold(w, l.scaleName(pow, false))
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

var (
	codeRe    = regexp.MustCompile(`^0\d+`)
	codeRunRe = regexp.MustCompile(`^0\d{1,2}(?: 0\d{1,2})+\b`)
)

// codeRun reads a run of short codes each written with a leading zero
// ("Versions: 00 01 02 03", the drafts of a document; "Tracks 01 02 03")
// code by code, all alike, a comma between them: no telephone number is
// made only of groups that start with a zero, and the first of them, read
// alone as a code, said "oh oh" before "zero one, zero two".
func (n *Normalizer) codeRun(text string, i int) (token, bool) {
	g, end, ok := find(codeRunRe, text, i)
	if !ok || end < len(text) && strings.ContainsRune(".,:/-", rune(text[end])) && end+1 < len(text) && isDigit(text[end+1]) ||
		end+1 < len(text) && text[end] == ' ' && isDigit(text[end+1]) {
		return token{}, false // "012 013 023 123": groups of digits, not codes all
	}
	codes := strings.Fields(g[0])
	for k, c := range codes {
		codes[k] = n.l.digits(c)
		if n.l.w.oh != "" {
			codes[k] = n.l.digitsOh(c)
		}
	}
	return token{end, strings.Join(codes, ", "), "digits"}, true
}

// code reads a number written with a leading zero ("007", "0800", "Mainz
// 05", "Zimmer 012") digit by digit: it names something, it counts
// nothing. A decimal fraction ("05,5"), a date, a time or a telephone
// number was read before. English says the zeros of a short one after a
// word "oh" ("room oh one two"), and some codes have a name of their own
// ("double-oh seven").
func (n *Normalizer) code(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(codeRe, text, i)
	if !ok || (end < len(text) && (text[end] == '.' || text[end] == ',') && end+1 < len(text) && isDigit(text[end+1])) {
		return token{}, false
	}
	if len(g[0]) == 2 && (l.clock.before[strings.ToLower(prevWord(text, i))] || hourFollows(l, windowN(text, end, 16))) {
		return token{}, false // "ore 09", "von 09 bis 17 Uhr", "from 09 to 5pm": an hour
	}
	if strings.TrimSpace(text[:i]) == "" && end < len(text) && (text[end] == '.' || text[end] == ')') && (end+1 == len(text) || text[end+1] == ' ') {
		return token{}, false // "01. Native apps": a list item's number, padded
	}
	if say, ok := l.namedNumbers[g[0]]; ok {
		return token{end, say, "digits"}, true
	}
	say := l.digits(g[0])
	if l.w.oh != "" && len(g[0]) <= 3 && (i == 0 || text[i-1] == ' ' || text[i-1] == '(') {
		// "Route 09", "room 012": a name's short number; a longer code
		// or one in a formula ("umask 0022", "ms=01") keeps "zero".
		say = l.digitsOh(g[0])
	}
	return token{end, say, "digits"}, true
}

var hourAfterRe = regexp.MustCompile(`\d ?(?:[AaPp]\.?[Mm]\b|h\b)`)

// hourFollows reports whether the text after a number ends a span of
// hours: another number and the language's word for o'clock, "h" or
// "am"/"pm".
func hourFollows(l *language, after string) bool {
	return l.clock.word != "" && strings.Contains(after, " "+l.clock.word) || hourAfterRe.MatchString(after)
}

// digitsOh reads each digit of s, a zero as the language's "oh".
func (l *language) digitsOh(s string) string {
	parts := strings.Fields(l.digits(s))
	zero := l.cardinal(0, plain)
	for k, p := range parts {
		if p == zero {
			parts[k] = l.w.oh
		}
	}
	return strings.Join(parts, " ")
}

var (
	actRe = regexp.MustCompile(`^(\d{1,5})/((?:1[89]|20)\d{2})\b`)
	// actGroupedRe is an act's number with its thousands grouped by a
	// full stop, as Brazil writes its laws' ("Lei 13.709/2018").
	actGroupedRe = regexp.MustCompile(`^(\d{1,3}(?:\.\d{3})+)/((?:1[89]|20)\d{2})\b`)
	// actShortRe is an act's number with its year's last two digits, as
	// Brazil cites its laws ("Lei 8.666/93", "Lei 14.133/21").
	actShortRe = regexp.MustCompile(`^(\d{1,3}(?:\.\d{3})+|\d{1,5})/(\d{2})\b`)
)

// act reads the number of a law, a decree or a ruling written with its
// year after one of the language's act nouns, as the language says it:
// Spanish "Ley 7/1985" is "Ley siete de mil novecientos ochenta y cinco",
// Italian "legge 104/1992" "legge centoquattro del
// millenovecentonovantadue", also through "n." ("legge n. 104/1992") and
// an adjective ("Ley Orgánica 3/2018", "decreto legislativo 81/2008").
func (n *Normalizer) act(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(actRe, text, i)
	if !ok && l.actGrouped {
		g, end, ok = find(actGroupedRe, text, i)
		if !ok {
			if g, end, ok = find(actShortRe, text, i); ok {
				g[2] = strconv.Itoa(fullYear(atoi(g[2])))
			}
		}
	}
	if !ok || !l.afterAct(text, i) {
		return token{}, false
	}
	return token{end, l.cardinal(uint64(atoi(strings.ReplaceAll(g[1], ".", ""))), plain) + " " + l.actYear + " " + l.year(atoi(g[2])), "cardinal"}, true
}

// afterAct reports whether one of the three words before i is an act
// noun ("Real Decreto-ley", "legge n.").
func (l *language) afterAct(text string, i int) bool {
	for range 3 {
		w := prevWord(text, i)
		if w == "" {
			return false
		}
		lw := strings.ToLower(w)
		if head, _, _ := strings.Cut(lw, "-"); l.actNouns[lw] || l.actNouns[head] {
			return true
		}
		i = strings.LastIndex(text[:i], w)
	}
	return false
}

var sectionRe = regexp.MustCompile(`^(§§?) ?(\d{1,4}[a-z]?)(?: ?[-–] ?(\d{1,4}[a-z]?))?\b`)

// section reads "§ 218" as "Paragraf zweihundertachtzehn", "section two
// hundred eighteen", and "§§ 1-3" as "Paragrafen eins bis drei".
func (n *Normalizer) section(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(sectionRe, text, i)
	if !ok || l.w.section == "" {
		return token{}, false
	}
	say := pick(g[1] == "§§" && l.w.sections != "", l.w.sections, l.w.section) + " " + l.sectionNumber(g[2])
	if g[3] != "" {
		say += " " + l.w.to + " " + l.sectionNumber(g[3])
	}
	return token{end, say, "section"}, true
}

// sectionNumber says the number of a section and its letter: "218a".
func (l *language) sectionNumber(s string) string {
	num := strings.TrimRightFunc(s, unicode.IsLetter)
	say := l.cardinal(uint64(atoi(num)), plain)
	if (len(num) == 3 || len(num) == 4) && num[0] != '0' && l.pairsAfter["§"] && l.flight != nil {
		say = l.flight(atoi(num)) // "§ 1983": nineteen eighty-three
	}
	if suffix := s[len(num):]; suffix != "" {
		say += " " + suffix
	}
	return say
}

// numberSignRe is a number written with "#" or with an abbreviation of
// "number" glued to it: "#1", "n°10", "Nr.5", "n.º5".
var numberSignRe = regexp.MustCompile(`^(#|\pL{1,3}(?:\.[°º]?|[°º]))(\d{1,6})\b`)

// numberSign reads "#1" as "number one" ("Nummer eins", "numéro un"), and
// an abbreviation of "number" glued to its number as it is read apart
// ("n°10" numéro dix): a label, said as when counting. A hashtag ("#MeToo")
// is left.
func (n *Normalizer) numberSign(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(numberSignRe, text, i)
	if !ok {
		return token{}, false
	}
	word := l.w.numberSign
	if g[1] != "#" {
		word = l.abbrevs[g[1]].number
	}
	if word == "" {
		return token{}, false
	}
	return token{end, word + " " + l.cardinal(uint64(atoi(g[2])), plain), "number sign"}, true
}
