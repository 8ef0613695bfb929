package main

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFeedCommand(t *testing.T) {
	dir := t.TempDir()
	manifest := filepath.Join(dir, "archive.jsonl")
	os.WriteFile(manifest, []byte(`{"id":"a/tides","title":"Tides & <storms>","section":"local","published":"2026-11-02","text":"Tides\n\nThe harbour flooded twice this week.\n\nThe sea wall will be raised."}
{"id":"a/budget","title":"Budget passes","section":"politics","published":"2026-11-03","text":"Budget\n\nThe council passed the budget on Thursday.\n\nIt funds two schools."}
`), 0o644)
	out := filepath.Join(dir, "out")
	code, _, stderr := narrate(t, "", "batch", "--manifest", manifest, "--out", out, "--voice", "fake:", "--no-cache",
		"--rate", "16000", "--bitrate", "32", "--quality", "9", "-q")
	if code != 0 {
		t.Fatalf("batch: exit %d: %s", code, stderr)
	}
	for _, name := range []string{"a/tides.vtt", "a/tides.chapters.json", "a/budget.vtt", "a/budget.chapters.json"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("batch did not write %s", name)
		}
	}

	// To stdout.
	code, stdout, stderr := narrate(t, "", "feed", "--out", out, "--base-url", "https://audio.example.org/", "--title", "Gazette")
	if code != 0 {
		t.Fatalf("feed: exit %d: %s", code, stderr)
	}
	var doc struct {
		Items []struct {
			Title string `xml:"title"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal([]byte(stdout), &doc); err != nil || len(doc.Items) != 2 || doc.Items[1].Title != "Tides & <storms>" {
		t.Fatalf("feed on stdout: %+v %v\n%s", doc, err, stdout)
	}
	if !strings.Contains(stderr, "feed items: 2 (selected 2 of 2 done articles)") || !strings.Contains(stderr, "no --image") {
		t.Errorf("stderr: %s", stderr)
	}

	// To a file, atomically; one section.
	feedPath := filepath.Join(dir, "site", "local.xml")
	os.MkdirAll(filepath.Dir(feedPath), 0o755)
	code, stdout, stderr = narrate(t, "", "feed", "--out", "file://"+out, "--base-url", "https://audio.example.org/", "--title", "Gazette: local",
		"--section", "Local", "--image", "https://example.org/cover.jpg", "-o", feedPath)
	if code != 0 || stdout != "" {
		t.Fatalf("feed -o: exit %d, stdout %q: %s", code, stdout, stderr)
	}
	data, err := os.ReadFile(feedPath)
	if err != nil || strings.Count(string(data), "<item>") != 1 || !strings.Contains(string(data), "<guid isPermaLink=\"false\">a/tides</guid>") {
		t.Fatalf("feed file: %v\n%s", err, data)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "site", ".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}

	// Usage errors: exit 2, one line naming the problem.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"feed", "--out", out, "--title", "T"}, "--base-url"},
		{[]string{"feed", "--base-url", "https://x.org/", "--title", "T"}, "--out"},
		{[]string{"feed", "--out", out, "--base-url", "https://x.org/"}, "--title"},
		{[]string{"feed", "--out", out, "--base-url", "x.org/audio", "--title", "T"}, "base URL"},
		{[]string{"feed", "--out", out, "--base-url", "https://x.org/", "--title", "T", "--category", "Gossip"}, "category"},
		{[]string{"feed", "--out", out, "--base-url", "https://x.org/", "--title", "T", "--limit", "-3"}, "limit"},
		{[]string{"feed", "--out", out, "--base-url", "https://x.org/", "--title", "T", "--language", "not a tag"}, "language"},
		{[]string{"feed", "--out", out, "--base-url", "https://x.org/", "--title", "T", "--limit", "many"}, "--limit"},
	} {
		code, stdout, stderr := narrate(t, "", tc.args...)
		if code != 2 || stdout != "" || !strings.Contains(stderr, tc.want) || strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line about %s", tc.args, code, stderr, tc.want)
		}
	}

	// No archive there: an error, and no directory made.
	missing := filepath.Join(dir, "nope")
	code, _, stderr = narrate(t, "", "feed", "--out", missing, "--base-url", "https://x.org/", "--title", "T")
	if code != 1 || !strings.Contains(stderr, "no such directory") {
		t.Errorf("missing archive: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("feed created the archive directory")
	}
	// Nothing selected: an error, no file.
	empty := filepath.Join(dir, "empty.xml")
	code, _, stderr = narrate(t, "", "feed", "--out", out, "--base-url", "https://x.org/", "--title", "T", "--author", "Nobody", "-o", empty)
	if code != 1 || !strings.Contains(stderr, "no done article") {
		t.Errorf("empty selection: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(empty); err == nil {
		t.Error("an empty feed was written")
	}
}
