package serve

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	js "github.com/nats-io/nats.go/jetstream"
	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/serve/jetstream"
)

// sweepTicks stands in for the sweep's timer: each send on ticks starts
// one sweep, and, the channel being unbuffered, a send returns only once
// the sweep before it has ended and the loop waits again.
type sweepTicks struct {
	ticks chan time.Time
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sweepTicks) wait(d time.Duration) <-chan time.Time {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return s.ticks
}

// sweep runs one whole sweep: the first send starts it, the second
// returns once it has ended (and starts the next, which finds nothing
// the first left to do unless the test changed the store in between).
func (s *sweepTicks) sweep() {
	s.ticks <- time.Time{}
	s.ticks <- time.Time{}
}

// lostJob records an article as a server does before it publishes it,
// on a queue nobody reads, and leaves its pending mark as a server killed
// before the publish leaves it (sent false, queued at queued) or, when
// sent, as one that published it.
func lostJob(t *testing.T, store *blob.Bucket, i int, queued time.Time, sent bool) string {
	t.Helper()
	h := newHarnessOn(t, store)
	code, n := h.post(Request{Text: shortArticle(700 + i)})
	if code != http.StatusAccepted {
		t.Fatalf("POST: %d", code)
	}
	if err := h.srv.st.writeJSON(context.Background(), pendingObject(n.ID), pendingMark{Queued: queued, Sent: sent}); err != nil {
		t.Fatal(err)
	}
	return n.ID
}

// TestSweepQueuesUnsentWhileRunning: a server of an external queue
// (JetStream) that is already running queues, at its next sweep, a job a
// killed replica recorded and never sent, once the job's mark is a minute
// old, and its worker finishes it; no restart and no repeat POST. A mark
// that says sent, and an unsent one under a minute old, are left alone.
// The sweep stops with the server.
func TestSweepQueuesUnsentWhileRunning(t *testing.T) {
	nc := newNATS(t)
	ctx := context.Background()
	topic, err := jetstream.OpenTopic(ctx, nc, "SWEEP", "sweep.jobs")
	if err != nil {
		t.Fatal(err)
	}
	defer topic.Shutdown(context.Background())
	sub, err := jetstream.OpenSubscription(ctx, nc, "SWEEP", "sweep.jobs", jetstream.SubscriptionOptions{AckWait: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Shutdown(context.Background())
	store := newMemStore(t)
	eng := openEngine(t, "fake:")
	var mu sync.Mutex
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	ticks := &sweepTicks{ticks: make(chan time.Time)}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan error, 1)
	go func() {
		done <- RunService(sctx, ServiceOptions{
			Server: Options{Batch: batch.Options{Engine: eng, TempDir: t.TempDir()}, Store: store, Topic: topic,
				Rate: -1, Now: clock},
			Subscription: sub, Workers: 1, Listener: l, Grace: 5 * time.Second,
			sweepWait: ticks.wait,
		})
	}()
	hs := &httptest.Server{URL: "http://" + l.Addr().String(), Listener: l}
	h := &harness{t: t, http: hs, store: store, client: &http.Client{}}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if resp, err := h.client.Get(hs.URL + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("service not up in 10 s")
		}
	}

	// Left while the server runs, so its start did not see them.
	lost := lostJob(t, store, 1, now.Add(-2*time.Minute), false)
	fresh := lostJob(t, store, 2, now, false)
	sent := lostJob(t, store, 3, now.Add(-2*time.Minute), true)
	ticks.sweep()
	if n := h.waitFor(lost, 20*time.Second); n.Status != StatusDone {
		t.Fatalf("the job a killed server never sent, after a sweep: %+v, want done", n)
	}
	for _, id := range []string{fresh, sent} {
		if n := decode[Narration](t, h.do("GET", "/v1/narrations/"+id, nil, "")); n.Status != StatusQueued {
			t.Errorf("%s after a sweep: %+v, want queued (left alone)", id, n)
		}
	}
	// What an operator sees.
	requeued := func() string {
		resp, err := h.client.Get(hs.URL + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		for _, line := range strings.Split(string(body), "\n") {
			if v, ok := strings.CutPrefix(line, `narrate_jobs_total{state="requeued"} `); ok {
				return v
			}
		}
		return "absent"
	}
	if got := requeued(); got != "1" {
		t.Errorf("narrate_jobs_total{state=\"requeued\"} %s after the first sweeps, want 1", got)
	}
	j, _ := js.New(nc)
	stream, err := j.Stream(ctx, "SWEEP")
	if err != nil {
		t.Fatal(err)
	}
	info, err := stream.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if info.State.LastSeq != 1 {
		t.Errorf("%d messages published, want 1 (the fresh and the sent marks are left alone)", info.State.LastSeq)
	}

	// A minute on, the fresh mark's server is taken for dead too.
	mu.Lock()
	now = now.Add(2 * time.Minute)
	mu.Unlock()
	ticks.sweep()
	if n := h.waitFor(fresh, 20*time.Second); n.Status != StatusDone {
		t.Fatalf("an unsent job two minutes old, after a sweep: %+v, want done", n)
	}
	if n := decode[Narration](t, h.do("GET", "/v1/narrations/"+sent, nil, "")); n.Status != StatusQueued {
		t.Errorf("the sent job after more sweeps: %+v, want queued", n)
	}
	if got := requeued(); got != "2" {
		t.Errorf("narrate_jobs_total{state=\"requeued\"} %s, want 2", got)
	}

	stop()
	if err := <-done; err != nil {
		t.Fatalf("RunService: %v", err)
	}
	if g := sweepGoroutines(); g != "" {
		t.Errorf("a sweep outlived its server:\n%s", g)
	}
	ticks.mu.Lock()
	defer ticks.mu.Unlock()
	for _, d := range ticks.waits {
		if d < DefaultSweep*3/4 || d >= DefaultSweep*5/4 {
			t.Errorf("waited %v between sweeps, want %v give or take a quarter", d, DefaultSweep)
		}
	}
}

// sweepGoroutines are the stacks of the goroutines in a sweep loop.
func sweepGoroutines() string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var out []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, ".sweepUnsent(") {
			out = append(out, g)
		}
	}
	return strings.Join(out, "\n\n")
}

// A server whose queue is in the process runs no sweep: its pending
// marks are its own jobs, held by its queue.
func TestNoSweepWithQueueInProcess(t *testing.T) {
	store := newMemStore(t)
	memService(t, store, 1)
	if g := sweepGoroutines(); g != "" {
		t.Errorf("a server of a memory queue sweeps:\n%s", g)
	}
}
