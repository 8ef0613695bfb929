package article

import (
	"strings"
	"testing"
)

var harbourParas = []string{
	"The harbour board voted on Tuesday to lengthen the north pier by forty metres, so that the larger ferries can berth there in winter storms.",
	"Work will start in March and the pier stays open to walkers, although the fishing steps at its far end will be fenced off until the autumn.",
	"The board expects the project to cost about two million euros, most of it paid from the port fees that the ferry companies already pay.",
}

var hafenParas = []string{
	"Der Hafenrat hat am Dienstag beschlossen, die Nordmole um vierzig Meter zu verlängern, damit die größeren Fähren auch bei Sturm anlegen können.",
	"Die Arbeiten beginnen im März, und die Mole bleibt für Spaziergänger offen, nur die Anglertreppe an ihrem Ende wird bis zum Herbst gesperrt.",
	"Der Rat rechnet mit Kosten von etwa zwei Millionen Euro, die zum größten Teil aus den Hafengebühren der Fährgesellschaften bezahlt werden.",
}

// Another story's headline set between a story's paragraphs as a bare
// link, with no label in any language, is not read; the story is.
func TestLinkedHeadlineBetweenParagraphsNotRead(t *testing.T) {
	for _, c := range []struct {
		paras    []string
		headline string
	}{
		{harbourParas, `<a href="/news/2026/ferry-fares-rise"><strong>FERRY FARES TO RISE BY TEN PERCENT NEXT YEAR</strong></a>`},
		{hafenParas, `<a href="https://example.de/stadt/busfahrplan-neu.html">Stadtrat beschließt neuen Busfahrplan für die Innenstadt</a>`},
	} {
		page := `<html><head><title>Pier</title></head><body><article><h1>Pier to be lengthened</h1>` +
			`<p>` + c.paras[0] + `</p><p>` + c.headline + `</p><p>` + c.paras[1] + `</p><p>` + c.paras[2] + `</p></article></body></html>`
		got := parsedText(t, page)
		wantLines(t, got, c.paras...)
		if h := textOfHTML(t, c.headline); strings.Contains(got, h) {
			t.Errorf("the linked headline %q was read:\n%s", h, got)
		}
	}
}

// Must not: a sentence of the story that is all one link, a link to a
// part of this page, a line with a link after words of its own, a
// labelled line (left to the text's rules) and a linked subhead whose
// words the next paragraph takes up are read.
func TestLinkedLinesOfTheStoryRead(t *testing.T) {
	for _, line := range []string{
		`<p><a href="/report.pdf">The full report of the harbour board is published on the port's website.</a></p>`,
		`<p><a href="#timeline">How the pier was built and rebuilt since 1890</a></p>`,
		`<p>The board said: <a href="/statement">we will keep the pier open all year</a></p>`,
		`<p><a href="/statement">Statement: pier stays open for walkers</a></p>`,
		`<p><a href="https://example.org/works">Pier works start in March with the fishing steps fenced off</a></p>`,
	} {
		page := `<html><head><title>Pier</title></head><body><article><h1>Pier to be lengthened</h1>` +
			`<p>` + harbourParas[0] + `</p>` + line + `<p>` + harbourParas[1] + `</p><p>` + harbourParas[2] + `</p></article></body></html>`
		wantLines(t, parsedText(t, page), append([]string{textOfHTML(t, line)}, harbourParas...)...)
	}
}

// A heading that says only "More" over links to other stories, each
// list one linked headline, set between a story's paragraphs, is not
// read with its links, in any language; a "More" heading over the
// story's own prose is.
func TestMoreLabelOverTeasersPruned(t *testing.T) {
	heads := []string{"Ferry fares to rise by ten percent next year", "Lighthouse on the island to become a museum", "Fish market moves inland after forty years"}
	for _, label := range []string{"More:", "Mehr:", "Plus :", "Más:"} {
		var sb strings.Builder
		sb.WriteString(`<html><head><title>Pier</title></head><body><article><h1>Pier to be lengthened</h1><p>` + harbourParas[0] + `</p><p>` + harbourParas[1] + `</p><h4>` + label + `</h4>`)
		for i, h := range heads {
			sb.WriteString(`<ul><li><h4><a href="/news/` + string(rune('a'+i)) + `.html">` + h + `</a></h4></li></ul>`)
		}
		sb.WriteString(`<p>` + harbourParas[2] + `</p><p>` + harbourParas[0] + ` Again.</p></article></body></html>`)
		got := parsedText(t, sb.String())
		wantLines(t, got, harbourParas...)
		for _, h := range append(heads, label) {
			if strings.Contains(got, h) {
				t.Errorf("%s: %q read:\n%s", label, h, got)
			}
		}
	}
	page := `<html><head><title>Pier</title></head><body><article><h1>Pier to be lengthened</h1><p>` + harbourParas[0] + `</p><p>` + harbourParas[1] + `</p><h4>More</h4><p>` + harbourParas[2] + ` <a href="/fees">The fees</a> rise in May.</p></article></body></html>`
	wantLines(t, parsedText(t, page), harbourParas...)
}
