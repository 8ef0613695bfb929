package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
