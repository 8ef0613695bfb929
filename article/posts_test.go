package article

import (
	"fmt"
	"strconv"
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

// An answer's preview followed by the whole answer, or a run of a
// post's paragraphs given twice in a row, is read once, the whole
// answer kept; a quote of a post after other text, a short line said
// twice, one whole paragraph twice and a placeholder said three times
// keep every copy.
func TestDropRepeatedRuns(t *testing.T) {
	a := "Le bac partait du quai nord toutes les heures, et personne ne se souvenait d'un retard."
	b := "Depuis l'hiver dernier, le passeur annonce les départs à la cloche, comme autrefois."
	c := "Les cyclistes montent en premier, les voitures attendent la fin du chargement des vélos."
	cut := "Les cyclistes montent en premier, les voitures…"
	reply := "Merci, c'est exactement ce que je voulais savoir avant de partir samedi."
	p := func(s string) Block { return Block{Kind: KindParagraph, Text: s} }
	text := func(bs []Block) []string {
		var out []string
		for _, b := range bs {
			out = append(out, b.Text)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		in   []Block
		want []string
	}{
		{"preview then the whole answer", []Block{p(a), p(b), p(cut), p(a), p(b), p(c), p(reply)}, []string{a, b, c, reply}},
		{"preview cut without a mark", []Block{p(a), p(c[:30]), p(a), p(c)}, []string{a, c}},
		{"a run given twice", []Block{p(reply), p(a), p(b), p(a), p(b), p(c)}, []string{reply, a, b, c}},
		{"one paragraph cut, then whole", []Block{p(c[:60]), p(c), p(b)}, []string{c, b}},
		{"one paragraph twice, whole", []Block{p(a), p(a), p(b)}, []string{a, a, b}},
		{"a placeholder three times", []Block{p(a), p(b), p(a), p(b), p(a), p(b)}, []string{a, b, a, b, a, b}},
		{"a quote after other text", []Block{p(a), p("passeur :"), p(a), p(reply)}, []string{a, "passeur :", a, reply}},
		{"a short line twice", []Block{p("Oui, oui."), p("Oui, oui."), p(b)}, []string{"Oui, oui.", "Oui, oui.", b}},
		{"a cut that is not a start", []Block{p(a), p(b), p(a), p(c)}, []string{a, b, a, c}},
	} {
		if got := text(dropRepeatedRuns(tc.in)); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// On a question page whose answers are each printed as a preview and
// then whole, every paragraph of an answer is read once.
func TestAnswerPreviewReadOnce(t *testing.T) {
	answers := [][]string{
		{"Le bac partait du quai nord toutes les heures, et personne ne se souvenait d'un retard.",
			"Depuis l'hiver dernier, le passeur annonce les départs à la cloche, comme autrefois.",
			"Les cyclistes montent en premier, les voitures attendent la fin du chargement des vélos."},
		{"Il faut compter vingt minutes de traversée quand le vent souffle de l'ouest, un peu moins sinon.",
			"Le dernier bac du soir part à vingt-deux heures, même le dimanche, et il est souvent plein."},
	}
	var sb strings.Builder
	for i, a := range answers {
		last := a[len(a)-1]
		preview := a[: len(a)-1 : len(a)-1]
		preview = append(preview, last[:40]+"…")
		fmt.Fprintf(&sb, `<div class="answer"><div class="author">passeur%d</div><div class="preview"><p>%s</p></div><div class="full"><p>%s</p></div></div>`,
			i, strings.Join(preview, "</p><p>"), strings.Join(a, "</p><p>"))
	}
	page := `<html lang="fr"><head><title>Le bac du quai nord</title></head><body><h1>Le bac du quai nord est-il fiable ?</h1>` + sb.String() + `</body></html>`
	got := parsedText(t, page)
	for _, a := range answers {
		wantLines(t, got, a...)
		for _, p := range a {
			if n := strings.Count(got, p); n != 1 {
				t.Errorf("read %d times: %q\n%s", n, p, got)
			}
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

// englishThread are the posts of a small thread in English.
var englishThread = []string{
	"My allotment's runner beans flowered well all July but set almost no pods, and I cannot work out why. The plants look healthy, the leaves are green, and the bees visit every morning.",
	"Dry roots at flowering time do exactly that. Water them deeply every evening while they are in bloom, and the flowers will hold on long enough to set.",
	"A mulch of grass cuttings round the stems helps too: it keeps the soil damp through the hottest days, and the worms pull it down into the bed by autumn.",
	"Watered every evening for a fortnight and the pods are finally coming. Thank you both, this forum is a gem, and I will report back at harvest time.",
}

// A thread whose posts sit in a form, for the moderators' buttons and
// check boxes (Invision Community's layout), inside a feed named
// "comments", on a page that says it is a discussion: every post is
// read, not the page's buttons. The extractor
// drops forms with what they hold, and it had read "Start new topic",
// "Reply to this topic" and the sign-in notice instead.
func TestThreadInModerationFormIsRead(t *testing.T) {
	var posts strings.Builder
	for i, p := range englishThread {
		fmt.Fprintf(&posts, `<article id="elComment_%d" class="ipsEntry js-ipsEntry ipsEntry--post"><aside class="ipsEntry__header"><h3 class="ipsEntry__username"><a href="/profile/%d">gardener%d</a></h3>`+
			`<button class="ipsEntry__topButton" type="button">Author stats</button></aside>`+
			`<div id="comment-%d_wrap" class="ipsEntry__content"><div class="ipsRichText" data-role="commentContent"><p>%s</p></div>`+
			`<input type="checkbox" name="multimod[%d]"></div></article>`, i, i, i, i, p, i)
	}
	page := `<html lang="en"><head><title>Runner beans without pods</title>` +
		`<script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Runner beans without pods"}</script>` +
		`</head><body><nav><a href="/">Forums</a> <a href="/new">Start new topic</a></nav>` +
		`<main><h1>Runner beans without pods</h1><ul><li><a href="#reply">Reply to this topic</a></li><li><a href="?page=2">Next</a></li></ul>` +
		`<div id="comments" data-role="commentFeed"><form action="/topic/42?do=multimod" method="post"><input type="hidden" name="csrf" value="x">` +
		posts.String() + `<button type="submit">Moderate selected</button></form></div>` +
		`<div class="ipsComposeArea"><h2>Join the conversation</h2><p>You can post now and register later. If you have an account, sign in now to post with your account.</p>` +
		`<p>Note: Your post will require moderator approval before it will be visible.</p><p>Only 75 emoji are allowed. Your link has been automatically embedded.</p>` +
		`<p>Your previous content has been restored. You cannot paste images directly. Upload or insert images from URL.</p></div>` +
		`<ul><li><a href="?page=2">Next</a></li><li><a href="?page=9">Last page</a></li></ul></main></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, englishThread...)
	if strings.Contains(got, "Reply to this topic") {
		t.Errorf("the page's buttons read:\n%s", got)
	}
}

// A thread without structured data whose every reply is an element
// named "comment" (old Reddit's "<div class='thing comment'>" under a
// link): the replies are the page, and are read. Comments under an
// article, a small part of its page, are not (the must-not case).
func TestCommentsThatAreThePageAreRead(t *testing.T) {
	var replies strings.Builder
	for i, p := range englishThread {
		fmt.Fprintf(&replies, `<div class=" thing id-t1_%d noncollapsed comment "><p class="tagline"><a class="author">user%d</a></p>`+
			`<div class="usertext-body"><div class="md"><p>%s</p></div></div></div>`, i, i, p)
	}
	page := `<html lang="en"><head><title>Runner beans without pods : gardening</title></head><body class="single-page comments-page">` +
		`<div class="side"><p>Welcome to the gardening board.</p></div><div class="content" role="main">` +
		`<div class="sitetable linklisting"><div class="thing link"><p class="title"><a href="https://example.org/beans">Runner beans without pods</a></p></div></div>` +
		`<div class="commentarea"><div class="sitetable nestedlisting">` + replies.String() + `</div></div></div>` +
		`<div class="footer"><p>Use of this site constitutes acceptance of our User Agreement.</p></div></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, englishThread...)

	story := []string{
		"The county's allotment waiting list has reached four hundred names, the longest it has been since the war, officials said on Tuesday.",
		"Councillors blamed the rise on food prices and said three new sites would open next spring on land by the old gasworks.",
		"Plot holders welcomed the news but asked that the new sites be given water troughs before the first tenants arrive.",
		"The council will take applications for the new plots from the first of March, and tenants will be chosen by lot.",
	}
	var comments strings.Builder
	for i, p := range englishThread[:2] {
		fmt.Fprintf(&comments, `<div class="comment"><span class="comment-author">reader%d</span><p>%s</p></div>`, i, p)
	}
	article := `<html lang="en"><head><title>Allotment list grows</title></head><body><article><h1>Allotment list grows</h1><p>` +
		strings.Join(story, `</p><p>`) + `</p></article><section class="comments"><h2>Comments</h2>` + comments.String() + `</section></body></html>`
	got = parsedText(t, article)
	wantLines(t, got, story...)
	if strings.Contains(got, "runner beans") || strings.Contains(got, "Dry roots") {
		t.Errorf("comments under an article read:\n%s", got)
	}
}

// gardenReplies are the replies of a small allotment thread.
var gardenReplies = []string{
	"Leeks sown in March are fine in a cold frame. Mine went out in June and the frost never touched them, and they stood in the bed all winter until we needed them.",
	"I would wait for the soil to warm up before planting anything out, the slugs love a cold wet bed and they will take every seedling you put out in a single night.",
	"Comfrey tea worked wonders on my tomatoes last summer, though the smell takes some getting used to. Grow a patch of it in a corner and cut it three times a year.",
	"We lifted the onions last week and left them on the path to dry in the sun for a few days. Onion sets are about the easiest thing there is on heavy ground.",
	"Netting is the only thing that keeps the pigeons off the brassicas on our site, nothing else works. Put it up the day you plant them, not the day after.",
	"Try sowing a row of marigolds along the beans, the blackfly went for them and left the beans alone. They look cheerful too, and the bees love them all summer.",
	"Green manure over the winter does more for clay than anything you can buy. Sow it in September and dig it in a month before you sow anything in spring.",
	"Raised beds saved our plot. We built four from old scaffold boards and filled them with compost and topsoil, and they drain well even after a week of rain.",
	"Potatoes are the classic first crop on new ground, they break up the soil and smother the weeds for you. Earth them up well and the bindweed gives up.",
	"Cover the worst half with cardboard and a thick layer of wood chip, by next spring it will dig like butter and the couch grass will be mostly gone.",
}

// A thread that says it is a discussion (schema.org
// DiscussionForumPosting) and whose replies forum software names as
// messages ("message", "message-content"): the extractor took the first
// post's body for the page, and with the thread's container marked as
// the article it still dropped every reply, taking an element named for
// a message for comment debris. Every reply is read, once, and the
// posters' boxes are not.
func TestThreadOfMessagesIsRead(t *testing.T) {
	opening := []string{
		"We took over a plot on the north side of the allotments this spring and the soil is heavy clay that stays wet well into May.",
		"Last year the previous tenant grew potatoes there, and the beds are full of couch grass and bindweed that comes back every week.",
		"We have dug in two loads of manure and some grit, but the first sowings of carrots and parsnips came to nothing at all.",
		"What would you grow in the first year on ground like this, and is it worth covering half of it until next spring?",
		"The neighbours on both sides grow soft fruit, and their currants and gooseberries look very happy in the same soil.",
		"There is a water butt on the shed, a compost bay made of pallets and an old bath that someone used for mint.",
		"The committee says we can have a greenhouse up to eight feet long if we put it at the north end of the plot.",
		"We can get there three evenings a week and most weekends, so something that needs daily watering is out of the question.",
	}
	post := func(kind, who, text string) string {
		return `<div class="` + kind + `"><div class="` + kind + `-user"><a href="/members/` + who + `">` + who + `</a><div class="` + kind + `-userTitle">Well-known member</div></div>` +
			`<div class="` + kind + `-main"><div class="` + kind + `-attribution"><time datetime="2026-05-02">May 2, 2026</time></div>` +
			`<div class="` + kind + `-content"><div class="post-content"><p>` + text + `</p></div></div></div></div>`
	}
	var posts strings.Builder
	posts.WriteString(post("opening", "clayplot", strings.Join(opening, "</p><p>")))
	for i, r := range gardenReplies {
		posts.WriteString(post("message", fmt.Sprintf("grower%d", i), r))
	}
	page := `<html lang="en"><head><title>Heavy clay, first year</title>` +
		`<script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Heavy clay, first year"}</script></head><body><header><nav><a href="/">Forums</a> <a href="/new">New posts</a></nav></header>` +
		`<div class="page-body"><h1>Heavy clay, first year</h1><div class="thread">` + posts.String() + `</div></div>` +
		`<footer><a href="/terms">Terms</a> <a href="/privacy">Privacy</a></footer></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, opening...)
	for _, r := range gardenReplies {
		if n := strings.Count(got, r); n != 1 {
			t.Errorf("reply read %d times: %q\n%s", n, r, got)
		}
	}
	if strings.Contains(got, "Well-known member") {
		t.Errorf("a poster's box is read:\n%s", got)
	}
}

// A thread whose posts' text is written as lines between <br>s in a
// <div>, each post headed by a "by … » date" line in a <p> (as phpBB
// writes them): the extractor read of each post only the lines after
// its first <br>. Each post's first line is read, and a one-line post.
func TestThreadPostFirstLinesAreRead(t *testing.T) {
	posts := [][]string{
		{"The winter timetable is out.", "The last boat now leaves the island at half past five, an hour earlier than last year.", "That rules out a full day's walk on the north shore unless we stay the night in the village."},
		{"They do that every winter.", "The late boat is cut when the crew numbers drop after the summer season ends.", "Last year it came back in March, so it may well be the same again this time."},
		{"Is the Sunday bus still running?", "We want to get from the harbour to the lighthouse and back before the last boat leaves.", "The website says nothing about it either way, and the phone line is only open on weekdays."},
		{"It stopped in October.", "A neighbour told me at the shop that the council will not pay for it until Easter.", "You can book the community taxi a day ahead instead, it runs on Sundays too."},
		{"The taxi is good value.", "The driver knows every path on the island and will wait at the lighthouse if you ask her.", "Ask for the lighthouse road and she will drop you at the gate by the old keeper's cottage."},
		{"We will book the taxi and take the early boat back."},
		{"Mind the tides.", "If you walk round to the seal beach from the lighthouse, take the tide tables with you.", "The causeway floods two hours before high water and stays under for a good four hours."},
		{"Good point.", "We were caught out on that causeway once and sat on the rocks for four hours with one sandwich.", "The seals came up to look at us, which was some comfort, but we missed the boat home."},
		{"Same here, years ago.", "The harbour master keeps printed tide tables in a box by the waiting room door.", "They are free, and they list the causeway times for the whole year on the back page."},
	}
	var b strings.Builder
	for i, p := range posts {
		n := strconv.Itoa(i)
		b.WriteString(`<div id="p` + n + `" class="post bg` + strconv.Itoa(i%2+1) + `"><div class="postbody"><div id="post_content` + n + `"><h3><a href="#p` + n + `">Re: Winter ferry times</a></h3>` +
			`<p class="author"><a class="unread" href="#p` + n + `" title="Post"><i class="icon"></i><span class="sr-only">Post</span></a><span class="responsive-hide">by <strong><a href="/member/` + n + `" class="username">islander` + n + `</a></strong> » </span>` +
			`<time datetime="2026-11-14T1` + n + `:15:00+00:00">Saturday 14 November 2026, 1` + n + `:15</time></p>` +
			`<div class="content">` + strings.Join(p, "<br>") + `</div></div></div><dl class="postprofile"><dt>islander` + n + `</dt><dd>Posts: ` + strconv.Itoa(10*i+3) + `</dd></dl></div>`)
	}
	page := `<html lang="en"><head><title>Winter ferry times</title></head><body><div id="wrap"><div class="headerbar"><a href="/">Island forum</a><p class="site-description">The island forum: ferries, buses, walks, tides, weather and everything else that visitors and residents of the island want to ask each other about.</p></div>` +
		`<div id="page-body" class="page-body" role="main"><h2 class="topic-title">Winter ferry times</h2><div class="action-bar"><a href="/reply">Post Reply</a></div>` + b.String() +
		`<div class="action-bar"><a href="/reply">Post Reply</a></div></div></div></body></html>`
	got := parsedText(t, page)
	t.Log(got)
	for _, p := range posts {
		wantLines(t, got, p...)
	}
}

// A question-and-answer page that marks the comments under its question
// and its answers (schema.org Comment items inside the Question and
// Answer items): the question and the answers are read, the comments
// under them are not. A forum's replies marked as comments of the
// opening post (a DiscussionForumPosting) are read.
func TestQACommentsAreNotRead(t *testing.T) {
	question := "My sourdough starter smells of nail varnish after three days on the kitchen shelf. Is it ruined, or can it still be saved with more feeding?"
	answers := []string{
		"That smell is acetone from a hungry starter: the yeast has eaten everything and is starting to make solvents. Feed it twice a day for a few days and it will settle.",
		"Move it somewhere cooler as well. A warm kitchen speeds everything up, and a starter kept at about twenty degrees needs feeding far less often than one by the oven.",
	}
	comments := []string{
		"Did you use wholemeal flour or white flour for the feeds so far?",
		"White flour only, from the supermarket, nothing special at all.",
		"This worked for me too, thank you, mine smells of apples again now.",
	}
	comment := func(text, who string) string {
		return `<li class="comment" itemprop="comment" itemscope itemtype="https://schema.org/Comment"><div class="comment-body"><span itemprop="text">` + text +
			`</span> – <a class="comment-user" href="/users/` + who + `">` + who + `</a> <span class="comment-date">Commented May 3, 2026 at 9:12</span></div></li>`
	}
	page := `<html lang="en"><head><title>Starter smells of nail varnish</title></head><body itemscope itemtype="https://schema.org/QAPage"><div id="content">` +
		`<h1 itemprop="name">Starter smells of nail varnish</h1>` +
		`<div class="question" itemprop="mainEntity" itemscope itemtype="https://schema.org/Question"><div class="post-body" itemprop="text"><p>` + question + `</p></div>` +
		`<ul class="comments">` + comment(comments[0], "crumb") + comment(comments[1], "levain") + `</ul>` +
		`<div class="answer" itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer"><div class="post-body" itemprop="text"><p>` + answers[0] + `</p></div>` +
		`<ul class="comments">` + comment(comments[2], "levain") + `</ul></div>` +
		`<div class="answer" itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer"><div class="post-body" itemprop="text"><p>` + answers[1] + `</p></div></div>` +
		`</div></div></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, question, answers[0], answers[1])
	for _, c := range comments {
		if strings.Contains(got, c) {
			t.Errorf("comment read: %q\n%s", c, got)
		}
	}

	// A thread whose replies are marked as comments of the opening post.
	replies := []string{
		"Feed it twice a day for a few days and the smell goes, that is all it needs, mine did exactly the same last winter.",
		"Keep it a bit cooler too. A starter by the oven gets hungry much faster than one kept in the larder or the cellar.",
	}
	thread := `<html lang="en"><head><title>Starter smells odd</title></head><body><div itemscope itemtype="https://schema.org/DiscussionForumPosting">` +
		`<h1 itemprop="headline">Starter smells odd</h1><div itemprop="text"><p>` + question + `</p></div>` +
		`<div class="reply" itemprop="comment" itemscope itemtype="https://schema.org/Comment"><div itemprop="text"><p>` + replies[0] + `</p></div></div>` +
		`<div class="reply" itemprop="comment" itemscope itemtype="https://schema.org/Comment"><div itemprop="text"><p>` + replies[1] + `</p></div></div>` +
		`</div></body></html>`
	got = parsedText(t, thread)
	wantLines(t, got, question, replies[0], replies[1])
}
