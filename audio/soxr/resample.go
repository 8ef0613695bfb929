// Package soxr resamples narrate's mono audio with libsoxr (cgo), at its
// high quality setting. Engines speak at their own rates (espeak-ng at
// 22,050 Hz, Polly at 16 kHz...) and narrate resamples each clip once to the
// output rate; pure-Go resamplers available here alias badly when
// downsampling.
//
// It is the only package of narrate that links libsoxr; package audio is
// pure Go. It needs libsoxr's headers (Debian: libsoxr-dev) at build time.
package soxr

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
*/
import "C"

import (
	"fmt"
	"unsafe"

	"github.com/narrate-dev/narrate/audio"
)

// Resample converts b to rate with libsoxr at its high quality setting
// (SOXR_HQ: 20-bit precision, linear phase, pass band to 91% of Nyquist). The
// result has round(len * rate / b.Rate) samples and is time-aligned with the
// input (soxr compensates its filter delay). The same rate returns a copy.
func Resample(b *audio.Buffer, rate int) (*audio.Buffer, error) {
	if err := b.Validate(); err != nil {
		return nil, fmt.Errorf("audio: resample: %w", err)
	}
	if rate < audio.MinRate || rate > audio.MaxRate {
		return nil, fmt.Errorf("audio: resample %d Hz to %d Hz: target outside %d..%d", b.Rate, rate, audio.MinRate, audio.MaxRate)
	}
	if rate == b.Rate {
		return &audio.Buffer{Rate: rate, Samples: append([]float32(nil), b.Samples...)}, nil
	}
	want := resampledLen(len(b.Samples), b.Rate, rate)
	out := make([]float32, want)
	if want == 0 {
		return &audio.Buffer{Rate: rate, Samples: out}, nil
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
	return &audio.Buffer{Rate: rate, Samples: out[:int(odone)]}, nil
}

// resampledLen is n samples at from Hz expressed at to Hz, rounded.
func resampledLen(n, from, to int) int {
	return int((int64(n)*int64(to) + int64(from)/2) / int64(from))
}
