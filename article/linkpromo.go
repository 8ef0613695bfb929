package article

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pruneLabelledPromos removes the promo a story carries between its
// paragraphs in any language: a paragraph that is a short label and one
// link to another page of the site, the link's text a headline ("Lue
// myös: <a>Opettajat varoittavat…</a>", "Taip pat skaitykite: <a>…</a>",
// "<b>Läs mer</b> <a>…</a>"). The words of the label vary with the
// language and the site; the shape does not: one to four words that end
// in a colon or a bar or stand in bold, then a link of three to sixteen
// words that holds the rest of the paragraph's text. A sentence that
// links a phrase has words after the link or more words before it, and
// stays; so does a label with a one- or two-word link ("Quelle:
// <a>Destatis</a>"), which the text's rules judge.
//
// Three more signs that the paragraph interrupts a story, each needed
// because WCXB's references keep labelled links that are not: the
// paragraph stands between two paragraphs of prose (a guide's list of
// "Learn more: …" links, a table of "Firm feel: <product>" is the
// page's); its label is said once on the page (ten "See: …" lines are a
// reading list); and the link stays on the site (a relative address or
// the page's own host), where a citation points elsewhere. Without them
// the shape took 144 reference lines of WCXB's pages for 136 of debris.
func pruneLabelledPromos(root *html.Node) {
	found := findElements(root, isLabelledPromo)
	labels := map[string]int{}
	for _, p := range found {
		labels[labelOfPromo(p)]++
	}
	host := pageHost(root)
	for _, p := range found {
		if labels[labelOfPromo(p)] == 1 && betweenProse(p) && internalLink(promoLink(p), host) {
			p.Parent.RemoveChild(p)
		}
	}
}

// promoLink is the one link of a labelled promo.
func promoLink(p *html.Node) *html.Node {
	links := findElements(p, func(n *html.Node) bool { return nodeAtom(n) == atom.A })
	if len(links) == 0 {
		return nil
	}
	return links[0]
}

// labelOfPromo is a labelled promo's label, in lower case.
func labelOfPromo(p *html.Node) string {
	t := comparable(textOf(p))
	if l := promoLink(p); l != nil {
		t = strings.TrimSpace(strings.TrimSuffix(t, comparable(textOf(l))))
	}
	return t
}

// betweenProse reports whether the elements on either side of n are
// paragraphs of prose: eighty letters at least.
func betweenProse(n *html.Node) bool {
	prose := func(e *html.Node) bool {
		return e != nil && nodeAtom(e) == atom.P && letterCount(textOf(e)) >= 80
	}
	return prose(previousElement(n)) && prose(adjacentElement(n))
}

// previousElement returns the element before n among its siblings when
// only white space lies between them, or nil.
func previousElement(n *html.Node) *html.Node {
	for c := n.PrevSibling; c != nil; c = c.PrevSibling {
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

// internalLink reports whether the link a points to the page's own site:
// a relative address, or an absolute one on host (the page's, when it
// names it; "" when it does not).
func internalLink(a *html.Node, host string) bool {
	if a == nil {
		return false
	}
	u, err := url.Parse(strings.TrimSpace(attr(a, "href")))
	if err != nil {
		return false
	}
	if u.Host == "" {
		return u.Scheme == "" && u.Path != ""
	}
	return host != "" && strings.TrimPrefix(strings.ToLower(u.Host), "www.") == host
}

// pageHost is the host of the page's own address, as its canonical link
// or its og:url gives it (without "www."), or "".
func pageHost(root *html.Node) string {
	for _, n := range findElements(root, func(n *html.Node) bool {
		return nodeAtom(n) == atom.Link && strings.EqualFold(attr(n, "rel"), "canonical") || nodeAtom(n) == atom.Meta && attr(n, "property") == "og:url"
	}) {
		v := attr(n, "href")
		if v == "" {
			v = attr(n, "content")
		}
		if u, err := url.Parse(v); err == nil && u.Host != "" {
			return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
		}
	}
	return ""
}

// isLabelledPromo reports whether n is a paragraph made of a label and
// one link to another page (see pruneLabelledPromos).
func isLabelledPromo(n *html.Node) bool {
	if a := nodeAtom(n); a != atom.P && a != atom.Div || !inlineOnly(n) {
		return false
	}
	var link *html.Node
	var before, after, bold strings.Builder
	var walk func(c *html.Node) bool
	walk = func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			if link == nil {
				before.WriteString(c.Data)
			} else {
				after.WriteString(c.Data)
			}
		case c.Type == html.ElementNode && nodeAtom(c) == atom.A:
			if link != nil || !hasOutLink(c) {
				return false
			}
			link = c
			return true
		case c.Type == html.ElementNode:
			if link == nil && (nodeAtom(c) == atom.B || nodeAtom(c) == atom.Strong) {
				bold.WriteString(textOf(c))
			}
			for k := c.FirstChild; k != nil; k = k.NextSibling {
				if !walk(k) {
					return false
				}
			}
		}
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !walk(c) {
			return false
		}
	}
	if link == nil || strings.TrimFunc(after.String(), func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) }) != "" {
		return false
	}
	label := strings.TrimSpace(before.String())
	words := strings.Fields(label)
	if len(words) == 0 || len(words) > 4 || strings.ContainsFunc(label, unicode.IsDigit) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(label)
	if last != ':' && last != '|' && last != '：' && strings.Join(strings.Fields(bold.String()), " ") != strings.Join(words, " ") {
		return false
	}
	headline := wordCount(textOf(link))
	return headline >= 3 && headline <= 16
}
