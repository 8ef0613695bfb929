package article

import (
	"fmt"
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

// A page streamed by React keeps its article in a hidden container at the
// end, moved into place by a script; it is read, in place, and the
// loading fallback it replaces is not.
func TestStreamedContentRevealed(t *testing.T) {
	page := `<html><head><title>Ferry</title></head><body><header><a href="/">Home</a></header><main>` +
		`<h1>Ferry back on time</h1><!--$?--><template id="B:0"></template><div>Loading the story…</div><!--/$-->` +
		`</main><footer><p>Harbour Gazette, all rights reserved.</p></footer>` +
		`<div hidden id="S:0"><article>` + storyHTML() + `</article></div>` +
		`<script>$RC("B:0","S:0")</script></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, storyParas...)
	if strings.Contains(got, "Loading the story") {
		t.Errorf("the loading fallback was read:\n%s", got)
	}
}

// A page that hides its whole body until its scripts have run is read;
// a hidden menu and a hidden dialog on it are not.
func TestHiddenPageShownMenusNot(t *testing.T) {
	page := `<html><head><title>Ferry</title></head><body><div style="visibility:hidden">` +
		`<div style="display:none"><ul><li><a href="/a">Timetables</a></li><li><a href="/b">Fares</a></li></ul></div>` +
		`<div aria-hidden="true"><p>Please accept our terms of service before you continue to read this site, thank you very much.</p></div>` +
		`<article><h1>Ferry back on time</h1>` + storyHTML() + `</article></div></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, storyParas...)
	for _, debris := range []string{"Timetables", "terms of service"} {
		if strings.Contains(got, debris) {
			t.Errorf("hidden %q was read:\n%s", debris, got)
		}
	}
}

// Must not: a hidden element with less prose than the visible page goes,
// however long (a dialog with the site's terms).
func TestHiddenDialogRemoved(t *testing.T) {
	terms := strings.Repeat("By using this site you agree that we may store cookies on your device for statistics and advertising. ", 2)
	page := `<html><head><title>Ferry</title></head><body><div hidden><p>` + terms + `</p></div>` +
		`<article><h1>Ferry back on time</h1>` + storyHTML() + `</article></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, storyParas...)
	if strings.Contains(got, "cookies") {
		t.Errorf("hidden dialog read:\n%s", got)
	}
}

// The panels of tabs and of disclosure buttons (an accordion's answers)
// are read although hidden until clicked; a menu a button opens is not.
func TestTabPanelsRead(t *testing.T) {
	answer := "Ferries leave every hour from the north pier, and the last one returns at nine in the evening from the island."
	page := `<html><head><title>Ferry</title></head><body><header><button aria-expanded="false" aria-controls="menu">Menu</button>` +
		`<div id="menu" hidden><ul><li><a href="/fares">Fares and tickets</a></li><li><a href="/times">Timetables</a></li></ul></div></header>` +
		`<main><h1>Ferry back on time</h1>` + storyHTML() +
		`<div role="tablist"><button role="tab" aria-controls="p1" aria-selected="true">Summer</button><button role="tab" aria-controls="p2">Winter</button></div>` +
		`<div role="tabpanel" id="p1"><p>In summer the crossing takes forty minutes, and the café on board stays open all day long.</p></div>` +
		`<div role="tabpanel" id="p2" hidden><p>In winter the crossing takes an hour when the wind is strong, and the café closes early.</p></div>` +
		`<h2>When does the ferry leave?</h2><button aria-expanded="false" aria-controls="a1">Show the answer</button><div id="a1" hidden><p>` + answer + `</p></div>` +
		`</main></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, "In winter the crossing takes an hour when the wind is strong, and the café closes early.", answer)
	if strings.Contains(got, "Fares and tickets") {
		t.Errorf("the hidden menu was read:\n%s", got)
	}
}

// A shop that hides its product grid until its scripts have run has it
// read: the grid's items are not prose, but they are more text than the
// page shows; a hidden menu beside it is still not read.
func TestHiddenGridShown(t *testing.T) {
	page := strings.Replace(shopPage("Free delivery this week"), `<ul class="grid">`, `<div style="display:none"><ul class="grid">`, 1)
	page = strings.Replace(page, `</ul></body>`, `</ul></div><div hidden><ul><li><a href="/a">Cups</a></li><li><a href="/b">Saucers</a></li><li><a href="/c">Spoons</a></li></ul></div></body>`, 1)
	got := parsedText(t, page)
	for _, want := range []string{"Round Stoneware Teapot", "Keeps tea warm for an hour or more", "Clay Travel Teapot Set"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q not read; got:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Saucers") {
		t.Errorf("a hidden menu was read:\n%s", got)
	}
}

// A React page that streams its article in several parts after the
// shell, saved with or without its boundary comments: each part in <div
// hidden id="S:n"> is read where its <template id="B:n"> stands, in
// order, and no fallback is.
func TestStreamedChunksPlaced(t *testing.T) {
	intro := "Die Stadtwerke erhöhen zum Jahreswechsel die Preise für Fernwärme, wie das Unternehmen am Montag mitteilte."
	p1 := "Ein Haushalt mit durchschnittlichem Verbrauch zahlt damit rund zwölf Euro mehr im Monat als bisher."
	p2 := "Als Grund nennen die Stadtwerke gestiegene Kosten für Gas und für den Ausbau des Leitungsnetzes im Norden."
	p3 := "Der Mieterverein kritisierte die Erhöhung und forderte die Stadt auf, einen Härtefallfonds einzurichten."
	for name, marks := range map[string][2]string{
		"with boundary comments": {"<!--$?-->", "<!--/$-->"},
		"saved without comments": {"", ""},
	} {
		page := `<html lang="de"><head><title>Fernwärme wird teurer</title></head><body><main><article><h1>Fernwärme wird teurer</h1>` +
			`<div class="article-body"><p>` + intro + `</p>` +
			marks[0] + `<template id="B:0"></template><div>Loading paragraph...</div>` + marks[1] +
			marks[0] + `<template id="B:1"></template><div>Loading paragraph...</div>` + marks[1] +
			`</div></article></main>` +
			`<div hidden id="S:0"><p>` + p1 + `</p><p>` + p2 + `</p></div>` +
			`<div hidden id="S:1"><p>` + p3 + `</p></div>` +
			`<script>$RC("B:0","S:0")</script></body></html>`
		got := parsedText(t, page)
		wantLines(t, got, intro, p1, p2, p3)
		if strings.Index(got, p1) > strings.Index(got, p3) || strings.Index(got, intro) > strings.Index(got, p1) {
			t.Errorf("%s: parts out of order:\n%s", name, got)
		}
		if strings.Contains(got, "Loading") {
			t.Errorf("%s: a fallback was read:\n%s", name, got)
		}
	}
}

// An accordion's answers, hidden by an inline style until the reader
// opens them, are read: named as panels by a button's aria-controls or by
// the accordion's class names. The extractor drops what a page hides, so
// a kept panel is shown to it. A hidden menu with no prose stays out.
func TestAccordionPanelsRead(t *testing.T) {
	a1 := "Most installations take one to three days once the permits are in, and the crew needs access to the roof and the electrical panel."
	a2 := "The utility inspects the system after the installer is done, which usually takes between two weeks and a month in most towns."
	for name, item := range map[string]func(i int, q, a string) string{
		"aria-controls": func(i int, q, a string) string {
			id := fmt.Sprint("answer-", i)
			return `<div class="item"><button aria-expanded="false" aria-controls="` + id + `"><div><p>` + q + `<br></p></div></button>` +
				`<div id="` + id + `" style="display: none;"><p>` + a + `</p></div></div>`
		},
		"accordion class": func(i int, q, a string) string {
			return `<div class="es-accordion"><h3>` + q + `</h3><div id="x_` + fmt.Sprint(i) + `_content" style="display:none;"><div class="content"><p>` + a + `</p></div></div></div>`
		},
	} {
		page := `<html><head><title>Solar guide</title></head><body><nav><div class="navbar-collapse" style="display:none"><a href="/a">Pricing</a> <a href="/b">Installers</a></div></nav>` +
			`<main><article><h1>How solar installation works</h1>` + storyHTML() +
			`<div class="faq">` + item(1, "How long does it take?", a1) + item(2, "When is it switched on?", a2) + `</div></article></main></body></html>`
		got := parsedText(t, page)
		wantLines(t, got, a1, a2)
		if strings.Contains(got, "Installers") {
			t.Errorf("%s: the hidden menu was read:\n%s", name, got)
		}
	}
}

// A glossary term with a tooltip the reader sees on hovering it (the
// tooltip's id named by the term's aria-describedby or
// aria-labelledby, or role="tooltip"): the sentence is read whole, the
// tooltip not at all. A term that holds its own tooltip text with no
// such link is read as it is.
func TestTooltipsNotRead(t *testing.T) {
	page := `<html lang="en"><head><title>Locks</title></head><body><article><h1>Locks</h1>` +
		`<p>The keepers open each <span class="Term_component"><dfn aria-labelledby="tip-1" tabindex="0">pound lock</dfn>` +
		`<span class="Term_tooltip__x1" id="tip-1"><strong>Pound lock</strong><br>A lock with two pairs of gates. <a href="/glossary/lock">Learn more</a></span></span> by hand, as they have for two hundred years.</p>` +
		`<p>In summer the queue of boats reaches the <abbr aria-describedby="t2">weir</abbr><span role="tooltip" id="t2">A low dam across a river.</span> and the keepers work until the light fails.</p>` +
		`<p>Every boat pays a <span class="tooltip">toll<span class="tooltiptext"> of two pounds</span></span> at the bridge, and the money goes to the canal trust.</p></article></body></html>`
	got := parsedText(t, page)
	wantLines(t, got,
		"The keepers open each pound lock by hand, as they have for two hundred years.",
		"In summer the queue of boats reaches the weir and the keepers work until the light fails.",
		"Every boat pays a toll of two pounds at the bridge")
	for _, s := range []string{"two pairs of gates", "Learn more", "low dam"} {
		if strings.Contains(got, s) {
			t.Errorf("tooltip read (%q):\n%s", s, got)
		}
	}
}

// An accordion's questions are read with their answers: the question is
// a button inside a heading (the usual accordion markup), or a
// disclosure button worded as a question. go-trafilatura drops buttons,
// so only the answers were read. A heading's "Copy link" button, a
// "Read more" button and a question whose answer the page does not hold
// are still not read.
func TestAccordionQuestionsRead(t *testing.T) {
	a1 := "Most installations take one to three days once the permits are in, and the crew needs access to the roof and the electrical panel."
	a2 := "The utility inspects the system after the installer is done, which usually takes between two weeks and a month in most towns."
	for name, item := range map[string]func(i int, q, a string) string{
		"heading button, panel after it": func(i int, q, a string) string {
			return `<div class="section"><h3 class="head"><button aria-expanded="false" class="toggle-button"><p>` + q + `</p></button></h3>` +
				`<div aria-hidden="true" hidden tabindex="-1"><p>` + a + `</p></div></div>`
		},
		"heading button with aria-controls": func(i int, q, a string) string {
			id := fmt.Sprint("panel-", i)
			return `<h3><button type="button" aria-expanded="false" aria-controls="` + id + `">` + q + `</button></h3>` +
				`<div id="` + id + `" role="region" hidden><p>` + a + `</p></div>`
		},
		"button around the heading, panel hidden by a class": func(i int, q, a string) string {
			return `<div class="acc-item"><div class="acc-head"><button type="button" class="acc-toggle" aria-expanded="false"><div class="acc-title"><h3>` + q + `</h3></div><svg aria-hidden="true"></svg></button></div>` +
				`<div class="accordion-content border-b hidden"><div><p>` + a + `</p></div></div></div>`
		},
		"question button": func(i int, q, a string) string {
			id := fmt.Sprint("answer-", i)
			return `<div class="item"><button aria-expanded="false" aria-controls="` + id + `"><div><p>` + q + `<br></p></div></button>` +
				`<div id="` + id + `" style="display: none;"><p>` + a + `</p></div></div>`
		},
	} {
		page := `<html><head><title>Solar guide</title></head><body><main><article><h1>How solar installation works</h1>` +
			`<h2>Before you start <button class="copy">Copy link</button></h2>` + storyHTML() +
			`<div class="solar-questions">` + item(1, "How long does it take?", a1) + item(2, "When is it switched on?", a2) + `</div>` +
			`<div class="q"><button type="button" aria-expanded="false"><span>Is my roof strong enough for the panels?</span></button></div>` +
			`<button aria-expanded="false" aria-controls="more">Read more</button><div id="more" hidden><p>The panels went up in a single day, and the inverter was fitted in the garage beside the meter cupboard.</p></div>` +
			`</article></main></body></html>`
		got := parsedText(t, page)
		wantLines(t, got, "How long does it take?", a1, "When is it switched on?", a2)
		if n := strings.Count(got, "How long does it take?"); n != 1 {
			t.Errorf("%s: the question was read %d times:\n%s", name, n, got)
		}
		// The last question's answer is not on the page: a question
		// alone is not read.
		for _, not := range []string{"Copy link", "Read more", "Is my roof strong enough"} {
			if strings.Contains(got, not) {
				t.Errorf("%s: %q was read:\n%s", name, not, got)
			}
		}
	}
}

// A listing's card links its blurb to the story its title links to, and
// hides that second link from screen readers (aria-hidden, out of the
// keyboard's order) so they hear the story once: the blurb is shown on
// the page, and is read. A hidden link that only repeats the title, and
// an icon's hidden link, are not.
func TestRepeatedLinkBlurbsRead(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`<html lang="en"><head><title>Gardening notes</title></head><body><nav><a href="/">Home</a> <a href="/tools">Tools</a></nav><main><h1>Gardening notes</h1>`)
	stories := [][2]string{
		{"Pruning roses before the frost", "Cut back the long canes by a third so the wind cannot rock the roots loose over the winter months."},
		{"Why the beans climbed so slowly", "A cold spring kept the soil below ten degrees until June, and the seedlings waited for it to warm."},
		{"Saving seed from the best tomatoes", "Pick the ripest fruit of the healthiest plant, scoop the seeds into a jar and let them ferment for days."},
		{"A pond for frogs in a small yard", "Even a sunk washing-up bowl with a sloping stone draws frogs within a season and keeps the slugs down."},
		{"Mulching the beds with autumn leaves", "Shredded leaves laid thick over bare soil feed the worms and smother the weeds until the spring dig."},
	}
	for i, s := range stories {
		fmt.Fprintf(&sb, `<article class="entry"><a href="/notes/%d" aria-hidden="true" tabindex="-1"><img src="/p/%d.jpg" alt=""></a>`+
			`<h2><a href="/notes/%d">%s</a></h2>`+
			`<p class="entry-desc"><a href="/notes/%d" aria-hidden="true" tabindex="-1">%s</a></p>`+
			`<a href="/notes/%d" aria-hidden="true" tabindex="-1">%s</a>`+
			`<div><a href="/authors/ann">Ann Reed</a> <time>%d days ago</time></div></article>`,
			i, i, i, s[0], i, s[1], i, s[0], i+2)
	}
	sb.WriteString(`</main><footer><p>All rights reserved by the garden club.</p></footer></body></html>`)
	got := parsedText(t, sb.String())
	for _, s := range stories {
		wantLines(t, got, s[0], s[1])
		if n := strings.Count(got, s[0]); n != 1 {
			t.Errorf("title %q read %d times, want once:\n%s", s[0], n, got)
		}
	}
}

// An FAQ whose script opens each answer by its place, with no button,
// ARIA attribute or class name to say so: each item shows its question
// in a plain element and hides the answer after it. Three or more items
// folded the same way are such a list, and the answers are read; a
// lone hidden block after a short line (a sign-in box's text) is not.
func TestFoldedItemsRead(t *testing.T) {
	qs := [][2]string{
		{"Can I change my delivery day?", "You can move your delivery to any weekday up to two days before it is due, from your account page or by phone."},
		{"What happens if I am out?", "The driver leaves the box in the safe place you named, or with a neighbour, and sends a note saying where it went."},
		{"Are the boxes recycled?", "Every box and its padding goes in the household paper bin, and the cold packs can be emptied down the sink first."},
		{"How do I pause my plan?", "Choose the weeks you will be away in your account, and nothing is sent or charged for them until you come back."},
	}
	var sb strings.Builder
	sb.WriteString(`<html lang="en"><head><title>Help</title></head><body><main><h1>Questions about deliveries</h1><p>Answers to what our customers ask most often about their boxes.</p><div class="list">`)
	for _, q := range qs {
		sb.WriteString(`<div class="kq7Tz"><div class="row"><div class="b1x">` + q[0] + `</div></div><div style="visibility:hidden" class="pane"><div>` + q[1] + `</div></div></div>`)
	}
	sb.WriteString(`</div><div class="signin"><div>Sign in</div><div style="display:none"><div>Enter the email address you signed up with and we will send you a link that signs you in at once.</div></div></div></main></body></html>`)
	got := parsedText(t, sb.String())
	for _, q := range qs {
		wantLines(t, got, q[0], q[1])
	}
	if strings.Contains(got, "signs you in") {
		t.Errorf("a lone hidden block was read:\n%s", got)
	}
}
