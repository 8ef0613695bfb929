package article

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// headPostsWithAuthor writes who wrote each post of a thread, and when,
// as a line at the head of the post's text, where the page marks its
// posts with schema.org microdata (itemtype Comment,
// DiscussionForumPosting, Question or Answer, with itemprop author and
// text). Forum software (Discourse, XenForo, vBulletin and others) writes
// the author and the time in a header beside the text that the extractor
// drops as page furniture (a link to a profile, a <time> element), so the
// listener heard the posts of a thread run on with no word of who was
// answering whom. The line is the author's name and the post's time as
// the page shows them ("raoul, May 3, 2024, 8:45am").
//
// The lines are paragraphs, unless they alone lift the page's paragraph
// text over the mark below which the extractor also reads the text a
// <div> holds (wildParagraphText): a forum that writes its posts as text
// in a <div> (XenForo's "bbWrapper") then lost every post's text, or
// heard it after the quote inside it. There they are <div>s, read the
// same (WCXB 0513 recall 0.67 -> 0.94).
func headPostsWithAuthor(n *html.Node) {
	before := paragraphLen(n, utf8.RuneCountInString) // the extractor counts characters
	var heads []*html.Node
	headPostsIn(n, &heads)
	after := before
	for _, h := range heads {
		after += utf8.RuneCountInString(textOf(h))
	}
	if before < wildParagraphText && after >= wildParagraphText {
		for _, h := range heads {
			h.Data, h.DataAtom = "div", atom.Div
		}
	}
}

// wildParagraphText is how much text (in characters) go-trafilatura
// wants in a page's <p> elements before it stops reading the text of
// <div>s: three times its least extraction (extractOptions).
const wildParagraphText = 300

// headPostsIn heads each post under n, and adds the lines to heads.
func headPostsIn(n *html.Node, heads *[]*html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if isPostItem(c) {
			if h := headPost(c); h != nil {
				*heads = append(*heads, h)
			}
		}
		headPostsIn(c, heads)
	}
}

// isPostItem reports whether n is a schema.org item of a post's kind.
func isPostItem(n *html.Node) bool {
	t := attr(n, "itemtype")
	if t == "" {
		return false
	}
	t = t[strings.LastIndexByte(t, '/')+1:]
	switch t {
	case "Comment", "DiscussionForumPosting", "Question", "Answer":
		return true
	}
	return false
}

// headPost writes the line at the head of one post's text and returns
// it; nil when the post names no author or has no text.
func headPost(post *html.Node) *html.Node {
	var author, when, body *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || isPostItem(c) {
				continue // a post inside this one heads itself
			}
			prop := " " + attr(c, "itemprop") + " "
			switch {
			case author == nil && strings.Contains(prop, " author "):
				author = c
				if name := findItemprop(c, "name"); name != nil {
					author = name
				}
				continue // its times are the author's (joined, last seen)
			case nodeAtom(c) == atom.Time && (when == nil || strings.Contains(prop, " datePublished ") || strings.Contains(prop, " dateCreated ")):
				if when == nil || !strings.Contains(" "+attr(when, "itemprop")+" ", " date") {
					when = c
				}
			case body == nil && (strings.Contains(prop, " text ") || strings.Contains(prop, " articleBody ")):
				body = c
				continue
			}
			walk(c)
		}
	}
	walk(post)
	if author == nil || body == nil {
		return nil
	}
	name := cleanInline(textOf(author))
	if name == "" || wordCount(name) > 4 {
		return nil
	}
	line := name
	if when != nil {
		if t := cleanInline(textOf(when)); t != "" && wordCount(t) <= 6 {
			line += ", " + t
		}
	}
	p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: line})
	body.Parent.InsertBefore(p, body)
	return p
}

// findItemprop returns the first element under n with itemprop prop.
func findItemprop(n *html.Node, prop string) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		for _, p := range strings.Fields(attr(c, "itemprop")) {
			if p == prop {
				return c
			}
		}
		if f := findItemprop(c, prop); f != nil {
			return f
		}
	}
	return nil
}

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
