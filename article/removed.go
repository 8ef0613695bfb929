package article

import (
	"slices"
	"strings"
	"time"
	"unicode"
)

// Text the user gave is read unless a rule can say why it is debris: every
// removal is recorded with the rule that made it (Document.Removed), so
// `narrate script --explain` can show it and the corpus tests can count,
// rule by rule, how much of what each removes is real text.

// removalDocs says what the removals made outside the clean-up Rules take
// out; RuleDoc answers for both.
var removalDocs = map[string]string{
	"title-repeat":          "removes a first line or heading that repeats the title, which is read as the title",
	"no-words":              "removes a block with no letter or digit in it (`* * *`, `—`): there is nothing to say",
	"page:hidden":           "removes what the page hides from every reader (`hidden`, `aria-hidden=\"true\"`, `display:none`), but not what its scripts show: content streamed into hidden containers, or a hidden block with more prose than the visible page",
	"page:user-stats":       "removes the counters of a forum post's author box (label and value pairs such as `Joined`, `Messages`, `Posts: 12` in an element whose class names a user, poster, author, member or profile and holds no prose) and phpBB's post-button links (`Reply with quote`)",
	"page:qa-comments":      "removes, on a question-and-answer page, the lines found only in the comments marked under the question and each answer (schema.org Comment items inside a Question or an Answer item): the question and its answers are read",
	"page:boilerplate":      "removes asides, navigation, footers, forms, and elements whose role or class names a widget (related, newsletter, share, comments, cookie, ads) or a forum signature, unless they hold a good part of the page's paragraphs; a discussion's posts and a form wrapping most of the page's prose stay",
	"page:reviews":          "removes the customer reviews of a page that says it is a product (schema.org Product, og:type product): elements marked as reviews or named for them (`product-reviews`, a review widget), unless they hold the product's title or description or are nearly all the page",
	"page:field-dumps":      "removes, on a page that says it is a product, a table or definition list whose rows are labelled by program identifiers (`retail_price_tier1`, `cat_thumb_Red`): a shop's custom fields left in the page for its scripts",
	"page:product-menus":    "removes, on the page of one product, a block of six links to other pages or more that is nearly all link text: a shop's menus, footer columns and lists of brands or searches, which the extractor read as the page; a block holding the product's title or description stays",
	"page:related-sections": "removes a heading that points elsewhere (`Related`, `Lesen Sie auch`, `関連記事`) with the teasers right after it",
	"page:linked-headlines": "removes a paragraph between two paragraphs of the story that is only one link to another page, a headline with no full stop (another story's headline set in the text with no label)",
	"page:inline-cards":     "removes a hover card inside a sentence (a photo and links about the person named)",
	"page:teasers":          "removes the lines of a box of teasers (three or more linked headlines with a line or two each), unless the page is itself a list of stories",
	"page:product-repeat":   "removes, on a page about one product, a block of eight words or more that repeats an earlier block word for word (a shop's second layout of the same description, its questions and answers given twice)",
	"page:repeat":           "removes the first paragraph when the extractor gave it twice, above the title and again below it (the first post or body it found), and a run of paragraphs given again right after it (an answer's preview, then the whole answer)",
	"page:media":            "leaves out what belongs to a figure, image, video or embed: captions and credits are not read",
	"page:controls":         "leaves out buttons, forms, navigation and asides inside the article's text",
	"page:large-table":      "leaves out a table of more than 150 rows or 10 columns (a warning says so), unless the page has nothing else to read",
	"lead-byline":           "turns the line right under the title that says who wrote the article (`By Anna Roth`, `By Anna Roth | 3 May 2026`) into the byline, and its date into the published date",
	"markdown:front-matter": "leaves out a Markdown file's front matter (the YAML between `---` lines or the TOML between `+++` at its top); its title, author and date are read as the title and byline and kept as the published date",
	"markdown:code":         "leaves out a Markdown code block (between ``` or ~~~ fences, or indented and not prose): code is not read aloud",
	"markdown:image":        "leaves out a Markdown image (`![alt](url)`): its alt text describes a picture the listener does not see",
	"markdown:html-comment": "leaves out an HTML comment in a Markdown text (`<!-- … -->`), which its page does not show",
	"markdown:template":     "leaves out a static-site generator's tags in Markdown (Hugo's shortcodes `{{< figure … >}}`, Liquid's `{% include … %}`, `{{ page.title }}`), which the site replaces when it builds the page",
	"markdown:large-table":  "leaves out a Markdown table of more than 150 rows or 10 columns (a warning says so), unless the text has nothing else to read",
}

// RuleDoc returns one line saying what the rule or prune called name
// removes (a default clean-up Rule's Doc, or the doc of a removal made on
// the page or the document), or "" for a name narrate does not know (a
// newsroom's own rule).
func RuleDoc(name string) string {
	for _, r := range defaultRules {
		if r.Name == name {
			return r.Doc
		}
	}
	return removalDocs[name]
}

// recordRemovals adds to d.Removed what rule took out of the blocks whose
// texts were before, given the byline and published date before the rule
// ran. A block emptied or deleted is removed whole; one whose text lost
// its start or its end lost that part; one changed otherwise was repaired
// (tags, entities), not cut. Rules do not reorder blocks, so blocks are
// matched in order.
func (d *Draft) recordRemovals(rule string, before []string, byline string, published *time.Time) {
	after := d.Blocks
	j := 0
	for _, was := range before {
		now := ""
		switch {
		case len(after) == len(before):
			now = after[j].Text
			j++
		case j < len(after) && derivedFrom(after[j].Text, was):
			now = after[j].Text
			j++
		}
		if now == was {
			continue
		}
		gone := was
		switch {
		case now == "":
		case strings.HasPrefix(was, now):
			gone = was[len(now):]
		case strings.HasSuffix(was, now):
			gone = was[:len(was)-len(now)]
		default:
			continue // repaired, not cut
		}
		gone = strings.TrimSpace(gone)
		if !hasWordChar(gone) {
			continue
		}
		r := Removal{Rule: rule, Text: gone}
		if now == "" {
			r.Into = d.whereWent(gone, byline, published)
		}
		d.Removed = append(d.Removed, r)
	}
}

// whereWent says where a block a rule removed went: into the byline when
// it names the byline's author (a "By" line, an author box) and into the
// published date when the rule just set that date from it.
func (d *Draft) whereWent(gone, byline string, published *time.Time) string {
	if d.Byline != "" {
		key, name := nameKey(gone), nameKey(d.Byline)
		if key == name || (d.Byline != byline && name != "" && strings.Contains(key, name)) {
			return IntoByline
		}
		if _, n := dateLineParts(gone); n != "" && nameKey(n) == name {
			return IntoByline // a stamp naming the byline's author
		}
	}
	if published == nil && d.Published != nil && datePattern.MatchString(gone) {
		return IntoPublished
	}
	return ""
}

// derivedFrom reports whether text can be what a rule left of was: the
// same, a part of its start or end, or a repair of it of about its length.
func derivedFrom(text, was string) bool {
	return text == was || text != "" && (strings.HasPrefix(was, text) || strings.HasSuffix(was, text) ||
		len(text)*2 >= len(was) && len(text) <= len(was)*2)
}

// removedBlocks lists, as removals by rule, the blocks of before that are
// not in after (after is before with some blocks left out, in order).
func removedBlocks(rule, into string, before, after []Block) []Removal {
	var out []Removal
	j := 0
	for _, b := range before {
		if j < len(after) && after[j].Text == b.Text {
			j++
			continue
		}
		if hasWordChar(b.Text) {
			out = append(out, Removal{Rule: rule, Text: b.Text, Into: into})
		}
	}
	return out
}

// dropWordless removes the blocks with nothing to say, recording them.
func dropWordless(blocks []Block, removed *[]Removal) []Block {
	if !slices.ContainsFunc(blocks, func(b Block) bool { return !hasWordChar(b.Text) }) {
		return blocks
	}
	out := make([]Block, 0, len(blocks))
	for _, b := range blocks {
		if hasWordChar(b.Text) {
			out = append(out, b)
		} else if strings.TrimSpace(b.Text) != "" {
			*removed = append(*removed, Removal{Rule: "no-words", Text: b.Text})
		}
	}
	return out
}

// hasWordChar reports whether s has a letter or a digit.
func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
