package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestScriptSpokenForm(t *testing.T) {
	in := filepath.Join(t.TempDir(), "story.txt")
	if err := os.WriteFile(in, []byte("Budget vote\n\nThe council voted 9-5 to spend $43 million on St. Paul St. in 2015.\n\nIS claimed it; NATO denied it.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := narrate(t, "", "script", "--spoken", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "The council voted nine to five to spend forty-three million dollars on Saint Paul Street in twenty fifteen."; !strings.Contains(out, want) {
		t.Errorf("script --spoken:\n%s\nwant a line %q", out, want)
	}
	code, out, _ = narrate(t, "", "script", "--spoken", "--normalize", "off", in)
	if code != 0 || !strings.Contains(out, "$43 million") {
		t.Errorf("--normalize off: exit %d, %q", code, out)
	}
	code, out, _ = narrate(t, "", "script", "--explain", in)
	if code != 0 || !strings.Contains(out, `"$43 million" -> "forty-three million dollars" (money)`) ||
		!strings.Contains(out, `block 3: "IS" -> "I.S." (default.rules:22)`) {
		t.Errorf("--explain: exit %d, %q", code, out)
	}
	code, out, _ = narrate(t, "", "script", "--explain", "--no-lexicon", in)
	if code != 0 || strings.Contains(out, `"IS"`) {
		t.Errorf("--explain --no-lexicon: exit %d, %q", code, out)
	}
	rules := filepath.Join(t.TempDir(), "house.rules")
	if err := os.WriteFile(rules, []byte("/(\\d+)-(\\d+)/ = $1 votes to $2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = narrate(t, "", "script", "--spoken", "--spoken-rules", rules, in)
	if code != 0 || !strings.Contains(out, "voted nine votes to five") {
		t.Errorf("--spoken-rules: exit %d, %q", code, out)
	}
	// Rules still apply with the built-in readings off.
	code, out, _ = narrate(t, "", "script", "--spoken", "--normalize", "off", "--spoken-rules", rules, in)
	if code != 0 || !strings.Contains(out, "voted 9 votes to 5 to spend $43 million") || !strings.Contains(out, "I.S. claimed") {
		t.Errorf("--normalize off --spoken-rules: exit %d, %q", code, out)
	}
	// --lexicon is the same format, tried after --spoken-rules.
	lex := filepath.Join(t.TempDir(), "old.lex")
	if err := os.WriteFile(lex, []byte("NATO = @letters\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = narrate(t, "", "script", "--spoken", "--lexicon", lex, in)
	if code != 0 || !strings.Contains(out, "N A T O denied") || !strings.Contains(out, "I.S. claimed") {
		t.Errorf("--lexicon: exit %d, %q", code, out)
	}
	if err := os.WriteFile(rules, []byte("NATO =\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = narrate(t, "", "render", in, "--voice", "fake:", "--spoken-rules", rules, "-o", filepath.Join(t.TempDir(), "x.mp3"))
	if code == 0 || !strings.Contains(stderr, "house.rules:1: empty replacement") {
		t.Errorf("bad rules file: exit %d, %q", code, stderr)
	}
	code, _, stderr = narrate(t, "", "render", in, "--voice", "fake:", "--normalize", "maybe", "-o", filepath.Join(t.TempDir(), "x.mp3"))
	if code != 2 || !strings.Contains(stderr, `normalize "maybe"`) {
		t.Errorf("--normalize maybe: exit %d, %q", code, stderr)
	}
}
