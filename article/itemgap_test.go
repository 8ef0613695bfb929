package article

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// A shop's list of items, each item built of blocks with no white space
// between them: every block is read a word apart from the next, and text
// split over inline elements with no space between them stays one word
// ("<span>Trail</span><span>Shoes</span>" shows as one in a browser).
func TestItemBlocksKeptApart(t *testing.T) {
	var items strings.Builder
	for i, name := range []string{"Alpine Trekker", "Ridge Runner", "Canyon Glide", "Harbour Walker"} {
		fmt.Fprintf(&items, `<li class="tile"><div class="badge">Rated %d of 5</div><a href="/p/%d"><div><span>%s</span><span>Trail</span><span>Shoes</span></div></a>`+
			`<div class="price"><span>$9%d.50</span></div><div class="spec">Heel drop: <div>%d mm</div></div>`+
			`<div class="spec">Cushioning: <div>Moderate</div></div><div class="note">Made from <b>re</b>cycled mesh uppers.</div></li>`, i+1, i, name, i, i+4)
	}
	page := `<html><head><title>Trail shoes</title></head><body><main><h1>Trail shoes</h1>` +
		`<p>Every shoe in this list was worn on wet rock, loose gravel and forest paths before it was listed here.</p>` +
		`<ul class="grid">` + items.String() + `</ul></main></body></html>`
	got := parsedText(t, page)
	wantLines(t, got,
		"item: Rated 1 of 5 Alpine TrekkerTrailShoes $90.50 Heel drop: 4 mm Cushioning: Moderate Made from recycled mesh uppers.",
		"item: Rated 4 of 5 Harbour WalkerTrailShoes $93.50 Heel drop: 7 mm Cushioning: Moderate Made from recycled mesh uppers.")
	if strings.Contains(got, "5Alpine") || strings.Contains(got, "50Heel") || strings.Contains(got, "re cycled") {
		t.Errorf("words run together or split:\n%s", got)
	}
}

func TestItemSpacerMatch(t *testing.T) {
	root, err := html.Parse(strings.NewReader(`<ul>` +
		`<li><div>Top Rated</div><a><span>Ridge</span><span>Runner</span></a><div>$94.73<button>Compare</button></div></li>` +
		`<li><span>one</span><span>line</span></li>` +
		`<li><div>Sold out</div><div>Canyon Glide</div></li></ul>`))
	if err != nil {
		t.Fatal(err)
	}
	s := newItemSpacer(root)
	if len(s.items) != 2 {
		t.Fatalf("%d items noted, want 2 (one without a block boundary)", len(s.items))
	}
	for _, c := range []struct{ in, want string }{
		// Read in another order, the button left out.
		{"RidgeRunnerTop Rated$94.73", "RidgeRunner Top Rated $94.73"},
		// Not an item of the page: as it is.
		{"Sold outCanyon Glider", "Sold outCanyon Glider"},
		{"Sold outCanyon Glide", "Sold out Canyon Glide"},
		// Items are looked for after the last one matched.
		{"RidgeRunnerTop Rated", "RidgeRunnerTop Rated"},
	} {
		if got := s.space(c.in); got != c.want {
			t.Errorf("space(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzItemSpacer: for any page and any extracted text, the spacer adds
// white space and nothing else, and never panics.
func FuzzItemSpacer(f *testing.F) {
	f.Add(`<ul><li><div>Top Rated</div><a><span>Ridge</span> Runner</a><div>$94.73</div></li></ul>`, "Ridge RunnerTop Rated$94.73")
	f.Add(`<dl><dt>Größe<div>Maße</div></dt><dd><p>é</p><p>ü</p></dd></dl>`, "éü")
	f.Add(`<li><p>a</p><p>a</p><p>aa</p></li>`, "aaaa")
	f.Fuzz(func(t *testing.T, page, text string) {
		root, err := html.Parse(strings.NewReader(page))
		if err != nil {
			return
		}
		s := newItemSpacer(root)
		got := s.space(text)
		if squeeze(got) != squeeze(text) || len(got) < len(text) {
			t.Fatalf("space(%q) = %q: not the same text", text, got)
		}
	})
}
