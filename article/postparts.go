package article

import (
	"strings"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
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

// readPostLeads reads again a thread whose posts' text the extractor
// read without each post's first line. When a post's text is written as
// lines between <br>s in a <div> with no block inside (phpBB's "<div
// class=content>"), the extractor reads the <div>'s own text only on a
// page with little <p> text (wildParagraphText), and keeps of it the
// lines after the first <br>; a thread's "by … » date" lines are <p>s.
// The listener heard replies without their first sentence and one-line
// posts not at all. When the extraction read some post's later lines
// but not its first, and half or more of the posts written so (those of
// the page's main group, findPostGroups, and the one-line posts of
// their kind) lost their first line, those <div>s are made <p>s and the
// page extracted again; the second reading is kept when it holds what
// the first read, and more, and the <div>s are restored otherwise.
// (Made for every post group before the extraction, the same change
// moved the extractor's container on listings and other threads: WCXB
// 4343 R 0.99 -> 0.00. Without the test that a post was read in part,
// a news hub's video captions were read as posts: 2965 P 0.89 -> 0.57.)
// WCXB 0536 R 0.31 -> 0.77 (P 0.43 -> 0.62), 0527 R 0.83 -> 0.84.
// groups are the page's post groups (findPostGroups), which the caller
// has found already.
func readPostLeads(root *html.Node, res *trafilatura.ExtractResult, sig pageSignals, groups []postGroup) *trafilatura.ExtractResult {
	if res == nil || res.ContentNode == nil || sig.product {
		return res
	}
	if len(groups) == 0 {
		return res
	}
	g := groups[0]
	got := wordRuns(res.ContentText)
	var divs []*html.Node
	partial, written, read := 0, 0, false
	posts := g.posts()
	for _, m := range posts {
		in := inlineTextDivs(m)
		cut := false
		for _, d := range in {
			runs := wordRuns(textOf(d))
			n := 0
			for r := range runs {
				if got[r] {
					n++
				}
			}
			if n < len(runs) && leadMissed(d, got) {
				cut = true
				if n > 0 {
					read = true
				}
			}
		}
		if cut {
			partial++
		}
		if len(in) > 0 {
			written++
		}
		divs = append(divs, in...)
	}
	if !read || partial*2 < written {
		return res
	}
	for _, d := range divs {
		d.Data, d.DataAtom = "p", atom.P
	}
	again, err := trafilatura.ExtractDocument(root, extractOptions())
	if err == nil && again != nil && again.ContentNode != nil &&
		onceLen(again.ContentText) > onceLen(res.ContentText) && covers(again.ContentText, res.ContentText) {
		return again
	}
	for _, d := range divs {
		d.Data, d.DataAtom = "div", atom.Div
	}
	return res
}

// inlineTextDivs returns the <div>s under n (n too) that hold text of
// their own and no block: a post's text written between <br>s.
func inlineTextDivs(n *html.Node) []*html.Node {
	if nodeAtom(n) == atom.Div && holdsOwnText(n) && !holdsBlock(n) {
		return []*html.Node{n}
	}
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !skipsText(c) {
			out = append(out, inlineTextDivs(c)...)
		}
	}
	return out
}

// leadMissed reports whether the first line of d's text (up to its
// first <br>) has three words or more and none of its runs of three
// words is in got.
func leadMissed(d *html.Node, got map[[3]string]bool) bool {
	var b strings.Builder
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case nodeAtom(c) == atom.Br:
				return true
			case c.Type == html.ElementNode && !skipsText(c):
				if walk(c) {
					return true
				}
			}
		}
		return false
	}
	walk(d)
	runs := wordRuns(b.String())
	if len(runs) == 0 {
		return false
	}
	for r := range runs {
		if got[r] {
			return false
		}
	}
	return true
}

// holdsOwnText reports whether a text child of n has letters.
func holdsOwnText(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && hasLetters(c.Data, 1) {
			return true
		}
	}
	return false
}

// holdsBlock reports whether an element under n is a block.
func holdsBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (isBlockElement(c) || holdsBlock(c)) {
			return true
		}
	}
	return false
}

// posts returns the group's members and the elements of their kind
// (postKey) among them that findPostGroups left out for holding no
// prose: a thread's one-line replies.
func (g postGroup) posts() []*html.Node {
	var out []*html.Node
	for c := g.first; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if postKey(c) == g.key {
				out = append(out, c)
			} else {
				out = append(out, findElements(c, func(n *html.Node) bool { return postKey(n) == g.key })...)
			}
		}
		if c == g.last {
			break
		}
	}
	return out
}

// qaCommentTexts returns the texts of the comments that a
// question-and-answer page marks under its question and its answers
// (schema.org Comment items inside a Question or an Answer item, Stack
// Exchange's "add a comment" threads: "you may want to take a look at
// this question … Decio Lira – Decio Lira 2010-10-17 01:03:31 +00:00
// Commented Oct 17, 2010 at 1:03"), each with its spaces folded, and the
// page's whole text folded the same way. A forum's replies marked as
// comments under the opening post (a DiscussionForumPosting) are the
// thread itself, and are not returned.
func qaCommentTexts(root *html.Node) (comments []string, page string) {
	var walk func(n *html.Node, inQA bool)
	walk = func(n *html.Node, inQA bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipsText(c) {
				continue
			}
			t := itemType(c)
			if inQA && t == "Comment" {
				if s := foldSpaces(textOf(c)); s != "" {
					comments = append(comments, s)
				}
				continue
			}
			walk(c, inQA || t == "Question" || t == "Answer")
		}
	}
	walk(root, false)
	if len(comments) == 0 {
		return nil, ""
	}
	return comments, foldSpaces(textOf(root))
}

// dropQAComments returns blocks without those whose text is found only
// in the comments under a question or an answer (qaCommentTexts): the
// question and its answers are the page, and the remarks under each,
// with their names and stamps twice over, were heard between one answer
// and the next. The comments are dropped from the extracted text, not
// from the page before it: without them, an answer much longer than
// the rest made findPostGroups see no thread, and the extractor read
// the question alone (WCXB 0172 R 1.00 -> 0.10). A block whose text
// the page also gives outside the comments stays.
//
// WCXB forum F1 0.773 -> 0.778 (P 0.724 -> 0.732): five Stack Exchange
// threads gained precision (0567 0.63 -> 0.96, 0360 0.78 -> 1.00, 0172
// 0.82 -> 1.00, 0565 0.16 -> 0.29, 0564 0.94 -> 0.99); one, whose
// reference keeps the comments, lost a little recall (4310 0.812 ->
// 0.806).
func dropQAComments(blocks []Block, comments []string, page string) []Block {
	if len(comments) == 0 {
		return blocks
	}
	out := make([]Block, 0, len(blocks))
	for _, b := range blocks {
		t := foldSpaces(b.Text)
		in := 0
		for _, c := range comments {
			in += strings.Count(c, t)
		}
		if t != "" && in > 0 && in >= strings.Count(page, t) {
			continue
		}
		out = append(out, b)
	}
	return out
}

// foldSpaces joins the words of s with single spaces.
func foldSpaces(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// itemType is the last part of n's schema.org itemtype ("Answer" for
// "https://schema.org/Answer"), or "".
func itemType(n *html.Node) string {
	t := strings.TrimSpace(attr(n, "itemtype"))
	if t == "" {
		return ""
	}
	return t[strings.LastIndexByte(t, '/')+1:]
}
