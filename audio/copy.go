package audio

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// copyChunk is how many samples Copy reads at a time, and copyDepth how
// many chunks may wait between its reader and its writer.
const (
	copyChunk = 8192
	copyDepth = 4
)

// Copy reads src to its end and writes what it reads to dst, which it does
// not close, and returns how many samples dst took. Reading (and whatever
// stages src is made of) runs in the calling goroutine and dst.Write in
// another, with up to a few chunks waiting between them, so that a costly
// source (a limiter) and a costly sink (an MP3 encoder) use two cores.
//
// Copy stops at the first error: src's, returned as it is (ctx's when ctx
// ends while src waits); or dst's, returned as "encode: " and the error,
// which then stops the reading too. After an error what dst took is
// incomplete. A Source that returns no samples and no error fails the copy
// with io.ErrNoProgress.
func Copy(ctx context.Context, dst Sink, src Source) (int64, error) {
	free := make(chan []float32, copyDepth+1)
	for range copyDepth + 1 {
		free <- make([]float32, copyChunk)
	}
	full := make(chan []float32, copyDepth)
	failed := make(chan struct{}) // closed when a Write has failed
	type result struct {
		n   int64
		err error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		for s := range full {
			if r.err == nil {
				if err := dst.Write(s); err != nil {
					r.err = fmt.Errorf("encode: %w", err)
					close(failed)
				} else {
					r.n += int64(len(s))
				}
			}
			free <- s[:cap(s)]
		}
		done <- r
	}()
	rerr := pump(ctx, src, free, full, failed)
	close(full)
	r := <-done
	if r.err != nil {
		return r.n, r.err
	}
	return r.n, rerr
}

// errSinkFailed stops Copy's reader; the sink's own error is reported.
var errSinkFailed = errors.New("sink failed")

// pump reads src into free buffers and queues them on full until src ends
// (nil), fails, or the writer has failed (errSinkFailed).
func pump(ctx context.Context, src Source, free <-chan []float32, full chan<- []float32, failed <-chan struct{}) error {
	for {
		var buf []float32
		select {
		case buf = <-free:
		case <-failed:
			return errSinkFailed
		case <-ctx.Done():
			return ctx.Err()
		}
		n, err := src.Read(ctx, buf)
		switch {
		case err == io.EOF:
			return nil
		case err != nil:
			return err
		case n == 0:
			return io.ErrNoProgress
		}
		select {
		case full <- buf[:n]:
		case <-failed:
			return errSinkFailed
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
