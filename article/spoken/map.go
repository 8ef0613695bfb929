package spoken

import "sort"

// Span ties a byte range of a spoken text to the byte range of the text it
// was made from. A span whose Rule is "" is a verbatim copy: both ranges
// have the same length and map byte for byte. Any other span is one
// verbalized token ("$43 million" -> "forty-three million dollars"): every
// byte of its output range comes from the whole of its input range.
type Span struct {
	OutStart, OutEnd int
	InStart, InEnd   int
	// Rule names the rule that made the output ("money", "year", "user"…),
	// or "" for a copy.
	Rule string
}

// Map is the list of spans of one spoken text, in order, covering it with
// no gap: span k+1 starts where span k ends, on both sides.
type Map []Span

// Origin returns the byte range of the original text that the spoken range
// [start, end) was made from: the union of the spans it touches, cut to
// the exact bytes inside copies. An empty range maps to an empty range at
// its position. Out-of-range offsets are clamped.
func (m Map) Origin(start, end int) (int, int) {
	if len(m) == 0 {
		return 0, 0
	}
	total := m[len(m)-1].OutEnd
	start = clampInt(start, 0, total)
	end = clampInt(end, start, total)
	i := m.find(start)
	if end == start {
		p := m.inPos(i, start)
		return p, p
	}
	j := m.find(end - 1)
	lo := m.inPos(i, start)
	var hi int
	if s := m[j]; s.Rule == "" {
		hi = s.InStart + (end - s.OutStart)
	} else {
		hi = s.InEnd
	}
	if s := m[i]; s.Rule != "" {
		lo = s.InStart
	}
	return lo, hi
}

// find is the index of the span holding output byte off.
func (m Map) find(off int) int {
	i := sort.Search(len(m), func(k int) bool { return m[k].OutEnd > off })
	if i == len(m) {
		i = len(m) - 1
	}
	return i
}

// inPos is where output byte off of span i falls in the input.
func (m Map) inPos(i, off int) int {
	s := m[i]
	if s.Rule == "" {
		return s.InStart + clampInt(off-s.OutStart, 0, s.InEnd-s.InStart)
	}
	if off <= s.OutStart {
		return s.InStart
	}
	return s.InEnd
}

// Identity is the map of a text spoken as written.
func Identity(n int) Map {
	return Map{{OutStart: 0, OutEnd: n, InStart: 0, InEnd: n}}
}

// Shift returns m with every output offset moved by out and every input
// offset by in, to place one sentence's map inside a longer text.
func (m Map) Shift(out, in int) Map {
	r := make(Map, len(m))
	for k, s := range m {
		s.OutStart += out
		s.OutEnd += out
		s.InStart += in
		s.InEnd += in
		r[k] = s
	}
	return r
}

// Compose returns the map from outer's output to inner's input, where
// outer's input is inner's output: for a lexicon applied after the
// normalizer, Compose(lexiconMap, normalizerMap) maps what the engine hears
// back to the article's words.
func Compose(outer, inner Map) Map {
	var r Map
	for _, s := range outer {
		if s.Rule != "" {
			lo, hi := inner.Origin(s.InStart, s.InEnd)
			r = r.add(Span{s.OutStart, s.OutEnd, lo, hi, s.Rule})
			continue
		}
		// A copy: split it along inner's spans.
		pos := s.InStart
		for pos < s.InEnd || (pos == s.InStart && s.InEnd == s.InStart) {
			if len(inner) == 0 {
				break
			}
			k := inner.find(pos)
			is := inner[k]
			stop := min(s.InEnd, is.OutEnd)
			if stop <= pos {
				stop = s.InEnd
			}
			o0 := s.OutStart + (pos - s.InStart)
			o1 := s.OutStart + (stop - s.InStart)
			if is.Rule == "" {
				r = r.add(Span{o0, o1, is.InStart + pos - is.OutStart, is.InStart + stop - is.OutStart, ""})
			} else {
				r = r.add(Span{o0, o1, is.InStart, is.InEnd, is.Rule})
			}
			if stop == pos {
				break
			}
			pos = stop
		}
	}
	return r
}

// add appends s, merging it into the last span when both are copies that
// continue each other.
func (m Map) add(s Span) Map {
	if n := len(m); n > 0 && s.Rule == "" && m[n-1].Rule == "" &&
		m[n-1].OutEnd == s.OutStart && m[n-1].InEnd == s.InStart {
		m[n-1].OutEnd, m[n-1].InEnd = s.OutEnd, s.InEnd
		return m
	}
	return append(m, s)
}

func clampInt(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
