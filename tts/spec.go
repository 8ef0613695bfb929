package tts

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Spec is a parsed engine spec: SCHEME:VOICE?OPTIONS.
type Spec struct {
	Scheme  string
	Voice   string
	Options url.Values
}

// maxSpecLen bounds specs read from flags and manifests.
const maxSpecLen = 4096

// ParseSpec parses s. The scheme is lower-cased letters, digits and '-'; the
// voice is whatever lies between the first ':' and the first '?'; options are
// URL query syntax. A spec without ':' is taken as a bare scheme ("fake").
func ParseSpec(s string) (*Spec, error) {
	sp, err := parseSpec(s)
	if err != nil {
		return nil, &SpecError{Spec: RedactSpec(s), Err: err}
	}
	return sp, nil
}

func parseSpec(s string) (*Spec, error) {
	if s == "" {
		return nil, fmt.Errorf("empty engine spec")
	}
	if len(s) > maxSpecLen {
		return nil, fmt.Errorf("engine spec is %d bytes long (at most %d)", len(s), maxSpecLen)
	}
	if !utf8.ValidString(s) {
		return nil, fmt.Errorf("engine spec is not valid UTF-8")
	}
	scheme, rest, _ := strings.Cut(s, ":")
	scheme = strings.ToLower(strings.TrimSpace(scheme))
	if scheme == "" {
		return nil, fmt.Errorf("engine spec %q has no engine name before ':'", RedactSpec(s))
	}
	for _, r := range scheme {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return nil, fmt.Errorf("engine spec %q: engine name %q has an invalid character %q", RedactSpec(s), scheme, r)
		}
	}
	voice, query, _ := strings.Cut(rest, "?")
	opts, err := url.ParseQuery(query)
	if err != nil {
		return nil, fmt.Errorf("engine spec %q: bad options: %w", RedactSpec(s), err)
	}
	for _, r := range voice {
		if r < ' ' || r == 0x7f {
			return nil, fmt.Errorf("engine spec %q: voice has a control character", RedactSpec(s))
		}
	}
	return &Spec{Scheme: scheme, Voice: strings.TrimSpace(voice), Options: opts}, nil
}

// CheckOptions reports the first option (in sorted order) that is not
// among known or is given more than once, as an error starting with the
// scheme and matching ErrBadSpec. Drivers call it before reading their
// options, so every engine rejects a misspelt option the same way.
func (s *Spec) CheckOptions(known ...string) error {
	keys := make([]string, 0, len(s.Options))
	for k := range s.Options {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !slices.Contains(known, k) {
			return &SpecError{Spec: RedactSpec(s.String()), Err: fmt.Errorf("%s: unknown option %q (known: %s)", s.Scheme, k, strings.Join(known, ", "))}
		}
		if n := len(s.Options[k]); n != 1 {
			return &SpecError{Spec: RedactSpec(s.String()), Err: fmt.Errorf("%s: option %q given %d times", s.Scheme, k, n)}
		}
	}
	return nil
}

// String formats the spec back, with options sorted.
func (s *Spec) String() string {
	out := s.Scheme + ":" + s.Voice
	if len(s.Options) > 0 {
		out += "?" + s.Options.Encode()
	}
	return out
}

// Opener opens a driver for a parsed spec. It should validate the spec and
// its options, returning an error naming a bad option, but defer expensive
// work (network clients) to the first call where it can.
type Opener func(ctx context.Context, spec *Spec) (Driver, error)

var (
	registryMu sync.RWMutex
	registry   = map[string]Opener{}
)

// Register makes a driver available to New under scheme. Drivers call it
// from init. It panics if scheme is registered twice.
func Register(scheme string, open Opener) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[scheme]; dup {
		panic("tts: scheme registered twice: " + scheme)
	}
	registry[scheme] = open
}

// Schemes lists the registered schemes, sorted.
func Schemes() []string {
	registryMu.RLock()
	defer registryMu.RUnlock()
	var out []string
	for k := range registry {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// openDriver parses spec and opens the driver registered for its scheme.
func openDriver(ctx context.Context, spec string) (Driver, error) {
	sp, err := ParseSpec(spec)
	if err != nil {
		return nil, err
	}
	registryMu.RLock()
	open, ok := registry[sp.Scheme]
	registryMu.RUnlock()
	if !ok {
		return nil, &SpecError{Spec: RedactSpec(spec), Err: fmt.Errorf("unknown engine %q in spec %q (known: %s)", sp.Scheme, RedactSpec(spec), strings.Join(Schemes(), ", "))}
	}
	s, err := open(ctx, sp)
	if err != nil {
		return nil, openError(sp.Scheme, spec, err)
	}
	return s, nil
}

// openError says which engine failed to open, once: drivers' errors
// usually start with their scheme already. An opener's error is taken as a
// problem with the spec (an option value, a voice the engine lacks) unless
// it is an engine error kind.
func openError(scheme, spec string, err error) error {
	msg := err.Error()
	if !strings.HasPrefix(msg, scheme+":") {
		err = fmt.Errorf("%s: %w", scheme, err)
	}
	var k *Error
	if errors.As(err, &k) || errors.Is(err, ErrBadSpec) {
		return err
	}
	return &SpecError{Spec: RedactSpec(spec), Err: err}
}

// userinfo matches the user:password@ part of URLs inside a spec's options.
var userinfo = regexp.MustCompile(`(://|%3A%2F%2F)[^/@?&#]*(@|%40)`)

// RedactSpec returns spec with any user:password in URLs among its options
// replaced by "xxxxx", for errors and logs.
func RedactSpec(spec string) string {
	return userinfo.ReplaceAllString(spec, "${1}xxxxx${2}")
}
