package audio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"math/rand/v2"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// sineSignal returns seconds of a sine of freq Hz with peak amplitude amp and
// starting phase (radians) at rate, faded in and out over 10 ms so that the
// edges add no overshoot of their own.
func sineSignal(rate int, freq, amp, phase, seconds float64) []float32 {
	n := int(seconds * float64(rate))
	fade := rate / 100
	s := make([]float32, n)
	for i := range s {
		g := 1.0
		if e := min(i, n-1-i); e < fade {
			g = 0.5 - 0.5*math.Cos(math.Pi*float64(e)/float64(fade))
		}
		s[i] = float32(g * amp * math.Sin(2*math.Pi*freq*float64(i)/float64(rate)+phase))
	}
	return s
}

// speechLikeSignal returns a deterministic signal with the loudness
// structure of speech: voiced "syllables" (a 110-180 Hz harmonic series with
// a raised-cosine envelope), hiss bursts and pauses, peaking near amp.
func speechLikeSignal(rate int, seconds, amp float64, seed uint64) []float32 {
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

// ffmpegLoudness measures mono float samples with ffmpeg's ebur128 filter
// and returns integrated loudness (LUFS) and true peak (dBTP) as printed in
// its summary (one decimal). It skips the test when ffmpeg is missing.
func ffmpegLoudness(t testing.TB, samples []float32, rate int) (integrated, truePeak float64) {
	t.Helper()
	ffmpeg, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed; skipping cross-check against ffmpeg's ebur128 filter")
	}
	var raw bytes.Buffer
	if err := binary.Write(&raw, binary.LittleEndian, samples); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(ffmpeg, "-hide_banner", "-nostats", "-f", "f32le", "-ar", strconv.Itoa(rate), "-ac", "1",
		"-i", "pipe:0", "-af", "ebur128=peak=true", "-f", "null", "-")
	cmd.Stdin = &raw
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("ffmpeg ebur128: %v\n%s", err, out)
	}
	summary := out[bytes.LastIndex(out, []byte("Summary:")):]
	i := regexp.MustCompile(`I:\s+(-?[0-9.]+|-inf) LUFS`).FindSubmatch(summary)
	p := regexp.MustCompile(`Peak:\s+(-?[0-9.]+|-inf) dBFS`).FindSubmatch(summary)
	if i == nil || p == nil {
		t.Fatalf("cannot find loudness and peak in ffmpeg summary:\n%s", summary)
	}
	integrated, _ = strconv.ParseFloat(string(i[1]), 64)
	truePeak, _ = strconv.ParseFloat(string(p[1]), 64)
	return integrated, truePeak
}

func TestLoudnessMeter(t *testing.T) {
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
		{"sine -20 dBFS", sineSignal(rate, 997, 0.1, 0, 5), -23.01, -20, 0.05},
		{"sine -6 dBFS", sineSignal(rate, 997, 0.5, 0, 5), -9.03, -6.02, 0.05},
		// A quarter-rate sine sampled 45 degrees off its crests: every sample
		// is at 0.707 A, but the true peak is A (0 dBTP here).
		{"inter-sample peaks", sineSignal(rate, rate/4, 1, math.Pi/4, 3), math.NaN(), 0, 0},
		{"speech-like", speechLikeSignal(rate, 20, 0.5, 1), math.NaN(), math.NaN(), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := NewLoudnessMeter(rate, 1)
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

			ffI, ffPeak := ffmpegLoudness(t, tc.signal, rate)
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
	sig := speechLikeSignal(rate, 12, 0.7, 2)
	whole, err := Integrated(&Buffer{Rate: rate, Samples: sig})
	if err != nil {
		t.Fatal(err)
	}
	for _, chunk := range []int{1, 97, 4410, 100000} {
		m, err := NewLoudnessMeter(rate, 1)
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
	mono := sineSignal(rate, 997, 0.25, 0, 3)
	stereo := make([]float32, 2*len(mono))
	for i, s := range mono {
		stereo[2*i], stereo[2*i+1] = s, s
	}
	m1, _ := NewLoudnessMeter(rate, 1)
	m2, _ := NewLoudnessMeter(rate, 2)
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
	m, err := NewLoudnessMeter(16000, 1)
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
		if _, err := NewLoudnessMeter(tc.rate, tc.ch); err == nil {
			t.Errorf("NewLoudnessMeter(%d, %d): no error", tc.rate, tc.ch)
		}
	}
	if _, err := Integrated(&Buffer{Rate: 24000, Samples: []float32{float32(math.NaN())}}); err == nil {
		t.Error("Integrated of NaN samples: no error")
	}
}

// TestGainReachesLoudness: the pipeline's way to a target, Gain by the
// difference in LU, lands on the target as the meter measures it.
func TestGainReachesLoudness(t *testing.T) {
	const rate = 24000
	sig := speechLikeSignal(rate, 15, 0.3, 3)
	before, err := Integrated(&Buffer{Rate: rate, Samples: sig})
	if err != nil {
		t.Fatal(err)
	}
	g := -16 - before
	Gain(sig, g)
	after, err := Integrated(&Buffer{Rate: rate, Samples: sig})
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
	sig := speechLikeSignal(rate, seconds, 0.5, 4)
	b.SetBytes(int64(4 * len(sig)))
	for b.Loop() {
		m, err := NewLoudnessMeter(rate, 1)
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
