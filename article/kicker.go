package article

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// markKickers puts a colon after the kicker of a headline. News sites
// write a headline as a short kicker (a topic line, German "Dachzeile")
// and the headline in two elements of the one <h1>: `<h1><span
// class=kicker>Verkehr in Frankfurt</span> <span>Stadtrat sperrt die
// Brücke</span></h1>`. Read as text, the two ran together ("Verkehr in
// Frankfurt Stadtrat sperrt die Brücke"), and the listener heard one
// sentence that made no sense. The page shows them on two lines; a colon
// is how a title written on one line says the same ("Verkehr in
// Frankfurt: Stadtrat…").
//
// An <h1> (or an <h2> in a <header>) is taken for kicker and headline
// when its words are all in two or more child elements (<span>, <div>,
// <p>, <small>, <strong>; no words of its own between them, no links),
// the first
// is at most six words and ends without punctuation, and the second is
// two words or more.
func markKickers(n *html.Node) {
	markKickersIn(n, false)
}

func markKickersIn(n *html.Node, inHeader bool) {
	if n.Type == html.ElementNode {
		switch nodeAtom(n) {
		case atom.H1:
			markKicker(n)
			return
		case atom.H2:
			if inHeader { // the headline of a page that writes it as <h2>
				markKicker(n)
			}
			return
		case atom.Header:
			inHeader = true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		markKickersIn(c, inHeader)
	}
}

func markKicker(h *html.Node) {
	spaceBlocks(h)
	var parts []*html.Node
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			if hasWordChar(c.Data) {
				return // words of the heading's own: one line of text
			}
		case c.Type == html.ElementNode:
			switch nodeAtom(c) {
			case atom.Span, atom.Div, atom.P, atom.Small, atom.Strong:
				if hasDescendant(c, atom.A) {
					return // a brand's or a section's link (a shop's <h1>)
				}
				if hasWordChar(textOf(c)) {
					parts = append(parts, c)
				}
			case atom.Br, atom.Img, atom.Svg, atom.Picture:
			default:
				return // a link or another element: not this shape
			}
		}
	}
	if len(parts) < 2 || wordCount(textOf(parts[1])) < 2 {
		return
	}
	kicker := strings.TrimSpace(cleanInline(textOf(parts[0])))
	if wordCount(kicker) > 6 {
		return
	}
	if r := []rune(kicker); unicode.IsPunct(r[len(r)-1]) || unicode.IsSymbol(r[len(r)-1]) {
		return // "Analyse:", "Exklusiv |", "Update –" already say it
	}
	for c := parts[0].NextSibling; c != nil && c != parts[1]; c = c.NextSibling {
		if strings.ContainsFunc(textOf(c), func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }) {
			return // a mark of its own between them ("<span class=hidden>:</span>", for screen readers)
		}
	}
	last := lastText(parts[0])
	if last == nil {
		return
	}
	last.Data = strings.TrimRightFunc(last.Data, unicode.IsSpace) + ":"
	if parts[0].NextSibling == nil || parts[0].NextSibling.Type != html.TextNode {
		h.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, parts[0].NextSibling)
	}
}

// lastText returns the last text node under n with a word, or nil.
func lastText(n *html.Node) *html.Node {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.TextNode && hasWordChar(c.Data) {
			return c
		}
		if c.Type == html.ElementNode {
			if t := lastText(c); t != nil {
				return t
			}
		}
	}
	return nil
}

// hasDescendant reports whether an element of tag a is under n.
func hasDescendant(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (nodeAtom(c) == a || hasDescendant(c, a)) {
			return true
		}
	}
	return false
}

// spaceBlocks puts a space between two children of h that touch when
// either is a block (<div>, <p>): the page shows them on two lines, and
// their words ran together ("FjordlineRain jacket").
func spaceBlocks(h *html.Node) {
	for c := h.FirstChild; c != nil && c.NextSibling != nil; c = c.NextSibling {
		next := c.NextSibling
		if c.Type == html.ElementNode && next.Type == html.ElementNode &&
			(nodeAtom(c) == atom.Div || nodeAtom(c) == atom.P || nodeAtom(next) == atom.Div || nodeAtom(next) == atom.P) {
			h.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, next)
		}
	}
}
