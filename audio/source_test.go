package audio

import (
	"context"
	"io"
	"testing"

	"github.com/narrate-dev/narrate/audio/audiotest"
)

// chunked is a Source over s that returns at most step samples a Read (the
// steps cycle, so reads come in uneven sizes), then io.EOF; err, when set,
// is returned instead of io.EOF. It counts its Reads.
type chunked struct {
	s     []float32
	steps []int
	err   error
	reads int
}

func (c *chunked) Read(ctx context.Context, dst []float32) (int, error) {
	c.reads++
	if len(c.s) == 0 {
		if c.err != nil {
			return 0, c.err
		}
		return 0, io.EOF
	}
	step := len(dst)
	if len(c.steps) > 0 {
		step = min(step, c.steps[c.reads%len(c.steps)])
	}
	n := copy(dst[:min(step, len(dst))], c.s)
	c.s = c.s[n:]
	return n, nil
}

// collect is a Sink that keeps what it is given.
type collect struct {
	s      []float32
	writes int
	closed bool
}

func (c *collect) Write(s []float32) error {
	c.writes++
	c.s = append(c.s, s...)
	return nil
}

func (c *collect) Close() error { c.closed = true; return nil }

// readAll reads src to its end in reads of n samples.
func readAll(t *testing.T, src Source, n int) []float32 {
	t.Helper()
	var out []float32
	buf := make([]float32, n)
	for range 1 << 20 {
		k, err := src.Read(context.Background(), buf)
		if err == io.EOF {
			if k != 0 {
				t.Fatalf("Read returned %d samples with io.EOF", k)
			}
			if k, err := src.Read(context.Background(), buf); k != 0 || err != io.EOF {
				t.Fatalf("Read after io.EOF = %d, %v; want 0, io.EOF", k, err)
			}
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		if k == 0 || k > n {
			t.Fatalf("Read into %d returned %d samples and no error", n, k)
		}
		out = append(out, buf[:k]...)
	}
	t.Fatal("the source never ended")
	return nil
}

// speech is 3 s of speech-like signal at 24 kHz, loud enough to limit.
func speech() []float32 {
	s := audiotest.Speech(24000, 3, 0.9, 5)
	Gain(s, 6)
	return s
}

// Every stage keeps the Source contract, whatever the reads' sizes.
func TestStagesKeepTheSourceContract(t *testing.T) {
	in := speech()
	for _, n := range []int{1, 7, 4800, 100000} {
		lim, err := NewLimiter(24000, -1)
		if err != nil {
			t.Fatal(err)
		}
		stages := map[string]Source{
			"Amplify": Amplify(&chunked{s: in, steps: []int{333, 5000}}, -3),
			"Limit":   Limit(&chunked{s: in, steps: []int{333, 5000}}, lim),
			"Tap":     Tap(&chunked{s: in, steps: []int{333, 5000}}, func([]float32) error { return nil }),
		}
		for name, src := range stages {
			if got := readAll(t, src, n); len(got) != len(in) {
				t.Errorf("%s, reads of %d: %d samples, want %d", name, n, len(got), len(in))
			}
		}
	}
}
