package neural

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/espeak"
)

// Encoder turns phonemes into a model's input ids.
type Encoder interface {
	// Begin appends what starts a sentence to dst.
	Begin(dst []int64) []int64
	// Append appends the ids of phonemes (IPA, possibly a space or
	// punctuation) to dst and says how many phonemes it does not know.
	Append(dst []int64, phonemes string) (ids []int64, missing int)
	// End appends what ends a sentence to dst.
	End(dst []int64) []int64
}

// Sentence is one run of a model: its ids and where its words start.
type Sentence struct {
	IDs        []int64
	Missing    int // phonemes the encoder did not know
	Start, End int // bytes of the text
	Words      []Word
	// Continues is set when the sentence was cut for length and this run
	// goes on with it: it has no sentence mark and no pause before it.
	Continues bool
}

// Word is a word of the text and the index of its first id.
type Word struct{ Start, End, ID int }

// Sentences groups espeak-ng's clauses of text into sentences and encodes
// each the way Piper and Kokoro's runners do: clause phonemes, then the
// clause's punctuation (followed by a space after a comma, colon or
// semicolon), words separated by spaces. A sentence also ends at a clause
// once it holds maxIDs ids, or before a word that would take it over
// maxIDs, so one run of the model stays bounded.
func Sentences(text string, clauses []espeak.Clause, enc Encoder, maxIDs int) []Sentence {
	var out []Sentence
	var s *Sentence
	cut := false // the last sentence ended for length, not at its end
	begin := func(at int) {
		out = append(out, Sentence{Start: at, IDs: enc.Begin(nil), Continues: cut})
		s = &out[len(out)-1]
	}
	end := func(at int) {
		s.IDs = enc.End(s.IDs)
		s.End = at
		s = nil
	}
	add := func(phonemes string) {
		var m int
		s.IDs, m = enc.Append(s.IDs, phonemes)
		s.Missing += m
	}
	for i, c := range clauses {
		if s == nil {
			begin(c.Start)
		}
		ph := strings.Split(c.Phonemes, " ")
		words := wordSpans(text, c.Start, c.End)
		at := wordIndex(words, len(ph))
		next := 0 // the next text word to place
		for j, w := range ph {
			ids, miss := enc.Append(nil, w)
			if j > 0 && len(s.IDs)+len(ids)+2 > maxIDs {
				stop, resume := c.Start, c.End
				if next > 0 {
					stop = words[next-1][1]
				}
				if next < len(words) {
					resume = words[next][0]
				}
				end(stop)
				cut = true
				begin(resume)
			} else if j > 0 {
				add(" ")
			}
			for ; next < len(words) && at[next] == j; next++ {
				s.Words = append(s.Words, Word{words[next][0], words[next][1], len(s.IDs)})
			}
			s.IDs = append(s.IDs, ids...)
			s.Missing += miss
		}
		last := i == len(clauses)-1
		abbr := c.EndsSentence() && abbreviation(text[c.Start:c.End])
		ends := last || c.EndsSentence() && !abbr || len(s.IDs) >= maxIDs
		switch {
		case abbr && !ends:
			add(" ")
		case c.Punct == ',' || c.Punct == ':' || c.Punct == ';':
			add(string(c.Punct) + " ")
		case c.Punct != 0 && ends:
			add(string(c.Punct))
		case c.Punct != 0:
			add(string(c.Punct) + " ")
		case !ends:
			add(" ")
		}
		if ends {
			end(c.End)
			cut = !last && (!c.EndsSentence() || abbr)
		}
	}
	return out
}

// wordIndex tells, for each text word of a clause, which of the clause's n
// phoneme words it starts at: its own when espeak-ng read the clause as
// that many words, else the one at the same share of the clause's
// characters (numbers and abbreviations are read as several words).
func wordIndex(words [][2]int, n int) []int {
	at := make([]int, len(words))
	if len(words) == n {
		for k := range at {
			at[k] = k
		}
		return at
	}
	total := 0
	for _, w := range words {
		total += w[1] - w[0]
	}
	done := 0
	for k, w := range words {
		at[k] = min((2*done*n+total)/(2*max(total, 1)), n-1)
		done += w[1] - w[0]
	}
	return at
}

// Marks returns the sentence's marks for its audio of n samples placed at
// offset: the sentence at its first sample (unless it Continues), each word where its first id
// falls if the sentence's samples are shared evenly over its ids.
func (s Sentence) Marks(offset, n int) []tts.Mark {
	var out []tts.Mark
	if !s.Continues {
		out = append(out, tts.Mark{Kind: tts.MarkSentence, Sample: offset, Start: s.Start, End: s.End})
	}
	for _, w := range s.Words {
		out = append(out, tts.Mark{Kind: tts.MarkWord, Sample: offset + w.ID*n/max(len(s.IDs), 1), Start: w.Start, End: w.End})
	}
	return out
}

// abbreviations espeak-ng ends a clause at though the sentence goes on.
var abbreviations = []string{"Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "Sr.", "Prof.", "Gen.", "Gov.", "Sen.", "Rep.", "Lt.", "Col.", "Capt.", "Mt.", "vs.", "No."}

// abbreviation reports whether a clause is only a title abbreviation.
func abbreviation(clause string) bool {
	return slices.Contains(abbreviations, strings.TrimSpace(clause))
}

// wordSpans returns the byte spans of the words of text[start:end]: runs of
// letters, digits and marks, joined across an apostrophe or hyphen between
// two of them.
func wordSpans(text string, start, end int) [][2]int {
	var out [][2]int
	ws := -1
	var prev rune
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:end])
		in := isWordRune(r)
		if !in && ws >= 0 && (r == '\'' || r == '\u2019' || r == '-') && isWordRune(prev) {
			next, _ := utf8.DecodeRuneInString(text[i+n : end])
			in = isWordRune(next)
		}
		switch {
		case in && ws < 0:
			ws = i
		case !in && ws >= 0:
			out = append(out, [2]int{ws, i})
			ws = -1
		}
		prev = r
		i += n
	}
	if ws >= 0 {
		out = append(out, [2]int{ws, end})
	}
	return out
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}
