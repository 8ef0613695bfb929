package bench

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/article/spoken"
	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/outfile"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/espeak"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// replay is a tts.Driver that answers each request with a clip saved
// earlier as a WAV file, looked up by the exact text: an engine whose
// replies are already on disk. A render through it times narrate's
// stitching alone: decoding each reply, resampling, trimming, pauses,
// loudness, limiting and encoding.
type replay struct {
	lim   tts.Limits
	clips map[string]savedClip
}

type savedClip struct {
	path  string
	marks []tts.Mark
}

func newReplay(lim tts.Limits) *replay { return &replay{lim: lim, clips: map[string]savedClip{}} }

// record synthesizes every segment of plan with syn, saves the clips as WAV
// files in dir and returns them in plan order.
func (r *replay) record(ctx context.Context, syn tts.Synthesizer, plan *pipeline.Plan, dir string) (paths []string, seconds float64, err error) {
	for i, seg := range plan.Segments {
		if c, ok := r.clips[seg.Text]; ok {
			paths = append(paths, c.path)
			continue
		}
		clip, err := syn.Synthesize(ctx, tts.Request{Text: seg.Text, Language: plan.Lang, SampleRate: 24000})
		if err != nil {
			return nil, 0, fmt.Errorf("segment %d (%.40q): %w", i+1, seg.Text, err)
		}
		p := filepath.Join(dir, fmt.Sprintf("%04d.wav", i))
		f, err := os.Create(p)
		if err != nil {
			return nil, 0, err
		}
		err = audio.WriteWAV(f, &clip.Audio)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, 0, fmt.Errorf("%s: %w", p, err)
		}
		r.clips[seg.Text] = savedClip{path: p, marks: clip.Marks}
		paths = append(paths, p)
		seconds += clip.Audio.Seconds()
	}
	return paths, seconds, nil
}

func (r *replay) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c, ok := r.clips[req.Text]
	if !ok {
		return nil, fmt.Errorf("replay: no saved clip for %.40q: %w", req.Text, tts.ErrPermanent)
	}
	f, err := os.Open(c.path)
	if err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	defer f.Close()
	buf, err := audio.ReadWAV(f)
	if err != nil {
		return nil, fmt.Errorf("replay: %s: %w", c.path, err)
	}
	return &tts.Clip{Audio: *buf, Marks: slices.Clone(c.marks)}, nil
}

func (r *replay) Limits() tts.Limits                          { return r.lim }
func (r *replay) Voices(context.Context) ([]tts.Voice, error) { return nil, nil }
func (r *replay) ID() string                                  { return "replay:" }
func (r *replay) Close() error                                { return nil }

// A render through the replay engine must do exactly the work of a render
// through the engine it recorded: same length to the sample, same loudness.
func TestReplayRendersLikeTheEngine(t *testing.T) {
	ctx := context.Background()
	doc, err := article.Parse([]byte("Harbour tides\n\nThe council met on Tuesday. It voted to raise the sea wall.\n\n\"We cannot wait,\" the mayor said.\n\nWork starts in spring."), "tides.txt", article.LoadOptions{Format: article.FormatText})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := tts.New(ctx, tts.Options{Spec: "fake:?samplerate=22050"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	direct, err := r.Render(ctx, doc, eng, discard{})
	if err != nil {
		t.Fatal(err)
	}
	rep := newReplay(tts.Limits{MaxBytes: eng.Limits().MaxBytes})
	plan, err := r.Plan(ctx, doc, rep.Limits())
	if err != nil {
		t.Fatal(err)
	}
	paths, sec, err := rep.record(ctx, eng, plan, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(plan.Segments) || sec <= 0 {
		t.Fatalf("recorded %d clips (%.2fs) for %d segments", len(paths), sec, len(plan.Segments))
	}
	replayed, err := r.Render(ctx, doc, ttstest.Engine(t, rep), discard{})
	if err != nil {
		t.Fatal(err)
	}
	// Clips go through 16-bit WAV files: the gain may differ by a rounding.
	if replayed.Samples != direct.Samples || math.Abs(replayed.GainDB-direct.GainDB) > 0.01 {
		t.Errorf("replayed render: %d samples, gain %.3f dB; direct: %d samples, gain %.3f dB",
			replayed.Samples, replayed.GainDB, direct.Samples, direct.GainDB)
	}
	if _, err := rep.Synthesize(ctx, tts.Request{Text: "never recorded"}); !errors.Is(err, tts.ErrPermanent) || !strings.Contains(err.Error(), "never recorded") {
		t.Errorf("unknown text: got %v, want ErrPermanent naming the text", err)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// BenchmarkStitch times the stitch stage on the seed's espeak clips: the
// clips are synthesized once and saved as WAV files (not timed), then
// narrate renders the seed through the replay engine and ffmpeg concatenates
// the same files with loudnorm and libmp3lame, alternately, three times each
// per b.N. It reports both speeds in x real time (each side's output length
// over its median wall time), their ratio, and each output's integrated
// loudness measured by ffmpeg's ebur128. Targets (issue 5): narrate >= 3.5x
// faster than ffmpeg, and within 0.5 LU of -16 LUFS.
func BenchmarkStitch(b *testing.B) {
	seed := seedOrSkip(b)
	needTools(b, "ffmpeg")
	ctx := context.Background()
	doc, err := article.Load(ctx, seed, article.LoadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	eng, err := espeak.New(espeak.DefaultVoice)
	if err != nil {
		b.Fatal(err)
	}
	defer eng.Close()
	r, err := pipeline.New(pipeline.Options{Spoken: spoken.Config{Rules: spoken.DefaultRules()}})
	if err != nil {
		b.Fatal(err)
	}
	// The replay engine declares the espeak byte limit, so the plan (and the
	// texts asked for) are the espeak render's, but not espeak's one call at
	// a time: replies on disk can be decoded concurrently.
	lim := eng.Limits()
	rep := newReplay(tts.Limits{MaxBytes: lim.MaxBytes, NativeRate: lim.NativeRate})
	plan, err := r.Plan(ctx, doc, rep.Limits())
	if err != nil {
		b.Fatal(err)
	}
	replayer := ttstest.Engine(b, rep)
	dir := b.TempDir()
	wavs, clipSec, err := rep.record(ctx, ttstest.Engine(b, eng), plan, dir)
	if err != nil {
		b.Fatal(err)
	}
	var list strings.Builder
	for _, p := range wavs {
		fmt.Fprintf(&list, "file '%s'\n", p)
	}
	listPath := filepath.Join(dir, "list.txt")
	if err := os.WriteFile(listPath, []byte(list.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	nOut, fOut := filepath.Join(dir, "narrate.mp3"), filepath.Join(dir, "ffmpeg.mp3")
	var nWall, fWall []float64
	var narrateSec float64
	narrate := func() {
		start := time.Now()
		var res *pipeline.Result
		err := outfile.Write(nOut, func(f *os.File) error {
			var err error
			res, err = r.Render(ctx, doc, replayer, f)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		nWall = append(nWall, time.Since(start).Seconds())
		narrateSec = res.Duration().Seconds()
	}
	ffmpeg := func() {
		// The command, with -ar 24000 so that both sides write the
		// same format (loudnorm works at 192 kHz and would otherwise leave
		// libmp3lame to encode 48 kHz, a slower baseline).
		m, err := run("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", listPath,
			"-af", "loudnorm=I=-16:TP=-1", "-ar", "24000", "-c:a", "libmp3lame", "-b:a", "64k", fOut)
		if err != nil {
			b.Fatal(err)
		}
		fWall = append(fWall, m.Wall.Seconds())
	}
	b.ResetTimer()
	for i := 0; i < 3*b.N; i++ {
		if i%2 == 0 {
			narrate()
			ffmpeg()
		} else {
			ffmpeg()
			narrate()
		}
	}
	b.StopTimer()
	nLUFS, err := loudness(nOut)
	if err != nil {
		b.Fatal(err)
	}
	fLUFS, err := loudness(fOut)
	if err != nil {
		b.Fatal(err)
	}
	nx, fx := narrateSec/median(nWall), clipSec/median(fWall)
	b.Logf("%d segments, %.1f s of clips; narrate output %.1f s", len(plan.Segments), clipSec, narrateSec)
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(nx, "narrate_xRT")
	b.ReportMetric(fx, "ffmpeg_xRT")
	b.ReportMetric(nx/fx, "speedup")
	b.ReportMetric(nLUFS, "narrate_LUFS")
	b.ReportMetric(fLUFS, "ffmpeg_LUFS")
}
