package article

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// postGroup is a run of posts found by findPostGroups: its members and
// the siblings that hold them all (first to last), and their prose.
type postGroup struct {
	members     []*html.Node
	first, last *html.Node
	prose       int
	// text is the length of the members' text, key their postKey.
	text int
	key  string
}

// findPostGroups finds the posts of threads (a forum's posts, a question
// and its answers, a page of reviews): two or more elements of one kind
// (tag and first class name) that each hold prose and together hold most
// of the page's prose, no one of them most of it, in a container that
// holds little prose besides. The most prose first.
func findPostGroups(root *html.Node) []postGroup {
	total := proseLen(root)
	if total == 0 {
		return nil
	}
	groups := map[string][]*html.Node{}
	prose := map[*html.Node]int{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if skipsText(c) || nodeAtom(c) == atom.A {
				// A link's text is a way to another page (a tile that
				// is one link, its title and blurb), never a post.
				continue
			}
			switch nodeAtom(c) {
			case atom.Div, atom.Article, atom.Section, atom.Li, atom.Td, atom.Blockquote:
				if key := postKey(c); key != "" {
					if p := proseLen(c); p > 0 {
						groups[key] = append(groups[key], c)
						prose[c] = p
					}
				}
			}
			walk(c)
		}
	}
	walk(root)
	var out []postGroup
	for _, members := range groups {
		members = outermost(members)
		if len(members) < 2 {
			continue
		}
		sum, most := 0, 0
		for _, m := range members {
			sum += prose[m]
			most = max(most, prose[m])
		}
		if sum*2 < total || most*4 >= sum*3 {
			continue
		}
		box := commonAncestor(members)
		if box == nil || box.Type != html.ElementNode {
			continue
		}
		// A list or a table of posts: its container is the list or table.
		for box.Parent != nil && isListOrTablePart(box) {
			box = box.Parent
		}
		first, last := box, box
		switch nodeAtom(box) {
		case atom.Ul, atom.Ol, atom.Dl, atom.Table:
			// Wrapped whole.
		default:
			if !isPostContainer(box) || nodeAtom(box) == atom.Body {
				first, last = childHolding(box, members[0]), childHolding(box, members[len(members)-1])
			}
		}
		span := 0
		for c := first; c != nil; c = c.NextSibling {
			span += proseLen(c)
			if c == last {
				break
			}
		}
		if span*4 > sum*5 {
			continue
		}
		text := 0
		for _, m := range members {
			text += len(textOf(m))
		}
		out = append(out, postGroup{members: members, first: first, last: last, prose: sum, text: text, key: postKey(members[0])})
	}
	// Groups of equal prose are the same posts at different depths
	// (a post, its body, the body's text): the one with the least text
	// besides the prose, the posts' bodies, comes first, so that the
	// choice does not change from run to run.
	sort.Slice(out, func(i, j int) bool {
		if out[i].prose != out[j].prose {
			return out[i].prose > out[j].prose
		}
		if out[i].text != out[j].text {
			return out[i].text < out[j].text
		}
		return out[i].key < out[j].key
	})
	return out
}

// tookOnePost reports whether an extracted text is one post of the
// group, or a few: nearly all of it is the group's text (by runs of
// three words, so that words every text shares do not count), and it is
// under half of the group's prose, read once (onceLen), or it is one
// post's text given twice and another post is not in it. That is what
// the extractor gives on a thread: it takes the first element that looks
// like a post's body for the whole article, and at times gives it twice.
//
// The second test finds a thread of two posts whose first is the longer
// (a question and a short answer): its text is over half of the group's
// prose, so it was not taken for one post, and the listener heard the
// question twice and no answer. One post given once is left as it is: a
// travel forum's opening post taken alone is what WCXB's reference
// keeps (taking its replies too cost that page P 1.00 -> 0.57).
func (g postGroup) tookOnePost(extracted string) bool {
	got := wordRuns(extracted)
	if len(got) == 0 {
		return false
	}
	have := map[[3]string]bool{}
	missed, inOne := false, 0
	for _, m := range g.members {
		runs := wordRuns(textOf(m))
		in := 0
		for r := range runs {
			have[r] = true
			if got[r] {
				in++
			}
		}
		if len(runs) > 0 && in*2 < len(runs) {
			missed = true
		}
		inOne = max(inOne, in)
	}
	twice := onceLen(extracted)*10 < len(extracted)*7
	if onceLen(extracted)*2 >= g.prose && !(twice && missed && inOne*5 >= len(got)*4) {
		return false
	}
	in := 0
	for r := range got {
		if have[r] {
			in++
		}
	}
	return in*5 >= len(got)*4
}

// thread reports whether the group is the posts of a thread rather than
// a page's repeated text blocks or cards: its class names a post (the
// vocabulary of forum and comment software, postNamed), or its posts are
// stamped. Names alone do not tell, as findPostGroups also takes the
// generic ones ("content", "body", "text") that a content system gives
// an article's sections and a shop its plans' cards. A thread's reading
// skips the readers of other pages (extractHTML); a page of blocks that
// one of them took one of for the page needs them: an AEM article's
// text sections and a service page's cards, taken for a thread, were
// read without the lists and sections between them (WCXB 4292 R 0.42,
// 4282 R 0.30).
func (g postGroup) thread() bool {
	return postNamed.MatchString(g.key) || g.stamped()
}

// postNamed matches the class names of postClass that name a post of a
// discussion, not any text.
var postNamed = regexp.MustCompile(`(?i)post|message|comment|reply|answer|question|thread|topic`)

// stamped reports whether most of the group's posts carry a stamp of
// when they were written: a <time> element, an element with a datetime
// attribute, or a short line or a title attribute that holds a year or
// a time of day ("14 Mar 2024", "Di 14. Okt 2026, 09:12", "2024年3月14日",
// "11:42"), in the post or between it and the post before. Forum and
// comment software stamps every post (WCXB's threads: all of them); a
// page's text blocks and cards, that repeat in the same way, carry none
// (an AEM article's sections, a shop's plan tiers, a service page's
// cards). No word of any language is read: only figures and markup.
func (g postGroup) stamped() bool {
	box := commonAncestor(g.members)
	if box == nil {
		return false
	}
	n := 0
	var prev *html.Node
	for _, m := range g.members {
		unit := childHolding(box, m)
		start := unit
		if prev != nil && prev != unit && prev.Parent == unit.Parent {
			for start.PrevSibling != nil && start.PrevSibling != prev {
				start = start.PrevSibling
			}
		}
		for c := start; c != nil; c = c.NextSibling {
			if hasStamp(c) {
				n++
				break
			}
			if c == unit {
				break
			}
		}
		prev = unit
	}
	return n*2 > len(g.members)
}

// stampFigures matches a year of the last two centuries or a time of
// day, standing apart from other figures.
var stampFigures = regexp.MustCompile(`(?:^|[^0-9])(?:(?:19|20)[0-9]{2}|[0-9]{1,2}:[0-5][0-9])(?:[^0-9]|$)`)

// stampLine is how long a text may be and still be a stamp (a poster's
// line with a name, a date and a time), in bytes.
const stampLine = 80

// hasStamp reports whether n holds a stamp of when it was written (see
// stamped).
func hasStamp(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		t := strings.TrimSpace(n.Data)
		return len(t) <= stampLine && stampFigures.MatchString(t)
	case html.ElementNode:
		if skipsText(n) {
			return false
		}
		if nodeAtom(n) == atom.Time || attr(n, "datetime") != "" {
			return true
		}
		if t := attr(n, "title"); len(t) <= stampLine && stampFigures.MatchString(t) {
			return true
		}
	default:
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasStamp(c) {
			return true
		}
	}
	return false
}

// missed reports whether an extracted text left the group out: no post
// of it is half in the text (findPostGroups has made sure the group is
// most of the page's prose). That is what the extractor gives on a thread whose
// posts sit in a form (Invision Community's moderation form, see
// unwrapFormsAround): the page's menus and buttons. A text that holds
// the opening post and a few replies took the thread's head, which is
// where WCXB's references of such threads stop too, and is left as it is.
func (g postGroup) missed(extracted string) bool {
	return g.postsIn(extracted) == 0
}

// onceLen is the length of s with the text it repeats counted once: its
// length times the share of its runs of three words that are not another
// run of s again (see repeated). The extractor gives the first post of
// some threads twice ("<article class=post>" is the first element its
// rules take for an article), which made one post as long as two.
func onceLen(s string) int {
	return int(float64(len(s)) * (1 - repeated(s)))
}

// covers reports whether text holds nearly all (four in five) of the
// runs of three words of part.
func covers(text, part string) bool {
	have, want := wordRuns(text), wordRuns(part)
	in := 0
	for r := range want {
		if have[r] {
			in++
		}
	}
	return in*5 >= len(want)*4
}

// wordRuns returns the runs of three words of s, folded to lower case.
func wordRuns(s string) map[[3]string]bool {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	out := make(map[[3]string]bool, len(words))
	for i := 0; i+3 <= len(words); i++ {
		out[[3]string{words[i], words[i+1], words[i+2]}] = true
	}
	return out
}

// mark makes the group's container the article body for the extractor:
// the container itself when it is one, else a new one around the run of
// siblings that holds the posts. The function it returns puts the page
// back as it was (the thread test's second reading was not kept).
func (g postGroup) mark() (undo func()) {
	if g.first == g.last && isPostContainer(g.first) {
		n := len(g.first.Attr)
		g.first.Attr = append(g.first.Attr, html.Attribute{Key: "itemprop", Val: "articleBody"})
		forms := unwrapFormsAround(g.first)
		return func() {
			g.first.Attr = g.first.Attr[:n]
			rewrapForms(forms)
		}
	}
	parent := g.first.Parent
	wrap := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div,
		Attr: []html.Attribute{{Key: "itemprop", Val: "articleBody"}}}
	parent.InsertBefore(wrap, g.first)
	for c := g.first; c != nil; {
		next := c.NextSibling
		c.Parent.RemoveChild(c)
		wrap.AppendChild(c)
		if c == g.last {
			break
		}
		c = next
	}
	forms := unwrapFormsAround(parent)
	return func() {
		rewrapForms(forms)
		for c := wrap.FirstChild; c != nil; c = wrap.FirstChild {
			wrap.RemoveChild(c)
			parent.InsertBefore(c, wrap)
		}
		parent.RemoveChild(wrap)
	}
}

// unwrapFormsAround turns the forms that hold the marked thread n into
// <div>s, and returns them. The extractor drops every form with what it
// holds, and forum software wraps a page of posts in one, for
// moderators' buttons and check boxes (Invision Community's "multimod"
// form): then the whole thread was dropped, and the listener heard the
// page's buttons.
func unwrapFormsAround(n *html.Node) []*html.Node {
	var forms []*html.Node
	for p := n; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && nodeAtom(p) == atom.Form {
			p.DataAtom, p.Data = atom.Div, "div"
			forms = append(forms, p)
		}
	}
	return forms
}

// rewrapForms makes the <div>s unwrapFormsAround made forms again.
func rewrapForms(forms []*html.Node) {
	for _, f := range forms {
		f.DataAtom, f.Data = atom.Form, "form"
	}
}

// postKey is the kind of element n is, for finding repeated posts: its
// tag and its first class name without digits (post ids and counters
// differ from post to post), or "" when it has no class or the class
// names no part of a post (see postClass).
func postKey(n *html.Node) string {
	for _, c := range strings.Fields(attr(n, "class")) {
		if !strings.ContainsFunc(c, unicode.IsDigit) {
			if !postClass.MatchString(c) {
				return ""
			}
			return n.Data + "." + c
		}
	}
	return ""
}

// postClass matches class names that name a post or its text, in the
// vocabulary of forum, comment and question-and-answer software and of
// the extractor's own article selectors. Layout names (row, col,
// container, wrapper, a framework's widget) do not: a page's columns
// and widgets repeat too, and are not posts.
var postClass = regexp.MustCompile(`(?i)post|message|comment|reply|answer|question|entry|review|thread|topic|bb|richtext|usercontent|content|body|text|article|prose|tweet|status|note`)

// childHolding returns the child of box that holds n.
func childHolding(box, n *html.Node) *html.Node {
	for n.Parent != nil && n.Parent != box {
		n = n.Parent
	}
	return n
}

// isListOrTablePart reports whether n is part of a list or a table's
// structure, which a <div> cannot replace.
func isListOrTablePart(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Li, atom.Td, atom.Th, atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot:
		return true
	}
	return false
}

// outermost drops the nodes that are inside another node of the list.
func outermost(nodes []*html.Node) []*html.Node {
	in := make(map[*html.Node]bool, len(nodes))
	for _, n := range nodes {
		in[n] = true
	}
	out := nodes[:0:0]
	for _, n := range nodes {
		nested := false
		for p := n.Parent; p != nil; p = p.Parent {
			if in[p] {
				nested = true
				break
			}
		}
		if !nested {
			out = append(out, n)
		}
	}
	return out
}

// commonAncestor returns the deepest node that holds all of nodes.
func commonAncestor(nodes []*html.Node) *html.Node {
	path := func(n *html.Node) []*html.Node {
		var p []*html.Node
		for ; n != nil; n = n.Parent {
			p = append(p, n)
		}
		for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
			p[i], p[j] = p[j], p[i]
		}
		return p
	}
	common := path(nodes[0])
	for _, n := range nodes[1:] {
		p := path(n)
		i := 0
		for i < len(common) && i < len(p) && common[i] == p[i] {
			i++
		}
		common = common[:i]
	}
	if len(common) == 0 {
		return nil
	}
	return common[len(common)-1]
}

// isPostContainer reports whether the extractor takes n as an article
// container when it is marked so.
func isPostContainer(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Div, atom.Section, atom.Article, atom.Main:
		return true
	}
	return false
}

// dropEarlyRepeats removes the first paragraph when the extractor gave
// it twice: it is eight words or more, and the same paragraph comes
// again within three blocks, after a heading or a short line (the title,
// the post's author and time) and nothing longer. The extractor puts the
// first element it took for the article's body (a thread's first post,
// a "<div class=post>") at the head of its text, above the title, which
// it then gives with the rest in order, so the listener heard the first
// post twice. Only that shape is taken: pages that repeat a paragraph
// further on, or in three places or more (a placeholder text, a chorus),
// keep every copy.
//
// A live ticker's first entry, short as it may be ("90. Anpfiff!"), is
// dropped the same way when it comes again within four blocks and its
// copy opens a run of three entries that each start with a minute or
// clock stamp (isStamp): the extractor took the entry for the body's
// start, and gave it again above the ticker's intro.
func dropEarlyRepeats(blocks []Block) []Block {
	if len(blocks) >= 4 && blocks[0].Kind != KindHeading && startsWithStamp(blocks[0].Text) {
		for j := 2; j < len(blocks)-2 && j <= 4; j++ {
			if blocks[j].Text == blocks[0].Text && startsWithStamp(blocks[j+1].Text) && startsWithStamp(blocks[j+2].Text) {
				return blocks[1:]
			}
		}
	}
	if len(blocks) < 3 || blocks[0].Kind != KindParagraph || wordCount(blocks[0].Text) < 8 {
		return blocks
	}
	if placeholder(blocks) {
		return blocks
	}
	for j := 1; j < len(blocks) && j <= 3; j++ {
		if blocks[j].Text == blocks[0].Text {
			if j > 1 {
				return blocks[1:]
			}
			return blocks
		}
		if blocks[j].Kind != KindHeading && wordCount(blocks[j].Text) >= 8 {
			return blocks
		}
	}
	return blocks
}

// placeholder reports whether the first block comes three times or more,
// never twice in a row: a text the page repeats in its sections, not one
// the extractor repeated. (A page that holds its summary twice, which the
// extractor then also puts at the head, gives it twice in a row.)
func placeholder(blocks []Block) bool {
	copies := 0
	for i, b := range blocks {
		if b.Text != blocks[0].Text {
			continue
		}
		if i > 0 && blocks[i-1].Text == b.Text {
			return false
		}
		copies++
	}
	return copies >= 3
}

// startsWithStamp reports whether text opens with a minute or clock stamp
// and has words after it ("87. Wechsel …", "14:32 Die Sitzung …").
func startsWithStamp(text string) bool {
	f := strings.Fields(text)
	return len(f) >= 2 && isStamp(f[0])
}

// dropRepeatedRuns removes a run of blocks that the next blocks give
// again: the same paragraphs in the same order, the last of the first
// run either the same or its start cut short (a preview: "…" or nothing
// marks the cut). Question-and-answer sites print each answer's preview
// and then the whole answer, and some threads give a post's text twice
// (its preview and its body, both in the page's markup), so the listener
// heard every paragraph twice in a row. The first copy goes: it is the
// preview, or the same text. A run starts with a paragraph of eight
// words or more, so a short line a page repeats on purpose (a chorus's
// "Yeah, yeah") stays; a run that comes again further on, after other
// text (a reply quoting a post), is not the same run and stays. A
// paragraph the page gives three times or more is a placeholder (a
// template's "Lorem ipsum …") or a refrain, and one paragraph given
// twice, whole both times, may be the page's own: those keep their
// copies (Readability's test pages repeat their placeholder so, and
// their references keep every copy).
func dropRepeatedRuns(blocks []Block) []Block {
	var out []Block
	copies := map[string]int{}
	for _, b := range blocks {
		copies[b.Text]++
	}
	for i := 0; i < len(blocks); {
		if k := repeatedRun(blocks, i); k > 0 && copies[blocks[i].Text] < 3 {
			if out == nil {
				out = append(make([]Block, 0, len(blocks)), blocks[:i]...)
			}
			i += k
			continue
		}
		if out != nil {
			out = append(out, blocks[i])
		}
		i++
	}
	if out == nil {
		return blocks
	}
	return out
}

// maxRepeatedRun is the longest run of blocks dropRepeatedRuns looks
// for: an answer of that many paragraphs.
const maxRepeatedRun = 40

// repeatedRun returns the length of the shortest run of blocks from i
// that the blocks after it give again (see dropRepeatedRuns), or 0.
func repeatedRun(blocks []Block, i int) int {
	if blocks[i].Kind != KindParagraph || wordCount(blocks[i].Text) < 8 {
		return 0
	}
	for k := 1; k <= maxRepeatedRun && i+2*k <= len(blocks); k++ {
		same := true
		for m := 0; m < k-1 && same; m++ {
			same = blocks[i+m].Text == blocks[i+k+m].Text
		}
		last, again := blocks[i+k-1].Text, blocks[i+2*k-1].Text
		if same && startsText(again, last) && (k > 1 || last != again) {
			return k
		}
	}
	return 0
}

// startsText reports whether part is full, or full's start cut short
// (with or without an ellipsis at the cut).
func startsText(full, part string) bool {
	if part == full {
		return true
	}
	part = strings.TrimRight(part, " .…")
	return part != "" && strings.HasPrefix(full, part)
}

// readThreadAlone returns the thread's posts read from the group's
// members themselves when res, the page read again with the posts'
// container marked as its article, still holds under half of the posts
// and less text than they do. The extractor prunes a marked container
// by its own rules, and one of them takes any element whose class says
// "message" or whose id starts with "reply-" for comment debris: forum
// software names its posts so (XenForo's "message message--post", a
// board's "reply-body-1234"), and the listener heard the opening post
// and a reply or two of a thread of twenty. The members' own elements,
// in the page's order, are then the text: findPostGroups gives first
// the group of the posts' bodies, so the posters' boxes, the buttons
// and the furniture between the posts are left out.
//
// It is called on pages that say they are discussions (pageSignals):
// on a listing or a shop's page the group is cards or reviews, and
// reading them whole cost a listing most of its precision (WCXB 4343
// P 0.90 -> 0.22) and a product page its description (4200 R 0.97 ->
// 0.00). On WCXB's threads two pages gained their replies (0523 R 0.31
// -> 0.90, 0578 R 0.19 -> 0.90), forum F1 0.767 -> 0.770; no other
// page of any set changed.
func readThreadAlone(res *trafilatura.ExtractResult, g postGroup) *trafilatura.ExtractResult {
	if res == nil {
		return res
	}
	in := g.postsIn(res.ContentText)
	if in*2 >= len(g.members) {
		return res
	}
	body := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, m := range g.members {
		body.AppendChild(cloneTree(m))
	}
	text := strings.TrimSpace(textOf(body))
	if onceLen(text) <= onceLen(res.ContentText) {
		return res
	}
	out := *res
	out.ContentNode, out.ContentText = body, text
	return &out
}

// postsIn counts the group's posts of which text holds half or more
// (by runs of three words).
func (g postGroup) postsIn(text string) int {
	got := wordRuns(text)
	n := 0
	for _, m := range g.members {
		runs := wordRuns(textOf(m))
		in := 0
		for r := range runs {
			if got[r] {
				in++
			}
		}
		if len(runs) > 0 && in*2 >= len(runs) {
			n++
		}
	}
	return n
}
