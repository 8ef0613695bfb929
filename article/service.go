package article

import (
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readsMainBox reports whether readMain is asked of a page with the
// signals sig: not of a page that says it is an article, a discussion or
// a recipe (see readMain). A product's page is asked: a shop's page is a
// stack of sections like a service's (the description, feature blocks of
// a heading and a line, specifications, what is in the box), and the
// extractor took one of them, often the questions and answers or the
// specifications, for the page; its reviews, which the extractor is
// right to leave out, are gone before (pruneReviews). On the WCXB pages
// products' F1 rose 0.703 -> 0.711 (R 0.721 -> 0.744, P 0.686 -> 0.680:
// the sections read include a shop's delivery and payment promises),
// recall up on ten product pages (0.002 -> 0.919, 0.250 -> 0.740 the
// most) and down on none; no other kind moved.
//
// A page only og:type called an article, whose structured data names it
// a web page or a service (webPage), is asked too: that Open Graph type
// is blog engines' default for every page, and such a company's service
// pages (a hero line, feature blocks, questions and answers) were read
// as the one section the extractor took. On the WCXB pages recall rose
// on two services (0.542 -> 0.865, 0.622 -> 0.921), two articles and a
// product, and fell on none; services F1 0.829 -> 0.830, articles the
// same (0.948).
func readsMainBox(sig pageSignals) bool {
	return !sig.discussion && (!sig.article || sig.webPage) && !sig.recipe
}

// readMain reads the page's whole content box, without its furniture,
// when the extraction res read little of it: a company's or a service's
// page is a stack of sections (a hero line, feature blocks of a heading
// and a sentence, steps, a pricing table, questions and their answers),
// and the extractor, built for articles, takes one section for the
// article, or the few paragraphs long enough to look like one, and drops
// the rest as too short or too linked.
//
// The box is the page's main element (<main>, role=main) when there is
// one and it holds what res read; else the innermost element that holds
// what res read, unless that is the body or holds the page's header or
// footer (then the page gives no box apart from its frame). Its copy is
// read when, once its furniture is gone (dropFurniture: menus, forms,
// buttons, link runs, lone links, a shop's grid of other products), res
// read under three in five of its runs of three words, it holds four in
// five of res's, and res left out two or more of its section headings
// (an <h1> is the page's title, read as such); or when res read under
// four in five of its runs and left out four or more headings, on a page
// that is not a product's: a service's left-out sections (feature blocks
// of a heading and a line, steps, questions) are short, and a fifth of
// the box can hold many of them, while the rest of a shop's box is its
// promises, ratings and specifications (at four in five for all pages,
// products' F1 fell 0.711 -> 0.707). That second share raised services'
// F1 0.830 -> 0.838 (recall 0.829 -> 0.847, on 18 service pages, 0.527
// -> 0.801 the most), articles the same (0.948). The box then holds what
// res read, in the page's order, and the sections res left out. A box
// whose <article> element holds what res read is left alone: the page
// says its text is that article, and the rest of the box (a teaser, a
// "read also" card, the readers' corner) is not.
//
// The caller does not ask this of a page that says it is an article, a
// discussion or a recipe, nor of a thread (readsMainBox): their boxes
// hold comments and teasers, which the extractor is right to leave out,
// or their own readers (readRecipe) read them. On the WCXB pages it
// raised F1 (score.py) of services 0.812 -> 0.828 (recall 0.785 ->
// 0.819), listings 0.646 -> 0.658, products 0.695 -> 0.700, collections
// 0.621 -> 0.622, articles 0.946 -> 0.947, all 0.854 -> 0.857; forums
// and documentation the same; one page's recall down (a FAQ's questions
// now read between the answers the reference joins); the scrapinghub
// and Readability pages read as before, page by page.
func readMain(root *html.Node, res *trafilatura.ExtractResult, sig pageSignals) *trafilatura.ExtractResult {
	var box *html.Node
	ms := findElements(root, func(n *html.Node) bool {
		return nodeAtom(n) == atom.Main || strings.EqualFold(attr(n, "role"), "main")
	})
	if len(ms) == 1 && covers(textOf(ms[0]), res.ContentText) {
		box = ms[0]
	} else {
		box = coveringBox(root, res.ContentText)
	}
	if box == nil || len(findElements(box, func(n *html.Node) bool {
		return nodeAtom(n) == atom.Article && covers(textOf(n), res.ContentText)
	})) > 0 {
		return res
	}
	m := cloneTree(box)
	dropFurniture(m)
	text := textOf(m)
	read, unread := runsIn(res.ContentText, text), unreadHeadings(m, res.ContentText)
	if read*10 >= 8 || !covers(text, res.ContentText) || unread < 2 || read*10 >= 6 && (unread < 4 || sig.product) {
		return res
	}
	out := *res
	out.ContentNode = m
	out.ContentText = text
	return &out
}

// coveringBox returns the innermost element under root's body that holds
// four in five of the runs of three words of text, or nil when that is
// the body itself or an element that holds the page's frame (frames).
func coveringBox(root *html.Node, text string) *html.Node {
	body := findElements(root, func(n *html.Node) bool { return nodeAtom(n) == atom.Body })
	if len(body) != 1 {
		return nil
	}
	box := body[0]
	for {
		var next *html.Node
		for c := box.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && covers(textOf(c), text) {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		box = next
	}
	if box == body[0] || frames(box) {
		return nil
	}
	return box
}

// frames reports whether n holds a page's header or footer (by element
// or by role).
func frames(n *html.Node) bool {
	return len(findElements(n, func(c *html.Node) bool {
		switch nodeAtom(c) {
		case atom.Header, atom.Footer:
			return true
		}
		switch strings.ToLower(attr(c, "role")) {
		case "banner", "contentinfo":
			return true
		}
		return false
	})) > 0
}

// dropFurniture removes from the content box n what a listener does not
// want read (isFurniture), and the card groups that are a shop's grid of
// other products (each linking away, with a price: otherProducts).
func dropFurniture(n *html.Node) {
	for _, c := range findElements(n, isFurniture) {
		c.Parent.RemoveChild(c)
	}
	for _, g := range findCardGroups(n) {
		if !g.otherProducts() {
			continue
		}
		for _, c := range g.members {
			if c.Parent != nil {
				c.Parent.RemoveChild(c)
			}
		}
	}
}

// isFurniture reports whether the element n is a page's furniture, by
// its element or role (a menu, a form, a button, a dialog, a tab list),
// or by its shape: a line that is only an address (isBareURL), a link
// standing alone as a block (isLinkButton), or a run of four or more
// short links (under four words each on average) that are four fifths
// of its text: a menu, a filter, a tag cloud.
func isFurniture(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Nav, atom.Form, atom.Button, atom.Footer, atom.Aside, atom.Select, atom.Template, atom.Noscript,
		atom.Script, atom.Style, atom.Svg, atom.Iframe, atom.Dialog, atom.Input, atom.Textarea, atom.Label:
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "menu", "menubar", "listbox", "dialog", "alertdialog", "search", "tablist", "toolbar",
		"contentinfo", "banner", "complementary", "tooltip":
		return true
	}
	t := textOf(n)
	if t == "" {
		return false
	}
	if isBlockElement(n) && isBareURL(t) || isLinkButton(n, t) {
		return true
	}
	links, linked, words := 0, 0, 0
	for _, a := range findElements(n, func(k *html.Node) bool { return nodeAtom(k) == atom.A }) {
		at := textOf(a)
		if at == "" {
			continue
		}
		links++
		linked += len(at)
		words += wordCount(at)
	}
	return links >= 4 && linked*5 >= len(t)*4 && words < links*4
}

// isBareURL reports whether t is a web address and nothing else: a link
// that shows its target, which no one reads aloud.
func isBareURL(t string) bool {
	t = strings.TrimSpace(t)
	low := strings.ToLower(t)
	return (strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://")) && !strings.ContainsAny(t, " \t\n")
}

// isLinkButton reports whether n, whose text is t, is a link of four
// words or fewer that stands alone as a block ("Learn more", "Get
// started", a card's "Read the story"): a block (not a heading) all of
// whose text is one link's, or a link beside block elements. A link in
// a sentence, or a heading that links to its section's page, is read.
func isLinkButton(n *html.Node, t string) bool {
	if wordCount(t) > 4 || isHeading(n) {
		return false
	}
	if nodeAtom(n) == atom.A {
		for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && isBlockElement(c) {
				return true
			}
		}
		return false
	}
	if !isBlockElement(n) {
		return false
	}
	as := findElements(n, func(k *html.Node) bool { return nodeAtom(k) == atom.A })
	return len(as) == 1 && textOf(as[0]) == t && len(findElements(as[0], isHeading)) == 0
}

// unreadHeadings counts the headings under n whose text is not in text.
func unreadHeadings(n *html.Node, text string) int {
	k := 0
	for _, h := range findElements(n, isHeading) {
		if nodeAtom(h) == atom.H1 {
			continue
		}
		if t := textOf(h); t != "" && !strings.Contains(text, t) {
			k++
		}
	}
	return k
}
