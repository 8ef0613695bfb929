package pipeline

import (
	"context"
	"fmt"
	"io"
	"math"
	"sync"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/ebur128"
	"github.com/narrate-dev/narrate/tts"
)

// assembler lays clips end to end with their pauses into a 16-bit spool
// file, measures their loudness as they arrive and records where each
// clip and its marks landed. It is used from one goroutine (the one that
// renders); only its spool may be read from others, through tail.
type assembler struct {
	rate   int
	trim   float64       // dBFS under which a clip's edge is silence
	keep   time.Duration // of that silence kept at each edge
	fade   int           // samples of a fade where a clip starts or ends loud
	spool  *audio.PCM16Spool
	meter  *ebur128.Meter
	cursor int64 // samples laid so far
	placed []placed

	mu      sync.Mutex
	grew    chan struct{} // closed and replaced when the spool grows or is sealed
	written int64         // samples readers may read (mu)
	sealed  bool          // no more samples will come (mu)
}

func newAssembler(opts Options) (*assembler, error) {
	spool, err := audio.NewPCM16Spool(opts.TempDir)
	if err != nil {
		return nil, fmt.Errorf("clip spool: %w", err)
	}
	meter, err := ebur128.NewMeter(opts.SampleRate, 1, ebur128.WithoutTruePeak())
	if err != nil {
		spool.Close()
		return nil, err
	}
	rate := opts.SampleRate
	return &assembler{
		rate:  rate,
		trim:  opts.trimThreshold(),
		keep:  opts.trimKeep(),
		fade:  audio.DurationToSamples(opts.fade(), rate),
		spool: spool,
		meter: meter,
		grew:  make(chan struct{}),
	}, nil
}

// close removes the spool. Readers must be done with it.
func (a *assembler) close() {
	a.spool.Close()
	a.meter.Close()
}

// edgeLevel is the largest edge sample that needs no fade (about -66 dBFS,
// below one 11-bit step).
const edgeLevel = 5e-4

// add places one clip after pause samples of silence: resampled to the
// output rate, its silent edges trimmed, faded only where it starts or ends
// on a non-zero sample.
func (a *assembler) add(clip *tts.Clip, pause int) error {
	if err := toRate(clip, a.rate); err != nil {
		return err
	}
	buf := &clip.Audio
	s, e := audio.TrimSilence(buf, a.trim, a.keep)
	samples := buf.Samples[s:e]
	in, out := audio.NeedsFade(samples, edgeLevel)
	if in {
		audio.FadeIn(samples, min(a.fade, len(samples)/2))
	}
	if out {
		audio.FadeOut(samples, min(a.fade, len(samples)/2))
	}
	if err := a.silence(pause); err != nil {
		return err
	}
	start := a.cursor
	if err := a.write(samples); err != nil {
		return err
	}
	pl := placed{start: start, end: a.cursor}
	for _, m := range clip.Marks {
		m.Sample = int(clamp(start+int64(m.Sample-s), start, a.cursor))
		pl.marks = append(pl.marks, m)
	}
	a.placed = append(a.placed, pl)
	a.published()
	return nil
}

var zeros = make([]float32, 4096)

func (a *assembler) silence(n int) error {
	for n > 0 {
		k := min(n, len(zeros))
		if err := a.write(zeros[:k]); err != nil {
			return err
		}
		n -= k
	}
	return nil
}

// write appends samples to the spool and the loudness meter.
func (a *assembler) write(s []float32) error {
	if len(s) == 0 {
		return nil
	}
	if _, err := a.spool.Append(s); err != nil {
		return fmt.Errorf("clip spool: %w", err)
	}
	if err := a.meter.Add(s); err != nil {
		return err
	}
	a.cursor += int64(len(s))
	return nil
}

// published lets tail readers see everything written so far.
func (a *assembler) published() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.written != a.cursor {
		a.written = a.cursor
		close(a.grew)
		a.grew = make(chan struct{})
	}
}

// seal tells tail readers that the narration is complete.
func (a *assembler) seal() {
	a.published()
	a.mu.Lock()
	defer a.mu.Unlock()
	if !a.sealed {
		a.sealed = true
		close(a.grew)
		a.grew = make(chan struct{})
	}
}

// loudness is the integrated loudness of the narration so far, -Inf for
// silence.
func (a *assembler) loudness() float64 {
	l, err := a.meter.Integrated()
	if err != nil || math.IsNaN(l) {
		return math.Inf(-1)
	}
	return l
}

// head returns a copy of the first n samples of the spool (fewer if it
// holds fewer).
func (a *assembler) head(n int64) ([]float32, error) {
	n = min(n, a.cursor)
	out := make([]float32, n)
	if k, err := a.spool.ReadAt(out, 0); int64(k) != n {
		return nil, fmt.Errorf("clip spool: read %d of %d samples: %w", k, n, err)
	}
	return out, nil
}

// reader returns a reader of the narration from its start; see tail.
func (a *assembler) reader() *tail { return &tail{a: a} }

// tail reads the spool from its start as it grows: Read waits for samples
// that are not written yet, and returns io.EOF only at the end of a sealed
// spool. It may run in another goroutine than the one adding clips.
type tail struct {
	a   *assembler
	off int64
}

// Read fills dst with the next samples, waiting until at least one is
// written. It returns 0 and io.EOF at the end, and ctx's error when ctx
// ends while it waits.
func (t *tail) Read(ctx context.Context, dst []float32) (int, error) {
	for {
		t.a.mu.Lock()
		written, sealed, grew := t.a.written, t.a.sealed, t.a.grew
		t.a.mu.Unlock()
		if t.off < written {
			want := min(int64(len(dst)), written-t.off)
			n, err := t.a.spool.ReadAt(dst[:want], t.off)
			t.off += int64(n)
			if n == 0 {
				if err == nil {
					err = io.ErrUnexpectedEOF
				}
				return 0, fmt.Errorf("clip spool: %w", err)
			}
			return n, nil
		}
		if sealed {
			return 0, io.EOF
		}
		select {
		case <-grew:
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}
