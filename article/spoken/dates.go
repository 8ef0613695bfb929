package spoken

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// dateStyle is how a language writes dates, beyond its month names.
type dateStyle struct {
	// dotNoYear: day and month with full stops and no year are a date
	// ("am 3.10.", German).
	dotNoYear bool
	// monthOf joins a month's name to its year where the language says a
	// word between them ("mayo de 2024"); "" says them one after the
	// other ("May 2024").
	monthOf string
}

var (
	isoDateRe   = regexp.MustCompile(`^(\d{4})([-/])(\d{2})([-/])(\d{2})\b`)
	slashDateRe = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})\b`)
	dotDateRe   = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.`)
	// spacedDotDateRe is a day, a month and a year with a space after
	// each stop, as DIN 5008 allows: "9. 11. 1989".
	spacedDotDateRe = regexp.MustCompile(`^(\d{1,2})\. (\d{1,2})\. (\d{4})\b`)
	// monthYearRe is a month of two digits and a year: "05/2024".
	monthYearRe = regexp.MustCompile(`^(0[1-9]|1[0-2])/((?:19|20)\d\d)\b`)
)

// numericDate reads "2015-11-13", "13/11/2015", "3/14/19", "24.12.2021"
// and "am 3.10.": day or month first by locale, a number over 12 settles
// it; a two-digit year is in this century up to 30, in the last after.
func (n *Normalizer) numericDate(text string, i int) (token, bool) {
	l := n.l
	if l.date == nil {
		return token{}, false
	}
	if g, end, ok := find(isoDateRe, text, i); ok {
		y, m, d := atoi(g[1]), atoi(g[3]), atoi(g[5])
		if g[2] != g[4] || !validDate(d, m) || notDateEnd(text, end) {
			return token{}, false
		}
		return token{end, l.date(n, d, m, y, dateCtx{wordCtx: ctxAt(text, i, end)}), "date"}, true
	}
	if g, end, ok := find(spacedDotDateRe, text, i); ok && l.dates.dotNoYear {
		if d, m := atoi(g[1]), atoi(g[2]); validDate(d, m) && !notDateEnd(text, end) {
			return token{end, l.date(n, d, m, atoi(g[3]), dateCtx{wordCtx: ctxAt(text, i, end)}), "date"}, true
		}
	}
	g, end, ok := find(slashDateRe, text, i)
	if !ok {
		if g, end, ok := find(monthYearRe, text, i); ok && l.monthNames[1] != "" && l.year != nil && !notDateEnd(text, end) {
			// "05/2024": a month and its year, as a card's expiry or a
			// report's period is written, said as "May 2024".
			say := l.monthNames[atoi(g[1])] + " " + strings.TrimPrefix(l.dates.monthOf+" ", " ") + l.year(atoi(g[2]))
			return token{end, say, "date"}, true
		}
		if l.dates.dotNoYear {
			return n.dotDate(text, i)
		}
		return token{}, false
	}
	if g[2] != g[4] || notDateEnd(text, end) {
		return token{}, false
	}
	a, b, y := atoi(g[1]), atoi(g[3]), atoi(g[5])
	if len(g[5]) == 2 {
		if g[2] != "/" {
			return token{}, false // "1.2.19" is a version, "3-4-19" a score
		}
		y += 2000
		if y > 2030 {
			y -= 100
		}
	}
	d, m := a, b
	switch {
	case a > 12 && b <= 12:
	case b > 12 && a <= 12:
		d, m = b, a
	case g[2] == "." && l.versionWords[prevWord(text, i)]:
		return token{}, false // "version 1.2.2020"
	case g[2] == ".":
		// "05.03.2024": full stops between a date's numbers are the
		// European way of writing one, day first, whoever quotes it; an
		// American date is written with slashes. (Left, it was read
		// "five point zero three point two thousand twenty-four".)
	case !n.dmy:
		d, m = b, a
	}
	if !validDate(d, m) {
		return token{}, false
	}
	return token{end, l.date(n, d, m, y, dateCtx{wordCtx: ctxAt(text, i, end)}), "date"}, true
}

// dotDate reads "3.10." (German), the second full stop included.
func (n *Normalizer) dotDate(text string, i int) (token, bool) {
	g, end, ok := find(dotDateRe, text, i)
	if !ok || (end < len(text) && isDigit(text[end])) {
		return token{}, false
	}
	d, m := atoi(g[1]), atoi(g[2])
	if !validDate(d, m) {
		return token{}, false
	}
	say := n.l.date(n, d, m, 0, dateCtx{wordCtx: ctxAt(text, i, end)})
	return token{end, keepStop(text, end, say), "date"}, true
}

// notDateEnd reports whether more of a number follows a date's last digit
// ("1.2.2021.5").
func notDateEnd(text string, end int) bool {
	return end+1 < len(text) && strings.ContainsRune("./-:", rune(text[end])) && isDigit(text[end+1])
}

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func validDate(d, m int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= monthDays[m] }

// monthOf is the month a written word names ("Nov.", "novembre", "Feb"),
// or 0.
func (l *language) monthOf(w string) int {
	mo, ok := l.months[strings.ToLower(w)]
	if !ok || (mo.needCap && !isCapitalized(w)) {
		return 0
	}
	return mo.m
}

// monthAfterDay reports whether a month's name comes after the day that
// ends at end, or after the language's "de" ("4 de mayo").
func monthAfterDay(l *language, text string, end int) bool {
	w := nextWord(text, end)
	if l.monthOf(w) > 0 {
		return true
	}
	if w != "de" {
		return false
	}
	k := strings.Index(text[end:], w)
	return l.monthOf(nextWord(text, end+k+len(w))) > 0
}

// monthDate reads "Nov. 13, 2015", "November 13", "March 3-5", "Feb 3
// 2022".
var monthDateRe = regexp.MustCompile(`^(\p{L}+\.?) (\d{1,2})(?:st|nd|rd|th)?(?: ?[-–] ?(?:(\p{L}+\.?) )?(\d{1,2})(?:st|nd|rd|th)?)?(?:,? (\d{4}))?\b`)

func (n *Normalizer) monthDate(text string, i int) (token, bool) {
	l := n.l
	if l.date == nil || l.months == nil {
		return token{}, false
	}
	g, end, ok := find(monthDateRe, text, i)
	if !ok {
		return token{}, false
	}
	m := l.monthOf(g[1])
	d := atoi(g[2])
	if m == 0 || !validDate(d, m) || (end < len(text) && strings.ContainsRune(":.,", rune(text[end])) && end+1 < len(text) && isDigit(text[end+1])) {
		return token{}, false
	}
	if g[3] == "" && g[4] == "" && g[5] == "" && l.abbrevs[strings.ToLower(g[1])].day != "" && monthAfterDay(l, text, end) {
		// "mar. 4 maggio", "mar. 4 de mayo": a month's name after the
		// day makes the word before it, where it can be, a weekday's
		// ("mar." martedì, martes).
		return token{}, false
	}
	y := 0
	if g[5] != "" {
		y = atoi(g[5])
	}
	say := l.date(n, d, m, y, dateCtx{wordCtx: ctxAt(text, i, end), monthFirst: true})
	if g[4] != "" {
		// "March 3-5", "June 28-July 1": a span of days.
		d2, m2 := atoi(g[4]), m
		if g[3] != "" {
			if m2 = l.monthOf(g[3]); m2 == 0 {
				return token{}, false
			}
		}
		if !validDate(d2, m2) || m2 == m && d2 <= d {
			return token{}, false
		}
		say = l.monthNames[m] + " " + l.ordinal(uint64(d), plain) + " " + l.rangeTo(prevWord(text, i)) + " "
		if g[3] != "" {
			say += l.monthNames[m2] + " "
		}
		say += l.ordinal(uint64(d2), plain)
		if y != 0 {
			say += ", " + l.year(y)
		}
	}
	return token{end, say, "date"}, true
}

// dayMonth reads "13 November 2015", "13 Nov.", "le 1er janvier", "am 13.
// November" (a German ordinal's full stop), "15 de marzo de 2021", "1°
// gennaio".
// dayRangeMonthRe is a span of days written before their month: "5-7
// January", "5.–7. Mai 2025".
var dayRangeMonthRe = regexp.MustCompile(`^(\d{1,2})(\.|st|nd|rd|th)? ?([-–/]) ?(\d{1,2})(\.|st|nd|rd|th)? (?:de )?(\p{L}+)(\.?)(?:,? (?:de |del )?(\d{4}))?\b`)

// dayRangeMonth reads a span of days written before their month as one
// date: "from 5-7 January" is "from the fifth to the seventh of January"
// (en-GB; "January fifth to seventh" in the United States), "vom 5.-7.
// Mai" "vom fünften bis siebten Mai". It was read as a range of numbers
// and a month ("five to seven January"), German "fünf.-siebter Mai".
func (n *Normalizer) dayRangeMonth(text string, i int) (token, bool) {
	l := n.l
	if l.dayRange == nil {
		return token{}, false
	}
	g, end, ok := find(dayRangeMonthRe, text, i)
	if !ok {
		return token{}, false
	}
	m := l.monthOf(g[6] + g[7])
	if m == 0 {
		m = l.monthOf(g[6])
	}
	d1, d2 := atoi(g[1]), atoi(g[4])
	if m == 0 || d1 >= d2 || !validDate(d1, m) || !validDate(d2, m) || (g[2] == ".") != (g[5] == ".") || g[3] == "/" && g[2] != "." {
		return token{}, false
	}
	if g[7] != "" && g[8] == "" && strings.EqualFold(g[6], l.monthNames[m]) {
		end-- // a full name's full stop ends the sentence: leave it
	}
	y := 0
	if g[8] != "" {
		y = atoi(g[8])
	}
	// "am 5./6. Mai": two days, the fifth and the sixth.
	c := dateCtx{wordCtx: ctxAt(text, i, end), both: g[3] == "/"}
	return token{end, keepStop(text, end, l.dayRange(n, d1, d2, m, y, c)), "date"}, true
}

// dashedDateRe is a day, a month's name of three letters and a year
// joined by hyphens: "24-Nov-2021".
var dashedDateRe = regexp.MustCompile(`^(\d{1,2})-(\p{Lu}\p{Ll}{2}|\p{Lu}{3})-(\d{4}|\d{2})\b`)

var dayMonthRe = regexp.MustCompile(`^(\d{1,2})((?:st|nd|rd|th|er|e|º|°|\.º)? |\. ?|(?:er)?-)(?:de )?(\p{L}+)(\.?)(?:,? (?:de |del )?(\d{4}))?`)

func (n *Normalizer) dayMonth(text string, i int) (token, bool) {
	l := n.l
	if l.date == nil || l.months == nil {
		return token{}, false
	}
	if g, end, ok := find(dashedDateRe, text, i); ok && !notDateEnd(text, end) {
		// "24-Nov-2021", "3-Jan-22": a day, a month's short name and a
		// year joined by hyphens, as logs and forms write them.
		m := l.monthOf(g[2] + ".")
		if m == 0 {
			m = l.monthOf(g[2])
		}
		y := atoi(g[3])
		if len(g[3]) == 2 {
			y += 2000
			if y > 2030 {
				y -= 100
			}
		}
		if d := atoi(g[1]); m > 0 && validDate(d, m) {
			return token{end, l.date(n, d, m, y, dateCtx{wordCtx: ctxAt(text, i, end)}), "date"}, true
		}
	}
	g, end, ok := find(dayMonthRe, text, i)
	if !ok {
		return token{}, false
	}
	month, dot := g[3], g[4]
	m := l.monthOf(month + dot)
	if m == 0 {
		m = l.monthOf(month)
	}
	if m == 0 && dot == "" && (g[5] != "" || strings.HasPrefix(text[end:], " (")) {
		// "Madrid, 14 mar (EFE)", "14 Jan 2024": an abbreviated month
		// without its full stop, before a year or an agency's credit as
		// datelines write it; elsewhere "5 set" may be five sets.
		m = l.monthOf(month + ".")
	}
	if m == 0 || dot != "" && g[5] == "" && l.monthNouns[strings.ToLower(month)] && sentenceBreakAt(text, end) {
		return token{}, false
	}
	// A holiday's name joins its day and month: "le 14-Juillet", "1er-Mai",
	// also at a sentence's end ("le 14-Juillet."), but not an abbreviated
	// month.
	if strings.HasSuffix(g[2], "-") && (!isCapitalized(month) || dot != "" && !strings.EqualFold(month, l.monthNames[m]) || l.monthOf(prevWord(text, i)) > 0) {
		return token{}, false
	}
	if dot != "" && g[5] == "" && strings.EqualFold(month, l.monthNames[m]) {
		end-- // a full name's full stop ends the sentence: leave it
	}
	d := atoi(g[1])
	if !validDate(d, m) {
		return token{}, false
	}
	y := 0
	if g[5] != "" {
		y = atoi(g[5])
	}
	suffix := strings.TrimSpace(g[2])
	c := dateCtx{wordCtx: ctxAt(text, i, end), ordinal: suffix != "" && suffix != "."}
	return token{end, keepStop(text, end, l.date(n, d, m, y, c)), "date"}, true
}

// sentenceBreakAt reports whether a sentence ends at j, after a full
// stop: nothing follows but closing marks, or a capital does.
func sentenceBreakAt(text string, j int) bool {
	if sentenceEnds(text, j) {
		return true
	}
	return j < len(text) && text[j] == ' ' && isCapitalized(strings.TrimLeft(text[j:], " "))
}

// dayLetterRe is an event named by its day and an initial: "11-S", "23-F".
var dayLetterRe = regexp.MustCompile(`^(\d{1,2})-(\p{Lu})\b`)

// dayLetter reads an event named by its day of the month and an initial
// as Spanish says it: "el 11-S" is "el once ese", "el 23-F" "el
// veintitrés efe", "el 15-M" "el quince eme".
func (n *Normalizer) dayLetter(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(dayLetterRe, text, i)
	if !ok {
		return token{}, false
	}
	d := atoi(g[1])
	r, _ := utf8.DecodeRuneInString(g[2])
	name := l.letterNames[r]
	if d < 1 || d > 31 || name == "" {
		return token{}, false
	}
	return token{end, l.cardinal(uint64(d), plain) + " " + name, "date"}, true
}

// slashRangeRe is a span between two dates written as a month and a day
// (or a day and a month) with a slash, joined by a dash or a word of a
// span: "5/3 – 7/31", "3/1-3/15", "6/12 through 6/15".
var slashRangeRe = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})(\s?[-–]\s?| to | through | thru | until | till )(\d{1,2})/(\d{1,2})\b`)

// slashDateRange reads a span between two slashed dates without a year
// as one span of dates: "runs 5/3 – 7/31" is "runs May third to July
// thirty-first", "open 3/1-3/15" "open March first to fifteenth" in the
// United States ("the first to the fifteenth of March" where the day is
// written first). Each end alone is no sure date ("5/3" may be a pair of
// numbers, "3/4" a fraction), so the two must agree: both valid dates,
// the second later, and one of them a date beyond doubt (its day over 12
// and, written second, no fraction's denominator: "3/15", "7/31") or a
// word of dates before ("on", "since", a weekday). A span may run across
// the year's end ("12/22 – 1/4"). Pairs of fractions
// ("1/4-3/4 cup"), a shooter's tallies ("went 5/17 - 7/20 from") and a
// falling pair ("7/31-5/3") stay as they are.
func (n *Normalizer) slashDateRange(text string, i int) (token, bool) {
	l := n.l
	if l.date == nil || l.dayRange == nil || i > 0 && strings.ContainsRune("/.-", rune(text[i-1])) {
		return token{}, false
	}
	g, end, ok := find(slashRangeRe, text, i)
	if !ok || end < len(text) && strings.ContainsRune("/.", rune(text[end])) && end+1 < len(text) && isDigit(text[end+1]) {
		return token{}, false // "5/3-7/31/2024", "1/2-3/4.5"
	}
	d1, m1, d2, m2 := atoi(g[2]), atoi(g[1]), atoi(g[5]), atoi(g[4])
	if n.dmy {
		d1, m1, d2, m2 = m1, d1, m2, d2
	}
	// The second is later: in the same year, or across its end, from
	// the last two months into the first two ("12/22 – 1/4", closed over
	// the holidays).
	later := m2 > m1 || m2 == m1 && d2 > d1 || m1 >= 11 && m2 <= 2
	if !validDate(d1, m1) || !validDate(d2, m2) || !later {
		return token{}, false
	}
	prev := strings.ToLower(prevWord(text, i))
	next := strings.ToLower(nextWord(text, end))
	if slashNotDateNext[next] || slashNotDatePrev[prev] || prev == "a" || prev == "an" {
		return token{}, false
	}
	sure := func(d int) bool { return d > 12 && (n.dmy || !fractionDens[uint64(d)]) }
	dateWord := slashDateBefore[prev] || l.abbrevs[prevWord(text, i)].day != "" || enWeekdays[prev]
	if !sure(d1) && !sure(d2) && !dateWord {
		return token{}, false
	}
	c := dateCtx{wordCtx: ctxAt(text, i, end)}
	join := strings.TrimSpace(g[3])
	if join == "-" || join == "–" {
		join = l.rangeTo(prevWord(text, i))
	}
	var say string
	if m1 == m2 && join == l.rangeTo(prevWord(text, i)) {
		say = l.dayRange(n, d1, d2, m1, 0, c)
	} else {
		c.monthFirst = !n.dmy
		say = l.date(n, d1, m1, 0, c) + " " + join + " " + l.date(n, d2, m2, 0, c)
	}
	return token{end, say, "date"}, true
}

// romanceDaySpan says the days d1 to d2 of a span written before their
// month as French, Spanish and Italian say it, from one to the other:
// "5-7 mai" du cinq au sept, "5-7 de mayo" del cinco al siete, "5-7
// maggio" dal cinque al sette ("dall'otto all'undici": Italian elides
// both before a vowel). After the word for "from" the text has it
// already ("du 5-7 mai"), after an article or "between" the span is said
// with its "to" ("le 5-7": le cinq au sept) or its "and" ("entre le 5 et
// le 7"). day says a day's number ("premier", "primo").
func (n *Normalizer) romanceDaySpan(from, to string, elide bool, d1, d2 int, c dateCtx, day func(int) string) string {
	l := n.l
	prev := strings.ToLower(c.prev)
	join := func(word string, d int) string {
		s := day(d)
		if elide && startsVowel(s) {
			return strings.TrimSuffix(word, "l") + "ll'" + s
		}
		return word + " " + s
	}
	switch {
	case l.between[prev]:
		return day(d1) + " " + l.w.and + " " + day(d2)
	case prev == from || romanceArticles[prev]:
		return day(d1) + " " + join(to, d2)
	}
	return join(from, d1) + " " + join(to, d2)
}

// romanceArticles are the articles before a span of days after which the
// word for "from" is not said: "le 5-7 mai", "el 5-7 de mayo", "il 5-7
// maggio".
var romanceArticles = setOf("le", "les", "el", "los", "il", "i")
