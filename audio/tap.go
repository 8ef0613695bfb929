package audio

import "context"

// Tap returns src unchanged, and calls fn with every stretch of samples it
// reads, in order, before returning them: a meter, a progress count. An
// error from fn ends the stream: Read returns it, and so does every Read
// after. fn runs in the goroutine that reads and must neither change nor
// keep its slice.
func Tap(src Source, fn func(s []float32) error) Source {
	return &tap{src: src, fn: fn}
}

type tap struct {
	src Source
	fn  func([]float32) error
	err error // fn's error, which ended the stream
}

func (t *tap) Read(ctx context.Context, dst []float32) (int, error) {
	if t.err != nil {
		return 0, t.err
	}
	n, err := t.src.Read(ctx, dst)
	if n > 0 {
		if t.err = t.fn(dst[:n]); t.err != nil {
			return 0, t.err
		}
	}
	return n, err
}
