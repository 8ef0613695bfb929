package tts

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseSpec checks ParseSpec on arbitrary input: it never panics; an
// accepted spec has a non-empty scheme of [a-z0-9-], a voice without control
// characters or surrounding space and without '?', and String() gives back
// a spec that parses to the same scheme, voice and options.
func FuzzParseSpec(f *testing.F) {
	for _, s := range []string{
		"espeak:en-us", "fake", "fake:", "fake:?latency=20ms&fail=0.1",
		"google:en-US-Neural2-F?rate=1.1&profile=headphone-class-device",
		"openai:alloy?base=http://127.0.0.1:8880/v1&key_env=MY_KEY",
		"FAKE : low ?seed=7", "fake:low?a=1&a=2", "fake:?%zz", "fake:?a=1;b=2",
		"fake:a:b?c=d?e", ":voice", "fa ke:x", "fake:\x01", "fake:\xff",
		"fake:?=x&&", "\u212Aake:", strings.Repeat("a", maxSpecLen+1),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sp, err := ParseSpec(s)
		if err != nil {
			if sp != nil {
				t.Fatalf("ParseSpec(%q) returned a spec with error %v", s, err)
			}
			if err.Error() == "" {
				t.Fatalf("ParseSpec(%q): empty error message", s)
			}
			return
		}
		if len(s) > maxSpecLen || !utf8.ValidString(s) {
			t.Fatalf("ParseSpec accepted %q (%d bytes, valid UTF-8 %v)", s, len(s), utf8.ValidString(s))
		}
		if sp.Scheme == "" {
			t.Fatalf("ParseSpec(%q): empty scheme accepted", s)
		}
		for _, r := range sp.Scheme {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("ParseSpec(%q): scheme %q has %q", s, sp.Scheme, r)
			}
		}
		if strings.TrimSpace(sp.Voice) != sp.Voice || strings.ContainsRune(sp.Voice, '?') {
			t.Fatalf("ParseSpec(%q): voice %q is untrimmed or holds '?'", s, sp.Voice)
		}
		for _, r := range sp.Voice {
			if r < ' ' || r == 0x7f {
				t.Fatalf("ParseSpec(%q): voice %q holds control character %q", s, sp.Voice, r)
			}
		}
		back := sp.String()
		if len(back) > maxSpecLen {
			return // escaping the options can make it longer than accepted
		}
		again, err := ParseSpec(back)
		if err != nil {
			t.Fatalf("ParseSpec(%q) = %q, which does not parse again: %v", s, back, err)
		}
		if again.Scheme != sp.Scheme || again.Voice != sp.Voice {
			t.Fatalf("round trip of %q via %q: scheme/voice %q/%q became %q/%q", s, back, sp.Scheme, sp.Voice, again.Scheme, again.Voice)
		}
		if len(sp.Options)+len(again.Options) > 0 && !reflect.DeepEqual(again.Options, sp.Options) {
			t.Fatalf("round trip of %q via %q: options %v became %v", s, back, sp.Options, again.Options)
		}
		if again.String() != back {
			t.Fatalf("String is not stable: %q then %q", back, again.String())
		}
	})
}
