package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pruneBoilerplate removes, before extraction, the page furniture that
// sites mark by structure rather than by words: asides, navigation,
// footers and forms, elements whose role says so, and elements whose class
// or id names a boilerplate widget (related links, newsletter boxes, share
// bars, comments, cookie banners, ads). Lists of links are kept: removing
// them gained nothing on the scrapinghub pages and lost real lists (bug
// lists, reading lists) on the Readability pages. An element that holds a good part of the page's
// paragraph text is never removed, whatever its name: a site that calls
// its article container "share-story" still gets its article read.
func pruneBoilerplate(root *html.Node) {
	total := paragraphText(root)
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && isBoilerplate(c) && paragraphText(c)*4 < total {
				n.RemoveChild(c)
			} else {
				visit(c)
			}
			c = next
		}
	}
	visit(root)
}

func isBoilerplate(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Html, atom.Body, atom.Main, atom.Article, atom.Head, atom.P,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return false
	case atom.Aside, atom.Nav, atom.Footer, atom.Form:
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "complementary", "navigation", "contentinfo", "banner", "search", "dialog", "alertdialog":
		return true
	}
	if hint := attr(n, "class") + " " + attr(n, "id"); len(hint) > 1 && boilerplateHint.MatchString(hint) {
		return true
	}
	return false
}

// teaserTexts returns the lines of every teaser list on the page (see
// isTeaserList), folded by comparable, for dropTeasers to take out of
// the extracted article. The lists are not removed from the page before
// extraction: the extractor weighs candidate containers by their link
// density, and a container stripped of its teaser links could win over
// the article.
func teaserTexts(root *html.Node) map[string]bool {
	texts := map[string]bool{}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if !isTeaserList(c) {
				visit(c)
				continue
			}
			for item := c.FirstChild; item != nil; item = item.NextSibling {
				if item.Type != html.ElementNode || !isTeaser(item) {
					continue
				}
				w := blockWalker{kind: KindParagraph}
				w.walk(item, KindParagraph)
				w.flush()
				for _, b := range w.blocks {
					texts[comparable(b.Text)] = true
				}
			}
		}
	}
	visit(root)
	return texts
}

// dropTeasers removes the blocks whose whole text is a line of a teaser,
// unless they are most of the text or what is left has no paragraph of
// prose (twelve words or more): then the page is a section front or a
// list of stories, and its teasers are what there is to read.
func dropTeasers(blocks []Block, teasers map[string]bool) []Block {
	if len(teasers) == 0 {
		return blocks
	}
	isTeaser := make([]bool, len(blocks))
	all, teased, prose := 0, 0, false
	for i, b := range blocks {
		all += len(b.Text)
		if len(b.Text) <= maxTeaserText && teasers[comparable(b.Text)] {
			isTeaser[i] = true
			teased += len(b.Text)
		} else if b.Kind == KindParagraph && wordCount(b.Text) >= 12 {
			prose = true
		}
	}
	if teased == 0 || teased*2 > all || !prose {
		return blocks
	}
	out := blocks[:0]
	for i, b := range blocks {
		if !isTeaser[i] {
			out = append(out, b)
		}
	}
	return out
}

// isTeaserList reports whether n is a list of teasers for other pages:
// three or more items (list items or sibling blocks) that each hold a
// heading made of one link to another page, and little text besides (a
// one-line summary, a date). That is the shape of "latest news", "more
// stories" and recirculation boxes whatever their class names or
// language. A section of the article whose headings happen to be links
// still has paragraphs under them, and a table of contents links within
// the page (#anchors), so neither is a teaser list.
func isTeaserList(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Ul, atom.Ol, atom.Div, atom.Section:
	default:
		return false
	}
	items, teasers := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		items++
		if isTeaser(c) {
			teasers++
		}
	}
	return teasers >= 3 && teasers*4 >= items*3
}

// isTeaser reports whether n is one teaser: a heading whose text is one
// link off the page, plus at most maxTeaserText characters of other text.
func isTeaser(n *html.Node) bool {
	var heading *html.Node
	var find func(*html.Node)
	find = func(c *html.Node) {
		for k := c.FirstChild; k != nil && heading == nil; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			switch nodeAtom(k) {
			case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				heading = k
			default:
				find(k)
			}
		}
	}
	find(n)
	if heading == nil {
		return false
	}
	link, linked := headingLink(heading)
	head := textLen(heading, 1<<20)
	if link == "" || strings.HasPrefix(link, "#") || head == 0 || linked*10 < head*9 {
		return false
	}
	return textLen(n, head+maxTeaserText+1) <= head+maxTeaserText
}

// textLen counts the non-space bytes of text under n, stopping once it
// passes limit (teaser checks run on every list of a page).
func textLen(n *html.Node, limit int) int {
	if n.Type == html.TextNode {
		c := 0
		for i := 0; i < len(n.Data); i++ {
			if b := n.Data[i]; b != ' ' && b != '\n' && b != '\t' && b != '\r' {
				c++
			}
		}
		return c
	}
	if n.Type == html.ElementNode && (nodeAtom(n) == atom.Script || nodeAtom(n) == atom.Style) {
		return 0
	}
	sum := 0
	for c := n.FirstChild; c != nil && sum <= limit; c = c.NextSibling {
		sum += textLen(c, limit-sum)
	}
	return sum
}

const maxTeaserText = 240

// headingLink returns the href of the first link in a heading, or of the
// link around it, and how many characters of the heading's text are link
// text.
func headingLink(h *html.Node) (href string, linked int) {
	for p := h.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if nodeAtom(p) == atom.A {
			return attr(p, "href"), textLen(h, 1<<20)
		}
	}
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.ElementNode && nodeAtom(k) == atom.A {
				if href == "" {
					href = attr(k, "href")
				}
				linked += textLen(k, 1<<20)
				continue
			}
			walk(k)
		}
	}
	walk(h)
	return href, linked
}

// boilerplateHint matches class and id names of page widgets, as whole
// words of a hyphenated or camel-cased name ("related-articles",
// "newsletterSignup", "share_bar").
var boilerplateHint = regexp.MustCompile(`(?:^|[\s_-])(?i:related|recommend(?:ed|ations)?|newsletter|subscribe|subscription|signup|sign-up|share|sharing|social|comments?|cookie|consent|advert|advertisement|ads?|sponsor(?:ed)?|promo|outbrain|taboola|breadcrumbs?|trending|most-?(?:read|popular|viewed)|more-?stories|read-?more|paywall)(?:$|[\s_-]|\p{Lu})`)

// paragraphText is the length of the text in <p> elements under n.
func paragraphText(n *html.Node) int {
	if n.Type == html.ElementNode && nodeAtom(n) == atom.P {
		return len(textOf(n))
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += paragraphText(c)
	}
	return sum
}
