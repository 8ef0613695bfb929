package fake

import (
	"math"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Timing rule constants (at speaking rate 1). See the package doc.
const (
	wordBase      = 60 * time.Millisecond // per word, of which wordGap is silence
	perLetter     = 55 * time.Millisecond // per letter, digit or symbol of the word
	wordGap       = 40 * time.Millisecond // silence closing every word slot
	sentencePause = 250 * time.Millisecond
	clausePause   = 120 * time.Millisecond
)

// word is one spoken word of a text: its byte span, its letter count and
// the pause that follows it.
type word struct {
	start, end  int
	letters     int
	pause       time.Duration
	sentenceEnd bool
	// tail is the end of the non-space run right after the word (its closing
	// punctuation), used as the end of a sentence mark.
	tail int
}

// isWordRune reports whether r belongs to a word: letters, digits, combining
// marks, other symbols (emoji), emoji skin-tone modifiers and the zero-width
// joiner that glues emoji sequences.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
		unicode.Is(unicode.So, r) || r == 0x200D || (r >= 0x1F3FB && r <= 0x1F3FF)
}

// counts reports whether r adds a letter's length to its word.
func counts(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.So, r)
}

// joins reports whether r, between prev and next, keeps a word together:
// apostrophes and hyphens between word runes ("don't", "well-known"), and '.'
// or ',' between digits ("3.5", "1,200").
func joins(prev, r, next rune) bool {
	switch r {
	case '\'', '\u2019', '-', '\u2010', '\u2011':
		return isWordRune(prev) && isWordRune(next)
	case '.', ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}

// pauseIn classifies the text between two words (or after the last one).
func pauseIn(gap string) (time.Duration, bool) {
	if strings.ContainsAny(gap, ".!?\u2026\u3002\uff01\uff1f") {
		return sentencePause, true
	}
	if strings.ContainsAny(gap, ",;:\u3001\uff0c\uff1b\uff1a") {
		return clausePause, false
	}
	return 0, false
}

// scan splits text into words with their pauses. Invalid UTF-8 bytes count
// as separators.
func scan(text string) []word {
	var words []word
	i := 0
	prev := rune(0)
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n <= 1 || !isWordRune(r) {
			prev = r
			i += n
			continue
		}
		w := word{start: i}
		for i < len(text) {
			r, n = utf8.DecodeRuneInString(text[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			if !isWordRune(r) {
				next, _ := utf8.DecodeRuneInString(text[i+n:])
				if !joins(prev, r, next) {
					break
				}
			} else if counts(r) {
				w.letters++
			}
			prev = r
			i += n
		}
		w.end = i
		words = append(words, w)
	}
	for k := range words {
		gapEnd := len(text)
		if k+1 < len(words) {
			gapEnd = words[k+1].start
		}
		gap := text[words[k].end:gapEnd]
		words[k].pause, words[k].sentenceEnd = pauseIn(gap)
		tail := strings.IndexFunc(gap, unicode.IsSpace)
		if tail < 0 {
			tail = len(gap)
		}
		words[k].tail = words[k].end + tail
	}
	return words
}

// slot is the length of a word's slot (burst plus gap) at rate 1.
func (w word) slot() time.Duration { return wordBase + time.Duration(w.letters)*perLetter }

// burst is the length of a word's voiced burst at rate 1.
func (w word) burst() time.Duration { return w.slot() - wordGap }

// scale converts a time on the rate-1 timeline to the timeline at rate.
func scale(d time.Duration, rate float64) time.Duration {
	if rate == 1 {
		return d
	}
	return time.Duration(math.Round(float64(d) / rate))
}

// Duration is the length of the fake engine's speech for text at speaking
// rate rate (the product of the engine's rate option and Request.Rate; 0
// means 1), following the rule in the package doc. A clip at sample rate sr
// has exactly audio.DurationToSamples(Duration(text, rate), sr) samples.
// Text without words has zero duration (the engine refuses it).
func Duration(text string, rate float64) time.Duration {
	if rate <= 0 {
		rate = 1
	}
	var total time.Duration
	for _, w := range scan(text) {
		total += w.slot() + w.pause
	}
	return scale(total, rate)
}
