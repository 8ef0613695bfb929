package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts/openai/openaitest"
)

// secretKey is an API key distinctive enough that finding it anywhere is
// proof of a leak.
const secretKey = "sk-narrate-test-Zq8vK3pX7wL2mN9rT4yB6cD1fH5jQ0sU"

// noSecret fails if the key, or a long piece of it, appears in what.
func noSecret(t *testing.T, where, what string) {
	t.Helper()
	for _, s := range []string{secretKey, secretKey[3:20], secretKey[20:]} {
		if strings.Contains(what, s) {
			t.Errorf("the API key appears in %s: %q", where, what)
			return
		}
	}
}

// TestSecurityKeyNeverShown renders with the openai engine, its key in
// OPENAI_API_KEY, against servers that refuse it (401), fail (500 past the
// retries), echo it back in an error body, and accept it; stdout, stderr
// (progress and retry lines included), the summary, timings and captions
// and the MP3 itself never hold the key, while the server did receive it.
func TestSecurityKeyNeverShown(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", secretKey)
	echo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A misconfigured proxy that quotes the request headers back.
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(`{"error":{"message":"bad request, headers: Authorization: ` + r.Header.Get("Authorization") + `"}}`)) //nolint:errcheck
	}))
	defer echo.Close()
	wrongKey := openaitest.New(t, openaitest.Options{Key: "sk-some-other-key-entirely-000000"})
	failing := openaitest.New(t, openaitest.Options{Key: secretKey, Fail500: 1000})
	good := openaitest.New(t, openaitest.Options{Key: secretKey})

	for _, tc := range []struct {
		name, spec string
		code       int
		want       string
	}{
		{"401 wrong key", wrongKey.Spec("alloy", ""), 1, "401 Incorrect API key"},
		{"500 past the retries", failing.Spec("alloy", "timeout=5s"), 1, "500"},
		{"key echoed in an error body", "openai:alloy?base=" + echo.URL + "/v1", 1, "400"},
		{"success", good.Spec("alloy", ""), 0, "wrote"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			files := map[string]string{
				"summary":  filepath.Join(dir, "summary.json"),
				"timings":  filepath.Join(dir, "timings.json"),
				"captions": filepath.Join(dir, "captions.vtt"),
				"output":   filepath.Join(dir, "out.mp3"),
			}
			code, stdout, stderr := narrate(t, "", "render", sample, "-o", files["output"], "--no-cache", "--voice", tc.spec,
				"--summary", files["summary"], "--timings", files["timings"], "--captions", files["captions"])
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d (want %d), stderr %q (want %q)", code, tc.code, stderr, tc.want)
			}
			noSecret(t, "stdout", stdout)
			noSecret(t, "stderr", stderr)
			for what, path := range files {
				data, err := os.ReadFile(path)
				if tc.code != 0 {
					if err == nil {
						t.Errorf("failed render left %s %s", what, path)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				noSecret(t, what, string(data))
			}
		})
	}
	// The key was in use: the servers got it as a bearer token.
	for _, s := range []*openaitest.Server{good, failing, wrongKey} {
		reqs := s.Requests()
		if len(reqs) == 0 || reqs[0].Auth != "Bearer "+secretKey {
			t.Errorf("server at %s saw %d requests, the first with Authorization %q", s.URL, len(reqs), firstAuth(reqs))
		}
	}
	// No retries on a refused key (at most one request per segment of the
	// sample, sent before the first answer came back); retries on 500s.
	if n := len(wrongKey.Requests()); n > 9 {
		t.Errorf("401 was retried: %d requests for 9 segments", n)
	}
	if n := len(failing.Requests()); n < 5 {
		t.Errorf("500s were not retried: %d requests", n)
	}
}

func firstAuth(r []openaitest.Request) string {
	if len(r) == 0 {
		return ""
	}
	return r[0].Auth
}

// TestSecurityURLSchemes: inputs that name a local file through a URL
// scheme, or other non-http(s) schemes, are refused with one line naming
// the scheme and without reading the file; so is an http page redirecting to
// file://.
func TestSecurityURLSchemes(t *testing.T) {
	redirect := httptest.NewServer(http.RedirectHandler("file:///etc/passwd", http.StatusFound))
	defer redirect.Close()
	for _, tc := range []struct{ input, want string }{
		{"file:///etc/passwd", `unsupported URL scheme "file" (only http and https)`},
		{"FILE:///etc/passwd", `unsupported URL scheme "file"`},
		{"ftp://example.com/story.txt", `unsupported URL scheme "ftp"`},
		{"gopher://127.0.0.1:70/1", `unsupported URL scheme "gopher"`},
		{redirect.URL + "/story", `redirect to unsupported scheme "file"`},
	} {
		for _, cmd := range []string{"render", "script"} {
			dir := t.TempDir()
			code, stdout, stderr := narrate(t, "", cmd, tc.input, "-o", filepath.Join(dir, "out.mp3"), "--voice", "fake:", "--no-cache")
			if cmd == "script" {
				code, stdout, stderr = narrate(t, "", cmd, tc.input)
			}
			if code != 1 {
				t.Errorf("%s %s: exit %d, want 1", cmd, tc.input, code)
			}
			oneLine(t, stderr, tc.want)
			if strings.Contains(stdout+stderr, "root:") {
				t.Errorf("%s %s: /etc/passwd was read: %q", cmd, tc.input, stdout+stderr)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("%s %s: left %v", cmd, tc.input, entries)
			}
		}
	}
}

// TestSecurityCredentialsInURLs: a password in an article URL is not
// printed in errors, and an openai base URL carrying credentials is refused
// (it would end up in the engine ID, summaries and every error).
func TestSecurityCredentialsInURLs(t *testing.T) {
	const pw = "hunter2-Kq9ZxT"
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	withPW := strings.Replace(srv.URL, "http://", "http://bob:"+pw+"@", 1) + "/story"
	code, _, stderr := narrate(t, "", "render", withPW, "-o", filepath.Join(t.TempDir(), "x.mp3"), "--voice", "fake:", "--no-cache")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	oneLine(t, stderr, "404", "bob:xxxxx@")
	if strings.Contains(stderr, pw) {
		t.Errorf("the password in the article URL is printed: %q", stderr)
	}

	good := openaitest.New(t, openaitest.Options{})
	spec := "openai:alloy?base=" + strings.Replace(good.Base(), "http://", "http://bob:"+pw+"@", 1)
	code, _, stderr = narrate(t, "", "render", sample, "-o", filepath.Join(t.TempDir(), "x.mp3"), "--voice", spec, "--no-cache")
	if code == 0 {
		t.Fatal("an openai base with credentials was accepted")
	}
	oneLine(t, stderr, "carries credentials", "bob:xxxxx@")
	if n := len(good.Requests()); n != 0 {
		t.Errorf("%d requests sent with credentials in the base URL", n)
	}
}
