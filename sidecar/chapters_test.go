package sidecar

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestChaptersJSON(t *testing.T) {
	tm := &Timings{Duration: 12.3456, Title: "Harbour tides", Blocks: []BlockTiming{
		{Kind: "title", Text: "Harbour tides", Start: 0.02, End: 1.5},
		{Kind: "byline", Text: "A. Writer", Start: 2.5, End: 3.1},
		{Kind: "paragraph", Text: "The harbour flooded twice this week after the spring tide.", Start: 4.1234, End: 8},
		{Kind: "heading", Text: "What comes next", Start: 9, End: 10},
		{Kind: "paragraph", Text: "Engineers meet on Monday.", Start: 11, End: 12.3},
	}}
	var buf bytes.Buffer
	if err := WriteChaptersJSON(&buf, tm, ""); err != nil {
		t.Fatal(err)
	}
	var got PodcastChapters
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != "1.2.0" {
		t.Errorf("version %q", got.Version)
	}
	want := []PodcastChapter{
		{StartTime: 0, EndTime: 4.123, Title: "Harbour tides"},
		{StartTime: 4.123, EndTime: 9, Title: "The harbour flooded twice this week after the…"},
		{StartTime: 9, EndTime: 11, Title: "What comes next"},
		{StartTime: 11, EndTime: 12.346, Title: "Engineers meet on Monday."},
	}
	if len(got.Chapters) != len(want) {
		t.Fatalf("got %d chapters %+v, want %d", len(got.Chapters), got.Chapters, len(want))
	}
	for i := range want {
		if got.Chapters[i] != want[i] {
			t.Errorf("chapter %d = %+v, want %+v", i, got.Chapters[i], want[i])
		}
	}
	sec := ChaptersJSON(tm, ChaptersSections)
	if len(sec.Chapters) != 2 || sec.Chapters[1].Title != "What comes next" {
		t.Errorf("sections mode: %+v", sec.Chapters)
	}
	if off := ChaptersJSON(tm, ChaptersOff); len(off.Chapters) != 0 {
		t.Errorf("off mode: %+v", off.Chapters)
	}
}
