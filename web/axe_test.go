package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// axeVersion is the axe-core release make setup installs under
// .cache/npm (keep in step with AXE_VERSION in the Makefile).
const axeVersion = "4.14.1"

// axeSource returns axe.min.js: $NARRATE_AXE, else what make setup
// installed, else the test skips.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("NARRATE_AXE")
	if path == "" {
		path = filepath.Join("..", ".cache", "npm", "node_modules", "axe-core", "axe.min.js")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("axe-core is not installed (%v): run make setup, or npm install --prefix .cache/npm axe-core@%s", err, axeVersion)
	}
	return string(data)
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// The listen page with a block current and a sentence highlighted, a host
// page with the player's transcript and its resume offer shown, and the
// static layout's page in light and dark, at a desktop's and a phone's
// width, have no axe-core violations at all.
func TestAccessibilityAudit(t *testing.T) {
	axe := axeSource(t)
	n := testNarration(t)
	s := testStory(t)
	storySrv, _ := serveStory(t, s, nil)
	ctx := newTab(t)
	type page struct {
		name, url   string
		w, h        int64
		phone, dark bool
	}
	pages := []page{
		{"listen", n.srv.URL + "/listen/" + n.id, 1100, 900, false, false},
		{"embed", n.srv.URL + "/embed/" + n.id, 1100, 900, false, false},
		{"static 1200", storySrv.URL + "/story.html", 1200, 900, false, false},
		{"static 390", storySrv.URL + "/story.html", 390, 844, true, false},
		{"static 390 dark", storySrv.URL + "/story.html", 390, 844, true, true},
		{"static 1200 dark", storySrv.URL + "/story.html", 1200, 900, false, true},
	}
	for _, p := range pages {
		view(t, ctx, p.w, p.h, p.phone, p.dark)
		openPlayer(t, ctx, p.url)
		eval[bool](t, ctx, `(async () => { const el = document.querySelector('narrate-player');
			el.seekToBlock(3); await el.play(); await new Promise(r => setTimeout(r, 200)); el.pause(); return true })()`)
		eval[bool](t, ctx, axe+";true")
		all := eval[[]axeViolation](t, ctx, `axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)`)
		for _, v := range all {
			var where []string
			for _, n := range v.Nodes {
				where = append(where, n.HTML)
			}
			t.Errorf("%s: %s violation %s (%s) at %s", p.name, v.Impact, v.ID, v.Help, strings.Join(where, " | "))
		}
		t.Logf("%s: axe-core %s: %d violations", p.name, axeVersion, len(all))
	}
	// The audit sees the page: an image without a text alternative is found.
	found := eval[bool](t, ctx, `(async () => { document.querySelector('main').append(Object.assign(document.createElement('img'), {src: 'data:,'}));
		const r = await axe.run(document, {resultTypes: ['violations']}); return r.violations.some(v => v.id === 'image-alt') })()`)
	if !found {
		t.Error("axe-core did not report an image without alt text: the audit is not looking at the page")
	}
}
