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
