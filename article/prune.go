package article

import (
	"regexp"
	"sort"
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
// lists, reading lists) on the Readability pages. An element that holds a
// good part of the page's paragraph text is never removed, whatever its
// name: a site that calls its article container "share-story" still gets
// its article read. On a discussion (see pageSignals) the posts are the
// text, so an element named for comments stays; and a form that holds
// more prose than the rest of the page is the page's wrapper (forums put
// their posts in a moderation form, some sites the whole page), not a
// form to fill in.
func pruneBoilerplate(root *html.Node, sig pageSignals) {
	total := paragraphText(root)
	// A page repeats its class names on many elements; each is matched
	// against the hints once.
	hints := map[string]hintMatch{}
	if !sig.discussion && !sig.article && commentsArePage(root, hints) {
		sig.discussion = true
	}
	var found, forms []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (nodeAtom(c) == atom.Pre || nodeAtom(c) == atom.Code) {
				// A code listing's highlighter names its spans for what
				// they are in the code ("hljs-comment"): all of it is
				// the article's.
				continue
			}
			if c.Type == html.ElementNode && isBoilerplate(c, hints, sig) && (paragraphText(c)*4 < total || isModal(c) && modalIsAside(c)) {
				if nodeAtom(c) == atom.Form {
					forms = append(forms, c)
				} else {
					found = append(found, c)
				}
			} else {
				visit(c)
			}
		}
	}
	visit(root)
	found = keepNamedGrid(root, found, hints)
	for _, n := range found {
		n.Parent.RemoveChild(n)
	}
	for i, keep := range keepMostText(root, forms) {
		if !keep {
			forms[i].Parent.RemoveChild(forms[i])
		}
	}
}

// keepNamedGrid returns found without the cards of a grid that the page
// is made of. Some shops and publishers put a widget's word in every
// card's class ("product-card subscription-eligible", "grid-item
// hide-read-more-ad", "promo-card"): each card, matched alone, was
// removed as a widget, and the page lost its products or its stories.
// A widget is one element (or a copy for another screen size); three or
// more elements of one kind (cardKey), each matched, are a grid when
// they hold more text than the page keeps outside everything found, as
// a menu's or a related box's items never do, and three in four link to
// pages of their own (a product, a story; a shop's banner repeated for
// each country links nowhere or to one page): the grid is the page.
func keepNamedGrid(root *html.Node, found []*html.Node, hints map[string]hintMatch) []*html.Node {
	runs := map[string][]*html.Node{}
	all := 0
	for _, n := range found {
		all += len(textOf(n))
		if namedWidgetOnly(n, hints) {
			runs[cardKey(n)] = append(runs[cardKey(n)], n)
		}
	}
	visible := len(textOf(root)) - all
	kept := map[*html.Node]bool{}
	for _, members := range runs {
		if len(members) < 3 {
			continue
		}
		sum := 0
		targets := map[string]bool{}
		for _, m := range members {
			sum += len(textOf(m))
			if h := firstHref(m); h != "" {
				targets[h] = true
			}
		}
		if sum > visible && len(targets)*4 >= len(members)*3 {
			for _, m := range members {
				kept[m] = true
			}
		}
	}
	for _, n := range found {
		if !kept[n] && namedWidgetOnly(n, hints) && holdsGrid(n, visible) {
			kept[n] = true
		}
	}
	if len(kept) == 0 {
		return found
	}
	out := found[:0]
	for _, n := range found {
		if !kept[n] {
			out = append(out, n)
		}
	}
	return out
}

// holdsGrid reports whether n, one element named for a widget, holds a
// grid of items (findCardGroups) with more text than the page keeps
// outside everything found, three in four of its items linking to pages
// of their own: a services page's "promo container" whose tiles are the
// services, named as one promotion. A related box under an article or a
// site's promotions never hold more than the page's own text.
func holdsGrid(n *html.Node, visible int) bool {
	gs := findCardGroups(n)
	if len(gs) == 0 || gs[0].text <= visible {
		return false
	}
	targets := map[string]bool{}
	for _, m := range gs[0].members {
		if h := firstHref(m); h != "" {
			targets[h] = true
		}
	}
	return len(targets)*4 >= len(gs[0].members)*3
}

// firstHref is the target of the first link under n that goes to another
// page (see linksAway), or "".
func firstHref(n *html.Node) string {
	for _, a := range findElements(n, func(c *html.Node) bool { return nodeAtom(c) == atom.A }) {
		h := strings.TrimSpace(attr(a, "href"))
		if h != "" && !strings.HasPrefix(h, "#") && !strings.HasPrefix(strings.ToLower(h), "javascript:") {
			return h
		}
	}
	return ""
}

// namedWidgetOnly reports whether n is furniture by a widget's word in
// its class or id names alone: not by its tag or role, and not named for
// comments (a thread's posts, which pruneBoilerplate weighs apart) or a
// modal.
func namedWidgetOnly(n *html.Node, hints map[string]hintMatch) bool {
	switch nodeAtom(n) {
	case atom.Aside, atom.Nav, atom.Footer, atom.Form:
		return false
	}
	if attr(n, "role") != "" {
		return false
	}
	m := namesOf(n, hints)
	return m.widget && !m.comments && !m.commentsIntl && !m.modal
}

// keepMostText says which of the elements about to be removed from the
// page stay: those, the most prose first (see proseLen), that each hold
// more prose than all the page would keep. What is more than the rest of
// the page together is the page.
func keepMostText(root *html.Node, elems []*html.Node) []bool {
	keep := make([]bool, len(elems))
	if len(elems) == 0 {
		return keep
	}
	prose := make([]int, len(elems))
	left := proseLen(root)
	for i, e := range elems {
		prose[i] = proseLen(e)
		left -= prose[i]
	}
	order := make([]int, len(elems))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return prose[order[a]] > prose[order[b]] })
	for _, i := range order {
		if prose[i] <= left {
			break
		}
		keep[i] = true
		left += prose[i]
	}
	return keep
}

// isBoilerplate reports whether n is page furniture by its tag, role or
// class and id names; hints caches the names' matches.
func isBoilerplate(n *html.Node, hints map[string]hintMatch, sig pageSignals) bool {
	switch nodeAtom(n) {
	case atom.Html, atom.Body, atom.Main, atom.Article, atom.Head, atom.P,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return false
	case atom.Aside:
		// A recipe's ingredients are often set beside its method in an
		// aside named for them ("recipe__ingredients"): not furniture.
		return recipeBoxRole(n) == 0
	case atom.Nav, atom.Footer, atom.Form:
		return true
	}
	switch strings.ToLower(attr(n, "role")) {
	case "complementary", "navigation", "contentinfo", "banner", "search", "dialog", "alertdialog":
		return true
	}
	m := namesOf(n, hints)
	if m.widget && onlyReadMore(attr(n, "class")+" "+attr(n, "id")) && !isReview(n) && proseLen(n) > 0 && linkTextLen(n)*4 < len(strings.TrimSpace(textOf(n))) {
		m.widget = false // a text shown whole on a click: the page's own, unless a reader's review
	}
	// A link named for a modal is what opens one (a product's card over
	// the word "flour" of an ingredient, a glossary's box over a term):
	// its words are the sentence's.
	modal := m.modal && nodeAtom(n) != atom.A
	return m.widget || (m.comments || m.commentsIntl && !sig.product) && !sig.discussion || modal && sig.article && !sig.product
}

// isModal reports whether n is a modal dialog (aria-modal="true"): a
// consent banner's preference centre, a sign-in box, a newsletter pop-up,
// which keeps the page behind it from being used. A non-modal dialog (a
// product page's sheet of details) is left to the share guard.
func isModal(n *html.Node) bool {
	return attr(n, "aria-modal") == "true"
}

// modalIsAside reports whether the modal dialog n is not the page's story: it
// holds no <article>, <main> or <h1>. A dialog goes even when it holds
// most of the page's text: a consent centre's purposes and its vendors'
// notes are long paragraphs, and a thread's posts are short and often not
// in <p>s, so the share of <p> text that guards an element holding the
// story kept the consent text, and narrate read thirteen paragraphs of
// "These cookies may be set through our site..." after a forum's posts.
// A page that shows its story in a dialog gives it its headline or marks
// it as the article.
func modalIsAside(n *html.Node) bool {
	return len(findElements(n, func(c *html.Node) bool {
		switch nodeAtom(c) {
		case atom.Article, atom.Main, atom.H1:
			return true
		}
		return false
	})) == 0
}

// commentsArePage reports whether the elements named for comments are
// the page: three or more, outside one another, that hold four fifths of
// its prose or more. A thread's page without structured data (old
// Reddit's "<div class='thing comment'>" for each reply under a link)
// names every post a comment; the prune took them for the comments
// under an article and removed them all, and the listener heard the
// site's footer. Comments under an article are far less of its page.
func commentsArePage(root *html.Node, hints map[string]hintMatch) bool {
	var named []*html.Node
	var visit func(*html.Node)
	visit = func(p *html.Node) {
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipsText(c) {
				continue
			}
			if m := namesOf(c, hints); m.comments && !m.widget && nodeAtom(c) != atom.Body && nodeAtom(c) != atom.Html && nodeAtom(c) != atom.Main {
				named = append(named, c)
				continue
			}
			visit(c)
		}
	}
	visit(root)
	if len(named) < 3 {
		return false // most pages: no prose is measured
	}
	n, sum := 0, 0
	for _, c := range named {
		if pl := proseLen(c); pl > 0 {
			n++
			sum += pl
		}
	}
	return n >= 3 && sum*5 >= proseLen(root)*4
}

// hintMatch is what a class and id name says: a widget, comments, or a
// modal box.
type hintMatch struct{ widget, comments, commentsIntl, modal bool }

// namesOf is what n's class and id names say, matched once per page for
// each set of names (hints caches the matches).
func namesOf(n *html.Node, hints map[string]hintMatch) hintMatch {
	hint := attr(n, "class") + " " + attr(n, "id")
	if len(hint) <= 1 {
		return hintMatch{}
	}
	m, ok := hints[hint]
	if !ok {
		named := withoutModuleHashes(hint)
		m = hintMatch{widget: boilerplateHint.MatchString(named), comments: commentsHint.MatchString(named),
			commentsIntl: commentsHintIntl.MatchString(named), modal: modalHint.MatchString(named)}
		hints[hint] = m
	}
	return m
}

// moduleHash is the hash a CSS Modules build adds to a class name
// ("AccordionTextItem_item__adF2E": the local name, two underscores and
// five characters of base64): five letters and digits at the end of a
// name, with a digit or a capital among them, where a BEM element
// ("card__title") is a lower-case word.
var moduleHash = regexp.MustCompile(`__[A-Za-z0-9_-]{5}(?:\s|$)`)

// withoutModuleHashes is the class and id names hint without their CSS
// Modules hashes, which are random letters: "__adF2E" read as the word
// "ad", and an FAQ's items were removed as advertisements.
func withoutModuleHashes(hint string) string {
	if !strings.Contains(hint, "__") {
		return hint
	}
	return moduleHash.ReplaceAllStringFunc(hint, func(h string) string {
		if !strings.ContainsFunc(h[2:], func(r rune) bool { return r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' }) {
			return h
		}
		return " "
	})
}

// modalHint matches class and id names of a modal box. On a page that
// says it is an article, a modal is the site's (an advertiser
// disclosure, a sign-up form): the extractor took a credit-card site's
// disclosure modal for the article and read none of the article (WCXB
// 0334). A shop keeps its modals: its product details open in one.
var modalHint = regexp.MustCompile(`(?:^|[\s_-])(?i:modal)(?:$|[\s_-]|\p{Lu})`)

// teaserTexts returns the lines of every teaser list on the page (see
// isTeaserList), folded by comparable, for dropTeasers to take out of
// the extracted article. The lists are not removed from the page before
// extraction: the extractor weighs candidate containers by their link
// density, and a container stripped of its teaser links could win over
// the article.
func teaserTexts(root *html.Node) map[string]bool {
	texts := map[string]bool{}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if !isTeaserList(c) {
				visit(c)
				continue
			}
			for item := c.FirstChild; item != nil; item = item.NextSibling {
				if item.Type != html.ElementNode || !isTeaser(item) {
					continue
				}
				w := blockWalker{kind: KindParagraph}
				w.walk(item, KindParagraph)
				w.flush()
				for _, b := range w.blocks {
					texts[comparable(b.Text)] = true
				}
			}
		}
	}
	visit(root)
	return texts
}

// dropTeasers removes the blocks whose whole text is a line of a teaser
// above or below the article's own prose (see the comment in it),
// unless they are most of the text or what is left has no paragraph of
// prose (twelve words or more): then the page is a section front or a
// list of stories, and its teasers are what there is to read.
func dropTeasers(blocks []Block, teasers map[string]bool) []Block {
	if len(teasers) == 0 {
		return blocks
	}
	isTeaser := make([]bool, len(blocks))
	all, teased, prose := 0, 0, false
	for i, b := range blocks {
		all += len(b.Text)
		if len(b.Text) <= maxTeaserText && teasers[comparable(b.Text)] {
			isTeaser[i] = true
			teased += len(b.Text)
		} else if b.Kind == KindParagraph && wordCount(b.Text) >= 12 {
			prose = true
		}
	}
	if teased == 0 || teased*2 > all || !prose {
		return blocks
	}
	// A teaser between two paragraphs of the article's own prose is the
	// article's (a roundup's items: a linked name and a line on each);
	// the recirculation boxes are above or below the article.
	first, last := -1, -1
	for i, b := range blocks {
		if !isTeaser[i] && b.Kind == KindParagraph && wordCount(b.Text) >= 12 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	out := blocks[:0]
	for i, b := range blocks {
		if !isTeaser[i] || i > first && i < last {
			out = append(out, b)
		}
	}
	return out
}

// isTeaserList reports whether n is a list of teasers for other pages:
// three or more items (list items or sibling blocks) that each hold a
// heading made of one link to another page, and little text besides (a
// one-line summary, a date). That is the shape of "latest news", "more
// stories" and recirculation boxes whatever their class names or
// language. A section of the article whose headings happen to be links
// still has paragraphs under them, and a table of contents links within
// the page (#anchors), so neither is a teaser list.
func isTeaserList(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Ul, atom.Ol, atom.Div, atom.Section:
	default:
		return false
	}
	items, teasers := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		items++
		if isTeaser(c) {
			teasers++
		}
	}
	return teasers >= 3 && teasers*4 >= items*3
}

// isTeaser reports whether n is one teaser: a heading whose text is one
// link off the page, plus at most maxTeaserText characters of other text.
func isTeaser(n *html.Node) bool {
	var heading *html.Node
	var find func(*html.Node)
	find = func(c *html.Node) {
		for k := c.FirstChild; k != nil && heading == nil; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			switch nodeAtom(k) {
			case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				heading = k
			default:
				find(k)
			}
		}
	}
	find(n)
	if heading == nil {
		return false
	}
	link, linked := headingLink(heading)
	head := textLen(heading, 1<<20)
	if link == "" || strings.HasPrefix(link, "#") || head == 0 || linked*10 < head*9 {
		return false
	}
	return textLen(n, head+maxTeaserText+1) <= head+maxTeaserText
}

// textLen counts the non-space bytes of text under n, stopping once it
// passes limit (teaser checks run on every list of a page).
func textLen(n *html.Node, limit int) int {
	if n.Type == html.TextNode {
		c := 0
		for i := 0; i < len(n.Data); i++ {
			if b := n.Data[i]; b != ' ' && b != '\n' && b != '\t' && b != '\r' {
				c++
			}
		}
		return c
	}
	if n.Type == html.ElementNode && (nodeAtom(n) == atom.Script || nodeAtom(n) == atom.Style) {
		return 0
	}
	sum := 0
	for c := n.FirstChild; c != nil && sum <= limit; c = c.NextSibling {
		sum += textLen(c, limit-sum)
	}
	return sum
}

const maxTeaserText = 240

// headingLink returns the href of the first link in a heading, or of the
// link around it, and how many characters of the heading's text are link
// text.
func headingLink(h *html.Node) (href string, linked int) {
	for p := h.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if nodeAtom(p) == atom.A {
			return attr(p, "href"), textLen(h, 1<<20)
		}
	}
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if k.Type == html.ElementNode && nodeAtom(k) == atom.A {
				if href == "" {
					href = attr(k, "href")
				}
				linked += textLen(k, 1<<20)
				continue
			}
			walk(k)
		}
	}
	walk(h)
	return href, linked
}

// boilerplateHint matches class and id names of page widgets, as whole
// words of a hyphenated or camel-cased name ("related-articles",
// "newsletterSignup", "share_bar"), and of a forum post's signature (the
// lines a member puts under every post they write: phpBB's "signature",
// XenForo's "message-signature", Stack Exchange's "post-signature" card
// of who asked and answered), which a listener heard after every post:
// WCXB forum F1 0.736 -> 0.739 (P 0.698 -> 0.702, recall the same).
var boilerplateHint = regexp.MustCompile(`(?:^|[\s_-])(?i:signature|related|recommend(?:ed|ations)?|newsletter|subscribe|subscription|signup|sign-up|share|sharing|social|cookie|consent|advert|advertisement|ads?|sponsor(?:ed)?|promo|outbrain|taboola|breadcrumbs?|trending|most-?(?:read|popular|viewed)|more-?stories|read-?more|paywall)(?:$|[\s_-]|\p{Lu})`)

// commentsHint matches class and id names of reader comments, which
// are furniture under an article and the text of a discussion.
var commentsHint = regexp.MustCompile(`(?:^|[\s_-])(?i:comments?)(?:$|[\s_-]|\p{Lu})`)

// commentsHintIntl matches the names of reader comments in French,
// Spanish and Dutch, and "reactions"; not on a shop's page, where they
// name its reviews and the notes among them (WCXB 0594). Not the German
// "Kommentar" nor the Italian "commento": there the word also names an
// opinion column, which is the article.
var commentsHintIntl = regexp.MustCompile(`(?:^|[\s_-])(?i:reactions|commentaires|comentarios|reacties)(?:$|[\s_-]|\p{Lu})`)

// paragraphText is the length in bytes of the text in <p> elements
// under n.
func paragraphText(n *html.Node) int {
	return paragraphLen(n, func(s string) int { return len(s) })
}

// paragraphLen sums length over the texts of the <p> elements under n.
func paragraphLen(n *html.Node, length func(string) int) int {
	if n.Type == html.ElementNode && nodeAtom(n) == atom.P {
		return length(textOf(n))
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += paragraphLen(c, length)
	}
	return sum
}

// pruneRelatedSections removes a heading that announces links elsewhere
// ("Related", "Você pode gostar…", "Das könnte Sie auch interessieren",
// "関連記事", see relatedLabel), as a heading or as a short label styled
// as one, together with the teasers after it, before
// extraction. Such a section often repeats whole excerpts of other
// articles, each in its own <article>, which the extractor then reads as
// more of the story. It goes only when
//   - some prose (minRelatedProse characters of paragraph text) comes
//     before the heading: on a page that starts with it, it is the page;
//   - what comes right after the heading is teasers: <article>s, teaser
//     lists, or blocks whose text is mostly links, each linking to
//     another page. They go up to the first block that is not one; a
//     paragraph of prose right after the heading means the heading is
//     part of the article, and all stays.
func pruneRelatedSections(root *html.Node) {
	var heads []*html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch nodeAtom(c) {
			case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				if t := textOf(c); len(t) <= 80 && (relatedLabel.MatchString(t) || moreLabel.MatchString(t)) {
					heads = append(heads, c)
				}
				continue
			case atom.Script, atom.Style, atom.Head:
				continue
			case atom.Div, atom.P, atom.Span, atom.Strong, atom.B:
				// A label styled as a heading: a short run of text and
				// inline elements ("<div class=similar-head>関連記事</div>").
				if inlineOnly(c) && textLen(c, 81) <= 80 {
					if t := textOf(c); relatedLabel.MatchString(t) || moreLabel.MatchString(t) {
						heads = append(heads, c)
					}
					continue
				}
			}
			find(c)
		}
	}
	find(root)
	for _, h := range heads {
		if h.Parent == nil || proseBefore(root, h) < minRelatedProse {
			continue
		}
		// A heading wrapped alone in a title box: the teasers follow the box.
		box := h
		for nextElement(box) == nil && box.Parent != nil && onlyElementChild(box.Parent) == box &&
			nodeAtom(box.Parent) != atom.Body && nodeAtom(box.Parent) != atom.Article {
			box = box.Parent
		}
		var after []*html.Node
		text := false
		for s := nextElement(box); s != nil && isTeaserBlock(s); s = nextElement(s) {
			after = append(after, s)
			text = text || textLen(s, 1) > 0
		}
		if !text {
			continue
		}
		for _, s := range append(after, box) {
			s.Parent.RemoveChild(s)
		}
	}
}

const minRelatedProse = 200

// moreLabel is a heading that says only "More" ("More:", "Mehr:",
// "Plus :", "Más:"), which a site sets over links to its other stories
// after a story. Alone the word says little, so it is a label of
// pruneRelatedSections only, where what follows must be teasers; the
// text's related-tail rule does not take it.
var moreLabel = regexp.MustCompile(`(?i)^\W*(?:more|mehr|plus|más|altro|mais|meer|więcej|mer|mere|lisää|více|viac|още|ещё|еще|більше)\s*:?\W*$`)

// inlineOnly reports whether n holds only text and inline elements.
func inlineOnly(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch nodeAtom(c) {
		case atom.Span, atom.Strong, atom.B, atom.Em, atom.I, atom.A, atom.Small, atom.Br:
			if !inlineOnly(c) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

// onlyElementChild returns n's one element child, or nil if it has
// another one or text of its own.
func onlyElementChild(n *html.Node) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			if hasLetters(c.Data, 1) {
				return nil
			}
		case html.ElementNode:
			if only != nil {
				return nil
			}
			only = c
		}
	}
	return only
}

// proseBefore counts the paragraph text that comes before target in
// document order, stopping once it reaches minRelatedProse.
func proseBefore(root, target *html.Node) int {
	sum := 0
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c == target || sum >= minRelatedProse {
				return true
			}
			if c.Type != html.ElementNode {
				continue
			}
			if nodeAtom(c) == atom.P {
				sum += len(textOf(c))
				continue
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(root)
	return sum
}

// isTeaserBlock reports whether n, found after a related heading, points
// elsewhere rather than telling the story: it has no text at all (an
// image, a rule), or it links to another page and is an <article>, a
// teaser list or teaser, or a block whose text is mostly link text.
func isTeaserBlock(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Script, atom.Style, atom.Noscript, atom.Hr, atom.Br, atom.Img, atom.Picture:
		return true
	case atom.P, atom.Blockquote, atom.Table, atom.Pre, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		// Prose, a quote, data or a heading of the article's own, unless
		// it is nothing but a link.
		all, linked := textLen(n, 1<<20), linkTextLen(n)
		return all == 0 || linked*10 >= all*9 && hasOutLink(n)
	}
	all := textLen(n, 1<<20)
	if all == 0 {
		return true
	}
	if !hasOutLink(n) {
		return false
	}
	return nodeAtom(n) == atom.Article || isTeaserList(n) || isTeaser(n) || linkTextLen(n)*2 >= all
}

// linkTextLen counts the non-space bytes of link text under n.
func linkTextLen(n *html.Node) int {
	if n.Type == html.ElementNode && nodeAtom(n) == atom.A {
		return textLen(n, 1<<20)
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += linkTextLen(c)
	}
	return sum
}

// hasOutLink reports whether n holds a link to another page (not an
// anchor on this one, not a script).
func hasOutLink(n *html.Node) bool {
	if n.Type == html.ElementNode && nodeAtom(n) == atom.A {
		h := strings.ToLower(attr(n, "href"))
		return h != "" && !strings.HasPrefix(h, "#") && !strings.HasPrefix(h, "javascript:")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasOutLink(c) {
			return true
		}
	}
	return false
}

// removeInlineCards deletes the cards some sites tuck inside a paragraph
// next to a name ("Ilhan Omar" followed by her photo and links to three
// other stories about her), which a browser shows only on hover but the
// extractor reads as part of the sentence. A card is an element inside a
// paragraph that holds an image and two or more links to other pages, and
// whose text is almost all link text: words of a sentence are not.
// Cards are looked for from the innermost element out, so the name the
// card belongs to stays in the sentence.
func removeInlineCards(n *html.Node, inPara bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			removeInlineCards(c, inPara || nodeAtom(c) == atom.P)
			if inPara && isInlineCard(c) {
				n.RemoveChild(c)
			}
		}
		c = next
	}
}

func isInlineCard(n *html.Node) bool {
	if nodeAtom(n) == atom.A || !hasImage(n) {
		return false
	}
	all, linked := textLen(n, 1<<20), linkTextLen(n)
	return all > 0 && linked*10 >= all*9 && outLinks(n) >= 2
}

func hasImage(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (nodeAtom(c) == atom.Img || nodeAtom(c) == atom.Picture || hasImage(c)) {
			return true
		}
	}
	return false
}

// outLinks counts the links under n to other pages.
func outLinks(n *html.Node) int {
	if n.Type == html.ElementNode && nodeAtom(n) == atom.A {
		if hasOutLink(n) {
			return 1
		}
		return 0
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += outLinks(c)
	}
	return sum
}

// onlyReadMore reports whether every widget name in hint is "read more":
// a box of links to more stories is named so, and so is a text the page
// shows in part until a click ("read-more__text"), which holds prose, not
// links.
func onlyReadMore(hint string) bool {
	ms := boilerplateHint.FindAllString(hint, -1)
	for _, m := range ms {
		if !strings.Contains(strings.ToLower(m), "read") {
			return false
		}
	}
	return len(ms) > 0
}
