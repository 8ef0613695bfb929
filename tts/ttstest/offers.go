package ttstest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts"
)

// CloudLanguages are the languages every cloud engine is expected to offer
// a voice for when it has one: English (US and British), German, French,
// Spanish, Italian, Portuguese, Dutch, Polish, Japanese, Chinese, Hindi.
var CloudLanguages = []string{"en", "en-GB", "de", "fr", "es", "it", "pt", "nl", "pl", "ja", "zh", "hi"}

// Offers returns the offers registered for scheme, failing t when there
// are none.
func Offers(t testing.TB, scheme string) []tts.Offer {
	t.Helper()
	var out []tts.Offer
	for _, o := range tts.RegisteredOffers() {
		if strings.HasPrefix(o.Spec, scheme+":") {
			out = append(out, o)
		}
	}
	if len(out) == 0 {
		t.Fatalf("the %s driver registers no voice offers", scheme)
	}
	return out
}

// CheckCloudReady checks that scheme's offers are listed only
// (tts.RankListed: a paid engine is never chosen by itself), unmeasured
// (Quality 0), and that their Ready says, without a request, which
// credentials are missing: the caller clears the engine's credentials from
// the environment first.
func CheckCloudReady(t *testing.T, scheme string) {
	t.Helper()
	for _, o := range Offers(t, scheme) {
		if o.Rank != tts.RankListed || o.Quality != 0 {
			t.Errorf("offer %s for %s: rank %d, quality %v; want listed and unmeasured", o.Spec, o.Lang, o.Rank, o.Quality)
		}
		if o.Ready == nil {
			t.Errorf("offer %s has no Ready: a cloud voice needs credentials", o.Spec)
		} else if err := o.Ready(); !errors.Is(err, tts.ErrNoCredentials) || !strings.HasPrefix(err.Error(), scheme+": ") {
			t.Errorf("offer %s: Ready() = %v with no credentials set; want a credentials error naming %s", o.Spec, err, scheme)
		}
	}
}

// RunCloudOffers checks the voice offers of a cloud engine against its
// test server, through the same path `--voice SCHEME:` takes: engineSpec
// names the engine and its server but no voice ("google:?endpoint=..."),
// and every offered language must choose its offered voice
// (tts.ChooseEngine), open, and speak a sentence. Every language of langs
// must be served; a language the engine has no voice for must be a
// *tts.NoVoiceError. It returns the voices spoken, for the caller to
// compare with what its server saw (SameVoices).
func RunCloudOffers(t *testing.T, engineSpec string, langs []string) []string {
	t.Helper()
	sp, err := tts.ParseSpec(engineSpec)
	if err != nil || sp.Voice != "" {
		t.Fatalf("engine spec %q: want an engine without a voice (%v)", engineSpec, err)
	}
	offers := Offers(t, sp.Scheme)
	for _, l := range langs {
		c, err := tts.ChooseEngine(engineSpec, l, "test")
		if err != nil {
			t.Errorf("%s has no voice for %s: %v", sp.Scheme, l, err)
			continue
		}
		if !strings.Contains(c.Reason, "("+strings.ToLower(l)+", test)") || !strings.HasPrefix(c.Spec, sp.Scheme+":") {
			t.Errorf("ChooseEngine(%q, %q) = %q, %q", engineSpec, l, c.Spec, c.Reason)
		}
	}
	_, err = tts.ChooseEngine(engineSpec, "tlh", "test")
	var nv *tts.NoVoiceError
	if !errors.As(err, &nv) || !errors.Is(err, tts.ErrUnknownVoice) || nv.Engine != sp.Scheme {
		t.Errorf("ChooseEngine(%q, Klingon) = %v; want a *tts.NoVoiceError", engineSpec, err)
	}
	ctx := context.Background()
	var spoken []string
	for _, o := range offers {
		offered, _ := tts.ParseSpec(o.Spec)
		c, err := tts.ChooseEngine(engineSpec, o.Lang, "")
		if err != nil {
			t.Errorf("ChooseEngine(%q, %q): %v", engineSpec, o.Lang, err)
			continue
		}
		got, err := tts.ParseSpec(c.Spec)
		if err != nil || got.Voice != offered.Voice || got.Options.Encode() != sp.Options.Encode() {
			t.Errorf("ChooseEngine(%q, %q) = %q; want voice %s with the engine's options", engineSpec, o.Lang, c.Spec, offered.Voice)
			continue
		}
		e, err := tts.Open(ctx, c.Spec, tts.Options{NoRetry: true, QPS: -1, Jobs: -1})
		if err != nil {
			t.Errorf("open %s: %v", c.Spec, err)
			continue
		}
		_, err = e.Synthesize(ctx, tts.Request{Text: "The council met on Tuesday."})
		e.Close()
		if err != nil {
			t.Errorf("%s (offered for %s): %v", o.Spec, o.Lang, err)
			continue
		}
		spoken = append(spoken, offered.Voice)
	}
	return spoken
}

// SameVoices fails t unless the voices a server saw are the voices
// spoken, as sets (an engine may make more than one call per clip).
func SameVoices(t *testing.T, spoken, seen []string) {
	t.Helper()
	a, b := slices.Clone(spoken), slices.Clone(seen)
	slices.Sort(a)
	slices.Sort(b)
	if a, b = slices.Compact(a), slices.Compact(b); !slices.Equal(a, b) || len(a) == 0 {
		t.Errorf("the server saw voices %v; spoken %v", b, a)
	}
}
