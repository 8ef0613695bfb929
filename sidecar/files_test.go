package sidecar

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// WriteFiles writes each named file in its format, leaves unnamed ones
// alone, and refuses a captions name of no known format before writing.
func TestWriteFiles(t *testing.T) {
	tm := &Timings{Duration: 3, Title: "Tides", Blocks: []BlockTiming{
		{Kind: "title", Text: "Tides", Start: 0, End: 1, Sentences: []SentenceTiming{{Text: "Tides", Start: 0, End: 1}}},
		{Kind: "paragraph", Text: "The harbour flooded.", Start: 1.5, End: 3, Sentences: []SentenceTiming{{Text: "The harbour flooded.", Start: 1.5, End: 3}}},
	}}
	dir := t.TempDir()
	f := Files{Timings: filepath.Join(dir, "t.json"), Captions: filepath.Join(dir, "c.srt"), Chapters: filepath.Join(dir, "ch.json")}
	if err := WriteFiles(tm, f); err != nil {
		t.Fatal(err)
	}
	var back Timings
	if data, err := os.ReadFile(f.Timings); err != nil || json.Unmarshal(data, &back) != nil || back.Title != "Tides" {
		t.Errorf("timings: %v %+v", err, back)
	}
	if data, _ := os.ReadFile(f.Captions); !strings.HasPrefix(string(data), "1\n00:00:") {
		t.Errorf("captions are not SubRip: %q", data)
	}
	var ch PodcastChapters
	if data, err := os.ReadFile(f.Chapters); err != nil || json.Unmarshal(data, &ch) != nil || len(ch.Chapters) == 0 {
		t.Errorf("chapters: %v %+v", err, ch)
	}
	bad := filepath.Join(dir, "c.txt")
	if err := WriteFiles(tm, Files{Captions: bad}); err == nil {
		t.Error("captions.txt accepted")
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("refused captions written: %v", err)
	}
}
