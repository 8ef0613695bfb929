package tts

import (
	"strings"
	"testing"
)

func TestSpecCheckOptions(t *testing.T) {
	for _, tc := range []struct{ spec, err string }{
		{"fake:?rate=1&seed=2", ""},
		{"fake:", ""},
		{"fake:?speed=2", `fake: unknown option "speed" (known: rate, seed)`},
		{"fake:?rate=1&rate=2", `fake: option "rate" given 2 times`},
	} {
		sp, err := ParseSpec(tc.spec)
		if err != nil {
			t.Fatal(err)
		}
		err = sp.CheckOptions("rate", "seed")
		if (err == nil) != (tc.err == "") || err != nil && err.Error() != tc.err {
			t.Errorf("%s: %v, want %q", tc.spec, err, tc.err)
		}
	}
}

func TestRedactSpec(t *testing.T) {
	got := RedactSpec("openai:alloy?base=http://user:secret@host:8880/v1")
	if strings.Contains(got, "secret") || !strings.Contains(got, "http://xxxxx@host") {
		t.Errorf("RedactSpec = %q", got)
	}
}
