package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/narrate-dev/narrate/outfile"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/cache"
	"github.com/narrate-dev/narrate/web"
)

type renderFlags struct {
	out, voice, voiceMap, format, timings, captions string
	summary                                         string
	album, chapters, cache, prices                  string
	noCache, dryRun, quiet, asJSON                  bool
	player                                          bool
	disclosure                                      string
	overwrite, noOverwrite                          bool
	bitrate, rate, channels, jobs, quality          int
	qps                                             float64
	loudness, truePeak                              string
	pauses                                          pipeline.Pauses
	trim                                            float64
	timeout                                         time.Duration
	tempDir                                         string // where renders spool (serve, worker)
	input                                           inputFlags
	spoken                                          spokenFlags
}

func newRenderCmd() *cobra.Command {
	var f renderFlags
	c := &cobra.Command{
		Use:   "render INPUT",
		Short: "Narrate an article (file, URL or - for stdin) into an MP3 or WAV",
		Long: `render narrates one article into an MP3 or WAV file.

The output is -o, else the input's name with the format's extension
(story.txt -> story.mp3), else for stdin and URLs a name made from the
article's title. An output that already exists is not replaced unless -y is
given (-n never replaces; without either, narrate asks when run at a
terminal). Every output and setting is checked before the engine is called.

The voice follows the article's language (the page's, else detected; --lang
overrides it) unless --voice names one: narrate says which voice it chose
and why. --voice ENGINE: (the engine alone, as --voice google:) reads the
article with that engine's voice for its language, and refuses a language
the engine has no voice for; 'narrate voices --lang LANG' lists the voices
for a language, local and cloud, and which are ready here.`,
		Example: `  narrate render article.html                 # writes article.mp3
  narrate render artikel.html --voice google:  # Google's voice for the article's language
  narrate render article.html -o story.wav    # WAV, from the extension
  narrate render https://example.com/news/story --timings story.json --captions story.vtt
  curl -s https://example.com/story | narrate render - -o story.mp3
  narrate render article.txt -o - | ffplay -nodisp -autoexit -   # to standard output, once whole
  narrate render article.txt --voice google:en-US-Neural2-F --dry-run --json`,
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error { return runRender(c, args[0], &f) },
	}
	fl := c.Flags()
	f.registerAudio(fl)
	f.registerOverwrite(fl)
	fl.StringVarP(&f.out, "output", "o", "", "output file, or - for standard output (default: INPUT with .mp3/.wav, or a name from the title for stdin and URLs)")
	fl.StringVar(&f.format, "format", "", "mp3 or wav (default: from the output name, else mp3)")
	fl.IntVar(&f.jobs, "jobs", 4, "engine requests in flight at once (capped by what the engine can take)")
	fl.StringVar(&f.timings, "timings", "", "write block/sentence/word timings as JSON to this file")
	fl.StringVar(&f.captions, "captions", "", "write captions to this file (.vtt WebVTT or .srt)")
	fl.StringVar(&f.summary, "summary", "", "write the run summary as JSON to this file (- for standard output)")
	fl.StringVar(&f.album, "album", "", "publication name for the MP3 tag")
	fl.StringVar(&f.cache, "cache", "", "clip cache URL: a directory, file:///dir, mem://, gs://bucket, s3://bucket (default: the user cache dir)")
	fl.BoolVar(&f.noCache, "no-cache", false, "do not use the clip cache")
	fl.StringVar(&f.prices, "prices", "", "JSON file of engine prices (USD per million characters) overriding the defaults")
	fl.BoolVar(&f.dryRun, "dry-run", false, "print the plan (segments, characters to send, estimated cost) and call no engine")
	fl.BoolVar(&f.asJSON, "json", false, "with --dry-run, print the plan as JSON")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "print nothing but errors")
	fl.BoolVar(&f.player, "player", false, "also write a listen page (OUT's name with .html), its narration document, chapters, timings, captions and player.js next to the output")
	fl.StringVar(&f.disclosure, "disclosure", "", "with --player, the newsroom's line under the player (default: \"Read aloud by a synthetic voice.\")")
	fl.DurationVar(&f.timeout, "timeout", 0, "give up the whole render after this long (0: no limit)")
	f.input.register(fl)
	registerCompletions(c)
	return c
}

// registerAudio adds the flags render and batch share: engine, audio
// format, loudness, pauses, chapters and spoken form.
func (f *renderFlags) registerAudio(fl *pflag.FlagSet) {
	d := pipeline.DefaultPauses()
	fl.StringVar(&f.voice, "voice", "", "engine and voice spec, ENGINE:VOICE?OPTION=VALUE, engines "+strings.Join(tts.Schemes(), ", ")+"; the engine alone (google:, polly:) reads each article with its voice for the article's language, and refuses a language it has none for (default: by the article's language, see 'narrate voices --lang LANG': piper:en_US-joe-medium for English when installed, else flite:slt; espeak-ng's voice for others; kokoro:VOICE reads en, fr, es, it, pt, hi, ja, zh)")
	fl.StringVar(&f.voiceMap, "voice-map", "", "voices per language when --voice is not given, as LANG=SPEC,... (fr=google:fr-FR-Neural2-F,de=polly:,it=espeak:it; an engine alone is its voice for the language)")
	fl.IntVar(&f.bitrate, "bitrate", 64, "MP3 bitrate in kbit/s (8..320)")
	fl.IntVar(&f.quality, "quality", 5, "MP3 encoder quality, 1 (best) to 9 (fastest)")
	fl.IntVar(&f.rate, "rate", 24000, "output sample rate in Hz")
	fl.IntVar(&f.channels, "channels", 1, "output channels: 1 or 2")
	fl.Float64Var(&f.qps, "qps", 0, "requests per second per engine account, shared by its voices (0: the engine's default, e.g. Google 1000/min; -1: unlimited)")
	fl.StringVar(&f.loudness, "loudness", "-16", "integrated loudness target in LUFS, -70..-5 (-16 podcast, -23 broadcast), or off")
	fl.StringVar(&f.truePeak, "true-peak", "-1", "true-peak ceiling in dBTP, -20..0, or off")
	fl.DurationVar(&f.pauses.Split, "pause-split", d.Split, "pause between the pieces of a paragraph split into several requests (0s..1m)")
	// The flag's first name, kept (unlisted) for scripts that use it.
	fl.DurationVar(&f.pauses.Split, "pause-sentence", d.Split, "the old name of --pause-split")
	fl.MarkHidden("pause-sentence")
	fl.DurationVar(&f.pauses.Paragraph, "pause-paragraph", d.Paragraph, "pause between paragraphs (0s..1m)")
	fl.DurationVar(&f.pauses.Section, "pause-section", d.Section, "pause before a heading (0s..1m)")
	fl.DurationVar(&f.pauses.Title, "pause-title", d.Title, "pause after the title (0s..1m)")
	fl.Float64Var(&f.trim, "trim-threshold", pipeline.DefaultTrimThreshold, "level in dBFS under which a clip's edges count as silence (-120..-10)")
	fl.StringVar(&f.chapters, "chapters", "paragraphs", "chapters in the MP3 tag or WAV cue list: paragraphs (one per body block), sections (one per heading) or off")
	f.spoken.register(fl)
}

// registerOverwrite adds ffmpeg's -y / -n.
func (f *renderFlags) registerOverwrite(fl *pflag.FlagSet) {
	fl.BoolVarP(&f.overwrite, "overwrite", "y", false, "replace outputs that already exist")
	fl.BoolVarP(&f.noOverwrite, "no-overwrite", "n", false, "never replace an existing output, and do not ask")
}

func runRender(c *cobra.Command, input string, f *renderFlags) error {
	ctx := c.Context()
	start := time.Now()
	// Everything the user typed is checked before the article is read or
	// the engine called: a mistake costs nothing.
	if f.jobs < 1 {
		return usageError{fmt.Errorf("--jobs %d: must be positive", f.jobs)}
	}
	if f.asJSON && !f.dryRun {
		return usageError{errors.New("--json goes with --dry-run")}
	}
	if f.disclosure != "" && !f.player {
		return usageError{errors.New("--disclosure goes with --player")}
	}
	format, err := resolveFormat(f.out, f.format)
	if err != nil {
		return usageError{err}
	}
	r, err := f.renderer(c.Flags(), format)
	if err != nil {
		return err
	}
	if f.captions != "" {
		if _, err := sidecar.CaptionFormatOf(f.captions); err != nil {
			return usageError{fmt.Errorf("--%w", err)}
		}
	}
	if f.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeoutCause(ctx, f.timeout, fmt.Errorf("stopped after --timeout %v", f.timeout))
		defer cancel()
	}
	prices, err := tts.LoadPriceFile(f.prices)
	if err != nil {
		return err
	}
	voices, err := f.voices()
	if err != nil {
		return usageError{err}
	}
	var eng *tts.Engine
	if !voices.ByLanguage() {
		// A --voice the engine does not take is a usage error, found
		// before the article is even read.
		if eng, err = openEngine(ctx, f, voices.Spec, f.jobs); err != nil {
			return err
		}
		defer eng.Close()
	} else if err := checkEngine(voices.Spec); err != nil {
		return err
	}
	doc, err := loadArticle(c, input, &f.input)
	if err != nil {
		return err
	}
	if !f.quiet {
		warnInput(c.ErrOrStderr(), doc)
	}
	choice, err := voices.Choose(doc.Lang)
	if err != nil {
		return voiceError(err)
	}
	if eng == nil {
		if eng, err = openEngine(ctx, f, choice.Spec, f.jobs); err != nil {
			return err
		}
		defer eng.Close()
	}
	if !f.quiet {
		for _, note := range []string{choice.Reason, suggestion(choice)} {
			if note != "" {
				fmt.Fprintf(c.ErrOrStderr(), "narrate: %s\n", note)
			}
		}
	}
	o := publish.Outputs{Audio: f.out, Timings: f.timings, Captions: f.captions, Summary: f.summary}
	if o.Audio == "" {
		o.Audio = publish.AudioName(input, doc.Title, format)
	}
	if f.player {
		var same *outfile.SameFileError
		err := o.AddPlayer(web.Static{Chapters: f.chapters, Disclosure: f.disclosure}, input)
		if errors.As(err, &same) {
			return usageError{fmt.Errorf("--player would write %s over the input; choose another output name with -o", same.Path)}
		}
		if err != nil {
			return usageError{err}
		}
	}
	if f.dryRun {
		return dryRun(c, doc, eng, r, prices, f.asJSON)
	}
	if o.Audio == publish.Stdout && interactive(c.OutOrStdout()) {
		return usageError{errors.New("-o -: standard output is a terminal; pipe it (| ffplay -) or redirect it (> story.mp3)")}
	}
	if err := checkOutputs(c, append([]string{input, f.prices}, f.spoken.files()...), o, f); err != nil {
		return err
	}
	bar := newProgress(c.ErrOrStderr(), f.quiet)
	sum, err := publish.Render(ctx, doc, publish.Job{Renderer: r.WithProgress(bar.event), Engine: eng,
		Dest: publish.Dir{Stdout: c.OutOrStdout()}, Outputs: o, Prices: prices, Voice: choice, Start: start})
	bar.finish(sum != nil)
	if sum == nil {
		return renderError(ctx, input, eng.ID(), err)
	}
	if err != nil {
		return err
	}
	if !f.quiet {
		where := o.Audio
		if where == publish.Stdout {
			where = "standard output"
		}
		fmt.Fprintf(c.ErrOrStderr(), "narrate: wrote %s: %s\n", where, sum.Line())
		for _, w := range sum.Warnings {
			fmt.Fprintf(c.ErrOrStderr(), "narrate: warning: %s\n", w)
		}
	}
	return nil
}

// openEngine opens the --voice engine with its cache, retries and limits.
// A spec the engine does not take (unknown scheme, option or voice) is a
// usage error.
func openEngine(ctx context.Context, f *renderFlags, spec string, jobs int) (*tts.Engine, error) {
	o := tts.Options{QPS: f.qps, Jobs: jobs}
	if newCache := f.clipCache(); newCache != nil {
		c, err := newCache(ctx)
		if err != nil {
			return nil, err
		}
		o.Cache = c
	}
	eng, err := tts.Open(ctx, spec, o)
	if errors.Is(err, tts.ErrUnknownVoice) {
		scheme, _, _ := strings.Cut(spec, ":")
		return nil, usageError{fmt.Errorf("--voice: %w; list the voices with `narrate voices --voice %s:`", err, scheme)}
	}
	if errors.Is(err, tts.ErrBadSpec) {
		return nil, usageError{fmt.Errorf("--voice: %w", err)}
	}
	return eng, err
}

// engineSet is the set of engines of a run whose articles may each have a
// voice of their own, opened with the flags' cache, retries and QPS, and at
// most jobs calls in flight per engine (0: the engine's own limit).
func (f *renderFlags) engineSet(jobs int) *tts.EngineSet {
	return tts.NewEngineSet(tts.Options{QPS: f.qps, Jobs: jobs}, f.clipCache())
}

// clipCache opens a clip cache at --cache for each engine, or is nil with
// --no-cache.
func (f *renderFlags) clipCache() func(context.Context) (tts.ClipCache, error) {
	if f.noCache {
		return nil
	}
	return func(ctx context.Context) (tts.ClipCache, error) {
		c, err := cache.OpenURL(ctx, f.cache)
		if err != nil {
			return nil, err
		}
		return c, nil
	}
}

// renderError words a failed render for the user: a --timeout or an
// engine's own deadline says which and how long, not "context deadline
// exceeded".
func renderError(ctx context.Context, input, engine string, err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.DeadlineExceeded) {
			return fmt.Errorf("render %s: %v (engine %s)", input, cause, engine)
		}
		return fmt.Errorf("render %s: engine %s timed out: %v", input, engine, strings.TrimSuffix(err.Error(), ": context deadline exceeded"))
	}
	return fmt.Errorf("render %s: %w", input, err)
}

// checkOutputs refuses outputs that would destroy an input, and existing
// outputs unless -y (or a yes at the terminal) allows replacing them.
func checkOutputs(c *cobra.Command, inputs []string, o publish.Outputs, f *renderFlags) error {
	if f.overwrite && f.noOverwrite {
		return usageError{errors.New("-y and -n contradict each other")}
	}
	err := publish.Check(inputs, o, f.overwrite)
	if errors.Is(err, publish.ErrStdoutTaken) {
		return usageError{err}
	}
	var same *outfile.SameFileError
	if errors.As(err, &same) && same.Input {
		return usageError{fmt.Errorf("%w; refusing to overwrite the article (choose another -o)", err)}
	}
	if errors.As(err, &same) {
		return usageError{fmt.Errorf("%s is the same file as %s; give each output its own name", f.outputRole(o, same.Index), f.outputRole(o, same.OtherIndex))}
	}
	var exists *outfile.ExistsError
	if !errors.As(err, &exists) {
		return err
	}
	if f.noOverwrite || !interactive(c.InOrStdin()) || inputs[0] == "-" {
		return fmt.Errorf("%w (use -y to overwrite, or -o to choose another name)", err)
	}
	fmt.Fprintf(c.ErrOrStderr(), "narrate: %s already exists. Overwrite? [y/N] ", strings.Join(exists.Paths, ", "))
	var answer string
	fmt.Fscanln(c.InOrStdin(), &answer)
	if a := strings.ToLower(strings.TrimSpace(answer)); a == "y" || a == "yes" {
		return nil
	}
	return errors.New("not overwriting; nothing written")
}

// outputRole names the output at position i of o.Files for the user: the
// flag that named it, or what it is when narrate named it.
func (f *renderFlags) outputRole(o publish.Outputs, i int) string {
	role := o.Role(i)
	flag := map[string]string{"audio": "-o", "timings": "--timings", "captions": "--captions", "summary": "--summary"}[role]
	given := map[string]string{"audio": f.out, "timings": f.timings, "captions": f.captions, "summary": f.summary}[role]
	name := o.Files()[i]
	if flag != "" && given == name {
		return flag + " " + name
	}
	switch {
	case role == "audio":
		role = "the audio" // named after the input
	case !strings.HasPrefix(role, "player"):
		role = "the player's " + role
	default:
		role = "the " + strings.Replace(role, "player", "player's", 1)
	}
	return role + " " + name
}

// renderer checks the audio flags and makes the renderer they ask for, of
// format. Every value out of range is a usage error naming the flag.
func (f *renderFlags) renderer(fl *pflag.FlagSet, format string) (*pipeline.Renderer, error) {
	for _, p := range []struct {
		name string
		v    int
	}{{"bitrate", f.bitrate}, {"quality", f.quality}, {"rate", f.rate}, {"channels", f.channels}} {
		// Zero means "default" to the library, never to a user who typed it.
		if p.v <= 0 && fl.Changed(p.name) {
			return nil, usageError{fmt.Errorf("--%s %d: must be positive", p.name, p.v)}
		}
	}
	pauses := f.pauses
	o := pipeline.Options{
		Format: format, SampleRate: f.rate, Channels: f.channels, Bitrate: f.bitrate,
		Quality: f.quality, Pauses: &pauses, TrimThreshold: new(f.trim),
		Chapters: f.chapters, Album: f.album, TempDir: f.tempDir,
	}
	var err error
	if o.LoudnessOff, o.Loudness, err = levelFlag("loudness", f.loudness); err != nil {
		return nil, usageError{err}
	}
	if o.TruePeakOff, o.TruePeak, err = levelFlag("true-peak", f.truePeak); err != nil {
		return nil, usageError{err}
	}
	if err := f.input.check(); err != nil {
		return nil, err
	}
	if err := f.spoken.apply(&o); err != nil {
		return nil, err
	}
	r, err := pipeline.New(o)
	if err != nil {
		return nil, usageError{flagError(err)}
	}
	return r, nil
}

// flagNames maps pipeline option names to the flags that set them.
var flagNames = map[string]string{
	"Format": "format", "SampleRate": "rate", "Channels": "channels", "Bitrate": "bitrate",
	"Quality": "quality", "Loudness": "loudness", "TruePeak": "true-peak",
	"TrimThreshold": "trim-threshold", "Chapters": "chapters",
	"Pauses.Split": "pause-split", "Pauses.Paragraph": "pause-paragraph",
	"Pauses.Section": "pause-section", "Pauses.Title": "pause-title",
}

// flagError prefixes a pipeline option error with the flag's name.
func flagError(err error) error {
	var oe *pipeline.OptionError
	if errors.As(err, &oe) {
		if name, ok := flagNames[oe.Option]; ok {
			return fmt.Errorf("--%s: %w", name, oe.Err)
		}
	}
	return err
}

func levelFlag(name, v string) (off bool, level *float64, err error) {
	if strings.EqualFold(v, "off") {
		return true, nil, nil
	}
	x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return false, nil, fmt.Errorf("--%s %q: want a number or off", name, v)
	}
	return false, &x, nil
}
