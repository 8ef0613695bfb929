package article

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// stampPattern matches a minute or clock stamp as live tickers write them
// before each entry, in any language: a match minute with its marks
// ("90.'", "45+2'", "90.+3", "87′", "12."), a clock time ("14:32", "9.05 Uhr",
// "21h15", "3:05 pm"), with at most a short unit after it. A date ("3.
// März", "2026-12-06") does not match.
var stampPattern = regexp.MustCompile(`^\d{1,3}(?:[.:h]\d{2})?\.?(?:\s?\+\s?\d{1,2})?\s?['’′.]{0,2}\s?(?:[[:alpha:]]{1,3}\.?)?$`)

// isStamp reports whether s, trimmed, is a minute or clock stamp.
func isStamp(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && len(s) <= 12 && stampPattern.MatchString(s)
}

// isClockOrMinute reports whether the stamp s has a minute mark or a
// clock's separator ("90'", "45+2'", "14:32", "21h15"), not only a
// number ("12.", which is also a list's rank).
func isClockOrMinute(s string) bool {
	return strings.ContainsAny(s, "'’′:+") || hourMark.MatchString(s)
}

// hourMark is a clock time written with an h ("21h15").
var hourMark = regexp.MustCompile(`\dh\d`)

// keepStampTimes turns each <time> element that holds a minute or clock
// stamp (isStamp) and stands beside text of its own entry into a <span>,
// so that its text is read. The extractor drops every <time> element with
// its text, as page furniture (a post's date); on a live ticker that cost
// each entry its minute ("90.' Nachspielzeit: …" was read as
// "Nachspielzeit: …"). A <time> holding a date, or alone in its block
// (a page's publication stamp), is left to the extractor.
//
// A stamp (a <time> or another inline element) followed by the entry's
// paragraph, directly or from a head of its own, is moved to the start of
// that paragraph, where the extractor reads it: it drops a list item's
// text beside its paragraphs, and a head holding only a stamp. A bare
// number before a heading is a rank ("1. What is…") and stays.
//
// Measured with spaceInlinePieces: every WCXB kind, scrapinghub and
// Readability the same at three decimals; ten WCXB pages change, none
// loses recall (a listing 0.336 -> 0.357, a collection 0.044 -> 0.072).
//
// On a match's ticker the moved stamps are written as minutes
// (markMinutes): "88." before "Gelbe Karte für Meier" was read as an
// ordinal of the card ("achtundachtzigste Gelbe Karte").
func keepStampTimes(n *html.Node) {
	var moved []*html.Node
	moveStamps(n, &moved)
	markMinutes(moved)
}

// moveStamps is keepStampTimes under n; it adds each stamp's text node,
// written at the start of its entry, to moved.
func moveStamps(n *html.Node, moved *[]*html.Node) {
	var next *html.Node
	for c := n.FirstChild; c != nil; c = next {
		next = c.NextSibling
		if c.Type != html.ElementNode || skipsText(c) {
			continue
		}
		stamp, ok := stampOf(c)
		wasTime := false
		if nodeAtom(c) == atom.Time {
			if ok && entryHasText(c) {
				c.DataAtom, c.Data = atom.Span, "span"
				wasTime = true
			}
		}
		// A bare number ("0", "12") is as often a count (of comments,
		// of likes) as a minute: only a stamp with a mark moves.
		if ok && (isInlinePiece(c) || isTextBlock(c) && isClockOrMinute(stamp)) && (wasTime || strings.ContainsFunc(stamp, func(r rune) bool { return !unicode.IsDigit(r) })) {
			// "<li><span>90.'</span><p>Nachspielzeit…": the extractor
			// reads a list item's paragraphs and drops the text beside
			// them, and a head holding only the stamp ("<div
			// class=head><time>21h15</time></div><div class=body>…")
			// is too short to keep: the stamp goes to the start of the
			// entry's first paragraph.
			anchor := c
			for range 2 {
				if adjacentElement(anchor) != nil || anchor.Parent == nil || !isBlockElement(anchor.Parent) || textOf(anchor.Parent) != stamp {
					break
				}
				anchor = anchor.Parent
			}
			if b := adjacentElement(anchor); b != nil && isBlockElement(b) && hasLetters(textOf(b), 3) {
				first := b
				for first.FirstChild != nil && first.FirstChild.Type == html.ElementNode && isBlockElement(first.FirstChild) {
					first = first.FirstChild
				}
				if isHeading(first) && !isClockOrMinute(stamp) && !wasTime {
					// "<span class=faq-rank>1.</span><h3>What is…": a
					// rank before a heading, not a ticker's minute.
					continue
				}
				t := &html.Node{Type: html.TextNode, Data: stamp + " "}
				first.InsertBefore(t, first.FirstChild)
				c.Parent.RemoveChild(c)
				*moved = append(*moved, t)
				continue
			}
			// "<li><span>84.</span> <span>Gelb-Rot für …</span></li>":
			// a stamp that leads its entry's line is read where it
			// stands, and counts among the ticker's minutes.
			if t := c.FirstChild; t != nil && t.NextSibling == nil && t.Type == html.TextNode && leadsBlock(c) && hasLetters(textOf(c.Parent), 3) {
				*moved = append(*moved, t)
				continue
			}
		}
		moveStamps(c, moved)
	}
}

// markMinutes writes the stamps of a match's ticker that have no minute
// mark with one ("88." -> "88'", "90.+3" -> "90+3'"), as tickers also write them
// and as each language reads them ("achtundachtzigste Minute"), when the
// stamps are a match's: three or more, each a number of at most 130 with
// a full stop or a minute mark, and at least one with a mark or added
// time ("45+2"). A clock's times ("14:32") and a list's ranks ("1.",
// "2.", "3." alone) are left as they are.
func markMinutes(stamps []*html.Node) {
	if len(stamps) < 3 {
		return
	}
	marked := false
	forms := make([][]string, len(stamps))
	for i, t := range stamps {
		m := matchMinute.FindStringSubmatch(strings.TrimSpace(t.Data))
		if m == nil {
			return
		}
		if n, _ := strconv.Atoi(m[1]); n > 130 {
			return
		}
		marked = marked || m[2] != "" || m[3] != ""
		forms[i] = m
	}
	if !marked {
		return
	}
	for i, t := range stamps {
		m := forms[i]
		if m[3] != "" {
			continue // marked already
		}
		minute := m[1]
		if m[2] != "" {
			minute += "+" + m[2]
		}
		t.Data = minute + "' "
	}
}

// matchMinute is a match's minute as tickers write it: the minute, a
// full stop or not, added time, and a minute mark or a full stop.
var matchMinute = regexp.MustCompile(`^(\d{1,3})\.?(?:\s?\+\s?(\d{1,2}))?\s?(['’′])?\.?$`)

// stampOf returns the text of n when it is a stamp (isStamp), reading no
// more of n than a stamp's length.
func stampOf(n *html.Node) (string, bool) {
	var sb strings.Builder
	var walk func(*html.Node) bool
	walk = func(c *html.Node) bool {
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
			return sb.Len() <= 64
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if !walk(k) {
				return false
			}
		}
		return true
	}
	if !walk(n) {
		return "", false
	}
	t := cleanInline(sb.String())
	return t, isStamp(t)
}

// leadsBlock reports whether n is the first thing in a block element (a
// list item, a paragraph, a <div>): nothing but white space before it.
func leadsBlock(n *html.Node) bool {
	if n.Parent == nil || !isBlockElement(n.Parent) {
		return false
	}
	for c := n.Parent.FirstChild; c != n; c = c.NextSibling {
		if c.Type != html.TextNode || strings.TrimSpace(c.Data) != "" {
			return false
		}
	}
	return true
}

// adjacentElement returns the element after n among its siblings when
// only white space lies between them, or nil.
func adjacentElement(n *html.Node) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			return c
		case html.TextNode:
			if strings.TrimSpace(c.Data) != "" {
				return nil
			}
		}
	}
	return nil
}

// entryHasText reports whether the entry t stands in (its parent, or the
// parent's parent when the parent holds only t) has text besides t:
// three letters or more.
func entryHasText(t *html.Node) bool {
	p := t.Parent
	for range 2 {
		if p == nil {
			return false
		}
		if hasLetters(strings.Replace(textOf(p), textOf(t), "", 1), 3) {
			return true
		}
		p = p.Parent
	}
	return false
}

// spaceInlinePieces puts a space between two inline elements that follow
// each other with no text between them when the first ends in a digit or
// a mark and the second starts with a capital letter: a ticker's minute
// and its text ("<span>90.</span><span>Nachspielzeit</span>"), a label
// and a value. A browser shows them apart (the site's style sheet sets
// them apart); the extractor joins the texts of a block as they are, so
// they were read as one word ("90.Nachspielzeit"). So are two names
// (namePieces: a shop card's brand and product). A word split across
// elements ("<b>W</b>ord") is left alone.
func spaceInlinePieces(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || skipsText(c) {
			continue
		}
		spaceInlinePieces(c)
		next := c.NextSibling
		if next == nil || next.Type != html.ElementNode || !isInlinePiece(c) || !isInlinePiece(next) {
			continue
		}
		a, b := strings.TrimRightFunc(textOf(c), unicode.IsSpace), strings.TrimLeftFunc(textOf(next), unicode.IsSpace)
		if a == "" || b == "" {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(a)
		first, _ := utf8.DecodeRuneInString(b)
		if !unicode.IsUpper(first) || unicode.IsLetter(last) && !namePieces(a, b) || strings.ContainsRune("-–/([{«„“‚'\"", last) && !isStamp(a) {
			continue
		}
		n.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, next)
	}
}

// namePieces reports whether a and b, two inline pieces side by side,
// are two names set apart by style, not one word in two pieces: a ends
// in a lower-case letter after a word of two letters or more and b, a
// name of two words or more, starts with a capital ("<span>Black
// Diamond</span><span>Spot 400 Headlamp</span>", a shop card's brand and
// product, were read "Black DiamondSpot"); a brand and a product name
// are set apart by their own elements because the card shows them on two
// lines. A word written in pieces ("<b>Mac</b>Book", "<span>Alpine
// Trekker</span><span>Trail</span><span>Shoes</span>", which a browser
// shows as written) has one word after the join, and stays as it is.
func namePieces(a, b string) bool {
	last, _ := utf8.DecodeLastRuneInString(a)
	if !unicode.IsLower(last) {
		return false
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) == 0 || len(wb) < 2 {
		return false
	}
	return utf8.RuneCountInString(wa[len(wa)-1]) >= 2 && utf8.RuneCountInString(wb[0]) >= 2
}

// isTextBlock reports whether n is a <div> or <p> that holds only text:
// a ticker's minute written as a block of its own ("<div
// class=ticker-time>88.</div><div class=ticker-text>…"), which the
// extractor drops as too short, and the listener heard each entry
// without its minute. Only a stamp with a minute mark or a clock's
// separator moves from a block: a bare "88." at the head of "Tor für
// Frankfurt!" reads as an ordinal ("achtundachtzigstes Tor"), and a
// block of its own holding "1." is as often a list's rank.
func isTextBlock(n *html.Node) bool {
	if nodeAtom(n) != atom.Div && nodeAtom(n) != atom.P {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode {
			return false
		}
	}
	return n.FirstChild != nil
}

// isInlinePiece reports whether n is an inline element that holds text.
func isInlinePiece(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Span, atom.Time, atom.A, atom.Strong, atom.B, atom.Em, atom.I, atom.Abbr, atom.Small, atom.Mark, atom.Label, atom.Data, atom.Cite:
		return true
	}
	return false
}

func isHeading(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}
