package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// keepEmbedded renames "embed" in the class names of elements that hold
// the article's own prose or a heading of it. go-trafilatura removes
// every element whose class holds "embed" (it takes them for embedded
// posts of social networks), but content systems wrap blocks of the
// story in such names: a magazine's accordion of advice (<section
// class="embed" data-embed="accordion">), its section headings, a
// ranking's entries, a page builder's code block (Webflow's "w-embed").
// An element is renamed when it holds a paragraph of prose (80
// characters or more ending a sentence) with under a fifth of its text
// in links, or is only a heading; not when it holds a quotation, a frame
// or a player, or names a network, a post or a quote: those are the
// embeds the extractor is right to leave out.
func keepEmbedded(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if cl := attr(c, "class"); containsFold(cl, "embed") && ownEmbed(c) {
			renameEmbeds(c)
			continue
		}
		keepEmbedded(c)
	}
}

// renameEmbeds renames "embed" in the class names of n and of the
// elements under it, but for those named for a network, a post or a
// quote: n holds the page's own text, and the extractor would drop an
// inner block so named with what it holds. Once per element, so a page
// of nested blocks costs one walk.
func renameEmbeds(n *html.Node) {
	if socialEmbed.MatchString(attr(n, "class") + " " + attr(n, "id")) {
		return
	}
	for i, a := range n.Attr {
		if a.Key == "class" {
			n.Attr[i].Val = embedName.ReplaceAllString(a.Val, "block")
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			renameEmbeds(c)
		}
	}
}

var embedName = regexp.MustCompile(`(?i)embed(?:ded)?`)

// ownEmbed reports whether n, named an embed, holds the page's own text
// (see keepEmbedded).
func ownEmbed(n *html.Node) bool {
	foreign := false
	var look func(*html.Node)
	look = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !foreign; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch nodeAtom(c) {
			case atom.Blockquote, atom.Iframe, atom.Video, atom.Audio, atom.Object, atom.Embed, atom.Script:
				foreign = true
				return
			}
			if socialEmbed.MatchString(attr(c, "class") + " " + attr(c, "id")) {
				foreign = true
				return
			}
			look(c)
		}
	}
	if socialEmbed.MatchString(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "data-embed")) {
		return false
	}
	look(n)
	if foreign {
		return false
	}
	text := strings.TrimSpace(textOf(n))
	if countProse(n, 1) == 1 {
		return 5*linkTextLen(n) <= len(text)
	}
	h := firstHeading(n)
	return h != nil && len(text) <= 120 && strings.TrimSpace(textOf(h)) == text
}

var socialEmbed = regexp.MustCompile(`(?i)twitter|tweet|instagram|facebook|tiktok|youtube|vimeo|reddit|bluesky|threads|mastodon|linkedin|pinterest|spotify|soundcloud|podcast|social|oembed|quote|post|video|player|map|form|newsletter|ad-|advert|sponsor|promo|related`)
