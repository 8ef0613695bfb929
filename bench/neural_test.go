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

// neuralParagraphs is how many of the seed's prose paragraphs the voice
// comparison starts from (narrate's clean-up keeps four of these five):
// enough for a word error rate over some 150 words, few enough that Kokoro
// (about 1.3 s of CPU per second of speech) takes a couple of minutes.
const neuralParagraphs = 5

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

// recognize transcribes a WAV file with pocketsphinx (Debian's en-us
// model), through a 16 kHz mono 16-bit copy made by ffmpeg.
func recognize(wav string) (string, error) {
	in16 := strings.TrimSuffix(wav, ".wav") + "-16k.wav"
	if out, err := exec.Command("ffmpeg", "-loglevel", "error", "-y", "-i", wav, "-ar", "16000", "-ac", "1", "-sample_fmt", "s16", in16).CombinedOutput(); err != nil {
		return "", fmt.Errorf("ffmpeg: %v: %s", err, out)
	}
	out, err := exec.Command("pocketsphinx_continuous", "-infile", in16, "-logfn", "/dev/null").Output()
	if err != nil {
		return "", fmt.Errorf("pocketsphinx_continuous: %v", err)
	}
	return string(out), nil
}

// wordErrorRate is the word-level edit distance from ref to hyp over the
// number of words of ref.
func wordErrorRate(ref, hyp []string) float64 {
	if len(ref) == 0 {
		return 0
	}
	return float64(editDistance(ref, hyp)) / float64(len(ref))
}

// BenchmarkNeuralVoices reads the seed's first prose paragraphs with each
// local voice and reports, per voice (metric prefix espeak, flite, piper1,
// piper2, kokoro1, kokoro2): x real time by wall clock and by CPU time
// (seconds of speech per second), peak RSS, and the word error rate of
// pocketsphinx on the result. piper: and kokoro:af_heart go through
// `narrate render` pinned to one core (taskset, threads=1) and to two
// (threads=2); espeak-ng en-us and flite slt, the baselines, through their
// own commands. Needs `make voices`, taskset, ffmpeg, pocketsphinx, flite.
func BenchmarkNeuralVoices(b *testing.B) {
	needTools(b, "taskset", "ffmpeg", "pocketsphinx_continuous", "flite", "espeak-ng")
	voices := os.Getenv("NARRATE_VOICES")
	if voices == "" {
		voices, _ = filepath.Abs("../.cache/voices")
	}
	if _, err := os.Stat(filepath.Join(voices, "onnxruntime", "libonnxruntime.so")); err != nil {
		b.Skipf("neural voices not installed in %s (run `make voices`)", voices)
	}
	dir := b.TempDir()
	text := filepath.Join(dir, "seed.txt")
	if err := os.WriteFile(text, []byte(strings.Join(seedProse(b, neuralParagraphs), "\n\n")+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	bin := narrateBin(b)
	// Every voice reads what narrate would speak (`narrate script`: its
	// clean-up drops the seed's line about speech synthesis as page
	// furniture), and that is the reference the recognizer is scored on.
	script, err := exec.Command(bin, "script", text).Output()
	if err != nil {
		b.Fatalf("narrate script: %v", err)
	}
	if err := os.WriteFile(text, script, 0o644); err != nil {
		b.Fatal(err)
	}
	ref := werWords(string(script))
	b.Logf("%d words read by every voice:\n%s", len(ref), script)
	os.Setenv("NARRATE_VOICES", voices)
	type voice struct {
		name string
		cmd  func(out string) []string
	}
	render := func(spec, cores string) func(string) []string {
		return func(out string) []string {
			return []string{"taskset", "-c", cores, bin, "render", text, "-o", out, "--no-cache", "-q", "--voice", spec}
		}
	}
	list := []voice{
		{"espeak", func(out string) []string {
			return []string{"taskset", "-c", "0", "espeak-ng", "-v", "en-us", "-f", text, "-w", out}
		}},
		{"flite", func(out string) []string {
			return []string{"taskset", "-c", "0", "flite", "-voice", "slt", "-f", text, "-o", out}
		}},
		{"piper1", render("piper:?threads=1", "0")},
		{"piper2", render("piper:?threads=2", "0,1")},
		{"kokoro1", render("kokoro:af_heart?threads=1", "0")},
		{"kokoro2", render("kokoro:af_heart?threads=2", "0,1")},
	}
	type figures struct{ wallX, cpuX, rss, wer []float64 }
	got := map[string]*figures{}
	b.ResetTimer()
	for i := range b.N {
		for _, v := range list {
			out := filepath.Join(dir, fmt.Sprintf("%s-%d.wav", v.name, i))
			args := v.cmd(out)
			u, err := runUsage(args[0], args[1:]...)
			if err != nil {
				b.Fatal(err)
			}
			f, err := os.Open(out)
			if err != nil {
				b.Fatal(err)
			}
			buf, err := audio.ReadWAV(f)
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
			speech := buf.Duration().Seconds()
			hyp, err := recognize(out)
			if err != nil {
				b.Fatal(err)
			}
			g := got[v.name]
			if g == nil {
				g = &figures{}
				got[v.name] = g
			}
			g.wallX = append(g.wallX, speech/u.wall.Seconds())
			g.cpuX = append(g.cpuX, speech/u.cpu.Seconds())
			g.rss = append(g.rss, u.rssMB)
			g.wer = append(g.wer, wordErrorRate(ref, werWords(hyp)))
			b.Logf("%s: %.1f s of speech in %.1f s wall, %.1f s CPU, %.0f MB, WER %.3f; pocketsphinx heard: %.300s",
				v.name, speech, u.wall.Seconds(), u.cpu.Seconds(), u.rssMB, g.wer[len(g.wer)-1], strings.TrimSpace(hyp))
		}
	}
	b.StopTimer()
	b.ReportMetric(0, "ns/op")
	for _, v := range list {
		g := got[v.name]
		b.ReportMetric(median(g.wallX), v.name+"_xRT")
		b.ReportMetric(median(g.cpuX), v.name+"_cpu_xRT")
		b.ReportMetric(slices.Max(g.rss), v.name+"_MB")
		b.ReportMetric(median(g.wer), v.name+"_WER")
	}
}

func TestWordErrorRateFormula(t *testing.T) {
	ref := werWords("The council voted, on Tuesday.")
	for _, tc := range []struct {
		hyp  string
		want float64
	}{
		{"the council voted on tuesday", 0},
		{"the council voted on", 0.2},
		{"a council voted on tuesday night", 0.4},
		{"", 1},
	} {
		if got := wordErrorRate(ref, werWords(tc.hyp)); got != tc.want {
			t.Errorf("WER(%q) = %v, want %v", tc.hyp, got, tc.want)
		}
	}
}
