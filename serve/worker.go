package serve

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/pubsub"

	"github.com/narrate-dev/narrate/batch"
)

// DefaultGrace is how long a stopping worker lets jobs in flight finish.
const DefaultGrace = 30 * time.Second

// DefaultHeartbeat is how often a worker says it is still at work on a
// job; a job whose worker misses three reads queued again.
const DefaultHeartbeat = 30 * time.Second

// WorkerOptions configure a Worker.
type WorkerOptions struct {
	// Batch are the engine, audio and input options; they must be the
	// server's, or jobs are rendered with other settings than their ids
	// name (the worker logs it).
	Batch batch.Options
	// Store is the server's store. Required.
	Store *blob.Bucket
	// Jobs is how many jobs run at once (default 2).
	Jobs int
	// Grace is how long jobs in flight may finish once Run's ctx ends
	// (default DefaultGrace); the rest are nacked.
	Grace time.Duration
	// Callbacks configure how job callbacks are sent (nil:
	// NewCallbacks(nil, false)).
	Callbacks *Callbacks
	// Outbox sends the callbacks, apart from the jobs (nil: an outbox of
	// the worker's own, with Callbacks, that Run runs).
	Outbox *Outbox
	// Metrics receive the worker's series (nil: new ones).
	Metrics *Metrics
	// Logger (default: discard).
	Logger *slog.Logger
	// Now stamps records (default time.Now).
	Now func() time.Time
	// Heartbeat is how often the worker renews a job's running mark while
	// it renders it (default DefaultHeartbeat).
	Heartbeat time.Duration
	// Settled, if set, is called with the id of every job the worker has
	// settled for good (its outcome written and its message acknowledged).
	Settled func(id string)
}

// Worker takes jobs off a subscription and renders them with
// batch.RunArticle.
type Worker struct {
	o       WorkerOptions
	ownBox  bool
	st      *store
	log     *slog.Logger
	m       *Metrics
	pending atomic.Int64
	acked   atomic.Int64
}

// NewWorker checks o and builds a Worker.
func NewWorker(o WorkerOptions) (*Worker, error) {
	if o.Batch.Engine == nil || o.Store == nil {
		return nil, errors.New("serve: worker needs an engine and a store")
	}
	if o.Jobs <= 0 {
		o.Jobs = 2
	}
	if o.Grace <= 0 {
		o.Grace = DefaultGrace
	}
	if o.Callbacks == nil {
		o.Callbacks = NewCallbacks(nil, false)
	}
	if o.Metrics == nil {
		o.Metrics = NewMetrics(o.Batch.Engine)
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Heartbeat <= 0 {
		o.Heartbeat = DefaultHeartbeat
	}
	// One job is one article: the per-job concurrency is the worker's.
	o.Batch.Jobs = 1
	own := o.Outbox == nil
	if own {
		o.Outbox = NewOutbox(o.Store, o.Callbacks, o.Logger, o.Metrics)
	}
	return &Worker{o: o, ownBox: own, st: &store{b: o.Store, format: o.Batch.Format(), now: o.Now}, log: o.Logger, m: o.Metrics}, nil
}

// InFlight is how many jobs this worker holds (received, not yet acked or
// nacked).
func (w *Worker) InFlight() int { return int(w.pending.Load()) }

// Acked is how many jobs this worker has settled for good.
func (w *Worker) Acked() int64 { return w.acked.Load() }

// Run receives and runs jobs, o.Jobs at once, until ctx ends; then it
// stops receiving, gives the jobs in flight o.Grace to finish, nacks those
// that do not, and returns nil. A receive error (the subscription broke)
// is returned after the same drain.
func (w *Worker) Run(ctx context.Context, sub *pubsub.Subscription) error {
	// Jobs outlive ctx by the grace period.
	jobCtx, cancelJobs := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelJobs()
	if w.ownBox {
		// The callbacks of the jobs go out until the jobs are over.
		boxDone := make(chan struct{})
		go func() { w.o.Outbox.Run(jobCtx); close(boxDone) }()
		defer func() { cancelJobs(); <-boxDone }()
	}
	sem := make(chan struct{}, w.o.Jobs)
	var wg sync.WaitGroup
	var recvErr error
	for {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		msg, err := sub.Receive(ctx)
		if err != nil {
			<-sem
			if ctx.Err() == nil {
				recvErr = fmt.Errorf("queue: %w", err)
			}
			break
		}
		w.pending.Add(1)
		wg.Add(1)
		go func() {
			defer func() { <-sem; w.pending.Add(-1); wg.Done() }()
			w.handle(jobCtx, msg)
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(w.o.Grace):
		w.log.Warn("grace period over: stopping jobs in flight", "jobs", w.pending.Load())
		cancelJobs()
		<-done
	}
	return recvErr
}

// handle runs one job and settles its message: ack once an outcome is in
// the store, nack when stopped before one.
func (w *Worker) handle(ctx context.Context, msg *pubsub.Message) {
	var mb message
	if err := json.Unmarshal(msg.Body, &mb); err != nil || !validID(mb.ID) {
		w.log.Error("dropping a malformed job message", "bytes", len(msg.Body))
		msg.Ack() // redelivering it would not make it readable
		return
	}
	id := mb.ID
	if q, err := time.Parse(time.RFC3339Nano, msg.Metadata[metaQueued]); err == nil {
		w.m.queueLag.Observe(w.o.Now().Sub(q).Seconds())
	}
	var j job
	found, err := w.st.readJSON(ctx, jobObject(id), &j)
	if err != nil {
		w.log.Error("job record unreadable; will retry", "id", id, "error", err.Error())
		nack(msg)
		return
	}
	if !found || j.Doc == nil {
		if gone, _ := w.st.exists(ctx, deletedObject(id)); gone {
			w.log.Info("job deleted before it ran; dropping it", "id", id)
			w.st.delete(context.WithoutCancel(ctx), deletedObject(id))
		} else {
			w.log.Warn("job has no record (deleted or pruned); dropping it", "id", id)
		}
		w.settle(ctx, msg, id)
		return
	}
	w.m.jobs.WithLabelValues("running").Inc()
	w.m.inFlight.Inc()
	defer w.m.inFlight.Dec()
	start := time.Now()
	stopBeat := w.heartbeat(ctx, id)
	defer stopBeat()
	e := &batch.Entry{ID: id, Key: id, URL: j.URL, Voice: j.Voice}
	res, err := batch.RunArticle(ctx, e, j.Doc, w.o.Store, w.o.Batch)
	// No heartbeat may renew the mark once settle clears it.
	stopBeat()
	if err != nil {
		// Stopped before an outcome was written: another worker runs it.
		w.log.Warn("job interrupted; returning it to the queue", "id", id, "error", err.Error())
		w.m.jobs.WithLabelValues("requeued").Inc()
		// It reads queued again, not running, until a worker takes it.
		w.st.delete(context.WithoutCancel(ctx), runningObject(id))
		nack(msg)
		return
	}
	if w.removeIfDeleted(ctx, msg, id, &j) {
		return
	}
	w.m.synthesis.Observe(time.Since(start).Seconds())
	w.m.jobs.WithLabelValues(res.State).Inc()
	n := &Narration{ID: id, Key: j.Key, Status: StatusDone}
	switch res.State {
	case batch.StateFailed:
		n.Status, n.Error = StatusFailed, res.Failure.Error
		w.log.Warn("job failed", "id", id, "kind", res.Failure.Kind, "error", res.Failure.Error)
	default:
		d := res.Info.DurationSeconds
		n.Duration = &d
		if res.Info.Settings != id {
			w.log.Warn("this worker's settings differ from the server's: the narration does not match its id",
				"id", id, "settings", res.Info.Settings)
		}
		w.log.Info("job "+res.State, "id", id, "seconds", time.Since(start).Seconds(), "audio_seconds", d)
	}
	// The callbacks go out apart from the job, so a receiver that hangs
	// does not hold this worker. Records written before callbacks had
	// their own carry the callback in the job.
	n.Links = links(id, w.st.format)
	if j.Callback != "" {
		if err := w.o.Outbox.Register(ctx, id, j.Callback, j.Key); err != nil {
			w.log.Warn("callback not recorded; will retry the job", "id", id, "error", err.Error())
			nack(msg)
			return
		}
	}
	if err := w.o.Outbox.Release(ctx, n); err != nil {
		w.log.Warn("callbacks not released; will retry the job", "id", id, "error", err.Error())
		nack(msg)
		return
	}
	w.settle(ctx, msg, id)
}

// processID names this process in running marks: host and pid.
var processID = func() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s/%d", host, os.Getpid())
}()

// heartbeat marks the job running and renews the mark every Heartbeat
// until the returned stop is called, so that its status can tell a worker
// at work from one that died.
func (w *Worker) heartbeat(ctx context.Context, id string) (stop func()) {
	m := runningMark{Worker: processID, Started: w.o.Now().UTC(), EverySeconds: w.o.Heartbeat.Seconds()}
	write := func() {
		m.Heartbeat = w.o.Now().UTC()
		if err := w.st.writeJSON(ctx, runningObject(id), m); err != nil && ctx.Err() == nil {
			w.log.Warn("could not mark job running", "id", id, "error", err.Error())
		}
	}
	write()
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(w.o.Heartbeat)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				write()
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(done); <-stopped }) }
}

// removeIfDeleted removes what the job j published when the narration was
// deleted (DELETE) after j was queued, and settles the job; it reports
// whether it did. The job record and marks go too, unless the article
// was posted again since, with a newer job of its own.
func (w *Worker) removeIfDeleted(ctx context.Context, msg *pubsub.Message, id string, j *job) bool {
	var ts tombstone
	found, err := w.st.readJSON(ctx, deletedObject(id), &ts)
	if err != nil || !found || ts.Deleted.Before(j.Queued) {
		return false
	}
	w.log.Info("job deleted while it ran; removing its output", "id", id)
	wctx := context.WithoutCancel(ctx)
	if err := w.st.removeOutputs(wctx, id); err != nil {
		w.log.Warn("could not remove a deleted job's output; will retry", "id", id, "error", err.Error())
		nack(msg)
		return true
	}
	var now job
	if found, _ := w.st.readJSON(wctx, jobObject(id), &now); found && now.Queued.After(ts.Deleted) {
		// Posted again: the newer job narrates it.
		w.settleOnly(msg, id)
		return true
	}
	if err := w.st.remove(wctx, id); err == nil {
		w.st.delete(wctx, deletedObject(id))
	}
	w.settle(ctx, msg, id)
	return true
}

// settle clears the job's marks and acknowledges its message: its outcome
// is in the store.
func (w *Worker) settle(ctx context.Context, msg *pubsub.Message, id string) {
	ctx = context.WithoutCancel(ctx)
	for _, name := range []string{pendingObject(id), runningObject(id)} {
		if err := w.st.delete(ctx, name); err != nil {
			w.log.Warn("could not clear a job mark", "id", id, "mark", name, "error", err.Error())
		}
	}
	w.settleOnly(msg, id)
}

// settleOnly acknowledges the job's message, leaving its marks.
func (w *Worker) settleOnly(msg *pubsub.Message, id string) {
	msg.Ack()
	w.acked.Add(1)
	if w.o.Settled != nil {
		w.o.Settled(id)
	}
}

// nack returns msg to the queue where the queue can take it back; others
// redeliver it after their ack deadline anyway.
func nack(msg *pubsub.Message) {
	if msg.Nackable() {
		msg.Nack()
	}
}
