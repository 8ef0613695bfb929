package audio

import (
	"math"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio/audiotest"
)

// codecSine returns d of a sine at hz with peak amplitude amp.
func codecSine(rate int, hz float64, d time.Duration, amp float64) *Buffer {
	return &Buffer{Rate: rate, Samples: audiotest.Sine(rate, hz, d, amp)}
}

// codecJoin concatenates buffers of one rate, failing the test otherwise.
func codecJoin(t testing.TB, bufs ...*Buffer) *Buffer {
	t.Helper()
	out := &Buffer{Rate: bufs[0].Rate}
	for i, b := range bufs {
		if b.Rate != out.Rate {
			t.Fatalf("codecJoin: buffer %d at %d Hz, buffer 0 at %d Hz", i, b.Rate, out.Rate)
		}
		out.Samples = append(out.Samples, b.Samples...)
	}
	return out
}

// maxStep returns the largest sample-to-sample difference |s[i]-s[i-1]| in s,
// the size of the worst click a join could cause; 0 for fewer than two
// samples.
func maxStep(s []float32) float32 {
	var m float32
	for i := 1; i < len(s); i++ {
		if d := abs32(s[i] - s[i-1]); d > m {
			m = d
		}
	}
	return m
}

func TestTrimSilence(t *testing.T) {
	const rate = 24000
	tone := codecSine(rate, 300, time.Second, 0.1) // -20 dBFS peak
	quietTone := codecSine(rate, 300, time.Second, 0.001)
	noise := func(d time.Duration, amp float32) *Buffer {
		b := Silence(rate, d)
		var x uint32 = 1
		for i := range b.Samples {
			x = x*1664525 + 1013904223
			b.Samples[i] = amp * (float32(x>>8)/float32(1<<24)*2 - 1)
		}
		return b
	}
	gap := Silence(rate, 200*time.Millisecond)
	tests := []struct {
		name       string
		b          *Buffer
		keep       time.Duration
		start, end int // expected, within tol samples
		tol        int
	}{
		{"padded tone", codecJoin(t, Silence(rate, 500*time.Millisecond), tone, Silence(rate, 700*time.Millisecond)),
			0, 12000, 36000, 2},
		{"padded tone keeps margin", codecJoin(t, Silence(rate, 500*time.Millisecond), tone, Silence(rate, 700*time.Millisecond)),
			50 * time.Millisecond, 12000 - 1200, 36000 + 1200, 2},
		{"margin clipped at edges", codecJoin(t, Silence(rate, 10*time.Millisecond), tone),
			time.Second, 0, 24240, 0},
		{"noise floor below threshold", codecJoin(t, noise(300*time.Millisecond, 0.001), tone, noise(300*time.Millisecond, 0.001)),
			0, 7200, 31200, 2},
		{"inner pause kept", codecJoin(t, gap, tone, gap, tone, gap),
			0, 4800, 4800 + 24000 + 4800 + 24000, 2},
		{"no silence", tone, 0, 0, 24000, 2},
		{"all below threshold", codecJoin(t, gap, quietTone, gap), 0, 0, 0, 0},
		{"digital silence", Silence(rate, time.Second), 0, 0, 0, 0},
		{"empty", &Buffer{Rate: rate}, 0, 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start, end := TrimSilence(tc.b, -50, tc.keep)
			if abs(start-tc.start) > tc.tol || abs(end-tc.end) > tc.tol {
				t.Errorf("TrimSilence = (%d, %d), want (%d, %d) within %d samples", start, end, tc.start, tc.end, tc.tol)
			}
		})
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func TestFades(t *testing.T) {
	for _, n := range []int{1, 2, 48, 240, 5000} {
		dc := func() []float32 {
			s := make([]float32, 1000)
			for i := range s {
				s[i] = 0.8
			}
			return s
		}
		in := dc()
		FadeIn(in, n)
		out := dc()
		FadeOut(out, n)
		if in[0] != 0 || out[len(out)-1] != 0 {
			t.Errorf("n=%d: edges %v, %v; want 0", n, in[0], out[len(out)-1])
		}
		for i := 1; i < min(n, len(in)); i++ {
			if in[i] < in[i-1] {
				t.Fatalf("n=%d: fade-in not monotonic at %d", n, i)
			}
		}
		if n < len(in) && (in[n] != 0.8 || out[len(out)-1-n] != 0.8) {
			t.Errorf("n=%d: samples past the fade changed", n)
		}
		// A raised cosine over n steps moves at most amp*pi/(2n) per sample.
		m := min(n, len(in))
		if limit := float32(0.8*math.Pi/(2*float64(m))) + 1e-6; maxStep(in) > limit || maxStep(out) > limit {
			t.Errorf("n=%d: max step %v / %v above %v", n, maxStep(in), maxStep(out), limit)
		}
	}
	FadeIn(nil, 10)
	FadeOut(nil, 10)
}

func TestNeedsFade(t *testing.T) {
	tests := []struct {
		s       []float32
		in, out bool
	}{
		{nil, false, false},
		{[]float32{0, 0.5, 0}, false, false},
		{[]float32{0.3, 0.5, 0}, true, false},
		{[]float32{0, 0.5, -0.3}, false, true},
		{[]float32{0.0005, 0.5, -0.0005}, false, false},
		{[]float32{-0.2}, true, true},
	}
	for _, tc := range tests {
		in, out := NeedsFade(tc.s, 0.001)
		if in != tc.in || out != tc.out {
			t.Errorf("NeedsFade(%v) = %v, %v; want %v, %v", tc.s, in, out, tc.in, tc.out)
		}
	}
}

func TestGain(t *testing.T) {
	s := []float32{0.25, -0.5, 0.125}
	Gain(s, 20*math.Log10(2))
	want := []float32{0.5, -1, 0.25}
	for i := range s {
		if math.Abs(float64(s[i]-want[i])) > 1e-6 {
			t.Fatalf("Gain +6.02 dB = %v, want %v", s, want)
		}
	}
}
