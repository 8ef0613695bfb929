package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
)

// longParagraph is one paragraph of about n bytes: many short sentences
// with numbers for the spoken form to read out.
func longParagraph(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "The council met on day %d and residents of district %d asked for more buses. ", i, i%97)
	}
	return b.String()
}

func paragraphDoc(t testing.TB, n int) *article.Document {
	t.Helper()
	doc, err := article.Parse([]byte(longParagraph(n)), "long.txt", article.LoadOptions{Format: article.FormatText, Lang: "en", MaxBytes: int64(n) + 1<<20})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// allocated is the bytes f allocates.
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// TestNewPlanLinear: planning a paragraph four times as long allocates
// about four times as much, with and without an engine limit. Building the
// text by appending each sentence to the whole made it sixteen times (a
// 0.8 MB paragraph took half a minute).
func TestNewPlanLinear(t *testing.T) {
	small, large := paragraphDoc(t, 64<<10), paragraphDoc(t, 256<<10)
	for _, lim := range []tts.Limits{{}, {MaxBytes: 5000}} {
		var n [2]uint64
		for i, doc := range []*article.Document{small, large} {
			n[i] = allocated(func() {
				if _, err := plan(context.Background(), doc, lim, pipeline.Options{}); err != nil {
					t.Fatal(err)
				}
			})
		}
		ratio := float64(n[1]) / float64(n[0])
		t.Logf("limit %d: %d KB then %d KB allocated for 4x the text: %.1fx", lim.MaxBytes, n[0]>>10, n[1]>>10, ratio)
		if ratio > 6 {
			t.Errorf("limit %d: 4x the text allocates %.1fx the bytes: planning is not linear", lim.MaxBytes, ratio)
		}
	}
}

// TestNewPlanStopsWithContext: a plan stops when its context ends.
func TestNewPlanStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	stop := errors.New("client gone")
	cancel(stop)
	_, err := plan(ctx, paragraphDoc(t, 16<<10), tts.Limits{}, pipeline.Options{})
	if !errors.Is(err, stop) {
		t.Fatalf("NewPlanContext after its context ended: %v, want the context's cause", err)
	}
}

// BenchmarkNewPlan plans one paragraph of 1, 10 and 50 MB (no engine
// limit, and Google's 4,000-byte budget) and reports MB planned per
// second: equal figures at every size mean linear time.
func BenchmarkNewPlan(b *testing.B) {
	for _, mb := range []int{1, 10, 50} {
		doc := paragraphDoc(b, mb<<20)
		for _, lim := range []tts.Limits{{}, {MaxBytes: 4000}} {
			b.Run(fmt.Sprintf("%dMB/limit=%d", mb, lim.MaxBytes), func(b *testing.B) {
				for b.Loop() {
					if _, err := plan(context.Background(), doc, lim, pipeline.Options{}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(mb)*float64(b.N)/b.Elapsed().Seconds(), "MB/s")
			})
		}
	}
}
