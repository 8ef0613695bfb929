package article

import "testing"

// A few words written with a lookalike letter of the other script are
// read in their own script; a line scrambled through is dropped.
func TestLookalikeLetters(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"un nuevo сomedor en Dеlicias, que abre en marzo y tiene capacidad para ciento veinte personas", "un nuevo comedor en Delicias, que abre en marzo y tiene capacidad para ciento veinte personas"},
		{"Мэр Москвa открыл новый мост через реку, который строили три года подряд", "Мэр Москва открыл новый мост через реку, который строили три года подряд"},
		{"Новый iPhone-а не будет в продаже до осени этого года, сообщили в компании", "Новый iPhone-а не будет в продаже до осени этого года, сообщили в компании"},
		{"Dіе Lеhrеrіn zеіgt аuf еіn Rеgаl vоllеr Оrdnеr.", ""},
		{"Plain text stays plain.", "Plain text stays plain."},
	} {
		d := &Draft{Blocks: []Block{{Kind: KindParagraph, Text: c.in}}}
		ruleLookalike.Apply(d)
		if got := d.Blocks[0].Text; got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
