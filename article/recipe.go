package article

import (
	"strings"
	"unicode"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A recipe's ingredients and method are what a listener asks a recipe
// page for, and what the extractor, built for articles, most often
// leaves out of it: an ingredient list is short lines of amounts and
// names (often links), a portal puts the ingredients and the method in
// boxes of their own beside the intro, a blog's recipe card stands beside
// the post's body, and some pages draw the card with a script from the
// JSON-LD they carry. readRecipe reads them back.

// recipeRole says which part of a recipe a block of the page holds.
type recipeRole int

const (
	roleIngredients recipeRole = iota + 1
	roleSteps
)

// recipePart is one box of the page that holds the ingredients or the
// steps, read as blocks (body: headings, list items, paragraphs), and the
// last node of the page it was read from (nil for the JSON-LD's text).
type recipePart struct {
	role recipeRole
	last *html.Node
	body *html.Node
}

// readRecipe returns res with the recipe's ingredient list and steps
// read after the intro, in page order, once, on a page that says it is
// a recipe (a schema.org Recipe in JSON-LD or microdata) or whose boxes
// are one without saying so (recipeShaped: many sites, and copies of
// pages saved without their scripts, carry no structured data), when the
// extraction lacks most of its ingredients or of its steps. The parts
// are read from the page's boxes that hold them (recipeParts: microdata,
// the recipe-card plugins' and portals' class names, headings such as
// "Zutaten" or "Préparation"), each put before the first block of the
// extraction that follows it on the page; the recipe's JSON-LD text is
// read only for a part that no visible box or text of the page holds.
// An item the extraction already reads as a block is not read again,
// and the boxes' nutrition tables, ratings, buttons, serving scalers and
// comments are never read (isRecipeDebris).
func readRecipe(root *html.Node, res *trafilatura.ExtractResult, sig pageSignals) *trafilatura.ExtractResult {
	if res == nil || res.ContentNode == nil {
		return res
	}
	parts := recipeParts(root)
	if !sig.recipe && !recipeShaped(parts) {
		return res
	}
	have := tokenLine(res.ContentText)
	ld := jsonLDRecipeOf(root)
	var visible string // the page's text, read only when the JSON-LD is needed
	var add []recipePart
	for _, role := range []recipeRole{roleIngredients, roleSteps} {
		var lines []string
		var mine []recipePart
		for _, p := range parts {
			if p.role == role {
				mine = append(mine, p)
				lines = append(lines, blockTexts(p.body)...)
			}
		}
		if len(mine) == 0 {
			ldLines := ld.ingredients
			if role == roleSteps {
				ldLines = ld.stepTexts()
			}
			if len(ldLines) == 0 || mostIn(have, ldLines) {
				continue
			}
			if visible == "" {
				visible = tokenLine(textOf(root))
			}
			if mostIn(visible, ldLines) {
				continue // on the page, in no box found: not read from the script
			}
			if b := ld.blocks(role, htmlLang(root)); b != nil {
				add = append(add, recipePart{role: role, body: b})
			}
			continue
		}
		if !mostIn(have, lines) {
			add = append(add, mine...)
		}
	}
	if len(add) == 0 {
		return res
	}
	content := cloneTree(res.ContentNode)
	placeParts(root, content, add)
	if textOf(content) == textOf(res.ContentNode) {
		return res
	}
	out := *res
	out.ContentNode = content
	out.ContentText = textOf(content)
	return &out
}

// recipeShaped reports whether the page's recipe boxes (recipeParts)
// are a recipe's on their own: a part that holds the steps, and an
// ingredients part of at least three lines, most of them measured
// (measuredLine: "250 g Mehl", "1/2 cup butter", "½ tsp salt"). A
// product's "Ingredients" (one line of substances) and "Directions for
// use", or a how-to's "Steps", are not a recipe's.
func recipeShaped(parts []recipePart) bool {
	steps, lines, measured := false, 0, 0
	for _, p := range parts {
		if p.role == roleSteps {
			steps = true
			continue
		}
		for _, b := range leafBlocks(p.body) {
			if headingRank(b) != 0 {
				continue
			}
			lines++
			if measuredLine(textOf(b)) {
				measured++
			}
		}
	}
	return steps && lines >= 3 && measured*2 > lines
}

// measuredLine reports whether line is an ingredient given with its
// amount: short (at most twelve words), it starts with a number or a
// fraction ("2 eggs", "1,5 Liter Brühe", "¾ cup", "1/4 tsp").
func measuredLine(line string) bool {
	line = strings.TrimLeft(strings.TrimSpace(line), "-–•*·▢□☐ ")
	if line == "" || len(strings.Fields(line)) > 12 {
		return false
	}
	r := []rune(line)[0]
	return unicode.IsDigit(r) || unicode.Is(unicode.No, r)
}

// placeParts puts each part into content before the first block of
// content that comes after the part on the page (its text found at a
// later page position), else at the end; a part's blocks that content
// already reads (the same text) are left out of it, so that an
// "Ingredients" heading the extractor kept is not read twice.
func placeParts(root, content *html.Node, parts []recipePart) {
	order := map[*html.Node]int{}
	n := 0
	var number func(*html.Node)
	number = func(m *html.Node) {
		order[m] = n
		n++
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			number(c)
		}
	}
	number(root)
	at := map[string]int{}
	for _, l := range leafBlocks(root) {
		k := comparable(textOf(l))
		if _, ok := at[k]; !ok && k != "" {
			at[k] = order[l]
		}
	}
	leaves := leafBlocks(content)
	read := map[string]bool{}
	for _, l := range leaves {
		read[comparable(textOf(l))] = true
	}
	for _, p := range parts {
		for _, b := range leafBlocks(p.body) {
			if read[comparable(textOf(b))] && b.Parent != nil {
				b.Parent.RemoveChild(b)
			}
		}
		if !hasLetters(textOf(p.body), 1) {
			continue
		}
		var anchor *html.Node
		if p.last != nil {
			end := order[p.last]
			for _, l := range leaves {
				if i, ok := at[comparable(textOf(l))]; ok && i > end && l.Parent != nil {
					anchor = l
					break
				}
			}
		}
		if anchor != nil {
			anchor.Parent.InsertBefore(p.body, anchor)
		} else {
			content.AppendChild(p.body)
		}
		for _, l := range leafBlocks(p.body) {
			read[comparable(textOf(l))] = true
		}
	}
}

// mostIn reports whether text (a tokenLine) holds at least half of the
// lines, each as a run of its words in order.
func mostIn(text string, lines []string) bool {
	in, all := 0, 0
	for _, l := range lines {
		t := tokenLine(l)
		if t == " " {
			continue
		}
		all++
		if strings.Contains(text, t) {
			in++
		}
	}
	return all == 0 || in*2 >= all
}

// tokenLine is s's words and numbers, lower-cased, each between single
// spaces (" 250 g tellerlinsen "): "250 g, Tellerlinsen" and "250 g
// Tellerlinsen" are the same line.
func tokenLine(s string) string {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	return " " + strings.Join(words, " ") + " "
}

// blockTexts returns the text of each leaf block under n.
func blockTexts(n *html.Node) []string {
	var out []string
	for _, b := range leafBlocks(n) {
		if t := textOf(b); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// recipeParts returns the boxes of the page that hold a recipe's
// ingredients or steps, in page order, read as blocks: elements whose
// microdata (itemprop recipeIngredient, ingredients, recipeInstructions)
// or class or id names (recipeNameRole) say so, outermost first, and the
// sections announced by a heading such as "Zutaten" or "Method"
// (recipeLabelRole) outside those.
func recipeParts(root *html.Node) []recipePart {
	var out []recipePart
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || isRecipeDebris(c) ||
				holdsNoDescription(c) && !(nodeAtom(c) == atom.Aside && recipeBoxRole(c) != 0) {
				continue
			}
			if role := recipeBoxRole(c); role != 0 && !isPageFrame(c) {
				body := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
				if h := headingBefore(c); h != nil && recipeLabelRole(textOf(h)) == role {
					readRecipeBox(h, role, body)
				}
				readRecipeBox(c, role, body)
				if hasLetters(textOf(body), 1) {
					out = append(out, recipePart{role: role, last: lastNode(c), body: body})
				}
				continue
			}
			if r := headingRank(c); r != 0 {
				if role := recipeLabelRole(textOf(c)); role != 0 {
					if sec := headedSection(c, r); len(sec) > 0 {
						body := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
						readRecipeBox(c, role, body)
						for _, s := range sec {
							readRecipeBox(s, role, body)
						}
						if letterCount(textOf(body)) > letterCount(textOf(c)) {
							out = append(out, recipePart{role: role, last: lastNode(sec[len(sec)-1]), body: body})
						}
					}
				}
				continue
			}
			visit(c)
		}
	}
	visit(root)
	// A heading's section may hold a box found by its name (or the
	// reverse, a box holds a section): the same text is one part.
	var kept []recipePart
	for _, p := range out {
		dup := false
		for _, k := range kept {
			if k.role == p.role && covers(textOf(k.body), textOf(p.body)) {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, p)
		}
	}
	return kept
}

// isPageFrame reports whether n is the page, its body or its main
// element, or holds the page's <h1>: a box named for a recipe's part that
// is the whole page (a body class "recipe-ingredients-on") is not one.
func isPageFrame(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Html, atom.Body, atom.Main:
		return true
	}
	return holdsHeading(n, 1)
}

// lastNode is the last node under n in document order (n itself when it
// has no children).
func lastNode(n *html.Node) *html.Node {
	for n.LastChild != nil {
		n = n.LastChild
	}
	return n
}

// headingBefore returns the heading just before n among its siblings
// (white space between), if there is one.
func headingBefore(n *html.Node) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.TextNode && strings.TrimSpace(s.Data) == "" || s.Type == html.CommentNode {
			continue
		}
		if headingRank(s) != 0 {
			return s
		}
		return nil
	}
	return nil
}

// headedSection returns the nodes that follow heading h of rank r, up
// to the next heading of that rank or higher: the section it announces.
// A heading wrapped alone in an element announces what follows its
// wrapper.
func headedSection(h *html.Node, r int) []*html.Node {
	start := h
	for start.NextSibling == nil || !hasContentAfter(start) {
		p := start.Parent
		if p == nil || p.Type != html.ElementNode || letterCount(textOf(p)) > letterCount(textOf(h)) {
			break
		}
		start = p
	}
	var sec []*html.Node
	for s := start.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode && (headingRank(s) != 0 && headingRank(s) <= r || holdsHeading(s, r)) {
			break
		}
		sec = append(sec, s)
	}
	return sec
}

// readRecipeBox appends to body the blocks of n, one per line: a heading
// as a heading; a list item or a table row without blocks in it as a list
// item (a row's cells, the amount and the name, joined by a space); the
// text of other blocks split at line breaks, each line a list item of an
// ingredient list or a paragraph of the steps. Debris (isRecipeDebris)
// is left out.
func readRecipeBox(n *html.Node, role recipeRole, body *html.Node) {
	emit := func(tag atom.Atom, text string) {
		text = cleanInline(text)
		if !hasLetters(text, 1) && !hasWordChar(text) {
			return
		}
		if tag == 0 {
			tag = atom.P
			if role == roleIngredients {
				tag = atom.Li
			}
		}
		e := &html.Node{Type: html.ElementNode, Data: tag.String(), DataAtom: tag}
		e.AppendChild(&html.Node{Type: html.TextNode, Data: text})
		if tag == atom.Li {
			// Each line its own list, so that the walker reads it as one item.
			l := body.LastChild
			if l == nil || nodeAtom(l) != atom.Ul {
				l = &html.Node{Type: html.ElementNode, Data: "ul", DataAtom: atom.Ul}
				body.AppendChild(l)
			}
			l.AppendChild(e)
			return
		}
		body.AppendChild(e)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			emitLines(n.Data, emit)
			return
		}
		if n.Type != html.ElementNode || isRecipeDebris(n) {
			return
		}
		switch {
		case headingRank(n) != 0:
			emit(atom.H3, boxText(n, " "))
			return
		case nodeAtom(n) == atom.Tr && !hasRecipeBlocks(n):
			emit(atom.Li, boxText(n, " "))
			return
		case nodeAtom(n) == atom.Li && !hasRecipeBlocks(n):
			emit(atom.Li, boxText(n, " "))
			return
		case !hasRecipeBlocks(n):
			emitLines(boxText(n, "\n"), emit)
			return
		}
		// Inline pieces between blocks are a line of their own.
		var run []*html.Node
		flush := func() {
			var sb strings.Builder
			for _, r := range run {
				if r.Type == html.TextNode {
					sb.WriteString(r.Data)
				} else {
					sb.WriteString(boxText(r, "\n"))
				}
				sb.WriteByte(' ')
			}
			run = run[:0]
			emitLines(sb.String(), emit)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode || c.Type == html.ElementNode && !isRecipeBlock(c) && !hasRecipeBlocks(c) {
				run = append(run, c)
				continue
			}
			flush()
			walk(c)
		}
		flush()
	}
	walk(n)
}

// emitLines emits each line of s (split at line breaks) with a letter or
// a digit as a block of the default kind.
func emitLines(s string, emit func(atom.Atom, string)) {
	for _, l := range strings.Split(s, "\n") {
		if strings.TrimSpace(l) != "" {
			emit(0, l)
		}
	}
}

// boxText is the text of n without debris, its <br>s and blocks given as
// sep, its table cells a space apart.
func boxText(n *html.Node, sep string) string {
	var sb strings.Builder
	var walk func(m *html.Node)
	walk = func(m *html.Node) {
		switch m.Type {
		case html.TextNode:
			sb.WriteString(m.Data)
			return
		case html.ElementNode:
			if isRecipeDebris(m) {
				return
			}
			if nodeAtom(m) == atom.Br {
				sb.WriteString(sep)
				return
			}
		default:
			return
		}
		block := isRecipeBlock(m) || nodeAtom(m) == atom.Td || nodeAtom(m) == atom.Th
		if block {
			sb.WriteString(" ")
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			sb.WriteString(" ")
		}
	}
	walk(n)
	return sb.String()
}

// isRecipeBlock reports whether n starts a block of its own in a box.
func isRecipeBlock(n *html.Node) bool {
	return n.Type == html.ElementNode && (isBlockElement(n) || nodeAtom(n) == atom.Tr || nodeAtom(n) == atom.Tbody ||
		nodeAtom(n) == atom.Thead || nodeAtom(n) == atom.Tfoot)
}

// hasRecipeBlocks reports whether a block element with text, not debris,
// is under n.
func hasRecipeBlocks(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || isRecipeDebris(c) {
			continue
		}
		if isRecipeBlock(c) && hasLetters(textOf(c), 1) || hasRecipeBlocks(c) {
			return true
		}
	}
	return false
}

// isRecipeDebris reports whether n is what a recipe box holds besides the
// recipe: controls (buttons, inputs, a serving scaler), media, and
// elements named for ratings, nutrition, printing, sharing, jump links,
// video, adverts or comments.
func isRecipeDebris(n *html.Node) bool {
	switch nodeAtom(n) {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Button, atom.Input, atom.Select, atom.Option,
		atom.Textarea, atom.Img, atom.Picture, atom.Svg, atom.Video, atom.Audio, atom.Iframe, atom.Figure, atom.Nav:
		return true
	case atom.Aside:
		// A sidebar, unless its names say it holds a part of the
		// recipe ("recipe__ingredients" set beside the method).
		return recipeBoxRole(n) == 0
	}
	for _, name := range []string{attr(n, "class"), attr(n, "id")} {
		for _, w := range nameWords(name) {
			if recipeDebrisWords[w] {
				return true
			}
		}
	}
	return false
}

// recipeDebrisWords are the words of class and id names of what is not
// the recipe's text inside its card or boxes.
var recipeDebrisWords = map[string]bool{
	"button": true, "btn": true, "buttons": true, "print": true, "jump": true, "share": true, "sharing": true,
	"pin": true, "rating": true, "ratings": true, "stars": true, "star": true, "review": true, "reviews": true,
	"nutrition": true, "nutrients": true, "nutritional": true, "naehrwerte": true, "nährwerte": true,
	"servings": true, "portions": true, "portionen": true, "scale": true, "scaler": true, "counter": true,
	"toggle": true, "checkbox": true, "video": true, "ad": true, "ads": true, "advert": true,
	"advertisement": true, "anzeige": true, "comment": true, "comments": true, "cart": true, "shopping": true,
	"rate": true, "voting": true, "media": true, "image": true, "img": true, "photo": true,
}

// recipeBoxRole says which part of a recipe n holds by its microdata or
// its class and id names, 0 for neither.
func recipeBoxRole(n *html.Node) recipeRole {
	switch strings.ToLower(attr(n, "itemprop")) {
	case "recipeingredient", "ingredients":
		return roleIngredients
	case "recipeinstructions":
		return roleSteps
	}
	if r := recipeNameRole(attr(n, "class")); r != 0 {
		return r
	}
	return recipeNameRole(attr(n, "id"))
}

// recipeNameRole says which part of a recipe one of the class or id names
// in name holds: a name whose words (nameWords) include an ingredients
// word and no steps word holds the ingredients ("wprm-recipe-ingredients",
// "tasty-recipes-ingredients", "zutaten"), the reverse the steps
// ("mv-create-instructions", "recipe-preparation", "zubereitung").
func recipeNameRole(name string) recipeRole {
	for _, token := range strings.Fields(name) {
		ingr, steps := false, false
		for _, w := range nameWords(token) {
			switch {
			case ingredientWords[w]:
				ingr = true
			case stepWords[w]:
				steps = true
			}
		}
		switch {
		case ingr && !steps:
			return roleIngredients
		case steps && !ingr:
			return roleSteps
		}
	}
	return 0
}

// ingredientWords and stepWords are the words of class and id names, and
// the first words of headings, that announce a recipe's ingredients or
// its method, in the languages narrate has phrase data for.
var ingredientWords = map[string]bool{
	"ingredients": true, "ingredient": true, "zutaten": true, "zutat": true, "zutatenliste": true,
	"ingrédients": true, "ingredientes": true, "ingredienti": true, "ingrediënten": true,
	"ingredienten": true, "ingredienser": true, "składniki": true, "skladniki": true,
}

var stepWords = map[string]bool{
	"instructions": true, "instruction": true, "directions": true, "method": true, "preparation": true,
	"steps": true, "step": true, "zubereitung": true, "zubereitungsschritte": true, "anleitung": true,
	"préparation": true, "preparacion": true, "preparación": true, "elaboración": true, "elaboracion": true,
	"preparazione": true, "procedimento": true, "bereiding": true, "bereidingswijze": true,
	"przygotowanie": true, "tillagning": true, "fremgangsmåde": true,
}

// recipeLabelRole says which part of a recipe a heading announces: its
// first word is an ingredients or a steps word ("Zutaten für 4 Personen",
// "Préparation", "Method"), in a heading of five words or fewer;
// "Modo de preparo" and "Mode de préparation" are labels too.
func recipeLabelRole(heading string) recipeRole {
	words := strings.FieldsFunc(strings.ToLower(heading), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	if len(words) == 0 || len(words) > 5 {
		return 0
	}
	switch {
	case ingredientWords[words[0]]:
		return roleIngredients
	case stepWords[words[0]]:
		return roleSteps
	case len(words) >= 3 && words[0] == "modo" && words[1] == "de" && words[2] == "preparo",
		len(words) >= 3 && words[0] == "mode" && words[1] == "de" && stepWords[words[2]]:
		return roleSteps
	}
	return 0
}
