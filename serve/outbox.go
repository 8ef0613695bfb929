package serve

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"gocloud.dev/blob"

	narratestore "github.com/narrate-dev/narrate/store"
)

// Callback states, in the name of their record.
const (
	callbackWaiting = "waiting" // the narration is not finished
	callbackDue     = "due"     // finished: to be delivered
	callbackFailed  = "failed"  // given up: refused for good, or out of tries
	// callbackReleased marks one registration as released (its name
	// carries the registration's token), so that of two releases that
	// found it waiting only one makes it due.
	callbackReleased = "released"
)

// Defaults of the outbox.
const (
	// DefaultCallbackLease is how long a sender may hold a due callback
	// before another process's sender takes it (a sender that died).
	DefaultCallbackLease = time.Minute
	// DefaultCallbackScan is how often a sender looks in the store for
	// due callbacks no live sender holds.
	DefaultCallbackScan = 30 * time.Second
	// DefaultCallbackSenders is how many callbacks one process sends at once.
	DefaultCallbackSenders = 4
	// DefaultCallbackMaxWait caps the wait between two tries.
	DefaultCallbackMaxWait = 5 * time.Minute
)

const callbackPrefix = "_callbacks/"

// releasedMarkAge is how long a registration's release mark is kept.
const releasedMarkAge = time.Hour

// callbackRecord is the _callbacks/<id>/<hash>.<state>.json object: one
// callback asked for a narration, from the POST that asked until it is
// delivered (then the record goes) or given up (then it stays, failed).
type callbackRecord struct {
	ID         string    `json:"id"`
	URL        string    `json:"url"`
	Key        string    `json:"key,omitempty"`
	State      string    `json:"state"`
	Registered time.Time `json:"registered"`
	// Token tells this registration from a later one of the same url and
	// key.
	Token string `json:"token,omitempty"`
	// Narration is the body to send, once the job has ended.
	Narration *Narration `json:"narration,omitempty"`
	Attempts  int        `json:"attempts"`
	// Next is when the next try is due.
	Next time.Time `json:"next,omitzero"`
	// Owner is the sender that holds the callback until LeaseUntil.
	Owner      string    `json:"owner,omitempty"`
	LeaseUntil time.Time `json:"lease_until,omitzero"`
	Error      string    `json:"error,omitempty"`
}

// callbackName names the record of (id, url, key) in state. The state is
// in the name so that a sender finds the due callbacks by listing, without
// reading the waiting ones.
func callbackName(id, url, key, state string) string {
	sum := sha256.Sum256([]byte(url + "\x00" + key))
	return callbackPrefix + id + "/" + hex.EncodeToString(sum[:8]) + "." + state + ".json"
}

func (r *callbackRecord) name() string { return callbackName(r.ID, r.URL, r.Key, r.State) }

// Outbox keeps every callback asked for in the store, and sends them apart
// from the jobs: a receiver that hangs or refuses never holds a worker,
// and a callback outlives the process that was sending it. Delivery is at
// least once: a receiver may get a callback twice (a sender died between
// sending and recording it), and should use the narration id and status
// to know.
type Outbox struct {
	st    *store
	c     *Callbacks
	log   *slog.Logger
	m     *Metrics
	owner string
	// Lease, Scan, Senders and MaxWait default to the Default* values.
	Lease   time.Duration
	Scan    time.Duration
	Senders int
	MaxWait time.Duration

	mu      sync.Mutex
	running bool
	work    chan string     // names of due records this process holds
	active  map[string]bool // held by this process (queued, in flight or waiting for a retry)
}

// NewOutbox returns an outbox keeping its records in store and sending
// with c (nil: NewCallbacks(nil, false)). log and m may be nil.
func NewOutbox(b *blob.Bucket, c *Callbacks, log *slog.Logger, m *Metrics) *Outbox {
	if c == nil {
		c = NewCallbacks(nil, false)
	}
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	host, _ := os.Hostname()
	var r [4]byte
	rand.Read(r[:])
	return &Outbox{st: &store{b: b}, c: c, log: log, m: m,
		owner:  fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(r[:])),
		active: map[string]bool{}}
}

func (o *Outbox) now() time.Time {
	if o.c.Now != nil {
		return o.c.Now()
	}
	return time.Now()
}

// Register records a callback to url for the narration id, asked with
// the CMS key: it waits until Release. Registering the same url and key
// again replaces a record that failed.
func (o *Outbox) Register(ctx context.Context, id, url, key string) error {
	var tok [8]byte
	rand.Read(tok[:])
	r := &callbackRecord{ID: id, URL: url, Key: key, State: callbackWaiting, Registered: o.now().UTC(), Token: hex.EncodeToString(tok[:])}
	if err := o.st.writeJSON(ctx, r.name(), r); err != nil {
		return err
	}
	return o.st.delete(ctx, callbackName(id, url, key, callbackFailed))
}

// Release makes every waiting callback of the narration n.ID due, with n
// as its body, and starts sending them when this process runs a sender.
func (o *Outbox) Release(ctx context.Context, n *Narration) error {
	recs, err := listCallbacks(ctx, o.st.b, n.ID)
	if err != nil {
		return err
	}
	o.mu.Lock()
	running := o.running
	o.mu.Unlock()
	for _, r := range recs {
		if r.State != callbackWaiting {
			continue
		}
		waiting := r.name()
		// Two releases can find the same waiting record (a worker ending
		// the job, and a POST that registered a callback as it ended):
		// the one that marks the registration released makes it due, the
		// other leaves it. Both made it due and sent it, one of them
		// after the other's delivery had cleared it, so the receiver got
		// it twice.
		if r.Token != "" {
			mark := callbackName(r.ID, r.URL, r.Key, r.Token+"."+callbackReleased)
			err := o.st.create(ctx, mark, &callbackRecord{ID: r.ID, State: callbackReleased, Registered: o.now().UTC()})
			if errors.Is(err, narratestore.ErrExists) {
				continue
			}
			if err != nil {
				return err
			}
		}
		body := *n
		body.Key = r.Key
		body.Links = links(n.ID, formatOfLinks(n))
		r.State, r.Narration, r.Next = callbackDue, &body, o.now().UTC()
		if running {
			r.Owner, r.LeaseUntil = o.owner, o.now().Add(o.lease()).UTC()
		}
		// A due record of an earlier registration of the same url and key
		// still being tried is left to its sender.
		err := o.st.create(ctx, r.name(), r)
		if errors.Is(err, narratestore.ErrExists) {
			if err := o.st.delete(ctx, waiting); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		if err := o.st.delete(ctx, waiting); err != nil {
			return err
		}
		if running {
			o.hand(r.name())
		}
	}
	return nil
}

// formatOfLinks keeps the audio link's format of n when it has one.
func formatOfLinks(n *Narration) string {
	if i := strings.LastIndexByte(n.Links.Audio, '.'); i >= 0 {
		return n.Links.Audio[i+1:]
	}
	return "mp3"
}

func (o *Outbox) lease() time.Duration   { return cmpOr(o.Lease, DefaultCallbackLease) }
func (o *Outbox) maxWait() time.Duration { return cmpOr(o.MaxWait, DefaultCallbackMaxWait) }

func cmpOr(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// hand queues a due record this process holds for a sender.
func (o *Outbox) hand(name string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.running || o.active[name] {
		return
	}
	o.active[name] = true
	select {
	case o.work <- name:
	default:
		// The senders are busy: a later scan takes it.
		delete(o.active, name)
	}
}

func (o *Outbox) done(name string) {
	o.mu.Lock()
	delete(o.active, name)
	o.mu.Unlock()
}

// Run sends due callbacks until ctx ends: those this process releases at
// once, and every Scan the ones in the store that no live sender holds
// (left by a process that stopped). Callbacks not delivered when ctx ends
// stay in the store for the next sender.
func (o *Outbox) Run(ctx context.Context) error {
	o.mu.Lock()
	if o.running {
		o.mu.Unlock()
		return errors.New("serve: outbox already running")
	}
	o.running = true
	o.work = make(chan string, 1024)
	o.mu.Unlock()
	defer func() {
		o.mu.Lock()
		o.running = false
		o.active = map[string]bool{}
		o.mu.Unlock()
	}()
	senders := o.Senders
	if senders <= 0 {
		senders = DefaultCallbackSenders
	}
	var wg sync.WaitGroup
	for range senders {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-ctx.Done():
					return
				case name := <-o.work:
					o.send(ctx, name)
				}
			}
		}()
	}
	tick := time.NewTicker(cmpOr(o.Scan, DefaultCallbackScan))
	defer tick.Stop()
	for {
		if err := o.scan(ctx); err != nil && ctx.Err() == nil {
			o.log.Warn("callback outbox: scan failed", "error", err.Error())
		}
		select {
		case <-ctx.Done():
			wg.Wait()
			return nil
		case <-tick.C:
		}
	}
}

// scan takes the due callbacks whose time has come and that no live sender
// holds.
func (o *Outbox) scan(ctx context.Context) error {
	it := o.st.b.List(&blob.ListOptions{Prefix: callbackPrefix})
	for {
		obj, err := it.Next(ctx)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if strings.HasSuffix(obj.Key, "."+callbackReleased+".json") {
			// A release mark outlives any release that could race it
			// by far after an hour.
			if o.now().Sub(obj.ModTime) > releasedMarkAge {
				o.st.delete(ctx, obj.Key)
			}
			continue
		}
		if !strings.HasSuffix(obj.Key, "."+callbackDue+".json") {
			continue
		}
		o.mu.Lock()
		mine := o.active[obj.Key]
		o.mu.Unlock()
		if mine {
			continue
		}
		var r callbackRecord
		found, err := o.st.readJSON(ctx, obj.Key, &r)
		if err != nil || !found {
			continue
		}
		now := o.now()
		if now.Before(r.Next) || (r.Owner != o.owner && now.Before(r.LeaseUntil)) {
			continue
		}
		r.Owner, r.LeaseUntil = o.owner, now.Add(o.lease()).UTC()
		if err := o.st.writeJSON(ctx, obj.Key, &r); err != nil {
			return err
		}
		o.hand(obj.Key)
	}
}

// send tries one due callback once and records what happened.
func (o *Outbox) send(ctx context.Context, name string) {
	var r callbackRecord
	found, err := o.st.readJSON(ctx, name, &r)
	if err != nil || !found || r.Narration == nil {
		o.done(name)
		return
	}
	if wait := time.Until(r.Next); wait > 0 {
		o.retryAt(ctx, name, wait)
		return
	}
	r.Attempts++
	permanent, err := o.c.Deliver(ctx, r.URL, r.Narration)
	if ctx.Err() != nil {
		// Stopping: the record stays due, for the next sender.
		o.done(name)
		return
	}
	wctx := context.WithoutCancel(ctx)
	switch {
	case err == nil:
		o.count("ok")
		o.log.Info("callback delivered", "id", r.ID, "tries", r.Attempts)
		if err := o.st.delete(wctx, name); err != nil {
			o.log.Warn("callback outbox: delivered callback not cleared", "id", r.ID, "error", err.Error())
		}
		o.done(name)
	case permanent || r.Attempts >= o.c.tries():
		o.count("failed")
		o.log.Warn("callback not delivered: giving up", "id", r.ID, "tries", r.Attempts, "error", err.Error())
		r.State, r.Error, r.Owner, r.LeaseUntil = callbackFailed, err.Error(), "", time.Time{}
		if werr := o.st.writeJSON(wctx, r.name(), &r); werr == nil {
			o.st.delete(wctx, name)
		}
		o.done(name)
	default:
		wait := min(o.c.first()<<(r.Attempts-1), o.maxWait())
		r.Error, r.Next = err.Error(), o.now().Add(wait).UTC()
		r.LeaseUntil = r.Next.Add(o.lease())
		if werr := o.st.writeJSON(wctx, name, &r); werr != nil {
			o.log.Warn("callback outbox: retry not recorded", "id", r.ID, "error", werr.Error())
		}
		o.retryAt(ctx, name, wait)
	}
}

// retryAt hands name to a sender again after wait.
func (o *Outbox) retryAt(ctx context.Context, name string, wait time.Duration) {
	go func() {
		select {
		case <-ctx.Done():
			o.done(name)
		case <-time.After(wait):
			select {
			case o.work <- name:
			case <-ctx.Done():
				o.done(name)
			}
		}
	}()
}

func (o *Outbox) count(result string) {
	if o.m != nil {
		o.m.callbacks.WithLabelValues(result).Inc()
	}
}

// listCallbacks reads every callback record of the narration id.
func listCallbacks(ctx context.Context, b *blob.Bucket, id string) ([]callbackRecord, error) {
	st := &store{b: b}
	var out []callbackRecord
	for obj, err := range st.list(ctx, callbackPrefix+id+"/") {
		if err != nil {
			return nil, err
		}
		var r callbackRecord
		found, err := st.readJSON(ctx, obj.Key, &r)
		if err != nil {
			return nil, err
		}
		if found && r.State != callbackReleased { // a release mark is no callback
			out = append(out, r)
		}
	}
	return out, nil
}
