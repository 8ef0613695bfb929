package serve

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gocloud.dev/pubsub/mempubsub"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/tts"
)

// shortArticle is one short narration, unique per i.
func shortArticle(i int) string {
	return fmt.Sprintf("Story %d\n\nThe council met on day %d and agreed to run the ferry every hour.", i, i)
}

// TestLoad posts narrations from concurrent clients against the fake engine
// with 50 ms latency and 10% transient faults: every one must finish, none
// lost or duplicated. It reports p95 latencies and the process's peak RSS.
// NARRATE_LOAD=1 runs the 200 narrations from 20 clients; by default
// a smaller round of 12 from 4 keeps the package quick.
func TestLoad(t *testing.T) {
	n, clients := 12, 4
	if os.Getenv("NARRATE_LOAD") == "1" {
		n, clients = 200, 20
	}
	h := newHarness(t, harnessOptions{spec: "fake:?latency=50ms&fail=0.1", workers: 4})
	var (
		mu       sync.Mutex
		posts    []time.Duration
		gets     []time.Duration
		ids      = map[string]bool{}
		failures []string
		next     = make(chan int)
		wg       sync.WaitGroup
		start    = time.Now()
		client   = h.http.Client()
		timed    = func(req *http.Request) (*http.Response, time.Duration, error) {
			t0 := time.Now()
			resp, err := client.Do(req)
			return resp, time.Since(t0), err
		}
	)
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				body := strings.NewReader(fmt.Sprintf(`{"text":%q,"key":"load/%d"}`, shortArticle(i), i))
				req, _ := http.NewRequest("POST", h.http.URL+"/v1/narrations", body)
				req.Header.Set("Authorization", "Bearer "+testKey)
				req.Header.Set("Content-Type", "application/json")
				resp, d, err := timed(req)
				if err != nil || resp.StatusCode != http.StatusAccepted {
					msg := fmt.Sprint(err)
					if err == nil {
						msg = fmt.Sprint(resp.Status, decode[map[string]string](t, resp))
					}
					mu.Lock()
					failures = append(failures, fmt.Sprintf("POST %d: %s", i, msg))
					mu.Unlock()
					continue
				}
				nar := decode[Narration](t, resp)
				mu.Lock()
				posts = append(posts, d)
				if ids[nar.ID] {
					failures = append(failures, "duplicate id "+nar.ID)
				}
				ids[nar.ID] = true
				mu.Unlock()
				for deadline := time.Now().Add(2 * time.Minute); ; {
					req, _ := http.NewRequest("GET", h.http.URL+"/v1/narrations/"+nar.ID, nil)
					req.Header.Set("Authorization", "Bearer "+testKey)
					req.Header.Set("Content-Type", "application/json")
					resp, d, err := timed(req)
					if err != nil || resp.StatusCode != 200 {
						msg := fmt.Sprint(err)
						if err == nil {
							msg = resp.Status
							resp.Body.Close()
						}
						mu.Lock()
						failures = append(failures, fmt.Sprintf("GET %s: %s", nar.ID, msg))
						mu.Unlock()
						break
					}
					st := decode[Narration](t, resp)
					mu.Lock()
					gets = append(gets, d)
					mu.Unlock()
					if st.Status == StatusDone {
						break
					}
					if st.Status == StatusFailed || time.Now().After(deadline) {
						mu.Lock()
						failures = append(failures, fmt.Sprintf("%s: %s %s", nar.ID, st.Status, st.Error))
						mu.Unlock()
						break
					}
					time.Sleep(50 * time.Millisecond)
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)
	for _, f := range failures {
		t.Error(f)
	}
	if len(ids) != n {
		t.Errorf("%d distinct narrations, want %d", len(ids), n)
	}
	var list []string
	for id := range ids {
		list = append(list, id)
	}
	checkDone(t, h, list)
	t.Logf("%d narrations from %d clients in %s (%.0f per minute); POST p95 %s, GET p95 %s (%d GETs); peak RSS %s",
		n, clients, elapsed.Round(time.Millisecond), float64(n)/elapsed.Minutes(),
		p95(posts), p95(gets), len(gets), peakRSS())
}

// checkDone asserts one done marker per id and no failure record, and that
// the workers acknowledged each job once.
func checkDone(t *testing.T, h *harness, ids []string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for h.worker.Acked() < int64(len(ids)) && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := h.worker.Acked(); got != int64(len(ids)) {
		t.Errorf("workers acknowledged %d jobs, want %d", got, len(ids))
	}
	checkStore(t, h.store, ids)
}

func p95(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[(len(s)*95+99)/100-1].Round(100 * time.Microsecond)
}

// peakRSS is this process's peak resident set (VmHWM): server, workers and
// test clients together, so an upper bound of the server's.
func peakRSS() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(v)
			if kb, err := strconv.Atoi(f[0]); err == nil {
				return fmt.Sprintf("%.0f MB", float64(kb)/1024)
			}
		}
	}
	return "unknown"
}

// BenchmarkThroughput renders the same articles through the service (POST,
// queue, worker, done marker, polled GET) and through batch.Run, with the
// fake engine at zero latency and no clip cache, and reports narrations per
// minute of each and the service's overhead.
func BenchmarkThroughput(b *testing.B) {
	const n = 16
	var entries []batch.Entry
	for i := 0; i < n; i++ {
		e := batch.Entry{ID: fmt.Sprintf("bench/%d", i), Text: shortArticle(i)}
		e.Key, _ = archive.SanitizeID(e.ID)
		entries = append(entries, e)
	}
	open := func() *tts.Engine {
		eng, err := tts.Open(context.Background(), "fake:", tts.Options{QPS: -1})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { eng.Close() })
		return eng
	}
	var serveTime, batchTime time.Duration
	for i := 0; i < b.N; i++ {
		// The service, with two in-process workers.
		eng := open()
		store := newMemStore(b)
		topic := mempubsub.NewTopic()
		sub := mempubsub.NewSubscription(topic, time.Minute)
		bo := batch.Options{Engine: eng, TempDir: b.TempDir()}
		srv, err := New(Options{Batch: bo, Store: store, Topic: topic, Rate: -1})
		if err != nil {
			b.Fatal(err)
		}
		hs := httptest.NewServer(srv.Handler())
		w, _ := NewWorker(WorkerOptions{Batch: bo, Store: store, Jobs: 2})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- w.Run(ctx, sub) }()
		h := &harness{t: b, http: hs, store: store}
		t0 := time.Now()
		var ids []string
		for j := range entries {
			_, nar := h.post(Request{Text: entries[j].Text})
			ids = append(ids, nar.ID)
		}
		for _, id := range ids {
			h.wait(id)
		}
		serveTime += time.Since(t0)
		cancel()
		<-done
		hs.Close()
		sub.Shutdown(context.Background())
		topic.Shutdown(context.Background())

		// batch.Run on the same articles.
		out := newMemStore(b)
		t0 = time.Now()
		st, err := batch.Run(context.Background(), entries, out, batch.Options{Engine: open(), Jobs: 2, TempDir: b.TempDir()})
		if err != nil || st.Done != n {
			b.Fatalf("batch: %v %+v", err, st)
		}
		batchTime += time.Since(t0)
	}
	total := float64(n * b.N)
	b.ReportMetric(total/serveTime.Minutes(), "serve_narrations/min")
	b.ReportMetric(total/batchTime.Minutes(), "batch_narrations/min")
	b.ReportMetric(100*(serveTime.Seconds()/batchTime.Seconds()-1), "overhead_%")
}
