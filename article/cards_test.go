package article

import (
	"strings"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// A service's page: a short introduction, then the services it offers as
// a run of blocks made by one template, each a heading and two sentences.
const servicePage = `<html><head><title>Harbour Removals</title></head><body>
<header><nav><a href="/">Home</a> <a href="/about">About</a> <a href="/contact">Contact</a></nav></header>
<main>
<div class="offer"><div class="intro"><h1>Moving house on the coast</h1>
<p>We have moved families and small firms along the coast since 1998, with our own vans and crews. Ask for a visit and we will give you a price the same day.</p>
<p>Every move has one coordinator, who plans the day with you and answers the phone until the last box is in.</p></div>

<div class="tile"><h3>Packing</h3><p>Our crews bring the boxes and blankets and wrap the china before the van arrives.</p><a href="/more">Learn more about this service</a></div>
<div class="tile"><h3>Storage</h3><p>Furniture can wait in our dry store near the station for as long as you need.</p><a href="/more">Learn more about this service</a></div>
<div class="tile"><h3>Pianos</h3><p>Uprights and grands are carried by a team of four on a padded board to their new room.</p><a href="/more">Learn more about this service</a></div>
<div class="tile"><h3>Offices</h3><p>Desks, files and servers move over a weekend so that staff can work on Monday morning.</p><a href="/more">Learn more about this service</a></div>
</div>
</div>
</main>
<footer><p>Harbour Removals Ltd, Quay Street.</p></footer>
</body></html>`

// TestCardsReadOnAServicePage: the blocks of a service's offer are read
// with its introduction (here the extractor finds them itself).
func TestCardsReadOnAServicePage(t *testing.T) {
	doc, err := Parse([]byte(servicePage), "service.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := blocksText(doc, nil)
	for _, want := range []string{"since 1998", "boxes and blankets", "dry store near the station", "team of four", "over a weekend"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not read; got:\n%s", want, text)
		}
	}
}

// TestReadCards: an extraction that took one of a run of blocks made by
// one template for the whole text is replaced by one of the run; one that
// holds the run already, a run of posts, and a page's columns are left
// alone.
func TestReadCards(t *testing.T) {
	intro := "We have moved families and small firms along the coast since 1998, with our own vans and crews. Ask for a visit and we will give you a price the same day. " +
		"Every move has one coordinator, who plans the day with you and answers the phone until the last box is in."
	parse := func(page string) *html.Node {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		return root
	}
	first := &trafilatura.ExtractResult{ContentText: "Pianos Uprights and grands are carried by a team of four on a padded board to their new room."}
	got := readCards(parse(servicePage), first)
	if got == first || !strings.Contains(got.ContentText, "team of four") || !strings.Contains(got.ContentText, "dry store") {
		t.Errorf("the offer's blocks left out: %q", got.ContentText)
	}

	all := &trafilatura.ExtractResult{ContentText: intro + " Packing Our crews bring the boxes and blankets and wrap the china before the van arrives. " +
		"Storage Furniture can wait in our dry store near the station for as long as you need. " +
		"Pianos Uprights and grands are carried by a team of four on a padded board to their new room. " +
		"Offices Desks, files and servers move over a weekend so that staff can work on Monday morning."}
	if got := readCards(parse(servicePage), all); got != all {
		t.Errorf("an extraction that read the blocks was replaced: %q", got.ContentText)
	}

	posts := strings.ReplaceAll(servicePage, `class="tile"`, `class="post"`)
	if got := readCards(parse(posts), first); got != first {
		t.Errorf("a run of posts was read as blocks: %q", got.ContentText)
	}

	// Columns: one holds most of the text.
	columns := strings.Replace(servicePage, `<p>Furniture can wait`, "<p>"+strings.Repeat("Furniture can wait in our dry store near the station. ", 20), 1)
	if gs := findCardGroups(parse(columns)); len(gs) > 0 && cardKey(gs[0].first) == "div.tile" {
		t.Errorf("columns, one with most of the text, taken for a run of blocks")
	}
}

// TestArticleSignal: a page that says it is an article, in JSON-LD, in
// microdata or in its Open Graph type, is read as one.
func TestArticleSignal(t *testing.T) {
	for page, want := range map[string]bool{
		`<html><head><meta property="og:type" content="article"></head><body><p>x</p></body></html>`:                             true,
		`<html><head><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body></body></html>`:             true,
		`<html><body><div itemscope itemtype="https://schema.org/BlogPosting"><p>x</p></div></body></html>`:                      true,
		`<html><head><meta property="og:type" content="website"></head><body><p>x</p></body></html>`:                             false,
		`<html><head><script type="application/ld+json">{"@type":"Product","name":"Kettle"}</script></head><body></body></html>`: false,
	} {
		root, _ := html.Parse(strings.NewReader(page))
		if got := readSignals(root).article; got != want {
			t.Errorf("%s: article %v, want %v", page, got, want)
		}
	}
}
