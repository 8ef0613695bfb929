package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// editOneParagraph appends a sentence to one short body paragraph near the
// middle of text (paragraphs are separated by blank lines) and returns the
// new text and the paragraph's index.
func editOneParagraph(text string) (string, int, error) {
	paras := strings.Split(text, "\n\n")
	best := -1
	for i := len(paras) / 2; i < len(paras) && best < 0; i++ {
		p := strings.TrimSpace(paras[i])
		if n := len(strings.Fields(p)); n >= 12 && len(p) < 400 && strings.HasSuffix(p, ".") {
			best = i
		}
	}
	if best < 0 {
		return "", 0, fmt.Errorf("no paragraph of 12+ words and under 400 bytes in the second half of the text")
	}
	paras[best] = strings.TrimRight(paras[best], " \n") + " The figures were confirmed on Friday."
	return strings.Join(paras, "\n\n"), best, nil
}

func TestEditOneParagraph(t *testing.T) {
	in := "Title\n\nShort one.\n\nA first paragraph that is long enough to count as body text for the edit.\n\n" +
		"Menu\n\nA second paragraph that is also long enough to count as body text here.\n\nEnd."
	out, i, err := editOneParagraph(in)
	if err != nil {
		t.Fatal(err)
	}
	a, b := strings.Split(in, "\n\n"), strings.Split(out, "\n\n")
	if len(a) != len(b) {
		t.Fatalf("paragraph count changed: %d -> %d", len(a), len(b))
	}
	changed := 0
	for j := range a {
		if a[j] != b[j] {
			changed++
			if j != i || !strings.HasPrefix(b[j], a[j]) {
				t.Errorf("paragraph %d changed unexpectedly: %q -> %q", j, a[j], b[j])
			}
		}
	}
	if changed != 1 || i != 4 {
		t.Errorf("changed %d paragraphs (reported index %d), want exactly paragraph 4", changed, i)
	}
	if _, _, err := editOneParagraph("Title\n\nToo short."); err == nil {
		t.Error("no eligible paragraph: want an error")
	}
}

// BenchmarkCacheEdit execs a cold render of the seed with espeak into an
// empty cache directory, then a render of a copy with one paragraph edited,
// with the now warm cache, per b.N. It reports both wall times, their ratio
// and how many engine requests the warm render made. Target (issue 6):
// exactly the edited paragraph's segment is synthesized again (1 request).
func BenchmarkCacheEdit(b *testing.B) {
	seed := seedOrSkip(b)
	bin := narrateBin(b)
	dir := b.TempDir()
	data, err := os.ReadFile(seed)
	if err != nil {
		b.Fatal(err)
	}
	edited, _, err := editOneParagraph(string(data))
	if err != nil {
		b.Fatalf("%s: %v", seed, err)
	}
	editedPath := filepath.Join(dir, "edited.txt")
	if err := os.WriteFile(editedPath, []byte(edited), 0o644); err != nil {
		b.Fatal(err)
	}
	out, sum := filepath.Join(dir, "out.mp3"), filepath.Join(dir, "summary.json")
	var cold, warm []float64
	var warmReqs, coldReqs int64
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cache := filepath.Join(dir, fmt.Sprintf("cache%d", i))
		m, err := run(bin, "render", seed, "-y", "-o", out, "--cache", cache, "-q", "--summary", sum)
		if err != nil {
			b.Fatal(err)
		}
		cold = append(cold, m.Wall.Seconds())
		// An empty cache: every distinct text is a request; hits can only
		// be texts that occur twice in the article.
		s := readSummary(b, sum)
		if coldReqs = s.Requests; coldReqs == 0 || s.Requests+s.CacheHits != int64(s.Segments) {
			b.Fatalf("cold render: %d requests + %d cache hits for %d segments", s.Requests, s.CacheHits, s.Segments)
		}
		m, err = run(bin, "render", editedPath, "-y", "-o", out, "--cache", cache, "-q", "--summary", sum)
		if err != nil {
			b.Fatal(err)
		}
		warm = append(warm, m.Wall.Seconds())
		warmReqs = readSummary(b, sum).Requests
	}
	b.StopTimer()
	b.Logf("cold render: %d engine requests; warm render after the edit: %d", coldReqs, warmReqs)
	c, w := median(cold), median(warm)
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(c, "cold_s")
	b.ReportMetric(w, "warm_s")
	b.ReportMetric(w/c, "ratio")
	b.ReportMetric(float64(warmReqs), "warm_requests")
}
