package article

import (
	"sort"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readCards extracts the page again with its largest group of repeated
// blocks (findCardGroups) as the article when the extraction res left
// most of that group out, and returns the new extraction when it holds
// what res did, and more. When the extractor drops the group even so
// (it weighs link density and prunes short blocks), the group's items
// are read after res (withGrid) when half of their text is prose, or
// when they are a grid of items without prose (a shop's products, a
// listing's entries: see items) holding three times the text res found
// outside them (a banner or a footer read for the page). Not read: posts (a thread's
// posts are found by findPostGroups), elements in running text (inFlow),
// a group res already holds half of, and a grid of links (a menu, an
// archive) or of little text beside res.
//
// This is what the extractor, built for articles, misses on the pages
// that are not: the items of a listing, the products of a collection, a
// service's feature blocks, a product's details, each too short or too
// linked alone to look like an article's paragraph. A page that says it
// is an article (pageSignals.article) is not read this way: there the
// runs are teasers. On the WCXB pages it raised F1 (score.py) of services
// 0.777 -> 0.785, products 0.610 -> 0.617, listings 0.594 -> 0.597, no kind
// down; the scrapinghub and Readability pages read as before, page by page.
// Reading the grids the extractor drops (withGrid) and the grids shops
// hide until loaded (keepGrids) then raised F1 of collections 0.566 ->
// 0.581 (recall 0.529 -> 0.549), listings 0.598 -> 0.614 (0.541 -> 0.573),
// products 0.617 -> 0.633 (0.624 -> 0.653), services 0.785 -> 0.795
// (0.742 -> 0.757), all 0.828 -> 0.832, no page's recall down; the
// scrapinghub and Readability pages read as before, page by page.
// Reading a run named like posts that holds no prose as a grid, and
// counting the grid's items the extraction read without their links as
// the grid's (outside), not the page's, then raised listings to 0.623
// (recall 0.584).
func readCards(root *html.Node, res *trafilatura.ExtractResult) *trafilatura.ExtractResult {
	return readCardGroups(root, res, findCardGroups(root))
}

// readCardGroups is readCards over the groups gs (findCardGroups, most
// text first), which the caller may have filtered.
func readCardGroups(root *html.Node, res *trafilatura.ExtractResult, gs []cardGroup) *trafilatura.ExtractResult {
	if len(gs) == 0 {
		return res
	}
	g := gs[0]
	var sb strings.Builder
	prose := 0
	for _, m := range g.members {
		sb.WriteString(textOf(m))
		sb.WriteByte(' ')
		prose += proseLen(m)
	}
	// Posts hold prose; a run named like posts ("entry") without any is
	// a grid.
	if prose > 0 && postKey(g.first) != "" || g.text*2 <= len(res.ContentText) || covers(res.ContentText, sb.String()) {
		return res
	}
	// A grid without prose (names, prices, a line each) is read only
	// when it holds three times the text the extraction found outside
	// it: then the extraction read a banner or a footer, not the page.
	grid := comparable(sb.String())
	if prose == 0 && (g.text < outside(res, grid)*3 || !g.items()) {
		return res
	}
	inFlow := g.inFlow() // before mark moves the group
	g.mark()
	again, err := trafilatura.ExtractDocument(root, extractOptions())
	if err == nil && again != nil && again.ContentNode != nil &&
		len(again.ContentText) > len(res.ContentText) && covers(again.ContentText, res.ContentText) &&
		(1-repeated(again.ContentText))*4 >= (1-repeated(res.ContentText))*3 {
		return again
	}
	if prose > 0 && prose*2 < g.text || inFlow || runsIn(res.ContentText, sb.String())*2 >= 1 {
		return res
	}
	if prose > 0 {
		grid = "" // prose read twice is rare: nothing of res is the grid's
	}
	return withGrid(res, g, grid)
}

// items reports whether three in four of the group's members read as
// items of a grid or a listing: each links to three places or fewer (its
// picture, its name and a button all go to its page), or holds a title,
// a link of four words or more (a story with its author's and its tags'
// links). A member of a link list (a year of an archive, a column of a
// site map) is many links of a word or two.
func (g cardGroup) items() bool {
	n := 0
	for _, m := range g.members {
		targets, title := links(m)
		if targets <= 3 || title {
			n++
		}
	}
	return n*4 >= len(g.members)*3
}

// links counts the distinct link targets under n (up to four) and says
// whether one link's text is four words or more.
func links(n *html.Node) (targets int, title bool) {
	seen := map[string]bool{}
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			if nodeAtom(k) == atom.A {
				if h := attr(k, "href"); h != "" && len(seen) < 4 {
					seen[h] = true
				}
				if !title && wordCount(textOf(k)) >= 4 {
					title = true
				}
				continue
			}
			walk(k)
		}
	}
	walk(n)
	return len(seen), title
}

// inFlow reports whether the group's elements stand in running text:
// their parent holds words of its own between them (a paragraph's
// formulas, links or names), so they are not the items of a grid.
func (g cardGroup) inFlow() bool {
	for c := g.first.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && hasWordChar(c.Data) {
			return true
		}
	}
	return false
}

// runsIn is the share of the runs of three words of part that text
// holds: an extraction that holds half of a group's, all but its links'
// words ("more", "add to cart"), has read the group.
func runsIn(text, part string) float64 {
	have, want := wordRuns(text), wordRuns(part)
	if len(want) == 0 {
		return 0
	}
	in := 0
	for r := range want {
		if have[r] {
			in++
		}
	}
	return float64(in) / float64(len(want))
}

// withGrid is res with the group's items read after what it read (in
// place of the items it read, when it read some without their links): the
// extractor, built for articles, drops a grid whose items are short or
// mostly links even when the grid is marked as the article (readCards
// tries that first), so the items are read from the page as they are.
func withGrid(res *trafilatura.ExtractResult, g cardGroup, text string) *trafilatura.ExtractResult {
	grid := g.content()
	both := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	placed := false
	if res.ContentNode != nil {
		read := cloneTree(res.ContentNode)
		for _, b := range leafBlocks(read) {
			if t := comparable(textOf(b)); inGrid(t, text) && b.Parent != nil {
				// The grid takes the place of the first of its items read.
				if !placed {
					b.Parent.InsertBefore(grid, b)
					placed = true
				}
				b.Parent.RemoveChild(b)
			}
		}
		both.AppendChild(read)
	}
	if !placed {
		both.AppendChild(grid)
	}
	out := *res
	out.ContentNode = both
	out.ContentText = textOf(both)
	return &out
}

// outside is the length of the text res read outside the grid whose
// text (folded by comparable) is grid: the extractor may have read a
// grid's items without their links (their names, their prices), and that
// is the grid, not text of the page's own.
func outside(res *trafilatura.ExtractResult, grid string) int {
	if res.ContentNode == nil {
		return len(res.ContentText)
	}
	n := len(res.ContentText)
	for _, b := range leafBlocks(res.ContentNode) {
		if t := comparable(textOf(b)); inGrid(t, grid) {
			n -= len(t)
		}
	}
	return max(n, 0)
}

// inGrid reports whether the block text t (folded by comparable), three
// words or more, is in the grid's text: a shorter one ("Features",
// "Learn more") may be the page's own as well.
func inGrid(t, grid string) bool {
	return grid != "" && wordCount(t) >= 3 && strings.Contains(grid, t)
}

// leafBlocks returns the block elements under n that hold no other
// block element, in document order.
func leafBlocks(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		inner := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && walk(c) {
				inner = true
			}
		}
		block := isBlockElement(n) || nodeAtom(n) == atom.Td || nodeAtom(n) == atom.Th
		if block && !inner {
			out = append(out, n)
		}
		return block || inner
	}
	walk(n)
	return out
}

// content is a copy of the group's items (of the list or table that
// holds them, when they are its items or rows) under a new element.
func (g cardGroup) content() *html.Node {
	box := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	switch nodeAtom(g.first.Parent) {
	case atom.Ul, atom.Ol, atom.Tbody, atom.Table, atom.Dl:
		t := g.first.Parent
		for t.Parent != nil && (isListOrTablePart(t) || nodeAtom(t) == atom.Tbody) {
			t = t.Parent
		}
		box.AppendChild(cloneTree(t))
		return box
	}
	for _, m := range g.members {
		box.AppendChild(cloneTree(m))
	}
	return box
}

// cloneTree is a deep copy of n, detached from its tree.
func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace,
		Attr: append([]html.Attribute(nil), n.Attr...)}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneTree(k))
	}
	return c
}

// repeated is the share of the runs of three words of s that are
// another run of s again. Text read twice (the group and a copy of it the
// page also holds, for another screen size) has half as many runs read
// once: an extraction again is refused when it has under three quarters
// of the first one's share of them.
func repeated(s string) float64 {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	if len(words) < 3 {
		return 0
	}
	seen := map[[3]string]bool{}
	n := 0
	for i := 0; i+2 < len(words); i++ {
		r := [3]string{words[i], words[i+1], words[i+2]}
		if seen[r] {
			n++
		}
		seen[r] = true
	}
	return float64(n) / float64(len(words)-2)
}

// cardGroup is a run of sibling elements of one kind (the items of a
// listing, the products of a collection, the rows of a spec sheet) and
// the text they hold.
type cardGroup struct {
	members     []*html.Node
	first, last *html.Node
	text        int
}

// findCardGroups finds runs of three or more sibling elements of one kind
// (tag and class names without digits) that three in four hold four words
// or more, together most of the text of their parent, no one of them
// half of the run's text (a page's columns are not a run of items). The
// most text first.
func findCardGroups(root *html.Node) []cardGroup {
	var out []cardGroup
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		byKey := map[string][]*html.Node{}
		var keys []string
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch nodeAtom(c) {
			case atom.Script, atom.Style, atom.Head, atom.Noscript, atom.Template, atom.Svg,
				atom.Nav, atom.Footer, atom.Header, atom.Aside, atom.Form, atom.Select, atom.Option, atom.Button:
				continue
			}
			k := cardKey(c)
			if byKey[k] == nil {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], c)
			walk(c)
		}
		all := 0
		for _, k := range keys {
			members := byKey[k]
			if len(members) < 3 {
				continue
			}
			sum, worded, most := 0, 0, 0
			for _, m := range members {
				t := textOf(m)
				sum += len(t)
				most = max(most, len(t))
				if wordCount(t) >= 4 {
					worded++
				}
			}
			if worded*4 < len(members)*3 || most*2 > sum {
				continue
			}
			if all == 0 {
				all = len(textOf(n))
			}
			if sum*2 < all {
				continue
			}
			out = append(out, cardGroup{members: members, first: members[0], last: members[len(members)-1], text: sum})
		}
	}
	walk(root)
	sort.Slice(out, func(i, j int) bool { return out[i].text > out[j].text })
	return out
}

// cardKey is the kind of element n is among its siblings: its tag and its
// class names without digits.
func cardKey(n *html.Node) string {
	var sb strings.Builder
	sb.WriteString(n.Data)
	for _, c := range strings.Fields(attr(n, "class")) {
		if !strings.ContainsFunc(c, unicode.IsDigit) {
			sb.WriteByte('.')
			sb.WriteString(c)
		}
	}
	return sb.String()
}

// mark makes the run of siblings that holds the group the article body
// for the extractor: the list or table when the group is its items or
// rows.
func (g cardGroup) mark() {
	pg := postGroup{members: g.members, first: g.first, last: g.last}
	switch nodeAtom(g.first.Parent) {
	case atom.Ul, atom.Ol, atom.Tbody, atom.Table:
		box := g.first.Parent
		for box.Parent != nil && (isListOrTablePart(box) || nodeAtom(box) == atom.Tbody) {
			box = box.Parent
		}
		pg.first, pg.last = box, box
	}
	pg.mark()
}
