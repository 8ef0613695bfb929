// Package netguard keeps a server that fetches URLs on a caller's behalf
// (a page to narrate, a callback to deliver) from being pointed at the
// machine it runs on or the network around it (server-side request
// forgery): DenyPrivate refuses every connection to an address that is not
// public unicast, after DNS resolution and on every redirect, and Transport
// is an HTTP transport whose connections it checks.
package netguard

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrPrivateAddress is wrapped by DenyPrivate's refusals.
var ErrPrivateAddress = errors.New("address is not public")

// deniedPrefixes are the ranges a service must not be made to reach on a
// caller's behalf: the host itself, the private network around it and
// cloud metadata endpoints.
var deniedPrefixes = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",          // "this network"; 0.0.0.0 reaches the host
		"10.0.0.0/8",         // private
		"100.64.0.0/10",      // carrier-grade NAT
		"127.0.0.0/8",        // loopback
		"169.254.0.0/16",     // link-local, with 169.254.169.254 metadata
		"172.16.0.0/12",      // private
		"192.0.0.0/24",       // IETF protocol assignments
		"192.168.0.0/16",     // private
		"198.18.0.0/15",      // benchmarking
		"224.0.0.0/4",        // multicast
		"240.0.0.0/4",        // reserved, with broadcast
		"::/128",             // unspecified
		"::1/128",            // loopback
		"64:ff9b::/96",       // NAT64, which may embed any of the above
		"64:ff9b:1::/48",     // local-use NAT64
		"fc00::/7",           // unique local, with fd00:ec2::254 metadata
		"fe80::/10",          // link-local
		"ff00::/8",           // multicast
		"2001:db8::/32",      // documentation
		"2002::/16",          // 6to4, which embeds an IPv4 address
		"100::/64",           // discard
		"2001::/32",          // Teredo, which embeds an IPv4 address
		"::ffff:0:0/96",      // IPv4-mapped (unmapped before the check, kept for safety)
		"::ffff:0:0:0/96",    // IPv4-translated
		"fec0::/10",          // site-local (deprecated)
		"2001:10::/28",       // ORCHID
		"2001:20::/28",       // ORCHIDv2
		"3fff::/20",          // documentation
		"5f00::/16",          // segment routing
		"198.51.100.0/24",    // documentation
		"203.0.113.0/24",     // documentation
		"192.0.2.0/24",       // documentation
		"192.88.99.0/24",     // 6to4 relay anycast
		"255.255.255.255/32", // broadcast
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

// PublicAddr reports whether ip is a public unicast address, the only kind
// DenyPrivate lets through.
func PublicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || !ip.IsGlobalUnicast() {
		return false
	}
	for _, p := range deniedPrefixes {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// DenyPrivate is a net.Dialer Control function that refuses connections to
// addresses that are not public (see PublicAddr): loopback, private,
// link-local, carrier-grade NAT, metadata, multicast and reserved ranges.
// It runs on the address actually dialled, after DNS resolution, so a name
// that resolves to 127.0.0.1 or a redirect to one is refused too.
func DenyPrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("connect to %s: %w (unparsable)", address, ErrPrivateAddress)
	}
	if !PublicAddr(ap.Addr()) {
		return fmt.Errorf("connect to %s: %w", ap.Addr(), ErrPrivateAddress)
	}
	return nil
}

// Transport is an HTTP transport like http.DefaultTransport whose every
// connection is first checked by control (DenyPrivate, typically), with no
// proxy from the environment, since the check would see the proxy.
func Transport(control func(network, address string, c syscall.RawConn) error) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = nil
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Control: control}
	t.DialContext = d.DialContext
	return t
}
