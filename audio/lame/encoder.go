package lame

/*
#cgo pkg-config: lame
#include <stdarg.h>
#include <stdlib.h>
#include <lame/lame.h>

static void narrate_lame_quiet(const char *format, va_list ap) { (void)format; (void)ap; }

static void narrate_lame_silence(lame_t gf) {
	lame_set_errorf(gf, narrate_lame_quiet);
	lame_set_debugf(gf, narrate_lame_quiet);
	lame_set_msgf(gf, narrate_lame_quiet);
}
*/
import "C"

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"unsafe"

	"github.com/narrate-dev/narrate/audio"
)

// Options configures an Encoder. The encoder is always constant
// bitrate (CBR), so every frame has the same size and the duration a player
// computes from the file size is right.
type Options struct {
	// Rate is the sample rate of the input and of the file, one of the MPEG
	// rates (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000).
	// Resample first for any other rate; LAME is not asked to resample.
	Rate int
	// Channels is 1 (mono) or 2 (the mono input on both channels, joint
	// stereo). 0 means 1.
	Channels int
	// BitrateKbps is the constant bitrate; 0 means 64. MPEG-2 rates (below
	// 32 kHz) allow 8..160 kbps, MPEG-1 rates 32..320 kbps.
	BitrateKbps int
	// Quality is LAME's algorithm quality, 0 (best, slowest) to 9 (fastest).
	// 0 means the default, 2 (LAME's -h); use QualityBest for 0.
	Quality int
}

// QualityBest selects LAME quality 0 in Options.Quality (0 itself means
// the default, 2).
const QualityBest = -1

// lameInitMu serializes LAME initialisation: lame_init_params fills static
// tables on first use.
var lameInitMu sync.Mutex

// mp3Rates are the sample rates MPEG-1/2/2.5 layer III can carry.
var mp3Rates = map[int]bool{8000: true, 11025: true, 12000: true, 16000: true,
	22050: true, 24000: true, 32000: true, 44100: true, 48000: true}

// Encoder streams mono float samples to an MP3 through libmp3lame.
//
// Gapless timing: when the destination is seekable (an *os.File on a regular
// file, or any io.WriteSeeker whose Seek works), the encoder reserves the
// first frame and, at Close, overwrites it with the LAME/Xing "Info" frame
// that records the frame count, encoder delay and padding. ffmpeg, mpg123,
// browsers and audio.DecodeMP3 use it to drop the encoder's leading and trailing
// silence, so the decoded duration equals the encoded one. The frame is
// written at the offset w had when NewEncoder was called, so an ID3v2 tag
// may be written before the encoder starts. When the destination cannot seek
// (a pipe, a network stream, an io.Writer), no Info frame is written and
// decoders see about 50 ms more audio (delay and padding) than was encoded.
// A file opened with O_APPEND cannot be patched and must not be passed.
// LAME also omits it when a frame is too small to hold it (frames under about
// 170 bytes: below 64 kbps at 24 kHz, 56 kbps at 22.05 kHz, 40 kbps at
// 16 kHz).
//
// An Encoder holds C memory; always call Close, also after an error. It is
// not safe for concurrent use.
type Encoder struct {
	gf       C.lame_t
	w        io.Writer
	bw       *bufio.Writer
	ws       io.WriteSeeker // nil when not seekable
	start    int64          // offset of the first frame in ws
	channels int
	in       []float32 // sanitized copy of the input chunk
	out      []byte    // LAME output buffer
	err      error     // sticky error
	closed   bool
	cleanup  runtime.Cleanup // frees gf if Close is never called

	// What finish learns from LAME before freeing it, for a joiner
	// (ParallelEncoder) that writes the Info frame itself.
	tagFrame []byte // LAME's Info frame when a tag was reserved (nil otherwise)
	frames   int    // audio frames written, without the Info frame
	padding  int    // encoder padding LAME reports
}

// encodeChunk is the number of samples handed to LAME per call.
const encodeChunk = 8192

// NewEncoder starts an MP3 stream on w. See Encoder for when the
// Info frame is written.
func NewEncoder(w io.Writer, opts Options) (*Encoder, error) {
	return newEncoder(w, opts, tagIfSeekable)
}

// Info frame modes of newEncoder.
const (
	tagIfSeekable = iota // reserve and write it when w can seek (NewEncoder)
	tagReserve           // reserve it in the stream, never write it: finish returns it
	tagNone              // no Info frame
)

// normalize fills Options' defaults and checks them.
func (opts Options) normalize() (Options, error) {
	if opts.Channels == 0 {
		opts.Channels = 1
	}
	if opts.BitrateKbps == 0 {
		opts.BitrateKbps = 64
	}
	switch opts.Quality {
	case 0:
		opts.Quality = 2
	case QualityBest:
		opts.Quality = 0
	}
	if !mp3Rates[opts.Rate] {
		return opts, fmt.Errorf("audio: MP3 encoder: %d Hz is not an MPEG sample rate; resample first", opts.Rate)
	}
	if opts.Channels != 1 && opts.Channels != 2 {
		return opts, fmt.Errorf("audio: MP3 encoder: %d channels, want 1 or 2", opts.Channels)
	}
	if opts.Quality < 0 || opts.Quality > 9 {
		return opts, fmt.Errorf("audio: MP3 encoder: quality %d outside 0..9", opts.Quality)
	}
	if opts.BitrateKbps < 8 || opts.BitrateKbps > 320 {
		return opts, fmt.Errorf("audio: MP3 encoder: bitrate %d kbps outside 8..320", opts.BitrateKbps)
	}
	return opts, nil
}

func newEncoder(w io.Writer, opts Options, tagMode int) (*Encoder, error) {
	opts, err := opts.normalize()
	if err != nil {
		return nil, err
	}
	e := &Encoder{w: w, channels: opts.Channels}
	tag := 0
	switch tagMode {
	case tagIfSeekable:
		if e.ws, e.start = seekableAt(w); e.ws != nil {
			tag = 1
		}
	case tagReserve:
		tag = 1
	}

	lameInitMu.Lock()
	defer lameInitMu.Unlock()
	gf := C.lame_init()
	if gf == nil {
		return nil, errors.New("audio: MP3 encoder: lame_init failed (out of memory)")
	}
	C.narrate_lame_silence(gf)
	mode := C.MONO
	if opts.Channels == 2 {
		mode = C.JOINT_STEREO
	}
	setters := []C.int{
		C.lame_set_in_samplerate(gf, C.int(opts.Rate)),
		C.lame_set_out_samplerate(gf, C.int(opts.Rate)),
		C.lame_set_num_channels(gf, C.int(opts.Channels)),
		C.lame_set_mode(gf, C.MPEG_mode(mode)),
		C.lame_set_VBR(gf, C.vbr_off),
		C.lame_set_brate(gf, C.int(opts.BitrateKbps)),
		C.lame_set_quality(gf, C.int(opts.Quality)),
		C.lame_set_bWriteVbrTag(gf, C.int(tag)),
	}
	for i, rc := range setters {
		if rc < 0 {
			C.lame_close(gf)
			return nil, fmt.Errorf("audio: MP3 encoder: LAME setting %d rejected (code %d) for %+v", i, rc, opts)
		}
	}
	if rc := C.lame_init_params(gf); rc < 0 {
		C.lame_close(gf)
		return nil, fmt.Errorf("audio: MP3 encoder: LAME rejected %d kbps at %d Hz, %d channel(s) (code %d)",
			opts.BitrateKbps, opts.Rate, opts.Channels, rc)
	}
	if got := int(C.lame_get_brate(gf)); got != opts.BitrateKbps {
		C.lame_close(gf)
		return nil, fmt.Errorf("audio: MP3 encoder: %d kbps is not a valid bitrate at %d Hz (LAME chose %d)",
			opts.BitrateKbps, opts.Rate, got)
	}
	e.gf = gf
	e.cleanup = runtime.AddCleanup(e, func(gf C.lame_t) { C.lame_close(gf) }, gf)
	e.bw = bufio.NewWriterSize(w, 32<<10)
	e.in = make([]float32, encodeChunk)
	// LAME's documented worst case: 1.25 * samples + 7200 bytes.
	e.out = make([]byte, encodeChunk*5/4+7200)
	return e, nil
}

// Write encodes mono samples (nominally in [-1, 1]; NaN is treated as 0 and
// levels are clipped to full scale). Any chunk size is fine; LAME buffers
// partial frames. After a failed Write, later calls return the same error.
func (e *Encoder) Write(mono []float32) error {
	if e.closed {
		return errors.New("audio: MP3 encoder: write after Close")
	}
	if e.err != nil {
		return e.err
	}
	for len(mono) > 0 {
		k := min(len(mono), encodeChunk)
		in := e.in[:k]
		for i, x := range mono[:k] {
			switch {
			case x != x:
				x = 0
			case x > 1:
				x = 1
			case x < -1:
				x = -1
			}
			in[i] = x
		}
		p := (*C.float)(unsafe.Pointer(&in[0]))
		// The same buffer serves as left and right: stereo output duplicates.
		n := C.lame_encode_buffer_ieee_float(e.gf, p, p, C.int(k),
			(*C.uchar)(unsafe.Pointer(&e.out[0])), C.int(len(e.out)))
		if n < 0 {
			e.err = fmt.Errorf("audio: MP3 encoder: lame_encode_buffer_ieee_float failed (code %d)", n)
			return e.err
		}
		if _, err := e.bw.Write(e.out[:n]); err != nil {
			e.err = fmt.Errorf("audio: MP3 encoder: write: %w", err)
			return e.err
		}
		mono = mono[k:]
	}
	return nil
}

// Close flushes the last frames, writes the Info frame when the destination
// is seekable (leaving it positioned at the end of the MP3 data), and frees
// the encoder. It does not close w. Calling Close again does nothing.
func (e *Encoder) Close() error {
	if e.closed {
		return nil
	}
	if err := e.finish(); err != nil {
		return err
	}
	if e.ws == nil || e.tagFrame == nil {
		return nil // not seekable, or LAME reserved no frame (bitrate too low)
	}
	return writeInfoFrame(e.ws, e.start, e.tagFrame)
}

// seekableAt returns w as an io.WriteSeeker and its current offset, or nil
// when w cannot seek (a pipe, a network stream): where an encoder reserves
// the Info frame it rewrites at the end.
func seekableAt(w io.Writer) (io.WriteSeeker, int64) {
	if ws, ok := w.(io.WriteSeeker); ok {
		if pos, err := ws.Seek(0, io.SeekCurrent); err == nil {
			return ws, pos
		}
	}
	return nil, 0
}

// writeInfoFrame writes the Info frame over the one reserved at start and
// leaves ws positioned where it was, at the end of the stream.
func writeInfoFrame(ws io.WriteSeeker, start int64, frame []byte) error {
	end, err := ws.Seek(0, io.SeekCurrent)
	if err != nil {
		return fmt.Errorf("audio: MP3 encoder: info frame: %w", err)
	}
	if _, err := ws.Seek(start, io.SeekStart); err != nil {
		return fmt.Errorf("audio: MP3 encoder: info frame: seek to %d: %w", start, err)
	}
	if _, err := ws.Write(frame); err != nil {
		return fmt.Errorf("audio: MP3 encoder: info frame: %w", err)
	}
	if _, err := ws.Seek(end, io.SeekStart); err != nil {
		return fmt.Errorf("audio: MP3 encoder: info frame: %w", err)
	}
	return nil
}

// finish flushes the last frames to w and frees the encoder, keeping what
// LAME knows of the stream: the Info frame when one was reserved
// (tagFrame), the number of audio frames and the encoder padding.
func (e *Encoder) finish() error {
	e.closed = true
	defer func() {
		e.cleanup.Stop()
		C.lame_close(e.gf)
		e.gf = nil
	}()
	if e.err != nil {
		return e.err
	}
	n := C.lame_encode_flush(e.gf, (*C.uchar)(unsafe.Pointer(&e.out[0])), C.int(len(e.out)))
	if n < 0 {
		return fmt.Errorf("audio: MP3 encoder: lame_encode_flush failed (code %d)", n)
	}
	if _, err := e.bw.Write(e.out[:n]); err != nil {
		return fmt.Errorf("audio: MP3 encoder: write: %w", err)
	}
	if err := e.bw.Flush(); err != nil {
		return fmt.Errorf("audio: MP3 encoder: write: %w", err)
	}
	e.frames = int(C.lame_get_frameNum(e.gf))
	e.padding = int(C.lame_get_encoder_padding(e.gf))
	if C.lame_get_bWriteVbrTag(e.gf) == 0 {
		return nil
	}
	tag := make([]byte, 2880) // largest layer III frame
	tn := C.lame_get_lametag_frame(e.gf, (*C.uchar)(unsafe.Pointer(&tag[0])), C.size_t(len(tag)))
	if int(tn) > len(tag) {
		return fmt.Errorf("audio: MP3 encoder: LAME tag frame of %d bytes", tn)
	}
	if tn > 0 {
		e.tagFrame = tag[:tn]
	}
	return nil
}

// Encode encodes b as a whole; opts.Rate 0 means b.Rate. See Encoder
// for the Info frame written when w is seekable.
func Encode(w io.Writer, b *audio.Buffer, opts Options) error {
	if err := b.Validate(); err != nil {
		return fmt.Errorf("audio: encode MP3: %w", err)
	}
	if opts.Rate == 0 {
		opts.Rate = b.Rate
	}
	if opts.Rate != b.Rate {
		return fmt.Errorf("audio: encode MP3: buffer at %d Hz, options ask %d Hz; resample first", b.Rate, opts.Rate)
	}
	e, err := NewEncoder(w, opts)
	if err != nil {
		return err
	}
	if err := e.Write(b.Samples); err != nil {
		e.Close() // frees the encoder; the error is the Write's
		return err
	}
	return e.Close()
}

// Fails to compile unless C.float and float32 have the same size, which the
// pointer conversions above rely on.
var _ = [1]struct{}{}[unsafe.Sizeof(C.float(0))-unsafe.Sizeof(float32(0))]
