package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestListingFrontPage reads a news site's front page, whose stories are
// cards in two sections (each its own grid, so no one run of siblings
// holds them all), as the list of its stories: every card's title,
// blurb and byline in the page's order, under its section's heading;
// not the site's menu, its cookie notice or its footer.
func TestListingFrontPage(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "listing", "front.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(data, "front.html", LoadOptions{Format: FormatHTML})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var lines []string
	for _, b := range doc.Blocks {
		lines = append(lines, b.Text)
	}
	text := strings.Join(lines, "\n")
	want := []string{
		"This week on the coast",
		"Harbour ferries return to the winter timetable",
		"The crossing to the island runs every forty minutes",
		"Why the old mill lost its roof in the storm",
		"A bakery that opens at four in the morning",
		"Around the town",
		"Council votes to keep the library open on Sundays",
		"Volunteers count the seals on the northern sandbank",
		"The last cobbler on Market Street hands over his shop",
		"he is passing the keys to his former apprentice",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q missing or out of order in:\n%s", w, text)
		}
		at += i + len(w)
	}
	for _, no := range []string{"Weather", "Privacy", "We use cookies"} {
		if strings.Contains(text, no) {
			t.Errorf("read the page's furniture %q:\n%s", no, text)
		}
	}
}

// TestListingKeepsArticle checks that an article with a grid of related
// stories under it is read as the article: the grid is not its text.
func TestListingKeepsArticle(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`<html lang="en"><head><title>Tides</title></head><body><main><h1>Why the spring tides run high</h1>`)
	for i := 0; i < 6; i++ {
		sb.WriteString(`<p>When the sun and the moon line up, their pulls add together, and the sea rises higher and falls lower than in the weeks between, which harbour masters plan for months ahead.</p>`)
	}
	sb.WriteString(`</main><div class="more">`)
	for _, title := range []string{"Lighthouse keepers remember the long nights", "A guide to the coastal path in autumn", "Fishing quotas set for the coming season", "The ferry company orders two new boats"} {
		slug := strings.ReplaceAll(strings.ToLower(title), " ", "-")
		sb.WriteString(`<div class="teaser"><h3><a href="/` + slug + `">` + title + `</a></h3><span><a href="/a/` + slug + `">Staff writer</a></span></div>`)
	}
	sb.WriteString(`</div></body></html>`)
	doc, err := Parse([]byte(sb.String()), "tides.html", LoadOptions{Format: FormatHTML})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	for _, b := range doc.Blocks {
		if strings.Contains(b.Text, "Lighthouse keepers") || strings.Contains(b.Text, "coastal path") {
			t.Errorf("read a related story's teaser as the article's text: %q", b.Text)
		}
	}
	if len(doc.Blocks) < 6 {
		t.Errorf("got %d blocks, want the article's six paragraphs", len(doc.Blocks))
	}
}
