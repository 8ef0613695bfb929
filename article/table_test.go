package article

import (
	"fmt"
	"strings"
	"testing"
)

// A recipe's ingredient table is read row by row and its method list item
// by item; a short real paragraph stays; hidden text goes.
func TestLoadTablesAndLists(t *testing.T) {
	doc, err := Load(t.Context(), "testdata/tables/recipe.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, string(b.Kind)+": "+b.Text)
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"item: Ingredient, Amount",
		"item: Margarine or butter, 250 grams",
		"item: Plums, halved, 1 kilogram",
		"item: Add the eggs one at a time.",
		"paragraph: Asked why, she said no.",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in:\n%s", want, all)
		}
	}
	if strings.Contains(all, "hidden") {
		t.Errorf("hidden text read:\n%s", all)
	}
}

// A large data table is left out with one warning saying why.
func TestLoadLargeTable(t *testing.T) {
	var rows strings.Builder
	for i := range 40 {
		fmt.Fprintf(&rows, "<tr><td>Station %d</td><td>%d mm</td></tr>", i, i*3)
	}
	page := `<html lang="en"><head><title>Rainfall in March</title></head><body><article><h1>Rainfall in March</h1>` +
		`<p>March was the wettest month on record at most stations in the valley, the weather service said on Monday.</p>` +
		`<table>` + rows.String() + `</table><p>Farmers said the fields would take weeks to dry out before planting can start.</p></article></body></html>`
	doc, err := Parse([]byte(page), "rain.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if strings.Contains(b.Text, "Station") {
			t.Errorf("large table read: %q", b.Text)
		}
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "40 rows") {
		t.Errorf("warnings %q, want one about the 40-row table", doc.Warnings)
	}
}

func TestBoilerplateHint(t *testing.T) {
	for hint, want := range map[string]bool{
		"related-articles": true, "newsletterSignup": true, "share_bar": true, "c-comments": false,
		"ad-slot": true, "shareable-story": false, "commentary": false, "address": false,
		"article-body": false, "headline": false, "Kommentare": false, "relatedArticles": true,
	} {
		if got := boilerplateHint.MatchString(hint); got != want {
			t.Errorf("%q: %v, want %v", hint, got, want)
		}
	}
	// Comments are furniture under an article and the text of a
	// discussion: a hint of their own.
	for hint, want := range map[string]bool{
		"c-comments": true, "comment-list": true, "commentary": false, "Kommentare": false,
	} {
		if got := commentsHint.MatchString(hint); got != want {
			t.Errorf("comments %q: %v, want %v", hint, got, want)
		}
	}
}
