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

// TestServeProcess runs `narrate serve` as users do: post an article,
// wait for the narration, fetch its audio, then SIGTERM: exit 0.
func TestServeProcess(t *testing.T) {
	bin := buildNarrate(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	dir := t.TempDir()
	keys := filepath.Join(dir, "keys")
	os.WriteFile(keys, []byte("process-test-key-0123456789 cms\n"), 0o600)
	cmd := exec.Command(bin, "serve", "--addr", addr, "--store", filepath.Join(dir, "store"), "--voice", "fake:",
		"--no-cache", "--api-keys-file", keys, "--log-format", "json")
	tmp := t.TempDir()
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	var logs bytes.Buffer
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	base := "http://" + addr
	for i := 0; ; i++ {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			break
		}
		if i > 200 {
			t.Fatalf("server did not start: %s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	do := func(method, path, body string) (*http.Response, map[string]any) {
		req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer process-test-key-0123456789")
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
	resp, v := do("POST", "/v1/narrations", `{"text":"Ferry times\n\nThe ferry now leaves every hour from the north pier.","key":"a/1"}`)
	if resp.StatusCode != 202 {
		t.Fatalf("POST: %s %v", resp.Status, v)
	}
	id, _ := v["id"].(string)
	for deadline := time.Now().Add(60 * time.Second); ; {
		_, v = do("GET", "/v1/articles/a/1", "")
		if v["status"] == "done" {
			break
		}
		if time.Now().After(deadline) || v["status"] == "failed" {
			t.Fatalf("narration %s: %v\n%s", id, v, logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	req, _ := http.NewRequest("GET", base+"/v1/narrations/"+id+"/audio.mp3", nil)
	req.Header.Set("Authorization", "Bearer process-test-key-0123456789")
	ar, err := http.DefaultClient.Do(req)
	if err != nil || ar.StatusCode != 200 || ar.ContentLength < 1000 {
		t.Fatalf("audio: %v %v", err, ar)
	}
	ar.Body.Close()
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("after SIGTERM: %v\n%s", err, logs.String())
	}
	if strings.Contains(logs.String(), "process-test-key-0123456789") {
		t.Error("the API key is in the logs")
	}
	if !strings.Contains(logs.String(), `"msg":"stopped"`) || !strings.Contains(logs.String(), `"client":"cms"`) {
		t.Errorf("logs lack the stop line or the key's name:\n%s", logs.String())
	}
	// Its temporary files were in a directory of its own, removed at exit.
	left, _ := filepath.Glob(filepath.Join(tmp, "narrate", "*"))
	if len(left) > 0 {
		t.Errorf("temporary directories left after SIGTERM: %v", left)
	}
}
