package feed

import (
	"fmt"
	"strings"
)

// appleCategories are Apple Podcasts' top-level categories, which every
// directory maps its own to. A channel in any other is refused by Apple.
var appleCategories = []string{
	"Arts", "Business", "Comedy", "Education", "Fiction", "Government",
	"Health & Fitness", "History", "Kids & Family", "Leisure", "Music",
	"News", "Religion & Spirituality", "Science", "Society & Culture",
	"Sports", "Technology", "True Crime", "TV & Film",
}

// splitCategory splits "Category/Subcategory" (or "Category") and checks
// the category, spelled as Apple spells it up to letter case. Subcategories
// are passed on as given: Apple's list of them changes more often.
func splitCategory(c string) (top, sub string, err error) {
	if strings.TrimSpace(c) == "" {
		c = DefaultCategory
	}
	top, sub, _ = strings.Cut(c, "/")
	top, sub = strings.TrimSpace(top), strings.TrimSpace(sub)
	for _, a := range appleCategories {
		if strings.EqualFold(a, top) {
			return a, sub, nil
		}
	}
	return "", "", fmt.Errorf("category %q is not an Apple Podcasts category (%s)", top, strings.Join(appleCategories, ", "))
}
