package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal pair: what the terminal shows is read
// from master; a program writes to the slave as to a terminal 160 columns
// wide.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	fd := int(m.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		m.Close()
		t.Skipf("unlock pseudo-terminal: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		m.Close()
		t.Skipf("pseudo-terminal number: %v", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Skipf("open /dev/pts/%d: %v", n, err)
	}
	if err := unix.IoctlSetWinsize(int(s.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 40, Col: 160}); err != nil {
		t.Logf("window size: %v", err)
	}
	return m, s
}

// shown is one progress line and when the terminal got it.
type shown struct {
	at   time.Duration
	text string
}

// longArticle writes an article of n paragraphs, each sentence its own.
func longArticle(t *testing.T, dir string, n int) string {
	var b strings.Builder
	b.WriteString("The harbour board meets again\n\n")
	for i := range n {
		fmt.Fprintf(&b, "On day %d of the inquiry the board heard from pilot number %d, who described the tide at the north quay in detail. "+
			"The chair thanked witness %d and asked for the logbooks of that week to be brought on the following morning.\n\n", i+1, i+1, i+1)
	}
	p := filepath.Join(dir, "inquiry.txt")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A render at a terminal shows what it is doing all the way through:
// recorded through a pseudo-terminal, a progress line arrives in every
// second of the render, each naming its stage (synthesizing, measuring
// loudness, encoding, done) with the share done and the time left, the
// share never goes back, and the last line says 100%. Before, the line went
// blank during loudness and encoding and stopped at 96%.
func TestProgressAtATerminal(t *testing.T) {
	bin := buildNarrate(t)
	dir := t.TempDir()
	input := longArticle(t, dir, 24)
	master, slave := openPTY(t)
	defer master.Close()
	// A slow engine, one request at a time: synthesis takes seconds, and
	// the narration is long enough for its encoding to show.
	cmd := exec.Command(bin, "render", input, "-o", filepath.Join(dir, "inquiry.mp3"), "--voice", "fake:?latency=120ms",
		"--jobs", "1", "--no-cache", "--quality", "2")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, slave, slave
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	// The watch: a ticker in this process, every 50 ms. On a machine so
	// loaded that this process itself was not run for a while, a gap in
	// the lines read says nothing about narrate; the watch's own gaps say
	// when that was.
	watchStop := make(chan struct{})
	watchDone := make(chan []time.Duration)
	go func() {
		var ticks []time.Duration
		tk := time.NewTicker(50 * time.Millisecond)
		defer tk.Stop()
		for {
			select {
			case <-watchStop:
				watchDone <- ticks
				return
			case <-tk.C:
				ticks = append(ticks, time.Since(start))
			}
		}
	}()
	var lines []shown
	var all bytes.Buffer
	var part []byte
	buf := make([]byte, 4096)
	for {
		n, err := master.Read(buf)
		at := time.Since(start)
		all.Write(buf[:n])
		part = append(part, buf[:n]...)
		for {
			i := bytes.IndexAny(part, "\r\n")
			if i < 0 {
				break
			}
			if l := strings.TrimSpace(strings.ReplaceAll(string(part[:i]), "\x1b[K", "")); l != "" {
				lines = append(lines, shown{at, l})
			}
			part = part[i+1:]
		}
		if err != nil { // EIO once the program has closed the terminal
			break
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("render: %v\n%s", err, all.String())
	}
	wall := time.Since(start)
	close(watchStop)
	ticks := <-watchDone
	// stalled reports whether the watch missed its ticks by over 400 ms
	// somewhere between a and b: this process, and so likely narrate, was
	// not given the processor then.
	stalled := func(a, b time.Duration) bool {
		prev := a
		for _, at := range ticks {
			if at < a {
				continue
			}
			if at-prev > 450*time.Millisecond {
				return true
			}
			if at > b {
				break
			}
			prev = at
		}
		return false
	}

	bar := regexp.MustCompile(`^\[[█░]{20}\] +(\d+)% (synthesizing|measuring loudness|encoding|done)\b`)
	var prog []shown
	var stages []string
	last := -1
	for _, l := range lines {
		if !strings.HasPrefix(l.text, "[") {
			continue
		}
		m := bar.FindStringSubmatch(l.text)
		if m == nil {
			t.Errorf("a progress line without its stage: %q", l.text)
			continue
		}
		prog = append(prog, l)
		pct, _ := strconv.Atoi(m[1])
		if pct < last {
			t.Errorf("the share went back from %d%% to %d%%: %q", last, pct, l.text)
		}
		last = pct
		if len(stages) == 0 || stages[len(stages)-1] != m[2] {
			stages = append(stages, m[2])
		}
		if m[2] != "done" && !strings.Contains(l.text, " left") {
			t.Errorf("no time left in %q", l.text)
		}
	}
	if len(prog) < 4 {
		t.Fatalf("%d progress lines in:\n%q", len(prog), all.String())
	}
	if want := []string{"synthesizing", "measuring loudness", "encoding", "done"}; strings.Join(stages, ",") != strings.Join(want, ",") {
		t.Errorf("stages shown %q, want %q", stages, want)
	}
	if end := prog[len(prog)-1].text; !strings.Contains(end, "100% done") {
		t.Errorf("the last progress line is %q, want 100%% done", end)
	}
	// A line in every second: from the first line to the last, no second
	// goes without one.
	worst := time.Duration(0)
	for i := 1; i < len(prog); i++ {
		if gap := prog[i].at - prog[i-1].at; gap > worst {
			worst = gap
		}
		if s0, s1 := int(prog[i-1].at/time.Second), int(prog[i].at/time.Second); s1-s0 > 1 {
			if stalled(prog[i-1].at, prog[i].at) {
				t.Logf("no progress line between %v and %v, but this test was not run for a while then either (machine load)", prog[i-1].at, prog[i].at)
				continue
			}
			t.Errorf("no progress line between %v and %v: after %q came %q", prog[i-1].at, prog[i].at, prog[i-1].text, prog[i].text)
		}
	}
	t.Logf("render of %v: %d progress lines from %v to %v, longest gap %v; stages %q; last %q",
		wall.Round(time.Millisecond), len(prog), prog[0].at.Round(time.Millisecond), prog[len(prog)-1].at.Round(time.Millisecond),
		worst.Round(time.Millisecond), stages, prog[len(prog)-1].text)
	if wall < 3*time.Second {
		t.Errorf("the render took %v: too short to show progress over several seconds", wall)
	}
}
