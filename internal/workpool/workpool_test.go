package workpool_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/narrate-dev/narrate/internal/workpool"
)

// TestRunEveryIndexOnceWithinJobs runs in a synctest bubble: each call's
// millisecond of work passes only once every goroutine is blocked, so the
// pool is seen at its fullest, exactly as many calls at once as it allows.
func TestRunEveryIndexOnceWithinJobs(t *testing.T) {
	for _, tc := range []struct{ n, jobs int }{{0, 3}, {1, 3}, {10, 1}, {50, 4}, {5, 0}} {
		synctest.Test(t, func(t *testing.T) {
			var mu sync.Mutex
			var seen []int
			var running, most atomic.Int32
			got := workpool.Run(context.Background(), tc.n, tc.jobs, nil, func(i int) {
				r := running.Add(1)
				for m := most.Load(); r > m && !most.CompareAndSwap(m, r); m = most.Load() {
				}
				time.Sleep(time.Millisecond) // the work
				running.Add(-1)
				mu.Lock()
				seen = append(seen, i)
				mu.Unlock()
			})
			slices.Sort(seen)
			if got != tc.n || len(seen) != tc.n || tc.n > 0 && (seen[0] != 0 || seen[tc.n-1] != tc.n-1) {
				t.Errorf("n=%d jobs=%d: started %d, ran %v", tc.n, tc.jobs, got, seen)
			}
			if want := int32(min(max(tc.jobs, 1), tc.n)); most.Load() != want {
				t.Errorf("n=%d jobs=%d: at most %d calls at once, want %d", tc.n, tc.jobs, most.Load(), want)
			}
		})
	}
}

func TestRunStops(t *testing.T) {
	// admit refusing stops the handing out at that index.
	var ran atomic.Int32
	if got := workpool.Run(context.Background(), 10, 2, func(i int) bool { return i < 4 }, func(int) { ran.Add(1) }); got != 4 || ran.Load() != 4 {
		t.Errorf("admit until 4: started %d, ran %d", got, ran.Load())
	}
	// A done ctx stops it; calls already started finish.
	ctx, cancel := context.WithCancel(context.Background())
	ran.Store(0)
	got := workpool.Run(ctx, 100, 2, nil, func(i int) {
		if i == 5 {
			cancel()
		}
		ran.Add(1)
	})
	if got >= 100 || got < 6 || int(ran.Load()) != got {
		t.Errorf("cancel at 5: started %d, ran %d", got, ran.Load())
	}
}

func ExampleRun() {
	squares := make([]int, 5)
	workpool.Run(context.Background(), len(squares), 2, nil, func(i int) { squares[i] = i * i })
	fmt.Println(squares)
	// Output: [0 1 4 9 16]
}
