package audiotest

import (
	"errors"
	"io"
	"testing"
	"time"
)

// Sink is the method set of audio.Sink, which every audio.Sink has; it is
// repeated here so that package audio's own tests can use this package.
type Sink interface {
	Write(s []float32) error
	Close() error
}

// TestSink checks that the sinks open makes keep the contract on
// audio.Sink's doc comment: Write takes any length, including none, and
// does not keep its slice; a failed Write is sticky; Close reports the
// stream's first error, a second Close does nothing, and Write after Close
// fails. open must make a Sink for 24 kHz mono on w; it is called once
// with a destination that takes everything and once with one that fills
// up after 2 KB (FullAfter). A sink that should be checked on a
// destination that cannot seek hides w's Seek: struct{ io.Writer }{w}.
func TestSink(t *testing.T, open func(w io.WriteSeeker) (Sink, error)) {
	t.Helper()
	src := Sine(24000, 440, 2*time.Second, 0.5)
	s, err := open(FullAfter(1 << 30))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(nil); err != nil {
		t.Errorf("Write(nil) = %v", err)
	}
	buf := append([]float32(nil), src...)
	if err := s.Write(buf); err != nil {
		t.Fatal(err)
	}
	clear(buf) // the sink must not keep it
	if err := s.Close(); err != nil {
		t.Fatalf("Close = %v", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v, want nil", err)
	}
	if err := s.Write(src[:10]); err == nil {
		t.Error("Write after Close: no error")
	}

	// A destination that fills up after 2 KB.
	s, err = open(FullAfter(2048))
	if err != nil {
		t.Fatal(err)
	}
	var first error
	for i := 0; i < 20 && first == nil; i++ {
		first = s.Write(src)
	}
	if !errors.Is(first, ErrFull) {
		t.Fatalf("writing past a full destination: %v, want ErrFull", first)
	}
	if err := s.Write(src[:10]); !errors.Is(err, ErrFull) {
		t.Errorf("Write after a failed Write = %v, want the same error", err)
	}
	if err := s.Close(); !errors.Is(err, ErrFull) {
		t.Errorf("Close after a failed Write = %v, want the stream's error", err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close = %v, want nil", err)
	}
}

// ErrFull is what a FullAfter destination returns once it is full.
var ErrFull = errors.New("audiotest: destination full")

// FullAfter returns a Disk that takes n bytes, then fails with ErrFull.
func FullAfter(n int) *Disk { return &Disk{n: n} }

// Disk is an in-memory io.WriteSeeker that may fill up: after the number
// of bytes it was made for, Write takes what still fits and fails with
// ErrFull. Every byte written counts, also one written over another.
type Disk struct {
	data []byte
	pos  int64
	n    int // bytes it still takes
}

// Bytes is what was written, as a file would hold it.
func (f *Disk) Bytes() []byte { return f.data }

// Write writes p at the current offset; see Disk for when it fails.
func (f *Disk) Write(p []byte) (int, error) {
	k := min(len(p), f.n)
	f.n -= k
	if end := f.pos + int64(k); end > int64(len(f.data)) {
		f.data = append(f.data, make([]byte, end-int64(len(f.data)))...)
	}
	copy(f.data[f.pos:], p[:k])
	f.pos += int64(k)
	if k < len(p) {
		return k, ErrFull
	}
	return k, nil
}

// Seek sets the offset for the next Write, as io.Seeker says.
func (f *Disk) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekCurrent:
		off += f.pos
	case io.SeekEnd:
		off += int64(len(f.data))
	}
	if off < 0 {
		return 0, errors.New("audiotest: negative seek")
	}
	f.pos = off
	return off, nil
}
