package audio

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
)

// MaxDecodeSamples bounds the number of mono samples a decoder returns (about
// 93 minutes at 24 kHz, 512 MiB as float32). Inputs that would decode to more
// fail with an error instead of exhausting memory.
const MaxDecodeSamples = 1 << 27

// maxWAVChannels is the largest channel count ReadWAV accepts; WAVE_FORMAT_
// EXTENSIBLE can describe 18 named speaker positions, real files stay far below.
const maxWAVChannels = 32

// WAV format tags (the wFormatTag field of the fmt chunk).
const (
	wavFormatPCM        = 0x0001
	wavFormatFloat      = 0x0003
	wavFormatALaw       = 0x0006
	wavFormatMuLaw      = 0x0007
	wavFormatExtensible = 0xFFFE
)

// wavFormat is the part of the fmt chunk ReadWAV needs.
type wavFormat struct {
	tag        uint16 // after resolving WAVE_FORMAT_EXTENSIBLE
	channels   int
	rate       int
	bits       int // container bits per sample
	blockAlign int
}

// ReadWAV decodes a RIFF/WAVE (or RF64) stream into a mono Buffer, averaging
// channels. It accepts integer PCM of 8, 16, 24 and 32 bits and IEEE float of
// 32 and 64 bits, plain or WAVE_FORMAT_EXTENSIBLE, with any chunks before the
// data chunk.
//
// It is written for replies from speech engines, which are not always well
// formed: a data chunk that claims more bytes than the stream holds is read
// to the end of the stream (a trailing partial frame is dropped), and a size
// of 0 or 0xFFFFFFFF (written by streaming encoders) means "until the end".
// It fails with a descriptive error for a missing RIFF/WAVE header, a missing
// fmt or data chunk, unsupported encodings, channel counts above 32 or rates
// outside [MinRate, MaxRate], non-finite float samples, more than
// MaxDecodeSamples samples, and a data chunk without a single complete frame
// (wrapping ErrNoSamples).
func ReadWAV(r io.Reader) (*Buffer, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var hdr [12]byte
	if n, err := io.ReadFull(br, hdr[:]); err != nil {
		return nil, fmt.Errorf("audio: WAV header: only %d of 12 bytes: %w", n, noEOF(err))
	}
	if id := string(hdr[0:4]); (id != "RIFF" && id != "RF64") || string(hdr[8:12]) != "WAVE" {
		return nil, fmt.Errorf("audio: WAV header: not RIFF/WAVE (starts with %q)", hdr[:])
	}
	var (
		f      *wavFormat
		chunk  [8]byte
		offset int64 = 12
	)
	for {
		if n, err := io.ReadFull(br, chunk[:]); err != nil {
			if n == 0 && errors.Is(err, io.EOF) {
				if f == nil {
					return nil, fmt.Errorf("audio: WAV: no fmt chunk before end of stream at byte %d", offset)
				}
				return nil, fmt.Errorf("audio: WAV: no data chunk before end of stream at byte %d", offset)
			}
			return nil, fmt.Errorf("audio: WAV: chunk header at byte %d truncated: %w", offset, noEOF(err))
		}
		id := string(chunk[0:4])
		size := binary.LittleEndian.Uint32(chunk[4:8])
		offset += 8
		switch id {
		case "fmt ":
			if size < 16 || size > 1<<16 {
				return nil, fmt.Errorf("audio: WAV: fmt chunk of %d bytes (want 16..65536)", size)
			}
			body := make([]byte, size)
			if _, err := io.ReadFull(br, body); err != nil {
				return nil, fmt.Errorf("audio: WAV: fmt chunk at byte %d truncated: %w", offset, noEOF(err))
			}
			var err error
			if f, err = parseWAVFormat(body); err != nil {
				return nil, err
			}
		case "data":
			if f == nil {
				return nil, fmt.Errorf("audio: WAV: data chunk at byte %d comes before any fmt chunk", offset-8)
			}
			limit := int64(size)
			switch {
			case size == 0xFFFFFFFF:
				limit = -1 // streaming writers and RF64: read to the end
			case size == 0:
				// Streaming writers also leave 0; a real empty chunk is
				// followed by nothing or by another chunk's ASCII id.
				if next, _ := br.Peek(4); len(next) == 4 && !isChunkID(next) {
					limit = -1
				}
			}
			return readWAVData(br, f, limit)
		default:
			// LIST, fact, cue, junk, bext...: skip, including the RIFF pad byte.
			skip := int64(size) + int64(size&1)
			if n, err := io.CopyN(io.Discard, br, skip); err != nil {
				return nil, fmt.Errorf("audio: WAV: chunk %q at byte %d claims %d bytes, stream ends after %d: %w",
					printable(chunk[0:4]), offset-8, size, n, noEOF(err))
			}
			offset += skip
			continue
		}
		if size&1 == 1 {
			if _, err := br.Discard(1); err != nil {
				return nil, fmt.Errorf("audio: WAV: pad byte after chunk at byte %d: %w", offset, noEOF(err))
			}
			offset++
		}
		offset += int64(size)
	}
}

// parseWAVFormat validates a fmt chunk body.
func parseWAVFormat(b []byte) (*wavFormat, error) {
	f := &wavFormat{
		tag:        binary.LittleEndian.Uint16(b[0:2]),
		channels:   int(binary.LittleEndian.Uint16(b[2:4])),
		rate:       int(binary.LittleEndian.Uint32(b[4:8])),
		blockAlign: int(binary.LittleEndian.Uint16(b[12:14])),
		bits:       int(binary.LittleEndian.Uint16(b[14:16])),
	}
	if f.tag == wavFormatExtensible {
		// cbSize(2) validBits(2) channelMask(4) subFormat GUID(16), whose first
		// two bytes are the plain format tag.
		if len(b) < 40 {
			return nil, fmt.Errorf("audio: WAV: WAVE_FORMAT_EXTENSIBLE fmt chunk of %d bytes, want 40", len(b))
		}
		f.tag = binary.LittleEndian.Uint16(b[24:26])
	}
	switch f.tag {
	case wavFormatPCM:
		if f.bits != 8 && f.bits != 16 && f.bits != 24 && f.bits != 32 {
			return nil, fmt.Errorf("audio: WAV: %d-bit integer PCM not supported (8, 16, 24, 32)", f.bits)
		}
	case wavFormatFloat:
		if f.bits != 32 && f.bits != 64 {
			return nil, fmt.Errorf("audio: WAV: %d-bit float not supported (32, 64)", f.bits)
		}
	case wavFormatALaw, wavFormatMuLaw:
		return nil, fmt.Errorf("audio: WAV: G.711 companded format 0x%04x not supported", f.tag)
	default:
		return nil, fmt.Errorf("audio: WAV: format tag 0x%04x not supported (PCM or IEEE float)", f.tag)
	}
	if f.channels < 1 || f.channels > maxWAVChannels {
		return nil, fmt.Errorf("audio: WAV: %d channels (want 1..%d)", f.channels, maxWAVChannels)
	}
	if f.rate < MinRate || f.rate > MaxRate {
		return nil, fmt.Errorf("audio: WAV: sample rate %d Hz outside %d..%d", f.rate, MinRate, MaxRate)
	}
	if want := f.channels * f.bits / 8; f.blockAlign != want {
		// Some writers get block align wrong; the sample layout follows from
		// bits and channels, so trust those.
		f.blockAlign = want
	}
	return f, nil
}

// readWAVData decodes frames from r until limit bytes (or the end of the
// stream when limit < 0) and downmixes them to mono.
func readWAVData(r io.Reader, f *wavFormat, limit int64) (*Buffer, error) {
	if limit >= 0 {
		r = io.LimitReader(r, limit)
	}
	frame := f.blockAlign
	// Preallocate from the header, but never trust it for more than a few
	// seconds' worth: a lying header must not cost memory.
	var out []float32
	if limit > 0 {
		out = make([]float32, 0, min(limit/int64(frame), 1<<20))
	}
	buf := make([]byte, (64<<10)/frame*frame)
	inv := float32(1) / float32(f.channels)
	for {
		n, err := io.ReadFull(r, buf)
		frames := n / frame
		if len(out)+frames > MaxDecodeSamples {
			return nil, fmt.Errorf("audio: WAV: more than %d samples (%s at %d Hz), refusing to decode",
				MaxDecodeSamples, SamplesToDuration(MaxDecodeSamples, f.rate), f.rate)
		}
		for i := 0; i < frames; i++ {
			fr := buf[i*frame : (i+1)*frame]
			var sum float32
			for c := 0; c < f.channels; c++ {
				sum += wavSample(fr, c, f)
			}
			out = append(out, sum*inv)
		}
		if err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				break
			}
			return nil, fmt.Errorf("audio: WAV: reading data after %d samples: %w", len(out), err)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("audio: WAV: data chunk has no complete %d-byte frame: %w", frame, ErrNoSamples)
	}
	b := &Buffer{Rate: f.rate, Samples: out}
	for i, s := range out {
		if math.IsNaN(float64(s)) || math.IsInf(float64(s), 0) || s > 1e6 || s < -1e6 {
			return nil, fmt.Errorf("audio: WAV: sample %d is not a finite level (%v)", i, s)
		}
	}
	return b, nil
}

// wavSample decodes channel c of one frame to float.
func wavSample(fr []byte, c int, f *wavFormat) float32 {
	switch f.tag {
	case wavFormatFloat:
		if f.bits == 32 {
			return math.Float32frombits(binary.LittleEndian.Uint32(fr[4*c:]))
		}
		return float32(math.Float64frombits(binary.LittleEndian.Uint64(fr[8*c:])))
	}
	switch f.bits {
	case 8: // unsigned, 128 is zero
		return float32(int(fr[c])-128) / 128
	case 16:
		return fromInt16(int16(binary.LittleEndian.Uint16(fr[2*c:])))
	case 24:
		p := fr[3*c:]
		v := int32(uint32(p[0])<<8|uint32(p[1])<<16|uint32(p[2])<<24) >> 8
		return float32(v) / (1 << 23)
	default: // 32
		return float32(float64(int32(binary.LittleEndian.Uint32(fr[4*c:]))) / (1 << 31))
	}
}

// noEOF turns a bare io.EOF into io.ErrUnexpectedEOF: inside a structure the
// end of the stream is always premature.
func noEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// isChunkID reports whether b looks like a RIFF chunk id: four bytes of
// ASCII letters, digits or spaces.
func isChunkID(b []byte) bool {
	for _, c := range b[:4] {
		if !(c == ' ' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// printable renders b for an error message, replacing bytes outside ASCII
// graphics with '.'.
func printable(b []byte) string {
	out := make([]byte, len(b))
	for i, c := range b {
		if c < 0x20 || c > 0x7e {
			c = '.'
		}
		out[i] = c
	}
	return string(out)
}

// WriteWAV writes b as a mono 16-bit PCM WAV file. Samples are rounded to the
// nearest step and clipped to full scale (no dither, so output is
// deterministic). It fails for an invalid buffer or more than 4 GiB of data.
func WriteWAV(w io.Writer, b *Buffer) error {
	if err := b.Validate(); err != nil {
		return fmt.Errorf("audio: write WAV: %w", err)
	}
	dataLen := int64(len(b.Samples)) * 2
	if dataLen > maxWAVData {
		return fmt.Errorf("audio: write WAV: %d samples exceed the 4 GiB RIFF limit", len(b.Samples))
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.Write(wavHeader(b.Rate, 1, uint32(dataLen))); err != nil {
		return fmt.Errorf("audio: write WAV header: %w", err)
	}
	var scratch [4096]byte
	for s := b.Samples; len(s) > 0; {
		k := min(len(s), len(scratch)/2)
		putPCM16(scratch[:2*k], s[:k])
		if _, err := bw.Write(scratch[:2*k]); err != nil {
			return fmt.Errorf("audio: write WAV data: %w", err)
		}
		s = s[k:]
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("audio: write WAV data: %w", err)
	}
	return nil
}

// maxWAVData is the largest data chunk a RIFF file can describe (the RIFF size
// field counts 36 header bytes too).
const maxWAVData = 0xFFFFFFFF - 36

// wavHeader returns the 44-byte header of a 16-bit PCM WAV file.
func wavHeader(rate, channels int, dataLen uint32) []byte {
	h := make([]byte, 44)
	copy(h[0:], "RIFF")
	binary.LittleEndian.PutUint32(h[4:], 36+dataLen)
	copy(h[8:], "WAVEfmt ")
	binary.LittleEndian.PutUint32(h[16:], 16)
	binary.LittleEndian.PutUint16(h[20:], wavFormatPCM)
	binary.LittleEndian.PutUint16(h[22:], uint16(channels))
	binary.LittleEndian.PutUint32(h[24:], uint32(rate))
	binary.LittleEndian.PutUint32(h[28:], uint32(rate*channels*2))
	binary.LittleEndian.PutUint16(h[32:], uint16(channels*2))
	binary.LittleEndian.PutUint16(h[34:], 16)
	copy(h[36:], "data")
	binary.LittleEndian.PutUint32(h[40:], dataLen)
	return h
}

// WAVWriter streams 16-bit PCM to a WAV file whose length is not known in
// advance. It writes a header with placeholder sizes, and Close seeks back to
// fill them in, so the destination must be seekable (an *os.File).
type WAVWriter struct {
	w        io.WriteSeeker
	start    int64 // offset of the RIFF header in w
	channels int
	data     int64 // data bytes written
	scratch  []byte
	err      error // sticky write error
	closed   bool
	cues     []Cue
}

// Cue is a labelled point in a WAV file: a "cue " chunk entry with a "labl"
// in a LIST/adtl chunk, which audio editors show as markers.
type Cue struct {
	// Sample is the frame offset of the point in the data.
	Sample int64
	// Label names it (a chapter title); it may be empty.
	Label string
}

// SetCues makes Close write cues after the audio data. Cues past the end of
// the data or beyond the 32-bit range of the format are left out.
func (ww *WAVWriter) SetCues(cues []Cue) { ww.cues = cues }

// NewWAVWriter writes a WAV header at w's current offset and returns a writer
// for rate Hz and channels channels (1 or 2; mono input is duplicated).
func NewWAVWriter(w io.WriteSeeker, rate, channels int) (*WAVWriter, error) {
	if rate < MinRate || rate > MaxRate {
		return nil, fmt.Errorf("audio: WAV writer: sample rate %d Hz outside %d..%d", rate, MinRate, MaxRate)
	}
	if channels != 1 && channels != 2 {
		return nil, fmt.Errorf("audio: WAV writer: %d channels, want 1 or 2", channels)
	}
	start, err := w.Seek(0, io.SeekCurrent)
	if err != nil {
		return nil, fmt.Errorf("audio: WAV writer: destination is not seekable: %w", err)
	}
	if _, err := w.Write(wavHeader(rate, channels, 0)); err != nil {
		return nil, fmt.Errorf("audio: WAV writer: header: %w", err)
	}
	return &WAVWriter{w: w, start: start, channels: channels}, nil
}

// Write appends mono samples, rounded and clipped to 16 bits and copied to
// every channel. After a failed Write, later calls return the same error.
func (ww *WAVWriter) Write(mono []float32) error {
	if ww.closed {
		return fmt.Errorf("audio: WAV writer: write after Close")
	}
	if ww.err != nil {
		return ww.err
	}
	frame := 2 * ww.channels
	if ww.data+int64(len(mono)*frame) > maxWAVData {
		ww.err = fmt.Errorf("audio: WAV writer: output would exceed the 4 GiB RIFF limit")
		return ww.err
	}
	const chunk = 16 << 10
	if len(ww.scratch) < chunk*frame {
		ww.scratch = make([]byte, chunk*frame)
	}
	for len(mono) > 0 {
		k := min(len(mono), chunk)
		b := ww.scratch[:k*frame]
		for i, x := range mono[:k] {
			v := uint16(toInt16(x))
			for c := 0; c < ww.channels; c++ {
				binary.LittleEndian.PutUint16(b[i*frame+2*c:], v)
			}
		}
		if _, err := ww.w.Write(b); err != nil {
			ww.err = fmt.Errorf("audio: WAV writer: data after %d bytes: %w", ww.data, err)
			return ww.err
		}
		ww.data += int64(len(b))
		mono = mono[k:]
	}
	return nil
}

// Close fills in the RIFF and data sizes and leaves w positioned at the end
// of the WAV data. It does not close w.
func (ww *WAVWriter) Close() error {
	if ww.closed {
		return nil
	}
	ww.closed = true
	if ww.err != nil {
		return ww.err
	}
	extra, err := ww.writeCues()
	if err != nil {
		return fmt.Errorf("audio: WAV writer: cues: %w", err)
	}
	end, err := ww.w.Seek(0, io.SeekCurrent)
	if err != nil {
		return fmt.Errorf("audio: WAV writer: close: %w", err)
	}
	var size [4]byte
	patch := func(at int64, v uint32) error {
		binary.LittleEndian.PutUint32(size[:], v)
		if _, err := ww.w.Seek(ww.start+at, io.SeekStart); err != nil {
			return err
		}
		_, err := ww.w.Write(size[:])
		return err
	}
	if err := patch(4, uint32(36+ww.data+extra)); err != nil {
		return fmt.Errorf("audio: WAV writer: patch RIFF size: %w", err)
	}
	if err := patch(40, uint32(ww.data)); err != nil {
		return fmt.Errorf("audio: WAV writer: patch data size: %w", err)
	}
	if _, err := ww.w.Seek(end, io.SeekStart); err != nil {
		return fmt.Errorf("audio: WAV writer: close: %w", err)
	}
	return nil
}

// writeCues writes the "cue " and LIST/adtl chunks for ww.cues and returns
// how many bytes they took.
func (ww *WAVWriter) writeCues() (int64, error) {
	frames := ww.data / int64(2*ww.channels)
	var cues []Cue
	for _, c := range ww.cues {
		if c.Sample >= 0 && c.Sample <= frames && c.Sample <= math.MaxUint32 {
			cues = append(cues, c)
		}
	}
	if len(cues) == 0 {
		return 0, nil
	}
	le := binary.LittleEndian
	var b []byte
	b = append(b, "cue "...)
	b = le.AppendUint32(b, uint32(4+24*len(cues)))
	b = le.AppendUint32(b, uint32(len(cues)))
	for i, c := range cues {
		b = le.AppendUint32(b, uint32(i+1))      // cue point ID
		b = le.AppendUint32(b, uint32(c.Sample)) // play-order position
		b = append(b, "data"...)
		b = le.AppendUint32(b, 0) // chunk start
		b = le.AppendUint32(b, 0) // block start
		b = le.AppendUint32(b, uint32(c.Sample))
	}
	var adtl []byte
	adtl = append(adtl, "adtl"...)
	for i, c := range cues {
		label := strings.ToValidUTF8(strings.ReplaceAll(c.Label, "\x00", ""), "")
		adtl = append(adtl, "labl"...)
		adtl = le.AppendUint32(adtl, uint32(4+len(label)+1))
		adtl = le.AppendUint32(adtl, uint32(i+1))
		adtl = append(adtl, label...)
		adtl = append(adtl, 0)
		if (len(label)+1)%2 == 1 {
			adtl = append(adtl, 0) // chunks are word-aligned
		}
	}
	b = append(b, "LIST"...)
	b = le.AppendUint32(b, uint32(len(adtl)))
	b = append(b, adtl...)
	if _, err := ww.w.Write(b); err != nil {
		return 0, err
	}
	return int64(len(b)), nil
}
