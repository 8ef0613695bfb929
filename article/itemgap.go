package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// itemSpacer puts back the word breaks between the blocks of a list item
// that the extractor runs together. It flattens a list item to one text,
// each of its elements trimmed and its <div>s stripped, so that
// "<li><div>Women's</div><div>Top Rated</div><div>$94.73</div></li>" came
// out as "Women'sTop Rated$94.73": one word to a voice, and no word of
// the page. A browser lays the blocks out apart.
//
// Before extraction, the spacer notes each list item of the page that has
// a block boundary or white space between two of its texts: the texts,
// without white space, and where the breaks are. An extracted item's text is then
// matched against them in document order, text by text (the extractor
// leaves some out: buttons, hidden labels), and a space goes where the
// page had a break. An item that does not match is left as it is. The
// spacer changes no word and reads nothing the extractor did not choose.
type itemSpacer struct {
	items []spacedItem
	next  int // the item after the last one matched
	// numbers are the numbers the page's ordered lists show, by their
	// item's text without white space ("" for a list whose numbers the
	// page hides): the extractor keeps an <ol>'s items but not its start,
	// reversed, type or value attributes.
	numbers map[string]string
}

// number is the number the page shows for the extracted list item li:
// the one noted for its text, else its place in its <ol> (itemNumber).
func (s *itemSpacer) number(li *html.Node) string {
	if s != nil {
		if v, ok := s.numbers[squeeze(textOf(li))]; ok {
			return v
		}
	}
	return itemNumber(li)
}

// spacedItem is a list item's texts without white space, and which of
// them follow a block boundary or white space.
type spacedItem struct {
	texts []string
	gap   []bool
}

// itemWindow is how many items past the last match an extracted item is
// looked for among.
const itemWindow = 200

// newItemSpacer notes the list items of root that have a block boundary
// between two texts.
func newItemSpacer(root *html.Node) *itemSpacer {
	s := &itemSpacer{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipsText(c) {
				continue
			}
			switch nodeAtom(c) {
			case atom.Li, atom.Dd, atom.Dt:
				if it, ok := itemTexts(c); ok {
					s.items = append(s.items, it)
				}
				if c.Parent != nil && nodeAtom(c.Parent) == atom.Ol {
					if s.numbers == nil {
						s.numbers = map[string]string{}
					}
					if k := squeeze(textOf(c)); k != "" {
						if _, seen := s.numbers[k]; !seen {
							s.numbers[k] = itemNumber(c)
						}
					}
				}
			}
			walk(c)
		}
	}
	walk(root)
	return s
}

// skipsText reports whether n holds no text a reader sees.
func skipsText(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Script, atom.Style, atom.Head, atom.Noscript, atom.Template, atom.Svg, atom.Textarea:
		return true
	}
	return false
}

// itemTexts returns the texts of the list item li and whether a block
// boundary or white space lies between two of them (the extractor trims
// the space before an inline element too: "Made from <b>re</b>cycled").
func itemTexts(li *html.Node) (spacedItem, bool) {
	var it spacedItem
	boundary, any := false, false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				t := squeeze(c.Data)
				if t == "" {
					boundary = boundary || c.Data != ""
					continue
				}
				r, _ := utf8.DecodeRuneInString(c.Data)
				gap := (boundary || unicode.IsSpace(r)) && len(it.texts) > 0
				any = any || gap
				it.texts = append(it.texts, t)
				it.gap = append(it.gap, gap)
				r, _ = utf8.DecodeLastRuneInString(c.Data)
				boundary = unicode.IsSpace(r)
			case html.ElementNode:
				if skipsText(c) {
					continue
				}
				block := isBlockElement(c) || nodeAtom(c) == atom.Br
				boundary = boundary || block
				walk(c)
				boundary = boundary || block
			}
		}
	}
	walk(li)
	return it, any
}

// squeeze returns s without white space and word joiners (filterGuard).
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u2060' {
			return -1
		}
		return r
	}, s)
}

// space returns the extracted item text with a space at each block
// boundary of the page's item it matches, or text as it is.
func (s *itemSpacer) space(text string) string {
	if s == nil || len(s.items) == 0 {
		return text
	}
	// The text without white space, and where each of its bytes is in text.
	var sq strings.Builder
	var at []int
	for i, r := range text {
		if unicode.IsSpace(r) || r == '\u2060' {
			continue
		}
		sq.WriteRune(r)
		for range utf8.RuneLen(r) {
			at = append(at, i)
		}
	}
	q := sq.String()
	if q == "" {
		return text
	}
	for i := s.next; i < len(s.items) && i < s.next+itemWindow; i++ {
		cuts, ok := s.items[i].match(q)
		if !ok {
			continue
		}
		s.next = i + 1
		var sb strings.Builder
		prev := 0
		for _, c := range cuts {
			j := at[c]
			sb.WriteString(text[prev:j])
			if r, _ := utf8.DecodeLastRuneInString(text[:j]); !unicode.IsSpace(r) {
				sb.WriteByte(' ')
			}
			prev = j
		}
		sb.WriteString(text[prev:])
		return sb.String()
	}
	return text
}

// match lines q (an extracted text without white space) up with the
// item's texts, leaving out texts q does not have, and returns where in q
// a word break falls: between two texts unless the second is the one
// right after the first in the page with no block boundary between them
// (inline, as "<b>W</b>ord"). The extractor may move a text (a label it
// reads after the title it stood before), so a text is looked for in
// page order from the last one used, then anywhere. ok is false unless
// the texts make up q whole, two of them at least.
func (it spacedItem) match(q string) (cuts []int, ok bool) {
	used := make([]bool, len(it.texts))
	pos, n, last := 0, 0, -1
	for pos < len(q) {
		k := -1
		for j := last + 1; j < len(it.texts); j++ {
			if !used[j] && strings.HasPrefix(q[pos:], it.texts[j]) {
				k = j
				break
			}
		}
		for j := 0; k < 0 && j <= last; j++ {
			if !used[j] && strings.HasPrefix(q[pos:], it.texts[j]) {
				k = j
			}
		}
		if k < 0 {
			return nil, false
		}
		if n > 0 && (k != last+1 || it.gap[k]) {
			cuts = append(cuts, pos)
		}
		used[k] = true
		pos += len(it.texts[k])
		last = k
		n++
	}
	return cuts, n >= 2
}
