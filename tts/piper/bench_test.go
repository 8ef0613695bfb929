package piper_test

import (
	"testing"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/neural/neuraltest"
	"github.com/narrate-dev/narrate/tts/piper"
)

// BenchmarkSeed synthesizes the seed's first four prose paragraphs; see
// neuraltest.BenchmarkSeed for what it reports.
func BenchmarkSeed(b *testing.B) {
	paras := neuraltest.SeedParagraphs(b, "../../../shared/seed/000_420b1a81cf081f19.txt", 4)
	neuraltest.BenchmarkSeed(b, paras, func(b *testing.B, threads int) tts.Synthesizer {
		return open(b, "", piper.WithThreads(threads))
	})
}
