package article

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A shop's product page: the product says what it is in JSON-LD, has a
// short description, and under it a long block of customer reviews.
const productPageWithReviews = `<html><head><title>Larch Garden Bench | Woodyard</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Larch Garden Bench"}</script>
</head><body>
<main><div class="pdp">
<h1>Larch Garden Bench</h1>
<div class="pdp-description"><p>A two-seat bench cut from Scottish larch, left to weather to a silver grey.</p>
<p>The slats are screwed, not glued, so a broken one is replaced in minutes with a spare from our yard.</p>
<p>Seat height forty-five centimetres, width one hundred and twenty, weight twenty-two kilograms.</p></div>
<section id="PDPReviews" class="pdp__reviews">
<h2>What buyers say</h2>
<div class="review-card"><h3>Solid and simple</h3><p>We put it under the apple tree in spring and it has taken every storm since without a wobble or a crack in the seat.</p><p>Assembly took my neighbour and me about twenty minutes with a single screwdriver.</p></div>
<div class="review-card"><h3>Heavier than expected</h3><p>It took two of us to carry it round the side of the house, which is a good sign for how long it will last out there.</p><p>The colour went grey within one summer, just as the shop said it would.</p></div>
<div class="review-card"><h3>Nice bench</h3><p>My parents sit on it every evening to watch the birds at the feeder, and they tell me it is more comfortable than their sofa.</p></div>
</section>
</div></main>
</body></html>`

// TestProductReviewsNotRead: on a page that says it is a product, the
// customer reviews are not read; the description is.
func TestProductReviewsNotRead(t *testing.T) {
	doc, err := Parse([]byte(productPageWithReviews), "bench.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := blocksText(doc, nil)
	for _, want := range []string{"Scottish larch", "replaced in minutes"} {
		if !strings.Contains(text, want) {
			t.Errorf("description %q not read:\n%s", want, text)
		}
	}
	for _, bad := range []string{"apple tree", "carry it round", "watch the birds"} {
		if strings.Contains(text, bad) {
			t.Errorf("review %q read:\n%s", bad, text)
		}
	}
	var rules []string
	for _, r := range doc.Removed {
		rules = append(rules, r.Rule)
	}
	if !slices.Contains(rules, "page:reviews") {
		t.Errorf("reviews not recorded as removed by page:reviews: %v", rules)
	}
}

// TestReviewsReadWhenNotAProduct: the same page without its Product
// type (a blog's post with its readers' reviews) is not pruned this way.
func TestReviewsReadWhenNotAProduct(t *testing.T) {
	page := strings.Replace(productPageWithReviews, `"@type":"Product"`, `"@type":"WebPage"`, 1)
	doc, err := Parse([]byte(page), "bench.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range doc.Removed {
		if r.Rule == "page:reviews" {
			t.Errorf("page:reviews removed %q on a page that is not a product", r.Text)
		}
	}
}

// TestProductPageOfReviewsOnly: when the reviews are nearly all the page
// holds, they are the page and stay.
func TestProductPageOfReviewsOnly(t *testing.T) {
	page := strings.Replace(productPageWithReviews, `<h1>Larch Garden Bench</h1>`, ``, 1)
	page = strings.Replace(page, `<div class="pdp-description"><p>A two-seat bench cut from Scottish larch, left to weather to a silver grey.</p>
<p>The slats are screwed, not glued, so a broken one is replaced in minutes with a spare from our yard.</p>
<p>Seat height forty-five centimetres, width one hundred and twenty, weight twenty-two kilograms.</p></div>`, ``, 1)
	doc, err := Parse([]byte(page), "bench.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if text := blocksText(doc, nil); !strings.Contains(text, "apple tree") {
		t.Errorf("reviews that are the whole page not read:\n%s", text)
	}
}

func TestIsReviewName(t *testing.T) {
	for name, want := range map[string]bool{
		"product-reviews":              true,
		"PDPReviews":                   true,
		"individual-review__stars":     true,
		"yotpo-widget-instance":        true,
		"review_card":                  true,
		"preview-modal":                false,
		"cart-preview-dropdown":        false,
		"reviewed-by":                  false,
		"product-description":          false,
		"shopify-section-template--16": false,
	} {
		if got := isReviewName(name); got != want {
			t.Errorf("isReviewName(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestNameWords(t *testing.T) {
	got := strings.Join(nameWords("PDPReviews bv_reviews-list"), " ")
	if want := "pdp reviews bv reviews list"; got != want {
		t.Errorf("nameWords = %q, want %q", got, want)
	}
}

func TestReadSignalsProduct(t *testing.T) {
	for page, want := range map[string]bool{
		`<html><head><meta property="og:type" content="product"></head><body></body></html>`:                                      true,
		`<html><head><meta property="og:type" content="product.item"></head><body></body></html>`:                                 true,
		`<html><body><div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Bench</span></div></body></html>`: true,
		`<html><head><meta property="og:type" content="website"></head><body></body></html>`:                                      false,
	} {
		if got := readSignals(mustParse(t, page)).product; got != want {
			t.Errorf("readSignals(%s).product = %v, want %v", page, got, want)
		}
	}
}

// A shop's template marks the price as an Offer, the "offers" of an item
// whose type it left out or misspelt: the offer says the page sells one
// thing, its product. An offer of a typed item (an event's ticket) says
// nothing of a product, and a page without offers is not a shop's.
func TestReadSignalsOfferWithoutProduct(t *testing.T) {
	offer := `<div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="120.00">$120</div>`
	for _, c := range []struct {
		name, body string
		product    bool
		products   int
	}{
		{"untyped item", `<div itemscope datatype="http://schema.org/Product"><h1 itemprop="name">Oak stool</h1>` + offer + `</div>`, true, 1},
		{"no item", `<h1>Oak stool</h1>` + offer, true, 1},
		{"event's offer", `<div itemscope itemtype="https://schema.org/Event"><h1 itemprop="name">Choir night</h1>` + offer + `</div>`, false, 0},
		{"no offer", `<div itemscope><h1 itemprop="name">Oak stool</h1><p itemprop="description">Turned by hand.</p></div>`, false, 0},
	} {
		s := readSignals(mustParse(t, `<html><body>`+c.body+`</body></html>`))
		if s.product != c.product || s.products != c.products {
			t.Errorf("%s: product %v, products %d; want %v, %d", c.name, s.product, s.products, c.product, c.products)
		}
	}
}

// A shop gives its product in one JSON-LD block and its rating in
// another, the rating naming the product it rates: one product, not two
// (a page of two products is a category page, whose lines may be each
// product's).
func TestReadSignalsProductNamedTwice(t *testing.T) {
	group := `<script type="application/ld+json">{"@context":"https://schema.org","@type":"ProductGroup","name":"Felt Slipper","offers":{"@type":"Offer","price":"40"}}</script>`
	rating := `<script type="application/ld+json">{"aggregateRating":{"@type":"AggregateRating","itemReviewed":{"@type":"Product","name":"Felt  slipper"},"ratingValue":"4.2"}}</script>`
	other := `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Wool Sock"}</script>`
	for _, c := range []struct {
		blocks string
		want   int
	}{
		{group + rating, 1},
		{group + other, 2},
		{group + other + rating, 2},
	} {
		page := `<html><head>` + c.blocks + `</head><body><p>Soft.</p></body></html>`
		if got := readSignals(mustParse(t, page)).products; got != c.want {
			t.Errorf("readSignals(%s).products = %d, want %d", c.blocks, got, c.want)
		}
	}
}

func mustParse(t *testing.T, page string) *html.Node {
	t.Helper()
	n, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// A product page whose description is a short paragraph and a list of
// specifications, beside a long delivery notice.
const productPageWithSpecs = `<html><head><title>Tin Kettle</title>
<meta property="og:type" content="product"></head><body>
<div class="pdp"><h1>Tin Kettle</h1>
<div class="product-description"><p>A stovetop kettle pressed from one sheet of tin, with a beech handle.</p>
<ul><li>Capacity: one and a half litres</li><li>Works on gas and induction</li><li>Whistle lifts off for cleaning</li></ul></div>
<div class="dialog_description"><p>You have switched to another country's shop; your basket stays where it was.</p></div>
<div class="delivery"><p>Orders placed before noon leave our warehouse the same day, and parcels travel with a tracked courier who will text you an hour before arrival. If nobody is at home the courier leaves a card, and the parcel waits at the nearest depot for a week.</p></div>
</div></body></html>`

// TestReadDescription: the product's description block the extraction
// left out is read before what it read; a dialog's "description" is not.
func TestReadDescription(t *testing.T) {
	root := mustParse(t, productPageWithSpecs)
	read := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
	read.AppendChild(&html.Node{Type: html.TextNode, Data: "Orders placed before noon leave our warehouse the same day."})
	res := &trafilatura.ExtractResult{ContentNode: read, ContentText: textOf(read)}
	got := readDescription(root, res, readSignals(root))
	text := got.ContentText
	for _, want := range []string{"one sheet of tin", "Works on gas and induction", "Orders placed before noon"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not read:\n%s", want, text)
		}
	}
	if strings.Index(text, "one sheet of tin") > strings.Index(text, "Orders placed") {
		t.Errorf("description not read first:\n%s", text)
	}
	if strings.Contains(text, "another country") {
		t.Errorf("a dialog's description read:\n%s", text)
	}
	// Not on a page that does not say it is a product.
	if again := readDescription(root, res, pageSignals{}); again != res {
		t.Errorf("description read on a page that is not a product:\n%s", again.ContentText)
	}
	// Not twice when the extraction read it.
	read.AppendChild(cloneTree(descriptionBlocks(root)[0]))
	res.ContentText = textOf(read)
	if again := readDescription(root, res, readSignals(root)); again != res {
		t.Errorf("description read twice:\n%s", again.ContentText)
	}
}

func TestIsDescriptionName(t *testing.T) {
	for name, want := range map[string]bool{
		"product-description":        true,
		"pdp__specs":                 true,
		"productDescription col-8":   true,
		"tech-specs":                 true,
		"description":                true,
		"dialog_description":         false,
		"gallery-item-description":   false,
		"tile-description large-11":  false,
		"product-details":            false,
		"meta-description-something": false,
	} {
		if got := isDescriptionName(name); got != want {
			t.Errorf("isDescriptionName(%q) = %v, want %v", name, got, want)
		}
	}
}

// A product page whose specifications stand under a heading, in French,
// with no name in their markup.
const productPageWithHeading = `<html lang="fr"><head><title>Lampe de bureau</title>
<script type="application/ld+json">{"@type":"Product","name":"Lampe de bureau"}</script></head><body>
<h1>Lampe de bureau</h1>
<div class="x1"><h2>Caractéristiques :</h2>
<ul><li>Bras articulé en acier laqué</li><li>Ampoule à culot E27 fournie</li><li>Câble textile de deux mètres</li></ul>
<p>Se fixe au bord d'une table jusqu'à quatre centimètres d'épaisseur.</p>
<h2>Livraison</h2><p>Expédiée sous trois jours ouvrés depuis notre atelier.</p></div>
</body></html>`

// TestLabelledSections: the section under a heading that says
// "Caractéristiques" is read up to the next heading of its rank.
func TestLabelledSections(t *testing.T) {
	secs := labelledSections(mustParse(t, productPageWithHeading))
	if len(secs) != 1 {
		t.Fatalf("%d sections, want 1", len(secs))
	}
	text := textOf(secs[0])
	for _, want := range []string{"Bras articulé", "quatre centimètres"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not in the section: %q", want, text)
		}
	}
	if strings.Contains(text, "Expédiée") {
		t.Errorf("the next section read as the description: %q", text)
	}
	// A heading alone in its wrapper announces what follows the wrapper.
	page := strings.Replace(productPageWithHeading, `<h2>Caractéristiques :</h2>`, `<div class="tab"><h3>Caractéristiques</h3></div>`, 1)
	if secs := labelledSections(mustParse(t, page)); len(secs) != 1 || !strings.Contains(textOf(secs[0]), "Bras articulé") {
		t.Errorf("wrapped heading: sections %d", len(secs))
	}
}

// A product page whose extraction read a shipping note, with a carousel
// of other products under it: the carousel is the shop's, not this
// product's text.
func productWithCarousel(banner string) string {
	return strings.Replace(shopPage(banner), `<head><title>Teapots</title>`,
		`<head><title>Stoneware Teapot</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Stoneware Teapot"}</script>`, 1)
}

// TestOtherProductsNotRead: on a page that says it is a product, a group
// of repeated blocks that are each a product of their own (a link away
// and a price) is not read as the page; on a page that does not, it is
// (a shop's category page, TestReadCardsGrid).
func TestOtherProductsNotRead(t *testing.T) {
	banner := "Free delivery on orders over fifty dollars this week"
	first := func() *trafilatura.ExtractResult {
		r := &trafilatura.ExtractResult{ContentText: banner, ContentNode: &html.Node{Type: html.ElementNode, Data: "p"}}
		r.ContentNode.AppendChild(&html.Node{Type: html.TextNode, Data: banner})
		return r
	}
	root, err := html.Parse(strings.NewReader(productWithCarousel(banner)))
	if err != nil {
		t.Fatal(err)
	}
	sig := readSignals(root)
	if !sig.product {
		t.Fatal("the page's Product type not read")
	}
	res := first()
	if got := readCardGroups(root, res, pageCardGroups(root, sig)); got != res {
		t.Errorf("other products read on a product page: %q", got.ContentText)
	}
	root, _ = html.Parse(strings.NewReader(shopPage(banner)))
	res = first()
	if got := readCardGroups(root, res, pageCardGroups(root, readSignals(root))); got == res {
		t.Errorf("a category page's products were not read")
	}
}

// TestOtherProducts: a group's members are other products when each
// links away and names a price; a product's own rows (features without
// prices, variants linked to anchors of the page) are not.
func TestOtherProducts(t *testing.T) {
	for page, want := range map[string]bool{
		`<ul><li><a href="/p/1">Blue mug, holds a pint</a> <b>£12.00</b></li><li><a href="/p/2">Red mug, holds a pint</a> <b>£12.00</b></li><li><a href="/p/3">Tall green mug for tea</a> <b>£14.50</b></li></ul>`: true,
		`<ul><li><a href="/p/1">Blaue Tasse, fasst einen Liter</a> 12,90 €</li><li><a href="/p/2">Rote Tasse, fasst einen Liter</a> 12,90 €</li><li><a href="/p/3">Hohe grüne Tasse für Tee</a> 14 €</li></ul>`:    true,
		`<ul><li><a href="/p/1">Niebieski kubek na herbatę</a> 49 zł</li><li><a href="/p/2">Czerwony kubek na kawę</a> 49 zł</li><li><a href="/p/3">Wysoki zielony kubek</a> 59 zł</li></ul>`:                      true,
		`<ul><li>Holds a pint of tea or coffee</li><li>Glazed by hand in our workshop</li><li>Safe in the dishwasher and microwave</li></ul>`:                                                                      false,
		`<ul><li><a href="#blue">Blue glaze with white rim</a> $12</li><li><a href="#red">Red glaze with white rim</a> $12</li><li><a href="#green">Green glaze with a grey rim</a> $14</li></ul>`:                 false,
		`<ul><li><a href="/guide/1">How to brew green tea well</a></li><li><a href="/guide/2">How to clean a teapot well</a></li><li><a href="/guide/3">How to store loose tea leaves</a></li></ul>`:               false,
		`<table><tr><td>Height of the mug</td><td>12 cm</td></tr><tr><td>Weight of the mug</td><td>300 g</td></tr><tr><td>Volume of the mug</td><td>568 ml</td></tr></table>`:                                      false,
	} {
		root, err := html.Parse(strings.NewReader("<html><body>" + page + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		gs := findCardGroups(root)
		if len(gs) == 0 {
			t.Fatalf("no group in %s", page)
		}
		if got := gs[0].otherProducts(); got != want {
			t.Errorf("%s: other products %v, want %v", page, got, want)
		}
	}
}

// TestHasPrice: amounts of money in several currencies and writings;
// numbers that are not.
func TestHasPrice(t *testing.T) {
	for s, want := range map[string]bool{
		"$19.99": true, "£699": true, "19,90 €": true, "EUR 12": true, "149 kr": true, "99 zł": true,
		"R$ 50": true, "₹1,299": true, "1 299,00 руб": true, "CHF 35.-": true, "3 500 Kč": true,
		"648 mm": false, "22 frets": false, "Model 3": false, "4.7 out of 5": false, "USB 3.0": false, "": false,
	} {
		if got := hasPrice(s); got != want {
			t.Errorf("hasPrice(%q) = %v, want %v", s, got, want)
		}
	}
}

// A product page whose specifications wait in a tab that its script
// shows on a click: hidden by an inline style, with nothing that names it
// a tab panel; a hidden menu of links next to it.
const productHiddenSpecs = `<html><head><title>Field Radio FR-2</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Field Radio FR-2"}</script>
</head><body>
<div class="menu" style="display:none"><table><tr><td><a href="/radios">Radios</a></td><td><a href="/radios/new">New</a></td></tr>
<tr><td><a href="/lamps">Lamps</a></td><td><a href="/lamps/new">New</a></td></tr><tr><td><a href="/tools">Tools</a></td><td><a href="/tools/new">New</a></td></tr></table></div>
<main><h1>Field Radio FR-2</h1>
<p>A wind-up radio for the shed and the tent: one minute of cranking plays for half an hour, and the solar panel on its lid tops it up in daylight.</p>
<p>It receives long wave, medium wave and FM, and its lamp lights a path for a whole evening.</p>
<div class="tabs"><span class="tab">Overview</span><span class="tab">Specifications</span></div>
<div class="tab-body" style="display: none"><table>
<tr><th>Bands</th><td>LW, MW, FM</td></tr><tr><th>Crank time</th><td>1 minute for 30 minutes of play</td></tr>
<tr><th>Solar panel</th><td>0.5 W on the lid</td></tr><tr><th>Mass</th><td>410 g with its strap</td></tr></table></div>
</main></body></html>`

// TestHiddenSpecificationsRead: on a page that says it is a product, a
// hidden table of labels and values is the product's specifications and
// is read; a hidden menu is not, and without the Product type the hidden
// table stays hidden.
func TestHiddenSpecificationsRead(t *testing.T) {
	doc, err := Parse([]byte(productHiddenSpecs), "radio.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := blocksText(doc, nil)
	for _, want := range []string{"wind-up radio", "Crank time", "410 g with its strap"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not read:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Lamps") {
		t.Errorf("the hidden menu was read:\n%s", text)
	}
	plain := strings.Replace(productHiddenSpecs, `"@type":"Product"`, `"@type":"WebPage"`, 1)
	doc, err = Parse([]byte(plain), "radio.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if text := blocksText(doc, nil); strings.Contains(text, "Crank time") {
		t.Errorf("a hidden table read on a page that is not a product:\n%s", text)
	}
}

// TestSpecRows: rows of a label and its value are counted; rows of links
// or of one cell are not.
func TestSpecRows(t *testing.T) {
	for page, want := range map[string]int{
		`<table><tr><th>Mass</th><td>2 kg</td></tr><tr><th>Width</th><td>40 cm</td></tr><tr><td>Colour</td><td>Green</td></tr></table>`: 3,
		`<dl><dt>Mass</dt><dd>2 kg</dd><dt>Width</dt><dd>40 cm</dd></dl>`:                                                               2,
		`<table><tr><td><a href="/a">Radios</a></td><td><a href="/b">New</a></td></tr></table>`:                                         0,
		`<table><tr><td>One cell only</td></tr><tr><td>12</td><td>14</td></tr></table>`:                                                 0,
	} {
		root, err := html.Parse(strings.NewReader("<html><body>" + page + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := specRows(root); got != want {
			t.Errorf("%s: %d rows, want %d", page, got, want)
		}
	}
}

// A product page that leaves its shop's custom fields in a definition
// list for its scripts: each labelled by a program's name.
const productFieldDump = `<html><head><title>Canvas Apron</title>
<meta property="og:type" content="product">
</head><body><main><h1>Canvas Apron</h1>
<p>A heavy canvas apron with a split leg for the potter's wheel, two deep pockets and cotton ties that cross at the back.</p>
<p>Washed before it leaves the workshop, so it will not shrink in your machine.</p>
<dl class="info"><dt>sku_code:</dt><dd>AP-204</dd><dt>swatch_img_Sand:</dt><dd>https://img.example/aprons/sand_thumb.jpg</dd>
<dt>swatch_img_Moss:</dt><dd>https://img.example/aprons/moss_thumb.jpg</dd><dt>price_tier_2:</dt><dd>18.00_10-49 items</dd><dt>Weight:</dt><dd>450 g</dd></dl>
<table><tr><th>Material</th><td>12 oz cotton canvas</td></tr><tr><th>Length</th><td>90 cm</td></tr><tr><th>Pockets</th><td>Two, with a pen slot</td></tr></table>
</main></body></html>`

// TestFieldDumpsNotRead: on a product page, a list of fields labelled by
// program identifiers is removed (and recorded); the specification table
// labelled in words is read.
func TestFieldDumpsNotRead(t *testing.T) {
	doc, err := Parse([]byte(productFieldDump), "apron.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := blocksText(doc, nil)
	for _, bad := range []string{"swatch_img", "moss_thumb.jpg", "price_tier"} {
		if strings.Contains(text, bad) {
			t.Errorf("field dump %q read:\n%s", bad, text)
		}
	}
	for _, want := range []string{"split leg", "12 oz cotton canvas"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not read:\n%s", want, text)
		}
	}
	var rules []string
	for _, r := range doc.Removed {
		rules = append(rules, r.Rule)
	}
	if !slices.Contains(rules, "page:field-dumps") {
		t.Errorf("the dump not recorded as removed by page:field-dumps: %v", rules)
	}
}

// TestIsIdentifier: names joined by underscores are a program's; labels
// in words, with spaces, hyphens or slashes, are not.
func TestIsIdentifier(t *testing.T) {
	for s, want := range map[string]bool{
		"retail_price_tier1:": true, "cat_thumb_Petrol Blue:": true, "größe_eu": true, "tab_Details": true,
		"Weight:": false, "Seat height (floor to seat)": false, "Made in": false, "Wi-Fi": false, "A/B": false, "_": false, "Größe": false,
	} {
		if got := isIdentifier(s); got != want {
			t.Errorf("isIdentifier(%q) = %v, want %v", s, got, want)
		}
	}
}

// A product page that gives its description twice, once for wide screens
// and once for phones, each copy in its own layout.
const productTwoLayouts = `<html><head><title>Linen Tea Towel</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"ProductGroup","name":"Linen Tea Towel",
"hasVariant":[{"@type":"Product","name":"Linen Tea Towel, natural"},{"@type":"Product","name":"Linen Tea Towel, rust"}]}</script>
</head><body><main><h1>Linen Tea Towel</h1>
<div class="desktop-only"><p>Woven from flax grown in Normandy, this towel dries glasses without a streak and softens with every wash.</p>
<ul><li>Fifty by seventy centimetres, with a loop to hang it by the stove</li><li>Stone washed, so it is soft from the first day</li></ul></div>
<h2>Care</h2><p>Wash it warm with the colours, and dry it on the line; it needs no ironing if you fold it while it is still damp.</p>
<div class="mobile-only"><p>Woven from flax grown in Normandy, this towel dries glasses without a streak and softens with every wash.</p>
<ul><li>Fifty by seventy centimetres, with a loop to hang it by the stove</li><li>Stone washed, so it is soft from the first day</li></ul></div>
</main></body></html>`

// TestProductRepeatsReadOnce: on a page about one product, a block of
// eight words or more given again word for word is read once (and the
// copy recorded); on a page that is not a product, or about several
// products, every copy stays.
func TestProductRepeatsReadOnce(t *testing.T) {
	doc, err := Parse([]byte(productTwoLayouts), "towel.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := blocksText(doc, nil)
	for _, want := range []string{"flax grown in Normandy", "loop to hang it", "Stone washed", "dry it on the line"} {
		if n := strings.Count(text, want); n != 1 {
			t.Errorf("%q read %d times, want once:\n%s", want, n, text)
		}
	}
	var rules []string
	for _, r := range doc.Removed {
		rules = append(rules, r.Rule)
	}
	if !slices.Contains(rules, "page:product-repeat") {
		t.Errorf("the copy not recorded as removed by page:product-repeat: %v", rules)
	}

	for name, page := range map[string]string{
		"not a product": strings.Replace(productTwoLayouts, `"@type":"ProductGroup"`, `"@type":"WebPage"`, 1),
		"two products": strings.Replace(productTwoLayouts, `<main>`, `<main><div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Tea towel</span></div>`+
			`<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Oven glove</span></div><div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Apron</span></div>`, 1),
	} {
		doc, err := Parse([]byte(page), "towel.html", LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(blocksText(doc, nil), "flax grown in Normandy"); n != 2 {
			t.Errorf("%s: the description read %d times, want both copies", name, n)
		}
	}
}

// TestProductCount: the products a page describes, counted once when
// given both in microdata and in JSON-LD, a product's variants not
// counted apart.
func TestProductCount(t *testing.T) {
	ld := func(s string) string { return `<script type="application/ld+json">` + s + `</script>` }
	micro := `<div itemscope itemtype="https://schema.org/Product"><span itemprop="name">Kettle</span>` +
		`<div itemprop="isRelatedTo" itemscope itemtype="https://schema.org/Product"><span itemprop="name">Teapot</span></div></div>`
	for page, want := range map[string]int{
		ld(`{"@type":"Product","name":"Kettle"}`):                                                                                                      1,
		ld(`{"@type":"ProductGroup","name":"Kettle","hasVariant":[{"@type":"Product"},{"@type":"Product"}]}`):                                          1,
		ld(`{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":"Product"}},{"@type":"ListItem","item":{"@type":"Product"}}]}`): 2,
		micro: 1,
		micro + ld(`{"@type":"Product","name":"Kettle"}`): 1,
		`<p>No data</p>`: 0,
	} {
		root, err := html.Parse(strings.NewReader("<html><head></head><body>" + page + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := readSignals(root).products; got != want {
			t.Errorf("%s: %d products, want %d", page, got, want)
		}
	}
}

// TestShopPageWithArticleType: og:type "article", which blog engines give
// every page, does not make a shop's product page an article when its
// structured data describes one product for sale and no article; a
// review of a product (an Article type), a page of several products and
// a service rated as a product (no offer) stay articles.
func TestShopPageWithArticleType(t *testing.T) {
	og := `<meta property="og:type" content="article">`
	ld := func(s string) string { return `<script type="application/ld+json">` + s + `</script>` }
	offered := ld(`{"@context":"https://schema.org","@type":"Product","name":"Oak Stool","offers":{"@type":"Offer","price":"85.00","priceCurrency":"EUR"}}`)
	for name, c := range map[string]struct {
		head    string
		article bool
	}{
		"shop page":            {og + offered, false},
		"shop page, microdata": {og + `</head><body><div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Oak Stool</h1><span itemprop="price">85</span></div>`, false},
		"review of a product":  {og + offered + ld(`{"@type":"BlogPosting","headline":"A week with the oak stool"}`), true},
		"several products":     {og + offered + ld(`{"@type":"Product","name":"Ash Stool","offers":{"@type":"Offer","price":"70"}}`), true},
		"service with rating":  {og + ld(`{"@type":"Product","name":"Gutter cleaning","aggregateRating":{"@type":"AggregateRating","ratingValue":"4.8"}}`), true},
		"no structured data":   {og, true},
	} {
		root, err := html.Parse(strings.NewReader("<html><head>" + c.head + "</head><body></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := readSignals(root).article; got != c.article {
			t.Errorf("%s: article %v, want %v", name, got, c.article)
		}
	}
}

// productWithMenus is a shop's page of one product whose catalogue is
// written into the page twice as menus of links (a header's mega-menu in
// plain <div>s and its copy for phones), with a short description and a
// row of care notes: the menus are more text than the description.
func productWithMenus() string {
	var menu strings.Builder
	for _, dept := range []string{"Kitchen", "Garden", "Bedroom", "Bathroom", "Workshop"} {
		menu.WriteString(`<div class="col"><span class="title">` + dept + `</span><div class="links">`)
		for _, item := range []string{"Shop everything", "New this season", "Best loved", "Gift ideas", "Last pieces", "Made to order", "Spare parts"} {
			menu.WriteString(`<a href="/c/` + strings.ToLower(dept) + `/` + strings.ReplaceAll(strings.ToLower(item), " ", "-") + `">` + dept + ` ` + item + `</a>`)
		}
		menu.WriteString(`</div></div>`)
	}
	return `<html><head><title>Linen tea towel</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Linen tea towel","offers":{"@type":"Offer","price":"12.00","priceCurrency":"EUR"}}</script>
</head><body><div class="top"><div class="mega">` + menu.String() + `</div></div>
<div class="phone-menu">` + menu.String() + `</div>
<div class="pdp"><h1>Linen tea towel</h1><span class="price">12,00 €</span>
<div class="about"><p>Woven from stonewashed linen that dries glasses without leaving lint behind, this towel softens with every wash.</p>
<p>Each towel has a loop sewn into one corner so it can hang from a hook beside the sink.</p></div>
<ul class="care"><li>Wash warm with like colours</li><li>Tumble dry low or line dry</li></ul></div>
</body></html>`
}

// TestProductMenusNotRead: on the page of one product, a shop's menus
// (blocks of many links and nothing else) are not read and are recorded
// as removed; the description is read.
func TestProductMenusNotRead(t *testing.T) {
	doc, err := Parse([]byte(productWithMenus()), "towel.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := blocksText(doc, nil)
	for _, bad := range []string{"Garden Best loved", "Workshop Spare parts"} {
		if strings.Contains(text, bad) {
			t.Errorf("menu %q read:\n%s", bad, text)
		}
	}
	for _, want := range []string{"stonewashed linen", "loop sewn into one corner"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not read:\n%s", want, text)
		}
	}
	var rules []string
	for _, r := range doc.Removed {
		rules = append(rules, r.Rule)
	}
	if !slices.Contains(rules, "page:product-menus") {
		t.Errorf("the menus not recorded as removed by page:product-menus: %v", rules)
	}
}

// TestProductMenusKept: the blocks of links stay on a page that describes
// several products (a category page, whose cards may be linked names)
// and on a page that is not a product's.
func TestProductMenusKept(t *testing.T) {
	page := productWithMenus()
	several := strings.Replace(page, `</head>`, `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Linen napkin"}</script></head>`, 1)
	plain := strings.Replace(page, `"@type":"Product"`, `"@type":"Thing"`, 1)
	for name, p := range map[string]string{"several products": several, "no product": plain} {
		root := mustParse(t, p)
		pruneProductMenus(root, readSignals(root))
		if !strings.Contains(textOf(root), "Garden Best loved") {
			t.Errorf("%s: menu removed", name)
		}
	}
	root := mustParse(t, page)
	pruneProductMenus(root, readSignals(root))
	if got := textOf(root); strings.Contains(got, "Garden Best loved") || !strings.Contains(got, "stonewashed linen") || !strings.Contains(got, "Linen tea towel") {
		t.Errorf("one product's page after pruneProductMenus: %q", got)
	}
}

// TestReadsMainBox: readMain is asked of services, listings and
// products, and of pages only a blog engine's Open Graph default calls
// articles (webPage), not of articles, discussions or recipes.
func TestReadsMainBox(t *testing.T) {
	for _, c := range []struct {
		sig  pageSignals
		want bool
	}{
		{pageSignals{}, true},
		{pageSignals{product: true, products: 1}, true},
		{pageSignals{product: true}, true},
		{pageSignals{article: true}, false},
		{pageSignals{discussion: true}, false},
		{pageSignals{recipe: true}, false},
		{pageSignals{product: true, article: true}, false},
		{pageSignals{article: true, webPage: true}, true},
	} {
		if got := readsMainBox(c.sig); got != c.want {
			t.Errorf("readsMainBox(%+v) = %v, want %v", c.sig, got, c.want)
		}
	}
}

// TestReadMainReadsProductSections: on a product's page whose questions
// and answers the extractor took for the text, the page's other sections
// (feature cards, what is in the box) are read from the main box, in the
// page's order; the reviews, removed before extraction, are not.
func TestReadMainReadsProductSections(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "product", "lamp.html"))
	if err != nil {
		t.Fatal(err)
	}
	root := mustParse(t, string(data))
	sig := readSignals(root)
	pruneReviews(root, sig)
	res := extractedFrom(t, root, "faq")
	got := readMain(root, res, sig)
	if got == res {
		t.Fatal("readMain kept the extraction of the questions alone")
	}
	text := got.ContentText
	for _, want := range []string{"Light where you read", "will not tip when the arm is out", "In the box", "A frosted E27 bulb", "Which bulb does it take?"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in %q", want, text)
		}
	}
	if strings.Index(text, "Solid brass base") > strings.Index(text, "Which bulb") {
		t.Errorf("not in the page's order: %q", text)
	}
	for _, bad := range []string{"my cat", "Add to cart", "Shades", "Returns"} {
		if strings.Contains(text, bad) {
			t.Errorf("%q read: %q", bad, text)
		}
	}
}

// untypedShopPage is a shop's page whose template forgot the product's
// type (datatype= for itemtype=) and marks only the offer: its
// description, under itemprop "description", sits below a long run of
// the shop's testimonials.
const untypedShopPage = `<html><head><title>Oak Stool</title></head><body>
<div itemscope datatype="http://schema.org/Product">
<div class="row"><div class="col">
<h1 itemprop="name">Oak Stool, three legs</h1>
<form action="/cart"><div itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="price" content="120.00">$120.00 <button>Add</button></div></form>
<div class="quotes"><h3>Our customers say</h3>
<div class="quote">Martha from Leeds says: the parcel came two days early and the packing was all paper, which I appreciated more than I can say in a short note.</div>
<div class="quote">Tom in Cork says: I rang with a question about a desk and a friendly person answered on the second ring, then followed up by email the same afternoon.</div>
<div class="quote">Ines from Porto says: we ordered chairs for the whole office and every one of them arrived whole, on the day we were promised, with the right screws.</div>
<div class="quote">Sam in Perth says: the prices were better than the big stores and delivery was free, so the choice was easy and I would order from them again.</div>
</div></div></div>
<div class="row"><div class="col"><div class="caption" itemprop="description"><h1><b><font color="#a50">OAK STOOL: THREE LEGS, NO NAILS</font></b></h1>
<img src="stool.jpg" width="900" height="400"><br><br><b>Turned by hand from one oak log: <i>each leg is steamed and bent before it is wedged into the seat, so the stool tightens as it dries.</i></b><br><br>
<b>Seat height:</b> 45 cm.<br><b>Finish:</b> beeswax, renewed once a year with a soft cloth.<br><b>Wood:</b> <i>European oak from managed woods.</i></div></div></div>
</div>
</body></html>`

func TestUntypedShopPageReadsDescription(t *testing.T) {
	doc, err := Parse([]byte(untypedShopPage), "stool.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	text := blocksText(doc, nil)
	for _, want := range []string{"Turned by hand", "tightens as it dries", "beeswax"} {
		if !strings.Contains(text, want) {
			t.Errorf("description %q not read:\n%s", want, text)
		}
	}
}
