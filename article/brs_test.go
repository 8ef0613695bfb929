package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// Paragraphs a page writes with <br><br> in a <div> are each read once
// and apart: the extractor gave the second and later ones again after
// the first, and beside a heading the whole text twice.
func TestBreakParagraphsReadOnce(t *testing.T) {
	p1 := "Der Gemeinderat hat am Dienstagabend den Umbau des alten Bahnhofs beschlossen, nach fast zwei Jahren Streit."
	p2 := "Die Arbeiten sollen im Frühjahr beginnen und rund vier Millionen Euro kosten, die zur Hälfte das Land trägt."
	p3 := "Gegen den Plan stimmten nur die beiden Vertreter der Bürgerliste, die einen Neubau am Stadtrand wollten."
	more := "Die Sitzung dauerte bis kurz vor Mitternacht, so viele Anwohner wollten sich zu Wort melden."
	pages := map[string]string{
		"div": `<html lang="de"><head><title>Bahnhof</title></head><body><div class="content"><h1>Bahnhof wird umgebaut</h1>` +
			`<div class="text">` + p1 + `<br><br>` + p2 + `<br><br>` + p3 + `</div></div></body></html>`,
		"div beside heading": `<html lang="de"><head><title>Bahnhof</title></head><body><h1>Bahnhof wird umgebaut</h1><div class="content">` +
			`<div class="text">` + p1 + `<br><br>` + p2 + `<br><br>` + p3 + `</div><p>` + more + `</p></div></body></html>`,
		"single breaks": `<html lang="de"><head><title>Bahnhof</title></head><body><h1>Bahnhof wird umgebaut</h1><div class="content">` +
			`<div class="text">` + p1 + `<br>` + p2 + `<br>` + p3 + `</div><p>` + more + `</p></div></body></html>`,
	}
	for name, page := range pages {
		got := parsedText(t, page)
		for _, p := range []string{p1, p2, p3} {
			if n := strings.Count(got, p); n != 1 {
				t.Errorf("%s: %q read %d times in:\n%s", name, p, n, got)
			}
		}
		if name != "single breaks" {
			// A blank line on the page is a paragraph's end.
			wantLines(t, got, "paragraph: "+p1+"\n", "paragraph: "+p2+"\n", "paragraph: "+p3)
		}
	}
}

// A <p> holding <br><br> is read as the paragraphs it shows.
func TestDoubleBreakSplitsParagraph(t *testing.T) {
	p1 := "The ferry to the island will run twice a day from Monday, the port authority said in a short notice."
	p2 := "Winter timetables had cut it to one crossing, which left commuters stranded when the afternoon boat was full."
	page := `<html><head><title>Ferry</title></head><body><article><h1>Ferry doubles its crossings</h1>` +
		`<p>` + p1 + `<br> <br>` + p2 + `</p></article></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, "paragraph: "+p1+"\n", "paragraph: "+p2)
}

// Must not: a line said again elsewhere stays (a reply that quotes a
// post, the terms under each offer, a poem's chorus): only the repeats
// right after the element with breaks, in its order, are the
// extractor's.
func TestBreakRepeatsElsewhereKept(t *testing.T) {
	parse := func(s string) *html.Node {
		n, err := html.Parse(strings.NewReader(`<html><body>` + s + `</body></html>`))
		if err != nil {
			t.Fatal(err)
		}
		return n.FirstChild.LastChild // <body>
	}
	terms := "Book by the end of March, travel through the summer."
	body := parse(`<p>Harbour hotel, half board<br>` + terms + `</p><p>Half off a second room</p>` +
		`<p>Mountain lodge, breakfast<br>` + terms + `</p><p>Chorus line one of the song<br>chorus line two of the song<br>chorus line one of the song</p>`)
	mendBreaks(body)
	text := textOf(body)
	if n := strings.Count(text, terms); n != 2 {
		t.Errorf("offer terms read %d times, want 2: %q", n, text)
	}
	if n := strings.Count(text, "Chorus line one") + strings.Count(text, "chorus line one"); n != 2 {
		t.Errorf("chorus read %d times, want 2: %q", n, text)
	}

	// The extractor's shape: the element, then its later lines again.
	body = parse(`<p>First line of the notice here<br>second line of the notice here<br>third line of the notice here</p>` +
		`<p>second line of the notice here</p><p>third line of the notice here</p><p>A new paragraph that follows.</p>`)
	mendBreaks(body)
	text = textOf(body)
	for _, l := range []string{"second line", "third line"} {
		if n := strings.Count(text, l); n != 1 {
			t.Errorf("%q read %d times, want once: %q", l, n, text)
		}
	}
	if !strings.Contains(text, "A new paragraph") {
		t.Errorf("the paragraph after the repeats was dropped: %q", text)
	}
}
