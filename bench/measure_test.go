package bench

import (
	"math"
	"strings"
	"testing"
	"time"
)

// dd reading 64 MiB in one block touches a 64 MiB buffer: a process of
// known peak RSS (plus a megabyte or two of its own).
var ddArgs = []string{"if=/dev/zero", "of=/dev/null", "bs=64M", "count=1", "status=none"}

func TestRunMeasuresPeakRSS(t *testing.T) {
	m, err := run("dd", ddArgs...)
	if err != nil {
		t.Fatal(err)
	}
	if mb := m.MB(); mb < 64 || mb > 64+16 {
		t.Errorf("peak RSS of dd with a 64 MiB block measured as %.1f MB, want 64..80", mb)
	}
	if m.Wall <= 0 {
		t.Errorf("wall time %v", m.Wall)
	}
	if _, err := run("dd", "if=/nonexistent/bench"); err == nil || !strings.Contains(err.Error(), "/nonexistent/bench") {
		t.Errorf("failing command: got error %v, want one carrying its stderr", err)
	}
}

// The baseline pipeline's RSS must count the processes sh starts, not sh.
func TestRunShellCountsChildren(t *testing.T) {
	m, how, err := runShell(`dd if=/dev/zero bs=64M count=1 status=none | cat >/dev/null`)
	if err != nil {
		t.Fatal(err)
	}
	if mb := m.MB(); mb < 64 || mb > 64+16 {
		t.Errorf("peak RSS of a pipeline whose child has a 64 MiB block measured (%s) as %.1f MB, want 64..80", how, mb)
	}
	if _, _, err := runShell(`exit 3`); err == nil || !strings.Contains(err.Error(), "exit status 3") {
		t.Errorf("failing script: got error %v, want one naming exit status 3", err)
	}
}

// CPU time is the pipeline's processes' own, not the wall time: a sleeping
// pipeline has almost none, a busy one as much as its children burned.
func TestRunMeasuresCPU(t *testing.T) {
	m, _, err := runShell(`sleep 0.3 | cat`)
	if err != nil {
		t.Fatal(err)
	}
	if m.Wall < 300*time.Millisecond || m.CPU > 100*time.Millisecond {
		t.Errorf("sleep 0.3 | cat: wall %v, CPU %v; want wall >= 0.3 s and almost no CPU", m.Wall, m.CPU)
	}
	m, _, err = runShell(`yes narrate | head -c 300000000 | cat >/dev/null`)
	if err != nil {
		t.Fatal(err)
	}
	if m.CPU < 50*time.Millisecond || m.CPU > 2*m.Wall+100*time.Millisecond {
		t.Errorf("copying 300 MB through three processes: CPU %v in %v of wall; want the children's CPU counted", m.CPU, m.Wall)
	}
}

func TestParseEBUR128(t *testing.T) {
	log := `[Parsed_ebur128_0 @ 0x55] t: 9.9  TARGET:-23 LUFS    M: -17.1 S: -16.9     I: -16.7 LUFS       LRA:   2.1 LU
[Parsed_ebur128_0 @ 0x55] Summary:

  Integrated loudness:
    I:         -15.8 LUFS
    Threshold: -26.1 LUFS

  Loudness range:
    LRA:         3.4 LU
`
	got, err := parseEBUR128(log)
	if err != nil || got != -15.8 {
		t.Errorf("parseEBUR128 = %v, %v; want -15.8 (the summary, not a running value)", got, err)
	}
	if _, err := parseEBUR128("Summary:\n  Integrated loudness:\n    I:         -inf LUFS\n"); err == nil {
		t.Error("silent input: want an error")
	}
	if _, err := parseEBUR128("no meter here"); err == nil {
		t.Error("no summary: want an error")
	}
}

func TestMedian(t *testing.T) {
	for _, c := range []struct {
		in   []float64
		want float64
	}{{[]float64{3, 1, 2}, 2}, {[]float64{4, 1, 3, 2}, 2.5}, {[]float64{7}, 7}} {
		if got := median(c.in); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
