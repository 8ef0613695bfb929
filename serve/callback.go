package serve

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/internal/netguard"
)

// SignatureHeader carries a callback's signature:
//
//	X-Narrate-Signature: t=UNIX_SECONDS,sha256=HEX
//
// where HEX is HMAC-SHA256 with the shared secret of "UNIX_SECONDS." followed
// by the body. The time lets a receiver refuse replays of old callbacks.
const SignatureHeader = "X-Narrate-Signature"

// Sign returns the SignatureHeader value of body sent at t.
func Sign(secret, body []byte, t time.Time) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(ts + "."))
	mac.Write(body)
	return "t=" + ts + ",sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// Verify checks a SignatureHeader value against body, refusing signatures
// older than maxAge (0: any age). Receivers in Go can use it as is.
func Verify(secret, body []byte, header string, now time.Time, maxAge time.Duration) error {
	var ts, sig string
	for _, part := range splitComma(header) {
		switch {
		case len(part) > 2 && part[:2] == "t=":
			ts = part[2:]
		case len(part) > 7 && part[:7] == "sha256=":
			sig = part[7:]
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || sig == "" {
		return fmt.Errorf("signature header %q: want t=SECONDS,sha256=HEX", header)
	}
	if maxAge > 0 && now.Sub(time.Unix(sec, 0)) > maxAge {
		return fmt.Errorf("signature is older than %s", maxAge)
	}
	want := Sign(secret, body, time.Unix(sec, 0))
	if !hmac.Equal([]byte(want), []byte("t="+ts+",sha256="+sig)) {
		return fmt.Errorf("signature does not match")
	}
	return nil
}

func splitComma(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}

// Callbacks configure how callbacks are sent: signed, by a client that
// refuses private addresses, with retries (see Outbox).
type Callbacks struct {
	// Secret signs every callback (nil: unsigned).
	Secret []byte
	// Tries is how many times a callback is sent before it is recorded as
	// failed (default DefaultCallbackTries); the wait doubles from First
	// (default DefaultCallbackFirst). A receiver's refusal for good (a
	// 4xx other than 408 and 429) is not tried again.
	Tries int
	First time.Duration
	// Client sends them (default: a client that refuses private
	// addresses, does not follow redirects and times out after
	// DefaultCallbackExpiry).
	Client *http.Client
	// Now stamps signatures (default time.Now).
	Now func() time.Time
}

// NewCallbacks returns Callbacks whose client refuses private addresses
// unless allowPrivate.
func NewCallbacks(secret []byte, allowPrivate bool) *Callbacks {
	c := &http.Client{
		Timeout:       DefaultCallbackExpiry,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	if !allowPrivate {
		c.Transport = netguard.Transport(netguard.DenyPrivate)
	}
	return &Callbacks{Secret: secret, Client: c}
}

func (c *Callbacks) tries() int {
	if c.Tries > 0 {
		return c.Tries
	}
	return DefaultCallbackTries
}

func (c *Callbacks) first() time.Duration {
	if c.First > 0 {
		return c.First
	}
	return DefaultCallbackFirst
}

// Deliver POSTs n to url once, signed. permanent says the receiver
// refused it for good (a 4xx other than 408 and 429, or an address the
// client may not reach), so that trying again is pointless.
func (c *Callbacks) Deliver(ctx context.Context, url string, n *Narration) (permanent bool, err error) {
	body, err := json.Marshal(n)
	if err != nil {
		return true, err
	}
	now := c.Now
	if now == nil {
		now = time.Now
	}
	client := c.Client
	if client == nil {
		client = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return true, fmt.Errorf("callback: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", article.DefaultUserAgent)
	if c.Secret != nil {
		req.Header.Set(SignatureHeader, Sign(c.Secret, body, now()))
	}
	resp, err := client.Do(req)
	if err != nil {
		return errors.Is(err, netguard.ErrPrivateAddress), fmt.Errorf("callback: %w", err)
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return false, nil
	case resp.StatusCode >= 400 && resp.StatusCode < 500 && resp.StatusCode != 408 && resp.StatusCode != 429:
		return true, fmt.Errorf("callback: refused with HTTP %s", resp.Status)
	}
	return false, fmt.Errorf("callback: HTTP %s", resp.Status)
}
