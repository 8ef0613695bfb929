package article

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitLimit(t *testing.T) {
	tests := []struct {
		name string
		text string
		max  int
		want []string
	}{
		{"fits", "One. Two.", 100, []string{"One. Two."}},
		{"no limit", "One. Two.", 0, []string{"One. Two."}},
		{"sentences packed", "One two. Three four. Five six.", 21, []string{"One two. Three four. ", "Five six."}},
		{"clause", "A long clause here, another clause there; and more.", 22, []string{"A long clause here, ", "another clause there; ", "and more."}},
		{"spaces", "alpha beta gamma delta", 12, []string{"alpha beta ", "gamma delta"}},
		{"runes", "ééééé", 4, []string{"éé", "éé", "é"}},
		{"rune larger than limit", "日本", 2, []string{"日", "本"}},
	}
	for _, tt := range tests {
		got := SplitLimit(tt.text, tt.max, "en")
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSplitLimitFuncEscaped(t *testing.T) {
	escaped := func(s string) int { return len(s) + 4*strings.Count(s, "&") }
	for _, p := range SplitLimitFunc("R&D & M&A. Q&A & more & more.", 16, "en", escaped) {
		if escaped(p) > 16 {
			t.Errorf("piece %q is %d escaped bytes", p, escaped(p))
		}
	}
}

func TestSplitHalf(t *testing.T) {
	tests := []struct{ text, want string }{
		{"First sentence here. Second sentence here.", "First sentence here. |Second sentence here."},
		{"one long clause goes here, and another one goes there", "one long clause goes here, |and another one goes there"},
		{"no punctuation at all in this text", "no punctuation at |all in this text"},
		{"abcdef", "abc|def"},
		{"x", "x"},
	}
	for _, tt := range tests {
		if got := strings.Join(SplitHalf(tt.text, "en"), "|"); got != tt.want {
			t.Errorf("SplitHalf(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func FuzzSplitLimit(f *testing.F) {
	f.Add("Mr. Smith went. He said: yes, no; maybe – later.", 10)
	f.Add("ééééé 日本語 text", 3)
	f.Add("\xff\xfe\xfd broken", 2)
	f.Add(strings.Repeat("word ", 300), 100)
	f.Fuzz(func(t *testing.T, text string, max int) {
		max %= 5000
		pieces := SplitLimit(text, max, "en")
		if strings.Join(pieces, "") != text {
			t.Fatalf("pieces %q do not rebuild %q", pieces, text)
		}
		for _, p := range pieces {
			if p == "" {
				t.Fatal("empty piece")
			}
			if max > 0 && len(p) > max && utf8.RuneCountInString(p) > 1 {
				t.Fatalf("piece %q over %d bytes", p, max)
			}
			if utf8.ValidString(text) && !utf8.ValidString(p) {
				t.Fatalf("piece %q cuts a rune", p)
			}
		}
		if halves := SplitHalf(text, "en"); strings.Join(halves, "") != text {
			t.Fatalf("halves %q do not rebuild %q", halves, text)
		}
	})
}

func ExampleSplitLimit() {
	text := "The ferry was saved. The council will meet in April, when it decides who pays for the survey."
	for _, p := range SplitLimit(text, 50, "en") {
		fmt.Printf("%q\n", p)
	}
	// Output:
	// "The ferry was saved. "
	// "The council will meet in April, "
	// "when it decides who pays for the survey."
}
