package lame

/*
#cgo pkg-config: lame
#include <stdarg.h>
#include <lame/lame.h>

static void narrate_hip_quiet(const char *format, va_list ap) { (void)format; (void)ap; }

static hip_t narrate_hip_open(void) {
	hip_t h = hip_decode_init();
	if (h) {
		hip_set_errorf(h, narrate_hip_quiet);
		hip_set_debugf(h, narrate_hip_quiet);
		hip_set_msgf(h, narrate_hip_quiet);
	}
	return h;
}
*/
import "C"

import (
	"errors"
	"fmt"
	"sync"
	"unsafe"
)

// RoundTrip encodes mono pcm (at opts.Rate) as Encoder would and
// decodes the stream as it is made with LAME's own decoder, handing the
// decoded mono samples to fn chunk by chunk. It is how a caller learns what
// MP3 coding does to a passage's loudness and peaks at the cost of one
// encode, without holding the MP3 or the decoded audio.
//
// The decoded audio starts with the encoder's and decoder's delays (about
// 1100 samples of near silence) and ends with the last frame's padding: fit
// for loudness and peak measurement, not for sample alignment.
//
// LAME's decoder is C and sees only the stream the encoder just made here;
// streams from elsewhere go through audio.DecodeMP3.
func RoundTrip(pcm []float32, opts Options, fn func(decoded []float32) error) (err error) {
	if opts.Channels == 2 {
		return errors.New("audio: MP3 round trip: mono only")
	}
	// The first init fills mpglib's static tables behind an unguarded flag.
	hipMu.Lock()
	h := C.narrate_hip_open()
	hipMu.Unlock()
	if h == nil {
		return errors.New("audio: MP3 round trip: LAME decoder init failed")
	}
	defer C.hip_decode_exit(h)
	d := &hipFeed{h: h, fn: fn}
	enc, err := NewEncoder(d, opts)
	if err != nil {
		return err
	}
	const step = 16 << 10
	for i := 0; i < len(pcm); i += step {
		if err := enc.Write(pcm[i:min(i+step, len(pcm))]); err != nil {
			enc.Close()
			return fmt.Errorf("audio: MP3 round trip: %w", err)
		}
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("audio: MP3 round trip: %w", err)
	}
	return d.err
}

// hipMu keeps LAME's decoders (mpglib) one at a time: besides the tables
// its first init fills, it keeps per-frame decoding state in static
// variables, so two streams decoded at once corrupt each other
// (TestMP3RoundTripConcurrent). The lock is held for one frame at a time;
// the encoders, which do most of the work, still run in parallel.
var hipMu sync.Mutex

// hipFeed is the encoder's writer: each write of MP3 bytes is decoded at
// once, frame by frame.
type hipFeed struct {
	h   C.hip_t
	fn  func([]float32) error
	l   [1152]C.short // at most one frame per hip_decode1 call
	r   [1152]C.short
	out []float32
	err error
}

func (d *hipFeed) Write(p []byte) (int, error) {
	if d.err != nil {
		return 0, d.err
	}
	if len(p) == 0 {
		return 0, nil
	}
	// The first call takes the bytes (and may return no frame though it
	// holds whole ones); the next ones, with no bytes, return the frames
	// the decoder holds, one per call, until it needs more input.
	buf, n := (*C.uchar)(unsafe.Pointer(&p[0])), C.size_t(len(p))
	for first := true; ; first = false {
		hipMu.Lock()
		got := C.hip_decode1(d.h, buf, n, &d.l[0], &d.r[0])
		hipMu.Unlock()
		buf, n = nil, 0
		if got < 0 {
			d.err = errors.New("audio: MP3 round trip: LAME could not decode its own stream")
			return 0, d.err
		}
		if got == 0 {
			if first {
				continue
			}
			return len(p), nil
		}
		d.out = d.out[:0]
		for _, s := range d.l[:got] {
			d.out = append(d.out, float32(s)/32768)
		}
		if err := d.fn(d.out); err != nil {
			d.err = err
			return 0, err
		}
	}
}
