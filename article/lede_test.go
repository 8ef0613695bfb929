package article

import (
	"strings"
	"testing"
)

// The lede a news site names "teaser" (class="teaser", "article-teaser")
// is read: the extractor removes whatever is named so.
func TestLedeNamedTeaserRead(t *testing.T) {
	body := []string{
		"Mit dreiundzwanzig zu einundzwanzig Stimmen fiel die Entscheidung knapp aus, die Grünen und die SPD stimmten dafür.",
		"Die Baudezernentin kündigte an, die ersten Abschnitte schon im Herbst zu bauen, beginnend an der Hauptstraße.",
		"Der Handelsverband befürchtet, dass mit den Parkplätzen auch Kundschaft verloren geht, rund sechzig Plätze fallen weg.",
	}
	lede := "Nach monatelanger Debatte hat der Stadtrat am Dienstag ein Netz aus zwölf neuen Radwegen beschlossen."
	related := "Radfahrer fordern mehr Platz auf der Ringstraße und wollen am Samstag demonstrieren, teilte der Verband mit."
	paras := "<p>" + strings.Join(body, "</p><p>") + "</p>"
	card := `<div class="teaser-card"><h3><a href="/a1">Demo auf dem Ring</a></h3><p class="teaser-text">` + related + `</p></div>`
	for name, lead := range map[string]string{
		"p.teaser":           `<p class="teaser"><strong>` + lede + `</strong></p>`,
		"div.article-teaser": `<div class="article-teaser"><p>` + lede + `</p></div>`,
		"header of teaser":   ``,
	} {
		head := `<h1>Stadtrat beschließt neues Radwegenetz</h1>` + lead
		if name == "header of teaser" {
			head = `<header class="article__teaser"><h1>Stadtrat beschließt neues Radwegenetz</h1><p>` + lede + `</p></header>`
		}
		page := `<html lang="de"><head><title>Radwege</title></head><body><main><article>` + head + paras +
			`</article><section class="related"><h2>Mehr zum Thema</h2>` + card + card + card + `</section></main></body></html>`
		got := parsedText(t, page)
		wantLines(t, got, lede)
		wantLines(t, got, body...)
		if strings.Contains(got, related) {
			t.Errorf("%s: a teaser of another story was read:\n%s", name, got)
		}
	}
}

// Must not: what is named "teaser" after the headline but is not prose
// (a box of links to other stories) stays out of the text.
func TestTeaserLinksAfterHeadlineNotRead(t *testing.T) {
	body := "<p>" + strings.Join(storyParas, "</p><p>") + "</p>"
	box := `<div class="teaser"><a href="/a">Harbour crane repaired after a week of delays on the island line</a> <a href="/b">New timetable for the winter months starts on Monday</a></div>`
	page := `<html><head><title>Ferry</title></head><body><main><article><h1>Ferry back on time</h1>` + box + body + `</article></main></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, storyParas...)
	if strings.Contains(got, "Harbour crane repaired") {
		t.Errorf("a teaser box of links was read:\n%s", got)
	}
}

// An article's rest that the reader opens ("expandable-content") is
// read: the extractor removes whatever is named "expand". A menu named
// so, all links, is not read.
func TestExpandableTextRead(t *testing.T) {
	p1 := "Der Hafen der Stadt bekommt bis zum Sommer drei neue Containerkräne, wie die Hafengesellschaft am Montag mitteilte."
	p2 := "Die alten Kräne stammen aus den achtziger Jahren und fallen immer häufiger aus, zuletzt für fast eine Woche im Januar."
	p3 := "Die neuen Anlagen sollen doppelt so schnell laden und deutlich weniger Strom verbrauchen, sagte der Geschäftsführer."
	p4 := "Die Kosten von rund vierzig Millionen Euro teilen sich das Land und die Hafengesellschaft, der Bund gibt einen Zuschuss."
	page := `<html lang="de"><head><title>Hafen bekommt neue Kräne</title></head><body>` +
		`<div class="navbar navbar-expand-lg"><a href="/a">Politik</a> <a href="/b">Wirtschaft</a> <a href="/c">Sport und Freizeit in der Region</a></div>` +
		`<main><article><h1>Hafen bekommt neue Kräne</h1><p>` + p1 + `</p>` +
		`<div class="expandable-content"><p>` + p2 + `</p><p>` + p3 + `</p></div><p>` + p4 + `</p></article></main></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, p1, p2, p3, p4)
	if strings.Contains(got, "Sport und Freizeit") {
		t.Errorf("the menu was read:\n%s", got)
	}
}

// Cards an author inserts among the story's paragraphs with a rich-text
// editor, which wraps them in an element named "widget" (a grid of
// plants, each a photo, a name and a paragraph), are read: the
// extractor removes whatever is named "widget". So is a second grid
// after the first and a photo, and one under a subhead. A sidebar's
// widgets, which follow each other and not the story's paragraphs, stay
// out, as does an appeal's widget under the story.
func TestStoryWidgetRead(t *testing.T) {
	intro := "Winter light indoors is weak and short, but several old-fashioned house plants grow happily in a dim corner and ask for very little."
	card1 := "Its stiff upright leaves stand like swords, and it forgives a month without water better than any other plant on this list."
	card2 := "Glossy leaves on arching stems make it look polished even in a hallway, and it stores water in swollen roots under the soil."
	card3 := "It filled Victorian parlours lit by gas, and it will put up with a cold hallway, dry air and a forgetful owner for years."
	card4 := "Its runners hang from a shelf with small plantlets on their ends, and each of them roots in a glass of water within a week."
	end := "Water all of them sparingly in winter, and move them a little closer to a window on the darkest days of the year."
	appeal := "Our garden pages are free for everyone, and readers like you keep them that way: if they helped you this winter, please consider a gift."
	side := "I have written about gardens for twenty years and answer readers' questions every Friday in the weekend paper and on the radio."
	page := `<html lang="en"><head><title>Plants for dark rooms</title></head><body>` +
		`<main><article><h1>Plants for dark rooms</h1><div class="body"><p>` + intro + `</p>` +
		`<div class="ck-widget grid" contenteditable="false"><div class="ck-widget row">` +
		`<div class="col"><img src="a.jpg" alt=""><h6>Snake plant</h6><p>` + card1 + `</p></div>` +
		`<div class="col"><img src="b.jpg" alt=""><h6>ZZ plant</h6><p>` + card2 + `</p></div></div></div>` +
		`<div><figure><img src="c.jpg" alt=""><figcaption>Photo: the garden's archive</figcaption></figure></div>` +
		`<div class="ck-widget grid"><div class="col"><h6>Cast-iron plant</h6><p>` + card3 + `</p></div></div>` +
		`<h3>Two more for bright corners</h3><div class="ck-widget grid"><div class="col"><h6>Spider plant</h6><p>` + card4 + `</p></div></div>` +
		`<p>` + end + `</p>` +
		`<div class="more"><h3><a href="/bulbs">Spring bulbs to plant now</a></h3></div><p></p>` +
		`<section class="below-content widget widget_block"><h4>Before you go</h4><p>` + appeal + `</p></section>` +
		`</div></article></main>` +
		`<div class="sidebar-area"><div class="widget widget_text"><h3>About me</h3><p>` + side + `</p></div>` +
		`<div class="widget widget_links"><a href="/a">Spring bulbs</a> <a href="/b">Pruning roses</a></div></div>` +
		`</body></html>`
	got := parsedText(t, page)
	wantLines(t, got, intro, card1, card2, card3, card4, end)
	if !strings.Contains(got, "Snake plant") {
		t.Errorf("the card's name was not read:\n%s", got)
	}
	if strings.Contains(got, "answer readers' questions") {
		t.Errorf("the sidebar's widget was read:\n%s", got)
	}
	if strings.Contains(got, "readers like you") {
		t.Errorf("the appeal's widget was read:\n%s", got)
	}
}
