package audio

import (
	"context"
	"errors"
	"math"
	"testing"
)

// Limit gives the limiter's output for the whole stream, to the bit and to
// the sample, however the stream is cut into reads on either side.
func TestLimit(t *testing.T) {
	in := speech()
	ref, err := NewLimiter(24000, -1)
	if err != nil {
		t.Fatal(err)
	}
	want := ref.Flush(ref.Process(nil, in))
	for _, tc := range []struct {
		steps []int
		read  int
	}{{nil, 8192}, {[]int{1}, 3}, {[]int{100, 7000}, 1}, {[]int{5000}, 100000}, {nil, 7}} {
		lim, err := NewLimiter(24000, -1)
		if err != nil {
			t.Fatal(err)
		}
		got := readAll(t, Limit(&chunked{s: in, steps: tc.steps}, lim), tc.read)
		if len(got) != len(want) {
			t.Fatalf("source steps %v, reads of %d: %d samples, want %d", tc.steps, tc.read, len(got), len(want))
		}
		for i := range got {
			if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
				t.Fatalf("source steps %v, reads of %d: sample %d is %v, the limiter gives %v", tc.steps, tc.read, i, got[i], want[i])
			}
		}
	}

	// A failing source: its error, once the samples limited so far are
	// out, and no flush.
	broken := errors.New("spool unreadable")
	lim, err := NewLimiter(24000, -1)
	if err != nil {
		t.Fatal(err)
	}
	src := Limit(&chunked{s: in[:10000], err: broken}, lim)
	var n int
	buf := make([]float32, 4096)
	for {
		k, err := src.Read(context.Background(), buf)
		n += k
		if err != nil {
			if !errors.Is(err, broken) {
				t.Fatalf("error %v, want the source's", err)
			}
			break
		}
	}
	if n != 10000-lim.Latency() {
		t.Errorf("%d samples before the error, want the %d the limiter had let out", n, 10000-lim.Latency())
	}
}
