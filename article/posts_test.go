package article

import (
	"fmt"
	"strings"
	"testing"
)

// frenchThread are the posts of a small thread in French, for the tests
// below.
var frenchThread = []string{
	"Mon vélo grince à chaque coup de pédale depuis que j'ai changé la chaîne, et je ne trouve pas d'où vient le bruit.",
	"Regarde d'abord les pédales : un filetage sec grince exactement comme ça. Un peu de graisse suffit souvent.",
	"C'était bien la pédale droite. Graissée ce matin, plus un bruit sur vingt kilomètres. Merci beaucoup !",
}

// A page drawn by script that gives its thread, as HTML, inside a
// <noscript> in <body> (what Discourse sends to readers without
// scripts): the posts are read as text, each once, and no markup is
// read aloud (the fallback extractors read it as raw text, tags and
// all, or each post twice).
func TestNoscriptThreadIsRead(t *testing.T) {
	var posts strings.Builder
	for i, p := range frenchThread {
		fmt.Fprintf(&posts, `<div class="topic-body crawler-post" id="post_%d"><div class="crawler-post-meta"><span class="creator"><a href="/u/cycliste%d">cycliste%d</a></span></div><div class="post"><p>%s</p></div></div>`, i+1, i, i, p)
	}
	page := `<html lang="fr"><head><title>Mon vélo grince</title></head><body><section id="d-splash"><div class="dots"></div></section>` +
		`<section id="main"></section><noscript data-path="/t/velo-grince/42"><header><a href="/">Forum vélo</a></header>` +
		`<div id="main-outlet" role="main"><h1>Mon vélo grince</h1>` + posts.String() + `</div></noscript></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, frenchThread...)
	for _, p := range frenchThread {
		if n := strings.Count(got, p); n != 1 {
			t.Errorf("read %d times: %q", n, p)
		}
	}
	if strings.Contains(got, "<") || strings.Contains(got, "class=") {
		t.Errorf("markup read as text:\n%s", got)
	}
}

// A <noscript> that only asks for scripts, or holds an image, stays
// unread beside the page's own text.
func TestNoscriptNoticeNotRead(t *testing.T) {
	page := `<html lang="en"><head><title>Lock keepers</title></head><body><noscript><p>Please turn on JavaScript to use every part of this site, thank you very much for your patience.</p></noscript>` +
		`<article><h1>Lock keepers</h1><p>The lock keepers of the old canal still open the gates by hand, as they have for two hundred years, and every boat waits its turn.</p>` +
		`<noscript><img src="lock.jpg" alt="A lock"></noscript><p>In summer the queue of boats reaches the bridge, and the keepers work from dawn until the light fails.</p></article></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, "open the gates by hand", "the keepers work from dawn")
	if strings.Contains(got, "JavaScript") {
		t.Errorf("noscript notice read:\n%s", got)
	}
}

// A reply that quotes an earlier post in an <aside> (a header naming
// who is quoted, then a <blockquote>, as forum software writes it) is
// read with its quote; a pull quote (an aside holding only its
// blockquote) is not.
func TestQuoteAsideInReplyIsRead(t *testing.T) {
	quoted := "Regarde d'abord les pédales : un filetage sec grince exactement comme ça."
	var posts strings.Builder
	for i, p := range frenchThread {
		body := "<p>" + p + "</p>"
		if i == 2 {
			body = `<aside class="quote" data-username="cycliste1"><div class="title">cycliste1 :</div><blockquote><p>` + quoted + `</p></blockquote></aside>` + body
		}
		fmt.Fprintf(&posts, `<div class="message"><div class="author">cycliste%d</div><div class="message-body">%s</div></div>`, i, body)
	}
	page := `<html lang="fr"><head><title>Mon vélo grince</title></head><body><h1>Mon vélo grince</h1>` + posts.String() + `</body></html>`
	got := parsedText(t, page)
	wantLines(t, got, frenchThread...)
	if strings.Count(got, quoted) < 2 {
		t.Errorf("the quote in the reply is not read:\n%s", got)
	}

	article := `<html lang="en"><head><title>Lock keepers</title></head><body><article><h1>Lock keepers</h1>` +
		`<p>The lock keepers of the old canal still open the gates by hand, as they have for two hundred years, and every boat waits its turn.</p>` +
		`<aside class="pullquote"><blockquote><p>Every boat waits its turn, even the mayor's.</p></blockquote></aside>` +
		`<p>In summer the queue of boats reaches the bridge, and the keepers work from dawn until the light fails, even the mayor's boat.</p></article></body></html>`
	if got := parsedText(t, article); strings.Contains(got, "Every boat waits its turn, even") {
		t.Errorf("pull quote read:\n%s", got)
	}
}

// Posts marked with schema.org microdata (Comment items with an author
// and a <time>) are each read after a line saying who wrote them and
// when, which the page shows in a header the extractor drops. The time
// is the post's, not one in the author's box (the date they joined).
func TestPostsReadWithAuthorAndTime(t *testing.T) {
	posts := []string{
		"Mi bicicleta cruje a cada pedalada desde que cambié la cadena, y no consigo saber de dónde viene el ruido.",
		"Mira primero los pedales: una rosca seca cruje exactamente así. Un poco de grasa suele bastar para callarla.",
		"Era el pedal derecho. Lo engrasé esta mañana y ni un ruido en veinte kilómetros. ¡Muchas gracias a todos!",
	}
	names := []string{"ciclista_ana", "pedro.m", "ciclista_ana"}
	times := []string{"3 may 2024, 8:45", "3 may 2024, 11:39", "4 may 2024, 9:02"}
	var sb strings.Builder
	for i, p := range posts {
		fmt.Fprintf(&sb, `<div class="post" itemscope itemtype="https://schema.org/Comment"><div class="meta"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><a href="/u/%d"><span itemprop="name">%s</span></a> <span class="joined">miembro desde <time datetime="2019-01-01">ene 2019</time></span></span> <time datetime="2024-05-0%dT08:45:00Z">%s</time></div><div class="cooked" itemprop="text"><p>%s</p></div></div>`, i, names[i], i+3, times[i], p)
	}
	page := `<html lang="es"><head><title>Mi bicicleta cruje</title></head><body><h1>Mi bicicleta cruje</h1><div class="thread">` + sb.String() + `</div></body></html>`
	got := parsedText(t, page)
	for i, p := range posts {
		head := names[i] + ", " + times[i]
		wantLines(t, got, head, p)
		if h, b := strings.Index(got, head), strings.Index(got, p); h < 0 || b < h {
			t.Errorf("%q not read before its post:\n%s", head, got)
		}
	}
}

// The extractor's first paragraph given again right after the title (or
// a post's author line) is read once; a page that repeats a paragraph
// further on, or says it twice in a row, keeps its copies.
func TestDropEarlyRepeats(t *testing.T) {
	lead := "Die Fähre über den Fluss fährt ab Montag wieder jede halbe Stunde, auch am Wochenende."
	other := "Der Fährmann sagt, die neue Anlegestelle sei endlich fertig und sicher für alle Fahrgäste."
	p := func(s string) Block { return Block{Kind: KindParagraph, Text: s} }
	h := func(s string) Block { return Block{Kind: KindHeading, Text: s} }
	for _, c := range []struct {
		name string
		in   []Block
		want int
	}{
		{"above the title and below it", []Block{p(lead), h("Die Fähre fährt wieder"), p(lead), p(other)}, 3},
		{"above a post's author line", []Block{p(lead), p("fährmann, 3. Mai 2024"), p(lead), p(other)}, 3},
		{"twice in a row", []Block{p(lead), p(lead), p(other)}, 3},
		{"again after other text", []Block{p(lead), p(other), p(lead)}, 3},
		{"a short line", []Block{p("Fähre fährt."), h("Titel"), p("Fähre fährt.")}, 3},
	} {
		if got := dropEarlyRepeats(c.in); len(got) != c.want {
			t.Errorf("%s: %d blocks, want %d", c.name, len(got), c.want)
		}
	}
}

// A forum member's signature, under each of their posts, is not read;
// their posts are.
func TestPostSignaturesNotRead(t *testing.T) {
	sig := map[int]string{0: "Fahre seit 1998 nur Stahlrahmen. Grüße aus dem Allgäu!", 1: "Ich repariere lieber, als neu zu kaufen – www.beispiel.invalid"}
	var sb strings.Builder
	for i, p := range frenchThread {
		fmt.Fprintf(&sb, `<div class="post" id="p%d"><div class="postbody"><div class="content"><p>%s</p></div><div id="sig%d" class="signature">%s</div></div></div>`, i, p, i, sig[i%2])
	}
	page := `<html lang="fr"><head><title>Mon vélo grince</title></head><body><h1>Mon vélo grince</h1>` + sb.String() + `</body></html>`
	got := parsedText(t, page)
	wantLines(t, got, frenchThread...)
	for _, s := range sig {
		if strings.Contains(got, s) {
			t.Errorf("signature read: %q in\n%s", s, got)
		}
	}
}
