package main

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestServeUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"serve"},
		{"serve", "--store", t.TempDir(), "--log-format", "xml"},
		{"serve", "--store", t.TempDir(), "--api-keys-file", filepath.Join(t.TempDir(), "none")},
		{"serve", "--store", t.TempDir(), "--workers", "-1"},
		// A memory queue lives in the process: nothing else could take
		// its jobs.
		{"serve", "--store", t.TempDir(), "--workers", "0"},
		{"serve", "--store", t.TempDir(), "--queue", "mem://jobs", "--workers", "0"},
		{"serve", "--store", t.TempDir(), "--max-article-chars", "0"},
		{"worker", "--store", t.TempDir()},
		{"worker", "--store", t.TempDir(), "--queue", "mem://narrate"},
	} {
		code, _, stderr := narrate(t, "", args...)
		if code != 2 || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, want 2 with one line (%s)", args, code, stderr)
		}
	}
}

// serveProc is a `narrate serve` process on a loopback port, with an API
// key, a store and a temporary directory of its own.
type serveProc struct {
	cmd  *exec.Cmd
	base string
	tmp  string
	logs *bytes.Buffer
}

const serveTestKey = "process-test-key-0123456789"

// startServe starts `narrate serve` with extra flags (--voice ...) and
// waits until it answers.
func startServe(t *testing.T, extra ...string) *serveProc {
	t.Helper()
	bin := buildNarrate(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	dir := t.TempDir()
	keys := filepath.Join(dir, "keys")
	os.WriteFile(keys, []byte(serveTestKey+" cms\n"), 0o600)
	args := append([]string{"serve", "--addr", addr, "--store", filepath.Join(dir, "store"),
		"--no-cache", "--api-keys-file", keys, "--log-format", "json"}, extra...)
	cmd := exec.Command(bin, args...)
	s := &serveProc{cmd: cmd, base: "http://" + addr, tmp: t.TempDir(), logs: &bytes.Buffer{}}
	cmd.Env = append(os.Environ(), "TMPDIR="+s.tmp)
	cmd.Stderr = s.logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for i := 0; ; i++ {
		if resp, err := http.Get(s.base + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if i > 200 {
			t.Fatalf("server did not start: %s", s.logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return s
}

// do sends an API request with the test key and decodes the JSON reply.
func (s *serveProc) do(t *testing.T, method, path, body string) (*http.Response, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, s.base+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+serveTestKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v map[string]any
	json.NewDecoder(resp.Body).Decode(&v)
	return resp, v
}

// narrate posts a narration request whose CMS key is key and waits until
// the article is done; it returns the narration's id.
func (s *serveProc) narrate(t *testing.T, body, key string) string {
	t.Helper()
	resp, v := s.do(t, "POST", "/v1/narrations", body)
	if resp.StatusCode != 202 {
		t.Fatalf("POST: %s %v", resp.Status, v)
	}
	id, _ := v["id"].(string)
	for deadline := time.Now().Add(60 * time.Second); ; {
		_, v = s.do(t, "GET", "/v1/articles/"+key, "")
		if v["status"] == "done" {
			return id
		}
		if time.Now().After(deadline) || v["status"] == "failed" {
			t.Fatalf("narration %s: %v\n%s", id, v, s.logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop sends SIGTERM, checks the server exits 0, and returns its logs.
func (s *serveProc) stop(t *testing.T) string {
	t.Helper()
	s.cmd.Process.Signal(syscall.SIGTERM)
	if err := s.cmd.Wait(); err != nil {
		t.Errorf("after SIGTERM: %v\n%s", err, s.logs.String())
	}
	return s.logs.String()
}

// TestServeProcess runs `narrate serve` as users do: post an article,
// wait for the narration, fetch its audio, then SIGTERM: exit 0.
func TestServeProcess(t *testing.T) {
	s := startServe(t, "--voice", "fake:")
	id := s.narrate(t, `{"text":"Ferry times\n\nThe ferry now leaves every hour from the north pier.","key":"a/1"}`, "a/1")
	req, _ := http.NewRequest("GET", s.base+"/v1/narrations/"+id+"/audio.mp3", nil)
	req.Header.Set("Authorization", "Bearer "+serveTestKey)
	ar, err := http.DefaultClient.Do(req)
	if err != nil || ar.StatusCode != 200 || ar.ContentLength < 1000 {
		t.Fatalf("audio: %v %v", err, ar)
	}
	ar.Body.Close()
	logs := s.stop(t)
	if strings.Contains(logs, serveTestKey) {
		t.Error("the API key is in the logs")
	}
	if !strings.Contains(logs, `"msg":"stopped"`) || !strings.Contains(logs, `"client":"cms"`) {
		t.Errorf("logs lack the stop line or the key's name:\n%s", logs)
	}
	// Its temporary files were in a directory of its own, removed at exit.
	left, _ := filepath.Glob(filepath.Join(s.tmp, "narrate", "*"))
	if len(left) > 0 {
		t.Errorf("temporary directories left after SIGTERM: %v", left)
	}
}
