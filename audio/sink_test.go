package audio

import (
	"io"
	"testing"

	"github.com/narrate-dev/narrate/audio/audiotest"
)

// WAVWriter keeps the contract on Sink's doc comment.
func TestWAVWriterIsASink(t *testing.T) {
	audiotest.TestSink(t, func(w io.WriteSeeker) (audiotest.Sink, error) {
		return NewWAVWriter(w, 24000, 1)
	})
}
