package article

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// News pages in eight languages, and German blog, press-release, recipe
// and magazine pages, and a German news page of 2008 laid out in a table
// and written in Latin-1, written for this test (testdata/intl),
// each laid out the way papers of that language lay them out: a byline
// with its place and stamp, read-more promos, wire credits, tag lists,
// share buttons, appeals to subscribe or send a tip, a note that comments
// are closed, a match ticker, a recipe. Each page is read with its
// byline and date, every paragraph of the story, and none of the debris.
func TestNewsPagesInOtherLanguages(t *testing.T) {
	for _, c := range []struct {
		file, byline, published string
		read, notRead           []string
	}{
		{"de.html", "Jana Weber", "2026-12-05",
			[]string{"Köln. Der Rhein hat in der Nacht", "Der Pegel des Rheins ist", "Schiffsverkehr eingestellt", "„Wir sind vorbereitet“"},
			[]string{"Auch interessant", "Sie möchten weiterlesen", "Kommentare", "Impressum", "Startseite"}},
		{"es.html", "Carmen Vidal", "",
			[]string{"Los embalses de la cuenca están al 18%", "La Junta ha ordenado cortes", "El consejero de Agricultura"},
			[]string{"Sevilla", "Noticia relacionada", "Sigue leyendo", "Te recomendamos", "WhatsApp", "comentarios están cerrados", "Foto: EFE"}},
		{"fr.html", "Léa Morel", "",
			[]string{"Plus de 80 000 foyers", "Selon la préfecture", "« La situation devrait revenir", "Météo-France a levé"},
			[]string{"Lire aussi", "Le Monde avec AFP", "Vous ne pouvez plus réagir", "Code promo", "Temps de lecture"}},
		{"it.html", "Giulia Ferri", "2026-12-07",
			[]string{"La protezione civile ha diramato", "«Chiedo a tutti di restare a casa", "Secondo le previsioni"},
			[]string{"Leggi anche", "RIPRODUZIONE RISERVATA", "Iscriviti", "Hai una segnalazione", "Giulia Ferri"}},
		{"pt.html", "Ana Souza", "",
			[]string{"A Câmara Municipal aprovou", "A prefeita, Joana Lima", "As obras começam no outono"},
			[]string{"Porto Alegre", "Atualizado", "Leia também", "Fonte: Agência Brasil", "Compartilhe", "Assine", "WhatsApp"}},
		{"nl.html", "Jan de Boer", "2026-03-12",
			[]string{"De gemeenteraad heeft dinsdagavond", "Burgemeester Anna Visser", "De werkzaamheden beginnen"},
			[]string{"Lees ook", "Bron: ANP", "Deel dit artikel", "Heb je een tip", "Onderwerpen"}},
		{"pl.html", "Anna Nowak", "2026-03-12",
			[]string{"Rada miasta zatwierdziła we wtorek", "Prezydent miasta mówiła", "Prace rozpoczną się jesienią"},
			[]string{"Czytaj też", "Źródło: PAP", "Udostępnij", "Tagi", "Masz temat"}},
		{"sv.html", "Anna Svensson", "2026-03-12",
			[]string{"Kommunfullmäktige beslutade", "Kommunstyrelsens ordförande", "Arbetet börjar i höst"},
			[]string{"Läs också", "Källa: TT", "Dela artikeln", "Ämnen", "Har du ett tips"}},
		{"de-ticker.html", "", "",
			[]string{"88' Gelbe Karte für Meier", "90+3' Abpfiff!", "12' Tor! Krüger", "1' Anpfiff."},
			[]string{"88. Gelbe"}},
		{"es-recipe.html", "Lucía Gómez", "2026-03-10",
			[]string{"Ingredientes", "600 g de patatas", "Preparación", "Pela las patatas"},
			[]string{"deja un comentario", "Compartir en Pinterest", "Recetas populares", "Gazpacho"}},
		{"de-blog.html", "Tobias Lenz", "2026-04-14",
			[]string{"Vor gut einem Jahr habe ich", "Das Problem: Schatten am Nachmittag", "Ich habe den alten Wechselrichter", "Ein paar Fotos zu verschiedenen Tageszeiten"},
			[]string{"Gefällt mir", "Wird geladen", "Teilen mit", "Ähnliche Beiträge", "Schreibe einen Kommentar", "Newsletter", "Heike", "Cookies", "Schlagwörter"}},
		{"de-press.html", "", "2026-03-03",
			[]string{"Lindenau (ots)", "Der Speicher fasst", "sagt Geschäftsführerin Martina Hollstein", "Die Bauarbeiten beginnen im Herbst"},
			[]string{"Pressekontakt", "Telefon", "presse@", "Original-Content", "Weitere Meldungen", "ohne Gewähr", "Drucken", "RSS"}},
		{"de-recipe.html", "KochLiese", "",
			[]string{"Zutaten", "250 g", "Tellerlinsen", "Zubereitung", "Die Zwiebel fein würfeln", "Mit Salz, Pfeffer und Essig abschmecken"},
			[]string{"Hast du das Rezept", "Erbsensuppe", "Super Rezept", "Rezept drucken", "Einkaufsliste", "Alle Rechte vorbehalten"}},
		{"de-news2.html", "", "2026-02-18",
			[]string{"Bremen/Hamburg (dpa)", "Auf anderen Strecken im Norden", "Der Deutsche Wetterdienst", "mehr als 200 Notrufe"},
			[]string{"kann nicht abgespielt", "JavaScript", "dpa-infocom", "Mehr zum Thema", "externen Inhalt", "Zur Startseite", "Fehler gefunden", "Bild 1 von 8", "Lesezeit", "Sina Schuldt"}},
		{"de-2008.html", "", "2008-08-14",
			[]string{"Wismar (ddp). Die Suche nach einem neuen Eigentümer", "Das teilte ein Sprecher", "Die Beschäftigten brauchen endlich Klarheit", "Die Werft hatte im Frühjahr"},
			[]string{"Politik", "ePaper", "Schiffbau", "Donnerstag, 14. August", "Fotostrecke", "ZUM THEMA", "Bookmarken", "Mister Wong", "Artikel bewerten", "Meistgelesen", "Impressum", "Schrift:"}},
		{"de-mag.html", "Miriam Albers", "2026-01-22",
			[]string{"Um halb neun stehen die ersten", "Bundesweit nehmen", "Es fehlt an allem", "solange die Knie mitspielen"},
			[]string{"Sie wollen weiterlesen", "Jetzt für 1", "Anzeige", "Mehr zum Thema", "Artikel verschenken", "Merkliste", "Diskutieren Sie mit", "Heizkosten", "Themen:", "Über die Autorin", "Gelsenkirchen\n"}},
		// Pages with a .want file next to them: every line the listener
		// hears, in order, and nothing else.
		{"cs.html", "Petra Dvořáková", "2026-04-08", nil, nil},
		{"da.html", "Mette Holm", "2026-07-14", nil, nil},
		{"nb.html", "Kari Nilsen", "2026-05-19", nil, nil},
		{"fi.html", "Jukka Virtanen", "2026-02-11", nil, nil},
		{"ro.html", "Ioana Popescu", "2026-09-03", nil, nil},
		{"tr.html", "Mehmet Yıldız", "2026-10-21", nil, nil},
		{"ru.html", "Ольга Смирнова", "2026-11-02", nil, nil},
		{"uk.html", "Марта Коваль", "2026-06-12", nil, nil},
		{"hu.html", "Szabó Eszter", "2026-08-27", nil, nil},
		{"el.html", "Μαρία Παπαδοπούλου", "2026-04-30", nil, nil},
		{"es-lookalike.html", "Marta Lasheras", "2026-01-20", nil, nil},
		{"de-sport.html", "Lukas Brenner", "2026-09-27", nil, nil},
		{"de-verein.html", "", "2026-03-14", nil, nil},
		{"de-gemeinde.html", "", "2026-04-28", nil, nil},
		{"de-event.html", "", "", nil, nil},
		{"de-paywall.html", "Henrike Sommer", "2026-11-18", nil, nil},
		{"lt.html", "Rūta Jankauskienė", "2026-05-06", nil, nil},
		{"cs-recipe.html", "JanaKuchta", "", nil, nil},
		{"de-forum.html", "Heizfreund", "2026-10-14", nil, nil},
		{"cs-press.html", "", "2026-03-17", nil, nil},
		{"fi-press.html", "", "2026-08-10", nil, nil},
		// Story and debris in plain paragraphs, no class to tell them
		// apart: only the words and the shape of each line can.
		{"ro-2.html", "", "2026-02-12", nil, nil},
		{"hu-2.html", "", "2026-04-09", nil, nil},
		{"tr-2.html", "", "2026-06-03", nil, nil},
		{"uk-2.html", "", "2026-10-20", nil, nil},
		{"de-product.html", "", "", nil, nil},
	} {
		t.Run(c.file, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata", "intl", c.file))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(page, c.file, LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Byline != c.byline {
				t.Errorf("byline %q, want %q", doc.Byline, c.byline)
			}
			got := ""
			if doc.Published != nil {
				got = doc.Published.Format("2006-01-02")
			}
			if got != c.published {
				t.Errorf("published %q, want %q", got, c.published)
			}
			var texts []string
			for _, b := range doc.Blocks {
				texts = append(texts, b.Text)
			}
			all := strings.Join(texts, "\n")
			for _, s := range c.read {
				if !strings.Contains(all, s) {
					t.Errorf("%q not read in:\n%s", s, all)
				}
			}
			for _, s := range c.notRead {
				if strings.Contains(all, s) {
					t.Errorf("%q read in:\n%s", s, all)
				}
			}
			want, err := os.ReadFile(filepath.Join("testdata", "intl", strings.TrimSuffix(c.file, ".html")+".want"))
			if errors.Is(err, fs.ErrNotExist) {
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := lineDiff(strings.Split(strings.TrimRight(string(want), "\n"), "\n"), texts); diff != "" {
				t.Errorf("heard text differs from %s.want (- not heard, + heard):\n%s", strings.TrimSuffix(c.file, ".html"), diff)
			}
		})
	}
}

// lineDiff lists the lines of want that got lacks ("- ") and the lines of
// got that want lacks ("+ "), each in its order, or "" when both hold the
// same lines in the same order.
func lineDiff(want, got []string) string {
	if slices.Equal(want, got) {
		return ""
	}
	// The longest common subsequence, so that one lost line does not
	// show every line after it as changed.
	n, m := len(want), len(got)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if want[i] == got[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var b strings.Builder
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && want[i] == got[j]:
			b.WriteString("  " + want[i] + "\n")
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			b.WriteString("+ " + got[j] + "\n")
			j++
		default:
			b.WriteString("- " + want[i] + "\n")
			i++
		}
	}
	return b.String()
}
