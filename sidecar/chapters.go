package sidecar

import (
	"encoding/json"
	"io"
	"strings"
	"time"
)

// Chapter modes: how a narration is cut into chapters.
const (
	// ChaptersParagraphs: a chapter per body block (paragraphs, headings,
	// quotes, list items); the title opens the first and the byline has
	// none.
	ChaptersParagraphs = "paragraphs"
	// ChaptersSections: a chapter per heading, the blocks before the first
	// heading making the first chapter.
	ChaptersSections = "sections"
	// ChaptersOff: no chapters.
	ChaptersOff = "off"
)

// Chapter is one chapter of a narration: its title and where it is.
type Chapter struct {
	Title      string
	Start, End time.Duration
}

// chapterWords is how many words of a paragraph name its chapter.
const chapterWords = 8

// Chapters cuts the narration timed by t into chapters by mode (one of the
// Chapters constants; "" means ChaptersParagraphs). A heading or the title
// names its chapter, a paragraph its first words. Chapters tile the
// narration: the first starts at 0, each ends where the next starts and the
// last ends with the file. The MP3 tag's and WAV cue list's chapters are
// these, and so are the Podcasting 2.0 chapters.
func Chapters(t *Timings, mode string) []Chapter {
	if mode == "" {
		mode = ChaptersParagraphs
	}
	if mode == ChaptersOff || len(t.Blocks) == 0 {
		return nil
	}
	var out []Chapter
	for i, b := range t.Blocks {
		if mode == ChaptersSections && i > 0 && b.Kind != "heading" {
			continue
		}
		if mode == ChaptersParagraphs && b.Kind == "byline" {
			continue
		}
		title := b.Text
		if b.Kind != "heading" && b.Kind != "title" {
			title = firstWords(b.Text, chapterWords)
		}
		start := b.Start
		if len(out) == 0 {
			start = 0
		}
		out = append(out, Chapter{Title: title, Start: seconds(start)})
	}
	for i := range out {
		if i+1 < len(out) {
			out[i].End = out[i+1].Start
		} else {
			out[i].End = seconds(t.Duration)
		}
	}
	return out
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + "…"
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// PodcastChapters is the Podcasting 2.0 JSON chapters document
// ("application/json+chapters", version 1.2.0): what podcast apps read from
// an item's <podcast:chapters> URL and what web players show as marks.
type PodcastChapters struct {
	Version  string           `json:"version"`
	Chapters []PodcastChapter `json:"chapters"`
}

// PodcastChapter is one chapter: its start in seconds and its title.
type PodcastChapter struct {
	StartTime float64 `json:"startTime"`
	EndTime   float64 `json:"endTime,omitempty"`
	Title     string  `json:"title"`
}

// ChaptersJSON returns the chapters of t (see Chapters) in Podcasting 2.0
// form. Times are rounded to milliseconds.
func ChaptersJSON(t *Timings, mode string) PodcastChapters {
	out := PodcastChapters{Version: "1.2.0", Chapters: []PodcastChapter{}}
	for _, c := range Chapters(t, mode) {
		out.Chapters = append(out.Chapters, PodcastChapter{
			StartTime: roundMS(c.Start.Seconds()),
			EndTime:   roundMS(c.End.Seconds()),
			Title:     c.Title,
		})
	}
	return out
}

// WriteChaptersJSON writes ChaptersJSON(t, mode) as indented JSON.
func WriteChaptersJSON(w io.Writer, t *Timings, mode string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(ChaptersJSON(t, mode))
}
