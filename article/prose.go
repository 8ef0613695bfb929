package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// proseLen measures the running text under n: the bytes of its text
// blocks (the text between two block elements) that read as prose
// rather than as page furniture, whatever the language. A block counts
// when it holds minProseWords words or more and at most a third of its
// text is link text; menus, link lists, buttons, labels and footers'
// one-liners count nothing, a paragraph or a forum post counts whole.
func proseLen(n *html.Node) int {
	var p proseCounter
	p.walk(n, false)
	p.flush()
	return p.sum
}

const minProseWords = 12

type proseCounter struct {
	sum         int
	run         strings.Builder
	linked, all int
}

func (p *proseCounter) flush() {
	if p.all > 0 && p.linked*3 <= p.all && wordCount(p.run.String()) >= minProseWords {
		p.sum += p.all - p.linked
	}
	p.run.Reset()
	p.linked, p.all = 0, 0
}

func (p *proseCounter) walk(n *html.Node, inLink bool) {
	switch n.Type {
	case html.TextNode:
		l := len(strings.TrimSpace(n.Data))
		if l == 0 {
			return
		}
		p.run.WriteString(n.Data)
		p.all += l
		if inLink {
			p.linked += l
		}
		return
	case html.ElementNode:
		switch nodeAtom(n) {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Select, atom.Option,
			atom.Button, atom.Textarea, atom.Svg, atom.Head:
			return
		case atom.A:
			inLink = true
		}
	case html.DocumentNode:
	default:
		return
	}
	block := n.Type == html.ElementNode && (isBlockElement(n) || nodeAtom(n) == atom.Td || nodeAtom(n) == atom.Th)
	if block {
		p.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c, inLink)
	}
	if block {
		p.flush()
	}
}
