package article

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// unwrapQuoteAsides turns into a <div> each <aside> that quotes an
// earlier post: it holds a <blockquote> with a line of text before it
// (who is quoted: "RndSheep:", "Anna schrieb:"). Forum software
// (Discourse among them) writes a reply's quotes so, and the extractor
// drops every <aside> as a sidebar, so the listener heard a reply
// without the words it answers. A pull quote (an <aside> holding only
// its <blockquote>) stays an aside: it repeats the article's own words.
func unwrapQuoteAsides(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && nodeAtom(c) == atom.Aside && quotesWithHeader(c) {
			c.Data, c.DataAtom = "div", atom.Div
		}
		unwrapQuoteAsides(c)
	}
}

// quotesWithHeader reports whether the aside's children are text then a
// <blockquote>: a header naming whom it quotes, then the quote.
func quotesWithHeader(aside *html.Node) bool {
	header := false
	for c := aside.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && nodeAtom(c) == atom.Blockquote {
			return header
		}
		if c.Type == html.TextNode && hasLetters(c.Data, 1) || c.Type == html.ElementNode && hasLetters(textOf(c), 1) {
			header = true
		}
	}
	return false
}
