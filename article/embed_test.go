package article

import (
	"strings"
	"testing"
)

// Blocks of the story that the content system names "embed" are read:
// a magazine's accordion section and its heading, a ranking's entry, a
// page builder's code block. A post embedded from a social network, a
// player and a pull quote, named so too, are not.
func TestEmbedNamedProseRead(t *testing.T) {
	entry := "Harbour Bakery opened its second shop in the old customs house, and the queue for its rye loaves reaches the quay by eight."
	advice := "A light shoe suits fast days on the track, and a heavier, softer trainer suits the slow runs of the week after a race."
	tweet := "Queues at the new bakery again this morning, the whole quay smells of rye bread and everyone is in a good mood about it."
	quote := "We bake through the night so that the fishermen have bread when they come in, and we never run out before noon."
	page := `<html><head><title>Harbour guide</title></head><body><main><article><h1>What to do by the harbour</h1>` + storyHTML() +
		`<section class="embed"><h2>Where to eat</h2></section>` +
		`<div class="ck-block ck-block--embed"><p>` + entry + `</p></div>` +
		`<section class="embed" data-embed="accordion"><div><p>` + advice + `</p></div></section>` +
		`<div class="embed embed--twitter"><blockquote class="twitter-tweet"><p>` + tweet + `</p></blockquote></div>` +
		`<div class="quote-embed"><p>` + quote + `</p></div>` +
		`<p>The harbour festival returns in June, with boats open to visitors and music on the quay every evening.</p>` +
		`</article></main></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, "Where to eat", entry, advice)
	for _, not := range []string{tweet, quote} {
		if strings.Contains(got, not) {
			t.Errorf("%q was read:\n%s", not, got)
		}
	}
}
