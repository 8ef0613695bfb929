package article

import (
	"testing"
)

// A headline written as a kicker and a headline in two elements of the
// <h1> is read with a colon between them, not run together.
func TestKickerAndHeadline(t *testing.T) {
	body := `<p>The council voted on Tuesday to close the old bridge for repairs, which will take three months and cost about two million euros.</p>` +
		`<p>Buses will go over the north bridge, and cyclists may push their bikes across the old one while the work goes on.</p>`
	for _, c := range []struct{ name, h1, want string }{
		{"de spans", `<h1><span class="kicker">Verkehr in Frankfurt</span> <span class="headline">Stadtrat sperrt alte Mainbrücke</span></h1>`,
			"Verkehr in Frankfurt: Stadtrat sperrt alte Mainbrücke"},
		{"en divs, no space", `<h1><div class="eyebrow">Town hall</div><div>Council closes the old bridge</div></h1>`,
			"Town hall: Council closes the old bridge"},
		{"fr nested", `<h1><span class="surtitre"><span>Transports</span></span><span class="titre">Le vieux pont fermé trois mois</span></h1>`,
			"Transports: Le vieux pont fermé trois mois"},
		{"h2 in header", `<header><h2><span>Verkehr</span><span>Stadtrat sperrt alte Mainbrücke</span></h2></header>`,
			"Verkehr: Stadtrat sperrt alte Mainbrücke"},
		// Must not: a kicker that ends in punctuation, a heading with
		// words of its own, emphasis inside a headline, a long first part.
		{"a colon of its own for screen readers", `<h1><span class="kicker">Verkehr in Frankfurt</span><span class="hidden">:</span> <span>Stadtrat sperrt alte Mainbrücke</span></h1>`,
			"Verkehr in Frankfurt: Stadtrat sperrt alte Mainbrücke"},
		{"kicker with colon", `<h1><span>Analyse:</span> <span>Warum die Brücke bröckelt</span></h1>`, "Analyse: Warum die Brücke bröckelt"},
		{"own words", `<h1>Council <span class="hl">closes</span> the old bridge</h1>`, "Council closes the old bridge"},
		{"emphasis", `<h1><em>Closed</em> <em>for three months</em></h1>`, "Closed for three months"},
		{"brand link", `<h1><div class="brand"><a href="/b/">Fjordline</a></div><span>Rain jacket, navy blue</span></h1>`, "Fjordline Rain jacket, navy blue"},
		{"long first part", `<h1><span>The council closes the old bridge over the river</span> <span>for three months</span></h1>`,
			"The council closes the old bridge over the river for three months"},
	} {
		page := `<html><body><article>` + c.h1 + body + `</article></body></html>`
		doc, err := Parse([]byte(page), "page.html", LoadOptions{})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if doc.Title != c.want {
			t.Errorf("%s: title %q, want %q", c.name, doc.Title, c.want)
		}
	}
}
