package article

import (
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// ErrTooLong is wrapped by a *LengthError: the article is longer than
// LoadOptions.MaxChars.
var ErrTooLong = errors.New("article too long")

// LengthError is an article over LoadOptions.MaxChars.
type LengthError struct {
	// Chars is the length in characters of the article's text (its
	// blocks: a caller checks its title and byline by their own limits);
	// when AtLeast is set, the page's text was cut before extraction and
	// the article is longer still.
	Chars   int
	AtLeast bool
	// Limit is LoadOptions.MaxChars.
	Limit int
}

func (e *LengthError) Error() string {
	at := ""
	if e.AtLeast {
		at = "at least "
	}
	return fmt.Sprintf("%v: %s%d characters, over the limit of %d", ErrTooLong, at, e.Chars, e.Limit)
}

// Unwrap makes errors.Is(err, ErrTooLong) true.
func (e *LengthError) Unwrap() error { return ErrTooLong }

// Chars is the article's length in characters: its title, byline and
// blocks' text.
func (d *Document) Chars() int {
	n := utf8.RuneCountInString(d.Title) + utf8.RuneCountInString(d.Byline)
	for _, b := range d.Blocks {
		n += utf8.RuneCountInString(b.Text)
	}
	return n
}

// checkLength refuses doc when its blocks are over max characters (max >
// 0); cut says the page's text was cut before extraction (cutLongText).
func checkLength(doc *Document, max int, cut bool) error {
	if max <= 0 {
		return nil
	}
	n := 0
	for _, b := range doc.Blocks {
		n += utf8.RuneCountInString(b.Text)
	}
	if n > max {
		return &LengthError{Chars: n, AtLeast: cut, Limit: max}
	}
	return nil
}

// cutLongText cuts every text node of the page's readable text that holds
// more than max characters other than spaces to its first max+1 of them,
// and says whether it cut any. max <= 0 cuts nothing.
//
// It bounds what extraction reads without changing what it may keep, so
// that a page is refused only when its article would be too long:
//   - Extraction keeps or drops a text node whole; it never takes text
//     from elsewhere. A cut node it keeps still puts more than max
//     characters in the article (whitespace, which is collapsed, is not
//     counted), so the article is refused, as the whole node would make it.
//   - A cut node it drops costs nothing: the rest of the page is as it was.
//   - Extraction's choices weigh text by length (link density, the longer
//     of two candidates, each paragraph's score), and a cut node still
//     holds max+1 characters: a million by default, against thresholds of
//     tens or hundreds of characters, so it outweighs the rest of any page
//     as the whole node did.
//
// What it spares: one paragraph of 10 MB took 3.65 s to refuse, nearly all
// of it extraction and its language classifier reading the whole paragraph
// to find an article it could only refuse.
//
// Text inside script, style and the like is not the article's and is left
// alone: the page's structured data is read from it.
func cutLongText(root *html.Node, max int) bool {
	if max <= 0 {
		return false
	}
	cut := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if len(c.Data) > max { // fewer bytes, fewer characters
					if i := cutAfter(c.Data, max); i < len(c.Data) {
						c.Data = c.Data[:i]
						cut = true
					}
				}
			case html.ElementNode:
				switch c.Data {
				case "script", "style", "template", "textarea", "title", "xmp", "noembed", "noframes", "iframe":
					continue
				}
				walk(c)
			default:
				walk(c)
			}
		}
	}
	walk(root)
	return cut
}

// cutAfter returns the byte offset just past the (max+1)th character of s
// other than a space, or len(s) when s has no more than max of them.
func cutAfter(s string, max int) int {
	n := 0
	for i, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		n++
		if n > max {
			return i + utf8.RuneLen(r)
		}
	}
	return len(s)
}
