package sidecar

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Caption formats.
const (
	CaptionsVTT = "vtt"
	CaptionsSRT = "srt"
)

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

// WriteCaptions writes the cues of t (see Cues: at most two lines of about
// 42 characters and about 7 seconds each) in WebVTT (format "vtt") or SubRip
// ("srt"). Cue text is the sentence as written in the article; WebVTT
// special characters are escaped.
func WriteCaptions(w io.Writer, t *Timings, format string) error {
	if format != CaptionsVTT && format != CaptionsSRT {
		return fmt.Errorf("caption format %q: want vtt or srt", format)
	}
	bw := bufio.NewWriter(w)
	sep := ","
	if format == CaptionsVTT {
		bw.WriteString("WEBVTT\n\n")
		sep = "."
	}
	for i, c := range Cues(t) {
		text := c.Text
		if format == CaptionsVTT {
			text = vttEscaper.Replace(text)
		}
		fmt.Fprintf(bw, "%d\n%s --> %s\n%s\n\n", i+1, stamp(c.Start, sep), stamp(c.End, sep), text)
	}
	return bw.Flush()
}

var vttEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "-->", "--&gt;")

// stamp formats seconds as HH:MM:SS.mmm (sep "." for WebVTT, "," for SRT).
func stamp(sec float64, sep string) string {
	ms := int64(sec*1000 + 0.5)
	if ms < 0 {
		ms = 0
	}
	h := ms / 3600000
	m := ms / 60000 % 60
	s := ms / 1000 % 60
	return fmt.Sprintf("%02d:%02d:%02d%s%03d", h, m, s, sep, ms%1000)
}
