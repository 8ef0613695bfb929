// Package workpool runs numbered pieces of work on a bounded number of
// goroutines: the one pool the pipeline (segments), batch runs and batch
// dry runs (articles) and archive scans (done markers) share.
package workpool

import (
	"context"
	"sync"
)

// Run calls work(i) for i = 0, 1, … n-1, handed out in that order to at
// most jobs goroutines (at least one), and returns once every call it
// started has returned. Before handing out each i it calls admit, when not
// nil, which may block (to keep work from running too far ahead of a
// consumer) and stops the handing out by returning false; a done ctx stops
// it too. It returns how many indexes were handed out: the calls not made
// are n minus that.
func Run(ctx context.Context, n, jobs int, admit func(i int) bool, work func(i int)) (started int) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(max(jobs, 1), max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				work(i)
			}
		})
	}
	for i := 0; i < n; i++ {
		if ctx.Err() != nil || admit != nil && !admit(i) {
			break
		}
		select {
		case next <- i:
			started++
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	return started
}
