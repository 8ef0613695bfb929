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
