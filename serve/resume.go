package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"gocloud.dev/blob"
)

// pendingMark is the _pending/<id>.json object: the job is queued and no
// worker has written its outcome. It lets a server whose queue died with
// the process find the unfinished jobs without reading every job record.
//
// Sent is written once the queue has taken the job's message. A server
// killed between the record and the message left a job that read queued
// and was in no queue: the client's retry of its POST was answered
// "queued" and not queued again until RequeueAfter (TestChaosJetStream
// found one of twenty such jobs undone after ten minutes). Without Sent,
// a repeat POST queues the job again.
type pendingMark struct {
	Queued time.Time `json:"queued"`
	Sent   bool      `json:"sent,omitempty"`
}

const pendingPrefix = "_pending/"

func pendingObject(id string) string { return pendingPrefix + id + ".json" }

// hold records that this process holds (queued and not yet settled) the
// job id, or no longer does.
func (s *Server) hold(id string, on bool) {
	if !s.o.QueueInProcess {
		return
	}
	s.heldMu.Lock()
	defer s.heldMu.Unlock()
	if on {
		s.heldIDs[id] = true
	} else {
		delete(s.heldIDs, id)
	}
}

// Settled tells the server that a worker of its in-process queue has
// settled the job id for good (acknowledged it).
func (s *Server) Settled(id string) { s.hold(id, false) }

// Held is how many jobs the server's in-process queue holds.
func (s *Server) Held() int {
	s.heldMu.Lock()
	defer s.heldMu.Unlock()
	return len(s.heldIDs)
}

// holds reports whether a worker or the queue holds the unfinished job id
// (n its status), so that posting it again need not queue it: with an
// in-process queue, whether this process queued it; otherwise whether a
// worker still says it is at work on it, or, for a job no worker has
// started, whether the queue took its message (pendingMark.Sent) less
// than RequeueAfter ago.
func (s *Server) holds(ctx context.Context, id string, n *Narration, j *job) (bool, error) {
	if s.o.QueueInProcess {
		s.heldMu.Lock()
		defer s.heldMu.Unlock()
		return s.heldIDs[id], nil
	}
	switch {
	case n.Status == StatusRunning:
		return true, nil
	case n.Worker != "":
		// Its worker went quiet: nobody has it until the queue's ack
		// deadline, which may be long.
		return false, nil
	}
	// A job whose message the queue never took is held by nobody.
	var mark pendingMark
	found, err := s.st.readJSON(ctx, pendingObject(id), &mark)
	if err != nil {
		return false, err
	}
	if found && !mark.Sent {
		return false, nil
	}
	return s.o.Now().Sub(j.Queued) < s.o.RequeueAfter, nil
}

// Resume queues again every job the store says is unfinished: for a
// server whose queue is in the process (QueueInProcess), whose jobs died
// with the previous process. A job whose record is gone is forgotten; one
// whose record cannot be read is recorded as failed, so that its status
// says why. It returns how many jobs it queued.
func (s *Server) Resume(ctx context.Context) (int, error) {
	n := 0
	err := s.eachPending(ctx, func(id, key string) error {
		nar, j, err := s.st.status(ctx, id)
		switch {
		case errors.Is(err, errNotFound):
			s.log.Warn("unfinished job has no record: forgetting it", "id", id)
			err = s.st.delete(ctx, key)
		case err != nil:
			s.log.Error("unfinished job cannot be read: recording it as failed", "id", id, "error", err.Error())
			err = s.st.fail(ctx, id, s.o.Batch, fmt.Errorf("job record unreadable after a restart: %w", err), s.o.Now())
			if err == nil {
				err = s.st.delete(ctx, key)
			}
		case nar.Status == StatusDone || nar.Status == StatusFailed || j == nil:
			err = s.st.delete(ctx, key)
		default:
			// The worker that started it is gone with its queue.
			if err = s.st.delete(ctx, runningObject(id)); err == nil {
				err = s.publish(ctx, id, j.Queued)
			}
			if err == nil {
				n++
				s.queued.Add(1)
			}
		}
		return err
	})
	return n, err
}

// eachPending calls f with the id and the object key of each pending
// mark in the store, until f returns an error.
func (s *Server) eachPending(ctx context.Context, f func(id, key string) error) error {
	it := s.o.Store.List(&blob.ListOptions{Prefix: pendingPrefix})
	for {
		obj, err := it.Next(ctx)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("store: list %s: %w", pendingPrefix, err)
		}
		id := strings.TrimSuffix(strings.TrimPrefix(obj.Key, pendingPrefix), ".json")
		if !validID(id) {
			continue
		}
		if err := f(id, obj.Key); err != nil {
			return err
		}
	}
}

// ResumeUnsent queues again each job whose pending mark says the queue
// never took its message, queued more than after ago, that no worker has
// started: a server of an external queue killed between the job's record
// and its message left it, and without a client's retry nobody would
// queue it before RequeueAfter. A server of several replicas runs it at
// its start; after is long enough that a live replica's own enqueue (a
// few milliseconds between the two writes) is never taken for one, and
// a job queued twice is harmless (its worker skips a done job). It
// returns how many jobs it queued.
func (s *Server) ResumeUnsent(ctx context.Context, after time.Duration) (int, error) {
	n := 0
	err := s.eachPending(ctx, func(id, key string) error {
		var mark pendingMark
		if found, err := s.st.readJSON(ctx, key, &mark); err != nil || !found || mark.Sent || s.o.Now().Sub(mark.Queued) < after {
			return nil // unreadable marks are Resume's and holds' to judge
		}
		nar, j, err := s.st.status(ctx, id)
		if err != nil || j == nil || nar.Status != StatusQueued || nar.Worker != "" {
			return nil
		}
		if err := s.publish(ctx, id, j.Queued); err != nil {
			return err
		}
		if err := s.st.writeJSON(ctx, key, pendingMark{Queued: j.Queued, Sent: true}); err != nil {
			return err
		}
		n++
		s.queued.Add(1)
		s.m.jobs.WithLabelValues("requeued").Inc()
		return nil
	})
	return n, err
}
