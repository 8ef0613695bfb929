package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// unwrapNoscriptPages reads the page a reader without scripts is given
// when the page's text is only there. The parser follows a browser that
// runs scripts, so a <noscript> element holds its markup as one raw text
// node, which no pass reads as elements. Sites whose pages are drawn by
// script (Discourse forums, single-page apps) put the whole thread or
// article, as HTML, in a <noscript> in <body>, for crawlers and readers
// without scripts; the extractor's fallback then read that markup as
// words, tags and all ("<div itemprop='comment' class='topic-body'> …").
//
// A <noscript> in <body> whose markup, parsed, holds more prose (see
// proseLen) than the rest of the body is replaced by a <div> holding the
// parsed elements. One holding an image, a tracking pixel or a line
// asking to turn scripts on holds no prose and stays as it is, and so
// does a copy of text the page also shows.
func unwrapNoscriptPages(root *html.Node) {
	body := findElement(root, atom.Body)
	if body == nil {
		return
	}
	var found []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if nodeAtom(c) == atom.Noscript {
				if t := c.FirstChild; t != nil && t.Type == html.TextNode && t.NextSibling == nil && strings.Contains(t.Data, "<") {
					found = append(found, c)
				}
				continue
			}
			walk(c)
		}
	}
	walk(body)
	if len(found) == 0 {
		return
	}
	outside := proseLen(body) // proseLen does not read <noscript>
	for _, ns := range found {
		div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		nodes, err := html.ParseFragmentWithOptions(strings.NewReader(ns.FirstChild.Data), div, html.ParseOptionEnableScripting(false))
		if err != nil {
			continue
		}
		for _, n := range nodes {
			div.AppendChild(n)
		}
		if p := proseLen(div); p == 0 || p <= outside {
			continue
		}
		ns.Parent.InsertBefore(div, ns)
		ns.Parent.RemoveChild(ns)
	}
}

// findElement returns the first element under n (n included) with tag a.
func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && nodeAtom(n) == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, a); f != nil {
			return f
		}
	}
	return nil
}
