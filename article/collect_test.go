package article

import (
	"fmt"
	"strings"
	"testing"
)

// lanterns are the products of a made-up shop's category page.
var lanterns = []struct{ brand, name, price, blurb string }{
	{"Harbour Works", "Tide Lantern 300", "$54.95", "A brass lantern that keeps its flame in a gale."},
	{"Harbour Works", "Tide Lantern 500", "$79.95", "The larger lantern, with a glass that does not fog."},
	{"Quay Lights", "Mooring Lamp", "$24.95", "A small lamp that clips to a rail or a cleat."},
	{"Quay Lights", "Deck Torch Mini", "$19.95", "A torch for the pocket, bright enough for a chart."},
	{"Saltmarsh", "Cabin Light Duo", "$39.95", "Two warm lights for the cabin, charged by the sun."},
	{"Saltmarsh", "Beacon Headlamp", "$44.95", "A headlamp with a red light that spares night vision."},
	{"Fenwick", "Pier Lantern Classic", "$64.95", "The lantern the ferry crews have used for decades."},
	{"Fenwick", "Pier Lantern Compact", "$49.95", "The same lantern, small enough for a day bag."},
}

func lanternPage(cards string) string {
	return `<html lang="en"><head><title>Lanterns and lamps</title></head><body>` +
		`<header><nav><a href="/">Home</a> <a href="/boats">Boats</a> <a href="/lights">Lights</a></nav></header>` +
		`<main><h1>Lanterns and lamps</h1>` + cards + `</main>` +
		`<footer><p>Harbour Supply, open every day but Sunday.</p></footer></body></html>`
}

// A shop card's brand and product name, each in an element of its own
// with no space between, are read a word apart ("Harbour Works Tide
// Lantern 300", not "Harbour WorksTide Lantern 300").
func TestCardBrandAndNameSpaced(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`<ul class="grid">`)
	for i, l := range lanterns {
		fmt.Fprintf(&sb, `<li class="tile"><a href="/p/%d"><span class="brand">%s</span><span class="title">%s</span></a><span class="price">%s</span><p>%s</p></li>`, i, l.brand, l.name, l.price, l.blurb)
	}
	sb.WriteString(`</ul>`)
	got := parsedText(t, lanternPage(sb.String()))
	for _, l := range lanterns {
		wantLines(t, got, l.brand+" "+l.name)
	}
}

// A word written in pieces keeps its pieces together: one word after the
// join is a word styled in parts, not a brand and a name.
func TestNamePieces(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"Black Diamond", "Spot 400 Headlamp", true},
		{"Quay Lights", "Mooring Lamp", true},
		{"Mac", "Book", false},
		{"Harbour", "Works", false},
		{"e", "Bay Motors", false},
		{"Price 12", "Sale", false},
		{"the harbour", "Today", false},
		{"Alpine Trekker", "Trail", false},
		{"Petzl", "Actik Core Headlamp", true},
	} {
		if got := namePieces(c.a, c.b); got != c.want {
			t.Errorf("namePieces(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// A grid whose every card is named with a widget's word
// ("subscription-eligible": the product can be bought by subscription)
// is the page's text, not eight widgets: its products are read.
func TestGridCardsNamedLikeWidgetRead(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`<div class="grid">`)
	for i, l := range lanterns {
		fmt.Fprintf(&sb, `<div class="cell"><div class="product-card subscription-eligible"><h3><a href="/p/%d">%s %s</a></h3><span class="price">%s</span> <span>%s</span></div></div>`, i, l.brand, l.name, l.price, l.blurb)
	}
	sb.WriteString(`</div>`)
	got := parsedText(t, lanternPage(`<p>Eight lights for the boat.</p>`+sb.String()))
	for _, l := range lanterns {
		wantLines(t, got, l.brand+" "+l.name)
	}
}

// Must not: a few widgets named alike beside an article (three
// newsletter boxes, less text than the article) are still removed.
func TestWidgetsBesideArticleRemoved(t *testing.T) {
	var boxes strings.Builder
	for i := range 3 {
		fmt.Fprintf(&boxes, `<div class="newsletter-box"><a href="/signup/%d">Get the harbour news in your inbox every Friday morning</a></div>`, i)
	}
	page := `<html lang="en"><head><title>Ferry</title></head><body><article><h1>Ferry back on time</h1>` + storyHTML() + boxes.String() + `</article></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, storyParas...)
	if strings.Contains(got, "inbox") {
		t.Errorf("a newsletter box was read:\n%s", got)
	}
}

// A CSS Modules class name ends in a hash of random letters
// ("Faq_item__adF2E"): its letters are not a word of the name, and an
// FAQ whose items' hash starts with "ad" is not taken for advertisements.
func TestModuleHashNotAWord(t *testing.T) {
	for _, c := range []struct {
		hint string
		want bool
	}{
		{"Faq_item__adF2E ", false},
		{"Card_wrap__Ad9xQ", false},
		{"Promo_box__x9Kq2", true},  // the name's own word
		{"social-bar__share", true}, // a BEM element is a word
		{"story__ads card", true},   // lower case: a word
		{"newsletterSignup", true},  // camel case
	} {
		if got := boilerplateHint.MatchString(withoutModuleHashes(c.hint)); got != c.want {
			t.Errorf("%q: widget %v, want %v", c.hint, got, c.want)
		}
	}
	questions := []string{
		"How long does a lantern burn on one filling of oil? About twelve hours at a low flame, a little less in wind.",
		"Can the glass be replaced when it cracks? Yes, every lantern takes a spare glass, sold with its own seal.",
		"Do the lamps work in the rain? They are sealed against spray and rain, though not for a swim in the harbour.",
	}
	var faq strings.Builder
	for _, q := range questions {
		fmt.Fprintf(&faq, `<details class="Faq_item__adF2E"><summary>%s</summary><p>%s</p></details>`, q[:strings.Index(q, "?")+1], q[strings.Index(q, "?")+2:])
	}
	page := `<html lang="en"><head><title>Lantern questions</title></head><body><main><h1>Lantern questions</h1>` +
		`<p>Our crews answer the questions sailors ask most about the lanterns we sell, from fuel to spare parts.</p>` + faq.String() + `</main></body></html>`
	got := parsedText(t, page)
	for _, q := range questions {
		wantLines(t, got, q[strings.Index(q, "?")+2:])
	}
}

// A category's cards whose headings link to their pages are teasers
// beside an article, but on a page they are most of, they are its text.
// The cards' lines are matched with the teasers' once their inline
// pieces are spaced ("Brass lanterns for the deck In stock", not "deckIn
// stock"), so every card is read, its heading too.
func TestSpacedCardsReadAsTeasersAlike(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`<div class="row">`)
	for i, l := range lanterns {
		blurb := strings.TrimSuffix(l.blurb, ".")
		if i >= len(lanterns)-3 {
			blurb = "Lights for the cabin" // the last cards say less
		}
		fmt.Fprintf(&sb, `<div class="col cat_box"><div class="box"><h2><a href="/c/%d">%s %s<br>%s - $99.95</a></h2><span class="desc">%s</span><span class="stock">In stock</span><a class="btn" href="/c/%d">See details</a></div></div>`,
			i, l.brand, l.name, l.price, blurb, i)
	}
	sb.WriteString(`</div>`)
	intro := `<p>Harbour Supply has sold lanterns, lamps and torches to the boats of this coast for forty years, and every light we sell is one our own crews have tried at sea.</p>`
	got := parsedText(t, lanternPage(intro+sb.String()))
	for _, l := range lanterns {
		wantLines(t, got, l.brand+" "+l.name+" "+l.price)
	}
}
