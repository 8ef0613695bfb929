package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// mountTmpfs mounts a tmpfs of the given size (read-only if ro) on a new
// directory and unmounts it when the test ends. It skips the test when not
// root or when mounting is not allowed (containers without CAP_SYS_ADMIN).
func mountTmpfs(t *testing.T, size string, ro bool) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	var flags uintptr = syscall.MS_NOSUID | syscall.MS_NODEV
	if ro {
		flags |= syscall.MS_RDONLY
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", flags, "size="+size); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			syscall.Unmount(dir, syscall.MNT_DETACH) //nolint:errcheck
		}
	})
	return dir
}

// oneLine checks stderr is exactly one line starting "narrate: " and holding
// every want.
func oneLine(t *testing.T, stderr string, want ...string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "narrate: ") {
		t.Errorf("stderr is not one line: %q", stderr)
	}
	for _, w := range want {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr %q does not say %q", stderr, w)
		}
	}
}

// listAll returns every path under dir, relative to it.
func listAll(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error { //nolint:errcheck
		if err == nil && p != dir {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

// TestFaultOutputNotWritable: an output place that cannot take a file fails
// with exit 1 and one line naming the output and the reason, before any
// synthesis (fail=1 would otherwise show as an engine error), and creates
// nothing.
func TestFaultOutputNotWritable(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "notadir")
	if err := os.WriteFile(regular, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, out, cause string }{
		{"parent is a file", filepath.Join(regular, "out.mp3"), "is not a directory"},
		{"parent missing", filepath.Join(dir, "missing", "out.mp3"), "does not exist"},
		{"output is a directory", dir, "is a directory"},
	}
	if os.Geteuid() != 0 { // root writes anywhere: see TestFaultOutputReadOnlyFS
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, struct{ name, out, cause string }{"mode 0555 directory", filepath.Join(ro, "out.mp3"), "permission denied"})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := narrate(t, "", "render", sample, "-o", tc.out, "-q", "--no-cache", "--voice", "fake:?fail=1")
			if code != 1 || stdout != "" {
				t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
			}
			oneLine(t, stderr, tc.out, tc.cause)
			if strings.Contains(stderr, "segment") || strings.Contains(stderr, "transient") {
				t.Errorf("the engine was called before the output was checked: %q", stderr)
			}
		})
	}
	if got := listAll(t, dir); strings.Join(got, " ") != "notadir" && strings.Join(got, " ") != "notadir ro" {
		t.Errorf("left behind: %v", got)
	}
}

// TestFaultOutputReadOnlyFS: the output directory is on a read-only
// filesystem (a tmpfs mounted ro, so this holds for root too): exit 1, one
// line naming the output and "not writable ... read-only file system".
func TestFaultOutputReadOnlyFS(t *testing.T) {
	ro := mountTmpfs(t, "64k", true)
	out := filepath.Join(ro, "out.mp3")
	code, _, stderr := narrate(t, "", "render", sample, "-o", out, "-q", "--no-cache", "--voice", "fake:?fail=1")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	oneLine(t, stderr, out, "cannot write in", "read-only file system")
}

// TestFaultDiskFullOutput renders to a 64 KiB tmpfs, far too small for the
// narration (about 650 KB): exit 1, one line naming the input and "no space
// left on device", and the filesystem is empty again (the *.partial file is
// removed).
func TestFaultDiskFullOutput(t *testing.T) {
	full := mountTmpfs(t, "64k", false)
	for _, format := range []string{"mp3", "wav"} {
		out := filepath.Join(full, "sample."+format)
		code, _, stderr := narrate(t, "", "render", sample, "-o", out, "-q", "--no-cache", "--voice", "fake:")
		if code != 1 {
			t.Errorf("%s: exit %d, want 1; stderr %q", format, code, stderr)
		}
		oneLine(t, stderr, "render "+sample, "no space left on device")
		if got := listAll(t, full); len(got) != 0 {
			t.Errorf("%s: left on the full disk: %v", format, got)
		}
	}
}

// TestFaultDiskFullSidecar: the audio fits but the timings sidecar does not:
// exit 1 naming the timings and ENOSPC, no *.partial sidecar left.
func TestFaultDiskFullSidecar(t *testing.T) {
	full := mountTmpfs(t, "4k", false)
	out := filepath.Join(t.TempDir(), "sample.mp3")
	code, _, stderr := narrate(t, "", "render", sample, "-o", out, "-q", "--no-cache", "--voice", "fake:",
		"--timings", filepath.Join(full, "sample.json"))
	if code != 1 {
		t.Errorf("exit %d, want 1; stderr %q", code, stderr)
	}
	oneLine(t, stderr, "timings", "no space left on device")
	if got := listAll(t, full); len(got) != 0 {
		t.Errorf("left on the full disk: %v", got)
	}
}

// TestFaultCacheDiskFull: a clip cache on a full disk does not fail the
// render (caching is an optimization): exit 0, the narration is written, a
// warning says the clips could not be stored, and the cache holds no partial
// entry.
func TestFaultCacheDiskFull(t *testing.T) {
	full := mountTmpfs(t, "64k", false)
	out := filepath.Join(t.TempDir(), "sample.mp3")
	code, _, stderr := narrate(t, "", "render", sample, "-o", out, "--voice", "fake:", "--cache", full)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if fi, err := os.Stat(out); err != nil || fi.Size() < 100000 {
		t.Errorf("narration not written: %v", err)
	}
	if !strings.Contains(stderr, "warning") || !strings.Contains(stderr, "no space left on device") {
		t.Errorf("no warning about the cache on a full disk: %q", stderr)
	}
	checkCacheEntries(t, full)
	if t.Failed() {
		t.Log("tts/cache store uses blob.WriteAll, and fileblob renames the temporary file into place even after a failed write; abort the write by cancelling the writer's ctx before Close")
	}
}

// TestFaultEngineErrors: engine failures reach the user as one line naming
// the input, the segment and the engine's error, with exit 1 and no file.
func TestFaultEngineErrors(t *testing.T) {
	garbage := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "audio/wav")
		w.Write([]byte("<html>upstream timed out</html>")) //nolint:errcheck
	}))
	defer garbage.Close()
	t.Setenv("OPENAI_API_KEY", "") // the servers take no key
	for _, tc := range []struct {
		name, voice string
		want        []string
	}{
		{"transient failures past the retries", "fake:?fail=1", []string{"segment 1 of 9", "transient"}},
		{"garbage audio", "openai:alloy?base=" + garbage.URL + "/v1", []string{"segment 1 of 9", "unusable wav audio", "not RIFF/WAVE"}},
		{"engine that cannot be reached", "openai:alloy?timeout=2s&base=http://127.0.0.1:1/v1", []string{"segment 1 of 9", "connection refused"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			code, stdout, stderr := narrate(t, "", "render", sample, "-o", filepath.Join(dir, "out.mp3"), "-q", "--no-cache",
				"--voice", tc.voice, "--timings", filepath.Join(dir, "out.json"))
			if code != 1 || stdout != "" {
				t.Errorf("exit %d, stdout %q; want 1 and nothing", code, stdout)
			}
			oneLine(t, stderr, append([]string{"render " + sample}, tc.want...)...)
			if got := listAll(t, dir); len(got) != 0 {
				t.Errorf("left behind: %v", got)
			}
		})
	}
}
