package audio

import (
	"context"
	"errors"
	"io"
	"slices"
	"testing"
	"testing/synctest"
	"time"
)

// failing is a Sink whose Write fails from the nth call on.
type failing struct {
	n, writes int
	err       error
}

func (f *failing) Write(s []float32) error {
	if f.writes++; f.writes >= f.n {
		return f.err
	}
	return nil
}

func (f *failing) Close() error { return nil }

// waiting is a Source that waits for its context, as a narration still
// being synthesized does.
type waiting struct{}

func (waiting) Read(ctx context.Context, dst []float32) (int, error) {
	<-ctx.Done()
	return 0, ctx.Err()
}

// stuck returns neither samples nor an error.
type stuck struct{}

func (stuck) Read(context.Context, []float32) (int, error) { return 0, nil }

func TestCopy(t *testing.T) {
	in := speech()
	dst := &collect{}
	n, err := Copy(context.Background(), dst, &chunked{s: in, steps: []int{1000, 20000, 1}})
	if err != nil || n != int64(len(in)) || !slices.Equal(dst.s, in) {
		t.Fatalf("Copy = %d, %v; the sink got %d samples (equal: %v), want all %d", n, err, len(dst.s), slices.Equal(dst.s, in), len(in))
	}
	if dst.closed {
		t.Error("Copy closed its sink")
	}

	// The sink fails: its error, marked as the encoder's, and the reading
	// stops (a long source is not read to its end).
	full := errors.New("disk full")
	long := &chunked{s: make([]float32, 100*copyChunk)}
	n, err = Copy(context.Background(), &failing{n: 3, err: full}, long)
	if !errors.Is(err, full) || err.Error() != "encode: disk full" || n != 2*copyChunk {
		t.Errorf("failing sink: Copy = %d, %v; want %d and \"encode: disk full\"", n, err, 2*copyChunk)
	}
	if len(long.s) == 0 {
		t.Errorf("the source was read to its end (%d reads) after the sink failed at its third write", long.reads)
	}

	// The source fails: its error as it is, after what came before.
	broken := errors.New("spool unreadable")
	dst = &collect{}
	if n, err := Copy(context.Background(), dst, &chunked{s: in[:5000], err: broken}); err != broken || n != 5000 || len(dst.s) != 5000 {
		t.Errorf("failing source: Copy = %d, %v, the sink got %d; want 5000 and the source's error", n, err, len(dst.s))
	}

	// A source that waits gives up with ctx (in a bubble: the minute passes
	// at once).
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := Copy(ctx, &collect{}, waiting{}); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("waiting source: %v, want the context's deadline", err)
		}
	})
	if _, err := Copy(context.Background(), &collect{}, stuck{}); !errors.Is(err, io.ErrNoProgress) {
		t.Errorf("source returning nothing: %v, want io.ErrNoProgress", err)
	}
}
