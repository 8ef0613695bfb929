package web_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/web"
)

func sampleTimings() *sidecar.Timings {
	return &sidecar.Timings{Duration: 20, Title: "Ferry Street", Blocks: []sidecar.BlockTiming{
		{Kind: "title", Text: "Ferry Street", Start: 0, End: 1},
		{Kind: "byline", Text: "Mara Quinlan", Start: 1.5, End: 2},
		{Kind: "paragraph", Text: "First one. Second one.", Start: 3, End: 6},
		{Kind: "heading", Text: "Inside", Start: 7, End: 8},
		{Kind: "item", Text: "Tea on Sundays.", Start: 9, End: 10},
		{Kind: "item", Text: "Open until six.", Start: 11, End: 12},
		{Kind: "quote", Text: "Sit down, <b>please</b> & stay.", Start: 13, End: 15},
		{Kind: "paragraph", Text: "Last words.", Start: 16, End: 20},
	}}
}

func TestHandlerServesPlayer(t *testing.T) {
	srv := httptest.NewServer(web.Handler())
	defer srv.Close()
	res, err := http.Get(srv.URL + "/player.js")
	if err != nil {
		t.Fatal(err)
	}
	body := new(bytes.Buffer)
	body.ReadFrom(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/javascript; charset=utf-8" {
		t.Fatalf("GET /player.js: %s, Content-Type %q", res.Status, res.Header.Get("Content-Type"))
	}
	if !strings.Contains(body.String(), "customElements.define('narrate-player'") {
		t.Error("the body is not the player")
	}
	etag := res.Header.Get("ETag")
	if etag == "" || res.Header.Get("Cache-Control") == "" {
		t.Fatalf("no ETag (%q) or Cache-Control (%q)", etag, res.Header.Get("Cache-Control"))
	}
	req, _ := http.NewRequest("GET", srv.URL+"/player.js", nil)
	req.Header.Set("If-None-Match", etag)
	if res, err = http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match with the ETag: %s, want 304", res.Status)
	}
	for path, want := range map[string]int{"/player.css": 404, "/": 404} {
		if res, err = http.Get(srv.URL + path); err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != want {
			t.Errorf("GET %s: %s, want %d", path, res.Status, want)
		}
	}
	if res, err = http.Post(srv.URL+"/player.js", "text/plain", nil); err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /player.js: %s, want 405", res.Status)
	}
}

// The player stays one small file: issue 18's 25 KB unminified, and
// 10 KB of gzip, what a reader downloads.
func TestPlayerSize(t *testing.T) {
	data, err := os.ReadFile("player.js")
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	w.Write(data)
	w.Close()
	t.Logf("player.js: %d bytes unminified (limit 25,600), %d gzipped (limit 10,240)", len(data), gz.Len())
	if len(data) >= 25*1024 || gz.Len() >= 10*1024 {
		t.Errorf("player.js is %d bytes, %d gzipped: over 25 KB or 10 KB", len(data), gz.Len())
	}
	if bytes.Contains(data, []byte("import ")) || bytes.Contains(data, []byte("http://")) || bytes.Contains(data, []byte("https://")) {
		t.Error("player.js imports a module or names an address")
	}
}

// blocksOf parses a listen page and returns, by data-narrate-block index,
// each marked element's tag and text.
func blocksOf(t testing.TB, page []byte) (map[int][2]string, *html.Node) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("page does not parse: %v", err)
	}
	out := map[int][2]string{}
	var text func(*html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(text(c))
		}
		return b.String()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == "data-narrate-block" {
				i, err := strconv.Atoi(a.Val)
				if err != nil {
					t.Errorf("data-narrate-block=%q", a.Val)
				}
				if _, dup := out[i]; dup {
					t.Errorf("block %d marked twice", i)
				}
				out[i] = [2]string{n.Data, text(n)}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out, doc
}

func TestListenPage(t *testing.T) {
	tm := sampleTimings()
	var buf bytes.Buffer
	if err := web.ListenPage(&buf, web.Page{Timings: tm, NarrationURL: "/v1/narrations/a1", Lang: "en-gb"}); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	blocks, _ := blocksOf(t, buf.Bytes())
	wantTags := []string{"h1", "p", "p", "h2", "li", "li", "blockquote", "p"}
	for i, b := range tm.Blocks {
		got, ok := blocks[i]
		if !ok {
			t.Errorf("block %d (%s) not marked", i, b.Kind)
			continue
		}
		if got[0] != wantTags[i] || got[1] != b.Text {
			t.Errorf("block %d: <%s> %q, want <%s> %q", i, got[0], got[1], wantTags[i], b.Text)
		}
	}
	for _, want := range []string{`<html lang="en-GB">`, `<title>Ferry Street</title>`, `<narrate-player src="/v1/narrations/a1"`,
		`<script type="module" src="/player.js">`, `class="byline"`, "<ul>", "&lt;b&gt;please&lt;/b&gt; &amp; stay"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Count(page, "<script") != 1 {
		t.Error("the page runs a script besides player.js")
	}

	buf.Reset()
	if err := web.ListenPage(&buf, web.Page{Timings: tm, NarrationURL: "javascript:alert(1)", Lang: "not a language!"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "javascript:") || !strings.Contains(buf.String(), `lang="und"`) {
		t.Errorf("unsafe URL or bad language passed through:\n%s", buf.String())
	}
	for _, p := range []web.Page{{NarrationURL: "/x"}, {Timings: tm}} {
		if err := web.ListenPage(&buf, p); err == nil {
			t.Errorf("ListenPage(%+v) = nil error", p)
		}
	}
}

func TestStaticFiles(t *testing.T) {
	tm := sampleTimings()
	dir := t.TempDir()
	st := web.Static{Audio: filepath.Join(dir, "story.mp3"), Timings: filepath.Join(dir, "meta", "story.json"),
		Captions: filepath.Join(dir, "story.vtt"), Lang: "en"}
	if err := st.Write(tm); err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	if want := []string{"player.js", "story.chapters.json", "story.html", "story.narration.json"}; !slices.Equal(names, want) {
		t.Errorf("files %v, want %v", names, want)
	}
	if got := st.Names(); len(got) != 4 {
		t.Errorf("Names() = %v", got)
	}
	var n web.Narration
	data, _ := os.ReadFile(filepath.Join(dir, "story.narration.json"))
	if err := json.Unmarshal(data, &n); err != nil {
		t.Fatal(err)
	}
	want := web.Narration{ID: "story", Status: "done", Duration: 20, Links: web.Links{Audio: "story.mp3", Timings: "meta/story.json",
		Captions: "story.vtt", Chapters: "story.chapters.json", Player: "story.html"}}
	if n != want {
		t.Errorf("narration %+v, want %+v", n, want)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "story.html"))
	if !bytes.Contains(page, []byte(`src="story.narration.json"`)) || !bytes.Contains(page, []byte(`src="player.js"`)) {
		t.Errorf("page does not link its narration and player relatively:\n%s", page)
	}
	var ch sidecar.PodcastChapters
	data, _ = os.ReadFile(filepath.Join(dir, "story.chapters.json"))
	if err := json.Unmarshal(data, &ch); err != nil || len(ch.Chapters) == 0 {
		t.Errorf("chapters %s: %v", data, err)
	}

	off := web.Static{Audio: "a/b.mp3", Timings: "a/b.json", Chapters: sidecar.ChaptersOff}
	files, err := off.Files(tm)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.Contains(f.Name, "chapters") {
			t.Errorf("chapters off, yet %s", f.Name)
		}
	}
	if _, err := (web.Static{Audio: "a.mp3"}).Files(tm); err == nil {
		t.Error("no timings file: no error")
	}
}

// Any text in the timings reaches the page as text: nothing in a block can
// add an element or a script, and every block stays marked.
func FuzzListenPage(f *testing.F) {
	f.Add("Ferry Street", "A <script>alert(1)</script> tag", "item", "en")
	f.Add("", "</p><p data-narrate-block=\"0\">x", "quote", "zz-bad")
	f.Add("T & \"q\"", "{{.Title}}", "title", "")
	f.Fuzz(func(t *testing.T, title, text, kind, lang string) {
		tm := &sidecar.Timings{Title: title, Blocks: []sidecar.BlockTiming{
			{Kind: "title", Text: title}, {Kind: kind, Text: text}, {Kind: "paragraph", Text: text},
		}}
		var buf bytes.Buffer
		if err := web.ListenPage(&buf, web.Page{Timings: tm, NarrationURL: text, Lang: lang}); err != nil {
			t.Fatal(err)
		}
		blocks, doc := blocksOf(t, buf.Bytes())
		if len(blocks) != 3 {
			t.Fatalf("%d blocks marked, want 3", len(blocks))
		}
		scripts := 0
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "script" {
				scripts++
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if scripts != 1 {
			t.Fatalf("%d script elements", scripts)
		}
		// HTML parsing itself rewrites NUL, CR and invalid UTF-8.
		plain := utf8.ValidString(text) && !strings.ContainsAny(text, "\x00\r")
		if got := blocks[2][1]; plain && norm(got) != norm(text) {
			t.Fatalf("block text %q, want %q", got, text)
		}
	})
}
