package article

import (
	"strings"
	"testing"
)

// A short page (under about 100 characters of paragraphs) is read once:
// the extractor's baseline appended the whole body after its paragraphs,
// so a one-line page was read twice, and a headline and its paragraph were
// read, then read again run together.
func TestShortPageReadOnce(t *testing.T) {
	for _, c := range []struct {
		name, page, title string
		want              []string
	}{
		{"one paragraph", `<p>The ferry to the island runs again from Friday.</p>`, "",
			[]string{"paragraph: The ferry to the island runs again from Friday."}},
		{"headline and paragraph", `<body><h1>Ferry runs again</h1><p>The ferry to the island runs again from Friday, the harbour office said.</p></body>`,
			"Ferry runs again", []string{"paragraph: The ferry to the island runs again from Friday, the harbour office said."}},
		// Text outside the paragraphs is read too, as its own paragraph,
		// and not run into the next one ("Monday.The").
		{"text outside paragraphs", `<body><div>Tickets went on sale on <b>Monday</b> morning.</div><p>The ferry to the island runs again from Friday.</p></body>`, "",
			[]string{"paragraph: Tickets went on sale on Monday morning.", "paragraph: The ferry to the island runs again from Friday."}},
		{"german", `<html lang="de"><body><h1>Fähre fährt wieder</h1><p>Die Fähre zur Insel fährt ab Freitag wieder.</p></body></html>`,
			"Fähre fährt wieder", []string{"paragraph: Die Fähre zur Insel fährt ab Freitag wieder."}},
	} {
		doc, err := Parse([]byte(c.page), "page.html", LoadOptions{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got []string
		for _, b := range doc.Blocks {
			got = append(got, string(b.Kind)+": "+b.Text)
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") || doc.Title != c.title {
			t.Errorf("%s: got title %q and\n%s\nwant title %q and\n%s", c.name, doc.Title, strings.Join(got, "\n"), c.title, strings.Join(c.want, "\n"))
		}
	}
}
