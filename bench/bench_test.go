package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// seedPath is the shared seed article, relative to this package's directory.
const seedPath = "../../shared/seed/000_420b1a81cf081f19.txt"

// seedOrSkip returns the absolute path of the seed article, or skips.
func seedOrSkip(tb testing.TB) string {
	tb.Helper()
	abs, err := filepath.Abs(seedPath)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := os.Stat(abs); err != nil {
		tb.Skipf("seed article %s not present (../shared absent); skipping", abs)
	}
	return abs
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
	binDir  string
)

// narrateBin returns the narrate binary to exec: $NARRATE_BIN when set (the
// report sets it to bin/narrate), else one built from this tree into a
// temporary directory, once per test process.
func narrateBin(tb testing.TB) string {
	tb.Helper()
	binOnce.Do(func() {
		if p := os.Getenv("NARRATE_BIN"); p != "" {
			if _, err := os.Stat(p); err != nil {
				binErr = fmt.Errorf("NARRATE_BIN=%s: %w", p, err)
				return
			}
			binPath = p
			return
		}
		goCmd, err := exec.LookPath("go")
		if err != nil {
			goCmd = "/usr/local/go/bin/go"
		}
		if binDir, err = os.MkdirTemp("", "narrate-bench-bin-"); err != nil {
			binErr = err
			return
		}
		p := filepath.Join(binDir, "narrate")
		cmd := exec.Command(goCmd, "build", "-o", p, "./cmd/narrate")
		cmd.Dir = ".."
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build ./cmd/narrate: %v\n%s", err, out)
			return
		}
		binPath = p
	})
	if binErr != nil {
		tb.Fatal(binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// measured is one timed process run.
type measured struct {
	Wall   time.Duration
	CPU    time.Duration // user + system, of the process and the children it waited for
	RSSKiB int64         // peak resident set size
}

func (m measured) MB() float64 { return float64(m.RSSKiB) / 1024 }

// run execs name with args and returns its wall time, CPU time and peak
// RSS.
//
// The RSS is not the ru_maxrss Go's own wait4 returns for the child: Go
// starts children with vfork semantics, and Linux carries the high-water RSS
// of the address space a process execs from into its ru_maxrss, so every
// child of a large Go process (a test binary linking narrate's packages
// starts above 100 MB) would report at least its parent's RSS. The command is
// therefore started by a small process that forks it normally and reports
// its wait4 ru_maxrss: GNU time (%M) when installed, else a python3 one-liner
// doing the same. The figure is the largest RSS among the command and the
// descendants it waited for. The CPU time comes from the same wait4
// (ru_utime + ru_stime, which count the descendants the command waited
// for: every process of a shell pipeline). A failure names the command and
// carries its stderr.
func run(name string, args ...string) (measured, error) {
	f, err := os.CreateTemp("", "bench-rss-")
	if err != nil {
		return measured{}, err
	}
	f.Close()
	defer os.Remove(f.Name())
	var wrapper []string
	if gt := gnuTime(); gt != "" {
		wrapper = []string{gt, "-f", "%U %S %M", "-o", f.Name()}
	} else if py, err := exec.LookPath("python3"); err == nil {
		wrapper = []string{py, "-c", pyMaxRSS, f.Name()}
	} else {
		return measured{}, fmt.Errorf("measuring peak RSS needs GNU time (Debian package time) or python3")
	}
	var stderr bytes.Buffer
	cmd := exec.Command(wrapper[0], append(append(wrapper[1:], name), args...)...)
	cmd.Stderr = &stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return measured{}, fmt.Errorf("%s %s: %v: %s", name, strings.Join(args, " "), err, lastLines(stderr.String(), 5))
	}
	data, err := os.ReadFile(f.Name())
	if err != nil {
		return measured{}, err
	}
	// The figures are on the last line (GNU time writes a line before them
	// when the command is killed by a signal).
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	fields := strings.Fields(lines[len(lines)-1])
	if len(fields) != 3 {
		return measured{}, fmt.Errorf("%s: no CPU and peak RSS figures from %s (%q)", name, wrapper[0], data)
	}
	user, uerr := strconv.ParseFloat(fields[0], 64)
	sys, serr := strconv.ParseFloat(fields[1], 64)
	kib, kerr := strconv.ParseInt(fields[2], 10, 64)
	if err := errors.Join(uerr, serr, kerr); err != nil {
		return measured{}, fmt.Errorf("%s: figures %q from %s: %v", name, data, wrapper[0], err)
	}
	cpu := time.Duration((user + sys) * float64(time.Second))
	return measured{Wall: wall, CPU: cpu, RSSKiB: kib}, nil
}

// pyMaxRSS runs argv[2:] and writes its wait4 user and system seconds and
// ru_maxrss (KiB) to argv[1], as GNU time's "%U %S %M" does.
const pyMaxRSS = `import os, sys
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
open(sys.argv[1], "w").write("%.2f %.2f %d" % (ru.ru_utime, ru.ru_stime, ru.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))`

// gnuTime is /usr/bin/time when it is GNU time (Debian package "time").
func gnuTime() string {
	const p = "/usr/bin/time"
	if out, err := exec.Command(p, "--version").CombinedOutput(); err == nil && strings.Contains(string(out), "GNU") {
		return p
	}
	return ""
}

// rssMethod says how run measures peak RSS.
func rssMethod() string {
	if gnuTime() != "" {
		return "GNU time %M"
	}
	return "python3 os.wait4 ru_maxrss"
}

// runShell runs script with sh (positional parameters $1.. from args) and
// returns its wall time and the peak RSS of the largest process of the
// pipeline (sh waits for them all).
func runShell(script string, args ...string) (measured, string, error) {
	m, err := run("sh", append([]string{"-c", script, "sh"}, args...)...)
	return m, rssMethod() + " (max over the pipeline's processes)", err
}

// median of xs (which it sorts).
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// summary is the part of `narrate render --summary` the benchmarks read.
type summary struct {
	Segments        int     `json:"segments"`
	Requests        int64   `json:"requests"`
	CacheHits       int64   `json:"cache_hits"`
	DurationSeconds float64 `json:"duration_seconds"`
	LoudnessLUFS    float64 `json:"loudness_lufs"`
}

func readSummary(tb testing.TB, path string) summary {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var s summary
	if err := json.Unmarshal(data, &s); err != nil {
		tb.Fatalf("summary %s: %v", path, err)
	}
	return s
}

// nonEmpty fails unless path is a file of at least min bytes.
func nonEmpty(tb testing.TB, path string, min int64) {
	tb.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	if fi.Size() < min {
		tb.Fatalf("%s is %d bytes, want at least %d", path, fi.Size(), min)
	}
}

var integratedRE = regexp.MustCompile(`I:\s+(-?[0-9.]+|-inf) LUFS`)

// parseEBUR128 returns the integrated loudness from the summary ffmpeg's
// ebur128 filter prints at the end of its log.
func parseEBUR128(log string) (float64, error) {
	ms := integratedRE.FindAllStringSubmatch(log, -1)
	if len(ms) == 0 {
		return 0, fmt.Errorf("no integrated loudness (I: ... LUFS) in ffmpeg ebur128 output")
	}
	v := ms[len(ms)-1][1]
	if v == "-inf" {
		return 0, fmt.Errorf("integrated loudness is -inf (silent input)")
	}
	return strconv.ParseFloat(v, 64)
}

// loudness measures the integrated loudness of an audio file with ffmpeg's
// ebur128 filter: a meter nobody here wrote.
func loudness(path string) (float64, error) {
	out, err := exec.Command("ffmpeg", "-nostdin", "-hide_banner", "-nostats", "-i", path, "-af", "ebur128", "-f", "null", "-").CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("ffmpeg ebur128 %s: %v: %s", path, err, lastLines(string(out), 3))
	}
	l, err := parseEBUR128(string(out))
	if err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	return l, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func needTools(tb testing.TB, tools ...string) {
	tb.Helper()
	for _, t := range tools {
		if _, err := exec.LookPath(t); err != nil {
			tb.Skipf("%s not installed; skipping", t)
		}
	}
}
