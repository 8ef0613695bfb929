package article

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/narrate-dev/narrate/internal/netguard"
)

// Fetch defaults.
const (
	DefaultFetchTimeout = 30 * time.Second
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "narrate/0.1 (+https://github.com/narrate-dev/narrate)"
)

// FetchOptions configure URL input. The zero value uses the defaults above.
type FetchOptions struct {
	// Client sends the request; nil means a client built from the fields
	// below. A caller's client keeps its own timeout and redirect policy.
	Client *http.Client
	// Timeout bounds the whole request, body included.
	Timeout time.Duration
	// MaxRedirects is how many redirects are followed before failing.
	MaxRedirects int
	// UserAgent is sent with the request.
	UserAgent string
	// Control, when set, is called with every address the default client
	// connects to, after DNS resolution and on every redirect, and refuses
	// the connection by returning an error (narrate serve passes one that
	// refuses addresses that are not public). No proxy from the environment
	// is used then, since the check would see the proxy.
	Control func(network, address string, c syscall.RawConn) error
}

// Page is a fetched web page.
type Page struct {
	// URL is the final URL, after redirects.
	URL string
	// Body is the raw body, at most the size cap.
	Body []byte
	// Charset is the charset named by the Content-Type header, if any.
	Charset string
	// Kind is FormatHTML, FormatText or FormatMarkdown, from the
	// Content-Type header; FormatAuto when it says none of them.
	Kind Format
}

// Fetch gets an http(s) URL with a timeout, a redirect limit and a body cap
// of maxBytes (DefaultMaxBytes if ≤ 0). It fails, naming the URL, on other
// schemes, non-2xx answers and content types that are not HTML or text.
func Fetch(ctx context.Context, rawURL string, opts FetchOptions, maxBytes int64) (*Page, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("%s: bad URL: %w", rawURL, err)
	}
	// Errors name the URL without any password in it.
	name := u.Redacted()
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%s: unsupported URL scheme %q (only http and https)", name, u.Scheme)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("%s: URL has no host", name)
	}
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	client := opts.Client
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultFetchTimeout
	}
	if client != nil {
		timeout = client.Timeout
	} else {
		maxRedirects := opts.MaxRedirects
		if maxRedirects <= 0 {
			maxRedirects = DefaultMaxRedirects
		}
		client = &http.Client{
			Transport: guardedTransport(opts.Control),
			Timeout:   timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) > maxRedirects {
					return fmt.Errorf("more than %d redirects", maxRedirects)
				}
				if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
					return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
				}
				return nil
			},
		}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ua := opts.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1")
	resp, err := client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("%s: %w", name, fetchError(u.Host, timeout, err))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("%s: HTTP %s", name, resp.Status)
	}
	page := &Page{URL: resp.Request.URL.Redacted(), Kind: FormatAuto}
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil {
			return nil, fmt.Errorf("%s: bad Content-Type %q: %w", name, ct, err)
		}
		switch {
		case mt == "text/html" || mt == "application/xhtml+xml":
			page.Kind = FormatHTML
		case mt == "text/plain":
			page.Kind = FormatText
		case mt == "text/markdown" || mt == "text/x-markdown":
			page.Kind = FormatMarkdown
		case strings.HasPrefix(mt, "text/"):
		default:
			return nil, fmt.Errorf("%s: content type %s is not HTML or text", name, mt)
		}
		page.Charset = params["charset"]
	}
	if resp.ContentLength > maxBytes {
		return nil, fmt.Errorf("%s: %w: %s, the limit is %s", name, ErrTooLarge, byteSize(resp.ContentLength), byteSize(maxBytes))
	}
	page.Body, err = readCapped(resp.Body, maxBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return page, nil
}

// guardedTransport is the default transport, or, with control, one whose
// every connection is checked by control and that uses no proxy.
func guardedTransport(control func(network, address string, c syscall.RawConn) error) http.RoundTripper {
	if control == nil {
		return nil
	}
	return netguard.Transport(control)
}
