package article

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// mendWildText puts back the subheadings and lists that go-trafilatura
// drops from a page it reads "wild".
//
// When none of its selectors finds the page's main container (no
// <article>, no content class: a plain page of a small site, an inline
// test page), the extractor collects every <p>, <blockquote>, <pre> and
// <table> of the page one by one, and nothing else: the story's
// subheadings and its lists were never read, so "<h3>When will the work
// end?</h3>" went unheard between the paragraphs that answer it.
//
// The shape is recognised from the result: every block it holds is of
// those kinds, and they are found on the page in order. A heading or a
// list that stands on the page between two blocks read next to one
// another is put back between them; only one that is not navigation (a
// heading of a link or over links, a list mostly of links, anything in a
// <nav>, <header>, <footer>, <aside>, <form>, <figure> or a dialog), not
// furniture the page repeats (a post's subject over each reply, a
// poster's "Member" and "Website"), and not read already. Where the
// extractor left out a block of its own kinds between the two, the gap
// was its choice (a product card's name and price) and nothing is put
// back there. It reports whether content changed.
func mendWildText(content, page *html.Node) bool {
	var kids []*html.Node
	for c := content.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if !wildKind(c) {
			return false
		}
		kids = append(kids, c)
	}
	if len(kids) < 2 {
		return false
	}
	// The page's blocks in document order: those the wild reading takes,
	// and the headings and lists it does not.
	var blocks []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch nodeAtom(n) {
			case atom.Script, atom.Style, atom.Template, atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Form, atom.Noscript,
				atom.Figure, atom.Figcaption:
				return
			}
			if r := attr(n, "role"); r == "dialog" || r == "alertdialog" || attr(n, "aria-modal") == "true" {
				return // a consent or sign-in dialog
			}
			if wildKind(n) || isHeading(n) || isWildList(n) {
				blocks = append(blocks, n)
				return // the extractor reads a block whole
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(page)
	// Each kid matched, in order, to the page's block that reads the same.
	texts := make([]string, len(blocks))
	// Headings and list items the page repeats: a post's subject over
	// each reply, "Buy now" over each product, "Member" under each
	// poster's name.
	repeats := map[string]int{}
	for p, b := range blocks {
		texts[p] = wildKey(textOf(b))
		if isHeading(b) {
			repeats[texts[p]]++
		}
		if isWildList(b) {
			for _, t := range listItemTexts(b) {
				repeats[t]++
			}
		}
	}
	at := make([]int, len(kids))
	j := 0
	first, last := -1, -1
	for i, k := range kids {
		at[i] = -1
		want := wildKey(textOf(k))
		if want == "" {
			continue
		}
		for p := j; p < len(blocks); p++ {
			if wildKind(blocks[p]) && texts[p] == want {
				at[i], j = p, p+1
				if first < 0 {
					first = i
				}
				last = i
				break
			}
		}
	}
	if first < 0 || first == last {
		return false
	}
	// put reports whether the page's block p is put back: a heading or a
	// list that is not navigation, nor furniture repeated on the page (a
	// "Buy now" over each product, a post's subject over each reply).
	// Nor what is read already: a list that holds a paragraph the
	// extractor took, a heading or a list the page gives twice (for
	// another screen size).
	read := comparable(textOf(content))
	done, listed := map[string]bool{}, map[string]bool{}
	for _, k := range kids {
		done[comparable(textOf(k))] = true
	}
	put := func(p int) *html.Node {
		t := texts[p]
		if wildKind(blocks[p]) || done[comparable(textOf(blocks[p]))] {
			return nil
		}
		if isHeading(blocks[p]) && repeats[t] >= 3 {
			return nil
		}
		if isWildList(blocks[p]) {
			if lt := comparable(textOf(blocks[p])); strings.Contains(read, lt) || listed[lt] {
				return nil
			}
			items, common := listItemTexts(blocks[p]), 0
			for _, it := range items {
				if repeats[it] >= 3 {
					common++
				}
			}
			if common*3 >= len(items) {
				return nil // a poster's details, a product's badges
			}
		}
		c := wildCopy(blocks[p])
		if c != nil && isWildList(blocks[p]) {
			listed[comparable(textOf(blocks[p]))] = true
		}
		return c
	}
	changed := false
	for i := first + 1; i <= last; i++ {
		if at[i] < 0 {
			continue
		}
		prev := i - 1
		for prev > first && at[prev] < 0 {
			prev--
		}
		left := false
		for p := at[prev] + 1; p < at[i]; p++ {
			left = left || wildKind(blocks[p]) && texts[p] != ""
		}
		for p := at[prev] + 1; p < at[i] && !left; p++ {
			// A heading or a list: blocks the extractor never looks at.
			if c := put(p); c != nil {
				content.InsertBefore(c, kids[i])
				changed = true
			}
		}
	}
	return changed
}

// wildKind reports whether n is a block the extractor's wild reading
// takes.
func wildKind(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.P, atom.Blockquote, atom.Q, atom.Pre, atom.Code, atom.Table:
		return true
	}
	return false
}

// isWildList reports whether n is a list.
func isWildList(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Ul, atom.Ol, atom.Dl:
		return true
	}
	return false
}

// wildCopy returns what is put back for a heading or a list found
// where the extractor read the page wild: a copy of it; or nil for
// navigation (a heading of a link to another page, a list mostly of
// links), for a heading too long to be one, and for what holds no
// words.
func wildCopy(n *html.Node) *html.Node {
	text := textOf(n)
	links := linkTextLen(n)
	if isHeading(n) {
		// A subhead linked to its own place on the page (its
		// permalink, "<h2><a href="#costs">Costs</a></h2>", or a CMS's
		// anchor without an href) is no link away.
		links = outLinkTextLen(n)
	}
	if text == "" || links*2 >= textLen(n, 1<<20) {
		return nil
	}
	if isHeading(n) {
		if wordCount(text) > 25 {
			return nil
		}
		// Over a list of links (a sidebar's "Trending News"), or in a
		// card whose other words are links: the heading's own link is
		// not counted among them.
		if p := n.Parent; p != nil {
			rest := textLen(p, 1<<20) - textLen(n, 1<<20)
			if rest > 0 && (linkTextLen(p)-linkTextLen(n))*2 >= rest {
				return nil
			}
		}
	}
	return cloneTree(n)
}

// wildKey is a block's text made comparable, for matching the
// extractor's copy of a block to the page's, without the spaces that
// touch punctuation: the extractor's spacing of punctuation by inline
// markup ("<a>ceremony</a>." read as "ceremony ." on the page and
// "ceremony." in the copy, or the reverse) is no difference, while
// words stay apart ("table_name" is not "TABLE name").
func wildKey(s string) string {
	r := []rune(comparable(s))
	var sb strings.Builder
	for i, c := range r {
		if c == ' ' && i > 0 && i+1 < len(r) && (!isWordRune(r[i-1]) || !isWordRune(r[i+1])) {
			continue
		}
		sb.WriteRune(c)
	}
	return sb.String()
}

// isWordRune reports whether r is a letter or a digit.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// outLinkTextLen counts the non-space bytes of the text of n's links to
// other pages (hasOutLink): not an anchor on this page, not a script.
func outLinkTextLen(n *html.Node) int {
	if n.Type == html.ElementNode && nodeAtom(n) == atom.A {
		if hasOutLink(n) {
			return textLen(n, 1<<20)
		}
		return 0
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += outLinkTextLen(c)
	}
	return sum
}

// listItemTexts returns the texts of a list's items (<li>, <dt>, <dd>), each
// made comparable.
func listItemTexts(list *html.Node) []string {
	var out []string
	for c := list.FirstChild; c != nil; c = c.NextSibling {
		switch nodeAtom(c) {
		case atom.Li, atom.Dt, atom.Dd:
			if t := comparable(textOf(c)); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}
