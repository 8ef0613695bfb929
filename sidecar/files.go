package sidecar

import (
	"fmt"
	"os"

	"github.com/narrate-dev/narrate/outfile"
)

// Files name the files written beside a narration; empty names are not
// written.
type Files struct {
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

// WriteFiles writes each named file of t, whole or not at all
// (outfile.Write). An error names the kind of file.
func WriteFiles(t *Timings, s Files) error {
	if s.Timings != "" {
		if err := outfile.Write(s.Timings, func(f *os.File) error { return WriteTimingsJSON(f, t) }); err != nil {
			return fmt.Errorf("timings: %w", err)
		}
	}
	if s.Captions != "" {
		format, err := CaptionFormatOf(s.Captions)
		if err != nil {
			return err
		}
		if err := outfile.Write(s.Captions, func(f *os.File) error { return WriteCaptions(f, t, format) }); err != nil {
			return fmt.Errorf("captions: %w", err)
		}
	}
	if s.Chapters != "" {
		if err := outfile.Write(s.Chapters, func(f *os.File) error { return WriteChaptersJSON(f, t, s.ChaptersMode) }); err != nil {
			return fmt.Errorf("chapters: %w", err)
		}
	}
	return nil
}
