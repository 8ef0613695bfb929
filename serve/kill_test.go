package serve

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/pubsub"
	_ "gocloud.dev/pubsub/gcppubsubv2"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/tts/cache"
)

// killSpec is slow enough that a job is caught in the middle.
const killSpec = "fake:?latency=400ms"

// TestHelperWorker is the worker process of TestWorkerKilled, not a test
// of its own.
func TestHelperWorker(t *testing.T) {
	dir := os.Getenv("NARRATE_HELPER_STORE")
	if os.Getenv("NARRATE_HELPER_WORKER") != "1" || dir == "" {
		t.Skip("runs only as TestWorkerKilled's subprocess")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	store, err := cache.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	sub, err := pubsub.OpenSubscription(ctx, "gcppubsubv2://"+psProject+"/workers")
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Shutdown(context.Background())
	w, err := NewWorker(WorkerOptions{Batch: batch.Options{Engine: openEngine(t, killSpec), TempDir: t.TempDir()},
		Store: store, Jobs: 2, Grace: 20 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(os.Stderr, "helper worker ready")
	if err := w.Run(ctx, sub); err != nil {
		t.Fatal(err)
	}
}

func startWorker(t *testing.T, addr, dir string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWorker$", "-test.v")
	cmd.Env = append(os.Environ(), "NARRATE_HELPER_WORKER=1", "NARRATE_HELPER_STORE="+dir, "PUBSUB_EMULATOR_HOST="+addr)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("worker %d output:\n%s", cmd.Process.Pid, out.String())
		}
	})
	return cmd
}

// TestWorkerKilled kills a worker process with SIGKILL in the middle of a
// job: the queue redelivers it after the ack deadline to a second worker,
// every job ends done exactly once, and only temporary files are left
// besides the narrations.
func TestWorkerKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for an ack deadline")
	}
	// Mostly waiting for the ack deadline: let the other tests run.
	t.Parallel()
	ps, conn := newPubSub(t, 10)
	topic, _ := openPubSub(t, conn)
	dir := t.TempDir()
	store, err := cache.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv, err := New(Options{Batch: batch.Options{Engine: openEngine(t, killSpec), TempDir: t.TempDir()}, Store: store, Topic: topic, Rate: -1})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	h := &harness{t: t, http: hs, store: store}
	var ids []string
	for i := 0; i < 4; i++ {
		code, n := h.post(Request{Text: shortArticle(200 + i)})
		if code != http.StatusAccepted {
			t.Fatalf("POST: %d", code)
		}
		ids = append(ids, n.ID)
	}

	first := startWorker(t, ps.Addr, dir)
	// Wait until a job has started, then kill its worker mid-job.
	deadline := time.Now().Add(30 * time.Second)
	for !anyRunning(t, store) {
		if time.Now().After(deadline) {
			t.Fatal("no job started in 30 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	first.Wait()
	killed := time.Now()
	notDone := 0
	for _, id := range ids {
		if !doneMarker(t, store, id) {
			notDone++
		}
	}
	if notDone == 0 {
		t.Fatal("every job was done before the kill: the test proves nothing")
	}

	second := startWorker(t, ps.Addr, dir)
	for _, id := range ids {
		if n := h.wait(id); n.Status != StatusDone {
			t.Fatalf("%s: %+v", id, n)
		}
	}
	t.Logf("%d jobs unfinished at the kill; all done %s after it", notDone, time.Since(killed).Round(time.Millisecond))
	// Let the second worker settle and stop it gracefully.
	time.Sleep(500 * time.Millisecond)
	second.Process.Signal(syscall.SIGTERM)
	if err := second.Wait(); err != nil {
		t.Errorf("second worker after SIGTERM: %v", err)
	}
	checkStore(t, store, ids)
}

func anyRunning(t *testing.T, b *blob.Bucket) bool {
	it := b.List(&blob.ListOptions{Prefix: "_jobs/"})
	for {
		obj, err := it.Next(context.Background())
		if err != nil {
			return false
		}
		if strings.HasSuffix(obj.Key, ".running") {
			return true
		}
	}
}

func doneMarker(t *testing.T, b *blob.Bucket, id string) bool {
	_, sidecar, _ := archive.Objects(id, "mp3")
	ok, err := b.Exists(context.Background(), sidecar)
	if err != nil {
		t.Fatal(err)
	}
	return ok
}
