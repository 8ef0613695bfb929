package pipeline

import (
	"fmt"
	"os"

	"github.com/narrate-dev/narrate/outfile"
	"github.com/narrate-dev/narrate/sidecar"
)

// Sidecars name the files written beside a narration; empty names are not
// written.
type Sidecars struct {
	// Timings gets the timings JSON (WriteTimingsJSON).
	Timings string
	// Captions gets captions in the format its extension names (.vtt or
	// .srt, see CaptionFormatOf).
	Captions string
	// Chapters gets Podcasting 2.0 JSON chapters (WriteChaptersJSON) in
	// ChaptersMode.
	Chapters     string
	ChaptersMode string
}

// WriteSidecars writes each named sidecar of t atomically. An error names
// the sidecar.
func WriteSidecars(t *sidecar.Timings, s Sidecars) error {
	if s.Timings != "" {
		if err := outfile.Write(s.Timings, func(f *os.File) error { return sidecar.WriteTimingsJSON(f, t) }); err != nil {
			return fmt.Errorf("timings: %w", err)
		}
	}
	if s.Captions != "" {
		format, err := sidecar.CaptionFormatOf(s.Captions)
		if err != nil {
			return err
		}
		if err := outfile.Write(s.Captions, func(f *os.File) error { return sidecar.WriteCaptions(f, t, format) }); err != nil {
			return fmt.Errorf("captions: %w", err)
		}
	}
	if s.Chapters != "" {
		if err := outfile.Write(s.Chapters, func(f *os.File) error { return sidecar.WriteChaptersJSON(f, t, s.ChaptersMode) }); err != nil {
			return fmt.Errorf("chapters: %w", err)
		}
	}
	return nil
}
