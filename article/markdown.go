package article

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseMarkdown makes a Document from a Markdown text, read the way its
// rendered page reads: headings, paragraphs, list items (one block each,
// as an HTML list's), block quotes and tables become blocks, their inline
// markup gives its words (mdinline.go), and what the page would not show
// as text — front matter, code blocks, images, HTML comments — is listed
// in Document.Removed. The title is, in order: the one given in opts,
// the front matter's, a heading that leads the text, or a first line
// shaped like a headline (as for plain text). A "By" line right under
// the title is the byline (takeLeadByline), unless the front matter or
// the caller named the author. Then the clean-up rules run, as for text.
//
// guessed says the text was not declared Markdown (by its name or the
// caller) but recognized as such: then a block indented four spaces is
// read as text, as it would be in a plain text, since indenting is far
// more often layout than code there.
func parseMarkdown(text string, opts LoadOptions, guessed bool) (*Document, error) {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	fm, body := splitFrontMatter(text)
	leaves, defs := parseMarkdownBlocks(body)
	r := mdReader{defs: defs, guessed: guessed}
	r.read(leaves)
	if r.leftOut > 0 && !hasProse(r.blocks, false) {
		// Nothing to read but the tables left out: they are the text.
		r = mdReader{defs: defs, guessed: guessed, largeTables: true}
		r.read(leaves)
	}
	doc := &Document{Title: opts.Title, Byline: opts.Byline, Warnings: r.warnings}
	var removed []Removal
	if fm != nil {
		removed = fm.removals(opts)
		if doc.Title == "" {
			doc.Title = fm.title
		}
		if doc.Byline == "" && len(fm.authors) > 0 {
			doc.Byline, doc.bylineNames = joinNames(fm.authors, fm.lang), fm.authors
		}
		doc.Published, doc.Lang = fm.published, fm.lang
	}
	removed = append(removed, r.removed...)
	blocks := r.blocks
	switch {
	case doc.Title != "":
		kept := dropTitleRepeat(blocks, doc.Title)
		removed = append(removed, removedBlocks("title-repeat", IntoTitle, blocks, kept)...)
		blocks = kept
	case len(blocks) > 1 && blocks[0].Kind == KindHeading:
		// A heading alone is the text, not a title over nothing.
		doc.Title, blocks = blocks[0].Text, blocks[1:]
	}
	d := &Draft{Blocks: blocks, Byline: doc.Byline, Published: doc.Published, Removed: removed}
	if doc.Title != "" {
		doc.bylineNames = takeLeadByline(d, doc.bylineNames)
	}
	byline := d.Byline
	ApplyRules(d, opts.rules())
	if d.Byline != byline {
		doc.bylineNames = nil // a rule found it: keep its words
	}
	if doc.Title == "" && isHeadline(d.Blocks) {
		doc.Title, d.Blocks = d.Blocks[0].Text, d.Blocks[1:]
		doc.bylineNames = takeLeadByline(d, doc.bylineNames)
	}
	markQuotes(d.Blocks)
	doc.Blocks, doc.Removed = d.Blocks, d.Removed
	doc.Byline, doc.Published = d.Byline, d.Published
	return doc, nil
}

// removals lists the front matter's fields, which are not read: the ones
// whose values are used say where they went, the others are one removal.
func (fm *frontMatter) removals(opts LoadOptions) []Removal {
	var out []Removal
	var rest []string
	for _, f := range fm.fields {
		into := fm.into[f.key]
		// What the caller gave replaces the front matter's.
		if into == IntoTitle && opts.Title != "" || into == IntoByline && opts.Byline != "" {
			into = ""
		}
		text := cleanInline(f.text)
		if into != "" {
			out = append(out, Removal{Rule: "markdown:front-matter", Text: text, Into: into})
		} else if hasWordChar(text) {
			rest = append(rest, text)
		}
	}
	if len(rest) > 0 {
		out = append(out, Removal{Rule: "markdown:front-matter", Text: strings.Join(rest, " ")})
	}
	return out
}

// mdReader turns Markdown leaf blocks into Blocks.
type mdReader struct {
	defs     map[string]bool
	blocks   []Block
	removed  []Removal
	warnings []string
	// largeTables reads tables of any size; leftOut counts those left
	// out without it.
	largeTables bool
	leftOut     int
	// guessed: see parseMarkdown.
	guessed bool
}

func (r *mdReader) read(leaves []mdLeaf) {
	for _, l := range leaves {
		r.leaf(l)
	}
}

// add appends a block of text (inline Markdown).
func (r *mdReader) add(kind Kind, src string) {
	text, removed := renderInline(src, r.defs)
	r.removed = append(r.removed, removed...)
	if text = cleanInline(text); text != "" {
		r.blocks = append(r.blocks, Block{Kind: kind, Text: text})
	}
}

func (r *mdReader) leaf(l mdLeaf) {
	// An ordered list's item is read with its number, as its page shows
	// it ("3. Buses go via the north bridge."): the writer numbered it.
	number := ""
	if l.number != "" {
		number = l.number + ". "
	}
	switch l.kind {
	case mdHeading:
		r.add(KindHeading, number+strings.Join(l.lines, "\n"))
	case mdPara:
		kind, lines := l.in, slices.Clone(l.lines)
		if m := footnoteLabel.FindStringIndex(lines[0]); m != nil {
			// A footnote, which a page lists with the others at its end.
			kind, lines[0] = KindItem, lines[0][m[1]:]
		}
		for i, g := range lineGroups(lines, r.guessed) {
			if i > 0 {
				number = ""
			}
			// The group's last line may end in a hard line break.
			text := strings.TrimRight(strings.Join(g, "\n"), " ")
			if strings.HasSuffix(text, `\`) && !strings.HasSuffix(text, `\\`) {
				text = text[:len(text)-1]
			}
			r.add(kind, number+text)
		}
	case mdFenced, mdIndented:
		code := strings.Join(l.lines, "\n")
		if l.kind == mdIndented && (r.guessed || readsAsProse(code)) {
			// Text indented by habit, not code: its page shows it as code,
			// but a listener wants its words.
			for _, b := range textParagraphs(code) {
				r.blocks = append(r.blocks, Block{Kind: l.in, Text: b.Text})
			}
			return
		}
		if c := cleanInline(code); hasWordChar(c) {
			r.removed = append(r.removed, Removal{Rule: "markdown:code", Text: c})
		}
	case mdHTML:
		src := strings.Join(l.lines, "\n")
		if l.comment {
			c := strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(src), "<!--")), "-->")
			if c = cleanInline(c); hasWordChar(c) {
				r.removed = append(r.removed, Removal{Rule: "markdown:html-comment", Text: c})
			}
			return
		}
		r.html(src, l.in)
	case mdTable:
		r.table(l)
	}
}

// footnoteLabel is the label that starts a footnote's definition.
var footnoteLabel = regexp.MustCompile(`^\[\^[^\]\s]+\]:\s*`)

// html reads an HTML block the way a page's article is read (blockWalker):
// its paragraphs, lists and tables are blocks, its figures and forms are
// left out.
func (r *mdReader) html(src string, in Kind) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		r.add(in, src)
		return
	}
	body := root
	var find func(n *html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil && body == root; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Body {
				body = c
				return
			}
			find(c)
		}
	}
	find(root)
	w := blockWalker{kind: in, items: newItemSpacer(root), largeTables: r.largeTables}
	w.walk(body, in)
	w.flush()
	r.blocks = append(r.blocks, w.blocks...)
	r.removed = append(r.removed, w.removed...)
	r.warnings = append(r.warnings, w.warnings...)
	r.leftOut += w.leftOut
}

// table reads a table as an HTML table is read: row by row, each row an
// item whose cells are joined with commas, the header row first; a table
// over maxTableRows rows or maxTableCols columns is left out with a
// warning.
func (r *mdReader) table(l mdLeaf) {
	var rows [][]string
	cols := 0
	for _, line := range l.lines {
		var cells []string
		for _, c := range tableCells(line) {
			text, removed := renderInline(strings.ReplaceAll(c, `\|`, "|"), r.defs)
			r.removed = append(r.removed, removed...)
			if text = cleanInline(text); text != "" {
				cells = append(cells, text)
			}
		}
		cols = max(cols, len(cells))
		if len(cells) > 0 {
			rows = append(rows, cells)
		}
	}
	if (len(rows) > maxTableRows || cols > maxTableCols) && !r.largeTables {
		r.leftOut++
		r.warnings = append(r.warnings, largeTableNote(len(rows), cols))
		var all []string
		for _, row := range rows {
			all = append(all, strings.Join(row, ", "))
		}
		r.removed = append(r.removed, Removal{Rule: "markdown:large-table", Text: strings.Join(all, "; ")})
		return
	}
	for _, row := range rows {
		r.blocks = append(r.blocks, Block{Kind: KindItem, Text: strings.Join(row, ", ")})
	}
}

// lineGroups splits a paragraph's lines where the writer broke a line on
// purpose, so that each group is a block: a byline typed under the
// headline, a label above a list ("Key points:"). CommonMark joins a
// paragraph's lines, which renders a byline run into the text below it
// as one paragraph; a listener would hear "By Anna Roth, 3 May 2026 The
// council voted…". A line never breaks on purpose inside a link's text or
// a code span. Otherwise, in a text named Markdown, a break is on purpose
// where the next line does not start in lower case and its first word
// would have fitted on the line (breaksOnPurpose): a hard-wrapped
// paragraph stays whole, and a short line in it stands apart. A text
// guessed to be Markdown may be plain text with a mark or two: its lines
// are joined only where a plain text's are (continuesOn).
func lineGroups(lines []string, guessed bool) [][]string {
	if len(lines) < 2 {
		return [][]string{lines}
	}
	// Markdown is typed in a fixed-width font and wrapped at a column, so
	// the longest line is what fits: a word that would have fitted after
	// a line was left for the next on purpose.
	width := 0
	for _, l := range lines {
		width = max(width, runeLen(strings.TrimSpace(l)))
	}
	plainWidth := width
	if len(lines) >= 3 {
		plainWidth -= width / 10 // as textParagraphs measures
	}
	var out [][]string
	start, open := 0, 0
	for i := 0; i+1 < len(lines); i++ {
		open = max(0, open+spanBalance(lines[i]))
		if open > 0 {
			continue
		}
		split := breaksOnPurpose(lines[i], lines[i+1], width)
		if guessed {
			split = !continuesOn(strings.TrimSpace(lines[i]), strings.TrimSpace(lines[i+1]), plainWidth)
		}
		if split {
			out = append(out, lines[start:i+1])
			start = i + 1
		}
	}
	return append(out, lines[start:])
}

// spanBalance is how many brackets a line opens and leaves open, plus one
// for a code span it leaves open: a break inside a link's text or a code
// span is not one to split at.
func spanBalance(line string) int {
	n := strings.Count(line, "[") - strings.Count(line, "]")
	if strings.Count(line, "`")%2 == 1 {
		n++
	}
	return n
}

// breaksOnPurpose reports whether the break between a paragraph's line
// and the next was typed to set them apart (see lineGroups): the next
// line does not start in lower case, and the line ends in a hard line
// break or the next line's first word would have fitted on it within
// width characters.
func breaksOnPurpose(line, next string, width int) bool {
	hard := strings.HasSuffix(line, "  ") || strings.HasSuffix(line, `\`) && !strings.HasSuffix(line, `\\`)
	l, n := strings.TrimSpace(line), strings.TrimSpace(next)
	start := strings.TrimLeft(n, "*_~`[(\"'“‘«¿¡")
	first, _ := utf8.DecodeRuneInString(start)
	if start == "" || unicode.IsLower(first) {
		return false
	}
	if hard {
		return true
	}
	word, _, _ := strings.Cut(n, " ")
	if isSpaceless(first) {
		word = string(first) // a script without spaces wraps anywhere
	}
	return runeLen(l)+1+runeLen(word) <= width
}

// readsAsProse reports whether an indented code block is text indented
// by habit (a paragraph indented with a tab): words, a sentence's end,
// and hardly a character that code uses and prose does not.
func readsAsProse(code string) bool {
	if wordCount(code) < 6 || !endsSentence(strings.TrimSpace(code)) {
		return false
	}
	codeChars, chars := 0, 0
	for _, r := range code {
		if unicode.IsSpace(r) {
			continue
		}
		chars++
		if strings.ContainsRune("{}[]<>=;|`\\_*#$@^~", r) {
			codeChars++
		}
	}
	return codeChars*20 < chars
}

// takeLeadByline reads the line right under the title when it says who
// wrote the article, and maybe when, after a separator: "By Anna Roth",
// "By Anna Roth | 3 May 2026", "Von Anna Roth · 3. Mai 2026" (see
// bylineLine). The line becomes the byline, its date the published date,
// unless the byline is known and the line names someone else: then it is
// text. It returns the names the byline joins (names when it is not
// from the line).
func takeLeadByline(d *Draft, names []string) []string {
	if len(d.Blocks) == 0 || d.Blocks[0].Kind != KindParagraph {
		return names
	}
	s := d.Blocks[0].Text
	found, date, ok := bylineLine(s)
	if !ok || d.Byline != "" && nameKey(joinNames(found, "")) != nameKey(d.Byline) {
		return names
	}
	if d.Byline == "" {
		d.Byline, names = joinNames(found, ""), found
	}
	if date != nil && d.Published == nil {
		d.Published = date
	}
	d.Removed = append(d.Removed, Removal{Rule: "lead-byline", Text: s, Into: IntoByline})
	d.Blocks = d.Blocks[1:]
	return names
}

// bylineSep separates a byline's name from the date after it.
var bylineSep = regexp.MustCompile(`\s*[|·•]\s*|\s+[–—-]\s+`)

// bylineLine reads a byline: "By" (or its word in another language, or
// "Author:") and one to four names, then, after "|", "·", "•", a dash or
// a comma, a date. Every name must look like a name and every other part
// be a date, or it is not a byline ("By the way, the bridge…").
func bylineLine(s string) (names []string, date *time.Time, ok bool) {
	if len(s) > 160 || !byPrefix.MatchString(s) || endsSentence(s) && !strings.HasSuffix(s, ".") {
		return nil, nil, false
	}
	parts := bylineSep.Split(s, -1)
	// "By Anna Roth, 3 May 2026": a date after the last comma.
	if i := strings.LastIndex(parts[0], ","); i > 0 && classifyDateLine(strings.TrimSpace(parts[0][i+1:])) != notDateLine {
		parts = append([]string{parts[0][:i], parts[0][i+1:]}, parts[1:]...)
	}
	names = cleanByline(parts[:1])
	if len(names) == 0 || len(names) > 4 {
		return nil, nil, false
	}
	for _, n := range names {
		if !looksLikeName(n) {
			return nil, nil, false
		}
	}
	for _, p := range parts[1:] {
		p = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p), "."))
		if p == "" {
			continue
		}
		if classifyDateLine(p) == notDateLine {
			if _, ok := parseDateLine(p); !ok {
				return nil, nil, false
			}
		}
		if t, ok := parseDateLine(p); ok && date == nil {
			date = &t
		}
	}
	return names, date, true
}

// markdownExts are the file name extensions of Markdown.
var markdownExts = setOf(".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".mdtxt", ".mdtext")

// isMarkdownName reports whether a file name or URL path names a
// Markdown file.
func isMarkdownName(name string) bool {
	if i := strings.IndexAny(name, "?#"); i >= 0 && strings.Contains(name, "://") {
		name = name[:i]
	}
	return markdownExts[strings.ToLower(filepath.Ext(name))]
}

// Markdown's marks, for telling a Markdown text from plain text. Some
// are Markdown's alone (a "# " heading, a fence, a link, a table's
// delimiter row, bold, a code span); others are written in plain text
// too (a "- " list, "1. " items, "> " quoted mail).
var (
	mdSniffLink  = regexp.MustCompile(`!?\[[^\[\]\n]+\]\([^()\s]+(?:\s+"[^"\n]*")?\)`)
	mdSniffBold  = regexp.MustCompile(`\*\*[^*\s][^*\n]*\*\*|(?:^|\s)__[^_\s][^_\n]*__`)
	mdSniffCode  = regexp.MustCompile("`[^`\\n]+`")
	mdSniffRef   = regexp.MustCompile(`^ {0,3}\[[^\]\n]+\]:\s+\S`)
	mdSniffTable = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$`)
)

// looksLikeMarkdown reports whether text is clearly written in Markdown,
// from its first 64 KB: front matter, or a fenced code block, or marks of
// two kinds at least one of which is Markdown's alone (a "# " heading and
// a "- " list), or three of Markdown's own marks. A plain text that
// starts a line with "-" or "#1", or quotes mail with ">", is not; nor is
// one whose only mark of Markdown's own is a single pair of backticks or
// of "**" (an apostrophe typed as a backtick, Python's "**kwargs").
func looksLikeMarkdown(text string) bool {
	if len(text) > 64<<10 {
		text = text[:64<<10]
	}
	if fm, _ := splitFrontMatter(strings.ReplaceAll(text, "\r\n", "\n")); fm != nil {
		return true
	}
	m := markdownMarks(text)
	if m.fences >= 2 {
		return true
	}
	own, count := 0, 0
	for name, n := range m.own {
		count += n
		if n >= 2 || name != "code" && name != "bold" {
			own++
		}
	}
	return own > 0 && (len(m.own)+len(m.other) >= 2 || count >= 3)
}

// mdMarks counts the Markdown marks of a text by kind: Markdown's own
// (how many times each shows), and those plain text shares.
type mdMarks struct {
	own    map[string]int
	other  map[string]bool
	fences int
}

func markdownMarks(text string) mdMarks {
	m := mdMarks{own: map[string]int{}, other: map[string]bool{}}
	prev := ""
	for line := range strings.Lines(text) {
		line = strings.TrimRight(line, "\r\n")
		t := strings.TrimLeft(line, " ")
		indented := len(line)-len(t) >= 4
		switch {
		case indented || t == "":
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			m.fences++
		case mdHeadingSniff(t):
			m.own["heading"]++
		case prev != "" && strings.Trim(t, "=") == "" && len(t) >= 3:
			m.own["heading"]++
		case prev != "" && strings.Contains(prev, "|") && mdSniffTable.MatchString(t):
			m.own["table"]++
		case mdSniffRef.MatchString(line):
			m.own["ref"]++
		case strings.HasPrefix(t, "> "):
			m.other["quote"] = true
		default:
			if lm, ok := listMarker(t); ok && !lm.empty && !thematicBreak(t) {
				m.other["list"] = true
			}
		}
		if !indented {
			for name, re := range map[string]*regexp.Regexp{"link": mdSniffLink, "bold": mdSniffBold, "code": mdSniffCode} {
				if n := len(re.FindAllStringIndex(t, -1)); n > 0 {
					m.own[name] += n
				}
			}
		}
		prev = strings.TrimSpace(line)
	}
	return m
}

// mdHeadingSniff reports whether t is an ATX heading with text: "# Title",
// not "#1" or "#hashtag".
func mdHeadingSniff(t string) bool {
	_, text, ok := atxHeading(t)
	return ok && hasLetters(text, 2)
}
