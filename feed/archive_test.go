package feed

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/fileblob"

	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/cache"
	_ "github.com/narrate-dev/narrate/tts/fake"
)

// manifest is a small newsroom archive in JSON Lines: sections, bylines with
// one and several authors, publication times (two equal, one missing), and
// titles with the characters real pages put in them. The manifest's title
// is the title: every paragraph of the text is read, the first included.
const manifest = `{"id":"2020/11/harbour-tides","title":"Harbour tides: \"worst in decades\" & rising","byline":"Maren Holt","section":"Local","published":"2020-11-28T07:30:00+01:00","text":"The harbour flooded twice this week after the spring tide met a southerly gale.\n\nEngineers say the sea wall needs raising by half a metre before next winter."}
{"id":"2020/11/budget-vote","title":"Council budget passes 7 < 9 vote? No: 9 > 7","byline":"By Idris Okafor and Maren Holt","section":"Politics","published":"2020-11-29","text":"The council passed next year's budget by nine votes to seven on Thursday night.\n\nIt funds two new schools & a ferry, but cuts library hours."}
{"id":"2020/11/rail-strike","title":"Rail strike called off","byline":"Idris Okafor","section":"politics","published":"2020-11-29","text":"Train drivers called off Monday's strike after a late offer from the operator.\n\nServices will run to the normal timetable."}
{"id":"2020/11/bakery","title":"Bakery's <b>sourdough</b> wins a prize","section":"Local","text":"A bakery on Quay Street won the regional bread prize for its sourdough.\n\nThe owner said the starter is older than she is."}
{"id":"2020/10/storm-warning","title":"Storm warning for the coast","byline":"Maren Holt","section":"Local","published":"2020-10-02T18:00:00Z","lang":"en","text":"Forecasters issued an amber warning for winds of up to ninety kilometres an hour.\n\nFerries to the islands are cancelled until Saturday."}`

// The archive is rendered once per test binary and copied for each test,
// which may change its copy.
var (
	renderOnce   sync.Once
	renderedDir  string
	renderedErr  error
	renderedList []batch.Entry
)

func TestMain(m *testing.M) {
	code := m.Run()
	if renderedDir != "" {
		os.RemoveAll(renderedDir)
	}
	os.Exit(code)
}

// renderArchive returns a file:// archive of the manifest narrated with the
// fake engine: its directory, bucket and entries.
func renderArchive(t testing.TB) (string, *blob.Bucket, []batch.Entry) {
	t.Helper()
	renderOnce.Do(func() { renderedDir, renderedList, renderedErr = render() })
	if renderedErr != nil {
		t.Fatal(renderedErr)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(renderedDir)); err != nil {
		t.Fatal(err)
	}
	out, err := blob.OpenBucket(context.Background(), "file://"+filepath.ToSlash(dir)+"?metadata=skip")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { out.Close() })
	return dir, out, renderedList
}

func render() (string, []batch.Entry, error) {
	ctx := context.Background()
	entries, err := batch.ParseManifest(strings.NewReader(manifest), "archive.jsonl")
	if err != nil {
		return "", nil, err
	}
	dir, err := os.MkdirTemp("", "narrate-feed-test-")
	if err != nil {
		return "", nil, err
	}
	out, err := blob.OpenBucket(ctx, "file://"+filepath.ToSlash(dir)+"?metadata=skip")
	if err != nil {
		return dir, nil, err
	}
	defer out.Close()
	clips, err := cache.OpenURL(ctx, "mem://")
	if err != nil {
		return dir, nil, err
	}
	eng, err := tts.Open(ctx, "fake:", tts.Options{Cache: clips, QPS: -1})
	if err != nil {
		return dir, nil, err
	}
	defer eng.Close()
	r, err := pipeline.New(pipeline.Options{Format: "mp3", SampleRate: 16000, Bitrate: 32, Quality: 9})
	if err != nil {
		return dir, nil, err
	}
	o := batch.Options{Engine: eng, Renderer: r, Jobs: 2, TempDir: dir}
	st, err := batch.Run(ctx, entries, out, o)
	if err == nil && st.Done != len(entries) {
		err = fmt.Errorf("batch: %+v", st)
	}
	return dir, entries, err
}

func TestReadArchive(t *testing.T) {
	ctx := context.Background()
	dir, out, entries := renderArchive(t)
	// Objects that are not done articles: a failure record, a stranger's
	// JSON, a done marker whose audio is gone.
	os.MkdirAll(filepath.Join(dir, "_failed"), 0o755)
	os.WriteFile(filepath.Join(dir, "_failed", "x.json"), []byte(`{"id":"x"}`), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.json"), []byte(`{"hello":"world"}`), 0o644)
	side, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(entries[0].Key)+".json"))
	os.WriteFile(filepath.Join(dir, "lost.json"), []byte(strings.Replace(string(side), entries[0].ID, "lost", 1)), 0o644)

	a, err := ReadArchive(ctx, out, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Episodes) != len(entries) {
		t.Fatalf("%d episodes, want %d: %+v", len(a.Episodes), len(entries), a.Episodes)
	}
	if len(a.Unusable) != 1 || !strings.Contains(a.Unusable[0], "lost.mp3") {
		t.Errorf("unusable %q", a.Unusable)
	}
	byID := map[string]Episode{}
	for _, ep := range a.Episodes {
		byID[ep.ID] = ep
	}
	for _, e := range entries {
		ep, ok := byID[e.ID]
		if !ok {
			t.Fatalf("%s missing", e.ID)
		}
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(e.Key)+".mp3"))
		if err != nil {
			t.Fatal(err)
		}
		if ep.Key != e.Key || ep.Title != e.Title || ep.AudioBytes != fi.Size() || ep.AudioType != "audio/mpeg" ||
			ep.Duration < 3 || ep.Captions != e.Key+".vtt" || ep.Chapters != e.Key+".chapters.json" {
			t.Errorf("%s: %+v (audio %d bytes)", e.ID, ep, fi.Size())
		}
		if ep.Byline != e.Byline || ep.Section != e.Section {
			t.Errorf("%s: byline %q section %q", e.ID, ep.Byline, ep.Section)
		}
		if first := strings.Split(e.Text, "\n\n")[0]; ep.Description != first {
			t.Errorf("%s: description %q, want %q", e.ID, ep.Description, first)
		}
	}
	if p := byID["2020/11/harbour-tides"].Published; p.UTC().Format("2006-01-02 15:04") != "2020-11-28 06:30" {
		t.Errorf("published %v", p)
	}
	// No published time: the render date (when the done marker was written).
	fi, _ := os.Stat(filepath.Join(dir, "2020", "11", "bakery.json"))
	if p := byID["2020/11/bakery"].Published; !p.Equal(fi.ModTime()) {
		t.Errorf("unpublished article dated %v, done marker written %v", p, fi.ModTime())
	}
}
