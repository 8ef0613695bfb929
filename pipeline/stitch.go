package pipeline

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

// stitcher lays clips end to end with their pauses into a 16-bit spool file,
// measuring loudness as they arrive, and later streams the spool through
// gain, limiter and encoder.
type stitcher struct {
	opts     Options
	spool    *audio.PCM16Spool
	meter    *audio.LoudnessMeter
	cursor   int64 // samples laid so far
	placed   []placed
	warnings []string
	notes    map[string]bool

	// The level estimate made during synthesis (see level.go).
	ctx          context.Context
	cancel       context.CancelFunc
	early        chan levelModel
	earlyStarted bool
	spec         *speculation // MP3 only; see speculate.go
}

func newStitcher(opts Options) (*stitcher, error) {
	spool, err := audio.NewPCM16Spool(opts.TempDir)
	if err != nil {
		return nil, fmt.Errorf("clip spool: %w", err)
	}
	meter, err := audio.NewLoudnessMeter(opts.SampleRate, 1, audio.WithoutTruePeak())
	if err != nil {
		spool.Close()
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	return &stitcher{opts: opts, spool: spool, meter: meter, notes: map[string]bool{}, ctx: ctx, cancel: cancel}, nil
}

func (st *stitcher) close() {
	st.cancel()
	if st.early != nil {
		<-st.early // the estimate reads the spool: let it finish first
	}
	if st.spec != nil {
		st.spec.discard()
	}
	st.spool.Close()
	st.meter.Close()
}

func (st *stitcher) progress(e Event) {
	if st.opts.Progress != nil {
		st.opts.Progress(e)
	}
}

func (st *stitcher) note(n string) {
	if !st.notes[n] {
		st.notes[n] = true
		st.warnings = append(st.warnings, n)
	}
}

// write appends samples to the spool and the loudness meter.
func (st *stitcher) write(s []float32) error {
	if len(s) == 0 {
		return nil
	}
	if _, err := st.spool.Append(s); err != nil {
		return fmt.Errorf("clip spool: %w", err)
	}
	if err := st.meter.Add(s); err != nil {
		return err
	}
	st.cursor += int64(len(s))
	if st.spec != nil {
		st.spec.poke()
	}
	return nil
}

var zeros = make([]float32, 4096)

func (st *stitcher) silence(n int) error {
	for n > 0 {
		k := min(n, len(zeros))
		if err := st.write(zeros[:k]); err != nil {
			return err
		}
		n -= k
	}
	return nil
}

// add places one clip: resampled to the output rate, its silent edges
// trimmed, faded only where it starts or ends on a non-zero sample, after
// the segment's pause.
func (st *stitcher) add(seg Segment, clip *tts.Clip) error {
	rate := st.opts.SampleRate
	if err := toRate(clip, rate); err != nil {
		return err
	}
	buf := &clip.Audio
	s, e := audio.TrimSilence(buf, st.opts.trimThreshold(), st.opts.trimKeep())
	samples := buf.Samples[s:e]
	fade := audio.DurationToSamples(st.opts.fade(), rate)
	in, out := audio.NeedsFade(samples, edgeLevel)
	if in {
		audio.FadeIn(samples, min(fade, len(samples)/2))
	}
	if out {
		audio.FadeOut(samples, min(fade, len(samples)/2))
	}
	if err := st.silence(audio.DurationToSamples(seg.Pause, rate)); err != nil {
		return err
	}
	start := st.cursor
	if err := st.write(samples); err != nil {
		return err
	}
	pl := placed{start: start, end: st.cursor}
	for _, m := range clip.Marks {
		m.Sample = int(clamp(start+int64(m.Sample-s), start, st.cursor))
		pl.marks = append(pl.marks, m)
	}
	st.placed = append(st.placed, pl)
	st.maybeEstimateEarly()
	return nil
}

// edgeLevel is the largest edge sample that needs no fade (about -66 dBFS,
// below one 11-bit step).
const edgeLevel = 5e-4

// chunk is how many samples the final pass handles at a time.
const chunk = 8192

// finish measures, then streams the spool through gain, the true-peak
// limiter and the encoder into out.
func (st *stitcher) finish(ctx context.Context, doc *article.Document, res *Result, out io.Writer) error {
	o := st.opts
	measured, err := st.meter.Integrated()
	if err != nil || math.IsInf(measured, 0) || math.IsNaN(measured) {
		measured = math.Inf(-1)
	}
	res.MeasuredLUFS = measured
	gain := 0.0
	model := levelModel{ceiling: o.truePeak() - mp3Headroom(o)}
	if !o.LoudnessOff && !math.IsInf(measured, 0) {
		gain = o.loudness() - measured
		if model, err = st.levelModelFor(ctx, gain); err != nil {
			return err
		}
		gain += model.correction()
	}
	res.GainDB = gain
	var enc sampleWriter
	switch o.Format {
	case "wav":
		ws, ok := out.(io.WriteSeeker)
		if !ok {
			return fmt.Errorf("WAV output needs a seekable file")
		}
		w, err := audio.NewWAVWriter(ws, o.SampleRate, o.Channels)
		if err != nil {
			return err
		}
		// Chapters as cue points with labels, which editors show as markers.
		var cues []audio.Cue
		for _, c := range res.Chapters {
			cues = append(cues, audio.Cue{Sample: int64(audio.DurationToSamples(c.Start, o.SampleRate)), Label: c.Title})
		}
		w.SetCues(cues)
		enc = w
	default:
		var prefix []byte
		if tag := st.tag(doc, res); tag != nil {
			if prefix, err = tag.Bytes(); err != nil {
				return fmt.Errorf("ID3 tag: %w", err)
			}
		}
		if sp := st.spec; sp != nil {
			st.spec = nil
			ok, lufs, err := sp.take(out, prefix, gain, model.ceiling)
			if err != nil {
				return err
			}
			if ok {
				res.EncodedEarly = true
				res.OutputLUFS = lufs + model.codecOffset
				st.progress(Event{Stage: "done", Done: int(st.cursor), Total: int(st.cursor), AudioSeconds: float64(st.cursor) / float64(o.SampleRate)})
				return nil
			}
		}
		if _, err := out.Write(prefix); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		e, err := audio.NewMP3Encoder(out, audio.MP3Options{Rate: o.SampleRate, Channels: o.Channels, BitrateKbps: o.Bitrate, Quality: o.Quality})
		if err != nil {
			return err
		}
		enc = e
	}
	got, err := st.pass(ctx, gain, model.ceiling, enc)
	if err != nil {
		enc.Close()
		return err
	}
	res.OutputLUFS = got + model.codecOffset
	if err := enc.Close(); err != nil {
		return fmt.Errorf("finish encoding: %w", err)
	}
	st.progress(Event{Stage: "done", Done: int(st.cursor), Total: int(st.cursor), AudioSeconds: float64(st.cursor) / float64(o.SampleRate)})
	return nil
}

type sampleWriter interface {
	Write(mono []float32) error
	Close() error
}

// pass reads the whole spool, applies gain and the limiter (at ceiling
// dBTP), and writes the result to w; see stream.
func (st *stitcher) pass(ctx context.Context, gainDB, ceiling float64, w sampleWriter) (float64, error) {
	total := st.spool.Len()
	var off int64
	src := func(dst []float32) (int, error) {
		if off >= total {
			return 0, io.EOF
		}
		n, err := st.readSpool(dst, off, total)
		if err != nil {
			return 0, err
		}
		off += int64(n)
		st.progress(Event{Stage: "encode", Done: int(off), Total: int(total), AudioSeconds: float64(off) / float64(st.opts.SampleRate)})
		return n, nil
	}
	return st.stream(ctx, gainDB, ceiling, src, w)
}

// stream takes samples from src until io.EOF, applies gain and the limiter
// (at ceiling dBTP), and writes them to w. Reading, gain, limiting and
// metering run in one goroutine and encoding in another, so the two costly
// stages share the machine's cores. It returns the integrated loudness of
// what it produced, before encoding.
func (st *stitcher) stream(ctx context.Context, gainDB, ceiling float64, src func([]float32) (int, error), w sampleWriter) (float64, error) {
	o := st.opts
	meter, err := audio.NewLoudnessMeter(o.SampleRate, 1, audio.WithoutTruePeak())
	if err != nil {
		return 0, err
	}
	defer meter.Close()
	var lim *audio.Limiter
	if !o.TruePeakOff {
		if lim, err = audio.NewLimiter(o.SampleRate, ceiling); err != nil {
			return 0, err
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	const depth = 4
	free := make(chan []float32, depth+1)
	for i := 0; i < depth+1; i++ {
		free <- make([]float32, 0, chunk+4096)
	}
	full := make(chan []float32, depth)
	done := make(chan error, 1)
	go func() {
		var werr error
		for s := range full {
			if werr == nil {
				if err := w.Write(s); err != nil {
					werr = fmt.Errorf("encode: %w", err)
					cancel()
				}
			}
			free <- s[:0]
		}
		done <- werr
	}()
	produce := func() error {
		defer close(full)
		in := make([]float32, chunk)
		send := func(s []float32) error {
			if err := meter.Add(s); err != nil {
				return err
			}
			select {
			case full <- s:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		take := func() ([]float32, error) {
			select {
			case out := <-free:
				return out, nil
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			n, err := src(in)
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			s := in[:n]
			if gainDB != 0 {
				audio.Gain(s, gainDB)
			}
			out, err := take()
			if err != nil {
				return err
			}
			if lim != nil {
				out = lim.Process(out, s)
			} else {
				out = append(out, s...)
			}
			if err := send(out); err != nil {
				return err
			}
		}
		if lim != nil {
			out, err := take()
			if err != nil {
				return err
			}
			return send(lim.Flush(out))
		}
		return nil
	}
	perr := produce()
	werr := <-done
	if werr != nil {
		return 0, werr
	}
	if perr != nil {
		return 0, perr
	}
	l, err := meter.Integrated()
	if err != nil {
		return math.Inf(-1), nil
	}
	return l, nil
}

// readSpool reads spooled samples [off, min(off+len(dst), total)) into dst.
func (st *stitcher) readSpool(dst []float32, off, total int64) (int, error) {
	n, err := st.spool.ReadAt(dst[:min(int64(len(dst)), total-off)], off)
	if n == 0 {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return 0, fmt.Errorf("clip spool: %w", err)
	}
	return n, nil
}

// levelModelFor returns the level model for gain: the one estimated during
// synthesis when its gain was close, else a new one.
func (st *stitcher) levelModelFor(ctx context.Context, gain float64) (levelModel, error) {
	o := st.opts
	if o.TruePeakOff && o.Format != "mp3" {
		return levelModel{gain: gain}, nil // gain alone is exact
	}
	var prev *levelModel
	if st.early != nil {
		select {
		case m := <-st.early:
			st.early = nil
			if m.err == nil {
				d := math.Abs(m.gain - gain)
				if d <= modelReuse {
					return m, nil
				}
				if d <= codecReuse {
					prev = &m
				}
			}
		case <-ctx.Done():
			return levelModel{}, ctx.Err()
		}
	}
	m := st.estimateLevel(ctx, gain, st.spool.Len(), prev)
	return m, m.err
}

// maybeEstimateEarly starts the level estimate once a sample's worth of
// audio is spooled, on the gain the narration so far asks for.
func (st *stitcher) maybeEstimateEarly() {
	o := st.opts
	if st.early != nil || st.earlyStarted || o.LoudnessOff || (o.TruePeakOff && o.Format != "mp3") {
		return
	}
	n := st.cursor
	if n < int64(levelSample*o.SampleRate) {
		return
	}
	so, err := st.meter.Integrated()
	if err != nil || math.IsInf(so, 0) {
		return
	}
	st.earlyStarted = true
	ch := make(chan levelModel, 1)
	st.early = ch
	ctx := st.ctx
	var sp *speculation
	if o.Format == "mp3" {
		sp = newSpeculation(st)
		st.spec = sp
	}
	go func() {
		m := st.estimateLevel(ctx, o.loudness()-so, n, nil)
		if sp == nil {
			ch <- m
			return
		}
		sp.gain, sp.ceiling = m.gain+m.correction(), m.ceiling
		ch <- m
		if m.err != nil {
			sp.err = m.err
			close(sp.done)
			return
		}
		sp.run()
	}()
}

// tag is the ID3 tag of an MP3 narration.
func (st *stitcher) tag(doc *article.Document, res *Result) *audio.Tag {
	t := &audio.Tag{
		Title:    doc.Title,
		Artist:   doc.Byline,
		Album:    st.opts.Album,
		Language: doc.Lang,
		Length:   res.Duration(),
		Chapters: res.Chapters,
	}
	if len(t.Chapters) > 0 {
		t.TOCTitle = doc.Title
	}
	if doc.Published != nil {
		t.Date = doc.Published.Format("2006-01-02")
	}
	if strings.HasPrefix(doc.Source, "http://") || strings.HasPrefix(doc.Source, "https://") {
		t.URL = doc.Source
		t.Comment = "Narrated from " + doc.Source
	}
	return t
}
