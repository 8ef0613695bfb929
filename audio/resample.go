package audio

/*
#cgo pkg-config: soxr
#include <stdlib.h>
#include <soxr.h>

static soxr_error_t narrate_soxr_oneshot(double irate, double orate,
		const float *in, size_t ilen, float *out, size_t olen, size_t *odone) {
	soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
	soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
	return soxr_oneshot(irate, orate, 1, in, ilen, NULL, out, olen, odone, &io, &q, NULL);
}

static soxr_t narrate_soxr_create(double irate, double orate, soxr_error_t *err) {
	soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
	soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
	return soxr_create(irate, orate, 1, err, &io, &q, NULL);
}
*/
import "C"

import (
	"errors"
	"fmt"
	"runtime"
	"unsafe"
)

// Resample converts b to rate with libsoxr at its high quality setting
// (SOXR_HQ: 20-bit precision, linear phase, pass band to 91% of Nyquist). The
// result has round(len * rate / b.Rate) samples and is time-aligned with the
// input (soxr compensates its filter delay). The same rate returns a copy.
func Resample(b *Buffer, rate int) (*Buffer, error) {
	if err := b.Validate(); err != nil {
		return nil, fmt.Errorf("audio: resample: %w", err)
	}
	if rate < MinRate || rate > MaxRate {
		return nil, fmt.Errorf("audio: resample %d Hz to %d Hz: target outside %d..%d", b.Rate, rate, MinRate, MaxRate)
	}
	if rate == b.Rate {
		return &Buffer{Rate: rate, Samples: append([]float32(nil), b.Samples...)}, nil
	}
	want := resampledLen(len(b.Samples), b.Rate, rate)
	out := make([]float32, want)
	if want == 0 {
		return &Buffer{Rate: rate, Samples: out}, nil
	}
	var odone C.size_t
	var in *C.float
	if len(b.Samples) > 0 {
		in = (*C.float)(unsafe.Pointer(&b.Samples[0]))
	}
	if e := C.narrate_soxr_oneshot(C.double(b.Rate), C.double(rate), in, C.size_t(len(b.Samples)),
		(*C.float)(unsafe.Pointer(&out[0])), C.size_t(want), &odone); e != nil {
		return nil, fmt.Errorf("audio: resample %d Hz to %d Hz: soxr: %s", b.Rate, rate, C.GoString(e))
	}
	return &Buffer{Rate: rate, Samples: out[:int(odone)]}, nil
}

// resampledLen is n samples at from Hz expressed at to Hz, rounded.
func resampledLen(n, from, to int) int {
	return int((int64(n)*int64(to) + int64(from)/2) / int64(from))
}

// Resampler converts a stream of mono samples from one rate to another with
// libsoxr (SOXR_HQ), for input that arrives in pieces. Output lags input by
// the filter's delay; Flush returns the rest. A Resampler holds C memory:
// call Close. It is not safe for concurrent use.
type Resampler struct {
	s        C.soxr_t
	from, to int
	out      []float32
	cleanup  runtime.Cleanup // frees s if Close is never called
}

// NewResampler returns a stream resampler from rate from to rate to.
func NewResampler(from, to int) (*Resampler, error) {
	if from < MinRate || from > MaxRate || to < MinRate || to > MaxRate {
		return nil, fmt.Errorf("audio: resampler %d Hz to %d Hz: rates must be within %d..%d", from, to, MinRate, MaxRate)
	}
	var e C.soxr_error_t
	s := C.narrate_soxr_create(C.double(from), C.double(to), &e)
	if e != nil || s == nil {
		if s != nil {
			C.soxr_delete(s)
		}
		return nil, fmt.Errorf("audio: resampler %d Hz to %d Hz: soxr: %s", from, to, C.GoString(e))
	}
	r := &Resampler{s: s, from: from, to: to}
	r.cleanup = runtime.AddCleanup(r, func(s C.soxr_t) { C.soxr_delete(s) }, s)
	return r, nil
}

// Process feeds in and returns the output available so far. The returned
// slice is reused by the next call to Process or Flush.
func (r *Resampler) Process(in []float32) ([]float32, error) {
	if r.s == nil {
		return nil, errors.New("audio: resampler: use after Close")
	}
	if len(in) == 0 {
		return r.out[:0], nil
	}
	return r.run(in, false)
}

// Flush signals the end of input and returns the remaining output. The
// Resampler can then take a fresh signal.
func (r *Resampler) Flush() ([]float32, error) {
	if r.s == nil {
		return nil, errors.New("audio: resampler: use after Close")
	}
	out, err := r.run(nil, true)
	if err == nil {
		if e := C.soxr_clear(r.s); e != nil {
			return nil, fmt.Errorf("audio: resampler: soxr_clear: %s", C.GoString(e))
		}
	}
	return out, err
}

// run drives soxr_process until in is consumed (or, at the end, until soxr
// has nothing more to give).
func (r *Resampler) run(in []float32, end bool) ([]float32, error) {
	r.out = r.out[:0]
	chunk := resampledLen(max(len(in), 4096), r.from, r.to) + 64
	for {
		if cap(r.out)-len(r.out) < chunk {
			grown := make([]float32, len(r.out), len(r.out)+2*chunk)
			copy(grown, r.out)
			r.out = grown
		}
		dst := r.out[len(r.out):cap(r.out)]
		var ip *C.float
		if len(in) > 0 {
			ip = (*C.float)(unsafe.Pointer(&in[0]))
		}
		var idone, odone C.size_t
		var e C.soxr_error_t
		if end {
			// A nil input pointer tells soxr the input has ended.
			e = C.soxr_process(r.s, nil, 0, nil, C.soxr_out_t(unsafe.Pointer(&dst[0])), C.size_t(len(dst)), &odone)
		} else {
			e = C.soxr_process(r.s, C.soxr_in_t(unsafe.Pointer(ip)), C.size_t(len(in)), &idone,
				C.soxr_out_t(unsafe.Pointer(&dst[0])), C.size_t(len(dst)), &odone)
		}
		if e != nil {
			return nil, fmt.Errorf("audio: resampler %d Hz to %d Hz: soxr: %s", r.from, r.to, C.GoString(e))
		}
		r.out = r.out[:len(r.out)+int(odone)]
		in = in[int(idone):]
		if end {
			if int(odone) < len(dst) {
				return r.out, nil
			}
		} else if len(in) == 0 && int(odone) < len(dst) {
			return r.out, nil
		}
	}
}

// Close frees the resampler. Calling Close again does nothing.
func (r *Resampler) Close() error {
	if r.s != nil {
		r.cleanup.Stop()
		C.soxr_delete(r.s)
		r.s = nil
	}
	return nil
}
