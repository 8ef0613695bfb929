// Command report runs narrate's benchmarks and prints one table: for each
// figure the issues set a target for, narrate's value, the baseline measured
// in the same run, their ratio, the target and whether it is met. It also
// writes the table as JSON (out/bench.json) and the raw `go test -bench`
// output (out/bench.txt).
//
// Run it from the repository root (what `make bench` does):
//
//	go run ./bench/report
//
// It builds bin/narrate when missing, then runs, one package at a time, the
// end-to-end benchmarks of ./bench (which exec that binary and the baselines:
// espeak-ng | lame, ffmpeg, lame) and the in-package benchmarks of
// ./pipeline, ./tts/google, ./batch, ./feed and ./article, each once
// (-benchtime 1x; the macro benchmarks repeat their runs inside and report
// medians). After the table it prints the scrapinghub extraction benchmark's
// own table, narrate beside the published extractors, and the last table of
// the voice check (`make judge`, out/judge.txt) when there is one.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// benchmarks are the benchmarks the table is made of, by package.
var benchmarks = []struct {
	pkg   string
	names []string
}{
	{"./bench", []string{"BenchmarkSeedRender", "BenchmarkSeedRenderQuality7", "BenchmarkSeedRenderFlite", "BenchmarkMP3Encode", "BenchmarkMP3EncodeSpeech", "BenchmarkStitch", "BenchmarkLongFake", "BenchmarkCacheEdit", "BenchmarkNeuralVoices", "BenchmarkVoiceFloor"}},
	{"./pipeline", []string{"BenchmarkEncodeAhead"}},
	{"./tts/google", []string{"BenchmarkGoogleQPS"}},
	{"./batch", []string{"BenchmarkBatchFake", "BenchmarkBatchRerun"}},
	{"./feed", []string{"BenchmarkFeed10k"}},
	{"./article", []string{"BenchmarkExtraction"}},
}

// Result is what one benchmark reported: its metrics by unit, or why it
// was skipped or failed.
type Result struct {
	Metrics map[string]float64
	Skipped string
	Failed  string
}

// Row is one line of the table.
type Row struct {
	Figure       string   `json:"figure"`
	Issue        int      `json:"issue"`
	Unit         string   `json:"unit"`
	Narrate      *float64 `json:"narrate"`
	Baseline     *float64 `json:"baseline"`
	BaselineName string   `json:"baseline_name,omitempty"`
	Ratio        *float64 `json:"ratio"`
	Target       string   `json:"target"`
	// Status is "met", "not met", "reported" (no numeric target),
	// "skipped" or "failed".
	Status string `json:"status"`
	Note   string `json:"note,omitempty"`
}

// figure describes how a row is made from one benchmark's metrics.
type figure struct {
	bench, title string
	issue        int
	unit         string
	narrate      string // metric unit of narrate's value
	baseline     string // metric unit of the baseline's value, or ""
	baseName     string
	baseConst    float64 // a fixed baseline (a limit), when not measured
	ratio        string  // metric unit of the ratio, or "" to compute narrate/baseline
	target       string
	met          func(m map[string]float64) bool // nil: reported only
	note         func(m map[string]float64) string
}

var figures = []figure{
	{bench: "BenchmarkSeedRender", title: "seed render wall (espeak)", issue: 2, unit: "s",
		narrate: "narrate_s", baseline: "naive_s", baseName: "espeak-ng | lame", ratio: "wall_ratio",
		target: "ratio <= 1.0", met: func(m map[string]float64) bool { return m["wall_ratio"] <= 1.0 }},
	{bench: "BenchmarkSeedRender", title: "seed render wall, loudness+limiter+chapters+timings (espeak)", issue: 11, unit: "s",
		narrate: "narrate_s", baseline: "naive_s", baseName: "espeak-ng | lame, same run", ratio: "wall_ratio",
		target: "ratio <= 0.5", met: func(m map[string]float64) bool { return m["wall_ratio"] <= 0.5 }},
	{bench: "BenchmarkSeedRender", title: "seed render CPU, user+system (espeak)", issue: 11, unit: "s",
		narrate: "narrate_cpu_s", baseline: "naive_cpu_s", baseName: "espeak-ng | lame, same run", ratio: "cpu_ratio",
		target: "ratio <= 0.6", met: func(m map[string]float64) bool { return m["cpu_ratio"] <= 0.6 }},
	{bench: "BenchmarkSeedRenderQuality7", title: "seed render wall at LAME quality 7 (espeak)", issue: 11, unit: "s",
		narrate: "narrate_s", baseline: "naive_s", baseName: "espeak-ng | lame, same run", ratio: "wall_ratio",
		target: "(report: the owner's quality choice)"},
	{bench: "BenchmarkSeedRenderQuality7", title: "seed render CPU at LAME quality 7 (espeak)", issue: 11, unit: "s",
		narrate: "narrate_cpu_s", baseline: "naive_cpu_s", baseName: "espeak-ng | lame, same run", ratio: "cpu_ratio",
		target: "(report: the owner's quality choice)"},
	{bench: "BenchmarkEncodeAhead/seed", title: "seed render with MP3 encoded ahead (espeak), wall", issue: 11, unit: "s",
		narrate: "ahead_s", baseline: "final_s", baseName: "encode-ahead off, same run", ratio: "wall_ratio",
		target: "(report: keep if < 1)",
		note: func(m map[string]float64) string {
			return fmt.Sprintf("CPU %.2f s on, %.2f s off (%.2fx)", m["ahead_cpu_s"], m["final_cpu_s"], m["cpu_ratio"])
		}},
	{bench: "BenchmarkEncodeAhead/seed-flite", title: "seed render with MP3 encoded ahead (flite), wall", issue: 11, unit: "s",
		narrate: "ahead_s", baseline: "final_s", baseName: "encode-ahead off, same run", ratio: "wall_ratio",
		target: "(report: keep if < 1)",
		note: func(m map[string]float64) string {
			return fmt.Sprintf("CPU %.2f s on, %.2f s off (%.2fx)", m["ahead_cpu_s"], m["final_cpu_s"], m["cpu_ratio"])
		}},
	{bench: "BenchmarkEncodeAhead/3h", title: "3-hour narration with MP3 encoded ahead (fake), wall", issue: 11, unit: "s",
		narrate: "ahead_s", baseline: "final_s", baseName: "encode-ahead off, same run", ratio: "wall_ratio",
		target: "(report: keep if < 1)",
		note: func(m map[string]float64) string {
			return fmt.Sprintf("CPU %.1f s on, %.1f s off (%.2fx)", m["ahead_cpu_s"], m["final_cpu_s"], m["cpu_ratio"])
		}},
	{bench: "BenchmarkSeedRender", title: "seed render peak RSS (espeak)", issue: 2, unit: "MB",
		narrate: "narrate_MB", baseline: "naive_MB", baseName: "espeak-ng | lame (largest process)",
		target: "<= 100 MB", met: func(m map[string]float64) bool { return m["narrate_MB"] <= 100 }},
	{bench: "BenchmarkSeedRenderFlite", title: "seed render wall (default voice, flite)", issue: 13, unit: "s",
		narrate: "narrate_s", baseline: "naive_s", baseName: "flite -voice slt && lame", ratio: "wall_ratio",
		target: "ratio <= 1.0", met: func(m map[string]float64) bool { return m["wall_ratio"] <= 1.0 }},
	{bench: "BenchmarkSeedRenderFlite", title: "seed render peak RSS (flite)", issue: 13, unit: "MB",
		narrate: "narrate_MB", baseline: "naive_MB", baseName: "flite && lame (largest process)",
		target: "(report: no more than the espeak row's)"},
	{bench: "BenchmarkMP3Encode", title: "MP3 encode 24 kHz mono 64k q5", issue: 2, unit: "x RT",
		narrate: "narrate_xRT", baseline: "lame_xRT", baseName: "lame CLI, same WAV", ratio: "ratio",
		target: "(report)"},
	{bench: "BenchmarkMP3EncodeSpeech", title: "MP3 encode 24 kHz mono 64k q5, espeak-ng speech", issue: 11, unit: "x RT",
		narrate: "narrate_xRT", baseline: "lame_xRT", baseName: "lame CLI, same WAV", ratio: "ratio",
		target: "(report: what a render's encode costs)"},
	{bench: "BenchmarkStitch", title: "stitch stage speed (seed's espeak clips)", issue: 5, unit: "x RT",
		narrate: "narrate_xRT", baseline: "ffmpeg_xRT", baseName: "ffmpeg concat+loudnorm+libmp3lame", ratio: "speedup",
		target: "ratio >= 3.5", met: func(m map[string]float64) bool { return m["speedup"] >= 3.5 }},
	{bench: "BenchmarkStitch", title: "stitch output loudness (ffmpeg ebur128)", issue: 5, unit: "LUFS",
		narrate: "narrate_LUFS", baseline: "ffmpeg_LUFS", baseName: "ffmpeg loudnorm I=-16", ratio: "-",
		target: "-16 ±0.5", met: func(m map[string]float64) bool { return math.Abs(m["narrate_LUFS"]+16) <= 0.5 },
		note: func(m map[string]float64) string {
			return fmt.Sprintf("ffmpeg off target by %+.1f LU", m["ffmpeg_LUFS"]+16)
		}},
	{bench: "BenchmarkLongFake", title: "3-hour narration peak RSS (fake)", issue: 5, unit: "MB",
		narrate: "peak_MB", target: "<= 150 MB", met: func(m map[string]float64) bool { return m["peak_MB"] <= 150 },
		note: func(m map[string]float64) string {
			return fmt.Sprintf("%.2f h rendered in %.0f s (%.0fx RT)", m["hours"], m["wall_s"], m["xRT"])
		}},
	{bench: "BenchmarkGoogleQPS", title: "Google engine vs fake server, --qps 20", issue: 4, unit: "req/s",
		narrate: "req/s", baseConst: 20, baseName: "the --qps limit", ratio: "%limit",
		target: ">= 90% of limit", met: func(m map[string]float64) bool { return m["%limit"] >= 90 }},
	{bench: "BenchmarkBatchFake", title: "batch articles/min (fake, 0 latency)", issue: 8, unit: "art/min",
		narrate: "articles/min", target: "(report)"},
	{bench: "BenchmarkBatchRerun", title: "rerun of finished 1,000-article batch", issue: 8, unit: "s",
		narrate: "s/rerun", target: "< 5 s", met: func(m map[string]float64) bool { return m["s/rerun"] < 5 }},
	{bench: "BenchmarkFeed10k", title: "podcast feed of a 10,000-article file:// archive", issue: 15, unit: "s",
		narrate: "s/feed", target: "< 5 s", met: func(m map[string]float64) bool { return m["s/feed"] < 5 },
		note: func(m map[string]float64) string {
			return fmt.Sprintf("%.0f items/s, %.1f s of CPU, %.1f MB of XML", m["items/s"], m["cpu_s/feed"], m["feed_MB"])
		}},
	{bench: "BenchmarkCacheEdit", title: "re-render after 1-paragraph edit (espeak)", issue: 6, unit: "s",
		narrate: "warm_s", baseline: "cold_s", baseName: "cold render, same run", ratio: "ratio",
		target: "1 engine request", met: func(m map[string]float64) bool { return m["warm_requests"] == 1 },
		note: func(m map[string]float64) string {
			return fmt.Sprintf("warm render made %.0f engine request(s)", m["warm_requests"])
		}},
	{bench: "BenchmarkNeuralVoices", title: "piper: render wall, 12 seed paragraphs (English default)", issue: 31, unit: "s",
		narrate: "piper_s", baseline: "pipertts_s", baseName: "piper-tts 1.8.0, same voice, same run", ratio: "wall_ratio",
		target: "ratio <= 0.8", met: func(m map[string]float64) bool { return m["wall_ratio"] <= 0.8 },
		note: func(m map[string]float64) string {
			return fmt.Sprintf("%.1fx real time; load average %.1f", m["piper_xRT"], m["load1"])
		}},
	{bench: "BenchmarkNeuralVoices", title: "piper: render CPU (user+system), 12 seed paragraphs", issue: 31, unit: "s",
		narrate: "piper_cpu_s", baseline: "pipertts_cpu_s", baseName: "piper-tts 1.8.0, same run", ratio: "cpu_ratio",
		target: "(report)"},
	{bench: "BenchmarkNeuralVoices", title: "piper: peak RSS of narrate render", issue: 31, unit: "MB",
		narrate: "piper_MB", baseline: "pipertts_MB", baseName: "piper-tts 1.8.0", target: "(report)"},
	{bench: "BenchmarkNeuralVoices", title: "kokoro:ff_siwis: x real time, wall, French passage", issue: 31, unit: "x RT",
		narrate: "kokoro_xRT", baseline: "espeak_fr_xRT", baseName: "espeak:fr, same text, same run",
		target: ">= 4", met: func(m map[string]float64) bool { return m["kokoro_xRT"] >= 4 },
		note: func(m map[string]float64) string {
			return fmt.Sprintf("by CPU time %.2fx", m["kokoro_cpu_xRT"])
		}},
	{bench: "BenchmarkNeuralVoices", title: "kokoro: peak RSS of narrate render", issue: 31, unit: "MB",
		narrate: "kokoro_MB", target: "(report)"},
	{bench: "BenchmarkVoiceFloor", title: "render CPU against its floor: piper (English default), 12 seed paragraphs", issue: 31, unit: "s",
		narrate: "piper_render_cpu_s", baseline: "piper_floor_cpu_s", baseName: "synthesis alone + one lame encode, same run", ratio: "piper_floor_ratio",
		target: "report; push where > 1.2"},
	{bench: "BenchmarkVoiceFloor", title: "render CPU against its floor: flite:slt (English without Piper), same text", issue: 31, unit: "s",
		narrate: "flite_render_cpu_s", baseline: "flite_floor_cpu_s", baseName: "synthesis alone + one lame encode, same run", ratio: "flite_floor_ratio",
		target: "report; push where > 1.2"},
	{bench: "BenchmarkVoiceFloor", title: "render CPU against its floor: espeak:fr (other languages), French passage", issue: 31, unit: "s",
		narrate: "espeak_fr_render_cpu_s", baseline: "espeak_fr_floor_cpu_s", baseName: "synthesis alone + one lame encode, same run", ratio: "espeak_fr_floor_ratio",
		target: "report; push where > 1.2"},
	{bench: "BenchmarkExtraction", title: "scrapinghub extraction F1 (181 pages)", issue: 12, unit: "F1",
		narrate: "sh_F1", baseline: "best_F1", baseName: "best published extractor",
		target: ">= 0.975, recall >= 0.98", met: func(m map[string]float64) bool { return m["sh_F1"] >= 0.975 && m["sh_R"] >= 0.98 },
		note: func(m map[string]float64) string { return fmt.Sprintf("P %.3f R %.3f", m["sh_P"], m["sh_R"]) }},
	{bench: "BenchmarkExtraction", title: "Readability pages text F1 (130 pages)", issue: 12, unit: "F1",
		narrate: "rd_F1", baseline: "rd_base_F1", baseName: "go-trafilatura as it comes, same run",
		target: ">= 0.95", met: func(m map[string]float64) bool { return m["rd_F1"] >= 0.95 },
		note: func(m map[string]float64) string { return fmt.Sprintf("P %.3f R %.3f", m["rd_P"], m["rd_R"]) }},
	wcxbFigure("", "WCXB development pages F1 (1,463 pages, score.py)", "(report; held-out: word F1 >= 0.893)"),
	wcxbFigure("article", "WCXB article pages F1", "(report; held-out: word F1 >= 0.95)"),
	wcxbFigure("service", "WCXB service pages F1", "(report)"),
	wcxbFigure("forum", "WCXB forum pages F1", "(report)"),
	wcxbFigure("collection", "WCXB collection pages F1", "(report)"),
	wcxbFigure("product", "WCXB product pages F1", "(report)"),
	wcxbFigure("listing", "WCXB listing pages F1", "(report)"),
	wcxbFigure("documentation", "WCXB documentation pages F1", "(report)"),
	{bench: "BenchmarkExtraction", title: "extraction CPU per WCXB page (1,463 pages)", issue: 30, unit: "ms",
		narrate: "wx_cpu_ms/page", target: "(report)"},
	{bench: "BenchmarkExtraction", title: "bylines equal to the reference (76 pages)", issue: 12, unit: "share",
		narrate: "byline_ok", target: ">= 0.85", met: func(m map[string]float64) bool { return m["byline_ok"] >= 0.85 }},
	{bench: "BenchmarkExtraction", title: "language equal to the reference (73 pages)", issue: 12, unit: "share",
		narrate: "lang_ok", target: ">= 0.95", met: func(m map[string]float64) bool { return m["lang_ok"] >= 0.95 }},
	{bench: "BenchmarkExtraction", title: "extraction CPU per page (311 pages)", issue: 12, unit: "ms",
		narrate: "cpu_ms/page", target: "<= 20 ms", met: func(m map[string]float64) bool { return m["cpu_ms/page"] <= 20 },
		note: func(m map[string]float64) string { return fmt.Sprintf("wall %.1f ms/page", m["ms/page"]) }},
}

// wcxbFigure is the row of one WCXB page kind ("" for all pages):
// narrate's F1 as the set's score.py scores it, beside go-trafilatura's
// in the same run, with precision, recall and WCXB's own word F1 (the
// measure of its published figures) in the note.
func wcxbFigure(kind, title, target string) figure {
	key := "wx_"
	if kind != "" {
		key += kind + "_"
	}
	base := "wx_base_" + strings.TrimPrefix(key, "wx_")
	return figure{bench: "BenchmarkExtraction", title: title, issue: 30, unit: "F1",
		narrate: key + "F1", baseline: base + "F1", baseName: "go-trafilatura as it comes, same run", target: target,
		note: func(m map[string]float64) string {
			return fmt.Sprintf("%.0f pages, P %.3f R %.3f; word F1 %.3f (go-trafilatura %.3f)",
				m[key+"n"], m[key+"P"], m[key+"R"], m[key+"wF1"], m[base+"wF1"])
		}}
}

func main() {
	out := flag.String("o", "out/bench.json", "write the table as JSON to this file")
	bin := flag.String("bin", "bin/narrate", "narrate binary the benchmarks exec (built when missing)")
	flag.Parse()
	if err := run(*out, *bin); err != nil {
		fmt.Fprintln(os.Stderr, "bench report:", err)
		os.Exit(1)
	}
}

func run(outPath, bin string) error {
	start := time.Now()
	if _, err := os.Stat("go.mod"); err != nil {
		return errors.New("run from the repository root (no go.mod here)")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		goCmd = "/usr/local/go/bin/go"
	}
	if _, err := os.Stat(bin); err != nil {
		fmt.Fprintf(os.Stderr, "building %s\n", bin)
		if out, err := exec.Command(goCmd, "build", "-o", bin, "./cmd/narrate").CombinedOutput(); err != nil {
			return fmt.Errorf("go build -o %s ./cmd/narrate: %v\n%s", bin, err, out)
		}
	}
	absBin, err := filepath.Abs(bin)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(outPath), 0o755); err != nil {
		return err
	}
	var raw bytes.Buffer
	results := map[string]*Result{}
	var testErrs []string
	for _, b := range benchmarks {
		args := []string{"test", "-p", "1", "-run", "^$", "-bench", "^(" + strings.Join(b.names, "|") + ")$",
			"-benchtime", "1x", "-timeout", "30m", b.pkg}
		fmt.Fprintf(os.Stderr, "go %s\n", strings.Join(args, " "))
		cmd := exec.Command(goCmd, args...)
		cmd.Env = append(os.Environ(), "NARRATE_BIN="+absBin)
		var buf bytes.Buffer
		cmd.Stdout = io.MultiWriter(&buf, &raw, os.Stderr)
		cmd.Stderr = cmd.Stdout
		if err := cmd.Run(); err != nil {
			testErrs = append(testErrs, fmt.Sprintf("go test %s: %v", b.pkg, err))
		}
		for name, r := range parse(&buf) {
			results[name] = r
		}
		for _, n := range b.names {
			if results[n] == nil && !hasSub(results, n) {
				results[n] = &Result{Failed: fmt.Sprintf("no result from go test %s (build failure or timeout; see the log)", b.pkg)}
			}
		}
	}
	rows := makeRows(results)
	total := time.Since(start)
	printTable(os.Stdout, rows, total)
	printScrapinghub(os.Stdout, results["BenchmarkExtraction"])
	printWCXB(os.Stdout, results["BenchmarkExtraction"])
	printJudge(os.Stdout, filepath.Join(filepath.Dir(outPath), "judge.txt"))
	rawPath := filepath.Join(filepath.Dir(outPath), "bench.txt")
	if err := os.WriteFile(rawPath, raw.Bytes(), 0o644); err != nil {
		return err
	}
	data, err := json.MarshalIndent(struct {
		Date         time.Time `json:"date"`
		TotalSeconds float64   `json:"total_seconds"`
		Rows         []Row     `json:"rows"`
	}{start.UTC(), total.Seconds(), rows}, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(outPath, append(data, '\n'), 0o644); err != nil {
		return err
	}
	fmt.Printf("table: %s, raw output: %s\n", outPath, rawPath)
	if len(testErrs) > 0 {
		return errors.New(strings.Join(testErrs, "; "))
	}
	return nil
}

// parse reads `go test -bench` output: result lines
// ("BenchmarkX-2  1  123 ns/op  4.5 unit ..."), and "--- SKIP:"/"--- FAIL:"
// lines with the indented messages under them.
func parse(r io.Reader) map[string]*Result {
	res := map[string]*Result{}
	var open *Result
	var openFail bool
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "--- SKIP: "), strings.HasPrefix(trimmed, "--- FAIL: "):
			f := strings.Fields(trimmed)
			name := benchName(f[2])
			if res[name] == nil {
				res[name] = &Result{}
			}
			open, openFail = res[name], f[1] == "FAIL:"
			if openFail && open.Failed == "" {
				open.Failed = "failed"
			}
			continue
		case open != nil && strings.HasPrefix(line, "    ") && trimmed != "":
			msg := trimmed
			if i := strings.Index(msg, ": "); i > 0 && strings.Contains(msg[:i], ".go:") {
				msg = msg[i+2:]
			}
			if openFail {
				if open.Failed == "failed" {
					open.Failed = msg
				}
			} else if open.Skipped == "" {
				open.Skipped = msg
			}
			continue
		}
		open = nil
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		name := benchName(f[0])
		if res[name] == nil {
			res[name] = &Result{}
		}
		if res[name].Metrics == nil {
			res[name].Metrics = map[string]float64{}
		}
		for i := 2; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				res[name].Metrics[f[i+1]] = v
			}
		}
	}
	return res
}

// hasSub reports whether a sub-benchmark of name has a result.
func hasSub(results map[string]*Result, name string) bool {
	for k := range results {
		if strings.HasPrefix(k, name+"/") {
			return true
		}
	}
	return false
}

// benchName strips the -GOMAXPROCS suffix from a benchmark's name.
func benchName(s string) string {
	if i := strings.LastIndexByte(s, '-'); i > 0 {
		if _, err := strconv.Atoi(s[i+1:]); err == nil {
			return s[:i]
		}
	}
	return s
}

func makeRows(results map[string]*Result) []Row {
	var rows []Row
	for _, fg := range figures {
		row := Row{Figure: fg.title, Issue: fg.issue, Unit: fg.unit, Target: fg.target, BaselineName: fg.baseName}
		r := results[fg.bench]
		switch {
		case r == nil:
			row.Status, row.Note = "failed", fg.bench+" did not run"
		case r.Failed != "":
			row.Status, row.Note = "failed", r.Failed
		case r.Skipped != "" && r.Metrics == nil:
			row.Status, row.Note = "skipped", r.Skipped
		default:
			m := r.Metrics
			missing := []string{}
			for _, k := range []string{fg.narrate, fg.baseline, fg.ratio} {
				if _, ok := m[k]; k != "" && k != "-" && !ok {
					missing = append(missing, k)
				}
			}
			if len(missing) > 0 {
				row.Status, row.Note = "failed", fg.bench+" reported no "+strings.Join(missing, ", ")
				break
			}
			row.Narrate = ptr(m[fg.narrate])
			if fg.baseline != "" {
				row.Baseline = ptr(m[fg.baseline])
			} else if fg.baseConst != 0 {
				row.Baseline = ptr(fg.baseConst)
			}
			switch {
			case fg.ratio == "%limit":
				row.Ratio = ptr(m[fg.ratio] / 100)
			case fg.ratio != "" && fg.ratio != "-":
				row.Ratio = ptr(m[fg.ratio])
			case fg.ratio == "" && row.Baseline != nil && *row.Baseline != 0:
				row.Ratio = ptr(*row.Narrate / *row.Baseline)
			}
			row.Status = "reported"
			if fg.met != nil {
				row.Status = "not met"
				if fg.met(m) {
					row.Status = "met"
				}
			}
			if fg.note != nil {
				row.Note = fg.note(m)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func ptr(v float64) *float64 { return &v }

func num(v *float64, unit string) string {
	if v == nil {
		return "-"
	}
	a := math.Abs(*v)
	var s string
	switch {
	case a >= 100:
		s = strconv.FormatFloat(*v, 'f', 0, 64)
	case a >= 10:
		s = strconv.FormatFloat(*v, 'f', 1, 64)
	case unit == "F1" || unit == "share":
		return strconv.FormatFloat(*v, 'f', 3, 64)
	default:
		s = strconv.FormatFloat(*v, 'f', 2, 64)
	}
	if unit != "" {
		s += " " + unit
	}
	return s
}

func printTable(w io.Writer, rows []Row, total time.Duration) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "figure\tissue\tnarrate\tbaseline\tratio\ttarget\tstatus\tnote")
	for _, r := range rows {
		base := num(r.Baseline, r.Unit)
		if r.BaselineName != "" {
			base += " (" + r.BaselineName + ")"
		}
		ratio := "-"
		if r.Ratio != nil {
			ratio = num(r.Ratio, "") + "x"
		}
		fmt.Fprintf(tw, "%s\t#%d\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Figure, r.Issue, num(r.Narrate, r.Unit), base, ratio, r.Target, r.Status, r.Note)
	}
	tw.Flush()
	fmt.Fprintf(w, "total time: %s\n", total.Round(time.Second))
}

// printScrapinghub prints the scrapinghub benchmark's table as its
// evaluate.py does: narrate's row beside each published extractor's, all
// scored in the same run (BenchmarkExtraction reports <name>_F1 and
// <name>_R for each file in the benchmark's output/ folder).
func printScrapinghub(w io.Writer, r *Result) {
	if r == nil || r.Metrics == nil {
		return
	}
	m := r.Metrics
	type entry struct {
		name  string
		f1, r float64
	}
	rows := []entry{{"narrate", m["sh_F1"], m["sh_R"]}}
	for k, v := range m {
		if name, ok := strings.CutSuffix(k, "_F1"); ok && name != "sh" && name != "rd" && name != "best" &&
			!strings.HasPrefix(name, "rd_") && !strings.HasPrefix(name, "wx_") && name != "wx" {
			rows = append(rows, entry{name, v, m[name+"_R"]})
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].f1 != rows[j].f1 {
			return rows[i].f1 > rows[j].f1
		}
		return rows[i].name < rows[j].name
	})
	fmt.Fprintln(w, "\nscrapinghub article-extraction benchmark (181 pages, evaluate.py's shingle scoring, same run):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "extractor\tF1\trecall")
	for _, e := range rows {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\n", e.name, e.f1, e.r)
	}
	tw.Flush()
}

// printJudge prints the voice check's last table (make judge writes it),
// if there is one: the check is too slow to run with the benchmarks.
func printJudge(w io.Writer, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(w, "\nvoice check: no results yet (%s; run make judge)\n", path)
		return
	}
	fmt.Fprintf(w, "\nlast %s(from %s; make judge runs it again)\n", data, path)
}

// printWCXB prints the WCXB development pages' table, page kind by page
// kind: narrate's precision, recall and F1 as the set's score.py scores
// them and WCXB's own word F1, beside go-trafilatura's in the same run.
func printWCXB(w io.Writer, r *Result) {
	if r == nil || r.Metrics == nil {
		return
	}
	m := r.Metrics
	if _, ok := m["wx_F1"]; !ok {
		return
	}
	fmt.Fprintln(w, "\nWCXB development pages (score.py's shingle P/R/F1 and WCXB's word F1; go-trafilatura as it comes, same run):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "kind\tpages\tP\tR\tF1\tword F1\tgo-trafilatura F1\tword F1")
	for _, kind := range []string{"", "article", "service", "forum", "collection", "product", "listing", "documentation"} {
		key, name := "wx_", "all"
		if kind != "" {
			key, name = "wx_"+kind+"_", kind
		}
		base := "wx_base_" + strings.TrimPrefix(key, "wx_")
		fmt.Fprintf(tw, "%s\t%.0f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\n", name, m[key+"n"], m[key+"P"], m[key+"R"], m[key+"F1"], m[key+"wF1"], m[base+"F1"], m[base+"wF1"])
	}
	tw.Flush()
}
