package main

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `goos: linux
pkg: github.com/narrate-dev/narrate/bench
BenchmarkSeedRender-2   	       1	         0 ns/op	         1.20 narrate_MB	        12.5 naive_s	        14.0 narrate_s	         1.12 wall_ratio
--- SKIP: BenchmarkStitch
    stitch_test.go:150: seed article /x not present (../shared absent); skipping
BenchmarkGoogleQPS-2   	       1	10064916486 ns/op	        85.00 %limit	        17.00 req/s
--- FAIL: BenchmarkCacheEdit
    cache_test.go:90: cold render: 0 requests, 3 cache hits; want no hits
BenchmarkBatchRerun-2   	       1	 317594188 ns/op	         0.3176 s/rerun
BenchmarkExtraction-2   	       1	46086390816 ns/op	         0.9700 AutoExtract_F1	         0.9560 AutoExtract_R	         0.9700 best_F1	         0.8158 byline_ok	        37.60 cpu_ms/page	         0.9597 go_trafilatura_F1	         0.9799 go_trafilatura_R	         1.000 lang_ok	       131.8 ms/page	         0.9534 rd_F1	         0.9572 rd_P	         0.9500 rd_R	         0.9310 rd_base_F1	         0.8191 wx_F1	         0.8297 wx_P	         0.8087 wx_R	         0.8339 wx_wF1	      1463 wx_n	         0.8138 wx_base_F1	         0.8256 wx_base_wF1	         0.6632 wx_forum_F1	         0.6321 wx_forum_P	         0.6975 wx_forum_R	         0.6594 wx_forum_wF1	       112 wx_forum_n	         0.6152 wx_base_forum_F1	         0.5772 wx_base_forum_wF1	        41.50 wx_cpu_ms/page	         0.9681 sh_F1	         0.9559 sh_P	         0.9806 sh_R
PASS
`

func TestParse(t *testing.T) {
	res := parse(strings.NewReader(sample))
	if m := res["BenchmarkSeedRender"].Metrics; m["narrate_s"] != 14 || m["wall_ratio"] != 1.12 || m["naive_s"] != 12.5 {
		t.Errorf("seed metrics %v", m)
	}
	if r := res["BenchmarkStitch"]; r == nil || !strings.Contains(r.Skipped, "../shared absent") || strings.Contains(r.Skipped, "stitch_test.go") {
		t.Errorf("stitch skip: %+v", r)
	}
	if r := res["BenchmarkCacheEdit"]; r == nil || !strings.HasPrefix(r.Failed, "cold render: 0 requests") {
		t.Errorf("cache failure: %+v", r)
	}
	if res["BenchmarkGoogleQPS"].Metrics["%limit"] != 85 {
		t.Errorf("google metrics %v", res["BenchmarkGoogleQPS"].Metrics)
	}
}

func TestRows(t *testing.T) {
	rows := makeRows(parse(strings.NewReader(sample)))
	byFigure := map[string]Row{}
	for _, r := range rows {
		byFigure[r.Figure] = r
	}
	for fig, want := range map[string]string{
		"seed render wall (espeak)":                         "not met", // 1.12 > 1.0
		"seed render peak RSS (espeak)":                     "failed",  // naive_MB missing
		"stitch stage speed (seed's espeak clips)":          "skipped", // input absent
		"Google engine vs fake server, --qps 20":            "not met", // 85% < 90%
		"rerun of finished 1,000-article batch":             "met",     // 0.32 s < 5 s
		"re-render after 1-paragraph edit (espeak)":         "failed",  // the benchmark failed
		"3-hour narration peak RSS (fake)":                  "failed",  // did not run
		"MP3 encode 24 kHz mono 64k q5":                     "failed",  // did not run
		"batch articles/min (fake, 0 latency)":              "failed",  // did not run
		"stitch output loudness (ffmpeg ebur128)":           "skipped",
		"scrapinghub extraction F1 (181 pages)":             "not met", // 0.968 < 0.975
		"Readability pages text F1 (130 pages)":             "met",
		"bylines equal to the reference (76 pages)":         "not met",
		"language equal to the reference (73 pages)":        "met",
		"extraction CPU per page (311 pages)":               "not met",
		"WCXB development pages F1 (1,463 pages, score.py)": "reported",
		"WCXB forum pages F1":                               "reported",
		"WCXB article pages F1":                             "failed", // not in the sample
	} {
		r, ok := byFigure[fig]
		if !ok {
			t.Errorf("no row %q", fig)
			continue
		}
		if r.Status != want {
			t.Errorf("%s: status %q (%s), want %q", fig, r.Status, r.Note, want)
		}
	}
	g := byFigure["Google engine vs fake server, --qps 20"]
	if g.Ratio == nil || *g.Ratio != 0.85 || g.Baseline == nil || *g.Baseline != 20 {
		t.Errorf("google row %+v", g)
	}
	if r := byFigure["scrapinghub extraction F1 (181 pages)"]; r.Baseline == nil || *r.Baseline != 0.97 || r.Note != "P 0.956 R 0.981" {
		t.Errorf("scrapinghub row %+v", r)
	}
	var sh bytes.Buffer
	printScrapinghub(&sh, parse(strings.NewReader(sample))["BenchmarkExtraction"])
	lines := strings.Split(strings.TrimSpace(sh.String()), "\n")
	if len(lines) != 5 || strings.Join(strings.Fields(lines[2]), " ") != "AutoExtract 0.970 0.956" ||
		strings.Join(strings.Fields(lines[3]), " ") != "narrate 0.968 0.981" {
		t.Errorf("scrapinghub table:\n%s", sh.String())
	}
	if r := byFigure["WCXB forum pages F1"]; r.Baseline == nil || *r.Baseline != 0.6152 ||
		r.Note != "112 pages, P 0.632 R 0.698; word F1 0.659 (go-trafilatura 0.577)" {
		t.Errorf("WCXB forum row %+v", r)
	}
	if r := byFigure["Readability pages text F1 (130 pages)"]; r.Baseline == nil || *r.Baseline != 0.931 || r.Note != "P 0.957 R 0.950" {
		t.Errorf("Readability row %+v", r)
	}
	var wx bytes.Buffer
	printWCXB(&wx, parse(strings.NewReader(sample))["BenchmarkExtraction"])
	if !strings.Contains(wx.String(), "forum") || !strings.Contains(strings.Join(strings.Fields(wx.String()), " "), "all 1463 0.830 0.809 0.819 0.834 0.814 0.826") {
		t.Errorf("WCXB table:\n%s", wx.String())
	}
	var buf bytes.Buffer
	printTable(&buf, rows, 0)
	if lines := strings.Count(buf.String(), "\n"); lines != len(figures)+2 {
		t.Errorf("table has %d lines, want header + %d rows + total:\n%s", lines, len(figures), buf.String())
	}
}
