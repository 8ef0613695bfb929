// Package spans finds where the words and sentences of a request's text
// are, in bytes, for drivers that turn an engine's timings (character
// alignments, speech marks, timepoints) into tts.Marks, or estimate them.
// Word spans follow the same rule as tts/ttstest.Words, so a mark placed on
// one is a word of the text to the conformance suite too.
package spans

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsWordRune reports whether r is part of a word: a letter, digit or
// combining mark.
func IsWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// Words returns the byte spans [start, end) of the words of text: runs of
// letters, digits and combining marks, kept together across an apostrophe
// or hyphen between two such runes. Punctuation, symbols and spaces
// separate words.
func Words(text string) [][2]int {
	var out [][2]int
	start := -1
	var prev rune
	for i, r := range text {
		in := IsWordRune(r)
		if !in && start >= 0 && (r == '\'' || r == '\u2019' || r == '-') && IsWordRune(prev) {
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			in = IsWordRune(next)
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
		prev = r
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// Snap widens or narrows text[start:end] to the words it touches, by the
// rule of Words: from the start of the first word that overlaps it to the
// end of the last, so "«Non»," becomes "Non" and "well" of "well-known"
// becomes "well-known". An engine's idea of a word (or a timing mapped back
// from a document) thus always lands on words of the text. ok is false when
// the span touches no word, is empty, or lies outside text.
func Snap(text string, start, end int) (s, e int, ok bool) {
	if start < 0 || end > len(text) || start >= end {
		return 0, 0, false
	}
	s, e = -1, -1
	for _, w := range Words(text) {
		if w[0] >= end {
			break
		}
		if w[1] > start {
			if s < 0 {
				s = w[0]
			}
			e = w[1]
		}
	}
	return s, e, s >= 0
}

// SentenceStarts returns the byte offsets where sentences of text start: the
// first non-space character, and every character after . ! ? or … (and any
// closing quotes or brackets), whitespace, and then an upper-case letter, a
// digit or an opening quote. It is deliberately simple: a missed boundary
// only costs a timing, never audio.
func SentenceStarts(text string) []int {
	first := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	if first == len(text) {
		return nil
	}
	starts := []int{first}
	for i := first; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if !strings.ContainsRune(".!?…", r) {
			continue
		}
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !strings.ContainsRune(`"')]”’»`, r) {
				break
			}
			i += n
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(r) {
				break
			}
			j += n
		}
		if j == i || j == len(text) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘«(¿¡`, r) {
			starts = append(starts, j)
			i = j
		}
	}
	return starts
}

// Sentences returns the byte spans of the sentences SentenceStarts finds,
// each without its trailing white space.
func Sentences(text string) [][2]int {
	starts := SentenceStarts(text)
	out := make([][2]int, len(starts))
	for i, st := range starts {
		end := len(text)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		out[i] = [2]int{st, st + len(strings.TrimRightFunc(text[st:end], unicode.IsSpace))}
	}
	return out
}
