package article

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A listing is a page whose text is a list of other pages: a blog's or a
// news site's front page, a category or tag page, a search's results, a
// shop's category of products. What a listener asking for it wants to
// hear is the list's items in order (each item's title, and its blurb,
// author, date or price when the card shows them), under the headings
// that group them, without the site's menus, filters or footer.
//
// The extractor, built for articles, reads such a page badly: each card
// is short and mostly a link, so it prunes them and reads whatever block
// of prose is left (a newsletter's pitch, a cookie notice, the site's
// "about" box). readCardGroups finds the items when they are siblings;
// on a front page they are not: each section has its own grid, and a
// card of one look recurs under many parents. readListing finds the
// cards by that recurrence, in no language: elements of one kind (tag
// and class names) that each link to one to four other pages, with a
// title of a few words, and that link first to pages of their own (half
// of them at least: a front page shows a story in two sections).

// listingMinCards is the fewest cards of one kind that make a list: two
// or three of a kind are a page's promotions or its related stories.
const listingMinCards = 4

// maxCardText is the most text (bytes, spaces left out) a card holds: a
// title, a blurb of a few lines, a byline and a date. A block with more
// is a page's column or the article itself.
const maxCardText = 1000

// listingNode is what the card finder knows of one element: the
// distinct pages its links with text link to (up to four and one more,
// to tell "too many"; a picture's link goes to the card's page or to a
// contributor's, a seller's, and is not what the card lists), the words
// of its longest link, and the bytes of its text.
type listingNode struct {
	hrefs     []string
	linkWords int
	text      int
}

// readListing reads the page as a listing (see above) when the
// extraction res missed most of its cards, read no article (readArticle)
// and less text besides them than they hold: then what res read is kept,
// and after it come the cards, the headings over them and the paragraphs
// between them, in the page's order, from the part of the page that
// holds them. It reports whether it did: then the cards are the page's
// text, not teasers beside it (dropTeasers).
//
// A grid of prices (a card in four or more shows one: a shop's category)
// is read only when its cards hold three times the text read besides
// them, as readCardGroups reads a grid without prose. Of the 73 WCXB
// collection pages that show eight prices or more, the references of 52
// keep the products and 21 leave them out for the category's
// description (a buying guide, the brand's story); reading every grid
// lowered collections' F1, as the pages that keep the products mostly
// have little text besides them and the others much.
//
// A page that says it is an article (pageSignals.article, many sites'
// default for every page) is read so only when its cards hold four times
// the text read besides them: on the scrapinghub pages, all articles,
// their teaser rails held up to three times their short articles' text,
// while the front and section pages of WCXB that say so held from six to
// sixty times what the extractor read of them.
func readListing(root *html.Node, res *trafilatura.ExtractResult, sig pageSignals) (*trafilatura.ExtractResult, bool) {
	if sig.product && sig.products <= 1 {
		return res, false // one product's page: its description is its text
	}
	region, cards := findListing(root)
	if region == nil {
		return res, false
	}
	var sb strings.Builder
	priced, posts := 0, 0
	for _, c := range cards {
		t := textOf(c)
		if hasPrice(t) {
			priced++
		}
		if postKey(c) != "" && proseLen(c) > 0 {
			posts++
		}
		sb.WriteString(t)
		sb.WriteByte(' ')
	}
	if posts*4 >= len(cards)*3 {
		return res, false // a thread's posts: findPostGroups reads those
	}
	text := sb.String()
	if readArticle(root, res.ContentNode) {
		return res, false // the cards are beside an article
	}
	if readStories(root, res.ContentNode, cards) {
		return res, false // the extractor read a list of its own
	}
	if runsIn(res.ContentText, text)*2 >= 1 && piecesRead(res.ContentText, cards)*3 >= 2 {
		return res, false // the extractor read the list
	}
	need := outside(res, comparable(text))
	if sig.article {
		need *= 4
	}
	if priced*4 >= len(cards) {
		need *= 3 // a shop's grid, weighed as readCardGroups weighs one
	}
	if len(comparable(text)) < need {
		return res, false // the page's own text is most of it
	}
	box := listingContent(region, cards)
	// What the extraction read besides the list (a category's
	// description above it) is kept, before it.
	both := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	if res.ContentNode != nil {
		read := cloneTree(res.ContentNode)
		// Compared with what is read of the list, not its whole text: a
		// card's part in a button or a form is not read. Without white
		// space: the list's pieces are spaced apart (spaceApart), and
		// the extractor read them run together ("20261h 54mR").
		w := blockWalker{kind: KindParagraph}
		w.walk(box, KindParagraph)
		w.flush()
		var lb strings.Builder
		for _, b := range w.blocks {
			lb.WriteString(spaceless(b.Text))
			lb.WriteByte('\n')
		}
		listed := lb.String()
		for _, b := range leafBlocks(read) {
			if t := spaceless(textOf(b)); b.Parent != nil && (t == "" || strings.Contains(listed, t)) {
				b.Parent.RemoveChild(b)
			}
		}
		both.AppendChild(read)
	}
	both.AppendChild(box)
	out := *res
	out.ContentNode = both
	out.ContentText = strings.TrimSpace(textOf(both))
	return &out, true
}

// piecesRead is the share of the cards' pieces of text (their text
// nodes with a letter or a digit: a title, a name, a price, a date)
// that the extraction holds: an extractor built for articles reads a
// card's title and drops the short pieces beside it, and runs of three
// words do not see those (a price is one). An extraction that holds two
// in three of them read the list: on the WCXB pages, asking three in
// four read the cards in place of extractions that had the list and the
// page's text around it, which the cards' region left out (a service
// page's research list, a guide site's reviews), and lowered four
// pages' recall.
func piecesRead(read string, cards []*html.Node) float64 {
	have := spaceless(read)
	n, in := 0, 0
	for _, c := range cards {
		for _, t := range textPieces(c) {
			n++
			if strings.Contains(have, t) {
				in++
			}
		}
	}
	if n == 0 {
		return 1
	}
	return float64(in) / float64(n)
}

// textPieces returns the text nodes under n that hold a letter or a
// digit, folded by spaceless, leaving out what the card finder leaves
// out (skipsListing).
func textPieces(n *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				if strings.IndexFunc(c.Data, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
					out = append(out, spaceless(c.Data))
				}
			case c.Type == html.ElementNode && !skipsListing(c, true):
				walk(c)
			}
		}
	}
	walk(n)
	return out
}

// readStories reports whether the extraction (the tree read) read a
// list of stories of its own: listingMinCards headings or more that are
// links on the page, each a story's title, half of them or more links
// outside the cards found. Then the cards found are the rails beside the
// list it took (a section front's other sections), and its own choice is
// kept. When the headings it read are the cards' own titles, it read the
// cards' list, often only their titles (a card's blurb, date and figures
// are short lines it drops): whether it read enough of them is weighed
// as for any page (runsIn).
func readStories(root, read *html.Node, cards []*html.Node) bool {
	if read == nil {
		return false
	}
	inCard := make(map[*html.Node]bool, len(cards))
	for _, c := range cards {
		inCard[c] = true
	}
	// titles tells, for each link's text, whether one link with it is
	// outside every card.
	titles := map[string]bool{}
	for _, a := range findElements(root, func(n *html.Node) bool { return nodeAtom(n) == atom.A }) {
		if t := comparable(textOf(a)); wordCount(t) >= 2 {
			titles[t] = titles[t] || !underAny(a, inCard)
		}
	}
	n, own := 0, 0
	for _, h := range findElements(read, isHeading) {
		if outsideCards, ok := titles[comparable(textOf(h))]; ok {
			n++
			if outsideCards {
				own++
			}
		}
	}
	return n >= listingMinCards && own*2 >= n
}

// underAny reports whether n is one of set or inside one of them.
func underAny(n *html.Node, set map[*html.Node]bool) bool {
	for p := n; p != nil; p = p.Parent {
		if set[p] {
			return true
		}
	}
	return false
}

// readArticle reports whether the extraction (the tree read) read an
// article: three paragraphs of its prose or more that stand one after
// the other on the page, nothing between them (a heading, a picture, a
// box), under one parent. (The extractor's own tree puts all it read
// side by side.) The prose an extractor finds on a listing is one blurb
// a box (a podcast's, a newsletter's, the site's about box); an
// article's paragraphs follow each other.
func readArticle(root, read *html.Node) bool {
	if read == nil {
		return false
	}
	prose := map[string]bool{}
	for _, p := range findElements(read, func(n *html.Node) bool { return nodeAtom(n) == atom.P }) {
		if proseLen(p) > 0 {
			prose[spaceless(textOf(p))] = true
		}
	}
	if len(prose) < 3 {
		return false
	}
	found := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		run := 0
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if nodeAtom(c) == atom.P && prose[spaceless(textOf(c))] {
				if run++; run >= 3 {
					found = true
				}
				continue
			}
			run = 0
			walk(c)
		}
	}
	walk(root)
	return found
}

// spaceless is s folded for finding a paragraph the extractor read on
// the page: lower case, without white space (the extractor joins a
// link's text to the stop after it, textOf puts a space between them).
func spaceless(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// findListing returns the cards of the page's listing, in document
// order, and the element that holds them, or nil when the page has no
// kind of card that recurs listingMinCards times.
func findListing(root *html.Node) (*html.Node, []*html.Node) {
	info := map[*html.Node]*listingNode{}
	byKey := map[string][]*html.Node{}
	var keys []string
	// short holds, by kind, the elements that would be cards but for a
	// title of one word (a film's, a product's: "Hamnet"): not enough to
	// tell a kind of card from a menu's items, they are read with the
	// cards of their kind once the others have shown it is one.
	short := map[string][]*html.Node{}
	half := textLen(root, 1<<30) / 2
	var walk func(n *html.Node, inItem bool) *listingNode
	walk = func(n *html.Node, inItem bool) *listingNode {
		ln := &listingNode{}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				ln.text += len(strings.TrimSpace(c.Data))
				continue
			case html.ElementNode:
			default:
				continue
			}
			if skipsListing(c, inItem) || isSidebar(c, half) {
				continue
			}
			k := walk(c, inItem || nodeAtom(c) == atom.Article || nodeAtom(c) == atom.Li)
			ln.text += k.text
			ln.linkWords = max(ln.linkWords, k.linkWords)
			for _, h := range k.hrefs {
				if len(ln.hrefs) > 4 {
					break
				}
				if !slices.Contains(ln.hrefs, h) {
					ln.hrefs = append(ln.hrefs, h)
				}
			}
		}
		if n.Type != html.ElementNode {
			return ln
		}
		if nodeAtom(n) == atom.A && ln.text > 0 {
			if h := listingHref(n); h != "" && !slices.Contains(ln.hrefs, h) {
				ln.hrefs = append(ln.hrefs, h)
			}
			ln.linkWords = max(ln.linkWords, wordCount(textOf(n)))
		}
		if len(ln.hrefs) >= 1 && len(ln.hrefs) <= 4 && ln.text <= maxCardText {
			switch key := listingKey(n); {
			case ln.linkWords >= 2:
				info[n] = ln
				if byKey[key] == nil {
					keys = append(keys, key)
				}
				byKey[key] = append(byKey[key], n)
			case ln.linkWords == 1:
				short[key] = append(short[key], n)
			}
		}
		return ln
	}
	walk(root, false)

	var kinds [][]*html.Node
	best, bestText := -1, 0
	for _, k := range keys {
		members := outermost(byKey[k])
		if !isCardKind(members, info) {
			continue
		}
		sum := 0
		for _, m := range members {
			sum += info[m].text
		}
		if sum > bestText {
			best, bestText = len(kinds), sum
		}
		for _, m := range short[k] {
			if wordCount(textOf(m)) >= 4 {
				members = append(members, m) // a title and some text besides
			}
		}
		kinds = append(kinds, outermost(members))
	}
	if best < 0 {
		return nil, nil
	}
	region := commonAncestor(kinds[best])
	if region == nil {
		return nil, nil
	}
	var all []*html.Node
	for _, members := range kinds {
		for _, m := range members {
			if isAncestor(region, m) {
				all = append(all, m)
			}
		}
	}
	cards := outermost(inDocumentOrder(region, all))
	if len(cards) < listingMinCards {
		return nil, nil
	}
	return region, cards
}

// isCardKind reports whether the elements of one kind are a list's
// cards: listingMinCards or more; with siblings of their kind that, three
// in four, link away as they do; half of them linking first to a page no
// other links to first (a story may be shown in two sections of a
// front page); and half of them with a title of three words or more or
// some text besides their links (a menu's items may be many, but a card
// is more than its link).
func isCardKind(members []*html.Node, info map[*html.Node]*listingNode) bool {
	if len(members) < listingMinCards {
		return false
	}
	first := map[string]bool{}
	titled, words, siblings, linked := 0, 0, 0, 0
	for _, m := range members {
		key := listingKey(m)
		for c := m.Parent.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && listingKey(c) == key {
				siblings++
				if info[c] != nil {
					linked++
				}
			}
		}
		ln := info[m]
		first[ln.hrefs[0]] = true
		w := wordCount(textOf(m))
		words += w
		if ln.linkWords >= 3 || w >= ln.linkWords+3 {
			titled++
		}
	}
	// A list in running text (tips, steps) links from some of its items:
	// those are not cards when their siblings of one kind are not.
	if linked*4 < siblings*3 {
		return false
	}
	return len(first)*2 >= len(members) && titled*2 >= len(members) && words >= len(members)*4
}

// skipsListing reports whether the card finder leaves n and what it
// holds out: the page's code, its menus, forms and asides, and a header
// or footer of the page (one of a card, inside an article or a list
// item, holds its title or its date).
func skipsListing(n *html.Node, inItem bool) bool {
	switch nodeAtom(n) {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Head,
		atom.Nav, atom.Aside, atom.Form, atom.Select, atom.Option, atom.Button, atom.Dialog, atom.Iframe:
		return true
	case atom.Header, atom.Footer:
		return !inItem
	}
	return false
}

// isSidebar reports whether n is named for a sidebar and holds less
// than half (bytes of text, spaces left out) of the page: a name like
// "has-sidebar" on the page's wrapper names its layout, not a box.
func isSidebar(n *html.Node, half int) bool {
	return sidebarHint.MatchString(attr(n, "class")+" "+attr(n, "id")) && textLen(n, half) < half
}

// sidebarHint matches the class and id names of a page's sidebar, whose
// lists (the forum's latest threads, a blog's popular posts) are the
// site's, not the page's: not every site marks it up as an <aside>.
var sidebarHint = regexp.MustCompile(`(?:^|[\s_-])(?i:side-?bar)(?:$|[\s_-]|\p{Lu})`)

// listingHref is the page a link goes to, or "" when it stays on this
// page (an anchor, a script).
func listingHref(a *html.Node) string {
	h := strings.TrimSpace(attr(a, "href"))
	l := strings.ToLower(h)
	if h == "" || strings.HasPrefix(h, "#") || strings.HasPrefix(l, "javascript:") || strings.HasPrefix(l, "mailto:") || strings.HasPrefix(l, "tel:") {
		return ""
	}
	return h
}

// listingKey is the kind of element n is, for finding cards: its tag and
// first class name without digits (a card's other classes often say its
// variant: wide, with a picture, the lead story) or, when it has none (a
// plain list item), that and its parent's kind.
func listingKey(n *html.Node) string {
	for _, c := range strings.Fields(attr(n, "class")) {
		if !strings.ContainsFunc(c, unicode.IsDigit) {
			return n.Data + "." + c
		}
	}
	if n.Parent == nil {
		return n.Data
	}
	return listingKey(n.Parent) + ">" + n.Data
}

// listingContent is a new element holding, in the page's order, the
// cards and, from the rest of region, the paragraphs of prose (a
// category's description) and the headings over cards (a section's
// name; a heading no card follows names an empty box or a widget).
func listingContent(region *html.Node, cards []*html.Node) *html.Node {
	isCard := make(map[*html.Node]bool, len(cards))
	for _, c := range cards {
		isCard[c] = true
	}
	box := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	var pending []*html.Node // headings waiting for a card
	add := func(n *html.Node) {
		for _, h := range pending {
			box.AppendChild(cloneTree(h))
		}
		pending = pending[:0]
		c := cloneTree(n)
		spaceApart(c)
		box.AppendChild(c)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipsListing(c, false) {
				continue
			}
			switch {
			case isCard[c]:
				add(c)
			case isHeading(c):
				// A heading of the same rank or above closes the
				// section of the ones waiting at its rank or below.
				for len(pending) > 0 && pending[len(pending)-1].Data >= c.Data {
					pending = pending[:len(pending)-1]
				}
				pending = append(pending, c)
			case nodeAtom(c) == atom.P && proseLen(c) > 0:
				add(c)
			default:
				walk(c)
			}
		}
	}
	walk(region)
	return box
}

// spaceApart puts a space between two elements side by side under n
// that hold text with nothing between them: a card lays out its pieces
// (a year, a running time, a rating; a price and a unit) as boxes of
// their own, and read as one text they ran together ("20261h 54mR").
func spaceApart(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		spaceApart(c)
		next := c.NextSibling
		if next != nil && next.Type == html.ElementNode && strings.TrimSpace(textOf(c)) != "" && strings.TrimSpace(textOf(next)) != "" {
			n.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, next)
		}
	}
}

// inDocumentOrder returns the nodes of set under root in document order.
func inDocumentOrder(root *html.Node, set []*html.Node) []*html.Node {
	want := make(map[*html.Node]bool, len(set))
	for _, n := range set {
		want[n] = true
	}
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if want[c] {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(root)
	return out
}
