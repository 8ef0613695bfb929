package article

import (
	"strings"
	"testing"
)

// Three paragraphs of a made-up story, long enough to read as prose.
var storyParas = []string{
	"The ferry to the northern islands ran late all week, because the harbour crane broke on Monday and the spare part had to come from the mainland.",
	"Passengers waited in the small café by the pier, where the owner kept the urn full and handed out blankets when the wind turned cold in the evening.",
	"By Friday the crane was fixed, and the captain sounded the horn twice as the boat left, which the old fishermen on the wall said they had not heard in years.",
}

func storyHTML() string {
	return "<p>" + strings.Join(storyParas, "</p><p>") + "</p>"
}

// A list page headed "Latest news" is read: the label heads the page's
// own list, it is not a related-links box after an article.
func TestListPageUnderRelatedLabelRead(t *testing.T) {
	var items strings.Builder
	heads := []string{"Harbour crane repaired after a week", "Island school opens a new library", "Ferry fares stay the same next year"}
	for _, h := range heads {
		items.WriteString(`<div class="item"><h3><a href="/news/` + strings.ReplaceAll(h, " ", "-") + `">` + h + `</a></h3><p>A short summary of the story for readers of the front page.</p></div>`)
	}
	page := `<html><head><title>News</title></head><body><main><h2>Latest news</h2>` + items.String() + `</main></body></html>`
	wantLines(t, parsedText(t, page), heads...)
}

// A page that is nothing but a long table (a schedule, a list of links
// laid out in a table) is read row by row; on a page with an article, the
// same table is left out.
func TestPageThatIsATableRead(t *testing.T) {
	var rows strings.Builder
	for i := 1; i <= 25; i++ {
		rows.WriteString(`<tr><td>` + string(rune('A'+i%26)) + ` line</td><td>departs 0` + string(rune('0'+i%10)) + `:15</td></tr>`)
	}
	table := `<table>` + rows.String() + `</table>`
	got := parsedText(t, `<html><head><title>Timetable</title></head><body><h1>Winter timetable</h1>`+table+`</body></html>`)
	wantLines(t, got, "B line, departs 01:15", "Z line, departs 05:15")
	got = parsedText(t, `<html><head><title>Ferry</title></head><body><article><h1>Ferry back on time</h1>`+storyHTML()+table+`</article></body></html>`)
	if strings.Contains(got, "departs") {
		t.Errorf("a long table beside an article was read:\n%s", got)
	}
}
