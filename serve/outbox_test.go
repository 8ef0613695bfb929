package serve

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"gocloud.dev/blob/memblob"
)

// receiver is a callback endpoint that records what it gets and answers
// with answer (nil: 204).
type receiver struct {
	*httptest.Server
	mu     sync.Mutex
	got    map[string][]Narration // by path
	tries  map[string]int
	answer func(path string, try int) int
}

func newReceiver(t *testing.T, answer func(path string, try int) int) *receiver {
	rc := &receiver{got: map[string][]Narration{}, tries: map[string]int{}, answer: answer}
	rc.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		rc.tries[r.URL.Path]++
		try := rc.tries[r.URL.Path]
		rc.mu.Unlock()
		code := http.StatusNoContent
		if rc.answer != nil {
			code = rc.answer(r.URL.Path, try)
		}
		if code == 0 {
			// Hang until the client gives up.
			<-r.Context().Done()
			return
		}
		if code < 300 {
			var n Narration
			json.Unmarshal(body, &n)
			rc.mu.Lock()
			rc.got[r.URL.Path] = append(rc.got[r.URL.Path], n)
			rc.mu.Unlock()
		}
		w.WriteHeader(code)
	}))
	t.Cleanup(rc.Close)
	return rc
}

func (rc *receiver) count(path string) (delivered, tries int) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.got[path]), rc.tries[path]
}

// waitDelivered waits until path got n callbacks.
func (rc *receiver) waitDelivered(t *testing.T, path string, n int, d time.Duration) []Narration {
	t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		rc.mu.Lock()
		got := append([]Narration(nil), rc.got[path]...)
		rc.mu.Unlock()
		if len(got) >= n {
			return got
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s: %d callbacks in %s, want %d", path, len(rc.got[path]), d, n)
	return nil
}

func callbackHarness(t *testing.T, spec string, jobs int) *harness {
	return newHarness(t, harnessOptions{spec: spec, workers: jobs,
		opts: func(o *Options) { o.AllowPrivateURLs = true },
		wopts: func(o *WorkerOptions) {
			o.Callbacks = NewCallbacks([]byte("callback-secret-0123"), true)
			o.Callbacks.First = 20 * time.Millisecond
			o.Callbacks.Client.Timeout = 2 * time.Second
		}})
}

// TestCallbacksDoNotHoldWorkers: jobs whose callback receiver hangs do
// not delay other jobs: the worker settles a job when its outcome is
// written and callbacks go out on their own. Six jobs with a dead callback
// delayed four plain ones from 0.5 s to 46 s.
func TestCallbacksDoNotHoldWorkers(t *testing.T) {
	rc := newReceiver(t, func(string, int) int { return 0 })
	h := callbackHarness(t, "fake:", 2)
	start := time.Now()
	for i := 0; i < 6; i++ {
		if code, _ := h.post(Request{Text: shortArticle(600 + i), Callback: rc.URL + "/dead"}); code != 202 {
			t.Fatalf("POST: %d", code)
		}
	}
	var plain []string
	for i := 0; i < 4; i++ {
		_, n := h.post(Request{Text: shortArticle(700 + i)})
		plain = append(plain, n.ID)
	}
	for _, id := range plain {
		if n := h.waitFor(id, 60*time.Second); n.Status != StatusDone {
			t.Fatalf("%s: %+v", id, n)
		}
	}
	if d := time.Since(start); d > 15*time.Second {
		t.Errorf("four plain jobs behind six with a hanging callback took %s", d.Round(time.Millisecond))
	}
}

// TestCallbackRefusedAtPost: a callback that could never be delivered (a
// private address, a name that does not resolve) is refused with 400 when
// posted, not accepted and dropped at delivery.
func TestCallbackRefusedAtPost(t *testing.T) {
	h := newHarness(t, harnessOptions{workers: -1})
	for _, cb := range []string{"http://127.0.0.1:9/hook", "http://10.1.2.3/hook", "http://localhost:8080/hook",
		"http://169.254.169.254/latest", "http://[::1]/hook", "http://no-such-host.invalid/hook"} {
		resp := h.do("POST", "/v1/narrations", Request{Text: articleText(1), Callback: cb}, "")
		e := decode[map[string]string](t, resp)
		if resp.StatusCode != 400 || !strings.Contains(e["error"], "callback") {
			t.Errorf("callback %s: %s %q, want 400 naming the callback", cb, resp.Status, e["error"])
		}
	}
	if q := h.srv.Queued(); q != 0 {
		t.Errorf("%d jobs queued with refused callbacks", q)
	}
}

// TestEveryCallbackOfAJobIsSent: two POSTs of the same article with two
// callbacks, the second while the job runs, and a third after it is done:
// each callback is delivered once.
func TestEveryCallbackOfAJobIsSent(t *testing.T) {
	rc := newReceiver(t, nil)
	h := callbackHarness(t, "fake:?latency=300ms", 2)
	_, n := h.post(Request{Text: articleText(20), Key: "cb/a", Callback: rc.URL + "/first"})
	_, again := h.post(Request{Text: articleText(20), Key: "cb/b", Callback: rc.URL + "/second"})
	if again.ID != n.ID {
		t.Fatalf("ids %s, %s", n.ID, again.ID)
	}
	h.wait(n.ID)
	code, done := h.post(Request{Text: articleText(20), Callback: rc.URL + "/third"})
	if code != 200 || done.Status != StatusDone {
		t.Fatalf("POST of a done narration: %d %+v", code, done)
	}
	for _, path := range []string{"/first", "/second", "/third"} {
		got := rc.waitDelivered(t, path, 1, 20*time.Second)
		if got[0].ID != n.ID || got[0].Status != StatusDone || got[0].Links.Audio == "" {
			t.Errorf("%s got %+v", path, got[0])
		}
	}
	if got := rc.waitDelivered(t, "/second", 1, time.Second); got[0].Key != "cb/b" {
		t.Errorf("second callback's key %q, want the second POST's", got[0].Key)
	}
	time.Sleep(300 * time.Millisecond)
	for _, path := range []string{"/first", "/second", "/third"} {
		if d, tries := rc.count(path); d != 1 || tries != 1 {
			t.Errorf("%s: delivered %d times in %d tries, want once", path, d, tries)
		}
	}
}

// TestCallbackPermanentRefusalNotRetried: a receiver that answers 410 is
// asked once, and the callback is recorded as failed with the answer.
func TestCallbackPermanentRefusalNotRetried(t *testing.T) {
	rc := newReceiver(t, func(path string, try int) int {
		if path == "/gone" {
			return http.StatusGone
		}
		if try < 3 {
			return http.StatusServiceUnavailable
		}
		return http.StatusNoContent
	})
	h := callbackHarness(t, "fake:", 2)
	_, gone := h.post(Request{Text: articleText(30), Callback: rc.URL + "/gone"})
	h.post(Request{Text: articleText(31), Callback: rc.URL + "/busy"})
	rc.waitDelivered(t, "/busy", 1, 20*time.Second)
	h.wait(gone.ID)
	var rec []callbackRecord
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if rec = failedCallbacks(t, h, gone.ID); len(rec) > 0 {
			break
		}
	}
	if len(rec) != 1 || !strings.Contains(rec[0].Error, "410") || rec[0].Attempts != 1 {
		t.Errorf("failed callbacks %+v, want one, refused with 410 after one try", rec)
	}
	if _, tries := rc.count("/gone"); tries != 1 {
		t.Errorf("a 410 was asked %d times, want once", tries)
	}
	if d, tries := rc.count("/busy"); d != 1 || tries != 3 {
		t.Errorf("a busy receiver: delivered %d in %d tries, want 1 in 3", d, tries)
	}
}

// failedCallbacks reads the failure records of id's callbacks.
func failedCallbacks(t *testing.T, h *harness, id string) []callbackRecord {
	recs, err := listCallbacks(context.Background(), h.store, id)
	if err != nil {
		t.Fatal(err)
	}
	var out []callbackRecord
	for _, r := range recs {
		if r.State == callbackFailed {
			out = append(out, r)
		}
	}
	return out
}

// TestCallbackOutboxSurvivesRestart: a callback due when its process died
// is delivered by the next one.
func TestCallbackOutboxSurvivesRestart(t *testing.T) {
	rc := newReceiver(t, nil)
	store := memblob.OpenBucket(nil)
	defer store.Close()
	ob := NewOutbox(store, NewCallbacks(nil, true), nil, nil)
	n := &Narration{ID: strings.Repeat("ab", 32), Status: StatusDone}
	if err := ob.Register(context.Background(), n.ID, rc.URL+"/late", "k/1"); err != nil {
		t.Fatal(err)
	}
	// Released with no sender running: as if the process died then.
	if err := ob.Release(context.Background(), n); err != nil {
		t.Fatal(err)
	}
	next := NewOutbox(store, NewCallbacks(nil, true), nil, nil)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- next.Run(ctx) }()
	got := rc.waitDelivered(t, "/late", 1, 20*time.Second)
	cancel()
	if err := <-done; err != nil {
		t.Error(err)
	}
	if got[0].ID != n.ID || got[0].Key != "k/1" {
		t.Errorf("late callback %+v", got[0])
	}
	if recs, _ := listCallbacks(context.Background(), store, n.ID); len(recs) != 0 {
		t.Errorf("records left after delivery: %+v", recs)
	}
}

// TestCallbackReleasedTwiceSentOnce: a worker ending a job and a POST that
// registered a callback as the job ended both release the job's
// callbacks; each callback is sent once. Both wrote the due record and
// sent it, so a receiver got the callback twice (seen in make test as
// TestEveryCallbackOfAJobIsSent's "/second: delivered 2 times").
func TestCallbackReleasedTwiceSentOnce(t *testing.T) {
	rc := newReceiver(t, nil)
	store := memblob.OpenBucket(nil)
	defer store.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var boxes []*Outbox
	done := make(chan error, 2)
	for range 2 {
		ob := NewOutbox(store, NewCallbacks(nil, true), nil, nil)
		boxes = append(boxes, ob)
		go func() { done <- ob.Run(ctx) }()
	}
	running := func(o *Outbox) bool {
		o.mu.Lock()
		defer o.mu.Unlock()
		return o.running
	}
	for !running(boxes[0]) || !running(boxes[1]) {
		time.Sleep(time.Millisecond) // until both send
	}
	const rounds = 40
	for i := range rounds {
		n := &Narration{ID: strings.Repeat("cd", 31) + string(rune('a'+i%26)) + string(rune('a'+i/26)), Status: StatusDone}
		if err := boxes[0].Register(ctx, n.ID, rc.URL+"/once", "k"); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for _, ob := range boxes {
			wg.Go(func() {
				if err := ob.Release(ctx, n); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
	}
	rc.waitDelivered(t, "/once", rounds, 20*time.Second)
	time.Sleep(300 * time.Millisecond)
	if d, _ := rc.count("/once"); d != rounds {
		t.Errorf("%d callbacks released twice each were delivered %d times, want %d", rounds, d, rounds)
	}
	cancel()
	for range boxes {
		<-done
	}
}

// TestReleaseMarksCleared: a registration's release mark is kept an hour,
// longer than any release racing it, and then cleared by a scan.
func TestReleaseMarksCleared(t *testing.T) {
	store := memblob.OpenBucket(nil)
	defer store.Close()
	ctx := context.Background()
	ob := NewOutbox(store, NewCallbacks(nil, true), nil, nil)
	n := &Narration{ID: strings.Repeat("ef", 32), Status: StatusDone}
	if err := ob.Register(ctx, n.ID, "https://cms.example/cb", "k"); err != nil {
		t.Fatal(err)
	}
	if err := ob.Release(ctx, n); err != nil {
		t.Fatal(err)
	}
	marks := func() int {
		k := 0
		it := store.List(nil)
		for {
			obj, err := it.Next(ctx)
			if err != nil {
				return k
			}
			if strings.HasSuffix(obj.Key, "."+callbackReleased+".json") {
				k++
			}
		}
	}
	if err := ob.scan(ctx); err != nil || marks() != 1 {
		t.Fatalf("after a scan within the hour: %d marks (%v), want 1", marks(), err)
	}
	ob.c.Now = func() time.Time { return time.Now().Add(releasedMarkAge + time.Minute) }
	if err := ob.scan(ctx); err != nil || marks() != 0 {
		t.Errorf("after a scan past the hour: %d marks (%v), want 0", marks(), err)
	}
}
