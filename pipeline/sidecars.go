package pipeline

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
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

// CaptionFormatOf returns the caption format a file name asks for:
// CaptionsVTT for .vtt, CaptionsSRT for .srt, else an error naming it.
func CaptionFormatOf(path string) (string, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".vtt":
		return CaptionsVTT, nil
	case ".srt":
		return CaptionsSRT, nil
	default:
		return "", fmt.Errorf("captions %s: want a .vtt or .srt file name", path)
	}
}

// WriteSidecars writes each named sidecar of t atomically. An error names
// the sidecar.
func WriteSidecars(t *Timings, s Sidecars) error {
	if s.Timings != "" {
		if err := WriteSidecar(s.Timings, func(w io.Writer) error { return WriteTimingsJSON(w, t) }); err != nil {
			return fmt.Errorf("timings: %w", err)
		}
	}
	if s.Captions != "" {
		format, err := CaptionFormatOf(s.Captions)
		if err != nil {
			return err
		}
		if err := WriteSidecar(s.Captions, func(w io.Writer) error { return WriteCaptions(w, t, format) }); err != nil {
			return fmt.Errorf("captions: %w", err)
		}
	}
	if s.Chapters != "" {
		if err := WriteSidecar(s.Chapters, func(w io.Writer) error { return WriteChaptersJSON(w, t, s.ChaptersMode) }); err != nil {
			return fmt.Errorf("chapters: %w", err)
		}
	}
	return nil
}
