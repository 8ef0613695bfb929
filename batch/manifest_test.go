package batch

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/archive"
)

func TestParseManifest(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		ids      []string
		errs     []string // substrings the error must hold
	}{
		{name: "ok", in: `{"id":"a","text":"Hello there."}` + "\n\n" + `{"id":"b/c","path":"x.html","title":"T","published":"2024-03-01"}` + "\n",
			ids: []string{"a", "b/c"}},
		{name: "bad json", in: `{"id":"a","text":"x"}` + "\n" + `{"id":"b",` + "\n",
			errs: []string{"line 2: bad JSON"}},
		{name: "missing id", in: `{"text":"x"}` + "\n" + `{"id":"  ","text":"y"}`,
			errs: []string{"line 1: missing id", "line 2: missing id"}},
		{name: "duplicate", in: `{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"x"}` + "\n" + `{"id":"a","url":"https://e.com/"}`,
			errs: []string{`line 3: duplicate id "a" (first on line 1)`}},
		{name: "two sources", in: `{"id":"a","text":"x","html":"<p>y</p>"}`,
			errs: []string{`line 1: id "a" has 2 sources`}},
		{name: "markdown and text", in: `{"id":"ok","markdown":"# T\n\nBody."}` + "\n" + `{"id":"both","markdown":"# T","text":"T"}`,
			errs: []string{`line 2: id "both" has 2 sources, markdown and text (give one of path, url, html, markdown, text)`}},
		{name: "no source", in: `{"id":"a","title":"x"}`,
			errs: []string{`line 1: id "a" has no source`}},
		{name: "unknown field", in: `{"id":"a","txt":"x"}`,
			errs: []string{`line 1: bad JSON`, `unknown field "txt"`}},
		{name: "collision", in: `{"id":"a b","text":"x"}` + "\n" + `{"id":"a_b","text":"y"}`,
			errs: []string{`line 2: id "a_b" and id "a b" (line 1) both become the key "a_b"`}},
		{name: "bad date", in: `{"id":"a","text":"x","published":"yesterday"}`,
			errs: []string{`line 1: id "a": published "yesterday"`}},
		{name: "not http", in: `{"id":"a","url":"file:///etc/passwd"}`,
			errs: []string{`is not http(s)`}},
		{name: "two values", in: `{"id":"a","text":"x"} {"id":"b","text":"y"}`,
			errs: []string{"line 1: more than one JSON value"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			entries, err := ParseManifest(strings.NewReader(tc.in), "m.jsonl")
			if len(tc.errs) > 0 {
				var me *ManifestError
				if !errors.As(err, &me) {
					t.Fatalf("want a ManifestError, got %v", err)
				}
				for _, want := range tc.errs {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q lacks %q", err, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, e := range entries {
				ids = append(ids, e.ID)
				if e.Key == "" {
					t.Errorf("%s: no key", e.ID)
				}
			}
			if strings.Join(ids, ",") != strings.Join(tc.ids, ",") {
				t.Errorf("ids %v, want %v", ids, tc.ids)
			}
		})
	}
}

func TestParseManifestLongLine(t *testing.T) {
	in := `{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"` + strings.Repeat("y", MaxLineBytes) + `"}` + "\n"
	_, err := ParseManifest(strings.NewReader(in), "m.jsonl")
	if err == nil || !strings.Contains(err.Error(), "line 2: longer than") {
		t.Errorf("got %v", err)
	}
}

func TestParseCSV(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		n        int
		errs     []string
	}{
		{name: "ok", in: "id,text,title\na,\"Hello, world.\nSecond line.\",T\nb,More text.,\n", n: 2},
		{name: "bom and case", in: "\ufeffID,Text\na,x\n", n: 1},
		{name: "markdown column", in: "id,markdown\na,\"# Tides\n\n- one\n- two\n\"\n", n: 1},
		{name: "markdown and text", in: "id,markdown,text\na,# T,\nb,# T,T\n", errs: []string{`line 3: id "b" has 2 sources, markdown and text`}},
		{name: "unknown column", in: "id,txt\na,x\n", errs: []string{`line 1: unknown column "txt"`}},
		{name: "no id column", in: "text\nx\n", errs: []string{"line 1: no id column"}},
		{name: "field count", in: "id,text\na,x\nb\nc,z\n", errs: []string{"line 3: 1 fields, the header has 2"}},
		{name: "duplicate", in: "id,text\na,x\nb,y\na,z\n", errs: []string{`line 4: duplicate id "a" (first on line 2)`}},
		{name: "missing id after multiline", in: "id,text\na,\"x\ny\"\n,z\n", errs: []string{"line 4: missing id"}},
		{name: "bad quote", in: "id,text\na,\"x\"y\n", errs: []string{"line 2:"}},
		{name: "unterminated quote", in: "id,text\n\"00", errs: []string{`line 2: extraneous or missing " in quoted-field`}},
		{name: "long line", in: "id,text\na,x\nb," + strings.Repeat("y", MaxLineBytes) + "\n", errs: []string{"line 3: longer than"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			entries, err := ParseCSV(strings.NewReader(tc.in), "m.csv")
			if len(tc.errs) > 0 {
				if err == nil {
					t.Fatal("no error")
				}
				for _, want := range tc.errs {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("error %q lacks %q", err, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(entries) != tc.n {
				t.Errorf("%d entries, want %d", len(entries), tc.n)
			}
		})
	}
}

func TestReadManifestDirAndPaths(t *testing.T) {
	dir := t.TempDir()
	arts := filepath.Join(dir, "articles")
	for name, body := range map[string]string{
		"2024/one.html": "<html><body><p>One.</p></body></html>",
		"two.txt":       "Two.",
		"three.md":      "# Three",
		"four.markdown": "# Four",
		"skip.pdf":      "no",
		".hidden/x.txt": "hidden",
	} {
		p := filepath.Join(arts, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	entries, err := ReadManifest(arts)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 4 || entries[0].ID != "2024/one" || entries[1].ID != "four" || entries[2].ID != "three" || entries[3].ID != "two" {
		t.Fatalf("entries %+v", entries)
	}
	// Same id from two extensions.
	os.WriteFile(filepath.Join(arts, "two.html"), []byte("<p>x</p>"), 0o644)
	// The error names both files: a directory has no lines.
	if _, err := ReadManifest(arts); err == nil || !strings.Contains(err.Error(), `duplicate id "two" (first `+filepath.Join(arts, "two.html")+`)`) || strings.Contains(err.Error(), "line") {
		t.Errorf("got %v, want the duplicate named with the first file", err)
	}
	// Relative paths of a JSONL manifest are the manifest's directory's.
	m := filepath.Join(dir, "m.jsonl")
	os.WriteFile(m, []byte(`{"id":"t","path":"articles/two.txt"}`+"\n"), 0o644)
	entries, err = ReadManifest(m)
	if err != nil {
		t.Fatal(err)
	}
	if entries[0].Path != filepath.Join(dir, "articles/two.txt") {
		t.Errorf("path %q", entries[0].Path)
	}
	if _, err := ReadManifest(filepath.Join(dir, "nope.jsonl")); err == nil {
		t.Error("missing manifest: no error")
	}
}

func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"x"}` + "\n" + `{"id":"b","url":"https://e.com/a"}`))
	f.Add([]byte(`{"id":"a","text":"x"}` + "\n" + `{"id":"a","text":"x"}`))
	f.Add([]byte(`{"id":"../x","html":"<p>x</p>","published":"2024-01-02"}`))
	f.Add([]byte("{\"id\":1}\n\n{"))
	f.Add([]byte("id,text\na,b\n"))
	f.Add([]byte(`{"id":"md","markdown":"# Tides\n\n- *one*\n- [two](https://e.com/)","title":"T"}` + "\n" + `{"id":"x","markdown":"a","text":"b"}`))
	f.Add([]byte("id,markdown,text\na,\"## H\n\n**b**\",\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, parse := range []func() ([]Entry, error){
			func() ([]Entry, error) { return ParseManifest(strings.NewReader(string(data)), "f.jsonl") },
			func() ([]Entry, error) { return ParseCSV(strings.NewReader(string(data)), "f.csv") },
		} {
			entries, err := parse()
			if err != nil {
				if !strings.Contains(err.Error(), "manifest f.") {
					t.Fatalf("error does not name the manifest: %v", err)
				}
				continue
			}
			ids, keys := map[string]bool{}, map[string]bool{}
			for _, e := range entries {
				if e.ID == "" || ids[e.ID] || keys[e.Key] || e.Line < 1 {
					t.Fatalf("bad entry %+v", e)
				}
				ids[e.ID], keys[e.Key] = true, true
				if want, err := archive.SanitizeID(e.ID); err != nil || e.Key != want {
					t.Fatalf("entry %q has the key %q, SanitizeID makes %q (%v)", e.ID, e.Key, want, err)
				}
				var given []string
				for name, v := range map[string]string{"path": e.Path, "url": e.URL, "html": e.HTML, "markdown": e.Markdown, "text": e.Text} {
					if v != "" {
						given = append(given, name)
					}
				}
				if len(given) != 1 || given[0] != e.Source() {
					t.Fatalf("entry %q accepted with the sources %v, Source() %q", e.ID, given, e.Source())
				}
			}
		}
	})
}

// ReadManifestFrom tells JSON Lines from CSV by the first character, and
// keeps the lines it read to see it: errors name the stream's own lines.
func TestReadManifestFrom(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		ids      []string
		err      string
	}{
		{"json lines", "\n\n" + `{"id":"a","text":"x"}` + "\n", []string{"a"}, ""},
		{"json lines error line", "\n\n" + `{"id":"a","txt":"x"}` + "\n", nil, "manifest -: line 3: bad JSON"},
		{"csv", "id,text\nb,y\n", []string{"b"}, ""},
		{"csv after a byte-order mark", "\ufeffid,text\nc,z\n", []string{"c"}, ""},
		{"csv error line", "id,txt\n", nil, `manifest -: line 1: unknown column "txt"`},
		{"blank", " \n", nil, ""},
	} {
		entries, err := ReadManifestFrom(strings.NewReader(tc.in), "-")
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		var ids []string
		for _, e := range entries {
			ids = append(ids, e.ID)
		}
		if err != nil || !slices.Equal(ids, tc.ids) {
			t.Errorf("%s: %v %v, want %v", tc.name, ids, err, tc.ids)
		}
	}
}
