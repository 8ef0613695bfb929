package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"path"
	"strconv"
	"strings"
	"testing"
	"time"

	"gocloud.dev/blob"
	"golang.org/x/net/html"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/web"
)

// playerManifest is genManifest's articles in news/2024/ plus one at the
// top of the bucket, so two directories get a player.js.
func playerManifest(t *testing.T) []Entry {
	entries := genManifest(t, 3)
	line := `{"id": "front page", "title": "Front page", "lang": "en", "text": "The tide came in early today.\n\nThe ferry waited for the water to settle before it left."}`
	top, err := ParseManifest(strings.NewReader(line+"\n"), "top.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return append(entries, top...)
}

// snapshot is every object of a bucket with its bytes and time.
type snapshot map[string]struct {
	data []byte
	mod  time.Time
	typ  string
}

func snap(t *testing.T, b *blob.Bucket) snapshot {
	t.Helper()
	ctx := context.Background()
	s := snapshot{}
	it := b.List(nil)
	for {
		obj, err := it.Next(ctx)
		if err != nil {
			break
		}
		data, err := b.ReadAll(ctx, obj.Key)
		if err != nil {
			t.Fatal(err)
		}
		a, err := b.Attributes(ctx, obj.Key)
		if err != nil {
			t.Fatal(err)
		}
		s[obj.Key] = struct {
			data []byte
			mod  time.Time
			typ  string
		}{data, a.ModTime, a.ContentType}
	}
	return s
}

// checkPlayer checks an article's listen page and player document: the
// page loads player.js of its directory and plays <key>.narration.json,
// whose links name the article's audio, sidecar, captions and chapters,
// all present; the page marks every block of the timings, in order.
func checkPlayer(t *testing.T, s snapshot, e Entry, lang string) {
	t.Helper()
	dir, base := path.Dir(e.Key), path.Base(e.Key)
	var sc archive.Sidecar
	if err := json.Unmarshal(s[archive.SidecarObject(e.Key)].data, &sc); err != nil {
		t.Fatalf("%s: sidecar: %v", e.ID, err)
	}
	if js, ok := s[path.Join(dir, "player.js")]; !ok || !bytes.Equal(js.data, web.PlayerJS()) || js.typ != "text/javascript; charset=utf-8" {
		t.Errorf("%s: player.js of %s: present %v, type %q", e.ID, dir, ok, js.typ)
	}
	doc, ok := s[e.Key+".narration.json"]
	if !ok || doc.typ != "application/json" {
		t.Fatalf("%s: no player document (type %q)", e.ID, doc.typ)
	}
	var n web.Narration
	if err := json.Unmarshal(doc.data, &n); err != nil {
		t.Fatalf("%s: player document: %v", e.ID, err)
	}
	want := web.Links{Audio: base + ".mp3", Timings: base + ".json", Captions: base + ".vtt",
		Chapters: base + ".chapters.json", Player: base + ".html"}
	if n.ID != e.Key || n.Status != "done" || n.Duration != sc.Duration || n.Links != want {
		t.Errorf("%s: player document %+v, want id %q, done, duration %v, links %+v", e.ID, n, e.Key, sc.Duration, want)
	}
	for _, l := range []string{n.Links.Audio, n.Links.Timings, n.Links.Captions, n.Links.Chapters, n.Links.Player} {
		if _, ok := s[path.Join(dir, l)]; !ok {
			t.Errorf("%s: the player document links %s, not in the bucket", e.ID, l)
		}
	}
	page, ok := s[e.Key+".html"]
	if !ok || page.typ != "text/html; charset=utf-8" {
		t.Fatalf("%s: no listen page (type %q)", e.ID, page.typ)
	}
	root, err := html.Parse(bytes.NewReader(page.data))
	if err != nil {
		t.Fatal(err)
	}
	var scripts, players []string
	var blocks []int
	var texts []string
	var htmlLang string
	for node := range root.Descendants() {
		if node.Type != html.ElementNode {
			continue
		}
		attr := map[string]string{}
		for _, a := range node.Attr {
			attr[a.Key] = a.Val
		}
		switch node.Data {
		case "html":
			htmlLang = attr["lang"]
		case "script":
			scripts = append(scripts, attr["type"]+" "+attr["src"])
		case "narrate-player":
			players = append(players, attr["src"])
		}
		if v, ok := attr["data-narrate-block"]; ok {
			i, err := strconv.Atoi(v)
			if err != nil {
				t.Errorf("%s: data-narrate-block=%q", e.ID, v)
			}
			blocks = append(blocks, i)
			var text strings.Builder
			for c := range node.Descendants() {
				if c.Type == html.TextNode {
					text.WriteString(c.Data)
				}
			}
			texts = append(texts, strings.TrimSpace(text.String()))
		}
	}
	if len(scripts) != 1 || scripts[0] != "module player.js" || len(players) != 1 || players[0] != base+".narration.json" {
		t.Errorf("%s: page scripts %q, players %q; want the module player.js and %s.narration.json", e.ID, scripts, players, base)
	}
	if htmlLang != lang {
		t.Errorf("%s: <html lang=%q>, want %q", e.ID, htmlLang, lang)
	}
	if len(blocks) != len(sc.Blocks) {
		t.Fatalf("%s: page marks %d blocks, the timings have %d", e.ID, len(blocks), len(sc.Blocks))
	}
	for i, b := range sc.Blocks {
		if blocks[i] != i || texts[i] != b.Text {
			t.Errorf("%s: marked block %d is %d %q, want %d %q", e.ID, i, blocks[i], texts[i], i, b.Text)
		}
	}
}

// With Player, every article gets its listen page and player document and
// every directory its player.js, none of which a report or feed takes for
// a sidecar; a rerun writes nothing and reaches no engine.
func TestRunWritesPlayer(t *testing.T) {
	ctx := context.Background()
	entries := playerManifest(t)
	out := memBucket(t)
	o := Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, Jobs: 2, TempDir: t.TempDir(), Player: true}
	if st, err := Run(ctx, entries, out, o); err != nil || st.Done != len(entries) || st.Failed != 0 {
		t.Fatalf("%+v %v", st, err)
	}
	first := snap(t, out)
	for _, e := range entries {
		checkPlayer(t, first, e, "en")
		checkCompanions(t, out, e)
	}
	// Per article: audio, sidecar, captions, chapters, page, document; and
	// one player.js per directory.
	if want := 6*len(entries) + 2; len(first) != want {
		t.Errorf("%d objects, want %d", len(first), want)
	}
	if rep, err := archive.MakeReport(ctx, out, Keys(entries), nil, 2); err != nil || rep.Done != len(entries) || *rep.Pending != 0 {
		t.Errorf("report %+v %v", rep, err)
	}

	o.Engine = openEngine(t, "fake:") // a fresh meter
	st, err := Run(ctx, entries, out, o)
	if err != nil || st.Skipped != len(entries) || st.Done != 0 || st.Backfilled != 0 {
		t.Fatalf("rerun %+v %v", st, err)
	}
	if m := o.Engine.Stats(); m.Requests != 0 {
		t.Errorf("rerun reached the engine: %+v", m)
	}
	again := snap(t, out)
	for name, a := range first {
		b := again[name]
		if !bytes.Equal(a.data, b.data) || !a.mod.Equal(b.mod) {
			t.Errorf("rerun rewrote %s", name)
		}
	}
	if len(again) != len(first) {
		t.Errorf("rerun left %d objects, was %d", len(again), len(first))
	}
}

// A rerun with Player over an archive made without it adds the player's
// objects from the timings, byte for byte what a render with Player
// writes, without one engine request; it replaces a player.js that is not
// this narrate's and a page that was deleted.
func TestBackfillPlayer(t *testing.T) {
	ctx := context.Background()
	entries := playerManifest(t)
	withPlayer := memBucket(t)
	o := Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, Jobs: 2, TempDir: t.TempDir(), Player: true}
	if st, err := Run(ctx, entries, withPlayer, o); err != nil || st.Done != len(entries) {
		t.Fatalf("%+v %v", st, err)
	}
	rendered := snap(t, withPlayer)

	out := memBucket(t)
	o.Player = false
	if st, err := Run(ctx, entries, out, o); err != nil || st.Done != len(entries) {
		t.Fatalf("%+v %v", st, err)
	}
	for name := range snap(t, out) {
		if strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".js") || strings.HasSuffix(name, ".narration.json") {
			t.Errorf("without Player: %s written", name)
		}
	}
	o.Player = true
	o.Engine = openEngine(t, "fake:")
	st, err := Run(ctx, entries, out, o)
	if err != nil || st.Skipped != len(entries) || st.Backfilled != len(entries) || st.Failed != 0 {
		t.Fatalf("rerun with Player %+v %v", st, err)
	}
	if m := o.Engine.Stats(); m.Requests != 0 {
		t.Errorf("backfill reached the engine: %+v", m)
	}
	got := snap(t, out)
	for name, want := range rendered {
		if !bytes.Equal(got[name].data, want.data) || got[name].typ != want.typ {
			t.Errorf("%s: backfilled object differs from the rendered one", name)
		}
	}

	// An older narrate's player.js, a deleted page.
	if err := out.WriteAll(ctx, "news/2024/player.js", []byte("// older\n"), nil); err != nil {
		t.Fatal(err)
	}
	if err := out.Delete(ctx, entries[1].Key+".html"); err != nil {
		t.Fatal(err)
	}
	before := snap(t, out)
	st, err = Run(ctx, entries, out, o)
	if err != nil || st.Skipped != len(entries) || st.Backfilled != 1 {
		t.Fatalf("third run %+v %v", st, err)
	}
	after := snap(t, out)
	for _, e := range entries {
		checkPlayer(t, after, e, "en")
	}
	for name, a := range after {
		b, ok := before[name]
		rewritten := !ok || !a.mod.Equal(b.mod)
		// The page's article gets its page and player document again.
		want := name == "news/2024/player.js" || name == entries[1].Key+".html" || name == entries[1].Key+".narration.json"
		if rewritten != want {
			t.Errorf("third run: %s rewritten %v, want %v", name, rewritten, want)
		}
	}
}

// No article's sidecar can be another's player document.
func TestPlayerObjectsAreNotSidecars(t *testing.T) {
	key, err := archive.SanitizeID("2024/tides.narration")
	if err != nil || key != "2024/tides_narration" {
		t.Errorf("SanitizeID(2024/tides.narration) = %q, %v", key, err)
	}
	st := web.Static{Audio: "2024/tides.mp3", Timings: "2024/tides.json"}
	for _, name := range st.Names() {
		if k, ok := archive.SidecarKey(path.Join("2024", name)); ok {
			t.Errorf("SidecarKey(%q) = %q: a player's file taken for a sidecar", name, k)
		}
	}
}
