package article

import (
	"strings"
	"testing"
)

// Words marked up inside a sentence are read, whatever the span's (or
// the link's) class names: the extractor removes spans and links named
// like furniture ("meta", "bar", "share", "slide", "button", "menu"),
// which cut names out of sentences.
func TestSentenceSpansRead(t *testing.T) {
	for _, c := range []struct{ lang, before, span, after string }{
		{"de", "Die alten Kräne stammen aus den achtziger Jahren, sagte ", "Geschäftsführer Jens Hartmann", " am Montag vor Journalisten im Hafen."},
		{"en", "The old cranes date from the eighties, said ", "harbour director Ruth Calder", ", who wants the new ones running by June."},
		{"fr", "Les anciennes grues datent des années quatre-vingt, a déclaré ", "la directrice Claire Morel", " lundi devant la presse."},
	} {
		for _, class := range []string{"person-meta", "highlight-bar", "share-quote", "slider-word", "button-like", "strong:share-highlight", "em:promo-term",
			"a:related-person", "a:share-link", "a:comment-link", "a:social-profile"} {
			tag := "span"
			if t, cl, ok := strings.Cut(class, ":"); ok {
				tag, class = t, cl
			}
			href := ""
			if tag == "a" {
				href = ` href="/people/42"`
			}
			body := `<p>The harbour of the town is getting three new container cranes by the summer, its operator said on Monday morning.</p>` +
				`<p>` + c.before + `<` + tag + href + ` class="` + class + `">` + c.span + `</` + tag + `>` + c.after + `</p>` +
				`<p>The cost of about forty million euros is shared by the state and the harbour company, with a federal grant on top.</p>`
			page := `<html lang="` + c.lang + `"><head><title>Cranes</title></head><body><main><article><h1>New cranes</h1>` + body + `</article></main></body></html>`
			got := parsedText(t, page)
			if !strings.Contains(got, c.before+c.span+c.after) {
				t.Errorf("%s %s: the sentence lost its span:\n%s", c.lang, class, got)
			}
		}
	}
}

// Must not: a span the page hides stays hidden, and one that is not
// inside a sentence (a share button after a paragraph) stays furniture.
func TestSentenceSpansMustNot(t *testing.T) {
	page := `<html><head><title>Ferry</title></head><body><main><article><h1>Ferry back on time</h1>` +
		`<p>The ferry to the islands ran late all week <span class="meta" style="display:none">internal note for editors</span> because the crane broke.</p>` +
		storyHTML() + `<p><span class="share-button">Share on social networks</span></p>` +
		`<div class="newsletter-box"><p>Get the harbour letter every Friday, and read our <a class="newsletter-legal-link" href="/privacy">privacy notice</a> before you sign up for it.</p></div>` +
		`</article></main></body></html>`
	got := parsedText(t, page)
	for _, no := range []string{"internal note", "Share on social", "privacy notice"} {
		if strings.Contains(got, no) {
			t.Errorf("%q read:\n%s", no, got)
		}
	}
}
