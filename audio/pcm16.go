package audio

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sync"
)

// toInt16 converts a float sample to 16-bit PCM: scaled by 32768, rounded to
// the nearest integer and clipped to [-32768, 32767]. NaN becomes 0. Scaling by
// 32768 (not 32767) makes int16 -> float32 -> int16 exact.
func toInt16(x float32) int16 {
	v := math.Round(float64(x) * 32768)
	switch {
	case v != v:
		return 0
	case v > 32767:
		return 32767
	case v < -32768:
		return -32768
	}
	return int16(v)
}

// fromInt16 converts a 16-bit PCM sample to float in [-1, 1).
func fromInt16(v int16) float32 { return float32(v) / 32768 }

// EncodePCM16 returns s as little-endian signed 16-bit PCM, two bytes per
// sample, rounded to the nearest step and clipped to full scale.
func EncodePCM16(s []float32) []byte {
	out := make([]byte, 2*len(s))
	putPCM16(out, s)
	return out
}

// putPCM16 writes len(s) samples to dst, which must hold 2*len(s) bytes.
func putPCM16(dst []byte, s []float32) {
	for i, x := range s {
		binary.LittleEndian.PutUint16(dst[2*i:], uint16(toInt16(x)))
	}
}

// DecodePCM16 converts little-endian signed 16-bit PCM to float samples in
// [-1, 1). An odd number of bytes is an error (a truncated sample).
func DecodePCM16(data []byte) ([]float32, error) {
	if len(data)%2 != 0 {
		return nil, fmt.Errorf("audio: 16-bit PCM of %d bytes: odd length, last sample truncated", len(data))
	}
	out := make([]float32, len(data)/2)
	getPCM16(out, data)
	return out, nil
}

// getPCM16 fills dst from 2*len(dst) bytes of src.
func getPCM16(dst []float32, src []byte) {
	for i := range dst {
		dst[i] = fromInt16(int16(binary.LittleEndian.Uint16(src[2*i:])))
	}
}

// ReadPCM16 wraps raw little-endian signed 16-bit mono PCM (OpenAI's "pcm"
// response format, Google's LINEAR16 without header) at rate into a Buffer.
// It fails on an odd byte count, no samples, or a rate outside
// [MinRate, MaxRate].
func ReadPCM16(data []byte, rate int) (*Buffer, error) {
	if rate < MinRate || rate > MaxRate {
		return nil, fmt.Errorf("audio: raw PCM at %d Hz: rate outside %d..%d", rate, MinRate, MaxRate)
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("audio: raw PCM: %w", ErrNoSamples)
	}
	s, err := DecodePCM16(data)
	if err != nil {
		return nil, err
	}
	return &Buffer{Rate: rate, Samples: s}, nil
}

// ErrNoSamples is returned (wrapped) when an input holds no audio samples at
// all, such as a WAV file whose data chunk is empty.
var ErrNoSamples = errors.New("no audio samples")

// PCM16Spool is an append-only temporary file of 16-bit mono samples. The
// pipeline keeps finished clips in it so a long narration is held on disk at
// two bytes per sample instead of in memory as float32. Offsets and lengths
// are in samples.
//
// A PCM16Spool is safe for concurrent use: Append calls are serialized, and
// ReadAt may run alongside them for ranges already appended.
type PCM16Spool struct {
	mu      sync.Mutex
	f       *os.File
	n       int64 // samples written
	scratch []byte
	closed  bool
}

// NewPCM16Spool creates a spool file in dir (the system temporary directory
// when dir is ""). Close removes it.
func NewPCM16Spool(dir string) (*PCM16Spool, error) {
	f, err := os.CreateTemp(dir, "narrate-*.pcm16")
	if err != nil {
		return nil, fmt.Errorf("audio: create PCM spool in %q: %w", dir, err)
	}
	return &PCM16Spool{f: f}, nil
}

// Append stores s at the end of the spool, converted to 16 bits (rounded,
// clipped), and returns the sample offset where it starts.
func (p *PCM16Spool) Append(s []float32) (offset int64, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return 0, fmt.Errorf("audio: append to PCM spool: %w", os.ErrClosed)
	}
	offset = p.n
	const chunk = 32 << 10 // samples per write, bounds the scratch buffer
	if cap(p.scratch) < 2*min(len(s), chunk) {
		p.scratch = make([]byte, 2*min(len(s), chunk))
	}
	for len(s) > 0 {
		k := min(len(s), chunk)
		b := p.scratch[:2*k]
		putPCM16(b, s[:k])
		if _, err := p.f.WriteAt(b, 2*p.n); err != nil {
			return offset, fmt.Errorf("audio: append %d samples to PCM spool %s: %w", k, p.f.Name(), err)
		}
		p.n += int64(k)
		s = s[k:]
	}
	return offset, nil
}

// ReadAt fills dst with the samples starting at sample offset. It returns the
// number of samples read; fewer than len(dst) only together with io.EOF when
// the range runs past the end of the spool.
func (p *PCM16Spool) ReadAt(dst []float32, offset int64) (int, error) {
	if offset < 0 {
		return 0, fmt.Errorf("audio: read PCM spool at negative offset %d", offset)
	}
	n := p.Len()
	if offset >= n {
		if len(dst) == 0 {
			return 0, nil
		}
		return 0, io.EOF
	}
	want := min(int64(len(dst)), n-offset)
	bp := spoolBufs.Get().(*[]byte)
	defer spoolBufs.Put(bp)
	buf := *bp
	done := 0
	for int64(done) < want {
		k := min(int(want)-done, len(buf)/2)
		if _, err := p.f.ReadAt(buf[:2*k], 2*(offset+int64(done))); err != nil {
			return done, fmt.Errorf("audio: read PCM spool %s at sample %d: %w", p.f.Name(), offset+int64(done), err)
		}
		getPCM16(dst[done:done+k], buf[:2*k])
		done += k
	}
	if done < len(dst) {
		return done, io.EOF
	}
	return done, nil
}

// spoolBufs holds ReadAt's byte buffers: the final pass reads a long
// narration in thousands of calls, and a fresh buffer each time is garbage
// the collector must chase.
var spoolBufs = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// Len is the number of samples appended so far.
func (p *PCM16Spool) Len() int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.n
}

// Close closes and removes the spool file. Calling Close again does nothing.
func (p *PCM16Spool) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil
	}
	p.closed = true
	name := p.f.Name()
	cerr := p.f.Close()
	rerr := os.Remove(name)
	if err := errors.Join(cerr, rerr); err != nil {
		return fmt.Errorf("audio: close PCM spool %s: %w", name, err)
	}
	return nil
}
