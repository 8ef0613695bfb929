package pipeline

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/lame"
)

// Encoding is the slowest stage (LAME at quality 5 runs at under 200x real
// time on espeak-ng's voice, espeak-ng at about 800x), and it cannot start
// before the gain is known. But the gain the early level estimate predicts
// from the first levelSample seconds is almost always the one the whole
// narration asks for, so encoding starts at that gain while synthesis goes
// on. At the end the early encoding is kept only if the gain measured over
// the whole narration agrees within aheadTolerance, and the render reports
// the gain the file was made with; otherwise it is thrown away and the
// final pass runs. Since the encoder itself uses every core
// (lame.ParallelEncoder), this pays where synthesis leaves cores idle:
// an engine across the network, whose last clip then needs only its own
// stretch encoded, not the whole narration. With local engines, which keep
// the cores busy, it is about even: go test -bench EncodeAhead measured
// (on/off, wall, medians of 3 on 2 shared cores) the seed with espeak-ng at
// 1.08x (runs on 2.8-3.7 s, off 2.5-3.8 s), with flite at 0.98x, and a
// 3-hour narration with the fake engine at 0.94x (CPU 75 s on, 80 s off).
// No CPU is spent twice unless the loudness after the first minute moves
// the gain.

// aheadTolerance is the largest gain difference (dB) at which the early
// encoding is kept.
const aheadTolerance = 0.1

// encodeAhead runs a master chain from a reader into a sink in a goroutine
// of its own: the reader may still be growing. Its chain is fixed when it
// starts; its result is read with wait, after which the sink is closed.
type encodeAhead struct {
	chain  masterChain
	cancel context.CancelFunc
	done   chan struct{} // closed when lufs and err are final
	lufs   float64       // integrated loudness written, before encoding
	err    error
}

// startEncodeAhead starts reading src through chain into sink, which it
// closes when src ends or fails. Cancelling ctx stops it. read, if not
// nil, is told how many samples have been read, from its goroutine.
func startEncodeAhead(ctx context.Context, src audio.Source, chain masterChain, sink audio.Sink, read func(int64)) *encodeAhead {
	ctx, cancel := context.WithCancel(ctx)
	e := &encodeAhead{chain: chain, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(e.done)
		l, err := chain.run(ctx, src, sink, read)
		if err != nil {
			abortSink(sink)
		}
		if cerr := sink.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("finish encoding: %w", cerr)
		}
		e.lufs, e.err = l, err
	}()
	return e
}

// matches reports whether the encoding is what a final pass with chain
// would make, to within aheadTolerance of gain.
func (e *encodeAhead) matches(chain masterChain) bool {
	return e.chain.limit == chain.limit && e.chain.ceiling == chain.ceiling &&
		math.Abs(e.chain.gainDB-chain.gainDB) <= aheadTolerance
}

// wait waits for the end of the reader and returns the loudness written.
func (e *encodeAhead) wait() (float64, error) {
	<-e.done
	return e.lufs, e.err
}

// stop cancels the encoding and waits for its goroutine to end.
func (e *encodeAhead) stop() {
	e.cancel()
	<-e.done
}

// aheadMP3 is an early MP3 encoding of the narration into a temporary file,
// without the ID3 tag, which needs the chapters.
type aheadMP3 struct {
	*encodeAhead
	file *os.File
}

// startAheadMP3 starts encoding src at chain into a temporary file in dir;
// read is as for startEncodeAhead.
func startAheadMP3(ctx context.Context, dir string, src audio.Source, chain masterChain, mp3 lame.Options, read func(int64)) (*aheadMP3, error) {
	f, err := os.CreateTemp(dir, "narrate-encode-*.mp3")
	if err != nil {
		return nil, err
	}
	enc, err := lame.NewParallelEncoder(f, mp3, lame.ParallelOptions{})
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &aheadMP3{encodeAhead: startEncodeAhead(ctx, src, chain, enc, read), file: f}, nil
}

// copyTo copies the finished encoding (see wait) to out after prefix.
func (a *aheadMP3) copyTo(out io.Writer, prefix []byte) error {
	if _, err := out.Write(prefix); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if _, err := a.file.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("early encoding: %w", err)
	}
	if _, err := io.Copy(out, a.file); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// discard stops the encoding and removes its file.
func (a *aheadMP3) discard() {
	a.stop()
	a.file.Close()
	os.Remove(a.file.Name())
}
