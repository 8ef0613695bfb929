package article

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
)

// parsedText extracts page and returns its blocks as "kind: text" lines.
func parsedText(t *testing.T, page string) string {
	t.Helper()
	doc, err := Parse([]byte(page), "page.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, b := range doc.Blocks {
		lines = append(lines, string(b.Kind)+": "+b.Text)
	}
	return strings.Join(lines, "\n")
}

func wantLines(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing %q in:\n%s", w, got)
		}
	}
}

// An old page laid out in a table: a word in italics inside a paragraph
// does not cut the paragraph short.
func TestEmphasisInTableLayout(t *testing.T) {
	for _, c := range []struct{ lang, p1, p2, p3 string }{
		{"en", `"Clara," said the clerk, "what do<i> you</i> make of the ledger?"`,
			`"I make nothing of it," said Clara, with a<i> shrug</i>, and went back to her desk.`,
			`The ledger stayed open on the counter until the owner came back from lunch and closed it again.`},
		{"de", `„Clara“, sagte der Schreiber, „was hältst<em> du</em> von dem Kassenbuch?“`,
			`„Gar nichts“, sagte Clara mit einem<b> Achselzucken</b> und ging zurück an ihren Schreibtisch.`,
			`Das Kassenbuch lag offen auf dem Tresen, bis der Inhaber aus der Mittagspause kam und es schloss.`},
	} {
		page := `<html lang="` + c.lang + `"><head><title>Ledger</title></head><body><table><tr><td width="20%"><a href="/">Home</a></td><td>` +
			`<p>` + c.p1 + `</p><p>` + c.p2 + `</p><p>` + c.p3 + `</p></td></tr></table></body></html>`
		got := parsedText(t, page)
		for _, p := range []string{c.p1, c.p2} {
			want := strings.NewReplacer("<i>", "", "</i>", "", "<em>", "", "</em>", "", "<b>", "", "</b>", "").Replace(p)
			wantLines(t, got, want)
		}
	}
}

// Must not: text loose in a <div> after a bold label is kept; unwrapping
// a label that sits directly in a container lost such text on a
// scrapinghub page.
func TestEmphasisInContainerKept(t *testing.T) {
	for _, c := range []struct{ lang, label, rest string }{
		{"en", "More information:", "R. Holm et al. Dormancy in small mammals, <i>Journal of Cold Biology</i> (2019)."},
		{"de", "Weitere Informationen:", "R. Holm u. a. Winterruhe bei Kleinsäugern, <i>Zeitschrift für Kältebiologie</i> (2019)."},
	} {
		body := `<p>Researchers at the institute have shown that small mammals can lower their heart rate for weeks during the cold months, a finding that may matter for long journeys.</p>` +
			`<p>The team measured the animals over three winters and found the same pattern every year, even in the warmest of the three.</p>`
		page := `<html lang="` + c.lang + `"><head><title>Dormancy</title></head><body><article>` + body +
			"<hr>\n<div class=\"more\">\n\t\t<strong>" + c.label + "</strong>\n\t\t" + c.rest + ` <a href="/doi">DOI: 10.1000/x</a>` + "\n\t</div></article></body></html>"
		// The extractor splits the text at the italics and drops the
		// spaces around them, so words are compared, not spacing.
		got, want := wordsOf(strings.NewReplacer("paragraph: ", "", "\n", " ").Replace(parsedText(t, page))), wordsOf(strings.NewReplacer("<i>", "", "</i>", "").Replace(c.rest))
		if !strings.Contains(got, want) {
			t.Errorf("%s: %q not in %q", c.lang, want, got)
		}
	}
}

// A data table indented with a blockquote is read row by row; a real
// quotation stays a quote.
func TestTableInBlockquote(t *testing.T) {
	intro := `<p>The project has released often this year, and its maintainers say the pace will hold for the rest of the decade.</p>` +
		`<p>The table below lists every release since the spring, with the month it came out.</p>`
	for _, c := range []struct{ lang, head, row, want string }{
		{"en", "<th>Release</th><th>Date</th>", "<td>2.4.1</td><td>May 2024</td>", "item: 2.4.1, May 2024"},
		{"de", "<th>Version</th><th>Datum</th>", "<td>2.4.1</td><td>Mai 2024</td>", "item: 2.4.1, Mai 2024"},
	} {
		page := `<html lang="` + c.lang + `"><head><title>Releases</title></head><body><article>` + intro +
			`<blockquote><table><tr>` + c.head + `</tr><tr>` + c.row + `</tr><tr><td>2.4.2</td><td>06/2024</td></tr></table></blockquote>` +
			`<p>Since then the maintainers have moved to a fixed schedule, one release at the start of every month.</p></article></body></html>`
		wantLines(t, parsedText(t, page), c.want)
	}
	for _, c := range []struct{ lang, quote string }{
		{"en", "We will ship a release every month, whatever happens, and we will say so in advance."},
		{"fr", "Nous publierons une version chaque mois, quoi qu'il arrive, et nous l'annoncerons à l'avance."},
	} {
		page := `<html lang="` + c.lang + `"><head><title>Releases</title></head><body><article>` + intro +
			`<blockquote>` + c.quote + `<table><tr><td>2.4.1</td><td>2024</td></tr></table></blockquote>` +
			`<p>Since then the maintainers have moved to a fixed schedule, one release at the start of every month.</p></article></body></html>`
		got := parsedText(t, page)
		if !strings.Contains(got, "quote: "+c.quote) {
			t.Errorf("%s: quotation not kept as a quote:\n%s", c.lang, got)
		}
	}
}

// Cells the extractor takes out of a nested table are kept apart, not
// run together into one word.
func TestLooseCellsApart(t *testing.T) {
	// The HTML parser never leaves a cell outside a table; the extractor
	// does, so the tree is built by hand.
	quote := &html.Node{Type: html.ElementNode, Data: "blockquote"}
	for _, c := range [][2]string{{"th", "Name"}, {"td", "Ada"}, {"td", "63"}, {"td", "Zoë"}} {
		cell := &html.Node{Type: html.ElementNode, Data: c[0]}
		cell.AppendChild(&html.Node{Type: html.TextNode, Data: c[1]})
		quote.AppendChild(cell)
	}
	var w blockWalker
	w.walk(quote, KindParagraph)
	w.flush()
	if len(w.blocks) != 1 || w.blocks[0].Text != "Name Ada 63 Zoë" {
		t.Errorf("blocks %+v, want one quote reading %q", w.blocks, "Name Ada 63 Zoë")
	}
}

// wordsOf is s as its words (letters and digits) separated by one space.
func wordsOf(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// teaserPage is an article with box after its text, in lang.
func teaserPage(lang, article, box string) string {
	return `<html lang="` + lang + `"><head><title>Harbour</title></head><body><article>` + article + box + `</article></body></html>`
}

// A box of teasers (a linked headline and a one-line summary each) is
// left out whatever its class, in any language.
func TestTeaserListPruned(t *testing.T) {
	for _, c := range []struct {
		lang, article string
		heads, subs   []string
	}{
		{"en", `<p>The harbour authority said on Monday that the new quay would open in the spring, two years later than planned.</p><p>Shipping companies had asked for the delay to be explained, and the authority blamed the cost of steel and a wet winter.</p>`,
			[]string{"Ferry fares to rise in May", "Lighthouse keeper retires after 40 years", "Storm closes coastal road", "Fish market moves inland"},
			[]string{"Operators blame fuel", "A life by the lamp", "Repairs to take a week", "Traders welcome the space"}},
		{"de", `<p>Die Hafenbehörde teilte am Montag mit, dass der neue Kai im Frühjahr eröffnet werde, zwei Jahre später als geplant.</p><p>Reedereien hatten eine Erklärung für die Verzögerung verlangt; die Behörde nannte die Stahlpreise und einen nassen Winter.</p>`,
			[]string{"Fährpreise steigen im Mai", "Leuchtturmwärter geht nach 40 Jahren in Rente", "Sturm sperrt Küstenstraße", "Fischmarkt zieht ins Landesinnere"},
			[]string{"Betreiber nennen den Treibstoff", "Ein Leben am Licht", "Reparatur dauert eine Woche", "Händler begrüßen den Platz"}},
	} {
		var box strings.Builder
		box.WriteString(`<div class="box-17"><ul>`)
		for i := range c.heads {
			box.WriteString(`<li><a href="/story/` + string(rune('a'+i)) + `"><img src="x.jpg" alt=""></a><div><h3><a href="/story/` + string(rune('a'+i)) + `">` + c.heads[i] + `</a></h3><h4>` + c.subs[i] + `</h4></div></li>`)
		}
		box.WriteString(`</ul></div>`)
		got := parsedText(t, teaserPage(c.lang, c.article, box.String()))
		for i := range c.heads {
			if strings.Contains(got, c.heads[i]) || strings.Contains(got, c.subs[i]) {
				t.Errorf("%s: teaser %q read:\n%s", c.lang, c.heads[i], got)
			}
		}
		if !strings.Contains(got, "paragraph: "+c.article[3:40]) {
			t.Errorf("%s: article lost:\n%s", c.lang, got)
		}
	}
}

// Must not: sections of an article whose headings are links, and a table
// of contents, are not teasers.
func TestTeaserListMustNot(t *testing.T) {
	sections := map[string][3]string{
		"en": {"How the quay was built", "Who paid for it", "What comes next"},
		"fr": {"Comment le quai a été construit", "Qui l'a payé", "Et maintenant"},
	}
	bodies := map[string]string{
		"en": "Engineers drove two hundred piles into the seabed over three summers, working only at low tide, and the concrete deck was poured in sections of twenty metres.",
		"fr": "Les ingénieurs ont enfoncé deux cents pieux dans le fond marin pendant trois étés, en ne travaillant qu'à marée basse, et le tablier a été coulé par sections de vingt mètres.",
	}
	for lang, heads := range sections {
		var art, toc strings.Builder
		toc.WriteString(`<ul>`)
		for i, h := range heads {
			fmt.Fprintf(&art, `<section><h2><a href="/quay/part-%d">%s</a></h2><p>%s</p><p>%s</p></section>`, i, h, bodies[lang], bodies[lang])
			fmt.Fprintf(&toc, `<li><h4><a href="#part-%d">%s</a></h4></li>`, i, h)
		}
		toc.WriteString(`</ul>`)
		got := parsedText(t, teaserPage(lang, toc.String()+art.String(), ""))
		for _, h := range heads {
			if !strings.Contains(got, "heading: "+h) {
				t.Errorf("%s: section heading %q lost:\n%s", lang, h, got)
			}
		}
		if isTeaserListHTML(t, toc.String()) {
			t.Errorf("%s: table of contents taken for teasers", lang)
		}
	}
}

func isTeaserListHTML(t *testing.T, frag string) bool {
	t.Helper()
	root, err := html.Parse(strings.NewReader("<html><body>" + frag + "</body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && isTeaserList(n) {
			found = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return found
}

func TestDropTitleRepeat(t *testing.T) {
	h := func(s string) Block { return Block{Kind: KindHeading, Text: s} }
	p := func(s string) Block { return Block{Kind: KindParagraph, Text: s} }
	for _, c := range []struct {
		title string
		in    []Block
		want  int // blocks left
	}{
		{"Opinion | Is Football Violence a Crime?", []Block{h("Is Football Violence a Crime?"), p("It was the shot.")}, 1},
		{"Kommentar: Die Wende kam zu spät", []Block{h("Die Wende kam zu spät"), p("Es war zu spät.")}, 1},
		{"Harbour quay opens", []Block{h("Harbour quay opens"), p("It opened.")}, 1},
		{"Só quem se ama...", []Block{h("Só quem se ama…"), p("Viver é amar.")}, 1},
		{"Wer sich liebt …", []Block{h("Wer sich liebt..."), p("Leben heißt lieben.")}, 1},
		// Must not: a short heading that ends the title, or a paragraph.
		{"Elections 2024: Results", []Block{h("Results"), p("The count is over.")}, 2},
		{"Élections : les résultats", []Block{h("Résultats"), p("Le dépouillement est terminé.")}, 2},
		{"Opinion | Is Football Violence a Crime?", []Block{p("is football violence a crime?"), p("It was the shot.")}, 2},
	} {
		if got := dropTitleRepeat(append([]Block(nil), c.in...), c.title); len(got) != c.want {
			t.Errorf("%q: %d blocks left, want %d: %v", c.title, len(got), c.want, got)
		}
	}
}

// Must not: on a section front, where teasers are all there is, they are
// read.
func TestTeasersOfAListingPageKept(t *testing.T) {
	for _, lines := range [][]string{
		{"Ferry fares to rise in May", "Operators blame fuel", "Storm closes coastal road", "Repairs to take a week"},
		{"Suben las tarifas del ferri en mayo", "Los operadores culpan al combustible", "Una tormenta cierra la carretera", "La reparación durará una semana"},
	} {
		teasers := map[string]bool{}
		var blocks []Block
		for i, l := range lines {
			teasers[comparable(l)] = true
			kind := KindHeading
			if i%2 == 1 {
				kind = KindItem
			}
			blocks = append(blocks, Block{Kind: kind, Text: l})
		}
		blocks = append(blocks, Block{Kind: KindParagraph, Text: "More in Travel ›"})
		if got := dropTeasers(blocks, teasers); len(got) != len(lines)+1 {
			t.Errorf("%q: %d blocks left, want all %d", lines[0], len(got), len(lines)+1)
		}
	}
}

// A heading or paragraph that ends with the name of a social network or
// a share-button word ("…not just Facebook", "…bei Google") is text, not
// a share button: the extractor's filter used to drop it once emphasis
// inside the heading had been unwrapped. A line that is only the button
// label still goes.
func TestTextEndingInButtonWordKept(t *testing.T) {
	for _, c := range []struct{ lang, p, h1, h2, item, item2, buttons string }{
		{"en", "The council voted on Tuesday to stop buying advertising from large platforms, after a year of complaints from residents about tracking.",
			"What the council decided", "Next, a look beyond Facebook",
			"Most of the search traffic still comes from Google", "Some of it now comes from Bing",
			"<p>Facebook</p><p>Print</p>"},
		{"de", "Der Stadtrat hat am Dienstag beschlossen, keine Werbung mehr bei großen Plattformen zu kaufen, nachdem Bürger ein Jahr lang über Tracking geklagt hatten.",
			"Was der Stadtrat beschlossen hat", "Als Nächstes der Blick über Facebook hinaus auf WhatsApp",
			"Der meiste Suchverkehr kommt weiterhin von Google", "Ein Teil kommt inzwischen von Bing",
			"<p>Drucken</p><p>E-Mail</p>"},
	} {
		page := `<html lang="` + c.lang + `"><head><title>Council</title></head><body><article>` +
			`<h3><strong>` + c.h1 + `</strong></h3><p>` + c.p + `</p><p>` + c.p + ` 2</p>` +
			`<ul><li>` + c.item + `</li><li>` + c.item2 + `</li></ul>` +
			`<h3><strong>` + c.h2 + `</strong></h3><p>` + c.p + ` 3</p><p>` + c.p + ` 4</p>` +
			c.buttons + `</article></body></html>`
		got := parsedText(t, page)
		wantLines(t, got, "heading: "+c.h1, "heading: "+c.h2, "item: "+c.item+"\n")
		for _, b := range []string{"Facebook", "Print", "Drucken", "E-Mail"} {
			if strings.Contains(got, ": "+b+"\n") || strings.HasSuffix(got, ": "+b) {
				t.Errorf("%s: button label %q kept in:\n%s", c.lang, b, got)
			}
		}
		if strings.Contains(got, filterGuard) {
			t.Errorf("%s: guard character left in the text:\n%q", c.lang, got)
		}
	}
}

func TestFilterEndingAt(t *testing.T) {
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"Fix the surveillance economy, not just Facebook", true},
		{"Der Suchverkehr kommt von Google \n  ", true},
		{"Ce que dit le rapport sur WhatsApp", true},
		{"Top 10 Pinterest", true},
		{"Read more on this...", true},
		// Must not: a label alone, or a sentence the filter already passes.
		{"Facebook", false},
		{" • Drucken ", false},
		{"E-Mail", false},
		{"Ils utilisent Google.", false},
		{"Sie nutzen Google Maps", false},
	} {
		if _, got := filterEndingAt(c.in); got != c.want {
			t.Errorf("filterEndingAt(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// relatedPage is an article in lang followed, in the same <article>, by
// a heading and excerpts of other articles, each in its own <article>.
func relatedPage(lang, body, heading string, excerpts []string) string {
	var sb strings.Builder
	sb.WriteString(`<html lang="` + lang + `"><head><title>Quay</title></head><body><article class="post">` + body)
	sb.WriteString(`<h3 class="box-title">` + heading + `</h3>`)
	for i, e := range excerpts {
		fmt.Fprintf(&sb, `<article class="post"><a href="/post/%d" rel="bookmark"><img src="p%d.jpg" alt=""></a><p>%s</p><p><a href="/tag/%d">Tag</a></p></article>`, i, i, e, i)
	}
	sb.WriteString(`</article></body></html>`)
	return sb.String()
}

// A heading that says what follows is elsewhere ("Você pode gostar…",
// "Das könnte Sie auch interessieren") ends the article when what
// follows it are other articles' excerpts, however long they are.
func TestRelatedSectionPruned(t *testing.T) {
	for _, c := range []struct {
		lang, body, heading string
		excerpts            []string
	}{
		{"pt", `<p>A autoridade portuária anunciou na segunda-feira que o novo cais abrirá na primavera, dois anos depois do previsto, por causa do preço do aço.</p><p>As companhias de navegação tinham pedido explicações, e a autoridade culpou também um inverno chuvoso.</p>`,
			"Você pode gostar...", []string{
				"A vida no porto muda com as marés, e os pescadores sabem disso melhor do que ninguém. Contam as horas pela água e não pelo relógio, e por isso acordam de madrugada. Quem chega de fora demora meses a entender o ritmo, e alguns nunca o entendem.",
				"O farol da ilha foi apagado depois de cem anos de serviço. O último faroleiro guardou a chave como lembrança de uma vida inteira ao lado da lâmpada. Diz que ainda acorda à noite para ver se a luz está acesa, e que a ilha ficou mais escura.",
				"O mercado de peixe mudou-se para o interior. Os comerciantes dizem que o novo espaço é maior e mais limpo, mas que os clientes ainda não aprenderam o caminho. Nas primeiras semanas, as vendas caíram para metade, e alguns pensam em voltar."}},
		{"de", `<p>Die Hafenbehörde teilte am Montag mit, dass der neue Kai im Frühjahr eröffnet werde, zwei Jahre später als geplant, wegen der Stahlpreise.</p><p>Reedereien hatten eine Erklärung verlangt; die Behörde nannte außerdem einen nassen Winter als Grund.</p>`,
			"Das könnte Sie auch interessieren", []string{
				"Das Leben im Hafen richtet sich nach den Gezeiten, und die Fischer wissen das besser als alle anderen. Sie zählen die Stunden am Wasser, nicht an der Uhr. Wer von außen kommt, braucht Monate, um den Takt zu verstehen, und manche verstehen ihn nie.",
				"Der Leuchtturm auf der Insel wurde nach hundert Jahren abgeschaltet. Der letzte Wärter behielt den Schlüssel als Andenken an ein Leben neben der Lampe. Er sagt, er wache nachts noch auf, um nach dem Licht zu sehen, und die Insel sei dunkler geworden.",
				"Der Fischmarkt ist ins Landesinnere gezogen. Die Händler sagen, der neue Platz sei größer und sauberer, aber die Kunden fänden den Weg noch nicht. In den ersten Wochen hat sich der Umsatz halbiert, und manche denken an eine Rückkehr."}},
	} {
		got := parsedText(t, relatedPage(c.lang, c.body, c.heading, c.excerpts))
		for _, e := range append(c.excerpts, c.heading) {
			if e = e[:min(len(e), 30)]; strings.Contains(got, e) {
				t.Errorf("%s: %q read:\n%s", c.lang, e, got)
			}
		}
		if !strings.Contains(got, c.body[3:50]) {
			t.Errorf("%s: article lost:\n%s", c.lang, got)
		}
	}
}

// Must not: a related-sounding heading followed by prose of the article
// itself, or at the top of a page that is nothing but the list, keeps
// what follows it.
func TestRelatedSectionMustNot(t *testing.T) {
	intro := map[string]string{
		"en": `<p>The harbour authority said on Monday that the new quay would open in the spring, two years later than planned, because of the price of steel.</p>`,
		"fr": `<p>L'autorité portuaire a annoncé lundi que le nouveau quai ouvrirait au printemps, deux ans plus tard que prévu, à cause du prix de l'acier.</p>`,
	}
	prose := map[string]string{
		"en": `<p>Residents who live by the old quay say they <a href="/story/noise">were never asked</a> about the noise of the works, and plan to take the matter to the council next month. The council has not yet said whether it will hear them before the quay opens in the spring.</p>`,
		"fr": `<p>Les riverains du vieux quai disent qu'on ne leur a <a href="/article/bruit">jamais demandé</a> leur avis sur le bruit des travaux, et comptent saisir le conseil le mois prochain. Le conseil n'a pas encore dit s'il les entendra avant l'ouverture du quai au printemps.</p>`,
	}
	heading := map[string]string{"en": "Related", "fr": "Sur le même sujet"}
	for lang := range intro {
		page := `<html lang="` + lang + `"><head><title>Quay</title></head><body><article>` + intro[lang] + `<h3>` + heading[lang] + `</h3>` + prose[lang] + prose[lang] + `</article></body></html>`
		if got := parsedText(t, page); !strings.Contains(wordsOf(got), wordsOf(htmlTagRE.ReplaceAllString(prose[lang], ""))) {
			t.Errorf("%s: prose after the heading lost:\n%s", lang, got)
		}
		// A listing page: the heading comes first, with no prose before.
		root, err := html.Parse(strings.NewReader(relatedPage(lang, "", heading[lang], []string{"One story of the day, told at some length so that it reads like an excerpt.", "Another story of the day, also told at some length so it reads like one.", "A third story of the day, at the same length as the two before it."})))
		if err != nil {
			t.Fatal(err)
		}
		pruneRelatedSections(root)
		var sb strings.Builder
		html.Render(&sb, root)
		if !strings.Contains(sb.String(), "A third story") || !strings.Contains(sb.String(), heading[lang]) {
			t.Errorf("%s: a page that starts with the list lost it", lang)
		}
	}
}

var htmlTagRE = regexp.MustCompile(`<[^>]*>`)

// A related label styled as a heading in a <div> ("関連記事", "Lesen Sie
// auch") ends the article when a list of links follows it, even if a
// widget of another kind comes after the list.
func TestRelatedLabelDivPruned(t *testing.T) {
	for _, c := range []struct{ lang, body, label string }{
		{"ja", `<p>港湾局は月曜日、新しい岸壁が予定より二年遅れて春に開業すると発表した。鉄鋼の価格が上がり、雨の多い冬も工事を遅らせたという。</p><p>海運会社は遅れの説明を求めていたが、港湾局は費用の増加を理由に挙げた。</p>`, "関連記事"},
		{"de", `<p>Die Hafenbehörde teilte am Montag mit, dass der neue Kai im Frühjahr eröffnet werde, zwei Jahre später als geplant, wegen der Stahlpreise.</p><p>Reedereien hatten eine Erklärung verlangt; die Behörde nannte außerdem einen nassen Winter.</p>`, "Lesen Sie auch"},
	} {
		items := []string{"Die Fähre nach der Insel fährt nach dem Sturm wieder nach dem alten Fahrplan",
			"Der alte Leuchtturm an der Hafeneinfahrt wird im kommenden Sommer ein kleines Museum",
			"Der Fischmarkt zieht nach vierzig Jahren am Kai in eine neue Halle im Landesinneren",
			"Der Hafen bekommt einen neuen Kran für die großen Containerschiffe aus Übersee"}
		var list strings.Builder
		list.WriteString(`<div class="x1">` + c.label + `</div><div class="x2"><ul>`)
		for i, it := range items {
			fmt.Fprintf(&list, `<li><table><tr><td><a href="/p/%d">%s</a></td></tr></table></li>`, i, it)
		}
		list.WriteString(`</ul></div><div class="x3"><p>Ein Kasten anderer Art, mit eigenem Text und ohne Verweise, der nach der Liste steht.</p></div>`)
		got := parsedText(t, `<html lang="`+c.lang+`"><head><title>Kai</title></head><body><div class="post">`+c.body+list.String()+`</div></body></html>`)
		for _, it := range append(items, c.label) {
			if strings.Contains(got, it) {
				t.Errorf("%s: %q read:\n%s", c.lang, it, got)
			}
		}
	}
}

// A hover card tucked inside a sentence (a photo and links to other
// stories about the person named) is not read; the name is.
func TestInlineCardRemoved(t *testing.T) {
	card := func(name string, links ...string) string {
		var sb strings.Builder
		sb.WriteString(`<span class="pc"><a href="/people/x">` + name + `</a><span class="pc-box"><span><img src="x.jpg" alt=""><a href="/people/x">` + name + `</a>`)
		for i, l := range links {
			fmt.Fprintf(&sb, `<a href="/story/%d">%s</a> `, i, l)
		}
		sb.WriteString(`<a href="/people/x">MORE</a></span></span></span>`)
		return sb.String()
	}
	for _, c := range []struct{ lang, before, name, after, rest string }{
		{"en", "A man pleaded guilty on Monday to threatening the harbour master ", "Ruth Calder", ", prosecutors said.",
			"He faces up to five years in prison and a fine, and will be sentenced in the spring, according to the court."},
		{"de", "Ein Mann hat am Montag gestanden, der Hafenmeisterin ", "Ruth Calder", " gedroht zu haben, teilte die Staatsanwaltschaft mit.",
			"Ihm drohen bis zu fünf Jahre Haft und eine Geldstrafe; das Urteil soll im Frühjahr fallen, wie das Gericht mitteilte."},
	} {
		links := []string{"Harbour master warns of winter storms on the coast", "Calder: the quay will open in spring", "Ferry fares to rise in May, operators say"}
		page := `<html lang="` + c.lang + `"><head><title>Quay</title></head><body><article><p>` + c.before + card(c.name, links...) + c.after + `</p><p>` + c.rest + `</p><p>` + c.rest + ` ` + c.rest + `</p></article></body></html>`
		got := parsedText(t, page)
		wantLines(t, got, c.before+c.name+c.after)
		for _, l := range links {
			if strings.Contains(got, l) {
				t.Errorf("%s: card link %q read:\n%s", c.lang, l, got)
			}
		}
	}
}

// Must not: an image and links inside a sentence whose words are not
// links, or a link list without an image, are text.
func TestInlineCardMustNot(t *testing.T) {
	for _, frag := range []string{
		`<span><img src="cam.png" alt=""> Photos by <a href="/p/ann">Ann Lee</a> and <a href="/p/bo">Bo Kim</a> from the archive of the harbour museum</span>`,
		`<span><img src="cam.png" alt=""> Fotos von <a href="/p/ann">Anna Roth</a> und <a href="/p/jan">Jan Berg</a> aus dem Archiv des Hafenmuseums</span>`,
		`<span><a href="/a">Hafen</a>, <a href="/b">Fähre</a>, <a href="/c">Kai</a></span>`,
	} {
		root, err := html.Parse(strings.NewReader("<html><body><p>Before " + frag + " after.</p></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		removeInlineCards(root, false)
		if want := wordsOf(htmlTagRE.ReplaceAllString(frag, "")); !strings.Contains(wordsOf(textOf(root)), want) {
			t.Errorf("removed %q", frag)
		}
	}
}

// A roundup's items between the article's paragraphs (a linked name, a
// line on each: the shape of a teaser box) are the article: read. The
// same box after the last paragraph is recirculation: not read.
func TestRoundupItemsRead(t *testing.T) {
	intro := `<p>We tried a dozen ferries this summer, from the small island boats to the big car ferries, and these four stood out.</p>`
	outro := `<p>Whichever you choose, book early in August, when the boats fill up with families going to the islands for a week.</p>`
	heads := []string{"The Morning Star", "Island Queen", "North Wind", "Harbour Belle"}
	var box strings.Builder
	box.WriteString(`<div class="picks">`)
	for i, h := range heads {
		box.WriteString(`<div class="pick"><h3><a href="/ferries/` + string(rune('a'+i)) + `">` + h + `</a></h3><p>Quiet decks and a good café.</p></div>`)
	}
	box.WriteString(`</div>`)
	got := parsedText(t, teaserPage("en", intro+box.String()+outro, ""))
	wantLines(t, got, heads...)
	got = parsedText(t, teaserPage("en", intro+outro, box.String()))
	for _, h := range heads {
		if strings.Contains(got, h) {
			t.Errorf("teaser %q after the article read:\n%s", h, got)
		}
	}
}

// A thread whose posts each sit in a form with only hidden inputs (so
// that their authors can edit them in place) is read post by post; a
// reply form beside it, with a text area, and a widget whose form is
// mostly labels, are not read.
func TestPostsInFormRead(t *testing.T) {
	posts := []string{
		"I replaced the chain on my old touring bike last week and the gears still skip under load on the steepest hills.",
		"Check the cassette as well, because a worn cassette will skip with a new chain even when the derailleur is set right.",
		"That was it: the smallest cogs were worn into hooks, and a new cassette fixed the skipping on the very first ride.",
		"Good to hear it. A chain checker costs little and tells you when to swap the chain before it wears the cogs down.",
		"I will get one of those, and I will look at the chainrings too, since they have done as many miles as the rest.",
	}
	var sb strings.Builder
	sb.WriteString(`<html><head><title>Gears skip after a new chain</title></head><body>` +
		`<nav><a href="/">Forums</a> <a href="/bikes">Bikes</a></nav><h1>Gears skip after a new chain</h1><div class="thread">`)
	for i, p := range posts {
		fmt.Fprintf(&sb, `<div class="message"><div class="author">rider%d</div><form method="post" action="/edit"><input type="hidden" name="id" value="%d"><div class="body"><p>%s</p></div></form></div>`, i, i, p)
	}
	sb.WriteString(`</div>` +
		`<form method="post" action="/reply"><p>Be kind to each other and keep your reply about the question that was asked in this thread.</p><textarea name="reply"></textarea></form>` +
		`<form action="/list"><input type="hidden" name="item" value="1"><div>Add to list</div><div>Saved</div><div>Remove from list</div><div>Sorry, the list could not be saved, so please try once again in a few minutes from now.</div><div>List settings</div><div>Share this list</div><div>Create a new list</div><div>Manage your lists</div><div>Lists help</div><div>Hide lists</div><div>Show all lists now</div><div>Move to list</div><div>Rename list</div><div>Copy list</div><div>Print list</div><div>Sort by date</div><div>Sort by price</div></form>` +
		`<footer>© Bike Forum</footer></body></html>`)
	got := parsedText(t, sb.String())
	for _, p := range posts {
		wantLines(t, got, p)
	}
	for _, debris := range []string{"Be kind to each other", "could not be saved"} {
		if strings.Contains(got, debris) {
			t.Errorf("read %q from a form:\n%s", debris, got)
		}
	}
}

// A thread whose posts are <article class="post"> elements: the extractor
// takes the first post for the article and gives it twice, which made it
// look as long as two posts: of three, more than half of the thread, so
// not one post. Every post is read, once.
func TestThreadOfPostArticles(t *testing.T) {
	posts := []string{
		"Our allotment has clay soil that stays wet until May, and the early potatoes rot before they have a chance to grow.",
		"Raise the beds by a hand's width and dig in a barrow of leaf mould each autumn; the water will drain off much faster.",
		"Seconded. We did that three years ago, and last spring we lifted our first earlies a good fortnight before the others.",
	}
	var sb strings.Builder
	sb.WriteString(`<html><head><title>Potatoes rot in clay</title></head><body><h1>Potatoes rot in clay</h1><div class="topic">`)
	for i, p := range posts {
		fmt.Fprintf(&sb, `<article class="post"><div class="author">grower%d</div><div class="body"><p>%s</p></div></article>`, i, p)
	}
	sb.WriteString(`</div></body></html>`)
	got := parsedText(t, sb.String())
	for _, p := range posts {
		wantLines(t, got, p)
		if n := strings.Count(got, p); n > 1 {
			t.Errorf("read %d times: %q", n, p)
		}
	}
}

// A thread of two <article class="post"> elements whose first post (the
// question) is the longer: the extractor gives the question twice, which
// was over half of the thread, so it was not taken for one post, and the
// answer was never read. Both posts are read, once each.
func TestThreadOfTwoPostsLongQuestion(t *testing.T) {
	posts := []string{
		"Unser Schrebergarten hat schweren Lehmboden, der bis in den Mai nass bleibt, und die Frühkartoffeln faulen, bevor sie wachsen können. Sand und Splitt haben wir schon versucht, ohne jeden Erfolg.",
		"Hebt die Beete um eine Handbreit an und arbeitet jeden Herbst Laubkompost ein, dann läuft das Wasser viel schneller ab.",
	}
	var sb strings.Builder
	sb.WriteString(`<html lang="de"><head><title>Kartoffeln faulen im Lehm</title></head><body><h1>Kartoffeln faulen im Lehm</h1><div class="topic">`)
	for i, p := range posts {
		fmt.Fprintf(&sb, `<article class="post"><div class="author">gärtner%d</div><div class="body"><p>%s</p></div></article>`, i, p)
	}
	sb.WriteString(`</div></body></html>`)
	got := parsedText(t, sb.String())
	for _, p := range posts {
		wantLines(t, got, p)
		if n := strings.Count(got, p); n > 1 {
			t.Errorf("read %d times: %q", n, p)
		}
	}
}
