package pipeline_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/espeak"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

const seedPath = "../../shared/seed/000_420b1a81cf081f19.txt"

func loadSeed(b *testing.B) *article.Document {
	b.Helper()
	doc, err := article.Load(context.Background(), seedPath, article.LoadOptions{})
	if err != nil {
		if _, statErr := os.Stat(seedPath); statErr != nil {
			b.Skip("../shared/seed not present; skipping")
		}
		b.Fatal(err)
	}
	return doc
}

// BenchmarkRenderSeed renders the seed article to MP3 end to end.
func BenchmarkRenderSeed(b *testing.B) {
	doc := loadSeed(b)
	for _, engine := range []string{"espeak", "fake"} {
		b.Run(engine, func(b *testing.B) {
			var syn *tts.Engine
			if engine == "espeak" {
				e, err := espeak.New(espeak.DefaultVoice)
				if err != nil {
					b.Fatal(err)
				}
				syn = ttstest.Engine(b, e)
			} else {
				syn = ttstest.Engine(b, fake.New(fake.Options{}))
			}
			path := filepath.Join(b.TempDir(), "seed.mp3")
			var audioSec, early float64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := renderFile(context.Background(), doc, syn, path, pipeline.Options{})
				if err != nil {
					b.Fatal(err)
				}
				audioSec = res.Duration().Seconds()
				if res.EncodedEarly {
					early++
				}
			}
			b.ReportMetric(audioSec*float64(b.N)/b.Elapsed().Seconds(), "x_realtime")
			// 1 when every render kept the MP3 encoded during synthesis,
			// under 1 when some had to encode again at the final gain.
			b.ReportMetric(early/float64(b.N), "encoded_early")
		})
	}
}

// BenchmarkRenderDiscard renders the seed with the fake engine to a
// non-seekable writer, for profiling the stitch stage.
func BenchmarkRenderDiscard(b *testing.B) {
	doc := loadSeed(b)
	syn := ttstest.Engine(b, fake.New(fake.Options{}))
	for i := 0; i < b.N; i++ {
		if _, err := render(context.Background(), doc, syn, io.Discard, pipeline.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
