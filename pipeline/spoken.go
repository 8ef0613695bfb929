package pipeline

import (
	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/article/spoken"
	"github.com/narrate-dev/narrate/tts"
)

// sayer turns one sentence of a block into what the engine is asked to
// say (see package article/spoken: the rules, then the built-in readings),
// with the map from the engine's text back to the sentence, for word
// timings.
type sayer struct {
	norm *spoken.Normalizer
}

func newSayer(lang string, opts Options) *sayer {
	return &sayer{norm: spoken.New(lang, opts.Spoken)}
}

// say returns the engine's text for sent and its map to sent.
func (s *sayer) say(sent string) (string, spoken.Map) {
	r := s.norm.Normalize(sent)
	return r.Text, r.Map
}

// appendText adds one sentence's engine text to the segment, keeping the
// original sentence alongside so word marks can be traced back.
func (seg *Segment) appendText(sep, say, sent string, m spoken.Map) {
	if seg.Text != "" || seg.source != "" {
		seg.origin = append(seg.origin, spoken.Span{OutStart: len(seg.Text), OutEnd: len(seg.Text) + len(sep),
			InStart: len(seg.source), InEnd: len(seg.source) + len(sep)})
		seg.source += sep
		seg.Text += sep
	}
	seg.origin = append(seg.origin, m.Shift(len(seg.Text), len(seg.source))...)
	seg.Text += say
	seg.source += sent
}

// setPiece makes the segment one piece of a sentence too long for a
// request, the piece starting at byte off of the sentence's engine text.
func (seg *Segment) setPiece(piece string, off int, sent string, m spoken.Map) {
	seg.Text, seg.source, seg.origin = piece, sent, m.Shift(-off, 0)
}

// wordText is the original text a word mark of the segment stands for,
// and that text's byte range in the segment's source.
func (seg *Segment) wordText(start, end int) (string, int, int) {
	if seg.origin == nil {
		return seg.Text[start:end], start, end
	}
	lo, hi := seg.origin.Origin(start, end)
	return seg.source[lo:hi], lo, hi
}

// SpokenScript returns, per block of doc.Script(), the text the engines
// are given (the spoken form), one request per block (no engine limit),
// exactly as Render would send it.
func SpokenScript(doc *article.Document, opts Options) ([]string, error) {
	p, err := NewPlan(doc, tts.Limits{}, opts)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(p.Script))
	for _, s := range p.Segments {
		if out[s.Block] != "" {
			out[s.Block] += " "
		}
		out[s.Block] += s.Text
	}
	return out, nil
}

// Explain lists, per block of doc.Script(), each token the spoken form
// rewrote and the rule that did it: a rules file's name and line, or the
// built-in reading's class.
func Explain(doc *article.Document, opts Options) [][]spoken.Change {
	s := newSayer(doc.Lang, opts)
	script := doc.Script()
	out := make([][]spoken.Change, len(script))
	for bi, b := range script {
		for _, sent := range article.SentenceTexts(b.Spoken, doc.Lang) {
			out[bi] = append(out[bi], s.norm.Normalize(sent).Changes(sent)...)
		}
	}
	return out
}

// wordTextRange is the source text of [lo, hi) (from wordText's ranges).
func (seg *Segment) wordTextRange(lo, hi int) (string, int, int) {
	if seg.origin == nil {
		return seg.Text[lo:hi], lo, hi
	}
	return seg.source[lo:hi], lo, hi
}
