package article

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parseFragment returns the first element of a fragment parsed in a
// <dl> (so that <dd> and <li> stand as they would in a page).
func parseFragment(t *testing.T, s string) *html.Node {
	t.Helper()
	ctx := &html.Node{Type: html.ElementNode, Data: "dl", DataAtom: atom.Dl}
	ns, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil || len(ns) == 0 {
		t.Fatalf("parse %q: %v", s, err)
	}
	return ns[0]
}

// germanThread are the posts of a small thread in German, for the tests
// below.
var germanThread = []string{
	"Seit dem letzten Update startet mein Laptop nur noch mit schwarzem Bildschirm, das Lüftergeräusch ist aber normal zu hören.",
	"Halte beim Einschalten die Umschalttaste gedrückt, dann startet er im abgesicherten Modus und du kannst den Treiber zurücksetzen.",
	"Das hat geklappt, vielen Dank! Der neue Grafiktreiber war schuld, mit dem alten läuft wieder alles wie vorher.",
}

// A XenForo thread: each post's author box lists "Joined", "Messages"
// and "Reaction score" in <dl class=pairs> pairs. The counters are not
// read; the posts are.
func TestUserBoxPairsNotRead(t *testing.T) {
	var sb strings.Builder
	for i, p := range germanThread {
		fmt.Fprintf(&sb, `<article class="message message--post"><div class="message-inner"><div class="message-cell message-cell--user"><section class="message-user">`+
			`<div class="message-userDetails"><h4 class="message-name"><a href="/members/nutzer%d/">nutzer%d</a></h4><h5 class="userTitle">Stammgast</h5></div>`+
			`<div class="message-userExtras"><dl class="pairs pairs--justified"><dt>Dabei seit</dt><dd>3. Mai 2019</dd></dl><dl class="pairs pairs--justified"><dt>Beiträge</dt><dd>1.2%d4</dd></dl>`+
			`<dl class="pairs pairs--justified"><dt>Punkte Reaktionen</dt><dd>3%d</dd></dl></div></section></div>`+
			`<div class="message-cell message-cell--main"><div class="message-content"><div class="bbWrapper">%s</div></div></div></div></article>`, i, i, i, i, p)
	}
	page := `<html lang="de"><head><title>Schwarzer Bildschirm nach Update</title></head><body><div class="p-body"><h1>Schwarzer Bildschirm nach Update</h1><div class="block-body">` + sb.String() + `</div></div></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, germanThread...)
	for _, w := range []string{"Dabei seit", "Beiträge", "Punkte Reaktionen"} {
		if strings.Contains(got, w) {
			t.Errorf("author box read (%q):\n%s", w, got)
		}
	}
}

// A phpBB thread: each post's <dl class=postprofile> gives "Posts:" and
// "Joined:" lines, and its buttons "Reply with quote". Neither is read;
// the member's name and the posts are.
func TestUserBoxLinesAndQuoteButtonNotRead(t *testing.T) {
	var sb strings.Builder
	for i, p := range frenchThread {
		fmt.Fprintf(&sb, `<div id="p%d" class="post has-profile bg2"><div class="inner"><dl class="postprofile" id="profile%d"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=%d" class="username">cycliste%d</a></dt>`+
			`<dd class="profile-rank">Habitué</dd><dd class="profile-posts"><strong>Messages :</strong> <a href="./search.php?author_id=%d">1%d7</a></dd><dd class="profile-joined"><strong>Inscription :</strong> 12 mars 2020</dd></dl>`+
			`<div class="postbody"><ul class="post-buttons"><li><a href="./posting.php?mode=quote&amp;f=2&amp;p=%d" title="Répondre en citant le message" class="button"><span>Citer</span></a></li></ul>`+
			`<h3><a href="#p%d">Re: Mon vélo grince</a></h3><div class="content">%s</div></div></div></div>`, i, i, i, i, i, i, i, i, p)
	}
	page := `<html lang="fr"><head><title>Mon vélo grince</title></head><body><div id="page-body"><h2 class="topic-title">Mon vélo grince</h2>` + sb.String() + `</div></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, frenchThread...)
	for _, w := range []string{"Messages :", "Inscription", "Citer"} {
		if strings.Contains(got, w) {
			t.Errorf("author box or button read (%q):\n%s", w, got)
		}
	}
}

// An author box's biography and a post's own short lines are not
// counters: only a short line that opens with a label and holds a digit
// is, and only inside a box without prose.
func TestUserBoxKeepsBiography(t *testing.T) {
	page := `<html lang="en"><head><title>Lock keepers</title></head><body><article><h1>Lock keepers</h1>` +
		`<p>The lock keepers of the old canal still open the gates by hand, as they have for two hundred years, and every boat waits its turn.</p>` +
		`<div class="user-content"><p>Update: in 2024 the council paid for new gates at the upper lock.</p>` +
		`<p>In summer the queue of boats reaches the bridge, and the keepers work from dawn until the light fails on the water.</p></div>` +
		`<div class="author-box"><p>Ann Reed writes about rivers, canals and the people who work on them, 2 days a week.</p></div></article></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, "Update: in 2024 the council paid", "the keepers work from dawn")
	for _, c := range []struct {
		line string
		stat bool
	}{
		{`<dd><strong>Posts:</strong> 4032</dd>`, true},
		{`<li>Inscrit le : 12/03/2020</li>`, true},
		{`<dd>Senator</dd>`, false},
		{`<p>Ann Reed writes about rivers, canals and the people who work on them, 2 days a week.</p>`, false},
	} {
		n := parseFragment(t, c.line)
		if got := isStatLine(n); got != c.stat {
			t.Errorf("isStatLine(%s) = %v", c.line, got)
		}
	}
}

// A Stack Exchange answer: the "\$\begingroup\$" markers in hidden
// spans (class d-none) are not read; a block hidden by class (which
// scripts may show) and a block shown from a width on ("d-none
// d-md-block") are.
func TestHiddenUtilityClassNotRead(t *testing.T) {
	page := `<html lang="en"><head><title>Why does my breaker trip?</title></head><body><div id="mainbar"><h1>Why does my breaker trip?</h1>` +
		`<div class="postcell"><span class="d-none">\$\begingroup\$</span><div class="s-prose js-post-body" itemprop="text"><p>My kitchen breaker trips every time the kettle and the toaster run together, even though each works fine alone.</p></div><span class="d-none">\$\endgroup\$</span></div>` +
		`<div class="answercell"><span class="d-none">\$\begingroup\$</span><div class="s-prose js-post-body" itemprop="text"><p>Both appliances draw close to ten amperes, so together they exceed what a fifteen ampere circuit allows.</p></div>` +
		`<div class="d-none d-md-block"><p>Move one of them to another circuit, or have an electrician add a second kitchen circuit for heavy loads.</p></div><div class="d-none"><p>Some kettles draw even more, so check the plate under yours before you plug it in.</p></div><span class="d-none">\$\endgroup\$</span></div></div></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, "even though each works fine alone", "fifteen ampere circuit", "have an electrician add", "check the plate under yours")
	if strings.Contains(got, "begingroup") || strings.Contains(got, "endgroup") {
		t.Errorf("hidden marker read:\n%s", got)
	}
}
