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

// keepEmbedded renames "embed" in the class names of elements that hold
// the article's own prose or a heading of it. go-trafilatura removes
// every element whose class holds "embed" (it takes them for embedded
// posts of social networks), but content systems wrap blocks of the
// story in such names: a magazine's accordion of advice (<section
// class="embed" data-embed="accordion">), its section headings, a
// ranking's entries, a page builder's code block (Webflow's "w-embed").
// An element is renamed when it holds a paragraph of prose (80
// characters or more ending a sentence) with under a fifth of its text
// in links, or is only a heading; not when it holds a quotation, a frame
// or a player, or names a network, a post or a quote: those are the
// embeds the extractor is right to leave out.
func keepEmbedded(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if embedName.MatchString(attr(c, "class")) && ownEmbed(c) {
			renameEmbeds(c)
			continue
		}
		keepEmbedded(c)
	}
}

// renameEmbeds renames "embed" in the class names of n and of the
// elements under it, but for those named for a network, a post or a
// quote: n holds the page's own text, and the extractor would drop an
// inner block so named with what it holds. Once per element, so a page
// of nested blocks costs one walk.
func renameEmbeds(n *html.Node) {
	if socialEmbed.MatchString(attr(n, "class") + " " + attr(n, "id")) {
		return
	}
	for i, a := range n.Attr {
		if a.Key == "class" {
			n.Attr[i].Val = embedName.ReplaceAllString(a.Val, "block")
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			renameEmbeds(c)
		}
	}
}

// readHeadingButtons makes a heading's button plain text when the
// button holds the whole heading and opens an answer on the page: the
// pattern of an accordion (`<h3><button aria-expanded="false">When will
// the work end?</button></h3><div hidden>…`, an FAQ's questions, a
// guide's folded sections). go-trafilatura drops every button, so the
// answers were read without their questions. So is a disclosure button
// (aria-expanded) outside a heading whose words are a question of three
// words or more, and a button around the question's heading (`<button
// aria-expanded="false"><h3>…</h3></button>`) becomes a block that holds
// it. A button beside the heading's words ("Copy link")
// stays a button, as do "Read more" and "Menu", and a question whose
// answer the page does not hold (its script fetches it on a click):
// a list of questions alone is no text to hear.
func readHeadingButtons(root *html.Node) {
	ids := map[string]*html.Node{}
	var index func(*html.Node)
	index = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				if id := attr(c, "id"); id != "" {
					ids[id] = c
				}
				index(c)
			}
		}
	}
	index(root)
	// opens reports whether button b opens a panel of text on the page
	// (40 characters or more): the elements it names, else the element
	// after mark (the button, or the heading that holds it) or after one
	// of mark's two closest containers, where mark is their last element.
	opens := func(b, mark *html.Node) bool {
		if ctl := attr(b, "aria-controls"); ctl != "" {
			for _, id := range strings.Fields(ctl) {
				if p := ids[id]; p != nil && panelText(p) {
					return true
				}
			}
			return false
		}
		for i := 0; i < 3 && mark != nil && mark.Type == html.ElementNode; i, mark = i+1, mark.Parent {
			if p := nextElement(mark); p != nil {
				return !isHeading(p) && !holdsDisclosure(p) && panelText(p)
			}
		}
		return false
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if nodeAtom(c) == atom.Button && firstHeading(c) != nil && opens(c, c) {
				// A button around the question's heading (`<button
				// aria-expanded><h3>…</h3></button>`): a block that holds
				// the heading.
				c.DataAtom, c.Data = atom.Div, "div"
				removeAttr(c, "class")
				removeAttr(c, "id")
				removeAttr(c, "type")
				c.Attr = append(c.Attr, html.Attribute{Key: "role", Val: "button"})
				walk(c)
				continue
			}
			if nodeAtom(c) == atom.Button && attr(c, "aria-expanded") != "" {
				if t := strings.TrimSpace(textOf(c)); strings.HasSuffix(t, "?") && wordCount(t) >= 3 && opens(c, c) {
					plainButton(c, atom.H3) // the heading of its answer
				}
				continue
			}
			if isHeading(c) || strings.EqualFold(attr(c, "role"), "heading") {
				if b := headingButton(c); b != nil && opens(b, c) {
					plainButton(b, atom.Span)
				}
				continue
			}
			walk(c)
		}
	}
	walk(root)
}

// panelText reports whether panel p holds 40 characters of text or more.
func panelText(p *html.Node) bool {
	return len(strings.TrimSpace(textOf(p))) >= 40
}

// headingButton returns the button in heading h that holds all of its
// words, or nil.
func headingButton(h *html.Node) *html.Node {
	want := strings.TrimSpace(textOf(h))
	if want == "" {
		return nil
	}
	var found *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for b := n.FirstChild; b != nil && found == nil; b = b.NextSibling {
			if b.Type != html.ElementNode {
				continue
			}
			if nodeAtom(b) == atom.Button && strings.TrimSpace(textOf(b)) == want {
				found = b
				return
			}
			walk(b)
		}
	}
	walk(h)
	return found
}

// plainButton makes button b an element a of text, without the names
// the extractor drops buttons by; it stays a button to what finds the
// panel it opens (isPanel).
func plainButton(b *html.Node, a atom.Atom) {
	if a != atom.Span {
		// A heading of its own: its words only, as a button may wrap
		// them in blocks (`<div><p>…</p></div>`) that would be read
		// again.
		t := strings.TrimSpace(cleanInline(textOf(b)))
		for c := b.FirstChild; c != nil; c = b.FirstChild {
			b.RemoveChild(c)
		}
		b.AppendChild(&html.Node{Type: html.TextNode, Data: t})
	}
	b.DataAtom, b.Data = a, a.String()
	removeAttr(b, "class")
	removeAttr(b, "id")
	removeAttr(b, "type")
	b.Attr = append(b.Attr, html.Attribute{Key: "role", Val: "button"})
}

var embedName = regexp.MustCompile(`(?i)embed(?:ded)?`)

// ownEmbed reports whether n, named an embed, holds the page's own text
// (see keepEmbedded).
func ownEmbed(n *html.Node) bool {
	foreign := false
	var look func(*html.Node)
	look = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !foreign; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch nodeAtom(c) {
			case atom.Blockquote, atom.Iframe, atom.Video, atom.Audio, atom.Object, atom.Embed, atom.Script:
				foreign = true
				return
			}
			if socialEmbed.MatchString(attr(c, "class") + " " + attr(c, "id")) {
				foreign = true
				return
			}
			look(c)
		}
	}
	if socialEmbed.MatchString(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "data-embed")) {
		return false
	}
	look(n)
	if foreign {
		return false
	}
	text := strings.TrimSpace(textOf(n))
	if countProse(n, 1) == 1 {
		return 5*linkTextLen(n) <= len(text)
	}
	h := firstHeading(n)
	return h != nil && len(text) <= 120 && strings.TrimSpace(textOf(h)) == text
}

var socialEmbed = regexp.MustCompile(`(?i)twitter|tweet|instagram|facebook|tiktok|youtube|vimeo|reddit|bluesky|threads|mastodon|linkedin|pinterest|spotify|soundcloud|podcast|social|oembed|quote|post|video|player|map|form|newsletter|ad-|advert|sponsor|promo|related`)
