// Package rest is what the drivers of HTTP speech APIs (OpenAI-compatible,
// ElevenLabs, Azure AI Speech) share: one call under a per-request timeout
// with the reply read whole and bounded, failures to get a reply sorted
// into tts error kinds, HTTP statuses into kinds (429 rate limited, 5xx
// transient, with the server's Retry-After), and secrets kept out of every
// message.
package rest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/tts"
)

// Client makes calls for one engine.
type Client struct {
	// Scheme names the engine in errors ("elevenlabs").
	Scheme string
	// HTTP is the client calls go through.
	HTTP *http.Client
	// Timeout bounds each call, reply included.
	Timeout time.Duration
	// Secrets are removed from every message, should a server or proxy
	// echo them.
	Secrets []string
}

// Reply is a reply with any status.
type Reply struct {
	Status int
	Header http.Header
	Body   []byte
}

// Do makes one call and reads its reply, at most limit bytes. A reply of
// any status is returned; err is set only when there is none, and then
// matches ctx's error when ctx ended, else tts.ErrTransient (refused
// connections, resets, the per-call timeout). what names the call in
// errors ("POST https://…/v1/text-to-speech/…").
func (c *Client) Do(ctx context.Context, method, url string, header http.Header, body []byte, limit int64) (*Reply, error) {
	what := method + " " + url
	callCtx, cancel := context.WithTimeout(ctx, c.Timeout)
	defer cancel()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(callCtx, method, url, rd)
	if err != nil {
		return nil, tts.Errorf(tts.ErrPermanent, c.Scheme, "build request %s: %v", c.Scrub(what), c.Scrub(err.Error()))
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, c.netError(ctx, what, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, c.netError(ctx, what, err)
	}
	if int64(len(data)) > limit {
		return nil, tts.Errorf(tts.ErrPermanent, c.Scheme, "%s: reply over %d bytes", c.Scrub(what), limit)
	}
	return &Reply{Status: resp.StatusCode, Header: resp.Header, Body: data}, nil
}

// netError classifies a failure to get a reply. The caller's ctx ending is
// reported as its error; everything else is transient.
func (c *Client) netError(ctx context.Context, what string, err error) error {
	what = c.Scrub(what)
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("%s: %s: %w", c.Scheme, what, cerr)
	}
	// The per-call timeout inherits an earlier caller deadline and its
	// timer can fire before the caller's ctx reports done.
	if dl, ok := ctx.Deadline(); ok && !time.Now().Before(dl) {
		return fmt.Errorf("%s: %s: %w", c.Scheme, what, context.DeadlineExceeded)
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		return tts.Errorf(tts.ErrTransient, c.Scheme, "%s: no answer within the %v timeout", what, c.Timeout)
	}
	return tts.Errorf(tts.ErrTransient, c.Scheme, "%s: %v", what, c.Scrub(err.Error()))
}

// StatusError maps a reply that is not 2xx to an error of its kind: 429 is
// tts.ErrRateLimited and 5xx and 408 tts.ErrTransient (both carrying the
// Retry-After the server sent), 413 and a 4xx whose message tooLong
// recognizes tts.ErrTooLong, and the rest tts.ErrPermanent. msg is the
// server's message, shortened and scrubbed here.
func (c *Client) StatusError(what string, r *Reply, msg string, tooLong func(msg string) bool) *tts.Error {
	what, msg = c.Scrub(what), Shorten(c.Scrub(msg))
	code := r.Status
	var e *tts.Error
	switch {
	case code == http.StatusTooManyRequests:
		e = tts.Errorf(tts.ErrRateLimited, c.Scheme, "%s: %d %s", what, code, msg)
	case code == http.StatusRequestEntityTooLarge || code/100 == 4 && tooLong != nil && tooLong(msg):
		return tts.Errorf(tts.ErrTooLong, c.Scheme, "%s: %d %s", what, code, msg)
	case code/100 == 5 || code == http.StatusRequestTimeout:
		e = tts.Errorf(tts.ErrTransient, c.Scheme, "%s: %d %s", what, code, msg)
	default:
		return tts.Errorf(tts.ErrPermanent, c.Scheme, "%s: %d %s", what, code, msg)
	}
	e.RetryAfter = RetryAfter(r.Header.Get("Retry-After"), time.Now())
	return e
}

// Scrub removes the secrets from s.
func (c *Client) Scrub(s string) string {
	for _, k := range c.Secrets {
		if len(k) >= 4 {
			s = strings.ReplaceAll(s, k, "[key]")
		}
	}
	return s
}

// maxMessage bounds the part of an error reply quoted in errors.
const maxMessage = 300

// Shorten makes a server's message one line of at most 300 bytes, valid
// UTF-8; an empty one says so.
func Shorten(msg string) string {
	msg = strings.Join(strings.Fields(strings.ToValidUTF8(msg, "\uFFFD")), " ")
	if len(msg) > maxMessage {
		cut := maxMessage
		for cut > 0 && !utf8.RuneStart(msg[cut]) {
			cut--
		}
		msg = msg[:cut] + "…"
	}
	if msg == "" {
		msg = "(empty reply)"
	}
	return msg
}

// RetryAfter parses a Retry-After header: seconds or an HTTP date. It
// returns 0 when absent or unreadable, and caps absurd waits at an hour.
func RetryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.ParseFloat(h, 64); err == nil {
		if secs <= 0 || secs != secs {
			return 0
		}
		d = time.Duration(min(secs, 3600) * float64(time.Second))
	} else if t, err := http.ParseTime(h); err == nil {
		d = t.Sub(now)
	}
	return max(0, min(d, time.Hour))
}
