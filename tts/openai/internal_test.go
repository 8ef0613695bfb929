package openai

import (
	"testing"
)

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
		if m := serverMessage(body); len(m) > 300+len("…") || m == "" {
			t.Fatalf("serverMessage gave %d bytes: %q", len(m), m)
		}
	})
}
