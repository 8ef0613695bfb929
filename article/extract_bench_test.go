package article

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkExtraction is issue 12's figures in one run, for `make bench`
// (bench/report): the scrapinghub benchmark scored the way its
// evaluate.py does (sh_F1, sh_P, sh_R), each published extractor's
// output scored the same way in the same run (<name>_F1, <name>_R; best_F1
// is the best of them), and over all 130 Readability pages the text F1
// against expected.html (rd_F1), the share of pages whose byline matches
// expected-metadata.json (byline_ok) and of those whose language does
// (lang_ok). ms/page is the extraction's wall time per page over all 311
// pages, one page at a time, and cpu_ms/page the process's CPU time per
// page (garbage collection included, on all cores).
func BenchmarkExtraction(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(scrapinghubDir, "ground-truth.json"))
	if err != nil {
		b.Skipf("scrapinghub benchmark not found at %s (shared data absent)", scrapinghubDir)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		b.Fatal(err)
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	shPages := make([][]byte, len(ids))
	for i, id := range ids {
		if shPages[i], err = readGzip(filepath.Join(scrapinghubDir, "html", id+".html.gz")); err != nil {
			b.Fatal(err)
		}
	}
	type rdPage struct {
		name      string
		src, exp  []byte
		byline    string
		lang      string
		titleLine string
	}
	var rd []rdPage
	for _, set := range []string{"readability", "readability-more"} {
		for _, dir := range corpusPages(b, set) {
			p := rdPage{name: filepath.Base(dir)}
			if p.src, err = os.ReadFile(filepath.Join(dir, "source.html")); err != nil {
				b.Fatal(err)
			}
			if p.exp, err = os.ReadFile(filepath.Join(dir, "expected.html")); err != nil {
				b.Fatal(err)
			}
			var meta metadata
			if m, err := os.ReadFile(filepath.Join(dir, "expected-metadata.json")); err == nil {
				if err := json.Unmarshal(m, &meta); err != nil {
					b.Fatalf("%s: %v", p.name, err)
				}
			}
			p.byline, p.lang, p.titleLine = meta.Byline, meta.Lang, meta.Title
			rd = append(rd, p)
		}
	}

	b.ResetTimer()
	cpu0 := processCPU(b)
	var elapsed time.Duration
	var sh, rdm []tpFpFn
	bylineOK, bylineOf, langOK, langOf := 0, 0, 0, 0
	for n := 0; n < b.N; n++ {
		sh, rdm = sh[:0], rdm[:0]
		bylineOK, bylineOf, langOK, langOf = 0, 0, 0, 0
		for i, id := range ids {
			start := time.Now()
			doc, err := Parse(shPages[i], id+".html", LoadOptions{Format: FormatHTML})
			elapsed += time.Since(start)
			sh = append(sh, shingleMatch(truth[id].ArticleBody, blocksText(doc, err)))
		}
		for _, p := range rd {
			start := time.Now()
			doc, err := Parse(p.src, p.name, LoadOptions{})
			elapsed += time.Since(start)
			// As TestCorpus: the title is left out of both sides.
			var ref []string
			for _, l := range strings.Split(referenceText(b, p.exp), "\n") {
				if foldForCompare(l) != foldForCompare(p.titleLine) && (doc == nil || foldForCompare(l) != foldForCompare(doc.Title)) {
					ref = append(ref, l)
				}
			}
			rdm = append(rdm, shingleMatch(strings.Join(ref, "\n"), blocksText(doc, err)))
			if p.byline != "" {
				bylineOf++
				if doc != nil && bylineKey(doc.Byline) == bylineKey(p.byline) {
					bylineOK++
				}
			}
			if p.lang != "" {
				langOf++
				if doc != nil && baseLang(doc.Lang) == baseLang(p.lang) {
					langOK++
				}
			}
		}
	}
	b.StopTimer()
	// Scoring is in the CPU figure too; it is a few percent of it.
	cpu := processCPU(b) - cpu0
	f1, p, r := scoreAll(sh)
	b.ReportMetric(f1, "sh_F1")
	b.ReportMetric(p, "sh_P")
	b.ReportMetric(r, "sh_R")
	best := 0.0
	outs, _ := filepath.Glob(filepath.Join(scrapinghubDir, "output", "*.json"))
	for _, path := range outs {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		if name == "narrate" {
			continue
		}
		f1, r, ok := scorePublished(path, ids, truth)
		if !ok {
			b.Logf("%s: not in evaluate.py's format; left out", path)
			continue
		}
		b.ReportMetric(f1, name+"_F1")
		b.ReportMetric(r, name+"_R")
		best = max(best, f1)
	}
	b.ReportMetric(best, "best_F1")
	f1, _, _ = scoreAll(rdm)
	b.ReportMetric(f1, "rd_F1")
	b.ReportMetric(ratio(bylineOK, bylineOf), "byline_ok")
	b.ReportMetric(ratio(langOK, langOf), "lang_ok")
	pages := float64(b.N * (len(ids) + len(rd)))
	b.ReportMetric(float64(elapsed.Microseconds())/1000/pages, "ms/page")
	b.ReportMetric(float64(cpu.Microseconds())/1000/pages, "cpu_ms/page")
}

// processCPU is the CPU time this process has used, user and system: on a
// shared machine a page's wall time says more about the neighbours.
func processCPU(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// blocksText is a parsed page's body as evaluate.py wants it: the blocks'
// text, one per line, without title and byline.
func blocksText(doc *Document, err error) string {
	if err != nil || doc == nil {
		return ""
	}
	lines := make([]string, len(doc.Blocks))
	for i, bl := range doc.Blocks {
		lines[i] = bl.Text
	}
	return strings.Join(lines, "\n")
}

// scorePublished scores one extractor's published output file against
// the ground truth.
func scorePublished(path string, ids []string, truth map[string]struct {
	ArticleBody string `json:"articleBody"`
}) (f1, recall float64, ok bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, false
	}
	type body struct {
		ArticleBody string `json:"articleBody"`
	}
	// Either {"version": …, "output": {id: body}} or {id: body}, as
	// evaluate.py's load_prediction reads them.
	var wrapped struct {
		Version string          `json:"version"`
		Output  map[string]body `json:"output"`
	}
	out := map[string]body{}
	if json.Unmarshal(data, &wrapped) == nil && wrapped.Output != nil {
		out = wrapped.Output
	} else if err := json.Unmarshal(data, &out); err != nil {
		return 0, 0, false
	}
	ms := make([]tpFpFn, 0, len(ids))
	for _, id := range ids {
		ms = append(ms, shingleMatch(truth[id].ArticleBody, out[id].ArticleBody))
	}
	f1, _, recall = scoreAll(ms)
	return f1, recall, true
}
