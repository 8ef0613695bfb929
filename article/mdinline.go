package article

import (
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Inline Markdown, read as the words a reader of the rendered page sees:
// emphasis, strikethrough and code spans give their words, a link its
// text, an autolink its address; images, footnote references, HTML tags
// and comments give nothing (an image's alt text and a comment's words
// are listed as removed). Backslash escapes and entities give their
// characters.
//
// The reader works in passes over one block's text, each of bounded cost
// per byte: escapes; code spans, autolinks and HTML (which nothing else
// may cut), matching backtick runs through an index of runs by length;
// brackets, matched with a stack; links, whose destinations are scanned
// at most mdMaxDest bytes and 32 parentheses deep; emphasis, matched
// with a stack per delimiter; then the text.

// Bounds on what one construct may span: past them it is text.
const (
	mdMaxDest = 4096 // a link destination
	mdMaxTag  = 1024 // an HTML tag
)

// mdAtom is a code span, autolink or piece of HTML: [start, end) of the
// text, read as text.
type mdAtom struct {
	start, end int
	text       string
}

// mdSkip says that reading at `at` resumes at `to` (a link's "](url)",
// an image, a footnote reference).
type mdSkip struct{ at, to int }

// mdInline is one block's inline text being read.
type mdInline struct {
	s    string
	defs map[string]bool
	esc  []bool // the character is backslash-escaped
	drop []bool // the character is markup, not read
	// cut marks what a link's destination or an image covers: no bracket
	// or emphasis there is markup.
	cut     []bool
	atoms   []mdAtom
	skips   []mdSkip
	removed []Removal
	next    map[byte]*nextAt
	finds   map[string]*nextAt
}

// nextAt caches where the next unescaped occurrence of a character is
// from some position, so that repeated searches cost once.
type nextAt struct{ from, at int }

// renderInline returns the text of Markdown inline content s (with "\n"
// at its line breaks) and what of it is not read. defs are the labels of
// the document's link reference definitions.
func renderInline(s string, defs map[string]bool) (string, []Removal) {
	r := &mdInline{s: s, defs: defs, esc: make([]bool, len(s)+1), drop: make([]bool, len(s)+1),
		cut: make([]bool, len(s)+1), next: map[byte]*nextAt{}, finds: map[string]*nextAt{}}
	r.escapes()
	r.findAtoms()
	r.links(r.brackets())
	r.emphasis()
	return r.text(), r.removed
}

// escapes marks the characters a backslash escapes, and drops the
// backslash.
func (r *mdInline) escapes() {
	s := r.s
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '\\' && isASCIIPunct(s[i+1]) {
			r.drop[i], r.esc[i+1] = true, true
			i++
		}
	}
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// findAtoms finds the code spans, autolinks, HTML tags and comments, left
// to right: whichever starts first wins.
func (r *mdInline) findAtoms() {
	s := r.s
	// Backtick runs by length, for finding the run that closes a span.
	runs := map[int][]int{}
	for i := 0; i < len(s); {
		if s[i] != '`' || r.esc[i] {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '`' {
			j++
		}
		runs[j-i] = append(runs[j-i], i)
		i = j
	}
	cursor := map[int]int{}
	for i := 0; i < len(s); {
		switch {
		case r.esc[i]:
			i++
		case s[i] == '`':
			j := i
			for j < len(s) && s[j] == '`' {
				j++
			}
			n, list := j-i, runs[j-i]
			c := cursor[n]
			for c < len(list) && list[c] <= i {
				c++
			}
			cursor[n] = c
			if c == len(list) {
				i = j // no closing run: the backticks are text
				continue
			}
			end := list[c]
			r.atoms = append(r.atoms, mdAtom{i, end + n, codeSpanText(s[j:end])})
			i = end + n
		case s[i] == '<':
			if a, ok := r.angle(i); ok {
				r.atoms = append(r.atoms, a)
				i = a.end
				continue
			}
			i++
		case s[i] == '{' && i+1 < len(s) && (s[i+1] == '{' || s[i+1] == '%'):
			if end := r.templateEnd(i); end > 0 {
				r.atoms = append(r.atoms, mdAtom{start: i, end: end})
				i = end
				continue
			}
			i++
		default:
			i++
		}
	}
}

// codeSpanText is what a code span reads: its line breaks are spaces, and
// one space inside each backtick run is not its text.
func codeSpanText(c string) string {
	c = strings.ReplaceAll(c, "\n", " ")
	if len(c) >= 2 && c[0] == ' ' && c[len(c)-1] == ' ' && strings.Trim(c, " ") != "" {
		c = c[1 : len(c)-1]
	}
	return c
}

// angle reads what starts with "<" at i: an autolink (its address is
// read), a comment (listed as removed), another piece of HTML (not read;
// <br> is a line break).
func (r *mdInline) angle(i int) (mdAtom, bool) {
	s := r.s
	rest := s[i+1:]
	if strings.HasPrefix(rest, "!--") {
		from := i + 4
		if strings.HasPrefix(s[from:], ">") || strings.HasPrefix(s[from:], "->") {
			return mdAtom{start: i, end: strings.IndexByte(s[from:], '>') + from + 1}, true
		}
		end := r.find("-->", from)
		if end < 0 {
			return mdAtom{}, false
		}
		if c := cleanInline(s[from:end]); hasWordChar(c) {
			r.removed = append(r.removed, Removal{Rule: "markdown:html-comment", Text: c})
		}
		return mdAtom{start: i, end: end + 3}, true
	}
	for _, pair := range [][2]string{{"?", "?>"}, {"![CDATA[", "]]>"}} {
		if strings.HasPrefix(rest, pair[0]) {
			if end := r.find(pair[1], i+1+len(pair[0])); end >= 0 {
				return mdAtom{start: i, end: end + len(pair[1])}, true
			}
			return mdAtom{}, false
		}
	}
	if len(rest) > 1 && rest[0] == '!' && isASCIILetter(rest[1]) {
		if end := r.find(">", i+2); end >= 0 {
			return mdAtom{start: i, end: end + 1}, true
		}
		return mdAtom{}, false
	}
	if end := autolinkEnd(s, i); end > 0 {
		return mdAtom{i, end, strings.TrimPrefix(s[i+1:end-1], "mailto:")}, true
	}
	if end := htmlTagEnd(s, i); end > 0 {
		a := mdAtom{start: i, end: end}
		name := strings.ToLower(strings.TrimLeft(s[i+1:end], "/"))
		if strings.HasPrefix(name, "br") && (len(name) == 2 || !isASCIILetter(name[2]) && (name[2] < '0' || name[2] > '9')) {
			a.text = "\n"
		}
		return a, true
	}
	return mdAtom{}, false
}

// templateEnd returns where a static-site generator's tag starting at
// i ends, or 0: a Hugo shortcode ("{{< figure src=x >}}", "{{% note %}}"),
// a Liquid tag ("{% include x.html %}") or a template value ("{{
// page.title }}"), which the site replaces when it builds the page. Its
// words are listed as removed.
func (r *mdInline) templateEnd(i int) int {
	s := r.s
	for _, pair := range [][2]string{{"{{<", ">}}"}, {"{{%", "%}}"}, {"{%", "%}"}, {"{{", "}}"}} {
		if !strings.HasPrefix(s[i:], pair[0]) {
			continue
		}
		from := i + len(pair[0])
		end := r.find(pair[1], from)
		if end < 0 || strings.Contains(s[from:end], "\n\n") {
			return 0
		}
		if c := cleanInline(s[from:end]); hasWordChar(c) {
			r.removed = append(r.removed, Removal{Rule: "markdown:template", Text: c})
		}
		return end + len(pair[1])
	}
	return 0
}

// find returns where sub next occurs at or after from, or -1. A search
// that starts further on reuses the last answer while it stands.
func (r *mdInline) find(sub string, from int) int {
	c := r.finds[sub]
	if c != nil && c.from <= from && (c.at < 0 || c.at >= from) {
		return c.at
	}
	at := strings.Index(r.s[from:], sub)
	if at >= 0 {
		at += from
	}
	r.finds[sub] = &nextAt{from, at}
	return at
}

// nextUnescaped returns where byte b next occurs unescaped at or after
// from, or -1, reusing the last search while it stands: the searches
// from one block cost, together, about one pass over it.
func (r *mdInline) nextUnescaped(b byte, from int) int {
	c := r.next[b]
	if c != nil && c.from <= from && (c.at < 0 || c.at >= from) {
		return c.at
	}
	at := -1
	for k := from; k < len(r.s); {
		i := strings.IndexByte(r.s[k:], b)
		if i < 0 {
			break
		}
		if k += i; !r.esc[k] {
			at = k
			break
		}
		k++
	}
	r.next[b] = &nextAt{from, at}
	return at
}

// autolinkEnd returns where an autolink starting at i ends ("<https://…>",
// "<name@example.org>"), or 0.
func autolinkEnd(s string, i int) int {
	j := i + 1
	n := 0
	for j < len(s) && j-i < 34 && (isASCIILetter(s[j]) || n > 0 && (s[j] >= '0' && s[j] <= '9' || s[j] == '+' || s[j] == '.' || s[j] == '-')) {
		j++
		n++
	}
	if n >= 2 && j < len(s) && s[j] == ':' {
		for j++; j < len(s) && j-i < 2048; j++ {
			switch c := s[j]; {
			case c == '>':
				return j + 1
			case c <= ' ' || c == '<':
				return 0
			}
		}
		return 0
	}
	// An e-mail address.
	at := false
	for j = i + 1; j < len(s) && j-i < 320; j++ {
		c := s[j]
		switch {
		case c == '>':
			if at && s[j-1] != '@' && j > i+1 {
				return j + 1
			}
			return 0
		case c == '@':
			if at || j == i+1 {
				return 0
			}
			at = true
		case isASCIILetter(c), c >= '0' && c <= '9', c == '.', c == '-':
		case !at && strings.IndexByte("!#$%&'*+/=?^_`{|}~", c) >= 0:
		default:
			return 0
		}
	}
	return 0
}

// htmlTagEnd returns where an HTML open or closing tag starting at i
// ends (after its ">"), or 0: `<name attr="v" attr2=v attr3>`,
// `</name >`, within mdMaxTag bytes.
func htmlTagEnd(s string, i int) int {
	lim := min(len(s), i+mdMaxTag)
	j := i + 1
	closing := j < lim && s[j] == '/'
	if closing {
		j++
	}
	if j >= lim || !isASCIILetter(s[j]) {
		return 0
	}
	for j < lim && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '-') {
		j++
	}
	space := func() bool {
		k := j
		for j < lim && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
			j++
		}
		return j > k
	}
	if closing {
		space()
		if j < lim && s[j] == '>' {
			return j + 1
		}
		return 0
	}
	for {
		sp := space()
		if j >= lim {
			return 0
		}
		switch {
		case s[j] == '>':
			return j + 1
		case s[j] == '/':
			if j+1 < lim && s[j+1] == '>' {
				return j + 2
			}
			return 0
		case !sp:
			return 0
		}
		// An attribute: a name, and maybe "=" and a value.
		if c := s[j]; !isASCIILetter(c) && c != '_' && c != ':' {
			return 0
		}
		for j < lim && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9' || strings.IndexByte("_.:-", s[j]) >= 0) {
			j++
		}
		k := j
		space()
		if j >= lim || s[j] != '=' {
			j = k
			continue
		}
		j++
		space()
		if j >= lim {
			return 0
		}
		switch q := s[j]; q {
		case '"', '\'':
			e := strings.IndexByte(s[j+1:lim], q)
			if e < 0 {
				return 0
			}
			j += e + 2
		default:
			k := j
			for j < lim && strings.IndexByte(" \t\n\"'=<>`", s[j]) < 0 {
				j++
			}
			if j == k {
				return 0
			}
		}
	}
}

// atomAt walks a sorted list of atoms: the atom that starts at i, if any,
// with k the index of the first atom not before i.
func (r *mdInline) atomAt(k *int, i int) (mdAtom, bool) {
	for *k < len(r.atoms) && r.atoms[*k].start < i {
		*k++
	}
	if *k < len(r.atoms) && r.atoms[*k].start == i {
		return r.atoms[*k], true
	}
	return mdAtom{}, false
}

// brackets matches "[" with "]" outside atoms: the opening brackets in
// order, and where each closes.
func (r *mdInline) brackets() (openers []int, close map[int]int) {
	close = map[int]int{}
	var stack []int
	k := 0
	for i := 0; i < len(r.s); {
		if a, ok := r.atomAt(&k, i); ok {
			i = a.end
			continue
		}
		if !r.esc[i] {
			switch r.s[i] {
			case '[':
				stack = append(stack, i)
				openers = append(openers, i)
			case ']':
				if len(stack) > 0 {
					close[stack[len(stack)-1]] = i
					stack = stack[:len(stack)-1]
				}
			}
		}
		i++
	}
	return openers, close
}

// links reads each bracket pair that makes a link, an image or a
// footnote reference.
func (r *mdInline) links(openers []int, close map[int]int) {
	s := r.s
	for _, p := range openers {
		c, ok := close[p]
		if !ok || r.cut[p] {
			continue
		}
		if s[p+1] == '^' && c > p+2 && !strings.ContainsAny(s[p+1:c], " \t\n") {
			r.skips = append(r.skips, mdSkip{p, c + 1}) // a footnote reference: a number
			r.cutRange(p, c+1)
			continue
		}
		end := -1
		e := c + 1
		if e < len(s) && s[e] == '(' {
			end = r.inlineLinkEnd(e)
		}
		if end < 0 && e < len(s) && s[e] == '[' {
			if c2, ok := close[e]; ok {
				label := s[e+1 : c2]
				if strings.TrimSpace(label) == "" {
					label = s[p+1 : c]
				}
				if r.defs[mdLabel(label)] {
					end = c2 + 1
				}
			}
		}
		if end < 0 && r.defs[mdLabel(s[p+1:c])] {
			end = c + 1
		}
		if end < 0 {
			continue
		}
		if p > 0 && s[p-1] == '!' && !r.esc[p-1] && !r.drop[p-1] {
			// An image is not read; its alt text is listed as removed.
			if alt := cleanInline(strings.Map(func(r rune) rune {
				if strings.ContainsRune("*_`[]!~", r) {
					return ' '
				}
				return r
			}, s[p+1:c])); hasWordChar(alt) {
				r.removed = append(r.removed, Removal{Rule: "markdown:image", Text: alt})
			}
			r.skips = append(r.skips, mdSkip{p - 1, end})
			r.cutRange(p-1, end)
			continue
		}
		r.drop[p] = true
		r.skips = append(r.skips, mdSkip{c, end})
		r.cutRange(c, end)
	}
	slices.SortFunc(r.skips, func(a, b mdSkip) int { return a.at - b.at })
}

func (r *mdInline) cutRange(from, to int) {
	for i := from; i < to; i++ {
		r.cut[i] = true
	}
}

// inlineLinkEnd reads "(destination "title")" at e and returns where it
// ends, or -1.
func (r *mdInline) inlineLinkEnd(e int) int {
	s := r.s
	j := skipLinkSpace(s, e+1)
	if j < len(s) && s[j] == ')' {
		return j + 1
	}
	if j >= len(s) {
		return -1
	}
	if s[j] == '<' {
		k := j + 1
		for ; k < len(s) && k-j < mdMaxDest; k++ {
			if s[k] == '\n' || s[k] == '<' && !r.esc[k] {
				return -1
			}
			if s[k] == '>' && !r.esc[k] {
				break
			}
		}
		if k >= len(s) || s[k] != '>' {
			return -1
		}
		j = k + 1
	} else {
		start, depth := j, 0
	dest:
		for ; j < len(s); j++ {
			if j-start >= mdMaxDest {
				return -1
			}
			switch c := s[j]; {
			case r.esc[j]:
			case c <= ' ':
				break dest
			case c == '(':
				if depth++; depth > 32 {
					return -1
				}
			case c == ')':
				if depth == 0 {
					break dest
				}
				depth--
			}
		}
		if depth != 0 {
			return -1
		}
	}
	k := skipLinkSpace(s, j)
	if k < len(s) && s[k] == ')' {
		return k + 1
	}
	if k == j || k >= len(s) {
		return -1
	}
	closer := s[k]
	switch closer {
	case '"', '\'':
	case '(':
		closer = ')'
	default:
		return -1
	}
	t := r.nextUnescaped(closer, k+1)
	if t < 0 {
		return -1
	}
	if k = skipLinkSpace(s, t+1); k < len(s) && s[k] == ')' {
		return k + 1
	}
	return -1
}

// skipLinkSpace skips spaces, tabs and at most one line break.
func skipLinkSpace(s string, j int) int {
	nl := false
	for j < len(s) {
		switch s[j] {
		case ' ', '\t':
		case '\n':
			if nl {
				return j
			}
			nl = true
		default:
			return j
		}
		j++
	}
	return j
}

// emphasis drops the delimiter runs of "*", "_" and "~" that open and
// close emphasis or strikethrough (CommonMark's flanking rules; a run
// closes the nearest open one of its character). A run that matches
// nothing is text: "5 * 3", "snake_case", "~5 km".
func (r *mdInline) emphasis() {
	s := r.s
	type run struct{ start, end int }
	open := map[byte][]run{}
	k := 0
	for i := 0; i < len(s); {
		if a, ok := r.atomAt(&k, i); ok {
			i = a.end
			continue
		}
		c := s[i]
		if r.cut[i] || r.esc[i] || (c != '*' && c != '_' && c != '~') {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == c && !r.esc[j] {
			j++
		}
		before, after := ' ', ' '
		if i > 0 {
			before, _ = utf8.DecodeLastRuneInString(s[:i])
		}
		if j < len(s) {
			after, _ = utf8.DecodeRuneInString(s[j:])
		}
		left := !unicode.IsSpace(after) && (!isPunctRune(after) || unicode.IsSpace(before) || isPunctRune(before))
		right := !unicode.IsSpace(before) && (!isPunctRune(before) || unicode.IsSpace(after) || isPunctRune(after))
		canOpen, canClose := left, right
		if c == '_' {
			canOpen = left && (!right || isPunctRune(before))
			canClose = right && (!left || isPunctRune(after))
		}
		if c == '~' && j-i > 2 {
			canOpen, canClose = false, false
		}
		if st := open[c]; canClose && len(st) > 0 {
			o := st[len(st)-1]
			open[c] = st[:len(st)-1]
			for x := o.start; x < o.end; x++ {
				r.drop[x] = true
			}
			for x := i; x < j; x++ {
				r.drop[x] = true
			}
		} else if canOpen {
			open[c] = append(open[c], run{i, j})
		}
		i = j
	}
}

func isPunctRune(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// text reads the block: atoms give their text, skips jump, markup is
// dropped, escapes and entities give their characters.
func (r *mdInline) text() string {
	s := r.s
	var sb strings.Builder
	sb.Grow(len(s))
	k, sk := 0, 0
	for i := 0; i < len(s); {
		for sk < len(r.skips) && r.skips[sk].at < i {
			sk++
		}
		if sk < len(r.skips) && r.skips[sk].at == i {
			i = r.skips[sk].to
			continue
		}
		if a, ok := r.atomAt(&k, i); ok {
			sb.WriteString(a.text)
			i = a.end
			continue
		}
		if r.drop[i] {
			i++
			continue
		}
		c := s[i]
		if c == '\\' && i+1 < len(s) && s[i+1] == '\n' {
			i++ // a hard line break
			continue
		}
		if c == '&' && !r.esc[i] {
			if n := entityLen(s[i:]); n > 0 {
				sb.WriteString(html.UnescapeString(s[i : i+n]))
				i += n
				continue
			}
		}
		sb.WriteByte(c)
		i++
	}
	return sb.String()
}

// entityLen is the length of the entity reference that starts s ("&amp;",
// "&#39;", "&#x2014;"), or 0.
func entityLen(s string) int {
	if len(s) < 3 || s[0] != '&' {
		return 0
	}
	i := 1
	digits := func(ok func(byte) bool, max int) bool {
		n := 0
		for i < len(s) && n <= max && ok(s[i]) {
			i++
			n++
		}
		return n >= 1 && n <= max
	}
	dec := func(c byte) bool { return c >= '0' && c <= '9' }
	hex := func(c byte) bool { return dec(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }
	alnum := func(c byte) bool { return dec(c) || isASCIILetter(c) }
	switch {
	case s[i] == '#' && i+1 < len(s) && (s[i+1] == 'x' || s[i+1] == 'X'):
		i += 2
		if !digits(hex, 6) {
			return 0
		}
	case s[i] == '#':
		i++
		if !digits(dec, 7) {
			return 0
		}
	case isASCIILetter(s[i]):
		if !digits(alnum, 32) {
			return 0
		}
	default:
		return 0
	}
	if i < len(s) && s[i] == ';' {
		return i + 1
	}
	return 0
}
