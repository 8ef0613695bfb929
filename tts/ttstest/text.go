// Package ttstest holds the conformance suite every speech engine runs
// (RunConformance, in the spirit of gocloud.dev's drivertest) and small
// helpers for tests of code that uses engines: word spans, plain test prose,
// clip checks and signal levels.
package ttstest

import (
	"math"
	"strings"

	"github.com/narrate-dev/narrate/tts/internal/spans"
)

// Words returns the byte spans [start, end) of the words of text: runs of
// letters, digits and combining marks, kept together across an apostrophe or
// hyphen between two such runes. Punctuation, symbols and spaces separate
// words. Drivers place word marks by the same rule (tts/internal/spans).
func Words(text string) [][2]int { return spans.Words(text) }

func isWordRune(r rune) bool { return spans.IsWordRune(r) }

// proseWords are the words Prose draws from: plain English that every engine
// can say, in the project's own words.
var proseWords = strings.Fields(`the council voted on tuesday to keep the old
harbour library open for another year after a long debate about the cost of
repairs residents filled the public gallery and several read letters from
children who learn to read there the mayor said the building would need a new
roof before winter and that the money could come from a reserve fund set aside
for storms engineers will inspect the walls next month`)

// Prose returns n words of plain English (n >= 1) in sentences of about
// twelve words, each capitalized and ending with a full stop. The same n
// always gives the same text.
func Prose(n int) string {
	var b strings.Builder
	for i := range n {
		w := proseWords[i%len(proseWords)]
		inSentence := i % 12
		if i > 0 {
			b.WriteByte(' ')
		}
		if inSentence == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
		if inSentence == 11 || i == n-1 {
			b.WriteByte('.')
		} else if inSentence == 5 {
			b.WriteByte(',')
		}
	}
	return b.String()
}

// RMS is the root-mean-square level of s (0 for no samples).
func RMS(s []float32) float64 {
	if len(s) == 0 {
		return 0
	}
	var sum float64
	for _, x := range s {
		sum += float64(x) * float64(x)
	}
	return math.Sqrt(sum / float64(len(s)))
}

// DBFS converts an RMS level to decibels relative to full scale (-Inf for 0).
func DBFS(rms float64) float64 { return 20 * math.Log10(rms) }
