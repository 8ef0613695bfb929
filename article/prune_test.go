package article

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var threadPosts = []string{
	"Has anyone here replaced the chain on an old three-speed bicycle? Mine slips on the hills and I am not sure which size to buy.",
	"I did mine last spring. Count the links on the old one first, then take it to the shop with you, and they will match the pitch for you.",
	"Also check the rear sprocket for wear. A new chain on a worn sprocket will slip just the same, and it costs very little to swap both at once.",
}

// A forum thread marked as a discussion is read post by post, although
// each post's container is named for comments.
func TestDiscussionCommentsRead(t *testing.T) {
	var posts strings.Builder
	for i, p := range threadPosts {
		posts.WriteString(`<div class="comment" id="comment-` + string(rune('1'+i)) + `"><div class="author">rider` + string(rune('1'+i)) + `</div><div class="comment-body">` + p + `</div></div>`)
	}
	page := `<html><head><title>Chain slips</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Chain slips"}</script></head>` +
		`<body><nav><a href="/">Forum</a> <a href="/bikes">Bikes</a></nav><h1>Chain slips on hills</h1>` + posts.String() + `</body></html>`
	wantLines(t, parsedText(t, page), threadPosts...)
}

// Must not: comments under an article are not read.
func TestArticleCommentsNotRead(t *testing.T) {
	page := `<html><head><title>Ferry</title><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body><article><h1>Ferry back on time</h1>` + storyHTML() + `</article>` +
		`<div class="comments"><div class="comment">` + threadPosts[1] + `</div><div class="comment">` + threadPosts[2] + `</div></div></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, storyParas...)
	if strings.Contains(got, "sprocket") {
		t.Errorf("a comment was read:\n%s", got)
	}
}

// A form that wraps the page's text (a forum's moderation form around its
// posts) is not a form to fill in: its text is read. A search form on the
// same page is not.
func TestFormWrappingPostsRead(t *testing.T) {
	var posts strings.Builder
	for _, p := range threadPosts {
		posts.WriteString(`<div class="message"><div class="message-body">` + p + `</div><label><input type="checkbox"> Select</label></div>`)
	}
	page := `<html><head><title>Chain slips</title></head><body><form action="/search"><input name="q"><button>Search the forum</button></form>` +
		`<h1>Chain slips on hills</h1><form action="/inline-mod" method="post">` + posts.String() + `</form></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, threadPosts...)
	if strings.Contains(got, "Search the forum") {
		t.Errorf("the search form was read:\n%s", got)
	}
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
	for i := 1; i <= 160; i++ {
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

// A code listing's comments, which syntax highlighters put in spans
// named "hljs-comment" or "token comment", are part of the code: read.
func TestCodeCommentsRead(t *testing.T) {
	page := `<html><head><title>Git</title></head><body><article><h1>Git in five commands</h1>` + storyHTML() +
		`<pre><code class="language-bash"><span class="hljs-comment"># start a repository here</span>
git init
<span class="token comment"># see what changed</span>
git status</code></pre></article><div class="comments"><p>Great post, thanks for writing it up so clearly for all of us!</p></div></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, "# start a repository here", "# see what changed")
	if strings.Contains(got, "Great post") {
		t.Errorf("a reader's comment was read:\n%s", got)
	}
}

// On a page that says it is an article, a modal box is the site's (an
// advertiser disclosure, a sign-up form), not the article, and is pruned
// with the page's furniture; a shop's modal holds its product's details,
// and a page that says nothing keeps it too.
func TestModalOnArticlePagePruned(t *testing.T) {
	n := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div,
		Attr: []html.Attribute{{Key: "class", Val: "disclosure-modal-container"}}}
	for _, c := range []struct {
		name string
		sig  pageSignals
		want bool
	}{
		{"article", pageSignals{article: true}, true},
		{"product", pageSignals{product: true}, false},
		{"article that is a product", pageSignals{article: true, product: true}, false},
		{"no signal", pageSignals{}, false},
	} {
		if got := isBoilerplate(n, map[string]hintMatch{}, c.sig); got != c.want {
			t.Errorf("%s page: modal pruned = %v, want %v", c.name, got, c.want)
		}
	}
	// Must not: a name that only contains the letters is no modal.
	n.Attr[0].Val = "bimodal-chart"
	if isBoilerplate(n, map[string]hintMatch{}, pageSignals{article: true}) {
		t.Error(`"bimodal-chart" taken for a modal`)
	}
	// The article is read beside the modal.
	disclosure := "Many of the offers on this site come from companies that pay us when a reader clicks a link or opens an account, and this may affect where and in what order products appear on our pages."
	page := `<html><head><title>Ferry</title><meta property="og:type" content="article"></head><body>` +
		`<div class="disclosure-modal"><div class="disclosure-modal__content"><p>` + disclosure + `</p></div></div>` +
		`<main><article><h1>Ferry back on time</h1>` + storyHTML() + `</article></main></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, storyParas...)
	if strings.Contains(got, "companies that pay us") {
		t.Errorf("the modal was read:\n%s", got)
	}
}

// A link named for the modal it opens (a shop's card over a product's
// name in an ingredient list, a glossary's box over a term) is a word of
// its line on a page that says it is an article, not a modal box: the
// line keeps it instead of reading "120 g or , or a mix".
func TestModalLinkInLineKept(t *testing.T) {
	page := `<html><head><title>Rye bread</title><meta property="og:type" content="article"></head><body>` +
		`<main><article><h1>A simple rye loaf</h1>` +
		`<p>Rye bread keeps for a week and needs no kneading at all. The dough is a paste, and it rises slowly in the tin it bakes in, which is why it suits a busy week.</p>` +
		`<ul><li>300 g <a class="product-modal" href="https://shop.example.com/rye">Whole Rye Flour</a> or <a class="product-modal" href="https://shop.example.com/spelt">Wholegrain Spelt Flour</a>, or a mix</li>` +
		`<li>1 spoonful of sourdough starter</li><li>250 g warm water</li></ul>` +
		`<p>Leave the tin somewhere warm overnight, and bake it in the morning when the paste has risen to the rim; it needs an hour in a hot oven.</p>` +
		`</article></main></body></html>`
	got := parsedText(t, page)
	if !strings.Contains(got, "300 g Whole Rye Flour or Wholegrain Spelt Flour, or a mix") {
		t.Errorf("the linked words of the line were not read:\n%s", got)
	}
}

// consentCentre is a consent banner's preference centre: a dialog of long
// paragraphs, one per purpose.
func consentCentre() string {
	purposes := []string{
		"These cookies let the site remember the choices you make, such as your language or the region you are in, and give you a more personal service. If you refuse them, some features of the site may not work as you expect.",
		"These cookies are placed by our advertising partners to build a picture of what you are interested in and to show you adverts that match it on other sites. They do not hold your name, but they recognise your browser and your device.",
		"These cookies count visits and where they come from, so that we can measure and improve how the site performs. All the information they gather is added up with everyone else's, and so it does not identify you.",
		"These cookies are needed for the site to work and cannot be switched off. They are usually set only when you do something that asks for a service, such as setting your privacy choices, signing in or filling in a form.",
	}
	var b strings.Builder
	b.WriteString(`<div id="privacy-centre" role="region"><div role="dialog" aria-modal="true" aria-label="Your privacy"><h2>Your privacy</h2>`)
	for i, p := range purposes {
		b.WriteString(`<div class="purpose"><h4>Purpose ` + string(rune('1'+i)) + `</h4><p class="purpose-desc">` + p + `</p><label><input type="checkbox"> Allow</label></div>`)
	}
	b.WriteString(`<button>Allow all</button><button>Reject all</button></div></div>`)
	return b.String()
}

// A dialog is not read even when it holds most of the page's <p> text: a
// thread's posts in <div>s are short, a consent centre's purposes long.
func TestConsentDialogOnThreadPruned(t *testing.T) {
	var posts strings.Builder
	for i, p := range threadPosts {
		posts.WriteString(`<div class="msg"><div class="msg-head">rider` + string(rune('1'+i)) + ` 2 years ago</div><div class="msg-body">` + p + `</div></div>`)
	}
	page := `<html><head><title>Chain slips</title></head><body><h1>Chain slips on hills</h1>` + posts.String() + consentCentre() + `</body></html>`
	got := parsedText(t, page)
	wantLines(t, got, threadPosts...)
	if strings.Contains(got, "cookies") {
		t.Errorf("the consent dialog was read:\n%s", got)
	}
}

// Must not: a page that shows its story in a dialog, headline and all,
// has it read.
func TestStoryInDialogRead(t *testing.T) {
	page := `<html><head><title>Ferry</title></head><body><nav><a href="/">Home</a></nav>` +
		`<div role="dialog" aria-modal="true"><h1>Ferry back on time</h1>` + storyHTML() + `</div></body></html>`
	wantLines(t, parsedText(t, page), storyParas...)
}

// A text the page shows in part until a click, in a box named "read
// more" ("read-more__text"), is the page's own: read. A box of that name
// that is links to more stories, or a reader's review shown in part, is
// still left out.
func TestReadMoreTextKept(t *testing.T) {
	page := `<html lang="en"><head><title>Rain barrels</title></head><body><main><h1>Rain barrels</h1>` +
		`<p>A rain barrel under a downpipe catches the water that runs off a roof, and a single summer storm on a small shed can fill one to the brim within the hour.</p>` +
		`<p>The water is soft and free of chlorine, which seedlings and potted herbs prefer, and using it for the garden takes a real load off the mains in a dry month.</p>` +
		`<p>Choose a barrel with a tight lid and a fine mesh over the inlet, so that leaves stay out and mosquitoes cannot lay their eggs on the still water inside.</p>` +
		`<p>Raise the barrel on a sturdy stand or a few blocks: the height gives the tap enough pressure to fill a watering can, and the water drains out faster.</p>` +
		`<div class="read-more read-more--collapsed"><div class="read-more__text"><p>In winter, empty the barrel and leave the tap open, because water that freezes inside can split the seams of even a thick plastic barrel.</p></div>` +
		`<button class="read-more__toggle">Show more</button></div>` +
		`<div class="review-text read-more"><p>Bought two of these last spring and they filled up after the first big storm, so my tomatoes never needed the hose all summer long.</p></div>` +
		`</main><div class="read-more"><h2>Read more</h2><ul><li><a href="/compost">Starting a compost heap in a small garden</a></li>` +
		`<li><a href="/mulch">Why mulch keeps the soil moist in summer</a></li><li><a href="/hedges">Cutting hedges after the birds have nested</a></li></ul></div>` +
		`</body></html>`
	got := parsedText(t, page)
	wantLines(t, got, "In winter, empty the barrel and leave the tap open")
	for _, no := range []string{"Starting a compost heap", "Why mulch keeps", "Bought two of these"} {
		if strings.Contains(got, no) {
			t.Errorf("read a box of more stories or a reader's review %q:\n%s", no, got)
		}
	}
}

// A services page whose grid of tiles sits in one container named for a
// promotion ("promo-container"), each tile one link around its name and
// its blurb: the container is the page, not a promotion, and its tiles
// are read. The same container beside an article's long text is still
// removed.
func TestNamedContainerGridRead(t *testing.T) {
	tiles := [][2]string{
		{"Garden design", "We draw a plan for the whole plot, from the paths and the beds to the lighting, and stay with you through the build."},
		{"Tree surgery", "Our climbers fell, crown and thin trees of every size, and take the wood away or split it for your stove."},
		{"Lawn care", "A year of feeding, scarifying and mowing visits that bring a tired lawn back to an even, dense green."},
		{"Hedge cutting", "Formal hedges cut to a line twice a year, and wild ones shaped after the birds have finished nesting."},
		{"Fencing", "Close-board, picket and post-and-rail fences put up on concrete footings that outlast the panels."},
	}
	grid := func() string {
		var sb strings.Builder
		sb.WriteString(`<div class="promo-container"><div class="grid">`)
		for i, tl := range tiles {
			fmt.Fprintf(&sb, `<div class="col"><a class="tile" href="/services/%d"><h3>%s</h3><div class="desc">%s</div><span>Find out more</span></a></div>`, i, tl[0], tl[1])
		}
		sb.WriteString(`</div></div>`)
		return sb.String()
	}
	page := `<html lang="en"><head><title>Our services</title></head><body><nav><a href="/">Home</a></nav><main><h1>Our services</h1><p>Whatever the size of your garden, we have a team for it.</p>` + grid() + `</main><footer><p>Green Hands Ltd</p></footer></body></html>`
	got := parsedText(t, page)
	for _, tl := range tiles {
		wantLines(t, got, tl[0], tl[1])
	}
	var long strings.Builder
	for i := 0; i < 4; i++ {
		long.WriteString(storyHTML())
	}
	article := `<html lang="en"><head><title>Ferry</title></head><body><main><article><h1>The ferry is back</h1>` + long.String() + `</article>` + grid() + `</main></body></html>`
	got = parsedText(t, article)
	if strings.Contains(got, "Tree surgery") {
		t.Errorf("a promotion's grid beside an article was read:\n%s", got)
	}
}
