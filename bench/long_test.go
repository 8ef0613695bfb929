package bench

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts/fake"
)

// longWords is the vocabulary of the generated narration: plain news prose.
var longWords = strings.Fields(`the council harbour said on tuesday that new tide gauges would be
installed along northern quay after residents reported flooding during storms last winter
engineers expect work to begin in spring and finish before autumn mayor budget vote million
dollars city water level sea wall report minister government week year people families
school road bridge train station police officials statement according data survey
percent rise fall market prices energy company workers union strike agreement talks
hospital doctors patients health care plan cost public transport election campaign
voters party leader national regional local community project funding federal province
museum festival weather rain wind coast fishermen boats port cargo ships trade`)

// longText generates an article whose fake-engine narration, paragraph
// pauses included, lasts at least d: a title, then paragraphs of five
// sentences of 8 to 18 words, from a fixed seed.
func longText(d time.Duration) (text string, words int) {
	r := rand.New(rand.NewPCG(7, 11))
	var sb strings.Builder
	sb.WriteString("A long narration for the memory benchmark\n")
	var total time.Duration
	for total < d {
		var para strings.Builder
		for s := 0; s < 5; s++ {
			n := 8 + r.IntN(11)
			for w := 0; w < n; w++ {
				word := longWords[r.IntN(len(longWords))]
				if w == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
					if s > 0 {
						para.WriteByte(' ')
					}
				} else {
					para.WriteByte(' ')
				}
				para.WriteString(word)
			}
			para.WriteByte('.')
			words += n
		}
		total += fake.Duration(para.String(), 1) + pipeline.DefaultPauses().Paragraph
		sb.WriteString("\n")
		sb.WriteString(para.String())
		sb.WriteString("\n")
	}
	return sb.String(), words
}

func TestLongText(t *testing.T) {
	text, words := longText(3 * time.Hour)
	again, _ := longText(3 * time.Hour)
	if text != again {
		t.Fatal("longText is not deterministic")
	}
	paras := strings.Split(strings.TrimSpace(text), "\n\n")
	var total time.Duration
	for _, p := range paras[1:] {
		total += fake.Duration(p, 1) + pipeline.DefaultPauses().Paragraph
	}
	if total < 3*time.Hour || total > 3*time.Hour+time.Minute {
		t.Errorf("generated narration lasts %v, want 3h..3h01m", total)
	}
	if words < 15_000 || words > 40_000 {
		t.Errorf("%d words for 3 hours: not plausible speech", words)
	}
}

// BenchmarkLongFake execs `narrate render` of a generated 3-hour article
// with the fake engine and reports the peak RSS, the wall and the CPU time. Target
// (issue 5): peak RSS <= 150 MB.
func BenchmarkLongFake(b *testing.B) {
	bin := narrateBin(b)
	dir := b.TempDir()
	text, words := longText(3 * time.Hour)
	in := filepath.Join(dir, "long.txt")
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	out, sum := filepath.Join(dir, "long.mp3"), filepath.Join(dir, "long.json")
	var rss, wall, cpu []float64
	var hours float64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, err := run(bin, "render", in, "-y", "-o", out, "--voice", "fake:", "--no-cache", "-q", "--summary", sum)
		if err != nil {
			b.Fatal(err)
		}
		rss, wall, cpu = append(rss, m.MB()), append(wall, m.Wall.Seconds()), append(cpu, m.CPU.Seconds())
		s := readSummary(b, sum)
		if hours = s.DurationSeconds / 3600; hours < 2.9 {
			b.Fatalf("narration is %.2f h long, want about 3 h", hours)
		}
		nonEmpty(b, out, int64(hours*3600*64000/8*0.9))
	}
	b.StopTimer()
	b.Logf("%d words, %.2f h of narration", words, hours)
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(median(rss), "peak_MB")
	b.ReportMetric(median(wall), "wall_s")
	b.ReportMetric(median(cpu), "cpu_s")
	b.ReportMetric(hours, "hours")
	b.ReportMetric(hours*3600/median(wall), "xRT")
}
