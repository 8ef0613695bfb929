package article

import (
	"fmt"
	"strings"
	"testing"
)

func TestParseLexiconErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"IS", "test.lex:1: want WORD = replacement"},
		{"# c\n = x", "test.lex:2: empty word before ="},
		{"IS =", "test.lex:1: empty replacement"},
		{"/(/ = x", "test.lex:1: bad regexp"},
		{"/a* = x", "test.lex:1: regexp has no closing /"},
		{"/a*/ = x", "matches empty text"},
		{"[fr IS = x", "language tag has no closing ]"},
		{"[!!] IS = x", "bad language tag"},
		{"/a/ x", "want /regexp/ = replacement"},
	}
	for _, tt := range tests {
		_, err := ParseLexicon(strings.NewReader(tt.src), "test.lex")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseLexicon(%q) error %v, want %q", tt.src, err, tt.want)
		}
	}
}

func TestLexiconApply(t *testing.T) {
	lx, err := ParseLexicon(strings.NewReader(`
# test lexicon
IS = I.S.
[fr] EI = E.I.
/\b(\d+) ?km\b/ = $1 kilometres
Dr. No = Doctor No
`), "t.lex")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ text, lang, want string }{
		{"claimed by IS (IS) since", "en", "claimed by I.S. (I.S.) since"},
		{"IS-K is not IS", "en", "IS-K is not I.S."},
		{"This is ISIS", "en", "This is ISIS"},
		{"THIS IS IT", "en", "THIS IS IT"},
		{"l'EI a revendiqué", "fr", "l'E.I. a revendiqué"},
		{"EI in English", "en", "EI in English"},
		{"EI au Canada", "fr-CA", "E.I. au Canada"},
		{"a 5 km walk", "", "a 5 kilometres walk"},
		{"Dr. No returns", "en", "Doctor No returns"},
	}
	for _, tt := range tests {
		if got := lx.Apply(tt.text, tt.lang); got != tt.want {
			t.Errorf("Apply(%q, %q) = %q, want %q", tt.text, tt.lang, got, tt.want)
		}
	}
}

func TestDefaultLexicon(t *testing.T) {
	lx := DefaultLexicon()
	if lx.Len() == 0 {
		t.Fatal("empty default lexicon")
	}
	in := "claimed by the armed group Islamic State (IS). IS-K is a branch of IS, said the FSB; ISIS and NATO too."
	want := "claimed by the armed group Islamic State (I.S.). I.S.K. is a branch of I.S., said the FSB; ISIS and NATO too."
	if got := lx.Apply(in, "en-US"); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := lx.Apply("l'EI et l'EI-K", "fr"); got != "l'E.I. et l'E.I.K." {
		t.Errorf("fr: %q", got)
	}
}

func FuzzParseLexicon(f *testing.F) {
	f.Add("IS = I.S.\n[fr] EI = E.I.\n/a+b/ = c\n# x")
	f.Add("[en-us] /\\/x\\// = y")
	f.Add("= \n[")
	f.Fuzz(func(t *testing.T, src string) {
		lx, err := ParseLexicon(strings.NewReader(src), "fuzz.lex")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.lex:") {
				t.Fatalf("error without location: %v", err)
			}
			return
		}
		_ = lx.Apply("IS and EI and "+src, "fr")
		_ = lx.Apply(src, "en")
	})
}

func ExampleLexicon_Apply() {
	lx, err := ParseLexicon(strings.NewReader("IS = I.S.\n[fr] EI = E.I.\n"), "my.lex")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(lx.Apply("The group IS, also called IS-K's parent, is active.", "en"))
	fmt.Println(lx.Apply("Le groupe EI a revendiqué.", "fr"))
	// Output:
	// The group I.S., also called IS-K's parent, is active.
	// Le groupe E.I. a revendiqué.
}
