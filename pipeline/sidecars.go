package pipeline

import (
	"fmt"
	"io"

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
		if err := WriteSidecar(s.Timings, func(w io.Writer) error { return sidecar.WriteTimingsJSON(w, t) }); err != nil {
			return fmt.Errorf("timings: %w", err)
		}
	}
	if s.Captions != "" {
		format, err := sidecar.CaptionFormatOf(s.Captions)
		if err != nil {
			return err
		}
		if err := WriteSidecar(s.Captions, func(w io.Writer) error { return sidecar.WriteCaptions(w, t, format) }); err != nil {
			return fmt.Errorf("captions: %w", err)
		}
	}
	if s.Chapters != "" {
		if err := WriteSidecar(s.Chapters, func(w io.Writer) error { return sidecar.WriteChaptersJSON(w, t, s.ChaptersMode) }); err != nil {
			return fmt.Errorf("chapters: %w", err)
		}
	}
	return nil
}
