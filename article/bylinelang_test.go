package article

import "testing"

// Several authors are joined with the article's language's word for "and"
// (the page's lang, else --lang, else the detected one), not an English
// "and" in a French sentence; a language narrate has no word for gets
// commas.
func TestBylineJoinedInTheArticlesLanguage(t *testing.T) {
	body := func(lang, meta, para string) string {
		return `<!doctype html><html` + lang + `><head><meta name="author" content="` + meta + `"><title>T</title></head><body><article><h1>Le titre</h1>` +
			`<p>` + para + `</p><p>` + para + `</p></article></body></html>`
	}
	fr := "Le projet de loi sur le renseignement a été largement approuvé par les députés, et le texte sera désormais examiné par le Sénat."
	de := "Der Gesetzentwurf wurde von den Abgeordneten mit großer Mehrheit angenommen, und der Text geht nun an den Bundesrat."
	for _, c := range []struct {
		name, page, lang, want string
	}{
		{"page lang fr", body(` lang="fr"`, "Martin Untersinger (avec Damien Leloup et Morgane Tual)", fr), "", "Martin Untersinger (avec Damien Leloup et Morgane Tual)"},
		{"detected fr", body(``, "Martin Untersinger, Damien Leloup, Morgane Tual", fr), "", "Martin Untersinger, Damien Leloup et Morgane Tual"},
		{"page lang de", body(` lang="de"`, "Anna Weber; Jan Schulz", de), "", "Anna Weber und Jan Schulz"},
		{"--lang es over the page", body(` lang="fr"`, "Ana Ruiz & Luis Gil", fr), "es", "Ana Ruiz y Luis Gil"},
		{"no word: commas", body(` lang="ja"`, "Sato Hana & Ito Ken", fr), "", "Sato Hana, Ito Ken"},
		{"English", body(` lang="en"`, "Sam Ortiz & Lee Park", "The council passed next year's budget by nine votes to seven on Thursday night after a long debate."), "", "Sam Ortiz and Lee Park"},
	} {
		doc, err := Parse([]byte(c.page), "page.html", LoadOptions{Format: FormatHTML, Lang: c.lang})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if doc.Byline != c.want {
			t.Errorf("%s: byline %q (lang %s), want %q", c.name, doc.Byline, doc.Lang, c.want)
		}
	}
}
