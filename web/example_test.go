package web_test

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"

	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/web"
)

// A server mounts the player at /player.js and answers /listen/{id} with
// the listen page of that narration's timings.
func ExampleListenPage() {
	timings := &sidecar.Timings{Title: "Ferry Street", Duration: 9, Blocks: []sidecar.BlockTiming{
		{Kind: "title", Text: "Ferry Street", Start: 0, End: 1},
		{Kind: "paragraph", Text: "The reading room opened again.", Start: 2, End: 9},
	}}
	mux := http.NewServeMux()
	mux.Handle("GET /player.js", web.Handler())
	mux.HandleFunc("GET /listen/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		web.ListenPage(w, web.Page{Timings: timings, NarrationURL: "/v1/narrations/" + r.PathValue("id"), Lang: "en"})
	})

	var page bytes.Buffer
	web.ListenPage(&page, web.Page{Timings: timings, NarrationURL: "/v1/narrations/ferry-street", Lang: "en"})
	for _, line := range strings.Split(page.String(), "\n") {
		if strings.Contains(line, "data-narrate-block=\"") || strings.Contains(line, "<narrate-player") {
			fmt.Println(line)
		}
	}
	// Output:
	// <h1 data-narrate-block="0">Ferry Street</h1>
	// <narrate-player src="/v1/narrations/ferry-street" aria-label="Listen to this article"></narrate-player>
	// <p data-narrate-block="1">The reading room opened again.</p>
}

// A narration rendered to story.mp3 with its timings in story.json becomes
// a static listen page with these files next to it.
func ExampleStatic_Names() {
	st := web.Static{Audio: "public/story.mp3", Timings: "public/story.json"}
	fmt.Println(st.Names())
	// Output:
	// [player.js story.narration.json story.chapters.json story.html]
}
