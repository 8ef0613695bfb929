package article

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// A plain page (no <article>, no content class) is read "wild" by the
// extractor, which takes its paragraphs one by one and nothing else: the
// subheadings and lists between them were not read.
func TestWildPageHeadingsAndListsRead(t *testing.T) {
	p1 := "The council said the dredging of the inner harbour will begin on Monday and run through the winter, with boats moved to the outer moorings."
	p2 := "The contractor expects to finish in March, weather permitting, and the moorings will reopen a week after that."
	p3 := "Owners who cannot move their boats are asked to call the harbour office before Friday so that a berth can be found."
	p4 := "The last dredging, eleven years ago, took a month longer than planned because of storms in January."
	page := `<html><head><title>Harbour works</title></head><body>` +
		`<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>` +
		`<h1>Harbour dredging starts next week</h1><p>` + p1 + `</p>` +
		`<h3>When will the work end?</h3><div><p>` + p2 + `</p></div>` +
		`<h3>What owners need to do</h3><ul><li>Empty the bilge</li><li>Take the dinghy ashore</li><li>Leave a key at the office</li></ul>` +
		`<p>` + p3 + `</p>` +
		// Not read: a heading over links, a caption's credit, a dialog.
		`<div class="side"><h4>Trending now</h4><ul><li><a href="/a">Ferry fares rise</a></li><li><a href="/b">New pier opens</a></li></ul></div>` +
		`<figure><img src="d.jpg" alt=""><figcaption><dl><dt>Photo</dt><dd>Harbour office</dd></dl></figcaption></figure>` +
		`<div role="dialog"><h4>Manage cookies</h4><ul><li>Strictly necessary cookies</li><li>Performance cookies</li></ul></div>` +
		`<p>` + p4 + `</p></body></html>`
	got := parsedText(t, page)
	want := []string{
		"paragraph: " + p1,
		"heading: When will the work end?",
		"paragraph: " + p2,
		"heading: What owners need to do",
		"item: Empty the bilge",
		"item: Take the dinghy ashore",
		"item: Leave a key at the office",
		"paragraph: " + p3,
		"paragraph: " + p4,
	}
	if got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// On a page read wild, a subhead linked to its own place on the page (a
// permalink "#…" beside or around its words, a CMS's anchor without an
// href) is a subhead, not a link away, and is put back; so is the one
// after a paragraph whose linked word the page's text spaces from its
// full stop ("<a></a><a href=…>slipway</a>." is "slipway ." on the page,
// "slipway." in the extractor's copy). A subhead linking to another
// page stays out.
func TestWildPageSelfLinkedHeadingsRead(t *testing.T) {
	p1 := "The tide tables for the coming season were published on Friday, and the harbour office has changed how it reports them."
	p2 := "Each table now gives the height at the inner basin and at the bar, since the two differ by as much as half a metre at springs."
	p3 := "Skippers who keep paper copies can collect them at the office, and the tables are on the notice board by the <a></a><a href='/glossary/slipway'><strong><em>slipway</em></strong></a>. They cost nothing."
	p4 := "The office reminds owners that the tables are predictions, and that wind and pressure can move the water well away from them."
	p6 := "The office also posts the tables online, where they can be read on a phone at the quay without signing in."
	p5 := "A storm surge last winter put the quay under water for two hours although the tables showed a neap tide."
	page := `<html><head><title>Tide tables</title></head><body>` +
		`<h1>New tide tables published</h1><p>` + p1 + `</p>` +
		`<h2 id="two"><a href="#two">Two heights in each table</a><a class="anchor" href="#two" aria-hidden="true"></a></h2><p>` + p2 + `</p>` +
		`<h3><a><strong>WHERE TO FIND THEM</strong></a></h3><p>` + p3 + `</p>` +
		`<h3>Online copies</h3><p>` + p6 + `</p>` +
		`<h3><a href="#limits">Predictions, not promises</a></h3><p>` + p4 + `</p>` +
		`<h3><a href="/news/other-story">Ferry timetable changes</a></h3><p>` + p5 + `</p></body></html>`
	got := parsedText(t, page)
	want := []string{
		"paragraph: " + p1,
		"heading: Two heights in each table",
		"paragraph: " + p2,
		"heading: WHERE TO FIND THEM",
		"paragraph: Skippers who keep paper copies can collect them at the office, and the tables are on the notice board by the slipway. They cost nothing.",
		"heading: Online copies",
		"paragraph: " + p6,
		"heading: Predictions, not promises",
		"paragraph: " + p4,
		"paragraph: " + p5,
	}
	if got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// Furniture a thread or a shop repeats between its paragraphs is not put
// back: a post's subject over each reply, a poster's details.
func TestWildPageRepeatsNotRead(t *testing.T) {
	posts := []string{
		"I have been looking for a board that still works without scripts and loads fast on an old phone.",
		"The one this site runs is small and easy to host, and it has had no serious bug in years.",
		"Plain HTML forums are still around; most of them run on software that was written twenty years ago.",
		"Whatever you choose, keep backups of the database and test the restore before you need it.",
	}
	var sb strings.Builder
	sb.WriteString(`<html><head><title>Old forums</title></head><body>`)
	for i, p := range posts {
		sb.WriteString(`<div class="blockpost"><h2>Re: Forum software for an old-school board</h2>`)
		sb.WriteString(`<dl><dt>user` + string(rune('a'+i)) + `</dt><dd>Member</dd><dd>Website</dd></dl>`)
		sb.WriteString(`<p>` + p + `</p></div>`)
	}
	sb.WriteString(`</body></html>`)
	got := parsedText(t, sb.String())
	wantLines(t, got, posts[1], posts[2], posts[3])
	for _, not := range []string{"Re: Forum software", "Member", "Website"} {
		if strings.Contains(got, not) {
			t.Errorf("%q was read:\n%s", not, got)
		}
	}
}

// A paragraph a page gives in three places, separated by its sections
// (a placeholder text), is read each time; the extractor's repeat of the
// first paragraph above the rest is still dropped (TestDropEarlyRepeats).
func TestPlaceholderRepeatsKept(t *testing.T) {
	same := "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore."
	blocks := []Block{
		{Kind: KindParagraph, Text: same},
		{Kind: KindHeading, Text: "Second part"},
		{Kind: KindParagraph, Text: same},
		{Kind: KindHeading, Text: "Third part"},
		{Kind: KindParagraph, Text: same},
	}
	if got := dropEarlyRepeats(blocks); len(got) != len(blocks) {
		t.Errorf("kept %d of %d blocks", len(got), len(blocks))
	}
	twice := []Block{blocks[0], {Kind: KindHeading, Text: "Title"}, blocks[0], blocks[0], {Kind: KindParagraph, Text: "And then the story goes on with other words than the first."}}
	if got := dropEarlyRepeats(twice); len(got) != len(twice)-1 {
		t.Errorf("a summary given twice in a row, and again above it: kept %d of %d blocks", len(got), len(twice))
	}
}

// A forum that writes each post as text straight in a <div> (XenForo's
// "bbWrapper") and marks its posts with microdata: the extractor reads a
// <div>'s own text only while the page's <p> elements hold under 300
// characters. The lines that head the posts are paragraphs unless they
// alone would lift the page over that mark; then they are <div>s, and
// the posts' text is still read (WCXB 0513 lost every post's text
// otherwise).
func TestPostHeadsKeepDivTextRead(t *testing.T) {
	thread := func(posts int, intro string) string {
		var sb strings.Builder
		sb.WriteString(`<html><body><h1>Messages still taking up space</h1>` + intro)
		for i := range posts {
			fmt.Fprintf(&sb, `<article class="message" itemscope itemtype="https://schema.org/Comment">`+
				`<h4 itemprop="author" itemscope><a itemprop="name" href="/m/%d">member%d</a></h4>`+
				`<time itemprop="datePublished">Jul %d, 2022</time>`+
				`<article class="message-body"><div itemprop="text"><div class="bbWrapper">Reply number %d, written as text in a div.</div></div></article></article>`,
				i, i, i%28+1, i)
		}
		sb.WriteString(`</body></html>`)
		return sb.String()
	}
	long := `<p>` + strings.Repeat("The thread starts with a long introduction in a paragraph. ", 6) + `</p>`
	for _, c := range []struct {
		name  string
		page  string
		want  string
		heads int
	}{
		{"few posts: the heads stay under the mark", thread(3, ""), "p", 3},
		{"many posts: the heads would cross it", thread(24, ""), "div", 24},
		{"the page's paragraphs are over it already", thread(24, long), "p", 24},
	} {
		root, err := html.Parse(strings.NewReader(c.page))
		if err != nil {
			t.Fatal(err)
		}
		headPostsWithAuthor(root)
		n := 0
		var walk func(*html.Node)
		walk = func(x *html.Node) {
			if x.Type == html.ElementNode && strings.HasPrefix(textOf(x), "member") && strings.Contains(textOf(x), ", Jul ") && x.FirstChild != nil && x.FirstChild.Type == html.TextNode {
				n++
				if x.Data != c.want {
					t.Errorf("%s: head %q is a <%s>, want <%s>", c.name, textOf(x), x.Data, c.want)
				}
			}
			for k := x.FirstChild; k != nil; k = k.NextSibling {
				walk(k)
			}
		}
		walk(root)
		if n != c.heads {
			t.Errorf("%s: %d heads, want %d", c.name, n, c.heads)
		}
	}
}
