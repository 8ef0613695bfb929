package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// A paragraph of a label and one link to another story is a promo in any
// language; a sentence that links a phrase, or a label with a short link,
// is not.
func TestLabelledPromos(t *testing.T) {
	for _, c := range []struct {
		p     string
		promo bool
	}{
		{`<p>Taip pat skaitykite: <a href="/x">Vilniuje atidarytas naujas tiltas per Nerį</a></p>`, true},
		{`<p class="x"><strong>Olvassa el ezt is</strong> <a href="/y">Elmaradt a tűzijáték a szárazság miatt</a></p>`, true},
		{`<div>Läs mer | <a href="https://example.org/a">Kommunen höjer avgiften för parkering</a></div>`, true},
		{`<p>Der Rat hat <a href="/b">den Haushalt für das kommende Jahr</a> beschlossen.</p>`, false},
		{`<p>Quelle: <a href="/c">Statistisches Bundesamt</a></p>`, false},
		{`<p>Mehr dazu hier: <a href="#top">zurück zum Anfang der Seite</a></p>`, false},
		{`<p>Die Stadt teilte am Montag mit: <a href="/d">Die Brücke bleibt bis Mai gesperrt</a></p>`, false},
		{`<p>Bilanz 2025: <a href="/e">Der Jahresbericht des Vereins als PDF</a></p>`, false},
	} {
		doc, err := html.Parse(strings.NewReader("<html><body>" + c.p + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		before := textOf(doc)
		pruneLabelledPromos(doc)
		if got := textOf(doc) != before; got != c.promo {
			t.Errorf("%s: removed %v, want %v", c.p, got, c.promo)
		}
	}
}
