package flite

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

// TestConcurrentCallsAreIndependent is why the engine lets calls overlap:
// libflite keeps no per-call state outside the utterance, so calls on
// separate utterances, on the same shared voice, from several threads at
// once give what they give alone, sample for sample. The clustergen voices
// (slt, rms) draw the noise of unvoiced sounds from rand(), which the
// engine gives a sequence per thread and call (cgo.go); with the C
// library's shared one, every slt clip here differed from the same text
// made alone.
func TestConcurrentCallsAreIndependent(t *testing.T) {
	texts := []string{
		"The council voted on Tuesday to keep the old harbour library open.",
		"Residents filled the public gallery, and several read letters from children.",
		"Engineers will inspect the walls next month; the roof needs work before winter.",
		"It cost $4.5 million in 1998, about 12% of the budget.",
	}
	for _, name := range []string{"kal16", "slt"} {
		t.Run(name, func(t *testing.T) {
			v := registered()[name]
			alone := make([]*result, len(texts))
			for i, text := range texts {
				alone[i] = mustSynth(t, v, text)
			}
			const goroutines, rounds = 4, 2
			var wg sync.WaitGroup
			errs := make(chan error, goroutines*rounds)
			for g := range goroutines {
				wg.Go(func() {
					for r := range rounds {
						i := (g + r) % len(texts)
						stop := newStopFlag()
						got, err := synth(v, prepare(texts[i]).input, 1, stop)
						stop.free()
						if err != nil {
							errs <- err
							continue
						}
						if err := sameSpeech(alone[i], got); err != nil {
							errs <- fmt.Errorf("goroutine %d, text %d: %w", g, i, err)
						}
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
		})
	}
}

func mustSynth(t *testing.T, v libVoice, text string) *result {
	t.Helper()
	stop := newStopFlag()
	defer stop.free()
	r, err := synth(v, prepare(text).input, 1, stop)
	if err != nil || len(r.samples) == 0 {
		t.Fatalf("synth(%q): %v, %d samples", text, err, len(r.samples))
	}
	return r
}

// sameSpeech compares a clip made under concurrency with the same text made
// alone: the same rate, word timings and samples.
func sameSpeech(a, b *result) error {
	if a.rate != b.rate || len(a.samples) != len(b.samples) {
		return fmt.Errorf("%d samples at %d Hz alone, %d at %d Hz concurrently", len(a.samples), a.rate, len(b.samples), b.rate)
	}
	if !slices.Equal(a.words, b.words) {
		return fmt.Errorf("word timings differ: %v alone, %v concurrently", a.words, b.words)
	}
	if !slices.Equal(a.samples, b.samples) {
		return fmt.Errorf("samples differ")
	}
	return nil
}
