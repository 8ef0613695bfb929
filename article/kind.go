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
	// products is how many products the page's structured data
	// describes, a product's variants not counted apart from it: more
	// than one on a shop's category page, whose cards are each marked
	// as a product.
	products int
	// recipe: the page says it holds a recipe (a schema.org Recipe): its
	// ingredients and steps are its text (readRecipe).
	recipe bool
	// webPage: only og:type "article" said article, and the structured
	// data names the page a web page (WebPage or one of its kinds: an
	// about, contact or questions page) or a service, and no article:
	// blog engines give that Open Graph type to every page, and their
	// plugins write the page's own type in the JSON-LD (a post there is
	// also an Article or a BlogPosting). Such a page is still read as
	// an article elsewhere; readsMainBox asks readMain of it.
	webPage bool
}

// readSignals reads the page's schema.org types.
func readSignals(root *html.Node) pageSignals {
	var s pageSignals
	// page: the structured data says what kind of web page this is, or
	// the service it offers, without calling it an article.
	page := false
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
		case "WebPage", "AboutPage", "ContactPage", "FAQPage", "CollectionPage", "ItemPage",
			"ProfilePage", "MedicalWebPage", "SearchResultsPage", "CheckoutPage", "Service":
			page = true
		}
	}
	// The same product is often given in microdata and in JSON-LD:
	// the larger count of the two is the page's.
	inProduct, inMicrodata, inLD := false, 0, 0
	// A product's name given again in another block (a rating's
	// itemReviewed, a second block for the same product) is the same
	// product.
	ldNames := map[string]bool{}
	ogArticle, offered := false, false
	// inItem: the walk is inside a typed microdata item; bareOffers
	// counts the offers outside any (isBareOffer).
	inItem, bareOffers := false, 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if p := strings.ToLower(attr(c, "itemprop")); inProduct && (p == "offers" || p == "price") {
				offered = true
			}
			if t := attr(c, "itemtype"); t != "" {
				for _, f := range strings.Fields(t) {
					note(f)
				}
				if isProductType(t) && !inProduct {
					inMicrodata++
					inProduct = true
					walk(c)
					inProduct = false
					continue
				}
			}
			if isBareOffer(c) && !inItem {
				bareOffers++
			}
			if hasAttr(c, "itemscope") && strings.TrimSpace(attr(c, "itemtype")) != "" && !inItem {
				inItem = true
				walk(c)
				inItem = false
				continue
			}
			if nodeAtom(c) == atom.Meta && strings.EqualFold(attr(c, "property"), "og:type") &&
				strings.EqualFold(strings.TrimSpace(attr(c, "content")), "article") {
				ogArticle = true
			}
			if nodeAtom(c) == atom.Meta && strings.EqualFold(attr(c, "property"), "og:type") &&
				strings.HasPrefix(strings.ToLower(strings.TrimSpace(attr(c, "content"))), "product") {
				s.product = true
			}
			if nodeAtom(c) == atom.Script {
				if strings.EqualFold(attr(c, "type"), "application/ld+json") && c.FirstChild != nil {
					jsonLDTypes(c.FirstChild.Data, note)
					names, o := jsonLDProducts(c.FirstChild.Data)
					for _, name := range names {
						if name == "" || !ldNames[name] {
							inLD++
						}
						if name != "" {
							ldNames[name] = true
						}
					}
					offered = offered || o
				}
				continue
			}
			walk(c)
		}
	}
	walk(root)
	if bareOffers > 0 && !s.product {
		// An offer of sale given as the property of no item or of an
		// item without a type: a shop's template that marks the price
		// of the thing sold and forgot (or misspelt) the product's
		// type around it. That thing is the page's product, one per
		// offer. On the WCXB pages one shop's page gained its
		// description (R 0.42 -> 1.00), products F1 0.713 -> 0.715, no
		// other page of any set changed.
		s.product = true
		inMicrodata = bareOffers
		offered = true
	}
	s.products = max(inMicrodata, inLD)
	// og:type "article" is many sites' default for every page (shops
	// built on blog engines give it to their product pages): a page whose
	// structured data describes one product offered for sale (with a
	// price or an offer) and no article is that product's page. (A
	// service's page may describe itself as a product only to show its
	// rating.) On the WCXB pages six shops' product pages were read as
	// products: one gained its description (R 0.35 -> 0.77), products
	// F1 0.689 -> 0.691, no other page changed.
	if ogArticle && !(s.product && s.products == 1 && offered && !s.article) {
		s.webPage = page && !s.article
		s.article = true
	}
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

// isProductType reports whether one of the schema.org types in t (an
// itemtype's URLs or a JSON-LD @type) is a product.
func isProductType(t string) bool {
	for _, f := range strings.Fields(t) {
		switch strings.TrimPrefix(strings.TrimPrefix(f, "https://schema.org/"), "http://schema.org/") {
		case "Product", "ProductGroup", "IndividualProduct", "ProductModel":
			return true
		}
	}
	return false
}

// jsonLDProducts returns the names (comparable, "" when it has none) of
// the products a JSON-LD block describes, at any depth, not those inside
// a product (its variants, its accessories), and says whether one of
// them is offered for sale (has "offers").
func jsonLDProducts(data string) (names []string, offered bool) {
	var v any
	if json.Unmarshal([]byte(data), &v) != nil {
		return nil, false
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			product := false
			switch t := x["@type"].(type) {
			case string:
				product = isProductType(t)
			case []any:
				for _, u := range t {
					if s, ok := u.(string); ok && isProductType(s) {
						product = true
					}
				}
			}
			if product {
				name, _ := x["name"].(string)
				names = append(names, comparable(name))
				if _, ok := x["offers"]; ok {
					offered = true
				}
				return
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	return names, offered
}

// isBareOffer reports whether n is a microdata offer of sale (an Offer or
// AggregateOffer item) given as the "offers" property of an item: called
// by readSignals on elements outside any typed item, where it is the
// offer of an item the page does not say the type of.
func isBareOffer(n *html.Node) bool {
	if !strings.EqualFold(strings.TrimSpace(attr(n, "itemprop")), "offers") {
		return false
	}
	for _, f := range strings.Fields(attr(n, "itemtype")) {
		switch strings.TrimPrefix(strings.TrimPrefix(f, "https://schema.org/"), "http://schema.org/") {
		case "Offer", "AggregateOffer":
			return true
		}
	}
	return false
}
