package spoken

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// class is one kind of token (money, a date, a telephone number…): it
// either declines text[i:] or claims a token of it and says how it is read.
type class func(n *Normalizer, text string, i int) (token, bool)

// match tries the rules (when withRules) and then the classes at text[i:],
// in order, and returns the first that claims a token ending at a token
// boundary.
func (n *Normalizer) match(text string, i int, withRules bool) (token, bool) {
	if withRules && ruleStart(text, i) {
		if t, ok := n.matchRule(text, i); ok {
			return t, true
		}
	}
	if n.l == nil {
		return token{}, false
	}
	if t, ok := n.elided(text, i, withRules); ok {
		return t, true
	}
	if !(atBoundary(text, i) || isDigit(text[i]) && (afterElision(text, i) || n.afterPrefix(text, i)) ||
		(text[i] == '\'' || strings.HasPrefix(text[i:], "’")) && n.afterPrefix(text, i) || // "mid-'90s"
		strings.ContainsRune("$€£¥", rune(text[i])) && n.afterPrefix(text, i) ||
		(text[i] == '<' || text[i] == '>' || text[i] == '=') && statLetterBefore(text, i)) { // "p<0.001", "n=120"
		if n.l.elides && afterElision(text, i) && !isDigit(text[i]) {
			// An abbreviation after an elided article: "l'art. 5".
			if t, ok := n.abbreviation(text, i); ok && endsToken(text, t.end) {
				return t, true
			}
		}
		return token{}, false
	}
	for _, c := range n.classesAt(text, i) {
		if t, ok := c(n, text, i); ok && t.end > i && endsToken(text, t.end) {
			return t, true
		}
	}
	return token{}, false
}

// elided reads a word the language elides before a vowel together with
// the number after it, when that number is said with a word that elides
// it: French "de 1 %" is "d'un pour cent", "que 1 candidat" "qu'un
// candidat", "de 1 h à 3 h" "d'une heure à trois heures"; "de 11 ans"
// stays "de onze ans", "de 1 000" "de mille".
func (n *Normalizer) elided(text string, i int, withRules bool) (token, bool) {
	l := n.l
	if l.elisions == nil || !atBoundary(text, i) {
		return token{}, false
	}
	k := strings.IndexByte(window(text, i), ' ')
	if k <= 0 || i+k+1 >= len(text) || !isDigit(text[i+k+1]) {
		return token{}, false
	}
	w := text[i : i+k]
	short, ok := l.elisions[strings.ToLower(w)]
	if !ok {
		return token{}, false
	}
	t, ok := n.match(text, i+k+1, withRules)
	if !ok {
		return token{}, false
	}
	first, _, _ := strings.Cut(t.say, " ")
	if !l.elidedBy[first] {
		return token{}, false
	}
	if isCapitalized(w) {
		short = strings.ToUpper(short[:1]) + short[1:] // "De 1 à 3": D'un à trois
	}
	return token{t.end, short + t.say, t.rule}, true
}

// classesAt picks, from cheap looks at the token at i and the one after,
// the classes that can apply, in the order they are tried: most words of a
// sentence need none, and a plain "12" costs a handful of regexps.
func (n *Normalizer) classesAt(text string, i int) []class {
	l := n.l
	r, _ := utf8.DecodeRuneInString(text[i:])
	w, next := tokenAt(text, i)
	has := func(chars string) bool { return strings.ContainsAny(w, chars) }
	var classes []class
	add := func(ok bool, c class) {
		if ok {
			classes = append(classes, c)
		}
	}
	switch {
	case unicode.IsLetter(r):
		dotted := strings.ContainsAny(w, ".@")
		_, plainAbbrev := l.abbrevs[strings.TrimRight(w, ",;:!?)]}\"'’”")]
		plainAbbrev = plainAbbrev || l.abbrevs[w+"."].day != "" // "Sat 15 Mar"
		add(l.party != nil && i > 1 && (text[i-1] == '(' || text[i-2] == ',' && text[i-1] == ' ') && len(w) > 2 && w[1] == '-', (*Normalizer).partyLabel)
		plainAbbrev = plainAbbrev || len(l.phraseAbbrevs) > 0 && l.phraseAbbrevAt(window(text, i)) != "" ||
			l.abbrevs[strings.TrimRightFunc(strings.TrimRight(w, ",;:!?)."), unicode.IsDigit)].year != "" || // "FY2024"
			strings.Contains(w, "/") && l.abbrevs[strings.TrimRightFunc(w[:strings.IndexByte(w, '/')], unicode.IsDigit)].year != "" // "FY2024/25"
		nextDigit := next != "" && isDigit(next[0])
		add(l.minuteIn != nil && nextDigit && strings.ContainsAny(next, "'’′"), (*Normalizer).minuteMark)
		add(l.rate.per != "" && strings.EqualFold(prevWord(text, i), l.rate.per), (*Normalizer).perSymbol)
		add(has("²³"), (*Normalizer).math)
		add(has("²³^⁴⁵⁶⁷⁸⁹⁻"), (*Normalizer).power)
		add((strings.HasPrefix(w, "GMT") || strings.HasPrefix(w, "UTC")) && len(w) > 3, (*Normalizer).utcOffset)
		add(l.clock.zoneAfter != nil && l.clock.zones[strings.TrimRight(w, ".,;:!?)")] != "", (*Normalizer).zoneAfterWord)
		add(dotted, (*Normalizer).url)
		add(strings.Contains(w, "$"), (*Normalizer).money)
		add(len(w) == 3 && w == strings.ToUpper(w) || l.codeBefore(w), (*Normalizer).moneyCode)
		add((r == 'v' || r == 'V') && len(w) > 1 && isDigit(w[1]), (*Normalizer).version)
		add(unicode.IsUpper(r) || nextDigit, (*Normalizer).monthDate)
		// w may be shorter than r's bytes: tokenAt ends a token at a
		// byte that is not UTF-8 ("M\xa4").
		add(l.codeArticle != "" && strings.ContainsRune("LRDA", r) && (len(w) <= 2 || isDigit(w[1])), (*Normalizer).codeArticle)
		add(strings.HasPrefix(w, string(r)+"/"), (*Normalizer).slashAbbrev)
		add(dotted || plainAbbrev || strings.ContainsAny(w, "-–/") || strings.HasPrefix(next, "-") || strings.HasPrefix(next, "–"), (*Normalizer).abbreviation)
		add(strings.ContainsAny(w, ".°º") && strings.IndexFunc(w, unicode.IsDigit) > 0, (*Normalizer).numberSign)
		add(l.road != nil && has("-") && nextDigitAfterDash(w), (*Normalizer).road)
		add(l.quarters.letter != 0 && len(w) >= 2 && (w[0] == l.quarters.letter || w[0] == l.quarters.half && l.quarters.half != 0) && isDigit(w[1]), (*Normalizer).quarter)
		add(l.bearingOf != "" && len(w) <= 3 && next == l.bearingOf && strings.Trim(w, "NSEW") == "", (*Normalizer).bearing)
		add(strings.ContainsRune("IVXLCDM", r), (*Normalizer).century)
		add(strings.ContainsRune("IVXLCDM", r), (*Normalizer).romanNumeral)
	case unicode.IsDigit(r) || strings.ContainsRune("½¼¾⅓⅔⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒", r) || leadingMark(text, i, l.decMark) ||
		strings.ContainsRune("$€£¥₹₩₽₺₱₦₪-−+±#'’(", r) && digitNear(text, i):
		nextLetter := next != "" && unicode.IsLetter([]rune(next)[0])
		dots := strings.Count(w, ".")
		add(r == '±' && l.w.compare != nil && strings.HasPrefix(text[i+len("±"):], " "), (*Normalizer).compare) // "± 3"
		add(l.codeArticle != "" && len(w) > 5 && w[4] == '-', (*Normalizer).codeArticle)                        // "n° 2024-123"
		add(has("^⁴⁵⁶⁷⁸⁹⁻"), (*Normalizer).power)
		add(has("eE") && strings.IndexFunc(w, unicode.IsDigit) == 0, (*Normalizer).scientific)
		add(l.quarters.letter != 0 && len(w) >= 2 && (w[1] == l.quarters.letter || w[1] == l.quarters.half && l.quarters.half != 0), (*Normalizer).quarter)
		add(l.agedSuffixes != nil && strings.IndexFunc(w, unicode.IsLetter) > 0, (*Normalizer).aged)
		add(strings.IndexFunc(w, unicode.IsLetter) > 0, (*Normalizer).doorNumber)
		// "90. + 3'": a marked minute with its stoppage time after a space,
		// before the minute's mark is read as an ordinal or a sum.
		add(strings.HasPrefix(next, "+") && !has("+"), (*Normalizer).stoppage)
		add(strings.ContainsAny(windowN(text, i, 16), "-–"), (*Normalizer).clockRange)
		add(l.actNouns != nil && has("/"), (*Normalizer).act)
		add(l.dayRange != nil && has("/"), (*Normalizer).slashDateRange)
		add(l.w.over != "" && has("/"), (*Normalizer).bloodPressure)
		add(has("/") || strings.Contains(next, "/"), (*Normalizer).alternatives)
		add(has("/") || strings.Contains(next, "/"), (*Normalizer).outOf)
		// "5 600 €/m²": the slash two groups on.
		add(has("/") || strings.Contains(next, "/") || next != "" && isDigit(next[0]) && strings.Contains(windowN(text, i, 24), "/"), (*Normalizer).rate)
		add((l.clock.primeTimes || l.clock.primeOf != "") && strings.ContainsAny(w, "'’′\"″”"), (*Normalizer).primeTime)
		add(strings.Count(w, ":") > 0 && strings.IndexByte(w[strings.IndexByte(w+":", ':'):], l.decMark) > 0, (*Normalizer).raceTime)
		add(l.paceUnits != nil && has(":") && has("/"), (*Normalizer).pace)
		add(l.recordingCues != nil && strings.HasPrefix(w, "0:"), (*Normalizer).recordingTime)
		add(has(":") || strings.IndexFunc(w, unicode.IsLetter) >= 0 || nextLetter, (*Normalizer).duration)
		add(l.clock.word != "", (*Normalizer).clockWord)
		add(has("-/."), (*Normalizer).numericDate)
		add(dots >= 3, (*Normalizer).ipAddress)
		nextDigit := next != "" && isDigit(next[0])
		add(r == '0' && strings.HasPrefix(next, "0"), (*Normalizer).codeRun)
		// "1 (800) 555-0100": the country's 1 before an area code in brackets.
		add(has("+(-./") || w == "1" && strings.HasPrefix(next, "(") || (strings.HasPrefix(w, "0") || l.phoneSpaced != nil && (len(w) == 2 || len(w) == 3)) && nextDigit ||
			strings.HasPrefix(w, "0") && next == "/", (*Normalizer).phone)
		add(dots >= 1, (*Normalizer).version)
		add(l.dayRange != nil && (has("-–") || strings.Contains(w, "./") || strings.HasPrefix(next, "-") || strings.HasPrefix(next, "–")), (*Normalizer).dayRangeMonth)
		add(l.letterNames != nil && has("-"), (*Normalizer).dayLetter)
		add(nextLetter || has("-"), (*Normalizer).dayMonth)
		add(l.ordinals.dot != nil && dots >= 1, (*Normalizer).ordinalDot)
		add(has(":.hapAP") || nextLetter, (*Normalizer).clockTime)
		add(has("$€£¥₹₩₽₺₱₦₪¢") || strings.ContainsAny(next, "$€£¥₹₩₽₺₱₦₪") || (len(next) >= 3 && next[:3] == strings.ToUpper(next[:3])) || nextLetter, (*Normalizer).money)
		add(has("%‰") || strings.ContainsAny(next, "%‰-–") || nextLetter, (*Normalizer).percent)
		add(i == 0 && has("'’′"), (*Normalizer).minuteStamp)
		add(l.minuteIn != nil && has("'’′"), (*Normalizer).minuteMark)
		add(has("+"), (*Normalizer).stoppage)
		add(l.feetInches && (has("'’′\"″") || strings.HasPrefix(next, "ft") || strings.Contains(w, "ft")), (*Normalizer).feetInches)
		add(l.minute != nil && has("'’′.e"), (*Normalizer).scorerMinute)
		add(l.ordinals.place != nil && has(".") && i > 0 && text[i-1] == '(', (*Normalizer).bracketPlace)
		add(strings.ContainsAny(windowN(text, i, 16), "-–"), (*Normalizer).measureRange)
		add(r == '#', (*Normalizer).numberSign)
		add(l.compass != nil && has("°º"), (*Normalizer).coordinate)
		add(true, (*Normalizer).measure)
		add(l.tempCues != nil && strings.ContainsAny(w, "CF"), (*Normalizer).bareTemperature)
		add(len(w) >= 5, (*Normalizer).postalCode)
		add(has("-"), (*Normalizer).compound)
		add(l.decades.re != nil && (has("s") || l.decades.always) || len(l.decades.after) > 0, (*Normalizer).decade)
		add(r == '\'' || r == '’', (*Normalizer).elidedYear)
		add(strings.Contains(w, "x") || next == "x" || has("×"), (*Normalizer).dimensions)
		add(has("+×*÷=²³") || strings.ContainsAny(next, "+×*÷=") || strings.ContainsAny(next, "-−/") && strings.Contains(window(text, i), "="), (*Normalizer).math)
		add(l.modelsAfter != nil && has("-"), (*Normalizer).model)
		add(has("-–") || strings.HasPrefix(next, "–"), (*Normalizer).decimalRange)
		add(strings.HasSuffix(w, "x") && has("-–"), (*Normalizer).timesRange)
		add(has("-–:/"), (*Normalizer).numberRange)
		add(strings.IndexFunc(w, unicode.IsLetter) >= 0 || has("°"), (*Normalizer).ordinalNumber)
		// "2½", "1/2", "2 1/2", and "1 ½" with a space before the sign.
		spacedVulgar := strings.HasPrefix(text[i+len(w):], " ") && strings.ContainsAny(windowN(text, i+len(w), 4), vulgarSigns)
		add(has("/") || next == "/", (*Normalizer).rating)
		add(has("/"+vulgarSigns) || strings.Contains(next, "/") || spacedVulgar, (*Normalizer).fractionNumber)
		add(has("²³"), (*Normalizer).power)
		add(has("0"), (*Normalizer).code)
		add(true, (*Normalizer).number)
	case r == '&':
		add(true, (*Normalizer).ampersand)
	case r == '~' || r == '≈':
		add(true, (*Normalizer).approximate)
	case r == '→':
		add(true, (*Normalizer).arrow)
	case r == '<':
		add(true, (*Normalizer).htmlTag)
		add(l.w.compare != nil, (*Normalizer).compare)
	case strings.ContainsRune(">≤≥≠√±", r):
		add(l.w.compare != nil, (*Normalizer).compare)
	case r == '=':
		add(l.w.compare != nil && statLetterBefore(text, i), (*Normalizer).compare)
	case r == '§':
		add(true, (*Normalizer).section)
	}
	return classes
}

// afterPrefix reports whether i follows a prefix and a hyphen the
// language joins to numbers ("mid-1990s") or to amounts ("sub-$70").
func (n *Normalizer) afterPrefix(text string, i int) bool {
	if len(n.l.hyphenPrefixes) == 0 || i < 2 || text[i-1] != '-' {
		return false
	}
	w := prevWord(text, i-1)
	return n.l.hyphenPrefixes[strings.ToLower(w)] && strings.HasSuffix(text[:i-1], w)
}

// ampersand reads "&" between spaces as "and" ("Johnson & Johnson");
// glued, it is part of a name ("AT&T", "Q&A").
func (n *Normalizer) ampersand(text string, i int) (token, bool) {
	if i == 0 || text[i-1] != ' ' || i+1 >= len(text) || text[i+1] != ' ' {
		return token{}, false
	}
	return token{i + 1, n.l.w.and, "symbol"}, true
}

// nextDigitAfterDash reports whether a digit follows w's first dash.
func nextDigitAfterDash(w string) bool {
	k := strings.IndexByte(w, '-')
	return k >= 0 && k+1 < len(w) && isDigit(w[k+1])
}

// digitNear reports whether a digit comes within a few bytes of i: a sign
// or a symbol starts a number only then ("-5", "$ 20", "(555)"), and a
// run of dashes costs no regexps.
func digitNear(text string, i int) bool {
	return strings.IndexFunc(windowN(text, i, 6), unicode.IsDigit) >= 0
}

// leadingMark reports whether a number starts at i with its decimal mark,
// written without the zero (".5"): a full stop after a space, not in a
// row of them ("Contents....2").
func leadingMark(text string, i int, mark byte) bool {
	if mark != '.' || text[i] != '.' || i+1 >= len(text) || !isDigit(text[i+1]) {
		return false
	}
	// After a sign too: "p<.05", "r=.8".
	return i == 0 || strings.ContainsRune(" \t\n(\"'“‘<>=≤≥", lastRune(text[:i]))
}

// tokenAt is the run of non-space text at i and the one after it.
func tokenAt(text string, i int) (w, next string) {
	s := window(text, i)
	k := strings.IndexFunc(s, unicode.IsSpace)
	if k < 0 {
		return s, ""
	}
	w, rest := s[:k], strings.TrimLeftFunc(s[k:], unicode.IsSpace)
	if k := strings.IndexFunc(rest, unicode.IsSpace); k >= 0 {
		rest = rest[:k]
	}
	return w, rest
}

// find runs an anchored regexp at text[i:] and returns the submatches, as
// strings ("" for an unmatched group), and the absolute end.
func find(re *regexp.Regexp, text string, i int) ([]string, int, bool) {
	return findIn(re, text, i, maxToken)
}

// findIn is find looking at most size bytes ahead.
func findIn(re *regexp.Regexp, text string, i, size int) ([]string, int, bool) {
	loc := re.FindStringSubmatchIndex(windowN(text, i, size))
	if loc == nil {
		return nil, 0, false
	}
	g := make([]string, len(loc)/2)
	for k := range g {
		if loc[2*k] >= 0 {
			g[k] = text[i+loc[2*k] : i+loc[2*k+1]]
		}
	}
	return g, i + loc[1], true
}

// maxToken bounds how far a class looks from a token's start (maxAddress
// for web and e-mail addresses). Every class is anchored, but bounding the
// text it sees keeps the scan linear whatever the regexp engine does with
// a pattern, and Go's backtracker costs in proportion to its input.
const (
	maxToken   = 64
	maxAddress = 256
)

// window is text[i:], cut to maxToken bytes at a rune start.
func window(text string, i int) string { return windowN(text, i, maxToken) }

func windowN(text string, i, size int) string {
	end := i + size
	if end >= len(text) {
		return text[i:]
	}
	for end > i && !utf8.RuneStart(text[end]) {
		end--
	}
	return text[i:end]
}

// keepStop gives back a sentence's final full stop that a token swallowed
// ("at 10 a.m." at the end of a sentence).
func keepStop(text string, end int, say string) string {
	if end > 0 && text[end-1] == '.' && sentenceEnds(text, end) {
		return say + "."
	}
	return say
}

// atBoundary reports whether a token may start at i: the rune before is
// not a letter or digit, nor a joiner glued to one ("COVID-19", "A.1").
func atBoundary(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, size := utf8.DecodeLastRuneInString(text[:i])
	if isAlnum(r) {
		return false
	}
	if strings.ContainsRune("-/.,:_@'’&+", r) && i-size > 0 {
		r2, _ := utf8.DecodeLastRuneInString(text[:i-size])
		if isAlnum(r2) {
			return false
		}
	}
	return true
}

// endsToken reports whether a token may end at j: what follows is not a
// letter or digit, nor a joiner followed by one ("3-D", "2.5.1").
func endsToken(text string, j int) bool {
	if j >= len(text) {
		return true
	}
	r, size := utf8.DecodeRuneInString(text[j:])
	if isAlnum(r) {
		return false
	}
	if strings.ContainsRune("-/.,:_@'’&+%°", r) && j+size < len(text) {
		r2, _ := utf8.DecodeRuneInString(text[j+size:])
		if isAlnum(r2) {
			return false
		}
	}
	return true
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// prevWord is the word before i (letters, digits, dots and apostrophes)
// when only spaces come between, else "".
func prevWord(text string, i int) string {
	s := strings.TrimRightFunc(text[max(0, i-64):i], unicode.IsSpace)
	j := strings.LastIndexFunc(s, func(r rune) bool { return !isWordByte(r) })
	if j < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[j:])
	return s[j+size:]
}

// nextWord is the word after the spaces at j (letters, digits, apostrophes
// and inner dots), or "" when something else comes first.
func nextWord(text string, j int) string {
	s := strings.TrimLeftFunc(window(text, j), unicode.IsSpace)
	k := strings.IndexFunc(s, func(r rune) bool { return !isWordByte(r) })
	if k < 0 {
		k = len(s)
	}
	return strings.TrimRight(s[:k], ".'’")
}

func isWordByte(r rune) bool { return isAlnum(r) || r == '.' || r == '\'' || r == '’' }

// textBefore is the text before i on which the words before a token are
// judged: up to 64 bytes.
func textBefore(text string, i int) string { return text[max(0, i-64):i] }

// lastWords are the last two words of before (the word right before a
// token and the one before it), as prevWord sees them.
func lastWords(before string) (prev, prev2 string) {
	prev = prevWord(before, len(before))
	if prev == "" {
		return "", ""
	}
	k := strings.LastIndex(before, prev)
	return prev, prevWord(before, k)
}

// ctxAt is the words around text[i:j].
func ctxAt(text string, i, j int) wordCtx {
	return wordCtx{prev: prevWord(text, i), next: nextWord(text, j), after: text[j:min(len(text), j+2)], before: text[max(0, i-32):i], rest: text[j:]}
}

// wordAfterNext is the word after c.next ("März" in "Jan. bis März"), read
// only when a reading asks for it.
func (c wordCtx) wordAfterNext() string {
	if c.next == "" {
		return ""
	}
	k := strings.Index(c.rest, c.next)
	if k < 0 {
		return ""
	}
	return nextWord(c.rest, k+len(c.next))
}

// sentenceEnds reports whether nothing but closing marks and space follow
// j: a dot ending an abbreviation there also ends the sentence.
func sentenceEnds(text string, j int) bool {
	return len(text)-j < maxAddress && strings.TrimRight(text[j:], " \t\n\"')]}”’»") == ""
}

func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// atoi reads the ASCII digits of s (the callers' regexps matched digits).
func atoi(s string) int {
	v := 0
	for _, c := range s {
		if c >= '0' && c <= '9' {
			v = v*10 + int(c-'0')
		}
	}
	return v
}
