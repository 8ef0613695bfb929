package article

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// A Latin-1 text file and a UTF-8 page with one stray byte both load, each
// with exactly one warning that names the offset of the first bad byte.
func TestLoadStrayBytes(t *testing.T) {
	tests := []struct {
		file, wantWarn, wantText string
	}{
		{"testdata/charset/latin1.txt", "offset 11", "Renée Lefèvre"},
		{"testdata/charset/stray-byte.html", "offset 499", "about twenty\uFFFDminutes"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := Load(context.Background(), tt.file, LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], tt.wantWarn) || strings.Contains(doc.Warnings[0], "\n") {
				t.Fatalf("warnings %q, want one line naming %q", doc.Warnings, tt.wantWarn)
			}
			var all []string
			for _, b := range doc.Script() {
				if !utf8.ValidString(b.Text) || !utf8.ValidString(b.Spoken) {
					t.Errorf("invalid UTF-8 in %q", b.Text)
				}
				all = append(all, b.Text)
			}
			if !strings.Contains(strings.Join(all, "\n"), tt.wantText) {
				t.Errorf("text lacks %q:\n%s", tt.wantText, strings.Join(all, "\n"))
			}
			if len(doc.Blocks) < 4 {
				t.Errorf("%d blocks, want every paragraph", len(doc.Blocks))
			}
		})
	}
}

func TestDecodeInput(t *testing.T) {
	utf16le := []byte{0xff, 0xfe}
	for _, r := range "Héllo" {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	tests := []struct {
		name            string
		data            string
		format          Format
		forced, header  string
		want, wantWarn  string
		wantCharset     string
		wantErrContains string
	}{
		{name: "utf-8", data: "Café", want: "Café", wantCharset: "utf-8"},
		{name: "utf-8 BOM", data: "\xef\xbb\xbfCafé", want: "Café", wantCharset: "utf-8"},
		{name: "utf-16 BOM", data: string(utf16le), want: "Héllo", wantCharset: "utf-16le"},
		{name: "latin-1 fallback", data: "Caf\xe9 cr\xe8me", want: "Café crème", wantCharset: "windows-1252", wantWarn: "offset 3"},
		{name: "windows-1252 quotes", data: "\x93Yes,\x94 she said", want: "“Yes,” she said", wantCharset: "windows-1252", wantWarn: "offset 0"},
		{name: "stray byte in utf-8", data: "Crème brûlée \xff and café", want: "Crème brûlée \uFFFD and café", wantCharset: "utf-8", wantWarn: "1 byte at offset 16"},
		{name: "header charset", data: "Caf\xe9", header: "iso-8859-1", want: "Café", wantCharset: "windows-1252"},
		{name: "meta charset", data: `<meta charset="iso-8859-15"><p>` + "\xa4 5", format: FormatHTML, want: `<meta charset="iso-8859-15"><p>€ 5`, wantCharset: "iso-8859-15"},
		{name: "http-equiv", data: `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">` + "\xf0", format: FormatHTML, want: `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">П`, wantCharset: "koi8-r"},
		{name: "declaration loses to valid utf-8", data: `<meta charset="iso-8859-1">Café`, format: FormatHTML, want: `<meta charset="iso-8859-1">Café`, wantCharset: "utf-8"},
		{name: "unknown declared charset ignored", data: `<meta charset="x-klingon">Caf` + "\xe9", format: FormatHTML, want: `<meta charset="x-klingon">Café`, wantCharset: "windows-1252", wantWarn: "offset"},
		{name: "forced", data: "Caf\xe9", forced: "latin1", want: "Café", wantCharset: "windows-1252"},
		{name: "forced utf-8 replaces", data: "Caf\xe9", forced: "utf-8", want: "Caf\uFFFD", wantCharset: "utf-8", wantWarn: "offset 3"},
		{name: "shift_jis with a bad byte", data: "\x93\xfa\x96\x7b\xff", forced: "shift_jis", want: "日本\uFFFD", wantCharset: "shift_jis", wantWarn: "offset 4"},
		{name: "unknown forced", data: "x", forced: "klingon-8", wantErrContains: `unknown charset "klingon-8"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := decodeInput([]byte(tt.data), tt.format, tt.forced, tt.header)
			if tt.wantErrContains != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErrContains) {
					t.Fatalf("error %v, want %q", err, tt.wantErrContains)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.text != tt.want || d.charset != tt.wantCharset {
				t.Errorf("got %q as %s, want %q as %s", d.text, d.charset, tt.want, tt.wantCharset)
			}
			if (tt.wantWarn == "") != (d.warning == "") || !strings.Contains(d.warning, tt.wantWarn) {
				t.Errorf("warning %q, want one containing %q", d.warning, tt.wantWarn)
			}
		})
	}
}

// FuzzDecodeInput: any bytes decode to valid UTF-8 without error when no
// charset is forced, and a warning is given exactly when bytes were bad.
func FuzzDecodeInput(f *testing.F) {
	for _, name := range []string{"testdata/charset/latin1.txt", "testdata/charset/stray-byte.html"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data, "")
		}
	}
	f.Add([]byte("\xff\xfeH\x00i\x00"), "")
	f.Add([]byte("<meta charset=shift_jis>\x93\xfa"), "")
	f.Add([]byte("Caf\xe9"), "iso-8859-1")
	f.Fuzz(func(t *testing.T, data []byte, header string) {
		d, err := decodeInput(data, FormatHTML, "", header)
		if err != nil {
			t.Fatalf("error without a forced charset: %v", err)
		}
		if !utf8.ValidString(d.text) {
			t.Fatalf("invalid UTF-8 out: %q", d.text)
		}
		if d.warning == "" && !utf8.Valid(data) && d.charset == "utf-8" {
			t.Fatalf("invalid input read as UTF-8 without a warning")
		}
	})
}

// A server's Content-Type charset decodes a page that does not declare
// its own; a UTF-8 page with a stray byte gets its one warning.
func TestLoadURLCharset(t *testing.T) {
	stray, err := os.ReadFile("testdata/charset/stray-byte.html")
	if err != nil {
		t.Fatal(err)
	}
	latin, err := os.ReadFile("testdata/charset/latin1.txt")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/latin", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=ISO-8859-1")
		w.Write(latin)
	})
	mux.HandleFunc("/stray", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(stray)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	doc, err := Load(context.Background(), srv.URL+"/latin", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) != 0 || !strings.Contains(doc.Blocks[1].Text, "Renée Lefèvre") {
		t.Errorf("declared latin-1: warnings %q, text %q", doc.Warnings, doc.Blocks[1].Text)
	}
	doc, err = Load(context.Background(), srv.URL+"/stray", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "offset 499") {
		t.Errorf("stray byte: warnings %q", doc.Warnings)
	}
	// --charset forces an encoding over the server's.
	doc, err = Load(context.Background(), srv.URL+"/latin", LoadOptions{Charset: "utf-8"})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) != 1 {
		t.Errorf("forced utf-8 on latin-1: warnings %q, want one", doc.Warnings)
	}
}
