package spoken

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkMap verifies the invariants every result keeps: the spans cover the
// output and the input in order with no gap or overlap, copies are byte
// for byte, and offsets are in range.
func checkMap(t *testing.T, in string, r Result) {
	t.Helper()
	out, in0, out0 := r.Text, 0, 0
	for k, s := range r.Map {
		if s.OutStart != out0 || s.InStart != in0 || s.OutEnd < s.OutStart || s.InEnd < s.InStart {
			t.Fatalf("span %d %+v does not continue at out %d in %d (input %q)", k, s, out0, in0, in)
		}
		if s.OutEnd > len(out) || s.InEnd > len(in) {
			t.Fatalf("span %d %+v out of range (out %d, in %d bytes)", k, s, len(out), len(in))
		}
		if s.Rule == "" && out[s.OutStart:s.OutEnd] != in[s.InStart:s.InEnd] {
			t.Fatalf("copy span %d %+v: %q != %q", k, s, out[s.OutStart:s.OutEnd], in[s.InStart:s.InEnd])
		}
		out0, in0 = s.OutEnd, s.InEnd
	}
	if out0 != len(out) || in0 != len(in) {
		t.Fatalf("spans end at out %d in %d, texts are %d and %d bytes (input %q)", out0, in0, len(out), len(in), in)
	}
}

func TestMapOrigin(t *testing.T) {
	in := "They raised $43 million in 2015."
	r := Normalize(in, "en")
	checkMap(t, in, r)
	for _, w := range []struct{ spoken, orig string }{
		{"forty-three", "$43 million"}, {"dollars", "$43 million"}, {"raised", "raised"},
		{"twenty", "2015"}, {"fifteen", "2015"}, {"They", "They"}, {"in", "in"},
	} {
		i := strings.Index(r.Text, w.spoken+" ")
		if i < 0 {
			i = strings.Index(r.Text, w.spoken)
		}
		lo, hi := r.Map.Origin(i, i+len(w.spoken))
		if got := in[lo:hi]; got != w.orig {
			t.Errorf("%q maps to %q, want %q", w.spoken, got, w.orig)
		}
	}
	// A range over several tokens maps to their union.
	lo, hi := r.Map.Origin(0, len(r.Text))
	if lo != 0 || hi != len(in) {
		t.Errorf("whole text maps to [%d,%d), want [0,%d)", lo, hi, len(in))
	}
	if lo, hi := r.Map.Origin(5, 5); lo != hi {
		t.Errorf("empty range maps to [%d,%d)", lo, hi)
	}
}

func TestCompose(t *testing.T) {
	in := "Dr. Lee paid $5 for NATO gear."
	r := Normalize(in, "en")
	// A second stage that rewrites "NATO" as "nay toe" and copies the rest.
	k := strings.Index(r.Text, "NATO")
	second := r.Text[:k] + "nay toe" + r.Text[k+4:]
	m2 := Map{{0, k, 0, k, ""}, {k, k + 7, k, k + 4, "lexicon"}, {k + 7, len(second), k + 4, len(r.Text), ""}}
	m := Compose(m2, r.Map)
	checkMap(t, in, Result{Text: second, Map: m})
	for _, w := range []struct{ spoken, orig string }{{"nay", "NATO"}, {"toe", "NATO"}, {"Doctor", "Dr."}, {"five", "$5"}, {"gear", "gear"}, {"Lee", "Lee"}} {
		i := strings.Index(second, w.spoken)
		lo, hi := m.Origin(i, i+len(w.spoken))
		if got := in[lo:hi]; got != w.orig {
			t.Errorf("%q maps to %q, want %q", w.spoken, got, w.orig)
		}
	}
}

func TestChanges(t *testing.T) {
	in := "St. Paul St. won 3-2."
	got := fmt.Sprint(Normalize(in, "en").Changes(in))
	want := "[{St. Saint abbreviation} {St. Street abbreviation} {3-2 three to two score}]"
	if got != want {
		t.Errorf("changes %s, want %s", got, want)
	}
}

func TestUnknownLanguageUnchanged(t *testing.T) {
	in := "Il a payé $43 million en 2015."
	if got := Normalize(in, "xx").Text; got != in {
		t.Errorf("unknown language changed %q to %q", in, got)
	}
}

func TestCasesKeepMapInvariants(t *testing.T) {
	for _, c := range allCases() {
		checkMap(t, c.in, Normalize(c.in, c.lang))
	}
}

// FuzzNormalize: never panics, output is valid UTF-8 when the input is,
// the map covers input and output with in-range monotonic spans, copies
// are exact, every spoken word maps back to original bytes, the output
// grows boundedly, and no word of the original is lost.
func FuzzNormalize(f *testing.F) {
	for i, c := range allCases() {
		if i%4 == 0 {
			f.Add(c.in, c.lang)
		}
	}
	f.Add("Le 13 novembre 2015 à 22h30, 1 500,50 € et 3,5 %.", "fr")
	f.Add("Am 13. November 2015 um 10:30 Uhr kostete es 1.500,50 Euro.", "de")
	f.Add("\xff$9\x00 St. -", "en")
	f.Fuzz(func(t *testing.T, in, lang string) {
		rs, _ := ParseRules(strings.NewReader("NATO = @letters\n/(\\d)x/ = $1 times\n"), "f")
		r := New(lang, Config{Rules: rs}).Normalize(in)
		if utf8.ValidString(in) && !utf8.ValidString(r.Text) {
			t.Fatalf("invalid UTF-8 out of %q: %q", in, r.Text)
		}
		checkMap(t, in, r)
		if len(r.Text) > 40*len(in)+64 {
			t.Fatalf("output %d bytes for %d bytes of input", len(r.Text), len(in))
		}
		for _, w := range strings.Fields(r.Text) {
			i := strings.Index(r.Text, w)
			lo, hi := r.Map.Origin(i, i+len(w))
			if lo < 0 || hi > len(in) || lo > hi {
				t.Fatalf("word %q maps to [%d,%d) of %d bytes", w, lo, hi, len(in))
			}
		}
		// Every byte of the input is covered by a span: a replaced token is
		// said by its span's words, a copied one is said as written.
		for _, s := range r.Map {
			if s.Rule != "" && s.InEnd > s.InStart && strings.TrimSpace(in[s.InStart:s.InEnd]) != "" && s.OutEnd == s.OutStart {
				t.Fatalf("rule %s drops %q", s.Rule, in[s.InStart:s.InEnd])
			}
		}
	})
}

// BenchmarkNormalize reports sentences per second on news-like English.
func BenchmarkNormalize(b *testing.B) {
	sents := []string{
		"The council raised $43 million in 2015, up 12% from the 1990s.",
		"St. Paul St. was closed on Nov. 13, 2015 at 10:30 a.m. after a 3-2 vote.",
		"Officials said the storm moved north overnight and that schools would reopen on Monday.",
		"Temperatures fell to -5°C and winds reached 60 mph across the region.",
		"Louis XIV and World War II are the subjects of two new books by Dr. Smith.",
		"Call 555-0123 or visit https://www.example.com/news for details.",
		"She told reporters that the plan, which had been debated for months, would go ahead.",
		"The 2024-25 season ends in May, when the top 4 teams meet in the final.",
	}
	n := New("en-US", Config{})
	bytes := 0
	for _, s := range sents {
		bytes += len(s)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			n.Normalize(s)
		}
	}
	b.ReportMetric(float64(b.N*len(sents))/b.Elapsed().Seconds(), "sentences/s")
}

func ExampleNormalizer_Normalize() {
	n := New("en-US", Config{})
	in := "St. Paul St. won 3-2 and raised $43 million."
	r := n.Normalize(in)
	fmt.Println(r.Text)
	i := strings.Index(r.Text, "dollars")
	lo, hi := r.Map.Origin(i, i+len("dollars"))
	fmt.Println(in[lo:hi])
	// Output:
	// Saint Paul Street won three to two and raised forty-three million dollars.
	// $43 million
}

// BenchmarkNormalizeHostile reads 64 KB runs of what makes the most work
// per byte (signs and symbols that might start a number, numbers with an
// ordinal's full stop, fractions), beside news text, and reports ns per
// byte: the work stays linear, a hostile text costing a few times a
// sentence's, never its square.
func BenchmarkNormalizeHostile(b *testing.B) {
	news := "The council raised $43 million in 2015, up 12% from the 1990s. "
	for _, c := range []struct{ name, lang, unit string }{
		{"news", "en", news}, {"dashes", "en", "-"}, {"quotes", "fr", "'"}, {"plus", "de", "+"},
		{"ordinal-dots", "de", "9. "}, {"fractions", "fr", "½"}, {"numbers", "en", "1 "}, {"capitals", "en", "IS "},
	} {
		text := strings.Repeat(c.unit, 64<<10/len(c.unit))
		n := New(c.lang, Config{Rules: DefaultRules()})
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for range b.N {
				n.Normalize(text)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(text)), "ns/byte")
		})
	}
}

// A sentence splitter asks ContinuesAfter before breaking at a full stop
// followed by a capital or a number.
func TestContinuesAfter(t *testing.T) {
	for _, c := range []struct {
		lang, before, after string
		want                bool
	}{
		{"de", "Die Mauer fiel am 9.", " November 1989.", true},
		{"de", "Er wurde Platz 3.", " Dann ging er.", false},
		{"de", "Tel.", " (089) 1234567", true},
		{"de", "Geöffnet Mo.-Fr.", " 9:00-17:00 Uhr", true},
		{"de", "Geöffnet Mo.–Fr.", " 9 bis 17 Uhr", true},
		{"de", "Wir haben Mo.-Fr.", " Dann ist zu.", false},
		{"de", "Tel.", ": 089 123456", true},
		{"de", "Siehe S.", " 12", true},
		{"de", "und Nr. 5.", " Tel.: 089 123456", false},
		{"en", "See p.", " 12 for more.", true},
		{"es", "véase la pág.", " 12", true},
		{"de", "Er kam um 3.", " Dann ging er.", false},
		// A unit's abbreviation before the noun it measures.
		{"de", "Der Zug hat 15 Min.", " Verspätung.", true},
		{"de", "Er wartete 15 Min.", " Dann kam der Bus.", false},
		{"en", "He waited 15 min.", " Police said", false},
		// An abbreviated month between its day and its year.
		{"it", "Roma, 5 set.", " 2024", true},
		{"es", "Madrid, 5 sept.", " 2024", true},
		{"it", "Ha vinto in 5 set.", " Poi ha parlato.", false},
	} {
		if got := ContinuesAfter(c.lang, c.before, c.after); got != c.want {
			t.Errorf("%s ContinuesAfter(%q, %q) = %v, want %v", c.lang, c.before, c.after, got, c.want)
		}
	}
}

// A text whose language names no country is read with the forms of the
// voice's country where they are written alike everywhere (a score), and
// keeps the forms its writer chose (a numeric date's order).
func TestVoiceLangPicksSpokenForms(t *testing.T) {
	for _, c := range []struct{ lang, voice, in, want string }{
		{"en", "en-GB", "Liverpool won 4-0.", "Liverpool won four nil."},
		{"en", "en_GB", "Liverpool won 4-0.", "Liverpool won four nil."},
		{"en", "en-US", "Liverpool won 4-0.", "Liverpool won four to nothing."},
		{"en", "", "Liverpool won 4-0.", "Liverpool won four to zero."},
		{"en", "de-DE", "Liverpool won 4-0.", "Liverpool won four to zero."},
		// The text's own country wins over the voice's.
		{"en-US", "en-GB", "Liverpool won 4-0.", "Liverpool won four to nothing."},
		{"en-GB", "en-US", "Liverpool won 4-0.", "Liverpool won four nil."},
		// A date's order is the writer's.
		{"en", "en-GB", "on 3/4/2020", "on March fourth, twenty twenty"},
		// A number is said as the voice's country says it.
		{"en", "en-GB", "It is 105 miles away.", "It is one hundred and five miles away."},
		{"en", "en-IE", "in 2008", "in two thousand and eight"},
		{"en", "en-US", "It is 105 miles away.", "It is one hundred five miles away."},
		{"en", "", "It is 105 miles away.", "It is one hundred five miles away."},
		{"en-US", "en-GB", "It is 105 miles away.", "It is one hundred five miles away."},
		{"en-GB", "en-US", "It is 105 miles away.", "It is one hundred and five miles away."},
		// The decimal mark and the grouping are the writer's: a Mexican
		// voice does not make a Spanish text's "1.500" one and a half.
		{"es", "es-MX", "1.500 personas", "mil quinientas personas"},
	} {
		got := New(c.lang, Config{VoiceLang: c.voice}).Normalize(c.in).Text
		if got != c.want {
			t.Errorf("%s read by %q: %q:\n got %q\nwant %q", c.lang, c.voice, c.in, got, c.want)
		}
	}
}

// The doses of a combined medicine ("8 mg/90 mg", "3.75/23 mg") are no
// alternatives: "eight or ninety milligrams" would misstate them.
func TestAlternativesLeaveDoses(t *testing.T) {
	n := New("en", Config{})
	for _, in := range []string{"8 mg/90 mg", "3.75 mg/23 mg", "8/90 mg"} {
		if tok, ok := n.alternatives(in, 0); ok {
			t.Errorf("%q read as alternatives: %q", in, tok.say)
		}
	}
	if tok, ok := n.alternatives("24 h/48 h", 0); !ok || tok.say != "twenty-four or forty-eight hours" {
		t.Errorf("24 h/48 h: %q, %v", tok.say, ok)
	}
}
