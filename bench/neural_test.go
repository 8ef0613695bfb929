package bench

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/narrate-dev/narrate/audio"
)

// neuralParagraphs is how many of the seed's prose paragraphs Piper is
// timed on: twelve, as in the measurements the issue of the neural default
// gave (about 450 words, two and a half minutes of speech).
const neuralParagraphs = 12

// neuralRounds is how many times each side runs, alternating.
const neuralRounds = 3

// seedProse returns the seed's first n paragraphs of running prose: at
// least fifteen words and no digits (numbers are read differently by every
// engine and would measure the recognizer's number format, not the voice).
func seedProse(tb testing.TB, n int) []string {
	data, err := os.ReadFile(seedOrSkip(tb))
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, p := range strings.Split(string(data), "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		if len(strings.Fields(p)) < 15 || strings.ContainsFunc(p, unicode.IsDigit) || strings.ContainsAny(p, "<>•") {
			continue
		}
		if out = append(out, p); len(out) == n {
			break
		}
	}
	if len(out) < n {
		tb.Fatalf("the seed has %d prose paragraphs, want %d", len(out), n)
	}
	return out
}

// usage is what one run of a command cost.
type usage struct {
	wall, cpu time.Duration
	rssMB     float64
}

// runUsage runs a command under GNU time for its CPU time and peak RSS (the
// kernel's figure for a child forked from this process would count the
// test binary's own pages).
func runUsage(name string, args ...string) (usage, error) {
	gt := gnuTime()
	if gt == "" {
		return usage{}, fmt.Errorf("measuring CPU time and peak RSS needs GNU time (Debian package time)")
	}
	f, err := os.CreateTemp("", "bench-usage-")
	if err != nil {
		return usage{}, err
	}
	f.Close()
	defer os.Remove(f.Name())
	cmd := exec.Command(gt, append([]string{"-f", "%M %U %S", "-o", f.Name(), name}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return usage{}, fmt.Errorf("%s %s: %v: %s", name, strings.Join(args, " "), err, lastLines(stderr.String(), 5))
	}
	wall := time.Since(start)
	data, err := os.ReadFile(f.Name())
	if err != nil {
		return usage{}, err
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	var kib, user, sys float64
	if _, err := fmt.Sscanf(lines[len(lines)-1], "%g %g %g", &kib, &user, &sys); err != nil {
		return usage{}, fmt.Errorf("%s: GNU time wrote %q: %v", name, data, err)
	}
	return usage{wall: wall, cpu: time.Duration((user + sys) * float64(time.Second)), rssMB: kib / 1024}, nil
}

// BenchmarkNeuralVoices times the neural voices as `narrate render` runs
// them (MP3, no cache), against baselines run alternately in the same
// benchmark, neuralRounds times each, and reports medians:
//
//   - Piper, the English default, on twelve of the seed's prose paragraphs,
//     against piper-tts 1.8.0 (Piper's own runtime from PyPI, with ONNX
//     Runtime's default threads) reading the same text with the same voice
//     to a WAV: wall and CPU seconds (user + system), their ratios, x real
//     time, peak RSS. scripts/piper-tts.sh installs piper-tts into
//     ../.cache/piper-tts on first use.
//   - Kokoro (ff_siwis) on the French passage of the voice check, beside
//     espeak-ng's French voice on the same text: x real time by wall and
//     CPU time, peak RSS.
//
// Word error rates and naturalness are the voice check's (TestJudgeVoices).
// Needs `make voices` and GNU time.
func BenchmarkNeuralVoices(b *testing.B) {
	needTools(b, "bash")
	if gnuTime() == "" {
		b.Skip("needs GNU time (Debian package time)")
	}
	voices := voicesDir()
	if why := piperMissing(); why != "" {
		b.Skip(why)
	}
	model := piperModel(voices)
	os.Setenv("NARRATE_VOICES", voices)
	venv, _ := filepath.Abs("../.cache/piper-tts")
	if out, err := exec.Command("bash", "../scripts/piper-tts.sh", venv).CombinedOutput(); err != nil {
		b.Fatalf("scripts/piper-tts.sh: %v\n%s", err, lastLines(string(out), 10))
	}
	dir := b.TempDir()
	seed := seedProseFile(b, dir)
	bin := narrateBin(b)
	// piper-tts reads what narrate speaks, so both say the same words.
	script, err := exec.Command(bin, "script", seed).Output()
	if err != nil {
		b.Fatalf("narrate script: %v", err)
	}
	spoken := filepath.Join(dir, "spoken.txt")
	if err := os.WriteFile(spoken, script, 0o644); err != nil {
		b.Fatal(err)
	}
	french, _ := filepath.Abs("../testdata/voices/fr.txt")
	type side struct {
		name string
		args func(out string) []string
		out  string // extension
	}
	render := func(text, lang, spec string) func(string) []string {
		return func(out string) []string {
			return []string{bin, "render", text, "--lang", lang, "--voice", spec, "-o", out, "-y", "-q", "--no-cache"}
		}
	}
	sides := []side{
		{"pipertts", func(out string) []string {
			return []string{filepath.Join(venv, "bin", "piper"), "-m", model, "-i", spoken, "-f", out}
		}, ".wav"},
		{"piper", render(seed, "en", "piper:"), ".mp3"},
		{"kokoro", render(french, "fr", "kokoro:ff_siwis"), ".mp3"},
		{"espeak_fr", render(french, "fr", "espeak:fr"), ".mp3"},
	}
	type figures struct{ wall, cpu, xrt, cpuxrt, rss []float64 }
	got := map[string]*figures{}
	var ratios, cpuRatios []float64
	b.ResetTimer()
	for i := range b.N * neuralRounds {
		var wall, cpu [2]float64
		for _, sd := range sides {
			out := filepath.Join(dir, fmt.Sprintf("%s-%d%s", sd.name, i, sd.out))
			args := sd.args(out)
			u, err := runUsage(args[0], args[1:]...)
			if err != nil {
				b.Fatal(err)
			}
			speech, err := mediaSeconds(out)
			if err != nil {
				b.Fatal(err)
			}
			g := got[sd.name]
			if g == nil {
				g = &figures{}
				got[sd.name] = g
			}
			g.wall = append(g.wall, u.wall.Seconds())
			g.cpu = append(g.cpu, u.cpu.Seconds())
			g.xrt = append(g.xrt, speech/u.wall.Seconds())
			g.cpuxrt = append(g.cpuxrt, speech/u.cpu.Seconds())
			g.rss = append(g.rss, u.rssMB)
			switch sd.name {
			case "pipertts":
				wall[0], cpu[0] = u.wall.Seconds(), u.cpu.Seconds()
			case "piper":
				wall[1], cpu[1] = u.wall.Seconds(), u.cpu.Seconds()
			}
			b.Logf("%s: %.1f s of speech in %.1f s wall, %.1f s CPU, %.0f MB", sd.name, speech, u.wall.Seconds(), u.cpu.Seconds(), u.rssMB)
		}
		ratios = append(ratios, wall[1]/wall[0])
		cpuRatios = append(cpuRatios, cpu[1]/cpu[0])
	}
	b.StopTimer()
	b.ReportMetric(0, "ns/op")
	for _, sd := range sides {
		g := got[sd.name]
		b.ReportMetric(median(g.wall), sd.name+"_s")
		b.ReportMetric(median(g.cpu), sd.name+"_cpu_s")
		b.ReportMetric(median(g.xrt), sd.name+"_xRT")
		b.ReportMetric(median(g.cpuxrt), sd.name+"_cpu_xRT")
		b.ReportMetric(slices.Max(g.rss), sd.name+"_MB")
	}
	// The ratio of each alternating pair, then their median: the machine's
	// load drifts between rounds, less within one.
	b.ReportMetric(median(ratios), "wall_ratio")
	b.ReportMetric(median(cpuRatios), "cpu_ratio")
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		var l float64
		fmt.Sscan(string(load), &l)
		b.ReportMetric(l, "load1")
	}
}

// mediaSeconds is the length of a WAV or MP3 file, by ffprobe for MP3.
func mediaSeconds(path string) (float64, error) {
	if strings.HasSuffix(path, ".wav") {
		f, err := os.Open(path)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		buf, err := audio.ReadWAV(f)
		if err != nil {
			return 0, err
		}
		return buf.Duration().Seconds(), nil
	}
	out, err := exec.Command("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path).Output()
	if err != nil {
		return 0, fmt.Errorf("ffprobe %s: %w", path, err)
	}
	var s float64
	if _, err := fmt.Sscan(strings.TrimSpace(string(out)), &s); err != nil {
		return 0, fmt.Errorf("ffprobe %s: %q", path, out)
	}
	return s, nil
}
