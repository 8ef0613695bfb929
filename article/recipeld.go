package article

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ldRecipe is what a page's JSON-LD says of its recipe: the ingredient
// lines and the steps, grouped in sections (HowToSection) when the page
// groups them.
type ldRecipe struct {
	ingredients []string
	sections    []ldSection
}

// ldSection is a named group of steps ("For the sauce"); the first
// section of a recipe whose steps are not grouped has no name.
type ldSection struct {
	name  string
	steps []string
}

// stepTexts returns every step's text, in order.
func (r ldRecipe) stepTexts() []string {
	var out []string
	for _, s := range r.sections {
		out = append(out, s.steps...)
	}
	return out
}

// jsonLDRecipeOf returns the first recipe with ingredients or steps in
// the page's JSON-LD scripts.
func jsonLDRecipeOf(root *html.Node) ldRecipe {
	var found ldRecipe
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if nodeAtom(c) == atom.Script {
				if strings.EqualFold(attr(c, "type"), "application/ld+json") && c.FirstChild != nil {
					if r := parseJSONLDRecipe(c.FirstChild.Data); len(r.ingredients) > 0 || len(r.sections) > 0 {
						found = r
						return true
					}
				}
				continue
			}
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(root)
	return found
}

// maxLDDepth bounds how deep parseJSONLDRecipe looks for a Recipe
// object and into nested steps: schema.org data nests a few levels
// (@graph, a section, its steps), a page's script is untrusted.
const maxLDDepth = 12

// parseJSONLDRecipe reads the first schema.org Recipe object of a
// JSON-LD script (a single object, an array or an @graph, at any depth up
// to maxLDDepth): its recipeIngredient (or the older ingredients) and its
// recipeInstructions, which pages give as one text (split at its lines),
// a list of texts, HowToStep objects (text, else name), HowToSection
// objects (name and itemListElement) or an ItemList. Texts may hold HTML
// (tags and entities): they are read as text. A script that does not
// parse, or holds no recipe, gives an empty ldRecipe.
func parseJSONLDRecipe(src string) ldRecipe {
	src = strings.TrimSpace(src)
	for _, w := range [][2]string{{"<![CDATA[", "]]>"}, {"<!--", "-->"}} {
		src = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(src, w[0]), w[1]))
	}
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return ldRecipe{}
	}
	var out ldRecipe
	var find func(v any, depth int) bool
	find = func(v any, depth int) bool {
		if depth > maxLDDepth {
			return false
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if find(e, depth+1) {
					return true
				}
			}
		case map[string]any:
			if hasLDType(x, "Recipe") {
				out.ingredients = ldTexts(x["recipeIngredient"], 0)
				if len(out.ingredients) == 0 {
					out.ingredients = ldTexts(x["ingredients"], 0)
				}
				out.sections = ldSteps(x["recipeInstructions"], 0)
				if len(out.ingredients) > 0 || len(out.sections) > 0 {
					return true
				}
			}
			for k, e := range x {
				if k == "@context" {
					continue
				}
				if find(e, depth+1) {
					return true
				}
			}
		}
		return false
	}
	find(v, 0)
	return out
}

// hasLDType reports whether a JSON-LD object's @type is (or includes) t,
// with or without the schema.org prefix.
func hasLDType(x map[string]any, t string) bool {
	is := func(s string) bool {
		s = strings.TrimPrefix(strings.TrimPrefix(s, "https://schema.org/"), "http://schema.org/")
		return s == t
	}
	switch tt := x["@type"].(type) {
	case string:
		return is(tt)
	case []any:
		for _, e := range tt {
			if s, ok := e.(string); ok && is(s) {
				return true
			}
		}
	}
	return false
}

// ldTexts returns the lines of a JSON-LD value that is a text or a list
// of texts (or of objects with a text or a name), each read as text.
func ldTexts(v any, depth int) []string {
	if depth > maxLDDepth {
		return nil
	}
	var out []string
	switch x := v.(type) {
	case string:
		out = append(out, ldLines(x)...)
	case []any:
		for _, e := range x {
			out = append(out, ldTexts(e, depth+1)...)
		}
	case map[string]any:
		for _, k := range []string{"text", "name"} {
			if s, ok := x[k].(string); ok && strings.TrimSpace(s) != "" {
				return ldLines(s)
			}
		}
	}
	return out
}

// ldSteps returns the sections of a recipeInstructions value.
func ldSteps(v any, depth int) []ldSection {
	if depth > maxLDDepth {
		return nil
	}
	var out []ldSection
	add := func(steps ...string) {
		if len(out) == 0 {
			out = append(out, ldSection{})
		}
		out[len(out)-1].steps = append(out[len(out)-1].steps, steps...)
	}
	var walk func(v any, depth int)
	walk = func(v any, depth int) {
		if depth > maxLDDepth {
			return
		}
		switch x := v.(type) {
		case string:
			add(ldLines(x)...)
		case []any:
			for _, e := range x {
				walk(e, depth+1)
			}
		case map[string]any:
			if hasLDType(x, "HowToSection") || hasLDType(x, "ItemList") && x["itemListElement"] != nil && !hasLDType(x, "HowToStep") {
				name := ""
				if s, ok := x["name"].(string); ok && hasLDType(x, "HowToSection") {
					name = cleanInline(htmlText(s))
				}
				out = append(out, ldSection{name: name})
				walk(x["itemListElement"], depth+1)
				// Steps after a section belong to no section.
				out = append(out, ldSection{})
				return
			}
			if s, ok := x["text"].(string); ok && strings.TrimSpace(s) != "" {
				add(ldLines(s)...)
				return
			}
			if e, ok := x["itemListElement"]; ok {
				walk(e, depth+1)
				return
			}
			if s, ok := x["name"].(string); ok {
				add(ldLines(s)...)
			}
		}
	}
	walk(v, depth)
	var kept []ldSection
	for _, s := range out {
		if len(s.steps) > 0 {
			kept = append(kept, s)
		}
	}
	return kept
}

// ldLines reads a JSON-LD text as text (tags and entities, which many
// pages leave in it, resolved) and returns its non-empty lines; a
// paragraph or line break tag ends a line.
func ldLines(s string) []string {
	var out []string
	for _, l := range strings.Split(htmlText(s), "\n") {
		if l = cleanInline(l); l != "" && hasWordChar(l) {
			out = append(out, l)
		}
	}
	return out
}

// htmlText is s read as an HTML fragment: its text, with a new line at
// each block and line break.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return s
	}
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
			return
		case html.ElementNode:
			if nodeAtom(n) == atom.Script || nodeAtom(n) == atom.Style {
				return
			}
			if nodeAtom(n) == atom.Br {
				sb.WriteByte('\n')
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && isBlockElement(n) {
			sb.WriteByte('\n')
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return sb.String()
}

// recipeLabels are the headings narrate reads before a recipe's
// ingredients and steps taken from its JSON-LD (which has none), by the
// page's language; a page in another language gets no heading.
var recipeLabels = map[string][2]string{
	"en": {"Ingredients", "Method"},
	"de": {"Zutaten", "Zubereitung"},
	"fr": {"Ingrédients", "Préparation"},
	"es": {"Ingredientes", "Preparación"},
	"it": {"Ingredienti", "Preparazione"},
	"pt": {"Ingredientes", "Modo de preparo"},
	"nl": {"Ingrediënten", "Bereiding"},
	"pl": {"Składniki", "Przygotowanie"},
}

// blocks returns the recipe's ingredient list (role roleIngredients) or
// its steps as blocks under a new element, headed by the label of the
// page's language lang (a BCP 47 tag), nil when it has none.
func (r ldRecipe) blocks(role recipeRole, lang string) *html.Node {
	body := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	el := func(parent *html.Node, a atom.Atom, text string) *html.Node {
		e := &html.Node{Type: html.ElementNode, Data: a.String(), DataAtom: a}
		if text != "" {
			e.AppendChild(&html.Node{Type: html.TextNode, Data: text})
		}
		parent.AppendChild(e)
		return e
	}
	primary := strings.ToLower(lang)
	if i := strings.IndexAny(primary, "-_"); i >= 0 {
		primary = primary[:i]
	}
	label, hasLabel := recipeLabels[primary]
	if role == roleIngredients {
		if len(r.ingredients) == 0 {
			return nil
		}
		if hasLabel {
			el(body, atom.H3, label[0])
		}
		ul := el(body, atom.Ul, "")
		for _, t := range r.ingredients {
			el(ul, atom.Li, t)
		}
		return body
	}
	if len(r.sections) == 0 {
		return nil
	}
	if hasLabel {
		el(body, atom.H3, label[1])
	}
	for _, s := range r.sections {
		if s.name != "" {
			el(body, atom.H4, s.name)
		}
		ol := el(body, atom.Ol, "")
		for _, t := range s.steps {
			el(ol, atom.Li, t)
		}
	}
	return body
}
