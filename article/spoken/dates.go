package spoken

import (
	"regexp"
	"strings"
)

var (
	isoDateRe   = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})\b`)
	slashDateRe = regexp.MustCompile(`^(\d{1,2})([/.])(\d{1,2})([/.])(\d{4})\b`)
)

// numericDate reads "2015-11-13" and "13/11/2015" (day or month first by
// locale; a number over 12 settles it).
func (n *Normalizer) numericDate(text string, i int) (token, bool) {
	l := n.l
	if l.date == nil {
		return token{}, false
	}
	if g, end, ok := find(isoDateRe, text, i); ok {
		y, m, d := atoi(g[1]), atoi(g[2]), atoi(g[3])
		if validDate(d, m) {
			return token{end, l.date(n, d, m, y, false, ctxAt(text, i, end)), "date"}, true
		}
		return token{}, false
	}
	g, end, ok := find(slashDateRe, text, i)
	if !ok || g[2] != g[4] || (g[2] == "." && !n.dmy) {
		return token{}, false
	}
	a, b, y := atoi(g[1]), atoi(g[3]), atoi(g[5])
	d, m := a, b
	switch {
	case a > 12 && b <= 12:
	case b > 12 && a <= 12:
		d, m = b, a
	case !n.dmy:
		d, m = b, a
	}
	if !validDate(d, m) {
		return token{}, false
	}
	return token{end, l.date(n, d, m, y, false, ctxAt(text, i, end)), "date"}, true
}

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func validDate(d, m int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= monthDays[m] }

// monthOf is the month a written word names ("Nov.", "novembre"), or 0.
func (l *language) monthOf(w string) int {
	mo, ok := l.months[strings.ToLower(w)]
	if !ok || (mo.needCap && !isCapitalized(w)) {
		return 0
	}
	return mo.m
}

// monthDate reads "Nov. 13, 2015", "November 13", "March 3-5".
var monthDateRe = regexp.MustCompile(`^(\p{L}+\.?) (\d{1,2})(?:st|nd|rd|th)?(?:[-–](\d{1,2})(?:st|nd|rd|th)?)?(?:,? (\d{4}))?\b`)

func (n *Normalizer) monthDate(text string, i int) (token, bool) {
	l := n.l
	if l.date == nil || l.months == nil {
		return token{}, false
	}
	g, end, ok := find(monthDateRe, text, i)
	if !ok || !isCapitalized(g[1]) {
		return token{}, false
	}
	m := l.monthOf(g[1])
	d := atoi(g[2])
	if m == 0 || !validDate(d, m) {
		return token{}, false
	}
	y := 0
	if g[4] != "" {
		y = atoi(g[4])
	}
	say := l.date(n, d, m, y, true, ctxAt(text, i, end))
	if g[3] != "" {
		d2 := atoi(g[3])
		if !validDate(d2, m) || d2 <= d {
			return token{}, false
		}
		say = l.monthNames[m] + " " + l.ordinal(uint64(d), plain) + " " + l.w.to + " " + l.ordinal(uint64(d2), plain)
		if y != 0 {
			say += ", " + l.year(y)
		}
	}
	return token{end, say, "date"}, true
}

// dayMonth reads "13 November 2015", "13 Nov", "le 1er janvier", "am 13.
// November" (a German ordinal's full stop).
var dayMonthRe = regexp.MustCompile(`^(\d{1,2})(?:(?:st|nd|rd|th|er|e)? |\. ?)(\p{L}+\.?)(?: (\d{4}))?\b`)

func (n *Normalizer) dayMonth(text string, i int) (token, bool) {
	l := n.l
	if l.date == nil || l.months == nil {
		return token{}, false
	}
	g, end, ok := find(dayMonthRe, text, i)
	if !ok {
		return token{}, false
	}
	m := l.monthOf(g[2])
	if m == 0 {
		return token{}, false
	}
	if strings.HasSuffix(g[2], ".") && g[3] == "" && !sentenceEnds(text, end) {
		// keep the dot outside unless it ends the sentence
		end--
		if m = l.monthOf(g[2][:len(g[2])-1]); m == 0 {
			return token{}, false
		}
	}
	d := atoi(g[1])
	if !validDate(d, m) {
		return token{}, false
	}
	y := 0
	if g[3] != "" {
		y = atoi(g[3])
	}
	return token{end, keepStop(text, end, l.date(n, d, m, y, false, ctxAt(text, i, end))), "date"}, true
}
