package audiotest

import (
	"math"
	"math/rand/v2"
	"time"
)

// Sine returns d of a sine at hz with peak amplitude amp, at rate, starting
// at phase 0.
func Sine(rate int, hz float64, d time.Duration, amp float64) []float32 {
	n := int((int64(d)*int64(rate) + int64(time.Second)/2) / int64(time.Second))
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(amp * math.Sin(2*math.Pi*hz*float64(i)/float64(rate)))
	}
	return s
}

// FadedSine returns seconds of a sine of hz with peak amplitude amp and
// starting phase (radians) at rate, faded in and out over 10 ms so that the
// edges add no overshoot of their own.
func FadedSine(rate int, hz, amp, phase, seconds float64) []float32 {
	n := int(seconds * float64(rate))
	fade := rate / 100
	s := make([]float32, n)
	for i := range s {
		g := 1.0
		if e := min(i, n-1-i); e < fade {
			g = 0.5 - 0.5*math.Cos(math.Pi*float64(e)/float64(fade))
		}
		s[i] = float32(g * amp * math.Sin(2*math.Pi*hz*float64(i)/float64(rate)+phase))
	}
	return s
}

// Speech returns seconds of a deterministic signal with the loudness
// structure of speech: voiced "syllables" (a 110-180 Hz harmonic series with
// a raised-cosine envelope), hiss bursts and pauses, peaking near amp. The
// same seed gives the same samples.
func Speech(rate int, seconds, amp float64, seed uint64) []float32 {
	rng := rand.New(rand.NewPCG(seed, 1))
	n := int(seconds * float64(rate))
	s := make([]float32, n)
	for i := 0; i < n; {
		sylLen := int((0.08 + 0.2*rng.Float64()) * float64(rate))
		switch k := rng.IntN(10); {
		case k < 2: // pause
		case k < 4: // fricative: filtered noise
			prev := 0.0
			for j := 0; j < sylLen && i+j < n; j++ {
				env := math.Sin(math.Pi * float64(j) / float64(sylLen))
				v := rng.NormFloat64()
				prev = v - 0.5*prev
				s[i+j] = float32(0.15 * amp * env * prev)
			}
		default: // voiced
			f0 := 110 + 70*rng.Float64()
			for j := 0; j < sylLen && i+j < n; j++ {
				t := float64(j) / float64(rate)
				env := math.Sin(math.Pi * float64(j) / float64(sylLen))
				v := 0.0
				for h := 1; h <= 12 && float64(h)*f0 < 0.45*float64(rate); h++ {
					v += math.Sin(2*math.Pi*f0*float64(h)*t+float64(h)) / float64(h)
				}
				s[i+j] = float32(0.45 * amp * env * v)
			}
		}
		i += sylLen
	}
	return s
}

// Frequency estimates the frequency of a steady tone from the interpolated
// positions of its first and last rising zero crossings; 0 when s holds
// fewer than two.
func Frequency(s []float32, rate int) float64 {
	first, last, cycles := -1.0, -1.0, 0
	for i := 1; i < len(s); i++ {
		if s[i-1] < 0 && s[i] >= 0 {
			at := float64(i-1) + float64(-s[i-1])/float64(s[i]-s[i-1])
			if first < 0 {
				first = at
			} else {
				cycles++
			}
			last = at
		}
	}
	if cycles == 0 {
		return 0
	}
	return float64(cycles) * float64(rate) / (last - first)
}

// RMS is the root mean square of s, 0 for no samples.
func RMS(s []float32) float64 {
	var sum float64
	for _, x := range s {
		sum += float64(x) * float64(x)
	}
	return math.Sqrt(sum / float64(max(len(s), 1)))
}
