package article

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// unwrapFormatting replaces inline emphasis elements (<i>, <em>, <b>,
// <strong>, <u>, <mark>…) by their text before extraction. A listener
// hears no emphasis, and the extractor loses the words after an
// emphasised word in a paragraph inside a table cell ("what do <i>you</i>
// think of it?" came out as "what do"), which cost whole sentences on
// pages laid out in tables. An emphasis element directly inside a
// container (<div>, <section>, <body>…) stays: text loose in a container
// survives extraction only next to an element ("<div><strong>More
// information:</strong> G. Petit…</div>"). Adjacent text is merged, so a
// paragraph is one text node again.
func unwrapFormatting(n *html.Node) {
	keep := isContainer(n)
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			unwrapFormatting(c)
			if !keep && isEmphasis(c) {
				for gc := c.FirstChild; gc != nil; {
					gn := gc.NextSibling
					c.RemoveChild(gc)
					n.InsertBefore(gc, c)
					gc = gn
				}
				n.RemoveChild(c)
			}
		}
		c = next
	}
	if !keep {
		mergeText(n)
	}
}

// isContainer reports whether n groups blocks rather than holding a run of
// text.
func isContainer(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Body, atom.Center, atom.Header,
		atom.Footer, atom.Aside, atom.Form, atom.Html:
		return true
	}
	return n.Type != html.ElementNode
}

func isEmphasis(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.I, atom.Em, atom.B, atom.Strong, atom.U, atom.Mark, atom.Small, atom.Tt, atom.Kbd, atom.Samp, atom.Var:
		return true
	}
	return false
}

// mergeText joins runs of adjacent text nodes under n into one.
func mergeText(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode {
			continue
		}
		for c.NextSibling != nil && c.NextSibling.Type == html.TextNode {
			c.Data += c.NextSibling.Data
			n.RemoveChild(c.NextSibling)
		}
	}
}

// unwrapTableQuotes turns a <blockquote> whose content is a table into a
// <div>. Older sites indent data tables with a blockquote; the extractor
// flattens a table inside a quotation into loose cells, so its rows ran
// together ("ReleaseDate4.2.3April 2014"). A blockquote with text of its
// own besides the table is a quotation and stays one. So does one whose
// table holds another table: the extractor drops a nested table outright,
// and inside the quotation its cells at least survive as text.
func unwrapTableQuotes(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if nodeAtom(c) == atom.Blockquote && holdsOnlyTables(c) {
			c.DataAtom, c.Data = atom.Div, "div"
		}
		unwrapTableQuotes(c)
	}
}

// holdsOnlyTables reports whether every element child of n is a table and
// n has no text outside them.
func holdsOnlyTables(n *html.Node) bool {
	tables := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if hasLetters(c.Data, 1) {
				return false
			}
		case html.ElementNode:
			if nodeAtom(c) != atom.Table || hasNestedTable(c) {
				return false
			}
			tables++
		}
	}
	return tables > 0
}

func hasNestedTable(t *html.Node) bool {
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (nodeAtom(c) == atom.Table || hasNestedTable(c)) {
			return true
		}
	}
	return false
}
