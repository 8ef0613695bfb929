package serve

import (
	"strings"
	"testing"
)

// TestParseRequestFieldNames: a body names each field once and as the API
// spells it. A field given twice, or in other letter case, is refused: the
// body says two things and the server would have picked one without a word
// (the last "text", a "Callback" a gateway that checks "callback" lets
// through).
func TestParseRequestFieldNames(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`{"text":"The ferry runs late.","text":"The ferry is cancelled."}`, `"text" given twice`},
		{`{"text":"The ferry runs late.","TEXT":"The ferry is cancelled."}`, `unknown field "TEXT"`},
		{`{"Text":"The ferry runs late."}`, `unknown field "Text" (did you mean "text"?)`},
		{`{"text":"The ferry runs late.","Callback":"https://cms.example/hook"}`, `unknown field "Callback" (did you mean "callback"?)`},
		{`{"text":"The ferry runs late.","key":"a","key":"b"}`, `"key" given twice`},
	} {
		_, err := ParseRequest([]byte(tc.body))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one saying %s", tc.body, err, tc.want)
		}
	}
	for _, body := range []string{
		`{"text":"The ferry runs late.","title":"Ferry","key":"2026/ferry"}`,
		` { "html" : "<p>The ferry runs late.</p>" , "lang" : "en" } `,
		`{"text":"The \"text\" field, and {\"key\":1} inside a string."}`,
	} {
		if _, err := ParseRequest([]byte(body)); err != nil {
			t.Errorf("%s: %v", body, err)
		}
	}
}

// TestPostAnswersItsOwnKey: the answer to a POST names the key that POST
// gave (none if none), also when the narration is shared with an article
// posted under another key, queued or done: a CMS that files the answer
// by its key must not file it under the other article.
func TestPostAnswersItsOwnKey(t *testing.T) {
	h := newHarness(t, harnessOptions{workers: -1})
	if _, n := h.post(Request{Text: articleText(90), Key: "wire/first"}); n.Key != "wire/first" {
		t.Fatalf("first POST: key %q", n.Key)
	}
	for _, key := range []string{"wire/second", ""} {
		if code, n := h.post(Request{Text: articleText(90), Key: key}); n.Key != key {
			t.Errorf("POST (queued) with key %q: %d, key %q", key, code, n.Key)
		}
	}
	d := newHarness(t, harnessOptions{})
	_, n := d.post(Request{Text: articleText(91), Key: "wire/first"})
	d.wait(n.ID)
	for _, key := range []string{"wire/second", ""} {
		if code, n := d.post(Request{Text: articleText(91), Key: key}); code != 200 || n.Key != key {
			t.Errorf("POST (done) with key %q: %d, key %q", key, code, n.Key)
		}
	}
}
