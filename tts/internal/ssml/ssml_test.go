package ssml

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestBuilder(t *testing.T) {
	var d Builder
	d.Markup(`<speak><prosody rate="120%">`)
	d.Text(`Tom & "Jerry" <b>`, 0)
	d.Markup(`<mark name="`)
	d.Escaped(`a"b`)
	d.Markup(`"/>`)
	d.Text(" ran.", 17)
	d.Markup(`</prosody></speak>`)
	want := `<speak><prosody rate="120%">Tom &amp; &quot;Jerry&quot; &lt;b&gt;<mark name="a&quot;b"/> ran.</prosody></speak>`
	if d.String() != want || d.Len() != len(want) {
		t.Fatalf("document %q, want %q", d.String(), want)
	}
	text := `Tom & "Jerry" <b> ran.`
	for _, tc := range []struct {
		at   string // the document from this substring on
		want int    // maps to this text offset
	}{
		{"<speak>", 0},
		{"Tom", 0},
		{"&amp;", 4},
		{"amp;", 4}, // inside an escape
		{"&quot;Jerry", 6},
		{"Jerry", 7},
		{"&lt;b", 14},
		{"<mark", 17}, // markup maps to the next text byte
		{" ran.", 17},
		{"ran.", 18},
		{"</prosody>", len(text)},
	} {
		off := strings.Index(want, tc.at)
		if got := d.Source(off); got != tc.want {
			t.Errorf("Source(%d, at %q) = %d (%q), want %d", off, tc.at, got, text[min(got, len(text)):], tc.want)
		}
	}
	if got := d.Source(d.Len()); got != len(text) {
		t.Errorf("Source(end) = %d, want %d", got, len(text))
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		`a<b>&"c"'d'`:         "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;",
		"a\x00b\rc\x7f":       "a\uFFFDb&#xD;c\x7f",
		"a\xffb":              "a\uFFFDb",
		"naïve 東京 \U0001F44B": "naïve 東京 \U0001F44B",
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzBuilder: whatever the text, the document is well-formed XML saying the
// text (with the bytes XML cannot carry replaced), and every rune of the
// text is found where Source says.
func FuzzBuilder(f *testing.F) {
	f.Add("Plain words. More words.", 5)
	f.Add(`</speak><audio src="x"/> & "quotes" 'too'`, 3)
	f.Add("naïve café — 東京. Ünïcödé!", 7)
	f.Add("\r\n\t\x00\xff\ufffe", 1)
	f.Fuzz(func(t *testing.T, text string, cut int) {
		cut = max(0, min(cut, len(text)))
		for cut > 0 && cut < len(text) && !utf8.RuneStart(text[cut]) {
			cut--
		}
		var d Builder
		d.Markup("<speak>")
		d.Text(text[:cut], 0)
		d.Markup(`<break time="1s"/>`)
		d.Text(text[cut:], cut)
		d.Markup("</speak>")
		doc := d.String()
		dec := xml.NewDecoder(strings.NewReader(doc))
		var said strings.Builder
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%q gave a document that does not parse: %v\n%q", text, err, doc)
			}
			if cd, ok := tok.(xml.CharData); ok {
				said.Write(cd)
			}
		}
		if want := xmlSafe(text); said.String() != want {
			t.Fatalf("document says %q, want %q", said.String(), want)
		}
		// Walk the document's text bytes: Source must not go backwards and
		// stays within the text.
		prev := 0
		for i := 0; i <= d.Len(); i++ {
			s := d.Source(i)
			if s < prev || s > len(text) {
				t.Fatalf("Source(%d) = %d after %d (text %d bytes)", i, s, prev, len(text))
			}
			prev = s
		}
	})
}

func xmlSafe(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if xmlChar(r, n) {
			b.WriteString(s[i : i+n])
		} else {
			b.WriteRune('\uFFFD')
		}
		i += n
	}
	return b.String()
}

func TestContent(t *testing.T) {
	for _, tc := range []struct {
		doc, want string
		ok        bool
	}{
		{`<speak>Hello.</speak>`, "Hello.", true},
		{`<?xml version="1.0"?><speak version="1.0" xml:lang="en-US">A <break/>b.</speak>`, "A <break/>b.", true},
		{`<speak>Unclosed.`, "", false},
		{`<p>Not speak.</p>`, "", false},
		{`<speak>A</speak><speak>B</speak>`, "", false},
	} {
		a, b, ok := Content(tc.doc)
		if ok != tc.ok || ok && tc.doc[a:b] != tc.want {
			t.Errorf("Content(%q) = %d..%d %v, want %q %v", tc.doc, a, b, ok, tc.want, tc.ok)
		}
	}
}

func TestView(t *testing.T) {
	doc := `<speak>Tom &amp; <break time="1s"/>Jerry<![CDATA[x]]>.</speak>`
	v := View(doc)
	if len(v) != len(doc) || strings.Join(strings.Fields(v), " ") != "Tom Jerry ." {
		t.Errorf("View = %q", v)
	}
}
