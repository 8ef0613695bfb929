package article

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"
)

// BenchmarkExtraction is the extraction figures of every development set
// in one run, for `make bench` (bench/report):
//   - the scrapinghub benchmark scored the way its evaluate.py does
//     (sh_F1, sh_P, sh_R), each published extractor's output scored the
//     same way in the same run (<name>_F1, <name>_R; best_F1 is the best
//     of them);
//   - over all 130 Readability pages the text F1 against expected.html
//     (rd_F1, rd_P, rd_R), the share of pages whose byline matches
//     expected-metadata.json (byline_ok) and of those whose language does
//     (lang_ok);
//   - the 1,463 WCXB development pages, overall and per page kind, scored
//     as the set's score.py does (wx_F1, wx_P, wx_R; wx_<kind>_F1, …) and
//     by WCXB's own word F1 (wx_wF1, wx_<kind>_wF1), the measure its
//     published figures use;
//   - on the Readability and WCXB pages, go-trafilatura as it comes (the
//     extractor narrate builds on: its defaults, fallbacks on) scored the
//     same way in the same run (rd_base_F1, wx_base_F1, wx_base_<kind>_F1,
//     wx_base_wF1…), since those sets publish no extractor's output.
//
// ms/page is narrate's wall time per page over the 311 scrapinghub and
// Readability pages, one page at a time, and cpu_ms/page the process's
// CPU time per page (garbage collection included, on all cores);
// wx_cpu_ms/page is the same over the WCXB pages.
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
	f1, p, r = scoreAll(rdm)
	b.ReportMetric(f1, "rd_F1")
	b.ReportMetric(p, "rd_P")
	b.ReportMetric(r, "rd_R")
	b.ReportMetric(ratio(bylineOK, bylineOf), "byline_ok")
	b.ReportMetric(ratio(langOK, langOf), "lang_ok")
	pages := float64(b.N * (len(ids) + len(rd)))
	b.ReportMetric(float64(elapsed.Microseconds())/1000/pages, "ms/page")
	b.ReportMetric(float64(cpu.Microseconds())/1000/pages, "cpu_ms/page")

	// The baseline on the Readability pages: the reference without its
	// title line, as above.
	var rdBase []tpFpFn
	for _, p := range rd {
		text := baselineText(p.src)
		var ref []string
		for _, l := range strings.Split(referenceText(b, p.exp), "\n") {
			if foldForCompare(l) != foldForCompare(p.titleLine) {
				ref = append(ref, l)
			}
		}
		rdBase = append(rdBase, shingleMatch(strings.Join(ref, "\n"), text))
	}
	f1, _, _ = scoreAll(rdBase)
	b.ReportMetric(f1, "rd_base_F1")
	benchWCXB(b)
}

// benchWCXB reports the WCXB figures of BenchmarkExtraction, narrate's and
// the baseline's, or logs why there are none.
func benchWCXB(b *testing.B) {
	if _, err := os.Stat(filepath.Join(wcxbDir, "ground-truth.json")); err != nil {
		b.Logf("WCXB development pages not found at %s (shared data absent): no wx_ figures", wcxbDir)
		return
	}
	pages := loadWCXB(b)
	srcs := make([][]byte, len(pages))
	for i, p := range pages {
		srcs[i] = p.html(b)
	}
	type set struct {
		shingle wcxbScores
		words   map[string]*wordScores
	}
	score := func(s *set, kind, pred, truth string) {
		s.shingle.add(kind, shingleMatch(truth, pred))
		for _, k := range []string{"all", kind} {
			if s.words[k] == nil {
				s.words[k] = &wordScores{}
			}
			s.words[k].add(pred, truth)
		}
	}
	narrate := set{wcxbScores{}, map[string]*wordScores{}}
	base := set{wcxbScores{}, map[string]*wordScores{}}
	cpu0 := processCPU(b)
	for i, p := range pages {
		doc, err := Parse(srcs[i], p.ID+".html", LoadOptions{Format: FormatHTML})
		score(&narrate, p.Kind, blocksText(doc, err), p.Truth)
	}
	cpu := processCPU(b) - cpu0
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(pages)), "wx_cpu_ms/page")
	for i, p := range pages {
		score(&base, p.Kind, baselineText(srcs[i]), p.Truth)
	}
	for _, kind := range append([]string{"all"}, wcxbKinds...) {
		key := "wx_"
		if kind != "all" {
			key += kind + "_"
		}
		f1, p, r := scoreAll(narrate.shingle[kind])
		wf1, _, _ := narrate.words[kind].means()
		b.ReportMetric(f1, key+"F1")
		b.ReportMetric(p, key+"P")
		b.ReportMetric(r, key+"R")
		b.ReportMetric(wf1, key+"wF1")
		b.ReportMetric(float64(len(narrate.shingle[kind])), key+"n")
		f1, _, _ = scoreAll(base.shingle[kind])
		wf1, _, _ = base.words[kind].means()
		bkey := "wx_base_" + strings.TrimPrefix(key, "wx_")
		b.ReportMetric(f1, bkey+"F1")
		b.ReportMetric(wf1, bkey+"wF1")
	}
}

// baselineText is go-trafilatura's text of a page with its defaults
// (fallbacks to Readability and DOM Distiller on, comments off): the
// extractor narrate builds on, as a user of it would get it.
func baselineText(page []byte) string {
	res, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{EnableFallback: true, ExcludeComments: true})
	if err != nil || res == nil {
		return ""
	}
	return res.ContentText
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
