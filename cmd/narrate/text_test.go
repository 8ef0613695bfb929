package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A text without a headline line is an article without a title: one
// paragraph from stdin, or two sentences in a file, are read, not refused.
func TestRenderTextWithoutHeadline(t *testing.T) {
	dir := t.TempDir()
	hello := "Hello world, this is a quick test of the narrate tool.\n"
	out := filepath.Join(dir, "hello.mp3")
	code, _, stderr := narrate(t, hello, "render", "-", "-o", out, "--voice", "fake:", "--no-cache", "-q")
	if code != 0 {
		t.Fatalf("one paragraph on stdin: exit %d: %s", code, stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() < 1000 {
		t.Errorf("no narration written: %v", err)
	}
	two := filepath.Join(dir, "two.txt")
	os.WriteFile(two, []byte("The ferry left at noon. It came back an hour late because of the fog.\n"), 0o644)
	code, script, stderr := narrate(t, "", "script", two)
	if code != 0 || strings.TrimSpace(script) != "The ferry left at noon. It came back an hour late because of the fog." {
		t.Errorf("two sentences: exit %d, script %q (%s)", code, script, stderr)
	}
}

// script --explain names the rule behind every piece of text that is not
// spoken where it stood, as well as every spoken-form change.
func TestExplainListsRemovals(t *testing.T) {
	in := filepath.Join(t.TempDir(), "scraped.txt")
	text := "Tue. Mar 5th, 2024\n\nHarbour town keeps its ferry\n\nShare\n\n" +
		"Residents voted on Saturday to keep the ferry, by 1,412 votes to 388.\n\nBy admin\n"
	if err := os.WriteFile(in, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := narrate(t, "", "script", "--explain", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		`removed: "Tue. Mar 5th, 2024" (date-header, kept as the published date)`,
		`removed: "Share" (ui-strings)`,
		`removed: "By admin" (by-line)`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("--explain:\n%s\nwant a line %q", out, want)
		}
	}
}

// --title and --byline give what a CMS gives apart from the text: the
// title is read first and the byline after it; the text's first line is
// body unless it repeats the title.
func TestTitleAndBylineFlags(t *testing.T) {
	in := filepath.Join(t.TempDir(), "story.txt")
	if err := os.WriteFile(in, []byte("Harbour town keeps its ferry\n\nResidents voted on Saturday to keep the ferry.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--title", "Harbour town keeps its ferry", "--byline", "Ana Ruiz"},
			"Harbour town keeps its ferry\n\nBy Ana Ruiz\n\nResidents voted on Saturday to keep the ferry."},
		{[]string{"--title", "A ferry for the harbour"},
			"A ferry for the harbour\n\nHarbour town keeps its ferry\n\nResidents voted on Saturday to keep the ferry."},
	} {
		code, out, stderr := narrate(t, "", append([]string{"script", in}, c.args...)...)
		if code != 0 || strings.TrimSpace(out) != c.want {
			t.Errorf("script %v: exit %d, script\n%s\nwant\n%s\n(%s)", c.args, code, out, c.want, stderr)
		}
	}
}
