package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The newsletter of the issue, written in Markdown.
const storyMarkdown = `---
title: Council closes old bridge
author: Anna Roth
date: 2026-05-03
---
# Council closes old bridge

The council voted on Tuesday to close the old bridge over the river for good,
after engineers found cracks in two of its piers.

Key points:
- The bridge closes on 1 June.
- Buses go via the north bridge.

> "We had no choice," said engineer Tom Berg.

` + "```" + `
closure_date = 2026-06-01
` + "```" + `
`

// `narrate render story.md` reads the Markdown as its page reads: the
// front matter's title and author, the paragraphs, the list's items and
// the quote, with no "#", "-" or ">" sent to the engine, into story.mp3
// next to it.
func TestRenderMarkdown(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "story.md")
	if err := os.WriteFile(in, []byte(storyMarkdown), 0o644); err != nil {
		t.Fatal(err)
	}
	timings := filepath.Join(dir, "story.json")
	code, _, stderr := narrate(t, "", "render", in, "--voice", "fake:", "--no-cache", "-q", "--timings", timings)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Stat(filepath.Join(dir, "story.mp3")); err != nil || fi.Size() < 1000 {
		t.Fatalf("story.mp3 not written next to story.md: %v", err)
	}
	if data, _ := os.ReadFile(in); string(data) != storyMarkdown {
		t.Error("the input was changed")
	}
	data, err := os.ReadFile(timings)
	if err != nil {
		t.Fatal(err)
	}
	var tm struct {
		Title  string `json:"title"`
		Blocks []struct {
			Kind, Text, Spoken string
		} `json:"blocks"`
	}
	if err := json.Unmarshal(data, &tm); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range tm.Blocks {
		got = append(got, b.Kind+": "+b.Text)
		if strings.ContainsAny(b.Spoken, "#>`") || strings.HasPrefix(b.Spoken, "- ") {
			t.Errorf("markup sent to the engine: %q", b.Spoken)
		}
	}
	want := []string{
		"title: Council closes old bridge",
		"byline: Anna Roth",
		"paragraph: The council voted on Tuesday to close the old bridge over the river for good, after engineers found cracks in two of its piers.",
		"paragraph: Key points:",
		"item: The bridge closes on 1 June.",
		"item: Buses go via the north bridge.",
		`quote: "We had no choice," said engineer Tom Berg.`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rendered blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// script --explain lists what of a Markdown file is not read, with the
// rule, and --input-format says how stdin is read.
func TestScriptMarkdown(t *testing.T) {
	in := filepath.Join(t.TempDir(), "story.md")
	if err := os.WriteFile(in, []byte(storyMarkdown), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := narrate(t, "", "script", "--explain", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		`removed: "title: Council closes old bridge" (markdown:front-matter, read as the title)`,
		`removed: "date: 2026-05-03" (markdown:front-matter, kept as the published date)`,
		`removed: "closure_date = 2026-06-01" (markdown:code)`,
		"rule markdown:code: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("--explain:\n%s\nwant a line %q", out, want)
		}
	}
	const typed = "Ferry saved\n\n**Residents** voted to keep the [ferry](https://example.com).\n"
	for _, c := range []struct {
		format, want string
	}{
		{"markdown", "Ferry saved\n\nResidents voted to keep the ferry."},
		{"text", "Ferry saved\n\n**Residents** voted to keep the [ferry](https://example.com)."},
	} {
		code, out, stderr := narrate(t, typed, "script", "--input-format", c.format, "-")
		if code != 0 || strings.TrimSpace(out) != c.want {
			t.Errorf("--input-format %s: exit %d, script\n%s\nwant\n%s\n(%s)", c.format, code, out, c.want, stderr)
		}
	}
	for _, cmd := range []string{"script", "render"} {
		code, _, stderr := narrate(t, typed, cmd, "--input-format", "rtf", "-")
		if code != 2 || !strings.Contains(stderr, `--input-format "rtf": want html, text or markdown`) {
			t.Errorf("%s --input-format rtf: exit %d, stderr %q; want 2 and the flag named", cmd, code, stderr)
		}
	}
}
