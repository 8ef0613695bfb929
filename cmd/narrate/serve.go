package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"gocloud.dev/blob"
	"gocloud.dev/pubsub"
	_ "gocloud.dev/pubsub/awssnssqs"
	_ "gocloud.dev/pubsub/gcppubsubv2"
	_ "gocloud.dev/pubsub/mempubsub"

	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/internal/tempdir"
	"github.com/narrate-dev/narrate/serve"
	_ "github.com/narrate-dev/narrate/serve/jetstream"
	"github.com/narrate-dev/narrate/store"
	"github.com/narrate-dev/narrate/tts"
)

// serviceFlags are the flags serve and worker share: they must render with
// the same settings, or a job's output would not match its id.
type serviceFlags struct {
	render                renderFlags
	store, queue, sub     string
	logFormat, secretFile string
	allowPrivate          bool
	jobs, engineJobs      int
	grace                 time.Duration
	addr                  string
}

func (f *serviceFlags) register(fl *pflag.FlagSet, addr string) {
	fl.StringVar(&f.addr, "addr", addr, "address to listen on")
	fl.StringVar(&f.store, "store", "", "where narrations live: directory, file:///dir, mem://, gs://bucket/prefix, s3://bucket/prefix (required)")
	fl.StringVar(&f.queue, "queue", "mem://narrate", "job queue: a gocloud.dev/pubsub topic URL (mem://, gcppubsubv2://PROJECT/TOPIC, jetstream://STREAM/SUBJECT with $NATS_SERVER_URL, awssqs://…, awssns://…)")
	fl.StringVar(&f.sub, "subscription", "", "where workers take jobs from, when not the --queue URL itself (gcppubsubv2://PROJECT/SUBSCRIPTION, jetstream://STREAM/SUBJECT?consumer=NAME, awssqs://…)")
	fl.StringVar(&f.logFormat, "log-format", "text", "log format: text or json")
	fl.StringVar(&f.secretFile, "callback-secret-file", "", "file holding the secret that signs callbacks (HMAC-SHA256)")
	fl.BoolVar(&f.allowPrivate, "allow-private-urls", false, "let article URLs and callbacks reach loopback, private and link-local addresses")
	fl.IntVar(&f.engineJobs, "engine-jobs", 0, "engine calls in flight across all jobs, per engine account (0: the engine's own limit)")
	fl.DurationVar(&f.grace, "grace", serve.DefaultGrace, "on SIGTERM, how long requests and jobs in flight may finish; the rest are returned to the queue")
	r := &f.render
	r.registerAudio(fl)
	fl.StringVar(&r.format, "format", "mp3", "mp3 or wav")
	fl.StringVar(&r.album, "album", "", "publication name for the MP3 tags")
	fl.StringVar(&r.cache, "cache", "", "clip cache URL shared by every worker: directory, gs://, s3:// (default: the user cache dir)")
	fl.BoolVar(&r.noCache, "no-cache", false, "do not use the clip cache")
	r.input.register(fl)
}

// logger logs to w as text or JSON.
func (f *serviceFlags) logger(w io.Writer) (*slog.Logger, error) {
	switch f.logFormat {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", f.logFormat)
}

// service is what both commands open: engine, store, options.
type service struct {
	log     *slog.Logger
	tmp     *tempdir.Dir
	eng     *tts.Engine
	engines *tts.EngineSet
	store   *blob.Bucket
	bo      batch.Options
	secret  []byte
}

func (f *serviceFlags) open(c *cobra.Command) (*service, error) {
	ctx := c.Context()
	if f.store == "" {
		return nil, usageError{fmt.Errorf("%s: --store is required", c.CommandPath())}
	}
	log, err := f.logger(c.ErrOrStderr())
	if err != nil {
		return nil, usageError{err}
	}
	// Renders spool in a directory of this process's own, so a process
	// killed mid-render leaves nothing the next one does not remove. It is
	// there before the flags are checked, since the renderer they make
	// spools in it; a usage error removes it again.
	tmp, err := tempdir.Open("", "narrate")
	if err != nil {
		return nil, err
	}
	f.render.tempDir = tmp.Path()
	r, err := f.render.renderer(c.Flags(), f.render.format)
	if err != nil {
		tmp.Close()
		return nil, err
	}
	voices, err := f.render.voices()
	if err != nil {
		tmp.Close()
		return nil, usageError{err}
	}
	s := &service{log: log, tmp: tmp}
	if f.secretFile != "" {
		if s.secret, err = readSecret("--callback-secret-file", f.secretFile); err != nil {
			tmp.Close()
			return nil, err
		}
	}
	if n := s.tmp.Removed(); n > 0 {
		log.Info("removed the temporary files of processes that are gone", "directories", n)
	}
	if s.store, err = store.Open(ctx, f.store, store.Options{Create: true}); err != nil {
		s.tmp.Close()
		return nil, fmt.Errorf("--store: %w", err)
	}
	s.engines = f.render.engineSet(f.engineJobs)
	// The service's own engine answers /v1/voices and the metrics; without
	// --voice each article still gets its language's voice.
	spec := voices.Spec
	if spec == "" {
		// Why this voice (and what it fell back from) is logged once
		// when an article is read with it (VoiceNote below).
		spec = tts.Choose("en", "", tts.VoiceMap{}).Spec
	}
	if s.eng, err = s.engines.Get(ctx, spec); err != nil {
		s.close()
		if errors.Is(err, tts.ErrBadSpec) {
			return nil, usageError{fmt.Errorf("--voice: %w", err)}
		}
		return nil, err
	}
	s.bo = batch.Options{Engine: s.eng, Renderer: r, Load: f.render.input.loadOptions(nil), TempDir: s.tmp.Path()}
	switch {
	case voices.Spec == "":
		s.bo.EngineFor, s.bo.VoiceMap = s.engines.Get, voices.Map
		s.bo.VoiceNote = onceEach(func(line string) { log.Warn(line) })
	case voices.ByLanguage():
		// --voice names an engine alone: each article gets its voice for
		// the article's language, said once per language.
		s.bo.EngineFor, s.bo.EngineSpec = s.engines.Get, voices.Spec
		s.bo.VoiceChosen = onceEach(func(line string) { log.Info(line) })
	}
	return s, nil
}

// readSecret reads the secret in the file path given to flag.
func readSecret(flag, path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, usageError{fmt.Errorf("%s: %w", flag, err)}
	}
	secret := []byte(strings.TrimSpace(string(data)))
	if len(secret) < 16 {
		return nil, usageError{fmt.Errorf("%s %s: the secret is shorter than 16 characters", flag, path)}
	}
	return secret, nil
}

func (s *service) close() {
	if s.engines != nil {
		s.engines.Close()
	}
	s.store.Close()
	s.tmp.Close()
}

func (s *service) callbacks(allowPrivate bool) *serve.Callbacks {
	return serve.NewCallbacks(s.secret, allowPrivate)
}

// openSubscription opens the subscription of --subscription, or of --queue.
func (f *serviceFlags) openSubscription(ctx context.Context) (*pubsub.Subscription, error) {
	u := f.sub
	if u == "" {
		u = f.queue
	}
	sub, err := pubsub.OpenSubscription(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("subscription %s: %w", u, err)
	}
	return sub, nil
}

func newServeCmd() *cobra.Command {
	var f serviceFlags
	var keysFile, cors string
	var publicReads bool
	var workers int
	var maxBody int64
	var maxChars int
	var linkSecretFile, disclosure string
	var linkTTL time.Duration
	var rate float64
	var burst int
	var sweep time.Duration
	c := &cobra.Command{
		Use:   "serve --store URL [--queue URL] [--workers N]",
		Short: "Run the HTTP service a CMS calls to narrate articles",
		Long: `serve answers the narration API (POST /v1/narrations, GET /v1/narrations/{id},
/v1/articles/{key}, the audio with Range and ETag, timings, captions and
chapters, DELETE of an article key or a narration, /v1/voices, /healthz,
/readyz, /metrics), described in OpenAPI 3.1 at /v1/openapi.json.

Jobs go on --queue, a gocloud.dev/pubsub URL. With the default mem:// queue,
--workers in-process workers (default 2) render them and nothing else needs
to run, and a restarted serve queues again the jobs its store says are
unfinished. With any other queue, serve only enqueues unless --workers says
otherwise, and 'narrate worker' with the same --store and audio flags
renders them; a job a killed replica recorded but never sent to the queue
is queued by the next serve to start or by any running one at its next
sweep (--sweep-every).

Voices: without --voice each article gets the voice of its language;
--voice ENGINE: (the engine alone, as --voice polly:) reads each with that
engine's voice for its language (logged once per language), and one in a
language the engine has no voice for fails.

Writes need "Authorization: Bearer KEY" with a key from --api-keys-file (or
NARRATE_API_KEYS_FILE): one key per line, optionally followed by a space or
a tab and a name for the logs. Reads need a key too unless --public-reads;
the player link of an answer is then signed (--link-secret-file, --link-ttl)
so that a browser can open it.

SIGTERM stops accepting requests, lets requests and jobs in flight finish
within --grace and returns the rest to the queue.`,
		Example: `  narrate serve --store ./narrations --api-keys-file keys.txt
  narrate serve --addr :8080 --store gs://news-audio/narrations --cache gs://news-audio/clips \
    --queue gcppubsubv2://news/narrate-jobs --voice google:en-US-Neural2-F \
    --api-keys-file /secrets/keys --public-reads --cors-origins https://news.example`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			ctx := c.Context()
			if keysFile == "" {
				keysFile = os.Getenv("NARRATE_API_KEYS_FILE")
			}
			inProcess := strings.HasPrefix(f.queue, "mem://")
			if !c.Flags().Changed("workers") {
				workers = 0
				if inProcess {
					workers = 2
				}
			}
			if workers < 0 {
				return usageError{fmt.Errorf("--workers %d: want 0 or more", workers)}
			}
			if workers == 0 && inProcess {
				return usageError{fmt.Errorf("--workers 0 with the queue %s: a mem:// queue lives inside this process, so nothing would render its jobs (give --workers 1 or more, or a --queue other processes read)", f.queue)}
			}
			if maxChars < 1 {
				return usageError{fmt.Errorf("--max-article-chars %d: want at least 1", maxChars)}
			}
			s, err := f.open(c)
			if err != nil {
				return err
			}
			defer s.close()
			var keys *serve.Keys
			var linkSecret []byte
			if linkTTL <= 0 {
				return usageError{fmt.Errorf("--link-ttl %s: want a positive duration", linkTTL)}
			}
			if linkSecretFile != "" {
				if linkSecret, err = readSecret("--link-secret-file", linkSecretFile); err != nil {
					return err
				}
			}
			if keysFile != "" {
				if keys, err = serve.LoadKeys(keysFile); err != nil {
					return usageError{err}
				}
				if linkSecret == nil && !publicReads {
					s.log.Info("player links are signed with a secret of this process: they work on it only, until it stops (--link-secret-file shares one between replicas and restarts)")
				}
			} else {
				s.log.Warn("no API keys (--api-keys-file): anyone who reaches --addr can post narrations")
			}
			topic, err := pubsub.OpenTopic(ctx, f.queue)
			if err != nil {
				return fmt.Errorf("queue %s: %w", f.queue, err)
			}
			defer topic.Shutdown(context.WithoutCancel(ctx))
			var sub *pubsub.Subscription
			if workers > 0 {
				if sub, err = f.openSubscription(ctx); err != nil {
					return err
				}
				defer sub.Shutdown(context.WithoutCancel(ctx))
			}
			l, err := net.Listen("tcp", f.addr)
			if err != nil {
				return fmt.Errorf("--addr %s: %w", f.addr, err)
			}
			var origins []string
			for _, o := range strings.Split(cors, ",") {
				if o = strings.TrimSpace(o); o != "" {
					origins = append(origins, o)
				}
			}
			if sweep <= 0 {
				sweep = -1 // serve's "only at the start"; its 0 is the default
			}
			bo := s.bo
			bo.Disclosure = disclosure
			err = serve.RunService(ctx, serve.ServiceOptions{
				Server: serve.Options{Batch: bo, Store: s.store, Topic: topic, Keys: keys, PublicReads: publicReads,
					CORSOrigins: origins, MaxBody: maxBody, MaxChars: maxChars, Rate: rate, Burst: burst,
					AllowPrivateURLs: f.allowPrivate, QueueInProcess: inProcess, Logger: s.log,
					LinkSecret: linkSecret, LinkTTL: linkTTL},
				Subscription: sub, Workers: workers,
				Worker:   serve.WorkerOptions{Callbacks: s.callbacks(f.allowPrivate)},
				Listener: l, Grace: f.grace, Sweep: sweep,
			})
			if err != nil {
				return err
			}
			s.log.Info("stopped")
			return nil
		},
	}
	fl := c.Flags()
	f.register(fl, "127.0.0.1:8080")
	fl.IntVar(&workers, "workers", 2, "in-process workers (default 2 with a mem:// queue, else 0: only enqueue)")
	fl.StringVar(&keysFile, "api-keys-file", "", "file of API keys, one per line with an optional name (default $NARRATE_API_KEYS_FILE)")
	fl.BoolVar(&publicReads, "public-reads", false, "let anyone read statuses and finished narrations")
	fl.StringVar(&cors, "cors-origins", "", "comma-separated origins that may read from a browser (* for any)")
	fl.Int64Var(&maxBody, "max-body", serve.DefaultMaxBody, "largest POST body in bytes")
	fl.StringVar(&linkSecretFile, "link-secret-file", "", "file holding the secret that signs player links, so a browser can open them without the API key (default: a secret of this process)")
	fl.StringVar(&disclosure, "disclosure", "", "the newsroom's line under the listen pages' player (default: \"Read aloud by a synthetic voice.\")")
	fl.DurationVar(&linkTTL, "link-ttl", serve.DefaultLinkTTL, "how long a signed player link works")
	fl.IntVar(&maxChars, "max-article-chars", serve.DefaultMaxChars, "most characters of one article, as posted or as read from its page; more is answered 413")
	fl.Float64Var(&rate, "post-rate", serve.DefaultRate, "POSTs per second per API key (-1: no limit)")
	fl.IntVar(&burst, "post-burst", serve.DefaultBurst, "POSTs an API key may make at once above --post-rate")
	fl.DurationVar(&sweep, "sweep-every", serve.DefaultSweep, "with a queue other than mem://, how often to queue the jobs a killed replica recorded and never sent, give or take a quarter (0: only at start)")
	return c
}

var errNoQueue = errors.New("narrate worker: --queue or --subscription is required (a mem:// queue lives inside one 'narrate serve')")
