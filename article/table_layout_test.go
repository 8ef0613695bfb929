package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestUnwrapLayoutTable(t *testing.T) {
	story := `<p>The harbour crane was repaired on Friday, and the ferry left on time for the first time this month, the harbour office said.</p>` +
		`<p>Its engineers had worked through the night on the crane's motor, which failed on Tuesday and left two ships waiting at the pier.</p>` +
		`<p>The office said the crane would be inspected again next week, and that it had ordered a spare motor from the maker in Hamburg.</p>` +
		`<p>Ferries to the islands run on their summer timetable from Monday, with the first boat leaving at six.</p>`
	for _, c := range []struct{ name, page, want string }{
		{"a page laid out in a table", `<table width="900"><tr><td width="150"><a href="/a">News</a><br><a href="/b">Sport</a></td><td><h1>Crane fixed</h1>` + story + `</td></tr></table>`,
			`<div><div><div><div><a href="/a">News</a><br/><a href="/b">Sport</a></div><div><h1>`},
		{"a data table stays", `<table><tr><th>Ship</th><th>Berth</th></tr><tr><td>Marlin</td><td>4</td></tr></table>` + story,
			`<table><tbody><tr><th>Ship</th>`},
		{"a data table inside a layout table stays", `<table><tr><td>` + story + `<table><tr><td>Marlin</td><td>4</td></tr></table></td></tr></table>`,
			`<table><tbody><tr><td>Marlin</td>`},
		{"a glossary of short paragraphs stays", `<table><tr><td><p>Berth</p><p>Where a ship lies.</p></td></tr></table>`,
			`<table><tbody><tr><td><p>Berth</p>`},
	} {
		t.Run(c.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(`<html><body>` + c.page + `</body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range findLayoutFrames(root) {
				unwrapLayoutTable(f.table)
			}
			var b strings.Builder
			if err := html.Render(&b, root); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(b.String(), c.want) {
				t.Errorf("got %s\nwant it to hold %s", b.String(), c.want)
			}
		})
	}
}

func TestLayoutFrameTookWhole(t *testing.T) {
	story := "The harbour crane was repaired on Friday, and the ferry left on time for the first time this month. " +
		"Its engineers had worked through the night on the motor, which failed on Tuesday and left two ships waiting. " +
		"The office said the crane would be inspected again next week, and that a spare motor was ordered from Hamburg. " +
		"Ferries to the islands run on their summer timetable from Monday, with the first boat leaving at six. "
	page := `<html><body><table><tr><td><a href="/a">News from the harbour</a><br><a href="/b">Sport and weather today</a></td><td><h1>Crane fixed</h1><p>` + story + `</p><p>` + story + `</p></td></tr></table></body></html>`
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	frames := findLayoutFrames(root)
	if len(frames) != 1 {
		t.Fatalf("%d frames, want 1", len(frames))
	}
	if f := frames[0]; !f.tookWhole("News from the harbour Sport and weather today Crane fixed "+story+story) || f.tookWhole("Crane fixed "+story+story) {
		t.Errorf("tookWhole: the menu with the story is the whole frame, the story alone is not")
	}
}
