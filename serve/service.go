package serve

import (
	"context"
	"errors"
	"fmt"
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
}

// RunService serves the API, with in-process workers when asked, until ctx
// ends; then it stops accepting requests, drains requests and jobs within
// the grace period, nacks the jobs left, and returns.
func RunService(ctx context.Context, o ServiceOptions) error {
	if o.Grace <= 0 {
		o.Grace = DefaultGrace
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
		n, err := srv.ResumeUnsent(ctx, time.Minute)
		if err != nil {
			return fmt.Errorf("queuing jobs whose message was never sent: %w", err)
		}
		if n > 0 {
			srv.log.Info("queued jobs a stopped server recorded but never sent", "jobs", n)
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
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
