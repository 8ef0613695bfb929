package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// render without its INPUT says what it expects, with an example, not
// cobra's "accepts 1 arg(s), received 0"; the exit code is a usage error's.
func TestMissingInputSaysWhatIsExpected(t *testing.T) {
	for _, cmd := range []string{"render", "script"} {
		code, _, stderr := narrate(t, "", cmd)
		if code != 2 {
			t.Errorf("%s without INPUT: exit %d, want 2", cmd, code)
		}
		for _, want := range []string{cmd + " needs INPUT", "URL", "- for standard input", "for example: narrate " + cmd + " article.html", "--help"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s without INPUT: %q lacks %q", cmd, stderr, want)
			}
		}
		if strings.Contains(stderr, "arg(s)") {
			t.Errorf("%s without INPUT: still cobra's wording: %q", cmd, stderr)
		}
	}
	code, _, stderr := narrate(t, "", "render", "a.html", "b.html")
	if code != 2 || !strings.Contains(stderr, "got 2") || !strings.Contains(stderr, "narrate batch") {
		t.Errorf("render with two inputs: exit %d, %q", code, stderr)
	}
}

// "narrate version" is "narrate --version".
func TestVersionCommand(t *testing.T) {
	code, flag, stderr := narrate(t, "", "--version")
	if code != 0 {
		t.Fatalf("--version: exit %d: %s", code, stderr)
	}
	code, cmd, stderr := narrate(t, "", "version")
	if code != 0 || cmd != flag || !strings.HasPrefix(cmd, "narrate ") {
		t.Errorf("version: exit %d, %q (stderr %q); --version printed %q", code, cmd, stderr, flag)
	}
}

// An example that goes on over several lines (a trailing backslash) is
// quoted whole in a usage error, not cut at its backslash; and feed names
// the required flags that are missing, with one "narrate:".
func TestUsageErrorsQuoteWholeExamples(t *testing.T) {
	code, _, stderr := narrate(t, "", "feed", "stray", "--out", t.TempDir(), "--base-url", "https://a.example/", "--title", "T")
	if code != 2 || strings.Contains(stderr, `\`) || !strings.Contains(stderr, `--title "The Gazette, read aloud"`) {
		t.Errorf("feed with an argument: exit %d, %s", code, stderr)
	}
	code, _, stderr = narrate(t, "", "feed", "--out", t.TempDir(), "--base-url", "https://a.example/")
	if code != 2 || !strings.HasPrefix(stderr, "narrate: feed: missing --title;") {
		t.Errorf("feed without --title: exit %d, %s", code, stderr)
	}
}

// The input flags are checked alike by every command that reads an
// article, before any is read: script took --lang 123, batch recorded
// every article as failed under --charset nope (exit 3), and --max-input -5
// meant the default everywhere.
func TestInputFlagsAreUsageErrors(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "m.jsonl")
	os.WriteFile(m, []byte(`{"id":"tides","text":"The tide rose over the quay on Tuesday."}`+"\n"), 0o644)
	for _, flag := range [][]string{{"--lang", "123"}, {"--charset", "klingon-8"}, {"--max-input", "-5"}, {"--max-input", "0"}} {
		for _, cmd := range [][]string{
			{"script", sample},
			{"render", sample, "-o", filepath.Join(dir, "x.mp3"), "--voice", "fake:", "--no-cache"},
			{"batch", "--manifest", m, "--out", filepath.Join(dir, "out"), "--voice", "fake:", "--no-cache"},
		} {
			code, _, stderr := narrate(t, "", append(cmd, flag...)...)
			if code != 2 || !strings.Contains(stderr, flag[0]) {
				t.Errorf("%s %s: exit %d, %s", cmd[0], strings.Join(flag, " "), code, stderr)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("batch wrote to its output with a bad input flag")
	}
}

// script --json prints the parsed document, whose blocks are not the spoken
// form: with --spoken or --explain it used to print the same JSON and drop
// the flag without a word.
func TestScriptJSONContradictions(t *testing.T) {
	for _, flag := range []string{"--spoken", "--explain"} {
		code, stdout, stderr := narrate(t, "", "script", sample, "--json", flag)
		if code != 2 || stdout != "" || !strings.Contains(stderr, flag) || !strings.Contains(stderr, "--json") {
			t.Errorf("script --json %s: exit %d, stdout %d bytes, %s", flag, code, len(stdout), stderr)
		}
	}
}
