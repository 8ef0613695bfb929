package article

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"

	"github.com/narrate-dev/narrate/internal/netguard"
)

// fetchGuarded fetches u with DenyPrivate, letting allow through (the test
// servers are on loopback, the only place tests may listen).
func fetchGuarded(u string, allow string) error {
	control := func(network, address string, c syscall.RawConn) error {
		if allow != "" && address == allow {
			return nil
		}
		return netguard.DenyPrivate(network, address, c)
	}
	_, err := Fetch(context.Background(), u, FetchOptions{Control: control}, 0)
	return err
}

func TestFetchRefusesPrivateAddresses(t *testing.T) {
	var hits int
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("secret from inside"))
	}))
	defer target.Close()
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/inside", http.StatusFound)
	}))
	defer redirector.Close()
	_, tport, _ := strings.Cut(strings.TrimPrefix(target.URL, "http://"), ":")
	for _, tc := range []struct{ name, url, allow string }{
		{"loopback", target.URL, ""},
		{"ten slash eight", "http://10.20.30.40:8080/", ""},
		{"metadata", "http://169.254.169.254/latest/meta-data/", ""},
		{"metadata v6", "http://[fd00:ec2::254]/latest/meta-data/", ""},
		{"cgnat", "http://100.64.1.1/", ""},
		{"redirect to loopback", redirector.URL, strings.TrimPrefix(redirector.URL, "http://")},
		{"name resolving to loopback", "http://localhost:" + tport + "/", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := fetchGuarded(tc.url, tc.allow)
			if !errors.Is(err, netguard.ErrPrivateAddress) {
				t.Fatalf("fetch %s: got %v, want a refusal wrapping ErrPrivateAddress", tc.url, err)
			}
		})
	}
	if hits != 0 {
		t.Errorf("the loopback target was reached %d times", hits)
	}
	// The same redirect is followed when the target is allowed, so the
	// refusal above is the guard's doing.
	if err := fetchGuarded(redirector.URL, ""); err == nil {
		t.Error("the redirector on loopback was reached without an allowance")
	}
	if _, err := Fetch(context.Background(), redirector.URL, FetchOptions{}, 0); err != nil || hits != 1 {
		t.Errorf("without the guard: err %v, hits %d, want the target reached once", err, hits)
	}
}
