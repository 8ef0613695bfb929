package audio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/hajimehoshi/go-mp3"
)

// MaxMP3Bytes bounds the size of an MP3 stream DecodeMP3 reads (256 MiB, about
// 9 hours at 64 kbps).
const MaxMP3Bytes = 256 << 20

// mp3DecoderDelay is the delay, in samples, of the MPEG layer III synthesis
// filterbank. Decoders that honour the LAME tag (ffmpeg, mpg123) skip it on
// top of the encoder delay the tag records.
const mp3DecoderDelay = 529

// DecodeMP3 decodes an MPEG-1 or MPEG-2 layer III stream (with or without
// ID3v2/ID3v1 tags) into a mono Buffer at the stream's sample rate, averaging
// the channels. When the first frame is a Xing/Info frame with a LAME
// extension (as written by LAME, ffmpeg and the encoders of audio/lame on a
// seekable file), the encoder delay and padding it records are trimmed, so
// the result has exactly the samples that were encoded; otherwise only the
// info frame's silence is dropped.
//
// It reads at most MaxMP3Bytes and returns at most MaxDecodeSamples samples;
// larger inputs fail. Garbage input fails with an error, never a panic.
func DecodeMP3(r io.Reader) (*Buffer, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxMP3Bytes+1))
	if err != nil {
		return nil, fmt.Errorf("audio: MP3: read: %w", err)
	}
	if len(data) > MaxMP3Bytes {
		return nil, fmt.Errorf("audio: MP3: stream larger than %d bytes, refusing to decode", MaxMP3Bytes)
	}
	return decodeMP3(data)
}

// decodeMP3 decodes an MP3 held in memory.
func decodeMP3(data []byte) (b *Buffer, err error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("audio: MP3: empty input: %w", ErrNoSamples)
	}
	data, err = stripID3(data)
	if err != nil {
		return nil, err
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("audio: MP3: only tags, no audio frames: %w", ErrNoSamples)
	}
	gap := parseGapless(data)

	defer func() {
		// go-mp3 indexes tables with values read from the stream; a corrupt
		// frame it does not check must not take the process down.
		if p := recover(); p != nil {
			b, err = nil, fmt.Errorf("audio: MP3: corrupt stream (decoder panic: %v)", p)
		}
	}()
	// Hide Seek so go-mp3 does not scan the whole stream twice.
	d, err := mp3.NewDecoder(struct{ io.Reader }{bytes.NewReader(data)})
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("audio: MP3: no MPEG audio frame found in %d bytes (starts with %q): %w",
				len(data), printable(data[:min(len(data), 8)]), ErrNoSamples)
		}
		return nil, fmt.Errorf("audio: MP3: %w", err)
	}
	rate := d.SampleRate()
	if rate < MinRate || rate > MaxRate {
		return nil, fmt.Errorf("audio: MP3: sample rate %d Hz outside %d..%d", rate, MinRate, MaxRate)
	}
	// A 64 kbps frame of 576 samples is 192 bytes: estimate from the size but
	// cap the guess, the stream is untrusted.
	out := make([]float32, 0, min(len(data)*4, 1<<22))
	buf := make([]byte, 16<<10)
	for {
		n, rerr := io.ReadFull(d, buf)
		n &^= 3 // whole stereo frames
		if len(out)+n/4 > MaxDecodeSamples {
			return nil, fmt.Errorf("audio: MP3: more than %d samples, refusing to decode", MaxDecodeSamples)
		}
		for i := 0; i < n; i += 4 {
			l := int16(binary.LittleEndian.Uint16(buf[i:]))
			r := int16(binary.LittleEndian.Uint16(buf[i+2:]))
			out = append(out, float32(int32(l)+int32(r))/65536)
		}
		if rerr != nil {
			if errors.Is(rerr, io.EOF) || errors.Is(rerr, io.ErrUnexpectedEOF) {
				break
			}
			return nil, fmt.Errorf("audio: MP3: after %d samples: %w", len(out), rerr)
		}
	}
	out = gap.trim(out)
	if len(out) == 0 {
		return nil, fmt.Errorf("audio: MP3: decoded no samples: %w", ErrNoSamples)
	}
	return &Buffer{Rate: rate, Samples: out}, nil
}

// stripID3 removes leading ID3v2 tags (several may be stacked) and a trailing
// ID3v1 tag. A tag that claims more bytes than the stream has is an error.
func stripID3(data []byte) ([]byte, error) {
	for len(data) >= 10 && string(data[:3]) == "ID3" {
		n, err := id3v2Length(data)
		if err != nil {
			return nil, fmt.Errorf("audio: MP3: %w", err)
		}
		data = data[n:]
	}
	if len(data) >= 128 && string(data[len(data)-128:len(data)-125]) == "TAG" {
		data = data[:len(data)-128]
	}
	return data, nil
}

// id3v2Length returns the length of the ID3v2 tag at the start of data, which
// starts with "ID3" and holds at least 10 bytes: header, body and, in v2.4
// with the footer flag, the 10-byte footer (v2.3 has no footer and leaves
// that flag bit undefined). It fails when the size is not synchsafe, a
// version byte is 0xFF, or the tag runs past the end of data.
func id3v2Length(data []byte) (int, error) {
	size, ok := synchsafe(data[6:10])
	if !ok || data[3] == 0xff || data[4] == 0xff {
		return 0, fmt.Errorf("ID3v2 header: version or size bytes % x invalid (size not syncsafe?)", data[3:10])
	}
	n := 10 + int(size)
	if data[3] == 4 && data[5]&0x10 != 0 {
		n += 10
	}
	if n > len(data) {
		return 0, fmt.Errorf("ID3v2 tag claims %d bytes, stream has %d", n, len(data))
	}
	return n, nil
}

// synchsafe decodes a 4-byte synchsafe integer; ok is false when a byte has
// its top bit set.
func synchsafe(b []byte) (uint32, bool) {
	var v uint32
	for _, c := range b[:4] {
		if c&0x80 != 0 {
			return 0, false
		}
		v = v<<7 | uint32(c)
	}
	return v, true
}

// gapless describes how many decoded samples to drop at the start and how
// many to keep, from a Xing/Info frame and its LAME extension.
type gapless struct {
	skip  int // samples to drop at the start; 0 when there is no info frame
	total int // samples to keep after skip; -1 for all
}

// parseGapless inspects the first frame of data for a Xing/Info frame.
func parseGapless(data []byte) gapless {
	none := gapless{total: -1}
	h, ok := ParseMP3Header(data)
	if !ok {
		return none
	}
	off := 4 + h.SideInfo
	if h.CRC {
		off += 2
	}
	if len(data) < off+8 {
		return none
	}
	if tag := string(data[off : off+4]); tag != "Xing" && tag != "Info" {
		return none
	}
	flags := binary.BigEndian.Uint32(data[off+4:])
	p := off + 8
	frames := -1
	if flags&1 != 0 {
		if len(data) < p+4 {
			return none
		}
		frames = int(binary.BigEndian.Uint32(data[p:]))
		p += 4
	}
	if flags&2 != 0 {
		p += 4
	}
	if flags&4 != 0 {
		p += 100
	}
	if flags&8 != 0 {
		p += 4
	}
	// The info frame decodes to one frame of silence whatever else it holds.
	g := gapless{skip: h.Samples, total: -1}
	if frames < 0 || frames > MaxDecodeSamples/h.Samples || len(data) < p+24 {
		return g
	}
	if lame := string(data[p : p+4]); lame != "LAME" && lame != "Lavf" && lame != "Lavc" {
		return g
	}
	d := data[p+21:]
	delay := int(d[0])<<4 | int(d[1])>>4
	padding := int(d[1]&0x0F)<<8 | int(d[2])
	total := frames*h.Samples - delay - padding
	// Encoders delay by under two frames and pad by under one frame plus
	// the decoder delay; larger values mean a damaged tag.
	if total <= 0 || delay > 3*h.Samples || padding > 3*h.Samples+mp3DecoderDelay {
		return g
	}
	return gapless{skip: h.Samples + delay + mp3DecoderDelay, total: total}
}

// trim applies g to decoded samples.
func (g gapless) trim(s []float32) []float32 {
	s = s[min(g.skip, len(s)):]
	if g.total >= 0 && g.total < len(s) {
		s = s[:g.total]
	}
	return s
}
