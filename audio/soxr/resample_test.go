package soxr

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/audiotest"
)

func TestResample(t *testing.T) {
	tests := []struct{ from, to int }{
		{22050, 24000}, {44100, 24000}, {16000, 24000}, {48000, 24000}, {24000, 8000}, {24000, 24000},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%d_to_%d", tc.from, tc.to), func(t *testing.T) {
			const hz, amp = 440.0, 0.5
			src := sine(tc.from, hz, 2*time.Second, amp)
			got, err := Resample(src, tc.to)
			if err != nil {
				t.Fatal(err)
			}
			if want := 2 * tc.to; got.Rate != tc.to || len(got.Samples) != want {
				t.Fatalf("got %d samples at %d Hz, want %d at %d", len(got.Samples), got.Rate, want, tc.to)
			}
			// Away from the edges the output is the same sine sampled at the
			// new rate: frequency, level and phase (no added delay) kept.
			ideal := sine(tc.to, hz, 2*time.Second, amp).Samples
			var maxErr float64
			for i := tc.to / 10; i < len(ideal)-tc.to/10; i++ {
				maxErr = max(maxErr, math.Abs(float64(got.Samples[i]-ideal[i])))
			}
			if maxErr > 1e-3 {
				t.Errorf("max deviation from the ideal sine %.2g (want < 1e-3)", maxErr)
			}
			if f := audiotest.Frequency(got.Samples, tc.to); math.Abs(f-hz) > 0.05 {
				t.Errorf("frequency %.3f Hz, want %v", f, hz)
			}
			if &got.Samples[0] == &src.Samples[0] {
				t.Error("result shares memory with the input")
			}
		})
	}
}

// Content above the new Nyquist frequency must be removed, not folded back.
func TestResampleAntiAlias(t *testing.T) {
	src := sine(44100, 15000, time.Second, 0.9)
	got, err := Resample(src, 24000)
	if err != nil {
		t.Fatal(err)
	}
	mid := got.Samples[2400 : len(got.Samples)-2400]
	if level := 20 * math.Log10(audiotest.RMS(mid)/(0.9/math.Sqrt2)); level > -90 {
		t.Errorf("15 kHz tone resampled to 24 kHz leaks at %.1f dB, want below -90 dB", level)
	}
}

func TestResampleErrors(t *testing.T) {
	if _, err := Resample(&audio.Buffer{Rate: 24000, Samples: []float32{0}}, 1000); err == nil {
		t.Error("target 1000 Hz: no error")
	}
	if _, err := Resample(&audio.Buffer{Rate: 0}, 24000); err == nil {
		t.Error("source without a rate: no error")
	}
	if b, err := Resample(&audio.Buffer{Rate: 22050}, 24000); err != nil || len(b.Samples) != 0 {
		t.Errorf("empty input: %v, %v", b, err)
	}
	if b, err := Resample(&audio.Buffer{Rate: 22050, Samples: []float32{0.5}}, 24000); err != nil || len(b.Samples) != 1 {
		t.Errorf("one sample: %v, %v", b, err)
	}
}

func BenchmarkResample(b *testing.B) {
	for _, from := range []int{22050, 44100} {
		src := sine(from, 440, 10*time.Second, 0.5)
		b.Run(fmt.Sprintf("%d_to_24000", from), func(b *testing.B) {
			start := time.Now()
			for b.Loop() {
				if _, err := Resample(src, 24000); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(src.Seconds()*float64(b.N)/time.Since(start).Seconds(), "x_realtime")
		})
	}
}

// sine is a buffer of d of a sine at hz with peak amplitude amp.
func sine(rate int, hz float64, d time.Duration, amp float64) *audio.Buffer {
	return &audio.Buffer{Rate: rate, Samples: audiotest.Sine(rate, hz, d, amp)}
}
