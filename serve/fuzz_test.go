package serve

import (
	"strings"
	"testing"
	"time"
)

// FuzzParseRequest: any body is answered with a request that names one
// source, or a one-line error; never a panic.
func FuzzParseRequest(f *testing.F) {
	for _, s := range []string{
		`{"text":"The ferry runs."}`,
		`{"url":"https://news.example/a","key":"2024/05/a","callback":"https://cms.example/hook"}`,
		`{"html":"<p>x</p>","voice":"high","lang":"fr"}`,
		`{"markdown":"# Tides\n\n- **high** tide\n- [more](https://e.com/)","title":"T"}`, `{"markdown":"a","text":"b"}`, `{"markdown":""}`, `{"text":" \n\t"}`,
		`{"text":"a","html":"b"}`, `{"text":1}`, `[]`, `{"text":"a"} {}`, `{"url":"javascript:x"}`, ``, `{"key":"../.."}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := ParseRequest(data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			return
		}
		n := 0
		for _, s := range []string{req.Text, req.HTML, req.Markdown, req.URL} {
			if s != "" {
				n++
			}
			if s != "" && strings.TrimSpace(s) == "" {
				t.Errorf("accepted a source of only whitespace: %q", s)
			}
		}
		if n != 1 {
			t.Errorf("accepted %d sources", n)
		}
	})
}

// FuzzParseKeys: a keys file never yields an empty or short key.
func FuzzParseKeys(f *testing.F) {
	f.Add("0123456789abcdefXYZ cms\n# comment\n\nfedcba9876543210 other\n")
	f.Add("short\n")
	f.Fuzz(func(t *testing.T, s string) {
		k, err := ParseKeys(strings.NewReader(s), "keys")
		if err != nil {
			return
		}
		if k.Len() == 0 || k.Check("") != "" {
			t.Errorf("keys %d, empty key accepted: %q", k.Len(), k.Check(""))
		}
	})
}

// FuzzVerify: a signature header from a stranger never verifies, and
// parsing it never panics.
func FuzzVerify(f *testing.F) {
	body := []byte(`{"id":"x"}`)
	f.Add(Sign([]byte("secret-secret-secret"), body, time.Unix(1700000000, 0)))
	f.Add("t=1,sha256=00")
	f.Add(",,,")
	f.Fuzz(func(t *testing.T, header string) {
		if Verify([]byte("another-secret-entirely"), body, header, time.Unix(1700000000, 0), 0) == nil {
			t.Errorf("header %q verifies without the secret", header)
		}
	})
}
