package pipeline

import (
	"encoding/json"
	"io"
	"math"
)

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

// ChaptersJSON returns the chapters of t in Podcasting 2.0 form, chosen the
// way the MP3 tag's are (mode is ChaptersParagraphs, ChaptersSections or
// ChaptersOff; "" means paragraphs). Times are rounded to milliseconds.
func ChaptersJSON(t *Timings, mode string) PodcastChapters {
	if mode == "" {
		mode = ChaptersParagraphs
	}
	out := PodcastChapters{Version: "1.2.0", Chapters: []PodcastChapter{}}
	for _, c := range chapters(t, mode) {
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

func roundMS(s float64) float64 { return math.Round(s*1000) / 1000 }
