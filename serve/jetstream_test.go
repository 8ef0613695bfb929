package serve

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	js "github.com/nats-io/nats.go/jetstream"
	"gocloud.dev/pubsub"

	"github.com/narrate-dev/narrate/serve/jetstream"
)

// newNATS starts an embedded NATS server with JetStream on loopback.
func newNATS(t testing.TB) *nats.Conn {
	t.Helper()
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		t.Fatal(err)
	}
	go ns.Start()
	t.Cleanup(ns.Shutdown)
	if !ns.ReadyForConnections(10 * time.Second) {
		t.Fatal("NATS server not ready")
	}
	nc, err := nats.Connect(ns.ClientURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	return nc
}

func TestJetStreamQueueTwoWorkers(t *testing.T) {
	nc := newNATS(t)
	ctx := context.Background()
	topic, err := jetstream.OpenTopic(ctx, nc, "NARRATE", "narrate.jobs")
	if err != nil {
		t.Fatal(err)
	}
	defer topic.Shutdown(context.Background())
	r := startQueueRig(t, topic, "fake:?latency=5ms", 2, func(ctx context.Context) *pubsub.Subscription {
		sub, err := jetstream.OpenSubscription(ctx, nc, "NARRATE", "narrate.jobs", jetstream.SubscriptionOptions{AckWait: 30 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		return sub
	})
	h := r.harness
	var ids []string
	for i := 0; i < 6; i++ {
		code, n := h.post(Request{Text: shortArticle(300 + i), Key: fmt.Sprintf("js/%d", i)})
		if code != http.StatusAccepted {
			t.Fatalf("POST %d: %d", i, code)
		}
		ids = append(ids, n.ID)
	}
	for _, id := range ids[:2] {
		if err := publish(ctx, topic, id, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range ids {
		if n := h.wait(id); n.Status != StatusDone {
			t.Fatalf("%s: %+v", id, n)
		}
	}
	deadline := time.Now().Add(20 * time.Second)
	for r.acked() < 8 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	r.stop()
	if a, b := r.workers[0].Acked(), r.workers[1].Acked(); a+b != 8 {
		t.Errorf("acked %d + %d jobs, want 8 (6 and 2 twins)", a, b)
	}
	// The server holds nothing unacknowledged or undelivered.
	j, _ := js.New(nc)
	c, err := j.Consumer(context.Background(), "NARRATE", "narrate-workers")
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if info.NumAckPending != 0 || info.NumPending != 0 || info.Delivered.Consumer < 8 {
		t.Errorf("consumer: %d awaiting ack, %d pending, %d delivered", info.NumAckPending, info.NumPending, info.Delivered.Consumer)
	}
	checkStore(t, r.store, ids)
}

// TestJetStreamLongJobNotRedelivered: a job that renders for longer than
// the consumer's ack wait is not delivered again while its worker renders
// it: the subscription tells the server the job is in progress. Without
// that, with ?ackwait=3s and 12 s renders, one id was rendered 3 times.
func TestJetStreamLongJobNotRedelivered(t *testing.T) {
	if testing.Short() {
		t.Skip("renders for several ack waits")
	}
	nc := newNATS(t)
	topic, err := jetstream.OpenTopic(context.Background(), nc, "LONG", "long.jobs")
	if err != nil {
		t.Fatal(err)
	}
	defer topic.Shutdown(context.Background())
	// Requests of 5 s: the job lasts 2.5 ack waits.
	r := startQueueRig(t, topic, "fake:?latency=5s", 1, func(ctx context.Context) *pubsub.Subscription {
		sub, err := jetstream.OpenSubscription(ctx, nc, "LONG", "long.jobs", jetstream.SubscriptionOptions{AckWait: 2 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		return sub
	})
	h := r.harness
	_, n := h.post(Request{Text: shortArticle(900)})
	if got := h.waitFor(n.ID, 60*time.Second); got.Status != StatusDone {
		t.Fatalf("narration %+v", got)
	}
	r.stop()
	j, _ := js.New(nc)
	c, err := j.Consumer(context.Background(), "LONG", "narrate-workers")
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if info.Delivered.Consumer != 1 || info.NumRedelivered != 0 {
		t.Errorf("one job rendering for 2.5 ack waits: delivered %d times (%d redelivered), want once", info.Delivered.Consumer, info.NumRedelivered)
	}
	if st := r.eng.Stats(); st.Requests != 2 {
		t.Errorf("engine called %d times for a job of 2 requests (title, paragraph)", st.Requests)
	}
}
