package article

import (
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// shellWords is how many words a page's body may show, once its
// furniture is pruned, and still be an empty frame that a script fills.
const shellWords = 3 * minProseWords

// readShellDescription returns res with the page's description (the
// extractor's metadata: its og:description or description meta) as its
// text when the page's body shows next to nothing: a page that draws its
// content by script (a forum thread sent without its posts and without a
// <noscript> copy of them, a single-page app) sends an empty frame, and
// the extractor read its title or a menu line for the article, which was
// all the listener heard. The description is the opening of the text the
// script would draw (a thread's first post, an article's lede), the one
// part of it the page gives. Nothing is read when the description is
// short (a site's slogan), or when res already holds it. Only the counts
// of words are read, in any language.
func readShellDescription(root *html.Node, res *trafilatura.ExtractResult) *trafilatura.ExtractResult {
	if res == nil || res.ContentNode == nil {
		return res
	}
	desc := strings.TrimSpace(cleanInline(res.Metadata.Description))
	if wordCount(desc) < minProseWords || covers(res.ContentText, desc) {
		return res
	}
	if wordsBeyondTitle(root, res.ContentText) >= minProseWords {
		// The extractor read a sentence of the page's own beside its
		// title: a short page of its own words (a notice) is no frame,
		// and its words are what the user gave.
		return res
	}
	body := findElement(root, atom.Body)
	if body == nil || wordCount(visibleText(body)) >= shellWords {
		return res
	}
	p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: desc})
	div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	div.AppendChild(p)
	out := *res
	out.ContentNode, out.ContentText = div, desc
	return &out
}

// wordsBeyondTitle counts the words of text that the page's <title> does
// not hold: a frame's extraction is its title, with a menu's few words
// ("What's your range? - Forum … donate now").
func wordsBeyondTitle(root *html.Node, text string) int {
	inTitle := map[string]bool{}
	if t := findElement(root, atom.Title); t != nil {
		for _, w := range strings.Fields(strings.ToLower(textOf(t))) {
			inTitle[w] = true
		}
	}
	n := 0
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if !inTitle[w] {
			n++
		}
	}
	return n
}

// visibleText is the text under n that a browser shows without scripts:
// not scripts, styles, templates or hidden inputs' values.
func visibleText(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
			sb.WriteByte(' ')
			return
		}
		if c.Type == html.ElementNode && skipsText(c) {
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return sb.String()
}
