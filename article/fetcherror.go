package article

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"syscall"
	"time"

	"github.com/narrate-dev/narrate/internal/netguard"
)

// FetchError is a failed request for a URL, said the way a person can act
// on: which server, and what went wrong in words ("no server is named
// news.example.invalid", "refused the connection"), not the dialer's
// "dial tcp: lookup ... on 10.0.0.53:53: no such host". The cause stays
// wrapped for errors.Is and errors.As.
type FetchError struct {
	// Host is the server asked, with its port when the URL had one.
	Host string
	// Reason says what happened, in words.
	Reason string
	Err    error
}

func (e *FetchError) Error() string { return "cannot fetch: " + e.Reason }
func (e *FetchError) Unwrap() error { return e.Err }

// fetchError words err, the failure of a request to host, whose client
// gives up after timeout (0: unknown).
func fetchError(host string, timeout time.Duration, err error) error {
	var (
		dns      *net.DNSError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		verify   *tls.CertificateVerificationError
		netErr   net.Error
	)
	reason := ""
	switch {
	case errors.Is(err, netguard.ErrPrivateAddress):
		reason = fmt.Sprintf("%s: address is not public (private, loopback or metadata), and narrate fetches from public addresses only here", host)
	case errors.As(err, &dns) && dns.IsNotFound:
		reason = fmt.Sprintf("no server is named %s (DNS knows no such name); check the address", dns.Name)
	case errors.As(err, &dns) && dns.IsTimeout:
		reason = fmt.Sprintf("looking up %s took too long; check the network", dns.Name)
	case errors.As(err, &dns):
		reason = fmt.Sprintf("cannot look up %s (%s); check the network", dns.Name, dns.Err)
	case errors.Is(err, syscall.ECONNREFUSED):
		reason = fmt.Sprintf("%s refused the connection (no web server answers on that port)", host)
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		reason = fmt.Sprintf("%s cannot be reached from this machine (no route to it); check the network", host)
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		reason = fmt.Sprintf("%s closed the connection before answering", host)
	case errors.As(err, &hostname):
		reason = fmt.Sprintf("the certificate of %s is for another name (%v)", host, hostname.Certificate.DNSNames)
	case errors.As(err, &unknown), errors.As(err, &invalid), errors.As(err, &verify):
		reason = fmt.Sprintf("the certificate of %s cannot be trusted (%v)", host, innermost(err))
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded),
		errors.As(err, &netErr) && netErr.Timeout():
		if timeout > 0 {
			reason = fmt.Sprintf("%s gave no answer within %v", host, timeout)
		} else {
			reason = fmt.Sprintf("%s gave no answer in time", host)
		}
	default:
		reason = fmt.Sprintf("%s: %v", host, innermost(err))
	}
	return &FetchError{Host: host, Reason: reason, Err: err}
}

// innermost is the last error in err's chain of single wraps: the one
// that says what went wrong, without the layers' prefixes.
func innermost(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}
