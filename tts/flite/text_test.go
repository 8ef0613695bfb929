package flite

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPrepare(t *testing.T) {
	for _, tc := range []struct {
		text, input string
		foreign     int
	}{
		{"Café à Montréal, naïve façade.", "Cafe a Montreal, naive facade.", 0},
		{"Cafe\u0301 re\u0301sume\u0301.", "Cafe resume.", 0},
		{"Zürich und Köln: Straße.", "Zurich und Koln: Strasse.", 0},
		{"Привет, мир.", "Privet, mir.", 0},
		{"Γειά σου.", "Geia soy.", 0},
		{"東京は晴れです。", "Japanese text.", 1},
		{"Mayor 李明 spoke.", "Mayor Chinese text spoke.", 1},
		{"“Quoted” — em dash… and ‘single’ quotes.", `"Quoted", em dash... and 'single' quotes.`, 0},
		{"Hello 👋 world 🌍!", "Hello world!", 0},
		{"one - two ... three", "one, two. three", 0},
		{"ﬁnal ２０２６", "final 2026", 0},
		{"  \t\n ", "", 0},
	} {
		p := prepare(tc.text)
		if p.input != tc.input || p.foreign != tc.foreign {
			t.Errorf("prepare(%q) = %q with %d foreign runs; want %q, %d", tc.text, p.input, p.foreign, tc.input, tc.foreign)
		}
		checkPrepared(t, tc.text, p)
	}
}

// checkPrepared checks the invariants marks rely on.
func checkPrepared(t *testing.T, text string, p prepared) {
	t.Helper()
	for i := range len(p.input) {
		if c := p.input[i]; c < ' ' || c >= 0x7f {
			t.Fatalf("prepare(%q): input byte %d is %#x, not printable ASCII", text, i, c)
		}
	}
	prevEnd, prevIn := 0, -1
	for i, c := range p.chunks {
		if c.start < prevEnd || c.end <= c.start || c.end > len(text) || !utf8.RuneStart(text[c.start]) || c.end < len(text) && !utf8.RuneStart(text[c.end]) {
			t.Fatalf("prepare(%q): chunk %d spans bytes %d..%d after %d", text, i, c.start, c.end, prevEnd)
		}
		if c.in <= prevIn || c.inEnd <= c.in || c.inEnd > len(p.input) || strings.TrimSpace(p.input[c.in:c.inEnd]) == "" {
			t.Fatalf("prepare(%q): chunk %d has input %d..%d of %q", text, i, c.in, c.inEnd, p.input)
		}
		for _, w := range c.words {
			if w[0] < c.start || w[1] > c.end || w[1] <= w[0] {
				t.Fatalf("prepare(%q): chunk %d (%d..%d) has word %v outside it", text, i, c.start, c.end, w)
			}
		}
		// A token of this chunk ends inside it (or on the space after it).
		if got := p.chunkAt(c.inEnd + 1); got != i {
			t.Fatalf("prepare(%q): chunkAt(%d) = %d, want %d", text, c.inEnd+1, got, i)
		}
		prevEnd, prevIn = c.end, c.inEnd
	}
}

func FuzzPrepare(f *testing.F) {
	for _, s := range []string{"Café à Montréal.", "東京は晴れです。", "a — b", "— —", "x\u0301\u0301", "Привет", "U.S. 1990s", "\x00\x7f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			t.Skip("the engine refuses invalid UTF-8 before prepare")
		}
		checkPrepared(t, text, prepare(text))
	})
}
