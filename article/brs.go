package article

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// mendBreaks repairs what the extractor makes of text written with line
// breaks, in its output (content) rather than in the page: changing the
// page's tree changes which container the extractor picks.
//
// Many pages (older news sites, forums, recipe portals) write a story as
// text in a <div> with <br> or <br><br> between paragraphs.
// go-trafilatura reads such a <div> whole and then each <br>'s tail again
// as a paragraph of its own, right after it; and beside a heading it
// gives the whole text twice, the heading between: the listener heard
// the second and later paragraphs two or three times. Only that shape is
// dropped: the run of paragraphs right after an element with line breaks
// that repeat its second, third… lines in order, and a copy of the whole
// element after it with only headings between. The same line said again
// elsewhere (a reply quoting a post, the terms under each of a listing's
// offers, a chorus) stays.
//
// Then a paragraph holding a double <br> (a blank line on the page) is
// split into paragraphs there, so the listener hears the pause the page
// shows; a single <br> stays a line break. This is the rule browsers'
// reader modes apply (Readability's replaceBrs).
func mendBreaks(content *html.Node) {
	dropBreakRepeats(content, content)
	splitAtBreaks(content)
}

// dropBreakRepeats drops, among n's children and below, the repeats
// mendBreaks describes. top is the extractor's output root.
func dropBreakRepeats(n, top *html.Node) {
	var els []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			els = append(els, c)
		}
	}
	gone := map[*html.Node]bool{}
	for i := 0; i < len(els); i++ {
		if gone[els[i]] {
			continue
		}
		lines := brLines(els[i])
		if len(lines) < 2 {
			dropBreakRepeats(els[i], top)
			continue
		}
		next := i + 1
		k := next
		for k < len(els) && isHeading(els[k]) {
			k++
		}
		if k < len(els) && slices.Equal(brLines(els[k]), lines) {
			if i == 0 && n == top {
				// The extractor's lead copy above the title (see
				// dropEarlyRepeats): the copy in its place is read.
				gone[els[i]] = true
			} else {
				gone[els[k]] = true
			}
			next = k + 1
		}
		for m := 1; next < len(els) && m < len(lines); m, next = m+1, next+1 {
			t := els[next]
			if !isBlockElement(t) || hasBlockChild(t) || brLines(t) != nil || strings.Join(strings.Fields(textOf(t)), " ") != lines[m] {
				break
			}
			gone[t] = true
		}
	}
	for c := range gone {
		n.RemoveChild(c)
	}
}

// brLines returns the lines of n's own text between its <br> children,
// spaces collapsed and blank lines left out, or nil when n has no <br>
// child with text beside it.
func brLines(n *html.Node) []string {
	if !holdsBrText(n) {
		return nil
	}
	var lines []string
	var b strings.Builder
	end := func() {
		if s := strings.Join(strings.Fields(b.String()), " "); s != "" {
			lines = append(lines, s)
		}
		b.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case isBr(c):
			end()
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && isInlineNode(c):
			b.WriteString(textOf(c))
		default:
			end()
		}
	}
	end()
	return lines
}

// splitAtBreaks splits each paragraph under n that holds a double <br>
// (splitParagraphAtBreaks) and wraps the broken text of other elements
// in paragraphs (wrapBrRuns).
func splitAtBreaks(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			switch a := nodeAtom(c); {
			case a == atom.P:
				splitParagraphAtBreaks(c)
			case a == atom.Pre, a == atom.Textarea, a == atom.Script, a == atom.Style, a == atom.Table:
				// Line breaks in code and in tables are the layout.
			default:
				splitAtBreaks(c)
				if isBrContainer(a) && holdsBrText(c) && hasDoubleBreak(c) {
					wrapBrRuns(c)
				}
			}
		}
		c = next
	}
}

// isBrContainer reports whether a is an element whose direct text the
// pass wraps in paragraphs.
func isBrContainer(a atom.Atom) bool {
	switch a {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Center, atom.Body:
		return true
	}
	return false
}

// holdsBrText reports whether n has a <br> child and text of its own
// (not only inside child elements) with letters.
func holdsBrText(n *html.Node) bool {
	br, text := false, false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			br = true
		case c.Type == html.TextNode && hasLetters(c.Data, 1):
			text = true
		}
	}
	return br && text
}

// wrapBrRuns wraps each run of n's inline children, cut at double
// <br>s, in a <p>. Block children stay where they are.
func wrapBrRuns(n *html.Node) {
	var run []*html.Node
	flush := func(before *html.Node) {
		for _, piece := range cutAtDoubleBreaks(run) {
			if !piecesHaveText(piece) {
				continue
			}
			p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			n.InsertBefore(p, before)
			for _, c := range trimBreaks(piece) {
				n.RemoveChild(c)
				p.AppendChild(c)
			}
		}
		run = run[:0]
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if isInlineNode(c) {
			run = append(run, c)
		} else {
			flush(c)
		}
		c = next
	}
	flush(nil)
}

// splitParagraphAtBreaks splits a <p> holding a double <br> into sibling
// <p>s with its attributes, one per piece.
func splitParagraphAtBreaks(p *html.Node) {
	if p.Parent == nil || !hasDoubleBreak(p) {
		return
	}
	var kids []*html.Node
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if !isInlineNode(c) {
			return // a <p> the parser left holding blocks: not a paragraph
		}
		kids = append(kids, c)
	}
	var keep map[*html.Node]bool
	last := p
	for _, piece := range cutAtDoubleBreaks(kids) {
		if !piecesHaveText(piece) {
			continue
		}
		if keep == nil {
			keep = map[*html.Node]bool{}
			for _, c := range trimBreaks(piece) {
				keep[c] = true
			}
			continue
		}
		q := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P, Attr: append([]html.Attribute(nil), p.Attr...)}
		p.Parent.InsertBefore(q, last.NextSibling)
		last = q
		for _, c := range trimBreaks(piece) {
			p.RemoveChild(c)
			q.AppendChild(c)
		}
	}
	if keep == nil {
		return
	}
	// What stays in p besides its own piece: the breaks between pieces.
	for c := p.FirstChild; c != nil; {
		next := c.NextSibling
		if !keep[c] {
			p.RemoveChild(c)
		}
		c = next
	}
}

// cutAtDoubleBreaks cuts a run of inline nodes at every two or more
// <br>s with only blank text between them. The breaks stay at the end of
// the piece before them (trimBreaks drops them).
func cutAtDoubleBreaks(run []*html.Node) [][]*html.Node {
	var pieces [][]*html.Node
	start := 0
	for i := 0; i < len(run); i++ {
		if !isBr(run[i]) {
			continue
		}
		j, brs := i, 0
		for ; j < len(run); j++ {
			if isBr(run[j]) {
				brs++
			} else if !isBlankText(run[j]) {
				break
			}
		}
		if brs >= 2 {
			pieces = append(pieces, run[start:j])
			start = j
		}
		i = j - 1
	}
	return append(pieces, run[start:])
}

// trimBreaks returns piece without the breaks and blank text at its
// ends.
func trimBreaks(piece []*html.Node) []*html.Node {
	for len(piece) > 0 && (isBr(piece[0]) || isBlankText(piece[0])) {
		piece = piece[1:]
	}
	for len(piece) > 0 && (isBr(piece[len(piece)-1]) || isBlankText(piece[len(piece)-1])) {
		piece = piece[:len(piece)-1]
	}
	return piece
}

func hasDoubleBreak(n *html.Node) bool {
	var kids []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		kids = append(kids, c)
	}
	return len(cutAtDoubleBreaks(kids)) > 1
}

func piecesHaveText(piece []*html.Node) bool {
	for _, c := range piece {
		if c.Type == html.TextNode && hasWordChar(c.Data) || c.Type == html.ElementNode && hasWordChar(textOf(c)) {
			return true
		}
	}
	return false
}

func isBr(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == atom.Br }

func isBlankText(n *html.Node) bool {
	return n.Type == html.CommentNode || n.Type == html.TextNode && strings.TrimSpace(n.Data) == ""
}

// isInlineNode reports whether n is text or an inline element with no
// block inside it.
func isInlineNode(n *html.Node) bool {
	switch n.Type {
	case html.TextNode, html.CommentNode:
		return true
	case html.ElementNode:
	default:
		return false
	}
	if isBlockElement(n) {
		return false
	}
	switch nodeAtom(n) {
	case atom.Table, atom.Form, atom.Nav, atom.Aside, atom.Footer, atom.Script, atom.Style, atom.Noscript,
		atom.Iframe, atom.Video, atom.Audio, atom.Button, atom.Select, atom.Textarea, atom.Input, atom.Address:
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !isInlineNode(c) {
			return false
		}
	}
	return true
}
