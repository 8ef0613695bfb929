package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// keepLede keeps an article's lede that the page names a "teaser".
// Many news sites, German ones above all, mark the bold paragraph under
// the headline class="teaser" (or "article-teaser", "intro-teaser"), and
// go-trafilatura removes every element whose class or id holds "teaser"
// (it means teasers of other stories), so the article's most important
// paragraph was lost without a trace. Before extraction, the first
// element named so after the headline (the first <h1>), inside the
// article around it, is renamed when it is prose: a sentence or more,
// little of it link text, and no heading in it (a card of another story
// has one). The same goes for such a name on the headline's own
// containers below the article. Teasers of other stories elsewhere on
// the page are left as the extractor finds them.
func keepLede(root *html.Node) {
	h1 := firstOf(root, atom.H1)
	if h1 == nil {
		return
	}
	article := h1.Parent
	for article != nil && article.Type == html.ElementNode && countProse(article, 3) < 3 {
		article = article.Parent
	}
	if article == nil || article.Type != html.ElementNode {
		return
	}
	for p := h1.Parent; p != nil && p != article; p = p.Parent {
		renameTeaser(p)
	}
	found := firstAfter(article, h1, func(c *html.Node) bool {
		return teaserName.MatchString(attr(c, "class") + " " + attr(c, "id"))
	})
	if found == nil || !isLedeProse(found) {
		return
	}
	renameTeaser(found)
	var inside func(n *html.Node)
	inside = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				renameTeaser(c)
				inside(c)
			}
		}
	}
	inside(found)
}

var teaserName = regexp.MustCompile(`(?i)teaser`)

// renameTeaser replaces "teaser" in n's class and id by "lede".
func renameTeaser(n *html.Node) { renameInNames(n, teaserName, "lede") }

// renameInNames replaces what re matches in n's class and id by repl,
// so that the extractor's name rules no longer take n for furniture.
func renameInNames(n *html.Node, re *regexp.Regexp, repl string) {
	for i, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && re.MatchString(a.Val) {
			n.Attr[i].Val = re.ReplaceAllString(a.Val, repl)
		}
	}
}

// isLedeProse reports whether n reads as a paragraph of the article: 60
// characters or more ending a sentence, under a fifth of them in links,
// no heading inside.
func isLedeProse(n *html.Node) bool {
	text := strings.TrimSpace(textOf(n))
	if len(text) < 60 || !sentenceEnd.MatchString(text) || firstHeading(n) != nil {
		return false
	}
	return 5*linkTextLen(n) <= len(text)
}

// countProse counts, up to limit, the paragraphs under n that hold a
// sentence of some length.
func countProse(n *html.Node, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && count < limit; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.P {
				if t := textOf(c); len(t) >= 80 && sentenceEnd.MatchString(t) {
					count++
				}
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return count
}

// firstAfter returns the first element under root, in document order,
// that comes after mark (not inside it) and that match takes, or nil.
func firstAfter(root, mark *html.Node, match func(*html.Node) bool) *html.Node {
	after := false
	var found *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c == mark {
				after = true
				continue
			}
			if after && match(c) {
				found = c
				return
			}
			walk(c)
		}
	}
	walk(root)
	return found
}

func firstOf(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
		if f := firstOf(c, a); f != nil {
			return f
		}
	}
	return nil
}

func firstHeading(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if isHeading(c) {
			return c
		}
		if f := firstHeading(c); f != nil {
			return f
		}
	}
	return nil
}

// keepExpandable renames "expand" in the class and id names of elements
// that hold prose. go-trafilatura removes every element so named (it
// takes them for menus' toggles), but a page names so the text a reader
// opens: an article's collapsed rest ("expandable-content"), a wiki's
// folded sections, a forum's long quote. Like an accordion's panel
// (removeHidden), what the reader opens is read: here when it holds a
// paragraph of prose (80 characters or more ending a sentence) and under
// a fifth of its text is links. A menu's toggle has no prose.
func keepExpandable(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if expandName.MatchString(attr(c, "class")+" "+attr(c, "id")) && countProse(c, 1) == 1 {
			if text := textOf(c); 5*linkTextLen(c) <= len(strings.TrimSpace(text)) {
				renameInNames(c, expandName, "open")
			}
		}
		keepExpandable(c)
	}
}

var expandName = regexp.MustCompile(`(?i)expand`)

// keepStoryWidgets renames "widget" in the class and id names of an
// element that stands among the story's paragraphs and holds prose of
// its own. go-trafilatura removes every element so named (a sidebar's
// boxes), but a rich-text editor wraps what an author inserts into the
// body in one (CKEditor's "ck-widget": a grid of cards, each a plant's
// or a product's photo, name and paragraph), and the story was read
// without it. The element is kept when it follows a paragraph of prose
// (afterProse: it or its parent), holds a paragraph of prose
// (countProse) and under a fifth of its text is links: a sidebar's
// widgets follow each other, and an appeal under the story follows the
// box of related stories.
func keepStoryWidgets(root *html.Node) {
	kept := map[*html.Node]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if widgetName.MatchString(attr(c, "class")+" "+attr(c, "id")) && countProse(c, 1) == 1 && afterProse(c, kept) {
				if text := textOf(c); 5*linkTextLen(c) <= len(strings.TrimSpace(text)) {
					kept[c] = true
					renameInNames(c, widgetName, "insert")
					for _, d := range findElements(c, func(m *html.Node) bool {
						return widgetName.MatchString(attr(m, "class") + " " + attr(m, "id"))
					}) {
						renameInNames(d, widgetName, "insert")
					}
					continue
				}
			}
			walk(c)
		}
	}
	walk(root)
}

var widgetName = regexp.MustCompile(`(?i)widget`)

// afterProse reports whether what stands just before n, or just before
// n's parent, is a paragraph of prose (isProsePara) or a widget kept
// already (a card after the last), or what stands just before n is a
// subhead that links nowhere (n is its section: "Other laptops we
// tested" over the cards): n goes on the story. Elements
// without text are passed over, and so are pictures with their credit
// (text only in a <figure>). A sidebar's widget follows another
// widget, and an appeal under the story follows the related stories'
// box.
func afterProse(n *html.Node, kept map[*html.Node]bool) bool {
	for _, m := range []*html.Node{n, n.Parent} {
		if m == nil {
			continue
		}
		for s := m.PrevSibling; s != nil; s = s.PrevSibling {
			if s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
				break
			}
			if s.Type != html.ElementNode || onlyPicture(s) {
				continue
			}
			if isProsePara(s) || kept[s] || m == n && isHeading(s) && !hasOutLink(s) {
				return true
			}
			break
		}
	}
	return false
}

// onlyPicture reports whether n holds no text outside figures: nothing,
// an image, or a figure with its caption and credit.
func onlyPicture(n *html.Node) bool {
	if n.Type == html.TextNode {
		return strings.TrimSpace(n.Data) == ""
	}
	if n.Type != html.ElementNode || nodeAtom(n) == atom.Figure {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !onlyPicture(c) {
			return false
		}
	}
	return true
}
