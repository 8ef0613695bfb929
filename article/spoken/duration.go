package spoken

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// durationHRe is a duration written with the hour's symbol: "2h 15m",
	// "1h30", "3 h 20 min", "2h 5min 30s".
	durationHRe = regexp.MustCompile(`^(\d{1,3}) ?(\pL+) ?(\d{1,2})`)
	// durationUnitRe and durationSecRe are the symbols of its minutes and
	// its seconds.
	durationUnitRe = regexp.MustCompile(`^ ?(\pL+)`)
	durationSecRe  = regexp.MustCompile(`^ (\d{1,2}) ?(\pL+)`)
	// durationColonRe is a duration written as a clock with a unit after
	// it: "1:30 h", "2:05:30 Std.", "3:45 min".
	durationColonRe = regexp.MustCompile(`^(\d{1,3}):(\d{2})(?::(\d{2}))? ?(\pL+)`)
)

// raceTime reads a time measured to a fraction of a second, as results
// give laps and races: "1:29.708" is "one minute twenty-nine point seven
// zero eight seconds", "1:29,708 Minuten" "eine Minute neunundzwanzig
// Komma sieben null acht Sekunden" (the unit after it is then said once);
// "2:01:09.5" has its hours too. No clock time nor score is written with
// a decimal fraction of its last part.
func (n *Normalizer) raceTime(text string, i int) (token, bool) {
	l := n.l
	st := l.clock
	if st.hour.one == "" || st.second.many == "" || st.before[strings.ToLower(prevWord(text, i))] {
		return token{}, false
	}
	dec := regexp.QuoteMeta(string(l.decMark))
	g, end, ok := find(l.re(`^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})`+dec+`(\d{1,3})\b`), text, i)
	if !ok || end < len(text) && (text[end] == ':' || strings.ContainsRune(".,", rune(text[end])) && end+1 < len(text) && isDigit(text[end+1])) {
		return token{}, false
	}
	h, m, sec := atoi(g[1]), atoi(g[2]), atoi(g[3])
	if sec > 59 || g[1] != "" && (m > 59 || h > 9 || len(g[4]) > 2) {
		return token{}, false // "10:09:38.163": a log's clock, to the millisecond
	}
	var parts []string
	if g[1] != "" {
		parts = append(parts, l.timePart(h, st.hour, text, i))
	}
	if g[1] != "" {
		parts = append(parts, l.timePart(m, st.minute, "", 0))
	} else if m > 0 {
		parts = append(parts, l.timePart(m, st.minute, text, i))
	}
	parts = append(parts, l.spell(amount{intPart: g[3], frac: g[4]}, plain)+" "+st.second.many)
	// "1:29,708 Minuten", "1:42.5 min": the unit written after the time.
	if w := nextWord(text, end); w != "" && strings.HasPrefix(text[end:], " "+w) && (l.timeUnit(w) != 0 || l.isTimeWord(w)) {
		end = l.unitStop(text, end+1+len(w))
	}
	return token{end, keepStop(text, end, strings.Join(parts, " ")), "time"}, true
}

// primeTimeRe is a time written with primes: minutes, seconds, the
// fraction of a second ("1'29\"708", "9\"79", "2'05\"").
var primeTimeRe = regexp.MustCompile(`^(?:(\d{1,2})['’′])?(\d{1,2})(?:"|″|”)(\d{1,3})?`)

// primeMinuteRe is a number of minutes written with a prime before a word.
var primeMinuteRe = regexp.MustCompile(`^(\d{1,3})['’′] (\pL+)`)

// primeTime reads a time written with primes where results write them
// so: "9\"79" is "nove secondi e settantanove", "1'29\"708" "une minute
// vingt-neuf secondes sept cent huit"; and a number of minutes with a
// prime before the language's primeOf ("con 20' di ritardo": venti minuti
// di ritardo), where a match minute ("al 20'") is not.
func (n *Normalizer) primeTime(text string, i int) (token, bool) {
	l := n.l
	st := l.clock
	if st.primeOf != "" {
		if g, end, ok := find(primeMinuteRe, text, i); ok && g[2] == st.primeOf && !l.minutePreps[strings.ToLower(prevWord(text, i))] {
			return token{end - len(g[2]) - 1, l.timePart(atoi(g[1]), st.minute, text, i), "time"}, true
		}
	}
	if !st.primeTimes {
		return token{}, false
	}
	g, end, ok := find(primeTimeRe, text, i)
	if !ok || !endsToken(text, end) || g[1] == "" && g[3] == "" || atoi(g[2]) > 59 {
		return token{}, false // "5'10\"": a height
	}
	var parts []string
	if g[1] != "" {
		parts = append(parts, l.timePart(atoi(g[1]), st.minute, text, i))
	}
	if g[1] == "" {
		parts = append(parts, l.timePart(atoi(g[2]), st.second, text, i))
	} else {
		parts = append(parts, l.timePart(atoi(g[2]), st.second, "", 0))
	}
	if g[3] != "" {
		parts = append(parts, strings.TrimPrefix(st.primeJoin+" ", " ")+l.fracWords(g[3]))
	}
	return token{end, strings.Join(parts, " "), "time"}, true
}

// duration reads a span of time written with the symbols of its parts:
// "2h 15m" is "two hours fifteen minutes", "1h30" "one hour thirty",
// "1:30 h" "eine Stunde dreißig", "2:05:30 Std." "zwei Stunden fünf
// Minuten und dreißig Sekunden", "3:45 min" "three minutes forty-five".
// Minutes written without their symbol are said without it, as a
// presenter reads them. After a word for "at", or where the language
// writes times of day with the hour's symbol ("à 18h30"), it is a time
// and left to clockTime.
func (n *Normalizer) duration(text string, i int) (token, bool) {
	l := n.l
	st := l.clock
	if st.hour.one == "" || st.say == nil {
		return token{}, false
	}
	atTime := st.before[strings.ToLower(prevWord(text, i))]
	if g, end, ok := find(durationColonRe, text, i); ok && !atTime && g[1][0] != '0' {
		a, b, c := atoi(g[1]), atoi(g[2]), atoi(g[3])
		if b > 59 || c > 59 {
			return token{}, false
		}
		switch l.timeUnit(g[4]) {
		case 'h':
			parts := []string{l.timePart(a, st.hour, text, i), l.cardinal(uint64(b), plain)}
			if g[3] != "" {
				parts = []string{parts[0], l.timePart(b, st.minute, "", 0), l.timePart(c, st.second, "", 0)}
			}
			end = l.unitStop(text, end)
			return token{end, keepStop(text, end, l.joinParts(parts)), "time"}, true
		case 'm':
			if g[3] != "" {
				return token{}, false
			}
			end = l.unitStop(text, end)
			parts := []string{l.timePart(a, st.minute, text, i), l.cardinal(uint64(b), plain)}
			return token{end, keepStop(text, end, l.joinParts(parts)), "time"}, true
		}
		return token{}, false
	}
	g, end, ok := find(durationHRe, text, i)
	if !ok || atTime || l.timeUnit(g[2]) != 'h' {
		return token{}, false
	}
	h, m := atoi(g[1]), atoi(g[3])
	if m > 59 {
		return token{}, false
	}
	parts := []string{l.timePart(h, st.hour, text, i)}
	// "m" is a minute only glued to its number ("2h 15m"): "20 m" is meters.
	if sym, e, ok := find(durationUnitRe, text, end); ok && (l.timeUnit(sym[1]) == 'm' || sym[0] == "m") && endsToken(text, e) {
		parts = append(parts, l.timePart(m, st.minute, "", 0))
		end = e
		// Seconds may follow the minutes: "2h 5min 30s".
		if sec, e, ok := find(durationSecRe, text, end); ok && atoi(sec[1]) < 60 && (l.timeUnit(sec[2]) == 's' || sec[2] == "s") && endsToken(text, e) {
			parts = append(parts, l.timePart(atoi(sec[1]), st.second, "", 0))
			end = e
		}
	} else {
		// "1h30": the minutes said bare, as they are written; where the
		// hour's symbol writes a time of day ("18h30"), it is one.
		// Glued to the hour's symbol ("1h30"): "2 h 15 Menschen" counts people.
		if len(g[3]) != 2 || strings.HasSuffix(g[0][:len(g[0])-2], " ") || st.hours && h <= 23 || !endsToken(text, end) {
			return token{}, false
		}
		parts = append(parts, l.cardinal(uint64(m), plain))
	}
	end = l.unitStop(text, end)
	return token{end, keepStop(text, end, l.joinParts(parts)), "time"}, true
}

// timeUnit is 'h', 'm' or 's' when sym is the language's symbol or word
// for hours, minutes or seconds ("h", "Std.", "min", "s", "Stunden",
// "minutes"), else 0.
func (l *language) timeUnit(sym string) byte {
	u, ok := l.units[strings.TrimSuffix(sym, ".")]
	if !ok {
		// The unit's word written out: "2:03 Stunden", "3:45 minutes".
		for _, w := range []unit{l.clock.hour, l.clock.minute, l.clock.second} {
			if w.many != "" && (strings.EqualFold(sym, w.many) || strings.EqualFold(sym, w.one)) {
				u, ok = w, true
			}
		}
	}
	if !ok {
		return 0
	}
	switch u.many {
	case l.clock.hour.many:
		return 'h'
	case l.clock.minute.many:
		return 'm'
	case l.clock.second.many:
		return 's'
	}
	return 0
}

// timePart says v of unit u ("two hours", "eine Stunde", "un'ora"); the
// words around text[i] shape the number one where the language asks it.
func (l *language) timePart(v int, u unit, text string, i int) string {
	name := pick(v == 1, u.one, u.many)
	num, glued := l.cardinal(uint64(v), u.g), false
	if l.article != nil {
		num, glued = l.article(num, textBefore(text, i), name, "")
	}
	return num + pick(glued, "", " ") + name
}

// joinParts says the parts of a duration: the last after the language's
// "and" when it has seconds, or always where the language joins them so
// ("dos horas y quince minutos").
func (l *language) joinParts(parts []string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	last := len(parts) - 1
	if len(parts) < 3 && !l.clock.andParts {
		return strings.Join(parts, " ")
	}
	return strings.Join(parts[:last], " ") + " " + l.w.and + " " + parts[last]
}

// unitStop takes the full stop of an abbreviated unit ending at end
// ("Std.", "Min.") into the token inside a sentence and at its end
// (keepStop gives it back there), as measure does.
func (l *language) unitStop(text string, end int) int {
	if end >= len(text) || text[end] != '.' {
		return end
	}
	if sentenceEnds(text, end+1) {
		return end + 1
	}
	if end+2 < len(text) && text[end+1] == ' ' {
		if r, _ := utf8.DecodeRuneInString(text[end+2:]); unicode.IsLower(r) || unicode.IsDigit(r) {
			return end + 1
		}
	}
	return end
}
