package archive

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
)

// Reading a sidecar's Info stops after the "narrate" object: the timings of
// every word that follow are not read.
func TestReadHeadInfoStopsEarly(t *testing.T) {
	r := io.MultiReader(strings.NewReader(`{"narrate":{"id":"x","settings":"abc"},"blocks":[`), errReader{})
	h, err := readHead(r, false)
	if err != nil || h == nil || h.Info.ID != "x" {
		t.Errorf("%+v %v", h, err)
	}
	if _, err := readHead(strings.NewReader(`[1]`), false); err == nil {
		t.Error("array accepted")
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("read past the narrate object") }

func TestReadHead(t *testing.T) {
	for _, tc := range []struct {
		name, in                string
		ok                      bool
		id, title, byline, para string
	}{
		{"batch order", `{"narrate":{"id":"a","format":"mp3"},"duration":3,"title":"T","blocks":[{"kind":"title","text":"T"},{"kind":"byline","text":"Jo"},{"kind":"paragraph","text":"First."},{"kind":"paragraph","text":"Second."}]}`,
			true, "a", "T", "Jo", "First."},
		{"title after blocks", `{"blocks":[{"kind":"heading","text":"H"},{"kind":"paragraph","text":"P","sentences":[{"text":"P","words":[{"text":"P"}]}]},{"kind":"quote","text":"Q"}],"title":"Late","narrate":{"id":"b"}}`,
			true, "b", "Late", "", "P"},
		{"no paragraph", `{"narrate":{"id":"c"},"title":"","blocks":[{"kind":"title","text":"x"},{"kind":"item","text":"An item."}]}`,
			true, "c", "", "", "An item."},
		{"cut after narrate", `{"narrate":{"id":"d"},"title":"T","blocks":[{"kind":"par`, true, "d", "T", "", ""},
		{"not ours", `{"hello":"world"}`, false, "", "", "", ""},
		{"array", `[1,2]`, false, "", "", "", ""},
		{"bad narrate", `{"narrate":[1]}`, false, "", "", "", ""},
	} {
		h, err := readHead(strings.NewReader(tc.in), true)
		if (h != nil) != tc.ok {
			t.Errorf("%s: head %+v, err %v", tc.name, h, err)
			continue
		}
		if h == nil {
			continue
		}
		if h.Info.ID != tc.id || h.Title != tc.title || h.Byline != tc.byline || h.Paragraph != tc.para {
			t.Errorf("%s: %+v", tc.name, h)
		}
	}
}

// FuzzReadHead feeds arbitrary bytes where a done marker is expected (an
// archive is written to by other programs and people too) and holds the
// streaming reader to what encoding/json makes of the whole object.
func FuzzReadHead(f *testing.F) {
	f.Add([]byte(`{"narrate":{"id":"a","format":"mp3","duration_seconds":2.5},"duration":2.5,"title":"T","blocks":[{"kind":"byline","text":"Jo"},{"kind":"paragraph","text":"P"}]}`))
	f.Add([]byte(`{"blocks":[{"kind":"paragraph"}],"narrate":{"id":"b"}}`))
	f.Add([]byte(`{"narrate":{"id":1}}`))
	f.Add([]byte(`{"title":"x","title":"y","narrate":null}`))
	f.Add([]byte(`{"blocks":{"kind":"paragraph"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := readHead(strings.NewReader(string(data)), true)
		if h == nil && err == nil {
			t.Fatal("no head and no error")
		}
		ref, ok := reference(data)
		if !ok {
			return
		}
		if h == nil || err != nil {
			t.Fatalf("encoding/json reads %+v; readHead: %+v, %v", ref, h, err)
		}
		if h.Info.ID != ref.Info.ID || h.Title != ref.Title || h.Byline != ref.Byline || h.Paragraph != ref.Paragraph {
			t.Fatalf("readHead %+v, encoding/json %+v", h, ref)
		}
	})
}

// reference decodes a whole sidecar with encoding/json, when it is valid
// JSON with a "narrate" object and no repeated or differently cased
// top-level member (where a streaming reader may rightly differ).
func reference(data []byte) (*Head, bool) {
	var top map[string]json.RawMessage
	if !json.Valid(data) || json.Unmarshal(data, &top) != nil {
		return nil, false
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.Token()
	n := 0
	for dec.More() {
		k, _ := dec.Token()
		if s, _ := k.(string); s != strings.ToLower(s) {
			return nil, false
		}
		var skip json.RawMessage
		dec.Decode(&skip)
		n++
	}
	if n != len(top) || top["narrate"] == nil || string(top["narrate"]) == "null" {
		return nil, false
	}
	var h Head
	if json.Unmarshal(top["narrate"], &h.Info) != nil {
		return nil, false
	}
	if t, ok := top["title"]; ok && json.Unmarshal(t, &h.Title) != nil {
		return nil, false
	}
	var blocks []struct{ Kind, Text string }
	if b, ok := top["blocks"]; ok && (json.Unmarshal(b, &blocks) != nil || string(b) == "null") {
		return nil, false
	}
	other, found := "", false
	for _, b := range blocks {
		switch b.Kind {
		case "title":
		case "byline":
			if h.Byline == "" && !found {
				h.Byline = b.Text
			}
		case "paragraph":
			if !found {
				h.Paragraph, found = b.Text, true
			}
		default:
			if other == "" {
				other = b.Text
			}
		}
	}
	if !found {
		h.Paragraph = other
	}
	return &h, true
}
