package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// plainSentenceSpans takes the class and id names off a <span> or
// another inline element (sentenceInline), or a link in a paragraph
// (sentenceLink), that stands inside a sentence (words of its paragraph
// right before and right after it). go-trafilatura removes every element
// whose class or id holds one of its furniture words ("meta", "bar",
// "share", "embed", "slide", "menu", "button", "comment"…), and narrate's
// own prunes read class names too ("related", "social"), so a name
// marked up mid-sentence (`sagte <span
// class="person-meta">Jens Hartmann</span> am Montag`) vanished and the
// listener heard "sagte am Montag". Words in the middle of a sentence are
// never page furniture. The span itself stays (taking it out would leave
// its words as the tail of the element before it, which the extractor
// drops with that element). A span the page hides, or one for screen
// readers only, keeps its names.
func plainSentenceSpans(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		plainSentenceSpans(c)
		if (sentenceInline(c.DataAtom) || sentenceLink(c)) && (attr(c, "class") != "" || attr(c, "id") != "") && !isHidden(c) &&
			!screenReaderOnly.MatchString(attr(c, "class")) && !hasBlockChild(c) && midSentence(c) {
			removeAttr(c, "class")
			removeAttr(c, "id")
		}
	}
}

// sentenceInline reports whether a is an inline element that carries a
// sentence's words: not a footnote mark (<sup>, <sub>), a time stamp, a
// button or a form's label. Links are sentenceLink's.
func sentenceInline(a atom.Atom) bool {
	switch a {
	case atom.Span, atom.Em, atom.Strong, atom.B, atom.I, atom.U, atom.Mark, atom.Small, atom.Abbr,
		atom.Cite, atom.Font, atom.Q, atom.Dfn, atom.Code, atom.Bdi:
		return true
	}
	return false
}

// sentenceLink reports whether n is a link of a few words standing
// right in a paragraph's text (its parent is the <p>), whose names do not
// say it belongs to a newsletter or consent box (formBoxHint): a sentence
// of such a box ("visit our <a class=newsletter-legal-link>Privacy
// Notice</a>") is furniture, and
// keeping its link moved the extractor to the box on a shop's page
// (WCXB 0625 lost its product's name and price).
func sentenceLink(n *html.Node) bool {
	return n.DataAtom == atom.A && n.Parent != nil && n.Parent.DataAtom == atom.P && wordCount(textOf(n)) <= 6 &&
		!formBoxHint.MatchString(attr(n, "class")+" "+attr(n, "id"))
}

// formBoxHint are names of the links of a newsletter or consent box.
var formBoxHint = regexp.MustCompile(`(?i)newsletter|subscri|sign-?up|cookie|consent|legal|privacy|gdpr`)

// midSentence reports whether words of the same run of text come right
// before and right after n: a word character ends the text before it
// (or a comma or a space after one) and the text after it starts with a
// word, a space and a word, or punctuation that goes on a sentence.
func midSentence(n *html.Node) bool {
	before, after := sideText(n, false), sideText(n, true)
	if before == "" || after == "" || !hasWordChar(textOf(n)) {
		return false
	}
	return wordEnd.MatchString(before) && wordStart.MatchString(after)
}

// sideText returns the text of the siblings on one side of n, up to a
// block element, at most 40 bytes of it nearest to n.
func sideText(n *html.Node, forward bool) string {
	var parts []string
	size := 0
	for s := step(n, forward); s != nil && size < 40; s = step(s, forward) {
		if s.Type == html.ElementNode && (isBlockElement(s) || s.DataAtom == atom.Br) {
			break
		}
		t := s.Data
		if s.Type == html.ElementNode {
			t = textOf(s)
		} else if s.Type != html.TextNode {
			continue
		}
		parts = append(parts, t)
		size += len(t)
	}
	if !forward {
		for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
			parts[i], parts[j] = parts[j], parts[i]
		}
	}
	return strings.Join(parts, "")
}

func step(n *html.Node, forward bool) *html.Node {
	if forward {
		return n.NextSibling
	}
	return n.PrevSibling
}

var (
	wordEnd          = regexp.MustCompile(`[\p{L}\p{N}][,;]?\s*$`)
	wordStart        = regexp.MustCompile(`^\s*[\p{L}\p{N},;:.!?)]`)
	screenReaderOnly = regexp.MustCompile(`(?i)sr-only|screen-?reader|visually-?hidden|a11y|assistive`)
)
