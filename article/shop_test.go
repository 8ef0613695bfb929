package article

import "testing"

// A buy box's lines go; a description's sentences about delivery or tax
// stay.
func TestShopLines(t *testing.T) {
	for _, c := range []struct {
		in   string
		gone bool
	}{
		{"inkl. MwSt., zzgl. Versandkosten", true},
		{"Sofort lieferbar, Lieferzeit 1–3 Werktage", true},
		{"Art.-Nr. 40-2213", true},
		{"In den Warenkorb", true},
		{"Tax included. Shipping calculated at checkout.", true},
		{"Add to cart", true},
		{"Ajouter au panier", true},
		{"Die Schere wird in einer Schutzhülle geliefert.", false},
		{"Der Preis enthält die Mehrwertsteuer und den Versand nach Österreich.", false},
		{"Lieferbar sind die Ersatzklingen ab Juni.", false},
		{"References", false},
		{"Reflections", false},
		{"SKU: 4711-B", true},
	} {
		d := &Draft{Blocks: []Block{{Kind: KindParagraph, Text: c.in}}}
		ruleShopLines.Apply(d)
		if gone := d.Blocks[0].Text == ""; gone != c.gone {
			t.Errorf("%q: removed %v, want %v", c.in, gone, c.gone)
		}
	}
}
