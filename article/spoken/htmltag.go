package spoken

import (
	"regexp"
	"strings"
)

// tagStyle is how a language names an HTML tag the text speaks of.
type tagStyle struct {
	// noun follows a tag whose name is no word of the language where
	// nothing names its kind: "tag" (en); "": none. It is said where the
	// tag ends a phrase, before punctuation or one of nounBefore, the
	// words that follow a noun phrase ("Single <img>.", "a <td> holds"),
	// not before a noun that names it ("the <ul> element", "an <h2>
	// heading").
	noun       string
	nounBefore map[string]bool
	// names are the tags a reader calls by a word of the language ("<img>":
	// image) rather than spelling them.
	names map[string]string
}

// htmlTagRe is an opening tag with no attributes, as a tutorial names one:
// "<ul>", "<h2>".
var htmlTagRe = regexp.MustCompile(`^<([a-z][a-z0-9]{0,9})>`)

// htmlTag reads an HTML tag the text names ("the <ul> element", "Single
// <img> tags") the way a reader of a tutorial says it: without its
// brackets, which a voice reads as "less than" or skips, the name spelled
// where it is letters ("U L", "H two", "T D") and said where it is a word
// ("div", "table", "text area"), followed by the language's word for a
// tag when the name is no word and ends its phrase. Only the elements of HTML are read: "<username>" is a
// placeholder, left for the engine.
func (n *Normalizer) htmlTag(text string, i int) (token, bool) {
	g, end, ok := find(htmlTagRe, text, i)
	if !ok || !htmlElements[g[1]] || inMarkup(text, i, end) {
		return token{}, false
	}
	name, st := g[1], n.l.tag
	var say string
	switch {
	case st.names[name] != "":
		say = st.names[name]
	case htmlTagParts[name] != "":
		say = htmlTagParts[name]
	case len(name) == 2 && name[0] == 'h' && isDigit(name[1]):
		say = "H " + n.l.cardinal(uint64(name[1]-'0'), plain)
	case htmlSpelled[name] || len(name) <= 2:
		say = strings.Join(strings.Split(strings.ToUpper(name), ""), " ")
	default:
		say = name
	}
	if w := tagCompoundRe.FindString(windowN(text, end, 64)); w != "" {
		// "das <ul>-Element", "im <h2>-Tag", "a <div>-based layout": the
		// tag is the first part of a compound, which names its kind
		// itself; the words after the hyphen stay as written.
		return token{end + len(w), say + w, "html tag"}, true
	}
	if strings.HasPrefix(text[end:], "- ") {
		// "die <ul>- und <ol>-Elemente": a compound's first part whose
		// second is written once, after the last.
		return token{end + 1, say + "-", "html tag"}, true
	}
	if next := nextWord(text, end); st.noun != "" && !htmlWordTags[name] && (next == "" || st.nounBefore[next]) &&
		!tagFollows(text, end) {
		say += " " + st.noun
	}
	return token{end, say, "html tag"}, true
}

// tagCompoundRe is the rest of a compound whose first part is a tag: a
// hyphen and words joined by hyphens ("-Element", "-based").
var tagCompoundRe = regexp.MustCompile(`^-\p{L}+(?:-\p{L}+)*`)

var (
	// htmlElements are the elements of HTML a text may name.
	htmlElements = setOf("a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo",
		"blockquote", "body", "br", "button", "canvas", "caption", "cite", "code", "col", "colgroup", "data",
		"datalist", "dd", "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset",
		"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup",
		"hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map",
		"mark", "menu", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p",
		"picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "search", "section",
		"select", "slot", "small", "source", "span", "strong", "style", "sub", "summary", "sup", "svg", "table",
		"tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul",
		"var", "video", "wbr")
	// htmlSpelled are the names said letter by letter beyond those of one
	// or two letters.
	htmlSpelled = setOf("abbr", "bdi", "bdo", "dfn", "html", "img", "kbd", "svg", "wbr")
	// htmlTagParts are the names made of parts, said apart.
	htmlTagParts = map[string]string{"blockquote": "block quote", "colgroup": "col group", "datalist": "data list",
		"fieldset": "field set", "figcaption": "fig caption", "hgroup": "H group", "iframe": "I frame",
		"noscript": "no script", "optgroup": "opt group", "tbody": "T body", "textarea": "text area",
		"tfoot": "T foot", "thead": "T head"}
	// htmlWordTags are the names that are ordinary English words, which a
	// reader says as they are ("the <table>", "in the <head>"): they are
	// also what a placeholder is called ("<source>", "<output>"), so no
	// noun is added to them.
	htmlWordTags = setOf("address", "area", "article", "aside", "audio", "base", "body", "button", "canvas",
		"caption", "cite", "code", "data", "details", "dialog", "embed", "figure", "footer", "form", "head",
		"header", "input", "label", "legend", "link", "main", "map", "mark", "menu", "meter", "object", "option",
		"output", "picture", "progress", "ruby", "search", "section", "select", "slot", "small", "source",
		"strong", "style", "summary", "table", "template", "time", "title", "track", "video", "script")
)

// inMarkup reports whether the tag at text[i:j] stands among other tags
// ("<html> <head>"): a page's source shown as text, which is code and no
// prose naming a tag.
func inMarkup(text string, i, j int) bool {
	before := strings.TrimRight(text[:i], " ")
	after := strings.TrimLeft(text[j:], " ")
	return strings.HasSuffix(before, ">") || strings.HasPrefix(after, "<") && !strings.HasPrefix(after, "<=")
}

// tagFollows reports whether another tag is joined to the one ending at
// j by "and", "or" or a comma ("the <th> and <td> elements"): the noun
// after the last names them all.
func tagFollows(text string, j int) bool {
	rest := strings.TrimLeft(text[j:], " ,")
	for _, c := range []string{"and ", "or "} {
		if r, ok := strings.CutPrefix(rest, c); ok {
			return strings.HasPrefix(r, "<")
		}
	}
	return strings.HasPrefix(rest, "<")
}
