package flite_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/flite"
)

// BenchmarkSynthesize reports how many times faster than real time flite
// speaks the seed article's paragraphs, on one goroutine and on as many as
// the engine declares: by the wall clock (x-real-time), and per second of
// CPU the process used (x-real-time/cpu), which a busy machine does not
// skew.
func BenchmarkSynthesize(b *testing.B) {
	raw, err := os.ReadFile("../../../shared/seed/000_420b1a81cf081f19.txt")
	if err != nil {
		b.Skip("seed article not found: ", err)
	}
	var paras []string
	for _, p := range strings.Split(string(raw), "\n\n") {
		if p = strings.TrimSpace(p); p != "" && len(p) <= flite.MaxBytes {
			paras = append(paras, p)
		}
	}
	for _, voice := range []string{"slt", "kal16"} {
		e, err := flite.New(voice)
		if err != nil {
			b.Fatal(err)
		}
		for _, workers := range []int{1, e.Limits().Concurrency} {
			b.Run(fmt.Sprintf("voice=%s/workers=%d", voice, workers), func(b *testing.B) {
				var speech time.Duration
				var mu sync.Mutex
				start, cpu0 := time.Now(), cpuTime()
				for range b.N {
					next := make(chan string)
					var wg sync.WaitGroup
					for range workers {
						wg.Go(func() {
							for p := range next {
								clip, err := e.Synthesize(context.Background(), tts.Request{Text: p})
								if err != nil {
									b.Error(err)
									continue
								}
								mu.Lock()
								speech += clip.Duration()
								mu.Unlock()
							}
						})
					}
					for _, p := range paras {
						next <- p
					}
					close(next)
					wg.Wait()
				}
				b.ReportMetric(speech.Seconds()/time.Since(start).Seconds(), "x-real-time")
				b.ReportMetric(speech.Seconds()/(cpuTime()-cpu0).Seconds(), "x-real-time/cpu")
			})
		}
	}
}

// cpuTime is the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
