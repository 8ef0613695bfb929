package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readStandfirst puts back the paragraphs between the headline and the
// body's container that the extractor left out: a standfirst (a lede, a
// summary, a dek) that the page writes next to the container of the
// story's paragraphs rather than in it —
//
//	<article><h1>…</h1><p class="intro">The lede.</p><div class="body"><p>…
//
// go-trafilatura takes the container with the most text and reads
// nothing outside it, so the story's most important paragraph, the one
// that sums it up, was lost, on any page so laid out, in any language.
//
// Only a paragraph that stands beside the container (a child of one of
// the containers of the first paragraph read) is put back, when it comes
// after the first <h1>, reads as prose (isLedeProse), is in no figure,
// aside, form, navigation or quote, and is not read already; at most
// three, and only when nothing else of prose stands between them and
// the body. A box of key points in that place is read too (keyPoints).
// A dek inside the page's header box, apart from the body's
// containers, is not: references of the development sets leave such a
// dek out (the note of issue 30 gives the figures).
func readStandfirst(root, content *html.Node) {
	h1 := firstOf(root, atom.H1)
	if h1 == nil || content == nil {
		return
	}
	first := firstReadParagraph(root, h1, content)
	if first == nil {
		return
	}
	chain := map[*html.Node]bool{}
	for a := first.Parent; a != nil; a = a.Parent {
		chain[a] = true
	}
	read := comparable(textOf(content))
	var leads []*html.Node
	after := false
	stop := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !stop; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch {
			case c == h1:
				after = true
				continue
			case c == first:
				stop = true
				return
			case chain[c]:
				walk(c)
				continue
			case !after:
				walk(c)
				continue
			}
			// After the headline, beside the body's containers.
			if !chain[c.Parent] {
				walk(c)
				continue
			}
			switch nodeAtom(c) {
			case atom.Figure, atom.Aside, atom.Form, atom.Nav, atom.Blockquote, atom.Footer, atom.Table:
				continue
			}
			if isHidden(c) || firstOf(c, atom.H1) != nil || notLedeNames(c) {
				continue
			}
			if ps := ledeParagraphs(c); len(ps) > 0 {
				for _, p := range ps {
					if !strings.Contains(read, comparable(textOf(p))) {
						leads = append(leads, paragraphOf(p))
					}
				}
				continue
			}
			if kp := keyPoints(c); len(kp) > 0 {
				if !strings.Contains(read, comparable(textOf(kp[len(kp)-1]))) {
					for _, k := range kp {
						leads = append(leads, cloneTree(k))
					}
				}
				continue
			}
			if countProse(c, 1) > 0 {
				// Prose of another kind between the lede and the body
				// (a box, a card): nothing before it is taken.
				leads = nil
			}
		}
	}
	walk(root)
	if !stop || len(leads) == 0 || len(leads) > 3 {
		return
	}
	at := content.FirstChild
	for _, l := range leads {
		content.InsertBefore(l, at)
	}
}

// paragraphOf is a new <p> of n's text.
func paragraphOf(n *html.Node) *html.Node {
	p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: strings.TrimSpace(cleanInline(textOf(n)))})
	return p
}

// keyPoints returns what to read of n when n is a box of key points
// ("Das Wichtigste in Kürze", "Key points", "L'essentiel"): its label,
// if it has one, and its list, else nil. The box is a list of two to
// eight items, each a sentence of five words or more, under a fifth of
// the text in links (a table of contents is links), after at most one
// label: a heading, or a line of at most six words that ends no
// sentence. A box that only wraps another is looked into.
func keyPoints(n *html.Node) []*html.Node {
	if n.Type != html.ElementNode {
		return nil
	}
	if a := nodeAtom(n); a == atom.Ul || a == atom.Ol {
		if keyPointList(n) {
			return []*html.Node{n}
		}
		return nil
	}
	var kids []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && hasWordChar(c.Data):
			return nil
		case c.Type == html.ElementNode && hasWordChar(textOf(c)):
			kids = append(kids, c)
		}
	}
	switch {
	case len(kids) == 1:
		if a := nodeAtom(kids[0]); a == atom.Div || a == atom.Section || a == atom.Ul || a == atom.Ol {
			return keyPoints(kids[0])
		}
	case len(kids) == 2:
		label, list := kids[0], kids[1]
		if a := nodeAtom(list); (a == atom.Ul || a == atom.Ol) && keyPointList(list) && isBoxLabel(label) {
			return []*html.Node{label, list}
		}
	}
	return nil
}

// keyPointList reports whether list holds two to eight items, each a
// sentence of five words or more, under a fifth of its text links.
func keyPointList(list *html.Node) bool {
	items := 0
	for c := list.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && hasWordChar(c.Data) {
			return false
		}
		if c.Type != html.ElementNode {
			continue
		}
		if nodeAtom(c) != atom.Li {
			return false
		}
		t := strings.TrimSpace(textOf(c))
		if wordCount(t) < 5 || !itemEnd.MatchString(t) || hasBlockChild(c) {
			return false
		}
		items++
	}
	text := strings.TrimSpace(textOf(list))
	return items >= 2 && items <= 8 && 5*linkTextLen(list) <= len(text)
}

// itemEnd is the end of a sentence closing an item.
var itemEnd = regexp.MustCompile(`[\p{L}\p{N}%)][.!?…]["'”’»)]?$|[。！？]$`)

// isBoxLabel reports whether n is a box's label: a heading, or a line
// of at most six words that ends no sentence.
func isBoxLabel(n *html.Node) bool {
	if isHeading(n) {
		return true
	}
	t := strings.TrimSpace(textOf(n))
	switch nodeAtom(n) {
	case atom.P, atom.Div, atom.Strong, atom.B, atom.Span:
		return wordCount(t) <= 6 && !hasBlockChild(n) && !itemEnd.MatchString(t)
	}
	return false
}

// ledeParagraphs returns n when it is a paragraph of prose, or n's
// paragraphs when n only wraps such paragraphs (`<div class=summary><p>…`),
// else nil.
func ledeParagraphs(n *html.Node) []*html.Node {
	if a := nodeAtom(n); a == atom.Ul || a == atom.Ol || a == atom.Dl {
		return nil // a list is keyPoints'
	}
	if !hasBlockChild(n) {
		if isLedeProse(n) {
			return []*html.Node{n}
		}
		return nil
	}
	var ps []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && hasWordChar(c.Data):
			return nil
		case c.Type != html.ElementNode || !hasWordChar(textOf(c)):
		case nodeAtom(c) == atom.P && !hasBlockChild(c) && isLedeProse(c):
			ps = append(ps, c)
		default:
			return nil
		}
	}
	return ps
}

// notLedeNames reports whether the class or id names of n or of an
// element under it say it is something else than a lede: a photo's
// caption or credit, a pull quote, a notice, the story's metadata, a
// table of contents.
func notLedeNames(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if notLedeName.MatchString(attr(n, "class") + " " + attr(n, "id")) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if notLedeNames(c) {
			return true
		}
	}
	return false
}

var notLedeName = regexp.MustCompile(`(?i)caption|credit|photo|image|img|media|figure|video|gallery|thumb|quote|notice|alert|warning|disclaimer|meta|date|time|byline|author|toc|contents|promo|related|sponsor|advert|cookie|newsletter`)

// firstReadParagraph returns the first <p> after h1 in root whose text
// is the text of the first paragraph of content, or nil.
func firstReadParagraph(root, h1, content *html.Node) *html.Node {
	p := firstOf(content, atom.P)
	for p != nil && len(strings.TrimSpace(textOf(p))) < 40 {
		p = nextOf(content, p, atom.P)
	}
	if p == nil {
		return nil
	}
	want := comparable(textOf(p))
	return firstAfter(root, h1, func(c *html.Node) bool {
		return c.DataAtom == atom.P && comparable(textOf(c)) == want
	})
}

// nextOf returns the first element of tag a after n in document order
// under root, or nil.
func nextOf(root, n *html.Node, a atom.Atom) *html.Node {
	return firstAfter(root, n, func(c *html.Node) bool { return nodeAtom(c) == a })
}
