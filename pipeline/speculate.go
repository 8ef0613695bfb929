package pipeline

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/narrate-dev/narrate/audio"
)

// Encoding is the slowest stage (LAME runs at about 100x real time here,
// espeak-ng several times faster), and it cannot start before the gain is
// known. But the gain the early level estimate predicts from the first
// minute is almost always the one the whole narration asks for, so encoding
// starts speculatively at that gain, on the other core, while synthesis
// goes on, into a temporary file. At the end the speculation is kept only
// if the gain measured over the whole narration agrees within specTolerance
// (the file is then exactly what a fresh pass would make to within that
// much gain); otherwise it is thrown away and the normal pass runs.

// specTolerance is the largest gain difference (dB) at which the
// speculative encoding is kept.
const specTolerance = 0.1

type speculation struct {
	st            *stitcher
	ctx           context.Context
	cancel        context.CancelFunc
	gain, ceiling float64 // set before the early model is sent
	grew          chan struct{}
	complete      chan struct{} // closed when no more audio will be spooled
	done          chan struct{} // closed when run returns
	file          *os.File
	lufs          float64
	err           error
}

func newSpeculation(st *stitcher) *speculation {
	ctx, cancel := context.WithCancel(st.ctx)
	return &speculation{st: st, ctx: ctx, cancel: cancel,
		grew: make(chan struct{}, 1), complete: make(chan struct{}), done: make(chan struct{})}
}

// poke tells the speculation that the spool grew.
func (sp *speculation) poke() {
	select {
	case sp.grew <- struct{}{}:
	default:
	}
}

// run encodes the spool at sp.gain as it grows until complete is closed and
// everything is read, or until cancelled.
func (sp *speculation) run() {
	defer close(sp.done)
	sp.err = sp.encode()
}

func (sp *speculation) encode() error {
	st, o := sp.st, sp.st.opts
	f, err := os.CreateTemp(o.TempDir, "narrate-encode-*.mp3")
	if err != nil {
		return err
	}
	sp.file = f
	enc, err := audio.NewMP3Encoder(f, audio.MP3Options{Rate: o.SampleRate, Channels: o.Channels, BitrateKbps: o.Bitrate, Quality: o.Quality})
	if err != nil {
		return err
	}
	defer enc.Close()
	var off int64
	// src hands out spooled audio as it arrives, and io.EOF once complete
	// is closed and everything has been read.
	src := func(dst []float32) (int, error) {
		for {
			if total := st.spool.Len(); off < total {
				n, err := st.readSpool(dst, off, total)
				if err != nil {
					return 0, err
				}
				off += int64(n)
				return n, nil
			}
			select {
			case <-sp.grew:
			case <-sp.ctx.Done():
				return 0, sp.ctx.Err()
			case <-sp.complete:
				if off >= st.spool.Len() {
					return 0, io.EOF
				}
			}
		}
	}
	l, err := st.stream(sp.ctx, sp.gain, sp.ceiling, src, enc)
	if err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	sp.lufs = l
	return nil
}

// take finishes the speculation if it was made at gain and ceiling, and
// copies it to out after prefix (the ID3 tag). It reports whether it did;
// false means the caller must encode normally.
func (sp *speculation) take(out io.Writer, prefix []byte, gain, ceiling float64) (bool, float64, error) {
	defer sp.discard()
	if math.Abs(sp.gain-gain) > specTolerance || sp.ceiling != ceiling {
		return false, 0, nil
	}
	close(sp.complete)
	<-sp.done
	if sp.err != nil {
		return false, 0, nil // the normal pass will meet a real problem again
	}
	if _, err := out.Write(prefix); err != nil {
		return false, 0, fmt.Errorf("write: %w", err)
	}
	if _, err := sp.file.Seek(0, io.SeekStart); err != nil {
		return false, 0, err
	}
	if _, err := io.Copy(out, sp.file); err != nil {
		return false, 0, fmt.Errorf("write: %w", err)
	}
	return true, sp.lufs, nil
}

// discard stops the speculation and removes its file.
func (sp *speculation) discard() {
	sp.cancel()
	<-sp.done
	if sp.file != nil {
		sp.file.Close()
		os.Remove(sp.file.Name())
		sp.file = nil
	}
}
