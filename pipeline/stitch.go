package pipeline

import (
	"context"
	"fmt"
	"io"
	"math"
	"sync/atomic"
	"time"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/lame"
	"github.com/narrate-dev/narrate/tts"
)

// stitcher puts a render's audio together: the assembler lays the clips
// out, the level estimate (level.go) starts once levelSample seconds are
// laid, an MP3 starts encoding ahead (encodeahead.go) at the gain it
// predicts, and finish either keeps that encoding or runs the final pass
// (master.go) into a sink. Its methods are called from the rendering
// goroutine only; the estimate and the early encoding run in goroutines of
// their own that share nothing mutable with it but the spool (read through
// tail) and what they publish through early.done.
type stitcher struct {
	ctx      context.Context // the render's; cancelled by close
	cancel   context.CancelFunc
	opts     Options
	level    levelParams
	asm      *assembler
	warnings []string
	notes    map[string]bool
	early    *earlyLevel // nil until levelSample seconds are laid
	ahead    bool        // start encoding MP3 at the early estimate's gain
	// encoded counts the samples the early encoding has read, for
	// progress; its goroutine writes it.
	encoded atomic.Int64
}

// earlyLevel is the level estimate made while synthesis goes on, and the
// MP3 encoding started from it. Its fields are written by its goroutine
// before done is closed and read only after.
type earlyLevel struct {
	done  chan struct{}
	model levelModel
	err   error
	ahead *aheadMP3 // nil when not started
}

func newStitcher(ctx context.Context, opts Options, encodeAhead bool) (*stitcher, error) {
	asm, err := newAssembler(opts)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	return &stitcher{ctx: ctx, cancel: cancel, opts: opts, level: levelParamsOf(opts), asm: asm, notes: map[string]bool{}, ahead: encodeAhead}, nil
}

// close stops the work in the background and removes temporary files.
func (st *stitcher) close() {
	st.cancel()
	st.asm.seal()
	if e := st.early; e != nil {
		<-e.done // it reads the spool: let it finish first
		if e.ahead != nil {
			e.ahead.discard()
		}
	}
	st.asm.close()
}

// progress reports e, with the audio the early encoding has done.
func (st *stitcher) progress(e Event) {
	if st.opts.Progress != nil {
		e.EncodedSeconds = max(e.EncodedSeconds, st.seconds(st.encoded.Load()))
		st.opts.Progress(e)
	}
}

func (st *stitcher) seconds(samples int64) float64 {
	return float64(samples) / float64(st.opts.SampleRate)
}

func (st *stitcher) note(n string) {
	if !st.notes[n] {
		st.notes[n] = true
		st.warnings = append(st.warnings, n)
	}
}

// add places one clip after its segment's pause.
func (st *stitcher) add(seg Segment, clip *tts.Clip) error {
	if err := st.asm.add(clip, audio.DurationToSamples(seg.Pause, st.opts.SampleRate)); err != nil {
		return err
	}
	st.maybeEstimateEarly()
	return nil
}

// samples is the length of the narration laid so far.
func (st *stitcher) samples() int64 { return st.asm.cursor }

// maybeEstimateEarly starts the level estimate once levelSample seconds are
// laid, on the gain the narration so far asks for, and for MP3 output then
// the early encoding at the gain it predicts.
func (st *stitcher) maybeEstimateEarly() {
	o := st.opts
	if st.early != nil || o.LoudnessOff || st.level.exact() || st.asm.cursor < int64(levelSample*o.SampleRate) {
		return
	}
	so := st.asm.loudness()
	if math.IsInf(so, 0) {
		return
	}
	e := &earlyLevel{done: make(chan struct{})}
	st.early = e
	sample, err := st.asm.head(int64(levelSample * o.SampleRate))
	if err != nil {
		e.err = err
		close(e.done)
		return
	}
	gain := o.loudness() - so
	go func() {
		defer close(e.done)
		e.model, e.err = estimateLevel(st.ctx, sample, gain, st.level, nil)
		if e.err != nil || !st.level.mp3 || !st.ahead {
			return
		}
		chain := st.chain(e.model.gain+e.model.correction(), e.model.ceiling)
		// Failing to start is not fatal: the final pass will run.
		e.ahead, _ = startAheadMP3(st.ctx, o.TempDir, st.asm.reader(), chain, st.mp3Options(), st.encoded.Store)
	}()
}

func (st *stitcher) chain(gain, ceiling float64) masterChain {
	return masterChain{rate: st.opts.SampleRate, gainDB: gain, limit: !st.opts.TruePeakOff, ceiling: ceiling}
}

func (st *stitcher) mp3Options() lame.Options {
	o := st.opts
	return lame.Options{Rate: o.SampleRate, Channels: o.Channels, BitrateKbps: o.Bitrate, Quality: o.Quality}
}

// levelModelFor returns the level model for gain: the one estimated during
// synthesis when its gain was close, else a new one.
func (st *stitcher) levelModelFor(gain float64) (levelModel, error) {
	if st.level.exact() {
		return levelModel{gain: gain}, nil // gain alone is exact
	}
	var prev *levelModel
	if e := st.early; e != nil {
		select {
		case <-e.done:
		case <-st.ctx.Done():
			return levelModel{}, st.ctx.Err()
		}
		if e.err == nil {
			d := math.Abs(e.model.gain - gain)
			if d <= modelReuse {
				return e.model, nil
			}
			if d <= codecReuse {
				prev = &e.model
			}
		}
	}
	sample, err := st.asm.head(int64(levelSample * st.opts.SampleRate))
	if err != nil {
		return levelModel{}, err
	}
	return estimateLevel(st.ctx, sample, gain, st.level, prev)
}

// finish measures the narration, chooses the gain and writes the audio to
// out: the early MP3 encoding when it was made at that gain, else a final
// pass through gain, the true-peak limiter and a new sink.
func (st *stitcher) finish(doc *article.Document, res *Result, out io.Writer) error {
	st.asm.seal()
	total := st.asm.cursor
	st.progress(Event{Stage: StageLoudness, AudioSeconds: st.seconds(total)})
	chain, model, err := st.decide(res)
	if err != nil {
		return err
	}
	tag := st.tag(doc, res)
	var prefix []byte
	if st.opts.Format == "mp3" {
		if prefix, err = tag.Bytes(); err != nil {
			return fmt.Errorf("ID3 tag: %w", err)
		}
		kept, err := st.keepAhead(chain, out, prefix, res, model)
		if err != nil {
			return err
		}
		if kept {
			st.progressDone(total)
			return nil
		}
	}
	got, err := st.encode(chain, out, prefix, res, tag)
	if err != nil {
		return err
	}
	res.GainDB = chain.gainDB
	res.OutputLUFS = got + model.codecOffset
	st.progressDone(total)
	return nil
}

func (st *stitcher) progressDone(total int64) {
	sec := st.seconds(total)
	st.progress(Event{Stage: StageDone, Done: int(total), Total: int(total), AudioSeconds: sec, EncodedSeconds: sec})
}

// progressEncode reports the encoding at done of total samples.
func (st *stitcher) progressEncode(done, total int64) {
	st.progress(Event{Stage: StageEncode, Done: int(done), Total: int(total), AudioSeconds: st.seconds(total), EncodedSeconds: st.seconds(done)})
}

// decide measures the whole narration and returns the master chain that
// brings it to the loudness target, with the level model it used.
func (st *stitcher) decide(res *Result) (masterChain, levelModel, error) {
	o := st.opts
	measured := st.asm.loudness()
	res.MeasuredLUFS = measured
	gain := 0.0
	model := levelModel{ceiling: st.level.plainCeiling()}
	if !o.LoudnessOff && !math.IsInf(measured, 0) {
		gain = o.loudness() - measured
		var err error
		if model, err = st.levelModelFor(gain); err != nil {
			return masterChain{}, levelModel{}, err
		}
		gain += model.correction()
	}
	return st.chain(gain, model.ceiling), model, nil
}

// encode runs the final pass over the sealed narration through chain into
// the output's sink on out, after prefix (the ID3 tag of an MP3; a WAV
// carries tag's text in its INFO chunk), and
// returns the loudness it wrote before encoding.
func (st *stitcher) encode(chain masterChain, out io.Writer, prefix []byte, res *Result, tag *audio.Tag) (float64, error) {
	sink, err := st.sink(out, prefix, res, tag)
	if err != nil {
		return 0, err
	}
	total := st.asm.cursor
	st.progressEncode(0, total)
	got, err := chain.run(st.ctx, st.asm.reader(), sink, func(n int64) { st.progressEncode(n, total) })
	if err != nil {
		abortSink(sink)
		sink.Close()
		return 0, err
	}
	if err := sink.Close(); err != nil {
		return 0, fmt.Errorf("finish encoding: %w", err)
	}
	return got, nil
}

// aheadTick is how often the progress of the early encoding is reported
// while the render waits for it to finish.
const aheadTick = 200 * time.Millisecond

// waitAhead waits for the early encoding to end, reporting how far it has
// got: with a slow encoder, the last seconds of a render are spent here.
func (st *stitcher) waitAhead(a *encodeAhead) (float64, error) {
	total := st.asm.cursor
	t := time.NewTicker(aheadTick)
	defer t.Stop()
	for {
		st.progressEncode(st.encoded.Load(), total)
		select {
		case <-a.done:
			return a.wait()
		case <-t.C:
		}
	}
}

// abortSink tells a sink whose output will be thrown away to drop what it
// has not encoded yet (lame.ParallelEncoder holds up to a few stretches
// in its queues), so that Close returns at once.
func abortSink(s audio.Sink) {
	if a, ok := s.(interface{ Abort() }); ok {
		a.Abort()
	}
}

// keepAhead writes the early encoding to out after prefix when it was made
// with chain (to within aheadTolerance of its gain) and finished, and
// reports whether it did; the Result then carries the gain the file was
// made with. An early encoding that failed is dropped: the final pass will
// meet a real problem again.
func (st *stitcher) keepAhead(chain masterChain, out io.Writer, prefix []byte, res *Result, model levelModel) (bool, error) {
	e := st.early
	if e == nil {
		return false, nil
	}
	<-e.done // levelModelFor waited already
	a := e.ahead
	if a == nil {
		return false, nil
	}
	e.ahead = nil
	defer a.discard()
	if !a.matches(chain) {
		return false, nil
	}
	lufs, err := st.waitAhead(a.encodeAhead)
	if err != nil {
		return false, nil
	}
	if err := a.copyTo(out, prefix); err != nil {
		return false, err
	}
	res.EncodedEarly = true
	res.GainDB = a.chain.gainDB
	res.OutputLUFS = lufs + model.codecOffset
	return true, nil
}
