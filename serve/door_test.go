package serve

import (
	"strings"
	"testing"
)

// TestValidationAtTheDoor: what the worker would refuse, or the CLI
// refuses (an unknown language, a voice the engine does not have, a body
// that is not JSON), is refused when posted, with 400 or 415, and nothing
// is queued. Each of these was accepted with 202 and failed in the worker.
func TestValidationAtTheDoor(t *testing.T) {
	h := newHarness(t, harnessOptions{workers: -1})
	body := `{"text":"` + articleText(1) + `"}`
	body = strings.ReplaceAll(body, "\n", `\n`)
	for _, tc := range []struct {
		name  string
		body  any
		ctype string
		code  int
		msg   string
	}{
		{"klingon", Request{Text: articleText(1), Lang: "klingon"}, "", 400, "lang"},
		{"long lang", Request{Text: articleText(1), Lang: strings.Repeat("en", 150)}, "", 400, "lang"},
		{"long voice", Request{Text: articleText(1), Voice: strings.Repeat("v", 5000)}, "", 400, "voice"},
		{"unknown voice", Request{Text: articleText(1), Voice: "nosuchvoice"}, "", 400, "voice"},
		{"other engine", Request{Text: articleText(1), Voice: "espeak:fr"}, "", 400, "voice"},
		{"voice with options", Request{Text: articleText(1), Voice: "fake:high?latency=1s"}, "", 400, "voice"},
		{"form body", body, "application/x-www-form-urlencoded", 415, "application/json"},
		{"text body", body, "text/plain", 415, "application/json"},
		{"no content type", body, "-", 415, "application/json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var hdr []string
			switch tc.ctype {
			case "":
				hdr = []string{"Content-Type", "application/json"}
			case "-":
				hdr = []string{"Content-Type", ""}
			default:
				hdr = []string{"Content-Type", tc.ctype}
			}
			resp := h.do("POST", "/v1/narrations", tc.body, "", hdr...)
			e := decode[map[string]string](t, resp)
			if resp.StatusCode != tc.code || !strings.Contains(e["error"], tc.msg) {
				t.Errorf("%s %q, want %d naming %q", resp.Status, e["error"], tc.code, tc.msg)
			}
		})
	}
	if q := h.srv.Queued(); q != 0 {
		t.Errorf("%d jobs queued", q)
	}
	// What is right gets through: a known voice, by name or spec, a
	// language, JSON with a charset.
	for _, req := range []Request{{Text: articleText(2), Voice: "high", Lang: "en-GB"}, {Text: articleText(3), Voice: "fake:low"}} {
		resp := h.do("POST", "/v1/narrations", req, "", "Content-Type", "application/json; charset=utf-8")
		resp.Body.Close()
		if resp.StatusCode != 202 {
			t.Errorf("%+v: %s", req, resp.Status)
		}
	}
}

// TestParseKeysTab: a key and its name may be separated by a tab.
func TestParseKeysTab(t *testing.T) {
	k, err := ParseKeys(strings.NewReader("0123456789abcdef0123\tcms-prod\nfedcba9876543210fedc  \t other\n"), "keys")
	if err != nil {
		t.Fatal(err)
	}
	if got := k.Check("0123456789abcdef0123"); got != "cms-prod" {
		t.Errorf("key before a tab: name %q, want cms-prod", got)
	}
	if got := k.Check("fedcba9876543210fedc"); got != "other" {
		t.Errorf("key before spaces and a tab: name %q, want other", got)
	}
}
