package article

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// parsedText extracts page and returns its blocks as "kind: text" lines.
func parsedText(t *testing.T, page string) string {
	t.Helper()
	doc, err := Parse([]byte(page), "page.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, b := range doc.Blocks {
		lines = append(lines, string(b.Kind)+": "+b.Text)
	}
	return strings.Join(lines, "\n")
}

func wantLines(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
}

// An old page laid out in a table: a word in italics inside a paragraph
// does not cut the paragraph short.
func TestEmphasisInTableLayout(t *testing.T) {
	for _, c := range []struct{ lang, p1, p2, p3 string }{
		{"en", `"Clara," said the clerk, "what do<i> you</i> make of the ledger?"`,
			`"I make nothing of it," said Clara, with a<i> shrug</i>, and went back to her desk.`,
			`The ledger stayed open on the counter until the owner came back from lunch and closed it again.`},
		{"de", `„Clara“, sagte der Schreiber, „was hältst<em> du</em> von dem Kassenbuch?“`,
			`„Gar nichts“, sagte Clara mit einem<b> Achselzucken</b> und ging zurück an ihren Schreibtisch.`,
			`Das Kassenbuch lag offen auf dem Tresen, bis der Inhaber aus der Mittagspause kam und es schloss.`},
	} {
		page := `<html lang="` + c.lang + `"><head><title>Ledger</title></head><body><table><tr><td width="20%"><a href="/">Home</a></td><td>` +
			`<p>` + c.p1 + `</p><p>` + c.p2 + `</p><p>` + c.p3 + `</p></td></tr></table></body></html>`
		got := parsedText(t, page)
		for _, p := range []string{c.p1, c.p2} {
			want := strings.NewReplacer("<i>", "", "</i>", "", "<em>", "", "</em>", "", "<b>", "", "</b>", "").Replace(p)
			wantLines(t, got, want)
		}
	}
}

// Must not: text loose in a <div> after a bold label is kept; unwrapping
// a label that sits directly in a container lost such text on a
// scrapinghub page.
func TestEmphasisInContainerKept(t *testing.T) {
	for _, c := range []struct{ lang, label, rest string }{
		{"en", "More information:", "R. Holm et al. Dormancy in small mammals, <i>Journal of Cold Biology</i> (2019)."},
		{"de", "Weitere Informationen:", "R. Holm u. a. Winterruhe bei Kleinsäugern, <i>Zeitschrift für Kältebiologie</i> (2019)."},
	} {
		body := `<p>Researchers at the institute have shown that small mammals can lower their heart rate for weeks during the cold months, a finding that may matter for long journeys.</p>` +
			`<p>The team measured the animals over three winters and found the same pattern every year, even in the warmest of the three.</p>`
		page := `<html lang="` + c.lang + `"><head><title>Dormancy</title></head><body><article>` + body +
			"<hr>\n<div class=\"more\">\n\t\t<strong>" + c.label + "</strong>\n\t\t" + c.rest + ` <a href="/doi">DOI: 10.1000/x</a>` + "\n\t</div></article></body></html>"
		// The extractor splits the text at the italics and drops the
		// spaces around them, so words are compared, not spacing.
		got, want := wordsOf(strings.NewReplacer("paragraph: ", "", "\n", " ").Replace(parsedText(t, page))), wordsOf(strings.NewReplacer("<i>", "", "</i>", "").Replace(c.rest))
		if !strings.Contains(got, want) {
			t.Errorf("%s: %q not in %q", c.lang, want, got)
		}
	}
}

// A data table indented with a blockquote is read row by row; a real
// quotation stays a quote.
func TestTableInBlockquote(t *testing.T) {
	intro := `<p>The project has released often this year, and its maintainers say the pace will hold for the rest of the decade.</p>` +
		`<p>The table below lists every release since the spring, with the month it came out.</p>`
	for _, c := range []struct{ lang, head, row, want string }{
		{"en", "<th>Release</th><th>Date</th>", "<td>2.4.1</td><td>May 2024</td>", "item: 2.4.1, May 2024"},
		{"de", "<th>Version</th><th>Datum</th>", "<td>2.4.1</td><td>Mai 2024</td>", "item: 2.4.1, Mai 2024"},
	} {
		page := `<html lang="` + c.lang + `"><head><title>Releases</title></head><body><article>` + intro +
			`<blockquote><table><tr>` + c.head + `</tr><tr>` + c.row + `</tr><tr><td>2.4.2</td><td>06/2024</td></tr></table></blockquote>` +
			`<p>Since then the maintainers have moved to a fixed schedule, one release at the start of every month.</p></article></body></html>`
		wantLines(t, parsedText(t, page), c.want)
	}
	for _, c := range []struct{ lang, quote string }{
		{"en", "We will ship a release every month, whatever happens, and we will say so in advance."},
		{"fr", "Nous publierons une version chaque mois, quoi qu'il arrive, et nous l'annoncerons à l'avance."},
	} {
		page := `<html lang="` + c.lang + `"><head><title>Releases</title></head><body><article>` + intro +
			`<blockquote>` + c.quote + `<table><tr><td>2.4.1</td><td>2024</td></tr></table></blockquote>` +
			`<p>Since then the maintainers have moved to a fixed schedule, one release at the start of every month.</p></article></body></html>`
		got := parsedText(t, page)
		if !strings.Contains(got, "quote: "+c.quote) {
			t.Errorf("%s: quotation not kept as a quote:\n%s", c.lang, got)
		}
	}
}

// Cells the extractor takes out of a nested table are kept apart, not
// run together into one word.
func TestLooseCellsApart(t *testing.T) {
	// The HTML parser never leaves a cell outside a table; the extractor
	// does, so the tree is built by hand.
	quote := &html.Node{Type: html.ElementNode, Data: "blockquote"}
	for _, c := range [][2]string{{"th", "Name"}, {"td", "Ada"}, {"td", "63"}, {"td", "Zoë"}} {
		cell := &html.Node{Type: html.ElementNode, Data: c[0]}
		cell.AppendChild(&html.Node{Type: html.TextNode, Data: c[1]})
		quote.AppendChild(cell)
	}
	var w blockWalker
	w.walk(quote, KindParagraph)
	w.flush()
	if len(w.blocks) != 1 || w.blocks[0].Text != "Name Ada 63 Zoë" {
		t.Errorf("blocks %+v, want one quote reading %q", w.blocks, "Name Ada 63 Zoë")
	}
}

// wordsOf is s as its words (letters and digits) separated by one space.
func wordsOf(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}
