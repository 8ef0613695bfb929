package article

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// consultingBlocks are the three text blocks of a made-up consultancy's
// service page, in Spanish, each a few paragraphs long.
var consultingBlocks = [][]string{
	{
		"Antes de proponer ninguna herramienta, pasamos dos semanas con su equipo para entender qué datos tiene, dónde viven y quién los usa cada día en la empresa. Ese recorrido termina en un mapa sencillo que cualquier persona de la dirección puede leer.",
		"Trabajamos siempre con las personas que conocen el negocio, porque son ellas quienes saben qué pregunta importa y qué cifra se mira cada lunes por la mañana.",
		"Al final de esas dos semanas usted decide si seguimos adelante, sin ningún compromiso y con el mapa ya en sus manos para usarlo como prefiera.",
	},
	{
		"Elegimos con usted una plataforma que su equipo pueda mantener sin depender de nosotros, y la ponemos en marcha por etapas pequeñas que se pueden medir. Cada etapa deja algo útil funcionando desde el primer mes.",
		"No vendemos licencias ni cobramos comisiones de ningún fabricante, de modo que la recomendación responde solo a lo que su empresa necesita hoy y mañana.",
		"Si una herramienta que ya tienen sirve, la aprovechamos; cambiar por cambiar cuesta dinero y paciencia que conviene guardar para otras cosas.",
	},
	{
		"Las personas que usarán los datos reciben talleres prácticos con sus propios informes, no con ejemplos inventados, para que el cambio se quede en la casa. Los talleres se repiten cada trimestre para quien llegue nuevo.",
		"Cada taller dura una mañana y termina con un informe que la persona ha construido sola, con ayuda solo cuando la pide, sobre una pregunta real de su trabajo.",
		"Al cabo de tres meses medimos cuántos informes nuevos hace el equipo por su cuenta, y esa cifra decide si hace falta otra ronda de talleres.",
	},
}

// consultingFeatures are the page's feature blocks: a heading and a line.
var consultingFeatures = [][2]string{
	{"Diagnóstico en dos semanas", "Un mapa de sus datos, de dónde viven y de quién los usa cada día."},
	{"Etapas que se miden", "Cada mes algo nuevo funciona, y usted ve la cifra que lo demuestra."},
	{"Talleres con sus informes", "Su equipo aprende con los datos de la casa, no con ejemplos de manual."},
	{"Permisos documentados", "Queda escrito quién ve cada conjunto de datos y por qué motivo."},
	{"Soporte en su idioma", "Un equipo cercano que responde el mismo día laborable."},
	{"Sin licencias propias", "Recomendamos lo que le conviene, no lo que nos deja comisión."},
}

// consultingPage is a service page whose text blocks are <article>
// elements of one generic class, each in its own grid cell, followed by
// feature blocks; stamp, when not empty, is put at the head of each block
// (a post's time, which makes the blocks a thread's posts).
func consultingPage(stamp func(i int) string) string {
	var sb strings.Builder
	sb.WriteString(`<html lang="es"><head><title>Consultoría de datos | Ejemplo</title><meta property="og:type" content="website"></head><body>` +
		`<header><nav><a href="/">Inicio</a> <a href="/servicios">Servicios</a> <a href="/contacto">Contacto</a></nav></header>` +
		`<main><h1>Consultoría de datos para empresas medianas</h1>`)
	for i, b := range consultingBlocks {
		sb.WriteString(`<div class="grid"><div class="col"><article class="text-block">`)
		if stamp != nil {
			sb.WriteString(stamp(i))
		}
		for _, p := range b {
			sb.WriteString("<p>" + p + "</p>")
		}
		sb.WriteString(`</article></div></div>`)
	}
	sb.WriteString(`<div class="features">`)
	for _, f := range consultingFeatures {
		fmt.Fprintf(&sb, `<div class="feature"><h3>%s</h3><span>%s</span></div>`, f[0], f[1])
	}
	sb.WriteString(`</div></main><footer><p>© Ejemplo Consultores. Todos los derechos reservados.</p></footer></body></html>`)
	return sb.String()
}

// A service page whose text blocks share a generic class ("text-block")
// and carry no stamp is not a thread: the extractor took the first block
// for the page, the thread test read the blocks again from their
// container and then, taking them for a thread's posts, skipped the
// readers of other pages, so the page's feature blocks (a heading and a
// line each) were not read. Now every block and every feature is read.
func TestTextBlocksAreNotAThread(t *testing.T) {
	got := parsedText(t, consultingPage(nil))
	for _, b := range consultingBlocks {
		wantLines(t, got, b...)
	}
	for _, f := range consultingFeatures {
		wantLines(t, got, f[0], f[1])
	}
}

// postGroup.thread: the posts of a thread are named so by their class, or
// stamped with when they were written; a page's text blocks of a generic
// class are neither.
func TestPostGroupThread(t *testing.T) {
	stamps := []func(i int) string{
		func(i int) string {
			return fmt.Sprintf(`<div class="meta"><a href="/perfil/%d">usuario%d</a> <time datetime="2025-03-%02dT10:00">hace %d días</time></div>`, i, i, i+1, 9-i)
		},
		func(i int) string {
			return fmt.Sprintf(`<div class="meta">usuario%d · 1%d.03.2025, 09:4%d</div>`, i, i, i)
		},
		func(i int) string {
			return fmt.Sprintf(`<span class="ago" title="2025年3月1%d日 21:0%d">%d 天前</span>`, i, i, i+1)
		},
	}
	group := func(page string) postGroup {
		t.Helper()
		gs := findPostGroups(mustParse(t, page))
		if len(gs) == 0 {
			t.Fatalf("no post group in\n%s", page)
		}
		return gs[0]
	}
	if g := group(consultingPage(nil)); g.thread() {
		t.Errorf("text blocks %s taken for a thread", g.key)
	}
	for i, stamp := range stamps {
		if g := group(consultingPage(stamp)); !g.thread() {
			t.Errorf("stamp %d: stamped posts %s not taken for a thread", i, g.key)
		}
	}
	// The stamp of a table's posts is in the row before each post's body.
	var rows strings.Builder
	for i, b := range consultingBlocks {
		fmt.Fprintf(&rows, `<tr><td class="author">usuario%d</td><td>Publicado: 0%d.04.2024 18:2%d</td></tr><tr><td colspan="2"><div class="text-block">%s</div></td></tr>`, i, i+1, i, "<p>"+strings.Join(b, "</p><p>")+"</p>")
	}
	table := `<html><body><h1>Hilo</h1><table class="forum">` + rows.String() + `</table></body></html>`
	if g := group(table); !g.thread() {
		t.Errorf("a table's posts stamped in the row before each are not taken for a thread (%s)", g.key)
	}
	// A long paragraph that mentions a year is not a stamp.
	var years strings.Builder
	for _, b := range consultingBlocks {
		years.WriteString(`<div class="text-block"><p>En 2019 empezamos. ` + strings.Join(b, " ") + `</p></div>`)
	}
	if g := group(`<html><body>` + years.String() + `</body></html>`); g.thread() {
		t.Errorf("paragraphs naming a year taken for stamped posts (%s)", g.key)
	}
}

// A thread marked for the extractor and then not kept leaves the page as
// it was: its forms, its elements and their attributes.
func TestPostGroupMarkUndo(t *testing.T) {
	var posts strings.Builder
	for i, b := range consultingBlocks {
		fmt.Fprintf(&posts, `<div class="wrap"><div class="text-block" id="b%d"><p>%s</p></div></div>`, i, strings.Join(b, " "))
	}
	for _, page := range []string{
		// The posts' container is marked itself.
		`<html><body><form action="/mod"><div class="list">` + posts.String() + `</div></form><p>Fin del hilo.</p></body></html>`,
		// The run of the form's children that holds the posts is
		// wrapped in a new container.
		`<html><body><form action="/mod"><h1>Hilo</h1>` + posts.String() + `<p>Fin del hilo.</p></form></body></html>`,
	} {
		root := mustParse(t, page)
		gs := findPostGroups(root)
		if len(gs) == 0 {
			t.Fatal("no post group")
		}
		before := renderHTML(t, root)
		undo := gs[0].mark()
		if marked := renderHTML(t, root); !strings.Contains(marked, "articleBody") || strings.Contains(marked, "<form") {
			t.Fatalf("not marked:\n%s", marked)
		}
		undo()
		if after := renderHTML(t, root); after != before {
			t.Errorf("page not restored:\n%s\nwant\n%s", after, before)
		}
	}
}

func renderHTML(t *testing.T, n *html.Node) string {
	t.Helper()
	var sb strings.Builder
	if err := html.Render(&sb, n); err != nil {
		t.Fatal(err)
	}
	return sb.String()
}
