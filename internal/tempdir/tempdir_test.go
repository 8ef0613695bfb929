package tempdir

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHelperHolder is the process TestStaleDirsRemoved kills, not a test.
func TestHelperHolder(t *testing.T) {
	base := os.Getenv("TEMPDIR_HELPER_BASE")
	if base == "" {
		t.Skip("runs only as TestStaleDirsRemoved's subprocess")
	}
	d, err := Open(base, "narrate")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(d.Path(), "narrate-123.pcm16"), make([]byte, 1<<20), 0o600)
	os.Stdout.WriteString("ready " + d.Path() + "\n")
	// Until killed. Not select{}: with nothing else to run, the runtime
	// may call that a deadlock and end the process by itself, releasing
	// its lock early (the stale directory was then removed by the second
	// holder, and TestStaleDirsRemoved counted 0: 9 runs in 300).
	for {
		time.Sleep(time.Hour)
	}
}

// TestStaleDirsRemoved: a process killed with SIGKILL leaves its temporary
// files in its own directory; the next process removes that directory
// when it opens its own, and leaves alone the directory of a process that
// is still alive.
func TestStaleDirsRemoved(t *testing.T) {
	base := t.TempDir()
	holder := func() (*exec.Cmd, string) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHolder$")
		cmd.Env = append(os.Environ(), "TEMPDIR_HELPER_BASE="+base)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		buf := make([]byte, 4096)
		n, _ := out.Read(buf)
		line := strings.TrimSpace(string(buf[:n]))
		dir, ok := strings.CutPrefix(line, "ready ")
		if !ok {
			t.Fatalf("helper said %q", line)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		return cmd, dir
	}
	killed, stale := holder()
	_, alive := holder()
	killed.Process.Signal(syscall.SIGKILL)
	killed.Wait()

	d, err := Open(base, "narrate")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the killed process's directory %s is still there (%v)", stale, err)
	}
	if _, err := os.Stat(filepath.Join(alive, "narrate-123.pcm16")); err != nil {
		t.Errorf("a live process's file was removed: %v", err)
	}
	if d.Removed() != 1 {
		t.Errorf("removed %d stale directories, want 1", d.Removed())
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(d.Path()); !os.IsNotExist(err) {
		t.Errorf("Close left %s", d.Path())
	}
}
