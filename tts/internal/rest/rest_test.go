package rest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		h    string
		want time.Duration
	}{
		{"", 0},
		{"3", 3 * time.Second},
		{"0.5", 500 * time.Millisecond},
		{"-1", 0},
		{"NaN", 0},
		{"999999", time.Hour},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Minute).Format(http.TimeFormat), 0},
		{"soon", 0},
	} {
		if got := RetryAfter(tc.h, now); got != tc.want {
			t.Errorf("RetryAfter(%q) = %v, want %v", tc.h, got, tc.want)
		}
	}
}

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"1", "1.5", "Sat, 01 Mar 2025 12:01:00 GMT", "", "1e308", "-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		if d := RetryAfter(h, time.Now()); d < 0 || d > time.Hour {
			t.Fatalf("RetryAfter(%q) = %v", h, d)
		}
	})
}

func TestShorten(t *testing.T) {
	if got := Shorten("  two\nlines  "); got != "two lines" {
		t.Errorf("Shorten = %q", got)
	}
	if got := Shorten(""); got != "(empty reply)" {
		t.Errorf("Shorten(\"\") = %q", got)
	}
	if got := Shorten(strings.Repeat("é", 400)); len(got) > maxMessage+len("…") || !strings.HasSuffix(got, "…") {
		t.Errorf("Shorten of a long message gave %d bytes", len(got))
	}
}

func TestStatusErrorAndScrub(t *testing.T) {
	c := &Client{Scheme: "x", Secrets: []string{"sekret-key"}}
	h := http.Header{"Retry-After": {"2"}}
	for _, tc := range []struct {
		status int
		kind   error
		retry  time.Duration
	}{
		{429, tts.ErrRateLimited, 2 * time.Second},
		{503, tts.ErrTransient, 2 * time.Second},
		{408, tts.ErrTransient, 2 * time.Second},
		{413, tts.ErrTooLong, 0},
		{400, tts.ErrTooLong, 0}, // the message says so
		{401, tts.ErrPermanent, 0},
	} {
		err := c.StatusError("POST /speak", &Reply{Status: tc.status, Header: h}, "text too long for sekret-key", func(m string) bool { return strings.Contains(m, "too long") && tc.status == 400 })
		if !errors.Is(err, tc.kind) || tts.RetryAfter(err) != tc.retry || strings.Contains(err.Error(), "sekret") {
			t.Errorf("%d: %v (retry after %v), want %v after %v, key scrubbed", tc.status, err, tts.RetryAfter(err), tc.kind, tc.retry)
		}
	}
}

func TestDo(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Key") != "k" {
			w.WriteHeader(401)
			return
		}
		if r.URL.Path == "/slow" {
			<-r.Context().Done() // no answer until the client gives up
			return
		}
		w.Write([]byte(strings.Repeat("a", 10)))
	}))
	defer srv.Close()
	c := &Client{Scheme: "x", HTTP: srv.Client(), Timeout: 100 * time.Millisecond}
	r, err := c.Do(context.Background(), "GET", srv.URL+"/", http.Header{"X-Key": {"k"}}, nil, 10)
	if err != nil || r.Status != 200 || string(r.Body) != "aaaaaaaaaa" {
		t.Fatalf("got %+v, %v", r, err)
	}
	if _, err := c.Do(context.Background(), "GET", srv.URL+"/", http.Header{"X-Key": {"k"}}, nil, 9); !errors.Is(err, tts.ErrPermanent) {
		t.Errorf("reply over the limit: %v", err)
	}
	if r, err := c.Do(context.Background(), "GET", srv.URL+"/", nil, nil, 10); err != nil || r.Status != 401 {
		t.Errorf("401: %+v, %v", r, err)
	}
	if _, err := c.Do(context.Background(), "GET", srv.URL+"/slow", http.Header{"X-Key": {"k"}}, nil, 10); !errors.Is(err, tts.ErrTransient) || !strings.Contains(err.Error(), "100ms timeout") {
		t.Errorf("timeout: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.Do(ctx, "GET", srv.URL+"/", nil, nil, 10); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
