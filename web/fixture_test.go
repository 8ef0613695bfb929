package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	_ "github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/web"
)

// testArticle is a short story of several paragraphs, written for these
// tests, with a byline, a heading, a quote and list items.
func testArticle() *article.Document {
	return &article.Document{
		Title:  "The reading room reopens on Ferry Street",
		Byline: "Mara Quinlan",
		Lang:   "en",
		Blocks: []article.Block{
			{Kind: article.KindParagraph, Text: "The old reading room on Ferry Street opened its doors again on Saturday morning. A queue had formed before eight."},
			{Kind: article.KindParagraph, Text: "Volunteers spent the winter sanding shelves and rewiring the lamps. Most of the money came from a bake sale that ran for eleven weekends."},
			{Kind: article.KindHeading, Text: "What changed inside"},
			{Kind: article.KindParagraph, Text: "The children's corner moved next to the windows. The newspaper rack now holds titles in four languages."},
			{Kind: article.KindQuote, Text: "We wanted a room where nobody has to buy anything to sit down."},
			{Kind: article.KindItem, Text: "Opening hours run from nine until six."},
			{Kind: article.KindItem, Text: "Tea is free on Sundays."},
			{Kind: article.KindParagraph, Text: "The committee will meet again in spring to plan a reading festival. Anyone who wants to help can leave a note at the desk."},
		},
	}
}

// narration is one fake-engine narration laid out the way narrate serve
// lays it out, rendered once for the whole test binary.
type narration struct {
	id       string
	dir      string // audio.mp3, timings.json, chapters.json
	timings  *pipeline.Timings
	duration float64
}

var (
	fixtureOnce sync.Once
	fixture     *narration
	fixtureErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fixture != nil {
		os.RemoveAll(fixture.dir)
	}
	os.Exit(code)
}

func testNarration(t testing.TB) *narration {
	t.Helper()
	fixtureOnce.Do(func() { fixture, fixtureErr = renderNarration() })
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixture
}

func renderNarration() (*narration, error) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "narrate-web-")
	if err != nil {
		return nil, err
	}
	eng, err := pipeline.OpenEngine(ctx, pipeline.EngineOptions{Spec: "fake:?rate=2", NoCache: true})
	if err != nil {
		return nil, err
	}
	defer eng.Close()
	res, err := pipeline.RenderFile(ctx, testArticle(), eng, filepath.Join(dir, "audio.mp3"), pipeline.Options{})
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	f, err := os.Create(filepath.Join(dir, "timings.json"))
	if err != nil {
		return nil, err
	}
	if err := pipeline.WriteTimingsJSON(f, res.Timings); err != nil {
		return nil, err
	}
	f.Close()
	if f, err = os.Create(filepath.Join(dir, "chapters.json")); err != nil {
		return nil, err
	}
	if err := pipeline.WriteChaptersJSON(f, res.Timings, ""); err != nil {
		return nil, err
	}
	f.Close()
	return &narration{id: "reading-room", dir: dir, timings: res.Timings, duration: res.Timings.Duration}, nil
}

// serveNarration is a stand-in for narrate serve's routes over one
// narration: GET /v1/narrations/{id} (links absolute, as serve gives them),
// its files, /player.js from web.Handler and /listen/{id} from
// web.ListenPage; /embed/{id} is a host page without block markers. Every
// request path is recorded.
func serveNarration(t *testing.T, n *narration) (*httptest.Server, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var paths []string
	mux := http.NewServeMux()
	mux.Handle("GET /player.js", web.Handler())
	base := "/v1/narrations/" + n.id
	mux.HandleFunc("GET "+base, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(web.Narration{ID: n.id, Status: "done", Duration: n.duration, Links: web.Links{
			Audio: base + "/audio.mp3", Timings: base + "/timings.json", Chapters: base + "/chapters.json",
			Player: "/listen/" + n.id,
		}})
	})
	for _, f := range []string{"audio.mp3", "timings.json", "chapters.json"} {
		mux.HandleFunc("GET "+base+"/"+f, func(w http.ResponseWriter, r *http.Request) {
			http.ServeFile(w, r, filepath.Join(n.dir, f))
		})
	}
	mux.HandleFunc("GET /listen/"+n.id, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if err := web.ListenPage(w, web.Page{Timings: n.timings, NarrationURL: base, Lang: "en"}); err != nil {
			t.Errorf("listen page: %v", err)
		}
	})
	mux.HandleFunc("GET /embed/"+n.id, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embedded</title>
<link rel="icon" href="data:,"><script type="module" src="/player.js"></script></head>
<body><main><h1>A page of its own</h1><p>This page does not mark its paragraphs.</p>
<narrate-player src="%s"></narrate-player></main></body></html>`, base)
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), paths...)
	}
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
