package article

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// removeHidden deletes elements the page hides from every reader (the
// hidden attribute, aria-hidden="true", an inline display:none or
// visibility:hidden): what a browser does not show, a listener should not
// hear. Two kinds of hidden element are what the browser shows once the
// page's scripts have run, and stay:
//   - content streamed in hidden containers (see revealStreamed), moved
//     to where the page puts it;
//   - a tab panel or the panel of a disclosure button or of an
//     accordion, with prose: the reader opens it with a click (an FAQ's
//     answers, a product's tabs); it is shown (unhide), as the extractor
//     drops what a page hides;
//   - an element that holds more prose than the whole visible page (see
//     keepMostText): pages that fade in hide their whole body until
//     loaded, and shops load a product's description into a hidden block
//     and show it later; a menu, a dialog or a drop-down is never more
//     than the page around it.
func removeHidden(root *html.Node) {
	removeTooltips(root)
	revealStreamed(root)
	panels := toggledPanels(root)
	folded := foldedPanels(root) // before any is shown
	var shown map[string]string  // see shownLinks, found when first asked
	var hidden []*html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if nodeAtom(c) == atom.A && onlyAriaHidden(c) {
				if shown == nil {
					shown = shownLinks(root)
				}
				if repeatsLink(c, shown) {
					// Shown on the page, hidden from screen readers
					// only as a second way to the same page.
					unhide(c)
					find(c)
					continue
				}
			}
			if isHidden(c) && nodeAtom(c) != atom.Body && nodeAtom(c) != atom.Html {
				if !isPanel(c, panels) && !folded[c] || proseLen(c) == 0 {
					hidden = append(hidden, c)
					continue
				}
				// Shown as the reader opens it: the extractor, which
				// drops what a page hides, must see it too.
				unhide(c)
			} else if cl := attr(c, "class"); containsFold(cl, "hid") && hidingClass.MatchString(cl) && isPanel(c, panels) && proseLen(c) > 0 {
				// A panel a style sheet hides by its class ("hidden",
				// Tailwind's and others'): the extractor drops it by that
				// name, so the answer under an FAQ's question was lost.
				unhideClass(c)
			}
			find(c)
		}
	}
	find(root)
	if len(hidden) == 0 {
		return
	}
	keep := keepMostText(root, hidden)
	keepGrids(root, hidden, keep)
	for i, h := range hidden {
		if keep[i] {
			removeHiddenInside(h)
		} else {
			h.Parent.RemoveChild(h)
		}
	}
}

// onlyAriaHidden reports whether aria-hidden="true" is all that hides n
// (see isHidden): the page shows it, and asks screen readers to skip it.
func onlyAriaHidden(n *html.Node) bool {
	if attr(n, "tabindex") != "-1" || !strings.EqualFold(strings.TrimSpace(attr(n, "aria-hidden")), "true") {
		return false
	}
	c := *n
	c.Attr = nil
	for _, a := range n.Attr {
		if !strings.EqualFold(a.Key, "aria-hidden") {
			c.Attr = append(c.Attr, a)
		}
	}
	return !isHidden(&c)
}

// shownLinks maps the target of each link on the page that is not
// aria-hidden to the text of those links (folded by comparable).
func shownLinks(root *html.Node) map[string]string {
	out := map[string]string{}
	for _, a := range findElements(root, func(n *html.Node) bool { return nodeAtom(n) == atom.A }) {
		if h := listingHref(a); h != "" && attr(a, "aria-hidden") == "" {
			out[h] += " " + comparable(textOf(a))
		}
	}
	return out
}

// repeatsLink reports whether the link a, aria-hidden and out of the
// keyboard's order (tabindex="-1"), is a second way to a page another
// link leads to, with words of its own: a card on a listing links its
// picture and its blurb to the story its title links to, and hides
// those two links from screen readers so that they hear the story
// once. The blurb is shown, and a listener hears the page as it is
// shown; a link whose words are the other's (the title again) stays
// hidden, as it would be heard twice.
func repeatsLink(a *html.Node, shown map[string]string) bool {
	h := listingHref(a)
	if h == "" {
		return false
	}
	other, ok := shown[h]
	t := comparable(textOf(a))
	return ok && wordCount(t) >= 4 && !strings.Contains(other, t)
}

// keepGrids marks as kept the hidden elements that hold a grid of
// items (findCardGroups: a shop's products, a listing's entries) with
// more text than the whole page shows outside the hidden elements: shops
// hide their product grid until its scripts have run, and a grid's items
// (a name, a price, a line each) are not prose, so keepMostText does not
// see it. A hidden menu or dialog is never more text than the page it
// covers. On the WCXB pages it gave two collections their products
// (recall 0 -> 0.02 and 0 -> 0.34), no other page changed.
func keepGrids(root *html.Node, hidden []*html.Node, keep []bool) {
	visible := len(textOf(root))
	for _, h := range hidden {
		visible -= len(textOf(h))
	}
	for i, h := range hidden {
		if keep[i] {
			continue
		}
		if gs := findCardGroups(h); len(gs) > 0 && gs[0].text > visible {
			keep[i] = true
		}
	}
}

// toggledPanels returns the ids of the elements a tab or a disclosure
// button on the page shows and hides (aria-controls on role="tab" or on
// an element with aria-expanded).
func toggledPanels(root *html.Node) map[string]bool {
	ids := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if ctl := attr(c, "aria-controls"); ctl != "" && (strings.EqualFold(attr(c, "role"), "tab") || attr(c, "aria-expanded") != "") {
				for _, id := range strings.Fields(ctl) {
					ids[id] = true
				}
			}
			walk(c)
		}
	}
	walk(root)
	return ids
}

// isPanel reports whether n is a tab panel or the panel of a disclosure
// button (an accordion's answer, a "read more" section): content the
// reader opens with a click, hidden only until then. A menu opened by a
// button is also such a panel, but has no prose (the caller checks).
func isPanel(n *html.Node, panels map[string]bool) bool {
	if strings.EqualFold(attr(n, "role"), "tabpanel") || nodeAtom(n) == atom.Details {
		return true
	}
	if id := attr(n, "id"); id != "" && panels[id] {
		return true
	}
	// The panel right after its disclosure button (aria-expanded) or the
	// heading that holds it, where the button names no panel: a script
	// opens the element after it (`<h3><button aria-expanded="false">Fit
	// </button></h3><div hidden>…`, a guide's folded sections).
	if s := prevElement(n); s != nil && holdsDisclosure(s) {
		return true
	}
	// An accordion's or a collapsible's panel named by its class, on the
	// panel or the item around it, where no button names it (a script
	// opens it by its place): an FAQ's answers, a guide's sections.
	for p, i := n, 0; p != nil && p.Type == html.ElementNode && i < 3; p, i = p.Parent, i+1 {
		if accordionHint.MatchString(attr(p, "class")) {
			return true
		}
	}
	return false
}

// foldedPanels returns the hidden elements of the page that are the
// folded parts of a list's items (foldedItem).
func foldedPanels(root *html.Node) map[*html.Node]bool {
	out := map[*html.Node]bool{}
	for _, n := range findElements(root, isHidden) {
		if foldedItem(n) {
			out[n] = true
		}
	}
	return out
}

// foldedItem reports whether the hidden element n is the folded part of
// an item in a list of such items: after a line the item shows (a
// question, a section's name: a few words), in an item with three or
// more siblings of its kind (cardKey) folded the same way. That is an
// FAQ or a guide whose script opens each answer by its place, with no
// button, ARIA or class name to say so (`<div class="q"><div>Can I
// cancel?</div><div style="visibility:hidden">…`). Nothing there is
// in any one language; a menu's folded lists hold no prose, and the
// caller keeps only a panel with prose.
func foldedItem(n *html.Node) bool {
	item := n.Parent
	if item == nil || item.Type != html.ElementNode || item.Parent == nil || !labelledFold(n) {
		return false
	}
	key, count := cardKey(item), 0
	for s := item.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode || cardKey(s) != key {
			continue
		}
		for c := s.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && isHidden(c) && labelledFold(c) {
				count++
				break
			}
		}
	}
	return count >= 3
}

// labelledFold reports whether the element before n is shown and holds
// a line of one to thirty words: the label a reader clicks to open n.
func labelledFold(n *html.Node) bool {
	p := prevElement(n)
	if p == nil || isHidden(p) {
		return false
	}
	w := wordCount(textOf(p))
	return w >= 1 && w <= 30
}

var accordionHint = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:accordion|collapsible|faq)`)

// removeTooltips removes the tooltips of a page: elements with
// role="tooltip", and elements named a tooltip or a popover whose id a
// term's aria-describedby or aria-labelledby points to. They show when
// the reader's pointer rests on the term; read in place, they cut the
// sentence ("the fastest-growing search engineSearch Engine A search
// engine is a website through which users can search internet content.
// Learn more result type"). A term that holds its own tooltip, with no
// reference between them, is left as it is.
func removeTooltips(root *html.Node) {
	referenced := map[string]bool{}
	var tips []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			for _, a := range c.Attr {
				if a.Key == "aria-describedby" || a.Key == "aria-labelledby" {
					for _, id := range strings.Fields(a.Val) {
						referenced[id] = true
					}
				}
			}
			if strings.EqualFold(attr(c, "role"), "tooltip") || tooltipHint.MatchString(attr(c, "class")) && attr(c, "id") != "" {
				tips = append(tips, c)
				continue
			}
			walk(c)
		}
	}
	walk(root)
	for _, t := range tips {
		if (strings.EqualFold(attr(t, "role"), "tooltip") || referenced[attr(t, "id")]) && t.Parent != nil {
			t.Parent.RemoveChild(t)
		}
	}
}

var tooltipHint = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:tooltip|popover)`)

// removeHiddenInside removes the hidden elements under n.
func removeHiddenInside(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && isHidden(c) {
			n.RemoveChild(c)
		} else {
			removeHiddenInside(c)
		}
		c = next
	}
}

func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "class":
			if hiddenByClass(a.Val) && isHiddenToken(n) {
				return true
			}
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			st := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// revealStreamed puts content a server streamed after the page's shell
// where the browser puts it. React's streaming renderer (and the
// frameworks built on it) sends a placeholder first (<template
// id="B:0"> followed by a loading fallback, or <template id="P:1">) and
// the content later, at the end of the page, in <div hidden id="S:0">,
// with a script call ($RC("B:0","S:0"), $RS("S:1","P:1")) that moves it
// into place. Pages saved after loading may hold the content only there:
// removed as hidden, the article was lost and a footer read instead. The
// pairs come from those calls; without them, a container and a
// placeholder of the same number go together. A container with no
// placeholder is shown where it is.
func revealStreamed(root *html.Node) {
	var segments []*html.Node // in the page's order
	templates := map[string]*html.Node{}
	var scripts strings.Builder
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			id := attr(c, "id")
			switch nodeAtom(c) {
			case atom.Div:
				if streamSegmentID.MatchString(id) && isHidden(c) {
					segments = append(segments, c)
				}
			case atom.Template:
				if streamPlaceholderID.MatchString(id) {
					templates[id] = c
				}
			case atom.Script:
				if c.FirstChild != nil && strings.Contains(c.FirstChild.Data, "$R") {
					scripts.WriteString(c.FirstChild.Data)
				}
				continue
			}
			find(c)
		}
	}
	find(root)
	if len(segments) == 0 {
		return
	}
	target := map[string]string{} // segment id -> placeholder id
	for _, m := range streamCall.FindAllStringSubmatch(scripts.String(), -1) {
		if m[1] == "RC" {
			target[m[3]] = m[2]
		} else {
			target[m[2]] = m[3]
		}
	}
	for _, seg := range segments {
		id := attr(seg, "id")
		num := id[strings.IndexByte(id, ':')+1:]
		ph, ok := templates[target[id]]
		if !ok {
			if ph, ok = templates["B:"+num]; !ok {
				ph = templates["P:"+num]
			}
		}
		removeAttr(seg, "hidden")
		if ph == nil || ph.Parent == nil || isAncestor(seg, ph) || !isAncestor(root, ph) {
			continue // no placeholder, or one inside a fallback already removed
		}
		if strings.HasPrefix(attr(ph, "id"), "B:") {
			removeFallback(ph)
		}
		for c := seg.FirstChild; c != nil; {
			next := c.NextSibling
			seg.RemoveChild(c)
			ph.Parent.InsertBefore(c, ph)
			c = next
		}
		ph.Parent.RemoveChild(ph)
		if seg.Parent != nil {
			seg.Parent.RemoveChild(seg)
		}
	}
}

var (
	streamSegmentID     = regexp.MustCompile(`^S:[0-9a-zA-Z]+$`)
	streamPlaceholderID = regexp.MustCompile(`^[BP]:[0-9a-zA-Z]+$`)
	streamCall          = regexp.MustCompile(`\$(RC|RS)\(\s*["']([BPS]:[0-9a-zA-Z]+)["']\s*,\s*["']([BPS]:[0-9a-zA-Z]+)["']`)
)

// removeFallback removes what a boundary shows while its content loads:
// the nodes after its placeholder up to the comment that closes the
// boundary (<!--/$-->, nested boundaries counted). A page saved without
// its comments loses only the one short element right after the
// placeholder ("Loading paragraph…"): removing up to a comment that is
// not there took the page's other placeholders and paragraphs with it,
// and a WCXB page kept 4% of its article.
func removeFallback(ph *html.Node) {
	end := fallbackEnd(ph)
	for c := ph.NextSibling; c != nil && c != end; {
		next := c.NextSibling
		c.Parent.RemoveChild(c)
		c = next
	}
}

// fallbackEnd returns the node after a template's fallback: its
// <!--/$--> comment (nested boundaries counted), or, without one, the
// node after one short element that follows the template.
func fallbackEnd(t *html.Node) *html.Node {
	depth := 0
	for c := t.NextSibling; c != nil; c = c.NextSibling {
		if c.Type != html.CommentNode {
			continue
		}
		switch c.Data {
		case "/$":
			if depth == 0 {
				return c
			}
			depth--
		case "$", "$?", "$!":
			depth++
		}
	}
	c := t.NextSibling
	for c != nil && c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" {
		c = c.NextSibling
	}
	if c != nil && c.Type == html.ElementNode && c.DataAtom != atom.Template && len(strings.TrimSpace(textOf(c))) <= 40 {
		return c.NextSibling
	}
	return t.NextSibling
}

func isAncestor(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// unhide removes what hides n itself: the hidden and aria-hidden
// attributes and an inline display:none or visibility:hidden.
func unhide(n *html.Node) {
	removeAttr(n, "hidden")
	removeAttr(n, "aria-hidden")
	for i, a := range n.Attr {
		if strings.EqualFold(a.Key, "style") {
			n.Attr[i].Val = hidingStyle.ReplaceAllString(a.Val, "")
		}
	}
}

// hidingClass matches class names that hide an element and that the
// extractor drops elements by ("hidden", "hide", "hide-…", "…-hide-…").
var hidingClass = regexp.MustCompile(`(?i)(?:^|\s)(?:hidden|hide|hide-\S*|\S*-hide-\S*)(?:\s|$)`)

// unhideClass removes the class names that hide n (hidingClass).
func unhideClass(n *html.Node) {
	for i, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		var keep []string
		for _, t := range strings.Fields(a.Val) {
			if !hidingClass.MatchString(t) {
				keep = append(keep, t)
			}
		}
		n.Attr[i].Val = strings.Join(keep, " ")
	}
}

var hidingStyle = regexp.MustCompile(`(?i)(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important)?\s*;?`)

func removeAttr(n *html.Node, key string) {
	out := n.Attr[:0]
	for _, a := range n.Attr {
		if !strings.EqualFold(a.Key, key) {
			out = append(out, a)
		}
	}
	n.Attr = out
}

// hiddenByClass reports whether the class names hide an element at every
// screen size: Bootstrap's and Stack Overflow's "d-none" utility class
// (display: none) without a class that shows it from some width on
// ("d-md-block", "md:d-block").
func hiddenByClass(class string) bool {
	none := false
	for _, c := range strings.Fields(class) {
		switch {
		case c == "d-none":
			none = true
		case strings.HasPrefix(c, "d-") && strings.Count(c, "-") == 2, strings.Contains(c, ":d-"):
			return false // d-md-block, md:d-flex: shown on wider screens
		}
	}
	return none
}

// isHiddenToken reports whether n is a <span> holding one token of text
// and no element: what a site hides by class for its scripts to read.
// Stack Exchange marks each post and comment with "<span
// class=d-none>\$\begingroup\$</span>", which was read before every
// answer. A hidden-by-class block is not removed: sites hide blocks by
// class that their scripts then show (a product's options, a service
// page's tabs), and removing those cost a product, a listing and a
// service page their text.
func isHiddenToken(n *html.Node) bool {
	if nodeAtom(n) != atom.Span || n.FirstChild == nil || n.FirstChild != n.LastChild || n.FirstChild.Type != html.TextNode {
		return false
	}
	return len(strings.Fields(n.FirstChild.Data)) == 1
}
