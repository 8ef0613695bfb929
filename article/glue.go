package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// wordSeams records, for each place in a page where one text node meets
// the next, the word before it and the word after it, and whether the
// page's rendering sets them apart there: white space on either side or
// between them, a <br>, or a block's edge. The extractor trims the text
// of the elements it keeps and the text after them ("choose the
// <i>right</i> GPU" became "right" and "GPU"), so words the page shows
// apart were read as one ("rightGPU"); respaceSeams puts the space back
// where the page had it, and only there.
type wordSeams struct {
	apart, joined map[[2]string]bool
}

// seamWalk follows the words of a tree's text as a browser renders them:
// word is the word written last (from the text since the last white
// space, across text nodes), broken tells whether a break came after it.
type seamWalk struct {
	word   strings.Builder
	broken bool
	// seam is called where a text node with text meets the word before
	// it: left and right are the words on either side, apart whether
	// something renders a space between them. It returns whether they
	// are apart now (it may have put a space before the text).
	seam func(left, right string, apart bool, text *html.Node) bool
}

// text takes in the text node t.
func (w *seamWalk) text(t *html.Node) {
	s := t.Data
	if strings.TrimSpace(s) == "" {
		if s != "" {
			w.broken = true
		}
		return
	}
	lead, _ := utf8.DecodeRuneInString(s)
	trail, _ := utf8.DecodeLastRuneInString(s)
	fields := strings.Fields(s)
	apart := w.broken || unicode.IsSpace(lead)
	if w.word.Len() > 0 {
		apart = w.seam(w.word.String(), fields[0], apart, t)
	}
	if apart || len(fields) > 1 {
		w.word.Reset()
	}
	w.word.WriteString(fields[len(fields)-1])
	w.broken = unicode.IsSpace(trail)
}

// walk visits n's subtree in document order.
func (w *seamWalk) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n)
		return
	case html.ElementNode:
		if skipsText(n) {
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	brk := n.Type == html.ElementNode && rendersBreak(n)
	if brk {
		w.broken = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if brk {
		w.broken = true
	}
}

// rendersBreak reports whether a browser shows a break at n's edges: a
// block, a line break, a table's cell or row, a list box's option.
func rendersBreak(n *html.Node) bool {
	if isBlockElement(n) {
		return true
	}
	switch nodeAtom(n) {
	case atom.Br, atom.Td, atom.Th, atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot, atom.Caption,
		atom.Nav, atom.Aside, atom.Footer, atom.Form, atom.Fieldset, atom.Legend, atom.Address,
		atom.Figcaption, atom.Center, atom.Hgroup, atom.Menu, atom.Option:
		return true
	}
	return false
}

// pageSeams notes the seams of the page's tree root (see wordSeams).
func pageSeams(root *html.Node) wordSeams {
	s := wordSeams{apart: map[[2]string]bool{}, joined: map[[2]string]bool{}}
	w := seamWalk{seam: func(left, right string, apart bool, _ *html.Node) bool {
		if apart {
			s.apart[[2]string{left, right}] = true
		} else {
			s.joined[[2]string{left, right}] = true
		}
		return apart
	}}
	w.walk(root)
	return s
}

// respaceSeams puts a space between two text nodes of the extracted
// content that meet with no space or break between them when the page
// shows the same two words apart, and nowhere writes them together: a
// word styled in pieces ("Jan<b>uary</b>"), a script written without
// spaces, a formula ("e<sup>2</sup>") keep their join, as the page has
// it.
func respaceSeams(content *html.Node, page wordSeams) {
	w := seamWalk{seam: func(left, right string, apart bool, t *html.Node) bool {
		k := [2]string{left, right}
		if apart || !page.apart[k] || page.joined[k] {
			return apart
		}
		t.Data = " " + t.Data
		return true
	}}
	w.walk(content)
}
