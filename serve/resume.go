package serve

import (
	"context"
	"errors"
	"fmt"
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
	// A job whose message the queue never took is held by nobody; nor
	// is one that reads queued with no mark at all (a store written
	// before the mark came first, see enqueue): queuing it again costs a
	// message its worker skips at worst.
	var mark pendingMark
	found, err := s.st.readJSON(ctx, pendingObject(id), &mark)
	if err != nil {
		return false, err
	}
	if !found || !mark.Sent {
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
	err := s.eachPending(ctx, func(id string, obj *blob.ListObject) error {
		key := obj.Key
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

// eachPending calls f with the id and the listing of each pending mark in
// the store, until f returns an error.
func (s *Server) eachPending(ctx context.Context, f func(id string, obj *blob.ListObject) error) error {
	for obj, err := range s.st.list(ctx, pendingPrefix) {
		if err != nil {
			return err
		}
		id := strings.TrimSuffix(strings.TrimPrefix(obj.Key, pendingPrefix), ".json")
		if !validID(id) {
			continue
		}
		if err := f(id, obj); err != nil {
			return err
		}
	}
	return nil
}

// markListing is what a store's listing says of a pending mark without
// reading it: its MD5 where the store gives one (memblob, GCS, S3), else
// its modification time and size (a directory).
type markListing struct {
	md5  string
	mod  time.Time
	size int64
}

// listingOf is obj's markListing, or false when the store's listing says
// too little to tell a rewritten mark from the one read before.
func listingOf(obj *blob.ListObject) (markListing, bool) {
	switch {
	case obj.MD5 != nil:
		return markListing{md5: string(obj.MD5)}, true
	case !obj.ModTime.IsZero():
		return markListing{mod: obj.ModTime, size: obj.Size}, true
	}
	return markListing{}, false
}

// ResumeUnsent queues again each job whose pending mark says the queue
// never took its message, queued more than after ago, that no worker has
// started: a server of an external queue killed between the job's record
// and its message left it, and without a client's retry nobody would
// queue it before RequeueAfter. A server runs it at its start and then
// every ServiceOptions.Sweep, so that the jobs of a replica killed and
// not restarted are queued by the replicas still running; after is long
// enough that a live replica's own enqueue (a few milliseconds between
// the two writes) is never taken for one, and a job queued twice by two
// replicas sweeping at once is harmless (its worker skips a done job).
// It returns how many jobs it queued.
//
// A store of many queued jobs holds as many marks, nearly all sent, and
// a sent mark is only ever replaced, never edited back: the server
// remembers the listing of each mark it read as sent and reads it again
// only once the listing says it changed, so a sweep costs one listing
// and the reads of the marks written since the last.
func (s *Server) ResumeUnsent(ctx context.Context, after time.Duration) (int, error) {
	// One sweep at a time: they share what was read.
	s.sweepMu.Lock()
	defer s.sweepMu.Unlock()
	n := 0
	listed := map[string]bool{}
	err := s.eachPending(ctx, func(id string, obj *blob.ListObject) error {
		key := obj.Key
		l, known := listingOf(obj)
		if known {
			listed[key] = true
			if seen, ok := s.sentMarks[key]; ok && seen == l {
				return nil
			}
		}
		var mark pendingMark
		found, err := s.st.readJSON(ctx, key, &mark)
		if err != nil || !found {
			return nil // unreadable marks are Resume's and holds' to judge
		}
		if mark.Sent {
			if known {
				s.sentMarks[key] = l
			}
			return nil
		}
		if s.o.Now().Sub(mark.Queued) < after {
			return nil
		}
		nar, j, err := s.st.status(ctx, id)
		if errors.Is(err, errNotFound) {
			// A mark without its record: a server killed between the
			// two writes of enqueue. Nobody will read it.
			if err := s.st.delete(ctx, key); err != nil {
				return err
			}
			return nil
		}
		if err != nil || j == nil || nar.Status != StatusQueued || nar.Worker != "" {
			return nil
		}
		// Not s.publish: a job the queue refuses now keeps its record
		// and its unsent mark for the next sweep, since nobody else would
		// queue it.
		if err := publish(ctx, s.o.Topic, id, j.Queued); err != nil {
			return fmt.Errorf("queuing job %s: %w", id, err)
		}
		if err := s.st.writeJSON(ctx, key, pendingMark{Queued: j.Queued, Sent: true}); err != nil {
			return err
		}
		n++
		s.queued.Add(1)
		s.m.jobs.WithLabelValues("requeued").Inc()
		s.log.Info("queued a job a stopped server recorded and never sent", "id", id, "queued", j.Queued)
		return nil
	})
	if err == nil {
		// Forget the marks gone (their jobs finished); after an error
		// the listing was cut short.
		for key := range s.sentMarks {
			if !listed[key] {
				delete(s.sentMarks, key)
			}
		}
	}
	return n, err
}
