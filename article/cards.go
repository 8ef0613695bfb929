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
// what res did, and more; else res. The group's blocks must hold some
// prose (a menu or a grid of links is not read), and not be posts: a
// thread's posts are found by findPostGroups.
//
// This is what the extractor, built for articles, misses on the pages
// that are not: the items of a listing, the products of a collection, a
// service's feature blocks, a product's details, each too short or too
// linked alone to look like an article's paragraph. A page that says it
// is an article (pageSignals.article) is not read this way: there the
// runs are teasers. On the WCXB pages it raised F1 (score.py) of services
// 0.777 -> 0.785, products 0.610 -> 0.617, listings 0.594 -> 0.597, no kind
// down; the scrapinghub and Readability pages read as before, page by page.
func readCards(root *html.Node, res *trafilatura.ExtractResult) *trafilatura.ExtractResult {
	gs := findCardGroups(root)
	if len(gs) == 0 {
		return res
	}
	g := gs[0]
	if postKey(g.first) != "" {
		return res
	}
	var sb strings.Builder
	prose := 0
	for _, m := range g.members {
		sb.WriteString(textOf(m))
		sb.WriteByte(' ')
		prose += proseLen(m)
	}
	if prose == 0 || g.text*2 <= len(res.ContentText) || covers(res.ContentText, sb.String()) {
		return res
	}
	g.mark()
	again, err := trafilatura.ExtractDocument(root, extractOptions())
	if err == nil && again != nil && again.ContentNode != nil &&
		len(again.ContentText) > len(res.ContentText) && covers(again.ContentText, res.ContentText) &&
		(1-repeated(again.ContentText))*4 >= (1-repeated(res.ContentText))*3 {
		return again
	}
	return res
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
