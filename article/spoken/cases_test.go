package spoken

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// The spoken-form cases are tables per language, one per category of
// token (cardinals, money, dates…), written for this project from each
// language's rules: AP and Chicago for English, Duden for German, the
// Imprimerie nationale's conventions for French, the RAE for Spanish, the
// Accademia della Crusca and Treccani for Italian. Each case is a short
// piece of news text and exactly what is said. The "voice" category holds
// what no rule reads with certainty: it stays as written, for the engine.

// spokenCase is one written text and what is said.
type spokenCase struct{ in, want string }

// category is the cases of one kind of token in one language (lang, or
// the table's language when "").
type category struct {
	name, lang string
	cases      []spokenCase
}

// tables are the case tables by language.
var tables = map[string][]category{}

// addTable adds cats to the tables of lang (a language may have several files).
func addTable(lang string, cats []category) { tables[lang] = append(tables[lang], cats...) }

func TestSpokenCategories(t *testing.T) {
	langs := make([]string, 0, len(tables))
	for l := range tables {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, lang := range langs {
		for _, c := range tables[lang] {
			l := lang
			if c.lang != "" {
				l = c.lang
			}
			t.Run(lang+"/"+strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
				for _, k := range c.cases {
					r := Normalize(k.in, l)
					checkMap(t, k.in, r)
					if r.Text != k.want {
						t.Errorf("%s %q:\n got %q\nwant %q", l, k.in, r.Text, k.want)
					}
				}
			})
		}
	}
}

// Every language of the issue has a table, and each has the categories
// the issue names (numbers, money, dates, times, percentages, ordinals).
func TestTablesCoverCategories(t *testing.T) {
	for _, lang := range []string{"en", "de", "fr", "es", "it", "pt"} {
		have := map[string]bool{}
		n := 0
		for _, c := range tables[lang] {
			have[c.name] = true
			n += len(c.cases)
		}
		for _, want := range []string{"cardinal", "decimal", "ordinal", "money", "percent", "date", "time", "voice"} {
			if !have[want] {
				t.Errorf("%s: no %q cases", lang, want)
			}
		}
		t.Logf("%s: %d cases in %d categories", lang, n, len(tables[lang]))
	}
}

// allCases lists every case of every table, for the fuzz seeds and the
// map checks.
func allCases() []struct{ lang, in string } {
	var out []struct{ lang, in string }
	for lang, cats := range tables {
		for _, c := range cats {
			l := lang
			if c.lang != "" {
				l = c.lang
			}
			for _, k := range c.cases {
				out = append(out, struct{ lang, in string }{l, k.in})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].lang+out[i].in < out[j].lang+out[j].in })
	return out
}

// ExampleNormalize_languages shows one sentence in each language with
// built-in readings.
func ExampleNormalize_languages() {
	for _, c := range []struct{ lang, in string }{
		{"en-US", "On Nov. 13, 2015 at 10:30 a.m. it cost $1.5 million."},
		{"de", "Am 9. November 2019 um 10:30 Uhr kostete es 2,7 Mio. €."},
		{"fr", "Le 1er janvier 2020 à 22 h 30, cela coûtait 1,5 milliard d'euros."},
		{"es", "El 15 de marzo de 2021 a las 15:30 costaba 2,5 millones de euros."},
		{"it", "Il 1° gennaio 2020 alle 15:30 costava 25 € (il 10%)."},
		{"pt-BR", "Em 3 de maio de 2024, às 14h30, custava R$ 1,5 milhão (12,5%)."},
	} {
		fmt.Println(Normalize(c.in, c.lang).Text)
	}
	// Output:
	// On November thirteenth, twenty fifteen at ten thirty AM it cost one point five million dollars.
	// Am neunten November zweitausendneunzehn um zehn Uhr dreißig kostete es zwei Komma sieben Millionen Euro.
	// Le premier janvier deux mille vingt à vingt-deux heures trente, cela coûtait un virgule cinq milliard d'euros.
	// El quince de marzo de dos mil veintiuno a las quince y treinta costaba dos coma cinco millones de euros.
	// Il primo gennaio duemilaventi alle quindici e trenta costava venticinque euro (il dieci per cento).
	// Em três de maio de dois mil e vinte e quatro, às catorze e trinta, custava um vírgula cinco milhão de reais (doze vírgula cinco por cento).
}
