package publish_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gocloud.dev/blob"
	"gocloud.dev/blob/memblob"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts"
	_ "github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/web"
)

const story = "Tide tables change\n\nThe harbour flooded twice this week. Engineers blame the spring tide.\n\nA new wall is planned for May."

func fixture(t testing.TB) (*pipeline.Renderer, *article.Document, *tts.Engine) {
	t.Helper()
	eng, err := tts.Open(context.Background(), "fake:", tts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	doc, err := article.Parse([]byte(story), "tides.txt", article.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r, doc, eng
}

// Article writes every named output into a directory, the player's next to
// the audio with its chapters file once; captions take their format from
// the name.
func TestArticleToDir(t *testing.T) {
	r, doc, eng := fixture(t)
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	st := web.Static{Audio: p("tides.mp3"), Timings: p("tides.json"), Captions: p("tides.srt"), Chapters: sidecar.ChaptersParagraphs}
	o := publish.Outputs{Audio: st.Audio, Timings: st.Timings, Captions: st.Captions, Player: &st}
	res, err := publish.Article(context.Background(), r, doc, eng, publish.Dir{}, o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Duration() <= 0 || res.Timings == nil {
		t.Fatalf("result %+v", res)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	want := "player.js tides.chapters.json tides.html tides.json tides.mp3 tides.narration.json tides.srt"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("wrote %s, want %s", got, want)
	}
	if srt, _ := os.ReadFile(p("tides.srt")); !strings.HasPrefix(string(srt), "1\n") {
		t.Errorf("captions are not SubRip: %.40q", srt)
	}
}

// A bucket gets each output as an object of its content type; a rerun that
// names outputs already present writes only the others.
func TestArticleToBucket(t *testing.T) {
	ctx := context.Background()
	r, doc, eng := fixture(t)
	b := memblob.OpenBucket(nil)
	defer b.Close()
	d := publish.Bucket{Bucket: b, TempDir: t.TempDir()}
	st := web.Static{Audio: "news/tides.mp3", Timings: "news/tides.json", Captions: "news/tides.vtt", Chapters: sidecar.ChaptersParagraphs}
	o := publish.Outputs{Audio: st.Audio, Timings: st.Timings, Captions: st.Captions, Chapters: "news/tides.chapters.json", Player: &st}
	res, err := publish.Article(ctx, r, doc, eng, d, o)
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]string{
		"news/tides.mp3": "audio/mpeg", "news/tides.json": sidecar.TimingsType, "news/tides.vtt": sidecar.VTTType,
		"news/tides.chapters.json": sidecar.ChaptersType, "news/player.js": "text/javascript; charset=utf-8",
		"news/tides.narration.json": "application/json", "news/tides.html": "text/html; charset=utf-8",
	}
	mods := map[string]any{}
	for name, typ := range types {
		a, err := b.Attributes(ctx, name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if a.ContentType != typ {
			t.Errorf("%s: content type %q, want %q", name, a.ContentType, typ)
		}
		mods[name] = a.ModTime
	}
	if err := b.Delete(ctx, "news/tides.html"); err != nil {
		t.Fatal(err)
	}
	o.Present = []string{o.Timings, o.Captions, o.Chapters}
	if err := publish.Companions(ctx, res.Timings, d, o); err != nil {
		t.Fatal(err)
	}
	for _, name := range o.Present {
		if a, err := b.Attributes(ctx, name); err != nil || a.ModTime != mods[name] {
			t.Errorf("%s written again (%v)", name, err)
		}
	}
	if ok, _ := b.Exists(ctx, "news/tides.html"); !ok {
		t.Error("the missing page was not written")
	}
}

// failing is a Dest whose writes fail after fill has run.
type failing struct{}

func (failing) Write(_ context.Context, name, _ string, fill func(io.Writer) error) error {
	f, err := os.CreateTemp("", "publish-test-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := fill(f); err != nil {
		return err
	}
	return fmt.Errorf("write %s: disk full", name)
}

// A Dest that fails is a *WriteError naming the output; a render that
// fails is the render's error, not a WriteError, and nothing is written.
func TestArticleErrors(t *testing.T) {
	r, doc, eng := fixture(t)
	_, err := publish.Article(context.Background(), r, doc, eng, failing{}, publish.Outputs{Audio: "a.mp3"})
	var we *publish.WriteError
	if !errors.As(err, &we) || we.What != "audio" || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("failing dest: %v", err)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "a.txt")
	_, err = publish.Article(context.Background(), r, doc, eng, publish.Dir{}, publish.Outputs{Audio: filepath.Join(dir, "a.mp3"), Captions: bad})
	if !errors.As(err, &we) || we.What != "captions" {
		t.Errorf("captions of no known format: %v", err)
	}
	if _, err := os.Stat(bad); !os.IsNotExist(err) {
		t.Errorf("refused captions written: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b := memblob.OpenBucket(nil)
	defer b.Close()
	_, err = publish.Article(ctx, r, doc, eng, publish.Bucket{Bucket: b}, publish.Outputs{Audio: "a.mp3", Timings: "a.json"})
	if err == nil || errors.As(err, &we) {
		t.Errorf("cancelled render: %v", err)
	}
	if objs, _, _ := b.ListPage(context.Background(), blob.FirstPageToken, 10, nil); len(objs) != 0 {
		t.Errorf("a failed render left %d objects", len(objs))
	}
}
