package article

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRepairDoubleEncoded(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"windows-1252 reading", "We donâ€™t know â€” yet.", "We don’t know — yet."},
		{"Latin-1 reading, C1 controls", "She said \u00e2\u0080\u009chello\u00e2\u0080\u009d.", "She said “hello”."},
		{"ellipsis and bullet", "Waitâ€¦ â€¢ next", "Wait… • next"},
		{"emoji", "Great news ðŸ˜€ today", "Great news 😀 today"},
		{"one sure run is enough", "It costs 5 â‚¬.", "It costs 5 €."},
		{"three accented letters", "cafÃ© crÃ¨me and a rÃ©sumÃ©", "café crème and a résumé"},
		{"degree sign among others", "57Â° and 12Â° and cafÃ©", "57° and 12° and café"},
		{"one quoted two-byte example stays", `The page showed "Ã¤" instead of an umlaut.`, `The page showed "Ã¤" instead of an umlaut.`},
		{"French", "Ça coûte à peine â deux euros, Âge d’or.", "Ça coûte à peine â deux euros, Âge d’or."},
		{"Portuguese", "São Paulo, mãe, NÃO, ÃO©", "São Paulo, mãe, NÃO, ÃO©"},
		{"Icelandic", "Það er ðe góð", "Það er ðe góð"},
		{"German quotes", "„Fuß“ und „Maß“", "„Fuß“ und „Maß“"},
		{"â before a non-continuation", "â€ alone", "â€ alone"},
		{"three-byte outside punctuation", "\u00e2\u00bf\u00bf", "\u00e2\u00bf\u00bf"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := withDoubleEncodingRepaired(decoded{text: c.in}).text
			if got != c.want {
				t.Errorf("repair(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestRepairTripleEncoded(t *testing.T) {
	// "’" read as windows-1252 and saved as UTF-8, twice over.
	in := "donÃ¢â‚¬â„¢t stop"
	d := withDoubleEncodingRepaired(decoded{text: in})
	if d.text != "don’t stop" {
		t.Errorf("repair(%q) = %q, want %q", in, d.text, "don’t stop")
	}
}

func TestDoubleEncodedPageIsReadAsMeant(t *testing.T) {
	page := "<html><head><meta charset=\"utf-8\"><title>Why we moved</title></head><body><article>" +
		"<h1>Why we moved</h1><p>We didnâ€™t plan it. The rent went up by a third â€” again â€” and the landlord said " +
		"the building would be sold within the year, so we packed the flat in a week.</p>" +
		"<p>Itâ€™s quieter here, and the bakery on the corner opens at six.</p></article></body></html>"
	doc, err := Parse([]byte(page), "moved.html", LoadOptions{Format: FormatHTML})
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for _, b := range doc.Script() {
		parts = append(parts, b.Text)
	}
	text := strings.Join(parts, "\n")
	if strings.ContainsAny(text, "â€") {
		t.Errorf("mis-encoded characters left in %q", text)
	}
	if !strings.Contains(text, "didn’t plan") && !strings.Contains(text, "didn't plan") {
		t.Errorf("text lost the repaired apostrophe: %q", text)
	}
	found := false
	for _, w := range doc.Warnings {
		found = found || strings.Contains(w, "saved as UTF-8 twice")
	}
	if !found {
		t.Errorf("no warning about the repair in %q", doc.Warnings)
	}
}

func TestForcedCharsetIsNotRepaired(t *testing.T) {
	d, err := decodeInput([]byte("donâ€™t"), FormatText, "utf-8", "")
	if err != nil {
		t.Fatal(err)
	}
	if d.text != "donâ€™t" {
		t.Errorf("forced utf-8 changed the text to %q", d.text)
	}
}

func FuzzRepairDoubleEncoded(f *testing.F) {
	for _, s := range []string{"donâ€™t", "cafÃ© crÃ¨me rÃ©sumÃ©", "ðŸ˜€", "São Paulo", "\u00e2\u0080\u0099", "Ã¢â‚¬â„¢"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := withDoubleEncodingRepaired(decoded{text: s}).text
		if !utf8.ValidString(got) {
			t.Fatalf("repair(%q) = %q: not valid UTF-8", s, got)
		}
		if len(got) > len(s) {
			t.Fatalf("repair(%q) = %q: longer than its input", s, got)
		}
		if !strings.ContainsAny(s, "ÂÃâð") && got != s {
			t.Fatalf("repair(%q) = %q: changed text with no run to repair", s, got)
		}
	})
}
