package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	natsjs "github.com/nats-io/nats.go/jetstream"
	"gocloud.dev/pubsub/mempubsub"

	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/internal/tempdir"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/serve/jetstream"
	narratestore "github.com/narrate-dev/narrate/store"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/cache"
	"github.com/narrate-dev/narrate/tts/fake"
)

// The chaos tests run the service as processes and kill them with SIGKILL
// in the middle of a run: NATS JetStream (embedded in the test) with a
// serve process that only enqueues and two worker processes, and a serve
// process with its memory queue and in-process workers. By default they
// post 20 narrations; NARRATE_CHAOS=1 posts the 100.
//
// Every narration must end done, rendered once (no more than one "job
// done" across all the processes' logs), its every segment synthesized at most twice (once,
// and once more for the job a kill interrupted: clips are shared through
// the clip cache), nothing may read running when its worker has been
// quiet for longer than the ack wait, and no temporary file may be left.

const (
	chaosAckWait   = 6 * time.Second
	chaosHeartbeat = time.Second
	chaosSpec      = "latency=150ms&fail=0.1"
)

func chaosCount() int {
	if os.Getenv("NARRATE_CHAOS") == "1" {
		return 100
	}
	return 20
}

// countingDriver records, in a file shared by every process, each segment
// the fake engine synthesized without error.
type countingDriver struct {
	tts.Driver
	mu  sync.Mutex
	log *os.File
}

func (d *countingDriver) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	clip, err := d.Driver.Synthesize(ctx, req)
	if err == nil {
		line, _ := json.Marshal(req.Text)
		d.mu.Lock()
		d.log.Write(append(line, '\n'))
		d.mu.Unlock()
	}
	return clip, err
}

// TestHelperChaos is a process of the chaos tests (serve, worker or
// memserve), not a test of its own.
func TestHelperChaos(t *testing.T) {
	role := os.Getenv("NARRATE_CHAOS_ROLE")
	if role == "" {
		t.Skip("runs only as a chaos test's subprocess")
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	dir := os.Getenv("NARRATE_CHAOS_DIR")
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	tmp, err := tempdir.Open("", "narrate")
	if err != nil {
		t.Fatal(err)
	}
	defer tmp.Close()
	st, err := narratestore.Open(ctx, filepath.Join(dir, "store"), narratestore.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	calls, err := os.OpenFile(filepath.Join(dir, "calls"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer calls.Close()
	opts, err := fake.ParseOptions(mustSpec(t, "fake:?"+chaosSpec+fmt.Sprintf("&seed=%d", os.Getpid())))
	if err != nil {
		t.Fatal(err)
	}
	clips, err := cache.Open(ctx, filepath.Join(dir, "clips"))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := tts.New(ctx, tts.Options{Driver: &countingDriver{Driver: fake.New(opts), log: calls},
		Cache: cache.New(clips, cache.Options{CloseBucket: true}), Retry: fastRetry, QPS: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	r, err := pipeline.New(pipeline.Options{TempDir: tmp.Path()})
	if err != nil {
		t.Fatal(err)
	}
	bo := batch.Options{Engine: eng, Renderer: r, TempDir: tmp.Path()}
	wo := WorkerOptions{Batch: bo, Store: st, Jobs: 2, Grace: 5 * time.Second, Heartbeat: chaosHeartbeat, Logger: log}
	listen := func() net.Listener {
		l, err := net.Listen("tcp", os.Getenv("NARRATE_CHAOS_ADDR"))
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	fmt.Fprintln(os.Stderr, "chaos helper ready:", role)
	switch role {
	case "serve", "worker":
		nc, err := nats.Connect(os.Getenv("NARRATE_CHAOS_NATS"))
		if err != nil {
			t.Fatal(err)
		}
		defer nc.Close()
		if role == "serve" {
			topic, err := jetstream.OpenTopic(ctx, nc, "CHAOS", "chaos.jobs")
			if err != nil {
				t.Fatal(err)
			}
			defer topic.Shutdown(context.Background())
			err = RunService(ctx, ServiceOptions{Server: Options{Batch: bo, Store: st, Topic: topic, Rate: -1, Logger: log},
				Listener: listen(), Grace: 5 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			return
		}
		sub, err := jetstream.OpenSubscription(ctx, nc, "CHAOS", "chaos.jobs", jetstream.SubscriptionOptions{AckWait: chaosAckWait})
		if err != nil {
			t.Fatal(err)
		}
		defer sub.Shutdown(context.Background())
		w, err := NewWorker(wo)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Run(ctx, sub); err != nil {
			t.Fatal(err)
		}
	case "memserve":
		topic := mempubsub.NewTopic()
		defer topic.Shutdown(context.Background())
		sub := mempubsub.NewSubscription(topic, time.Hour)
		defer sub.Shutdown(context.Background())
		err := RunService(ctx, ServiceOptions{Server: Options{Batch: bo, Store: st, Topic: topic, Rate: -1, Logger: log, QueueInProcess: true},
			Subscription: sub, Workers: 2, Worker: wo, Listener: listen(), Grace: 5 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func mustSpec(t testing.TB, s string) *tts.Spec {
	sp, err := tts.ParseSpec(s)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

// chaos is one chaos run: its directory, processes and client.
type chaos struct {
	t      *testing.T
	dir    string
	tmp    string
	addr   string
	nats   string
	client *http.Client
	mu     sync.Mutex
	procs  []*exec.Cmd
	exited map[*exec.Cmd]chan struct{} // closed when the process has been waited for
	logs   []string
	// queueState, when set, describes the queue for a failure's report.
	queueState func() string
}

func newChaos(t *testing.T) *chaos {
	c := &chaos{t: t, dir: t.TempDir(), tmp: t.TempDir(), client: &http.Client{Timeout: 30 * time.Second},
		exited: map[*exec.Cmd]chan struct{}{}}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c.addr = l.Addr().String()
	l.Close()
	t.Cleanup(func() {
		for _, p := range c.procs {
			p.Process.Kill()
			<-c.exit(p)
		}
		if t.Failed() {
			for _, l := range c.logs {
				data, _ := os.ReadFile(l)
				t.Logf("%s (last 3000 bytes):\n%s", l, tail(string(data), 3000))
			}
		}
	})
	return c
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// start starts a helper process in role and waits until it says it is ready
// (and, for a server, until it answers).
func (c *chaos) start(role string) *exec.Cmd {
	c.t.Helper()
	logName := filepath.Join(c.dir, fmt.Sprintf("%s-%d.log", role, len(c.logs)))
	f, err := os.Create(logName)
	if err != nil {
		c.t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperChaos$")
	cmd.Env = append(os.Environ(), "NARRATE_CHAOS_ROLE="+role, "NARRATE_CHAOS_DIR="+c.dir, "NARRATE_CHAOS_ADDR="+c.addr,
		"NARRATE_CHAOS_NATS="+c.nats, "TMPDIR="+c.tmp)
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Start(); err != nil {
		c.t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); f.Close(); close(exited) }()
	c.mu.Lock()
	c.procs, c.logs = append(c.procs, cmd), append(c.logs, logName)
	c.exited[cmd] = exited
	c.mu.Unlock()
	deadline := time.Now().Add(60 * time.Second)
	for {
		data, _ := os.ReadFile(logName)
		if strings.Contains(string(data), "chaos helper ready") {
			break
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("%s did not start:\n%s", role, data)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if role != "worker" {
		for {
			resp, err := c.client.Get("http://" + c.addr + "/healthz")
			if err == nil {
				resp.Body.Close()
				break
			}
			if time.Now().After(deadline) {
				c.t.Fatalf("%s does not answer: %v", role, err)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	return cmd
}

// exit is closed once cmd has exited and been waited for.
func (c *chaos) exit(cmd *exec.Cmd) <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.exited[cmd]
}

func (c *chaos) kill(cmd *exec.Cmd) {
	cmd.Process.Signal(syscall.SIGKILL)
	<-c.exit(cmd)
}

func (c *chaos) stop(cmd *exec.Cmd) {
	c.t.Helper()
	cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.exit(cmd):
	case <-time.After(30 * time.Second):
		c.t.Fatalf("pid %d did not stop on SIGTERM in 30 s", cmd.Process.Pid)
	}
	if !cmd.ProcessState.Success() {
		c.t.Errorf("pid %d after SIGTERM: %v", cmd.Process.Pid, cmd.ProcessState)
	}
}

// post posts article i as a CMS would: again, after a pause, until the
// server answers 200 or 202 (it may be down: it is being killed).
func (c *chaos) post(i int) string {
	body, _ := json.Marshal(Request{Text: chaosArticle(i), Key: fmt.Sprintf("chaos/%d", i)})
	for tries := 0; ; tries++ {
		req, _ := http.NewRequest("POST", "http://"+c.addr+"/v1/narrations", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		resp, err := c.client.Do(req)
		if err == nil {
			var n Narration
			json.NewDecoder(resp.Body).Decode(&n)
			resp.Body.Close()
			if resp.StatusCode == 200 || resp.StatusCode == 202 {
				return n.ID
			}
			err = fmt.Errorf("%s", resp.Status)
		}
		if tries > 600 {
			c.t.Fatalf("POST %d: %v", i, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// chaosArticle has three paragraphs, so a job makes several requests.
func chaosArticle(i int) string {
	return fmt.Sprintf("Chaos story %d\n\nThe harbour council met on day %d and agreed to run the ferry every hour.\n\n"+
		"Residents of district %d asked for more buses and fewer cars on the bridge.\n\nThe vote on the timetable for week %d is next Tuesday.", i, i, i, i)
}

// statuses reads every id's status; unreachable ids are left out.
func (c *chaos) statuses(ids []string) map[string]Narration {
	out := map[string]Narration{}
	for _, id := range ids {
		resp, err := c.client.Get("http://" + c.addr + "/v1/narrations/" + id)
		if err != nil {
			continue
		}
		var n Narration
		if resp.StatusCode == 200 && json.NewDecoder(resp.Body).Decode(&n) == nil {
			out[id] = n
		}
		resp.Body.Close()
	}
	return out
}

// watch polls the statuses until every id is done, or d passes, checking
// that nothing reads running when its worker has been quiet for longer
// than the ack wait.
func (c *chaos) watch(ids []string, d time.Duration, onProgress func(done int)) {
	c.t.Helper()
	deadline := time.Now().Add(d)
	for {
		st := c.statuses(ids)
		done := 0
		for id, n := range st {
			switch n.Status {
			case StatusDone:
				done++
			case StatusFailed:
				c.t.Fatalf("%s failed: %s", id, n.Error)
			case StatusRunning:
				if n.Heartbeat != nil && time.Since(*n.Heartbeat) > chaosAckWait+time.Second {
					c.t.Errorf("%s reads running, its worker %s quiet for %s", id, n.Worker, time.Since(*n.Heartbeat).Round(time.Millisecond))
				}
			}
		}
		if onProgress != nil {
			onProgress(done)
		}
		if done == len(ids) {
			return
		}
		if time.Now().After(deadline) {
			c.t.Logf("%s", c.describeUndone(ids, st))
			c.t.Fatalf("%d of %d narrations done after %s", done, len(ids), d)
		}
		time.Sleep(300 * time.Millisecond) // polls other processes' progress over HTTP: no event to wait on
	}
}

// describeUndone reports, for a run that timed out, what is known of each
// narration not done: its status as served, its objects in the store and
// every log line that names it, and the queue's state; a stuck job is
// rare and comes only under load, so its report must say enough to find
// the cause without running it again.
func (c *chaos) describeUndone(ids []string, st map[string]Narration) string {
	var b strings.Builder
	for _, id := range ids {
		n, ok := st[id]
		if ok && n.Status == StatusDone {
			continue
		}
		js, _ := json.Marshal(n)
		fmt.Fprintf(&b, "narration %s not done (read: %v): %s\n", id, ok, js)
		filepath.WalkDir(filepath.Join(c.dir, "store"), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.Contains(d.Name(), id) {
				return nil
			}
			data, _ := os.ReadFile(path)
			info, _ := d.Info()
			mod := time.Time{}
			if info != nil {
				mod = info.ModTime()
			}
			fmt.Fprintf(&b, "  store %s (modified %s): %s\n", path, mod.Format(time.RFC3339Nano), tail(string(data), 400))
			return nil
		})
		for _, l := range c.logs {
			data, _ := os.ReadFile(l)
			for line := range strings.Lines(string(data)) {
				// (Not the test's own polls of the status.)
				if strings.Contains(line, id) && !strings.Contains(line, `"method":"GET"`) {
					fmt.Fprintf(&b, "  %s: %s", filepath.Base(l), line)
				}
			}
		}
	}
	if c.queueState != nil {
		fmt.Fprintf(&b, "queue: %s\n", c.queueState())
	}
	return b.String()
}

// check asserts what must hold once every narration is done and every
// process is stopped.
func (c *chaos) check(ids []string) {
	c.t.Helper()
	// Rendered once: one "job done" per id across every process's log.
	renders := map[string]int{}
	for _, l := range c.logs {
		f, err := os.Open(l)
		if err != nil {
			c.t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var line struct {
				Msg string `json:"msg"`
				ID  string `json:"id"`
			}
			if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "job done" {
				renders[line.ID]++
			}
		}
		f.Close()
	}
	// (A job killed after its done marker was written and before its
	// log line reads done, and is skipped when it runs again.)
	for _, id := range ids {
		if renders[id] > 1 {
			c.t.Errorf("%s rendered %d times, want once", id, renders[id])
		}
	}
	// Each segment synthesized at most twice.
	data, err := os.ReadFile(filepath.Join(c.dir, "calls"))
	if err != nil {
		c.t.Fatal(err)
	}
	calls := map[string]int{}
	total := 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		calls[line]++
		total++
	}
	twice := 0
	for text, n := range calls {
		if n > 2 {
			c.t.Errorf("segment %s synthesized %d times", text, n)
		}
		if n == 2 {
			twice++
		}
	}
	c.t.Logf("%d narrations, %d segments synthesized in %d calls (%d twice, after a kill)", len(ids), len(calls), total, twice)
	// The store holds the narrations and the service's records only.
	store, err := narratestore.Open(context.Background(), filepath.Join(c.dir, "store"), narratestore.Options{})
	if err != nil {
		c.t.Fatal(err)
	}
	defer store.Close()
	checkStore(c.t, store, ids)
	// No temporary file left: the restarted processes removed the
	// directories of the killed ones, and the stopped ones their own.
	left, _ := filepath.Glob(filepath.Join(c.tmp, "*", "*"))
	if len(left) > 0 {
		c.t.Errorf("temporary files left: %v", left)
	}
}

// TestChaosJetStream: serve and two workers on NATS JetStream; a worker and
// then serve are killed with SIGKILL mid-run and started again.
func TestChaosJetStream(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes and waits for ack deadlines")
	}
	c := newChaos(t)
	nc := newNATS(t)
	c.nats = nc.ConnectedUrl()
	c.queueState = func() string { return natsConsumerState(nc, "CHAOS") }
	serveP := c.start("serve")
	w1 := c.start("worker")
	c.start("worker")
	n := chaosCount()
	start := time.Now()
	ids := make([]string, n)
	var wg sync.WaitGroup
	posted := make(chan struct{})
	go func() {
		defer close(posted)
		for i := range n {
			wg.Add(1)
			go func() { defer wg.Done(); ids[i] = c.post(i) }()
			time.Sleep(20 * time.Millisecond) // wall clock: POSTs arrive over time, as from a CMS, while processes die
		}
		wg.Wait()
	}()
	// Kill a worker once jobs are running, and serve while POSTs still
	// arrive; start both again.
	waitFor(t, func() bool { return anyRunningIn(t, c) }, 60*time.Second, "no job started")
	c.kill(w1)
	killedWorker := time.Now()
	time.Sleep(300 * time.Millisecond) // wall clock: the second worker runs alone for a while
	c.kill(serveP)
	time.Sleep(500 * time.Millisecond) // wall clock: POSTs meet a dead server and retry
	serveP = c.start("serve")
	w1 = c.start("worker")
	<-posted
	c.watch(ids, 10*time.Minute, nil)
	t.Logf("all done %s after the start, %s after the worker's kill", time.Since(start).Round(time.Millisecond), time.Since(killedWorker).Round(time.Millisecond))
	for _, p := range c.procs {
		select {
		case <-c.exit(p):
		default:
			c.stop(p)
		}
	}
	c.check(ids)
}

// TestChaosMemoryQueue: serve with its memory queue and in-process workers
// is killed with SIGKILL mid-run and started again: it resumes the jobs
// its store says are unfinished.
func TestChaosMemoryQueue(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	c := newChaos(t)
	serveP := c.start("memserve")
	n := chaosCount()
	ids := make([]string, n)
	for i := range n {
		ids[i] = c.post(i)
	}
	killedAt := -1
	c.watch(ids, 10*time.Minute, func(done int) {
		if killedAt < 0 && done >= n/3 {
			killedAt = done
			c.kill(serveP)
			serveP = c.start("memserve")
		}
	})
	if killedAt < 0 || killedAt == n {
		t.Fatalf("killed at %d of %d done: the test proves nothing", killedAt, n)
	}
	t.Logf("killed with %d of %d done; the restarted server finished the rest", killedAt, n)
	c.stop(serveP)
	c.check(ids)
}

func waitFor(t *testing.T, cond func() bool, d time.Duration, msg string) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal(msg)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// anyRunningIn reports whether a job of c's store has a running mark.
func anyRunningIn(t *testing.T, c *chaos) bool {
	matches, _ := filepath.Glob(filepath.Join(c.dir, "store", "_jobs", "*.running"))
	return len(matches) > 0
}

// natsConsumerState is what JetStream says of the stream's consumers:
// messages not yet delivered, delivered and not acknowledged, redelivered.
func natsConsumerState(nc *nats.Conn, stream string) string {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	js, err := natsjs.New(nc)
	if err != nil {
		return err.Error()
	}
	s, err := js.Stream(ctx, stream)
	if err != nil {
		return err.Error()
	}
	var b strings.Builder
	if si, err := s.Info(ctx); err == nil {
		fmt.Fprintf(&b, "stream %s: %d messages, first %d, last %d; ", stream, si.State.Msgs, si.State.FirstSeq, si.State.LastSeq)
	}
	infos := s.ListConsumers(ctx)
	for ci := range infos.Info() {
		fmt.Fprintf(&b, "consumer %s: %d pending, %d delivered not acked, %d redelivered, %d waiting, delivered seq %d, ack floor %d; ",
			ci.Name, ci.NumPending, ci.NumAckPending, ci.NumRedelivered, ci.NumWaiting, ci.Delivered.Stream, ci.AckFloor.Stream)
	}
	if err := infos.Err(); err != nil {
		fmt.Fprintf(&b, "listing consumers: %v", err)
	}
	return b.String()
}
