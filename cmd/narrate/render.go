package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
)

// defaultVoice is the engine used when --voice is not given.
const defaultVoice = "espeak:en-us"

type renderFlags struct {
	out, voice, format, timings, captions, summary string
	lexicon, album, chapters, cache, prices        string
	noCache, dryRun, quiet, noLexicon              bool
	bitrate, rate, channels, jobs, quality         int
	qps                                            float64
	loudness, truePeak                             string
	pauses                                         pipeline.Pauses
	trim                                           float64
	timeout                                        time.Duration
	input                                          inputFlags
}

func newRenderCmd() *cobra.Command {
	var f renderFlags
	c := &cobra.Command{
		Use:   "render INPUT",
		Short: "Narrate an article (file, URL or - for stdin) into an MP3 or WAV",
		Example: `  narrate render article.html -o article.mp3
  narrate render https://example.com/news/story --timings story.json --captions story.vtt
  curl -s https://example.com/story | narrate render - -o story.mp3
  narrate render article.txt --voice google:en-US-Neural2-F --summary run.json`,
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error { return runRender(c, args[0], &f) },
	}
	fl := c.Flags()
	f.registerAudio(fl)
	fl.StringVarP(&f.out, "output", "o", "", "output file (default: INPUT with .mp3/.wav, or narration.mp3 for stdin and URLs)")
	fl.StringVar(&f.format, "format", "", "mp3 or wav (default: from the output name, else mp3)")
	fl.IntVar(&f.jobs, "jobs", 4, "requests in flight at once (capped by what the engine can take)")
	fl.StringVar(&f.timings, "timings", "", "write block/sentence/word timings as JSON to this file")
	fl.StringVar(&f.captions, "captions", "", "write captions to this file (.vtt WebVTT or .srt)")
	fl.StringVar(&f.summary, "summary", "", "write the run summary as JSON to this file")
	fl.StringVar(&f.album, "album", "", "publication name for the MP3 tag")
	fl.StringVar(&f.cache, "cache", "", "clip cache URL: a directory, file:///dir, mem://, gs://bucket, s3://bucket (default: the user cache dir)")
	fl.BoolVar(&f.noCache, "no-cache", false, "do not use the clip cache")
	fl.StringVar(&f.prices, "prices", "", "JSON file of engine prices (USD per million characters) overriding the defaults")
	fl.BoolVar(&f.dryRun, "dry-run", false, "print the plan (segments, characters to send, estimated cost) and call no engine")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "print nothing but errors")
	fl.DurationVar(&f.timeout, "timeout", 0, "give up the whole render after this long (0: no limit)")
	f.input.register(fl)
	return c
}

// registerAudio adds the flags render and batch share: engine, audio
// format, loudness, pauses, chapters and lexicon.
func (f *renderFlags) registerAudio(fl *pflag.FlagSet) {
	fl.StringVar(&f.voice, "voice", defaultVoice, "engine and voice spec: espeak:VOICE, google:VOICE, openai:VOICE?base=URL, fake:")
	fl.IntVar(&f.bitrate, "bitrate", 64, "MP3 bitrate in kbit/s")
	fl.IntVar(&f.quality, "quality", 3, "MP3 encoder quality, 1 (best) to 9 (fastest)")
	fl.IntVar(&f.rate, "rate", 24000, "output sample rate in Hz")
	fl.IntVar(&f.channels, "channels", 1, "output channels: 1 or 2")
	fl.Float64Var(&f.qps, "qps", 0, "requests per second (0: the engine's default, e.g. Google 1000/min; -1: unlimited)")
	fl.StringVar(&f.loudness, "loudness", "-16", "integrated loudness target in LUFS (-16 podcast, -23 broadcast), or off")
	fl.StringVar(&f.truePeak, "true-peak", "-1", "true-peak ceiling in dBTP, or off")
	fl.DurationVar(&f.pauses.Sentence, "pause-sentence", pipeline.DefaultPauses.Sentence, "pause where a paragraph is split into several requests")
	fl.DurationVar(&f.pauses.Paragraph, "pause-paragraph", pipeline.DefaultPauses.Paragraph, "pause between paragraphs")
	fl.DurationVar(&f.pauses.Section, "pause-section", pipeline.DefaultPauses.Section, "pause before a heading")
	fl.DurationVar(&f.pauses.Title, "pause-title", pipeline.DefaultPauses.Title, "pause after the title")
	fl.Float64Var(&f.trim, "trim-threshold", -50, "level in dBFS under which a clip's edges count as silence")
	fl.StringVar(&f.chapters, "chapters", "paragraphs", "MP3 chapters: paragraphs, sections or off")
	fl.StringVar(&f.lexicon, "lexicon", "", "pronunciation lexicon file (added to the built-in one)")
	fl.BoolVar(&f.noLexicon, "no-lexicon", false, "do not apply the built-in pronunciation lexicon")
}

func runRender(c *cobra.Command, input string, f *renderFlags) error {
	ctx := c.Context()
	if f.timeout > 0 {
		var cancel func()
		ctx, cancel = context.WithTimeout(ctx, f.timeout)
		defer cancel()
	}
	start := time.Now()
	opts, err := f.pipelineOptions()
	if err != nil {
		return usageError{err}
	}
	out, err := outputPath(input, f.out, opts.Format)
	if err != nil {
		return usageError{err}
	}
	if f.format == "" {
		opts.Format = formatFromName(out)
	}
	// Fail on a bad output place before paying for any synthesis.
	if err := checkWritableDir(out); err != nil {
		return err
	}
	doc, err := article.Load(ctx, input, f.input.loadOptions(c.InOrStdin()))
	if err != nil {
		return err
	}
	warnInput(c.ErrOrStderr(), doc)
	prices, err := loadPrices(f.prices)
	if err != nil {
		return err
	}
	eng, err := pipeline.OpenEngine(ctx, pipeline.EngineOptions{
		Spec: f.voice, CacheURL: f.cache, NoCache: f.noCache,
		QPS: f.qps, Jobs: f.jobs,
	})
	if err != nil {
		return err
	}
	defer eng.Close()
	if f.dryRun {
		return dryRun(c, doc, eng, opts, prices)
	}
	bar := newProgress(c.ErrOrStderr(), f.quiet, "narrating")
	opts.Progress = bar.event
	res, err := pipeline.RenderFile(ctx, doc, eng, out, opts)
	bar.finish()
	if err != nil {
		return fmt.Errorf("render %s: %w", input, err)
	}
	if f.timings != "" {
		if err := pipeline.WriteSidecar(f.timings, func(w io.Writer) error { return pipeline.WriteTimingsJSON(w, res.Timings) }); err != nil {
			return fmt.Errorf("timings: %w", err)
		}
	}
	if f.captions != "" {
		format := strings.TrimPrefix(strings.ToLower(filepath.Ext(f.captions)), ".")
		if format != pipeline.CaptionsSRT {
			format = pipeline.CaptionsVTT
		}
		if err := pipeline.WriteSidecar(f.captions, func(w io.Writer) error { return pipeline.WriteCaptions(w, res.Timings, format) }); err != nil {
			return fmt.Errorf("captions: %w", err)
		}
	}
	sum := pipeline.NewSummary(eng, res, time.Since(start), prices)
	sum.Output = out
	if f.summary != "" {
		if err := pipeline.WriteSidecar(f.summary, func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(sum)
		}); err != nil {
			return fmt.Errorf("summary: %w", err)
		}
	}
	if !f.quiet {
		fmt.Fprintf(c.ErrOrStderr(), "narrate: wrote %s: %s\n", out, sum.Line())
		for _, w := range sum.Warnings {
			fmt.Fprintf(c.ErrOrStderr(), "narrate: warning: %s\n", w)
		}
	}
	return nil
}

func (f *renderFlags) pipelineOptions() (pipeline.Options, error) {
	o := pipeline.Options{
		Format: f.format, SampleRate: f.rate, Channels: f.channels, Bitrate: f.bitrate,
		Quality: f.quality, Jobs: f.jobs, Pauses: f.pauses, TrimThreshold: f.trim,
		Chapters: f.chapters, Album: f.album,
	}
	var err error
	if o.LoudnessOff, o.Loudness, err = levelFlag("loudness", f.loudness); err != nil {
		return o, err
	}
	if o.TruePeakOff, o.TruePeak, err = levelFlag("true-peak", f.truePeak); err != nil {
		return o, err
	}
	if o.Lexicon, err = loadLexicon(f.lexicon, f.noLexicon); err != nil {
		return o, err
	}
	return o, nil
}

func levelFlag(name, v string) (off bool, level float64, err error) {
	if strings.EqualFold(v, "off") {
		return true, 0, nil
	}
	if _, err := fmt.Sscanf(v, "%g", &level); err != nil {
		return false, 0, fmt.Errorf("--%s %q: want a number or off", name, v)
	}
	return false, level, nil
}

func loadLexicon(path string, noDefault bool) (*article.Lexicon, error) {
	var lex *article.Lexicon
	if !noDefault {
		lex = article.DefaultLexicon()
	}
	if path == "" {
		return lex, nil
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer fh.Close()
	user, err := article.ParseLexicon(fh, path)
	if err != nil {
		return nil, err
	}
	if lex == nil {
		return user, nil
	}
	return lex.Merge(user), nil
}

func loadPrices(path string) (tts.PriceTable, error) {
	if path == "" {
		return tts.DefaultPrices, nil
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("prices: %w", err)
	}
	defer fh.Close()
	p, err := tts.LoadPriceTable(fh)
	if err != nil {
		return nil, fmt.Errorf("prices %s: %w", path, err)
	}
	return p, nil
}

// outputPath is where render writes: -o, else the input's name with the
// format's extension, else narration.mp3 for stdin and URLs.
func outputPath(input, out, format string) (string, error) {
	if out != "" {
		return out, nil
	}
	ext := "." + format
	if input == "-" || strings.Contains(input, "://") {
		return "narration" + ext, nil
	}
	base := strings.TrimSuffix(input, filepath.Ext(input))
	if base == "" {
		return "", fmt.Errorf("cannot name the output for input %q: use -o", input)
	}
	return base + ext, nil
}

func formatFromName(path string) string {
	if strings.EqualFold(filepath.Ext(path), ".wav") {
		return "wav"
	}
	return "mp3"
}

func checkWritableDir(out string) error {
	dir := filepath.Dir(out)
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("output %s: %w", out, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("output %s: %s is not a directory", out, dir)
	}
	if fi, err := os.Stat(out); err == nil && fi.IsDir() {
		return fmt.Errorf("output %s is a directory", out)
	}
	probe, err := os.CreateTemp(dir, ".narrate-probe-*")
	if err != nil {
		return fmt.Errorf("output %s: directory is not writable: %w", out, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	return nil
}
