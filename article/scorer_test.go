package article

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestScorerMatchesScorePy checks the Go port of the scorer against the
// WCXB set's own score.py on the same predictions, page by page: for
// every page, the reference cut short, the reference with another page's
// text added, an empty prediction, and the reference in other case and
// spacing. The extraction is not run: this tests the scorer, on the
// first 400 pages (the whole set costs half a minute of CPU).
func TestScorerMatchesScorePy(t *testing.T) {
	pages := loadWCXB(t)[:400]
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: score.py cannot run")
	}
	type body struct {
		ArticleBody string `json:"articleBody"`
	}
	pred := map[string]body{}
	for i, p := range pages {
		var text string
		switch i % 4 {
		case 0:
			text = p.Truth[:len(p.Truth)/2]
		case 1:
			text = p.Truth + "\n" + pages[(i+1)%len(pages)].Truth
		case 2:
			text = ""
		case 3:
			text = strings.ToUpper(strings.Join(strings.Fields(p.Truth), "  "))
		}
		pred[p.ID] = body{text}
	}
	dir := t.TempDir()
	data, err := json.Marshal(pred)
	if err != nil {
		t.Fatal(err)
	}
	predPath, perPage := filepath.Join(dir, "pred.json"), filepath.Join(dir, "pages.json")
	if err := os.WriteFile(predPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// score.py scores every page of its ground truth; give it these.
	truth := map[string]any{}
	for _, p := range pages {
		truth[p.ID] = map[string]string{"articleBody": p.Truth, "source": "WCXB"}
	}
	truthPath := filepath.Join(dir, "truth.json")
	if data, err = json.Marshal(truth); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(truthPath, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, filepath.Join(wcxbDir, "score.py"), predPath, "--ground-truth", truthPath, "--per-page", perPage).CombinedOutput()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, out)
	}
	data, err = os.ReadFile(perPage)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]struct{ TP, FP, FN float64 }
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	var all []tpFpFn
	for _, p := range pages {
		m := shingleMatch(p.Truth, pred[p.ID].ArticleBody)
		all = append(all, m)
		py := got[p.ID]
		if math.Abs(m.tp-py.TP) > 1e-9 || math.Abs(m.fp-py.FP) > 1e-9 || math.Abs(m.fn-py.FN) > 1e-9 {
			t.Errorf("%s: Go tp/fp/fn %.6f/%.6f/%.6f, score.py %.6f/%.6f/%.6f", p.ID, m.tp, m.fp, m.fn, py.TP, py.FP, py.FN)
		}
	}
	f1, p, r := scoreAll(all)
	want := strings.Fields(overallLine(string(out)))
	if len(want) < 5 || want[2] != format3(p) || want[3] != format3(r) || want[4] != format3(f1) {
		t.Errorf("overall P %.3f R %.3f F1 %.3f; score.py printed %q", p, r, f1, overallLine(string(out)))
	}
}

func overallLine(out string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "overall") {
			return l
		}
	}
	return ""
}

func format3(v float64) string { return fmt.Sprintf("%.3f", v) }

// WCXB's own word F1, on texts worked out by hand.
func TestWordF1(t *testing.T) {
	for _, c := range []struct {
		pred, ref string
		p, r      float64
	}{
		{"the cat sat", "The cat sat on the mat", 1, 0.5},
		{"the the the", "the cat", 1.0 / 3, 0.5},
		{"Menu Home the cat", "the cat", 0.5, 1},
		{"", "the cat", 0, 0},
		{"", "", 1, 1},
		{"a", "", 0, 0},
		{"naïve café_bar 42", "Naïve CAFÉ_BAR 42", 1, 1},
	} {
		p, r, _ := wordF1(c.pred, c.ref)
		if math.Abs(p-c.p) > 1e-9 || math.Abs(r-c.r) > 1e-9 {
			t.Errorf("wordF1(%q, %q) = P %.3f R %.3f, want %.3f %.3f", c.pred, c.ref, p, r, c.p, c.r)
		}
	}
}
