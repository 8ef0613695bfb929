package article

import (
	"strings"
	"testing"
)

func TestApplyMapped(t *testing.T) {
	lx, err := ParseLexicon(strings.NewReader("NATO = nay toe\n/\\b(\\d+) ?km\\b/ = $1 kilometres\n"), "t.lex")
	if err != nil {
		t.Fatal(err)
	}
	in := "NATO ran 5 km with NATO."
	out, m := lx.ApplyMapped(in, "en")
	if want := lx.Apply(in, "en"); out != want {
		t.Fatalf("ApplyMapped %q, Apply %q", out, want)
	}
	for _, w := range []struct{ said, orig string }{{"toe", "NATO"}, {"kilometres", "5 km"}, {"ran", "ran"}, {"with", "with"}} {
		i := strings.Index(out, w.said)
		lo, hi := m.Origin(i, i+len(w.said))
		if in[lo:hi] != w.orig {
			t.Errorf("%q maps to %q, want %q", w.said, in[lo:hi], w.orig)
		}
	}
}

// FuzzApplyMapped: the mapped lexicon says exactly what Apply says, and
// its map covers both texts in order.
func FuzzApplyMapped(f *testing.F) {
	f.Add("IS = I.S.\n/(\\d+) ?km/ = $1 kilometres\n/x*/ = y\n", "IS ran 5 km, THIS IS IT", "en")
	f.Add("[fr] EI = E.I.\n/\\bA\\b/ = a\n", "EI A B", "fr-CA")
	f.Add("/\\b/ = |\n/a?/ = b\n", "ab cd", "en")
	f.Fuzz(func(t *testing.T, src, text, lang string) {
		lx, err := ParseLexicon(strings.NewReader(src), "f.lex")
		if err != nil {
			return
		}
		out, m := lx.ApplyMapped(text, lang)
		if want := lx.Apply(text, lang); out != want {
			t.Fatalf("ApplyMapped %q, Apply %q", out, want)
		}
		o, i := 0, 0
		for _, s := range m {
			if s.OutStart != o || s.InStart != i || s.OutEnd < s.OutStart || s.InEnd < s.InStart {
				t.Fatalf("span %+v does not continue at %d/%d", s, o, i)
			}
			if s.Rule == "" && out[s.OutStart:s.OutEnd] != text[s.InStart:s.InEnd] {
				t.Fatalf("copy span %+v differs", s)
			}
			o, i = s.OutEnd, s.InEnd
		}
		if o != len(out) || i != len(text) {
			t.Fatalf("map ends at %d/%d of %d/%d", o, i, len(out), len(text))
		}
	})
}
