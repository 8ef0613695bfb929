package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"
	"unsafe"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/article/spoken"
	"github.com/narrate-dev/narrate/tts"
)

// paragraphPlaced plans one paragraph of about n bytes as one request (an
// engine without a limit) and places it as an engine would: a word mark
// per word, a sentence mark per sentence, 1,000 samples a word.
func paragraphPlaced(t testing.TB, n int) (*Plan, []placed, int64) {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "The council met on day %d and residents asked for more buses. ", i)
	}
	doc := &article.Document{Lang: "en", Blocks: []article.Block{{Kind: article.KindParagraph, Text: b.String()}}}
	r, err := New(Options{Spoken: spoken.Config{NoReadings: true}})
	if err != nil {
		t.Fatal(err)
	}
	p, err := r.Plan(context.Background(), doc, tts.Limits{})
	if err != nil || len(p.Segments) != 1 {
		t.Fatalf("plan: %d segments, %v", len(p.Segments), err)
	}
	seg := p.Segments[0]
	var pl placed
	words := 0
	for _, r := range seg.sents {
		pl.marks = append(pl.marks, tts.Mark{Kind: tts.MarkSentence, Start: r.Offset, End: r.Offset + 1, Sample: words * 1000})
	}
	inWord := false
	for i, c := range seg.Text {
		if !unicode.IsSpace(c) && !inWord {
			pl.marks = append(pl.marks, tts.Mark{Kind: tts.MarkWord, Start: i, End: i + 1, Sample: words * 1000})
			words++
		}
		inWord = !unicode.IsSpace(c)
	}
	// Marks in order of Start, as engines give them.
	slices.SortStableFunc(pl.marks, func(a, b tts.Mark) int { return a.Start - b.Start })
	pl.end = int64(words * 1000)
	return p, []placed{pl}, pl.end
}

// TestBuildTimingsLinear: timing a paragraph 64 times as long takes about
// 64 times as long, not 4,096. Each sentence's start and words were found
// by scanning every mark of its request, so an engine without a length
// limit (one request per paragraph) made it quadratic. The figures are the
// CPU time of this test's own thread (not the wall clock, which counts the
// time other processes of a busy machine hold the CPU: under a full test
// run it once made 64x the paragraph look 501x), the fastest of five runs
// each, and the bound is wide.
func TestBuildTimingsLinear(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var best [2]time.Duration
	for i, n := range []int{16 << 10, 1 << 20} {
		p, segs, total := paragraphPlaced(t, n)
		for range 5 {
			t0 := threadCPU(t)
			tm := buildTimings(p, segs, total, 24000)
			d := threadCPU(t) - t0
			if best[i] == 0 || d < best[i] {
				best[i] = d
			}
			if len(tm.Blocks) != 1 || len(tm.Blocks[0].Sentences) != len(p.Sentences[0]) {
				t.Fatalf("timings of %d blocks", len(tm.Blocks))
			}
		}
	}
	ratio := float64(best[1]) / float64(best[0])
	t.Logf("16 KB paragraph: %v, 1 MB: %v (%.0fx)", best[0], best[1], ratio)
	if ratio > 400 {
		t.Errorf("64x the paragraph took %.0fx the time to time: not linear", ratio)
	}
}

// threadCPU is the CPU time the calling OS thread has used, to the
// nanosecond (clock_gettime's CLOCK_THREAD_CPUTIME_ID; getrusage's thread
// figure moves only at each scheduler tick).
func threadCPU(t testing.TB) time.Duration {
	const clockThreadCPUTime = 3 // CLOCK_THREAD_CPUTIME_ID
	var ts syscall.Timespec
	if _, _, errno := syscall.RawSyscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		t.Fatalf("clock_gettime: %v", errno)
	}
	return time.Duration(ts.Nano())
}
