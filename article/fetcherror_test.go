package article

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/internal/netguard"
)

// A URL that cannot be fetched is said in words a person can act on, with
// the server's name, not the dialer's "fetch: dial tcp: lookup ... on
// 10.0.0.53:53: no such host"; the cause stays in the chain.
func TestFetchErrorsInWords(t *testing.T) {
	ctx := context.Background()
	refused := func() string { // a port nothing listens on
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		return addr
	}()
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	tlsSrv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake
	tlsSrv.StartTLS()
	defer tlsSrv.Close()
	for _, c := range []struct {
		name, url string
		opts      FetchOptions
		want      []string
		is        error
	}{
		{"no such host", "https://news.example.invalid/story", FetchOptions{}, []string{"news.example.invalid"}, nil},
		{"refused", "http://" + refused + "/story", FetchOptions{}, []string{refused + " refused the connection"}, syscall.ECONNREFUSED},
		{"timeout", slow.URL + "/story", FetchOptions{Timeout: 150 * time.Millisecond}, []string{strings.TrimPrefix(slow.URL, "http://") + " gave no answer within 150ms"}, nil},
		{"untrusted certificate", tlsSrv.URL + "/story", FetchOptions{}, []string{"certificate of " + strings.TrimPrefix(tlsSrv.URL, "https://") + " cannot be trusted"}, nil},
		{"private address", "http://" + refused + "/story", FetchOptions{Control: netguard.DenyPrivate}, []string{"address is not public"}, netguard.ErrPrivateAddress},
	} {
		_, err := Fetch(ctx, c.url, c.opts, 0)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		msg := err.Error()
		for _, w := range append(c.want, c.url+": cannot fetch: ") {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: %q lacks %q", c.name, msg, w)
			}
		}
		if strings.Contains(msg, "dial tcp") || strings.Contains(msg, "lookup ") {
			t.Errorf("%s: the dialer's words: %q", c.name, msg)
		}
		var fe *FetchError
		if !errors.As(err, &fe) || (c.is != nil && !errors.Is(err, c.is)) {
			t.Errorf("%s: %v: not a *FetchError wrapping %v", c.name, err, c.is)
		}
	}
}
