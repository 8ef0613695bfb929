package article

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestListingFrontPage reads a news site's front page, whose stories are
// cards in two sections (each its own grid, so no one run of siblings
// holds them all), as the list of its stories: every card's title,
// blurb and byline in the page's order, under its section's heading;
// not the site's menu, its cookie notice or its footer.
func TestListingFrontPage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "listing", "front.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(data, "front.html", LoadOptions{Format: FormatHTML})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var lines []string
	for _, b := range doc.Blocks {
		lines = append(lines, b.Text)
	}
	text := strings.Join(lines, "\n")
	want := []string{
		"This week on the coast",
		"Harbour ferries return to the winter timetable",
		"The crossing to the island runs every forty minutes",
		"Why the old mill lost its roof in the storm",
		"A bakery that opens at four in the morning",
		"Around the town",
		"Council votes to keep the library open on Sundays",
		"Volunteers count the seals on the northern sandbank",
		"The last cobbler on Market Street hands over his shop",
		"he is passing the keys to his former apprentice",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q missing or out of order in:\n%s", w, text)
		}
		at += i + len(w)
	}
	for _, no := range []string{"Weather", "Privacy", "We use cookies"} {
		if strings.Contains(text, no) {
			t.Errorf("read the page's furniture %q:\n%s", no, text)
		}
	}
}

// TestListingKeepsArticle checks that an article with a grid of related
// stories under it is read as the article: the grid is not its text.
func TestListingKeepsArticle(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`<html lang="en"><head><title>Tides</title></head><body><main><h1>Why the spring tides run high</h1>`)
	for i := 0; i < 6; i++ {
		sb.WriteString(`<p>When the sun and the moon line up, their pulls add together, and the sea rises higher and falls lower than in the weeks between, which harbour masters plan for months ahead.</p>`)
	}
	sb.WriteString(`</main><div class="more">`)
	for _, title := range []string{"Lighthouse keepers remember the long nights", "A guide to the coastal path in autumn", "Fishing quotas set for the coming season", "The ferry company orders two new boats"} {
		slug := strings.ReplaceAll(strings.ToLower(title), " ", "-")
		sb.WriteString(`<div class="teaser"><h3><a href="/` + slug + `">` + title + `</a></h3><span><a href="/a/` + slug + `">Staff writer</a></span></div>`)
	}
	sb.WriteString(`</div></body></html>`)
	doc, err := Parse([]byte(sb.String()), "tides.html", LoadOptions{Format: FormatHTML})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	for _, b := range doc.Blocks {
		if strings.Contains(b.Text, "Lighthouse keepers") || strings.Contains(b.Text, "coastal path") {
			t.Errorf("read a related story's teaser as the article's text: %q", b.Text)
		}
	}
	if len(doc.Blocks) < 6 {
		t.Errorf("got %d blocks, want the article's six paragraphs", len(doc.Blocks))
	}
}

// shopCategory is a shop's category page: a one-line blurb, a grid of
// products (a name and a price each, in boxes whose classes name
// each product's own shelf, so no run of siblings shares one kind),
// and, when guide is given, the category's buying guide under the grid.
func shopCategory(guide []string) string {
	var sb strings.Builder
	sb.WriteString(`<html lang="en"><head><title>Stoneware – Potter's Yard</title></head><body>` +
		`<header><nav><a href="/">Home</a> <a href="/shop">Shop</a> <a href="/about">About</a> <a href="/contact">Contact</a></nav></header>` +
		`<main><h1>Stoneware</h1><p>Thrown by hand in our workshop.</p><div class="products">`)
	products := []struct{ name, shelf, price string }{
		{"Speckled breakfast mug with a wide handle", "mugs", "$24.00"},
		{"Tall oat glaze mug for long coffees", "mugs", "$26.00"},
		{"Shallow pasta bowl in ash white", "bowls", "$32.00"},
		{"Nesting set of three prep bowls", "bowls", "$58.00"},
		{"Dinner plate with a raw clay rim", "plates", "$29.00"},
		{"Side plate glazed in sea green", "plates", "$21.00"},
		{"Pouring jug for milk or gravy", "jugs", "$38.00"},
		{"Round teapot with a bamboo handle", "teapots", "$64.00"},
		{"Small teapot for one in iron red", "teapots", "$48.00"},
		{"Butter dish with a domed lid", "dishes", "$34.00"},
		{"Oval baking dish for the oven", "dishes", "$52.00"},
		{"Espresso cup and saucer in slate", "cups", "$22.00"},
		{"Handleless tea cup in moss glaze", "cups", "$18.00"},
		{"Salt pig with a hooded mouth", "kitchen", "$27.00"},
		{"Utensil jar with a ribbed side", "kitchen", "$36.00"},
		{"Bud vase in a dark tenmoku glaze", "vases", "$30.00"},
	}
	for i, p := range products {
		slug := strings.ReplaceAll(p.name, " ", "-")
		sb.WriteString(`<div class="product shelf-` + p.shelf + ` item-` + strings.Repeat("x", i+1) + `">` +
			`<a class="product-link" href="/p/` + slug + `"><img src="/i/` + slug + `.jpg" alt=""><div class="product-title">` + p.name + `</div>` +
			`<span class="price">` + p.price + `</span></a><a class="button" href="?add=` + slug + `">Add to cart</a></div>`)
	}
	sb.WriteString(`</div>`)
	for _, g := range guide {
		sb.WriteString(`<p>` + g + `</p>`)
	}
	sb.WriteString(`</main><section class="story"><p>We are two potters working from an old forge, and every piece we sell was thrown, trimmed and glazed at our own wheels.</p></section>` +
		`<footer><p>Potter's Yard, 4 Kiln Lane. Free delivery over $80.</p><a href="/privacy">Privacy</a></footer></body></html>`)
	return sb.String()
}

// TestListingShopGrid reads a shop's category whose only text is its
// grid of products as that grid: every product's name and price, in
// the page's order, not the shop's menu or footer.
func TestListingShopGrid(t *testing.T) {
	doc, err := Parse([]byte(shopCategory(nil)), "stoneware.html", LoadOptions{Format: FormatHTML})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	text := blocksText(doc, nil)
	at := 0
	for _, w := range []string{"Speckled breakfast mug with a wide handle", "$24.00", "Shallow pasta bowl in ash white", "$32.00",
		"Side plate glazed in sea green", "$21.00", "Round teapot with a bamboo handle", "$64.00",
		"Bud vase in a dark tenmoku glaze", "$30.00"} {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q missing or out of order in:\n%s", w, text)
		}
		at += i + len(w)
	}
	for _, no := range []string{"Contact", "Privacy"} {
		if strings.Contains(text, no) {
			t.Errorf("read the shop's furniture %q:\n%s", no, text)
		}
	}
}

// TestListingShopGuide reads a shop's category with a buying guide as
// the guide: the grid beside it is not the page's text (WCXB's
// references leave such a grid out).
func TestListingShopGuide(t *testing.T) {
	guide := []string{
		"Stoneware is fired hotter than earthenware, which makes the clay dense enough to hold water without a glaze and strong enough for daily use in a busy kitchen.",
		"Every piece in this category goes through the dishwasher and the microwave without harm, though a sudden change from the freezer to a hot oven can still crack it.",
		"The glazes are mixed in the workshop from local ash and iron, so two mugs from the same firing may differ a little in colour, and no two plates are quite alike.",
		"When you choose a mug, hold it by the handle first: a wide handle suits a whole hand, a narrow one two fingers, and the weight should sit low in the palm.",
		"Bowls for pasta are shallow and wide so the sauce spreads, while prep bowls are deep and nest inside each other to save room in a small cupboard.",
		"If a piece arrives chipped, send us a photograph within thirty days and we will make you another from the next firing, or refund it if you prefer.",
	}
	doc, err := Parse([]byte(shopCategory(guide)), "stoneware.html", LoadOptions{Format: FormatHTML})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	text := blocksText(doc, nil)
	for _, g := range guide {
		if !strings.Contains(text, g) {
			t.Errorf("guide's paragraph %q missing in:\n%s", g, text)
		}
	}
	if strings.Contains(text, "Nesting set of three prep bowls") {
		t.Errorf("read the grid beside the guide:\n%s", text)
	}
}

// chartPage is a chart of plays: each row a card with the play's name
// (some of one word), its year, running time and score.
func chartPage(names []string) string {
	var sb strings.Builder
	sb.WriteString(`<html lang="en"><head><title>Plays people watch</title></head><body><nav><a href="/">Home</a><a href="/plays">Plays</a></nav><main><h1>Plays people watch</h1><ul class="chart">`)
	for i, name := range names {
		slug := strings.ReplaceAll(strings.ToLower(name), " ", "-")
		fmt.Fprintf(&sb, `<li class="chart-row"><div class="entry"><a href="/play/%s"><img src="/i/%d.jpg" alt=""></a><h3><a href="/play/%s">%s</a></h3><div class="facts"><span>%d</span><span>%dh %dm</span><span>Ages %d+</span></div><div class="score">%d.%d (%dK votes)</div></div></li>`,
			slug, i, slug, name, 2019+i%5, 1+i%2, 10+i*3, 8+i%3*4, 5+i%4, i, 3+i*2)
	}
	sb.WriteString(`</ul></main><footer><p>The theatre guide</p></footer></body></html>`)
	return sb.String()
}

// TestListingOneWordTitles checks that a row whose title is one word
// ("Ghosts", a film's or a product's name) is a card like its
// neighbours once they show the kind is one: the card finder asked every
// card for a title of two words, and such rows were left out of the
// list.
func TestListingOneWordTitles(t *testing.T) {
	names := []string{"The Lantern Keeper", "Ghosts", "Salt on the Window", "A Quiet Harbour", "Tideline", "Seven Paper Boats", "Night Train to Dover"}
	root, err := html.Parse(strings.NewReader(chartPage(names)))
	if err != nil {
		t.Fatal(err)
	}
	_, cards := findListing(root)
	var got []string
	for _, c := range cards {
		got = append(got, strings.Join(strings.Fields(textOf(c)), " "))
	}
	if len(cards) != len(names) {
		t.Fatalf("found %d cards, want %d:\n%s", len(cards), len(names), strings.Join(got, "\n"))
	}
	for i, name := range names {
		if !strings.HasPrefix(got[i], name) {
			t.Errorf("card %d is %q, want the row of %q", i, got[i], name)
		}
	}
	// A menu of one-word links is still no list of cards.
	var menu strings.Builder
	menu.WriteString(`<html><body><main><p>` + storyParas[0] + `</p><ul class="menu">`)
	for _, w := range []string{"Plays", "Concerts", "Opera", "Dance", "Comedy", "Circus"} {
		fmt.Fprintf(&menu, `<li class="menu-item"><a href="/%s">%s</a> <span>tickets on sale now</span></li>`, strings.ToLower(w), w)
	}
	menu.WriteString(`</ul></main></body></html>`)
	root, err = html.Parse(strings.NewReader(menu.String()))
	if err != nil {
		t.Fatal(err)
	}
	if region, cards := findListing(root); region != nil {
		t.Errorf("a menu of one-word links read as %d cards", len(cards))
	}
}

// TestReadStoriesOwnOrCards checks which list the extraction's headings
// belong to: headings that are the found cards' own titles are the same
// list, read short (their titles without their blurbs and figures), and
// do not stop the cards from being read; headings that link outside the
// cards are a list the extractor chose beside them.
func TestReadStoriesOwnOrCards(t *testing.T) {
	names := []string{"The Lantern Keeper", "Salt on the Window", "A Quiet Harbour", "Seven Paper Boats", "Night Train to Dover"}
	page := strings.Replace(chartPage(names), `</main>`, `</main><div class="elsewhere"><h3><a href="/news/1">Theatre reopens after the flood</a></h3><h3><a href="/news/2">Actors rehearse on the beach</a></h3><h3><a href="/news/3">New director for the summer season</a></h3><h3><a href="/news/4">Tickets for schools cut in half</a></h3></div>`, 1)
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	_, cards := findListing(root)
	if len(cards) != len(names) {
		t.Fatalf("found %d cards, want %d", len(cards), len(names))
	}
	read := func(titles []string) *html.Node {
		n := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		for _, s := range titles {
			h := &html.Node{Type: html.ElementNode, Data: "h3", DataAtom: atom.H3}
			h.AppendChild(&html.Node{Type: html.TextNode, Data: s})
			n.AppendChild(h)
		}
		return n
	}
	if readStories(root, read(names), cards) {
		t.Error("the cards' own titles, read alone, were taken for a list of the extractor's own")
	}
	others := []string{"Theatre reopens after the flood", "Actors rehearse on the beach", "New director for the summer season", "Tickets for schools cut in half"}
	if !readStories(root, read(others), cards) {
		t.Error("headings linking outside the cards were not taken for a list of the extractor's own")
	}
}

// shopGridPage is a category of a shop: a line about the category and a
// grid of products, each a name, a maker and its prices alone in their
// own elements.
func shopGridPage() (string, [][3]string) {
	products := [][3]string{
		{"Oak writing desk with two drawers", "Hollow Tree", "$455.00"},
		{"Walnut bookcase, five shelves", "Hollow Tree", "$389.00"},
		{"Pine bedside table with a lamp shelf", "Northwood", "$129.00"},
		{"Beech dining chair, set of two", "Northwood", "$210.00"},
		{"Ash coat stand with an umbrella ring", "Fieldhouse", "$96.50"},
		{"Cherry chest of six drawers", "Fieldhouse", "$640.00"},
		{"Elm footstool with a woven top", "Millbrook", "$74.00"},
		{"Maple shoe rack for eight pairs", "Millbrook", "$88.00"},
		{"Larch garden bench, two seats", "Fieldhouse", "$315.00"},
		{"Birch wall shelf with hooks", "Northwood", "$45.00"},
	}
	var sb strings.Builder
	sb.WriteString(`<html lang="en"><head><title>Wooden furniture</title></head><body><nav><a href="/">Home</a> <a href="/cart">Cart</a></nav><main><h1>Wooden furniture</h1><ul class="grid">`)
	for i, p := range products {
		fmt.Fprintf(&sb, `<li class="item"><article class="card"><a href="/p/%d"><img src="/i/%d.jpg" alt=""></a><div class="body"><p class="name"><a href="/p/%d">%s</a></p><div class="prices"><span class="was">%s</span></div><p class="maker">%s</p></div></article></li>`, i, i, i, p[0], p[2], p[1])
	}
	sb.WriteString(`</ul></main><footer><p>Hollow Tree Furniture, all rights reserved.</p></footer></body></html>`)
	return sb.String(), products
}

// TestListingPricesRead checks that a product's price, alone in its
// element under the product's name, is read: a block without a letter
// was dropped as a page number or a dash would be, and a listener heard
// a shop's products without what they cost.
func TestListingPricesRead(t *testing.T) {
	page, products := shopGridPage()
	got := parsedText(t, page)
	for _, p := range products {
		wantLines(t, got, p[0], p[2])
	}
}

// TestPiecesRead checks the share of the cards' pieces of text an
// extraction holds: the titles alone are half of a card of a title and a
// price; with the prices, spaced or run together, all of it.
func TestPiecesRead(t *testing.T) {
	page, products := shopGridPage()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	_, cards := findListing(root)
	if len(cards) != len(products) {
		t.Fatalf("found %d cards, want %d", len(cards), len(products))
	}
	var names, all []string
	for _, p := range products {
		names = append(names, p[0], p[1])
		all = append(all, p[0]+p[2], p[1])
	}
	if got := piecesRead(strings.Join(names, "\n"), cards); got > 0.7 {
		t.Errorf("names and makers without prices: %.2f of the pieces read, want 2/3", got)
	}
	if got := piecesRead(strings.Join(all, "\n"), cards); got != 1 {
		t.Errorf("everything read: %.2f, want 1", got)
	}
}

// TestListingPictureLinksNotCounted checks that a card's links with no
// text (its contributors' or its sellers' pictures) do not count among
// the pages it links to: a card links to one to four pages, and a row
// of a project's five contributors' faces made every card "too many
// links" and the list was not found.
func TestListingPictureLinksNotCounted(t *testing.T) {
	projects := []string{"A small tool that renames photos by date", "Notes app that syncs over plain files", "Weather station firmware for cheap boards", "Recipe scaler that converts cups to grams", "Tiny web server for a single static folder"}
	var sb strings.Builder
	sb.WriteString(`<html lang="en"><head><title>Popular projects</title></head><body><main><h1>Popular projects this week</h1>`)
	for i, p := range projects {
		fmt.Fprintf(&sb, `<div class="project"><h2><a href="/p/%d">project-%d</a></h2><p>%s.</p><span>%d stars</span> <a href="/p/%d/stars">%d stars this week</a> Made by`, i, i, p, 100+i, i, 10+i)
		for j := 0; j < 5; j++ {
			fmt.Fprintf(&sb, ` <a href="/u/%d"><img src="/a/%d.png" alt=""></a>`, i*10+j, i*10+j)
		}
		sb.WriteString(`</div>`)
	}
	sb.WriteString(`</main></body></html>`)
	root, err := html.Parse(strings.NewReader(sb.String()))
	if err != nil {
		t.Fatal(err)
	}
	if _, cards := findListing(root); len(cards) != len(projects) {
		t.Errorf("found %d cards, want %d", len(cards), len(projects))
	}
}
