package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/spf13/cobra"

	"github.com/narrate-dev/narrate/serve"
)

func newWorkerCmd() *cobra.Command {
	var f serviceFlags
	c := &cobra.Command{
		Use:   "worker --queue URL --store URL",
		Short: "Render queued narrations: the workers behind 'narrate serve'",
		Long: `worker takes jobs that 'narrate serve' queued and renders them into --store,
--jobs at a time. Give it the same --store and audio flags (--voice, --format,
loudness, pauses…) as the server. Run as many as the queue needs: a job may
run twice (queues deliver at least once) and still produces one narration.

--addr, when set, serves /healthz, /readyz and /metrics.

SIGTERM stops taking jobs, lets those in flight finish within --grace and
returns the rest to the queue.`,
		Example: `  narrate worker --subscription gcppubsubv2://news/narrate-workers \
    --store gs://news-audio/narrations --cache gs://news-audio/clips --voice google:en-US-Neural2-F`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			ctx := c.Context()
			if !c.Flags().Changed("queue") && f.sub == "" || strings.HasPrefix(f.queue, "mem://") && f.sub == "" {
				return usageError{errNoQueue}
			}
			if f.jobs < 1 {
				return usageError{fmt.Errorf("--jobs %d: want at least 1", f.jobs)}
			}
			s, err := f.open(c)
			if err != nil {
				return err
			}
			defer s.close()
			sub, err := f.openSubscription(ctx)
			if err != nil {
				return err
			}
			defer sub.Shutdown(context.WithoutCancel(ctx))
			m := serve.NewMetrics(s.eng)
			w, err := serve.NewWorker(serve.WorkerOptions{Batch: s.bo, Store: s.store, Jobs: f.jobs, Grace: f.grace,
				Callbacks: s.callbacks(f.allowPrivate), Metrics: m, Logger: s.log})
			if err != nil {
				return err
			}
			if f.addr != "" {
				l, err := net.Listen("tcp", f.addr)
				if err != nil {
					return fmt.Errorf("--addr %s: %w", f.addr, err)
				}
				mux := http.NewServeMux()
				mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok\n") })
				mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
					if ok, err := s.store.IsAccessible(r.Context()); !ok || err != nil {
						http.Error(w, "store not accessible", http.StatusServiceUnavailable)
						return
					}
					io.WriteString(w, "ready\n")
				})
				mux.Handle("GET /metrics", promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{}))
				go serve.Serve(ctx, serve.NewHTTPServer(mux, s.log), l, f.grace)
			}
			s.log.Info("worker started", "jobs", f.jobs, "engine", s.eng.ID())
			if err := w.Run(ctx, sub); err != nil {
				return err
			}
			s.log.Info("worker stopped")
			return nil
		},
	}
	fl := c.Flags()
	f.register(fl, "")
	fl.IntVar(&f.jobs, "jobs", 2, "jobs rendered at once")
	return c
}
