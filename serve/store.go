package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/batch"
	narratestore "github.com/narrate-dev/narrate/store"
)

// Narration states.
const (
	StatusQueued  = "queued"
	StatusRunning = "running"
	StatusDone    = "done"
	StatusFailed  = "failed"
)

// Narration is what the API answers about one narration, and what a
// callback receives.
type Narration struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	// Key is the CMS's article id, when the job was posted with one.
	Key   string `json:"key,omitempty"`
	Error string `json:"error,omitempty"`
	// Duration is the narration's length in seconds, once done.
	Duration *float64 `json:"duration,omitempty"`
	// Worker, Started and Heartbeat are what is known of a job a worker
	// took: which worker (host/pid), when it started, and when it last
	// said it was still at work. A job whose worker has gone quiet for
	// three heartbeats reads queued again, with these kept: the queue
	// delivers it again (after its ack deadline), or a POST of it queues it.
	Worker    string     `json:"worker,omitempty"`
	Started   *time.Time `json:"started,omitempty"`
	Heartbeat *time.Time `json:"heartbeat,omitempty"`
	Links     Links      `json:"links"`
}

// Links are where a narration's parts are served.
type Links struct {
	Self     string `json:"self"`
	Audio    string `json:"audio"`
	Timings  string `json:"timings"`
	Captions string `json:"captions"`
	Chapters string `json:"chapters"`
	Player   string `json:"player"`
}

// job is the _jobs/<id>.json record: everything a worker needs, including
// the article as read when it was posted, so the worker narrates exactly
// what the id names even if the page has changed since.
type job struct {
	ID       string            `json:"id"`
	Key      string            `json:"key,omitempty"`
	Source   string            `json:"source"`
	URL      string            `json:"url,omitempty"`
	Voice    string            `json:"voice,omitempty"`
	Callback string            `json:"callback,omitempty"`
	Queued   time.Time         `json:"queued"`
	Doc      *article.Document `json:"doc"`
}

// articleRef is a CMS article key's record (see articleObject).
type articleRef struct {
	Key     string    `json:"key"`
	ID      string    `json:"id"`
	Updated time.Time `json:"updated"`
	// History are the narrations posted with the key before ID, newest
	// first, so that taking the article down takes them all.
	History []string `json:"history,omitempty"`
}

// runningMark is the _jobs/<id>.running object: a worker has the job.
type runningMark struct {
	Worker    string    `json:"worker,omitempty"`
	Started   time.Time `json:"started"`
	Heartbeat time.Time `json:"heartbeat,omitzero"`
	// EverySeconds is how often the worker renews Heartbeat.
	EverySeconds float64 `json:"every_seconds,omitempty"`
}

// quiet reports whether the mark's worker has missed three heartbeats by
// now. Marks of workers that wrote no heartbeat count from their start.
func (m *runningMark) quiet(now time.Time) bool {
	last := m.Heartbeat
	if last.IsZero() {
		last = m.Started
	}
	every := time.Duration(m.EverySeconds * float64(time.Second))
	if every <= 0 {
		every = DefaultHeartbeat
	}
	return now.Sub(last) > 3*every
}

func jobObject(id string) string     { return "_jobs/" + id + ".json" }
func runningObject(id string) string { return "_jobs/" + id + ".running" }

// store reads and writes the service's objects in the bucket.
type store struct {
	b      *blob.Bucket
	format string
	// now tells fresh heartbeats from old ones (default time.Now).
	now func() time.Time
}

func (s *store) objects(id string) (audio, sidecar, failed string) {
	return archive.Objects(id, s.format)
}

func (s *store) exists(ctx context.Context, name string) (bool, error) {
	ok, err := s.b.Exists(ctx, name)
	if err != nil {
		return false, fmt.Errorf("store: %w", err)
	}
	return ok, nil
}

// readJSON decodes object name into v; found is false when it is missing.
func (s *store) readJSON(ctx context.Context, name string, v any) (found bool, err error) {
	data, err := s.b.ReadAll(ctx, name)
	if err != nil {
		if gcerrors.Code(err) == gcerrors.NotFound {
			return false, nil
		}
		return false, fmt.Errorf("store: read %s: %w", name, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return false, fmt.Errorf("store: %s: %w", name, err)
	}
	return true, nil
}

// writeJSON writes v to name whole or not at all.
func (s *store) writeJSON(ctx context.Context, name string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return s.write(ctx, name, "application/json", data)
}

// create writes v as JSON to name unless an object is there already:
// then it fails with narratestore.ErrExists.
func (s *store) create(ctx context.Context, name string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	err = narratestore.Write(ctx, s.b, name, bytes.NewReader(data), narratestore.WriteOptions{ContentType: "application/json", IfNotExist: true})
	if err != nil && !errors.Is(err, narratestore.ErrExists) {
		return fmt.Errorf("store: %w", err)
	}
	return err
}

func (s *store) write(ctx context.Context, name, ctype string, data []byte) error {
	if err := narratestore.Write(ctx, s.b, name, bytes.NewReader(data), narratestore.WriteOptions{ContentType: ctype}); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

func (s *store) delete(ctx context.Context, name string) error {
	if err := s.b.Delete(ctx, name); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
		return fmt.Errorf("store: delete %s: %w", name, err)
	}
	return nil
}

// errNotFound is a narration the store knows nothing about.
var errNotFound = errors.New("no such narration")

// status works out a narration's state from the objects present: the done
// marker wins, then a failure record, then a started or queued job.
func (s *store) status(ctx context.Context, id string) (*Narration, *job, error) {
	n := &Narration{ID: id}
	_, sidecar, _ := s.objects(id)
	info, err := archive.ReadInfo(ctx, s.b, sidecar)
	if err != nil {
		return nil, nil, err
	}
	var j job
	hasJob, err := s.readJSON(ctx, jobObject(id), &j)
	if err != nil {
		return nil, nil, err
	}
	if hasJob {
		n.Key = j.Key
	}
	switch {
	case info != nil:
		n.Status = StatusDone
		d := info.DurationSeconds
		n.Duration = &d
	default:
		f, err := archive.ReadFailure(ctx, s.b, id)
		if err != nil {
			return nil, nil, err
		}
		switch {
		case f != nil:
			n.Status = StatusFailed
			n.Error = f.Error
		case !hasJob:
			return nil, nil, errNotFound
		default:
			var m runningMark
			running, err := s.readJSON(ctx, runningObject(id), &m)
			if err != nil {
				return nil, nil, err
			}
			n.Status = StatusQueued
			if running {
				now := time.Now()
				if s.now != nil {
					now = s.now()
				}
				n.Worker, n.Started = m.Worker, &m.Started
				if !m.Heartbeat.IsZero() {
					n.Heartbeat = &m.Heartbeat
				}
				if !m.quiet(now) {
					n.Status = StatusRunning
				}
			}
		}
	}
	if !hasJob {
		return n, nil, nil
	}
	return n, &j, nil
}

// fail records the job id as failed with err, as a worker would.
func (s *store) fail(ctx context.Context, id string, o batch.Options, err error, now time.Time) error {
	_, _, name := s.objects(id)
	engine := ""
	if o.Engine != nil {
		engine = o.Engine.ID()
	}
	return s.writeJSON(ctx, name, archive.Failure{ID: id, Key: id, Kind: archive.KindRender, Error: err.Error(), Time: now.UTC(), Engine: engine})
}
