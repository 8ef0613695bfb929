package espeak_test

import (
	"context"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts/espeak"
)

func TestPhonemize(t *testing.T) {
	text := "Hello, world. It is 3.5 degrees! Okay… Café à Montréal?"
	cs, err := espeak.Phonemize(context.Background(), "en-us", text)
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		text  string
		ipa   string // a part of the phonemes
		punct rune
	}
	wants := []want{
		{"Hello,", "həlˈoʊ", ','},
		{"world.", "wˈɜːld", '.'},
		{"It is 3.5 degrees!", "θɹˈiː pɔɪnt fˈaɪv", '!'},
		{"Okay…", "kˈeɪ", '.'},
		{"Café à Montréal?", "kæfˈeɪ", '?'},
	}
	if len(cs) != len(wants) {
		for _, c := range cs {
			t.Logf("%q %q", text[c.Start:c.End], c.Phonemes)
		}
		t.Fatalf("%d clauses, want %d", len(cs), len(wants))
	}
	for i, w := range wants {
		c := cs[i]
		if got := text[c.Start:c.End]; got != w.text || !strings.Contains(c.Phonemes, w.ipa) || c.Punct != w.punct {
			t.Errorf("clause %d: %q %q %q, want %q containing %q, %q", i, got, c.Phonemes, c.Punct, w.text, w.ipa, w.punct)
		}
	}
	if !cs[1].EndsSentence() || cs[0].EndsSentence() {
		t.Error("EndsSentence wrong for a comma or full stop")
	}
}

func TestPhonemizeBadInput(t *testing.T) {
	ctx := context.Background()
	for _, text := range []string{"a\x00b", "\xff"} {
		if _, err := espeak.Phonemize(ctx, "", text); err == nil {
			t.Errorf("%q accepted", text)
		}
	}
	if _, err := espeak.Phonemize(ctx, "xx-nowhere", "Hello."); err == nil {
		t.Error("unknown voice accepted")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := espeak.Phonemize(cctx, "", "Hello."); err == nil {
		t.Error("cancelled context accepted")
	}
}
