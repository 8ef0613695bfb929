package article

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The block structure of Markdown, after CommonMark 0.31 (and GitHub's
// tables): containers (block quotes, list items) hold leaf blocks
// (paragraphs, headings, code, HTML, tables), read line by line with the
// spec's own strategy (its appendix "A parsing strategy"). It keeps what a
// listener needs, not what a renderer needs: which container a leaf is
// in, its lines, and the link reference definitions.
//
// It is our own because the Go parser people use, goldmark (v1.8.7), is
// superlinear on hostile input and narrate reads untrusted text: 200 KB of
// nested `>` took it 12.7 s, 200 KB of `[a](` 12.5 s, and a 95 KB table
// 2 min 24 s (measured here). This parser does a bounded amount of work
// per byte (see BenchmarkMarkdownHostile): containers nest at most
// mdMaxDepth deep, and the inline reader (mdinline.go) looks ahead only
// through indexes it builds once.

// mdMaxDepth is how deep block quotes and list items nest; a marker
// deeper than that is text. Every line is checked against each open
// container, so without a bound a line of 100,000 `>` would make every
// later line cost 100,000 steps.
const mdMaxDepth = 16

// mdLeafKind is what a leaf block of Markdown is.
type mdLeafKind int

const (
	mdPara mdLeafKind = iota
	mdHeading
	mdFenced   // code between ``` or ~~~ fences
	mdIndented // code indented four spaces
	mdHTML
	mdTable
)

// mdLeaf is a leaf block: its kind, the kind of block its innermost
// container makes of its text (a quote's paragraph is a quote, a list
// item's an item), and its lines with the containers' markers taken off.
type mdLeaf struct {
	kind  mdLeafKind
	in    Kind // KindParagraph, KindQuote or KindItem
	level int  // a heading's level
	lines []string
	// A fenced code block's fence: its character, length and indent.
	fenceChar             byte
	fenceLen, fenceIndent int
	// htmlEnd is what ends an HTML block ("-->", "</pre>"); "" means a
	// blank line.
	htmlEnd string
	// comment: an HTML block that is a comment.
	comment bool
	// number is the number of the ordered list item the leaf starts, as
	// the rendered list shows it ("3"); "" for none.
	number string
}

// mdContainer is an open block quote or list item.
type mdContainer struct {
	quote bool
	// indent is a list item's content indent: how many columns of a line
	// belong to the item's marker, counted from where the item starts.
	indent int
	// ordered: an item of an ordered list.
	ordered bool
	// number is an ordered item's number until its first leaf takes it.
	number string
}

// mdParser reads the block structure of a Markdown text line by line.
type mdParser struct {
	open   []mdContainer
	leaf   *mdLeaf // the leaf lines go to, nil when none is open
	leaves []mdLeaf
	// defs are the link reference definitions' labels (mdLabel).
	defs map[string]bool
	// lastNum is, for each depth, the number of the ordered item last
	// opened there while its list goes on, plus one (0: none), so that a
	// list typed "1. 1. 1." is numbered 1, 2, 3 as its page shows it.
	lastNum [mdMaxDepth + 1]int
}

// parseMarkdownBlocks returns the leaf blocks of text, in order, and the
// labels of its link reference definitions (which are not read).
func parseMarkdownBlocks(text string) ([]mdLeaf, map[string]bool) {
	p := &mdParser{defs: map[string]bool{}}
	for line := range strings.Lines(text) {
		p.line(expandTabs(strings.TrimRight(line, "\n")))
	}
	p.closeLeaf()
	return p.leaves, p.defs
}

// line reads one line.
func (p *mdParser) line(line string) {
	rest, matched := line, 0
containers:
	for _, c := range p.open {
		if c.quote {
			r, ok := quoteMarker(rest)
			if !ok {
				break
			}
			rest = r
		} else {
			switch {
			case isBlank(rest):
				rest = ""
			case indentOf(rest) >= c.indent:
				rest = rest[c.indent:]
			default:
				break containers
			}
		}
		matched++
	}
	all := matched == len(p.open)
	if p.leaf != nil && all {
		switch p.leaf.kind {
		case mdFenced:
			if closesFence(rest, p.leaf) {
				p.closeLeaf()
			} else {
				p.leaf.lines = append(p.leaf.lines, stripIndent(rest, p.leaf.fenceIndent))
			}
			return
		case mdHTML:
			if p.leaf.htmlEnd == "" && isBlank(rest) {
				p.closeLeaf()
				return
			}
			p.leaf.lines = append(p.leaf.lines, rest)
			if p.leaf.htmlEnd != "" && containsLower(rest, p.leaf.htmlEnd) {
				p.closeLeaf()
			}
			return
		}
	}
	// New containers.
	opened := false
	openNew := func() {
		if !opened {
			opened = true
			p.closeLeaf()
			p.open = p.open[:matched]
		}
	}
	for matched < mdMaxDepth {
		ind := indentOf(rest)
		if ind >= 4 {
			break
		}
		if r, ok := quoteMarker(rest); ok {
			openNew()
			p.lastNum[len(p.open)] = 0
			p.open = append(p.open, mdContainer{quote: true})
			matched++
			rest = r
			continue
		}
		t := rest[ind:]
		if thematicBreak(t) {
			break
		}
		m, ok := listMarker(t)
		if !ok {
			break
		}
		// A list item that starts a list interrupts a paragraph only when
		// it has text, and a numbered one only when it counts from 1:
		// "2013. A year" and a lone "-" under a line are the paragraph's.
		// The next item of a list goes on it whatever its number.
		next := matched < len(p.open) && !p.open[matched].quote && p.open[matched].ordered == m.ordered
		if !opened && !next && p.leaf != nil && p.leaf.kind == mdPara && (m.empty || m.ordered && m.start != 1) {
			break
		}
		openNew()
		c := mdContainer{indent: ind + m.indent, ordered: m.ordered}
		if d := len(p.open); m.ordered {
			n := m.start
			c.number = m.digits
			if last := p.lastNum[d] - 1; last >= 0 && m.start <= last {
				n = last + 1
				c.number = strconv.Itoa(n)
			}
			p.lastNum[d] = n + 1
		} else {
			p.lastNum[d] = 0
		}
		p.open = append(p.open, c)
		matched++
		rest = rest[min(ind+m.indent, len(rest)):]
		if m.empty {
			rest = ""
		}
	}
	if !opened && !all {
		// A lazy continuation line: a paragraph goes on even where the
		// quote's ">" is left out.
		if p.leaf != nil && p.leaf.kind == mdPara && !isBlank(rest) && !startsBlock(rest) {
			p.leaf.lines = append(p.leaf.lines, strings.TrimLeft(rest, " "))
			return
		}
		p.closeLeaf()
		p.open = p.open[:matched]
	}
	p.leafLine(rest)
}

// leafLine reads what is left of a line once its containers are matched.
func (p *mdParser) leafLine(rest string) {
	if isBlank(rest) {
		if p.leaf != nil && p.leaf.kind == mdIndented {
			p.leaf.lines = append(p.leaf.lines, "")
			return
		}
		p.closeLeaf()
		return
	}
	ind := indentOf(rest)
	if p.leaf != nil && p.leaf.kind == mdIndented {
		if ind >= 4 {
			p.leaf.lines = append(p.leaf.lines, rest[4:])
			return
		}
		p.closeLeaf()
	}
	if ind >= 4 {
		// An indented line goes on a paragraph or a table; it cannot
		// interrupt them.
		if p.leaf != nil && (p.leaf.kind == mdPara || p.leaf.kind == mdTable) {
			p.leaf.lines = append(p.leaf.lines, strings.TrimLeft(rest, " "))
			return
		}
		p.closeLeaf()
		p.leaf = p.start(mdLeaf{kind: mdIndented, lines: []string{rest[4:]}})
		return
	}
	t := rest[ind:]
	if p.leaf != nil && p.leaf.kind == mdPara {
		if level := setextLevel(t); level > 0 {
			p.leaf.lines = p.takeDefs(p.leaf.lines)
			if len(p.leaf.lines) > 0 {
				p.leaf.kind, p.leaf.level = mdHeading, level
				p.closeLeaf()
				return
			}
			p.leaf = nil
		}
	}
	if level, text, ok := atxHeading(t); ok {
		p.closeLeaf()
		p.leaves = append(p.leaves, *p.start(mdLeaf{kind: mdHeading, level: level, lines: []string{text}}))
		return
	}
	if c, n, ok := fenceOpen(t); ok {
		p.closeLeaf()
		p.leaf = p.start(mdLeaf{kind: mdFenced, fenceChar: c, fenceLen: n, fenceIndent: ind})
		return
	}
	interrupting := p.leaf != nil && p.leaf.kind == mdPara
	if end, comment, ok := htmlBlockStart(t, interrupting); ok {
		p.closeLeaf()
		p.leaf = p.start(mdLeaf{kind: mdHTML, htmlEnd: end, comment: comment, lines: []string{rest}})
		if end != "" && containsLower(t[min(len(t), 2):], end) {
			p.closeLeaf()
		}
		return
	}
	if thematicBreak(t) {
		p.closeLeaf()
		return
	}
	if p.leaf != nil && p.leaf.kind == mdPara {
		if n := delimiterRow(t); n > 0 && len(tableCells(p.leaf.lines[len(p.leaf.lines)-1])) == n {
			// The paragraph's last line is the table's header.
			head := p.leaf.lines[len(p.leaf.lines)-1]
			p.leaf.lines = p.leaf.lines[:len(p.leaf.lines)-1]
			number := ""
			if len(p.leaf.lines) == 0 {
				number, p.leaf = p.leaf.number, nil
			}
			p.closeLeaf()
			p.leaf = p.start(mdLeaf{kind: mdTable, lines: []string{head}, number: number})
			return
		}
	}
	if p.leaf != nil && (p.leaf.kind == mdPara || p.leaf.kind == mdTable) {
		p.leaf.lines = append(p.leaf.lines, t)
		return
	}
	p.closeLeaf()
	p.leaf = p.start(mdLeaf{kind: mdPara, lines: []string{t}})
}

// start begins leaf l in the open containers: it takes the kind of block
// the innermost one makes of it, and the number of the ordered item it
// starts; the lists nested deeper than it are over.
func (p *mdParser) start(l mdLeaf) *mdLeaf {
	l.in = KindParagraph
	if n := len(p.open); n > 0 {
		l.in = KindItem
		if p.open[n-1].quote {
			l.in = KindQuote
		}
	}
	for i := len(p.open) - 1; i >= 0; i-- {
		if !p.open[i].quote {
			if l.number == "" {
				l.number = p.open[i].number
			}
			p.open[i].number = ""
			break
		}
	}
	for d := len(p.open); d < len(p.lastNum); d++ {
		p.lastNum[d] = 0
	}
	return &l
}

// closeLeaf ends the open leaf: a paragraph loses its link reference
// definitions, code its trailing blank lines.
func (p *mdParser) closeLeaf() {
	l := p.leaf
	if l == nil {
		return
	}
	p.leaf = nil
	switch l.kind {
	case mdPara:
		if l.lines = p.takeDefs(l.lines); len(l.lines) == 0 {
			return
		}
	case mdIndented:
		for len(l.lines) > 0 && isBlank(l.lines[len(l.lines)-1]) {
			l.lines = l.lines[:len(l.lines)-1]
		}
	}
	p.leaves = append(p.leaves, *l)
}

// takeDefs removes the link reference definitions that start a
// paragraph's lines (`[label]: /url "title"`), noting their labels.
func (p *mdParser) takeDefs(lines []string) []string {
	for len(lines) > 0 {
		label, n := refDefinition(lines)
		if n == 0 {
			break
		}
		p.defs[mdLabel(label)] = true
		lines = lines[n:]
	}
	return lines
}

// refDefinition reads a link reference definition at the start of lines:
// its label and how many lines it takes (0: none). The destination is on
// the label's line or the next, and an optional title ends the line or
// is the line after alone. A footnote's definition (`[^1]: …`) is text.
func refDefinition(lines []string) (label string, n int) {
	s := strings.TrimLeft(lines[0], " ")
	if len(s) < 4 || s[0] != '[' || s[1] == '^' {
		return "", 0
	}
	end := -1
	for i := 1; i < len(s) && i <= 1000; i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if s[i] == '[' {
			return "", 0
		}
		if s[i] == ']' {
			end = i
			break
		}
	}
	if end < 0 || end+1 >= len(s) || s[end+1] != ':' || isBlank(s[1:end]) {
		return "", 0
	}
	label, rest, n := s[1:end], strings.TrimSpace(s[end+2:]), 1
	if rest == "" {
		if len(lines) < 2 || isBlank(lines[1]) {
			return "", 0
		}
		rest, n = strings.TrimSpace(lines[1]), 2
	}
	dest, after := rest, ""
	if rest[0] == '<' {
		i := strings.IndexByte(rest, '>')
		if i < 0 {
			return "", 0
		}
		dest, after = rest[:i+1], rest[i+1:]
	} else if i := strings.IndexAny(rest, " \t"); i >= 0 {
		dest, after = rest[:i], rest[i:]
	}
	if dest == "" {
		return "", 0
	}
	if dest[0] == '<' && after != "" && after[0] != ' ' && after[0] != '\t' {
		return "", 0
	}
	after = strings.TrimSpace(after)
	switch {
	case after == "":
		if n < len(lines) && isTitle(strings.TrimSpace(lines[n])) {
			n++
		}
	case !isTitle(after):
		return "", 0
	}
	return label, n
}

// isTitle reports whether s is a link title: "…", '…' or (…).
func isTitle(s string) bool {
	if len(s) < 2 {
		return false
	}
	switch s[0] {
	case '"', '\'':
		return s[len(s)-1] == s[0]
	case '(':
		return s[len(s)-1] == ')'
	}
	return false
}

// mdLabel folds a link label for matching: case and runs of white space.
func mdLabel(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// expandTabs replaces tabs with spaces to the next multiple of four
// columns, as CommonMark counts them.
func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var sb strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := 4 - col%4
			sb.WriteString("    "[:n])
			col += n
			continue
		}
		sb.WriteRune(r)
		col++
	}
	return sb.String()
}

func isBlank(s string) bool { return strings.TrimLeft(s, " ") == "" }

// indentOf counts the spaces that start s.
func indentOf(s string) int {
	return len(s) - len(strings.TrimLeft(s, " "))
}

// stripIndent removes up to n spaces from the start of s.
func stripIndent(s string, n int) string {
	return s[min(n, indentOf(s)):]
}

// quoteMarker takes a block quote's marker (up to three spaces, ">" and
// one optional space) off s.
func quoteMarker(s string) (string, bool) {
	ind := indentOf(s)
	if ind >= 4 || ind >= len(s) || s[ind] != '>' {
		return s, false
	}
	s = s[ind+1:]
	if strings.HasPrefix(s, " ") {
		s = s[1:]
	}
	return s, true
}

// mdMarker is a list item's marker.
type mdMarker struct {
	// indent is how many columns the marker and the spaces after it take.
	indent  int
	ordered bool
	start   int    // an ordered item's number
	digits  string // and as it is written
	empty   bool   // nothing follows the marker on its line
}

// listMarker reads the list item marker that starts t: "-", "+", "*", or
// up to nine digits and "." or ")", then a space or the end of the line.
func listMarker(t string) (mdMarker, bool) {
	var m mdMarker
	w := 0
	switch {
	case t == "":
		return m, false
	case t[0] == '-' || t[0] == '+' || t[0] == '*':
		w = 1
	default:
		for w < len(t) && w < 10 && t[w] >= '0' && t[w] <= '9' {
			m.start = m.start*10 + int(t[w]-'0')
			w++
		}
		if w == 0 || w > 9 || w >= len(t) || (t[w] != '.' && t[w] != ')') {
			return m, false
		}
		m.digits = t[:w]
		w++
		m.ordered = true
	}
	if w < len(t) && t[w] != ' ' {
		return m, false
	}
	spaces := indentOf(t[w:])
	switch {
	case w+spaces >= len(t):
		m.empty, m.indent = true, w+1
	case spaces > 4:
		m.indent = w + 1 // the item's text is indented code
	default:
		m.indent = w + spaces
	}
	return m, true
}

// thematicBreak reports whether t is a thematic break: three or more "-",
// "*" or "_", alone but for spaces.
func thematicBreak(t string) bool {
	if t == "" || (t[0] != '-' && t[0] != '*' && t[0] != '_') {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case t[0]:
			n++
		case ' ':
		default:
			return false
		}
	}
	return n >= 3
}

// setextLevel is the level of the heading whose underline t is ("===" 1,
// "---" 2), or 0.
func setextLevel(t string) int {
	t = strings.TrimRight(t, " ")
	if t == "" || strings.Trim(t, string(t[0])) != "" {
		return 0
	}
	switch t[0] {
	case '=':
		return 1
	case '-':
		return 2
	}
	return 0
}

// atxHeading reads "# Heading #": its level and text.
func atxHeading(t string) (int, string, bool) {
	level := 0
	for level < len(t) && t[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || (level < len(t) && t[level] != ' ') {
		return 0, "", false
	}
	text := strings.TrimSpace(t[level:])
	// A closing run of "#" after a space is not text.
	if c := strings.TrimRight(text, "#"); c != text && (c == "" || strings.HasSuffix(c, " ")) {
		text = strings.TrimSpace(c)
	}
	return level, text, true
}

// fenceOpen reads a code fence: three or more "`" or "~" (a backtick
// fence's info string has no backtick).
func fenceOpen(t string) (byte, int, bool) {
	if len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return 0, 0, false
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || (t[0] == '`' && strings.IndexByte(t[n:], '`') >= 0) {
		return 0, 0, false
	}
	return t[0], n, true
}

// closesFence reports whether rest closes the fenced code block l.
func closesFence(rest string, l *mdLeaf) bool {
	ind := indentOf(rest)
	if ind >= 4 {
		return false
	}
	t := strings.TrimRight(rest[ind:], " ")
	n := 0
	for n < len(t) && t[n] == l.fenceChar {
		n++
	}
	return n >= l.fenceLen && n == len(t)
}

// htmlBlockStart reads the start of an HTML block (CommonMark's seven
// kinds): what ends it ("" for a blank line) and whether it is a comment.
// The seventh kind, any lone tag, cannot interrupt a paragraph.
func htmlBlockStart(t string, interrupting bool) (end string, comment, ok bool) {
	if len(t) < 2 || t[0] != '<' {
		return "", false, false
	}
	lower := strings.ToLower(t[:min(len(t), 12)])
	for _, tag := range []string{"pre", "script", "style", "textarea"} {
		if strings.HasPrefix(lower[1:], tag) && tagNameEnds(t, 1+len(tag)) {
			return "</" + tag + ">", false, true
		}
	}
	switch {
	case strings.HasPrefix(t, "<!--"):
		return "-->", true, true
	case strings.HasPrefix(t, "<?"):
		return "?>", false, true
	case strings.HasPrefix(t, "<![CDATA["):
		return "]]>", false, true
	case len(t) > 2 && t[1] == '!' && isASCIILetter(t[2]):
		return ">", false, true
	}
	name := t[1:]
	name = strings.TrimPrefix(name, "/")
	n := 0
	for n < len(name) && (isASCIILetter(name[n]) || n > 0 && (name[n] >= '0' && name[n] <= '9' || name[n] == '-')) {
		n++
	}
	if n == 0 {
		return "", false, false
	}
	at := len(t) - len(name) + n
	if blockTags[strings.ToLower(name[:n])] && (at == len(t) || t[at] == ' ' || t[at] == '>' || strings.HasPrefix(t[at:], "/>")) {
		return "", false, true
	}
	if !interrupting {
		if end := htmlTagEnd(t, 0); end > 0 && isBlank(t[end:]) {
			return "", false, true
		}
	}
	return "", false, false
}

// tagNameEnds reports whether a tag name ending at i in t ends there: a
// space, ">" or the end of the line follows.
func tagNameEnds(t string, i int) bool {
	return i == len(t) || t[i] == ' ' || t[i] == '>'
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// blockTags are the HTML elements that start CommonMark's sixth kind of
// HTML block.
var blockTags = setOf("address", "article", "aside", "base", "basefont", "blockquote", "body",
	"caption", "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt",
	"fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
	"h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link", "main",
	"menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search",
	"section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul")

// startsBlock reports whether a line starts a block that ends a
// paragraph (so it cannot be a lazy continuation of one).
func startsBlock(s string) bool {
	ind := indentOf(s)
	if ind >= 4 {
		return false
	}
	t := s[ind:]
	if _, ok := quoteMarker(s); ok {
		return true
	}
	if _, _, ok := atxHeading(t); ok {
		return true
	}
	if _, _, ok := fenceOpen(t); ok {
		return true
	}
	if _, _, ok := htmlBlockStart(t, true); ok {
		return true
	}
	if thematicBreak(t) {
		return true
	}
	m, ok := listMarker(t)
	return ok && !m.empty && (!m.ordered || m.start == 1)
}

// containsLower reports whether s contains sub (in lower case) in any
// case.
func containsLower(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), sub)
}

// delimiterRow reads a table's delimiter row ("| --- | :-: |") and returns
// its number of columns, or 0.
func delimiterRow(t string) int {
	cells := tableCells(t)
	if len(cells) == 0 || (len(cells) == 1 && !strings.Contains(t, "|")) {
		return 0
	}
	for _, c := range cells {
		c = strings.TrimSpace(c)
		c = strings.TrimPrefix(c, ":")
		c = strings.TrimSuffix(c, ":")
		if c == "" || strings.Trim(c, "-") != "" {
			return 0
		}
	}
	return len(cells)
}

// tableCells splits a table row at its unescaped "|", leaving out the
// pipes at its ends.
func tableCells(row string) []string {
	row = strings.TrimSpace(row)
	if strings.HasPrefix(row, "|") {
		row = row[1:]
	}
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	start := 0
	for i := 0; i < len(row); i++ {
		switch row[i] {
		case '\\':
			i++
		case '|':
			cells = append(cells, row[start:i])
			start = i + 1
		}
	}
	if start < len(row) || len(cells) > 0 {
		cells = append(cells, row[start:])
	}
	return cells
}

// runeLen is the number of characters of s.
func runeLen(s string) int { return utf8.RuneCountInString(s) }
