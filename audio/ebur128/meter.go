// Package ebur128 measures loudness as ITU-R BS.1770-4 and EBU R128 define
// it (integrated loudness, true peak) through libebur128 (cgo): Meter for a
// stream in constant memory, Integrated for a buffer in memory. narrate
// measures the whole narration once and applies one gain, so paragraphs
// keep their relative levels.
//
// It is the only package of narrate that links libebur128; package audio
// is pure Go. It needs libebur128's headers (Debian: libebur128-dev) at
// build time.
package ebur128

// #cgo pkg-config: libebur128
// #include <stdlib.h>
// #include <ebur128.h>
import "C"

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"unsafe"

	"github.com/narrate-dev/narrate/audio"
)

// ErrSilence is returned by Meter.Integrated when no gating block of
// the input reached the absolute gate of -70 LUFS, so integrated loudness is
// undefined (BS.1770 gives -Inf).
var ErrSilence = errors.New("audio: no audio above the -70 LUFS gate")

// Meter measures integrated loudness (ITU-R BS.1770-4 / EBU R128) and
// true peak of a stream, through libebur128.
//
// Memory does not grow with the length of the input. libebur128 runs in
// momentary mode only, which keeps just the last 400 ms of filtered audio;
// the meter reads the energy of each 400 ms gating block (every 100 ms, as
// BS.1770 steps them) and files it in a histogram of 0.01 LU bins that keeps
// a count and the exact energy sum per bin. Integrated loudness is then exact
// except for blocks within 0.01 LU of the relative gate. (libebur128's own
// EBUR128_MODE_I keeps a list of every block, which grows with the input;
// its EBUR128_MODE_HISTOGRAM is constant but reports bin centres 0.1 LU wide,
// an error of up to 0.05 LU.)
//
// Channels are weighted as BS.1770 does for front speakers: 1.0 each. A mono
// signal is measured as a single channel, as ffmpeg does for a mono file; the
// same signal duplicated to two channels reads 3.01 LU louder.
//
// A Meter is not safe for concurrent use. Close releases the C state;
// a meter that is garbage-collected without Close is released by a cleanup.
type Meter struct {
	st       *C.ebur128_state
	rate     int
	channels int
	frames   int64
	cleanup  runtime.Cleanup

	step    int   // frames per 100 ms, rounded as libebur128 does
	pending int   // frames since the last 100 ms boundary
	steps   int64 // completed 100 ms steps
	gate    gatingHistogram
}

// Option configures a Meter.
type Option func(*meterConfig)

type meterConfig struct{ noTruePeak bool }

// WithoutTruePeak makes a meter measure loudness only. True-peak measurement
// oversamples every sample 4x inside libebur128 and costs most of a meter's
// time; meters that only need loudness should leave it out. TruePeak then
// returns an error.
func WithoutTruePeak() Option { return func(c *meterConfig) { c.noTruePeak = true } }

// NewMeter returns a meter for interleaved float samples at rate with
// the given number of channels (1 for narrate's mono buffers).
func NewMeter(rate, channels int, opts ...Option) (*Meter, error) {
	var cfg meterConfig
	for _, o := range opts {
		o(&cfg)
	}
	if rate < audio.MinRate || rate > audio.MaxRate {
		return nil, fmt.Errorf("audio: loudness meter: sample rate %d Hz outside %d..%d", rate, audio.MinRate, audio.MaxRate)
	}
	if channels < 1 || channels > 64 {
		return nil, fmt.Errorf("audio: loudness meter: %d channels, want 1..64", channels)
	}
	mode := C.EBUR128_MODE_M | C.EBUR128_MODE_TRUE_PEAK
	if cfg.noTruePeak {
		mode = C.EBUR128_MODE_M
	}
	st := C.ebur128_init(C.uint(channels), C.ulong(rate), C.int(mode))
	if st == nil {
		return nil, fmt.Errorf("audio: loudness meter: libebur128 could not allocate state for %d Hz, %d channels", rate, channels)
	}
	m := &Meter{st: st, rate: rate, channels: channels, step: (rate + 5) / 10}
	m.cleanup = runtime.AddCleanup(m, func(st *C.ebur128_state) { C.ebur128_destroy(&st) }, st)
	return m, nil
}

// Rate is the sample rate the meter was created for.
func (m *Meter) Rate() int { return m.rate }

// Frames is the number of frames (samples per channel) added so far.
func (m *Meter) Frames() int64 { return m.frames }

// Add feeds interleaved samples to the meter. Chunks may have any length that
// is a whole number of frames; feeding one long slice or many short ones gives
// the same result.
func (m *Meter) Add(samples []float32) error {
	if m.st == nil {
		return errors.New("audio: loudness meter used after Close")
	}
	if len(samples)%m.channels != 0 {
		return fmt.Errorf("audio: loudness meter: %d samples is not a whole number of %d-channel frames", len(samples), m.channels)
	}
	for len(samples) > 0 {
		// Stop at each 100 ms boundary to read the block that ends there.
		frames := min(len(samples)/m.channels, m.step-m.pending)
		// The slice holds no Go pointers, so C may read it during the call.
		if rc := C.ebur128_add_frames_float(m.st, (*C.float)(unsafe.Pointer(&samples[0])), C.size_t(frames)); rc != C.EBUR128_SUCCESS {
			return fmt.Errorf("audio: loudness meter: adding %d frames: %w", frames, ebur128Error(rc))
		}
		samples = samples[frames*m.channels:]
		m.frames += int64(frames)
		m.pending += frames
		if m.pending < m.step {
			continue
		}
		m.pending = 0
		m.steps++
		if m.steps < 4 {
			continue // the first block ends 400 ms in
		}
		var lufs C.double
		if rc := C.ebur128_loudness_momentary(m.st, &lufs); rc != C.EBUR128_SUCCESS {
			return fmt.Errorf("audio: loudness meter: reading gating block %d: %w", m.steps-3, ebur128Error(rc))
		}
		m.gate.add(float64(lufs))
	}
	return nil
}

// Integrated returns the gated integrated loudness of everything added so
// far, in LUFS. It returns -Inf and ErrSilence when nothing reached the
// absolute gate (silence, or less than one 400 ms block of audio).
func (m *Meter) Integrated() (float64, error) {
	if m.st == nil {
		return 0, errors.New("audio: loudness meter used after Close")
	}
	return m.gate.integrated()
}

// TruePeak returns the highest true peak (BS.1770-4, 4x oversampled below
// 96 kHz) over all channels of everything added so far, in dBTP. Silence
// gives -Inf with no error.
func (m *Meter) TruePeak() (float64, error) {
	lin, err := m.TruePeakLinear()
	if err != nil {
		return 0, err
	}
	return 20 * math.Log10(lin), nil
}

// TruePeakLinear is TruePeak as a linear amplitude (1.0 is 0 dBTP).
func (m *Meter) TruePeakLinear() (float64, error) {
	if m.st == nil {
		return 0, errors.New("audio: loudness meter used after Close")
	}
	peak := 0.0
	for ch := 0; ch < m.channels; ch++ {
		var out C.double
		if rc := C.ebur128_true_peak(m.st, C.uint(ch), &out); rc != C.EBUR128_SUCCESS {
			return 0, fmt.Errorf("audio: true peak of channel %d: %w", ch, ebur128Error(rc))
		}
		peak = math.Max(peak, float64(out))
	}
	return peak, nil
}

// Close releases the meter's C state. It is safe to call more than once.
func (m *Meter) Close() error {
	if m.st == nil {
		return nil
	}
	m.cleanup.Stop()
	C.ebur128_destroy(&m.st)
	m.st = nil
	return nil
}

// Integrated measures the integrated loudness of a whole buffer in LUFS. It
// is a convenience over Meter for audio already in memory; streams
// should use the meter directly.
func Integrated(b *audio.Buffer) (float64, error) {
	if err := b.Validate(); err != nil {
		return 0, fmt.Errorf("audio: integrated loudness: %w", err)
	}
	m, err := NewMeter(b.Rate, 1, WithoutTruePeak())
	if err != nil {
		return 0, err
	}
	defer m.Close()
	if err := m.Add(b.Samples); err != nil {
		return 0, err
	}
	return m.Integrated()
}

// gatingHistogram holds the energies of the 400 ms gating blocks above the
// absolute gate, filed by loudness in bins of 1/binsPerLU LU from -70 LUFS up.
type gatingHistogram struct {
	count  [gateBins]uint32
	energy [gateBins]float64 // sum of the mean squares of the blocks in the bin
}

const (
	absoluteGate = -70.0 // LUFS
	relativeGate = -10.0 // LU below the loudness of the blocks above the absolute gate
	binsPerLU    = 100
	gateBins     = 100 * binsPerLU // -70 .. +30 LUFS; louder blocks share the top bin
)

// blockEnergy converts loudness to the weighted mean square BS.1770 sums.
func blockEnergy(lufs float64) float64 { return math.Pow(10, (lufs+0.691)/10) }

func energyLoudness(e float64) float64 { return 10*math.Log10(e) - 0.691 }

func (h *gatingHistogram) add(lufs float64) {
	if !(lufs > absoluteGate) { // also drops -Inf and NaN
		return
	}
	b := min(int((lufs-absoluteGate)*binsPerLU), gateBins-1)
	h.count[b]++
	h.energy[b] += blockEnergy(lufs)
}

// integrated applies the relative gate and returns the loudness of the
// blocks that pass both gates.
func (h *gatingHistogram) integrated() (float64, error) {
	var n uint64
	var sum float64
	for b := range h.count {
		n += uint64(h.count[b])
		sum += h.energy[b]
	}
	if n == 0 {
		return math.Inf(-1), ErrSilence
	}
	gate := energyLoudness(sum/float64(n)) + relativeGate
	n, sum = 0, 0
	for b := range h.count {
		// A block passes when its loudness exceeds the gate; within the one
		// bin that straddles the gate, judge by the bin's centre.
		if absoluteGate+(float64(b)+0.5)/binsPerLU > gate {
			n += uint64(h.count[b])
			sum += h.energy[b]
		}
	}
	if n == 0 { // unreachable: the loudest bin is always above the mean - 10 LU
		return math.Inf(-1), ErrSilence
	}
	return energyLoudness(sum / float64(n)), nil
}

func ebur128Error(rc C.int) error {
	switch rc {
	case C.EBUR128_ERROR_NOMEM:
		return errors.New("libebur128: out of memory")
	case C.EBUR128_ERROR_INVALID_MODE:
		return errors.New("libebur128: measurement not enabled in this mode")
	case C.EBUR128_ERROR_INVALID_CHANNEL_INDEX:
		return errors.New("libebur128: invalid channel index")
	case C.EBUR128_ERROR_NO_CHANGE:
		return errors.New("libebur128: no change")
	}
	return fmt.Errorf("libebur128: error %d", int(rc))
}
