package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/blob/memblob"
	"gocloud.dev/pubsub/mempubsub"

	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/cache"
	_ "github.com/narrate-dev/narrate/tts/fake"
)

const testKey = "test-key-0123456789abcdef"

// fastRetry keeps fault-injected tests quick.
var fastRetry = tts.RetryPolicy{Initial: time.Millisecond, Max: 10 * time.Millisecond}

// harness is a server and in-process workers on the fake engine, a memory
// store and a memory queue.
type harness struct {
	t      testing.TB
	srv    *Server
	worker *Worker
	http   *httptest.Server
	store  *blob.Bucket
	cancel context.CancelFunc
	done   chan error
	// client, when set, replaces http's (a server the test did not start
	// with httptest).
	client *http.Client
}

type harnessOptions struct {
	spec    string
	opts    func(*Options)
	wopts   func(*WorkerOptions)
	workers int // 0: 2; <0: none
}

func openEngine(t testing.TB, spec string) *tts.Engine {
	if spec == "" {
		spec = "fake:"
	}
	clips, err := cache.OpenURL(context.Background(), "mem://")
	if err != nil {
		t.Fatal(err)
	}
	eng, err := tts.Open(context.Background(), spec, tts.Options{Cache: clips, QPS: -1, Retry: fastRetry})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	return eng
}

// testClock is a clock a test sets, read by a server's Options.Now.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *testClock) Advance(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

// newClockedHarness is a harness without workers whose server reads the
// time from the clock it returns, set to 1 May 2026, noon UTC.
func newClockedHarness(t *testing.T) (*harness, *testClock) {
	clk := &testClock{t: time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)}
	h := newHarness(t, harnessOptions{workers: -1, opts: func(o *Options) { o.Now = clk.Now }})
	return h, clk
}

func newHarness(t testing.TB, ho harnessOptions) *harness {
	t.Helper()
	eng := openEngine(t, ho.spec)
	h := &harness{t: t, store: memblob.OpenBucket(nil)}
	topic := mempubsub.NewTopic()
	sub := mempubsub.NewSubscription(topic, 30*time.Second)
	keys, err := ParseKeys(strings.NewReader(testKey+" tests\n"), "keys")
	if err != nil {
		t.Fatal(err)
	}
	bo := batch.Options{Engine: eng, TempDir: t.TempDir()}
	m := NewMetrics(eng)
	wo := WorkerOptions{Batch: bo, Store: h.store, Jobs: max(ho.workers, 2), Metrics: m, Grace: 5 * time.Second}
	if ho.wopts != nil {
		ho.wopts(&wo)
	}
	// The server and its workers share one outbox, as in RunService.
	wo.Outbox = NewOutbox(h.store, wo.Callbacks, nil, m)
	o := Options{Batch: bo, Store: h.store, Topic: topic, Keys: keys, Metrics: m, Rate: -1, Outbox: wo.Outbox}
	if ho.opts != nil {
		ho.opts(&o)
	}
	h.srv, err = New(o)
	if err != nil {
		t.Fatal(err)
	}
	h.http = httptest.NewServer(h.srv.Handler())
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel, h.done = cancel, make(chan error, 1)
	boxDone := make(chan struct{})
	go func() { wo.Outbox.Run(ctx); close(boxDone) }()
	if ho.workers >= 0 {
		h.worker, err = NewWorker(wo)
		if err != nil {
			t.Fatal(err)
		}
		go func() { h.done <- h.worker.Run(ctx, sub) }()
	} else {
		close(h.done)
	}
	t.Cleanup(func() {
		h.http.Close()
		cancel()
		<-h.done
		<-boxDone
		sub.Shutdown(context.Background())
		topic.Shutdown(context.Background())
		h.store.Close()
	})
	return h
}

// do sends a request with the test key unless key is "-".
func (h *harness) do(method, path string, body any, key string, hdr ...string) *http.Response {
	h.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		data, _ := json.Marshal(b)
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, h.http.URL+path, rd)
	if err != nil {
		h.t.Fatal(err)
	}
	if key == "" {
		key = testKey
	}
	if key != "-" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i+1] == "" {
			req.Header.Del(hdr[i])
			continue
		}
		req.Header.Set(hdr[i], hdr[i+1])
	}
	client := h.client
	if client == nil {
		client = h.http.Client()
	}
	resp, err := client.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	return resp
}

func decode[T any](t testing.TB, resp *http.Response) T {
	t.Helper()
	defer resp.Body.Close()
	var v T
	data, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v: %s", resp.Request.URL.Path, err, data)
	}
	return v
}

func (h *harness) post(req Request) (int, Narration) {
	h.t.Helper()
	resp := h.do("POST", "/v1/narrations", req, "")
	return resp.StatusCode, decode[Narration](h.t, resp)
}

// wait polls a narration until it is done or failed.
func (h *harness) wait(id string) Narration {
	h.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		resp := h.do("GET", "/v1/narrations/"+id, nil, "")
		if resp.StatusCode != 200 {
			h.t.Fatalf("GET %s: %s", id, resp.Status)
		}
		n := decode[Narration](h.t, resp)
		if n.Status == StatusDone || n.Status == StatusFailed {
			return n
		}
		time.Sleep(20 * time.Millisecond)
	}
	h.t.Fatalf("narration %s not finished in 30 s", id)
	return Narration{}
}

func articleText(i int) string {
	return fmt.Sprintf("The harbour council met on day %d.\n\nResidents of district %d asked for more buses, fewer cars and a new ferry timetable.", i, i)
}

func TestPostThenServeFiles(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	code, n := h.post(Request{Text: articleText(1), Title: "Harbour news", Key: "news/2024/harbour"})
	if code != http.StatusAccepted || n.Status != StatusQueued || !validID(n.ID) {
		t.Fatalf("POST: %d %+v, want 202 queued with an id", code, n)
	}
	// Reads need the key here: the player link is signed for a browser.
	if n.Links.Audio != "/v1/narrations/"+n.ID+"/audio.mp3" || !strings.HasPrefix(n.Links.Player, "/listen/"+n.ID+"?expires=") {
		t.Errorf("links %+v", n.Links)
	}
	done := h.wait(n.ID)
	if done.Status != StatusDone || done.Duration == nil || *done.Duration < 2 || done.Key != "news/2024/harbour" {
		t.Fatalf("finished narration %+v", done)
	}

	// The same content and settings again: 200 with the finished narration.
	code, again := h.post(Request{Text: articleText(1), Title: "Harbour news"})
	if code != http.StatusOK || again.ID != n.ID || again.Status != StatusDone {
		t.Fatalf("repeat POST: %d %+v, want 200 done with id %s", code, again, n.ID)
	}
	// Other settings (voice) or content: another id.
	_, other := h.post(Request{Text: articleText(1), Title: "Harbour news", Voice: "high"})
	_, edited := h.post(Request{Text: articleText(2), Title: "Harbour news"})
	if other.ID == n.ID || edited.ID == n.ID || other.ID == edited.ID {
		t.Errorf("ids do not follow content and settings: %s %s %s", n.ID, other.ID, edited.ID)
	}

	// Audio: whole, ranged, conditional.
	resp := h.do("GET", done.Links.Audio, nil, "")
	audio, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "audio/mpeg" ||
		resp.Header.Get("Content-Length") != fmt.Sprint(len(audio)) || len(audio) < 1000 {
		t.Fatalf("audio: %s %v, %d bytes", resp.Status, resp.Header, len(audio))
	}
	if !bytes.HasPrefix(audio, []byte("ID3")) {
		t.Errorf("audio does not start with an ID3 tag: % x", audio[:8])
	}
	if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "immutable") {
		t.Errorf("Cache-Control %q", cc)
	}
	etag := resp.Header.Get("ETag")
	if etag != `"`+n.ID+`"` {
		t.Errorf("ETag %q", etag)
	}
	resp = h.do("GET", done.Links.Audio, nil, "", "Range", "bytes=100-199")
	part, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusPartialContent || !bytes.Equal(part, audio[100:200]) ||
		resp.Header.Get("Content-Range") != fmt.Sprintf("bytes 100-199/%d", len(audio)) {
		t.Errorf("range: %s %q, %d bytes", resp.Status, resp.Header.Get("Content-Range"), len(part))
	}
	resp = h.do("GET", done.Links.Audio, nil, "", "If-None-Match", etag)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: %s, want 304", resp.Status)
	}
	resp = h.do("GET", "/v1/narrations/"+n.ID+"/audio.wav", nil, "")
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("audio.wav of an mp3 server: %s, want 404", resp.Status)
	}

	// Sidecars.
	tim := decode[sidecar.Timings](t, h.do("GET", done.Links.Timings, nil, ""))
	if len(tim.Blocks) < 2 || tim.Duration <= 0 {
		t.Errorf("timings: %d blocks", len(tim.Blocks))
	}
	resp = h.do("GET", done.Links.Captions, nil, "")
	vtt, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.HasPrefix(string(vtt), "WEBVTT") || !strings.Contains(string(vtt), "Residents of district 1") {
		t.Errorf("captions:\n%s", vtt)
	}
	ch := decode[sidecar.PodcastChapters](t, h.do("GET", done.Links.Chapters, nil, ""))
	if ch.Version != "1.2.0" || len(ch.Chapters) == 0 {
		t.Errorf("chapters %+v", ch)
	}

	// The CMS key names the latest narration of the article.
	_, v2 := h.post(Request{Text: articleText(3), Title: "Harbour news, updated", Key: "news/2024/harbour"})
	latest := decode[Narration](t, h.do("GET", "/v1/articles/news/2024/harbour", nil, ""))
	if latest.ID != v2.ID || latest.Key != "news/2024/harbour" {
		t.Errorf("article key: %+v, want id %s", latest, v2.ID)
	}
	old := h.wait(n.ID)
	if old.Status != StatusDone {
		t.Errorf("the old narration is gone: %+v", old)
	}
	resp = h.do("GET", "/v1/articles/news/2024/nothing", nil, "")
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown article key: %s", resp.Status)
	}
}

func TestStatusCodes(t *testing.T) {
	h := newHarness(t, harnessOptions{opts: func(o *Options) { o.MaxBody = 4096 }})
	for _, tc := range []struct {
		name string
		body any
		key  string
		code int
		msg  string
	}{
		{"malformed json", `{"text": "x"`, "", 400, "malformed JSON"},
		{"unknown field", `{"text": "x", "speed": 2}`, "", 400, "unknown field"},
		{"two sources", Request{Text: "a", HTML: "<p>b</p>"}, "", 400, "exactly one"},
		{"markdown and text", Request{Markdown: "# T", Text: "T"}, "", 400, `"text" and "markdown" given: give exactly one of "text", "html", "markdown" and "url"`},
		{"empty markdown", `{"markdown": ""}`, "", 400, "markdown is empty"},
		{"no source", Request{Lang: "en"}, "", 400, "exactly one"},
		{"bad url", Request{URL: "ftp://example.com/a"}, "", 400, "http or https"},
		{"bad callback", Request{Text: "a", Callback: "javascript:alert(1)"}, "", 400, "callback"},
		{"too large", Request{Text: strings.Repeat("word ", 2000)}, "", 413, "over the limit"},
		{"blank text", Request{Text: "   \n  "}, "", 400, "text is empty: it holds only whitespace"},
		{"blank html", Request{HTML: "\t\r\n"}, "", 400, "html is empty: it holds only whitespace"},
		{"blank markdown", Request{Markdown: "\u00a0\u2003\n"}, "", 400, "markdown is empty: it holds only whitespace"},
		{"empty text", `{"text": ""}`, "", 400, "text is empty"},
		{"no content", Request{HTML: "<html><body><script>var x = 1;</script></body></html>"}, "", 422, ""},
		{"no key", Request{Text: articleText(1)}, "-", 401, "API key"},
		{"wrong key", Request{Text: articleText(1)}, "not-the-key-0123456789", 401, "API key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := h.do("POST", "/v1/narrations", tc.body, tc.key)
			e := decode[map[string]string](t, resp)
			if resp.StatusCode != tc.code || !strings.Contains(e["error"], tc.msg) {
				t.Errorf("%d %q, want %d with %q", resp.StatusCode, e["error"], tc.code, tc.msg)
			}
			if tc.code == 401 && resp.Header.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
	for _, path := range []string{"/v1/narrations/" + strings.Repeat("a", 64), "/v1/narrations/nothex", "/v1/narrations/" + strings.Repeat("a", 64) + "/audio.mp3"} {
		resp := h.do("GET", path, nil, "")
		resp.Body.Close()
		if resp.StatusCode != 404 {
			t.Errorf("GET %s: %s, want 404", path, resp.Status)
		}
	}
	// Reads are keyed unless public.
	resp := h.do("GET", "/v1/voices", nil, "-")
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("keyed read without a key: %s", resp.Status)
	}
}

func TestRateLimitAndCapacity(t *testing.T) {
	pending := 0
	var mu sync.Mutex
	h := newHarness(t, harnessOptions{workers: -1, opts: func(o *Options) {
		o.Rate, o.Burst = 0.5, 3
		o.Pending = func() int { mu.Lock(); defer mu.Unlock(); return pending }
		o.MaxPending = 5
	}})
	var codes []int
	for i := 0; i < 4; i++ {
		resp := h.do("POST", "/v1/narrations", Request{Text: articleText(i)}, "")
		resp.Body.Close()
		codes = append(codes, resp.StatusCode)
		if resp.StatusCode == 429 && resp.Header.Get("Retry-After") == "" {
			t.Error("429 without Retry-After")
		}
	}
	if fmt.Sprint(codes) != "[202 202 202 429]" {
		t.Errorf("rate limit: codes %v, want three accepted then 429", codes)
	}
	h2 := newHarness(t, harnessOptions{workers: -1, opts: func(o *Options) {
		o.Pending = func() int { mu.Lock(); defer mu.Unlock(); return pending }
		o.MaxPending = 5
	}})
	mu.Lock()
	pending = 5
	mu.Unlock()
	resp := h2.do("POST", "/v1/narrations", Request{Text: articleText(1)}, "")
	e := decode[map[string]string](t, resp)
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") != "5" || !strings.Contains(e["error"], "capacity") {
		t.Errorf("over capacity: %s %q %v", resp.Status, resp.Header.Get("Retry-After"), e)
	}
}

func TestCORSAndPublicReads(t *testing.T) {
	h := newHarness(t, harnessOptions{opts: func(o *Options) {
		o.PublicReads = true
		o.CORSOrigins = []string{"https://news.example"}
	}})
	_, n := h.post(Request{Text: articleText(7)})
	h.wait(n.ID)
	resp := h.do("GET", n.Links.Audio, nil, "-", "Origin", "https://news.example", "Range", "bytes=0-9")
	resp.Body.Close()
	if resp.StatusCode != 206 || resp.Header.Get("Access-Control-Allow-Origin") != "https://news.example" ||
		!strings.Contains(resp.Header.Get("Access-Control-Expose-Headers"), "Content-Range") {
		t.Errorf("allowed origin: %s %v", resp.Status, resp.Header)
	}
	resp = h.do("GET", n.Links.Timings, nil, "-", "Origin", "https://evil.example")
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("other origin: %s %v", resp.Status, resp.Header)
	}
	resp = h.do("OPTIONS", n.Links.Audio, nil, "-", "Origin", "https://news.example", "Access-Control-Request-Method", "GET")
	resp.Body.Close()
	if resp.StatusCode != 204 || !strings.Contains(resp.Header.Get("Access-Control-Allow-Methods"), "GET") ||
		!strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "Range") {
		t.Errorf("preflight: %s %v", resp.Status, resp.Header)
	}
	// The answer depends on the Origin, also when it has no CORS headers:
	// a shared cache that kept an answer to a podcast app (no Origin) or to
	// another site must not hand it to the newsroom's page for a year.
	for _, origin := range []string{"", "https://evil.example", "https://news.example"} {
		for _, path := range []string{n.Links.Audio, n.Links.Timings, "/v1/narrations/" + n.ID, "/listen/" + n.ID} {
			resp = h.do("GET", path, nil, "-", "Origin", origin)
			resp.Body.Close()
			if !slices.Contains(resp.Header.Values("Vary"), "Origin") {
				t.Errorf("GET %s from origin %q: %s, Vary %q, want Origin", path, origin, resp.Status, resp.Header.Values("Vary"))
			}
		}
	}
	// Writes still need the key, and get no CORS.
	resp = h.do("POST", "/v1/narrations", Request{Text: articleText(8)}, "-", "Origin", "https://news.example")
	resp.Body.Close()
	if resp.StatusCode != 401 || resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("write from a browser: %s %v", resp.Status, resp.Header)
	}
}

func TestURLInputsRefusePrivateAddresses(t *testing.T) {
	hits := 0
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html><head><title>Inside</title></head><body><article><p>"+articleText(1)+"</p></article></body></html>")
	}))
	defer page.Close()
	redirect := httptest.NewServer(http.RedirectHandler(page.URL, http.StatusFound))
	defer redirect.Close()
	port := page.URL[strings.LastIndexByte(page.URL, ':'):]
	h := newHarness(t, harnessOptions{})
	for _, u := range []string{page.URL, "http://localhost" + port + "/", "http://10.0.0.8/news", "http://169.254.169.254/latest/meta-data/", redirect.URL} {
		resp := h.do("POST", "/v1/narrations", Request{URL: u}, "")
		e := decode[map[string]string](t, resp)
		if resp.StatusCode != 422 || !strings.Contains(e["error"], "not public") {
			t.Errorf("%s: %s %q, want 422 naming the refusal", u, resp.Status, e["error"])
		}
	}
	if hits != 0 {
		t.Errorf("a private address was fetched %d times", hits)
	}
	// With --allow-private-urls the same page is narrated.
	hp := newHarness(t, harnessOptions{opts: func(o *Options) { o.AllowPrivateURLs = true }})
	code, n := hp.post(Request{URL: redirect.URL})
	if code != 202 {
		t.Fatalf("allowed private URL: %d %+v", code, n)
	}
	if got := hp.wait(n.ID); got.Status != StatusDone {
		t.Errorf("narration of a fetched page: %+v", got)
	}
}

func TestCallbackSignedAndRetried(t *testing.T) {
	secret := []byte("callback-secret")
	var mu sync.Mutex
	var tries int
	got := make(chan Narration, 1)
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		tries++
		n := tries
		mu.Unlock()
		if err := Verify(secret, body, r.Header.Get(SignatureHeader), time.Now(), time.Minute); err != nil {
			t.Errorf("callback signature: %v", err)
		}
		if Verify([]byte("other"), body, r.Header.Get(SignatureHeader), time.Now(), 0) == nil {
			t.Error("a wrong secret verifies")
		}
		if n == 1 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		var nar Narration
		json.Unmarshal(body, &nar)
		got <- nar
	}))
	defer recv.Close()
	h := newHarness(t, harnessOptions{
		opts: func(o *Options) { o.AllowPrivateURLs = true },
		wopts: func(o *WorkerOptions) {
			o.Callbacks = NewCallbacks(secret, true)
			o.Callbacks.First = 10 * time.Millisecond
		},
	})
	_, n := h.post(Request{Text: articleText(4), Key: "cb/1", Callback: recv.URL + "/hook"})
	select {
	case nar := <-got:
		if nar.ID != n.ID || nar.Status != StatusDone || nar.Key != "cb/1" || nar.Links.Audio == "" {
			t.Errorf("callback body %+v", nar)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no callback")
	}
	if tries != 2 {
		t.Errorf("%d callback tries, want 2 (one refused with 503, then delivered)", tries)
	}
}

func TestFailureRecordedThenRetriedByRepost(t *testing.T) {
	// Every engine call fails for good: the job fails, is acked, and its
	// status says why; posting it again queues it again.
	h := newHarness(t, harnessOptions{spec: "fake:?fail=1"})
	_, n := h.post(Request{Text: articleText(5)})
	got := h.wait(n.ID)
	if got.Status != StatusFailed || got.Error == "" {
		t.Fatalf("status %+v, want failed with the error", got)
	}
	code, again := h.post(Request{Text: articleText(5)})
	if code != 202 || again.ID != n.ID || again.Status != StatusQueued {
		t.Errorf("repost of a failed narration: %d %+v, want 202 queued", code, again)
	}
}

func TestHealthReadyMetricsVoices(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	_, n := h.post(Request{Text: articleText(6)})
	h.wait(n.ID)
	for _, p := range []string{"/healthz", "/readyz"} {
		resp := h.do("GET", p, nil, "-")
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: %s", p, resp.Status)
		}
	}
	v := decode[map[string]any](t, h.do("GET", "/v1/voices", nil, ""))
	if v["engine"] != "fake" || len(v["voices"].([]any)) == 0 {
		t.Errorf("voices %v", v)
	}
	wants := []string{
		`narrate_http_requests_total{code="202",route="POST /v1/narrations"} 1`,
		`narrate_jobs_total{state="done"} 1`,
		`narrate_engine_requests_total{engine="fake"}`,
		`narrate_engine_errors_total{engine="fake",kind="transient"} 0`,
		"narrate_synthesis_seconds_count 1",
		"narrate_queue_lag_seconds_count 1",
	}
	// The status reads done as soon as the done marker is stored; the
	// worker counts the job a moment after, so the metrics are read until
	// they show everything wanted (or for 5 s).
	var body []byte
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		resp := h.do("GET", "/metrics", nil, "-")
		body, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		all := true
		for _, want := range wants {
			all = all && strings.Contains(string(body), want)
		}
		if all || time.Now().After(deadline) {
			break
		}
	}
	for _, want := range wants {
		if !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if strings.Contains(string(body), testKey) {
		t.Error("metrics show an API key")
	}
}

func TestRequeueOnlyWhenStale(t *testing.T) {
	h, clk := newClockedHarness(t)
	for i := 0; i < 2; i++ {
		if code, n := h.post(Request{Text: articleText(9)}); code != 202 || n.Status != StatusQueued {
			t.Fatalf("POST %d: %d %+v", i, code, n)
		}
	}
	if q := h.srv.Queued(); q != 1 {
		t.Errorf("a queued job posted again was queued %d times, want once", q)
	}
	clk.Advance(DefaultRequeueAfter + time.Minute)
	h.post(Request{Text: articleText(9)})
	if q := h.srv.Queued(); q != 2 {
		t.Errorf("a job queued long ago and posted again: queued %d times, want 2 (its message may be lost)", q)
	}
}

// A server killed after it wrote a job's record and before the queue took
// its message left a job that read queued and was in no queue; a repeat
// POST (the client's retry) was answered "queued" and the job not queued
// again for RequeueAfter. The pending mark now says whether the message
// was sent.
func TestRequeueWhenMessageNeverSent(t *testing.T) {
	h := newHarness(t, harnessOptions{workers: -1})
	code, n := h.post(Request{Text: articleText(9)})
	if code != 202 || n.Status != StatusQueued {
		t.Fatalf("POST: %d %+v", code, n)
	}
	ctx := context.Background()
	var mark pendingMark
	if found, err := h.srv.st.readJSON(ctx, pendingObject(n.ID), &mark); !found || err != nil || !mark.Sent {
		t.Fatalf("pending mark after the POST: %+v (found %v, %v), want sent", mark, found, err)
	}
	// As the killed server left it: the record and an unsent mark.
	if err := h.srv.st.writeJSON(ctx, pendingObject(n.ID), pendingMark{Queued: mark.Queued}); err != nil {
		t.Fatal(err)
	}
	h.post(Request{Text: articleText(9)})
	if q := h.srv.Queued(); q != 2 {
		t.Errorf("a job whose message was never sent, posted again: queued %d times, want 2", q)
	}
	h.post(Request{Text: articleText(9)})
	if q := h.srv.Queued(); q != 2 {
		t.Errorf("posted a third time once its message was sent: queued %d times, want 2", q)
	}
}

// A server killed while it wrote a job's pending mark left the record
// alone (TestChaosJetStream found one: its mark only a temporary file,
// the stream one message short, the job queued after ten minutes); a
// repeat POST was answered "queued" and the job was in no queue. The mark
// is now written before the record, and a job that reads queued with no
// mark is queued again when it is posted again.
func TestRequeueWhenMarkNeverWritten(t *testing.T) {
	h := newHarness(t, harnessOptions{workers: -1})
	_, n := h.post(Request{Text: articleText(9)})
	ctx := context.Background()
	// As the killed server left it: the record and no mark.
	if err := h.srv.st.delete(ctx, pendingObject(n.ID)); err != nil {
		t.Fatal(err)
	}
	h.post(Request{Text: articleText(9)})
	if q := h.srv.Queued(); q != 2 {
		t.Errorf("a job recorded without its mark, posted again: queued %d times, want 2", q)
	}
	var mark pendingMark
	if found, err := h.srv.st.readJSON(ctx, pendingObject(n.ID), &mark); !found || err != nil || !mark.Sent {
		t.Errorf("its mark after the repeat POST: %+v (found %v, %v), want sent", mark, found, err)
	}
}

// A mark without its job's record (a server killed between the two
// writes, the mark written first) is cleared by the sweep once it is
// older than a server's own enqueue could be; a fresh one is left.
func TestResumeUnsentClearsMarkWithoutRecord(t *testing.T) {
	h, clk := newClockedHarness(t)
	ctx := context.Background()
	id := strings.Repeat("ab", 32)
	if err := h.srv.st.writeJSON(ctx, pendingObject(id), pendingMark{Queued: clk.Now()}); err != nil {
		t.Fatal(err)
	}
	if n, err := h.srv.ResumeUnsent(ctx, time.Minute); n != 0 || err != nil {
		t.Fatalf("queued %d, %v; want 0", n, err)
	}
	if found, _ := h.srv.st.readJSON(ctx, pendingObject(id), &pendingMark{}); !found {
		t.Fatal("a fresh mark (its server may be writing the record) was cleared")
	}
	clk.Advance(2 * time.Minute)
	if n, err := h.srv.ResumeUnsent(ctx, time.Minute); n != 0 || err != nil {
		t.Fatalf("queued %d, %v; want 0 (there is no job to queue)", n, err)
	}
	if found, _ := h.srv.st.readJSON(ctx, pendingObject(id), &pendingMark{}); found {
		t.Error("a mark without its record, two minutes old, was kept")
	}
	if q := h.srv.Queued(); q != 0 {
		t.Errorf("queued %d messages, want 0", q)
	}
}

// A server of an external queue queues at its start the jobs a killed
// server recorded and never sent, once they are a minute old, when no
// client posts them again.
func TestResumeUnsent(t *testing.T) {
	h, clk := newClockedHarness(t)
	ctx := context.Background()
	_, sent := h.post(Request{Text: articleText(9)})
	_, lost := h.post(Request{Text: articleText(10)})
	// As a killed server leaves a job: its record and an unsent mark.
	if err := h.srv.st.writeJSON(ctx, pendingObject(lost.ID), pendingMark{Queued: clk.Now()}); err != nil {
		t.Fatal(err)
	}
	if n, err := h.srv.ResumeUnsent(ctx, time.Minute); n != 0 || err != nil {
		t.Errorf("a job recorded seconds ago (its server may be sending it): queued %d, %v; want 0", n, err)
	}
	clk.Advance(2 * time.Minute)
	if n, err := h.srv.ResumeUnsent(ctx, time.Minute); n != 1 || err != nil {
		t.Errorf("queued %d, %v; want the one job never sent", n, err)
	}
	if q := h.srv.Queued(); q != 3 {
		t.Errorf("queued %d messages in all, want 3 (two POSTs and the unsent job again)", q)
	}
	if n, _ := h.srv.ResumeUnsent(ctx, time.Minute); n != 0 {
		t.Errorf("a second start queued %d jobs again, want 0", n)
	}
	var mark pendingMark
	if found, err := h.srv.st.readJSON(ctx, pendingObject(sent.ID), &mark); !found || err != nil || !mark.Sent {
		t.Errorf("the sent job's mark: %+v, %v, %v", mark, found, err)
	}
}
