package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/internal/workpool"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts"
)

// Result describes a finished render.
type Result struct {
	// Plan is what was sent to the engine.
	Plan *Plan
	// Samples and Rate give the exact length of the narration.
	Samples int64
	Rate    int
	// Timings places every block, sentence and word in the output.
	Timings *sidecar.Timings
	// Chapters are the chapters written to the MP3 tag (also for WAV).
	Chapters []audio.Chapter
	// MeasuredLUFS is the loudness before normalization; GainDB the gain
	// the output was made with (for an MP3 encoded early, the predicted
	// gain, within 0.1 dB of the measured one). OutputLUFS is the loudness
	// after gain and limiting.
	MeasuredLUFS, GainDB, OutputLUFS float64
	// EncodedEarly reports that the MP3 was encoded while synthesis went on,
	// at a gain predicted from the first minute that the whole narration
	// confirmed (see encodeahead.go).
	EncodedEarly bool
	// Warnings are things a user should know (suspicious clips, notes).
	Warnings []string
}

// Duration is the length of the narration.
func (r *Result) Duration() time.Duration { return audio.SamplesToDuration(int(r.Samples), r.Rate) }

// Render narrates doc with eng and writes the audio to out. MP3 output to
// an io.WriteSeeker (an *os.File) carries a LAME info frame so players trim
// the encoder delay; WAV output needs an io.WriteSeeker. As many requests
// are in flight at once as eng's Limits().Concurrency allows (4 when the
// engine sets no limit). On error, whatever was written to out is
// incomplete: write to a temporary file and rename it only on success
// (package outfile does).
func (r *Renderer) Render(ctx context.Context, doc *article.Document, eng *tts.Engine, out io.Writer) (*Result, error) {
	return r.render(ctx, doc, eng, out, true)
}

// render is Render, with encode-ahead (encodeahead.go) on or off for the
// benchmark that shows whether it pays.
func (r *Renderer) render(ctx context.Context, doc *article.Document, eng *tts.Engine, out io.Writer, encodeAhead bool) (*Result, error) {
	opts := r.opts
	plan, err := r.PlanFor(ctx, doc, eng)
	if err != nil {
		return nil, err
	}
	if len(plan.Segments) == 0 {
		return nil, fmt.Errorf("nothing to narrate: the article has no text")
	}
	st, err := newStitcher(ctx, opts, encodeAhead)
	if err != nil {
		return nil, err
	}
	defer st.close()
	if err := synthesizeAll(ctx, plan, eng, opts, st); err != nil {
		return nil, err
	}
	res := &Result{Plan: plan, Samples: st.samples(), Rate: opts.SampleRate, Warnings: st.warnings}
	res.Timings = buildTimings(plan, st.asm.placed, st.samples(), opts.SampleRate)
	res.Timings.Title = doc.Title
	res.Timings.Voice, _, _ = strings.Cut(eng.ID(), "?")
	res.Chapters = tagChapters(sidecar.Chapters(res.Timings, opts.Chapters))
	if err := st.finish(doc, res, out); err != nil {
		return nil, err
	}
	return res, nil
}

// defaultJobs is how many requests are in flight for an engine that sets
// no limit of its own.
const defaultJobs = 4

// synthesizeAll runs the engine calls on a bounded pool and hands the clips
// to the stitcher strictly in plan order. Workers run at most a window ahead
// of the stitcher, so memory holds a bounded number of clips.
func synthesizeAll(ctx context.Context, plan *Plan, eng *tts.Engine, opts Options, st *stitcher) error {
	jobs := eng.Limits().Concurrency
	if jobs <= 0 {
		jobs = defaultJobs
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	n := len(plan.Segments)
	type slot struct {
		clip *tts.Clip
		warn string
		err  error
		done chan struct{}
	}
	slots := make([]slot, n)
	for i := range slots {
		slots[i].done = make(chan struct{})
	}
	// ahead bounds how far synthesis runs ahead of the stitcher, so memory
	// holds a few clips, not the whole narration's.
	ahead := make(chan struct{}, 2*jobs+2)
	admit := func(int) bool {
		select {
		case ahead <- struct{}{}:
			return true
		case <-ctx.Done():
			return false
		}
	}
	pauseSamples := func(sentenceEnd bool) int {
		if sentenceEnd {
			return audio.DurationToSamples(opts.Pauses.Split, opts.SampleRate)
		}
		return audio.DurationToSamples(50*time.Millisecond, opts.SampleRate)
	}
	work := func(i int) {
		seg := plan.Segments[i]
		req := plan.request(i, opts)
		clip, err := synthesize(ctx, eng.Synthesize, req, opts.SampleRate, pauseSamples, 0)
		var warn string
		if err == nil {
			if why := suspicious(clip, seg.Text, opts.trimThreshold()); why != "" {
				// Engines sometimes return truncated audio: ask the
				// engine once more, past the cache that now holds it.
				if again, err2 := synthesize(ctx, eng.Refresh, req, opts.SampleRate, pauseSamples, 0); err2 == nil {
					clip = again
					if why2 := suspicious(again, seg.Text, opts.trimThreshold()); why2 != "" {
						warn = fmt.Sprintf("segment %d (%q): %s", i+1, preview(seg.Text), why2)
					}
				}
			}
		}
		slots[i].clip, slots[i].warn, slots[i].err = clip, warn, err
		close(slots[i].done)
	}
	pool := make(chan struct{})
	go func() {
		defer close(pool)
		workpool.Run(ctx, n, jobs, admit, work)
	}()
	defer func() { <-pool }()
	defer cancel()
	st.progress(Event{Stage: StageSynthesize, Total: n})
	for i := 0; i < n; i++ {
		select {
		case <-slots[i].done:
		case <-ctx.Done():
			return ctx.Err()
		}
		s := &slots[i]
		if s.err != nil {
			if ctx.Err() != nil && errors.Is(s.err, context.Canceled) {
				return ctx.Err()
			}
			if errors.Is(s.err, tts.ErrNoCredentials) {
				// Found before any request, and true of every segment:
				// which one came first says nothing.
				return s.err
			}
			return fmt.Errorf("segment %d of %d (%q): %w", i+1, n, preview(plan.Segments[i].Text), s.err)
		}
		if s.warn != "" {
			st.warnings = append(st.warnings, s.warn)
		}
		for _, note := range s.clip.Notes {
			st.note(note)
		}
		if err := st.add(plan.Segments[i], s.clip); err != nil {
			return fmt.Errorf("segment %d of %d: %w", i+1, n, err)
		}
		s.clip = nil
		<-ahead
		st.progress(Event{Stage: StageSynthesize, Done: i + 1, Total: n, AudioSeconds: float64(st.samples()) / float64(opts.SampleRate)})
	}
	return nil
}

// suspicious says why a clip looks truncated or empty, or "".
func suspicious(c *tts.Clip, text string, thresholdDB float64) string {
	runes := utf8.RuneCountInString(text)
	if runes < 12 {
		return ""
	}
	// Speech runs at roughly 60 ms a character; 4x faster is not speech.
	min := time.Duration(runes) * 15 * time.Millisecond
	if d := c.Duration(); d < min {
		return fmt.Sprintf("clip is %.2fs long for %d characters (engine may have truncated it)", d.Seconds(), runes)
	}
	s, e := audio.TrimSilence(&c.Audio, thresholdDB, 0)
	if voiced := audio.SamplesToDuration(e-s, c.Audio.Rate); voiced < min {
		return fmt.Sprintf("clip is almost all silence (%.2fs of sound for %d characters)", voiced.Seconds(), runes)
	}
	return ""
}

func preview(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

// tagChapters are the chapters of the MP3 tag and the WAV cue list.
func tagChapters(cs []sidecar.Chapter) []audio.Chapter {
	var out []audio.Chapter
	for i, c := range cs {
		out = append(out, audio.Chapter{ID: fmt.Sprintf("ch%d", i+1), Title: c.Title, Start: c.Start, End: c.End})
	}
	return out
}
