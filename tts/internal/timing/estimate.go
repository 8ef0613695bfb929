// Package timing estimates where the sentences and words of a text fall in
// the audio an engine made for it, for engines that give no timings (Azure
// AI Speech's REST API, Polly's generative voices). The estimate reads the
// audio: it finds where speech is, anchors sentence boundaries to the pauses
// between them, and shares out each sentence's voiced time among its words
// by their length. It is an estimate, and clips carrying it say so.
package timing

import (
	"math"
	"slices"
	"unicode"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/spans"
)

const (
	frameSec = 0.010 // analysis frame
	// quietDB: a frame this far under the loud frames' level is not speech.
	quietDB = 30
	// minPauseSec is the shortest silence taken as a pause between
	// sentences.
	minPauseSec = 0.12
	// anchorReach is how far (as a share of the expected length of the
	// sentences on either side) a boundary may move to reach a pause.
	anchorReach = 0.4
	// minReachSec is how far a boundary may always move: a short sentence's
	// share of the time is a poor guess of its length.
	minReachSec = 0.5
)

// Estimate returns sentence and word marks for text in buf, in the order
// of tts.Clip.Marks: ascending Start, and Sample never going back. It
// returns nil for audio without speech or text without words.
func Estimate(text string, buf *audio.Buffer) []tts.Mark {
	words := spans.Words(text)
	if len(words) == 0 || buf == nil || buf.Rate <= 0 || len(buf.Samples) == 0 {
		return nil
	}
	fr := frames(buf)
	voiced := voicedFrames(fr)
	first := slices.Index(voiced, true)
	if first < 0 {
		return nil
	}
	last := len(voiced) - 1 - slices.Index(reversed(voiced), true)
	frameLen := max(1, int(math.Round(frameSec*float64(buf.Rate))))

	sents := sentencesOf(text, words)
	weights := make([]float64, len(sents))
	for i, s := range sents {
		for _, w := range words[s.first:s.end] {
			weights[i] += wordWeight(text[w[0]:w[1]])
		}
	}
	// Sentence boundaries, in frames: first at the start of speech, the
	// rest anchored to the pause nearest the share of voiced time the
	// sentences before them take.
	starts := make([]int, len(sents))
	ends := make([]int, len(sents))
	starts[0] = first
	ends[len(sents)-1] = last + 1
	pauses := pausesIn(voiced, first, last, int(math.Round(minPauseSec/frameSec)))
	cum := cumulativeVoiced(voiced)
	total := cum[last+1] - cum[first]
	var before float64
	all := sum(weights)
	from := 0 // pauses before this index are used up
	for i := 1; i < len(sents); i++ {
		before += weights[i-1]
		want := frameAtVoiced(cum, cum[first]+int(math.Round(float64(total)*before/all)))
		reach := max(int(anchorReach*float64(total)*min(weights[i-1], weights[i])/all), int(minReachSec/frameSec))
		// Of the pauses within reach, the longest: between sentences
		// engines pause longer than at commas.
		best, bestLen, bestDist := -1, 0, 0
		for k := from; k < len(pauses); k++ {
			mid := (pauses[k][0] + pauses[k][1]) / 2
			if mid <= starts[i-1] {
				continue
			}
			d, l := abs(mid-want), pauses[k][1]-pauses[k][0]
			if d <= reach && (best < 0 || l > bestLen || l == bestLen && d < bestDist) {
				best, bestLen, bestDist = k, l, d
			}
		}
		if best >= 0 {
			ends[i-1], starts[i] = pauses[best][0], pauses[best][1]
			from = best + 1
		} else {
			at := max(want, starts[i-1]+1)
			ends[i-1], starts[i] = at, at
		}
	}
	var marks []tts.Mark
	prev := 0
	add := func(kind tts.MarkKind, frame, start, end int) {
		sample := min(max(frame*frameLen, prev), len(buf.Samples))
		prev = sample
		marks = append(marks, tts.Mark{Kind: kind, Sample: sample, Start: start, End: end})
	}
	for i, s := range sents {
		add(tts.MarkSentence, starts[i], s.start, s.stop)
		// The sentence's words share its voiced time by weight; a word
		// starts where the voiced time before it runs out.
		// More sentences than voiced frames push the last ones past the
		// audio's end: they start and end there.
		lo := min(starts[i], len(voiced))
		hi := min(max(ends[i], lo+1), len(voiced))
		voicedHere := 0
		if hi > lo {
			voicedHere = cum[hi] - cum[lo]
		}
		var w0 float64
		for _, w := range words[s.first:s.end] {
			at := lo
			if voicedHere > 0 && weights[i] > 0 {
				at = frameAtVoiced(cum, cum[lo]+int(math.Round(float64(voicedHere)*w0/weights[i])))
				at = min(max(at, lo), hi-1)
			}
			add(tts.MarkWord, at, w[0], w[1])
			w0 += wordWeight(text[w[0]:w[1]])
		}
	}
	return marks
}

// sentence is a sentence of the text: its byte span and its words
// (words[first:end]).
type sentence struct {
	start, stop, first, end int
}

// sentencesOf groups words into the sentences spans finds; a sentence
// without words joins the next.
func sentencesOf(text string, words [][2]int) []sentence {
	var out []sentence
	k := 0
	for _, s := range spans.Sentences(text) {
		first := k
		for k < len(words) && words[k][0] < s[1] {
			k++
		}
		if k > first {
			out = append(out, sentence{start: s[0], stop: s[1], first: first, end: k})
		}
	}
	if k < len(words) { // words after the last sentence found
		if len(out) == 0 {
			out = append(out, sentence{start: words[k][0], stop: words[len(words)-1][1], first: k})
		}
		out[len(out)-1].end = len(words)
		out[len(out)-1].stop = words[len(words)-1][1]
	}
	return out
}

// wordWeight is a word's expected share of speaking time: its letters
// and digits, plus a little for every word's onset.
func wordWeight(w string) float64 {
	n := 0.0
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
			if r >= 0x2E80 { // CJK and beyond: a syllable per character
				n += 2
			}
		}
	}
	return n + 1.5
}

// frames returns the RMS level of each analysis frame.
func frames(buf *audio.Buffer) []float64 {
	n := max(1, int(math.Round(frameSec*float64(buf.Rate))))
	out := make([]float64, 0, len(buf.Samples)/n+1)
	for i := 0; i < len(buf.Samples); i += n {
		var e float64
		end := min(i+n, len(buf.Samples))
		for _, x := range buf.Samples[i:end] {
			e += float64(x) * float64(x)
		}
		out = append(out, math.Sqrt(e/float64(end-i)))
	}
	return out
}

// voicedFrames marks frames within quietDB of the loud frames' level (the
// 90th percentile), and not below an absolute floor.
func voicedFrames(fr []float64) []bool {
	sorted := slices.Clone(fr)
	slices.Sort(sorted)
	loud := sorted[len(sorted)*9/10]
	floor := max(loud*math.Pow(10, -quietDB/20.0), 1e-4)
	out := make([]bool, len(fr))
	for i, v := range fr {
		out[i] = v >= floor
	}
	return out
}

// pausesIn returns the runs [a, b) of at least minLen unvoiced frames
// strictly inside first..last.
func pausesIn(voiced []bool, first, last, minLen int) [][2]int {
	var out [][2]int
	for i := first; i <= last; {
		if voiced[i] {
			i++
			continue
		}
		j := i
		for j <= last && !voiced[j] {
			j++
		}
		if j-i >= minLen {
			out = append(out, [2]int{i, j})
		}
		i = j
	}
	return out
}

// cumulativeVoiced returns c with c[i] = voiced frames before frame i.
func cumulativeVoiced(voiced []bool) []int {
	c := make([]int, len(voiced)+1)
	for i, v := range voiced {
		c[i+1] = c[i]
		if v {
			c[i+1]++
		}
	}
	return c
}

// frameAtVoiced is the frame where voiced frame n (counting from 0) is,
// or the end when there are not that many.
func frameAtVoiced(cum []int, n int) int {
	i, _ := slices.BinarySearch(cum, n+1)
	return max(0, min(i-1, len(cum)-1))
}

func reversed(v []bool) []bool {
	r := slices.Clone(v)
	slices.Reverse(r)
	return r
}

func sum(v []float64) float64 {
	var s float64
	for _, x := range v {
		s += x
	}
	return s
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
