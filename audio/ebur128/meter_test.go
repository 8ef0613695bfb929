package ebur128

import (
	"errors"
	"math"
	"testing"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/audiotest"
)

func TestMeter(t *testing.T) {
	const rate = 24000
	// At 997 Hz the K-weighting gain is within 0.01 dB of the 0.691 dB
	// offset, so a mono sine of peak amplitude A reads 20*log10(A) - 3.01
	// LUFS (mean square is A^2/2) and its true peak is 20*log10(A) dBTP.
	tests := []struct {
		name     string
		signal   []float32
		wantI    float64
		wantPeak float64
		tolI     float64
	}{
		{"sine -20 dBFS", audiotest.FadedSine(rate, 997, 0.1, 0, 5), -23.01, -20, 0.05},
		{"sine -6 dBFS", audiotest.FadedSine(rate, 997, 0.5, 0, 5), -9.03, -6.02, 0.05},
		// A quarter-rate sine sampled 45 degrees off its crests: every sample
		// is at 0.707 A, but the true peak is A (0 dBTP here).
		{"inter-sample peaks", audiotest.FadedSine(rate, rate/4, 1, math.Pi/4, 3), math.NaN(), 0, 0},
		{"speech-like", audiotest.Speech(rate, 20, 0.5, 1), math.NaN(), math.NaN(), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := NewMeter(rate, 1)
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			if err := m.Add(tc.signal); err != nil {
				t.Fatal(err)
			}
			gotI, err := m.Integrated()
			if err != nil {
				t.Fatal(err)
			}
			gotPeak, err := m.TruePeak()
			if err != nil {
				t.Fatal(err)
			}
			if !math.IsNaN(tc.wantI) && math.Abs(gotI-tc.wantI) > tc.tolI {
				t.Errorf("integrated = %.3f LUFS, want %.3f", gotI, tc.wantI)
			}
			if !math.IsNaN(tc.wantPeak) && math.Abs(gotPeak-tc.wantPeak) > 0.1 {
				t.Errorf("true peak = %.3f dBTP, want %.3f", gotPeak, tc.wantPeak)
			}
			sp := 0.0
			for _, s := range tc.signal {
				sp = math.Max(sp, math.Abs(float64(s)))
			}
			if gotPeak < 20*math.Log10(sp)-1e-6 {
				t.Errorf("true peak %.3f dBTP below the sample peak %.3f dBFS", gotPeak, 20*math.Log10(sp))
			}

			ffI, ffPeak := audiotest.FFmpegLoudness(t, tc.signal, rate)
			// ffmpeg prints one decimal: allow its rounding on top of 0.1 LU.
			if math.Abs(gotI-ffI) > 0.15 {
				t.Errorf("integrated = %.3f LUFS, ffmpeg says %.1f", gotI, ffI)
			}
			// ffmpeg oversamples to 192 kHz, libebur128 4x: allow 0.3 dB.
			if math.Abs(gotPeak-ffPeak) > 0.3 {
				t.Errorf("true peak = %.3f dBTP, ffmpeg says %.1f", gotPeak, ffPeak)
			}
			t.Logf("narrate I=%.2f LUFS TP=%.2f dBTP; ffmpeg I=%.1f TP=%.1f", gotI, gotPeak, ffI, ffPeak)
		})
	}
}

func TestLoudnessMeterChunking(t *testing.T) {
	const rate = 22050
	sig := audiotest.Speech(rate, 12, 0.7, 2)
	whole, err := Integrated(&audio.Buffer{Rate: rate, Samples: sig})
	if err != nil {
		t.Fatal(err)
	}
	for _, chunk := range []int{1, 97, 4410, 100000} {
		m, err := NewMeter(rate, 1)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(sig); i += chunk {
			if err := m.Add(sig[i:min(i+chunk, len(sig))]); err != nil {
				t.Fatal(err)
			}
		}
		got, err := m.Integrated()
		if err != nil {
			t.Fatal(err)
		}
		if got != whole {
			t.Errorf("chunks of %d: %.6f LUFS, whole buffer %.6f", chunk, got, whole)
		}
		if m.Frames() != int64(len(sig)) {
			t.Errorf("chunks of %d: Frames = %d, want %d", chunk, m.Frames(), len(sig))
		}
		m.Close()
	}
}

func TestLoudnessMeterChannels(t *testing.T) {
	const rate = 48000
	mono := audiotest.FadedSine(rate, 997, 0.25, 0, 3)
	stereo := make([]float32, 2*len(mono))
	for i, s := range mono {
		stereo[2*i], stereo[2*i+1] = s, s
	}
	m1, _ := NewMeter(rate, 1)
	m2, _ := NewMeter(rate, 2)
	defer m1.Close()
	defer m2.Close()
	if err := m1.Add(mono); err != nil {
		t.Fatal(err)
	}
	if err := m2.Add(stereo); err != nil {
		t.Fatal(err)
	}
	if err := m2.Add(stereo[:3]); err == nil {
		t.Error("Add of 3 samples to a 2-channel meter: no error")
	}
	l1, _ := m1.Integrated()
	l2, _ := m2.Integrated()
	if d := l2 - l1; math.Abs(d-3.0103) > 0.01 {
		t.Errorf("stereo - mono = %.4f LU, want 3.01", d)
	}
}

func TestLoudnessMeterErrors(t *testing.T) {
	m, err := NewMeter(16000, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Add(make([]float32, 16000*2)); err != nil {
		t.Fatal(err)
	}
	if l, err := m.Integrated(); !errors.Is(err, ErrSilence) || !math.IsInf(l, -1) {
		t.Errorf("silence: Integrated = %v, %v; want -Inf, ErrSilence", l, err)
	}
	if p, err := m.TruePeak(); err != nil || !math.IsInf(p, -1) {
		t.Errorf("silence: TruePeak = %v, %v; want -Inf, nil", p, err)
	}
	m.Close()
	m.Close()
	if err := m.Add([]float32{0.1}); err == nil {
		t.Error("Add after Close: no error")
	}
	for _, tc := range []struct{ rate, ch int }{{0, 1}, {1000, 1}, {500000, 1}, {48000, 0}, {48000, 65}} {
		if _, err := NewMeter(tc.rate, tc.ch); err == nil {
			t.Errorf("NewMeter(%d, %d): no error", tc.rate, tc.ch)
		}
	}
	if _, err := Integrated(&audio.Buffer{Rate: 24000, Samples: []float32{float32(math.NaN())}}); err == nil {
		t.Error("Integrated of NaN samples: no error")
	}
}

// TestGainReachesLoudness: the pipeline's way to a target, audio.Gain by the
// difference in LU, lands on the target as the meter measures it.
func TestGainReachesLoudness(t *testing.T) {
	const rate = 24000
	sig := audiotest.Speech(rate, 15, 0.3, 3)
	before, err := Integrated(&audio.Buffer{Rate: rate, Samples: sig})
	if err != nil {
		t.Fatal(err)
	}
	g := -16 - before
	audio.Gain(sig, g)
	after, err := Integrated(&audio.Buffer{Rate: rate, Samples: sig})
	if err != nil {
		t.Fatal(err)
	}
	// The histogram quantises block energies to 0.1 LU bins.
	if math.Abs(after+16) > 0.1 {
		t.Errorf("after gain %+.3f dB: %.3f LUFS, want -16 (was %.3f)", g, after, before)
	}
}

func BenchmarkLoudness(b *testing.B) {
	const rate, seconds = 24000, 60
	sig := audiotest.Speech(rate, seconds, 0.5, 4)
	b.SetBytes(int64(4 * len(sig)))
	for b.Loop() {
		m, err := NewMeter(rate, 1)
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < len(sig); i += 4800 {
			if err := m.Add(sig[i:min(i+4800, len(sig))]); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := m.Integrated(); err != nil {
			b.Fatal(err)
		}
		if _, err := m.TruePeak(); err != nil {
			b.Fatal(err)
		}
		m.Close()
	}
	b.ReportMetric(seconds*float64(b.N)/b.Elapsed().Seconds(), "x_realtime")
}
