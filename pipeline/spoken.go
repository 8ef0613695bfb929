package pipeline

import (
	"context"
	"sort"
	"strings"

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

// newSayer reads text in lang with opts' spoken forms; voiceLang is the
// language of the voice that will say it as its engine tells it ("" when
// unknown), whose country picks the forms lang leaves open
// (spoken.Config.VoiceLang), unless opts name one.
func newSayer(lang, voiceLang string, opts Options) *sayer {
	c := opts.Spoken
	if c.VoiceLang == "" {
		c.VoiceLang = voiceLang
	}
	return &sayer{norm: spoken.New(lang, c)}
}

// say returns the engine's text for sent and its map to sent.
func (s *sayer) say(sent string) (string, spoken.Map) {
	r := s.norm.Normalize(sent)
	return r.Text, r.Map
}

// segmentBuilder gathers a segment's sentences. Appending to the
// segment's strings one sentence at a time would copy a long paragraph once
// per sentence: a paragraph of n sentences would cost n² bytes.
type segmentBuilder struct {
	seg          Segment
	text, source strings.Builder
	// pieceSource: seg.source is the whole sentence a piece was cut from.
	pieceSource bool
}

// appendText adds one sentence's engine text to the segment, keeping the
// original sentence alongside so word marks can be traced back.
func (b *segmentBuilder) appendText(sep, say, sent string, m spoken.Map) {
	seg := &b.seg
	if b.text.Len() > 0 || b.source.Len() > 0 {
		seg.origin = append(seg.origin, spoken.Span{OutStart: b.text.Len(), OutEnd: b.text.Len() + len(sep),
			InStart: b.source.Len(), InEnd: b.source.Len() + len(sep)})
		b.source.WriteString(sep)
		b.text.WriteString(sep)
	}
	seg.origin = append(seg.origin, m.Shift(b.text.Len(), b.source.Len())...)
	b.text.WriteString(say)
	b.source.WriteString(sent)
}

// setPiece makes the segment one piece of a sentence too long for a
// request, the piece starting at byte off of the sentence's engine text.
// Only the spans of m the piece touches are kept, so that a sentence cut
// into many pieces does not copy its whole map into each.
func (b *segmentBuilder) setPiece(piece string, off int, sent string, m spoken.Map) {
	b.text.Reset()
	b.source.Reset()
	b.text.WriteString(piece)
	lo := sort.Search(len(m), func(k int) bool { return m[k].OutEnd > off })
	hi := sort.Search(len(m), func(k int) bool { return m[k].OutStart >= off+len(piece) })
	if hi <= lo {
		hi = min(lo+1, len(m))
	}
	b.seg.origin = m[lo:hi].Shift(-off, 0)
	b.seg.source = sent
	b.pieceSource = true
}

// segment is the segment built.
func (b *segmentBuilder) segment() Segment {
	seg := b.seg
	seg.Text = b.text.String()
	if !b.pieceSource {
		seg.source = b.source.String()
	}
	return seg
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

// Script returns, per block of doc.Script(), the text the engines are
// given (the spoken form), one request per block (no engine limit), exactly
// as Render would send it.
func (r *Renderer) Script(doc *article.Document) ([]string, error) {
	p, err := r.Plan(context.Background(), doc, tts.Limits{})
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
func (r *Renderer) Explain(doc *article.Document) [][]spoken.Change {
	s := newSayer(doc.Lang, "", r.opts)
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
