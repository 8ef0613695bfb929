package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// A paragraph of a label and one link to another story of the site,
// between two paragraphs of the story, is a promo in any language; a
// sentence that links a phrase, a label with a short link, a link to
// another site, a label said again and again (a reading list) and a
// labelled link among other such lines are not.
func TestLabelledPromos(t *testing.T) {
	const prose = `<p>Der Gemeinderat hat am Dienstagabend nach langer Debatte den Haushalt für das kommende Jahr beschlossen.</p>`
	for _, c := range []struct {
		page  string
		promo bool
	}{
		{prose + `<p>Taip pat skaitykite: <a href="/x">Vilniuje atidarytas naujas tiltas per Nerį</a></p>` + prose, true},
		{prose + `<p class="x"><strong>Olvassa el ezt is</strong> <a href="/y">Elmaradt a tűzijáték a szárazság miatt</a></p>` + prose, true},
		{`<link rel="canonical" href="https://www.example.org/b">` + prose + `<div>Läs mer | <a href="https://example.org/a">Kommunen höjer avgiften för parkering</a></div>` + prose, true},
		{prose + `<p>Der Rat hat <a href="/b">den Haushalt für das kommende Jahr</a> beschlossen.</p>` + prose, false},
		{prose + `<p>Quelle: <a href="/c">Statistisches Bundesamt</a></p>` + prose, false},
		{prose + `<p>Mehr dazu hier: <a href="#top">zurück zum Anfang der Seite</a></p>` + prose, false},
		{prose + `<p>Die Stadt teilte am Montag mit: <a href="/d">Die Brücke bleibt bis Mai gesperrt</a></p>` + prose, false},
		{prose + `<p>Bilanz 2025: <a href="/e">Der Jahresbericht des Vereins als PDF</a></p>` + prose, false},
		{prose + `<p>See: <a href="https://other.example/p">What is retrieval augmented generation</a></p>` + prose, false},
		{prose + `<p>See: <a href="/p1">What is retrieval augmented generation</a></p>` + prose + `<p>See: <a href="/p2">Putting the brakes on the hype</a></p>` + prose, false},
		{`<h2>Our mattresses</h2><p>Firm feel: <a href="/m1">Hybrid Plus Natural Mattress</a></p>` + prose, false},
	} {
		doc, err := html.Parse(strings.NewReader("<html><head></head><body>" + c.page + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		before := textOf(doc)
		pruneLabelledPromos(doc)
		if got := textOf(doc) != before; got != c.promo {
			t.Errorf("%s: removed %v, want %v", c.page, got, c.promo)
		}
	}
}
