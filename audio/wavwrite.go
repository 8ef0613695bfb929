package audio

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	goaudio "github.com/go-audio/audio"
	"github.com/go-audio/wav"
)

// maxWAVData is the largest data chunk a RIFF file can describe (the RIFF size
// field counts 36 header bytes too).
const maxWAVData = 0xFFFFFFFF - 36

// WriteWAV writes b as a mono 16-bit PCM WAV file through go-audio/wav's
// encoder. Samples are rounded to the nearest step and clipped to full scale
// (no dither, so output is deterministic). When w is not an io.WriteSeeker the
// file is assembled in memory (2 bytes a sample) and then copied to w. It
// fails for an invalid buffer or more than 4 GiB of data.
func WriteWAV(w io.Writer, b *Buffer) error {
	if err := b.Validate(); err != nil {
		return fmt.Errorf("audio: write WAV: %w", err)
	}
	if int64(len(b.Samples))*2 > maxWAVData {
		return fmt.Errorf("audio: write WAV: %d samples exceed the 4 GiB RIFF limit", len(b.Samples))
	}
	ws, seekable := w.(io.WriteSeeker)
	var mem *seekBuffer
	if !seekable {
		mem = &seekBuffer{b: make([]byte, 0, 44+2*len(b.Samples))}
		ws = mem
	}
	ww, err := NewWAVWriter(ws, b.Rate, 1)
	if err != nil {
		return err
	}
	if err := ww.Write(b.Samples); err != nil {
		return err
	}
	if err := ww.Close(); err != nil {
		return err
	}
	if mem != nil {
		if _, err := w.Write(mem.b); err != nil {
			return fmt.Errorf("audio: write WAV: %w", err)
		}
	}
	return nil
}

// WAVWriter streams 16-bit PCM to a WAV file whose length is not known in
// advance, through go-audio/wav's Encoder: the header goes out with
// placeholder sizes and Close seeks back to fill them in, so the destination
// must be seekable (an *os.File). Unlike the bare Encoder it may start at any
// offset of w, checks the 4 GiB RIFF limit, writes chapter cue points, wraps
// write errors with %w, and does not fsync (the caller decides that).
type WAVWriter struct {
	enc      *wav.Encoder
	dst      *offsetSeeker
	channels int
	data     int64 // data bytes written
	pcm      goaudio.IntBuffer
	err      error // sticky write error
	closed   bool
	cues     []Cue
}

// WAVInfo is what a WAV file says about itself in its LIST/INFO chunk
// (RIFF INFO tags: INAM, IART, IPRD, ICRD, ICMT, ISFT), which ffprobe, audio
// editors and file managers show. Empty fields are left out.
type WAVInfo struct {
	Title   string // INAM
	Artist  string // IART: the byline
	Album   string // IPRD: the publication
	Date    string // ICRD: YYYY-MM-DD
	Comment string // ICMT
	// Software names the program that made the file (ISFT).
	Software string
}

// SetInfo makes Close write info as a LIST/INFO chunk after the audio.
func (ww *WAVWriter) SetInfo(info WAVInfo) {
	ww.enc.Metadata = &wav.Metadata{
		Title: infoText(info.Title), Artist: infoText(info.Artist), Product: infoText(info.Album),
		CreationDate: infoText(info.Date), Comments: infoText(info.Comment), Software: infoText(info.Software),
	}
}

// infoText makes s an INFO value go-audio/wav writes correctly: valid
// UTF-8 without NUL, and of an odd length in bytes. go-audio/wav writes
// each value with one NUL and no pad byte, so a value of even length would
// leave the next sub-chunk off the word boundary RIFF requires (ffmpeg
// recovers by reading again from the unpadded offset; stricter readers lose
// every tag after it). A second NUL inside the value's own size keeps the
// alignment, and readers stop at the first.
func infoText(s string) string {
	s = strings.ToValidUTF8(strings.ReplaceAll(strings.TrimSpace(s), "\x00", ""), "")
	if s != "" && len(s)%2 == 0 {
		s += "\x00"
	}
	return s
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
	// The Encoder seeks to absolute offsets; shifting them lets the file
	// start anywhere, and hiding the *os.File keeps the Encoder from syncing.
	dst := &offsetSeeker{w: w, base: start}
	enc := wav.NewEncoder(dst, rate, 16, channels, wavFormatPCM)
	ww := &WAVWriter{
		enc:      enc,
		dst:      dst,
		channels: channels,
		pcm:      goaudio.IntBuffer{Format: &goaudio.Format{NumChannels: channels, SampleRate: rate}, SourceBitDepth: 16},
	}
	// An empty write puts out the header and the data chunk's, so a failing
	// destination shows here and Close always has a header to patch.
	if err := enc.Write(&ww.pcm); err != nil {
		return nil, ww.wrap("header", err)
	}
	return ww, nil
}

// Write appends mono samples, rounded and clipped to 16 bits and copied to
// every channel. After a failed Write, later calls return the same error.
func (ww *WAVWriter) Write(mono []float32) error {
	if ww.closed {
		return errors.New("audio: WAV writer: write after Close")
	}
	if ww.err != nil {
		return ww.err
	}
	frame := 2 * ww.channels
	if ww.data+int64(len(mono)*frame) > maxWAVData {
		ww.err = errors.New("audio: WAV writer: output would exceed the 4 GiB RIFF limit")
		return ww.err
	}
	const chunk = 16 << 10
	for len(mono) > 0 {
		k := min(len(mono), chunk)
		d := ww.pcm.Data[:0]
		for _, x := range mono[:k] {
			v := int(toInt16(x))
			for range ww.channels {
				d = append(d, v)
			}
		}
		ww.pcm.Data = d
		if err := ww.enc.Write(&ww.pcm); err != nil {
			ww.err = ww.wrap(fmt.Sprintf("data after %d bytes", ww.data), err)
			return ww.err
		}
		ww.data += int64(k * frame)
		mono = mono[k:]
	}
	return nil
}

// Close writes the cue points, has the Encoder fill in the RIFF and data
// sizes, and leaves w positioned at its end. It does not close w.
func (ww *WAVWriter) Close() error {
	if ww.closed {
		return nil
	}
	ww.closed = true
	if ww.err != nil {
		return ww.err
	}
	if cues := ww.cueChunks(); len(cues) > 0 {
		if ww.data+int64(len(cues)) > maxWAVData {
			return errors.New("audio: WAV writer: cue points would exceed the 4 GiB RIFF limit")
		}
		if err := ww.enc.AddLE(cues); err != nil {
			return ww.wrap("cues", err)
		}
	}
	if err := ww.enc.Close(); err != nil {
		return ww.wrap("close", err)
	}
	return nil
}

// wrap describes an error from the Encoder. The Encoder formats some errors
// of w with %v, which loses them for errors.Is; the error w itself returned
// is wrapped instead when there is one, so a full disk stays ENOSPC.
func (ww *WAVWriter) wrap(stage string, err error) error {
	if ww.dst.err != nil {
		err = ww.dst.err
	}
	return fmt.Errorf("audio: WAV writer: %s: %w", stage, err)
}

// cueChunks returns the "cue " and LIST/adtl chunks for ww.cues, or nothing
// when no cue falls inside the data.
func (ww *WAVWriter) cueChunks() []byte {
	frames := ww.data / int64(2*ww.channels)
	var cues []Cue
	for _, c := range ww.cues {
		if c.Sample >= 0 && c.Sample <= frames && c.Sample <= math.MaxUint32 {
			cues = append(cues, c)
		}
	}
	if len(cues) == 0 {
		return nil
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
	return append(b, adtl...)
}

// offsetSeeker shows the Encoder the part of w from base on as a whole file,
// and keeps the first error w returned.
type offsetSeeker struct {
	w    io.WriteSeeker
	base int64
	err  error
}

func (o *offsetSeeker) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil && o.err == nil {
		o.err = err
	}
	return n, err
}

func (o *offsetSeeker) Seek(off int64, whence int) (int64, error) {
	if whence == io.SeekStart {
		off += o.base
	}
	pos, err := o.w.Seek(off, whence)
	if err != nil && o.err == nil {
		o.err = err
	}
	return pos - o.base, err
}

// seekBuffer is an in-memory io.WriteSeeker, for WriteWAV to a plain writer.
type seekBuffer struct {
	b   []byte
	off int
}

func (s *seekBuffer) Write(p []byte) (int, error) {
	if end := s.off + len(p); end > len(s.b) {
		s.b = append(s.b, make([]byte, end-len(s.b))...)
	}
	n := copy(s.b[s.off:], p)
	s.off += n
	return n, nil
}

func (s *seekBuffer) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekCurrent:
		off += int64(s.off)
	case io.SeekEnd:
		off += int64(len(s.b))
	}
	if off < 0 {
		return 0, errors.New("audio: seek before the start of the buffer")
	}
	s.off = int(off)
	return off, nil
}
