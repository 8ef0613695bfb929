package article

import (
	"regexp"
)

// The scrapinghub article-extraction benchmark's scorer (evaluate.py),
// in Go, so tests can hold figures without Python: text is cut into \w+
// tokens, the tokens into overlapping 4-grams ("shingles"), and a page's
// true positives, false positives and false negatives are shingle counts
// normalized to sum 1. Precision and recall are means over pages; F1 is
// their harmonic mean.

var tokenRE = regexp.MustCompile(`[\p{L}\p{N}\p{Mn}\p{Mc}_]+`)

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
