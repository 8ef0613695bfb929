package serve

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// The player a narration's links point at is served: /player.js and the
// listen page of a done narration, marked up for the player.
func TestPlayerAndListenPage(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	_, n := h.post(Request{Text: articleText(7), Title: "Ferry timetable"})
	if done := h.wait(n.ID); done.Status != StatusDone {
		t.Fatalf("narration %+v", done)
	}
	resp := h.do("GET", n.Links.Player, nil, "")
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET %s: %s %s", n.Links.Player, resp.Status, resp.Header.Get("Content-Type"))
	}
	for _, want := range []string{"Ferry timetable", `data-narrate-block="1"`, `src="/v1/narrations/` + n.ID + `?expires=`, "/player.js"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("listen page lacks %q:\n%.600s", want, page)
		}
	}
	resp = h.do("GET", "/player.js", nil, "-")
	js, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "javascript") || !strings.Contains(string(js), "narrate-player") {
		t.Errorf("GET /player.js: %s %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	if resp := h.do("GET", "/listen/"+strings.Repeat("0", 64), nil, ""); resp.StatusCode != http.StatusNotFound {
		t.Errorf("listen page of an unknown id: %s", resp.Status)
	}
	if strings.Contains(string(page), "disclosure=") {
		t.Errorf("listen page sets a disclosure nobody gave:\n%.600s", page)
	}
}

// The newsroom's disclosure line (serve --disclosure) reaches the listen
// page's player, escaped as an attribute.
func TestListenPageDisclosure(t *testing.T) {
	const line = `Voix de synthèse: l'article "lu" par une IA & relu`
	h := newHarness(t, harnessOptions{opts: func(o *Options) { o.Batch.Disclosure = line }})
	_, n := h.post(Request{Text: articleText(3), Title: "Ferry timetable"})
	if done := h.wait(n.ID); done.Status != StatusDone {
		t.Fatalf("narration %+v", done)
	}
	resp := h.do("GET", n.Links.Player, nil, "")
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	want := `disclosure="Voix de synthèse: l&#39;article &#34;lu&#34; par une IA &amp; relu"`
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), want) {
		t.Errorf("GET %s: %s; want %s in:\n%.900s", n.Links.Player, resp.Status, want, page)
	}
}
