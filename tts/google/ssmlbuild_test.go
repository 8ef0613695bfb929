package google

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBuildSSML(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		marks []ssmlMark
		want  string
	}{
		{"plain", "Hello.", nil, "<speak>Hello.</speak>"},
		{"escapes", `a<b>&"c"'d'`, nil, "<speak>a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;</speak>"},
		{"injection", `</speak><audio src="x"/>`, nil, "<speak>&lt;/speak&gt;&lt;audio src=&quot;x&quot;/&gt;</speak>"},
		{"marks", "One. Two.", []ssmlMark{{0, "s0"}, {5, "s1"}}, `<speak><mark name="s0"/>One. <mark name="s1"/>Two.</speak>`},
		{"unsorted marks", "One. Two.", []ssmlMark{{5, "b"}, {0, "a"}}, `<speak><mark name="a"/>One. <mark name="b"/>Two.</speak>`},
		{"mark before escaped char", "A&B", []ssmlMark{{1, "m"}}, `<speak>A<mark name="m"/>&amp;B</speak>`},
		{"mark inside a rune moves back", "né", []ssmlMark{{2, "m"}}, `<speak>n<mark name="m"/>é</speak>`},
		{"mark out of range clamped", "ab", []ssmlMark{{-3, "x"}, {99, "y"}}, `<speak><mark name="x"/>ab<mark name="y"/></speak>`},
		{"mark name escaped", "a", []ssmlMark{{0, `"/><x`}}, `<speak><mark name="&quot;/&gt;&lt;x"/>a</speak>`},
		{"control chars", "a\x00b\rc\x7f", nil, "<speak>a\uFFFDb&#xD;c\x7f</speak>"},
		{"invalid UTF-8", "a\xffb", nil, "<speak>a\uFFFDb</speak>"},
	} {
		if got := buildSSML(tc.text, tc.marks); got != tc.want {
			t.Errorf("%s: buildSSML(%q, %v) = %q, want %q", tc.name, tc.text, tc.marks, got, tc.want)
		}
	}
}

func xmlSafe(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		ok := !(r == utf8.RuneError && n == 1) && (r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
			r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF)
		if ok {
			b.WriteString(s[i : i+n])
		} else {
			b.WriteRune('\uFFFD')
		}
		i += n
	}
	return b.String()
}

func FuzzBuildSSML(f *testing.F) {
	f.Add("Plain words. More words.", 0, 13, "s")
	f.Add(`<speak>inject</speak> & "quotes" 'too'`, 3, 9, "x")
	f.Add("naïve café — 東京. Ünïcödé!", 2, 7, "m")
	f.Add("\r\n\t\x00\xff\ufffe", 1, 2, `"'<>&`)
	f.Fuzz(func(t *testing.T, text string, a, b int, name string) {
		marks := []ssmlMark{{a, name + "0"}, {b, name + "1"}, {len(text), name + "2"}}
		doc := buildSSML(text, marks)
		d := xml.NewDecoder(strings.NewReader(doc))
		var got strings.Builder
		var names []string
		depth := 0
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("buildSSML(%q) = %q does not parse: %v", text, doc, err)
			}
			switch tk := tok.(type) {
			case xml.StartElement:
				depth++
				switch {
				case depth == 1 && tk.Name.Local == "speak":
				case depth == 2 && tk.Name.Local == "mark" && len(tk.Attr) == 1 && tk.Attr[0].Name.Local == "name":
					names = append(names, tk.Attr[0].Value)
				default:
					t.Fatalf("unexpected element <%s> at depth %d in %q", tk.Name.Local, depth, doc)
				}
			case xml.EndElement:
				depth--
			case xml.CharData:
				got.Write(tk)
			default:
				t.Fatalf("unexpected token %T in %q", tok, doc)
			}
		}
		if want := xmlSafe(text); got.String() != want {
			t.Fatalf("text of %q is %q, want %q", doc, got.String(), want)
		}
		if len(names) != 3 {
			t.Fatalf("%d marks in %q, want 3", len(names), doc)
		}
		// Marks are sorted by offset (stable); the last one is at the end.
		if names[2] != xmlSafe(name+"2") && !(a >= len(text) || b >= len(text)) {
			t.Fatalf("mark names %q: the end mark is not last", names)
		}
	})
}

func TestBuildSSMLSentenceMarks(t *testing.T) {
	text := `Rates rose 0.5%. "Markets <fell>," said A&B.`
	got := buildSSML(text, []ssmlMark{{Offset: 0, Name: "s0"}, {Offset: 17, Name: "s1"}})
	want := `<speak><mark name="s0"/>Rates rose 0.5%. <mark name="s1"/>&quot;Markets &lt;fell&gt;,&quot; said A&amp;B.</speak>`
	if got != want {
		t.Errorf("buildSSML = %q, want %q", got, want)
	}
}
