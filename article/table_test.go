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
	for i := range 200 {
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
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "200 rows") {
		t.Errorf("warnings %q, want one about the 200-row table", doc.Warnings)
	}
}

// A table of the article within the limits (a weekly plan of eight
// columns, forty rows of stations) is read row by row.
func TestLoadTableOfTheArticle(t *testing.T) {
	var rows strings.Builder
	rows.WriteString("<tr><th>Week</th><th>Mon</th><th>Tue</th><th>Wed</th><th>Thu</th><th>Fri</th><th>Sat</th><th>Sun</th></tr>")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&rows, "<tr><td>%d</td><td>Rest</td><td>Easy %d min</td><td>Rest</td><td>Hills</td><td>Rest</td><td>Long run</td><td>Rest</td></tr>", i, 20+i)
	}
	page := `<html lang="en"><head><title>Training plan</title></head><body><article><h1>Training plan</h1>` +
		`<p>Build up slowly over the forty weeks, and rest on the days the plan says so, whatever the weather.</p>` +
		`<table>` + rows.String() + `</table></article></body></html>`
	doc, err := Parse([]byte(page), "plan.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var items []string
	for _, b := range doc.Blocks {
		if b.Kind == KindItem {
			items = append(items, b.Text)
		}
	}
	if len(items) != 41 || items[40] != "40, Rest, Easy 60 min, Rest, Hills, Rest, Long run, Rest" || len(doc.Warnings) != 0 {
		t.Errorf("%d rows read (want 41), last %q, warnings %q", len(items), items[len(items)-1], doc.Warnings)
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
	for hint, want := range map[string]bool{
		"article__reactions": true, "bloc-commentaires": true, "comentarios-nota": true, "kommentar-artikel": false, "commento": false,
	} {
		if got := commentsHintIntl.MatchString(hint); got != want {
			t.Errorf("comments in other languages %q: %v, want %v", hint, got, want)
		}
	}
}

// An HTML ordered list's items carry the numbers the page shows, as
// browsers count them (start, reversed, value, type), and are read with
// them; their text stays the page's text. Unordered lists and lists whose
// numbers the page hides have none.
func TestOrderedListNumbers(t *testing.T) {
	const para = `<p>The council published its plan for the harbour on Thursday, after two years of consultation with the people who live and work along the quay.</p>`
	for _, c := range []struct{ name, list, want string }{
		{"plain", `<ol><li>Close the quay.</li><li>Dredge the channel.</li><li>Open the quay.</li></ol>`, "1 2 3"},
		{"start", `<ol start="4"><li>Close the quay.</li><li>Dredge the channel.</li></ol>`, "4 5"},
		{"reversed", `<ol reversed><li>Close the quay.</li><li>Dredge the channel.</li><li>Open the quay.</li></ol>`, "3 2 1"},
		{"value", `<ol><li>Close the quay.</li><li value="7">Dredge the channel.</li><li>Open the quay.</li></ol>`, "1 7 8"},
		{"letters", `<ol type="a"><li>Close the quay.</li><li>Dredge the channel.</li></ol>`, "a b"},
		{"roman", `<ol type="I"><li>Close the quay.</li><li>Dredge the channel.</li><li>Open the quay.</li><li>Paint the cranes.</li></ol>`, "I II III IV"},
		{"paragraphs in items", `<ol><li><p>Close the quay.</p><p>Boats moor at the pier.</p></li><li><p>Dredge the channel.</p></li></ol>`, "1 - 2"},
		{"unordered", `<ul><li>Close the quay.</li><li>Dredge the channel.</li></ul>`, "- -"},
		{"numbers hidden", `<ol style="list-style: none"><li>Close the quay.</li><li>Dredge the channel.</li></ol>`, "- -"},
		{"posts laid out in a list", `<ol class="posts"><li><div class="head">Posted by harbourfan</div><div class="body">Close the quay.</div></li><li><div class="head">Posted by quaykeeper</div><div class="body">Dredge the channel.</div></li></ol>`, "- -"},
	} {
		t.Run(c.name, func(t *testing.T) {
			page := `<html lang="en"><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>` + para + c.list + para + `</article></body></html>`
			doc, err := Parse([]byte(page), "page.html", LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range doc.Blocks {
				if b.Kind != KindItem {
					continue
				}
				if strings.ContainsAny(b.Text, "0123456789") {
					t.Errorf("the number is in the item's text: %q", b.Text)
				}
				n := b.Number
				if n == "" {
					n = "-"
				} else if want := n + ". " + b.Text; b.Spoken != want {
					t.Errorf("spoken %q, want %q", b.Spoken, want)
				}
				got = append(got, n)
			}
			if g := strings.Join(got, " "); g != c.want {
				t.Errorf("numbers %q, want %q", g, c.want)
			}
		})
	}
}
