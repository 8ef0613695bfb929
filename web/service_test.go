package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/pubsub/mempubsub"

	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/serve"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/store"
	"github.com/narrate-dev/narrate/tts"
	_ "github.com/narrate-dev/narrate/tts/fake"
)

// articleHTML is a short story of several paragraphs, written for these
// tests, with a heading, a quote and list items, as a CMS posts it.
const articleHTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The reading room reopens on Ferry Street</title></head>
<body><article>
<h1>The reading room reopens on Ferry Street</h1>
<p>The old reading room on Ferry Street opened its doors again on Saturday morning. A queue had formed before eight.</p>
<p>Volunteers spent the winter sanding shelves and rewiring the lamps. Most of the money came from a bake sale that ran for eleven weekends.</p>
<h2>What changed inside</h2>
<p>The children's corner moved next to the windows. The newspaper rack now holds titles in four languages.</p>
<blockquote><p>We wanted a room where nobody has to buy anything to sit down.</p></blockquote>
<ul><li>Opening hours run from nine until six.</li><li>Tea is free on Sundays.</li></ul>
<p>The committee will meet again in spring to plan a reading festival. Anyone who wants to help can leave a note at the desk.</p>
</article></body></html>`

// narration is one fake-engine narration posted to narrate serve running in
// this test binary (a memory queue, an in-process worker, a store in a
// temporary directory), served by its own httptest server; /embed/{id} is a
// host page without block markers, served through serve.Options.Extra.
type narration struct {
	id       string
	srv      *httptest.Server
	timings  *sidecar.Timings
	duration float64

	mu    sync.Mutex
	paths []string // every request path the server got
	stop  func()
}

var (
	serviceOnce sync.Once
	service     *narration
	serviceErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if service != nil {
		service.stop()
	}
	os.Exit(code)
}

// testNarration starts the service and narrates the article, once for the
// whole test binary.
func testNarration(t testing.TB) *narration {
	t.Helper()
	serviceOnce.Do(func() { service, serviceErr = startService() })
	if serviceErr != nil {
		t.Fatal(serviceErr)
	}
	return service
}

func startService() (n *narration, err error) {
	ctx, cancel := context.WithCancel(context.Background())
	var closers []func()
	n = &narration{}
	n.stop = func() {
		cancel()
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i]()
		}
	}
	defer func() {
		if err != nil {
			n.stop()
		}
	}()
	dir, err := os.MkdirTemp("", "narrate-web-")
	if err != nil {
		return nil, err
	}
	closers = append(closers, func() { os.RemoveAll(dir) })
	st, err := store.Open(ctx, dir, store.Options{Create: true})
	if err != nil {
		return nil, err
	}
	closers = append(closers, func() { st.Close() })
	// Twice the fake voice's speed keeps the narration, and the test that
	// plays it through, short.
	eng, err := tts.Open(ctx, "fake:?rate=2", tts.Options{})
	if err != nil {
		return nil, err
	}
	closers = append(closers, func() { eng.Close() })
	topic := mempubsub.NewTopic()
	sub := mempubsub.NewSubscription(topic, time.Minute)
	closers = append(closers, func() { topic.Shutdown(context.Background()) })
	bo := batch.Options{Engine: eng, TempDir: dir}
	srv, err := serve.New(serve.Options{Batch: bo, Store: st, Topic: topic, Rate: -1, Extra: embedPage()})
	if err != nil {
		return nil, err
	}
	w, err := serve.NewWorker(serve.WorkerOptions{Batch: bo, Store: st, Grace: time.Second})
	if err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx, sub) }()
	closers = append(closers, func() { cancel(); <-done; sub.Shutdown(context.Background()) })
	h := srv.Handler()
	n.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.mu.Lock()
		n.paths = append(n.paths, r.URL.Path)
		n.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	closers = append(closers, n.srv.Close)
	return n, n.narrate(ctx, st)
}

// narrate posts the article and waits until its narration is done.
func (n *narration) narrate(ctx context.Context, st *blob.Bucket) error {
	body, _ := json.Marshal(serve.Request{HTML: articleHTML, Byline: "Mara Quinlan", Lang: "en"})
	resp, err := n.srv.Client().Post(n.srv.URL+"/v1/narrations", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	var s serve.Narration
	err = json.NewDecoder(resp.Body).Decode(&s)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("POST /v1/narrations: %s %+v %v", resp.Status, s, err)
	}
	n.id = s.ID
	deadline := time.Now().Add(60 * time.Second)
	for s.Status != serve.StatusDone {
		if s.Status == serve.StatusFailed || time.Now().After(deadline) {
			return fmt.Errorf("narration %s: %s %s", s.ID, s.Status, s.Error)
		}
		time.Sleep(20 * time.Millisecond)
		if err := n.getJSON("/v1/narrations/"+n.id, &s); err != nil {
			return err
		}
	}
	n.duration = *s.Duration
	if err := n.getJSON(s.Links.Timings, &n.timings); err != nil {
		return err
	}
	// The listen page marks up each kind of block its own way; the tests
	// need them all, and blocks enough to move between.
	var kinds []string
	for _, b := range n.timings.Blocks {
		kinds = append(kinds, b.Kind)
	}
	for _, k := range []string{"title", "byline", "paragraph", "heading", "quote", "item"} {
		if !slices.Contains(kinds, k) || len(kinds) < 9 {
			return fmt.Errorf("narration %s has blocks %v: want at least 9, with a %s", n.id, kinds, k)
		}
	}
	return nil
}

func (n *narration) getJSON(path string, v any) error {
	data, err := n.get(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

// get returns the body of a GET of path on the service.
func (n *narration) get(path string) ([]byte, error) {
	resp, err := n.srv.Client().Get(n.srv.URL + path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	return data, err
}

// served returns, from the call on, the paths the service is asked for.
func (n *narration) served() func() []string {
	n.mu.Lock()
	from := len(n.paths)
	n.mu.Unlock()
	return func() []string {
		n.mu.Lock()
		defer n.mu.Unlock()
		return append([]string(nil), n.paths[from:]...)
	}
}

// embedPage is a host page of the service's origin without block markers:
// the player makes its own transcript there.
func embedPage() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /embed/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embedded</title>
<link rel="icon" href="data:,"><script type="module" src="/player.js"></script></head>
<body><main><h1>A page of its own</h1><p>This page does not mark its paragraphs.</p>
<narrate-player src="/v1/narrations/%s"></narrate-player></main></body></html>`, html.EscapeString(r.PathValue("id")))
	})
	return mux
}

func norm(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
