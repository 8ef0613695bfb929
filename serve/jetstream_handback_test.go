package serve

import (
	"context"
	"net"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/serve/jetstream"
)

// slowConn forwards what is written to it after a delay, as a busy
// network would, and can be cut with what it has not yet forwarded lost,
// as when a process exits.
type slowConn struct {
	net.Conn
	mu    sync.Mutex
	queue chan []byte
	once  sync.Once
}

func newSlowConn(c net.Conn, delay time.Duration) *slowConn {
	s := &slowConn{Conn: c, queue: make(chan []byte, 4096)}
	go func() {
		for b := range s.queue {
			time.Sleep(delay)
			if _, err := c.Write(b); err != nil {
				return
			}
		}
	}()
	return s
}

func (s *slowConn) Write(b []byte) (int, error) {
	s.queue <- append([]byte(nil), b...)
	return len(b), nil
}

// cut closes the connection at once, dropping what is still queued.
func (s *slowConn) cut() { s.once.Do(func() { s.Conn.Close() }) }

type slowDialer struct {
	delay time.Duration
	mu    sync.Mutex
	conns []*slowConn
}

func (d *slowDialer) Dial(network, address string) (net.Conn, error) {
	c, err := net.Dial(network, address)
	if err != nil {
		return nil, err
	}
	s := newSlowConn(c, d.delay)
	d.mu.Lock()
	d.conns = append(d.conns, s)
	d.mu.Unlock()
	return s, nil
}

func (d *slowDialer) cut() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, c := range d.conns {
		c.cut()
	}
}

// TestJetStreamHandBackReachesServer: a worker stopped with a job in hand
// hands it back, and the hand-back reaches the server before the worker's
// subscription is shut down, so a process that exits right after loses
// nothing: the job runs again at once, not after the ack wait (1 run in
// 11 waited for it).
func TestJetStreamHandBackReachesServer(t *testing.T) {
	ncAdmin := newNATS(t)
	url := ncAdmin.ConnectedUrl()
	ctx := context.Background()
	topic, err := jetstream.OpenTopic(ctx, ncAdmin, "HANDBACK", "handback.jobs")
	if err != nil {
		t.Fatal(err)
	}
	defer topic.Shutdown(ctx)
	store := newMemStore(t)
	fast := batch.Options{Engine: openEngine(t, "fake:"), TempDir: t.TempDir()}
	srv, err := New(Options{Batch: fast, Store: store, Topic: topic, Rate: -1})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	h := &harness{t: t, http: hs, store: store}

	// The first worker's connection is slow; it is cut as the worker
	// stops, as when its process exits.
	dialer := &slowDialer{delay: 300 * time.Millisecond}
	nc1, err := nats.Connect(url, nats.SetCustomDialer(dialer))
	if err != nil {
		t.Fatal(err)
	}
	defer nc1.Close()
	sub1, err := jetstream.OpenSubscription(ctx, nc1, "HANDBACK", "handback.jobs", jetstream.SubscriptionOptions{AckWait: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	slow := batch.Options{Engine: openEngine(t, "fake:?latency=20s"), TempDir: t.TempDir()}
	w1, err := NewWorker(WorkerOptions{Batch: slow, Store: store, Jobs: 1, Grace: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx1, stop1 := context.WithCancel(ctx)
	done1 := make(chan error, 1)
	go func() { done1 <- w1.Run(ctx1, sub1) }()
	_, n := h.post(Request{Text: shortArticle(950)})
	for deadline := time.Now().Add(20 * time.Second); !anyRunning(t, store); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the job did not start in 20 s")
		}
	}
	stop1()
	<-done1
	if err := sub1.Shutdown(ctx); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	dialer.cut()
	handedBack := time.Now()

	nc2, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc2.Close()
	sub2, err := jetstream.OpenSubscription(ctx, nc2, "HANDBACK", "handback.jobs", jetstream.SubscriptionOptions{AckWait: 30 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	w2, err := NewWorker(WorkerOptions{Batch: fast, Store: store, Jobs: 1, Grace: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	ctx2, stop2 := context.WithCancel(ctx)
	done2 := make(chan error, 1)
	go func() { done2 <- w2.Run(ctx2, sub2) }()
	got := h.waitFor(n.ID, 15*time.Second)
	stop2()
	<-done2
	sub2.Shutdown(ctx)
	if got.Status != StatusDone {
		t.Fatalf("a job handed back at shutdown: %s after the hand-back it reads %q; the ack wait is 30 s", time.Since(handedBack).Round(time.Millisecond), got.Status)
	}
	t.Logf("done %s after the hand-back", time.Since(handedBack).Round(time.Millisecond))
}
