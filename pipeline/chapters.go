package pipeline

import (
	"fmt"
	"strings"
	"time"

	"github.com/narrate-dev/narrate/audio"
)

// chapterWords is how many words of a paragraph name its chapter.
const chapterWords = 8

// chapters turns block timings into chapters: one per block (paragraphs
// mode) or one per heading, with the opening blocks as the first chapter
// (sections mode). Chapters tile the narration: each ends where the next
// starts and the last ends with the file.
func chapters(t *Timings, mode string) []audio.Chapter {
	if mode == ChaptersOff || len(t.Blocks) == 0 {
		return nil
	}
	var out []audio.Chapter
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
		out = append(out, audio.Chapter{ID: fmt.Sprintf("ch%d", len(out)+1), Title: title, Start: seconds(start)})
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
