package pipeline

import (
	"cmp"
	"slices"
	"sort"

	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts"
)

// placed is where one segment's audio ended up in the narration, in samples
// of the output rate.
type placed struct {
	start, end int64
	marks      []tts.Mark // Sample is absolute in the narration
}

// buildTimings turns the placement of every segment into the sidecar.
func buildTimings(p *Plan, segs []placed, total int64, rate int) *sidecar.Timings {
	sec := func(n int64) float64 { return float64(n) / float64(rate) }
	t := &sidecar.Timings{Duration: sec(total), Blocks: []sidecar.BlockTiming{}}
	if len(p.Script) > 0 && p.Script[0].Kind == "title" {
		t.Title = p.Script[0].Text
	}
	// Marks in order of Start, as the engine contract has them, for
	// firstMark.
	for i := range segs {
		byStart := func(a, b tts.Mark) int { return cmp.Compare(a.Start, b.Start) }
		if !slices.IsSortedFunc(segs[i].marks, byStart) {
			slices.SortStableFunc(segs[i].marks, byStart)
		}
	}
	// Segments of each block, in order.
	byBlock := make([][]int, len(p.Script))
	for i, s := range p.Segments {
		byBlock[s.Block] = append(byBlock[s.Block], i)
	}
	for bi, b := range p.Script {
		idx := byBlock[bi]
		if len(idx) == 0 {
			continue
		}
		form := b.Spoken
		if bi < len(p.forms) && p.forms[bi] != "" {
			form = p.forms[bi]
		}
		bt := sidecar.BlockTiming{Kind: string(b.Kind), Text: b.Text, Spoken: form,
			Start: sec(segs[idx[0]].start), End: sec(segs[idx[len(idx)-1]].end), Sentences: []sidecar.SentenceTiming{}}
		// Where each sentence starts: (segment, offset).
		type loc struct{ seg, off int }
		var locs []loc
		var which []int
		for _, si := range idx {
			for _, r := range p.Segments[si].sents {
				locs = append(locs, loc{si, r.Offset})
				which = append(which, r.Index)
			}
		}
		for k, l := range locs {
			seg := p.Segments[l.seg]
			pl := segs[l.seg]
			// The byte range of this sentence inside its segment.
			endOff := len(seg.Text)
			if k+1 < len(locs) && locs[k+1].seg == l.seg {
				endOff = locs[k+1].off
			}
			start := markAt(pl, l.off, endOff, len(seg.Text))
			var end int64
			switch {
			case k+1 < len(locs) && locs[k+1].seg == l.seg:
				end = markAt(pl, locs[k+1].off, len(seg.Text), len(seg.Text))
			case k+1 < len(locs):
				end = segs[locs[k+1].seg-1].end
			default:
				end = segs[idx[len(idx)-1]].end
			}
			if end < start {
				end = start
			}
			st := sidecar.SentenceTiming{Text: p.Sentences[bi][which[k]], Start: sec(start), End: sec(end)}
			// Words in [l.off, endOff) of this segment, plus the words of any
			// following segments the sentence continues into.
			for j := l.seg; j < len(p.Segments) && p.Segments[j].Block == bi; j++ {
				lo, hi := 0, len(p.Segments[j].Text)
				if j == l.seg {
					lo, hi = l.off, endOff
				} else if k+1 < len(locs) && j >= locs[k+1].seg {
					break
				}
				st.Words = append(st.Words, wordsIn(p.Segments[j], segs[j], lo, hi, sec)...)
				if j == l.seg && endOff < len(p.Segments[j].Text) {
					break
				}
			}
			// A sentence's last word ends with the sentence, not with the
			// request it shares with the next sentence.
			for w := range st.Words {
				st.Words[w].End = max(st.Words[w].Start, min(st.Words[w].End, st.End))
			}
			bt.Sentences = append(bt.Sentences, st)
		}
		t.Blocks = append(t.Blocks, bt)
	}
	return t
}

// markAt is the sample where byte offset off (within [off, limit)) of a
// segment's text starts: the sentence or word mark at or after off, or, when
// the engine gave no mark there, a proportional estimate.
func markAt(pl placed, off, limit, textLen int) int64 {
	if off == 0 {
		return pl.start
	}
	best := -1
	// The earliest mark in [off, limit); of several there, a sentence's.
	for i := firstMark(pl.marks, off); i < len(pl.marks) && pl.marks[i].Start < limit; i++ {
		m := pl.marks[i]
		if best >= 0 && m.Start != pl.marks[best].Start {
			break
		}
		if best < 0 || m.Kind == tts.MarkSentence {
			best = i
		}
	}
	if best >= 0 {
		return clamp(int64(pl.marks[best].Sample), pl.start, pl.end)
	}
	if textLen == 0 {
		return pl.start
	}
	return pl.start + (pl.end-pl.start)*int64(off)/int64(textLen)
}

// firstMark is the index of the first of marks (in order of Start) that
// starts at or after off. Searching, not scanning, keeps timings linear in
// a request's length: a request without a length limit is a whole
// paragraph, with thousands of sentences.
func firstMark(marks []tts.Mark, off int) int {
	return sort.Search(len(marks), func(i int) bool { return marks[i].Start >= off })
}

// wordsIn times the words of seg whose marks start in [lo, hi). A word is
// shown as the original text it was said for: the several spoken words of
// one token ("forty-three million dollars" for "$43 million") become one
// word spanning all of them.
func wordsIn(seg Segment, pl placed, lo, hi int, sec func(int64) float64) []sidecar.WordTiming {
	text := seg.Text
	var words []tts.Mark
	for i := firstMark(pl.marks, lo); i < len(pl.marks) && pl.marks[i].Start < hi; i++ {
		if m := pl.marks[i]; m.Kind == tts.MarkWord && m.End <= len(text) && m.Start <= m.End {
			words = append(words, m)
		}
	}
	out := make([]sidecar.WordTiming, 0, len(words))
	lastLo, lastHi := -1, -1
	for i, m := range words {
		end := pl.end
		if i+1 < len(words) {
			end = int64(words[i+1].Sample)
		}
		s := clamp(int64(m.Sample), pl.start, pl.end)
		w, wlo, whi := seg.wordText(m.Start, m.End)
		if n := len(out); n > 0 && wlo < lastHi && whi > lastLo {
			// Another spoken word of the same original token.
			out[n-1].End = sec(clamp(end, s, pl.end))
			if wlo < lastLo || whi > lastHi {
				lastLo, lastHi = min(wlo, lastLo), max(whi, lastHi)
				out[n-1].Text, _, _ = seg.wordTextRange(lastLo, lastHi)
			}
			continue
		}
		lastLo, lastHi = wlo, whi
		out = append(out, sidecar.WordTiming{Text: w, Start: sec(s), End: sec(clamp(end, s, pl.end))})
	}
	return out
}

func clamp(v, lo, hi int64) int64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
