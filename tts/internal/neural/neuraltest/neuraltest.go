// Package neuraltest holds what the tests and benchmarks of the neural
// voices (tts/piper, tts/kokoro) share: finding the voices `make voices`
// installed, skipping when they are absent, and the seed benchmark.
package neuraltest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/neural"
)

// UseRepoVoices points the voice directories at dir (the repository's
// .cache/voices, where `make voices` installs, relative to the test's
// package) when NARRATE_VOICES is not set. Call it from TestMain.
func UseRepoVoices(dir string) {
	if os.Getenv("NARRATE_VOICES") != "" {
		return
	}
	if d, err := filepath.Abs(dir); err == nil {
		if _, err := os.Stat(d); err == nil {
			os.Setenv("NARRATE_VOICES", d)
		}
	}
}

// Check skips the test when err says a voice's assets are not installed,
// and fails it on any other error.
func Check(t testing.TB, err error) {
	t.Helper()
	var nf *neural.NotFoundError
	if errors.As(err, &nf) {
		t.Skipf("neural voice assets not installed (run `make voices`): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// SeedParagraphs returns the seed article's first n paragraphs of running
// prose (fifteen words or more, no digits), read from seed (a path relative
// to the test's package); the benchmark is skipped when it is absent.
func SeedParagraphs(b *testing.B, seed string, n int) []string {
	data, err := os.ReadFile(seed)
	if err != nil {
		b.Skipf("seed article not present (../shared absent): %v", err)
	}
	var out []string
	for _, p := range strings.Split(string(data), "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		if len(strings.Fields(p)) >= 15 && !strings.ContainsFunc(p, unicode.IsDigit) && !strings.ContainsAny(p, "<>•") {
			if out = append(out, p); len(out) == n {
				break
			}
		}
	}
	return out
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSeed synthesizes paras and reports seconds of speech per second
// of wall time and of CPU time: one session with one intra-op thread, one
// with two, and a pool of two requests at once on one session with one
// thread each (what a Concurrency of 2 would give on two cores). open opens
// the voice with the given number of threads.
func BenchmarkSeed(b *testing.B, paras []string, open func(b *testing.B, threads int) tts.Synthesizer) {
	for _, tc := range []struct {
		name             string
		threads, workers int
	}{{"threads=1", 1, 1}, {"threads=2", 2, 1}, {"threads=1x2", 1, 2}} {
		b.Run(tc.name, func(b *testing.B) {
			e := open(b, tc.threads)
			ctx := context.Background()
			if _, err := e.Synthesize(ctx, tts.Request{Text: "Warm up."}); err != nil {
				b.Fatal(err)
			}
			var speech time.Duration
			var mu sync.Mutex
			cpu0, wall0 := cpuTime(), time.Now()
			b.ResetTimer()
			for range b.N {
				next := make(chan string, len(paras))
				for _, p := range paras {
					next <- p
				}
				close(next)
				var wg sync.WaitGroup
				for range tc.workers {
					wg.Go(func() {
						for p := range next {
							clip, err := e.Synthesize(ctx, tts.Request{Text: p})
							if err != nil {
								b.Error(err)
								return
							}
							mu.Lock()
							speech += clip.Duration()
							mu.Unlock()
						}
					})
				}
				wg.Wait()
			}
			b.StopTimer()
			wall, cpu := time.Since(wall0), cpuTime()-cpu0
			b.ReportMetric(speech.Seconds()/wall.Seconds(), "x_realtime")
			b.ReportMetric(speech.Seconds()/cpu.Seconds(), "x_realtime_cpu")
		})
	}
}
