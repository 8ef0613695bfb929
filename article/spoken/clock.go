package spoken

import (
	"regexp"
	"strings"
)

// clockStyle is how a language writes and says times of day.
type clockStyle struct {
	// say reads h:m, with "AM" or "PM" when written with one.
	say func(h, m int, ampm string) string
	// ampm: times are written "10:30 a.m." (en).
	ampm bool
	// hours: times are written "22h30", "22 h" (fr).
	hours bool
	// word follows a time: "10:30 Uhr" (de).
	word string
}

var (
	clockRe   = regexp.MustCompile(`^(\d{1,2})(?::(\d{2}))? ?([AaPp])\.? ?[Mm]\.?`)
	clock24Re = regexp.MustCompile(`^(\d{1,2}):(\d{2})\b`)
	clockHRe  = regexp.MustCompile(`^(\d{1,2}) ?h ?(\d{2})?\b`)
)

// clockTime reads "10:30 a.m.", "10pm", "22:15", "22h30".
func (n *Normalizer) clockTime(text string, i int) (token, bool) {
	st := n.l.clock
	if st.say == nil {
		return token{}, false
	}
	if st.ampm {
		if g, end, ok := find(clockRe, text, i); ok {
			h, m := atoi(g[1]), atoi(g[2])
			if h >= 1 && h <= 12 && m < 60 && endsToken(text, end) {
				return token{end, keepStop(text, end, st.say(h, m, strings.ToUpper(g[3])+"M")), "time"}, true
			}
		}
	}
	if g, end, ok := find(clock24Re, text, i); ok {
		h, m := atoi(g[1]), atoi(g[2])
		if h <= 23 && m < 60 && !(end < len(text) && text[end] == ':') {
			return token{end, st.say(h, m, ""), "time"}, true
		}
		return token{}, false
	}
	if st.hours {
		if g, end, ok := find(clockHRe, text, i); ok {
			h, m := atoi(g[1]), atoi(g[2])
			if h <= 23 && m < 60 && (g[2] != "" || text[i+len(g[1])] != ' ') {
				return token{end, st.say(h, m, ""), "time"}, true
			}
		}
	}
	return token{}, false
}

// clockWordRe: "10:30 Uhr", "22.15 Uhr", "8 Uhr".
var clockWordRe = regexp.MustCompile(`^(\d{1,2})(?:[:.](\d{2}))? (\p{L}+)\b`)

// clockWord reads a time written with the language's word for o'clock.
func (n *Normalizer) clockWord(text string, i int) (token, bool) {
	st := n.l.clock
	g, end, ok := find(clockWordRe, text, i)
	if !ok || g[3] != st.word {
		return token{}, false
	}
	h, m := atoi(g[1]), atoi(g[2])
	if h > 24 || m > 59 {
		return token{}, false
	}
	return token{end, st.say(h, m, ""), "time"}, true
}
