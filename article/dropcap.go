package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// joinDropCaps puts a drop cap back at the start of its word. Pages set
// the first letter of a story large in an element of its own, named for
// it (`<div class="post-first-letter">D</div><div><p>uring the
// pandemic…`); the extractor drops or separates that element, and the
// listener heard "uring the pandemic". The letter is joined to the text
// that follows it when that text begins, with no space, with a lower-case
// letter, and is not a letter avatar (whose letter repeats the name's
// first one: "H" over "happycat9").
func joinDropCaps(root *html.Node) {
	var caps []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if cl := attr(c, "class"); containsFold(cl, "cap", "letter") && dropCapName.MatchString(cl) {
				caps = append(caps, c)
				continue
			}
			find(c)
		}
	}
	find(root)
	for _, c := range caps {
		letter := strings.TrimSpace(textOf(c))
		r, size := utf8.DecodeRuneInString(letter)
		if size == 0 || size != len(letter) || !unicode.IsUpper(r) {
			continue
		}
		t, spaced := textAfter(c)
		if t == nil || spaced && isInlineNode(c) {
			// White space after an inline letter is a space: "A man".
			continue
		}
		next, _ := utf8.DecodeRuneInString(t.Data)
		if !unicode.IsLower(next) || next == unicode.ToLower(r) {
			continue
		}
		t.Data = letter + t.Data
		for k := c.FirstChild; k != nil; k = c.FirstChild {
			c.RemoveChild(k)
		}
	}
}

var dropCapName = regexp.MustCompile(`(?i)drop-?cap|first-?letter|initial-?letter`)

// textAfter returns the first text node after n in document order, not
// under n, that holds more than white space, or nil; spaced says whether
// white space came between.
func textAfter(n *html.Node) (found *html.Node, spaced bool) {
	var walk func(*html.Node) bool
	walk = func(c *html.Node) bool {
		for ; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				if strings.TrimSpace(c.Data) != "" {
					found = c
					return true
				}
				spaced = spaced || c.Data != ""
			}
			if c.Type == html.ElementNode && walk(c.FirstChild) {
				return true
			}
		}
		return false
	}
	for p := n; p != nil; p = p.Parent {
		if walk(p.NextSibling) {
			return found, spaced
		}
	}
	return nil, spaced
}
