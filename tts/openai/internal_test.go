package openai

import (
	"net/http"
	"testing"
	"time"
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
		if got := retryAfter(tc.h, now); got != tc.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tc.h, got, tc.want)
		}
	}
}

func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"1", "1.5", "Sat, 01 Mar 2025 12:01:00 GMT", "", "1e308", "-0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		if d := retryAfter(h, time.Now()); d < 0 || d > time.Hour {
			t.Fatalf("retryAfter(%q) = %v", h, d)
		}
	})
}

func TestServerMessage(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`{"error":{"message":"Bad  voice\n"}}`, "Bad voice"},
		{`{"detail":"Input too long"}`, "Input too long"},
		{`{"detail":[{"msg":"x"}]}`, `[{"msg":"x"}]`},
		{`plain failure`, "plain failure"},
		{``, "(empty reply)"},
	} {
		if got := serverMessage([]byte(tc.body)); got != tc.want {
			t.Errorf("serverMessage(%q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}

func FuzzServerMessage(f *testing.F) {
	f.Add([]byte(`{"error":{"message":"m"}}`))
	f.Add([]byte("\xff\xfe long"))
	f.Fuzz(func(t *testing.T, body []byte) {
		if m := serverMessage(body); len(m) > maxMessage+len("…") || m == "" {
			t.Fatalf("serverMessage gave %d bytes: %q", len(m), m)
		}
	})
}
