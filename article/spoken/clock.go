package spoken

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clockStyle is how a language writes and says times of day.
type clockStyle struct {
	// say reads h:m, with "AM" or "PM" when written with one.
	say func(h, m int, ampm string) string
	// ampm: times are written "10:30 a.m." (en).
	ampm bool
	// hours: times are written "22h30", "22 h" (fr).
	hours bool
	// hMin: a time may be written with the minutes' symbol after its
	// minutes ("14h30min", Brazil's official style).
	hMin bool
	// hWord: a full hour written with the hour's symbol says the hour's
	// word ("a las 20:00 h": a las veinte horas; es).
	hWord bool
	// word follows a time: "10:30 Uhr" (de).
	word string
	// before are words after which "15.30" is a time, not a number ("a
	// las", "alle").
	before map[string]bool
	// hourAt are words after which a whole number and the hour's
	// symbol are the hour of the day, not a span: German "um 10 h" um
	// zehn Uhr ("seit 10 h" stays ten hours).
	hourAt map[string]bool
	// levelVerbs name a price or a level before "at" ("trading at
	// 23.55", "valued at 4.20"): after them a number with a full stop
	// is no time.
	levelVerbs map[string]bool
	// changeVerbs name a change before one of changePreps ("rose by
	// 1.25", "fell from 2.30"): after them a number with a full stop is
	// the change's amount or level, no time ("The sun rose at 6.15"
	// keeps its time); so is one before a noun of amount (amountNouns:
	// "by 1.25 points", "by 2.45 times").
	changeVerbs, changePreps, amountNouns map[string]bool
	// hour, minute and second name the parts of a duration ("2:03:45");
	// andParts joins its last part with "and" even when it has no seconds
	// ("dos horas y quince minutos", "un'ora e trenta").
	hour, minute, second unit
	andParts             bool
	// rangeFrom gives the words that open and join a range of times,
	// each with the space after it, from its hours and the word before
	// it ("de ", "à "; "dalle ", "all'"); nil: none and the language's
	// "to".
	rangeFrom func(hA, hB int, prev string) (from, to string)
	// zones are time zones written after a time by their letters and
	// said by their names ("3 p.m. ET": three PM Eastern Time), those a
	// voice would read as a word or that a presenter names.
	zones map[string]string
	// zoneAfter are the words for a time of day written without digits
	// after which a zone's letters are its name too ("noon ET": noon
	// Eastern Time), in lower case.
	zoneAfter map[string]bool
	// primeTimes: results write a race's time with primes, its
	// fraction after the seconds' double prime ("1'29\"708", "9\"79":
	// French, Italian), said after the seconds with primeJoin ("nove
	// secondi e settantanove"; "neuf secondes soixante-dix-neuf").
	primeTimes bool
	primeJoin  string
	// primeOf is the word before which a number with a prime counts
	// minutes ("con 20' di ritardo", Italian "di"); "": none.
	primeOf string
}

// percentAfterRe is a percent sign or word after a number.
var percentAfterRe = regexp.MustCompile(`^ ?` + percentWords)

var (
	clockRe    = regexp.MustCompile(`^(\d{1,2})(?:[:.](\d{2}))? ?([AaPp])\.? ?[Mm]\.?`)
	clock24Re  = regexp.MustCompile(`^(\d{1,2})([:.])(\d{2})(?::(\d{2}))?\b`)
	clockHRe   = regexp.MustCompile(`^(\d{1,2}) ?h(?: ?(\d{2}))?\b`)
	clockHMin  = regexp.MustCompile(`^(\d{1,2})h(\d{2})min\b`)
	clockWrdRe = regexp.MustCompile(`^(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))? (\p{L}+)\b`)
)

// clockTime reads "10:30 a.m.", "10pm", "22:15", "22h30", "09:45:12", and
// "2:03:45" after anything but a word for "at" as a duration; a time
// zone's letters after a time of day are its name ("3 p.m. ET").
func (n *Normalizer) clockTime(text string, i int) (token, bool) {
	t, ok := n.clockOnly(text, i)
	if !ok || len(n.l.clock.zones) == 0 || t.end >= len(text) || text[t.end] != ' ' {
		return t, ok
	}
	z := nextWord(text, t.end)
	if name := n.l.clock.zones[z]; name != "" && strings.HasPrefix(text[t.end+1:], z) && endsToken(text, t.end+1+len(z)) {
		t.say, t.end = strings.TrimSuffix(t.say, ".")+" "+name, t.end+1+len(z)
	}
	return t, ok
}

// zoneAfterWord reads a time zone's letters after a time of day written
// in words ("noon ET", "midnight PT", "8 o'clock ET"): its name, as after
// a time written in digits (clockTime).
func (n *Normalizer) zoneAfterWord(text string, i int) (token, bool) {
	st := n.l.clock
	if i == 0 || text[i-1] != ' ' || !st.zoneAfter[strings.ToLower(prevWord(text, i))] {
		return token{}, false
	}
	z := nextWord(text, i)
	name := st.zones[z]
	if name == "" || !strings.HasPrefix(text[i:], z) || !endsToken(text, i+len(z)) {
		return token{}, false
	}
	return token{i + len(z), name, "time"}, true
}

// clockOnly is clockTime without a time zone.
func (n *Normalizer) clockOnly(text string, i int) (token, bool) {
	l := n.l
	st := l.clock
	if st.say == nil {
		return token{}, false
	}
	if st.ampm {
		if g, end, ok := find(clockRe, text, i); ok {
			h, m, ampm := atoi(g[1]), atoi(g[2]), strings.ToUpper(g[3])+"M"
			if g[2] != "" && (h == 0 || h > 12 && h <= 23) {
				// A 24-hour clock with the marker written too: "0:24
				// a.m." is twelve twenty-four AM, "0:05 p.m." (noon's
				// first hour, as Japan writes it) twelve oh five PM,
				// "13:30 p.m." and "13:30 a.m." one thirty PM (to12);
				// the marker is said once.
				h, ampm = to12(h, ampm)
			}
			if h >= 1 && h <= 12 && m < 60 && endsToken(text, end) {
				return token{end, keepStop(text, end, st.say(h, m, ampm)), "time"}, true
			}
		}
	}
	if g, end, ok := find(utcOffsetRe, text, i); ok && (i == 0 || text[i-1] == ' ') {
		// "13:23:29 +00:00": a time zone's offset from UTC, no time of
		// day: "plus zero", "minus eight", "plus five thirty".
		say := pick(g[1] == "+", l.w.plus, l.w.minus) + " " + l.cardinal(uint64(atoi(g[2])), plain)
		if m := atoi(g[3]); m > 0 {
			say += " " + l.cardinal(uint64(m), plain)
		}
		return token{end, say, "time"}, true
	}
	if st.ampm {
		if t, ok := n.wireTime(text, i); ok {
			return t, true
		}
	}
	if g, end, ok := find(clock24Re, text, i); ok {
		// "(21.00 h)": where the decimal mark is a comma, a stop between
		// hours and minutes with the hour's symbol after them is a time
		// whatever comes before.
		hAfter := g[2] == "." && l.decMark != '.' && hourSymbolAt(text, end)
		if g[2] == "." && !hAfter && (!st.before[strings.ToLower(prevWord(text, i))] && !l.timeList(text, i, end) && !n.rangeEnd(text, i) || g[1][0] == '0' || percentAfterRe.MatchString(windowN(text, end, 16))) {
			return token{}, false // "3.45", "0.12" and "at 5.25%" are numbers
		}
		if g[2] == "." && !hAfter && n.dottedNumber(text, i, end) {
			return token{}, false // "trading at 23.55", "before 1.24"
		}
		if end < len(text) && strings.ContainsRune(":.", rune(text[end])) && end+1 < len(text) && isDigit(text[end+1]) {
			return token{}, false
		}
		h, m := atoi(g[1]), atoi(g[3])
		if h > 23 || m > 59 || (g[4] != "" && atoi(g[4]) > 59) {
			return token{}, false
		}
		if g[1] == "0" && g[4] == "" && !st.before[strings.ToLower(prevWord(text, i))] {
			return token{}, false // "It took 0:45": minutes and seconds, no time of day
		}
		if g[4] == "" {
			say := st.say(h, m, "")
			// "a las 20:00 h": the hour's symbol after the time is read
			// as the hour's word where the time does not already say it.
			if e := end + strings.IndexByte(window(text, end)+"\x00", 'h'); e >= end && strings.TrimSpace(text[end:e]) == "" && e-end <= 1 && endsToken(text, e+1) {
				end = e + 1
				if st.hWord && m == 0 && h != 1 && say == l.cardinal(uint64(h), st.hour.g) {
					say += " " + pick(h == 1, st.hour.one, st.hour.many)
				}
			}
			return token{end, keepStop(text, end, say), "time"}, true
		}
		return token{end, n.withSeconds(text, i, g[1], h, m, atoi(g[4])), "time"}, true
	}
	if st.hMin {
		if g, end, ok := find(clockHMin, text, i); ok {
			if h, m := atoi(g[1]), atoi(g[2]); h <= 23 && m < 60 {
				return token{end, st.say(h, m, ""), "time"}, true
			}
		}
	}
	if st.hours {
		if g, end, ok := find(clockHRe, text, i); ok {
			h, m := atoi(g[1]), atoi(g[2])
			if h <= 23 && m < 60 && (g[2] != "" || text[i+len(g[1])] != ' ' || st.before[strings.ToLower(prevWord(text, i))]) {
				return token{end, st.say(h, m, ""), "time"}, true
			}
		}
	}
	return token{}, false
}

// hourSymbolAt reports whether the hour's symbol "h", alone, follows j
// after at most one space: "21.00 h", "21.00h".
func hourSymbolAt(text string, j int) bool {
	k := j
	if k < len(text) && text[k] == ' ' {
		k++
	}
	return k < len(text) && text[k] == 'h' && endsToken(text, k+1)
}

// utcOffsetRe is a time zone's offset from UTC: "+00:00", "-08:00".
var utcOffsetRe = regexp.MustCompile(`^([+−-])([01]\d):([0-5]\d)\b`)

// wireTimeRe is a time of day in four digits, as news wires write it
// before a time zone ("0900 GMT", "1430 GMT") and armed forces before
// "hours".
var wireTimeRe = regexp.MustCompile(`^([01]\d|2[0-3])([0-5]\d) (\p{L}+)\b`)

// wireZones are the zones and words after which four digits are a time.
var wireZones = setOf("GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "WET", "MSK", "IST", "JST", "AEST", "AEDT",
	"ET", "EST", "EDT", "PT", "PST", "PDT", "CT", "CST", "CDT", "hours", "hrs")

// wireTime reads "0900 GMT" oh nine hundred GMT, "1430 GMT" fourteen
// thirty GMT, "0605 hours" oh six oh five hours: the hours, and the
// minutes, or "hundred" on the hour, a zero said "oh", as such times are
// said. The zone or the word after it is read by the other readings.
func (n *Normalizer) wireTime(text string, i int) (token, bool) {
	g, _, ok := find(wireTimeRe, text, i)
	if !ok || !wireZones[g[3]] && n.l.clock.zones[g[3]] == "" {
		return token{}, false
	}
	if (g[3] == "hours" || g[3] == "hrs") && g[1][0] != '0' && !n.l.clock.before[strings.ToLower(prevWord(text, i))] {
		return token{}, false // "it took 1500 hours": a count of hours
	}
	if i > 0 && (isDigit(text[i-1]) || strings.ContainsRune("$€£¥.,", rune(text[i-1]))) {
		return token{}, false
	}
	h, m := atoi(g[1]), atoi(g[2])
	say := n.l.cardinal(uint64(h), plain)
	if h > 0 && h < 10 {
		say = "oh " + say
	}
	switch {
	case m == 0:
		say += " hundred"
	case m < 10:
		say += " oh " + n.l.cardinal(uint64(m), plain)
	default:
		say += " " + n.l.cardinal(uint64(m), plain)
	}
	end := i + 4
	if g[3] == "hrs" {
		// "at 1930 hrs": the hours said whole.
		say, end = say+" hours", i+len(g[0])
		if end < len(text) && text[end] == '.' && !sentenceEnds(text, end+1) && !isCapitalized(nextWord(text, end+1)) {
			end++
		}
	}
	return token{end, say, "time"}, true
}

// rangeEnd reports whether the number at text[i:] ends a range whose
// first end, before the language's "to", reads as a time of day: "moved
// from 9.30 to 10.15" is two times, "rose from 9.30 to 10.15" two
// numbers, as the first end decides.
func (n *Normalizer) rangeEnd(text string, i int) bool {
	to := n.l.w.to
	if to == "" || prevWord(text, i) != to || !strings.HasSuffix(strings.TrimRight(text[:i], " "), " "+to) {
		return false
	}
	j := len(strings.TrimRight(text[:i], " ")) - len(to) - 1 // the space before "to"
	first := prevWord(text, j)
	if !listTimeRe.MatchString(first) || !strings.HasSuffix(text[:j], first) {
		return false
	}
	t, ok := n.clockOnly(text, j-len(first))
	return ok && t.end == j && t.rule == "time"
}

// listTimeRe is one time of a list, written with a full stop or a colon.
var listTimeRe = regexp.MustCompile(`^([01]?\d|2[0-3])[.:][0-5]\d$`)

// timeList reports whether the number at text[i:end] is one of a list of
// times ("at 7.05, 8.35 and 10.05", "Abfahrt 8.05, 9.05 und 10.05 Uhr",
// "a las 7.00, 8.30 y 10.00"): each item a time of day, joined by commas
// or the language's "and" or "or", the first after a word for "at" or
// the last before the clock's word.
func (l *language) timeList(text string, i, end int) bool {
	st := l.clock
	if !listTimeRe.MatchString(text[i:end]) {
		return false
	}
	// Back to the list's first item.
	for k, start := 0, i; k < 12; k++ {
		j := strings.LastIndexFunc(text[:start], func(r rune) bool { return r != ' ' }) + 1
		switch w := prevWord(text, j); {
		case j > 0 && text[j-1] == ',':
			j--
		case (w == l.w.and || w == l.w.or) && strings.HasSuffix(text[:j], w):
			j -= len(w)
		default:
			if k > 0 && st.before[strings.ToLower(prevWord(text, start))] {
				return true
			}
			k = 12 // no separator: start is the first item
			continue
		}
		prev := prevWord(text, j)
		if !listTimeRe.MatchString(prev) {
			break
		}
		start = strings.LastIndex(text[:j], prev)
	}
	// On to its last item, before the clock's word ("… und 10.05 Uhr").
	if st.word == "" {
		return false
	}
	for k, j := 0, end; k < 12 && j < len(text); k++ {
		if w := nextWord(text, j); w == st.word && strings.HasPrefix(text[j:], " "+w) {
			return k > 0
		}
		p := j
		if text[p] == ',' {
			p++
		} else if w := nextWord(text, p); (w == l.w.and || w == l.w.or) && strings.HasPrefix(text[p:], " "+w+" ") {
			p += len(w) + 1
		} else {
			return false
		}
		for p < len(text) && text[p] == ' ' {
			p++
		}
		q := p
		for q < len(text) && (isDigit(text[q]) || text[q] == '.' || text[q] == ':') {
			q++
		}
		item := strings.TrimRight(text[p:q], ".")
		if !listTimeRe.MatchString(item) {
			return false
		}
		j = p + len(item)
	}
	return false
}

// withSeconds reads a time with seconds: a time of day after a word for
// "at" or with a leading zero ("at 09:45:12"), else a duration ("won in
// 2:03:45").
func (n *Normalizer) withSeconds(text string, i int, hh string, h, m, s int) string {
	l := n.l
	st := l.clock
	sec := l.cardinal(uint64(s), st.second.g) + " " + pick(s == 1, st.second.one, st.second.many)
	if strings.HasPrefix(hh, "0") || st.before[strings.ToLower(prevWord(text, i))] || st.hour.one == "" {
		return st.say(h, m, "") + " " + l.w.and + " " + sec
	}
	part := func(v int, u unit) string {
		return l.cardinal(uint64(v), u.g) + " " + pick(v == 1, u.one, u.many)
	}
	return part(h, st.hour) + " " + part(m, st.minute) + " " + l.w.and + " " + sec
}

// clockWord reads a time written with the language's word for o'clock:
// "10:30 Uhr", "22.15 Uhr", "8 Uhr".
func (n *Normalizer) clockWord(text string, i int) (token, bool) {
	st := n.l.clock
	g, end, ok := find(clockWrdRe, text, i)
	if !ok || g[4] != st.word {
		return token{}, false
	}
	h, m := atoi(g[1]), atoi(g[2])
	if h > 24 || m > 59 || (g[3] != "" && atoi(g[3]) > 59) {
		return token{}, false
	}
	if g[3] != "" {
		l := n.l
		s := atoi(g[3])
		return token{end, st.say(h, m, "") + " " + l.w.and + " " + l.cardinal(uint64(s), st.second.g) + " " +
			pick(s == 1, st.second.one, st.second.many), "time"}, true
	}
	return token{end, st.say(h, m, ""), "time"}, true
}

// minuteMarkRe is a match minute in a sentence: "88'", "45'+2", "45+2'",
// "90'+3'".
var minuteMarkRe = regexp.MustCompile(`^(?:(\d{1,3})['’′](?:\+(\d{1,2})['’′]?)?|(\d{1,3})\+(\d{1,2})['’′])`)

// minuteMark reads a match minute written with a prime after the words
// a language puts before one: Italian "al 88'" is "all'ottantottesimo",
// "al 90'" "al novantesimo", Spanish "en el 88'" "en el minuto ochenta y
// ocho", stoppage time "più due", "más dos". Where the language joins the
// word before to the minute ("al" before a vowel), the token starts at
// that word; elsewhere at the number.
func (n *Normalizer) minuteMark(text string, i int) (token, bool) {
	l := n.l
	if l.minuteIn == nil {
		return token{}, false
	}
	prep, j := "", i
	if !isDigit(text[i]) {
		w, _ := tokenAt(text, i)
		if !l.minutePreps[strings.ToLower(w)] || i+len(w)+1 >= len(text) || text[i+len(w)] != ' ' {
			return token{}, false
		}
		prep, j = w, i+len(w)+1
	} else if !l.minutePreps[strings.ToLower(prevWord(text, i))] {
		return token{}, false
	}
	g, end, ok := find(minuteMarkRe, text, j)
	if !ok {
		return token{}, false
	}
	v, extra := atoi(g[1]+g[3]), g[2]+g[4]
	if v == 0 || v > 130 {
		return token{}, false
	}
	say, ok := l.minuteIn(prep, uint64(v))
	if !ok {
		return token{}, false
	}
	if extra != "" {
		say += " " + l.w.plus + " " + l.cardinal(uint64(atoi(extra)), plain)
	}
	return token{end, say, "time"}, true
}

// minuteRe is a match minute as a live ticker stamps an entry: "88'",
// "90.'", "45+2'" (stoppage time), with a prime or an apostrophe.
var minuteRe = regexp.MustCompile(`^(\d{1,3})\.?(?:\+(\d{1,2}))?['’′](?:\s|:|$)`)

// minuteStamp reads the minute that starts a ticker's entry: "88' Goal!"
// is "eighty-eighth minute Goal!", "90.' Nachspielzeit" "neunzigste
// Minute Nachspielzeit", "45+2'" the forty-fifth minute plus two. Only at
// the start of a text: elsewhere "6'" is as often six feet.
func (n *Normalizer) minuteStamp(text string, i int) (token, bool) {
	l := n.l
	if i != 0 || l.minute == nil {
		return token{}, false
	}
	g, end, ok := find(minuteRe, text, i)
	if !ok {
		return token{}, false
	}
	v := atoi(g[1])
	if v == 0 || v > 130 {
		return token{}, false
	}
	say := l.minute(l, uint64(v))
	if g[2] != "" {
		say += " " + l.w.plus + " " + l.cardinal(uint64(atoi(g[2])), plain)
	}
	// The space or colon after the mark is the text's, not the stamp's.
	if r := text[end-1]; r == ' ' || r == ':' || r == '\n' || r == '\t' {
		end--
	}
	return token{end, say, "time"}, true
}

// stoppageRe is a match minute and its stoppage time, marked as a minute
// by a prime on either number or by MARK, the language's ordinal mark:
// "90'+3", "90+3'", "90.+3", "90e+3", and with spaces around the plus
// after a marked minute: "90. + 3'".
const stoppageRe = `^(\d{1,3})(['’′]|MARK)? ?\+ ?(\d{1,2})(['’′])?`

// stoppage reads a match minute with its stoppage time anywhere in a
// sentence: "Müller (90.+3)" is "neunzigste Minute plus drei", "in der
// 90.+3" "in der neunzigsten Minute plus drei" (a German ordinal declines
// as before its noun), "(90'+3)" "minuto novanta più tre". With neither a
// prime nor the ordinal's mark, "90+3" is a sum. The word for minute
// written after it is said with the minute ("in der 90.+4 Minute").
func (n *Normalizer) stoppage(text string, i int) (token, bool) {
	l := n.l
	if l.minute == nil {
		return token{}, false
	}
	mark := "['’′]"
	if l.minuteOrdinal != "" {
		mark = l.minuteOrdinal
	}
	g, end, ok := find(l.re(strings.Replace(stoppageRe, "MARK", mark, 1)), text, i)
	if !ok || g[2] == "" && g[4] == "" || g[2] == "" && strings.Contains(g[0], " ") {
		return token{}, false // "90 + 3'" is a sum: the spaced plus follows a marked minute only
	}
	if g[4] == "" && end+1 < len(text) && text[end] == '.' {
		switch {
		case strings.ContainsRune(")]", rune(text[end+1])):
			end++ // "(45.+2.)": the ordinal's full stop on the stoppage time too
		case !sentenceEnds(text, end+1):
			return token{}, false // "der 1.+2. Klasse": two ordinals
		}
	}
	v, extra := atoi(g[1]), atoi(g[3])
	if v == 0 || v > 130 || extra == 0 {
		return token{}, false
	}
	if g[4] == "" && !strings.ContainsAny(g[2], "'’′") && v%15 != 0 && v%20 != 0 {
		// Time is added at the end of a period (45, 90, 105, 120; 40, 80
		// in rugby): without a prime, "1e+3" is a power of ten.
		return token{}, false
	}
	say := l.minute(l, uint64(v))
	if word := l.clock.minute.one; word != "" {
		if next := nextWord(text, end); strings.EqualFold(next, word) && end < len(text) && text[end] == ' ' {
			end += 1 + len(next)
		}
		if st := l.ordinals; st.dotSay != nil {
			prev := prevWord(text, i)
			say = st.dotSay(uint64(v), prevWord(text, strings.LastIndex(text[:i], prev)), prev, word) + " " + word
		}
	}
	return token{end, say + " " + l.w.plus + " " + l.cardinal(uint64(extra), plain), "time"}, true
}

// scorerMinuteRe is a match minute after a scorer's name: the number and
// a prime ("12'"), or MARK, the language's ordinal mark ("12.", "12e").
const scorerMinuteRe = `^(\d{1,3})(['’′]|MARK)`

var scoreBeforeRe = regexp.MustCompile(`\d ?[-–:] ?\d`)

// scorerMinute reads a match minute after a player's name, as lists of
// goals and cards give them: "Haaland 12'" is "Haaland twelfth minute",
// "(Vinícius 12', Bellingham 67')" "minuto doce", "minuto sesenta y
// siete"; after the name, or after another minute ("12', 45'"). A word
// that starts sentences ("The 12' boat") or a lower-case one ("is 6'
// tall") leaves the prime to mean feet. Written with the ordinal's mark
// ("Kane (12.)", "Mbappé 12e"), it is a minute only after a score in the
// sentence ("Tore: 1:0 Kane (12.)"): elsewhere it may be a place.
func (n *Normalizer) scorerMinute(text string, i int) (token, bool) {
	l := n.l
	if l.minute == nil {
		return token{}, false
	}
	mark := "['’′]"
	if l.minuteOrdinal != "" {
		mark += "|" + l.minuteOrdinal
	}
	g, end, ok := find(l.re(strings.Replace(scorerMinuteRe, "MARK", mark, 1)), text, i)
	if !ok || !endsToken(text, end) || end < len(text) && strings.ContainsRune("\"'’′”″+", rune(text[end])) {
		return token{}, false // "5'10\"", "45'+2": a height, stoppage time
	}
	v := atoi(g[1])
	if v == 0 || v > 130 || strings.ContainsAny(g[2], "'’") && quoteOpen(text, i) {
		return token{}, false // "'Forza Horizon 3'": a quotation's end
	}
	before := strings.TrimRight(text[:i], " (")
	listed := strings.HasSuffix(before, ",")
	before = strings.TrimSuffix(before, ",")
	prev := prevWord(before, len(before))
	switch {
	case prev == "":
		return token{}, false
	case isDigit(prev[0]):
		// "12', 45'": after another minute.
		if !listed || !strings.ContainsRune("'’′", lastRune(prev)) {
			return token{}, false
		}
	case !isCapitalized(prev) || l.sentenceStarters[prev]:
		return token{}, false
	}
	if !strings.ContainsAny(g[2], "'’′") {
		if !l.matchLine(text, i) {
			return token{}, false
		}
		if end < len(text) && text[end] != ')' && text[end] != ',' {
			return token{}, false
		}
	}
	return token{end, l.minute(l, uint64(v)), "time"}, true
}

// quoteOpen reports whether a single quotation mark opens before i in
// its sentence, which an apostrophe after a number then closes.
func quoteOpen(text string, i int) bool {
	start := strings.LastIndexAny(text[:i], ".!?\n") + 1
	s := text[start:i]
	for k, r := range s {
		if r == '‘' {
			return true
		}
		if r == '\'' || r == '’' {
			if k == 0 || strings.ContainsRune(" (\"“«", lastRune(s[:k])) {
				return true
			}
		}
	}
	return false
}

// matchLine reports whether the sentence before i lists goals or cards:
// a score is in it ("1:0 Kane") or one of the language's minuteCues.
func (l *language) matchLine(text string, i int) bool {
	start := strings.LastIndexAny(text[:i], "!?\n") + 1
	// A full stop ends the sentence unless an ordinal's: "(12.), 1:1".
	for k := strings.LastIndex(text[start:i], ". "); k >= 0; k = -1 {
		if j := start + k; j == 0 || !isDigit(text[j-1]) {
			start = j + 2
		}
	}
	s := text[start:i]
	if scoreBeforeRe.MatchString(s) {
		return true
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if l.minuteCues[w] {
			return true
		}
	}
	return false
}

// clockAt is a time of day written at text[j:]: "9", "9:30", "9.30",
// "9h30", "9 h", "9am", "9:30 p.m.".
type clockAt struct {
	h, m     int
	minutes  bool   // written with its minutes after a colon or a full stop
	hourSign bool   // written with the hour's sign: "9h", "9 h 30"
	ampm     string // "AM", "PM" or ""
	end      int
}

var clockAtRe = regexp.MustCompile(`^(\d{1,2})(?:([:.])(\d{2})| ?(h)(?: ?(\d{2}))?)?(?: ?([AaPp])\.? ?[Mm]\.?)?`)

func parseClockAt(text string, j int) (clockAt, bool) {
	g, end, ok := findIn(clockAtRe, text, j, 16)
	if !ok {
		return clockAt{}, false
	}
	c := clockAt{h: atoi(g[1]), m: atoi(g[3] + g[5]), minutes: g[2] != "", hourSign: g[4] != "", end: end}
	if g[6] != "" {
		c.ampm = strings.ToUpper(g[6]) + "M"
		if c.minutes && (c.h == 0 || c.h > 12 && c.h <= 23) {
			// A 24-hour clock with a marker ("17:00 p.m."): said as
			// clockTime says it alone, its hour past twelve after noon.
			c.h, c.ampm = to12(c.h, c.ampm)
		}
		if c.h < 1 || c.h > 12 {
			return clockAt{}, false
		}
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); c.hourSign && g[5] == "" && unicode.IsLetter(r) {
		return clockAt{}, false // "9hrs"
	}
	return c, c.h <= 24 && c.m < 60
}

// to12 is the hour h of a 24-hour clock written with the marker ampm
// ("0:24 a.m.", "13:30 p.m.") on a 12-hour clock: the day's first hour
// is twelve, and an hour past twelve is after noon whatever the marker
// says ("13:30 a.m." contradicts itself, and the hour, which no slip of a
// key makes, is the time meant).
func to12(h int, ampm string) (int, string) {
	if h > 12 {
		ampm = "PM"
	}
	if h %= 12; h == 0 {
		h = 12
	}
	return h, ampm
}

// of24 is c's minutes from midnight, its AM or PM taken as written or,
// when it has none, as the other end of its range has.
func (c clockAt) of24(ampm string) int {
	h := c.h
	if c.ampm != "" {
		ampm = c.ampm
	}
	switch {
	case ampm == "PM" && h < 12:
		h += 12
	case ampm == "AM" && h == 12:
		h = 0
	}
	return h*60 + c.m
}

// clockRange reads a span between two times of day written with a dash:
// "9:00–17:00 Uhr" is "neun bis siebzehn Uhr", "9am-5pm" "nine AM to
// five PM", "9h-17h" "de neuf heures à dix-sept heures", "9:00-17:00"
// "dalle nove alle diciassette". Both ends must be written as times (with
// their minutes, the hour's sign, AM or PM, or the language's word for
// o'clock after the range), the first before the second: "3-2" is a
// score, "10-20" a range of numbers.
func (n *Normalizer) clockRange(text string, i int) (token, bool) {
	l := n.l
	st := l.clock
	if st.say == nil {
		return token{}, false
	}
	a, ok := parseClockAt(text, i)
	if !ok || a.end >= len(text) {
		return token{}, false
	}
	j := a.end
	if text[j] == ' ' {
		j++
	}
	r, size := utf8.DecodeRuneInString(text[j:])
	if r != '-' && r != '–' {
		return token{}, false
	}
	j += size
	if j < len(text) && text[j] == ' ' {
		j++
	}
	if j >= len(text) || !isDigit(text[j]) {
		return token{}, false
	}
	b, ok := parseClockAt(text, j)
	if !ok {
		return token{}, false
	}
	end := b.end
	word := false // the language's word for o'clock follows
	if st.word != "" && strings.HasPrefix(text[end:], " "+st.word) && endsToken(text, end+1+len(st.word)) {
		word, end = true, end+1+len(st.word)
	}
	hSign := false // "de 9:00-17:00 h"
	if !b.hourSign && !st.ampm && !word {
		if k := end + len(text[end:]) - len(strings.TrimPrefix(text[end:], " ")); strings.HasPrefix(text[k:], "h") && endsToken(text, k+1) {
			hSign, end = true, k+1
		}
	}
	dot := (a.minutes || b.minutes) && l.decMark == '.' && a.ampm == "" && b.ampm == ""
	switch {
	case dot && (strings.Contains(text[i:a.end], ".") || strings.Contains(text[j:b.end], ".")):
		return token{}, false // "9.00-17.00" where a full stop marks decimals
	case st.ampm && (a.ampm != "" || b.ampm != ""):
		if a.ampm == "" && a.minutes && a.h > 12 && a.h <= 23 && b.ampm != "" {
			// "13:00-17:00 p.m.": the first end a 24-hour clock
			// that can only be after noon.
			a.h, a.ampm = to12(a.h, "PM")
		}
		// "7.30-10.45pm", "9:30-11am": a first end with its minutes
		// and no marker of its own is said with the second's, as
		// "seven thirty to ten forty-five PM"; both ends must be hours
		// of a twelve-hour clock ("9:00-17:00 p.m." contradicts itself).
		k := j
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		shared := a.ampm == "" && a.minutes && !a.hourSign && a.h >= 1 && a.h <= 12 && b.ampm != "" && atoi(text[j:k]) <= 12
		if !shared && (a.ampm == "" && (a.minutes || a.hourSign) || a.of24(b.ampm) == b.of24(a.ampm)) {
			return token{}, false
		}
	case st.hours && (a.hourSign || b.hourSign):
		if a.of24("") >= b.of24("") {
			return token{}, false
		}
	case a.minutes && (b.minutes || word) && !a.hourSign && !b.hourSign && a.ampm == "" && b.ampm == "":
		if a.of24("") >= b.of24("") {
			return token{}, false
		}
	default:
		return token{}, false
	}
	from, to := st.rangeWords(a.h, b.h, prevWord(text, i), l.w.to)
	if l.between[strings.ToLower(prevWord(text, i))] {
		from, to = "", l.w.and+" " // "between 8am-9:30am"
	}
	var sayA string
	switch {
	case a.ampm == "" && b.ampm != "":
		sayA = strings.TrimSuffix(st.say(a.h, a.m, b.ampm), " "+b.ampm) // "nine to five PM"
	case st.word != "" && a.m == 0:
		sayA = l.cardinal(uint64(a.h), plain) // "neun bis siebzehn Uhr"
	default:
		sayA = st.say(a.h, a.m, a.ampm)
	}
	say := from + sayA + " " + to + st.say(b.h, b.m, b.ampm)
	if hSign && st.hWord && b.m == 0 && b.h != 1 {
		say += " " + st.hour.many // "de nueve a diecisiete horas"
	}
	return token{end, keepStop(text, end, say), "time"}, true
}

// rangeWords are the words that open and join a range of times, each
// with the space after it: ("", "to "), ("", "bis "), ("de ", "à "),
// ("dalle ", "all'"), by the words before it.
func (st clockStyle) rangeWords(hA, hB int, prev, to string) (from, join string) {
	if st.rangeFrom == nil {
		return "", to + " "
	}
	return st.rangeFrom(hA, hB, prev)
}

// zoneOffsetRe is a time zone given by its offset from UTC: "GMT+1",
// "UTC-3", "UTC+5:30", "UTC+0530".
var zoneOffsetRe = regexp.MustCompile(`^(GMT|UTC)([+−-])(\d{1,2})(?::?(\d{2}))?`)

// utcOffset reads a time zone written as its offset from UTC: "15:00
// GMT+1" is fifteen hundred GMT plus one, "UTC+5:30" UTC plus five
// thirty, "UTC-3" UTC minus three. The offset is at most fourteen hours,
// its minutes a half or a quarter hour.
func (n *Normalizer) utcOffset(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(zoneOffsetRe, text, i)
	if !ok || atoi(g[3]) > 14 || g[4] != "" && g[4] != "00" && g[4] != "30" && g[4] != "45" {
		return token{}, false
	}
	say := g[1] + " " + pick(g[2] == "+", l.w.plus, l.w.minus) + " " + l.cardinal(uint64(atoi(g[3])), plain)
	if m := atoi(g[4]); m > 0 {
		say += " " + l.cardinal(uint64(m), plain)
	}
	return token{end, say, "time zone"}, true
}

// dottedNumber reports whether the number with a full stop at text[i:end],
// after a word that can come before a time ("at", "before"), is rather a
// price, a multiple or a version: after a verb of a level ("trading at
// 23.55", "valued at 4.20") or of a change ("rose by 1.25"), before a
// noun of amount ("by 1.25 points"), before a ratio's letters or a "per" ("at 4.17
// P/S", "at 12.50 per share"), or with a word for a version just before
// the word of time ("versions before 1.24", "releases after 2.10").
func (n *Normalizer) dottedNumber(text string, i, end int) bool {
	st := n.l.clock
	prev := prevWord(text, i)
	if w := strings.ToLower(wordBefore(text, i, prev)); st.levelVerbs[w] || st.changeVerbs[w] && st.changePreps[strings.ToLower(prev)] {
		return true
	}
	if st.amountNouns[strings.ToLower(nextWord(text, end))] {
		return true // "by 1.25 points", "by 2.45 times"
	}
	if f := strings.Fields(window(text, end)); len(f) > 0 && (f[0] == n.l.rate.per && f[0] != "" ||
		strings.Count(f[0], "/") == 1 && isAllCaps(strings.Trim(f[0], ".,;:)"))) {
		return true
	}
	if st.word != "" && nextWord(text, end) == st.word {
		return false // "um 15.30 Uhr"
	}
	return n.l.versionBefore(text, i)
}

// versionBefore reports whether a word for a version or a product's name
// comes one or two words before the word before i ("versions before
// 1.24", "Go releases after 1.21"): the number is a version.
func (l *language) versionBefore(text string, i int) bool {
	before := strings.Fields(text[max(0, i-48):i])
	for k := len(before) - 2; k >= 0 && k >= len(before)-3; k-- {
		w := strings.Trim(before[k], ".,;:()")
		if l.versionWords[w] || l.versionWords[strings.TrimSuffix(w, "s")] {
			return true
		}
	}
	return false
}

// paceRe is a runner's pace: minutes and seconds per unit of distance,
// "7:27/mile", "4:30/km".
var paceRe = regexp.MustCompile(`^(\d{1,2}):([0-5]\d) ?/ ?(\pL+)\b`)

// pace reads a runner's pace as runners say it: "7:27/mile" seven
// twenty-seven per mile, "4:05/km" four oh five per kilometer, "6:00/mile"
// six minutes per mile. Only before a unit of distance (paceUnits).
func (n *Normalizer) pace(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(paceRe, text, i)
	if !ok || l.paceUnits[g[3]] == "" || l.rate.per == "" {
		return token{}, false
	}
	m, s := atoi(g[1]), atoi(g[2])
	say := l.cardinal(uint64(m), plain)
	switch {
	case s == 0:
		say += " " + pick(m == 1, l.clock.minute.one, l.clock.minute.many)
	case s < 10 && l.w.oh != "":
		say += " " + l.w.oh + " " + l.cardinal(uint64(s), plain)
	default:
		say += " " + l.cardinal(uint64(s), plain)
	}
	return token{end, say + " " + l.rate.per + " " + l.paceUnits[g[3]], "time"}, true
}
