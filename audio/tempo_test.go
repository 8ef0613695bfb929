package audio

import (
	"math"
	"testing"
)

func sine(rate int, hz, secs float64) *Buffer {
	b := &Buffer{Rate: rate, Samples: make([]float32, int(secs*float64(rate)))}
	for i := range b.Samples {
		b.Samples[i] = float32(0.5 * math.Sin(2*math.Pi*hz*float64(i)/float64(rate)))
	}
	return b
}

// zeroCrossingHz estimates the frequency of a tone from its upward zero
// crossings.
func zeroCrossingHz(s []float32, rate int) float64 {
	n := 0
	for i := 1; i < len(s); i++ {
		if s[i-1] < 0 && s[i] >= 0 {
			n++
		}
	}
	return float64(n) / (float64(len(s)) / float64(rate))
}

// ChangeTempo changes the length by the tempo and keeps the pitch and the
// level, without clicks.
func TestChangeTempo(t *testing.T) {
	in := sine(24000, 220, 2)
	for _, tempo := range []float64{0.6, 0.8, 1.25, 2, 3} {
		out, err := ChangeTempo(in, tempo)
		if err != nil {
			t.Fatal(err)
		}
		if want := float64(len(in.Samples)) / tempo; math.Abs(float64(len(out.Samples))-want) > 1 {
			t.Errorf("tempo %v: %d samples, want %.0f", tempo, len(out.Samples), want)
		}
		body := out.Samples[2400 : len(out.Samples)-2400]
		if hz := zeroCrossingHz(body, 24000); math.Abs(hz-220) > 220*0.02 {
			t.Errorf("tempo %v: the tone is at %.1f Hz, want 220", tempo, hz)
		}
		var sum float64
		var jump float32
		for i, x := range body {
			sum += float64(x) * float64(x)
			if i > 0 {
				jump = max(jump, abs32(x-body[i-1]))
			}
		}
		if rms, want := math.Sqrt(sum/float64(len(body))), 0.5/math.Sqrt2; math.Abs(20*math.Log10(rms/want)) > 1 {
			t.Errorf("tempo %v: level %.3f, want %.3f within 1 dB", tempo, rms, want)
		}
		// A 220 Hz tone at 0.5 moves at most 0.029 per sample; a seam
		// out of phase would jump far more.
		if jump > 0.05 {
			t.Errorf("tempo %v: a jump of %.3f between samples", tempo, jump)
		}
	}
	same, err := ChangeTempo(in, 1)
	if err != nil || len(same.Samples) != len(in.Samples) || &same.Samples[0] == &in.Samples[0] {
		t.Errorf("tempo 1: %d samples, %v; want a copy", len(same.Samples), err)
	}
	for _, bad := range []float64{0, -1, 0.1, 5, math.NaN()} {
		if _, err := ChangeTempo(in, bad); err == nil {
			t.Errorf("tempo %v accepted", bad)
		}
	}
}
