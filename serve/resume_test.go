package serve

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/blob/memblob"
	"gocloud.dev/pubsub"
	"gocloud.dev/pubsub/mempubsub"

	"github.com/narrate-dev/narrate/batch"
)

// memService runs RunService on store with a fresh memory queue, as
// `narrate serve` does after a restart, until the test ends.
func memService(t *testing.T, store *blob.Bucket, workers int) (*harness, *pubsub.Subscription) {
	t.Helper()
	eng := openEngine(t, "fake:")
	topic := mempubsub.NewTopic()
	sub := mempubsub.NewSubscription(topic, time.Minute)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- RunService(ctx, ServiceOptions{
			Server: Options{Batch: batch.Options{Engine: eng, TempDir: t.TempDir()}, Store: store, Topic: topic, Rate: -1,
				QueueInProcess: true},
			Subscription: sub, Workers: workers, Listener: l, Grace: 5 * time.Second,
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("RunService: %v", err)
		}
		sub.Shutdown(context.Background())
		topic.Shutdown(context.Background())
	})
	hs := &httptest.Server{URL: "http://" + l.Addr().String(), Listener: l}
	h := &harness{t: t, http: hs, store: store, client: &http.Client{}}
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := h.client.Get(hs.URL + "/healthz")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("service not up in 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	return h, sub
}

// killedServer posts n articles to a server whose memory queue then dies
// with it (no worker ever takes them), and marks the first as started, as
// a killed in-process worker leaves it.
func killedServer(t *testing.T, store *blob.Bucket, n int) []string {
	t.Helper()
	h := newHarnessOn(t, store)
	var ids []string
	for i := 0; i < n; i++ {
		code, nar := h.post(Request{Text: shortArticle(500 + i), Key: "killed/" + string(rune('a'+i))})
		if code != 202 {
			t.Fatalf("POST: %d", code)
		}
		ids = append(ids, nar.ID)
	}
	if err := h.srv.st.writeJSON(context.Background(), runningObject(ids[0]), map[string]any{"started": time.Now()}); err != nil {
		t.Fatal(err)
	}
	return ids
}

// newHarnessOn is a server without workers on store, its queue a memory
// topic nobody reads.
func newHarnessOn(t *testing.T, store *blob.Bucket) *harness {
	t.Helper()
	eng := openEngine(t, "fake:")
	topic := mempubsub.NewTopic()
	srv, err := New(Options{Batch: batch.Options{Engine: eng, TempDir: t.TempDir()}, Store: store, Topic: topic, Rate: -1})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return &harness{t: t, srv: srv, http: hs, store: store}
}

// TestMemQueueRestartResumes: jobs a killed server with a memory queue
// left queued or running are run by the next server on the same store
// without anyone posting them again.
func TestMemQueueRestartResumes(t *testing.T) {
	store := memblob.OpenBucket(nil)
	defer store.Close()
	ids := killedServer(t, store, 3)
	h, _ := memService(t, store, 2)
	for _, id := range ids {
		if n := h.waitFor(id, 20*time.Second); n.Status != StatusDone {
			t.Errorf("%s after the restart: %+v, want done", id, n)
		}
	}
	checkStore(t, store, ids)
}

// TestRepostOfOrphanedJobQueuesIt: a job queued on a memory queue that
// died with its server is queued again when the CMS posts it again, at
// once, not after DefaultRequeueAfter.
func TestRepostOfOrphanedJobQueuesIt(t *testing.T) {
	store := memblob.OpenBucket(nil)
	defer store.Close()
	ids := killedServer(t, store, 1)
	// The next server, with no workers: nothing resumes the job, so only
	// the POST can queue it.
	h, sub := memService(t, store, 0)
	code, n := h.post(Request{Text: shortArticle(500), Key: "killed/a"})
	if code != 202 || n.ID != ids[0] {
		t.Fatalf("re-POST: %d %+v", code, n)
	}
	// A second POST of a job this server holds is not queued twice.
	h.post(Request{Text: shortArticle(500), Key: "killed/a"})
	msgs := 0
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
		m, err := sub.Receive(ctx)
		cancel()
		if err != nil {
			break
		}
		m.Ack()
		msgs++
	}
	if msgs != 1 {
		t.Errorf("%d queued messages after two re-POSTs of an orphaned job, want 1", msgs)
	}
}

// waitFor polls a narration until it is done or failed, or d passes.
func (h *harness) waitFor(id string, d time.Duration) Narration {
	h.t.Helper()
	deadline := time.Now().Add(d)
	var n Narration
	for time.Now().Before(deadline) {
		resp := h.do("GET", "/v1/narrations/"+id, nil, "")
		n = decode[Narration](h.t, resp)
		if n.Status == StatusDone || n.Status == StatusFailed {
			return n
		}
		time.Sleep(20 * time.Millisecond)
	}
	return n
}

// A mark read as sent is not read again until the store's listing says
// it changed; one replaced by an unsent mark (the job queued again by a
// POST whose server was then killed) is read again and its job queued.
func TestResumeUnsentRereadsReplacedMark(t *testing.T) {
	h, clk := newClockedHarness(t)
	ctx := context.Background()
	_, n := h.post(Request{Text: articleText(11)})
	if got, err := h.srv.ResumeUnsent(ctx, time.Minute); got != 0 || err != nil {
		t.Fatalf("a sent job: queued %d, %v; want 0", got, err)
	}
	if len(h.srv.sentMarks) != 1 {
		t.Errorf("remembered %d sent marks, want 1", len(h.srv.sentMarks))
	}
	if err := h.srv.st.writeJSON(ctx, pendingObject(n.ID), pendingMark{Queued: clk.Now()}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(2 * time.Minute)
	if got, err := h.srv.ResumeUnsent(ctx, time.Minute); got != 1 || err != nil {
		t.Errorf("a sent mark replaced by an unsent one: queued %d, %v; want 1", got, err)
	}
	// Its job finished: the mark goes, and the server forgets it.
	if err := h.srv.st.delete(ctx, pendingObject(n.ID)); err != nil {
		t.Fatal(err)
	}
	if _, err := h.srv.ResumeUnsent(ctx, time.Minute); err != nil {
		t.Fatal(err)
	}
	if len(h.srv.sentMarks) != 0 {
		t.Errorf("remembered %d sent marks of jobs gone, want 0", len(h.srv.sentMarks))
	}
}

// A job the queue refuses at a sweep keeps its record and its unsent
// mark, so that the next sweep queues it: nobody else would.
func TestResumeUnsentKeepsJobTheQueueRefused(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	h := newHarness(t, harnessOptions{workers: -1, opts: func(o *Options) {
		o.Now = func() time.Time { return now }
	}})
	ctx := context.Background()
	_, n := h.post(Request{Text: articleText(12)})
	if err := h.srv.st.writeJSON(ctx, pendingObject(n.ID), pendingMark{Queued: now.Add(-2 * time.Minute)}); err != nil {
		t.Fatal(err)
	}
	h.srv.o.Topic.Shutdown(ctx)
	if got, err := h.srv.ResumeUnsent(ctx, time.Minute); got != 0 || err == nil {
		t.Errorf("a queue that refuses: queued %d, %v; want 0 and an error", got, err)
	}
	if nar := decode[Narration](t, h.do("GET", "/v1/narrations/"+n.ID, nil, "")); nar.Status != StatusQueued {
		t.Errorf("the job after its sweep failed: %+v, want queued", nar)
	}
	var mark pendingMark
	if found, err := h.srv.st.readJSON(ctx, pendingObject(n.ID), &mark); !found || err != nil || mark.Sent {
		t.Errorf("its mark: %+v (found %v, %v), want kept unsent", mark, found, err)
	}
}
