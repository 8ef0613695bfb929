package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pruneLabelledPromos removes the promo a story carries between its
// paragraphs in any language: a paragraph that is a short label and one
// link to another page, the link's text a headline ("Lue myös: <a>Opettajat
// varoittavat…</a>", "Taip pat skaitykite: <a>…</a>", "<b>Läs mer</b> <a>…</a>").
// The words of the label vary with the language and the site; the shape
// does not: one to four words that end in a colon or a bar or stand in
// bold, then a link of three words or more that holds the rest of the
// paragraph's text. A sentence that links a phrase has words after the
// link or more words before it, and stays; so does a label with a
// one- or two-word link ("Quelle: <a>Destatis</a>", "Mehr Infos: <a>www.x.de</a>"),
// which the text's rules judge.
func pruneLabelledPromos(root *html.Node) {
	for _, p := range findElements(root, isLabelledPromo) {
		p.Parent.RemoveChild(p)
	}
}

// isLabelledPromo reports whether n is a paragraph made of a label and
// one link to another page (see pruneLabelledPromos).
func isLabelledPromo(n *html.Node) bool {
	if a := nodeAtom(n); a != atom.P && a != atom.Div || !inlineOnly(n) {
		return false
	}
	var link *html.Node
	var before, after, bold strings.Builder
	var walk func(c *html.Node) bool
	walk = func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			if link == nil {
				before.WriteString(c.Data)
			} else {
				after.WriteString(c.Data)
			}
		case c.Type == html.ElementNode && nodeAtom(c) == atom.A:
			if link != nil || !hasOutLink(c) {
				return false
			}
			link = c
			return true
		case c.Type == html.ElementNode:
			if link == nil && (nodeAtom(c) == atom.B || nodeAtom(c) == atom.Strong) {
				bold.WriteString(textOf(c))
			}
			for k := c.FirstChild; k != nil; k = k.NextSibling {
				if !walk(k) {
					return false
				}
			}
		}
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !walk(c) {
			return false
		}
	}
	if link == nil || strings.TrimFunc(after.String(), func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) != "" {
		return false
	}
	label := strings.TrimSpace(before.String())
	words := strings.Fields(label)
	if len(words) == 0 || len(words) > 4 || strings.ContainsFunc(label, unicode.IsDigit) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(label)
	if last != ':' && last != '|' && last != '：' && strings.Join(strings.Fields(bold.String()), " ") != strings.Join(words, " ") {
		return false
	}
	headline := wordCount(textOf(link))
	return headline >= 3 && headline <= 16
}
