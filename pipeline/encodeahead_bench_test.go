package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/article/spoken"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/espeak"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/flite"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// seedArticle is the shared seed article, from this package's directory.
const seedArticle = "../../shared/seed/000_420b1a81cf081f19.txt"

// cpuTime is the CPU time (user + system) this process has used.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// hoursDoc is an article whose fake narration lasts at least d.
func hoursDoc(d time.Duration) *article.Document {
	doc := &article.Document{Title: "A long narration", Lang: "en"}
	var total time.Duration
	for i := 0; total < d; i++ {
		text := fmt.Sprintf("Paragraph %d. The council said on Tuesday that new tide gauges would be installed along the northern quay. "+
			"Engineers expect work to begin in spring and to finish before autumn, within the budget the mayor set.", i)
		doc.Blocks = append(doc.Blocks, article.Block{Kind: article.KindParagraph, Text: text})
		total += fake.Duration(text, 1) + DefaultPauses().Paragraph
	}
	return doc
}

func loadSeedDoc(b *testing.B) *article.Document {
	doc, err := article.Load(context.Background(), seedArticle, article.LoadOptions{})
	if err != nil {
		if _, statErr := os.Stat(seedArticle); statErr != nil {
			b.Skip("../shared/seed not present; skipping")
		}
		b.Fatal(err)
	}
	return doc
}

// BenchmarkEncodeAhead decides whether encoding MP3 ahead, while synthesis
// goes on, pays: it renders the seed article with espeak-ng and with flite
// (the default English voice, ten times slower; three times each way,
// alternately) and a 3-hour article with the fake engine (once each way),
// with encode-ahead on and off, and reports the medians of wall and CPU
// time of each, and the ratios on/off.
func BenchmarkEncodeAhead(b *testing.B) {
	cases := []struct {
		name  string
		doc   func(b *testing.B) *article.Document
		syn   func(b *testing.B) *tts.Engine
		times int
	}{
		{"seed", loadSeedDoc, func(b *testing.B) *tts.Engine {
			e, err := espeak.New(espeak.DefaultVoice)
			if err != nil {
				b.Skipf("espeak-ng: %v", err)
			}
			return ttstest.Engine(b, e)
		}, 3},
		{"seed-flite", loadSeedDoc, func(b *testing.B) *tts.Engine {
			e, err := flite.New(flite.DefaultVoice)
			if err != nil {
				b.Skipf("flite: %v", err)
			}
			return ttstest.Engine(b, e)
		}, 3},
		{"3h", func(*testing.B) *article.Document { return hoursDoc(3 * time.Hour) },
			func(b *testing.B) *tts.Engine { return ttstest.Engine(b, fake.New(fake.Options{})) }, 1},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			doc, syn := c.doc(b), c.syn(b)
			dir := b.TempDir()
			r, err := New(Options{TempDir: dir, Spoken: spoken.Config{Rules: spoken.DefaultRules()}})
			if err != nil {
				b.Fatal(err)
			}
			wall := map[bool][]float64{}
			cpu := map[bool][]float64{}
			var audioSec float64
			one := func(ahead bool) {
				out := filepath.Join(dir, fmt.Sprintf("ahead-%v.mp3", ahead))
				f, err := os.Create(out)
				if err != nil {
					b.Fatal(err)
				}
				defer f.Close()
				c0, t0 := cpuTime(b), time.Now()
				res, err := r.render(context.Background(), doc, syn, f, ahead)
				if err != nil {
					b.Fatal(err)
				}
				wall[ahead] = append(wall[ahead], time.Since(t0).Seconds())
				cpu[ahead] = append(cpu[ahead], (cpuTime(b) - c0).Seconds())
				if ahead && !res.EncodedEarly {
					b.Errorf("%s: the early encoding was not kept", c.name)
				}
				audioSec = res.Duration().Seconds()
			}
			b.ResetTimer()
			for i := 0; i < c.times*b.N; i++ {
				one(i%2 == 0)
				one(i%2 != 0)
			}
			b.StopTimer()
			med := func(xs []float64) float64 {
				xs = slices.Clone(xs)
				slices.Sort(xs)
				return xs[len(xs)/2]
			}
			b.Logf("%s: %.0f s of audio; wall on %v off %v; CPU on %v off %v", c.name, audioSec,
				fmtSecs(wall[true]), fmtSecs(wall[false]), fmtSecs(cpu[true]), fmtSecs(cpu[false]))
			b.ReportMetric(0, "ns/op")
			b.ReportMetric(med(wall[true]), "ahead_s")
			b.ReportMetric(med(wall[false]), "final_s")
			b.ReportMetric(med(wall[true])/med(wall[false]), "wall_ratio")
			b.ReportMetric(med(cpu[true]), "ahead_cpu_s")
			b.ReportMetric(med(cpu[false]), "final_cpu_s")
			b.ReportMetric(med(cpu[true])/med(cpu[false]), "cpu_ratio")
		})
	}
}

func fmtSecs(xs []float64) string {
	var s []string
	for _, x := range xs {
		s = append(s, fmt.Sprintf("%.2f", x))
	}
	return strings.Join(s, " ")
}
