package spoken

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestRules(t *testing.T) {
	rs, err := ParseRules(strings.NewReader(`
# a newsroom's rules
NATO = @letters
MIX = @word
[en] Gov. = Governor of
/(\d+)-(\d+) vote/ = $1 to $2 tally
[fr] OTAN = @letters
Sens = Senators
`), "house.rules")
	if err != nil {
		t.Fatal(err)
	}
	if rs.Len() != 6 {
		t.Fatalf("%d rules, want 6", rs.Len())
	}
	for _, c := range []struct{ lang, in, want string }{
		{"en", "NATO met", "N A T O met"},
		{"en", "the MIX festival in 2015", "the MIX festival in twenty fifteen"},
		{"en", "Gov. Smith", "Governor of Smith"},
		{"en", "a 9-5 vote", "a nine to five tally"},
		{"en", "OTAN", "OTAN"},
		{"fr", "OTAN", "O T A N"},
		{"en", "Sensible Sens", "Sensible Senators"},
		{"en", "NATOs", "NATOs"},
	} {
		in := c.in
		r := New(c.lang, Config{Rules: rs}).Normalize(in)
		checkMap(t, in, r)
		if r.Text != c.want {
			t.Errorf("%s %q: got %q, want %q", c.lang, c.in, r.Text, c.want)
		}
	}
}

func TestParseRulesErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"NATO", "r.rules:1: want WORD = replacement"},
		{"# c\n = x", "r.rules:2: empty word before ="},
		{"NATO =", "r.rules:1: empty replacement"},
		{"/(/ = x", "r.rules:1: bad regexp"},
		{"/a* = x", "r.rules:1: regexp has no closing /"},
		{"/a*/ = x", "matches empty text"},
		{"[fr NATO = x", "language tag has no closing ]"},
		{"[!!] NATO = x", "bad language tag"},
		{"/a/ x", "want /regexp/ = replacement"},
		{"NATO = @spell", `unknown directive "@spell"`},
		{"A = \xff", "invalid UTF-8"},
	} {
		_, err := ParseRules(strings.NewReader(c.src), "r.rules")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseRules(%q) error %v, want %q", c.src, err, c.want)
		}
	}
}

// FuzzParseRules: any file gives rules or a one-line error naming the
// file, never a panic, and the rules it gives can run.
func FuzzParseRules(f *testing.F) {
	f.Add("NATO = @letters\n[fr] /(\\d+) ?km/ = $1 kilomètres\nMIX = @word\n")
	f.Add("[en] Gov. = Governor\n# c\n")
	f.Add("/a/ = ")
	f.Fuzz(func(t *testing.T, src string) {
		rs, err := ParseRules(strings.NewReader(src), "f.rules")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.rules:") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q does not name the file on one line", err)
			}
			return
		}
		in := "NATO said $5 on Nov. 3, 2015 in km 12."
		checkMap(t, in, New("en", Config{Rules: rs}).Normalize(in))
	})
}

func ExampleParseRules() {
	rs, err := ParseRules(strings.NewReader("NATO = @letters\n[en] Gov. = Governor\n"), "house.rules")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(New("en", Config{Rules: rs}).Normalize("Gov. Lee met NATO chiefs.").Text)
	// Output: Governor Lee met N A T O chiefs.
}

// The example rules file in the repository parses and does what it says.
func TestExampleRulesFile(t *testing.T) {
	fh, err := os.Open("../../testdata/house.rules")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	rs, err := ParseRules(fh, "house.rules")
	if err != nil {
		t.Fatal(err)
	}
	got := New("en", Config{Rules: rs}).Normalize("Supt. Ray saw NATO lose a 9-5 vote at MIX.").Text
	if want := "Superintendent Ray saw N A T O lose a nine to five vote at MIX."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// The lexicon's cases, from when pronunciations had a parser of their own:
// whole tokens, case-sensitive, per language, after an elided article,
// never inside a run of capitals or a hyphenated word.
func TestRulesAsLexicon(t *testing.T) {
	rs, err := ParseRules(strings.NewReader(`
# test lexicon
IS = I.S.
[fr] EI = E.I.
[fr_CA] EE = E.E.
/\b(\d+) ?km\b/ = $1 kilometres
Dr. No = Doctor No
`), "t.rules")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, lang, want string }{
		{"claimed by IS (IS) since", "en", "claimed by I.S. (I.S.) since"},
		{"IS-K is not IS", "en", "IS-K is not I.S."},
		{"This is ISIS", "en", "This is ISIS"},
		{"THIS IS IT", "en", "THIS IS IT"},
		{"IS's fighters", "en", "I.S.'s fighters"},
		{"l'EI a revendiqué", "fr", "l'E.I. a revendiqué"},
		{"EI in English", "en", "EI in English"},
		{"EI au Canada", "fr-CA", "E.I. au Canada"},
		{"EE au Canada", "fr_CA", "E.E. au Canada"},
		{"EE en France", "fr", "EE en France"},
		{"a 5 km walk", "xx", "a 5 kilometres walk"},
		{"a 5 km walk", "en", "a five kilometres walk"},
		{"Dr. No returns", "en", "Doctor No returns"},
	} {
		r := New(c.lang, Config{Rules: rs}).Normalize(c.text)
		checkMap(t, c.text, r)
		if r.Text != c.want {
			t.Errorf("%s %q: got %q, want %q", c.lang, c.text, r.Text, c.want)
		}
	}
}

func TestDefaultRules(t *testing.T) {
	rs := DefaultRules()
	if rs.Len() == 0 {
		t.Fatal("no built-in rules")
	}
	in := "claimed by the armed group Islamic State (IS). IS-K is a branch of IS, said the FSB; ISIS and NATO too."
	want := "claimed by the armed group Islamic State (I.S.). I.S.K. is a branch of I.S., said the FSB; ISIS and NATO too."
	if got := New("en-US", Config{Rules: rs}).Normalize(in).Text; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := New("fr", Config{Rules: rs}).Normalize("l'EI et l'EI-K").Text; got != "l'E.I. et l'E.I.K." {
		t.Errorf("fr: %q", got)
	}
	// A newsroom's rules come first and win.
	house, _ := ParseRules(strings.NewReader("IS = Islamic State\n"), "house.rules")
	if got := New("en", Config{Rules: house.Merge(rs)}).Normalize("IS and IS-K").Text; got != "Islamic State and I.S.K." {
		t.Errorf("merged: %q", got)
	}
}

// With the built-in readings off, rules still apply and nothing else does.
func TestRulesWithoutReadings(t *testing.T) {
	rs, _ := ParseRules(strings.NewReader("NATO = @letters\n/(\\d+)-(\\d+) vote/ = $1 to $2 vote\n"), "r")
	in := "NATO lost a 9-5 vote on Nov. 3 and $5."
	r := New("en", Config{Rules: rs, NoReadings: true}).Normalize(in)
	checkMap(t, in, r)
	if want := "N A T O lost a 9 to 5 vote on Nov. 3 and $5."; r.Text != want {
		t.Errorf("got %q, want %q", r.Text, want)
	}
}

// Explanations name the file and line of the rule that made each change.
func TestRuleChangesNameTheRule(t *testing.T) {
	rs, _ := ParseRules(strings.NewReader("# house\nNATO = @letters\n"), "house.rules")
	in := "NATO paid $5."
	got := fmt.Sprint(New("en", Config{Rules: rs.Merge(DefaultRules())}).Normalize(in).Changes(in))
	if want := "[{NATO N A T O house.rules:2} {$5 five dollars money}]"; got != want {
		t.Errorf("changes %s, want %s", got, want)
	}
}

// Regression cases for what made the lexicon's mapped apply slow or wrong
// (issue 25 item 9). Each used to take time out of proportion to its
// length, or to break the map; each must now be linear and keep the map.
var rulesRegressions = []struct{ name, src, text string }{
	// Every rule rewrote the whole output of the one before: 16 rules
	// made 131 KB of one byte, 30 would have made a gigabyte.
	{"chained doubling", strings.Repeat("a = a a\n", 30), "a"},
	{"chained regexp doubling", strings.Repeat("/a/ = $0$0\n", 30), "a a"},
	// Two regexps on each other's output broke the map (FuzzApplyMapped).
	{"regexp on regexp", "/0/=00\n/0/=0", "0"},
	// The check for a run of capitals read the whole text before each
	// acronym: 60 KB took 33 s, 180 KB 8 min 40 s.
	{"capitals", "IS = I.S.\n", strings.Repeat("IS ", 1000)},
	{"empty match at boundaries", "/\\b/ = |\n/\\bx/ = y\n", "ab cd x"},
}

func TestRulesRegressions(t *testing.T) {
	for _, c := range rulesRegressions {
		rs, err := ParseRules(strings.NewReader(c.src), "r")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		r := New("en", Config{Rules: rs}).Normalize(c.text)
		checkMap(t, c.text, r)
		if len(r.Text) > maxTokenOut*len(c.text) {
			t.Errorf("%s: %d bytes out of %d", c.name, len(r.Text), len(c.text))
		}
	}
}

// A long text of capitals with an acronym rule, the input that was
// quadratic, normalizes in time proportional to its length: 256 KB took
// about ten minutes before; the budget leaves a hundred times what a
// linear pass needs on a slow shared machine.
func TestRulesLinearOnCapitals(t *testing.T) {
	if testing.Short() {
		t.Skip("256 KB normalization; skipped with -short")
	}
	rs, _ := ParseRules(strings.NewReader("IS = I.S.\nNATO = @letters\n"), "r")
	n := New("en", Config{Rules: rs.Merge(DefaultRules())})
	text := strings.Repeat("IS NATO SAYS IS ", 1<<14)
	start := time.Now()
	r := n.Normalize(text)
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("%d bytes took %v", len(text), d)
	}
	if r.Text != text {
		t.Errorf("a run of capitals was changed")
	}
}

// FuzzRules: any rules file and text give a result whose map covers both
// texts, in time and size proportional to the text (it replaces
// FuzzApplyMapped, the lexicon's mapped apply, now part of the one path).
func FuzzRules(f *testing.F) {
	for _, c := range rulesRegressions {
		f.Add(c.src, c.text, "en")
	}
	f.Add("IS = I.S.\n/(\\d+) ?km/ = $1 kilometres\n/x*/ = y\n", "IS ran 5 km, THIS IS IT", "en")
	f.Add("[fr] EI = E.I.\n/\\bA\\b/ = a\n", "l'EI A B", "fr-CA")
	f.Add("NATO = @letters\nMIX = @word\n", "NATO at MIX on 3 May", "en_GB")
	f.Fuzz(func(t *testing.T, src, text, lang string) {
		rs, err := ParseRules(strings.NewReader(src), "f.rules")
		if err != nil {
			return
		}
		for _, c := range []Config{{Rules: rs}, {Rules: rs, NoReadings: true}} {
			r := New(lang, c).Normalize(text)
			checkMap(t, text, r)
			if utf8.ValidString(text) && !utf8.ValidString(r.Text) {
				t.Fatalf("invalid UTF-8 out of %q: %q", text, r.Text)
			}
			if len(r.Text) > maxTokenOut*len(text) {
				t.Fatalf("%d bytes out of %d", len(r.Text), len(text))
			}
		}
	})
}
