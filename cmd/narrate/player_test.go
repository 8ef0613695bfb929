package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/web"
)

func TestRenderPlayer(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "story.mp3")
	code, _, stderr := narrate(t, "", "render", sample, "-o", out, "--voice", "fake:", "--no-cache", "-q", "--player",
		"--disclosure", "Read by a synthetic voice & checked by an editor.")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{"player.js", "story.chapters.json", "story.html", "story.json", "story.mp3", "story.narration.json", "story.vtt"}
	if !slices.Equal(names, want) {
		t.Fatalf("files %v, want %v", names, want)
	}
	var n web.Narration
	readJSON(t, filepath.Join(dir, "story.narration.json"), &n)
	var tm sidecar.Timings
	readJSON(t, filepath.Join(dir, "story.json"), &tm)
	if n.Links.Audio != "story.mp3" || n.Links.Timings != "story.json" || n.Duration != tm.Duration || len(tm.Blocks) == 0 {
		t.Errorf("narration %+v for timings of %.2f s", n, tm.Duration)
	}
	// The captions are written and linked, as narrate serve links its own.
	vtt, err := os.ReadFile(filepath.Join(dir, "story.vtt"))
	if n.Links.Captions != "story.vtt" || err != nil || !strings.HasPrefix(string(vtt), "WEBVTT\n") {
		t.Errorf("captions link %q, file %v %.20q", n.Links.Captions, err, vtt)
	}
	if tm.Voice != "fake:default" {
		t.Errorf("timings name the voice %q, want fake:default", tm.Voice)
	}
	page, _ := os.ReadFile(filepath.Join(dir, "story.html"))
	if !strings.Contains(string(page), tm.Title) || !strings.Contains(string(page), `data-narrate-block="2"`) ||
		!strings.Contains(string(page), `disclosure="Read by a synthetic voice &amp; checked by an editor."`) {
		t.Errorf("listen page lacks the title, the blocks or the disclosure:\n%.1500s", page)
	}
	// --disclosure is for the listen page.
	if code, _, stderr := narrate(t, "", "render", sample, "-o", filepath.Join(dir, "b.mp3"), "--voice", "fake:", "--disclosure", "x"); code != 2 || !strings.Contains(stderr, "--player") {
		t.Errorf("--disclosure without --player: exit %d, %q", code, stderr)
	}
}

// A listen page named like an HTML input would replace it: refused before
// anything is rendered.
func TestRenderPlayerKeepsInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "story.html")
	const article = "<html><body><article><h1>A title</h1><p>One paragraph of text to speak.</p></article></body></html>"
	if err := os.WriteFile(in, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := narrate(t, "", "render", in, "--voice", "fake:", "--no-cache", "-q", "--player")
	if code != 2 || !strings.Contains(stderr, "over the input") {
		t.Errorf("exit %d, stderr %q; want a usage error naming the clash", code, stderr)
	}
	if data, _ := os.ReadFile(in); string(data) != article {
		t.Error("the input was changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "story.mp3")); err == nil {
		t.Error("rendered despite the clash")
	}
}

// batch --player writes each article's listen page and player document and
// one player.js per directory, which a plain file server serves as a
// module; a rerun changes nothing.
func TestBatchPlayer(t *testing.T) {
	dir := t.TempDir()
	manifest := filepath.Join(dir, "m.jsonl")
	if err := os.WriteFile(manifest, []byte(`{"id":"2024/harbour","title":"Harbour news","text":"The harbour opened.\n\nBoats came in."}`+"\n"+
		`{"id":"weather","title":"Weather","lang":"en","text":"Rain in the morning.\n\nSun by noon."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	args := []string{"batch", "--manifest", manifest, "--out", out, "--voice", "fake:", "--no-cache", "-q", "--player"}
	if code, _, stderr := narrate(t, "", args...); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files := map[string]time.Time{}
	filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			fi, _ := d.Info()
			files[filepath.ToSlash(rel)] = fi.ModTime()
		}
		return nil
	})
	for _, name := range []string{"2024/player.js", "2024/harbour.html", "2024/harbour.narration.json", "2024/harbour.mp3", "2024/harbour.json",
		"player.js", "weather.html", "weather.narration.json"} {
		if _, ok := files[name]; !ok {
			t.Errorf("no %s in %v", name, files)
		}
	}
	var n web.Narration
	readJSON(t, filepath.Join(out, "2024", "harbour.narration.json"), &n)
	if n.Links.Audio != "harbour.mp3" || n.Links.Timings != "harbour.json" || n.Links.Player != "harbour.html" {
		t.Errorf("player document links %+v", n.Links)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	for path, want := range map[string]string{"/2024/player.js": "text/javascript", "/2024/harbour.html": `<script type="module" src="player.js">`} {
		resp, err := srv.Client().Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type")+string(body), want) {
			t.Errorf("GET %s: %s %q, want %q in it", path, resp.Status, resp.Header.Get("Content-Type"), want)
		}
	}

	code, _, stderr := narrate(t, "", args...)
	if code != 0 {
		t.Fatalf("rerun: exit %d: %s", code, stderr)
	}
	for name, mod := range files {
		fi, err := os.Stat(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil || !fi.ModTime().Equal(mod) {
			t.Errorf("rerun changed %s: %v", name, err)
		}
	}
}
