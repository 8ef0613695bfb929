package spoken

import (
	"maps"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbrev is how a language reads one abbreviation, by what is around it;
// an empty reading does not apply. The first that applies, in this order,
// is said; with none the abbreviation is left for the voice.
type abbrev struct {
	name string // before a capitalized name: "Gov." Newsom
	// femName, when set, is name's form before a woman's name
	// (language.femaleName): Portuguese "D. Maria" Dona, "D. Pedro" Dom.
	femName string
	after   string // after a name or a number: Main "St.", Jones "Jr."
	number  string // before a number: "No." 5
	// midNumber is number for a word that is also a word ("No" 10,
	// British style): read so only inside a sentence ("No 10 people
	// came" is no number ten).
	midNumber string
	between   string // between two names: Roe "v." Wade
	regnal    string // after a monarch's name: François "Ier"
	day       string // a weekday, before a comma, a number or a month: "Sun.", Feb. 3
	counted   string // after a number only: "S. 12 f." folgende
	// countedOne is counted after a number the language says a noun
	// after in the singular ("0,5 p.p.": ponto percentual); "": counted.
	countedOne string
	ordinal    string // after an ordinal written with digits: "5th c." century
	era        string // after a year or a century (language.eraAfter): "500 BC", "the 5th century BC" B C
	street     string // after a street's designator (language.streetWords): Pennsylvania Ave "NW"
	year       string // before a year, glued to it or not: "FY2024", "FY 24" fiscal year
	always     string // anywhere: "e.g."
}

var (
	abbrevRe = regexp.MustCompile(`^\pL+(?:\.\pL+)*(?:\.|°)?`)
	// spacedAbbrevRe is an abbreviation of single letters written with a
	// space after each full stop, as German and French style guides ask:
	// "z. B.", "d. h.", "u. a.".
	spacedAbbrevRe = regexp.MustCompile(`^\pL\.(?: \pL\.)+`)
	// lettersDigitsRe is a word of letters and then digits: "WW2".
	lettersDigitsRe = regexp.MustCompile(`^\pL+\d+\b`)
)

// abbreviation expands a word from the language's table, where its
// context makes the reading certain.
func (n *Normalizer) abbreviation(text string, i int) (token, bool) {
	if k := n.l.phraseAbbrevAt(window(text, i)); k != "" && endsToken(text, i+len(k)) {
		// "c.-à-d.", "p. ex.", "av. J.-C.": read whole, before their
		// first part is read alone ("p." page, "av." avenue).
		end := i + len(k)
		if say, ok := n.l.readAbbrev(k, ctxAt(text, i, end)); ok {
			return token{end, keepStop(text, end, say), "abbreviation"}, true
		}
	}
	if g, end, ok := find(spacedAbbrevRe, text, i); ok {
		if joined := strings.ReplaceAll(g[0], " ", ""); n.l.abbrevs[joined].always != "" || n.l.capitalAbbrev(joined) != "" {
			if say, ok := n.l.readAbbrev(joined, ctxAt(text, i, end)); ok {
				return token{end, keepStop(text, end, say), "abbreviation"}, true
			}
		}
	}
	if t, ok := n.dayRange(text, i); ok {
		return t, true
	}
	if g, end, ok := find(lettersDigitsRe, text, i); ok {
		// "WW2": letters and digits, read as the table says anywhere.
		if a := n.l.abbrevs[g[0]]; a.always != "" {
			return token{end, a.always, "abbreviation"}, true
		}
		if say, ok := n.l.beforeYear(g[0]); ok {
			say, end = n.l.nextYearAfter(text, g[0], say, end)
			return token{end, say, "abbreviation"}, true // "FY2024"
		}
	}
	if g, end, ok := find(spacedYearRe, text, i); ok {
		if say, ok := n.l.beforeYear(g[1] + g[2]); ok {
			say, end = n.l.nextYearAfter(text, g[2], say, end)
			return token{end, say, "abbreviation"}, true // "FY 2024"
		}
	}
	g, end, ok := find(abbrevRe, text, i)
	if !ok {
		return token{}, false
	}
	if day := n.l.abbrevs[g[0]+"."].day; day != "" && isCapitalized(g[0]) && endsToken(text, end) && (n.l.dateAfter(text, end) || hoursAfterRe.MatchString(window(text, end))) {
		// "Sat 15 Mar", "Mon March 3": a weekday's abbreviation
		// without its full stop, before a date, as listings write it.
		return token{end, day, "abbreviation"}, true
	}
	if _, known := n.l.abbrevs[g[0]]; !known && strings.HasSuffix(g[0], ".") && sentenceEnds(text, end) {
		// "Napoléon Ier.": a word written without a full stop, at the
		// end of a sentence, whose stop is the sentence's.
		if _, ok := n.l.abbrevs[g[0][:len(g[0])-1]]; ok {
			g[0], end = g[0][:len(g[0])-1], end-1
		}
	}
	say, ok := n.l.readAbbrev(g[0], ctxAt(text, i, end))
	if a := n.l.abbrevs[g[0]]; !ok && a.number != "" && numberFollows(text, end) {
		// "Tel.: 089 123456", "Tel. +49 30 …": a colon or a telephone
		// number's sign between the abbreviation and its number.
		say, ok = a.number, true
	}
	if !ok {
		say, ok = n.l.abbrevEnd(g[0])
	}
	if !ok {
		return token{}, false
	}
	if a := n.l.abbrevs[g[0]]; say == a.number {
		// "Apt. 4B", "Ste. 12A": a number and the letter of one of its
		// doors, said one after the other.
		if m := numberLetterRe.FindStringSubmatch(text[end:]); m != nil {
			return token{end + len(m[0]), say + " " + n.l.cardinal(uint64(atoi(m[1])), plain) + " " + m[2], "abbreviation"}, true
		}
	}
	return token{end, keepStop(text, end, say), "abbreviation"}, true
}

// spacedYearRe is an abbreviation, a space and two or four digits:
// "FY 2024".
var spacedYearRe = regexp.MustCompile(`^(\pL+) (\d{2}|\d{4})\b`)

// beforeYear says w, an abbreviation whose table entry reads a year
// after it and the year glued to it: "FY2024" fiscal year twenty
// twenty-four, "FY24" fiscal year twenty-four. ok is false for any other
// word, and for a year of three digits or none.
func (l *language) beforeYear(w string) (string, bool) {
	k := strings.IndexFunc(w, unicode.IsDigit)
	if k <= 0 || l.year == nil {
		return "", false
	}
	a := l.abbrevs[w[:k]]
	digits := w[k:]
	if a.year == "" || strings.Trim(digits, "0123456789") != "" {
		return "", false
	}
	switch v := atoi(digits); {
	case len(digits) == 4 && v >= 1900 && v <= 2099:
		return a.year + " " + l.year(v), true
	case len(digits) == 2:
		return a.year + " " + l.cardinal(uint64(v), plain), true // "FY24"
	}
	return "", false
}

// yearEndRe is the end of a span of two years after the first: "/25",
// "-25", "/2025".
var yearEndRe = regexp.MustCompile(`^([/-])(\d{2}|\d{4})\b`)

// nextYearAfter reads the next year after a year read with its
// abbreviation (say, the token ending at end, its digits the tail of
// written), when a slash or a hyphen joins it: "FY2024/25" fiscal year
// twenty twenty-four twenty-five, "FY24-25" fiscal year twenty-four to
// twenty-five, as a season's years are said ("2024/25", "2024-25"). Any
// other year after it, or none, leaves say and end as they were.
func (l *language) nextYearAfter(text, written, say string, end int) (string, int) {
	g, e, ok := find(yearEndRe, text, end)
	if !ok {
		return say, end
	}
	k := strings.IndexFunc(written, unicode.IsDigit)
	digits := written[k:]
	a, b := atoi(digits), atoi(g[2])
	if len(g[2]) == 4 && (len(digits) != 4 || b != a+1) || len(g[2]) == 2 && b != (a+1)%100 ||
		len(digits) == 2 && b < 10 {
		return say, end // "FY99/00", "FY09/10": left to the year's own reading
	}
	next := l.cardinal(uint64(b), plain)
	if len(digits) == 4 {
		next = l.shortYearEnd(a, g[2])
	}
	if g[1] == "-" {
		next = l.w.to + " " + next
	}
	return say + " " + next, e
}

// capitalAbbrev says an abbreviation written in lower case that a
// sentence's start capitalized ("Vgl. Kap. 4", "Z. B. hier", "Ca. 50
// Gäste", "E.g. this"): the reading it has anywhere, capitalized too.
// A capitalized form the table holds ("S." Seite, "s." siehe) is not
// asked for, and the caller asks only at a sentence's start: elsewhere
// a capital is a name's ("Er heißt Max." is no "maximal").
func (l *language) capitalAbbrev(word string) string {
	r, size := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(r) {
		return ""
	}
	a, ok := l.abbrevs[string(unicode.ToLower(r))+word[size:]]
	if !ok || a.always == "" {
		return ""
	}
	r, size = utf8.DecodeRuneInString(a.always)
	return string(unicode.ToUpper(r)) + a.always[size:]
}

// sentenceStart reports whether a sentence starts after before: nothing,
// or a sentence's end, a colon or an opening quote, maybe with spaces.
func sentenceStart(before string) bool {
	s := strings.TrimRightFunc(before, unicode.IsSpace)
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:\"„“»«(\n", r)
}

// numberLetterRe is a number and one capital letter after it: "4B".
var numberLetterRe = regexp.MustCompile(`^ ([1-9]\d{0,3})([A-Z])\b`)

var dayRangeRe = regexp.MustCompile(`^(\pL+\.?) ?([-–/]) ?(\pL+\.?)`)

// dayRange reads a span of weekdays written with their abbreviations
// and a dash, with or without their full stops: "Mo.-Fr." is "Montag bis
// Freitag", "Mon-Fri" "Monday to Friday", "lun.-ven." "lundi à
// vendredi"; with a slash, the two days: "Sa./So." Samstag und Sonntag.
func (n *Normalizer) dayRange(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(dayRangeRe, text, i)
	if !ok {
		return token{}, false
	}
	day := func(w string) string {
		if a, ok := l.abbrevs[w]; ok {
			return a.day
		}
		if !strings.HasSuffix(w, ".") {
			return l.abbrevs[w+"."].day
		}
		return ""
	}
	a, b := day(g[1]), day(g[3])
	if a == "" || b == "" || a == b {
		return token{}, false
	}
	if g[2] == "/" {
		// "Sa./So. geschlossen", "Sat/Sun": both days.
		return token{end, keepStop(text, end, a+" "+l.w.and+" "+b), "abbreviation"}, true
	}
	prev := prevWord(text, i)
	say := a + " " + l.rangeTo(prev) + " " + b
	if l.dayRangeSay != nil && !l.between[strings.ToLower(prev)] {
		say = l.dayRangeSay(a, b)
	}
	return token{end, keepStop(text, end, say), "abbreviation"}, true
}

// abbrevEnd reads a capitalized compound that ends in one of the
// language's abbreviated endings, with at least three letters before it:
// "Hauptstr." is "Hauptstraße"; "Str." alone is the table's.
func (l *language) abbrevEnd(word string) (string, bool) {
	if !isCapitalized(word) {
		return "", false
	}
	for end, say := range l.abbrevEnds {
		if stem, ok := strings.CutSuffix(word, end); ok && utf8.RuneCountInString(stem) >= 3 && !strings.Contains(stem, ".") {
			return stem + say, true
		}
	}
	return "", false
}

// readAbbrev says word in its context, if the language's table has a
// reading for it there.
func (l *language) readAbbrev(word string, c wordCtx) (string, bool) {
	a, ok := l.abbrevs[word]
	if !ok {
		if say := l.capitalAbbrev(word); say != "" && sentenceStart(c.before) {
			return say, true
		}
		if m := l.monthOf(word); m > 0 && strings.HasSuffix(word, ".") && (l.startsMonth && isCapitalized(word) && l.monthAlone(word, c) || monthInContext(l, c)) {
			if c.next != "" && isCapitalized(c.next) && l.monthOf(c.next) == 0 {
				// "Sales fell in Jan. Prices rose": its stop is the
				// sentence's too.
				return l.monthNames[m] + ".", true
			}
			return l.monthNames[m], true
		}
		return "", false
	}
	nextCap := c.next != "" && isCapitalized(c.next) && !isAllCaps(c.next)
	prevCap := c.prev != "" && isCapitalized(c.prev) && !strings.HasSuffix(c.prev, ".")
	prevNum := c.prev != "" && isDigit(c.prev[0])
	// A number follows: digits, or a Roman numeral ("s. XIX", "Vol. II").
	nextNum := c.next != "" && (isDigit(c.next[0]) || romanValue(c.next) > 0 && len(c.next) > 1)
	switch {
	case a.day != "" && isCapitalized(word) && strings.HasSuffix(word, ".") && l.dayBefore[strings.ToLower(c.prev)]:
		// "am Fr. Danach", "on Fri.": a weekday after its preposition,
		// not a title ("Fr." Frau) before a name or a sentence.
		return a.day, true
	case a.name != "" && a.after != "" && (prevCap || prevNum) && (!nextCap || l.sentenceStarters[c.next]):
		// "Oak St. The house": after a name, and a sentence starts.
		return a.after + pick(nextCap, ".", ""), true
	case a.midNumber != "" && nextNum && !sentenceStart(c.before) && isDigit(c.next[0]):
		return a.midNumber, true
	case a.femName != "" && nextCap && l.femaleName != nil && l.femaleName(c.next):
		return a.femName, true
	case a.name != "" && nextCap && !(prevNum && utf8.RuneCountInString(word) <= 2):
		// "5 M. La suite": a letter after a number is a size or a
		// unit ending its sentence, not "Monsieur".
		return a.name, true
	case a.after != "" && (prevCap || prevNum) && (strings.HasSuffix(word, ".") || !nextCap):
		return a.after, true
	case a.number != "" && (nextNum || l.codeArticle != "" && codeArticleRe.MatchString(strings.TrimLeft(c.rest, " "))):
		// "art. L. 1234-5": a code's part letter, then the number.
		return a.number, true
	case a.counted != "" && (prevNum || l.afterScale(c) || percentBefore(c.before)):
		f := strings.Fields(c.before) // the whole number: "0,5", not "5"
		if len(f) > 0 && a.countedOne != "" {
			num, group := f[len(f)-1], f[len(f)-1]
			for k := len(f) - 2; k >= 0 && len(group) == 3 && allDigits(group) && len(f[k]) <= 3 && allDigits(f[k]); k-- {
				group = f[k]
				num = group + num // "12 000 hab.": a number grouped with spaces is one
			}
			if am, ok := l.parseAmount(num); ok && l.singular(am) {
				return a.countedOne, true
			}
		}
		return a.counted, true
	case a.ordinal != "" && (prevNum && (unicode.IsLetter(lastRune(c.prev)) || l.ordinals.dot != nil && strings.HasSuffix(strings.TrimRight(c.before, " "), ".")) ||
		romanValue(c.prev) > 0 && (len(c.prev) > 1 || c.prev == "I" || c.prev == "V")):
		// "the 5th c.", German "in der 78. Min.", Italian "nel II trim."
		return a.ordinal, true
	case a.era != "" && (prevNum || l.eraAfter[strings.ToLower(c.prev)]):
		return a.era, true
	case a.street != "" && l.streetWords[strings.ToLower(strings.TrimSuffix(c.prev, "."))]:
		return a.street, true
	case a.between != "" && prevCap && nextCap:
		return a.between, true
	case a.regnal != "" && l.roman.regnal[c.prev]:
		return a.regnal, true
	case a.day != "" && !prevNum && (strings.HasPrefix(c.after, ",") || nextNum || dayNumberInParens(c.rest) || l.monthOf(c.next) > 0 || l.fromWords[strings.ToLower(c.prev)] && strings.HasSuffix(word, ".") && l.otherDayNear(word, c)):
		// "del sáb. al dom.": after a span's word, a weekday. After a
		// day's number the word is a month's ("le 4 mar. 2025" as some
		// sites write March), not a weekday's.
		return a.day, true
	case a.always != "":
		return a.always, true
	}
	return "", false
}

// numberFollows reports whether a number follows j after a colon, spaces,
// or a sign that starts a telephone number: ": 089", " +49", " (089)".
func numberFollows(text string, j int) bool {
	s := strings.TrimLeft(windowN(text, j, 8), ": ")
	s = strings.TrimLeft(s, "+(")
	return s != "" && isDigit(s[0]) && len(s) < len(windowN(text, j, 8))
}

// withPluralInitials adds to abbrevs the abbreviations of plural names
// written with doubled initials (Spanish "EE. UU."), each read anywhere
// as its name, in the three ways they are written: with a space after
// each full stop ("EE. UU."), without ("EE.UU.") and without full stops
// ("EEUU").
func withPluralInitials(abbrevs map[string]abbrev, names map[string]string) map[string]abbrev {
	out := make(map[string]abbrev, len(abbrevs)+3*len(names))
	for k, v := range abbrevs {
		out[k] = v
	}
	for spaced, name := range names {
		a := abbrev{always: name}
		out[spaced] = a
		out[strings.ReplaceAll(spaced, " ", "")] = a
		out[strings.NewReplacer(" ", "", ".", "").Replace(spaced)] = a
	}
	return out
}

// doubledInitialAt reports whether w starts with a group of doubled
// initials and its full stop: "FF." of "FF. AA.".
func doubledInitialAt(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	r2, n2 := utf8.DecodeRuneInString(w[n:])
	return unicode.IsUpper(r) && r2 == r && strings.HasPrefix(w[n+n2:], ".")
}

// dateAfter reports whether a date starts one space after j: a day's
// number and a month ("15 Mar", "3rd March") or a month ("March 3").
func (l *language) dateAfter(text string, j int) bool {
	if j >= len(text) || text[j] != ' ' {
		return false
	}
	next := nextWord(text, j)
	if l.monthOf(next) > 0 || l.monthOf(next+".") > 0 {
		return true
	}
	day := strings.TrimRightFunc(next, unicode.IsLetter) // "3rd"
	if day == "" || len(day) > 2 || strings.Trim(day, "0123456789") != "" || atoi(day) < 1 || atoi(day) > 31 {
		return false
	}
	month := nextWord(text, j+1+len(next))
	return month != "" && (l.monthOf(month) > 0 || l.monthOf(month+".") > 0)
}

// partyLabel reads a lawmaker's party and state in brackets, as the
// language's party function says them ("(D-Mass.)").
func (n *Normalizer) partyLabel(text string, i int) (token, bool) {
	say, end, ok := n.l.party(text, i)
	if !ok {
		return token{}, false
	}
	return token{end, say, "abbreviation"}, true
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// afterScale reports whether the word before c is a scale word after a
// number: "12 mil hab.", "3 Mio. Einw.".
func (l *language) afterScale(c wordCtx) bool {
	f := strings.Fields(c.before)
	return len(f) >= 2 && l.scales[strings.TrimSuffix(f[len(f)-1], ".")] > 0 && isDigit(f[len(f)-2][0])
}

// percentBefore reports whether before ends with a percentage: "11,25%
// a.a.", the rate a year.
func percentBefore(before string) bool {
	b := strings.TrimRight(before, " ")
	return strings.HasSuffix(b, "%") && len(b) > 1 && isDigit(b[len(b)-2])
}

// monthInContext reports whether a month's abbreviation with its stop
// ("Feb.", "Jan.") stands where only a month can: before a year ("im
// Feb. 2025") or joined to a month's name ("von Jan. bis März", "Jan.
// und Feb."). Alone it may be a name ("Ich traf Jan.").
func monthInContext(l *language, c wordCtx) bool {
	if len(c.next) == 4 && yearStartRe.MatchString(c.next) && strings.HasPrefix(c.after, " ") {
		return true
	}
	if l.monthOf(c.next) > 0 {
		return false
	}
	// The word after a joining word: "Jan. bis März", "Jan. und Feb.".
	w := strings.ToLower(c.next)
	if w != l.w.and && w != l.w.to && w != l.w.or && w != "bis" {
		return false
	}
	return l.monthOf(c.wordAfterNext()) > 0
}

// otherDayNear reports whether word is one end of a span of weekdays'
// abbreviations ("del lun. al mar.", "del sáb. al dom."): the other
// day's abbreviation right after the next word, or right before the
// previous one. "Fuimos al mar." alone is the sea's.
func (l *language) otherDayNear(word string, c wordCtx) bool {
	isDay := func(w string) bool { return w != "" && l.abbrevs[strings.ToLower(w)+"."].day != "" }
	if _, prev2 := lastWords(c.before); isDay(strings.TrimSuffix(prev2, ".")) {
		return true
	}
	return isDay(c.wordAfterNext())
}

// dayNumberInParens reports whether rest, the text after a weekday's
// abbreviation, starts with its day's number in brackets: Portuguese "na
// qui. (20)".
func dayNumberInParens(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	return len(rest) > 2 && rest[0] == '(' && isDigit(rest[1])
}

// hoursAfterRe is a time or a span of hours after a weekday's
// abbreviation, as opening hours are written: "Sa 10–14 Uhr", "Sat
// 10am-4pm", "So 9:30".
var hoursAfterRe = regexp.MustCompile(`^ \d{1,2}(?:(?:[:.]\d{2})?(?: ?[-–] ?\d{1,2}(?:[:.]\d{2})?)? ?(?:Uhr\b|h\b|[ap]\.?m\b)|[:.]\d{2}\b)`)

// numberedTextRe is a law's or a decree's number: its year and its
// number in the year ("2024-123"); its groups are codeArticleRe's, the
// first (the part's letter) always empty.
var numberedTextRe = regexp.MustCompile(`^()(\d{4}-\d{1,5})\b`)

// codeArticleRe is a code's article: its part's letter (French "L."
// législative, "R." réglementaire, "D." décret, "A." arrêté) and its
// number in pieces joined by hyphens ("L. 1234-5", "R4127-1").
var codeArticleRe = regexp.MustCompile(`^([LRDA])\.? ?(\d{1,4}(?:-\d{1,4}){1,3})\b`)

// codeArticle reads a code's article after a word that names one, in a
// language that says the hyphens between its pieces (French "l'article
// L. 1234-5" L mille deux cent trente-quatre tiret cinq); the pieces are
// numbers, not a range or a subtraction.
//
// A text's number after its sign or word for "number" is read so too:
// "la loi n° 2024-123" deux mille vingt-quatre tiret cent vingt-trois.
func (n *Normalizer) codeArticle(text string, i int) (token, bool) {
	l := n.l
	if l.codeArticle == "" {
		return token{}, false
	}
	var (
		g   []string // the part's letter, and the number's pieces
		end int
		ok  bool
	)
	if isDigit(text[i]) {
		before := strings.ToLower(strings.TrimRight(text[max(0, i-16):i], " "))
		if !strings.HasSuffix(before, "n°") && !strings.HasSuffix(before, "nº") && !strings.HasSuffix(before, strings.ToLower(l.w.numberSign)) {
			return token{}, false
		}
		g, end, ok = find(numberedTextRe, text, i)
	} else if l.articleRefs[strings.ToLower(prevWord(text, i))] {
		g, end, ok = find(codeArticleRe, text, i)
	}
	if !ok {
		return token{}, false
	}
	parts := strings.Split(g[2], "-")
	words := make([]string, len(parts))
	for k, p := range parts {
		words[k] = l.cardinal(uint64(atoi(p)), plain)
	}
	say := strings.Join(words, " "+l.codeArticle+" ")
	if g[1] != "" {
		say = g[1] + " " + say
	}
	return token{end, say, "number"}, true
}

// monthAlone reports whether word, a month's abbreviation written with
// a capital, is the month's where no day or year says so: always, but for
// one that is also a given name ("Jan."), which is a month only before a
// number or after a word of time ("in Jan.", "since Jun. 4").
func (l *language) monthAlone(word string, c wordCtx) bool {
	if !l.givenMonths[word] {
		return true
	}
	return c.next != "" && isDigit(c.next[0]) || l.monthAfter[strings.ToLower(c.prev)]
}

// withAbbrev is a copy of table with key read as a.
func withAbbrev(table map[string]abbrev, key string, a abbrev) map[string]abbrev {
	out := maps.Clone(table)
	out[key] = a
	return out
}
