package tts

import "slices"

// OrderMarks puts marks in the order Clip.Marks is in: it sorts them by
// Sample, then Start, a sentence before a word at the same point, and keeps
// only those that ascend in both Sample and Start, dropping any an engine
// reported out of order. It works in place and returns the marks kept.
func OrderMarks(marks []Mark) []Mark {
	slices.SortStableFunc(marks, func(a, b Mark) int {
		if a.Sample != b.Sample {
			return a.Sample - b.Sample
		}
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return int(b.Kind) - int(a.Kind) // sentence first
	})
	kept := marks[:0]
	prevS, prevB := 0, 0
	for _, m := range marks {
		if m.Sample < prevS || m.Start < prevB {
			continue
		}
		kept = append(kept, m)
		prevS, prevB = m.Sample, m.Start
	}
	return kept
}
