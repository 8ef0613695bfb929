// Package sidecar holds the files that go beside a narration, all made from
// its timings alone: the timings JSON itself (where every block, sentence
// and word is spoken), WebVTT and SubRip captions, and Podcasting 2.0
// chapters, with the content types a store serves them under.
//
// The package is plain Go with no dependency on the render: a web player, a
// podcast feed or an archive report reads and writes these formats without
// linking the audio code.
package sidecar

import (
	"encoding/json"
	"io"
	"math"
)

// Timings is the timings sidecar: where every block, sentence and word is in
// the final file, in seconds from its first sample (written to the
// millisecond, see Rounded). Its JSON shape is relied upon by scripts and
// players; only add fields.
type Timings struct {
	Duration float64 `json:"duration"`
	Title    string  `json:"title"`
	// Voice is the engine and voice that spoke it, as a spec without its
	// options ("flite:slt", "google:en-US-Neural2-F"): players name it, and
	// options may hold an endpoint's address.
	Voice  string        `json:"voice,omitempty"`
	Blocks []BlockTiming `json:"blocks"`
}

// Rounded returns a copy of t with every time rounded to the millisecond,
// the precision of captions and chapters and far finer than a word: what
// the sidecars hold. Sample-exact seconds printed 16 digits each.
func (t *Timings) Rounded() *Timings {
	if t == nil {
		return nil
	}
	r := *t
	r.Duration = roundMS(t.Duration)
	r.Blocks = make([]BlockTiming, len(t.Blocks))
	for i, b := range t.Blocks {
		b.Start, b.End = roundMS(b.Start), roundMS(b.End)
		ss := make([]SentenceTiming, len(b.Sentences))
		for j, s := range b.Sentences {
			s.Start, s.End = roundMS(s.Start), roundMS(s.End)
			if s.Words != nil {
				ws := make([]WordTiming, len(s.Words))
				for k, w := range s.Words {
					ws[k] = WordTiming{Text: w.Text, Start: roundMS(w.Start), End: roundMS(w.End)}
				}
				s.Words = ws
			}
			ss[j] = s
		}
		b.Sentences = ss
		r.Blocks[i] = b
	}
	return &r
}

// BlockTiming places one spoken block.
type BlockTiming struct {
	Kind string `json:"kind"`
	// Text is the block as in the article; Spoken what the engine was
	// given (as `narrate script --spoken` shows it).
	Text      string           `json:"text"`
	Spoken    string           `json:"spoken"`
	Start     float64          `json:"start"`
	End       float64          `json:"end"`
	Sentences []SentenceTiming `json:"sentences"`
}

// SentenceTiming places one sentence of a block.
type SentenceTiming struct {
	Text  string       `json:"text"`
	Start float64      `json:"start"`
	End   float64      `json:"end"`
	Words []WordTiming `json:"words,omitempty"`
}

// WordTiming places one word, where the engine gave word marks.
type WordTiming struct {
	Text  string  `json:"text"`
	Start float64 `json:"start"`
	End   float64 `json:"end"`
}

// WriteTimingsJSON writes t, its times to the millisecond (Rounded), as
// compact JSON: a player downloads it before it can follow the text, and a
// word a line of indented JSON tripled its size (jq . FILE shows it
// indented).
func WriteTimingsJSON(w io.Writer, t *Timings) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(t.Rounded())
}

func roundMS(s float64) float64 { return math.Round(s*1000) / 1000 }
