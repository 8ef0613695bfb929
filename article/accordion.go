package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHeadingButtons makes a heading's button plain text when the
// button holds the whole heading and opens an answer on the page: the
// pattern of an accordion (`<h3><button aria-expanded="false">When will
// the work end?</button></h3><div hidden>…`, an FAQ's questions, a
// guide's folded sections). go-trafilatura drops every button, so the
// answers were read without their questions. So is a disclosure button
// (aria-expanded) outside a heading whose words are a question of three
// words or more, and a button around the question's heading (`<button
// aria-expanded="false"><h3>…</h3></button>`) becomes a block that holds
// it. A button beside the heading's words ("Copy link") stays a button,
// as do "Read more" and "Menu", and a question whose answer the page
// does not hold (its script fetches it on a click): a list of questions
// alone is no text to hear.
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
				plainButton(c, atom.Div)
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

// plainButton makes button b an element a (a span in a heading, a
// heading of its own, a block that holds a heading), without the names
// the extractor drops buttons by; it stays a button to what finds the
// panel it opens (isPanel).
func plainButton(b *html.Node, a atom.Atom) {
	if a != atom.Span && a != atom.Div {
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

// isDisclosureButton reports whether n is a button that shows and hides
// something: a <button> or role="button" with aria-expanded.
func isDisclosureButton(n *html.Node) bool {
	return n.Type == html.ElementNode && attr(n, "aria-expanded") != "" &&
		(nodeAtom(n) == atom.Button || strings.EqualFold(attr(n, "role"), "button"))
}

// holdsDisclosure reports whether n is a disclosure button or holds one.
func holdsDisclosure(n *html.Node) bool {
	if isDisclosureButton(n) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && holdsDisclosure(c) {
			return true
		}
	}
	return false
}

// prevElement returns the element before n among its siblings, or nil.
func prevElement(n *html.Node) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}
