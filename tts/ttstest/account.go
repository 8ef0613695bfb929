package ttstest

import (
	"testing"

	"github.com/narrate-dev/narrate/tts"
)

// RunAccounts checks a cloud driver's tts.Accounter: the two specs of each
// pair in same open drivers of one account (their calls share its quota),
// those of each pair in different drivers of two. open returns the raw
// driver for a spec; the drivers are closed.
func RunAccounts(t *testing.T, open func(t testing.TB, spec string) tts.Driver, same, different [][2]string) {
	t.Helper()
	account := func(spec string) string {
		t.Helper()
		d := open(t, spec)
		defer d.Close()
		a, ok := d.(tts.Accounter)
		if !ok {
			t.Fatalf("%s: the driver names no account (tts.Accounter)", spec)
		}
		acct := a.Account()
		if acct == "" {
			t.Errorf("%s: empty account: its voices would not share their quota", spec)
		}
		return acct
	}
	for _, p := range same {
		if a, b := account(p[0]), account(p[1]); a != b {
			t.Errorf("%s is account %q, %s is %q; want one account", p[0], a, p[1], b)
		}
	}
	for _, p := range different {
		if a, b := account(p[0]), account(p[1]); a == b {
			t.Errorf("%s and %s are both account %q; want two", p[0], p[1], a)
		}
	}
}
