package article

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// unwrapFormatting replaces inline emphasis elements (<i>, <em>, <b>,
// <strong>, <u>, <mark>…) by their text before extraction. A listener
// hears no emphasis, and the extractor loses the words after an
// emphasised word in a paragraph inside a table cell ("what do <i>you</i>
// think of it?" came out as "what do"), which cost whole sentences on
// pages laid out in tables. An emphasis element directly inside a
// container (<div>, <section>, <body>…) stays: text loose in a container
// survives extraction only next to an element ("<div><strong>More
// information:</strong> G. Petit…</div>"). Adjacent text is merged, so a
// paragraph is one text node again.
func unwrapFormatting(n *html.Node) {
	keep := isContainer(n)
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			unwrapFormatting(c)
			if !keep && isEmphasis(c) {
				for gc := c.FirstChild; gc != nil; {
					gn := gc.NextSibling
					c.RemoveChild(gc)
					n.InsertBefore(gc, c)
					gc = gn
				}
				n.RemoveChild(c)
			}
		}
		c = next
	}
	if !keep {
		mergeText(n)
	}
}

// isContainer reports whether n groups blocks rather than holding a run of
// text.
func isContainer(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Body, atom.Center, atom.Header,
		atom.Footer, atom.Aside, atom.Form, atom.Html:
		return true
	}
	return n.Type != html.ElementNode
}

func isEmphasis(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.I, atom.Em, atom.B, atom.Strong, atom.U, atom.Mark, atom.Small, atom.Tt, atom.Kbd, atom.Samp, atom.Var:
		return true
	}
	return false
}

// mergeText joins runs of adjacent text nodes under n into one.
func mergeText(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode {
			continue
		}
		for c.NextSibling != nil && c.NextSibling.Type == html.TextNode {
			c.Data += c.NextSibling.Data
			n.RemoveChild(c.NextSibling)
		}
	}
}

// unwrapTableQuotes turns a <blockquote> whose content is a table into a
// <div>. Older sites indent data tables with a blockquote; the extractor
// flattens a table inside a quotation into loose cells, so its rows ran
// together ("ReleaseDate4.2.3April 2014"). A blockquote with text of its
// own besides the table is a quotation and stays one. So does one whose
// table holds another table: the extractor drops a nested table outright,
// and inside the quotation its cells at least survive as text.
func unwrapTableQuotes(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if nodeAtom(c) == atom.Blockquote && holdsOnlyTables(c) {
			c.DataAtom, c.Data = atom.Div, "div"
		}
		unwrapTableQuotes(c)
	}
}

// holdsOnlyTables reports whether every element child of n is a table and
// n has no text outside them.
func holdsOnlyTables(n *html.Node) bool {
	tables := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if hasLetters(c.Data, 1) {
				return false
			}
		case html.ElementNode:
			if nodeAtom(c) != atom.Table || hasNestedTable(c) {
				return false
			}
			tables++
		}
	}
	return tables > 0
}

func hasNestedTable(t *html.Node) bool {
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (nodeAtom(c) == atom.Table || hasNestedTable(c)) {
			return true
		}
	}
	return false
}

// filterEndings are the words go-trafilatura's share-button filter looks
// for at the end of a text (lower case): Python trafilatura drops a line
// that is only such a word ("Facebook", "Print", "E-Mail"), but the Go
// port matches the word at the end of any text, so a heading "Fix the
// surveillance economy, not just Facebook" or a paragraph ending "…now
// owned by Google" was dropped as if it were a share button.
var filterEndings = []string{"drucken", "email", "e-mail", "facebook", "flipboard", "google",
	"instagram", "linkedin", "mail", "pdf", "pinterest", "pocket", "print", "qq", "reddit",
	"twitter", "wechat", "weibo", "whatsapp", "xing", "mehr zum thema", "mehr zum thema:",
	"more on this"}

// filterGuard is appended after a text's last word so that the
// extractor's filter no longer sees the word at the end. It is a word
// joiner (U+2060): not white space for the extractor's trimming, and
// removed again when blocks are built.
const filterGuard = "\u2060"

// guardFilterEndings marks every text that ends with one of
// filterEndings but holds more than that word, so that the extractor
// keeps it, as the original Python rule would. A text that is only the
// word, with at most punctuation before it ("Facebook", "• Print"), is
// left as it is: that is the share-button label the filter exists for.
func guardFilterEndings(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if end, ok := filterEndingAt(c.Data); ok {
				c.Data = c.Data[:end] + filterGuard + c.Data[end:]
			}
		case html.ElementNode:
			switch nodeAtom(c) {
			case atom.Script, atom.Style, atom.Head, atom.Noscript, atom.Textarea:
				continue
			}
			guardFilterEndings(c)
		}
	}
}

// filterEndingAt returns where the guard goes in s (after its last word)
// when s ends with a filtered word and has letters or digits before it.
func filterEndingAt(s string) (int, bool) {
	t := strings.TrimRightFunc(s, unicode.IsSpace)
	end := len(t)
	t = strings.TrimRight(t, ".")
	if len(t) < 2 {
		return 0, false
	}
	tail := t[max(0, len(t)-len("mehr zum thema:")):]
	for _, w := range filterEndings {
		if len(tail) < len(w) || !strings.EqualFold(tail[len(tail)-len(w):], w) {
			continue
		}
		if w != "more on this" && len(t) != end {
			continue // "Google." ends in a full stop: the filter passes it
		}
		if hasLetters(t[:len(t)-len(w)], 1) || strings.ContainsFunc(t[:len(t)-len(w)], unicode.IsDigit) {
			return end, true
		}
		return 0, false
	}
	return 0, false
}

// unwrapTextForms turns a <form> that holds nothing to fill in or press
// (no input but hidden ones, no textarea, select or button) and is a
// third prose or more (proseLen) into a <div>. Such a form is a wrapper, not a form: a forum puts each
// post's text in one so that its author can edit it in place
// ("<form class=usertext><input type=hidden><div class=md><p>…"). The
// extractor drops every form with what it holds, and so did the page
// prunes, which lost every post of such a thread and read its footer
// instead. A widget in a form (a wish list's "Unable to add item to List.
// Please try again." among its labels) is less prose than that.
func unwrapTextForms(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || skipsText(c) {
			continue
		}
		if nodeAtom(c) == atom.Form && !hasControls(c) {
			if p := proseLen(c); p > 0 && p*3 >= len(strings.TrimSpace(textOf(c))) {
				c.DataAtom, c.Data = atom.Div, "div"
			}
		}
		unwrapTextForms(c)
	}
}

// hasControls reports whether n holds a control a reader fills in or
// presses.
func hasControls(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch nodeAtom(c) {
		case atom.Textarea, atom.Select, atom.Button:
			return true
		case atom.Input:
			if !strings.EqualFold(attr(c, "type"), "hidden") {
				return true
			}
		}
		if hasControls(c) {
			return true
		}
	}
	return false
}
