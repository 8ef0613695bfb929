package flite

import (
	"fmt"
	"math"
	"slices"
	"sync"
	"testing"
)

// TestConcurrentCallsAreIndependent is why the engine lets calls overlap:
// libflite keeps no per-call state outside the utterance, so calls on
// separate utterances, on the same shared voice, from several threads at
// once give what they give alone. The diphone voice (kal16) is exactly
// repeatable, so its samples must match; the clustergen voices (slt, rms)
// draw the noise of unvoiced sounds from the C library's rand(), so there
// the word timings and length must match exactly and the loudness envelope
// closely.
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
						if err := sameSpeech(alone[i], got, name == "kal16"); err != nil {
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
// alone: the same samples when exact, else the same length and word timings
// and loudness envelopes (dB per 50 ms) that correlate above 0.99. Two
// clustergen calls made one after the other differ frame by frame by up to
// about 4 dB (rand() again) but their envelopes correlate at 0.998 or more; a
// call that read another call's state would differ in length, timings, or
// envelope.
func sameSpeech(a, b *result, exact bool) error {
	if a.rate != b.rate || len(a.samples) != len(b.samples) {
		return fmt.Errorf("%d samples at %d Hz alone, %d at %d Hz concurrently", len(a.samples), a.rate, len(b.samples), b.rate)
	}
	if !slices.Equal(a.words, b.words) {
		return fmt.Errorf("word timings differ: %v alone, %v concurrently", a.words, b.words)
	}
	if exact {
		if !slices.Equal(a.samples, b.samples) {
			return fmt.Errorf("samples differ")
		}
		return nil
	}
	if r := correlation(envelope(a), envelope(b)); r < 0.99 {
		return fmt.Errorf("loudness envelopes correlate at %.3f", r)
	}
	return nil
}

// envelope is the level of r in dB per 50 ms.
func envelope(r *result) []float64 {
	frame := r.rate / 20
	var out []float64
	for i := 0; i+frame <= len(r.samples); i += frame {
		out = append(out, 20*math.Log10(rms(r.samples[i:i+frame])+1))
	}
	return out
}

// correlation is Pearson's r of two series of the same length.
func correlation(x, y []float64) float64 {
	n := float64(len(x))
	var sx, sy, sxx, syy, sxy float64
	for i := range x {
		sx, sy = sx+x[i], sy+y[i]
		sxx, syy, sxy = sxx+x[i]*x[i], syy+y[i]*y[i], sxy+x[i]*y[i]
	}
	return (n*sxy - sx*sy) / math.Sqrt((n*sxx-sx*sx)*(n*syy-sy*sy))
}

func rms(s []int16) float64 {
	sum := 0.0
	for _, x := range s {
		sum += float64(x) * float64(x)
	}
	return math.Sqrt(sum / float64(len(s)))
}
