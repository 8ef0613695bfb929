package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/ebur128"
)

// sampleReader is a source of mono samples. Read fills dst with the next
// samples and returns how many (at least one), or 0 and io.EOF at the end,
// or 0 and another error. It waits for samples not available yet until ctx
// ends. *tail is one.
type sampleReader interface {
	Read(ctx context.Context, dst []float32) (int, error)
}

// masterChain is the last stage of a render: one gain, then the true-peak
// limiter.
type masterChain struct {
	rate    int
	gainDB  float64
	limit   bool
	ceiling float64 // limiter ceiling in dBTP, when limit
}

// chunk is how many samples the final pass handles at a time.
const chunk = 8192

// run reads src to its end, applies the gain and the limiter and writes the
// result to sink, which it does not close. It returns the integrated
// loudness of what it wrote, before encoding (-Inf for silence). Reading,
// gain, limiting and metering run in the calling goroutine and sink.Write
// in another, so the two costly stages share the machine's cores; read, if
// not nil, is told how many samples have been read after each chunk, in the
// calling goroutine. On error, what sink got is incomplete.
func (c masterChain) run(ctx context.Context, src sampleReader, sink audio.Sink, read func(int64)) (float64, error) {
	meter, err := ebur128.NewMeter(c.rate, 1, ebur128.WithoutTruePeak())
	if err != nil {
		return 0, err
	}
	defer meter.Close()
	var lim *audio.Limiter
	if c.limit {
		if lim, err = audio.NewLimiter(c.rate, c.ceiling); err != nil {
			return 0, err
		}
	}
	// The encoding goroutine stops at the first failed Write and says so
	// on failed; the producer stops when it sees that or ctx end.
	const depth = 4
	free := make(chan []float32, depth+1)
	for range depth + 1 {
		free <- make([]float32, 0, chunk+4096)
	}
	full := make(chan []float32, depth)
	failed := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		var werr error
		for s := range full {
			if werr == nil {
				if err := sink.Write(s); err != nil {
					werr = fmt.Errorf("encode: %w", err)
					close(failed)
				}
			}
			free <- s[:0]
		}
		done <- werr
	}()
	send := func(s []float32) error {
		if err := meter.Add(s); err != nil {
			return err
		}
		select {
		case full <- s:
			return nil
		case <-failed:
			return errSinkFailed
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	take := func() ([]float32, error) {
		select {
		case out := <-free:
			return out, nil
		case <-failed:
			return nil, errSinkFailed
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	produce := func() error {
		defer close(full)
		in := make([]float32, chunk)
		var total int64
		for {
			n, err := src.Read(ctx, in)
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			total += int64(n)
			s := in[:n]
			if c.gainDB != 0 {
				audio.Gain(s, c.gainDB)
			}
			out, err := take()
			if err != nil {
				return err
			}
			if lim != nil {
				out = lim.Process(out, s)
			} else {
				out = append(out, s...)
			}
			if err := send(out); err != nil {
				return err
			}
			if read != nil {
				read(total)
			}
		}
		if lim == nil {
			return nil
		}
		out, err := take()
		if err != nil {
			return err
		}
		return send(lim.Flush(out))
	}
	perr := produce()
	if werr := <-done; werr != nil {
		return 0, werr
	}
	if perr != nil {
		return 0, perr
	}
	l, err := meter.Integrated()
	if err != nil {
		return math.Inf(-1), nil
	}
	return l, nil
}

// errSinkFailed stops the producer; the sink's own error is reported.
var errSinkFailed = errors.New("sink failed")
