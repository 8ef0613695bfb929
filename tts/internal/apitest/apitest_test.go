package apitest

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

func TestLogKeepsArrivalOrderAndCopies(t *testing.T) {
	var l Log[int]
	if got := l.All(); len(got) != 0 {
		t.Fatalf("empty log: All = %v", got)
	}
	for i := range 3 {
		l.Add(i)
	}
	got := l.All()
	if len(got) != 3 || got[0] != 0 || got[1] != 1 || got[2] != 2 {
		t.Fatalf("All = %v, want [0 1 2]", got)
	}
	got[0] = 99
	if l.All()[0] != 0 {
		t.Fatal("All returned the log's own slice: a caller's change reached the log")
	}
}

func TestLogConcurrentAdds(t *testing.T) {
	var l Log[int]
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() { defer wg.Done(); l.Add(i) }()
	}
	wg.Wait()
	seen := map[int]bool{}
	for _, v := range l.All() {
		seen[v] = true
	}
	if len(seen) != 50 {
		t.Fatalf("%d distinct calls recorded, want 50", len(seen))
	}
}

func TestSpec(t *testing.T) {
	for _, c := range []struct{ base, extra, want string }{
		{"azure:Ava?endpoint=http://x", "", "azure:Ava?endpoint=http://x"},
		{"azure:Ava?endpoint=http://x", "rate=1.1&timeout=1s", "azure:Ava?endpoint=http://x&rate=1.1&timeout=1s"},
	} {
		if got := Spec(c.base, c.extra); got != c.want {
			t.Errorf("Spec(%q, %q) = %q, want %q", c.base, c.extra, got, c.want)
		}
	}
}

func TestClientGone(t *testing.T) {
	capped := httptest.NewRecorder()
	_, tooBig := io.ReadAll(http.MaxBytesReader(capped, io.NopCloser(strings.NewReader("12345")), 2))
	for _, c := range []struct {
		err  error
		gone bool
	}{{nil, false}, {tooBig, false}, {io.ErrUnexpectedEOF, true}, {net.ErrClosed, true}} {
		if got := ClientGone(c.err); got != c.gone {
			t.Errorf("ClientGone(%v) = %v, want %v", c.err, got, c.gone)
		}
	}
}
