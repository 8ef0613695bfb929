package article

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/narrate-dev/narrate/article/spoken"
)

// extractOptions are the go-trafilatura settings: fallback to Readability
// and DOM Distiller on, comments and images off, tables on (small ones are
// read row by row, see maxTableRows), and the fast date mode (the extensive mode's
// date parser costs about 10x the extraction itself, and narrate's go.mod
// replaces it: see third_party/go-dateparser and TestDateModeNeedsNoDateParser).
func extractOptions() trafilatura.Options {
	cfg := trafilatura.DefaultConfig()
	// Below this many characters the extractor falls back to a baseline
	// that flattens the page into one paragraph; short articles (briefs,
	// inline test pages) are real too.
	cfg.MinExtractedSize = 100
	return trafilatura.Options{
		Config:          cfg,
		EnableFallback:  true,
		ExcludeComments: true,
		ExcludeTables:   false,
		Focus:           trafilatura.Balanced,
		HtmlDateMode:    trafilatura.Fast,
	}
}

// findElements returns the elements under n (not n itself) for which
// match reports true, in document order, without looking inside them.
func findElements(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if match(c) {
				out = append(out, c)
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

// pagePrune is a removal made on the page's tree before extraction.
type pagePrune struct {
	name  string
	apply func(*html.Node, pageSignals)
}

// pagePrunes are the removals made on the tree before extraction, in the
// order they run. Each is recorded in Document.Removed under its name, and
// the corpus test audits each one the way it audits Rules: how much of
// what it removes is reference text, how much debris.
func pagePrunes() []pagePrune {
	return []pagePrune{
		{"page:hidden", func(n *html.Node, _ pageSignals) { removeHidden(n) }},
		{"page:boilerplate", pruneBoilerplate},
		{"page:user-stats", pruneUserStats},
		{"page:reviews", pruneReviews},
		{"page:field-dumps", pruneFieldDumps},
		{"page:product-menus", pruneProductMenus},
		{"page:related-sections", func(n *html.Node, _ pageSignals) { pruneRelatedSections(n) }},
		{"page:linked-headlines", func(n *html.Node, _ pageSignals) { pruneLinkedHeadlines(n) }},
		{"page:inline-cards", func(n *html.Node, _ pageSignals) { removeInlineCards(n, false) }},
	}
}

// textNodes returns the text nodes under n, in document order.
func textNodes(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// removedTexts returns the texts of the nodes in before that are no longer
// under root, joined per block they stood in (so that a paragraph counts
// once), in document order. Only text with a letter or a digit counts.
func removedTexts(before []*html.Node, root *html.Node) []string {
	now := map[*html.Node]bool{}
	for _, n := range textNodes(root) {
		now[n] = true
	}
	var (
		order   []*html.Node
		byBlock = map[*html.Node]*strings.Builder{}
	)
	for _, n := range before {
		if now[n] {
			continue
		}
		blk := n.Parent
		for blk != nil && blk.Parent != nil && !isBlockElement(blk) {
			blk = blk.Parent
		}
		sb := byBlock[blk]
		if sb == nil {
			sb = &strings.Builder{}
			byBlock[blk] = sb
			order = append(order, blk)
		}
		sb.WriteString(n.Data)
		sb.WriteByte(' ')
	}
	out := make([]string, 0, len(order))
	for _, blk := range order {
		if t := cleanInline(byBlock[blk].String()); hasWordChar(t) {
			out = append(out, t)
		}
	}
	return out
}

// parseHTML extracts the article from a page.
func parseHTML(ctx context.Context, page string, source string, opts LoadOptions) (*Document, bool, error) {
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil, false, fmt.Errorf("parse HTML: %w", err)
	}
	cut := cutLongText(root, opts.MaxChars)
	doc, err := extractHTML(ctx, root, opts)
	return doc, cut, err
}

// extractHTML reads the article of the page's tree root, stopping between
// stages when ctx ends.
func extractHTML(ctx context.Context, root *html.Node, opts LoadOptions) (*Document, error) {
	lang := withLocaleRegion(htmlLang(root), root)
	unwrapNoscriptPages(root)
	unwrapQuoteAsides(root)
	joinDropCaps(root)
	headPostsWithAuthor(root)
	markKickers(root)
	// Before extraction, which edits the tree.
	byline := pageByline(root)
	short := ownText(root)
	sig := readSignals(root)
	// The byline as text under the headline, a last resort; a product's
	// "by" names its maker.
	var inHeader []string
	if len(byline) == 0 && opts.Byline == "" && !sig.product {
		inHeader = headerByline(root)
	}
	stamp := headerDate(root)
	unwrapBodyHeaders(root, false)
	keepLede(root)
	keepExpandable(root)
	keepStoryWidgets(root)
	keepEmbedded(root)
	readHeadingButtons(root)
	plainSentenceSpans(root)
	unwrapTextForms(root)
	// Before page:hidden removes what the page hides.
	showSpecifications(root, sig)
	frames := findLayoutFrames(root)
	var removed []Removal
	for _, p := range pagePrunes() {
		before := textNodes(root)
		p.apply(root, sig)
		for _, t := range removedTexts(before, root) {
			removed = append(removed, Removal{Rule: p.name, Text: t})
		}
	}
	qaComments, pageText := qaCommentTexts(root)
	keepStampTimes(root)
	spaceInlinePieces(root)
	// After the spacing, as the blocks it is matched with are read.
	teasers := teaserTexts(root)
	unwrapTableQuotes(root)
	unwrapFormatting(root)
	guardFilterEndings(root)
	items := newItemSpacer(root)
	// Before extraction, which trims the text beside the elements it keeps.
	seams := pageSeams(root)
	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	res, err := trafilatura.ExtractDocument(root, extractOptions())
	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	if err == nil && res != nil && res.ContentNode != nil {
		res = readFrameStory(root, res, frames)
	}
	posts, listed := false, false
	var groups []postGroup // the page's post groups, found once
	if err == nil && res != nil && onceLen(res.ContentText)*10 < proseLen(root)*9 {
		// On a thread, the extractor may have taken one post for the
		// article: then the posts' container is marked as the article and
		// the page extracted again. (It then left out a post, so some of
		// the page's prose: a tenth or more, as a thread's shortest
		// reply is rarely less.)
		groups = findPostGroups(root)
		for _, g := range groups {
			// A shop's reviews are a group of posts too, and they are not
			// the product's text (see pruneReviews).
			one, missed := g.tookOnePost(res.ContentText), !sig.product && g.missed(res.ContentText)
			if one || missed {
				undo := g.mark()
				// Kept when it holds what the first extraction read, and
				// more; or, when that read none of the posts, when it
				// holds them.
				kept := false
				if again, err := trafilatura.ExtractDocument(root, extractOptions()); err == nil && again != nil && again.ContentNode != nil &&
					onceLen(again.ContentText) > onceLen(res.ContentText) &&
					(covers(again.ContentText, res.ContentText) || missed && !g.missed(again.ContentText)) {
					res, kept = again, true
				}
				switch {
				case sig.discussion:
					posts = true
					res = readThreadAlone(res, g)
				case kept && (missed || g.thread()):
					posts = true
				default:
					// Not a thread: a page's text blocks or cards, which
					// repeat as posts do (an article's sections in a
					// content system's text components, a service's
					// cards), or a reading not kept. The page goes on to
					// the readers of other pages (its main box, its
					// cards, its listing), which a thread skips, as if
					// the group had not been marked; the second reading,
					// when kept, stays (it read the blocks the first
					// left out, or read one block once where the first
					// gave it twice).
					undo()
				}
				break
			}
		}
	}
	if err == nil && !posts && res != nil && res.ContentNode != nil && !sig.product {
		// No group was marked, so the groups found above are the page's.
		if groups == nil {
			groups = findPostGroups(root)
		}
		res = readPostLeads(root, res, sig, groups)
	}
	// After the thread test, which reads the extractor's repeat of a post.
	if err == nil && res != nil && res.ContentNode != nil && mendBaseline(res.ContentNode, root, res.Metadata.Title) {
		res.ContentText = strings.TrimSpace(textOf(res.ContentNode))
	}
	if err == nil && res != nil && res.ContentNode != nil && !posts && readsMainBox(sig) {
		res = readMain(root, res, sig)
	}
	if err == nil && res != nil && res.ContentNode != nil && !posts && !sig.discussion && !sig.article {
		// A listing's items, a product's or a service's feature blocks:
		// repeated blocks the extractor left out.
		res = readCardGroups(root, res, pageCardGroups(root, sig))
	}
	if err == nil && res != nil && res.ContentNode != nil && !posts && !sig.discussion {
		// A page may call itself an article (many sites' default):
		// readListing weighs that.
		res, listed = readListing(root, res, sig)
	}
	if err == nil && !posts {
		res = readDescription(root, res, sig)
		res = readRecipe(root, res, sig)
		if res != nil && res.ContentNode != nil {
			readStandfirst(root, res.ContentNode)
		}
	}
	if err == nil && res != nil && res.ContentNode != nil && !posts && !sig.discussion && mendWildText(res.ContentNode, root) {
		res.ContentText = strings.TrimSpace(textOf(res.ContentNode))
	}
	if err == nil {
		res = readShellDescription(root, res)
	}
	if err != nil || res == nil || res.ContentNode == nil {
		// The extractor's own words ("text and comments are not long
		// enough: 0 0") mean nothing to the user.
		return nil, fmt.Errorf("%w: no text long enough to be read as an article", ErrNoContent)
	}
	doc := &Document{Title: cleanTitle(res.Metadata.Title, res.Metadata.Sitename, res.Metadata.Hostname)}
	if opts.Title != "" {
		doc.Title = opts.Title
	}
	if len(byline) == 0 && !quoteAttribution(res.Metadata.Author) {
		byline = cleanByline([]string{res.Metadata.Author})
	}
	// Joined again in the article's language once it is known (Load).
	doc.Byline, doc.bylineNames = joinNames(byline, lang), byline
	if opts.Byline != "" {
		doc.Byline, doc.bylineNames = opts.Byline, nil // as the caller gave it
	}
	if d := res.Metadata.Date; !d.IsZero() && d.Year() > 1900 {
		t := d.UTC()
		if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
			t = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
		}
		doc.Published = &t
	}
	if lang != "" {
		doc.Lang = lang
	} else if res.Metadata.Language != "" {
		doc.Lang = res.Metadata.Language
	}
	respaceSeams(res.ContentNode, seams)
	mendBreaks(res.ContentNode)
	prices := !sig.product || sig.products > 1
	w := blockWalker{kind: KindParagraph, items: items, prices: prices}
	w.walk(res.ContentNode, KindParagraph)
	w.flush()
	if w.leftOut > 0 && !hasProse(w.blocks, false) {
		// Nothing to read but the tables left out: they are the page.
		items.next = 0
		w = blockWalker{kind: KindParagraph, largeTables: true, items: items, prices: prices}
		w.walk(res.ContentNode, KindParagraph)
		w.flush()
	}
	if ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	doc.Warnings = append(doc.Warnings, w.warnings...)
	removed = append(removed, w.removed...)
	once := dropRepeatedRuns(dropEarlyRepeats(w.blocks))
	removed = append(removed, removedBlocks("page:repeat", "", w.blocks, once)...)
	blocks := once
	if !listed { // a listing's teasers are its text
		blocks = dropTeasers(once, teasers)
	}
	removed = append(removed, removedBlocks("page:teasers", "", once, blocks)...)
	kept := dropQAComments(blocks, qaComments, pageText)
	removed = append(removed, removedBlocks("page:qa-comments", "", blocks, kept)...)
	blocks = kept
	d := &Draft{Blocks: blocks, Byline: doc.Byline, Published: doc.Published, Removed: removed}
	ApplyRules(d, opts.rules())
	if d.Byline != doc.Byline {
		doc.bylineNames = nil // a rule rewrote it: keep its words
	}
	doc.Byline, doc.Published = d.Byline, d.Published
	if doc.Published == nil && stamp != nil && !sig.product {
		// Neither the metadata nor a line of the text dated the page.
		doc.Published = stamp
	}
	if doc.Byline == "" && len(inHeader) > 0 {
		// Neither the markup nor a line of the text named the author.
		doc.Byline, doc.bylineNames = joinNames(inHeader, lang), inHeader
		// The header's line may be in the text too, without its "di"
		// (the extractor reads a <strong> and drops the text beside it):
		// it would be heard twice.
		d.Byline = doc.Byline
		ApplyRules(d, []Rule{ruleBylineEcho})
	}
	doc.Blocks = dropTitleRepeat(d.Blocks, doc.Title)
	doc.Removed = append(d.Removed, removedBlocks("title-repeat", IntoTitle, d.Blocks, doc.Blocks)...)
	// After the title's repeat, which the title reads: its copy further
	// on is not a repeat of what was heard.
	if kept := dropProductRepeats(doc.Blocks, sig); len(kept) < len(doc.Blocks) {
		doc.Removed = append(doc.Removed, removedBlocks("page:product-repeat", "", doc.Blocks, kept)...)
		doc.Blocks = kept
	}
	if !hasProse(doc.Blocks, short) {
		return nil, fmt.Errorf("%w: no block of five words or more", ErrNoContent)
	}
	if doc.Title == "" && len(doc.Blocks) > 0 && doc.Blocks[0].Kind == KindHeading {
		doc.Title = doc.Blocks[0].Text
		doc.Blocks = doc.Blocks[1:]
	}
	return doc, nil
}

// htmlLang returns the lang attribute of the <html> element.
func htmlLang(n *html.Node) string {
	if n.Type == html.ElementNode && nodeAtom(n) == atom.Html {
		for _, a := range n.Attr {
			if a.Key == "lang" || a.Key == "xml:lang" {
				return strings.TrimSpace(a.Val)
			}
		}
		return ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if l := htmlLang(c); l != "" {
			return l
		}
	}
	return ""
}

// blockWalker turns the extracted content tree into blocks. Text gathers in
// the current block until an element that starts a new one.
type blockWalker struct {
	blocks   []Block
	warnings []string
	removed  []Removal // the text of the elements left out
	kind     Kind
	buf      strings.Builder
	// largeTables reads tables of any size; leftOut counts those left
	// out without it.
	largeTables bool
	leftOut     int
	// items puts back the word breaks of list items (itemSpacer).
	items *itemSpacer
	// number is the number of the ordered list's item being read ("3"),
	// until its first block of text takes it.
	number string
	// prices reads a block that is an amount of money alone: on a page
	// of many products or stories (a shop's category, a listing), each
	// card's price, which was dropped as a block without a letter, and
	// a listener heard the products without what they cost. One
	// product's page shows its price by its name and its buttons, as
	// before.
	prices bool
}

func (w *blockWalker) flush() {
	text := cleanInline(w.buf.String())
	w.buf.Reset()
	if w.kind == KindItem {
		text = w.items.space(text)
	}
	// A block without a letter is a page number, a count, a dash; a
	// price alone is a card's ("$403.00" under a product's name) when
	// prices says so.
	if text != "" && (hasLetters(text, 1) || w.prices && hasPrice(text)) {
		w.blocks = append(w.blocks, Block{Kind: w.kind, Text: text, Number: w.number})
		w.number = ""
	}
}

// walk visits n; parent is the kind of the enclosing block, which
// paragraphs inside a quote or a list item inherit.
func (w *blockWalker) walk(n *html.Node, parent Kind) {
	switch n.Type {
	case html.TextNode:
		w.buf.WriteString(n.Data)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	kind, block := parent, false
	switch nodeAtom(n) {
	case atom.Script, atom.Style, atom.Noscript:
		return
	case atom.Figure, atom.Figcaption, atom.Img, atom.Picture, atom.Video, atom.Audio, atom.Iframe, atom.Svg, atom.Caption:
		w.leaveOut("page:media", n)
		return
	case atom.Button, atom.Form, atom.Nav, atom.Aside:
		w.leaveOut("page:controls", n)
		return
	case atom.Table:
		w.table(n, parent)
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		kind, block = KindHeading, true
	case atom.Blockquote:
		kind, block = KindQuote, true
	case atom.Li, atom.Dd, atom.Dt:
		kind, block = KindItem, true
	case atom.Br:
		w.buf.WriteByte('\n')
		return
	case atom.Td, atom.Th:
		// A cell the extractor took out of its table: keep it a word
		// apart from its neighbours.
		w.buf.WriteByte(' ')
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, parent)
		}
		w.buf.WriteByte(' ')
		return
	default:
		block = isBlockElement(n)
	}
	if !block {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, parent)
		}
		return
	}
	w.flush()
	w.kind = kind
	if nodeAtom(n) == atom.Li {
		w.number = w.items.number(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, kind)
	}
	w.flush()
	w.kind = parent
	w.number = ""
}

// itemNumber returns the number an <ol>'s item li shows ("3", "c",
// "iv"), or "" when li is not in an ordered list or the page hides its
// numbers (list-style none). An ordered list's item is read with its
// number (Block.Number), as the page shows it and as Markdown's are ("3.
// Buses go via the north bridge."): the writer numbered it, and the text
// may refer to it ("step 3"). The list's start, reversed and type
// attributes and the items' value attributes count, as browsers count
// them.
func itemNumber(li *html.Node) string {
	ol := li.Parent
	if ol == nil || nodeAtom(ol) != atom.Ol || hidesMarker(ol) || hidesMarker(li) || holdsLayout(li) {
		return ""
	}
	n, step := 1, 1
	if hasAttr(ol, "reversed") {
		n, step = 0, -1 // counts down from the number of items
		for c := ol.FirstChild; c != nil; c = c.NextSibling {
			if nodeAtom(c) == atom.Li {
				n++
			}
		}
	}
	if v, err := strconv.Atoi(strings.TrimSpace(attr(ol, "start"))); err == nil {
		n = v
	}
	for c := ol.FirstChild; c != nil; c = c.NextSibling {
		if nodeAtom(c) != atom.Li {
			continue
		}
		if v, err := strconv.Atoi(strings.TrimSpace(attr(c, "value"))); err == nil {
			n = v
		}
		if c == li {
			break
		}
		n += step
	}
	switch t := attr(li, "type") + attr(ol, "type"); {
	case strings.HasPrefix(t, "a") && n >= 1 && n <= 26:
		return string(rune('a' + n - 1))
	case strings.HasPrefix(t, "A") && n >= 1 && n <= 26:
		return string(rune('A' + n - 1))
	case strings.HasPrefix(t, "i") && n >= 1 && n < 40:
		return strings.ToLower(spoken.RomanNumeral(n))
	case strings.HasPrefix(t, "I") && n >= 1 && n < 40:
		return spoken.RomanNumeral(n)
	}
	return strconv.Itoa(n)
}

// holdsLayout reports whether the list item li holds blocks of a page's
// layout (a <div>, a heading, a section, a table…), not a line of text
// or paragraphs: a forum's posts, a page's cards, laid out in an <ol>
// whose numbers the site's style sheet hides ("1. 11-29-2024, 09:03 AM
// #1" was read on a vBulletin thread).
func holdsLayout(li *html.Node) bool {
	for c := li.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch nodeAtom(c) {
		case atom.P, atom.Ul, atom.Ol, atom.Br, atom.Dl:
		default:
			if isBlockElement(c) {
				return true
			}
		}
	}
	return false
}

// hidesMarker reports whether n's own style hides a list's numbers.
func hidesMarker(n *html.Node) bool {
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "list-style:none") || strings.Contains(st, "list-style-type:none") || strings.Contains(st, "display:flex") || strings.Contains(st, "display:grid")
}

// leaveOut records the text of n, which is not read, as removed by rule.
func (w *blockWalker) leaveOut(rule string, n *html.Node) {
	if t := textOf(n); hasWordChar(t) {
		w.removed = append(w.removed, Removal{Rule: rule, Text: t})
	}
}

func isBlockElement(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Pre, atom.Ul, atom.Ol, atom.Dl,
		atom.Li, atom.Dd, atom.Dt, atom.Blockquote, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Main, atom.Header, atom.Hr, atom.Table, atom.Figure, atom.Summary,
		atom.Details, atom.Body:
		return true
	}
	return false
}

// dropTitleRepeat removes a leading block that repeats the title, which
// extractors often keep as the article's first heading.
func dropTitleRepeat(blocks []Block, title string) []Block {
	if title == "" {
		return blocks
	}
	t := titleKey(title)
	for i := 0; i < len(blocks) && i < 2; i++ {
		b := titleKey(blocks[i].Text)
		if b == t || (blocks[i].Kind == KindHeading && (strings.HasPrefix(t, b) || strings.HasPrefix(b, t) || isSectionSuffix(t, b))) {
			return append(blocks[:i:i], blocks[i+1:]...)
		}
	}
	return blocks
}

// isSectionSuffix reports whether the title is a section label, a
// separator and then heading ("opinion | is football violence a crime?",
// "Kommentar: Die Wende kam zu spät"): the page's headline under its
// section's name. The heading must be three words or more, so a
// one-word heading ("Results") is not taken for the title.
func isSectionSuffix(title, heading string) bool {
	if len(strings.Fields(heading)) < 3 || !strings.HasSuffix(title, heading) {
		return false
	}
	label := strings.TrimSpace(title[:len(title)-len(heading)])
	for _, sep := range []string{"|", ":", "-", "–", "—", "»", "/"} {
		if l, ok := strings.CutSuffix(label, sep); ok && len(strings.Fields(l)) <= 3 && strings.TrimSpace(l) != "" {
			return true
		}
	}
	return false
}

// titleKey folds a title or heading for comparison: as comparable, and
// an ellipsis or final punctuation typed one way in <title> and another
// in the heading ("Só quem se Ama..." and "Só quem se Ama…") is the same.
func titleKey(s string) string {
	s = comparable(strings.ReplaceAll(s, "…", "..."))
	return strings.TrimRightFunc(s, func(r rune) bool { return r == '.' || r == '!' || r == '?' || r == ' ' })
}

// comparable folds text for equality tests: case and white space.
func comparable(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// nodeAtom is n's tag as an atom. The extractor builds nodes with only
// their Data set, so DataAtom alone is not enough.
func nodeAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// cleanTitle removes the site name pages append to their <title>
// ("… - BBC News", "… | Engadget").
func cleanTitle(title, site, host string) string {
	title = cleanInline(title)
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		suffix := strings.ToLower(title[i+len(sep):])
		key := strings.ReplaceAll(suffix, " ", "")
		hostKey := strings.TrimPrefix(strings.ToLower(host), "www.")
		if (site != "" && strings.EqualFold(suffix, site)) ||
			(hostKey != "" && key != "" && strings.Contains(hostKey, key)) ||
			(sep == " | " && len(strings.Fields(suffix)) <= 4) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

// unwrapBodyHeaders turns <header> elements inside the element marked
// itemprop="articleBody" into <div>s: there a header holds the article's
// lede, while the extractor drops every <header> as page furniture.
func unwrapBodyHeaders(n *html.Node, inBody bool) {
	if n.Type == html.ElementNode {
		for _, a := range n.Attr {
			if a.Key == "itemprop" && strings.EqualFold(a.Val, "articleBody") {
				inBody = true
			}
		}
		if inBody && n.DataAtom == atom.Header {
			n.DataAtom, n.Data = atom.Div, "div"
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		unwrapBodyHeaders(c, inBody)
	}
}

// hasProse reports whether some block reads like text, not a menu: five
// words or more.
//
// A page whose whole extracted text is one or two short blocks is still
// read when the page has text of its own outside links and navigation (a
// short page, not a menu): shortText says so.
func hasProse(blocks []Block, shortText bool) bool {
	for _, b := range blocks {
		if wordCount(b.Text) >= 5 {
			return true
		}
	}
	return shortText && len(blocks) > 0 && len(blocks) <= 2
}

// ownText reports whether the page has a word outside links, navigation,
// headers, footers, forms and scripts.
func ownText(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		return hasLetters(n.Data, 1)
	case html.ElementNode:
		switch nodeAtom(n) {
		case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Header, atom.Footer,
			atom.Aside, atom.A, atom.Button, atom.Form, atom.Title, atom.Head, atom.Select:
			return false
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if ownText(c) {
			return true
		}
	}
	return false
}

// hasAttr reports whether n has the attribute key, with or without a value.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
