package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fsouza/fake-gcs-server/fakestorage"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"gocloud.dev/blob"
	_ "gocloud.dev/blob/memblob"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/store"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/cache"
	_ "github.com/narrate-dev/narrate/tts/fake"
	_ "github.com/narrate-dev/narrate/tts/openai"
)

// genManifest makes n short articles whose every sentence is unique.
func genManifest(t testing.TB, n int) []Entry {
	var b strings.Builder
	for i := 0; i < n; i++ {
		e := Entry{ID: fmt.Sprintf("news/2024/story-%03d", i), Title: fmt.Sprintf("Story number %d", i),
			Text: fmt.Sprintf("The council met on day %d to discuss the harbour.\n\nResidents of district %d asked for more buses and fewer cars.", i, i)}
		line, _ := json.Marshal(e)
		b.Write(line)
		b.WriteByte('\n')
	}
	entries, err := ParseManifest(strings.NewReader(b.String()), "gen.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func openEngine(t testing.TB, spec string) *tts.Engine {
	eng, err := tts.Open(context.Background(), spec, tts.Options{Cache: memCache(t), QPS: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	return eng
}

func memBucket(t testing.TB) *blob.Bucket {
	b, err := blob.OpenBucket(context.Background(), "mem://")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// memCache is a clip cache in memory.
func memCache(t testing.TB) *cache.Cache {
	c, err := cache.OpenURL(context.Background(), "mem://")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// fastOptions render quickly; fastRender renders with them.
var (
	fastOptions = pipeline.Options{Format: "mp3", SampleRate: 16000, Bitrate: 32, Quality: 9}
	fastRender  = mustRenderer(fastOptions)
)

func mustRenderer(o pipeline.Options) *pipeline.Renderer {
	r, err := pipeline.New(o)
	if err != nil {
		panic(err)
	}
	return r
}

func TestRunResumeAndSettings(t *testing.T) {
	ctx := context.Background()
	entries := genManifest(t, 50)
	out := memBucket(t)
	eng := openEngine(t, "fake:")
	o := Options{Engine: eng, Renderer: fastRender, Jobs: 4, TempDir: t.TempDir(), Prices: tts.DefaultPrices()}
	var progress int
	o.Progress = func(Stats) { progress++ }
	st, err := Run(ctx, entries, out, o)
	if err != nil {
		t.Fatal(err)
	}
	if st.Done != 50 || st.Failed != 0 || st.Skipped != 0 || st.AudioSeconds < 50*5 || progress != 50 {
		t.Fatalf("first run: %+v (progress %d)", st, progress)
	}
	first := eng.Stats().Requests
	for _, e := range entries[:3] {
		checkOutput(t, out, e, "mp3")
	}

	// A rerun finds everything done and calls no engine.
	o.Progress = nil
	st, err = Run(ctx, entries, out, o)
	if err != nil || st.Skipped != 50 || st.Done != 0 {
		t.Fatalf("rerun: %+v %v", st, err)
	}
	if got := eng.Stats().Requests; got != first {
		t.Errorf("rerun made %d engine calls", got-first)
	}

	// Editing one article re-renders it alone.
	entries[7].Text += "\n\nA late correction was added."
	st, _ = Run(ctx, entries, out, o)
	if st.Done != 1 || st.Skipped != 49 {
		t.Errorf("after an edit: %+v", st)
	}

	// New loudness: everything again, all clips from the cache.
	louder := fastOptions
	louder.Loudness = new(-23.0)
	o.Renderer = mustRenderer(louder)
	before := eng.Stats().Requests
	st, _ = Run(ctx, entries, out, o)
	if st.Done != 50 || eng.Stats().Requests != before {
		t.Errorf("after a settings change: %+v, %d engine calls", st, eng.Stats().Requests-before)
	}

	rep, err := archive.MakeReport(ctx, out, Keys(entries), tts.DefaultPrices(), 4)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Done != 50 || rep.Failed != 0 || *rep.Pending != 0 || rep.AudioSeconds < 250 || rep.Characters < 50*60 ||
		rep.EstimatedCostUSD == nil || *rep.EstimatedCostUSD != 0 || len(rep.Settings) != 1 {
		t.Errorf("report %+v", rep)
	}
}

// checkOutput checks an article's audio and sidecar.
func checkOutput(t *testing.T, out *blob.Bucket, e Entry, format string) *archive.Info {
	t.Helper()
	ctx := context.Background()
	data, err := out.ReadAll(ctx, archive.AudioObject(e.Key, format))
	if err != nil {
		t.Fatalf("%s: %v", e.ID, err)
	}
	if format == "mp3" && !(bytes.HasPrefix(data, []byte("ID3")) || (len(data) > 1 && data[0] == 0xff)) {
		t.Errorf("%s: not an MP3 (%q)", e.ID, data[:min(8, len(data))])
	}
	side, err := out.ReadAll(ctx, archive.SidecarObject(e.Key))
	if err != nil {
		t.Fatal(err)
	}
	var sc archive.Sidecar
	if err := json.Unmarshal(side, &sc); err != nil {
		t.Fatal(err)
	}
	if sc.Narrate.ID != e.ID || len(sc.Narrate.Settings) != 64 || sc.Timings == nil || len(sc.Blocks) < 2 ||
		math.Abs(sc.Duration-sc.Narrate.DurationSeconds) > 0.05 || !bytes.HasPrefix(side, []byte(`{"narrate":`)) {
		t.Errorf("%s: sidecar: %d blocks, duration %v, info %+v", e.ID, len(sc.Blocks), sc.Duration, sc.Narrate)
	}
	return &sc.Narrate
}

func TestRunFailureIsolatedAndRetried(t *testing.T) {
	ctx := context.Background()
	entries := genManifest(t, 10)
	entries[4].Voice = "nosuchvoice" // the fake engine refuses it for good
	entries[6].Text, entries[6].Path = "", "/nonexistent/article.txt"
	out := memBucket(t)
	o := Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, Jobs: 3, TempDir: t.TempDir(),
		Now: func() time.Time { return time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) }}
	st, err := Run(ctx, entries, out, o)
	if err != nil {
		t.Fatal(err)
	}
	if st.Done != 8 || st.Failed != 2 || st.Failures[archive.KindPermanent] != 1 || st.Failures[archive.KindInput] != 1 {
		t.Fatalf("stats %+v", st)
	}
	f, err := archive.ReadFailure(ctx, out, entries[4].Key)
	if err != nil || f == nil || f.Kind != archive.KindPermanent || !strings.Contains(f.Error, "nosuchvoice") || f.Time.Year() != 2025 || f.Settings == "" {
		t.Fatalf("failure record %+v, %v", f, err)
	}
	if ok, _ := out.Exists(ctx, archive.SidecarObject(entries[4].Key)); ok {
		t.Error("a failed article has a sidecar")
	}
	rep, _ := archive.MakeReport(ctx, out, Keys(entries), nil, 2)
	if rep.Done != 8 || rep.Failed != 2 || *rep.Pending != 0 || rep.Failures[archive.KindInput] != 1 || rep.EstimatedCostUSD != nil {
		t.Errorf("report %+v", rep)
	}
	// Fixed: the rerun retries just the failed ones and clears their records.
	entries[4].Voice = "low"
	entries[6].Path, entries[6].Text = "", "A found article\n\nNow the article has text to read."
	st, err = Run(ctx, entries, out, o)
	if err != nil || st.Done != 2 || st.Skipped != 8 || st.Failed != 0 {
		t.Fatalf("rerun %+v %v", st, err)
	}
	if ok, _ := out.Exists(ctx, archive.FailedObject(entries[4].Key)); ok {
		t.Error("failure record left after success")
	}
	if info := checkOutput(t, out, entries[4], "mp3"); info.Voice != "low" {
		t.Errorf("voice %q", info.Voice)
	}
}

func TestRunBudgetAndDryRun(t *testing.T) {
	ctx := context.Background()
	entries := genManifest(t, 20)
	out := memBucket(t)
	o := Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, Jobs: 1, TempDir: t.TempDir(), Prices: tts.DefaultPrices()}
	est, err := DryRun(ctx, entries, out, o)
	if err != nil || est.ToRender != 20 || est.CharactersToSend == 0 || est.CharactersToSend != est.Characters || est.EstimatedCostUSD == nil {
		t.Fatalf("dry run %+v %v", est, err)
	}
	// The fake engine runs on this machine: it costs nothing but CPU.
	if *est.EstimatedCostUSD != 0 || est.EstimatedCPUSeconds == nil || *est.EstimatedCPUSeconds <= 0 || len(est.Warnings) != 0 {
		t.Errorf("a local engine's dry run: cost %v, CPU %v, warnings %q", *est.EstimatedCostUSD, est.EstimatedCPUSeconds, est.Warnings)
	}
	per := est.CharactersToSend / 20
	o.MaxChars = per*5 + per/2 // room for five articles, not six
	st, err := Run(ctx, entries, out, o)
	if err != nil {
		t.Fatal(err)
	}
	if !st.BudgetReached || st.Done != 5 || st.Pending != 15 || st.EstimatedCharacters > o.MaxChars {
		t.Errorf("budget run %+v", st)
	}
	if got := o.Engine.Stats().Characters; got > o.MaxChars {
		t.Errorf("sent %d characters over a budget of %d", got, o.MaxChars)
	}
	est, _ = DryRun(ctx, entries, out, o)
	if est.Done != 5 || est.ToRender != 15 {
		t.Errorf("dry run after: %+v", est)
	}
	rep, _ := archive.MakeReport(ctx, out, Keys(entries), nil, 2)
	if rep.Done != 5 || *rep.Pending != 15 {
		t.Errorf("report %+v", rep)
	}
}

// TestTwinShard runs the same entries twice at once into one bucket, as a
// Kubernetes index run twice would: every article ends up done once, with
// identical bytes whoever wrote them.
func TestTwinShard(t *testing.T) {
	ctx := context.Background()
	entries := genManifest(t, 12)
	out := memBucket(t)
	eng := openEngine(t, "fake:")
	o := Options{Engine: eng, Renderer: fastRender, Jobs: 2, TempDir: t.TempDir()}
	done := make(chan *Stats, 2)
	for i := 0; i < 2; i++ {
		go func() {
			st, err := Run(ctx, entries, out, o)
			if err != nil {
				t.Error(err)
			}
			done <- st
		}()
	}
	a, b := <-done, <-done
	if a.Failed+b.Failed != 0 || a.Done+a.Skipped != 12 || b.Done+b.Skipped != 12 {
		t.Fatalf("twins: %+v %+v", a, b)
	}
	// A clean render elsewhere gives the same bytes.
	other := memBucket(t)
	if _, err := Run(ctx, entries, other, Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, TempDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		for _, name := range []string{archive.AudioObject(e.Key, "mp3"), archive.SidecarObject(e.Key)} {
			x, _ := out.ReadAll(ctx, name)
			y, _ := other.ReadAll(ctx, name)
			if len(x) == 0 || !bytes.Equal(x, y) {
				t.Errorf("%s differs between runs (%d and %d bytes)", name, len(x), len(y))
			}
		}
	}
}

// TestObjectStores runs a batch, its rerun and the report against gs:// and
// s3:// served in-process, through the real gocloud drivers.
func TestObjectStores(t *testing.T) {
	// The XML API that reads use is served only for PublicHost, so the
	// server needs its port known in advance.
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
	for _, url := range []string{"gs://newsroom/audio", s3URL} {
		t.Run(strings.SplitN(url, ":", 2)[0], func(t *testing.T) {
			ctx := context.Background()
			out, err := cache.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer out.Close()
			entries := genManifest(t, 6)
			o := Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, Jobs: 2, TempDir: t.TempDir()}
			st, err := Run(ctx, entries, out, o)
			if err != nil || st.Done != 6 {
				t.Fatalf("%+v %v", st, err)
			}
			checkOutput(t, out, entries[0], "mp3")
			st, err = Run(ctx, entries, out, o)
			if err != nil || st.Skipped != 6 {
				t.Fatalf("rerun %+v %v", st, err)
			}
			// Create-if-absent: a second publish of a done marker is refused.
			err = writeObject(ctx, out, archive.SidecarObject(entries[0].Key), "application/json", strings.NewReader("{}"), true)
			if err != store.ErrExists {
				t.Logf("%s: IfNotExist not enforced by this store (%v); the bytes would be identical anyway", url, err)
			}
			info, err := archive.ReadInfo(ctx, out, archive.SidecarObject(entries[0].Key))
			if err != nil || info == nil || info.ID != entries[0].ID {
				t.Errorf("sidecar after a twin publish: %+v %v", info, err)
			}
			rep, err := archive.MakeReport(ctx, out, Keys(entries), nil, 2)
			if err != nil || rep.Done != 6 {
				t.Errorf("report %+v %v", rep, err)
			}
		})
	}
}

// TestDryRunWarnsOfMissingCredentials: an engine without its key is said
// once, however many articles it would speak, and the run is still priced.
func TestDryRunWarnsOfMissingCredentials(t *testing.T) {
	ctx := context.Background()
	t.Setenv("NARRATE_BATCH_NO_KEY", "")
	o := Options{Engine: openEngine(t, "openai:alloy?model=tts-1&key_env=NARRATE_BATCH_NO_KEY"), Renderer: fastRender, Jobs: 2, TempDir: t.TempDir(), Prices: tts.DefaultPrices()}
	est, err := DryRun(ctx, genManifest(t, 6), memBucket(t), o)
	if err != nil {
		t.Fatal(err)
	}
	if len(est.Warnings) != 1 || !strings.Contains(est.Warnings[0], "NARRATE_BATCH_NO_KEY is not set") || est.EstimatedCostUSD == nil || *est.EstimatedCostUSD <= 0 {
		t.Errorf("warnings %q, cost %v", est.Warnings, est.EstimatedCostUSD)
	}
}

// TestKeyTakenAcrossRuns: an article whose key already holds another
// article's narration, from an earlier run, fails with a record saying
// so, and the earlier narration is left as it was. It was replaced: "a b"
// in one run and "a_b" in the next share the key a_b.
func TestKeyTakenAcrossRuns(t *testing.T) {
	ctx := context.Background()
	out := memBucket(t)
	o := Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, Jobs: 1, TempDir: t.TempDir()}
	first, err := ParseManifest(strings.NewReader(`{"id":"a b","text":"The first article is about the harbour."}`+"\n"), "one.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := Run(ctx, first, out, o); err != nil || st.Done != 1 {
		t.Fatalf("first run %+v %v", st, err)
	}
	before, err := archive.ReadInfo(ctx, out, archive.SidecarObject(first[0].Key))
	if err != nil || before == nil {
		t.Fatal(before, err)
	}
	second, err := ParseManifest(strings.NewReader(`{"id":"a_b","text":"The second article is about the railway."}`+"\n"), "two.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if first[0].Key != second[0].Key {
		t.Fatalf("keys %q and %q: the test needs ids that share a key", first[0].Key, second[0].Key)
	}
	st, err := Run(ctx, second, out, o)
	if err != nil || st.Failed != 1 || st.Done != 0 || st.Failures[archive.KindInput] != 1 {
		t.Fatalf("second run %+v %v", st, err)
	}
	after, err := archive.ReadInfo(ctx, out, archive.SidecarObject(first[0].Key))
	if err != nil || after == nil || after.ID != "a b" || after.Settings != before.Settings {
		t.Errorf("the first article's narration was replaced: %+v %v", after, err)
	}
	f, err := archive.ReadFailure(ctx, out, second[0].Key)
	if err != nil || f == nil || f.ID != "a_b" || !strings.Contains(f.Error, `already holds the narration of article "a b"`) {
		t.Errorf("failure record %+v %v", f, err)
	}
	// The report counts each article once: "a b" done, "a_b" failed. It
	// counted the key's failure against the done article, so "a b" was
	// reported failed too.
	rep, err := archive.MakeReport(ctx, out, nil, nil, 2)
	if err != nil || rep.Done != 1 || rep.Failed != 1 || rep.Failures[archive.KindInput] != 1 || !slices.Equal(rep.FailedIDs, []string{"a_b"}) {
		t.Errorf("report %+v %v", rep, err)
	}
	// The first article's own rerun is still skipped as done.
	if st, err := Run(ctx, first, out, o); err != nil || st.Skipped != 1 {
		t.Errorf("rerun of the first %+v %v", st, err)
	}
	// Rendered again with other settings, the first article does not take
	// the second's failure record with it: "a_b" is still failed.
	wav := fastOptions
	wav.Format = "wav"
	o.Renderer = mustRenderer(wav)
	if st, err := Run(ctx, first, out, o); err != nil || st.Done != 1 {
		t.Fatalf("rerun of the first with new settings %+v %v", st, err)
	}
	if f, err := archive.ReadFailure(ctx, out, second[0].Key); err != nil || f == nil || f.ID != "a_b" {
		t.Errorf("the second article's failure record went with the first's rerun: %+v %v", f, err)
	}
	// With a manifest of the shared key, the key is counted once.
	rep, err = archive.MakeReport(ctx, out, Keys(second), nil, 2)
	if err != nil || rep.Done != 1 || rep.Failed != 1 || rep.Pending == nil || *rep.Pending != 0 {
		t.Errorf("report with a manifest %+v %v", rep, err)
	}
}

// Failed is told each article that failed, with its record, so that a run's
// log names the articles and why (it used to say only "1 failed: input").
func TestRunTellsEachFailure(t *testing.T) {
	entries := genManifest(t, 4)
	entries[1].Voice = "nosuchvoice"
	entries[3].Text, entries[3].Path = "", "/nonexistent/article.txt"
	var mu sync.Mutex
	got := map[string]archive.Failure{}
	o := Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, Jobs: 2, TempDir: t.TempDir(),
		Failed: func(f archive.Failure) { mu.Lock(); got[f.ID] = f; mu.Unlock() }}
	if _, err := Run(context.Background(), entries, memBucket(t), o); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[entries[1].ID].Kind != archive.KindPermanent || got[entries[3].ID].Kind != archive.KindInput ||
		!strings.Contains(got[entries[3].ID].Error, "/nonexistent/article.txt") {
		t.Errorf("failures told: %+v", got)
	}
}
