package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestPageByline(t *testing.T) {
	cases := []struct {
		name, head, body, want string
	}{
		{"json-ld first", `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Ruth Calder"}}</script><meta name="author" content="Web Desk">`,
			``, "Ruth Calder"},
		// A customer's review of a product, a comment: someone else's
		// words, not the page's writer; a critic's review of a book is
		// the page's.
		{"a customer's review is no byline", `<script type="application/ld+json">{"@type":"Review","itemReviewed":{"@type":"Product","name":"Lamp"},"author":{"@type":"Person","name":"Ann Cole"}}</script>`,
			``, ""},
		{"a comment is no byline", `<script type="application/ld+json">[{"@type":"Comment","author":"Ann Cole"},{"@type":"BlogPosting","author":"Rui Dias"}]</script>`,
			``, "Rui Dias"},
		{"a critic's review is the page's", `<script type="application/ld+json">{"@type":"Review","itemReviewed":{"@type":"Book","name":"Tides"},"author":{"@type":"Person","name":"Mira Stone"}}</script>`,
			``, "Mira Stone"},
		{"dublin core before a CMS author", `<meta name="author" content="Redaktion"><meta property="dc:creator" content="Ines Vogt">`,
			``, "Ines Vogt"},
		{"dublin core before a CMS author, French", `<meta name="author" content="Service web"><meta name="DC.creator" content="Élodie Marchand">`,
			``, "Élodie Marchand"},
		{"space-separated properties", `<meta property="dc:creator twitter:site_name" content="Tomás Ibarra"><meta name="author" content="webmaster">`,
			``, "Tomás Ibarra"},
		{"one field as a name and a property: said twice, not by two", `<meta name="DC.creator" content="Ines Vogt"><meta property="dc:creator" content="Ines Vogt-Berger">`, ``, "Ines Vogt-Berger"},
		{"one field as a name and a property, Spanish", `<meta name="author" content="Redacción Madrid"><meta property="author" content="Lucía Ortega">`, ``, "Lucía Ortega"},
		{"same key twice: co-authors", `<meta property="article:author" content="Hanna Berg"><meta property="article:author" content="Olaf Lund">`,
			``, "Hanna Berg and Olaf Lund"},
		{"itemprop before teaser links", ``,
			`<div class="related"><a rel="author" href="/a/1">Peter Quill</a></div><article><span itemprop="author">Mara Jade</span><p>Text.</p></article><div><a rel="author" href="/a/2">Ana Ruiz</a></div>`,
			"Mara Jade"},
		{"itemprop before teaser links, German", ``,
			`<article><p itemprop="author"><span itemprop="name">Jörg Hansen</span></p></article><ul><li><h3>Weitere Artikel</h3><a rel="author" href="/autor/k">Katrin Lenz</a></li></ul>`,
			"Jörg Hansen"},
		{"rel=author alone still counts", ``,
			`<p>Von <a rel="author" href="/autor/b">Bernd Falk</a></p>`, "Bernd Falk"},
		// Must not split a name at a separator inside it.
		{"an ampersand inside a magazine's name", `<meta name="DC.creator" content="Mac &amp; i">`, ``, "Mac & i"},
		{"surname, initial", `<meta name="author" content="Lefèvre, J.">`, ``, "Lefèvre, J."},
		{"Dublin Core surname first", `<meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, Michiel de">`, ``, "F. Kooman and Michiel de Jong"},
		{"Dublin Core list, surnames first", `<meta name="DC.creator" content="Weber, Anna; Roth, Jan">`, ``, "Anna Weber and Jan Roth"},
		{"Dublin Core names in order left alone", `<meta name="DC.creator" content="Anna Weber, Jan Roth">`, ``, "Anna Weber and Jan Roth"},
		{"several roles kept whole", ``, `<p class="byline author">Written by Rob Tan<br>Edited by Eve Ross</p>`, "Written by Rob Tan Edited by Eve Ross"},
		{"several roles kept whole, French", `<meta name="author" content="Écrit par Marie Dupont, photos par Luc Martin">`, ``, "Écrit par Marie Dupont, photos par Luc Martin"},
		{"one role: the name alone", ``, `<p class="byline">Written by Rob Tan</p>`, "Rob Tan"},
		{"one role: the name alone, German", `<meta name="author" content="Von Anna Schmidt und Jonas Weber">`, ``, "Anna Schmidt and Jonas Weber"},
		// A web or mail address after the name is not part of it.
		{"address after the name", `<meta name="author" content="Ruth Calder (https://calder.example/blog/)">`, ``, "Ruth Calder"},
		{"mail address after the name, German", `<meta name="author" content="Jörg Hansen <joerg@hansen.example>">`, ``, "Jörg Hansen"},
		// Must not: a field that is only an address names nobody; the
		// next source speaks.
		{"only an address, French", `<meta name="author" content="https://journal.example/auteur/2005-afp">`, `<p class="byline">Par Élodie Marchand</p>`, "Élodie Marchand"},
		{"only an address, English", `<meta name="author" content="(https://paper.example/staff)">`, `<div class="StoryByline">By Tom Reyes<br>March 4, 2015</div>`, "Tom Reyes"},
		{"camel-case byline class, German", ``, `<div class="FeatureByline">Von <b>Anna Roth</b><br>25. März 2015</div>`, "Anna Roth"},
		// An "Author:" label before the name is not said as part of it.
		{"author label", `<meta name="author" content="Author: Nadia Petrova">`, ``, "Nadia Petrova"},
		{"author label, German", ``, `<p class="byline">Autorin: Ilse Brandt</p>`, "Ilse Brandt"},
		{"author label, French and Spanish", `<meta name="author" content="Auteur : Luc Martin">`, `<p class="byline">Autora: Marta Gil</p>`, "Luc Martin"},
		// Must not: a name that starts like a label stays whole.
		{"a surname like a label word", `<meta name="author" content="Autori Kallio">`, ``, "Autori Kallio"},
		// Must split real co-authors, whatever the language's "and".
		{"German und", `<meta name="author" content="Anna Schmidt und Jonas Weber">`, ``, "Anna Schmidt and Jonas Weber"},
		{"French et", `<meta name="author" content="Marie Dupont et Luc Martin">`, ``, "Marie Dupont and Luc Martin"},
		{"English ampersand", `<meta name="author" content="Sam Ortiz &amp; Lee Park">`, ``, "Sam Ortiz and Lee Park"},
		// A credential after a comma is not a second author.
		{"credential after the name", `<meta name="author" content="Dana Whitfield, CFP">`, ``, "Dana Whitfield"},
		{"two credentials", `<meta name="author" content="Omar Reyes, MD, FAAFP">`, ``, "Omar Reyes"},
		{"credential with a hyphen", `<meta name="author" content="Lena Brooks, PA-C">`, ``, "Lena Brooks"},
		{"dotted credential, then a co-author", `<meta name="author" content="Ira Kent, J.D., and Mia Lowe">`, ``, "Ira Kent and Mia Lowe"},
		{"German diploma", `<meta name="author" content="Jonas Weber, Dipl.-Ing.">`, ``, "Jonas Weber"},
		{"a byline box with the place and the time beside the name", ``, `<div class="byline"><span>Carmen Vidal</span><span>Sevilla</span><time>06 dic 2026 - 08:30</time></div>`, "Carmen Vidal"},
		{"a place after the name and a comma", `<meta name="author" content="Von Anna Berger, Hamburg">`, ``, "Anna Berger"},
		{"an agency after the name and a comma", `<meta name="author" content="Jane Doe, AP">`, ``, "Jane Doe"},
		{"two full names after a comma stay two", `<meta name="author" content="Anna Berger, Jan Roth">`, ``, "Anna Berger and Jan Roth"},
		{"a byline box of a date and a section names no one", ``, `<section class="byline"><span class="byline__release-date"><time>March 20, 2023</time></span><span class="byline__separator"> | </span><span class="byline__category"><a href="/health">Health &amp; Care</a></span></section>`, ""},
		{"a byline box whose author piece's class says section", ``, `<div class="byline"><span class="byline__author-section">Carmen Vidal</span><span class="byline__date">6 Dec 2026</span></div>`, "Carmen Vidal"},
		{"a byline box of two names", ``, `<div class="byline"><a href="/a">Carmen Vidal</a><span>y</span><a href="/b">Pedro Gil</a></div>`, "Carmen Vidal and Pedro Gil"},
		{"a byline box of a name in pieces", ``, `<div class="byline"><span>Carmen</span> <span>Vidal</span></div>`, "Carmen Vidal"},
		// The writer's job after a comma is not a second author.
		{"a job after the name", `<meta name="author" content="Paul Frew, Home and Digital Security Expert">`, ``, "Paul Frew"},
		{"a job of two titles after the name", `<meta name="author" content="Nora Kell, Master Gardener and Garden Educator">`, ``, "Nora Kell"},
		{"names, then their job", `<meta name="author" content="Jane Doe, John Roe and Ann Lee, Senior Reporters">`, ``, "Jane Doe, John Roe and Ann Lee"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader("<html><head>" + c.head + "</head><body>" + c.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if got := joinNames(pageByline(root), "en"); got != c.want {
				t.Errorf("pageByline = %q, want %q", got, c.want)
			}
		})
	}
}

func TestMayNameByline(t *testing.T) {
	for class, want := range map[string]bool{
		"byline": true, "c-ByLine__name": true, "article-author": true, "AuthorName": true,
		"post-AUTHOR x": true, "headline": false, "": false, "b": false, "autho": false, "entry-content": false,
	} {
		if got := mayNameByline(class); got != want {
			t.Errorf("%q: %v, want %v", class, got, want)
		}
		if want == false && bylineClass.MatchString(class) {
			t.Errorf("%q: bylineClass matches a class the check rules out", class)
		}
	}
	for class, want := range map[string]bool{
		"FeatureByline": true, "storyAuthorName x": true, "c-byline": true, "article-author": true,
		// Must not: the word inside another one, or a list of bylines.
		"Bylines": false, "authorNameplate": false, "standbyline": false, "auteur-nom": false, "headline": false,
	} {
		if got := isBylineClass(class); got != want {
			t.Errorf("isBylineClass(%q) = %v, want %v", class, got, want)
		}
	}
}

// A byline printed only as text under the headline, on a page whose
// markup names no author, is read; a subtitle that starts like one, and
// a teaser's byline below the story's paragraphs, are not.
func TestHeaderByline(t *testing.T) {
	body := `<div class="b1"><p>Der Pegel des Rheins ist in der Nacht zum Freitag auf fast acht Meter gestiegen. Nach Angaben des Meldedienstes könnte er bis Sonntag die Marke von neun Metern erreichen.</p>` +
		`<p>Die Feuerwehr hat an der Uferpromenade mobile Schutzwände aufgebaut. Die Altstadt ist für Autos gesperrt, Fußgänger erreichen sie über die Brücke am Markt.</p>` +
		`<p>Auch der Schiffsverkehr ist betroffen: Ab einem Pegel von acht Metern dreißig wird er eingestellt, und mehrere Reedereien haben ihre Fahrten abgesagt.</p>` +
		`<p>Die Stadt hat ein Bürgertelefon eingerichtet, das rund um die Uhr besetzt ist, und bittet Anwohner, ihre Keller zu räumen und Autos umzuparken.</p></div>`
	for _, c := range []struct{ name, header, after, want string }{
		{"German byline with a date", `<div class="m1"><span>Von Anna Roth und Jan Berg</span> <time>05.12.2026, 14:33 Uhr</time></div>`, "", "Anna Roth und Jan Berg"},
		{"English byline with a bar", `<div class="x"><p>By Jane Doe | 5 December 2026</p></div>`, "", "Jane Doe"},
		{"Italian byline", `<span class="q">di Mario Rossi</span>`, "", "Mario Rossi"},
		{"a byline and the place the reporter wrote from", `<p class="q">Por Ana Souza, de Porto Alegre<br>12/03/2026 14h05</p>`, "", "Ana Souza"},
		{"a byline and the city it was sent from", `<p class="q">Por Ana Ruiz, desde Bruselas</p>`, "", "Ana Ruiz"},
		{"written by, and the day after 'on'", `<div class="autor">Written by <a href="/autor/pablo">Pablo Herrero</a> on February 9, 2026</div>`, "", "Pablo Herrero"},
		{"escrito por, and the day after 'el'", `<div class="autor">Escrito por <a href="/autor/pablo">Pablo Herrero</a> el 9 de febrero de 2026</div>`, "", "Pablo Herrero"},
		{"geschrieben von, and the day after 'am'", `<p class="x">Geschrieben von Anna Roth am 3. Mai 2026</p>`, "", "Anna Roth"},
		{"a degree with a footnote's mark", `<p class="x">Written By Ann Bell-Moore, MD*</p>`, "", "Ann Bell-Moore"},
		{"scritto da", `<p class="x">Scritto da Giulia Ferri il 14 maggio 2026</p>`, "", "Giulia Ferri"},
		{"a subtitle with a verb is no byline", `<p class="s">Geschrieben von Hand, am Küchentisch</p>`, "", ""},
		{"a subtitle is no byline", `<p class="s">Von Berlin nach Paris in vier Stunden</p>`, "", ""},
		{"a teaser's byline under the story", "", `<div class="t"><h3>Neue Buslinie</h3><span>Von Eva Kern</span></div>`, ""},
		{"a shop's maker", `<div class="p"><span>By</span> <a href="/brand/bnd/harbour-chairs-b12.html">Harbour Chairs</a></div>`, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			page := `<html lang="de"><head><title>Pegel steigt</title></head><body><article><h1>Pegel am Rhein steigt weiter</h1>` +
				c.header + body + c.after + `</article></body></html>`
			doc, err := Parse([]byte(page), "page.html", LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Byline != c.want {
				t.Errorf("byline %q, want %q", doc.Byline, c.want)
			}
		})
	}
}

// A byline the page writes only under its headline, "di" beside a
// <strong> name: the extractor reads the name and drops the "di", and
// the header's byline is read once, as the byline, not again as a line.
func TestHeaderBylineNotReadTwice(t *testing.T) {
	page := `<html lang="it"><head><title>Allerta meteo</title></head><body><main><article><h1>Allerta meteo in Liguria</h1>` +
		`<div class="firma">di <strong>Giulia Ferri</strong></div>` +
		`<p>La protezione civile ha diramato l'allerta rossa per tutta la regione a partire dalla mezzanotte. Le scuole resteranno chiuse.</p>` +
		`<p>Secondo le previsioni, le piogge più intense sono attese nella mattinata di domani, tra le sei e le dodici.</p>` +
		`</article></main></body></html>`
	doc, err := Parse([]byte(page), "page.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Byline != "Giulia Ferri" {
		t.Errorf("byline %q, want Giulia Ferri", doc.Byline)
	}
	for _, b := range doc.Blocks {
		if strings.Contains(b.Text, "Giulia Ferri") {
			t.Errorf("the byline is read again in the text: %q", b.Text)
		}
	}
}

// A stamp under the headline dates the page when the metadata's finder,
// which reads English and German month names, did not.
func TestHeaderDate(t *testing.T) {
	body := `<p>Partono lunedì i lavori per il rifacimento della condotta nord dell'acquedotto, che porta l'acqua a sei comuni della sponda occidentale del lago.</p>` +
		`<p>La nuova condotta sostituirà i tubi posati negli anni Sessanta, responsabili di quasi metà delle perdite della rete, e costerà quattro milioni.</p>`
	for _, c := range []struct{ name, header, want string }{
		{"an Italian stamp with its sender", `<div class="info">Pubblicato il 14 maggio 2026 da <a href="/u">Ufficio Stampa</a></div>`, "2026-05-14"},
		{"a Spanish stamp after a byline", `<div class="autor">Escrito por <a href="/p">Pablo Herrero</a> el 9 febrero, 2026</div>`, "2026-02-09"},
		{"a Portuguese date", `<span class="d">3 de março de 2026</span>`, "2026-03-03"},
		{"an abbreviated month", `<div class="byline"><span>Carmen Vidal</span><time>06 dic 2026 - 08:30</time></div>`, "2026-12-06"},
		{"a sentence with a date is no stamp", `<p class="lead">Il consiglio comunale ha approvato il 14 maggio 2026 il bilancio e il piano delle opere pubbliche.</p>`, ""},
		{"an ambiguous slashed date gives none", `<span class="d">12/03/2026</span>`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			page := `<html lang="it"><head><title>Lavori</title></head><body><article><h1>Al via i lavori sulla condotta nord</h1>` + c.header + body + `</article></body></html>`
			doc, err := Parse([]byte(page), "page.html", LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if doc.Published != nil {
				got = doc.Published.Format("2006-01-02")
			}
			if got != c.want {
				t.Errorf("published %q, want %q", got, c.want)
			}
		})
	}
}

// A theme's "no-byline" switch on the box that holds the breadcrumb is no
// byline ("By Home"), and a testimonial's signer, marked with the same
// author class a byline has, is not the page's writer.
func TestNoBylineFromSwitchOrTestimonial(t *testing.T) {
	body := `<p>Our engineers review your systems against the controls your auditors expect, and we write down what we find in words your board can act on.</p>` +
		`<p>Each review ends with a plan: what to fix first, what it costs, and who on your team owns it. We stay with you until the last item is closed.</p>` +
		`<p>Most reviews take four to six weeks, depending on how many sites and systems you run, and we agree the scope with you before we start.</p>`
	quote := `<blockquote><p>The review was thorough and the plan was clear; we closed every finding within a quarter.</p>` +
		`<div class="author-details"><span class="detail--name">Rosa Delgado</span>, <span>VP</span>, <span>Security and Risk</span>, <span>Harbour Mutual</span></div></blockquote>`
	for _, c := range []struct{ name, header, want string }{
		{"a no-byline box with the breadcrumb", `<div class="post-meta no-byline"><span><a href="/">Home</a></span> » <span><a href="/services/">Services</a></span></div>`, ""},
		{"a byline box still counts", `<div class="post-meta byline"><span>Mara Quill</span></div>`, "Mara Quill"},
	} {
		t.Run(c.name, func(t *testing.T) {
			page := `<html lang="en"><head><title>Security reviews</title></head><body><main><h1>Security reviews</h1>` +
				c.header + body + quote + `</main></body></html>`
			doc, err := Parse([]byte(page), "page.html", LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Byline != c.want {
				t.Errorf("byline %q, want %q", doc.Byline, c.want)
			}
		})
	}
}

func TestQuoteAttribution(t *testing.T) {
	for a, want := range map[string]bool{
		"Carlos Escobar; VP; IS Security; RevMed":   true,
		"Rosa Delgado, Chief Risk Officer, Harbour": true,
		"Jane Doe":                                      false,
		"Jane Doe; John Roe; Ann Lee":                   false,
		"Ann Bell, Senior Reporter":                     false,
		"Ann Bell, Mara Quill, Director of Photography": false,
	} {
		if got := quoteAttribution(a); got != want {
			t.Errorf("quoteAttribution(%q) = %v, want %v", a, got, want)
		}
	}
}
