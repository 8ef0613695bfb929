package audio

import (
	"math"
	"testing"
)

// Amplify is Gain on a stream, to the bit; 0 dB is the source itself.
func TestAmplify(t *testing.T) {
	in := speech()
	for _, dB := range []float64{-20, -0.5, 3, 12} {
		want := append([]float32(nil), in...)
		Gain(want, dB)
		got := readAll(t, Amplify(&chunked{s: in, steps: []int{77, 4000}}, dB), 1500)
		if len(got) != len(want) {
			t.Fatalf("%v dB: %d samples, want %d", dB, len(got), len(want))
		}
		for i := range got {
			if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
				t.Fatalf("%v dB: sample %d is %v, Gain gives %v", dB, i, got[i], want[i])
			}
		}
	}
	src := &chunked{s: in}
	if Amplify(src, 0) != Source(src) {
		t.Error("Amplify by 0 dB wraps its source")
	}
}
