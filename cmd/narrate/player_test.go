package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/web"
)

func TestRenderPlayer(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "story.mp3")
	code, _, stderr := narrate(t, "", "render", sample, "-o", out, "--voice", "fake:", "--no-cache", "-q", "--player")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"player.js", "story.chapters.json", "story.html", "story.json", "story.mp3", "story.narration.json"}
	if !slices.Equal(names, want) {
		t.Fatalf("files %v, want %v", names, want)
	}
	var n web.Narration
	readJSON(t, filepath.Join(dir, "story.narration.json"), &n)
	var tm pipeline.Timings
	readJSON(t, filepath.Join(dir, "story.json"), &tm)
	if n.Links.Audio != "story.mp3" || n.Links.Timings != "story.json" || n.Duration != tm.Duration || len(tm.Blocks) == 0 {
		t.Errorf("narration %+v for timings of %.2f s", n, tm.Duration)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "story.html"))
	if !strings.Contains(string(page), tm.Title) || !strings.Contains(string(page), `data-narrate-block="2"`) {
		t.Errorf("listen page lacks the title or the blocks:\n%.500s", page)
	}
}

// A listen page named like an HTML input would replace it: refused before
// anything is rendered.
func TestRenderPlayerKeepsInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "story.html")
	const article = "<html><body><article><h1>A title</h1><p>One paragraph of text to speak.</p></article></body></html>"
	if err := os.WriteFile(in, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := narrate(t, "", "render", in, "--voice", "fake:", "--no-cache", "-q", "--player")
	if code != 2 || !strings.Contains(stderr, "over the input") {
		t.Errorf("exit %d, stderr %q; want a usage error naming the clash", code, stderr)
	}
	if data, _ := os.ReadFile(in); string(data) != article {
		t.Error("the input was changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "story.mp3")); err == nil {
		t.Error("rendered despite the clash")
	}
}
