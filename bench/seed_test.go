package bench

import (
	"path/filepath"
	"testing"
)

// naivePipeline is the baseline of issue 2: espeak-ng straight into lame at
// narrate's output format (24 kHz, 64 kbit/s).
const naivePipeline = `espeak-ng -f "$1" --stdout | lame --silent -b 64 --resample 24 - "$2"`

// naiveFlite is the baseline of issue 13: flite's slt voice to a WAV, then
// lame to narrate's output format.
const naiveFlite = `flite -voice slt -f "$1" -o "$2.wav" && lame --silent -b 64 --resample 24 "$2.wav" "$2"`

// BenchmarkSeedRender execs `narrate render SEED --voice espeak:en-us
// --no-cache -q` and the naive espeak-ng | lame pipeline alternately, three
// times each per b.N, and reports the medians of wall time and peak RSS.
// Targets (issue 2): narrate's wall <= 1.0x the pipeline's; peak RSS <= 100 MB.
func BenchmarkSeedRender(b *testing.B) {
	needTools(b, "espeak-ng", "lame")
	seedRender(b, naivePipeline, "--voice", "espeak:en-us")
}

// BenchmarkSeedRenderFlite is BenchmarkSeedRender with the default voice of
// an English article (flite:slt, with loudness, chapters and timings) against
// flite and lame run one after the other. Target (issue 13): narrate's wall
// <= 1.0x the baseline's.
func BenchmarkSeedRenderFlite(b *testing.B) {
	needTools(b, "flite", "lame")
	seedRender(b, naiveFlite, "--timings", filepath.Join(b.TempDir(), "t.json"))
}

func seedRender(b *testing.B, naivePipeline string, args ...string) {
	seed := seedOrSkip(b)
	bin := narrateBin(b)
	dir := b.TempDir()
	out, naiveOut := filepath.Join(dir, "narrate.mp3"), filepath.Join(dir, "naive.mp3")
	var nWall, nRSS, pWall, pRSS []float64
	narrate := func() {
		m, err := run(bin, append([]string{"render", seed, "-y", "-o", out, "--no-cache", "-q"}, args...)...)
		if err != nil {
			b.Fatal(err)
		}
		nonEmpty(b, out, 10_000)
		nWall, nRSS = append(nWall, m.Wall.Seconds()), append(nRSS, m.MB())
	}
	var how string
	naive := func() {
		m, h, err := runShell(naivePipeline, seed, naiveOut)
		if err != nil {
			b.Fatal(err)
		}
		nonEmpty(b, naiveOut, 10_000)
		how = h
		pWall, pRSS = append(pWall, m.Wall.Seconds()), append(pRSS, m.MB())
	}
	b.ResetTimer()
	for i := 0; i < 3*b.N; i++ {
		// ABBA order, so drift in the machine's load hits both sides alike.
		if i%2 == 0 {
			narrate()
			naive()
		} else {
			naive()
			narrate()
		}
	}
	b.StopTimer()
	b.Logf("baseline RSS measured with %s", how)
	nw, pw := median(nWall), median(pWall)
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(nw, "narrate_s")
	b.ReportMetric(pw, "naive_s")
	b.ReportMetric(nw/pw, "wall_ratio")
	b.ReportMetric(median(nRSS), "narrate_MB")
	b.ReportMetric(median(pRSS), "naive_MB")
}
