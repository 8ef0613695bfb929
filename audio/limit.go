package audio

import (
	"context"
	"io"
)

// Limit returns src through the true-peak limiter l: the same samples,
// with the true peak held under l's ceiling, and exactly as many of them.
// The limiter's look-ahead is kept inside the stage: the first Read pulls
// on src until l has samples to give, and when src ends Limit flushes l,
// which returns its last Latency samples and resets it. The output does not
// depend on how src or the consumer cut the stream into reads. l must be
// new or flushed, and used by nothing else until the stream ends. An error
// of src is returned as it is; the stream is then over.
func Limit(src Source, l *Limiter) Source {
	return &limited{src: src, l: l}
}

type limited struct {
	src Source
	l   *Limiter
	in  []float32 // what was read from src
	out []float32 // limited, not yet returned
	off int       // out[:off] was returned
	err error     // how the stream ended: io.EOF once l is flushed, or src's error
}

func (s *limited) Read(ctx context.Context, dst []float32) (int, error) {
	if len(dst) == 0 {
		return 0, nil
	}
	for s.off == len(s.out) {
		if s.err != nil {
			return 0, s.err
		}
		if len(s.in) < len(dst) {
			s.in = make([]float32, len(dst))
		}
		n, err := s.src.Read(ctx, s.in[:len(dst)])
		s.out, s.off = s.out[:0], 0
		switch {
		case err == io.EOF:
			s.out, s.err = s.l.Flush(s.out), io.EOF
		case err != nil:
			s.err = err
		default:
			s.out = s.l.Process(s.out, s.in[:n])
		}
	}
	n := copy(dst, s.out[s.off:])
	s.off += n
	return n, nil
}
