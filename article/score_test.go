package article

import (
	"regexp"
	"strings"
)

// The scrapinghub article-extraction benchmark's scorer (evaluate.py),
// in Go, so tests can hold figures without Python: text is cut into \w+
// tokens, the tokens into overlapping 4-grams ("shingles"), and a page's
// true positives, false positives and false negatives are shingle counts
// normalized to sum 1. Precision and recall are means over pages; F1 is
// their harmonic mean.

// tokenRE is Python's \w in str patterns: letters, numbers and the
// underscore (str.isalnum; combining marks are not word characters).
var tokenRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

type tpFpFn struct{ tp, fp, fn float64 }

func shingles(text string) map[[4]string]int {
	toks := tokenRE.FindAllString(text, -1)
	out := map[[4]string]int{}
	n := max(1, len(toks)-4+1)
	for i := 0; i < n; i++ {
		var k [4]string
		if i >= len(toks) {
			break
		}
		copy(k[:], toks[i:min(i+4, len(toks))])
		out[k]++
	}
	return out
}

func shingleMatch(truth, pred string) tpFpFn {
	ts, ps := shingles(truth), shingles(pred)
	var r tpFpFn
	for k, tc := range ts {
		pc := ps[k]
		r.tp += float64(min(tc, pc))
		r.fn += float64(max(0, tc-pc))
	}
	for k, pc := range ps {
		r.fp += float64(max(0, pc-ts[k]))
	}
	if s := r.tp + r.fp + r.fn; s > 0 {
		r.tp, r.fp, r.fn = r.tp/s, r.fp/s, r.fn/s
	}
	return r
}

func (m tpFpFn) precision() float64 {
	if m.fp == 0 && m.fn == 0 {
		return 1
	}
	if m.tp == 0 && m.fp == 0 {
		return 0
	}
	return m.tp / (m.tp + m.fp)
}

func (m tpFpFn) recall() float64 {
	if m.fp == 0 && m.fn == 0 {
		return 1
	}
	if m.tp == 0 && m.fn == 0 {
		return 0
	}
	return m.tp / (m.tp + m.fn)
}

func (m tpFpFn) f1() float64 {
	p, r := m.precision(), m.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// scoreAll is evaluate.py's metrics_from_tp_fp_fns.
func scoreAll(ms []tpFpFn) (f1, p, r float64) {
	var np, nr int
	for _, m := range ms {
		if m.tp+m.fp > 0 {
			p += m.precision()
			np++
		}
		if m.tp+m.fn > 0 {
			r += m.recall()
			nr++
		}
	}
	if np > 0 {
		p /= float64(np)
	}
	if nr > 0 {
		r /= float64(nr)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return f1, p, r
}

// wordF1 is WCXB's own scorer (its evaluate.py's word_f1), the one its
// published figures use: lower-cased \w+ tokens counted as a bag of
// words; an empty reference scores 1 against an empty prediction and 0
// against any other, an empty prediction 0. Its figures are means of the
// per-page values, F1 included.
func wordF1(pred, ref string) (p, r, f1 float64) {
	pt := tokenRE.FindAllString(strings.ToLower(pred), -1)
	rt := tokenRE.FindAllString(strings.ToLower(ref), -1)
	if len(rt) == 0 {
		if len(pt) == 0 {
			return 1, 1, 1
		}
		return 0, 0, 0
	}
	if len(pt) == 0 {
		return 0, 0, 0
	}
	counts := map[string]int{}
	for _, t := range rt {
		counts[t]++
	}
	overlap := 0
	for _, t := range pt {
		if counts[t] > 0 {
			counts[t]--
			overlap++
		}
	}
	p, r = float64(overlap)/float64(len(pt)), float64(overlap)/float64(len(rt))
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// wordScores is a set's figures by wordF1: means over its pages.
type wordScores struct{ p, r, f1, n float64 }

func (w *wordScores) add(pred, ref string) {
	p, r, f1 := wordF1(pred, ref)
	w.p, w.r, w.f1, w.n = w.p+p, w.r+r, w.f1+f1, w.n+1
}

func (w wordScores) means() (f1, p, r float64) {
	if w.n == 0 {
		return 0, 0, 0
	}
	return w.f1 / w.n, w.p / w.n, w.r / w.n
}
