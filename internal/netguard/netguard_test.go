package netguard

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"syscall"
	"testing"
)

func TestPublicAddr(t *testing.T) {
	for _, tc := range []struct {
		ip   string
		want bool
	}{
		{"93.184.215.14", true},
		{"8.8.8.8", true},
		{"2606:4700::1111", true},
		{"127.0.0.1", false},
		{"127.8.9.10", false},
		{"::1", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"192.168.1.1", false},
		{"100.64.0.1", false},
		{"100.127.255.254", false},
		{"169.254.169.254", false},
		{"fd00:ec2::254", false},
		{"fe80::1", false},
		{"0.0.0.0", false},
		{"::", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"64:ff9b::a00:1", false},
		{"224.0.0.1", false},
		{"255.255.255.255", false},
		{"172.32.0.1", true},
		{"100.128.0.1", true},
	} {
		if got := PublicAddr(netip.MustParseAddr(tc.ip)); got != tc.want {
			t.Errorf("PublicAddr(%s) = %v, want %v", tc.ip, got, tc.want)
		}
	}
}

// The transport refuses a server on loopback, and a redirect to one from
// a server it is allowed to reach; without the check both are reached.
func TestTransportRefusesPrivateAddresses(t *testing.T) {
	var hits int
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits++
	}))
	defer target.Close()
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/inside", http.StatusFound)
	}))
	defer redirector.Close()
	allowed := strings.TrimPrefix(redirector.URL, "http://")
	guarded := &http.Client{Transport: Transport(func(network, address string, c syscall.RawConn) error {
		if address == allowed {
			return nil // the tests' servers are on loopback, the only place tests may listen
		}
		return DenyPrivate(network, address, c)
	})}
	for _, u := range []string{target.URL, redirector.URL} {
		if _, err := guarded.Get(u); !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("GET %s: %v, want a refusal wrapping ErrPrivateAddress", u, err)
		}
	}
	if hits != 0 {
		t.Fatalf("the loopback target was reached %d times", hits)
	}
	plain := &http.Client{Transport: Transport(nil)}
	for _, u := range []string{target.URL, redirector.URL} {
		resp, err := plain.Get(u)
		if err != nil {
			t.Fatalf("GET %s without a check: %v", u, err)
		}
		resp.Body.Close()
	}
	if hits != 2 {
		t.Errorf("without a check the target was reached %d times, want 2", hits)
	}
}
