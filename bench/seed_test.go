package bench

import (
	"path/filepath"
	"testing"
)

// naivePipeline is the baseline of issue 2: espeak-ng straight into lame at
// narrate's output format (24 kHz, 64 kbit/s).
const naivePipeline = `espeak-ng -f "$1" --stdout | lame --silent -b 64 --resample 24 - "$2"`

// BenchmarkSeedRender execs `narrate render SEED --no-cache -q` (espeak, the
// default engine) and the naive espeak-ng | lame pipeline alternately, three
// times each per b.N, and reports the medians of wall time and peak RSS.
// Targets (issue 2): narrate's wall <= 1.0x the pipeline's; peak RSS <= 100 MB.
func BenchmarkSeedRender(b *testing.B) {
	seed := seedOrSkip(b)
	needTools(b, "espeak-ng", "lame")
	bin := narrateBin(b)
	dir := b.TempDir()
	out, naiveOut := filepath.Join(dir, "narrate.mp3"), filepath.Join(dir, "naive.mp3")
	var nWall, nRSS, pWall, pRSS []float64
	narrate := func() {
		m, err := run(bin, "render", seed, "-y", "-o", out, "--no-cache", "-q")
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
