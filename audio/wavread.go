package audio

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
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
// ReadWAV is our own code, not go-audio/wav's Decoder (which writes our WAV
// files, see WAVWriter), because on WAV that engines and streaming writers
// really send the Decoder returns wrong samples or none without an error:
// IEEE float (read as integers, or refused at 64 bits), WAVE_FORMAT_
// EXTENSIBLE float (it does not read the sub-format), and data sizes of 0 or
// 0xFFFFFFFF (no samples); and it allocates whatever a chunk header claims.
// TestReadWAVWhereGoAudioFails shows each case.
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
