package audio

import (
	"math"
	"time"
)

// trimWindow is the length of the windows TrimSilence measures.
const trimWindow = 10 * time.Millisecond

// TrimSilence returns the sample range [start, end) of b that holds its
// content: leading and trailing windows (10 ms each) whose RMS level is below
// thresholdDB (dBFS, e.g. -50) are dropped, the range is narrowed within the
// outer loud windows to the first and last sample reaching the threshold, and
// keep is added back on each side where the buffer has it. Quiet stretches
// between loud ones are kept. A buffer with no window at or above the
// threshold returns (0, 0).
func TrimSilence(b *Buffer, thresholdDB float64, keep time.Duration) (start, end int) {
	if b == nil || b.Rate <= 0 || len(b.Samples) == 0 {
		return 0, 0
	}
	s := b.Samples
	win := max(1, DurationToSamples(trimWindow, b.Rate))
	// Compare mean squares to avoid a log per window.
	limit := math.Pow(10, thresholdDB/10)
	loud := func(i int) bool {
		w := s[i:min(i+win, len(s))]
		var sum float64
		for _, x := range w {
			sum += float64(x) * float64(x)
		}
		return sum/float64(len(w)) >= limit
	}
	first := -1
	for i := 0; i < len(s); i += win {
		if loud(i) {
			first = i
			break
		}
	}
	if first < 0 {
		return 0, 0
	}
	last := first
	// Windows aligned to the end, so the last partial window is measured whole.
	for i := len(s) - win; i > first; i -= win {
		if loud(max(i, 0)) {
			last = max(i, 0)
			break
		}
	}
	start = first
	end = min(last+win, len(s))
	// Within the edge windows, move to the first/last sample that is itself
	// above the threshold, so keep is measured from the sound, not the grid.
	amp := float32(math.Pow(10, thresholdDB/20))
	for start < end-1 && abs32(s[start]) < amp {
		start++
	}
	for end > start+1 && abs32(s[end-1]) < amp {
		end--
	}
	k := DurationToSamples(keep, b.Rate)
	return max(0, start-k), min(len(s), end+k)
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// fadeGain is the raised-cosine gain at step i of a fade of n steps, rising
// from 0 (i = 0) towards 1.
func fadeGain(i, n int) float32 {
	return float32(0.5 - 0.5*math.Cos(math.Pi*float64(i)/float64(n)))
}

// FadeIn applies a raised-cosine fade over the first n samples of s (all of s
// if shorter): the first sample becomes 0 and the gain reaches 1 smoothly.
func FadeIn(s []float32, n int) {
	n = min(n, len(s))
	for i := 0; i < n; i++ {
		s[i] *= fadeGain(i, n)
	}
}

// FadeOut applies a raised-cosine fade over the last n samples of s (all of s
// if shorter): the last sample becomes 0.
func FadeOut(s []float32, n int) {
	n = min(n, len(s))
	for i := 0; i < n; i++ {
		s[len(s)-1-i] *= fadeGain(i, n)
	}
}

// NeedsFade reports whether s starts (in) or ends (out) on a sample whose
// magnitude exceeds edgeThreshold, that is, whether joining it to silence
// would make an audible step. An empty s needs neither.
func NeedsFade(s []float32, edgeThreshold float32) (in, out bool) {
	if len(s) == 0 {
		return false, false
	}
	return abs32(s[0]) > edgeThreshold, abs32(s[len(s)-1]) > edgeThreshold
}

// Gain multiplies s by dB decibels in place.
func Gain(s []float32, dB float64) {
	g := float32(math.Pow(10, dB/20))
	for i := range s {
		s[i] *= g
	}
}
