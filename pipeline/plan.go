package pipeline

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/article/spoken"
	"github.com/narrate-dev/narrate/tts"
)

// Segment is one request to the engine.
type Segment struct {
	// Block is the index of the block in the script (Document.Script()).
	Block int
	// Text is what the engine is asked to say (the spoken form).
	Text string
	// Pause is the silence inserted before this segment's audio.
	Pause time.Duration
	// sents are the sentences that start in this segment.
	sents []sentenceRef
	// source is the original text of the sentences in Text, and origin
	// maps Text's bytes to source's (see spoken.go).
	source string
	origin spoken.Map
}

// sentenceRef places sentence Index of the segment's block at byte Offset of
// the segment's Text.
type sentenceRef struct {
	Index  int
	Offset int
}

// Plan is the work of a render, decided before any engine is called.
type Plan struct {
	// Script is the document's blocks in spoken order.
	Script []article.Block
	// Sentences are, per block, the sentences of Block.Spoken (as written),
	// as shown in timings and captions.
	Sentences [][]string
	// Segments are the engine requests in order.
	Segments []Segment
	// Lang is the document's language, passed to every request.
	Lang string
	// forms are, per block, its spoken form: what the engine is given.
	forms []string
}

// Characters is the number of characters (runes) the plan sends to an engine.
func (p *Plan) Characters() int {
	n := 0
	for _, s := range p.Segments {
		n += utf8.RuneCountInString(s.Text)
	}
	return n
}

// Plan splits doc into engine requests that fit lim: each block becomes
// one request when it fits, otherwise whole sentences are packed into
// requests up to lim.MaxBytes, and a sentence over the limit is split at
// clause, then word boundaries. It stops, with ctx's cause, once ctx ends:
// a server plans what a client posted, and stops when the client has gone.
func (r *Renderer) Plan(ctx context.Context, doc *article.Document, lim tts.Limits) (*Plan, error) {
	return r.plan(ctx, doc, lim, "")
}

// PlanFor is Plan for the engine that will read doc: its limits, and the
// language of the voice it reads with (Engine.VoiceLanguage of
// Options.Voice, else of its own; Options.Spoken.VoiceLang, when set,
// instead), whose country picks the forms doc's language leaves open: an
// article tagged "en" read by an en-GB voice says a score "four nil".
// Render sends exactly this plan.
func (r *Renderer) PlanFor(ctx context.Context, doc *article.Document, eng *tts.Engine) (*Plan, error) {
	return r.plan(ctx, doc, eng.Limits(), eng.VoiceLanguage(r.opts.Voice))
}

func (r *Renderer) plan(ctx context.Context, doc *article.Document, lim tts.Limits, voiceLang string) (*Plan, error) {
	opts := r.opts
	// A block with nothing to say ("¿¡ … !?") would be refused by every
	// engine; it is left out, not sent.
	script := slices.DeleteFunc(doc.Script(), func(b article.Block) bool { return !hasWords(b.Spoken) })
	p := &Plan{Script: script, Lang: doc.Lang}
	p.Sentences = make([][]string, len(p.Script))
	p.forms = make([]string, len(p.Script))
	sayer := newSayer(doc.Lang, voiceLang, opts)
	for bi, b := range p.Script {
		pause := opts.Pauses.Paragraph
		switch {
		case bi == 0:
			pause = 0
		case p.Script[bi-1].Kind == article.KindTitle:
			pause = opts.Pauses.Title
		case b.Kind == article.KindHeading:
			pause = opts.Pauses.Section
		}
		var cur *segmentBuilder
		flush := func() {
			if cur != nil {
				if seg := cur.segment(); strings.TrimSpace(seg.Text) != "" {
					p.Segments = append(p.Segments, seg)
				}
			}
			cur = nil
		}
		newSeg := func() {
			flush()
			ps := opts.Pauses.Split
			if !p.hasSegmentOf(bi) {
				ps = pause
			}
			cur = &segmentBuilder{seg: Segment{Block: bi, Pause: ps}}
		}
		// The block's spoken form, one sentence at a time, joined once.
		var forms []string
		spans := article.Sentences(b.Spoken, doc.Lang)
		if b.Kind == article.KindItem {
			spans = splitItemNumber(b.Spoken, spans)
		}
		for _, sp := range spans {
			if err := ctx.Err(); err != nil {
				return nil, context.Cause(ctx)
			}
			sent := strings.TrimSpace(b.Spoken[sp.Start:sp.End])
			if sent == "" {
				continue
			}
			si := len(p.Sentences[bi])
			p.Sentences[bi] = append(p.Sentences[bi], sent)
			say, origin := sayer.say(sent)
			if say != "" {
				forms = append(forms, say)
			}
			if strings.TrimSpace(say) == "" {
				continue
			}
			sep := ""
			if cur != nil && cur.text.Len() > 0 {
				sep = " "
			}
			if cur == nil || (lim.MaxBytes > 0 && cur.text.Len()+len(sep)+len(say) > lim.MaxBytes) {
				newSeg()
				sep = ""
			}
			if lim.MaxBytes > 0 && len(say) > lim.MaxBytes {
				// A sentence alone is over the limit: its pieces are segments
				// of their own; the sentence starts in the first.
				off := 0
				for i, piece := range article.SplitLimit(say, lim.MaxBytes, doc.Lang) {
					if i > 0 {
						newSeg()
					}
					if i == 0 {
						cur.seg.sents = append(cur.seg.sents, sentenceRef{Index: si, Offset: 0})
					}
					if k := strings.Index(say[off:], piece); k >= 0 {
						off += k
					}
					cur.setPiece(piece, off, sent, origin)
					off += len(piece)
				}
				newSeg()
				continue
			}
			cur.seg.sents = append(cur.seg.sents, sentenceRef{Index: si, Offset: cur.text.Len() + len(sep)})
			cur.appendText(sep, say, sent, origin)
		}
		flush()
		p.forms[bi] = strings.Join(forms, " ")
	}
	return p, nil
}

func (p *Plan) hasSegmentOf(block int) bool {
	n := len(p.Segments)
	return n > 0 && p.Segments[n-1].Block == block
}

// request is the engine request for segment i, with the segments around it
// as its neighbouring text (engines that carry prosody across joins use it;
// tts.Engine drops it for the others). Render and Estimate must agree on
// it, or dry runs would miss the cache.
func (p *Plan) request(i int, opts Options) tts.Request {
	req := tts.Request{Text: p.Segments[i].Text, Voice: opts.Voice, Language: p.Lang, SampleRate: opts.SampleRate}
	if i > 0 {
		req.Previous = p.Segments[i-1].Text
	}
	if i+1 < len(p.Segments) {
		req.Next = p.Segments[i+1].Text
	}
	return req
}

// hasWords reports whether s has a letter or a digit to speak.
func hasWords(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// splitItemNumber makes the number of an ordered list's item ("2. Äpfel
// schälen.") a sentence of its own, so that it is read as the count it is
// ("zwei", "two"): within the sentence, German reads a number with a full
// stop before a noun as an ordinal ("2. Platz", "zweiter Platz").
func splitItemNumber(text string, spans []article.Span) []article.Span {
	if len(spans) == 0 {
		return spans
	}
	first := spans[0]
	m := itemNumberRe.FindStringIndex(text[first.Start:first.End])
	if m == nil || first.Start+m[1] >= first.End {
		return spans
	}
	cut := first.Start + m[1]
	return append([]article.Span{{Start: first.Start, End: cut}, {Start: cut, End: first.End}}, spans[1:]...)
}

// itemNumberRe is a list item's number and the space after it.
var itemNumberRe = regexp.MustCompile(`^\s*\d{1,3}\.\s+`)
