package article

import (
	"regexp"
	"strings"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pruneReviews removes, before extraction, the customer reviews of a
// page that says it is a product (pageSignals.product) and not an
// article: elements marked as reviews in microdata (itemprop "review",
// itemtype Review) and elements whose class or id names them (isReviewName:
// "reviews", "product-review", "PDPReviews", a review widget's own name).
// On a product page the reviewed text is the product's description and
// specifications; the reviews, often far more text than the description,
// are what the extractor took for the page, and what a listener heard
// instead of what the product is. An element is kept when it holds the
// page's <h1> or the product's own description (itemprop "description"
// outside a review), or when removing it would leave the page less than
// minPageAfterReviews letters of text: then the "reviews" are the page.
//
// On the WCXB pages it raised products F1 (score.py) 0.636 -> 0.660 (P
// 0.620 -> 0.654, R 0.653 -> 0.667) and collections 0.581 -> 0.583 (P
// 0.616 -> 0.621), no other kind moved; one product page whose reviewed
// text keeps its reviews lost them (recall 0.91 -> 0.39). The
// scrapinghub and Readability pages read as before, page by page.
func pruneReviews(root *html.Node, sig pageSignals) {
	if !sig.product || sig.article || sig.discussion {
		return
	}
	// Scripts and styles hold no elements; the page's frame holds the
	// reviews and is not one.
	found := findElements(root, func(c *html.Node) bool {
		switch nodeAtom(c) {
		case atom.Script, atom.Style, atom.Html, atom.Body, atom.Main, atom.Head:
			return false
		}
		return isReview(c) && !holdsProduct(c)
	})
	if len(found) == 0 {
		return
	}
	left := letterCount(textOf(root))
	var big []*html.Node
	for _, n := range found {
		if l := letterCount(textOf(n)); l >= minReviewLetters {
			big = append(big, n)
			left -= l
		}
	}
	if left < minPageAfterReviews {
		return
	}
	for _, n := range big {
		n.Parent.RemoveChild(n)
	}
}

// minReviewLetters is the fewest letters a review block holds to be
// removed: a rating line, a review count or an invitation to write the
// first review is left to the extractor, which weighs it with what is
// around it (removing such a line from a product's tab panel made the
// extractor leave the whole panel).
const minReviewLetters = 300

// minPageAfterReviews is the fewest letters a product page keeps once its
// reviews are gone (a title and a line of description).
const minPageAfterReviews = 200

// isReview reports whether n is a review or a group of reviews by its
// microdata or its class and id names.
func isReview(n *html.Node) bool {
	if p := strings.ToLower(attr(n, "itemprop")); p == "review" || p == "reviews" {
		return true
	}
	for _, t := range strings.Fields(attr(n, "itemtype")) {
		if strings.HasSuffix(t, "/Review") {
			return true
		}
	}
	return isReviewName(attr(n, "class")) || isReviewName(attr(n, "id"))
}

// isReviewName reports whether a class or id name holds the word
// "review(s)" as a whole word of a hyphenated, underscored or camel-cased
// name ("product-reviews", "review-card", "PDPReviews", "individual-review__stars"),
// or names a review widget (Yotpo, Bazaarvoice, Trustpilot, Okendo,
// Judge.me, Stamped, Reviews.io): not "preview", not "reviewed-by".
func isReviewName(name string) bool {
	for _, w := range nameWords(name) {
		switch w {
		case "review", "reviews", "yotpo", "bazaarvoice", "trustpilot", "okendo", "judgeme", "stamped", "reviewsio":
			return true
		}
	}
	return false
}

// nameWords splits class or id names into lower-case words at every
// character that is not a letter and at each lower-to-upper case change
// and before the last capital of a run followed by a small letter
// ("PDPReviews" -> "pdp", "reviews"; "bv_reviews-list" -> "bv", "reviews",
// "list").
func nameWords(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r):
			flush()
			continue
		case i > 0 && unicode.IsUpper(r) && unicode.IsLower(rs[i-1]):
			flush() // "productReviews"
		case i > 0 && i+1 < len(rs) && unicode.IsUpper(r) && unicode.IsUpper(rs[i-1]) && unicode.IsLower(rs[i+1]):
			flush() // "PDPReviews"
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

// holdsProduct reports whether n holds the page's <h1> or the product's
// own description (itemprop "description" not inside a review): then n
// is the product's block, whatever its name.
func holdsProduct(n *html.Node) bool {
	var found bool
	var walk func(m *html.Node, inReview bool)
	walk = func(m *html.Node, inReview bool) {
		for c := m.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if nodeAtom(c) == atom.H1 {
				found = true
				return
			}
			r := inReview
			if p := strings.ToLower(attr(c, "itemprop")); p == "review" || p == "reviews" {
				r = true
			} else if p == "description" && !inReview {
				found = true
				return
			}
			walk(c, r)
		}
	}
	walk(n, false)
	return found
}

// letterCount is the number of letters in s.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// readDescription returns res with the product's description blocks
// (descriptionBlocks) that res left out read before what res read, on a
// page that says it is a product and not an article. The extractor,
// built for articles, often takes a product page's longest run of text
// (a banner, a shipping box, a carousel of other products) for the page
// and leaves the description, short paragraphs and a list of features
// or a table of specifications, out.
//
// On the WCXB pages it raised products F1 (score.py) 0.660 -> 0.662 (R
// 0.667 -> 0.672, P 0.654 -> 0.652: two pages whose reviewed text leaves
// the technical specifications out), no page's recall down, no other kind
// moved; the scrapinghub and Readability pages read as before.
func readDescription(root *html.Node, res *trafilatura.ExtractResult, sig pageSignals) *trafilatura.ExtractResult {
	if !sig.product || sig.article || sig.discussion || res == nil || res.ContentNode == nil {
		return res
	}
	var add []*html.Node
	for _, d := range append(descriptionBlocks(root), labelledSections(root)...) {
		if runsIn(res.ContentText, textOf(d))*2 < 1 && !readIn(add, d) {
			add = append(add, d)
		}
	}
	if len(add) == 0 {
		return res
	}
	both := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, d := range add {
		both.AppendChild(cloneTree(d))
	}
	both.AppendChild(cloneTree(res.ContentNode))
	out := *res
	out.ContentNode = both
	out.ContentText = textOf(both)
	return &out
}

// readIn reports whether one of the blocks holds most of d's text.
func readIn(blocks []*html.Node, d *html.Node) bool {
	t := textOf(d)
	for _, b := range blocks {
		if covers(textOf(b), t) {
			return true
		}
	}
	return false
}

// holdsNoDescription reports whether n is where a product's description
// is never: the head, scripts and their like, and the page's furniture
// (navigation, footer, asides, forms).
func holdsNoDescription(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Meta, atom.Nav, atom.Footer, atom.Aside, atom.Form:
		return true
	}
	return false
}

// minDescriptionLetters is the fewest letters a description block holds
// to be read: a label or a one-line teaser is not the description.
const minDescriptionLetters = 80

// descriptionBlocks returns the outermost elements of the page that hold
// the product's description or specifications by their markup, in
// document order: itemprop "description" on an element (not a <meta>),
// or a class or id name with the word "description", "specifications" or
// "specs" (isDescriptionName), outside reviews, with minDescriptionLetters
// letters or more.
func descriptionBlocks(root *html.Node) []*html.Node {
	var out []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if holdsNoDescription(c) {
				continue
			}
			if isReview(c) {
				continue
			}
			if strings.EqualFold(attr(c, "itemprop"), "description") || isDescriptionName(attr(c, "class")) || isDescriptionName(attr(c, "id")) {
				if letterCount(textOf(c)) >= minDescriptionLetters {
					out = append(out, c)
				}
				continue
			}
			visit(c)
		}
	}
	visit(root)
	return out
}

// isDescriptionName reports whether one of the class or id names in
// name is the name of a product's description or specifications: its
// words (see nameWords) include "description", "specifications" or
// "specs", and all of them are such words or words that qualify them
// ("product-description", "pdp__specs", "productDescription",
// "tech-specs", "full-description"). A description of something else
// ("dialog_description", "gallery-item-description", "tile-description")
// is not.
func isDescriptionName(name string) bool {
	for _, token := range strings.Fields(name) {
		key := false
		all := true
		for _, w := range nameWords(token) {
			switch w {
			case "description", "specifications", "specification", "specs":
				key = true
			case "product", "products", "pdp", "item", "full", "long", "detail", "details",
				"tech", "technical", "tab", "tabs", "content", "text", "body", "main", "section", "panel", "wrapper", "container", "block":
			default:
				all = false
			}
		}
		if key && all {
			return true
		}
	}
	return false
}

// descriptionLabels are the headings that announce a product's
// description or specifications, folded by comparable without a final
// colon, in the languages narrate has phrase data for.
var descriptionLabels = map[string]bool{
	// English
	"description": true, "product description": true, "details": true, "product details": true,
	"specifications": true, "specs": true, "tech specs": true, "technical specifications": true,
	"features": true, "key features": true, "product information": true, "product info": true,
	"about this item": true, "about this product": true, "product features": true,
	"features & details": true, "features and details": true, "details & care": true,
	"product specifications": true, "overview": true, "product overview": true,
	// German
	"beschreibung": true, "produktbeschreibung": true, "technische daten": true, "produktdetails": true,
	"merkmale": true, "eigenschaften": true, "produktinformationen": true,
	// French
	"descriptif": true, "caractéristiques": true, "fiche technique": true, "détails": true,
	"spécifications": true, "description du produit": true, "caractéristiques techniques": true,
	// Spanish, Portuguese, Italian
	"descripción": true, "características": true, "especificaciones": true, "detalles": true,
	"ficha técnica": true, "descripción del producto": true, "descrição": true,
	"especificações": true, "detalhes": true, "descrizione": true, "caratteristiche": true,
	"specifiche": true, "dettagli": true, "scheda tecnica": true, "specifiche tecniche": true,
	// Dutch, Scandinavian, Polish
	"omschrijving": true, "beschrijving": true, "specificaties": true, "kenmerken": true,
	"productbeschrijving": true, "beskrivning": true, "specifikationer": true, "beskrivelse": true,
	"specifikationer og detaljer": true, "opis": true, "opis produktu": true, "specyfikacja": true,
}

// labelledSections returns, for each heading of the page whose text is a
// description label (descriptionLabels), a new element holding clones of
// what follows it up to the next heading of its rank or higher: the
// section the heading announces. A heading wrapped alone in an element (a
// tab's button, a styled box) announces what follows its wrapper.
// Read by readDescription when the extraction left them out, they raised
// WCXB products F1 0.662 -> 0.663 (R 0.672 -> 0.674), no page's recall
// down, no other kind or set moved.
func labelledSections(root *html.Node) []*html.Node {
	var out []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if holdsNoDescription(c) {
				continue
			}
			r := headingRank(c)
			if r == 0 {
				visit(c)
				continue
			}
			label := strings.TrimRight(comparable(textOf(c)), ": ")
			if !descriptionLabels[label] {
				continue
			}
			sec := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
			for _, s := range headedSection(c, r) {
				sec.AppendChild(cloneTree(s))
			}
			if letterCount(textOf(sec)) >= minDescriptionLetters {
				out = append(out, sec)
			}
		}
	}
	visit(root)
	return out
}

// hasContentAfter reports whether an element with letters follows n
// among its siblings.
func hasContentAfter(n *html.Node) bool {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if hasLetters(textOf(s), 1) {
			return true
		}
	}
	return false
}

// headingRank is 1 to 6 for <h1> to <h6>, 0 for any other node.
func headingRank(n *html.Node) int {
	if n.Type != html.ElementNode {
		return 0
	}
	switch nodeAtom(n) {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// holdsHeading reports whether a heading of rank r or higher is under n.
func holdsHeading(n *html.Node, r int) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if h := headingRank(c); h != 0 && h <= r || holdsHeading(c, r) {
			return true
		}
	}
	return false
}

// pageCardGroups returns the page's groups of repeated blocks
// (findCardGroups) that readCardGroups may read: on a page that says it
// is a product, not the groups of other products (otherProducts: a
// carousel of "related" or "frequently bought together" items), which
// are the shop's, not this product's text.
//
// On the WCXB pages it raised products F1 (score.py) 0.680 -> 0.683 and
// collections 0.614 -> 0.618 (a shop's page of one product whose
// carousel was read: P 0.14 -> 0.98); one product page's recall fell
// 0.94 -> 0.91, its carousel's names repeating the product's own. The
// scrapinghub and Readability pages read as before.
func pageCardGroups(root *html.Node, sig pageSignals) []cardGroup {
	gs := findCardGroups(root)
	if !sig.product || sig.article {
		return gs
	}
	out := gs[:0]
	for _, g := range gs {
		if !g.otherProducts() {
			out = append(out, g)
		}
	}
	return out
}

// otherProducts reports whether three in four of the group's members are
// each a product of its own: a link to another page (its name, its
// picture) and a price (hasPrice). The details of one product (its
// features, its specification rows) carry no price each, and a list of
// its variants does not link away from it.
func (g cardGroup) otherProducts() bool {
	n := 0
	for _, m := range g.members {
		if linksAway(m) && hasPrice(textOf(m)) {
			n++
		}
	}
	return n*4 >= len(g.members)*3
}

// linksAway reports whether n holds a link to another page: an href that
// is not an anchor of this page or a script.
func linksAway(n *html.Node) bool {
	found := false
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil && !found; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			if nodeAtom(k) == atom.A {
				h := strings.TrimSpace(attr(k, "href"))
				if h != "" && !strings.HasPrefix(h, "#") && !strings.HasPrefix(strings.ToLower(h), "javascript:") {
					found = true
					return
				}
			}
			walk(k)
		}
	}
	walk(n)
	return found
}

// price matches an amount of money: a number with a currency sign or a
// currency's code or local abbreviation before or after it ("$19.99",
// "£699", "19,90 €", "EUR 12", "149 kr", "99 zł", "R$ 50").
var price = regexp.MustCompile(`(?:[$€£¥₹₩₽₺₴₱฿₫₪₦₡]|\b(?:USD|EUR|GBP|CHF|JPY|AUD|CAD|NZD|SEK|NOK|DKK|ISK|PLN|CZK|HUF|RON|BGN|TRY|BRL|MXN|ARS|CLP|COP|INR|CNY|RMB|HKD|SGD|KRW|RUB|UAH|ZAR|AED|SAR|ILS|Rs|kr|zł|Kč|lei|Ft)\.?)\s?\d|\d(?:[.,'\s]?\d)*\s?(?:[$€£¥₹₩₽₺₴₱฿₫₪₦₡]|(?:USD|EUR|GBP|CHF|JPY|AUD|CAD|SEK|NOK|DKK|PLN|CZK|HUF|RON|TRY|BRL|INR|RUB|UAH|kr|zł|Kč|lei|Ft|руб|грн)(?:[^\pL]|$))`)

// hasPrice reports whether s names an amount of money (price).
func hasPrice(s string) bool {
	return price.MatchString(s)
}

// showSpecifications shows, on a page that says it is a product, the
// hidden elements that hold the product's specifications: a table or a
// definition list of minSpecRows rows or more, each a label and its value
// (specRows). Shops put the specifications in a tab the reader opens
// with a click, hidden until then, often without the markup that names
// it a tab panel (removeHidden keeps those); a menu, a dialog or a
// drop-down is links and buttons, not rows of labels and values.
// On the WCXB pages one product gained its specifications (R 0.46 ->
// 0.73), no other page changed.
func showSpecifications(root *html.Node, sig pageSignals) {
	if !sig.product || sig.article || sig.discussion {
		return
	}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || holdsNoDescription(c) {
				continue
			}
			if isHidden(c) && specRows(c) >= minSpecRows && !isReview(c) {
				unhide(c)
			}
			visit(c)
		}
	}
	visit(root)
}

// minSpecRows is the fewest label-and-value rows that make a table of
// specifications.
const minSpecRows = 3

// specRows counts the rows of label and value under n (specLabels).
func specRows(n *html.Node) int {
	return len(specLabels(n))
}

// specLabels returns the labels of the rows of label and value under n:
// table rows of two cells (a header or data cell and a data cell) and the
// terms of definition lists followed by their definition, neither with a
// link to another page (a menu's rows are links).
func specLabels(n *html.Node) []string {
	var labels []string
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch nodeAtom(c) {
			case atom.Tr:
				var cells []*html.Node
				for d := c.FirstChild; d != nil; d = d.NextSibling {
					if d.Type == html.ElementNode && (nodeAtom(d) == atom.Td || nodeAtom(d) == atom.Th) {
						cells = append(cells, d)
					}
				}
				if len(cells) == 2 && nodeAtom(cells[1]) == atom.Td && hasLetters(textOf(cells[0]), 1) &&
					strings.TrimSpace(textOf(cells[1])) != "" && !linksAway(c) {
					labels = append(labels, strings.TrimSpace(textOf(cells[0])))
				}
				continue
			case atom.Dt:
				if d := nextElement(c); d != nil && nodeAtom(d) == atom.Dd && hasLetters(textOf(c), 1) &&
					strings.TrimSpace(textOf(d)) != "" && !linksAway(c) && !linksAway(d) {
					labels = append(labels, strings.TrimSpace(textOf(c)))
				}
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return labels
}

// pruneFieldDumps removes, on a page that says it is a product, the
// tables and definition lists whose rows are labelled by identifiers
// (isIdentifier: "retail_price_tier1", "cat_thumb_Red"): a shop's custom
// fields dumped into the page for its scripts (picture addresses, price
// tiers, flags), which no reader is meant to see and a listener would
// hear as a string of codes and links. Three in four of minSpecRows rows
// or more must be so labelled; a product's specification sheet is
// labelled in words.
// On the WCXB pages one product's precision rose 0.04 -> 0.16 (the
// rest of its text is its description given four times, see
// dropProductRepeats), no other page changed.
func pruneFieldDumps(root *html.Node, sig pageSignals) {
	if !sig.product || sig.article || sig.discussion {
		return
	}
	found := findElements(root, isFieldDump)
	for _, n := range found {
		n.Parent.RemoveChild(n)
	}
}

// isFieldDump reports whether c is a table or definition list of
// minSpecRows rows or more, three in four of them labelled by program
// identifiers (see pruneFieldDumps).
func isFieldDump(c *html.Node) bool {
	if a := nodeAtom(c); a != atom.Dl && a != atom.Table {
		return false
	}
	labels := specLabels(c)
	ids := 0
	for _, l := range labels {
		if isIdentifier(l) {
			ids++
		}
	}
	return len(labels) >= minSpecRows && ids*4 >= len(labels)*3
}

// identifier matches a name made for a program: letters or digits joined
// by an underscore ("tier_1", "cat_thumb").
var identifier = regexp.MustCompile(`[\pL\pN]_[\pL\pN]`)

// isIdentifier reports whether a row's label is a program's name for a
// field, not words for a reader: it joins letters or digits with an
// underscore (words are joined by spaces or hyphens in every script).
func isIdentifier(label string) bool {
	return identifier.MatchString(label)
}

// minRepeatWords is the fewest words a block holds for its copies to be
// dropped by dropProductRepeats: a label, a price or a button's words
// ("Add to cart", "In stock") may come back in each of a page's places.
const minRepeatWords = 8

// dropProductRepeats returns blocks without the blocks of four words or
// more that repeat an earlier block word for word, on a page that says it
// is a product. Shops render a product's description, its selling points
// and its questions and answers twice or more (one layout for wide
// screens and one for phones, a sticky bar, a tab and its accordion
// twin), and the extractor reads every copy: the listener heard the
// description again after the specifications. A page that describes
// several products (a category page, each card marked as a product) is
// left as it is: there a line may be each product's.
//
// On the WCXB pages it raised products F1 0.684 -> 0.689 (P 0.661 ->
// 0.672) and collections 0.618 -> 0.620, 21 pages gained precision;
// five lost recall (0.95 -> 0.77 the most), where WCXB's reference keeps
// the page's second copy or its runs of four words crossed the copy's
// edges.
func dropProductRepeats(blocks []Block, sig pageSignals) []Block {
	if !sig.product || sig.products > 1 || sig.article || sig.discussion {
		return blocks
	}
	seen := map[string]bool{}
	out := make([]Block, 0, len(blocks))
	for _, b := range blocks {
		key := strings.ToLower(strings.Join(strings.Fields(b.Text), " "))
		if wordCount(b.Text) >= minRepeatWords {
			if seen[key] {
				continue
			}
			seen[key] = true
		}
		out = append(out, b)
	}
	return out
}

// pruneProductMenus removes, on the page of one product (its structured
// data describes one product, and the page is not an article or a
// discussion), the blocks of the page that are menus: minMenuLinks links
// to other pages or more, whose link text is nine tenths or more of the
// block's letters (see isMenuBlock). A shop's page carries its whole
// catalogue as menus (a header's mega-menu, a copy of it for phones or
// for screen readers, its footer's columns, lists of brands and related
// searches, the game's add-ons each linked to its own page), which a
// browser folds away and the extractor, finding little prose around a
// product's short description, read as the page: a listener heard a
// shop's departments instead of the product. A product's description,
// its features and its specifications are words, not links; a block that
// holds the page's <h1> or the product's itemprop description is kept.
// A page of several products (a category page, whose cards may each be
// only a linked name) and a page that calls itself a product without
// describing one are left to the extractor.
//
// On the WCXB pages it raised products F1 (score.py) 0.700 -> 0.703 (P
// 0.681 -> 0.686), six pages changed: a fashion shop's footer list of
// brands no longer read (P 0.22 -> 0.66), another shop's menus (P 0.74
// -> 0.82), a marketplace's related searches, a game's linked add-ons.
// Four lost some recall: another marketplace page whose reference keeps
// its related searches (R 0.36 -> 0.33), the fashion page (its price
// line, read before with the block the extractor took), a game bundle's
// list of linked contents, and a service page the extractor misses
// anyway (R 0.003 -> 0.001). The scrapinghub and Readability pages read
// as before, page by page.
func pruneProductMenus(root *html.Node, sig pageSignals) {
	if !sig.product || sig.products != 1 || sig.article || sig.discussion {
		return
	}
	counts := map[*html.Node]linkCounts{}
	countLinks(root, counts)
	var found []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch nodeAtom(c) {
			case atom.Head, atom.Script, atom.Style, atom.Template:
				continue
			case atom.Html, atom.Body, atom.Main, atom.A:
				visit(c)
				continue
			}
			if isMenuBlock(counts[c]) && !holdsProduct(c) {
				found = append(found, c)
				continue
			}
			visit(c)
		}
	}
	visit(root)
	for _, n := range found {
		n.Parent.RemoveChild(n)
	}
}

// minMenuLinks is the fewest links to other pages a menu holds: a
// product's short row of links (its brand, two categories, a size
// guide) is not one.
const minMenuLinks = 6

// linkCounts is what countLinks finds under an element: its letters, the
// letters of its links' text, and its links to other pages.
type linkCounts struct{ letters, linkLetters, links int }

// isMenuBlock reports whether an element with counts c is a menu:
// minMenuLinks links to other pages or more, and link text nine tenths
// or more of its letters.
func isMenuBlock(c linkCounts) bool {
	return c.links >= minMenuLinks && c.letters > 0 && c.linkLetters*10 >= c.letters*9
}

// countLinks fills counts with every element's linkCounts under n (n's
// own included) and returns n's.
func countLinks(n *html.Node, counts map[*html.Node]linkCounts) linkCounts {
	var c linkCounts
	switch n.Type {
	case html.TextNode:
		c.letters = letterCount(n.Data)
		return c
	case html.ElementNode:
		switch nodeAtom(n) {
		case atom.Script, atom.Style, atom.Template, atom.Head:
			return c
		}
	case html.DocumentNode:
	default:
		return c
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		kc := countLinks(k, counts)
		c.letters += kc.letters
		c.linkLetters += kc.linkLetters
		c.links += kc.links
	}
	if n.Type == html.ElementNode && nodeAtom(n) == atom.A {
		c.linkLetters = c.letters
		h := strings.ToLower(strings.TrimSpace(attr(n, "href")))
		if h != "" && !strings.HasPrefix(h, "#") && !strings.HasPrefix(h, "javascript:") {
			c.links++
		}
	}
	if n.Type == html.ElementNode {
		counts[n] = c
	}
	return c
}
