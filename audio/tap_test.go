package audio

import (
	"context"
	"errors"
	"slices"
	"testing"
)

// Tap shows its function every sample, in order, and passes them on
// unchanged; the function's error ends the stream.
func TestTap(t *testing.T) {
	in := speech()
	var seen []float32
	src := Tap(&chunked{s: in, steps: []int{100, 9000}}, func(s []float32) error {
		seen = append(seen, s...)
		return nil
	})
	if got := readAll(t, src, 4096); !slices.Equal(got, in) || !slices.Equal(seen, in) {
		t.Errorf("read %d samples, tap saw %d; want %d, unchanged", len(got), len(seen), len(in))
	}

	stop := errors.New("meter full")
	calls := 0
	src = Tap(&chunked{s: in}, func(s []float32) error {
		if calls++; calls == 3 {
			return stop
		}
		return nil
	})
	buf := make([]float32, 1000)
	for i := range 2 {
		if n, err := src.Read(context.Background(), buf); n != 1000 || err != nil {
			t.Fatalf("read %d: %d, %v", i, n, err)
		}
	}
	for range 2 {
		if n, err := src.Read(context.Background(), buf); n != 0 || !errors.Is(err, stop) {
			t.Errorf("after the tap failed: %d, %v; want 0 and its error", n, err)
		}
	}
	if calls != 3 {
		t.Errorf("tap called %d times, want 3: not again after its error", calls)
	}
}
