package serve

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"cloud.google.com/go/pubsub/v2/apiv1/pubsubpb"
	"cloud.google.com/go/pubsub/v2/pstest"
	"gocloud.dev/blob"
	"gocloud.dev/pubsub"
	"gocloud.dev/pubsub/gcppubsubv2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/tts"
)

const psProject = "narrate-test"

// newPubSub starts Google's in-process Pub/Sub fake (on loopback) with a
// topic and a subscription whose ack deadline is ackSeconds.
func newPubSub(t testing.TB, ackSeconds int32) (*pstest.Server, *grpc.ClientConn) {
	t.Helper()
	srv := pstest.NewServer()
	t.Cleanup(func() { srv.Close() })
	conn, err := grpc.NewClient(srv.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	ctx := context.Background()
	client, err := gcppubsubv2.Client(ctx, psProject, conn)
	if err != nil {
		t.Fatal(err)
	}
	topic := "projects/" + psProject + "/topics/jobs"
	if _, err := client.TopicAdminClient.CreateTopic(ctx, &pubsubpb.Topic{Name: topic}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.SubscriptionAdminClient.CreateSubscription(ctx, &pubsubpb.Subscription{
		Name: "projects/" + psProject + "/subscriptions/workers", Topic: topic, AckDeadlineSeconds: ackSeconds,
	}); err != nil {
		t.Fatal(err)
	}
	return srv, conn
}

func openPubSub(t testing.TB, conn *grpc.ClientConn) (*pubsub.Topic, func() *pubsub.Subscription) {
	t.Helper()
	ctx := context.Background()
	client, err := gcppubsubv2.Client(ctx, psProject, conn)
	if err != nil {
		t.Fatal(err)
	}
	topic := gcppubsubv2.OpenTopic(client, "jobs", nil)
	t.Cleanup(func() { topic.Shutdown(ctx) })
	return topic, func() *pubsub.Subscription {
		return gcppubsubv2.OpenSubscription(client, "workers", nil)
	}
}

// checkStore asserts that every id is done once, with its own settings,
// and that nothing but the service's objects (and temporary files) is left.
func checkStore(t testing.TB, b *blob.Bucket, ids []string) {
	t.Helper()
	ctx := context.Background()
	// A narration reads done once its outcome is stored; the worker
	// clears the job's running mark just after, as it settles the
	// message. A mark still there ten seconds on was left behind.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if !hasRunningMark(ctx, b) {
			break
		}
	}
	want := map[string]bool{}
	for _, id := range ids {
		audio, sidecar, _ := archive.Objects(id, "mp3")
		want[audio], want[sidecar] = true, true
		want[archive.CaptionsObject(id)], want[archive.ChaptersObject(id)] = true, true
		info, err := archive.ReadInfo(ctx, b, sidecar)
		if err != nil || info == nil || info.Settings != id {
			t.Errorf("%s: done marker %+v, %v", id, info, err)
		}
	}
	it := b.List(nil)
	for {
		obj, err := it.Next(ctx)
		if err != nil {
			break
		}
		switch {
		case want[obj.Key]:
			delete(want, obj.Key)
		case strings.HasPrefix(obj.Key, "_jobs/") && strings.HasSuffix(obj.Key, ".json"),
			strings.HasPrefix(obj.Key, "_articles/"), strings.HasPrefix(obj.Key, "_uses/") && strings.HasSuffix(obj.Key, ".json"):
		case strings.HasPrefix(obj.Key, "_jobs/") && strings.HasSuffix(obj.Key, ".running"):
			t.Errorf("running mark left after the job was acknowledged: %s", obj.Key)
		case strings.HasPrefix(obj.Key, "_failed/"):
			t.Errorf("failure record: %s", obj.Key)
		case strings.HasSuffix(obj.Key, ".tmp"):
			// fileblob's temporary name of a write a killed worker left
		default:
			t.Errorf("stray object %s", obj.Key)
		}
	}
	for k := range want {
		t.Errorf("missing %s", k)
	}
}

// hasRunningMark reports whether b holds a job's running mark.
func hasRunningMark(ctx context.Context, b *blob.Bucket) bool {
	it := b.List(&blob.ListOptions{Prefix: "_jobs/"})
	for {
		obj, err := it.Next(ctx)
		if err != nil {
			return false
		}
		if strings.HasSuffix(obj.Key, ".running") {
			return true
		}
	}
}

func TestPubSubQueueTwoWorkers(t *testing.T) {
	ps, conn := newPubSub(t, 10)
	topic, newSub := openPubSub(t, conn)
	start := time.Now()
	r := startQueueRig(t, topic, "fake:?latency=5ms", 2, func(context.Context) *pubsub.Subscription { return newSub() })
	h, ctx := r.harness, r.ctx
	var ids []string
	for i := 0; i < 6; i++ {
		code, n := h.post(Request{Text: shortArticle(100 + i), Key: fmt.Sprintf("ps/%d", i)})
		if code != http.StatusAccepted {
			t.Fatalf("POST %d: %d", i, code)
		}
		ids = append(ids, n.ID)
	}
	// At-least-once: the queue may deliver a job again; send two twins.
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
	t.Logf("6 jobs done in %s", time.Since(start))
	// Wait for the twins to be settled too.
	deadline := time.Now().Add(20 * time.Second)
	for r.acked() < 8 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	// Every message is acknowledged at the server (acks travel
	// asynchronously: give them a moment while the streams are open).
	var unacked []string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		unacked = unacked[:0]
		for _, m := range ps.Messages() {
			if m.Acks == 0 {
				unacked = append(unacked, fmt.Sprintf("%s (%d deliveries) %s", m.ID, m.Deliveries, m.Data))
			}
		}
		if len(unacked) == 0 {
			break
		}
	}
	for _, u := range unacked {
		t.Errorf("message never acknowledged: %s", u)
	}
	r.stop()
	if a, b := r.workers[0].Acked(), r.workers[1].Acked(); a+b != 8 {
		t.Errorf("acked %d + %d jobs, want 8 (6 and 2 twins)", a, b)
	}
	checkStore(t, r.store, ids)
}

func newMemStore(t testing.TB) *blob.Bucket {
	b, err := blob.OpenBucket(context.Background(), "mem://")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// TestPubSubLongJobNotRedelivered: a job that renders for longer than the
// subscription's ack deadline is not delivered again while its worker
// renders it. The Pub/Sub client under gcppubsubv2 holds the message's
// lease and extends its deadline (ModifyAckDeadline) until the worker acks
// it, up to its MaxExtension (60 minutes): this test holds it to that.
func TestPubSubLongJobNotRedelivered(t *testing.T) {
	if testing.Short() {
		t.Skip("renders for more than two ack deadlines")
	}
	ps, conn := newPubSub(t, 10) // Pub/Sub's shortest ack deadline
	topic, newSub := openPubSub(t, conn)
	// Requests of 22 s: the job lasts 2.2 ack deadlines.
	r := startQueueRig(t, topic, "fake:?latency=22s", 1, func(context.Context) *pubsub.Subscription { return newSub() })
	h := r.harness
	_, n := h.post(Request{Text: shortArticle(900)})
	if got := h.waitFor(n.ID, 90*time.Second); got.Status != StatusDone {
		t.Fatalf("narration %+v", got)
	}
	// The job is done before its message is acked, and acks travel
	// asynchronously: wait for the ack at the server while streams are open.
	acked := func() bool {
		msgs := ps.Messages()
		return len(msgs) == 1 && msgs[0].Acks > 0
	}
	for deadline := time.Now().Add(10 * time.Second); !acked() && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	if a := r.acked(); a != 1 {
		t.Errorf("workers acked %d jobs, want 1", a)
	}
	r.stop()
	msgs := ps.Messages()
	if len(msgs) != 1 || msgs[0].Deliveries != 1 || msgs[0].Acks != 1 {
		for _, m := range msgs {
			t.Logf("message %s: %d deliveries, %d acks", m.ID, m.Deliveries, m.Acks)
		}
		t.Errorf("one job rendering for 2.2 ack deadlines: %d messages, want one delivered once and acked", len(msgs))
	}
	if st := r.eng.Stats(); st.Requests != 2 {
		t.Errorf("engine called %d times for a job of 2 requests (title, paragraph)", st.Requests)
	}
}

// queueRig is a service posting to a real queue and two workers taking
// jobs from it, each with its own subscription.
type queueRig struct {
	*harness
	workers []*Worker
	subs    []*pubsub.Subscription
	eng     *tts.Engine
	ctx     context.Context
	cancel  context.CancelFunc
	done    chan error
}

// startQueueRig starts the service on topic with spec's engine, and two
// workers of jobs jobs each on the subscriptions newSub opens; stop ends
// them.
func startQueueRig(t *testing.T, topic *pubsub.Topic, spec string, jobs int, newSub func(ctx context.Context) *pubsub.Subscription) *queueRig {
	t.Helper()
	eng := openEngine(t, spec)
	store := newMemStore(t)
	bo := batch.Options{Engine: eng, TempDir: t.TempDir()}
	srv, err := New(Options{Batch: bo, Store: store, Topic: topic, Rate: -1})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	r := &queueRig{harness: &harness{t: t, http: hs, store: store}, eng: eng, done: make(chan error, 2)}
	r.ctx, r.cancel = context.WithCancel(context.Background())
	t.Cleanup(r.cancel)
	for i := 0; i < 2; i++ {
		w, err := NewWorker(WorkerOptions{Batch: bo, Store: store, Jobs: jobs, Grace: 5 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		sub := newSub(r.ctx)
		r.workers, r.subs = append(r.workers, w), append(r.subs, sub)
		go func() { r.done <- w.Run(r.ctx, sub) }()
	}
	return r
}

// acked is how many jobs the workers have settled for good.
func (r *queueRig) acked() int64 { return r.workers[0].Acked() + r.workers[1].Acked() }

// stop ends the workers and closes their subscriptions, reporting errors.
func (r *queueRig) stop() {
	r.cancel()
	for range r.workers {
		if err := <-r.done; err != nil {
			r.t.Error(err)
		}
	}
	for _, sub := range r.subs {
		if err := sub.Shutdown(context.Background()); err != nil {
			r.t.Error(err)
		}
	}
}
