package main

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/outfile"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/store"
	"github.com/narrate-dev/narrate/tts"
)

// Exit codes of narrate batch beyond 0, 1 and 2.
const (
	exitSomeFailed = 3 // some articles failed; a rerun retries them
	exitBudget     = 4 // --max-chars stopped the run; articles are pending
)

type batchFlags struct {
	render         renderFlags
	manifest, out  string
	shard, summary string
	shards, jobs   int
	engineJobs     int
	maxChars       int64
	logEvery       time.Duration
}

func newBatchCmd() *cobra.Command {
	var f batchFlags
	c := &cobra.Command{
		Use:   "batch --manifest FILE --out URL",
		Short: "Narrate an archive: many articles, resumable and sharded",
		Long: `batch narrates every article of a manifest into a bucket: <id>.mp3 (or .wav),
<id>.vtt (captions), <id>.chapters.json (podcast chapters), <id>.json (timings
plus a "narrate" object; written last, it marks the article done) and, for an
article that failed, _failed/<id>.json; with --player also <id>.html (a
listen page), <id>.narration.json and player.js in each directory, so the
bucket serves the web player. An article already
done with the same settings is skipped, so a rerun picks up where a killed or
failed run stopped, and changed settings or article text re-render it.

The manifest is JSON Lines (one {"id":…, "path"|"url"|"html"|"markdown"|"text":…}
per line, optional title, byline, lang, voice, published, section), a CSV file
with those columns, or a directory of .html/.txt/.md files. --manifest - reads
it from standard input (JSON Lines, or CSV when it does not open with "{"); its
relative paths are then taken from the working directory, and a path of "-" is
refused, since standard input holds the manifest.

Voices: without --voice each article gets the voice of its language (see
'narrate voices --lang LANG'); --voice ENGINE: (the engine alone, as
--voice google:) reads each with that engine's voice for its language, and an
article in a language the engine has none for fails as input; --voice
ENGINE:VOICE reads every article with that one voice. An entry's voice (a
name of the engine, or a spec) wins.

--out is a directory, file:///dir, gs://bucket/prefix or s3://bucket/prefix.

Shards: --shard I/N, or from the job engine's environment: Kubernetes Indexed
Jobs (JOB_COMPLETION_INDEX with --shards N or NARRATE_SHARDS), Cloud Run Jobs
(CLOUD_RUN_TASK_INDEX, CLOUD_RUN_TASK_COUNT), AWS Batch arrays
(AWS_BATCH_JOB_ARRAY_INDEX with --shards or NARRATE_SHARDS), GCP Batch
(BATCH_TASK_INDEX, BATCH_TASK_COUNT). An article belongs to shard
sha256(id) mod N.

Exit codes: 0 every article of the shard is done; 1 the run itself failed
(output unreachable, engine cannot open); 2 usage or manifest error (nothing
was rendered; retrying will not help); 3 some articles failed (recorded under
_failed/; a rerun retries them, but an unreadable input or an engine's refusal
fails again until fixed); 4 --max-chars stopped the run (the rest is
pending); 130/143 interrupted.`,
		Example: `  narrate batch --manifest archive.jsonl --out ./audio --voice google:en-US-Neural2-F --jobs 8
  narrate batch --manifest archive.jsonl --out ./audio --voice google:     # Google's voice for each article's language
  narrate batch --manifest articles/ --out gs://news-audio/2024 --cache gs://news-audio-cache --shard 3/16
  narrate batch --manifest archive.csv --out s3://audio --dry-run
  jq -c '.[]' articles.json | narrate batch --manifest - --out ./audio
  narrate batch report --out gs://news-audio/2024 --manifest archive.jsonl --json`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error { return runBatch(c, &f) },
	}
	fl := c.Flags()
	fl.StringVar(&f.manifest, "manifest", "", "JSON Lines file, CSV file or directory of articles, - for standard input (required)")
	fl.StringVar(&f.out, "out", "", "output: directory, file:///dir, gs://bucket/prefix, s3://bucket/prefix (required)")
	fl.StringVar(&f.shard, "shard", "", "this process's shard as INDEX/COUNT (default: from the job engine's environment)")
	fl.IntVar(&f.shards, "shards", 0, "shard count for engines that give only an index (Kubernetes, AWS Batch)")
	fl.IntVar(&f.jobs, "jobs", 2, "articles rendered at once")
	fl.IntVar(&f.engineJobs, "engine-jobs", 0, "engine calls in flight across all articles, per engine account (0: the engine's own limit)")
	fl.Int64Var(&f.maxChars, "max-chars", 0, "stop before sending more than this many characters to the engine (0: no cap)")
	fl.StringVar(&f.summary, "summary", "", "write the run's totals as JSON to this file (- for standard output)")
	fl.DurationVar(&f.logEvery, "log-every", 10*time.Second, "progress line interval when stderr is not a terminal")
	r := &f.render
	r.registerAudio(fl)
	fl.StringVar(&r.format, "format", "mp3", "mp3 or wav")
	fl.StringVar(&r.album, "album", "", "publication name for the MP3 tags")
	fl.StringVar(&r.cache, "cache", "", "clip cache URL shared by every shard: directory, gs://, s3:// (default: the user cache dir)")
	fl.BoolVar(&r.noCache, "no-cache", false, "do not use the clip cache")
	fl.StringVar(&r.prices, "prices", "", "JSON file of engine prices (USD per million characters)")
	fl.BoolVar(&r.dryRun, "dry-run", false, "count articles, characters to send after cache hits and the cost; render nothing")
	fl.BoolVarP(&r.quiet, "quiet", "q", false, "print nothing but errors")
	fl.BoolVar(&r.player, "player", false, "also write each article's listen page <id>.html, its <id>.narration.json and player.js in its directory")
	fl.StringVar(&r.disclosure, "disclosure", "", "with --player, the newsroom's line under each player (default: \"Read aloud by a synthetic voice.\")")
	r.input.register(fl)
	c.AddCommand(newBatchReportCmd())
	return c
}

func runBatch(c *cobra.Command, f *batchFlags) error {
	ctx := c.Context()
	if f.manifest == "" || f.out == "" {
		return usageError{errors.New("batch: --manifest and --out are required")}
	}
	if f.jobs < 1 {
		return usageError{fmt.Errorf("--jobs %d: want at least 1", f.jobs)}
	}
	if f.render.disclosure != "" && !f.render.player {
		return usageError{errors.New("--disclosure goes with --player")}
	}
	shard, err := batchShard(f)
	if err != nil {
		return usageError{err}
	}
	r, err := f.render.renderer(c.Flags(), f.render.format)
	if err != nil {
		return err
	}
	entries, err := readManifest(c, f.manifest)
	if err != nil {
		return usageError{err}
	}
	mine := shard.Select(entries)
	prices, err := tts.LoadPriceFile(f.render.prices)
	if err != nil {
		return err
	}
	out, err := store.Open(ctx, f.out, store.Options{Create: true})
	if err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	defer out.Close()
	voices, err := f.render.voices()
	if err != nil {
		return usageError{err}
	}
	engines := f.render.engineSet(f.engineJobs)
	defer engines.Close()
	bo := batch.Options{Renderer: r, Load: f.render.input.loadOptions(nil), LangSource: "--lang", Jobs: f.jobs,
		MaxChars: f.maxChars, Prices: prices, Player: f.render.player, Disclosure: f.render.disclosure}
	engineName := "chosen per article by language"
	switch {
	case !voices.ByLanguage():
		// Open it now: a bad --voice is the run's error, not every article's.
		if bo.Engine, err = engines.Get(ctx, voices.Spec); err != nil {
			return err
		}
		engineName = bo.Engine.ID()
	case voices.Spec != "":
		if err := checkEngine(voices.Spec); err != nil {
			return err
		}
		bo.EngineFor, bo.EngineSpec = engines.Get, voices.Spec
		engineName = tts.RedactSpec(voices.Spec) + " (its voice chosen per article by language)"
	default:
		bo.EngineFor, bo.VoiceMap = engines.Get, voices.Map
	}
	w := c.ErrOrStderr()
	if !f.render.quiet {
		bo.VoiceNote = onceEach(func(line string) { fmt.Fprintf(w, "narrate: %s\n", line) })
		bo.VoiceChosen = bo.VoiceNote
	}
	if !f.render.quiet {
		fmt.Fprintf(w, "narrate: shard %s (from %s): %d of %d articles, engine %s\n", shard, shard.Source, len(mine), len(entries), engineName)
	}
	if f.render.dryRun {
		est, err := batch.DryRun(ctx, mine, out, bo)
		if err != nil {
			return err
		}
		for _, warn := range est.Warnings {
			fmt.Fprintf(w, "narrate: warning: %s\n", warn)
		}
		return printEstimate(c.OutOrStdout(), est)
	}
	prog := newBatchProgress(w, f.render.quiet, len(mine), f.logEvery)
	bo.Progress = prog.update
	bo.Failed = prog.failed
	start := time.Now()
	st, runErr := batch.Run(ctx, mine, out, bo)
	prog.finish()
	if st == nil {
		return runErr
	}
	sum := publish.SetSummary(engines.Engines(), time.Since(start), prices)
	sum.DurationSeconds = st.AudioSeconds
	report := struct {
		Shard string `json:"shard"`
		*batch.Stats
		Engine *publish.Summary `json:"engine"`
	}{shard.String(), st, sum}
	switch f.summary {
	case "":
	case publish.Stdout:
		if err := writeJSON(c.OutOrStdout(), report); err != nil {
			return fmt.Errorf("summary: %w", err)
		}
	default:
		if err := outfile.Write(f.summary, func(w *os.File) error {
			return writeJSON(w, report)
		}); err != nil {
			return fmt.Errorf("summary: %w", err)
		}
	}
	if !f.render.quiet {
		fmt.Fprintf(w, "narrate: %d done, %d skipped, %d failed, %d pending; %s of audio rendered; %s\n",
			st.Done, st.Skipped, st.Failed, st.Pending, pipeline.FormatSeconds(st.AudioSeconds), sum.EngineLine())
		for k, n := range st.Failures {
			fmt.Fprintf(w, "narrate: %d failed: %s (see _failed/ in the output)\n", n, k)
		}
	}
	switch {
	case runErr != nil:
		return runErr
	case st.Failed > 0:
		return exitCodeError{failedError(st, len(mine)), exitSomeFailed}
	case st.BudgetReached:
		return exitCodeError{fmt.Errorf("--max-chars %d reached: %d articles pending", f.maxChars, st.Pending), exitBudget}
	}
	return nil
}

// failedError says how many articles failed and what a rerun does about
// them: it retries them all, but only an engine's passing errors or a failed
// write can clear by themselves; a missing input or an engine's refusal
// needs fixing first.
func failedError(st *batch.Stats, total int) error {
	var retry, fix []string
	for _, kind := range slices.Sorted(maps.Keys(st.Failures)) {
		n := fmt.Sprintf("%d %s", st.Failures[kind], kind)
		if archive.Retryable(kind) {
			retry = append(retry, n)
		} else {
			fix = append(fix, n)
		}
	}
	switch {
	case len(fix) == 0:
		return fmt.Errorf("%d of %d articles failed; rerun to retry them", st.Failed, total)
	case len(retry) == 0:
		return fmt.Errorf("%d of %d articles failed (%s): a rerun fails them again until their input or the settings are fixed; see _failed/ in the output", st.Failed, total, strings.Join(fix, ", "))
	}
	return fmt.Errorf("%d of %d articles failed: a rerun retries %s; %s fail again until their input or the settings are fixed; see _failed/ in the output",
		st.Failed, total, strings.Join(retry, ", "), strings.Join(fix, ", "))
}

// batchShard finds the shard from --shard, else from the job engine's
// environment and --shards, and words the library's errors in flags.
func batchShard(f *batchFlags) (batch.Shard, error) {
	s, err := batch.ResolveShard(f.shard, f.shards, os.Getenv)
	if f.shard != "" {
		s.Source = "--shard"
		if err != nil && f.shards != 0 {
			err = fmt.Errorf("--shard %s --shards %d: %w", f.shard, f.shards, err)
		}
		return s, err
	}
	if f.shards < 0 {
		return s, fmt.Errorf("--shards %d: %w", f.shards, err)
	}
	var noCount *batch.NoCountError
	switch {
	case errors.Is(err, batch.ErrNoShardIndex):
		return s, fmt.Errorf("--shards %d given but no shard index (use --shard I/N, or run under an engine that sets one)", f.shards)
	case errors.As(err, &noCount):
		want := "--shards N or NARRATE_SHARDS"
		if noCount.CountVar != "" {
			want = noCount.CountVar + ", " + want
		}
		return s, fmt.Errorf("%s: %s=%d is set but not the shard count (set %s)", noCount.Engine, noCount.IndexVar, noCount.Index, want)
	}
	return s, err
}

func printEstimate(w io.Writer, est *batch.Estimate) error {
	fmt.Fprintf(w, "articles:    %d (%d done, %d to render, %d unreadable)\n", est.Articles, est.Done, est.ToRender, est.Unreadable)
	fmt.Fprintf(w, "segments:    %d (%d already cached)\n", est.Segments, est.CachedSegments)
	fmt.Fprintf(w, "characters:  %d to send (%d in all)\n", est.CharactersToSend, est.Characters)
	switch {
	case est.EstimatedCostUSD != nil && *est.EstimatedCostUSD == 0 && est.EstimatedCPUSeconds != nil:
		fmt.Fprintf(w, "cost:        nothing (the engine runs on this machine); about %s of CPU time on one core\n", pipeline.FormatSeconds(*est.EstimatedCPUSeconds))
	case est.EstimatedCostUSD != nil:
		fmt.Fprintf(w, "cost:        about %s\n", tts.FormatUSD(*est.EstimatedCostUSD))
		if est.EstimatedCPUSeconds != nil && *est.EstimatedCPUSeconds > 0 {
			fmt.Fprintf(w, "cpu:         about %s on one core for the local engines\n", pipeline.FormatSeconds(*est.EstimatedCPUSeconds))
		}
	default:
		fmt.Fprintf(w, "cost:        unknown (no price for this engine; give one with --prices)\n")
	}
	for _, p := range est.Problems {
		fmt.Fprintf(w, "unreadable:  %s\n", p)
	}
	return nil
}

// readManifest reads the manifest named by --manifest: a file or a
// directory, or "-" for standard input (JSON Lines or CSV; said first when
// it is a terminal). With the manifest on standard input, an article there
// cannot be: an entry whose path is "-" is refused.
func readManifest(c *cobra.Command, name string) ([]batch.Entry, error) {
	if name != "-" {
		return batch.ReadManifest(name)
	}
	stdin := c.InOrStdin()
	if interactive(stdin) {
		fmt.Fprintln(c.ErrOrStderr(), "narrate: reading the manifest from stdin; end with Ctrl-D")
	}
	entries, err := batch.ReadManifestFrom(&ctxReader{ctx: c.Context(), r: stdin}, "-")
	if err != nil {
		return nil, err
	}
	me := &batch.ManifestError{Name: "-"}
	for _, e := range entries {
		if e.Path == "-" {
			me.Problems = append(me.Problems, fmt.Sprintf(`line %d: path "-" would read standard input, which holds the manifest (--manifest -): give the article's file`, e.Line))
		}
	}
	if len(me.Problems) > 0 {
		return nil, me
	}
	return entries, nil
}

func newBatchReportCmd() *cobra.Command {
	var out, manifest, prices string
	var asJSON bool
	c := &cobra.Command{
		Use:   "report --out URL [--manifest FILE] [--json]",
		Short: "Totals of a batch output: done, failed, pending, audio, characters, cost",
		Args:  exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			if out == "" {
				return usageError{errors.New("narrate batch report: --out is required")}
			}
			var entries []batch.Entry
			if manifest != "" {
				var err error
				if entries, err = readManifest(c, manifest); err != nil {
					return usageError{err}
				}
			}
			p, err := tts.LoadPriceFile(prices)
			if err != nil {
				return err
			}
			b, err := store.Open(c.Context(), out, store.Options{})
			if err != nil {
				return fmt.Errorf("--out: %w", err)
			}
			defer b.Close()
			rep, err := archive.MakeReport(c.Context(), b, batch.Keys(entries), p, 16)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(c.OutOrStdout(), rep)
			}
			_, err = io.WriteString(c.OutOrStdout(), rep.Text())
			return err
		},
	}
	c.Flags().StringVar(&out, "out", "", "the batch's output URL (required)")
	c.Flags().StringVar(&manifest, "manifest", "", "the manifest, to count pending articles (- for standard input)")
	c.Flags().StringVar(&prices, "prices", "", "JSON file of engine prices")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

// batchProgress is a bar on a terminal, else one log line per interval.
type batchProgress struct {
	mu    sync.Mutex
	bar   *progressbar.ProgressBar
	w     io.Writer
	total int
	every time.Duration
	last  time.Time
	quiet bool
}

func newBatchProgress(w io.Writer, quiet bool, total int, every time.Duration) *batchProgress {
	p := &batchProgress{w: w, total: total, every: every, last: time.Now(), quiet: quiet}
	if f, ok := w.(*os.File); ok && !quiet && term.IsTerminal(int(f.Fd())) {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(200*time.Millisecond),
		)
	}
	return p
}

func (p *batchProgress) update(st batch.Stats) {
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	desc := fmt.Sprintf("%d done, %d failed, %d skipped, %s of audio", st.Done, st.Failed, st.Skipped, pipeline.FormatSeconds(st.AudioSeconds))
	if p.bar != nil {
		p.bar.Describe(desc)
		p.bar.Set(st.Finished())
		return
	}
	if time.Since(p.last) < p.every && st.Finished() < p.total {
		return
	}
	p.last = time.Now()
	left, ok := st.Left(p.total)
	eta := "estimating time left"
	switch {
	case st.Finished() >= p.total:
		eta = "finished in " + pipeline.FormatSeconds(st.Elapsed.Seconds())
	case ok:
		eta = "about " + pipeline.FormatSeconds(left.Round(time.Second).Seconds()) + " left"
	}
	fmt.Fprintf(p.w, "narrate: %d/%d articles: %s, %s\n", st.Finished(), p.total, desc, eta)
}

// failed says on one line which article failed and why (the record's
// error without its "article ID: " prefix, since the line starts with the
// id), above the bar on a terminal.
func (p *batchProgress) failed(f archive.Failure) {
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Clear()
	}
	fmt.Fprintf(p.w, "narrate: %s failed (%s): %s\n", f.ID, f.Kind, strings.TrimPrefix(f.Error, "article "+f.ID+": "))
}

func (p *batchProgress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
