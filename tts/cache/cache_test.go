package cache

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/blob/memblob"

	"github.com/narrate-dev/narrate/tts"
)

// buckets are the stores every behaviour test runs against.
func buckets(t *testing.T) map[string]func(t *testing.T) *blob.Bucket {
	return map[string]func(t *testing.T) *blob.Bucket{
		"mem": func(t *testing.T) *blob.Bucket {
			b := memblob.OpenBucket(nil)
			t.Cleanup(func() { b.Close() })
			return b
		},
		"dir": func(t *testing.T) *blob.Bucket { return openTestDir(t, t.TempDir()) },
	}
}

func openTestDir(t *testing.T, dir string) *blob.Bucket {
	t.Helper()
	b, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

func sameClip(t *testing.T, got, want *tts.Clip) {
	t.Helper()
	if got.Audio.Rate != want.Audio.Rate || !reflect.DeepEqual(got.Audio.Samples, want.Audio.Samples) {
		t.Fatalf("audio differs: %d Hz × %d vs %d Hz × %d", got.Audio.Rate, len(got.Audio.Samples), want.Audio.Rate, len(want.Audio.Samples))
	}
	if !reflect.DeepEqual(got.Marks, want.Marks) || !reflect.DeepEqual(got.Notes, want.Notes) {
		t.Fatalf("marks/notes differ: %v %q vs %v %q", got.Marks, got.Notes, want.Marks, want.Notes)
	}
}

func TestHitAfterMiss(t *testing.T) {
	ctx := context.Background()
	for name, open := range buckets(t) {
		t.Run(name, func(t *testing.T) {
			eng := newEngine("tone:a")
			c := bind(eng, open(t), Options{})
			req := tts.Request{Text: "The council met on Tuesday.", Language: "en"}
			first, err := c.Synthesize(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if n := eng.calls.Load(); n != 1 {
				t.Fatalf("engine calls after a miss = %d; want 1", n)
			}
			// What the engine made, as the cache returned it: rounded to 16 bits.
			direct, _ := newEngine("tone:a").Synthesize(ctx, req)
			for i := range direct.Audio.Samples {
				if d := direct.Audio.Samples[i] - first.Audio.Samples[i]; d > 1.0/65536 || d < -1.0/65536 {
					t.Fatalf("sample %d: cache returned %v, engine made %v", i, first.Audio.Samples[i], direct.Audio.Samples[i])
				}
			}
			second, err := c.Synthesize(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if n := eng.calls.Load(); n != 1 {
				t.Fatalf("engine calls after a hit = %d; want still 1", n)
			}
			sameClip(t, second, first)
			// A fresh Cache on the same bucket (another run) hits too.
			eng2 := newEngine("tone:a")
			third, err := bind(eng2, c.b, Options{}).Synthesize(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			if eng2.calls.Load() != 0 {
				t.Fatalf("a second Cache over the same bucket called the engine")
			}
			sameClip(t, third, first)
			if got, want := c.Stats(), (tts.CacheStats{Hits: 1, Misses: 1}); got != want {
				t.Errorf("Stats = %+v; want %+v", got, want)
			}
			if w := c.Warnings(); len(w) != 0 {
				t.Errorf("Warnings = %q", w)
			}
			// Callers own what they get: editing one result leaves the next intact.
			second.Audio.Samples[0] = 0.75
			fourth, _ := c.Synthesize(ctx, req)
			sameClip(t, fourth, first)
		})
	}
}

func TestDistinctRequestsMiss(t *testing.T) {
	ctx := context.Background()
	base := tts.Request{Text: "Rain is expected.", Voice: "a", Rate: 1}
	tests := []struct {
		name string
		id   string
		req  tts.Request
		hit  bool
	}{
		{"same", "tone:a", base, true},
		{"rate 0 means 1", "tone:a", tts.Request{Text: base.Text, Voice: "a"}, true},
		{"other text", "tone:a", tts.Request{Text: "Rain is expected!", Voice: "a", Rate: 1}, false},
		{"other voice", "tone:a", tts.Request{Text: base.Text, Voice: "b", Rate: 1}, false},
		{"other rate", "tone:a", tts.Request{Text: base.Text, Voice: "a", Rate: 1.25}, false},
		{"other sample rate", "tone:a", tts.Request{Text: base.Text, Voice: "a", Rate: 1, SampleRate: 16000}, false},
		{"other engine", "tone:b", base, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := memblob.OpenBucket(nil)
			defer b.Close()
			if _, err := bind(newEngine("tone:a"), b, Options{}).Synthesize(ctx, base); err != nil {
				t.Fatal(err)
			}
			eng := newEngine(tt.id)
			c := bind(eng, b, Options{})
			in, err := c.Contains(ctx, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Synthesize(ctx, tt.req); err != nil {
				t.Fatal(err)
			}
			if hit := eng.calls.Load() == 0; hit != tt.hit || in != tt.hit {
				t.Errorf("hit = %v, Contains = %v; want %v", hit, in, tt.hit)
			}
			if n, _, _ := Usage(ctx, b); n != map[bool]int{true: 1, false: 2}[tt.hit] {
				t.Errorf("Usage = %d entries", n)
			}
		})
	}
}

// entryPath is where a fileblob bucket over dir keeps req's entry.
func entryPath(dir, engineID string, req tts.Request) string {
	return filepath.Join(dir, filepath.FromSlash(KeyFor(engineID, req).Object()))
}

func TestCorruptEntryReplaced(t *testing.T) {
	ctx := context.Background()
	req := tts.Request{Text: "Officials said the bridge would reopen."}
	other := tts.Request{Text: "Something else entirely."}
	tests := []struct {
		name   string
		damage func(t *testing.T, dir, path string)
	}{
		{"truncated", func(t *testing.T, dir, path string) {
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, fi.Size()/2); err != nil {
				t.Fatal(err)
			}
		}},
		{"empty", func(t *testing.T, dir, path string) {
			if err := os.Truncate(path, 0); err != nil {
				t.Fatal(err)
			}
		}},
		{"flipped byte", func(t *testing.T, dir, path string) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			data[len(data)/2] ^= 0x10
			if err := os.WriteFile(path, data, 0o666); err != nil {
				t.Fatal(err)
			}
		}},
		{"another entry's bytes", func(t *testing.T, dir, path string) {
			c := bind(newEngine("tone:a"), openTestDir(t, dir), Options{})
			if _, err := c.Synthesize(ctx, other); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(entryPath(dir, "tone:a", other))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o666); err != nil {
				t.Fatal(err)
			}
		}},
		{"not an entry", func(t *testing.T, dir, path string) {
			if err := os.WriteFile(path, []byte("<html>503 Service Unavailable</html>"), 0o666); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			first, err := bind(newEngine("tone:a"), openTestDir(t, dir), Options{}).Synthesize(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			path := entryPath(dir, "tone:a", req)
			tt.damage(t, dir, path)

			eng := newEngine("tone:a")
			c := bind(eng, openTestDir(t, dir), Options{})
			got, err := c.Synthesize(ctx, req)
			if err != nil {
				t.Fatalf("Synthesize over a damaged entry: %v", err)
			}
			sameClip(t, got, first)
			if st := c.Stats(); st.Corrupt != 1 || st.Misses != 1 || st.Hits != 0 || eng.calls.Load() != 1 {
				t.Fatalf("Stats = %+v, engine calls %d; want 1 corrupt, 1 miss, 1 call", st, eng.calls.Load())
			}
			if w := c.Warnings(); len(w) != 1 || !strings.Contains(w[0], KeyFor("tone:a", req).Object()) || !strings.Contains(w[0], "corrupt") {
				t.Fatalf("Warnings = %q; want one naming the entry", w)
			}
			// The entry was replaced by an intact one.
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := DecodeEntry(data); err != nil {
				t.Fatalf("entry after replacement: %v", err)
			}
			if _, err := c.Synthesize(ctx, req); err != nil || eng.calls.Load() != 1 || c.Stats().Hits != 1 {
				t.Fatalf("request after replacement: err %v, calls %d, stats %+v; want a hit", err, eng.calls.Load(), c.Stats())
			}
		})
	}
}

func TestConcurrentWritersShareADirectory(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	texts := make([]string, 12)
	for i := range texts {
		texts[i] = fmt.Sprintf("Paragraph %d of the story, said twice at once.", i)
	}
	// Two Caches, each over its own bucket on the same directory: two
	// processes rendering one article.
	var engines []*countingEngine
	var caches []bound
	for range 2 {
		e := newEngine("tone:a")
		e.delay = 5 * time.Millisecond
		engines = append(engines, e)
		caches = append(caches, bind(e, openTestDir(t, dir), Options{}))
	}
	results := make([][]*tts.Clip, 4)
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(texts))
	for g := range results {
		results[g] = make([]*tts.Clip, len(texts))
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := caches[g%2]
			for i, text := range texts {
				clip, err := c.Synthesize(ctx, tts.Request{Text: text})
				if err != nil {
					errs <- err
					return
				}
				results[g][i] = clip
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for g := 1; g < len(results); g++ {
		for i := range texts {
			sameClip(t, results[g][i], results[0][i])
		}
	}
	for i, c := range caches {
		st := c.Stats()
		if st.Hits+st.Misses+st.Shared != 2*int64(len(texts)) || st.StoreErrors != 0 || st.Corrupt != 0 {
			t.Errorf("cache %d: Stats = %+v", i, st)
		}
		// Two goroutines on one Cache never pay twice for the same text.
		if n := engines[i].calls.Load(); n > int64(len(texts)) {
			t.Errorf("cache %d made %d engine calls for %d texts", i, n, len(texts))
		}
	}
	n, _, err := Usage(ctx, caches[0].b)
	if err != nil || n != len(texts) {
		t.Fatalf("Usage = %d, %v; want %d entries", n, err, len(texts))
	}
	// No temporary files left behind.
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(path, ".clip") {
			t.Errorf("stray file %s", path)
		}
		return nil
	})
}

func TestIdenticalRequestsShareOneCall(t *testing.T) {
	ctx := context.Background()
	eng := newEngine("tone:a")
	eng.delay = 20 * time.Millisecond
	c := bind(eng, memblob.OpenBucket(nil), Options{CloseBucket: true})
	defer c.Close()
	req := tts.Request{Text: "Breaking news."}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Synthesize(ctx, req); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	st := c.Stats()
	if eng.calls.Load() != 1 || st.Misses != 1 || st.Hits+st.Shared != 7 {
		t.Fatalf("engine calls %d, Stats %+v; want 1 call, 1 miss, 7 hits or shared", eng.calls.Load(), st)
	}
}

// TestWaiterTakesOverWhenFirstCallerGivesUp runs in a synctest bubble,
// where synctest.Wait says when the second caller is waiting on the
// first one's call.
func TestWaiterTakesOverWhenFirstCallerGivesUp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		eng := newEngine("tone:a")
		started := make(chan struct{})
		eng.hook = func(ctx context.Context, n int64) error {
			if n == 1 {
				close(started)
				<-ctx.Done() // the first caller cancels while the engine works
				return ctx.Err()
			}
			return nil
		}
		c := bind(eng, memblob.OpenBucket(nil), Options{CloseBucket: true})
		defer c.Close()
		req := tts.Request{Text: "Markets fell."}
		ctx1, cancel := context.WithCancel(context.Background())
		done1 := make(chan error)
		go func() { _, err := c.Synthesize(ctx1, req); done1 <- err }()
		<-started
		done2 := make(chan error)
		go func() { _, err := c.Synthesize(context.Background(), req); done2 <- err }()
		synctest.Wait() // the second caller waits on the first one's call
		if st := c.Stats(); st.Misses != 1 || eng.calls.Load() != 1 {
			t.Fatalf("before the cancel: Stats %+v, engine calls %d; want the second caller waiting, not calling", st, eng.calls.Load())
		}
		cancel()
		if err := <-done1; !errors.Is(err, context.Canceled) {
			t.Fatalf("first caller: %v; want context.Canceled", err)
		}
		if err := <-done2; err != nil {
			t.Fatalf("second caller failed with the first one's cancellation: %v", err)
		}
		if eng.calls.Load() != 2 {
			t.Fatalf("engine calls = %d; want 2", eng.calls.Load())
		}
	})
}

func TestEngineErrorsPassThroughAndAreNotStored(t *testing.T) {
	ctx := context.Background()
	eng := newEngine("tone:a")
	eng.hook = func(_ context.Context, n int64) error {
		if n == 1 {
			return tts.Errorf(tts.ErrTransient, "tone", "overloaded")
		}
		return nil
	}
	b := memblob.OpenBucket(nil)
	defer b.Close()
	c := bind(eng, b, Options{})
	req := tts.Request{Text: "Stocks rose."}
	if _, err := c.Synthesize(ctx, req); !errors.Is(err, tts.ErrTransient) {
		t.Fatalf("err = %v; want ErrTransient", err)
	}
	if n, _, _ := Usage(ctx, b); n != 0 {
		t.Fatalf("a failed call left %d entries", n)
	}
	if _, err := c.Synthesize(ctx, req); err != nil || eng.calls.Load() != 2 {
		t.Fatalf("retry: err %v, calls %d", err, eng.calls.Load())
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := c.Synthesize(cctx, req); !errors.Is(err, context.Canceled) {
		t.Fatalf("done ctx: err = %v; want context.Canceled", err)
	}
}

func TestStoreFailureDoesNotFailSynthesis(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	b := openTestDir(t, dir)
	// A file where the entries' directory should be: every write fails.
	if err := os.WriteFile(filepath.Join(dir, "clips"), []byte("in the way"), 0o666); err != nil {
		t.Fatal(err)
	}
	eng := newEngine("tone:a")
	c := bind(eng, b, Options{})
	clip, err := c.Synthesize(ctx, tts.Request{Text: "Polls close at eight."})
	if err != nil || clip == nil {
		t.Fatalf("Synthesize = %v, %v; want the clip despite the failed store", clip, err)
	}
	if st := c.Stats(); st.StoreErrors != 1 || st.Misses != 1 {
		t.Fatalf("Stats = %+v; want 1 store error", st)
	}
	if w := c.Warnings(); len(w) == 0 || !strings.Contains(strings.Join(w, "\n"), "storing") {
		t.Fatalf("Warnings = %q; want one about storing", w)
	}
}

func TestWarningsAreBounded(t *testing.T) {
	c := bind(newEngine("tone:a"), memblob.OpenBucket(nil), Options{CloseBucket: true})
	defer c.Close()
	for i := range maxWarnings + 5 {
		c.warn("warning %d", i)
	}
	w := c.Warnings()
	if len(w) != maxWarnings+1 || !strings.Contains(w[maxWarnings], "5 more") {
		t.Fatalf("got %d warnings, last %q", len(w), w[len(w)-1])
	}
}

func TestCloseBucket(t *testing.T) {
	ctx := context.Background()
	b := memblob.OpenBucket(nil)
	if err := New(b, Options{}).Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Exists(ctx, "x"); err != nil {
		t.Fatalf("Close closed a bucket it does not own: %v", err)
	}
	if err := New(b, Options{CloseBucket: true}).Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Exists(ctx, "x"); err == nil {
		t.Fatal("Close with CloseBucket left the bucket open")
	}
}

// TestInEngine: in a tts.Engine the cache sits under the checks (a refused
// request never reaches it) and over the retry (a retried miss is stored
// once); Refresh replaces the entry; Close closes driver and bucket.
func TestInEngine(t *testing.T) {
	ctx := context.Background()
	eng := newEngine("tone:a")
	eng.hook = func(_ context.Context, n int64) error {
		if n == 1 {
			return tts.Errorf(tts.ErrTransient, "tone", "busy")
		}
		return nil
	}
	b := memblob.OpenBucket(nil)
	e, err := tts.New(ctx, tts.Options{Driver: eng, Cache: New(b, Options{CloseBucket: true}), Retry: tts.RetryPolicy{Initial: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Synthesize(ctx, tts.Request{Text: " "}); !errors.Is(err, tts.ErrEmptyText) {
		t.Fatalf("empty text: %v", err)
	}
	req := tts.Request{Text: "Rain at noon."}
	if in, err := e.Contains(ctx, req); in || err != nil {
		t.Fatalf("Contains before = %v, %v", in, err)
	}
	first, err := e.Synthesize(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	again, err := e.Synthesize(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	sameClip(t, again, first)
	st := e.Stats()
	if st.Cache != (tts.CacheStats{Hits: 1, Misses: 1}) || st.Requests != 2 || st.Retries != 1 || eng.calls.Load() != 2 {
		t.Errorf("stats %+v, %d driver calls; want 1 miss (retried once) and 1 hit", st, eng.calls.Load())
	}
	if in, err := e.Contains(ctx, req); !in || err != nil {
		t.Fatalf("Contains after = %v, %v", in, err)
	}
	if _, err := e.Refresh(ctx, req); err != nil || eng.calls.Load() != 3 {
		t.Fatalf("Refresh: %v, %d driver calls (want 3)", err, eng.calls.Load())
	}
	if err := e.Close(); err != nil || !eng.closed.Load() {
		t.Fatalf("Close = %v, driver closed %v", err, eng.closed.Load())
	}
	if _, err := b.Exists(ctx, "x"); err == nil {
		t.Fatal("Engine.Close left the cache's bucket open")
	}
}

func TestOversizedEntryIsCorrupt(t *testing.T) {
	ctx := context.Background()
	b := memblob.OpenBucket(nil)
	defer b.Close()
	req := tts.Request{Text: "A long one."}
	if _, err := bind(newEngine("tone:a"), b, Options{}).Synthesize(ctx, req); err != nil {
		t.Fatal(err)
	}
	eng := newEngine("tone:a")
	c := bind(eng, b, Options{MaxEntryBytes: 1000})
	if _, err := c.Synthesize(ctx, req); err != nil {
		t.Fatal(err)
	}
	if st := c.Stats(); st.Corrupt != 1 || eng.calls.Load() != 1 {
		t.Fatalf("Stats = %+v; want the oversized entry treated as corrupt", st)
	}
}

func TestStoringAnExistingEntryIsNoError(t *testing.T) {
	ctx := context.Background()
	for name, open := range buckets(t) {
		t.Run(name, func(t *testing.T) {
			c := bind(newEngine("tone:a"), open(t), Options{})
			k := KeyFor("tone:a", tts.Request{Text: "x"})
			data, err := EncodeEntry(k, sampleClip())
			if err != nil {
				t.Fatal(err)
			}
			for i := range 2 {
				if err := c.store(ctx, k, data); err != nil {
					t.Fatalf("store %d: %v", i+1, err)
				}
			}
			got, err := c.b.ReadAll(ctx, k.Object())
			if err != nil || !reflect.DeepEqual(got, data) {
				t.Fatalf("entry after two stores: %d bytes, %v", len(got), err)
			}
		})
	}
}

// keyless is a driver whose key is missing.
type keyless struct{ *countingEngine }

func (keyless) CheckCredentials(context.Context) error {
	return &tts.CredentialError{Engine: "tone", Missing: "TONE_KEY is not set"}
}

// TestCacheNeedsNoCredentials: a clip the cache holds is served by an
// engine that has no credentials; only a clip it lacks needs them, and
// then the engine fails before its driver is called.
func TestCacheNeedsNoCredentials(t *testing.T) {
	ctx := context.Background()
	b := memblob.OpenBucket(nil)
	defer b.Close()
	with, err := tts.New(ctx, tts.Options{Driver: newEngine("tone:a"), Cache: New(b, Options{})})
	if err != nil {
		t.Fatal(err)
	}
	req := tts.Request{Text: "Rain at noon."}
	if _, err := with.Synthesize(ctx, req); err != nil {
		t.Fatal(err)
	}
	d := keyless{newEngine("tone:a")}
	without, err := tts.New(ctx, tts.Options{Driver: d, Cache: New(b, Options{})})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := without.Synthesize(ctx, req); err != nil {
		t.Errorf("a cached clip without credentials: %v", err)
	}
	if _, err := without.Synthesize(ctx, tts.Request{Text: "Sun at dusk."}); !errors.Is(err, tts.ErrNoCredentials) {
		t.Errorf("an uncached clip without credentials: %v, want ErrNoCredentials", err)
	}
	if n := d.calls.Load(); n != 0 {
		t.Errorf("the driver without credentials was called %d times", n)
	}
}
