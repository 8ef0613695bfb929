package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pruneLinkedHeadlines removes the other stories' headlines a site sets
// between a story's paragraphs with no label, each a paragraph that is
// one link and nothing else ("<p><a href=/politics/…><strong>SENATE
// PASSES FUNDING BILL AFTER LATE-NIGHT VOTE</strong></a></p>", "<p><a
// href=…>Stadtrat beschließt neuen Busfahrplan</a></p>"). No label says
// what it is in any language, but its shape does: the paragraph's whole
// text is one link to another page, a headline of four to twenty words
// with no full stop at its end, standing between two paragraphs of the
// story's prose, about something else than the paragraph after it. A
// sentence of the story that links all its words ends in a full stop and
// stays; so does a linked line in a list or under a heading, a link to a
// part of this page, and a linked subhead, whose words the paragraph
// after it takes up ("Harbour board buys tug" over "The harbour board
// has bought a second tug…": see announces). A line with a label before
// a colon or in brackets ("Related: …", "[Read: …]") is left to the
// text's rules, which know the labels (promo-lead-in, read-more-promo):
// the references of the development sets keep some of them.
func pruneLinkedHeadlines(root *html.Node) {
	for _, p := range findElements(root, isLinkedHeadline) {
		p.Parent.RemoveChild(p)
	}
}

// Headline bounds of pruneLinkedHeadlines, in words.
const (
	minLinkedHeadline = 4
	maxLinkedHeadline = 20
)

// isLinkedHeadline reports whether n is a paragraph that is only a
// linked headline between two paragraphs of prose (see
// pruneLinkedHeadlines).
func isLinkedHeadline(n *html.Node) bool {
	if nodeAtom(n) != atom.P || !inlineOnly(n) || outLinks(n) != 1 || !hasOutLink(n) {
		return false
	}
	all := textLen(n, 1<<20)
	if all == 0 || linkTextLen(n) != all {
		return false
	}
	text := strings.TrimSpace(cleanInline(textOf(n)))
	if words := wordCount(text); words < minLinkedHeadline || words > maxLinkedHeadline {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'”’»)]", r)
	}))
	if last == '.' || last == ';' || last == ',' || last == '…' || strings.ContainsAny(text, ":：[(") {
		return false
	}
	next := nextElement(n)
	return isProsePara(prevElement(n)) && isProsePara(next) && !announces(text, textOf(next))
}

// announces reports whether the headline is a subhead of the paragraph
// after it: a third or more of its content words (four letters or more,
// not a function word of a language narrate knows) are in the
// paragraph.
func announces(headline, para string) bool {
	in := map[string]bool{}
	for _, w := range contentWords(para) {
		in[w] = true
	}
	words := contentWords(headline)
	shared := 0
	for _, w := range words {
		if in[w] {
			shared++
		}
	}
	return len(words) > 0 && shared*3 >= len(words)
}

// contentWords returns the words of s in lower case, four letters or
// more, that are no language's function words (wordLangs).
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if utf8.RuneCountInString(w) >= 4 && wordLangs[w] == nil {
			out = append(out, w)
		}
	}
	return out
}

// isProsePara reports whether n is a <p> of prose: minProseWords
// words or more, at most a third of its text in links.
func isProsePara(n *html.Node) bool {
	if n == nil || nodeAtom(n) != atom.P {
		return false
	}
	all := textLen(n, 1<<20)
	return all > 0 && linkTextLen(n)*3 <= all && wordCount(textOf(n)) >= minProseWords
}
