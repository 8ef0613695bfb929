package article

import (
	"strconv"
	"strings"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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

// A shop's category page: a banner, then its products made by one
// template, each a linked name, a price and a few words, none of them
// prose.
func shopPage(banner string) string {
	var sb strings.Builder
	sb.WriteString(`<html><head><title>Teapots</title></head><body><div class="banner"><p>` + banner + `</p></div><ul class="grid">`)
	for _, p := range []struct{ name, price, line string }{
		{"Round Stoneware Teapot", "$34.00", "Holds four cups, glazed in sea blue"},
		{"Cast Iron Teapot", "$58.50", "Keeps tea warm for an hour or more"},
		{"Glass Teapot With Infuser", "$27.90", "Watch the leaves open as they steep"},
		{"Small Porcelain Teapot", "$19.00", "One cup for one person, white"},
		{"Tall Enamel Teapot", "$41.25", "Works on gas and induction hobs"},
		{"Clay Travel Teapot Set", "$62.00", "Two cups and a cloth bag to carry them"},
	} {
		sb.WriteString(`<li class="card"><h3><a href="/p/` + p.price + `">` + p.name + `</a></h3><span class="price">` + p.price + `</span><span>` + p.line + `</span></li>`)
	}
	sb.WriteString(`</ul></body></html>`)
	return sb.String()
}

// TestReadCardsGrid: an extraction that read a banner over a grid of
// products, which has no prose and which the extractor drops even marked
// as the article, is read with the products after it; one whose text is
// more than a third of the grid's is left alone.
func TestReadCardsGrid(t *testing.T) {
	banner := "Free delivery on orders over fifty dollars this week"
	root, err := html.Parse(strings.NewReader(shopPage(banner)))
	if err != nil {
		t.Fatal(err)
	}
	first := &trafilatura.ExtractResult{ContentText: banner, ContentNode: &html.Node{Type: html.ElementNode, Data: "p"}}
	first.ContentNode.AppendChild(&html.Node{Type: html.TextNode, Data: banner})
	got := readCards(root, first)
	if got == first {
		t.Fatalf("the products were not read")
	}
	w := blockWalker{kind: KindParagraph, items: newItemSpacer(root)}
	w.walk(got.ContentNode, KindParagraph)
	w.flush()
	text := blocksText(&Document{Blocks: w.blocks}, nil)
	for _, want := range []string{banner, "Round Stoneware Teapot", "$58.50", "Watch the leaves open", "Clay Travel Teapot Set"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not read; got:\n%s", want, text)
		}
	}

	// The extractor read the grid without its links: the products' lines,
	// not their names. That is the grid, not the page's own text: the
	// items are read whole, each line once.
	stripped := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	var strippedText []string
	for _, line := range []string{"Holds four cups, glazed in sea blue", "Keeps tea warm for an hour or more", "Watch the leaves open as they steep",
		"One cup for one person, white", "Works on gas and induction hobs", "Two cups and a cloth bag to carry them"} {
		p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		p.AppendChild(&html.Node{Type: html.TextNode, Data: line})
		stripped.AppendChild(p)
		strippedText = append(strippedText, line)
	}
	lines := &trafilatura.ExtractResult{ContentText: strings.Join(strippedText, " "), ContentNode: stripped}
	root, _ = html.Parse(strings.NewReader(shopPage(banner)))
	got = readCards(root, lines)
	if !strings.Contains(got.ContentText, "Glass Teapot With Infuser") || strings.Count(got.ContentText, "Keeps tea warm") != 1 {
		t.Errorf("a grid read without its names not read whole, once: %q", got.ContentText)
	}

	// Items named like posts ("entry") are a grid when they hold no prose.
	root, _ = html.Parse(strings.NewReader(strings.ReplaceAll(shopPage(banner), `class="card"`, `class="product-entry"`)))
	if got := readCards(root, first); got == first || !strings.Contains(got.ContentText, "Cast Iron Teapot") {
		t.Errorf("products named entries were not read: %q", got.ContentText)
	}

	long := strings.Repeat("Our teapots are made by hand in a small workshop by the river. ", 5)
	root, _ = html.Parse(strings.NewReader(shopPage(long)))
	intro := &trafilatura.ExtractResult{ContentText: long, ContentNode: &html.Node{Type: html.ElementNode, Data: "p"}}
	if got := readCards(root, intro); got != intro {
		t.Errorf("a grid under three times the extraction's text was read: %q", got.ContentText)
	}

	// An archive: each year a list of its months, each a link of one word.
	var sb strings.Builder
	sb.WriteString(`<html><body><p>` + banner + `</p><ul class="years">`)
	for y := 2001; y <= 2008; y++ {
		sb.WriteString(`<li class="year">` + strconv.Itoa(y) + `<ul>`)
		for _, m := range []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"} {
			sb.WriteString(`<li><a href="/` + strconv.Itoa(y) + "/" + m + `">` + m + `</a> (12)</li>`)
		}
		sb.WriteString(`</ul></li>`)
	}
	sb.WriteString(`</ul></body></html>`)
	root, _ = html.Parse(strings.NewReader(sb.String()))
	if gs := findCardGroups(root); len(gs) == 0 || cardKey(gs[0].first) != "li.year" {
		t.Fatalf("the archive's years are not a group")
	}
	if got := readCards(root, first); got != first {
		t.Errorf("an archive's lists of links were read as a grid: %q", got.ContentText)
	}

	// Formulas in running text: elements of one kind, but in a paragraph.
	sb.Reset()
	sb.WriteString(`<html><body><p>` + banner + `</p><div>`)
	for i := range 8 {
		sb.WriteString(`Step ` + strconv.Itoa(i) + `: <span class="formula">x plus y equals z times two</span>. `)
	}
	sb.WriteString(`</div></body></html>`)
	root, _ = html.Parse(strings.NewReader(sb.String()))
	if gs := findCardGroups(root); len(gs) == 0 || cardKey(gs[0].first) != "span.formula" {
		t.Fatalf("the formulas are not a group")
	}
	if got := readCards(root, first); got != first && !strings.Contains(got.ContentText, "Step 3") {
		t.Errorf("formulas in running text were read as a grid: %q", got.ContentText)
	}
}
