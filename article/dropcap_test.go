package article

import (
	"testing"
)

// A drop cap set in an element of its own is read at the start of its
// word: "During", not "uring". A letter avatar over a user's name, and a
// capital standing alone before a space, are left as they are.
func TestDropCapJoined(t *testing.T) {
	rest := "uring the winter the ferry ran twice a day, and the harbour office kept the waiting room open until the last boat was in."
	page := `<html><head><title>Winter ferry</title></head><body><article><h1>The winter ferry</h1>` +
		`<div class="post-first-letter">D</div><div class="post-rich-text"><p>` + rest + `</p>` +
		`<p>` + storyParas[0] + `</p><p>` + storyParas[1] + `</p></div></article></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, "paragraph: D"+rest)

	for _, keep := range []string{
		`<div class="dropcap">H</div><p>happycat9 wrote that the ferry was late again.</p>`,
		`<span class="drop-cap">A</span> <p>man waited on the quay for the ferry.</p>`,
	} {
		root := mustParse(t, keep)
		before := textOf(root)
		joinDropCaps(root)
		if after := textOf(root); after != before {
			t.Errorf("%s: text changed to %q", keep, after)
		}
	}
}
