package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fsouza/fake-gcs-server/fakestorage"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/cache"
)

const base = "https://audio.example.org/news/"

func build(t *testing.T, b *blob.Bucket, o Options) (*Feed, []byte) {
	t.Helper()
	f, err := Build(context.Background(), b, o)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := f.WriteTo(&buf)
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("WriteTo: %d of %d bytes, %v", n, buf.Len(), err)
	}
	return f, buf.Bytes()
}

// feedparser finds a Python with Debian's python3-feedparser.
func feedparser(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if p, err := exec.LookPath(py); err == nil && exec.Command(p, "-c", "import feedparser").Run() == nil {
			return p
		}
	}
	t.Skip("no python3 with feedparser (Debian python3-feedparser; make setup installs it)")
	return ""
}

// parseScript prints what feedparser read, as JSON.
const parseScript = `
import json, sys, feedparser
d = feedparser.parse(sys.argv[1])
def entry(e):
    return {
        "id": e.get("id"), "guidislink": e.get("guidislink"), "title": e.get("title"),
        "published": e.get("published"), "summary": e.get("summary"),
        "enclosures": [{"href": l.get("href"), "length": l.get("length"), "type": l.get("type")} for l in e.get("links", []) if l.get("rel") == "enclosure"],
        "duration": e.get("itunes_duration"),
        "transcript": e.get("podcast_transcript"), "chapters": e.get("podcast_chapters"),
        "link": e.get("link"), "author": e.get("author"),
    }
f = d.feed
print(json.dumps({
    "bozo": bool(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")), "version": d.get("version"),
    "namespaces": d.get("namespaces", {}),
    "feed": {"title": f.get("title"), "link": f.get("link"), "description": f.get("subtitle"), "language": f.get("language"),
             "author": f.get("author"), "image": (f.get("image") or {}).get("href"),
             "categories": [t.get("term") for t in f.get("tags", [])], "has_explicit": "itunes_explicit" in f},
    "entries": [entry(e) for e in d.entries],
}))
`

type parsed struct {
	Bozo          bool              `json:"bozo"`
	BozoException string            `json:"bozo_exception"`
	Version       string            `json:"version"`
	Namespaces    map[string]string `json:"namespaces"`
	Feed          struct {
		Title, Link, Description, Language, Author, Image string
		Categories                                        []string
		HasExplicit                                       bool `json:"has_explicit"`
	} `json:"feed"`
	Entries []struct {
		ID, Title, Published, Summary, Duration string
		Link, Author                            string
		GUIDIsLink                              bool `json:"guidislink"`
		Enclosures                              []struct{ Href, Length, Type string }
		Transcript, Chapters                    map[string]string
	} `json:"entries"`
}

func parseWithFeedparser(t *testing.T, py string, feed []byte) *parsed {
	t.Helper()
	path := filepath.Join(t.TempDir(), "feed.xml")
	if err := os.WriteFile(path, feed, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", parseScript, path).Output()
	if err != nil {
		t.Fatalf("feedparser: %v", err)
	}
	var p parsed
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatalf("feedparser output: %v\n%s", err, out)
	}
	return &p
}

// TestFeedparserReadsFeed is the acceptance test: a small archive
// rendered with the fake engine, its feed read by feedparser, every link
// followed back into the archive.
func TestFeedparserReadsFeed(t *testing.T) {
	py := feedparser(t)
	dir, out, entries := renderArchive(t)
	f, data := build(t, out, Options{BaseURL: base, Title: "The Quay & Harbour <Gazette>", Link: "https://example.org/",
		Image: "https://example.org/art.jpg", Description: "Every article, read aloud"})
	p := parseWithFeedparser(t, py, data)
	if p.Bozo || p.Version != "rss20" {
		t.Fatalf("feedparser: bozo %v (%s), version %q", p.Bozo, p.BozoException, p.Version)
	}
	if p.Namespaces["itunes"] != NamespaceITunes || p.Namespaces["podcast"] != NamespacePodcast {
		t.Errorf("namespaces %v", p.Namespaces)
	}
	ch := p.Feed
	if ch.Title != "The Quay & Harbour <Gazette>" || ch.Link != "https://example.org/" || ch.Language != "en" ||
		ch.Author != "The Quay & Harbour <Gazette>" || ch.Image != "https://example.org/art.jpg" || !ch.HasExplicit ||
		strings.Join(ch.Categories, "/") != DefaultCategory || ch.Description != "Every article, read aloud" {
		t.Errorf("channel %+v", ch)
	}
	if len(p.Entries) != len(entries) || len(f.Items) != len(entries) {
		t.Fatalf("%d entries, want %d", len(p.Entries), len(entries))
	}
	// Newest first, ties by id; the unpublished bakery story is dated by
	// its render, today.
	wantOrder := []string{"2020/11/bakery", "2020/11/budget-vote", "2020/11/rail-strike", "2020/11/harbour-tides", "2020/10/storm-warning"}
	byID := map[string]batch.Entry{}
	for _, e := range entries {
		byID[e.ID] = e
	}
	for i, e := range p.Entries {
		if e.ID != wantOrder[i] {
			t.Errorf("entry %d is %q, want %q", i, e.ID, wantOrder[i])
		}
		src := byID[e.ID]
		if e.GUIDIsLink || e.Title != src.Title {
			t.Errorf("%s: title %q (want %q), guid is link %v", e.ID, e.Title, src.Title, e.GUIDIsLink)
		}
		if first := strings.Split(src.Text, "\n\n")[0]; htmlText(e.Summary) != first {
			t.Errorf("%s: description %q, want %q", e.ID, e.Summary, first)
		}
		if src.Published != "" {
			pub, _ := archive.ParsePublished(src.Published)
			if got, err := time.Parse(time.RFC1123Z, e.Published); err != nil || !got.Equal(pub) {
				t.Errorf("%s: pubDate %q, published %q", e.ID, e.Published, src.Published)
			}
		}
		if len(e.Enclosures) != 1 {
			t.Fatalf("%s: enclosures %+v", e.ID, e.Enclosures)
		}
		enc := e.Enclosures[0]
		audio := objectPath(t, dir, enc.Href)
		fi, err := os.Stat(audio)
		if err != nil || enc.Length != fmt.Sprint(fi.Size()) || enc.Type != "audio/mpeg" || !strings.HasSuffix(audio, ".mp3") {
			t.Errorf("%s: enclosure %+v, file %v", e.ID, enc, err)
		}
		var secs int
		if _, err := fmt.Sscan(e.Duration, &secs); err != nil || secs < 3 {
			t.Errorf("%s: duration %q", e.ID, e.Duration)
		}
		if e.Transcript["type"] != "text/vtt" || e.Transcript["rel"] != "captions" {
			t.Errorf("%s: transcript %v", e.ID, e.Transcript)
		}
		vtt, err := os.ReadFile(objectPath(t, dir, e.Transcript["url"]))
		if err != nil || !bytes.HasPrefix(vtt, []byte("WEBVTT\n")) {
			t.Errorf("%s: transcript file: %v %.20q", e.ID, err, vtt)
		}
		if e.Chapters["type"] != "application/json+chapters" {
			t.Errorf("%s: chapters %v", e.ID, e.Chapters)
		}
		raw, err := os.ReadFile(objectPath(t, dir, e.Chapters["url"]))
		if err != nil {
			t.Fatalf("%s: chapters file: %v", e.ID, err)
		}
		var pc sidecar.PodcastChapters
		if err := json.Unmarshal(raw, &pc); err != nil || pc.Version != "1.2.0" || len(pc.Chapters) == 0 {
			t.Errorf("%s: chapters %s: %v", e.ID, raw, err)
		}
		for i := 1; i < len(pc.Chapters); i++ {
			if pc.Chapters[i].StartTime <= pc.Chapters[i-1].StartTime || float64(secs)+1 < pc.Chapters[i].StartTime {
				t.Errorf("%s: chapters out of order or past the end: %+v", e.ID, pc.Chapters)
			}
		}
	}
}

// objectPath maps a feed URL back to the archive's file.
func objectPath(t *testing.T, dir, u string) string {
	t.Helper()
	rel, ok := strings.CutPrefix(u, base)
	if !ok {
		t.Fatalf("URL %q is not under %s", u, base)
	}
	return filepath.Join(dir, filepath.FromSlash(rel))
}

// htmlText is the text an HTML description shows (entities resolved).
func htmlText(s string) string {
	var b strings.Builder
	d := xml.NewDecoder(strings.NewReader("<x>" + s + "</x>"))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		if cd, ok := tok.(xml.CharData); ok {
			b.Write(cd)
		}
	}
	return b.String()
}

func TestFeedDeterministicAndEscaped(t *testing.T) {
	_, out, _ := renderArchive(t)
	o := Options{BaseURL: "https://audio.example.org/news", Title: `A "quoted" & <bold> title`}
	_, a := build(t, out, o)
	_, b := build(t, out, o)
	if !bytes.Equal(a, b) {
		t.Fatal("two feeds of the same archive differ")
	}
	// Well-formed for a strict parser too, with the text back as written.
	var doc struct {
		Channel struct {
			Title string `xml:"title"`
			Items []struct {
				Title string `xml:"title"`
			} `xml:"item"`
		} `xml:"channel"`
	}
	if err := xml.Unmarshal(a, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Channel.Title != o.Title {
		t.Errorf("title %q", doc.Channel.Title)
	}
	for _, want := range []string{`Harbour tides: "worst in decades" & rising`, `Council budget passes 7 < 9 vote? No: 9 > 7`, `Bakery's <b>sourdough</b> wins a prize`} {
		found := false
		for _, it := range doc.Channel.Items {
			found = found || it.Title == want
		}
		if !found {
			t.Errorf("no item titled %q", want)
		}
	}
	for _, want := range []string{
		`<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">`,
		`<guid isPermaLink="false">2020/11/harbour-tides</guid>`,
		`<enclosure url="https://audio.example.org/news/2020/11/harbour-tides.mp3" length="`,
		`<itunes:explicit>false</itunes:explicit>`,
		`<itunes:category text="News">`,
		`<podcast:transcript url="https://audio.example.org/news/2020/11/harbour-tides.vtt" type="text/vtt" rel="captions">`,
		`<podcast:chapters url="https://audio.example.org/news/2020/11/harbour-tides.chapters.json" type="application/json+chapters">`,
		`<pubDate>Sat, 28 Nov 2020 07:30:00 +0100</pubDate>`,
	} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("feed lacks %s", want)
		}
	}
	if bytes.Contains(a, []byte("lastBuildDate")) || bytes.Contains(a, []byte("<itunes:image")) {
		t.Error("feed has a build date or an image nobody asked for")
	}
}

func TestFeedSelect(t *testing.T) {
	_, out, _ := renderArchive(t)
	ids := func(o Options) []string {
		o.BaseURL, o.Title = base, "T"
		f, err := Build(context.Background(), out, o)
		if err != nil {
			t.Fatal(err)
		}
		var s []string
		for _, it := range f.Items {
			s = append(s, it.ID)
		}
		return s
	}
	for _, tc := range []struct {
		o    Options
		want string
	}{
		{Options{Section: "local"}, "2020/11/bakery 2020/11/harbour-tides 2020/10/storm-warning"},
		{Options{Section: " Politics "}, "2020/11/budget-vote 2020/11/rail-strike"},
		{Options{Author: "maren holt"}, "2020/11/budget-vote 2020/11/harbour-tides 2020/10/storm-warning"},
		{Options{Author: "By Idris Okafor", Section: "politics"}, "2020/11/budget-vote 2020/11/rail-strike"},
		{Options{Author: "Holt"}, ""},
		{Options{Section: "Local", Limit: 2}, "2020/11/bakery 2020/11/harbour-tides"},
		{Options{Limit: 1}, "2020/11/bakery"},
	} {
		if got := strings.Join(ids(tc.o), " "); got != tc.want {
			t.Errorf("%+v: got %q, want %q", tc.o, got, tc.want)
		}
	}
}

func TestFeedMissingCompanions(t *testing.T) {
	dir, out, entries := renderArchive(t)
	os.Remove(filepath.Join(dir, filepath.FromSlash(archive.CaptionsObject(entries[0].Key))))
	os.Remove(filepath.Join(dir, filepath.FromSlash(archive.ChaptersObject(entries[1].Key))))
	f, data := build(t, out, Options{BaseURL: base, Title: "T"})
	if f.MissingCompanions != 2 {
		t.Errorf("%d items without captions or chapters, want 2", f.MissingCompanions)
	}
	if n := bytes.Count(data, []byte("<podcast:transcript ")); n != len(entries)-1 {
		t.Errorf("%d transcripts, want %d", n, len(entries)-1)
	}
	if n := bytes.Count(data, []byte("<podcast:chapters ")); n != len(entries)-1 {
		t.Errorf("%d chapters, want %d", n, len(entries)-1)
	}
}

func TestOptionsCheck(t *testing.T) {
	ok := Options{BaseURL: base, Title: "T"}
	for _, tc := range []struct {
		edit func(*Options)
		want string
	}{
		{func(o *Options) { o.Title = " " }, "no title"},
		{func(o *Options) { o.BaseURL = "" }, "no base URL"},
		{func(o *Options) { o.BaseURL = "audio/" }, "base URL"},
		{func(o *Options) { o.BaseURL = "ftp://x/" }, "base URL"},
		{func(o *Options) { o.Image = "art.jpg" }, "image"},
		{func(o *Options) { o.Link = "//example.org" }, "link"},
		{func(o *Options) { o.Language = "english!" }, "language"},
		{func(o *Options) { o.Category = "Newz" }, "not an Apple Podcasts category"},
		{func(o *Options) { o.Limit = -1 }, "negative"},
	} {
		o := ok
		tc.edit(&o)
		if err := o.Check(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want %q", o, err, tc.want)
		}
	}
	if _, err := New(nil, Options{BaseURL: base + "?x=1", Title: "T"}); err == nil {
		t.Error("base URL with a query accepted")
	}
	o := ok
	o.Category, o.Language = "technology", "de-CH"
	if err := o.Check(); err != nil {
		t.Error(err)
	}
}

// TestFeedObjectStores gives the same archive on gs:// and s3:// (served
// in-process, through the real gocloud drivers) and on file://: the three
// feeds are the same bytes.
func TestFeedObjectStores(t *testing.T) {
	ctx := context.Background()
	_, src, _ := renderArchive(t)
	o := Options{BaseURL: base, Title: "T"}
	// Dates from the manifest only: a copied object's time is its copy's.
	a, err := ReadArchive(ctx, src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var dated []Episode
	for _, ep := range a.Episodes {
		if ep.ID != "2020/11/bakery" {
			dated = append(dated, ep)
		}
	}
	want := writeFeed(t, dated, o)

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	gcs, err := fakestorage.NewServerWithOptions(fakestorage.Options{Scheme: "http", Host: "127.0.0.1", Port: uint16(port), PublicHost: fmt.Sprintf("127.0.0.1:%d", port)})
	if err != nil {
		t.Fatal(err)
	}
	defer gcs.Stop()
	gcs.CreateBucketWithOpts(fakestorage.CreateBucketOpts{Name: "newsroom"})
	s3 := httptest.NewServer(gofakes3.New(s3mem.New(), gofakes3.WithAutoBucket(true)).Server())
	defer s3.Close()
	t.Setenv("STORAGE_EMULATOR_HOST", strings.TrimPrefix(gcs.URL(), "http://"))
	t.Setenv("AWS_ACCESS_KEY_ID", "test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test")
	t.Setenv("AWS_REGION", "us-east-1")
	s3URL := "s3://newsroom/audio?endpoint=" + s3.URL + "&use_path_style=true&disable_https=true&region=us-east-1"
	for _, u := range []string{"gs://newsroom/audio", s3URL} {
		t.Run(strings.SplitN(u, ":", 2)[0], func(t *testing.T) {
			dst, err := cache.Open(ctx, u)
			if err != nil {
				t.Fatal(err)
			}
			defer dst.Close()
			copyBucket(t, src, dst)
			b, err := ReadArchive(ctx, dst, 4)
			if err != nil {
				t.Fatal(err)
			}
			var got []Episode
			for _, ep := range b.Episodes {
				if ep.ID != "2020/11/bakery" {
					got = append(got, ep)
				}
			}
			if feed := writeFeed(t, got, o); !bytes.Equal(feed, want) {
				t.Errorf("feed from %s differs from file://:\n%s\nwant\n%s", u, feed, want)
			}
		})
	}
}

func writeFeed(t *testing.T, eps []Episode, o Options) []byte {
	t.Helper()
	f, err := New(eps, o)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func copyBucket(t *testing.T, src, dst *blob.Bucket) {
	t.Helper()
	ctx := context.Background()
	it := src.List(nil)
	for {
		obj, err := it.Next(ctx)
		if err != nil {
			break
		}
		data, err := src.ReadAll(ctx, obj.Key)
		if err != nil {
			t.Fatal(err)
		}
		if err := dst.WriteAll(ctx, obj.Key, data, nil); err != nil {
			t.Fatal(err)
		}
	}
}

// An item names its article's authors (the byline, without its "By") and
// links to the article's page when the manifest gave its URL, as feedparser
// reads them.
func TestItemAuthorAndLink(t *testing.T) {
	py := feedparser(t)
	page := `<!doctype html><html lang="en"><head><title>Ferry fares frozen</title></head><body><article>
<h1>Ferry fares frozen</h1><p class="byline">By Idris Okafor and Maren Holt</p>
<p>The ferry company will keep this year's fares for another twelve months, its board said on Friday.</p>
<p>Season tickets bought before March stay valid until the end of the year.</p></article></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	}))
	defer srv.Close()
	ctx := context.Background()
	url := srv.URL + "/2020/12/ferry-fares?ref=feed&x=1"
	lines := fmt.Sprintf(`{"id":"2020/12/ferry-fares","url":%q,"published":"2020-12-04"}`+"\n"+
		`{"id":"2020/12/no-url","title":"Quiet night","text":"From the newsroom\n\nNothing happened in the harbour last night, the coastguard said."}`, url)
	entries, err := batch.ParseManifest(strings.NewReader(lines), "archive.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	out, err := blob.OpenBucket(ctx, "mem://")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	eng, err := tts.Open(ctx, "fake:", tts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	r, err := pipeline.New(pipeline.Options{Format: "mp3", SampleRate: 16000, Bitrate: 32, Quality: 9})
	if err != nil {
		t.Fatal(err)
	}
	if st, err := batch.Run(ctx, entries, out, batch.Options{Engine: eng, Renderer: r, TempDir: t.TempDir()}); err != nil || st.Done != 2 {
		t.Fatalf("batch: %+v %v", st, err)
	}
	_, data := build(t, out, Options{BaseURL: base, Title: "The Gazette"})
	p := parseWithFeedparser(t, py, data)
	if len(p.Entries) != 2 {
		t.Fatalf("%d entries", len(p.Entries))
	}
	for _, e := range p.Entries {
		switch e.ID {
		case "2020/12/ferry-fares":
			if e.Link != url || e.Author != "Idris Okafor and Maren Holt" {
				t.Errorf("%s: link %q, author %q; want %q and the byline", e.ID, e.Link, e.Author, url)
			}
		default:
			if e.Link != "" || e.Author != "" {
				t.Errorf("%s (no URL, no byline): link %q, author %q", e.ID, e.Link, e.Author)
			}
		}
	}
}

// Items whose audio podcast apps do not play (a WAV archive) are counted,
// so that the command can say so: the feed used to list them as
// enclosures without a word, and Apple Podcasts refuses such a feed.
func TestFeedUnplayableAudio(t *testing.T) {
	eps := []Episode{
		{ID: "a", Audio: "a.mp3", AudioType: "audio/mpeg", AudioBytes: 10},
		{ID: "b", Audio: "b.wav", AudioType: "audio/wav", AudioBytes: 10},
		{ID: "c", Audio: "c.wav", AudioType: "audio/wav", AudioBytes: 10},
	}
	f, err := New(eps, Options{BaseURL: base, Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	if f.Unplayable != 2 {
		t.Errorf("%d items of audio podcast apps do not play, want 2", f.Unplayable)
	}
}
