package bench

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	_ "github.com/narrate-dev/narrate/tts/espeak"
	_ "github.com/narrate-dev/narrate/tts/flite"
	_ "github.com/narrate-dev/narrate/tts/piper"
)

// floorVoice is one default voice whose render is held against its floor.
type floorVoice struct {
	name, spec, lang string
	// text is the article's text file, made by the benchmark.
	text func(tb testing.TB, dir string) string
	// needs says what must be installed, or "" when the voice can run.
	needs func() string
}

// floorVoices are the voices narrate picks when the user names none: Piper
// for English (flite:slt where Piper's files are absent) and espeak-ng for
// the other languages (French here).
var floorVoices = []floorVoice{
	{"piper", "piper:", "en", seedProseFile, piperMissing},
	{"flite", "flite:slt", "en", seedProseFile, func() string { return "" }},
	{"espeak_fr", "espeak:fr", "fr", func(tb testing.TB, dir string) string {
		p, _ := filepath.Abs("../testdata/voices/fr.txt")
		return p
	}, func() string { return "" }},
}

// seedProseFile writes the seed's first neuralParagraphs prose paragraphs
// to seed.txt in dir and returns its path.
func seedProseFile(tb testing.TB, dir string) string {
	p := filepath.Join(dir, "seed.txt")
	if err := os.WriteFile(p, []byte(strings.Join(seedProse(tb, neuralParagraphs), "\n\n")+"\n"), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// voicesDir is where `make voices` put the neural voices.
func voicesDir() string {
	if v := os.Getenv("NARRATE_VOICES"); v != "" {
		return v
	}
	v, _ := filepath.Abs("../.cache/voices")
	return v
}

// piperModel is the English default voice's model file under voices.
func piperModel(voices string) string {
	return filepath.Join(voices, "piper", "en_US-joe-medium.onnx")
}

// piperMissing says why Piper's English voice cannot run here, or "".
func piperMissing() string {
	v := voicesDir()
	for _, f := range []string{filepath.Join(v, "onnxruntime", "libonnxruntime.so"), piperModel(v)} {
		if _, err := os.Stat(f); err != nil {
			return "Piper's voice is not installed in " + v + " (run `make voices`)"
		}
	}
	return ""
}

// BenchmarkVoiceFloor holds each default voice's render against its floor,
// the least a render with that voice could cost (issue 31, item 3): the
// voice's synthesis alone plus one encode of the same audio at the same
// quality. Per voice and round, alternating:
//
//   - render: `narrate render TEXT --voice SPEC --no-cache -q` to an MP3 with
//     everything a render does by default (loudness, limiter, chapters),
//     user + system CPU seconds of the process;
//   - synthesis: the same engine, opened in this process through tts.New
//     without a cache, speaking each block of `narrate script --spoken` (the
//     text the render sends) as many at a time as the engine's limits allow,
//     its CPU seconds read from getrusage before and after;
//   - encode: the LAME command line encoding that speech (joined, at the
//     engine's rate) to narrate's default format (mono, 24 kHz, 64 kbit/s,
//     quality 5), its CPU seconds.
//
// It reports the medians of render CPU, floor CPU (synthesis + encode) and
// their ratio per voice ("<voice>_floor_ratio"); the bar is 1.2x.
// A voice that is not installed is left out with a log line.
func BenchmarkVoiceFloor(b *testing.B) {
	needTools(b, "lame")
	if gnuTime() == "" {
		b.Skip("needs GNU time (Debian package time)")
	}
	os.Setenv("NARRATE_VOICES", voicesDir())
	bin := narrateBin(b)
	dir := b.TempDir()
	type figures struct{ render, synth, encode, ratio []float64 }
	got := map[string]*figures{}
	var ran []floorVoice
	for _, v := range floorVoices {
		if why := v.needs(); why != "" {
			b.Logf("%s left out: %s", v.name, why)
			continue
		}
		ran = append(ran, v)
		got[v.name] = &figures{}
	}
	if len(ran) == 0 {
		b.Skip("no default voice can run here")
	}
	texts := map[string]string{}
	blocks := map[string][]string{}
	for _, v := range ran {
		texts[v.name] = v.text(b, dir)
		out, err := exec.Command(bin, "script", texts[v.name], "--lang", v.lang, "--spoken").Output()
		if err != nil {
			b.Fatalf("narrate script %s: %v", texts[v.name], err)
		}
		for _, p := range strings.Split(string(out), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				blocks[v.name] = append(blocks[v.name], p)
			}
		}
	}
	ctx := context.Background()
	b.ResetTimer()
	for i := range b.N * neuralRounds {
		for _, v := range ran {
			g := got[v.name]
			mp3 := filepath.Join(dir, fmt.Sprintf("%s-%d.mp3", v.name, i))
			u, err := runUsage(bin, "render", texts[v.name], "--lang", v.lang, "--voice", v.spec, "-o", mp3, "-y", "-q", "--no-cache")
			if err != nil {
				b.Fatal(err)
			}
			speech, cpu, err := synthesizeAlone(ctx, v.spec, v.lang, blocks[v.name])
			if err != nil {
				b.Fatalf("%s: %v", v.spec, err)
			}
			wav := filepath.Join(dir, fmt.Sprintf("%s-%d.wav", v.name, i))
			if err := writeWAV(wav, speech); err != nil {
				b.Fatal(err)
			}
			enc, err := runUsage("lame", "--silent", "-q", "5", "-b", "64", "-m", "m", "--resample", "24", wav, filepath.Join(dir, "floor.mp3"))
			if err != nil {
				b.Fatal(err)
			}
			os.Remove(wav)
			r, s, e := u.cpu.Seconds(), cpu.Seconds(), enc.cpu.Seconds()
			g.render, g.synth, g.encode = append(g.render, r), append(g.synth, s), append(g.encode, e)
			g.ratio = append(g.ratio, r/(s+e))
			b.Logf("%s: render %.2f s CPU; floor %.2f s (synthesis %.2f + encode %.2f) for %.1f s of speech: %.2fx",
				v.name, r, s+e, s, e, speech.Duration().Seconds(), r/(s+e))
		}
	}
	b.StopTimer()
	b.ReportMetric(0, "ns/op")
	for _, v := range ran {
		g := got[v.name]
		b.ReportMetric(median(g.render), v.name+"_render_cpu_s")
		b.ReportMetric(median(g.synth)+median(g.encode), v.name+"_floor_cpu_s")
		b.ReportMetric(median(g.synth), v.name+"_synth_cpu_s")
		b.ReportMetric(median(g.ratio), v.name+"_floor_ratio")
	}
}

// synthesizeAlone speaks blocks with the engine spec names, opened without
// a cache, as many at a time as its limits allow, and returns the speech
// joined in order and the CPU time this process spent (opening the engine
// included: a render opens it too).
func synthesizeAlone(ctx context.Context, spec, lang string, blocks []string) (*audio.Buffer, time.Duration, error) {
	before := processCPU()
	e, err := tts.New(ctx, tts.Options{Spec: spec, QPS: -1})
	if err != nil {
		return nil, 0, err
	}
	defer e.Close()
	n := e.Limits().Concurrency
	if n <= 0 {
		n = 2
	}
	clips := make([]*tts.Clip, len(blocks))
	errs := make([]error, len(blocks))
	sem := make(chan struct{}, n)
	var wg sync.WaitGroup
	for i, text := range blocks {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			clips[i], errs[i] = e.Synthesize(ctx, tts.Request{Text: text, Language: lang})
		}()
	}
	wg.Wait()
	cpu := processCPU() - before
	out := &audio.Buffer{}
	for i, c := range clips {
		if errs[i] != nil {
			return nil, 0, fmt.Errorf("block %d: %w", i+1, errs[i])
		}
		if out.Rate == 0 {
			out.Rate = c.Audio.Rate
		}
		if c.Audio.Rate != out.Rate {
			return nil, 0, fmt.Errorf("block %d at %d Hz, the others at %d Hz", i+1, c.Audio.Rate, out.Rate)
		}
		out.Samples = append(out.Samples, c.Audio.Samples...)
	}
	return out, cpu, nil
}

// processCPU is the user + system time of this process, all its threads.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func writeWAV(path string, buf *audio.Buffer) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := audio.WriteWAV(f, buf); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
