package article

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// mendBaseline undoes a repeat made by go-trafilatura's baseline, which
// reads a page whose main text is short (under about 100 characters). The
// baseline first keeps each <p> of the page, and when they are too short it
// appends the whole body's text as one more paragraph, without taking the
// first ones out: so "<h1>Title</h1><p>Text.</p>" was read "Text. Title
// Text." and a one-line page twice.
//
// When the content's last paragraph is such a flattened body (one text,
// holding every earlier child's text), only one of the two is kept: the
// earlier paragraphs, which keep the page's paragraph breaks, when the body
// holds nothing else but the title; else the body, which then holds words
// the paragraphs miss. The body was flattened with no break between its
// blocks ("Monday.The council"), so its text is read again from page, one
// paragraph per block of the page that the body's text holds. It reports
// whether content changed.
func mendBaseline(content, page *html.Node, title string) bool {
	var kids []*html.Node
	for c := content.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			kids = append(kids, c)
		}
	}
	if len(kids) < 2 {
		return false
	}
	for _, k := range kids {
		// The baseline's paragraphs are each one <p> of one text.
		if nodeAtom(k) != atom.P || k.FirstChild == nil || k.FirstChild != k.LastChild || k.FirstChild.Type != html.TextNode {
			return false
		}
	}
	last := kids[len(kids)-1]
	whole := comparable(last.FirstChild.Data)
	// Each earlier paragraph in turn, after the one before: a page of
	// paragraphs that repeat one another is not taken for this shape.
	var rest strings.Builder
	at := 0
	for _, k := range kids[:len(kids)-1] {
		t := comparable(k.FirstChild.Data)
		i := strings.Index(whole[at:], t)
		if t == "" || i < 0 {
			return false
		}
		rest.WriteString(whole[at:at+i] + " ")
		at += i + len(t)
	}
	rest.WriteString(whole[at:])
	left := rest.String()
	if t := comparable(title); t != "" {
		left = strings.Replace(left, t, " ", 1)
	}
	if strings.IndexFunc(left, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
		var lines []string
		prose := false
		for _, line := range blockLines(page) {
			if t := comparable(line); t == "" || !strings.Contains(whole, t) {
				continue // left out by the baseline's own cleaning
			}
			lines = append(lines, line)
			prose = prose || wordCount(line) >= 5
		}
		if !prose {
			// Not a sentence on the page (a few words in a link): the
			// flattened body is kept, so that such a page is still read
			// rather than refused for having no block of five words.
			return false
		}
		for _, k := range kids {
			content.RemoveChild(k)
		}
		for _, line := range lines {
			p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			p.AppendChild(&html.Node{Type: html.TextNode, Data: line})
			content.AppendChild(p)
		}
	} else {
		content.RemoveChild(last)
	}
	return true
}

// blockLines returns the text of n's blocks, one line per run of text
// between block elements, trimmed, without scripts, styles and the head.
func blockLines(n *html.Node) []string {
	var lines []string
	var sb strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(sb.String()), " "); t != "" {
			lines = append(lines, t)
		}
		sb.Reset()
	}
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		switch {
		case c.Type == html.TextNode:
			sb.WriteString(c.Data)
			return
		case c.Type == html.ElementNode:
			switch nodeAtom(c) {
			case atom.Script, atom.Style, atom.Template, atom.Head, atom.Noscript:
				return
			case atom.Br:
				flush()
				return
			}
		}
		block := c.Type == html.ElementNode && isBlockElement(c)
		if block {
			flush()
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return lines
}
