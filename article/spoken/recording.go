package spoken

import (
	"regexp"
	"strings"
)

var (
	// recordingRe is a clock with no hour: "0:24", seconds into a
	// recording.
	recordingRe = regexp.MustCompile(`^0:([0-5]\d)\b`)
	// dayHalves are the words after a time of day on a 12-hour clock.
	dayHalves = setOf("am", "pm", "a.m", "p.m")
)

// recordingTime reads "0:24" in a sentence about a recording (a video, a
// clip, footage: language.recordingCues) as the seconds into it that it
// is: "at 0:24 in the video" at twenty-four seconds, "the 0:24 mark" the
// twenty-four-second mark, "Im Video ist bei 0:24 zu sehen" vierundzwanzig
// Sekunden. It was the day's first hour ("twelve twenty-four AM", "zéro
// heure vingt-quatre"), which no one writes with a single zero in a
// sentence about a recording. Later minutes ("the 2:35 mark") are said as
// a clock's, "two thirty-five", as they are spoken.
func (n *Normalizer) recordingTime(text string, i int) (token, bool) {
	l := n.l
	st := l.clock
	g, end, ok := find(recordingRe, text, i)
	if !ok || st.second.one == "" || end < len(text) && strings.ContainsRune(":.,", rune(text[end])) && end+1 < len(text) && isDigit(text[end+1]) {
		return token{}, false // "0:24:10", "0:24.5": a longer time, a race's
	}
	s := atoi(g[1])
	if s == 0 || !sentenceHas(text, i, end, l.recordingCues) {
		return token{}, false
	}
	next := nextWord(text, end)
	if st.word != "" && strings.EqualFold(next, st.word) || dayHalves[strings.ToLower(strings.TrimSuffix(next, "."))] ||
		st.zones[next] != "" || len(next) >= 2 && len(next) <= 4 && isUpperWord(next) {
		return token{}, false // "0:24 Uhr", "0:24 a.m.", "0:24 GMT": a time of day
	}
	if l.unitAdjective && adjectival(text, i, end) {
		// "the 0:24 mark": the twenty-four-second mark.
		return token{end, l.cardinal(uint64(s), plain) + "-" + st.second.one, "time"}, true
	}
	return token{end, l.timePart(s, st.second, text, i), "time"}, true
}
