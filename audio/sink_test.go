package audio

import (
	"errors"
	"io"
	"testing"
	"time"
)

// failSeeker is an in-memory io.WriteSeeker that takes n bytes, then fails.
type failSeeker struct {
	data []byte
	pos  int64
	n    int
}

func (f *failSeeker) Write(p []byte) (int, error) {
	k := min(len(p), f.n)
	f.n -= k
	if end := f.pos + int64(k); end > int64(len(f.data)) {
		f.data = append(f.data, make([]byte, end-int64(len(f.data)))...)
	}
	copy(f.data[f.pos:], p[:k])
	f.pos += int64(k)
	if k < len(p) {
		return k, errDiskFull
	}
	return k, nil
}

func (f *failSeeker) Seek(off int64, whence int) (int64, error) {
	switch whence {
	case io.SeekCurrent:
		off += f.pos
	case io.SeekEnd:
		off += int64(len(f.data))
	}
	if off < 0 {
		return 0, errors.New("negative seek")
	}
	f.pos = off
	return off, nil
}

// Every Sink keeps the contract on its doc comment: a failed Write is
// sticky, Close reports the stream's first error, a second Close does
// nothing, and Write after Close fails.
func TestSinkContract(t *testing.T) {
	src := codecSine(24000, 440, 2*time.Second, 0.5).Samples
	sinks := map[string]func(budget int) (Sink, error){
		"mp3": func(budget int) (Sink, error) {
			return NewMP3Encoder(&failSeeker{n: budget}, MP3Options{Rate: 24000})
		},
		"mp3 unseekable": func(budget int) (Sink, error) {
			return NewMP3Encoder(&failWriter{n: budget}, MP3Options{Rate: 24000})
		},
		"wav": func(budget int) (Sink, error) {
			return NewWAVWriter(&failSeeker{n: budget}, 24000, 1)
		},
	}
	for name, open := range sinks {
		t.Run(name, func(t *testing.T) {
			s, err := open(1 << 30)
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
			s, err = open(2048)
			if err != nil {
				t.Fatal(err)
			}
			var first error
			for i := 0; i < 20 && first == nil; i++ {
				first = s.Write(src)
			}
			if !errors.Is(first, errDiskFull) {
				t.Fatalf("writing past a full disk: %v, want disk full", first)
			}
			if err := s.Write(src[:10]); !errors.Is(err, errDiskFull) {
				t.Errorf("Write after a failed Write = %v, want the same error", err)
			}
			if err := s.Close(); !errors.Is(err, errDiskFull) {
				t.Errorf("Close after a failed Write = %v, want the stream's error", err)
			}
			if err := s.Close(); err != nil {
				t.Errorf("second Close = %v, want nil", err)
			}
		})
	}
}
