package sidecar

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Caption cues follow the broadcast guidelines (the BBC's, Netflix's and
// the EBU's agree): at most two lines of about 42 characters, on screen for
// at most about 7 seconds. A sentence longer than that is cut into several
// cues at word boundaries, preferably after punctuation, each cue starting
// when its first word is spoken.
const (
	CaptionLineRunes  = 42
	CaptionLines      = 2
	CaptionMaxSeconds = 7.0
)

// Cue is one caption: the text on screen from Start to End (seconds), its
// lines joined with "\n".
type Cue struct {
	Start, End float64
	Text       string
}

// Cues cuts the sentences of t into caption cues (see CaptionLineRunes).
// Cue text is the sentence as written in the article, its spaces collapsed;
// cues of a sentence tile it in time.
func Cues(t *Timings) []Cue {
	var out []Cue
	for _, b := range t.Blocks {
		for _, s := range b.Sentences {
			out = append(out, sentenceCues(s)...)
		}
	}
	return out
}

// sentenceCues cuts one sentence into the fewest cues that fit, cut where
// the text divides evenly (so no cue is a leftover word).
func sentenceCues(s SentenceTiming) []Cue {
	toks := strings.Fields(s.Text)
	if len(toks) == 0 || s.End <= s.Start {
		return nil
	}
	at := tokenTimes(toks, s)
	// ends[i] is the rune length of toks[:i+1] joined with spaces.
	ends := make([]int, len(toks))
	n := -1
	for i, tok := range toks {
		n += 1 + utf8.RuneCountInString(tok)
		ends[i] = n
	}
	k := max(ceilDiv(n, CaptionLineRunes*CaptionLines), int(math.Ceil((s.End-s.Start)/CaptionMaxSeconds-1e-9)), 1)
	var cuts []int
	for ; k <= len(toks); k++ {
		cuts = evenCuts(toks, ends, k)
		if cutsFit(toks, at, cuts, s.End) {
			break
		}
	}
	if k > len(toks) {
		cuts = cuts[:0]
		for i := 1; i < len(toks); i++ { // a word a cue: nothing fits better
			cuts = append(cuts, i)
		}
	}
	bounds := append(append([]int{0}, cuts...), len(toks))
	out := make([]Cue, 0, len(bounds)-1)
	for i := 0; i+1 < len(bounds); i++ {
		lo, hi := bounds[i], bounds[i+1]
		end := s.End
		if hi < len(toks) {
			end = at[hi]
		}
		out = append(out, Cue{Start: at[lo], End: end, Text: captionLines(toks[lo:hi])})
	}
	return out
}

// evenCuts returns k-1 token indexes where cues start, each the word
// boundary nearest an even share of the text, a boundary after punctuation
// counting as nearer by up to a quarter of a line.
func evenCuts(toks []string, ends []int, k int) []int {
	total := ends[len(ends)-1]
	var cuts []int
	prev := 0
	for c := 1; c < k; c++ {
		target := float64(total) * float64(c) / float64(k)
		best, score := -1, math.Inf(1)
		for i := prev + 1; i <= len(toks)-(k-c); i++ {
			d := math.Abs(float64(ends[i-1])-target) + breakCost(toks[i-1], toks[i])*CaptionLineRunes/4
			if d < score {
				best, score = i, d
			}
		}
		if best < 0 {
			break
		}
		cuts = append(cuts, best)
		prev = best
	}
	return cuts
}

// cutsFit reports whether every cue the cuts make fits on two lines and
// lasts at most CaptionMaxSeconds.
func cutsFit(toks []string, at []float64, cuts []int, end float64) bool {
	bounds := append(append([]int{0}, cuts...), len(toks))
	for i := 0; i+1 < len(bounds); i++ {
		lo, hi := bounds[i], bounds[i+1]
		stop := end
		if hi < len(toks) {
			stop = at[hi]
		}
		if stop-at[lo] > CaptionMaxSeconds+1e-9 {
			return false
		}
		for _, l := range strings.Split(captionLines(toks[lo:hi]), "\n") {
			if utf8.RuneCountInString(l) > CaptionLineRunes {
				return false
			}
		}
	}
	return true
}

// captionLines sets words on one line, or on two of about equal length
// when one is too long, breaking after punctuation where that costs little.
func captionLines(toks []string) string {
	line := strings.Join(toks, " ")
	n := utf8.RuneCountInString(line)
	if n <= CaptionLineRunes || len(toks) < 2 {
		return line
	}
	best, score := 1, math.Inf(1)
	left := -1
	for i := 1; i < len(toks); i++ {
		left += 1 + utf8.RuneCountInString(toks[i-1])
		right := n - left - 1
		d := float64(max(left, right))
		if left > CaptionLineRunes || right > CaptionLineRunes {
			d += 1000 // only when no break fits
		}
		d += breakCost(toks[i-1], toks[i]) * 6
		if d < score {
			best, score = i, d
		}
	}
	return strings.Join(toks[:best], " ") + "\n" + strings.Join(toks[best:], " ")
}

// breakCost says how much a reader minds a line or cue ending between the
// words before and after, in units of a few characters: less than nothing
// after punctuation that closes a clause (a comma, a colon, a dash), where a
// reader pauses anyway; more after a short lower-case word ("of", "the",
// "de", "la", "&"), which leans on the next, and before a number, which
// belongs to the word before it ("district 1", "April 21").
func breakCost(before, after string) float64 {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(before, `"'”’»)]`))
	switch {
	case strings.ContainsRune(",;:.!?…—–", r):
		return -1
	case utf8.RuneCountInString(before) <= 3 && strings.IndexFunc(before, func(c rune) bool { return !unicode.IsLower(c) && c != '&' }) < 0:
		return 1
	}
	if a, _ := utf8.DecodeRuneInString(after); unicode.IsDigit(a) {
		return 1
	}
	return 0
}

// tokenTimes gives the time each whitespace-separated token of s starts:
// from the word timings where a word is found in the text, otherwise
// interpolated by character position between the known times (all of them
// when the engine gave no word marks).
func tokenTimes(toks []string, s SentenceTiming) []float64 {
	offs := make([]int, len(toks)) // rune offset of each token
	n := 0
	for i, tok := range toks {
		offs[i] = n
		n += utf8.RuneCountInString(tok) + 1
	}
	total := max(n-1, 1)
	at := make([]float64, len(toks))
	known := make([]bool, len(toks))
	at[0], known[0] = s.Start, true
	j := 0 // next token a word may start in
	for _, w := range s.Words {
		first, _, _ := strings.Cut(strings.TrimSpace(w.Text), " ")
		if first == "" {
			continue
		}
		for k := j; k < len(toks); k++ {
			if strings.Contains(toks[k], first) {
				if k > 0 && !known[k] && w.Start >= at[lastKnown(known, k)] {
					at[k], known[k] = w.Start, true
				}
				j = k + 1
				break
			}
		}
	}
	// Interpolate the rest between their known neighbours (the sentence's
	// end closing the last stretch).
	for i := 1; i < len(toks); i++ {
		if known[i] {
			continue
		}
		lo := lastKnown(known, i)
		hiT, hiO := s.End, total+1
		for k := i + 1; k < len(toks); k++ {
			if known[k] {
				hiT, hiO = at[k], offs[k]
				break
			}
		}
		frac := float64(offs[i]-offs[lo]) / float64(max(hiO-offs[lo], 1))
		at[i] = at[lo] + (hiT-at[lo])*frac
	}
	return at
}

// lastKnown is the index of the last token before i with a known time.
func lastKnown(known []bool, i int) int {
	for k := i - 1; k > 0; k-- {
		if known[k] {
			return k
		}
	}
	return 0
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }
