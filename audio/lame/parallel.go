package lame

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/narrate-dev/narrate/audio"
)

// ParallelEncoder streams mono float samples to an MP3 like Encoder,
// but encodes stretches of the stream on several cores at once. LAME runs
// at under 200x real time on speech, the slowest stage of a narration by
// far, and one LAME cannot use more than one core.
//
// The stream is cut where the input is silent: after at least MinSegment
// samples, at the first run of exactly zero samples long enough to hold
// the cut (0.19 to 0.22 s at 24 kHz; narrate's pauses between sentences and
// paragraphs are such runs). Each stretch is encoded by its own LAME, and
// the stretches are joined frame to frame into one stream with one Info
// frame, so that the decoded file has exactly the input's length and every
// sample where a single encoder would put it:
//
//   - a stretch's encoder sees its input up to the cut point P, where the
//     zeros have run for a margin of three granules, and pads it with zeros
//     to whole frames, as LAME always does at the end of a stream;
//   - the next stretch starts at the first sample its frames must stand
//     for: the previous stretch's start plus its frame count times the
//     samples per frame. What lies between (the padding, and the next
//     encoder's start-up delay) is silence in the input too, and the cut
//     is placed only where the zeros run at least a margin past that point;
//   - each stretch's first frame needs no bits from before it (a new
//     encoder's bit reservoir is empty), and decoders carry their filter
//     state across the join, which holds only silence there.
//
// Where the cut points fall depends on the samples alone, never on the
// number of workers or on timing, so the output is the same bytes however
// many cores do the work. A stream with no such silence is one stretch: the same bytes as
// Encoder's, made on one core.
//
// The Info frame (frame count, byte count, seek table, delay, padding and
// the LAME tag's checksums) is written for the joined stream when w is
// seekable, as Encoder does; when it is not, none is written.
//
// Write hands samples to the stretch's encoder and returns; it blocks only
// when Workers stretches are being encoded and the newest has a full queue,
// so memory stays bounded (about Workers times twice MinSegment of
// samples: 7.7 MB on two cores at 24 kHz by default). Close
// waits for every stretch and writes them in order. Like Encoder it is
// not safe for concurrent use.
type ParallelEncoder struct {
	opts   Options // as given, for each stretch's encoder
	spf    int     // samples per frame
	minSeg int64
	w      io.Writer
	ws     io.WriteSeeker // nil when not seekable
	start  int64          // offset of the first frame in ws
	slots  chan struct{}  // one per stretch being encoded
	queue  int            // chunks a stretch's queue holds
	chunk  []float32      // samples for cur not sent yet
	cur    *mp3Stretch
	fed    int64 // samples sent or buffered for cur
	run    int64 // zeros at the end of cur's input (fed and held)
	held   int64 // zeros seen after the margin, not yet fed to cur
	err    error
	closed bool

	aborted atomic.Bool // Abort was called: encoders drop their input

	encoders sync.WaitGroup // one per stretch encoder running

	mu       sync.Mutex    // guards what follows, and writes to w
	stretch  []*mp3Stretch // in stream order; nil once written to w
	head     int           // first stretch not yet wholly written to w
	frames   int           // audio frames of the finished stretches
	tag      []byte        // the first stretch's Info frame from LAME
	failed   error         // the first error of a stretch or of w; nothing more is written
	outBytes int64
	crc      uint16 // CRC-16 of the audio frames written after the Info frame
	infoLen  int    // bytes of the reserved Info frame, excluded from crc
}

// ParallelOptions configures a ParallelEncoder.
type ParallelOptions struct {
	// Workers is how many stretches are encoded at once; 0 means
	// runtime.GOMAXPROCS(0). It changes only the speed, never the bytes.
	Workers int
	// MinSegment is the shortest stretch, in samples, before a cut is
	// looked for; 0 means 10 seconds. It changes the bytes (where the cuts
	// fall); a longer one means fewer cuts and less parallel work.
	MinSegment int64
}

// Stretch geometry, in samples. A granule is 576 samples at every rate.
const (
	granule   = 576
	encDelay  = 576         // LAME's encoder delay (ENCDELAY), the Info frame's "delay"
	cutMargin = 3 * granule // zeros kept on each side of the join
)

// mp3Stretch is one stretch of the stream and its encoder's output.
type mp3Stretch struct {
	in      chan []float32 // closed when the stretch's input ends
	buf     bytes.Buffer   // output not yet written to w
	direct  bool           // output goes straight to w (it is the head)
	done    bool           // the encoder finished (output complete)
	first   bool           // the first stretch: it reserves the Info frame
	padding int            // LAME's padding after the stretch
	err     error
}

// NewParallelEncoder starts an MP3 stream on w encoded by several LAME
// encoders at once; see ParallelEncoder.
func NewParallelEncoder(w io.Writer, opts Options, p ParallelOptions) (*ParallelEncoder, error) {
	norm, err := opts.normalize()
	if err != nil {
		return nil, err
	}
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	minSeg := p.MinSegment
	if minSeg <= 0 {
		minSeg = int64(10 * norm.Rate)
	}
	// A stretch's queue holds twice the shortest stretch, so that the
	// writer can usually hand over a whole stretch and go on to the next
	// while its encoder works: what keeps the workers busy at once.
	queue := int(min(2*minSeg/encodeChunk+1, 1024))
	e := &ParallelEncoder{opts: opts, spf: granule, minSeg: minSeg, w: w, slots: make(chan struct{}, workers), queue: queue}
	if norm.Rate >= 32000 {
		e.spf = 2 * granule // MPEG-1: two granules per frame
	}
	e.ws, e.start = seekableAt(w)
	if err := e.startStretch(); err != nil {
		return nil, err
	}
	return e, nil
}

// endPadding is the padding LAME adds after n samples: to whole frames, and
// at least one granule (lame_encode_flush).
func (e *ParallelEncoder) endPadding(n int64) int64 {
	x := encDelay + n
	pad := int64(e.spf) - x%int64(e.spf)
	if pad < granule {
		pad += int64(e.spf)
	}
	return pad
}

// startStretch begins a new stretch and its encoder, waiting for a slot.
// On error there is no current stretch.
func (e *ParallelEncoder) startStretch() error {
	e.cur = nil
	e.slots <- struct{}{}
	s := &mp3Stretch{in: make(chan []float32, e.queue)}
	e.mu.Lock()
	s.first = len(e.stretch) == 0
	e.mu.Unlock()
	mode := tagNone
	if s.first && e.ws != nil {
		mode = tagReserve
	}
	// LAME writes nothing before the first samples: the stretch can join
	// the stream once its encoder exists.
	enc, err := newEncoder(&stretchWriter{e: e, s: s}, e.opts, mode)
	if err != nil {
		<-e.slots
		return err
	}
	e.mu.Lock()
	e.stretch = append(e.stretch, s)
	e.advance()
	e.mu.Unlock()
	e.cur, e.fed, e.run, e.held = s, 0, 0, 0
	e.encoders.Add(1)
	go e.encode(s, enc)
	return nil
}

// encode runs one stretch's encoder until its input ends.
func (e *ParallelEncoder) encode(s *mp3Stretch, enc *Encoder) {
	var err error
	for c := range s.in {
		if err == nil && e.aborted.Load() {
			err = errAborted
		}
		if err == nil {
			err = enc.Write(c)
		}
		chunkPool.Put(&c)
	}
	if err != nil {
		enc.finish() // frees the encoder; the error is the Write's
	} else {
		err = enc.finish()
	}
	e.mu.Lock()
	s.err, s.done, s.padding = err, true, enc.padding
	e.frames += enc.frames
	if s.first {
		e.tag = enc.tagFrame
	}
	if err != nil && e.failed == nil {
		e.failed = err
	}
	e.advance()
	e.mu.Unlock()
	<-e.slots
	e.encoders.Done()
}

// advance writes finished stretches in order and lets the next one write
// straight to w. Called with mu held.
func (e *ParallelEncoder) advance() {
	for e.head < len(e.stretch) {
		s := e.stretch[e.head]
		if !s.direct {
			s.direct = true
			e.emit(s.buf.Bytes())
			s.buf = bytes.Buffer{}
		}
		if !s.done {
			return
		}
		e.stretch[e.head] = nil // written: let its queue and buffer go
		e.head++
	}
}

// emit writes encoded bytes to w in stream order. Called with mu held.
func (e *ParallelEncoder) emit(b []byte) {
	if e.failed != nil || len(b) == 0 {
		return
	}
	if _, err := e.w.Write(b); err != nil {
		e.failed = fmt.Errorf("audio: MP3 encoder: write: %w", err)
		return
	}
	// The music CRC of the LAME tag covers the audio frames, not the Info
	// frame the first stretch reserved at its start.
	if e.outBytes == 0 && e.ws != nil {
		e.infoLen = frameLength(b)
	}
	skip := 0
	if e.outBytes < int64(e.infoLen) {
		skip = int(min(int64(len(b)), int64(e.infoLen)-e.outBytes))
	}
	e.crc = crc16(e.crc, b[skip:])
	e.outBytes += int64(len(b))
}

// stretchWriter is a stretch encoder's destination: a buffer until the
// stretch is the head of the stream, then w itself.
type stretchWriter struct {
	e *ParallelEncoder
	s *mp3Stretch
}

func (w *stretchWriter) Write(b []byte) (int, error) {
	w.e.mu.Lock()
	defer w.e.mu.Unlock()
	if w.s.direct {
		w.e.emit(b)
		if w.e.failed != nil {
			return 0, w.e.failed
		}
		return len(b), nil
	}
	return w.s.buf.Write(b)
}

// Write encodes mono samples; see audio.Sink for the contract.
func (e *ParallelEncoder) Write(s []float32) error {
	if e.closed {
		return errors.New("audio: MP3 encoder: write after Close")
	}
	if e.err != nil {
		return e.err
	}
	for i := 0; i < len(s); {
		if s[i] == 0 {
			if err := e.push(0); err != nil {
				e.err = err
				return err
			}
			i++
			continue
		}
		// Sound, up to the next zero: it ends any run of zeros and goes
		// to the current stretch as it is.
		k := i + 1
		for k < len(s) && s[k] != 0 {
			k++
		}
		if err := e.release(); err != nil {
			e.err = err
			return err
		}
		e.run = 0
		if err := e.feedAll(s[i:k]); err != nil {
			e.err = err
			return err
		}
		i = k
	}
	return nil
}

// feedAll feeds samples to the current stretch.
func (e *ParallelEncoder) feedAll(s []float32) error {
	for len(s) > 0 {
		if e.chunk == nil {
			e.chunk = (*chunkPool.Get().(*[]float32))[:0]
		}
		n := min(len(s), cap(e.chunk)-len(e.chunk))
		e.chunk = append(e.chunk, s[:n]...)
		e.fed += int64(n)
		s = s[n:]
		if len(e.chunk) == cap(e.chunk) {
			if err := e.sendChunk(); err != nil {
				return err
			}
		}
	}
	return nil
}

// push takes one zero sample: it is fed to the current stretch, held back
// when it extends a run of zeros past the margin, or ends the stretch when
// the run is long enough to cut.
func (e *ParallelEncoder) push(x float32) error {
	e.run++
	if e.run <= cutMargin {
		return e.feed(x)
	}
	e.held++
	// The cut point P is where the stretch's input ends: its run of zeros
	// has reached the margin. The next stretch starts where P's frames end,
	// and the zeros must reach a margin past that.
	p := e.fed
	gap := encDelay + e.endPadding(p) // samples from P to the next stretch's start
	if p < e.minSeg || e.held < gap+cutMargin {
		return nil
	}
	// The zeros past the next stretch's start are its first samples.
	n := e.held - gap
	if err := e.endStretch(); err != nil {
		return err
	}
	if err := e.startStretch(); err != nil {
		return err
	}
	for range n {
		e.run++
		if err := e.feed(0); err != nil {
			return err
		}
	}
	return nil
}

// release feeds the zeros held back: the run ended before a cut.
func (e *ParallelEncoder) release() error {
	for ; e.held > 0; e.held-- {
		if err := e.feed(0); err != nil {
			return err
		}
	}
	return nil
}

func (e *ParallelEncoder) feed(x float32) error {
	if e.chunk == nil {
		e.chunk = (*chunkPool.Get().(*[]float32))[:0]
	}
	e.chunk = append(e.chunk, x)
	e.fed++
	if len(e.chunk) == cap(e.chunk) {
		return e.sendChunk()
	}
	return nil
}

// sendChunk hands the samples gathered for the current stretch to its
// encoder, after checking that no stretch has failed.
func (e *ParallelEncoder) sendChunk() error {
	if len(e.chunk) == 0 {
		return nil
	}
	e.mu.Lock()
	err := e.failed
	e.mu.Unlock()
	if err != nil {
		return err
	}
	e.cur.in <- e.chunk // its encoder reads until the channel is closed
	e.chunk = nil
	return nil
}

// endStretch closes the current stretch's input, if there is one; then
// there is none.
func (e *ParallelEncoder) endStretch() error {
	if e.cur == nil {
		return nil
	}
	err := e.sendChunk()
	close(e.cur.in)
	e.cur = nil
	return err
}

// chunkPool recycles the chunks that carry samples to the encoders: a
// render moves its whole narration through them.
var chunkPool = sync.Pool{New: func() any { c := make([]float32, 0, encodeChunk); return &c }}

// errAborted is what Close returns after Abort.
var errAborted = errors.New("audio: MP3 encoder: aborted")

// Abort makes the encoders drop what they have not encoded yet, so that a
// Close that follows returns at once, with an error, instead of finishing
// the stream. A caller that stops a stream it will throw away (a cancelled
// render) calls Abort, then Close. It is safe to call from any goroutine.
func (e *ParallelEncoder) Abort() { e.aborted.Store(true) }

// Close feeds the held zeros to the last stretch, waits for every stretch,
// writes the Info frame for the joined stream when w is seekable and
// leaves w positioned at the end. It does not close w. After an error (or
// Abort) the encoders drop what is queued, and Close returns the error.
func (e *ParallelEncoder) Close() error {
	if e.closed {
		return nil
	}
	e.closed = true
	err := e.err
	if err == nil && e.aborted.Load() {
		err = errAborted
	}
	if err == nil {
		err = e.release()
	}
	last := e.cur
	if serr := e.endStretch(); err == nil {
		err = serr
	}
	if err != nil {
		e.aborted.Store(true) // the output is incomplete: do not finish it
	}
	e.encoders.Wait()
	if err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.failed != nil {
		return e.failed
	}
	if e.ws == nil || e.tag == nil {
		return nil
	}
	tag := e.tag
	if len(e.stretch) == 1 {
		// LAME's own Info frame describes the stream: Encoder's bytes.
	} else if len(tag) != e.infoLen {
		return fmt.Errorf("audio: MP3 encoder: info frame of %d bytes in a slot of %d", len(tag), e.infoLen)
	} else if err := patchInfoFrame(tag, e.frames, e.outBytes, e.crc, last.padding); err != nil {
		return fmt.Errorf("audio: MP3 encoder: info frame: %w", err)
	}
	return writeInfoFrame(e.ws, e.start, tag)
}

// patchInfoFrame rewrites, in the Info frame LAME made for the first
// stretch, what describes the whole stream: the frame and byte counts, the
// seek table (linear: every frame has the same size), the padding, the
// music length and CRC, and the tag's own CRC. The layout is the Xing
// header after the side information, then the LAME extension.
func patchInfoFrame(tag []byte, frames int, bytes int64, musicCRC uint16, padding int) error {
	h, ok := audio.ParseMP3Header(tag)
	if !ok {
		return errors.New("no frame header")
	}
	x := 4 + h.SideInfo
	if h.CRC {
		x += 2
	}
	const xingLen = 4 + 4 + 4 + 4 + 100 + 4 // id, flags, frames, bytes, TOC, quality
	const lameLen = 36
	if len(tag) < x+xingLen+lameLen || string(tag[x:x+4]) != "Info" || binary.BigEndian.Uint32(tag[x+4:]) != 0x0F {
		return fmt.Errorf("not a LAME Info frame with frames, bytes, TOC and quality")
	}
	l := x + xingLen
	if string(tag[l:l+4]) != "LAME" {
		return errors.New("no LAME extension")
	}
	if bytes > 1<<32-1 || padding > 0xFFF || padding < 0 {
		return fmt.Errorf("%d bytes, padding %d do not fit the tag", bytes, padding)
	}
	binary.BigEndian.PutUint32(tag[x+8:], uint32(frames))
	binary.BigEndian.PutUint32(tag[x+12:], uint32(bytes))
	info := int64(len(tag))
	for i := range 100 {
		// The byte offset of the point i% into the audio, over 256.
		pos := info + (bytes-info)*int64(i)/100
		tag[x+16+i] = byte(min(255, pos*256/bytes))
	}
	tag[l+22] = tag[l+22]&0xF0 | byte(padding>>8)
	tag[l+23] = byte(padding)
	binary.BigEndian.PutUint32(tag[l+28:], uint32(bytes))
	binary.BigEndian.PutUint16(tag[l+32:], musicCRC)
	binary.BigEndian.PutUint16(tag[l+34:], crc16(0, tag[:l+34]))
	return nil
}

// frameLength is the length in bytes of the layer III frame whose header
// starts b, 0 when b does not start with one.
func frameLength(b []byte) int {
	h, ok := audio.ParseMP3Header(b)
	if !ok {
		return 0
	}
	return h.FrameLen()
}

// crc16 continues a CRC-16/ARC (the LAME tag's checksum: polynomial 0x8005
// reflected, initial value 0) over b.
func crc16(crc uint16, b []byte) uint16 {
	for _, c := range b {
		crc = crc>>8 ^ crc16Table[byte(crc)^c]
	}
	return crc
}

var crc16Table = func() (t [256]uint16) {
	for i := range t {
		c := uint16(i)
		for range 8 {
			if c&1 != 0 {
				c = c>>1 ^ 0xA001
			} else {
				c >>= 1
			}
		}
		t[i] = c
	}
	return t
}()

var _ audio.Sink = (*ParallelEncoder)(nil)
