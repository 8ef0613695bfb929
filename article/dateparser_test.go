package article

import (
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// narrate's go.mod replaces go-dateparser with a package whose Parse always
// fails (third_party/go-dateparser): only go-htmldate's extensive search
// calls it, and its locale tables cost every process about 78 MB and 0.2 s
// at start. That is sound only while extraction asks for the fast date mode.
func TestDateModeNeedsNoDateParser(t *testing.T) {
	if m := extractOptions().HtmlDateMode; m != trafilatura.Fast {
		t.Fatalf("HtmlDateMode = %v: the extensive mode calls go-dateparser, which narrate's go.mod replaces; drop the replace directive before changing the mode", m)
	}
}

// Dates written the usual ways are still found without go-dateparser.
func TestPublishedDateForms(t *testing.T) {
	for _, tc := range []struct{ name, head, body, want string }{
		{"meta", `<meta property="article:published_time" content="2025-06-03T08:00:00Z">`, "", "2025-06-03"},
		{"json-ld", `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-11-19"}</script>`, "", "2024-11-19"},
		{"time element", "", `<time datetime="2023-02-14">14 February 2023</time>`, "2023-02-14"},
		{"url-free text", "", `<p class="date">Published 7 March 2022</p>`, "2022-03-07"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>River survey</title>` + tc.head + `</head><body><article><h1>River survey</h1>` + tc.body +
				`<p>The county counted otters along the river for the third spring in a row, and the volunteers found more of them than in any year before.</p>` +
				`<p>Most were seen near the old mill, where the water runs slow and clear, and where the reeds give the young ones cover from the road.</p>` +
				`<p>The survey will run again next year with twice as many walkers, the council said on Tuesday after a vote.</p></article></body></html>`
			doc, err := Parse([]byte(page), "survey.html", LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Published == nil || doc.Published.Format("2006-01-02") != tc.want {
				t.Errorf("published %v, want %s", doc.Published, tc.want)
			}
		})
	}
}
