package article

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageByline finds who wrote a page, from the most to the least
// structured source: JSON-LD `author`, <meta name="author"> and its
// cousins, then elements marked itemprop=author, then rel=author links,
// then an element whose class names a byline, then a link to an author's
// page beside the article's date. It returns "" when none
// gives a name (the caller then falls back to the extractor's guess).
// Names are cleaned by cleanByline, and joined by the caller once the
// article's language is known (joinNames).
//
// The meta tags are alternatives, not co-authors: the first name in
// metaAuthorKeys' order wins, so a CMS's placeholder under one name does
// not join the real author under another. itemprop=author comes before
// rel=author because microdata describes the page's own article, while
// rel=author is also on every teaser's author link in the lists around it.
func pageByline(root *html.Node) []string {
	var ld, itemprop, rel, hinted, linked []string
	meta := map[metaSource][]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case nodeAtom(n) == atom.Script && strings.Contains(strings.ToLower(attr(n, "type")), "ld+json"):
				if n.FirstChild != nil {
					ld = append(ld, jsonLDAuthors(n.FirstChild.Data)...)
				}
				return
			case nodeAtom(n) == atom.Meta:
				v := authorLink.ReplaceAllString(attr(n, "content"), "")
				if v == "" || strings.Contains(v, "://") {
					break
				}
				// property may hold several space-separated names
				// ("dc:creator twitter:site_name").
				for i, names := range []string{attr(n, "property"), attr(n, "name")} {
					for _, key := range strings.Fields(strings.ToLower(names)) {
						if k := metaKey(key); k != "" {
							if strings.HasPrefix(k, "dc") {
								v = uninvertNames(v)
							}
							meta[metaSource{k, i == 0}] = append(meta[metaSource{k, i == 0}], v)
						}
					}
				}
			case isBylineClass(attr(n, "class")) && nodeAtom(n) != atom.Body && nodeAtom(n) != atom.Article:
				if t := bylineBoxText(n); len(t) <= 100 {
					hinted = append(hinted, t)
				}
			case isBylineClassIntl(n) && nodeAtom(n) != atom.Body && nodeAtom(n) != atom.Article:
				// A word in the page's language names the box: only
				// names, or names after a byline's word, are taken
				// from it.
				if t := bylineBoxText(n); len(t) <= 100 {
					if names, ok := namesAfterBy(t); ok {
						hinted = append(hinted, names)
					} else if onlyNames(t) || len(strings.Fields(t)) == 1 {
						hinted = append(hinted, t)
					}
				}
			case nodeAtom(n) == atom.A && len(linked) == 0 && authorPath.MatchString(attr(n, "href")) && besideDate(n):
				linked = append(linked, textOf(n))
			case attr(n, "rel") == "author" || strings.Contains(attr(n, "itemprop"), "author"):
				list := &rel
				if strings.Contains(attr(n, "itemprop"), "author") {
					list = &itemprop
				}
				if nodeAtom(n) != atom.Link && nodeAtom(n) != atom.Meta {
					*list = append(*list, authorText(n))
				} else if v := attr(n, "content"); v != "" && !strings.Contains(v, "://") {
					*list = append(*list, v)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	cands := [][]string{ld}
	for _, k := range metaAuthorKeys {
		// One field spelled as a property and as a name is said twice,
		// not by two people: the property (RDFa, Open Graph) wins.
		if v := meta[metaSource{k, true}]; len(v) > 0 {
			cands = append(cands, v)
		} else {
			cands = append(cands, meta[metaSource{k, false}])
		}
	}
	cands = append(cands, itemprop, rel, hinted[:min(len(hinted), 1)], linked)
	for _, names := range cands {
		if b := cleanByline(names); len(b) > 0 {
			return b
		}
	}
	return nil
}

// authorPath is the path of a link to an author's page, in the words
// sites use for it ("/autor/ioana-popescu", "/yazar/mehmet-yildiz",
// "/author/jane-doe").
var authorPath = regexp.MustCompile(`(?i)^(?:https?://[^/]+)?/(?:[^?#]*/)?(?:authors?|autor(?:en|i|es)?|autore|auteurs?|yazar(?:lar)?|szerzo[k]?|forfatter(?:e)?|journalist(?:en)?)/[^/?#]+/?(?:[?#].*)?$`)

// besideDate reports whether the link n stands in one element with a
// date (a <time>), as a byline's author link does: the block that holds
// it, or the block around that, holds a <time> too.
func besideDate(n *html.Node) bool {
	p := n.Parent
	for range 2 {
		if p == nil {
			return false
		}
		if len(findElements(p, func(c *html.Node) bool { return nodeAtom(c) == atom.Time })) > 0 {
			return true
		}
		p = p.Parent
	}
	return false
}

// metaSource is a meta author field and whether it came as a property
// (<meta property=…>) or a name (<meta name=…>).
type metaSource struct {
	key      string
	property bool
}

// metaAuthorKeys are the meta names and properties that hold the author,
// most specific first: Dublin Core's creator is set on purpose, while
// "author" is often a CMS default.
var metaAuthorKeys = []string{"dc.creator", "dcterms.creator", "author", "article:author", "parsely-author", "sailthru.author", "byl"}

// uninvertNames turns Dublin Core creators written surname first, as its
// guidelines ask ("Jong, Michiel de", "Kooman, F."; several separated by
// semicolons), into the order they are spoken ("Michiel de Jong"). A name
// with more than one comma or a word for "and", or whose part before the
// comma has two words and after it more than initials ("Anna Weber, Jan
// Roth": two people), is left as it is.
func uninvertNames(v string) string {
	parts := strings.Split(v, ";")
	for i, p := range parts {
		parts[i] = uninvertName(p)
	}
	return strings.Join(parts, "; ")
}

// onlyInitials matches given names written as initials only ("F.", "J. R.").
var onlyInitials = regexp.MustCompile(`^(?:\p{Lu}\.\s*)+$`)

func uninvertName(v string) string {
	surname, given, ok := strings.Cut(v, ",")
	surname, given = strings.TrimSpace(surname), strings.TrimSpace(given)
	if !ok || strings.ContainsAny(given, ",&|") || surname == "" || given == "" ||
		(len(strings.Fields(surname)) > 1 && !onlyInitials.MatchString(given)) || nameSep.MatchString(" "+given+" ") || suffixOrDegree.MatchString(given) {
		return strings.TrimSpace(v)
	}
	return given + " " + surname
}

// metaKey folds a meta name or property to its metaAuthorKeys spelling
// ("DC:Creator", "dcterm:creator"), or "" if it names no author.
func metaKey(key string) string {
	key = strings.ReplaceAll(key, ":", ".")
	if key == "dcterm.creator" {
		key = "dcterms.creator"
	}
	if key == "article.author" {
		key = "article:author"
	}
	for _, k := range metaAuthorKeys {
		if k == key {
			return k
		}
	}
	return ""
}

// bylineBoxText is the text of an element whose class names it the
// byline. When the element sets out its pieces as elements of their own
// and exactly one is a full name, the others single words or dates ("<span>Carmen
// Vidal</span><span>Sevilla</span><time>06 dic 2026</time>"), it is that
// name: the place the story was written in, or a label, joined to it
// was read as part of the name ("Por Carmen Vidal Sevilla").
func bylineBoxText(n *html.Node) string {
	var pieces []string
	labels := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			pieces = append(pieces, strings.TrimSpace(c.Data))
		case c.Type == html.ElementNode && nodeAtom(c) != atom.Script && nodeAtom(c) != atom.Style:
			if t := textOf(c); t != "" && (nodeAtom(c) == atom.Time || isBylineLabel(attr(c, "class"))) {
				labels++ // a date, a section: no one's name
			} else if t != "" {
				pieces = append(pieces, t)
			}
		}
	}
	name := ""
	for _, p := range pieces {
		switch {
		case len(strings.Fields(p)) >= 2 && !strings.ContainsFunc(p, unicode.IsDigit) && looksLikeName(byPrefix.ReplaceAllString(p, "")):
			if name != "" {
				return textOf(n) // two names: both authors
			}
			name = p
		case len(strings.Fields(p)) == 1 || strings.ContainsFunc(p, unicode.IsDigit) || byPrefix.MatchString(p+" "):
		default:
			return textOf(n)
		}
	}
	switch {
	case name == "" && labels > 0 && !slices.ContainsFunc(pieces, func(p string) bool { return strings.ContainsFunc(p, unicode.IsLetter) }):
		return "" // a date and a section, and no name
	case name == "" || len(pieces)+labels < 2:
		return textOf(n)
	}
	return name
}

// isBylineLabel reports whether class is that of a byline box's piece
// that holds no name: its date, its section or category, its separator
// ("byline__release-date", "byline__category"), and not its author's
// ("byline__author-section").
func isBylineLabel(class string) bool {
	return bylineLabelClass.MatchString(class) && !bylineNameClass.MatchString(class)
}

var (
	bylineLabelClass = regexp.MustCompile(`(?i)date|time|category|categories|section|rubri|ressort|topic|separator|divider`)
	bylineNameClass  = regexp.MustCompile(`(?i)author|name|writer|autor|auteur|firma`)
)

// authorText is the name inside an author element: its itemprop=name
// part when it has one, else its text.
func authorText(n *html.Node) string {
	var name string
	var find func(*html.Node)
	find = func(c *html.Node) {
		if name != "" {
			return
		}
		if c.Type == html.ElementNode && attr(c, "itemprop") == "name" {
			if v := attr(c, "content"); v != "" {
				name = v
			} else {
				name = textOf(c)
			}
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			find(k)
		}
	}
	find(n)
	if name == "" {
		name = textOf(n)
	}
	return name
}

func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		switch {
		case c.Type == html.TextNode:
			sb.WriteString(c.Data)
			sb.WriteByte(' ')
		case c.Type == html.ElementNode && (nodeAtom(c) == atom.Script || nodeAtom(c) == atom.Style):
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return cleanInline(sb.String())
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

// jsonLDAuthors returns the author names of the article objects in a
// JSON-LD script (a single object, an array or an @graph).
func jsonLDAuthors(src string) []string {
	var v any
	src = strings.TrimSpace(src)
	// Some CMSs wrap the JSON in a CDATA section or an HTML comment.
	for _, w := range [][2]string{{"<![CDATA[", "]]>"}, {"<!--", "-->"}} {
		src = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(src, w[0]), w[1]))
	}
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return nil
	}
	var out []string
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 6 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if a, ok := x["author"]; ok && len(out) == 0 && !othersWords(x) {
				out = append(out, personNames(a)...)
			}
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
		}
	}
	visit(v, 0)
	return out
}

// othersWords reports whether a JSON-LD object is words of someone other
// than the page's writer: a comment or an answer, a customer's review of
// a shop's product or of a business ("itemReviewed" a Product, a
// LocalBusiness…). A critic's review of a film or a book is the page's.
func othersWords(x map[string]any) bool {
	isAny := func(x map[string]any, types ...string) bool {
		return slices.ContainsFunc(types, func(t string) bool { return hasLDType(x, t) })
	}
	if isAny(x, "Comment", "Answer", "Question", "UserComments") {
		return true
	}
	item, ok := x["itemReviewed"].(map[string]any)
	return ok && isAny(item, "Product", "ProductGroup", "ProductModel", "IndividualProduct", "Offer",
		"LocalBusiness", "Organization", "Service", "Hotel", "Restaurant", "Store")
}

func personNames(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, personNames(e)...)
		}
		return out
	case map[string]any:
		if n, ok := x["name"].(string); ok {
			return []string{n}
		}
	}
	return nil
}

// mayNameByline reports whether a class attribute has "by" or "author" in
// it, in any case, or another language's word for the author: every name
// bylineClass matches does, and most class attributes of a page can skip
// the expression.
func mayNameByline(class string) bool {
	if containsAnyOf(strings.ToLower(class), bylineWordsIntl) {
		return true
	}
	for i := 0; i+1 < len(class); i++ {
		switch class[i] | 0x20 {
		case 'b':
			if class[i+1]|0x20 == 'y' {
				return true
			}
		case 'a':
			if i+6 <= len(class) && strings.EqualFold(class[i:i+6], "author") {
				return true
			}
		}
	}
	return false
}

// cleanByline makes the authors' names of one byline from candidate
// author strings: each is trimmed of a "By" prefix, of a date or a job
// title run into it, split into names, and a name repeated in another case
// ("Jeffrey Gettleman; JEFFREY GETTLEMAN") is kept once. Placeholders
// ("Username", "admin") and handles or addresses are dropped. A byline
// with roles ("Written by A, edited by B") is one name.
func cleanByline(cands []string) []string {
	var names []string
	seen := map[string]bool{}
	for _, c := range cands {
		if r := roleByline(c); r != "" {
			if k := strings.ToLower(r); !seen[k] {
				seen[k] = true
				names = append(names, r)
			}
			continue
		}
		c = nameTail.ReplaceAllString(byPrefix.ReplaceAllString(cleanInline(c), ""), "")
		c = withoutNameTail(c)
		for _, name := range splitNames(c) {
			name = cleanName(name)
			k := strings.ToLower(strings.Join(strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }), " "))
			if name == "" || seen[k] || placeholderName(k) {
				continue
			}
			seen[k] = true
			names = append(names, name)
		}
	}
	if len(names) > 4 {
		names = names[:4]
	}
	return names
}

// withoutNameTail takes off what follows a byline's names: its place
// ("Ana Souza, de Porto Alegre"), a footnote's mark ("Ann Bell, MD*"),
// which points to a note on the writer and hid the degree, and one word
// after the one comma of a full name ("Von Anna Berger, Hamburg", "By
// Jane Doe, AP", "Ann Bell, MD"): where or for whom the reporter wrote,
// or a degree, not a second author; and a forum post's stamp after its
// arrow ("heizfreund » Di 14. Okt 2026").
func withoutNameTail(c string) string {
	// "heizfreund » Di 14. Okt 2026": a forum's arrow between the
	// poster's name and the post's stamp; no name holds one.
	if i := strings.IndexAny(c, "»›"); i > 0 {
		c = c[:i]
	}
	c = strings.TrimRight(placeTail.ReplaceAllString(c, ""), "*†‡ ")
	// "Paul Frew, Home and Digital Security Expert", "Nicole Forbes,
	// Master Horticulturalist and Garden Educator": the writer's job
	// after a comma, which splitting at "and" made a second author.
	if parts := strings.Split(c, ","); len(parts) > 1 {
		for i, p := range parts[1:] {
			if roleWord.MatchString(p) {
				c = strings.Join(parts[:i+1], ",")
				break
			}
		}
	}
	if strings.Count(c, ",") == 1 && !nameSep.MatchString(strings.Replace(c, ",", " ", 1)) {
		c = placeWord.ReplaceAllString(c, "$1")
	}
	return c
}

// joinNames joins names the way they are spoken in lang (a BCP 47 tag; ""
// is English): "A and B", "A, B and C"; "A, B et C" in French. A language
// without its word for "and" here gets commas only: better than an English
// word in a French sentence.
func joinNames(names []string, lang string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	and := AndWord(lang)
	if and == "" {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + and + " " + names[len(names)-1]
}

// splitNames cuts a list of authors at ";", "," (unless it is "Name,
// Jr." or a degree), "&", " and ", " und ", " et ", " y ", " e ".
//
// When a part is a single letter ("Mac & i", "Kooman, F."), the separator
// is inside one name, and s is kept whole.
func splitNames(s string) []string {
	parts := nameSep.Split(s, -1)
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if len(out) > 0 && suffixOrDegree.MatchString(p) {
			continue // "Brenda Goodman, MA": a degree, not a second author
		}
		if len(parts) > 1 && !hasWordOf(p, 2) {
			return []string{strings.TrimSpace(s)}
		}
		out = append(out, p)
	}
	return out
}

var (
	nameSep = regexp.MustCompile(`\s*(?:,?\s(?:and|und|et|y|e|i|en|og|och)\s|;|,|\s&\s|\|)\s*`)
	// A name's suffix or its bearer's degree or credential: the usual
	// ones in mixed case, and any run of two to five capitals with
	// optional dots or a hyphen (CFP, CPA, J.D., PA-C, FAAFP): a surname
	// or a second author is not written so.
	suffixOrDegree = regexp.MustCompile(`^(?:Jr\.?|Sr\.?|I{2,3}|IV|PhD|Ph\.D\.|MSc|BSc|PharmD|PsyD|EdD|DPhil|Esq\.?|Dipl\.?-\p{L}+\.?|(?:\p{Lu}\.?){2,5}(?:-\p{Lu}\.?)?)$`)
	// "By", "Von", "Par" before the name, or a label ("Author:",
	// "Autorin:", "Auteur :").
	byPrefix = regexp.MustCompile(`(?i)^\W*(?:(?:(?:written|posted|published|edited|reported) )?(?:by|par|por|von|di|da|door|przez|av|af)\s+|(?:authors?|autor(?:in|en|innen|a|as|es|zy)?|auteure?s?|autrice|autore|autori|forfatter)\s*:\s*)`)
	// A date or a role run into the name: "Joshua Sokol May 2", "Ben
	// Silverman Games Editor", "Aleš Vávra před 3 hodinami".
	// roleWord is a word of a job held by a byline's writer.
	roleWord = regexp.MustCompile(`(?i)\b(?:experts?|educators?|editors?|reporters?|writers?|correspondents?|columnists?|contributors?|analysts?|managers?|directors?|officers?|specialists?|consultants?|engineers?|scientists?|professors?|researchers?|founders?|presidents?|ceo|cto|cfo|vp|horticulturi?alists?|horticulturists?|journalists?|coordinators?|advis[eo]rs?|strategists?|designers?|developers?|producers?|photographers?|nutritionists?|dietitians?|therapists?|physicians?|attorneys?|lawyers?)\b`)
	nameTail = regexp.MustCompile(`(?i)\s+(?:(?:` + monthRE + `)\.?\s+\d.*|\d.*|(?:\p{L}+ )?(?:editor|correspondent|reporter|writer|columnist|contributor|staff writer)\b.*|před\b.*|vor\b.*|il y a\b.*|hace\b.*)$`)
	// Where the reporter wrote from, after the name: "Ana Souza, de
	// Porto Alegre", "Ana Ruiz, desde Bruselas", "Jane Doe, in Kyiv".
	placeTail = regexp.MustCompile(`,\s*(?:[Dd]e|[Dd]esde|[Dd]a|[Dd]o|[Ff]rom|[Aa]us|[Dd]epuis|[Ee]n|[Ii]n)\s+\p{Lu}[^,;&]*$`)
	placeWord = regexp.MustCompile(`^(\s*\S+\s+\S[^,]*),\s*[\p{L}.-]+\s*$`)
	nameJunk  = regexp.MustCompile(`(?i)\b(?:share|tweet|email|follow|view profile|more articles|(?:last )?updated|published|posted on)\b`)
	// Class names sites give the element holding the byline.
	bylineClass = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:byline|by-line|author-name|authorname|article-author|post-author|entry-author)(?:$|[\s_-])`)
	// bylineClassIntl are other languages' words for the author, as a
	// class of its own ("autor", "yazar", "szerzo").
	bylineClassIntl = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:autor|autore|auteur|verfasser|szerzo|szerző|muhabir|yazar|forfatter|skribent|kirjoittaja)(?:$|[\s_-])`)
	// bylineWordsIntl are bylineClass's words for the author in other
	// languages than English, as mayNameByline looks for them.
	bylineWordsIntl = []string{"autor", "auteur", "verfasser", "szerz", "muhabir", "yazar", "forfatter", "skribent", "kirjoittaja"}
	// The same names run into a prefix in camel case ("FeatureByline",
	// "storyAuthorName"): the capital marks where the word starts.
	bylineCamel = regexp.MustCompile(`\p{Ll}(?:Byline|ByLine|AuthorName)(?:$|[\s_-])`)
	// A web or mail address after the name in a meta author field
	// ("Ann Lee (https://lee.example/)", "Jan Roth <jan@roth.example>"):
	// the name is the byline, the address is not said.
	authorLink = regexp.MustCompile(`\s*(?:[(<\[]\s*(?:(?:https?://|mailto:|www\.)[^()<>\[\]]*|[^()<>\[\]\s@]+@[^()<>\[\]\s]+)\s*[)>\]])\s*$`)
)

// isBylineClass reports whether a class attribute names the element that
// holds the byline.
func isBylineClass(class string) bool {
	return mayNameByline(class) && (bylineClass.MatchString(class) || bylineCamel.MatchString(class)) && !noBylineClass.MatchString(class)
}

// noBylineClass is a class that says the element has no byline
// ("post-meta no-byline", "hide-author"): a theme's switch, on a box that
// holds the breadcrumb or the date instead.
var noBylineClass = regexp.MustCompile(`(?i)(?:^|\s)(?:no|without|hide|hidden)[-_]?(?:byline|by-line|author)(?:$|\s)`)

// isBylineClassIntl reports whether n's class names it the byline in
// another language than English ("<span class=autor>"), and n is not
// marked up as the author otherwise (itemprop=author, rel=author), which
// pageByline reads first.
func isBylineClassIntl(n *html.Node) bool {
	return attr(n, "rel") != "author" && !strings.Contains(attr(n, "itemprop"), "author") && mayNameByline(attr(n, "class")) && bylineClassIntl.MatchString(attr(n, "class"))
}

// roleByline returns c whole when it names people in several roles
// ("Written by Rob Ewaschuk Edited by Betsy Beyer", "Texte von Anna Roth
// Fotos von Jan Berg"), whose words say who did what; stripping "Written
// by" and splitting it into names would say the editor wrote it. It
// returns "" for a byline with one role.
func roleByline(c string) string {
	c = cleanInline(c)
	if len(c) > 120 {
		return ""
	}
	if m := roleSpans(c); len(m) >= 2 && m[0][0] == 0 {
		return c
	}
	return ""
}

// roleBy matches a role and its "by": "Written by", "edited by", "Photos
// von", "traduit par".
var roleBy = regexp.MustCompile(`(?i)(?:^|[^\p{L}])((?:(?:written|reported|edited|photographed|illustrated|translated|produced|compiled|text|words|photos?|illustrations?|graphics|video|additional reporting) by|(?:texte?|fotos?|bilder|grafiken?|bearbeitet|übersetzt|redigiert|recherche) von|(?:écrit|rédigé|édité|traduit|illustré|photos?|textes?) par|(?:escrito|editado|traducido|fotos?|textos?) por))(?:$|[^\p{L}])`)

// roleSpans returns where each role phrase of s starts and ends.
func roleSpans(s string) [][2]int {
	var out [][2]int
	for _, m := range roleBy.FindAllStringSubmatchIndex(s, -1) {
		out = append(out, [2]int{m[2], m[3]})
	}
	return out
}

// cleanName trims one candidate name, or returns "" if it is not a name.
func cleanName(s string) string {
	s = cleanInline(s)
	s = byPrefix.ReplaceAllString(s, "")
	s = nameTail.ReplaceAllString(s, "")
	if loc := nameJunk.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("•·*|–—-,:;", r) })
	if s == "" || strings.ContainsAny(s, "@/") || strings.Contains(s, "://") || len(s) > 80 {
		return ""
	}
	if strings.Count(s, " ") > 5 || !hasWordOf(s, 2) {
		return ""
	}
	// An all-capitals name reads as initials to some engines.
	if strings.ToUpper(s) == s && strings.ToLower(s) != s && strings.Contains(s, " ") {
		s = titleCase(s)
	}
	return s
}

func titleCase(s string) string {
	prev := ' '
	return strings.Map(func(r rune) rune {
		defer func() { prev = r }()
		if unicode.IsLetter(prev) || prev == '\'' || prev == '’' {
			return unicode.ToLower(r)
		}
		return r
	}, s)
}

// placeholderName reports whether a folded name is what a CMS prints when
// it has no author: never worth saying "By" before.
func placeholderName(k string) bool {
	return cmsUser[k] || placeholderNames[k]
}

var placeholderNames = setOf("username", "user name", "unknown", "anonymous", "anonyme", "anónimo",
	"anonym", "redacción", "redaktion", "redazione", "redakcja", "redactie", "作者", "编辑", "記者",
	"authority control", "contributors", "none", "null", "undefined", "name", "your name")

// hasWordOf reports whether s has a run of at least n letters: "J J" is
// not a name.
func hasWordOf(s string, n int) bool {
	run := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// headerByline finds a byline the page prints only as text under its
// headline, on pages whose markup names no author (no structured data, no
// meta tag, no byline class): the first element after the first <h1>,
// with no block inside it, whose text is "Von Anna Roth", "By Jane Doe",
// "Par Anne Roux", "Por Ana Ruiz" or "Di Mario Rossi", a date or a
// separator after the names at most. Only the page's header is looked at:
// the look ends at the story's paragraphs (600 characters of paragraphs).
// The extractor leaves such a line out with the rest of the header, so
// the listener heard no author. Every word of the names is capitalized
// but the words that join names ("und", "de", "von"): "Von Berlin nach
// Paris" under a headline is a subtitle, not a byline.
func headerByline(root *html.Node) []string {
	var name string
	underHeadline(root, func(n *html.Node, t string) bool {
		if rest, ok := namesAfterBy(t); ok && !linksToMaker(n) {
			name = rest
			return true
		}
		// "Autor: JanaKuchta": the label says a name follows, so one
		// word (a user's handle) is a name too.
		if m := headerAuthorLabel.FindStringSubmatch(t); m != nil && !linksToMaker(n) {
			name = m[1]
			return true
		}
		return false
	})
	if name == "" {
		return nil
	}
	return cleanByline([]string{name})
}

// namesAfterBy returns the names of a byline line that opens with its
// word ("Von Anna Roth", "Escrito por Pablo Herrero el 9 de febrero"),
// without the date or separator after them, and whether the line is one.
func namesAfterBy(t string) (string, bool) {
	m := headerBy.FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	rest := m[1] + m[2]
	if i := strings.IndexAny(rest, "0123456789|·•–—"); i >= 0 {
		rest = rest[:i]
	}
	rest = headerByDate.ReplaceAllString(rest, "")
	rest = strings.TrimRight(strings.TrimSpace(rest), ",;-")
	return rest, onlyNames(rest)
}

// underHeadline calls take with each element after the page's first
// headline that has no block inside it and at most 100 bytes of text,
// until take returns true: the page's header, where a byline or a stamp
// stands. Scripts, navigation, asides, forms and figures are skipped; the
// look ends at the next headline, after 80 elements, or once the story's
// paragraphs have begun (600 bytes of them).
func underHeadline(root *html.Node, take func(n *html.Node, text string) bool) {
	h1 := firstOf(root, atom.H1)
	if h1 == nil {
		h1 = titleHeading(root)
	}
	if h1 == nil {
		return
	}
	prose, looked := 0, 0
	firstAfter(root, h1, func(n *html.Node) bool {
		if looked++; looked > 80 || prose > 600 {
			return true
		}
		switch nodeAtom(n) {
		case atom.Script, atom.Style, atom.Nav, atom.Aside, atom.Footer, atom.Form, atom.Figure:
			return false
		case atom.P:
			prose += len(strings.TrimSpace(textOf(n)))
		case atom.H1, atom.H2:
			return true // another story's or the body's heading
		}
		if hasBlockChild(n) {
			return false
		}
		t := strings.TrimSpace(cleanInline(textOf(n)))
		return len(t) <= 100 && take(n, t)
	})
}

// eventWhen is the label of an event's date on an announcement ("Wann:
// Samstag, 13. Juni", "When: 4 July", "Quand : le 3 mai"): when the
// event is, not when the page was written.
var eventWhen = regexp.MustCompile(`(?i)^\W*(?:wann|termin|veranstaltungsdatum|datum und uhrzeit|when|event date|quand|cuándo|quando|wanneer|kiedy|när|hvornår|når|milloin|kdy|când|ne zaman|mikor|πότε|когда|коли)\s*[:：]`)

// titleHeading returns, on a page with no <h1>, its first <h2> or <h3>
// whose text starts the page's <title>: the headline of a CMS that gives
// the site's name the <h1> or none ("<h2 class=contentheading>", whose
// text the title repeats before the site's name).
func titleHeading(root *html.Node) *html.Node {
	title := firstOf(root, atom.Title)
	if title == nil {
		return nil
	}
	want := comparable(textOf(title))
	hs := findElements(root, func(n *html.Node) bool {
		if a := nodeAtom(n); a != atom.H2 && a != atom.H3 {
			return false
		}
		t := comparable(textOf(n))
		return len(t) >= 12 && strings.HasPrefix(want, t)
	})
	if len(hs) == 0 {
		return nil
	}
	return hs[0]
}

// headerDate returns the date of the page's stamp under its headline, a
// last resort when neither the page's metadata nor the text's rules gave
// one: an element under the headline (underHeadline) whose short text
// holds a date in one of the languages dates.go reads ("Pubblicato il 14
// maggio 2026 da Ufficio Stampa", "9 febrero, 2026"). The metadata's date finder reads English
// and German month names and numeric dates; an Italian or Spanish stamp
// gave the page no date.
func headerDate(root *html.Node) *time.Time {
	var found *time.Time
	underHeadline(root, func(_ *html.Node, t string) bool {
		if wordCount(t) > 14 || !datePattern.MatchString(t) || endsSentence(t) && wordCount(t) > 8 || eventWhen.MatchString(t) {
			return false
		}
		if d, ok := stampDate(t); ok && d.Year() > 1900 && d.Year() < 2200 {
			found = &d
			return true
		}
		return false
	})
	return found
}

// linksToMaker reports whether n links to a brand's, a seller's or a
// maker's page: a shop's "By Acme Furniture" under a product's name
// names who makes it, not who wrote the page.
func linksToMaker(n *html.Node) bool {
	found := false
	var walk func(c *html.Node)
	walk = func(c *html.Node) {
		if found {
			return
		}
		if nodeAtom(c) == atom.A && makerLink.MatchString(attr(c, "href")) {
			found = true
			return
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return found
}

var makerLink = regexp.MustCompile(`(?i)brand|seller|vendor|manufacturer|/shop/|/store/`)

// headerBy is a byline's opening word and what follows it.
// A verb may come first ("Written by", "Escrito por", "Geschrieben
// von", "Scritto da").
var headerBy = regexp.MustCompile(`^\W*(?:(?:[Ww]ritten|WRITTEN|[Pp]osted|POSTED|[Pp]ublished|[Rr]eported|[Ee]scrito|[Pp]ublicado|[Gg]eschrieben|[Vv]erfasst|[Vv]eröffentlicht|[ÉéEe]crit|[Pp]ublié|[Rr]édigé|[Ss]critto|[Pp]ubblicato|[Gg]eschreven|[Gg]epubliceerd|[Ss]krivet|[Ss]kriven|[Pp]ublicerad)\s+)?(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]i|DI|[Dd]oor|[Aa]v|[Aa]f)\s+(\p{Lu}.*)$|^\W*(?:[Ss]critto|[Pp]ubblicato) da\s+(\p{Lu}.*)$`)

// headerAuthorLabel is an author's label, a colon and one capitalized
// word or two, alone in their element ("Autor: JanaKuchta", "Author: Ann
// Lee", "Szerző: Kiss Anna").
var headerAuthorLabel = regexp.MustCompile(`^\W*(?:[Aa]utor(?:in|ka)?|[Aa]uthor|[Aa]uteur|[Aa]utore|[Vv]erfasser(?:in)?|[Ss]zerző|[Yy]azar|[Ff]orfatter|[Kk]irjoittaja|[Ss]kribent)\s*:\s*(\p{Lu}[\p{L}\d_.'’-]*(?: \p{Lu}[\p{L}'’.-]*)?)\s*$`)

// headerByDate is where a date joins the names, by a word that says
// when ("Pablo Herrero on February 9", "Ana Ruiz el 9 de febrero", "Anna
// Roth am 3. Mai"): the names end before it.
var headerByDate = regexp.MustCompile(`\s+(?:on|el|am|le|il|em|op|den|dnia)(?:\s.*)?$`)

// onlyNames reports whether s is one to four names: one to twelve words,
// each capitalized or an initial, but the words that join names (and
// commas between them).
func onlyNames(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '&' })
	if len(words) < 2 || len(words) > 12 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !bylineJoiners[w] {
			return false
		}
		if strings.ContainsAny(w, ".!?:;") && !initial.MatchString(w) {
			return false
		}
	}
	return true
}

// nameParticles are the lower-case words within and between people's
// names ("Anna von Roth und Jan de Berg").
var nameParticles = []string{"und", "and", "et", "y", "e", "von", "van", "de", "di", "da", "del", "der", "la", "le"}

// bylineJoiners are the lower-case words of a byline's names: the
// particles, and surnames' rarer ones ("vom", "dos", "bin").
var bylineJoiners = setOf(slices.Concat(nameParticles, []string{"vom", "zu", "den", "du", "des", "dos", "das", "ten", "ter", "bin", "al"})...)

// initial is an initial of a name ("J.", "H.G.").
var initial = regexp.MustCompile(`^(?:\p{Lu}\.)+$`)

// quoteAttribution reports whether an author the extractor found is a
// quote's attribution, a name, a job title and a company ("Carlos
// Escobar; VP; IS Security; RevMed"): themes mark a testimonial's signer
// with the same author class as a byline, and the page's writer is not
// the customer it quotes.
func quoteAttribution(a string) bool {
	parts := strings.FieldsFunc(a, func(r rune) bool { return r == ',' || r == ';' }) // the extractor joins with "; "
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts[1:] {
		if jobTitle.MatchString(strings.TrimSpace(p)) {
			return true
		}
	}
	return false
}

// jobTitle is a job title as a quote's attribution gives it.
var jobTitle = regexp.MustCompile(`(?i)^(?:s?vp|evp|ceo|cto|cfo|coo|cio|ciso|cmo|founder|co-founder|owner|partner|director|manager|president|vice president|head of\b.*|chief\b.*|(?:senior |executive )?(?:vice )?president\b.*)$`)
