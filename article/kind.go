package article

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageSignals is what a page says about itself in its structured data
// (schema.org types in JSON-LD or microdata), in no language: whether it
// is a discussion (a forum thread, a question and its answers), where
// the posts readers wrote are the page's text, not comments under it.
type pageSignals struct {
	discussion bool
	// article: the page says it is an article (a schema.org Article or
	// one of its kinds, or og:type "article"), read as an article: the
	// repeated blocks around it are teasers, not its text (readCards).
	article bool
	// product: the page says it is a product (a schema.org Product or
	// ProductGroup, or og:type "product"): its text is the product's
	// description, not the reviews under it (pruneReviews).
	product bool
	// recipe: the page says it holds a recipe (a schema.org Recipe): its
	// ingredients and steps are its text (readRecipe).
	recipe bool
}

// readSignals reads the page's schema.org types.
func readSignals(root *html.Node) pageSignals {
	var s pageSignals
	note := func(t string) {
		t = strings.TrimPrefix(strings.TrimPrefix(t, "https://schema.org/"), "http://schema.org/")
		switch t {
		case "DiscussionForumPosting", "QAPage":
			s.discussion = true
		case "Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "TechArticle",
			"OpinionNewsArticle", "AnalysisNewsArticle", "ReportageNewsArticle", "LiveBlogPosting":
			s.article = true
		case "Product", "ProductGroup", "IndividualProduct", "ProductModel":
			s.product = true
		case "Recipe":
			s.recipe = true
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if t := attr(c, "itemtype"); t != "" {
				for _, f := range strings.Fields(t) {
					note(f)
				}
			}
			if nodeAtom(c) == atom.Meta && strings.EqualFold(attr(c, "property"), "og:type") &&
				strings.EqualFold(strings.TrimSpace(attr(c, "content")), "article") {
				s.article = true
			}
			if nodeAtom(c) == atom.Meta && strings.EqualFold(attr(c, "property"), "og:type") &&
				strings.HasPrefix(strings.ToLower(strings.TrimSpace(attr(c, "content"))), "product") {
				s.product = true
			}
			if nodeAtom(c) == atom.Script {
				if strings.EqualFold(attr(c, "type"), "application/ld+json") && c.FirstChild != nil {
					jsonLDTypes(c.FirstChild.Data, note)
				}
				continue
			}
			walk(c)
		}
	}
	walk(root)
	return s
}

// jsonLDTypes calls note with every @type in a JSON-LD block, at any
// depth. A block that does not parse is skipped.
func jsonLDTypes(data string, note func(string)) {
	var v any
	if json.Unmarshal([]byte(data), &v) != nil {
		return
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if k == "@type" {
					switch t := e.(type) {
					case string:
						note(t)
					case []any:
						for _, u := range t {
							if s, ok := u.(string); ok {
								note(s)
							}
						}
					}
					continue
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
}
