package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/synctest"
	"time"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/ebur128"
	"github.com/narrate-dev/narrate/audio/lame"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
)

func normalized(t *testing.T, o Options) Options {
	t.Helper()
	o, err := o.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// fakeClips are n clips of the fake engine, about 3.5 s each.
func fakeClips(t *testing.T, n int) []*tts.Clip {
	t.Helper()
	eng := fake.New(fake.Options{})
	var clips []*tts.Clip
	for i := range n {
		c, err := eng.Synthesize(context.Background(), tts.Request{
			Text:       fmt.Sprintf("Paragraph %d goes on about the harbour, the tides and the turbines for a while.", i),
			SampleRate: 24000,
		})
		if err != nil {
			t.Fatal(err)
		}
		clips = append(clips, c)
	}
	return clips
}

func cloneClip(c *tts.Clip) *tts.Clip {
	d := *c
	d.Audio.Samples = slices.Clone(c.Audio.Samples)
	d.Marks = slices.Clone(c.Marks)
	return &d
}

// The tail of a spool waits for what is not written yet, ends at the seal,
// and gives up when its context ends. It runs in a synctest bubble, where
// synctest.Wait says when the reader has caught up and waits, and the
// deadline passes at once.
func TestTailFollowsTheAssembler(t *testing.T) {
	synctest.Test(t, testTailFollowsTheAssembler)
}

func testTailFollowsTheAssembler(t *testing.T) {
	a, err := newAssembler(normalized(t, Options{TempDir: t.TempDir()}))
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	tl := a.reader()
	got := make(chan []float32)
	go func() {
		var all []float32
		buf := make([]float32, 1000)
		for {
			n, err := tl.Read(context.Background(), buf)
			all = append(all, buf[:n]...)
			if err == io.EOF {
				got <- all
				return
			}
			if err != nil {
				t.Error(err)
				got <- nil
				return
			}
		}
	}()
	clips := fakeClips(t, 3)
	for _, c := range clips {
		synctest.Wait() // the reader catches up and waits
		if err := a.add(c, 2400); err != nil {
			t.Fatal(err)
		}
	}
	a.seal()
	all := <-got
	if int64(len(all)) != a.cursor {
		t.Fatalf("tail read %d samples, the assembler laid %d", len(all), a.cursor)
	}
	whole, err := a.head(a.cursor)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(all, whole) {
		t.Error("tail read other samples than the spool holds")
	}
	if !slices.Equal(all[:2400], make([]float32, 2400)) {
		t.Error("the first clip's pause is not silence")
	}

	b, err := newAssembler(normalized(t, Options{TempDir: t.TempDir()}))
	if err != nil {
		t.Fatal(err)
	}
	defer b.close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := b.reader().Read(ctx, make([]float32, 10)); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("reading an empty open spool until the deadline: %v", err)
	}
}

// A clip's marks move with its placement: after the pause, less what was
// trimmed from its start.
func TestAssemblerPlacesMarks(t *testing.T) {
	a, err := newAssembler(normalized(t, Options{TempDir: t.TempDir()}))
	if err != nil {
		t.Fatal(err)
	}
	defer a.close()
	c := fakeClips(t, 1)[0]
	lead := 4800 // 200 ms of silence the trim removes (but for TrimKeep)
	c.Audio.Samples = append(make([]float32, lead), c.Audio.Samples...)
	for i := range c.Marks {
		c.Marks[i].Sample += lead
	}
	want := slices.Clone(c.Marks)
	if err := a.add(c, 1000); err != nil {
		t.Fatal(err)
	}
	pl := a.placed[0]
	if pl.start < 1000 || pl.end != a.cursor || len(pl.marks) != len(want) {
		t.Fatalf("placed %+v of %d samples", pl, a.cursor)
	}
	shift := int64(pl.marks[0].Sample - want[0].Sample)
	if shift >= 0 || shift < int64(1000-lead) {
		t.Errorf("first mark moved by %d samples, want between %d (all trimmed) and 0", shift, 1000-lead)
	}
	for i, m := range pl.marks {
		if int64(m.Sample-want[i].Sample) != shift && int64(m.Sample) != pl.end {
			t.Errorf("mark %d moved by %d, mark 0 by %d", i, m.Sample-want[i].Sample, shift)
		}
	}
}

// The level estimate is a function of its arguments: it leaves the sample
// alone, gives the same model twice, and its model brings the sample, once
// gained, limited and coded, to the target.
func TestEstimateLevelIsPure(t *testing.T) {
	t.Parallel()
	o := normalized(t, Options{})
	p := levelParamsOf(o)
	var sample []float32
	for _, c := range fakeClips(t, 3) {
		sample = append(sample, c.Audio.Samples...)
	}
	before := slices.Clone(sample)
	l0, err := ebur128.Integrated(&audio.Buffer{Rate: 24000, Samples: sample})
	if err != nil {
		t.Fatal(err)
	}
	gain := o.loudness() - l0
	m1, err := estimateLevel(context.Background(), sample, gain, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := estimateLevel(context.Background(), sample, gain, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m1 != m2 {
		t.Errorf("two estimates of the same sample: %+v and %+v", m1, m2)
	}
	// A render being cancelled does not wait for a whole estimate.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := estimateLevel(ctx, sample, gain, p, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("estimate with a cancelled context: got %v, want context.Canceled", err)
	}
	if !slices.Equal(sample, before) {
		t.Error("the estimate changed its sample")
	}
	if m1.limOffset > 1e-3 || m1.ceiling > p.truePeak {
		t.Errorf("model %+v: the limiter cannot raise loudness, nor the ceiling rise", m1)
	}
	// Apply the model as the final pass does and measure what a listener
	// would: the decoded MP3.
	lim, err := audio.NewLimiter(24000, m1.ceiling)
	if err != nil {
		t.Fatal(err)
	}
	out := slices.Clone(sample)
	audio.Gain(out, m1.gain+m1.correction())
	out = lim.Flush(lim.Process(nil, out))
	var mp3 bytes.Buffer
	if err := lame.Encode(&mp3, &audio.Buffer{Rate: 24000, Samples: out}, p.mp3Options); err != nil {
		t.Fatal(err)
	}
	dec, err := audio.DecodeMP3(&mp3)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ebur128.Integrated(dec)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(got-o.loudness()) > 0.2 {
		t.Errorf("sample at the model's gain decodes at %.2f LUFS, want %.1f ± 0.2", got, o.loudness())
	}
	// With a previous model, the codec's part is taken from it.
	prev := levelModel{codecOffset: -0.7, ceiling: -2}
	m3, err := estimateLevel(context.Background(), sample, gain-1, p, &prev)
	if err != nil {
		t.Fatal(err)
	}
	if m3.codecOffset != -0.7 || m3.ceiling != -2 || m3.gain != gain-1 {
		t.Errorf("with a previous model: %+v, want its codec offset and ceiling", m3)
	}
}

// harshVoice is a voice harsher than espeak-ng's: a buzz of sharp glottal
// pulses, each ringing briefly, in syllables. Its peaks stand far above its
// loudness, so at -16 LUFS the limiter takes several LU away (espeak-ng's
// seed: 2.9) and the gain must grow by about that much again.
func harshVoice(rate int, seconds float64) []float32 {
	n := int(seconds * float64(rate))
	s := make([]float32, n)
	period := rate / 110
	for i := 0; i < n; i += period {
		syllable := (i / (rate / 5)) % 3 // two syllables of 200 ms, then a gap
		if syllable == 2 {
			continue
		}
		// Every fifth pulse is sharper, as stressed sounds are.
		amp := 0.15
		if (i/period)%5 == 0 {
			amp = 0.45
		}
		for j := 0; j < period && i+j < n; j++ {
			t := float64(j) / float64(rate)
			s[i+j] += float32(amp*math.Exp(-t*900)*math.Sin(2*math.Pi*700*t) + 0.08*math.Sin(2*math.Pi*220*float64(i+j)/float64(rate)))
		}
	}
	return s
}

// The gain settles where its own correction points: on a voice whose
// loudness the limiter cuts by several LU, the passes over the sample
// find that gain and the decoded sample lands on the target.
func TestEstimateLevelSettles(t *testing.T) {
	t.Parallel()
	o := normalized(t, Options{})
	p := levelParamsOf(o)
	sample := harshVoice(24000, 30)
	l0, err := ebur128.Integrated(&audio.Buffer{Rate: 24000, Samples: sample})
	if err != nil {
		t.Fatal(err)
	}
	gain := o.loudness() - l0
	m, err := estimateLevel(context.Background(), sample, gain, p, nil)
	if err != nil {
		t.Fatal(err)
	}
	if m.limOffset > -1 {
		t.Fatalf("model %+v: the limiter should take over 1 LU from this voice", m)
	}
	lim, err := audio.NewLimiter(24000, m.ceiling)
	if err != nil {
		t.Fatal(err)
	}
	out := slices.Clone(sample)
	audio.Gain(out, m.gain+m.correction())
	out = lim.Flush(lim.Process(nil, out))
	// What the model predicts at this gain, from the limited sample: the
	// limiter's part measured, the codec's from the model.
	got, err := ebur128.Integrated(&audio.Buffer{Rate: 24000, Samples: out})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(got+m.codecOffset-o.loudness()) > 0.05 {
		t.Errorf("at the model's gain %+.2f dB (limiter %+.2f LU) the sample would decode at %.3f LUFS, want %.1f ± 0.05",
			m.gain+m.correction(), m.limOffset, got+m.codecOffset, o.loudness())
	}
}

// stitch lays clips with the stitcher (which starts the early estimate and
// encoding) and finishes into a file; it returns the file and the result.
func stitch(t *testing.T, o Options, clips []*tts.Clip, path string) (*stitcher, *Result) {
	t.Helper()
	st, err := newStitcher(context.Background(), o, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range clips {
		if err := st.add(Segment{Pause: 700 * time.Millisecond}, cloneClip(c)); err != nil {
			t.Fatal(err)
		}
	}
	res := &Result{Samples: st.samples(), Rate: o.SampleRate}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := st.finish(&article.Document{Title: "T"}, res, f); err != nil {
		t.Fatal(err)
	}
	return st, res
}

// When the early encoding is kept, the file is byte for byte what the final
// pass makes at the gain the Result reports: GainDB is the gain the file was
// encoded at, not the one measured at the end.
func TestKeptEarlyEncodingIsAtTheReportedGain(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// 16 kHz: the same path at two thirds of the encoding work.
	o := normalized(t, Options{TempDir: dir, SampleRate: 16000})
	clips := fakeClips(t, 24) // past levelSample seconds
	st, res := stitch(t, o, clips, filepath.Join(dir, "early.mp3"))
	defer st.close()
	if !res.EncodedEarly {
		t.Fatalf("the early encoding was not kept (gain %.3f dB)", res.GainDB)
	}
	if st.samples() < int64(levelSample*o.SampleRate) {
		t.Fatalf("%d samples: too short for the early estimate", st.samples())
	}

	// The same clips through the final pass at the reported gain and the
	// early model's ceiling.
	st2, err := newStitcher(context.Background(), o, true)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.close()
	for _, c := range clips {
		if err := st2.asm.add(cloneClip(c), audio.DurationToSamples(700*time.Millisecond, o.SampleRate)); err != nil {
			t.Fatal(err)
		}
	}
	st2.asm.seal()
	tag := st2.tag(&article.Document{Title: "T"}, res)
	prefix, err := tag.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(dir, "final.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st2.encode(st.chain(res.GainDB, st.early.model.ceiling), f, prefix, res, tag); err != nil {
		t.Fatal(err)
	}
	f.Close()
	early, _ := os.ReadFile(filepath.Join(dir, "early.mp3"))
	final, _ := os.ReadFile(filepath.Join(dir, "final.mp3"))
	if !bytes.Equal(early, final) {
		t.Errorf("kept early encoding (%d bytes) differs from the final pass at its reported gain %.3f dB (%d bytes)",
			len(early), res.GainDB, len(final))
	}
}
