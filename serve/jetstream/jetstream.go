// Package jetstream is a gocloud.dev/pubsub driver for NATS JetStream with
// at-least-once delivery: a message is removed only when acknowledged, and
// comes back after the consumer's ack wait if its receiver dies. gocloud's
// own natspubsub speaks core NATS, which delivers at most once, so a job
// queue cannot use it.
//
// # URLs
//
// Importing the package registers the scheme "jetstream" for topics and
// subscriptions, connecting to the server in $NATS_SERVER_URL:
//
//	jetstream://STREAM/SUBJECT                       publish to SUBJECT
//	jetstream://STREAM/SUBJECT?consumer=NAME&ackwait=5m   durable pull consumer
//
// The stream is created with SUBJECT if it does not exist; the consumer
// (default "narrate-workers") is created or updated with explicit acks.
package jetstream

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	js "github.com/nats-io/nats.go/jetstream"
	"gocloud.dev/gcerrors"
	"gocloud.dev/pubsub"
	"gocloud.dev/pubsub/batcher"
	"gocloud.dev/pubsub/driver"
)

// Scheme is the URL scheme this package registers.
const Scheme = "jetstream"

// DefaultAckWait is how long a received job may stay unacknowledged before
// JetStream delivers it again.
const DefaultAckWait = 5 * time.Minute

func init() {
	o := &urlOpener{}
	pubsub.DefaultURLMux().RegisterTopic(Scheme, o)
	pubsub.DefaultURLMux().RegisterSubscription(Scheme, o)
}

type urlOpener struct {
	once sync.Once
	nc   *nats.Conn
	err  error
}

func (o *urlOpener) conn() (*nats.Conn, error) {
	o.once.Do(func() {
		u := os.Getenv("NATS_SERVER_URL")
		if u == "" {
			o.err = errors.New("jetstream: NATS_SERVER_URL is not set")
			return
		}
		o.nc, o.err = nats.Connect(u)
	})
	return o.nc, o.err
}

func parse(u *url.URL) (stream, subject string, err error) {
	stream, subject = u.Host, strings.TrimPrefix(u.Path, "/")
	if stream == "" || subject == "" {
		return "", "", fmt.Errorf("jetstream URL %q: want jetstream://STREAM/SUBJECT", u.Redacted())
	}
	return stream, subject, nil
}

func (o *urlOpener) OpenTopicURL(ctx context.Context, u *url.URL) (*pubsub.Topic, error) {
	stream, subject, err := parse(u)
	if err != nil {
		return nil, err
	}
	nc, err := o.conn()
	if err != nil {
		return nil, err
	}
	return OpenTopic(ctx, nc, stream, subject)
}

func (o *urlOpener) OpenSubscriptionURL(ctx context.Context, u *url.URL) (*pubsub.Subscription, error) {
	stream, subject, err := parse(u)
	if err != nil {
		return nil, err
	}
	q := u.Query()
	opts := SubscriptionOptions{Consumer: q.Get("consumer")}
	if s := q.Get("ackwait"); s != "" {
		if opts.AckWait, err = time.ParseDuration(s); err != nil {
			return nil, fmt.Errorf("jetstream URL: ackwait %q: %w", s, err)
		}
	}
	nc, err := o.conn()
	if err != nil {
		return nil, err
	}
	return OpenSubscription(ctx, nc, stream, subject, opts)
}

// ensureStream creates the stream with subject if it does not exist.
func ensureStream(ctx context.Context, j js.JetStream, stream, subject string) error {
	if _, err := j.Stream(ctx, stream); err == nil {
		return nil
	}
	_, err := j.CreateStream(ctx, js.StreamConfig{Name: stream, Subjects: []string{subject}})
	if err != nil && !errors.Is(err, js.ErrStreamNameAlreadyInUse) {
		return fmt.Errorf("jetstream: create stream %s: %w", stream, err)
	}
	return nil
}

// OpenTopic returns a topic publishing to subject on stream (created if
// missing). Sends wait for the server's acknowledgement, so a sent job is
// stored.
func OpenTopic(ctx context.Context, nc *nats.Conn, stream, subject string) (*pubsub.Topic, error) {
	j, err := js.New(nc)
	if err != nil {
		return nil, err
	}
	if err := ensureStream(ctx, j, stream, subject); err != nil {
		return nil, err
	}
	return pubsub.NewTopic(&topic{js: j, subject: subject}, nil), nil
}

type topic struct {
	js      js.JetStream
	subject string
}

func (t *topic) SendBatch(ctx context.Context, ms []*driver.Message) error {
	for _, m := range ms {
		msg := nats.NewMsg(t.subject)
		msg.Data = m.Body
		for k, v := range m.Metadata {
			msg.Header[k] = []string{v}
		}
		if m.BeforeSend != nil {
			if err := m.BeforeSend(func(any) bool { return false }); err != nil {
				return err
			}
		}
		if _, err := t.js.PublishMsg(ctx, msg); err != nil {
			return fmt.Errorf("jetstream: publish: %w", err)
		}
		if m.AfterSend != nil {
			if err := m.AfterSend(func(any) bool { return false }); err != nil {
				return err
			}
		}
	}
	return nil
}

func (*topic) IsRetryable(error) bool             { return false }
func (*topic) As(any) bool                        { return false }
func (*topic) ErrorAs(error, any) bool            { return false }
func (*topic) ErrorCode(error) gcerrors.ErrorCode { return gcerrors.Unknown }
func (*topic) Close() error                       { return nil }

// SubscriptionOptions configure OpenSubscription.
type SubscriptionOptions struct {
	// Consumer is the durable consumer's name (default "narrate-workers");
	// every worker uses the same one, so each job goes to one of them.
	Consumer string
	// AckWait is the redelivery delay of an unacknowledged message
	// (default DefaultAckWait).
	AckWait time.Duration
}

// OpenSubscription returns a subscription on a durable pull consumer of
// stream filtered to subject, created or updated with explicit acks.
func OpenSubscription(ctx context.Context, nc *nats.Conn, stream, subject string, o SubscriptionOptions) (*pubsub.Subscription, error) {
	if o.Consumer == "" {
		o.Consumer = "narrate-workers"
	}
	if o.AckWait <= 0 {
		o.AckWait = DefaultAckWait
	}
	j, err := js.New(nc)
	if err != nil {
		return nil, err
	}
	if err := ensureStream(ctx, j, stream, subject); err != nil {
		return nil, err
	}
	c, err := j.CreateOrUpdateConsumer(ctx, stream, js.ConsumerConfig{
		Durable: o.Consumer, FilterSubject: subject, AckPolicy: js.AckExplicitPolicy, AckWait: o.AckWait,
	})
	if err != nil {
		return nil, fmt.Errorf("jetstream: consumer %s: %w", o.Consumer, err)
	}
	// One message at a time: a message fetched ahead of its receiver would
	// sit unacknowledged and be redelivered to someone else.
	one := &batcher.Options{MaxBatchSize: 1, MaxHandlers: 1}
	s := &subscription{c: c, nc: nc, every: max(o.AckWait/3, 10*time.Millisecond), held: map[js.Msg]bool{}, stop: make(chan struct{})}
	go s.keepInProgress()
	return pubsub.NewSubscription(s, one, nil), nil
}

// subscription receives from a durable pull consumer. Every message it has
// received and not yet acknowledged or handed back is kept in progress: the
// server is told, every third of the ack wait, that its receiver still
// works on it, so a job that takes longer than the ack wait is not
// delivered to a second worker while the first renders it. When the
// process dies the signals stop, and the job comes back after the ack wait.
type subscription struct {
	c     js.Consumer
	nc    *nats.Conn
	every time.Duration

	mu     sync.Mutex
	held   map[js.Msg]bool
	stop   chan struct{}
	closed bool
}

func (s *subscription) keepInProgress() {
	t := time.NewTicker(s.every)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
		}
		s.mu.Lock()
		msgs := make([]js.Msg, 0, len(s.held))
		for m := range s.held {
			msgs = append(msgs, m)
		}
		s.mu.Unlock()
		for _, m := range msgs {
			// A failed signal is retried at the next tick; at worst the
			// job is delivered again, which the queue allows anyway.
			m.InProgress()
		}
	}
}

func (s *subscription) hold(m js.Msg, on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if on {
		s.held[m] = true
	} else {
		delete(s.held, m)
	}
}

func (s *subscription) ReceiveBatch(ctx context.Context, max int) ([]*driver.Message, error) {
	wait := time.Second
	if d, ok := ctx.Deadline(); ok && time.Until(d) < wait {
		wait = max1ms(time.Until(d))
	}
	b, err := s.c.Fetch(max, js.FetchMaxWait(wait))
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("jetstream: fetch: %w", err)
	}
	var out []*driver.Message
	for m := range b.Messages() {
		md := map[string]string{}
		for k, v := range m.Headers() {
			if len(v) > 0 {
				md[k] = v[0]
			}
		}
		id := ""
		if meta, err := m.Metadata(); err == nil {
			id = fmt.Sprint(meta.Sequence.Stream)
		}
		mm := m
		s.hold(m, true)
		out = append(out, &driver.Message{LoggableID: id, Body: m.Data(), Metadata: md, AckID: m,
			AsFunc: func(i any) bool {
				p, ok := i.(*js.Msg)
				if ok {
					*p = mm
				}
				return ok
			}})
	}
	if err := b.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) {
		return out, fmt.Errorf("jetstream: fetch: %w", err)
	}
	return out, nil
}

func max1ms(d time.Duration) time.Duration {
	if d < time.Millisecond {
		return time.Millisecond
	}
	return d
}

func (s *subscription) SendAcks(ctx context.Context, ids []driver.AckID) error {
	for _, id := range ids {
		m := id.(js.Msg)
		s.hold(m, false)
		// DoubleAck waits for the server to confirm, so an acked job is
		// not delivered again.
		if err := m.DoubleAck(ctx); err != nil {
			return fmt.Errorf("jetstream: ack: %w", err)
		}
	}
	return nil
}

func (*subscription) CanNack() bool { return true }

// SendNacks hands the messages back for redelivery now, and returns once
// the server has them: a worker stopping (SIGTERM) nacks its jobs and
// exits, and a hand-back still in the connection's buffer would be lost,
// leaving the job to wait out the ack wait.
func (s *subscription) SendNacks(ctx context.Context, ids []driver.AckID) error {
	for _, id := range ids {
		m := id.(js.Msg)
		s.hold(m, false)
		if err := m.Nak(); err != nil {
			return fmt.Errorf("jetstream: nack: %w", err)
		}
	}
	// A flush is a round trip: the server has read what was sent before.
	fctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := s.nc.FlushWithContext(fctx); err != nil {
		return fmt.Errorf("jetstream: nack: %w", err)
	}
	return nil
}

func (*subscription) IsRetryable(error) bool             { return false }
func (*subscription) As(any) bool                        { return false }
func (*subscription) ErrorAs(error, any) bool            { return false }
func (*subscription) ErrorCode(error) gcerrors.ErrorCode { return gcerrors.Unknown }
func (s *subscription) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.stop)
	}
	return nil
}
