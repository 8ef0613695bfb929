package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pruneBoilerplate removes, before extraction, the page furniture that
// sites mark by structure rather than by words: asides, navigation,
// footers and forms, elements whose role says so, and elements whose class
// or id names a boilerplate widget (related links, newsletter boxes, share
// bars, comments, cookie banners, ads). Lists of links are kept: removing
// them gained nothing on the scrapinghub pages and lost real lists (bug
// lists, reading lists) on the Readability pages. An element that holds a good part of the page's
// paragraph text is never removed, whatever its name: a site that calls
// its article container "share-story" still gets its article read.
func pruneBoilerplate(root *html.Node) {
	total := paragraphText(root)
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && isBoilerplate(c) && paragraphText(c)*4 < total {
				n.RemoveChild(c)
			} else {
				visit(c)
			}
			c = next
		}
	}
	visit(root)
}

func isBoilerplate(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Html, atom.Body, atom.Main, atom.Article, atom.Head, atom.P,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return false
	case atom.Aside, atom.Nav, atom.Footer, atom.Form:
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "complementary", "navigation", "contentinfo", "banner", "search", "dialog", "alertdialog":
		return true
	}
	if hint := attr(n, "class") + " " + attr(n, "id"); len(hint) > 1 && boilerplateHint.MatchString(hint) {
		return true
	}
	return false
}

// boilerplateHint matches class and id names of page widgets, as whole
// words of a hyphenated or camel-cased name ("related-articles",
// "newsletterSignup", "share_bar").
var boilerplateHint = regexp.MustCompile(`(?:^|[\s_-])(?i:related|recommend(?:ed|ations)?|newsletter|subscribe|subscription|signup|sign-up|share|sharing|social|comments?|cookie|consent|advert|advertisement|ads?|sponsor(?:ed)?|promo|outbrain|taboola|breadcrumbs?|trending|most-?(?:read|popular|viewed)|more-?stories|read-?more|paywall)(?:$|[\s_-]|\p{Lu})`)

// paragraphText is the length of the text in <p> elements under n.
func paragraphText(n *html.Node) int {
	if n.Type == html.ElementNode && nodeAtom(n) == atom.P {
		return len(textOf(n))
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += paragraphText(c)
	}
	return sum
}
