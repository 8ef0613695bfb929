package article

import (
	"strings"
	"testing"
)

// A standfirst written beside the body's container, between the
// headline and the story's paragraphs, is read first, once.
func TestStandfirstBesideBody(t *testing.T) {
	for _, c := range []struct{ lang, lede, lead string }{
		{"de", "Die Pfeiler der Alten Brücke sind marode. Ab Juni ist sie für Autos, Busse und Lastwagen gesperrt, Pendler müssen sich auf lange Umwege einstellen.", `<p class="article-intro">%s</p>`},
		{"en", "The old bridge's piers are crumbling. From June it is closed to cars, buses and lorries, and commuters face long detours.", `<div class="summary"><p>%s</p></div>`},
		{"fr", "Les piles du vieux pont sont en mauvais état. Dès juin, il sera fermé aux voitures, aux bus et aux camions pour trois mois.", `<p class="lead"><strong>%s</strong></p>`},
		{"es", "Los pilares del puente viejo están dañados. Desde junio estará cerrado a coches, autobuses y camiones durante tres meses.", `<p>%s</p><figure><img src="a.jpg"><figcaption>El puente viejo, en una imagen de archivo.</figcaption></figure>`},
	} {
		lead := strings.Replace(c.lead, "%s", c.lede, 1)
		page := `<html lang="` + c.lang + `"><head><title>T</title></head><body><main><article><h1>Headline of the story</h1>` + lead +
			`<div class="article-body">` + storyParagraphs(c.lang) + `</div></article></main></body></html>`
		doc, err := Parse([]byte(page), "page.html", LoadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", c.lang, err)
		}
		if len(doc.Blocks) == 0 || doc.Blocks[0].Text != c.lede {
			t.Errorf("%s: the standfirst is not read first:\n%s", c.lang, blocksText(doc, nil))
		}
		if n := strings.Count(blocksText(doc, nil), c.lede); n != 1 {
			t.Errorf("%s: the standfirst is read %d times", c.lang, n)
		}
	}
}

// Must not: a box of prose between the headline and the body (another
// story's card, a newsletter box) is not a standfirst, nor is prose
// before the headline; a figure's caption is not read.
func TestStandfirstMustNot(t *testing.T) {
	card := `<div class="card"><h3><a href="/x">Other story</a></h3><p>Another story's summary sits here as a card, with a sentence of its own.</p></div>`
	before := `<p>A paragraph that stands before the headline and is no part of the story itself.</p>`
	caption := `<figure><img src="a.jpg"><figcaption>The old bridge seen from the east bank of the river at dusk.</figcaption></figure>`
	page := `<html><head><title>T</title></head><body><main><article>` + before + `<h1>Headline of the story</h1>` + card + caption +
		`<div class="article-body">` + storyParagraphs("en") + `</div></article></main></body></html>`
	got := parsedText(t, page)
	for _, no := range []string{"Another story's summary", "stands before the headline", "seen from the east bank"} {
		if strings.Contains(got, no) {
			t.Errorf("%q read:\n%s", no, got)
		}
	}
}

func storyParagraphs(lang string) string {
	ps := map[string][]string{
		"de": {"Der Frankfurter Stadtrat hat am Dienstag mit großer Mehrheit beschlossen, die Alte Brücke ab dem ersten Juni für drei Monate zu sperren.",
			"Die Verkehrsgesellschaft kündigte an, die Buslinien über die Nordbrücke umzuleiten, Fahrgäste müssen mit längeren Fahrzeiten rechnen.",
			"Radfahrer und Fußgänger dürfen die Brücke weiter nutzen, Räder müssen allerdings geschoben werden, hieß es aus dem Rathaus."},
		"en": {"The city council voted by a wide margin on Tuesday to close the old bridge for three months from the first of June.",
			"The transport company said it would send its buses over the north bridge, and riders should expect longer journeys.",
			"Cyclists and people on foot may still cross the bridge, though bikes must be pushed, the town hall said on Wednesday."},
		"fr": {"Le conseil municipal a voté mardi à une large majorité la fermeture du vieux pont pendant trois mois à partir du premier juin.",
			"La compagnie de transport a annoncé que ses bus passeraient par le pont nord, et les voyageurs doivent s'attendre à des retards.",
			"Les cyclistes et les piétons pourront toujours traverser le pont, mais les vélos devront être poussés, a indiqué la mairie."},
		"es": {"El ayuntamiento votó el martes por amplia mayoría cerrar el puente viejo durante tres meses a partir del uno de junio.",
			"La empresa de transporte anunció que sus autobuses pasarán por el puente norte, y los viajeros deben esperar retrasos.",
			"Los ciclistas y los peatones podrán seguir cruzando el puente, aunque las bicicletas deberán ir a mano, dijo el ayuntamiento."},
	}
	return "<p>" + strings.Join(ps[lang], "</p><p>") + "</p>"
}

// A box of key points between the headline and the body is read, its
// label first, then each point as an item.
func TestKeyPointsBeforeBody(t *testing.T) {
	for _, c := range []struct{ lang, label string }{
		{"de", `<h2>Das Wichtigste in Kürze</h2>`},
		{"en", `<p><strong>Key points</strong></p>`},
		{"fr", `<div class="box-title">L'essentiel</div>`},
		{"es", ``},
	} {
		points := map[string][]string{
			"de": {"Die Alte Brücke wird ab dem ersten Juni für drei Monate gesperrt.", "Busse fahren über die Nordbrücke, Radfahrer dürfen schieben."},
			"en": {"The old bridge closes for three months from the first of June.", "Buses go over the north bridge, and cyclists may push their bikes."},
			"fr": {"Le vieux pont sera fermé trois mois à partir du premier juin.", "Les bus passeront par le pont nord, les cyclistes pourront pousser leur vélo."},
			"es": {"El puente viejo cerrará tres meses a partir del uno de junio.", "Los autobuses pasarán por el puente norte y las bicicletas irán a mano."},
		}[c.lang]
		box := `<div class="box"><div class="inner">` + c.label + `<ul><li>` + strings.Join(points, "</li><li>") + `</li></ul></div></div>`
		page := `<html lang="` + c.lang + `"><head><title>T</title></head><body><main><article><h1>Headline of the story</h1>` + box +
			`<div class="article-body">` + storyParagraphs(c.lang) + `</div></article></main></body></html>`
		doc, err := Parse([]byte(page), "page.html", LoadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", c.lang, err)
		}
		got := blocksText(doc, nil)
		want := strings.Join(points, "\n") + "\n"
		if c.label != "" {
			want = strings.TrimSpace(textOfHTML(t, c.label)) + "\n" + want
		}
		if !strings.HasPrefix(got, want) {
			t.Errorf("%s: the key points are not read first:\n%s", c.lang, got)
		}
		for _, b := range doc.Blocks {
			if b.Text == points[0] && b.Kind != KindItem {
				t.Errorf("%s: a point is read as %s, not as an item", c.lang, b.Kind)
			}
		}
	}
}

// Must not: a table of contents (links), a list of section words, a
// list of fragments that end no sentence.
func TestKeyPointsMustNot(t *testing.T) {
	for name, box := range map[string]string{
		"contents":  `<div class="box"><h2>In this article</h2><ul><li><a href="#a">Why the old bridge has to close now.</a></li><li><a href="#b">Where the buses will go instead.</a></li></ul></div>`,
		"sections":  `<ul><li>Politics</li><li>Business</li><li>Sport</li></ul>`,
		"fragments": `<div><h3>Facts</h3><ul><li>Length of the bridge 210 metres</li><li>Built in the year 1926 by the town</li></ul></div>`,
	} {
		page := `<html><head><title>T</title></head><body><main><article><h1>Headline of the story</h1>` + box +
			`<div class="article-body">` + storyParagraphs("en") + `</div></article></main></body></html>`
		doc, err := Parse([]byte(page), "page.html", LoadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := blocksText(doc, nil); !strings.HasPrefix(got, "The city council voted") {
			t.Errorf("%s: read before the story:\n%s", name, got)
		}
	}
}

func textOfHTML(t *testing.T, s string) string {
	t.Helper()
	return textOf(mustParse(t, s))
}
