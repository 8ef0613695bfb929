package article

import (
	"strings"
	"testing"
)

// shellPage is a page that a script draws: its body is an empty frame,
// a loading animation and a hidden login form; desc is its description.
func shellPage(desc string) string {
	return `<html lang="pt"><head><title>A corrente salta nas subidas - Oficina - Fórum Pedal</title>` +
		`<meta name="description" content="` + desc + `"><meta property="og:description" content="` + desc + `"></head><body>` +
		`<section id="splash"><div class="dots"></div><div class="dots"></div></section><div id="app"></div>` +
		`<form id="login" style="display:none"><input name="user"><input type="password" name="pass"><input type="submit" value="Entrar"></form>` +
		`<script>window.boot({"topic": 77})</script></body></html>`
}

// A forum thread sent as an empty frame (the posts come by script, and
// no <noscript> copy of them is there) is read from its description, the
// opening of its first post: the page's title alone was read before.
func TestShellPageReadsDescription(t *testing.T) {
	desc := "Olá a todos! Desde que troquei a corrente da minha bicicleta, ela salta sempre que subo uma ladeira com mais força. Já afinei o câmbio duas vezes e nada mudou. Alguém sabe o que pode ser…"
	got := parsedText(t, shellPage(desc))
	wantLines(t, got, desc)
	if strings.Contains(got, "Fórum Pedal") {
		t.Errorf("the page's title read as its text:\n%s", got)
	}
}

// A description of a few words (a site's slogan) is not read for a
// page's text, and a page with text of its own is read as it is.
func TestShellDescriptionNotRead(t *testing.T) {
	slogan := "O fórum de quem pedala"
	doc, err := Parse([]byte(shellPage(slogan)), "page.html", LoadOptions{})
	if err == nil {
		for _, b := range doc.Blocks {
			if strings.Contains(b.Text, slogan) {
				t.Errorf("a slogan read as the page's text: %q", b.Text)
			}
		}
	}

	desc := "Um guia curto para ajustar o câmbio traseiro em casa, com poucas ferramentas e sem pressa nenhuma, antes da próxima volta de domingo."
	page := `<html lang="pt"><head><title>Ajustar o câmbio</title><meta name="description" content="` + desc + `"></head><body><article><h1>Ajustar o câmbio</h1>` +
		`<p>Comece por limpar a corrente e as rodas dentadas: com sujidade, nenhum ajuste dura mais de uma semana, por muito cuidado que se tenha.</p>` +
		`<p>Depois, com a bicicleta no suporte, rode o parafuso do cabo meia volta de cada vez até a corrente passar sem ruído por todas as mudanças.</p></article></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, "Comece por limpar a corrente", "rode o parafuso do cabo")
	if strings.Contains(got, "Um guia curto") {
		t.Errorf("the description read beside the page's text:\n%s", got)
	}
}

// A short page of its own words (a notice of a few lines) is read as it
// is, even when its description is longer than a slogan: its own words
// are what the user gave.
func TestShortPageKeepsItsWords(t *testing.T) {
	desc := "Aviso da junta de freguesia sobre o corte de água na rua do mercado, com as horas previstas e o contacto para dúvidas."
	page := `<html lang="pt"><head><title>Corte de água</title><meta name="description" content="` + desc + `"></head><body><main>` +
		`<p>Na quinta-feira, a água da rua do mercado será cortada entre as nove e as treze horas.</p></main></body></html>`
	got := parsedText(t, page)
	wantLines(t, got, "a água da rua do mercado será cortada")
	if strings.Contains(got, "Aviso da junta") {
		t.Errorf("the description read instead of the page's own words:\n%s", got)
	}
}
