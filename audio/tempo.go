package audio

import (
	"fmt"
	"math"
)

// Tempo limits: beyond them overlap-add speech falls apart.
const (
	MinTempo = 0.25
	MaxTempo = 4
)

// ChangeTempo returns b played tempo times as fast (2: in half the time)
// at the same pitch, by waveform-similarity overlap-add (WSOLA): frames of
// 30 ms are taken from the input at tempo times the output's pace, each
// shifted by up to 10 ms to where it best continues the frame before, and
// joined under Hann windows that sum to one. It is for the part of a
// speaking rate an engine cannot give itself (ElevenLabs speaks at 0.7 to
// 1.2 times its normal speed); an engine's own rate sounds better. A time t
// of the input is at about t/tempo in the output. tempo must be within
// MinTempo..MaxTempo; 1 returns a copy.
func ChangeTempo(b *Buffer, tempo float64) (*Buffer, error) {
	if err := b.Validate(); err != nil {
		return nil, err
	}
	if !(tempo >= MinTempo && tempo <= MaxTempo) {
		return nil, fmt.Errorf("audio: tempo %v outside %v..%v", tempo, MinTempo, MaxTempo)
	}
	x := b.Samples
	if tempo == 1 || len(x) == 0 {
		return &Buffer{Rate: b.Rate, Samples: append([]float32(nil), x...)}, nil
	}
	hop := max(2, int(math.Round(0.015*float64(b.Rate)))) // output hop: half a frame
	n := 2 * hop
	reach := int(math.Round(0.010 * float64(b.Rate)))
	win := make([]float32, n)
	for i := range win {
		win[i] = float32(0.5 - 0.5*math.Cos(2*math.Pi*float64(i)/float64(n)))
	}
	outLen := int(math.Round(float64(len(x)) / tempo))
	out := make([]float32, outLen+n)
	prev := 0
	for k := 0; k*hop < outLen; k++ {
		pos := int(math.Round(float64(k*hop) * tempo))
		if k > 0 {
			pos = bestContinuation(x, prev+hop, pos, reach, hop)
		}
		for i := range n {
			out[k*hop+i] += win[i] * sampleAt(x, pos+i)
		}
		prev = pos
	}
	// The first half frame had one window only, over the input's start:
	// it is that start.
	copy(out[:min(hop, outLen)], x)
	return &Buffer{Rate: b.Rate, Samples: out[:outLen]}, nil
}

// bestContinuation returns the input position within reach of nominal
// whose next hop samples are most like x[target:target+hop], the natural
// continuation of the frame before: a coarse search every other sample,
// then a fine one around the best.
func bestContinuation(x []float32, target, nominal, reach, hop int) int {
	score := func(pos int) float64 {
		var xy, yy float64
		for i := 0; i < hop; i += 2 {
			a, c := sampleAt(x, target+i), sampleAt(x, pos+i)
			xy += float64(a) * float64(c)
			yy += float64(c) * float64(c)
		}
		if yy == 0 {
			return 0
		}
		return xy / math.Sqrt(yy)
	}
	lo, hi := max(0, nominal-reach), max(0, nominal+reach)
	best, bestScore := nominal, math.Inf(-1)
	for pos := lo; pos <= hi; pos += 2 {
		if s := score(pos); s > bestScore {
			best, bestScore = pos, s
		}
	}
	for pos := max(0, best-1); pos <= best+1; pos++ {
		if s := score(pos); s > bestScore {
			best, bestScore = pos, s
		}
	}
	return best
}

func sampleAt(x []float32, i int) float32 {
	if i < 0 || i >= len(x) {
		return 0
	}
	return x[i]
}
