package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		text, lang string
		want       []string
	}{
		{"In Putin's eyes, it was weakness, believes Mr. De Kerckhove. However, it will cost him.", "en",
			[]string{"In Putin's eyes, it was weakness, believes Mr. De Kerckhove.", "However, it will cost him."}},
		{"Growth was 3.5 percent. Dr. Smith and J. R. Jones agreed.", "en",
			[]string{"Growth was 3.5 percent.", "Dr. Smith and J. R. Jones agreed."}},
		{"Le président M. Macron a parlé. Mme Dupont aussi.", "fr",
			[]string{"Le président M. Macron a parlé.", "Mme Dupont aussi."}},
		{`When does that "a-ha!" moment occur? Nobody knows.`, "en",
			[]string{`When does that "a-ha!" moment occur?`, "Nobody knows."}},
		{"The U.S. Embassy warned. Nobody listened!", "en",
			[]string{"The U.S. Embassy warned.", "Nobody listened!"}},
		{"One line\nAnother line", "en", []string{"One line", "Another line"}},
		{"Weight: 1 lb. 12 oz. in all. It floats.", "en", []string{"Weight: 1 lb. 12 oz. in all.", "It floats."}},
		// A case's "v." joins its two parties.
		{"It cited Smith v. Jones. Nobody objected.", "en", []string{"It cited Smith v. Jones.", "Nobody objected."}},
		// A ZIP code after a dotted initialism ends the sentence with it.
		{"Mail it to Washington, D.C. 20500. Nobody did.", "en",
			[]string{"Mail it to Washington, D.C. 20500.", "Nobody did."}},
		// A German ordinal's full stop does not end the sentence; a
		// number's does.
		{"Die Mauer fiel am 9. November 1989. Alle feierten.", "de",
			[]string{"Die Mauer fiel am 9. November 1989.", "Alle feierten."}},
		{"Sie feierte ihren 80. Geburtstag. Der 1. FC Köln gratulierte.", "de",
			[]string{"Sie feierte ihren 80. Geburtstag.", "Der 1. FC Köln gratulierte."}},
		{"Er wurde 3. Danach ging er.", "de", []string{"Er wurde 3.", "Danach ging er."}},
		{"Das Fest ist am 24.12. Alle kommen.", "de", []string{"Das Fest ist am 24.12.", "Alle kommen."}},
		// Abbreviations that stand before what they qualify.
		{"Bewerber müssen mind. 18 Jahre alt sein. Die Frist endet bald.", "de",
			[]string{"Bewerber müssen mind. 18 Jahre alt sein.", "Die Frist endet bald."}},
		{"Es gilt § 823 ff. BGB, inkl. Zinsen. Sie zahlte geb. Müller.", "de",
			[]string{"Es gilt § 823 ff. BGB, inkl. Zinsen.", "Sie zahlte geb. Müller."}},
		{"Das regelt Art. 5 GG. Er stammt aus dem 12. Jh. Die Kirche ist alt.", "de",
			[]string{"Das regelt Art. 5 GG.", "Er stammt aus dem 12. Jh.", "Die Kirche ist alt."}},
		// Spanish plural abbreviations double each initial; their groups
		// are one abbreviation, whose last full stop may end a sentence.
		{"Las FF. AA. desplegaron tropas. RR. HH. lo confirmó.", "es",
			[]string{"Las FF. AA. desplegaron tropas.", "RR. HH. lo confirmó."}},
		{"Los JJ. OO. de París. Los EE. UU. ganaron.", "es",
			[]string{"Los JJ. OO. de París.", "Los EE. UU. ganaron."}},
		{"Lo dijo CC. OO. El sindicato protestó.", "es", []string{"Lo dijo CC. OO.", "El sindicato protestó."}},
		{"Ganó el equipo AA. BB. no jugó.", "en", []string{"Ganó el equipo AA.", "BB. no jugó."}},
	}
	for _, tt := range tests {
		got := SentenceTexts(tt.text, tt.lang)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// TestSentencesCorpus measures sentence splitting against the reference
// texts: the share of Readability paragraphs whose split pieces all end
// with sentence punctuation (a false split inside a sentence leaves a
// piece ending mid-sentence).
func TestSentencesCorpus(t *testing.T) {
	pages := corpusPages(t, "readability")
	pieces, bad := 0, 0
	for _, dir := range pages {
		exp, err := os.ReadFile(filepath.Join(dir, "expected.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, para := range strings.Split(referenceText(t, exp), "\n") {
			if !endsSentence(para) || len(strings.Fields(para)) < 8 {
				continue // headings, captions: no sentence to check
			}
			for _, s := range SentenceTexts(para, "") {
				pieces++
				if !endsSentence(s) && !strings.HasSuffix(s, ":") {
					bad++
					if testing.Verbose() && os.Getenv("CORPUS_DETAIL") != "" {
						t.Logf("mid-sentence split: %.100q", s)
					}
				}
			}
		}
	}
	rate := float64(bad) / float64(pieces)
	t.Logf("%d sentences, %d end mid-sentence (%.2f%%)", pieces, bad, 100*rate)
	if rate > 0.02 {
		t.Errorf("%.2f%% of sentences end mid-sentence, want ≤ 2%%", 100*rate)
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("Mr. De Kerckhove said so. Then he left!", "en")
	f.Add("M. Dupont a dit « oui ». Puis…", "fr")
	f.Add("\xff\xfe. A. b.", "")
	f.Fuzz(func(t *testing.T, text, lang string) {
		spans := Sentences(text, lang)
		pos := 0
		for _, s := range spans {
			if s.Start != pos || s.End <= s.Start {
				t.Fatalf("spans %v do not tile %q", spans, text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[s.Start:s.End]) {
				t.Fatalf("span %v cuts a rune", s)
			}
			pos = s.End
		}
		if pos != len(text) {
			t.Fatalf("spans end at %d of %d", pos, len(text))
		}
	})
}

// TestAbbreviationsGoOn: German and French write abbreviations of single
// letters with a space after each full stop ("z. B.", "d. h."), and a
// street's or a weekday's abbreviation comes before a number ("Goethestr.
// 12", "Sun. 4 May"); a sentence goes on through them. It broke after "z."
// and "h.", so "z. B." was never read as "zum Beispiel", and after
// "Goethestr.", read as a sentence's end.
func TestAbbreviationsGoOn(t *testing.T) {
	for _, c := range []struct {
		text, lang string
		want       int
	}{
		{"Er kauft z. B. Brot, d. h. Roggenbrot, u. a. am Bahnhof. Das war es.", "de", 2},
		{"Wir sahen viel, z. B. Rom. Dann fuhren wir heim.", "de", 2},
		{"It was plan b. Then it rained.", "en", 2},
		// A German street's abbreviated ending and a weekday's
		// abbreviation go on to the number after them.
		{"Wir wohnen in der Goethestr. 12 in Frankfurt.", "de", 1},
		{"Der Markt ist Sa. 8 Uhr offen.", "de", 1},
		{"It rained on Sun. 4 May in the town.", "en", 1},
		{"He read the Sun. Then he left.", "en", 2},
		// Portuguese titles and the words before a number.
		{"A Sra. Costa e a Dra. Ana Lima chegaram. Depois falaram.", "pt-BR", 2},
		{"O palácio do séc. XVIII fica na Av. Paulista, n.º 5. Abre cedo.", "pt", 2},
		{"O Eng. Rui Sousa assinou a obra.", "pt-PT", 1},
		// Titles the spoken form reads before a name (spoken's "dip."
		// diputado, "dep." deputado), which it sees only in one sentence.
		{"El dip. Gómez y la profa. Ruiz hablaron.", "es", 1},
		{"O dep. Souza falou.", "pt-BR", 1},
		// An abbreviation read before a number and a Roman numeral after
		// it ("s." siglo, "Vol." volume) go on; a numeral of one letter
		// may be a pronoun or a name's initial.
		{"En el s. XIX hubo guerra.", "es", 1},
		{"Read Vol. II first.", "en", 1},
		// A lower-case letter always read as a word ("u." und), the stops
		// inside an abbreviation of words and the one ending a lower-case
		// one.
		{"Vertreter von Bund u. Ländern kamen.", "de", 1},
		{"In Freiburg i. Br. wächst die Stadt.", "de", 1},
		{"Des villes, p. ex. Paris et Rome.", "fr", 1},
		// Two abbreviations joined by a slash.
		{"Der Zug fährt stündlich; Sa./So. alle zwei Stunden.", "de", 1},
		{"Die Preise stiegen zw. Jan. und März.", "de", 1},
		{"Les ventes ont chuté en févr. 2025 puis remonté.", "fr", 1},
	} {
		if got := SentenceTexts(c.text, c.lang); len(got) != c.want {
			t.Errorf("%q: %d sentences %q, want %d", c.text, len(got), got, c.want)
		}
	}
}
