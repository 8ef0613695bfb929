package serve

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"time"

	"gocloud.dev/pubsub"
)

// ServiceOptions configure RunService.
type ServiceOptions struct {
	// Server configures the API.
	Server Options
	// Subscription feeds in-process workers; with Workers 0 it is unused
	// and the server only enqueues.
	Subscription *pubsub.Subscription
	Workers      int
	// Worker configures in-process workers (Batch and Store default to the
	// server's; Jobs to Workers).
	Worker WorkerOptions
	// Listener is where the API is served.
	Listener net.Listener
	// Grace is how long requests and jobs in flight get at shutdown
	// (default DefaultGrace).
	Grace time.Duration
	// Sweep is how often a server of an external queue queues the jobs
	// a stopped server recorded and never sent (Server.ResumeUnsent),
	// besides once at its start: a replica killed and not restarted
	// leaves them to the replicas still running. Each wait is Sweep give
	// or take a quarter, drawn anew, so that replicas started together
	// drift apart (default DefaultSweep; negative: only at the start).
	Sweep time.Duration

	// sweepWait returns a channel that delivers once d has passed
	// (default time.After); tests give their own ticks.
	sweepWait func(d time.Duration) <-chan time.Time
}

// DefaultSweep is how often a server of an external queue looks for jobs
// recorded and never sent. A job lost that way waits about this long,
// and each sweep lists _pending/ once per replica.
const DefaultSweep = 5 * time.Minute

// unsentAfter is how old an unsent pending mark must be before a server
// other than its writer queues its job: the writer sends it within
// milliseconds unless it was killed.
const unsentAfter = time.Minute

// RunService serves the API, with in-process workers when asked, until ctx
// ends; then it stops accepting requests, drains requests and jobs within
// the grace period, nacks the jobs left, and returns.
func RunService(ctx context.Context, o ServiceOptions) error {
	if o.Grace <= 0 {
		o.Grace = DefaultGrace
	}
	if o.Sweep == 0 {
		o.Sweep = DefaultSweep
	}
	if o.sweepWait == nil {
		o.sweepWait = time.After
	}
	if o.Server.Metrics == nil {
		o.Server.Metrics = NewMetrics(o.Server.Batch.Engine)
	}
	// One outbox sends the callbacks the server and its workers release,
	// and those earlier processes left due.
	box := o.Server.Outbox
	if box == nil {
		box = NewOutbox(o.Server.Store, o.Worker.Callbacks, o.Server.Logger, o.Server.Metrics)
		o.Server.Outbox = box
	}
	var w *Worker
	if o.Workers > 0 {
		if o.Subscription == nil {
			return errors.New("serve: workers need a subscription")
		}
		wo := o.Worker
		if wo.Batch.Engine == nil {
			wo.Batch = o.Server.Batch
		}
		if wo.Store == nil {
			wo.Store = o.Server.Store
		}
		if wo.Jobs <= 0 {
			wo.Jobs = o.Workers
		}
		wo.Grace = o.Grace
		wo.Metrics = o.Server.Metrics
		wo.Outbox = box
		if wo.Logger == nil {
			wo.Logger = o.Server.Logger
		}
		var err error
		if w, err = NewWorker(wo); err != nil {
			return err
		}
	}
	var srv *Server
	if w != nil && o.Server.Pending == nil {
		// With in-process workers, the jobs waiting are the ones this
		// process queued and has not finished.
		o.Server.Pending = func() int {
			if o.Server.QueueInProcess {
				return srv.Held()
			}
			return int(srv.Queued() - w.Acked())
		}
	}
	srv, err := New(o.Server)
	if err != nil {
		return err
	}
	if w != nil {
		w.o.Settled = srv.Settled
	}
	if o.Server.QueueInProcess {
		// The queue died with the previous process: its unfinished jobs
		// are in the store only.
		n, err := srv.Resume(ctx)
		if err != nil {
			return fmt.Errorf("resuming unfinished jobs: %w", err)
		}
		if n > 0 {
			srv.log.Info("queued again the unfinished jobs of the previous run", "jobs", n)
		}
	} else {
		// Jobs a killed server recorded but never sent to the queue.
		n, err := srv.ResumeUnsent(ctx, unsentAfter)
		if err != nil {
			return fmt.Errorf("queuing jobs whose message was never sent: %w", err)
		}
		if n > 0 {
			srv.log.Info("queued jobs a stopped server recorded but never sent", "jobs", n)
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if !o.Server.QueueInProcess && o.Sweep > 0 {
		swept := make(chan struct{})
		go func() { srv.sweepUnsent(ctx, o.Sweep, o.sweepWait); close(swept) }()
		defer func() { cancel(); <-swept }()
	}
	// The sender outlives the workers' grace period, so that the callbacks
	// of jobs finished in it go out.
	boxCtx, stopBox := context.WithCancel(context.WithoutCancel(ctx))
	boxDone := make(chan struct{})
	go func() { box.Run(boxCtx); close(boxDone) }()
	defer func() { stopBox(); <-boxDone }()
	werr := make(chan error, 1)
	if w != nil {
		go func() { werr <- w.Run(ctx, o.Subscription) }()
	} else {
		werr <- nil
	}
	hs := NewHTTPServer(srv.Handler(), srv.log)
	srv.log.Info("serving", "addr", o.Listener.Addr().String(), "workers", o.Workers)
	herr := Serve(ctx, hs, o.Listener, o.Grace)
	if errors.Is(herr, http.ErrServerClosed) {
		herr = nil
	}
	// If the listener failed, the workers stop too.
	cancel()
	return errors.Join(herr, <-werr)
}

// sweepUnsent runs ResumeUnsent every jittered interval until ctx ends.
// A sweep that fails is logged and tried again at the next one.
func (s *Server) sweepUnsent(ctx context.Context, every time.Duration, wait func(time.Duration) <-chan time.Time) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-wait(jittered(every)):
		}
		n, err := s.ResumeUnsent(ctx, unsentAfter)
		switch {
		case err != nil && ctx.Err() == nil:
			s.log.Warn("sweep for jobs recorded and never sent failed; trying again at the next", "error", err.Error())
		case n > 0:
			s.log.Info("sweep queued jobs a stopped server recorded and never sent", "jobs", n)
		}
	}
}

// jittered is d give or take a quarter, uniformly.
func jittered(d time.Duration) time.Duration {
	if d < 2 {
		return d
	}
	return d - d/4 + rand.N(d/2)
}
