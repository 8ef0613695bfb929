package audio_test

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/audiotest"
	"github.com/narrate-dev/narrate/audio/ebur128"
)

// limitAll runs src through l in chunks of chunk samples and flushes.
func limitAll(l *audio.Limiter, src []float32, chunk int) []float32 {
	var out []float32
	for i := 0; i < len(src); i += chunk {
		out = l.Process(out, src[i:min(i+chunk, len(src))])
	}
	return l.Flush(out)
}

func measureTruePeak(t testing.TB, s []float32, rate int) float64 {
	t.Helper()
	m, err := ebur128.NewMeter(rate, 1)
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if err := m.Add(s); err != nil {
		t.Fatal(err)
	}
	tp, err := m.TruePeak()
	if err != nil {
		t.Fatal(err)
	}
	return tp
}

// loudSignal is speech-like audio pushed 12 dB over full scale, with
// quarter-rate tone bursts whose samples all sit 3 dB below their crests
// and a burst of near-Nyquist tone: material whose true peaks are far above
// its sample peaks.
func loudSignal(rate int, seconds float64) []float32 {
	s := audiotest.Speech(rate, seconds, 4, 5)
	for _, burst := range []struct {
		at, freq, amp float64
	}{{0.3, float64(rate) / 4, 3}, {0.55, 0.45 * float64(rate), 2.5}, {0.8, 997, 4}} {
		tone := audiotest.FadedSine(rate, burst.freq, burst.amp, math.Pi/4, 0.25)
		off := int(burst.at * float64(len(s)))
		for i, v := range tone {
			if off+i < len(s) {
				s[off+i] += v
			}
		}
	}
	return s
}

func TestLimiterTruePeak(t *testing.T) {
	for _, rate := range []int{16000, 22050, 24000, 44100, 48000} {
		t.Run(fmt.Sprintf("%dHz", rate), func(t *testing.T) {
			in := loudSignal(rate, 8)
			l, err := audio.NewLimiter(rate, -1)
			if err != nil {
				t.Fatal(err)
			}
			out := limitAll(l, in, 1000)
			if len(out) != len(in) {
				t.Fatalf("output has %d samples, input %d", len(out), len(in))
			}
			before := measureTruePeak(t, in, rate)
			tp := measureTruePeak(t, out, rate)
			if tp > -1.0 {
				t.Errorf("true peak after limiting = %.3f dBTP, want <= -1.0 (before: %.2f)", tp, before)
			}
			if tp < -1.6 {
				t.Errorf("true peak after limiting = %.3f dBTP: limiting far more than needed", tp)
			}
			_, ffPeak := audiotest.FFmpegLoudness(t, out, rate)
			if ffPeak > -1.0 {
				t.Errorf("ffmpeg true peak after limiting = %.1f dBTP, want <= -1.0", ffPeak)
			}
			t.Logf("%d Hz: before %.2f dBTP, after %.3f dBTP (ffmpeg %.1f), latency %d samples",
				rate, before, tp, ffPeak, l.Latency())
		})
	}
}

func TestLimiterPassesQuietAudioUnchanged(t *testing.T) {
	const rate = 24000
	// Peaks of about -2 dBFS: under a -1 dBTP ceiling everywhere.
	in := audiotest.Speech(rate, 5, 0.8, 6)
	peak := measureTruePeak(t, in, rate)
	if peak > -1.2 {
		t.Fatalf("test signal true peak %.2f dBTP, want it under the ceiling", peak)
	}
	for _, chunk := range []int{1, 333, len(in)} {
		l, err := audio.NewLimiter(rate, -1)
		if err != nil {
			t.Fatal(err)
		}
		var out []float32
		for i := 0; i < len(in); i += chunk {
			out = l.Process(out, in[i:min(i+chunk, len(in))])
		}
		if len(out) != len(in)-l.Latency() {
			t.Errorf("chunk %d: Process emitted %d samples, want input minus latency %d", chunk, len(out), len(in)-l.Latency())
		}
		out = l.Flush(out)
		if !slices.Equal(out, in) {
			i := 0
			for i < len(in) && out[i] == in[i] {
				i++
			}
			t.Errorf("chunk %d: output differs from input first at sample %d", chunk, i)
		}
	}
}

func TestLimiterChunkingAndReuse(t *testing.T) {
	const rate = 24000
	in := loudSignal(rate, 3)
	l, err := audio.NewLimiter(rate, -1)
	if err != nil {
		t.Fatal(err)
	}
	want := limitAll(l, in, len(in))
	for _, chunk := range []int{1, 7, 480, 100000} {
		got := limitAll(l, in, chunk) // Flush reset l: reuse must match a fresh limiter
		if !slices.Equal(got, want) {
			t.Errorf("chunks of %d: output differs from one-chunk output", chunk)
		}
	}
	nan := []float32{0.5, float32(math.NaN()), float32(math.Inf(1)), 0.5}
	if got := limitAll(l, nan, 1); !slices.Equal(got, []float32{0.5, 0, 0, 0.5}) {
		t.Errorf("non-finite input: output %v, want them as silence", got)
	}
	for _, n := range []int{0, 1, 5, l.Latency(), l.Latency() + 1} {
		if got := limitAll(l, in[:n], 3); len(got) != n {
			t.Errorf("input of %d samples: output has %d", n, len(got))
		}
	}
}

// TestLimiterGainIsSmooth feeds a constant level in bursts: the output over
// the input is the gain the limiter applied, and it must move by at most one
// look-ahead ramp step per sample (no clicks), reach the ceiling and recover.
func TestLimiterGainIsSmooth(t *testing.T) {
	const rate = 24000
	const level = 2.0
	in := make([]float32, rate)
	for i := rate / 4; i < rate/2; i++ {
		in[i] = level
	}
	l, err := audio.NewLimiter(rate, -1, audio.LimiterLookahead(5*time.Millisecond), audio.LimiterRelease(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	out := limitAll(l, in, 256)
	ceiling := math.Pow(10, -1.0/20)
	look := audio.DurationToSamples(5*time.Millisecond, rate)
	maxStep := 0.0
	for i := rate/4 + 1; i < rate/2; i++ {
		g0, g1 := float64(out[i-1])/level, float64(out[i])/level
		maxStep = math.Max(maxStep, math.Abs(g1-g0))
		if float64(out[i]) > ceiling {
			t.Fatalf("sample %d = %.4f over the ceiling %.4f", i, out[i], ceiling)
		}
	}
	// The gain falls from 1 to about ceiling/level over look samples.
	if limit := 1.0/float64(look) + 1e-6; maxStep > limit {
		t.Errorf("largest gain step %.5f per sample, want <= %.5f", maxStep, limit)
	}
	if mid := float64(out[3*rate/8]); mid < 0.95*ceiling {
		t.Errorf("steady level limited to %.4f, want close to the ceiling %.4f", mid, ceiling)
	}
	// After the burst ends (plus release), silence stays silence and a new
	// quiet signal would pass; the envelope is back to 1.
	if env := audio.LimiterEnvelope(l); env != 1 {
		t.Errorf("envelope after Flush = %v, want reset to 1", env)
	}
}

func TestNewLimiterRejects(t *testing.T) {
	tests := []struct {
		name    string
		rate    int
		ceiling float64
		opts    []audio.LimiterOption
	}{
		{"rate", 100, -1, nil},
		{"positive ceiling", 24000, 0.5, nil},
		{"NaN ceiling", 24000, math.NaN(), nil},
		{"look-ahead", 24000, -1, []audio.LimiterOption{audio.LimiterLookahead(0)}},
		{"release", 24000, -1, []audio.LimiterOption{audio.LimiterRelease(time.Minute)}},
		{"margin", 24000, -1, []audio.LimiterOption{audio.LimiterMargin(-1)}},
	}
	for _, tc := range tests {
		if _, err := audio.NewLimiter(tc.rate, tc.ceiling, tc.opts...); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

func BenchmarkLimiter(b *testing.B) {
	const rate, seconds = 24000, 30
	// Narration as the pipeline limits it: speech brought to -16 LUFS.
	speech := audiotest.Speech(rate, seconds, 0.5, 7)
	lufs, err := ebur128.Integrated(&audio.Buffer{Rate: rate, Samples: speech})
	if err != nil {
		b.Fatal(err)
	}
	audio.Gain(speech, -16-lufs)
	for _, bc := range []struct {
		name string
		sig  []float32
	}{
		{"speech-16LUFS", speech},
		{"over12dB", loudSignal(rate, seconds)},
		{"quiet", audiotest.Speech(rate, seconds, 0.5, 7)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			l, err := audio.NewLimiter(rate, -1)
			if err != nil {
				b.Fatal(err)
			}
			out := make([]float32, 0, len(bc.sig))
			for b.Loop() {
				out = out[:0]
				for i := 0; i < len(bc.sig); i += 4800 {
					out = l.Process(out, bc.sig[i:min(i+4800, len(bc.sig))])
				}
				out = l.Flush(out)
			}
			b.ReportMetric(seconds*float64(b.N)/b.Elapsed().Seconds(), "x_realtime")
		})
	}
}

// TestLimiterIdlePathIsExact runs the same signals through limiters with
// and without process's shortcut for idle stretches: the outputs must be
// identical sample for sample, across chunk boundaries, limited passages
// and Flush.
func TestLimiterIdlePathIsExact(t *testing.T) {
	const rate = 24000
	speech := audiotest.Speech(rate, 6, 0.5, 3)
	lufs, err := ebur128.Integrated(&audio.Buffer{Rate: rate, Samples: speech})
	if err != nil {
		t.Fatal(err)
	}
	hot := append([]float32(nil), speech...)
	audio.Gain(hot, -10-lufs) // limited often
	calm := append([]float32(nil), speech...)
	audio.Gain(calm, -20-lufs) // limited now and then, idle in between
	for name, sig := range map[string][]float32{"hot": hot, "calm": calm, "loud": loudSignal(rate, 2), "quiet": speech} {
		var outs [2][]float32
		for i, general := range []bool{false, true} {
			l, err := audio.NewLimiter(rate, -1)
			if err != nil {
				t.Fatal(err)
			}
			audio.LimiterGeneralPathOnly(l, general)
			for round := 0; round < 2; round++ { // Flush resets; the second stream must match too
				for j := 0; j < len(sig); j += 1000 + 37*j%900 {
					outs[i] = l.Process(outs[i], sig[j:min(j+1000+37*j%900, len(sig))])
				}
				outs[i] = l.Flush(outs[i])
			}
		}
		if len(outs[0]) != 2*len(sig) || len(outs[1]) != len(outs[0]) {
			t.Fatalf("%s: lengths %d and %d, want %d", name, len(outs[0]), len(outs[1]), 2*len(sig))
		}
		differ := 0
		for j := range outs[0] {
			if math.Float32bits(outs[0][j]) != math.Float32bits(outs[1][j]) {
				differ++
			}
		}
		if differ > 0 {
			t.Errorf("%s: %d of %d samples differ between the idle shortcut and the general path", name, differ, len(outs[0]))
		}
	}
}

// TestLimiterOuterTapPeaks feeds bursts in which every sample is under
// the ceiling and has the sign of the interpolator tap it meets: the worst
// case for the interpolator, whose half-sample point then sums every tap's
// magnitude. The shortcuts (central taps first, a bound on the window from
// per-block peaks) must not let it through.
func TestLimiterAlignedBursts(t *testing.T) {
	const rate = 24000
	l, err := audio.NewLimiter(rate, -1)
	if err != nil {
		t.Fatal(err)
	}
	taps := audio.LimiterHalfSampleTaps(l)
	in := make([]float32, rate*2)
	for start := 0; start+len(taps) < len(in); start += 4 * len(taps) {
		for j, h := range taps {
			in[start+j] = float32(0.6 * math.Copysign(1, h))
		}
	}
	before := measureTruePeak(t, in, rate)
	out := limitAll(l, in, 777)
	tp := measureTruePeak(t, out, rate)
	if tp > -1.0 {
		t.Errorf("true peak after limiting = %.3f dBTP, want <= -1.0 (before: %.2f)", tp, before)
	}
	t.Logf("before %.2f dBTP, after %.3f dBTP", before, tp)
}
