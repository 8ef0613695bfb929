package batch

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"

	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/internal/workpool"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/store"
	"github.com/narrate-dev/narrate/tts"
)

// Options configure Run and DryRun.
type Options struct {
	// Engine renders every article; its limits and clip cache are shared
	// by all of them. Required unless EngineFor is set.
	Engine *tts.Engine
	// EngineFor, when set, gives each article its own engine instead of
	// Engine, by spec: the entry's voice when that is a full spec
	// ("espeak:fr"), else the voice tts.Choose picks through VoiceMap
	// for the article's language (the entry's lang, else the page's or the
	// detected one). It should return one Engine per spec, so that articles
	// share its limits and cache.
	EngineFor func(ctx context.Context, spec string) (*tts.Engine, error)
	// VoiceMap names voices per language for EngineFor's choice.
	VoiceMap tts.VoiceMap
	// EngineSpec, when set with EngineFor, is an engine spec naming no
	// voice ("google:", "polly:?region=eu-west-1"): every article is read
	// by that engine, in the voice it offers for the article's language
	// (tts.ChooseEngine) or the one its entry names, and an article in a
	// language the engine has no voice for fails as input (a
	// *tts.NoVoiceError) rather than being read by the engine's English
	// voice. VoiceMap is not used then.
	EngineSpec string
	// VoiceChosen, if set, is told why the engine of EngineSpec reads an
	// article in the voice it does (tts.Choice.Reason: "voice
	// google:de-DE-Neural2-G chosen for German (de, detected) as google's
	// voice for the language"), for every such article, possibly from
	// several goroutines at once: callers show each line once.
	VoiceChosen func(line string)
	// VoiceNote, if set, is told what the chooser said about a voice it
	// picked that the user should know: a better voice that is not
	// installed (tts.Choice.FellBack, then the reason) or one installed but
	// not the default (tts.Choice.Suggest). It is called for every article
	// the line concerns, possibly from several goroutines at once: callers
	// show each line once.
	VoiceNote func(line string)
	// Renderer renders every article (nil: pipeline's defaults).
	Renderer *pipeline.Renderer
	// Load reads the articles; its Lang and Format are set per entry.
	Load article.LoadOptions
	// LangSource says where Load.Lang came from in the chooser's notes
	// (a command says which flag; default "given for the run").
	LangSource string
	// Jobs is how many articles are rendered at once (default 2). The
	// engine's own limit on calls in flight applies across all of them.
	Jobs int
	// MaxChars, when positive, caps the characters sent to the engine (as
	// estimated before each article, after cache hits): an article that
	// would go over is not started, nor is any after it.
	MaxChars int64
	// Prices price the characters (nil: no cost estimates).
	Prices publish.PriceEstimator
	// Progress, if set, is called after every article with the totals so
	// far. Calls are serialized.
	Progress func(Stats)
	// Failed, if set, is told each article that failed, with the record
	// written under _failed/ (its id, kind and error), so that a run's
	// log can name it. Calls are serialized.
	Failed func(archive.Failure)
	// Now stamps failure records (default time.Now).
	Now func() time.Time
	// TempDir holds each render until it is uploaded (default os.TempDir()).
	TempDir string
	// CheckDocument, when set, is called with each article once read and
	// before it is planned; its error fails the article as input (a
	// service refuses articles over its limits before the work of
	// planning them).
	CheckDocument func(doc *article.Document) error
	// Player also writes each article's listen page <key>.html, its
	// player document <key>.narration.json and player.js in its directory
	// (see web.Static), so a static bucket serves the web player. A rerun
	// writes those a done article lacks.
	Player bool
	// Disclosure is the newsroom's line under each listen page's player
	// (web.Page.Disclosure).
	Disclosure string
}

// Stats count what a run did.
type Stats struct {
	// Articles is the number of entries given.
	Articles int `json:"articles"`
	// Done were rendered and written by this run.
	Done int `json:"done"`
	// Skipped were already done with the same settings.
	Skipped int `json:"skipped"`
	// Backfilled are skipped articles, done before batch wrote captions
	// and chapters (or, with Player, without a listen page), that this
	// run gave them from their timings sidecar (no engine call).
	Backfilled int `json:"backfilled"`
	// Failed were recorded under _failed/.
	Failed int `json:"failed"`
	// Pending were not finished: not started because of MaxChars, or
	// interrupted.
	Pending int `json:"pending"`
	// AudioSeconds is the narration written by this run.
	AudioSeconds float64 `json:"audio_seconds"`
	// Characters is what this run narrated (cached or not).
	Characters int64 `json:"characters"`
	// EstimatedCharacters is what the run expected to send to the engine
	// (after cache hits), which MaxChars is checked against.
	EstimatedCharacters int64 `json:"estimated_characters"`
	// Failures counts failed articles by kind (KindInput…).
	Failures map[string]int `json:"failures"`
	// BudgetReached says MaxChars stopped the run.
	BudgetReached bool `json:"budget_reached"`
	// Elapsed is the time since the run started.
	Elapsed time.Duration `json:"-"`
}

// Finished is how many articles have an outcome.
func (s Stats) Finished() int { return s.Done + s.Skipped + s.Failed }

// Left estimates how long the articles of total not finished yet will take,
// at the pace of those finished so far; ok is false before the first one.
func (s Stats) Left(total int) (left time.Duration, ok bool) {
	n := s.Finished()
	if n == 0 || s.Elapsed <= 0 {
		return 0, false
	}
	if n >= total {
		return 0, true
	}
	return time.Duration(float64(s.Elapsed) / float64(n) * float64(total-n)), true
}

// note passes line to VoiceNote, if set.
func (o *Options) note(line string) {
	if o.VoiceNote != nil {
		o.VoiceNote(line)
	}
}

func (o *Options) defaults() error {
	if o.Engine == nil && o.EngineFor == nil {
		return errors.New("batch: no engine")
	}
	if o.Jobs <= 0 {
		o.Jobs = 2
	}
	o.Renderer = o.renderer()
	if o.Now == nil {
		o.Now = time.Now
	}
	return nil
}

// prepared is an article read and planned, with its settings hash.
type prepared struct {
	e     *Entry
	doc   *article.Document
	eng   *tts.Engine
	r     *pipeline.Renderer // o.Renderer with the article's voice
	voice string
	plan  *pipeline.Plan
	hash  string
	// old is the sidecar's Info when one exists.
	old *archive.Info
}

// prepare loads and plans e and reads its sidecar. Errors are kinds of
// failure of this article, not of the run.
func prepare(ctx context.Context, e *Entry, out *blob.Bucket, o *Options) (*prepared, error) {
	p, err := planEntry(ctx, e, o)
	if err != nil {
		return nil, err
	}
	p.old, err = archive.ReadInfo(ctx, out, archive.SidecarObject(e.Key))
	if err != nil {
		// An unreadable sidecar is not done: render again and replace it.
		p.old = &archive.Info{}
	}
	if p.old != nil && p.old.ID != "" && p.old.ID != e.ID {
		return nil, &stageError{archive.KindInput, &KeyTakenError{ID: e.ID, Key: e.Key, Holder: p.old.ID}}
	}
	return p, nil
}

// KeyTakenError is an article whose object key already holds another
// article's narration: two ids that differ only in characters a key
// cannot hold ("a b" and "a_b") share the key archive.SanitizeID makes. A
// manifest with both is refused when it is read; across runs, the later
// one fails with this error instead of replacing the earlier one's
// narration.
type KeyTakenError struct {
	ID, Key, Holder string
}

func (e *KeyTakenError) Error() string {
	return fmt.Sprintf("%s: its key %q already holds the narration of article %q (the two ids share a key); give this article another id, or delete %s to replace that narration",
		e.ID, e.Key, e.Holder, archive.SidecarObject(e.Key))
}

// planEntry loads and plans e and computes its settings hash.
func planEntry(ctx context.Context, e *Entry, o *Options) (*prepared, error) {
	doc, err := loadEntry(ctx, e, o.Load)
	if err != nil {
		return nil, &stageError{archive.KindInput, err}
	}
	if o.CheckDocument != nil {
		if err := o.CheckDocument(doc); err != nil {
			return nil, &stageError{archive.KindInput, fmt.Errorf("%s: %w", e.ID, err)}
		}
	}
	p := &prepared{e: e, doc: doc, eng: o.Engine, r: o.Renderer}
	source := "detected"
	if e.Lang != "" {
		source = "manifest"
	} else if o.Load.Lang != "" {
		source = cmp.Or(o.LangSource, "given for the run")
	}
	if o.EngineFor != nil && o.EngineSpec != "" {
		spec, err := engineVoice(o.EngineSpec, e, doc.Lang, source, o.VoiceChosen)
		if err != nil {
			return nil, &stageError{archive.KindInput, fmt.Errorf("%s: %w", e.ID, err)}
		}
		if p.eng, err = o.EngineFor(ctx, spec); err != nil {
			return nil, &stageError{archive.KindInput, fmt.Errorf("%s: %w", e.ID, err)}
		}
		if sp, err := tts.ParseSpec(spec); err == nil && e.Voice != "" {
			p.voice = sp.Voice
		}
	}
	bySpec := o.EngineFor != nil && strings.Contains(e.Voice, ":")
	if o.EngineFor != nil && o.EngineSpec == "" {
		spec := e.Voice
		if bySpec && tts.EngineOnly(spec) {
			// The entry names an engine but no voice: its voice for the
			// article's language.
			c, err := tts.ChooseEngine(spec, doc.Lang, source)
			if err != nil {
				return nil, &stageError{archive.KindInput, fmt.Errorf("%s: %w", e.ID, err)}
			}
			spec = c.Spec
			if o.VoiceChosen != nil && c.Reason != "" {
				o.VoiceChosen(c.Reason)
			}
		}
		if !bySpec {
			choice := tts.Choose(doc.Lang, source, o.VoiceMap)
			spec = choice.Spec
			if choice.FellBack {
				o.note(choice.Reason)
			}
			if s := choice.Suggest(); s != "" {
				o.note(s)
			}
		}
		if p.eng, err = o.EngineFor(ctx, spec); err != nil {
			return nil, &stageError{archive.KindInput, fmt.Errorf("%s: %w", e.ID, err)}
		}
	}
	if e.Voice != "" && !bySpec && o.EngineSpec == "" {
		v, err := voiceName(p.eng.ID(), e.Voice)
		if err != nil {
			return nil, &stageError{archive.KindInput, err}
		}
		p.voice = v
		p.r = p.r.WithVoice(v)
	}
	p.plan, err = p.r.PlanFor(ctx, doc, p.eng)
	if err != nil {
		if ctx.Err() != nil {
			return nil, err
		}
		return nil, &stageError{archive.KindInput, fmt.Errorf("%s: %w", e.ID, err)}
	}
	if len(p.plan.Segments) == 0 {
		return nil, &stageError{archive.KindInput, fmt.Errorf("%s: nothing to narrate", e.ID)}
	}
	p.hash = SettingsHash(p.r, p.eng.ID(), doc, p.plan)
	return p, nil
}

func (p *prepared) done() bool { return p.old != nil && p.old.Settings == p.hash }

// loadEntry reads the article of e and applies the manifest's metadata.
func loadEntry(ctx context.Context, e *Entry, lo article.LoadOptions) (*article.Document, error) {
	if e.doc != nil {
		return e.doc, nil
	}
	if e.Lang != "" {
		lo.Lang = e.Lang
	}
	// The manifest's title and byline are the article's: the loader reads
	// the text whole instead of taking a title from it.
	lo.Title, lo.Byline = e.Title, e.Byline
	var (
		doc *article.Document
		err error
	)
	switch e.Source() {
	case "path":
		doc, err = article.Load(ctx, e.Path, lo)
	case "url":
		doc, err = article.Load(ctx, e.URL, lo)
	case "html":
		lo.Format = article.FormatHTML
		doc, err = article.ParseContext(ctx, []byte(e.HTML), e.ID+" (inline html)", lo)
	case "markdown":
		lo.Format = article.FormatMarkdown
		doc, err = article.ParseContext(ctx, []byte(e.Markdown), e.ID+" (inline markdown)", lo)
	default:
		lo.Format = article.FormatText
		doc, err = article.ParseContext(ctx, []byte(e.Text), e.ID+" (inline text)", lo)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", e.ID, err)
	}
	if e.Published != "" {
		t, err := archive.ParsePublished(e.Published)
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", e.ID, err)
		}
		doc.Published = &t
	}
	return doc, nil
}

// engineVoice is the spec that reads e with the engine of engineSpec (a
// spec naming no voice): the voice e names, else the engine's voice for
// the article's language, whose reason goes to chosen.
func engineVoice(engineSpec string, e *Entry, lang, source string, chosen func(string)) (string, error) {
	name, err := voiceName(engineSpec, e.Voice)
	if err != nil {
		return "", err
	}
	if name != "" {
		sp, err := tts.ParseSpec(engineSpec)
		if err != nil {
			return "", err
		}
		sp.Voice = name
		return sp.String(), nil
	}
	c, err := tts.ChooseEngine(engineSpec, lang, source)
	if err != nil {
		return "", err
	}
	if chosen != nil && c.Reason != "" {
		chosen(c.Reason)
	}
	return c.Spec, nil
}

// voiceName turns a manifest voice into a Request.Voice for the engine with
// ID engineID: a bare name, or a spec of the same engine without options.
func voiceName(engineID, v string) (string, error) {
	if !strings.Contains(v, ":") {
		return strings.TrimSpace(v), nil
	}
	sp, err := tts.ParseSpec(v)
	if err != nil {
		return "", fmt.Errorf("voice %q: %w", v, err)
	}
	eng, err := tts.ParseSpec(engineID)
	if err != nil {
		return "", fmt.Errorf("engine %q: %w", engineID, err)
	}
	if sp.Scheme != eng.Scheme {
		return "", fmt.Errorf("voice %q is for engine %q but the batch runs %q (one engine per batch: run the other engine's articles as a batch of their own)", v, sp.Scheme, eng.Scheme)
	}
	if len(sp.Options) > 0 {
		return "", fmt.Errorf("voice %q: options belong to the run's engine spec, not to an article", v)
	}
	return sp.Voice, nil
}

// outcome of one article.
type outcome int

const (
	outDone outcome = iota
	outSkipped
	outFailed
	outPending
)

// run is the state shared by a Run's workers.
type run struct {
	out  *blob.Bucket
	o    Options
	mu   sync.Mutex
	st   Stats
	stop bool
	t0   time.Time
	// players holds a *playerOnce per player.js object checked.
	players sync.Map
}

// Run renders every entry not already done into out, up to o.Jobs at once.
// A failing article is recorded under _failed/ and does not stop the others.
// The error is nil unless ctx ended (the stats are still valid then); check
// Stats.Failed and Stats.Pending for the articles' fate.
func Run(ctx context.Context, entries []Entry, out *blob.Bucket, o Options) (*Stats, error) {
	if err := o.defaults(); err != nil {
		return nil, err
	}
	r := &run{out: out, o: o, t0: time.Now()}
	r.st.Articles = len(entries)
	r.st.Failures = map[string]int{}
	going := func(int) bool {
		r.mu.Lock()
		defer r.mu.Unlock()
		return !r.stop
	}
	sent := workpool.Run(ctx, len(entries), o.Jobs, going, func(i int) {
		res, audio, chars := r.article(ctx, &entries[i])
		r.record(res, audio, chars)
	})
	r.mu.Lock()
	defer r.mu.Unlock()
	r.st.Pending += len(entries) - sent
	r.st.Elapsed = time.Since(r.t0)
	st := r.st
	if err := ctx.Err(); err != nil {
		return &st, fmt.Errorf("batch interrupted: %w", context.Cause(ctx))
	}
	return &st, nil
}

// addMS adds seconds and rounds the sum to the millisecond: totals of
// thousands of durations otherwise print as 1524.9074999979998.
func addMS(total, s float64) float64 { return math.Round((total+s)*1000) / 1000 }

func (r *run) record(res outcome, audio float64, chars int64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch res {
	case outDone:
		r.st.Done++
		r.st.AudioSeconds = addMS(r.st.AudioSeconds, audio)
		r.st.Characters += chars
	case outSkipped:
		r.st.Skipped++
	case outPending:
		r.st.Pending++
	}
	r.st.Elapsed = time.Since(r.t0)
	if r.o.Progress != nil {
		r.o.Progress(r.st)
	}
}

// reserve books est characters against the budget, or stops the run.
func (r *run) reserve(est int64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stop {
		return false
	}
	if r.o.MaxChars > 0 && r.st.EstimatedCharacters+est > r.o.MaxChars {
		r.stop = true
		r.st.BudgetReached = true
		return false
	}
	r.st.EstimatedCharacters += est
	return true
}

// article renders one entry and returns its outcome, the audio seconds and
// characters it narrated.
func (r *run) article(ctx context.Context, e *Entry) (outcome, float64, int64) {
	if ctx.Err() != nil {
		return outPending, 0, 0
	}
	p, err := prepare(ctx, e, r.out, &r.o)
	if err != nil {
		return r.fail(ctx, e, "", r.o.engineID(), err), 0, 0
	}
	if p.done() {
		added, err := r.backfill(ctx, p)
		if err != nil {
			return r.fail(ctx, e, p.hash, p.eng.ID(), err), 0, 0
		}
		if added {
			r.mu.Lock()
			r.st.Backfilled++
			r.mu.Unlock()
		}
		return outSkipped, 0, 0
	}
	if r.o.MaxChars > 0 {
		est, err := p.r.Estimate(ctx, p.plan, p.eng)
		if err != nil {
			return r.fail(ctx, e, p.hash, p.eng.ID(), err), 0, 0
		}
		if !r.reserve(int64(est.CharactersToSend)) {
			return outPending, 0, 0
		}
	}
	info, err := r.render(ctx, p)
	if err != nil {
		return r.fail(ctx, e, p.hash, p.eng.ID(), err), 0, 0
	}
	return outDone, info.DurationSeconds, int64(info.Characters)
}

// render narrates p and publishes its audio, captions, chapters and (with
// Options.Player) player (publish.Article), then the sidecar, then clears
// any failure record.
func (r *run) render(ctx context.Context, p *prepared) (*archive.Info, error) {
	o := &r.o
	outputs := r.outputs(p.e.Key, p.doc.Lang, o.Player)
	res, err := publish.Article(ctx, p.r, p.doc, p.eng, bucketDest{r}, outputs)
	var we *publish.WriteError
	if errors.As(err, &we) {
		return nil, &stageError{archive.KindOutput, err}
	}
	if err != nil {
		return nil, fmt.Errorf("render %s: %w", p.e.ID, err)
	}
	name := outputs.Audio
	info := archive.Info{
		ID: p.e.ID, Settings: p.hash, Options: p.r.SettingsHash(p.eng.ID()), Engine: p.eng.ID(), Voice: p.voice, Format: o.Format(),
		Audio: name, DurationSeconds: addMS(0, res.Duration().Seconds()), Characters: res.Plan.Characters(),
		Segments: len(res.Plan.Segments), Source: p.e.Source(), URL: p.e.URL, Section: p.e.Section,
		Published: p.e.Published, Lang: p.doc.Lang, Warnings: res.Warnings,
	}
	data, err := encodeJSON(archive.Sidecar{Narrate: info, Timings: res.Timings.Rounded()})
	if err != nil {
		return nil, &stageError{archive.KindOutput, fmt.Errorf("sidecar of %s: %w", p.e.ID, err)}
	}
	// No sidecar before: publish with IfNotExist so a twin run of this
	// shard cannot replace a done marker. A stale one must be replaced.
	err = writeObject(ctx, r.out, archive.SidecarObject(p.e.Key), "application/json", bytes.NewReader(data), p.old == nil)
	if err != nil && !errors.Is(err, store.ErrExists) {
		return nil, &stageError{archive.KindOutput, err}
	}
	if err := r.deleteOwnFailure(ctx, p.e); err != nil {
		return nil, &stageError{archive.KindOutput, err}
	}
	return &info, nil
}

// deleteOwnFailure deletes e's failure record once e is done, but not the
// record of another article whose id shares e's key (KeyTakenError): that
// one is still failed, and the report must say so.
func (r *run) deleteOwnFailure(ctx context.Context, e *Entry) error {
	f, err := archive.ReadFailure(ctx, r.out, e.Key)
	if err == nil && f != nil && f.ID != "" && f.ID != e.ID {
		return nil
	}
	return deleteIfExists(ctx, r.out, archive.FailedObject(e.Key))
}

// fail records a failed article, unless the run is being stopped, in which
// case the article is pending.
func (r *run) fail(ctx context.Context, e *Entry, hash, engine string, err error) outcome {
	if ctx.Err() != nil {
		return outPending
	}
	kind := kindOf(err)
	rec := archive.Failure{ID: e.ID, Key: e.Key, Kind: kind, Error: err.Error(), Time: r.o.Now().UTC(), Settings: hash, Engine: engine}
	data, jerr := encodeJSON(rec)
	if jerr == nil {
		jerr = writeObject(ctx, r.out, archive.FailedObject(e.Key), "application/json", bytes.NewReader(data), false)
	}
	r.mu.Lock()
	r.st.Failed++
	r.st.Failures[kind]++
	if jerr != nil {
		// The record could not be written either: still a failure, counted
		// under output so the run's exit status says so.
		r.st.Failures[archive.KindOutput+"_record"]++
	}
	if r.o.Failed != nil {
		r.o.Failed(rec)
	}
	r.mu.Unlock()
	return outFailed
}

// engineID is the batch's engine, "" when each article chooses its own.
func (o *Options) engineID() string {
	if o.Engine == nil {
		return ""
	}
	return o.Engine.ID()
}

// defaultRenderer renders with every option at its default.
var defaultRenderer, _ = pipeline.New(pipeline.Options{})

// renderer is o.Renderer, or the default one.
func (o *Options) renderer() *pipeline.Renderer {
	if o.Renderer == nil {
		return defaultRenderer
	}
	return o.Renderer
}

// Format is the audio format of every article ("mp3" or "wav").
func (o *Options) Format() string { return o.renderer().Options().Format }

// Chapters is the chapter mode of every article (sidecar.ChaptersParagraphs…).
func (o *Options) Chapters() string { return o.renderer().Options().Chapters }
