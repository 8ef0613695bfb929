package article

import "testing"

func TestSpokenByline(t *testing.T) {
	for _, tc := range []struct{ byline, lang, want string }{
		{"Jane Doe", "", "By Jane Doe"},
		{"Jane Doe", "en-GB", "By Jane Doe"},
		{"Marie Dupont", "fr", "Par Marie Dupont"},
		{"Marie Dupont", "fr-CA", "Par Marie Dupont"},
		{"Anna Schmidt", "de", "Von Anna Schmidt"},
		{"Ana García", "es", "Por Ana García"},
		{"Luca Rossi", "it", "Di Luca Rossi"},
		{"João Silva", "pt_BR", "Por João Silva"},
		{"Jan de Vries", "nl", "Door Jan de Vries"},
		{"Anna Nowak", "pl", "Autor: Anna Nowak"},
		{"Yuki Tanaka", "ja", "Yuki Tanaka"},
		{"By Jane Doe", "en", "By Jane Doe"},
		{"par Marie Dupont", "fr", "par Marie Dupont"},
		{"Byron Smith", "en", "By Byron Smith"},
		{"Autor: Anna Nowak", "pl", "Autor: Anna Nowak"},
		{"Written by Rob Tan Edited by Eve Ross", "en", "Written by Rob Tan, Edited by Eve Ross"},
		{"Text von Anna Roth Fotos von Jan Berg", "de", "Text von Anna Roth, Fotos von Jan Berg"},
		{"Rob Tan", "en", "By Rob Tan"},
	} {
		d := &Document{Title: "T", Byline: tc.byline, Lang: tc.lang}
		if got := d.Script()[1].Spoken; got != tc.want {
			t.Errorf("byline %q in %q spoken as %q, want %q", tc.byline, tc.lang, got, tc.want)
		}
	}
}
