package lame

import (
	"io"
	"testing"

	"github.com/narrate-dev/narrate/audio/audiotest"
)

// The encoders keep the contract on audio.Sink's doc comment, on a file
// (where they write the Info frame at Close) and on a stream.
func TestEncodersAreSinks(t *testing.T) {
	opts := Options{Rate: 24000}
	for name, open := range map[string]func(io.WriteSeeker) (audiotest.Sink, error){
		"mp3": func(w io.WriteSeeker) (audiotest.Sink, error) { return NewEncoder(w, opts) },
		"mp3 unseekable": func(w io.WriteSeeker) (audiotest.Sink, error) {
			return NewEncoder(struct{ io.Writer }{w}, opts)
		},
		"parallel": func(w io.WriteSeeker) (audiotest.Sink, error) {
			return NewParallelEncoder(w, opts, ParallelOptions{Workers: 2, MinSegment: 12000})
		},
		"parallel unseekable": func(w io.WriteSeeker) (audiotest.Sink, error) {
			return NewParallelEncoder(struct{ io.Writer }{w}, opts, ParallelOptions{Workers: 2, MinSegment: 12000})
		},
	} {
		t.Run(name, func(t *testing.T) { audiotest.TestSink(t, open) })
	}
}
