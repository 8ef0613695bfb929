// Package polly is the Amazon Polly engine, through the AWS SDK for Go v2
// (github.com/aws/aws-sdk-go-v2/service/polly).
//
// # URLs
//
// Importing the package registers the scheme "polly":
//
//	polly:VOICE?OPTION=VALUE&...
//
// VOICE is a Polly voice ID such as "Joanna" or "Lea"; empty means
// DefaultVoice. Options:
//
//	engine=neural          standard, neural, long-form or generative (default neural)
//	rate=1.1               speaking rate, 0.2..2 (default 1), sent as SSML prosody
//	lexicons=a,b           pronunciation lexicons stored in Polly, by name
//	marks=false            do not ask for speech marks (timings)
//	region=eu-west-1       the AWS region (default: the SDK's, else us-east-1)
//	endpoint=URL           another endpoint (a VPC endpoint, a test server)
//	timeout=30s            per-request timeout (default 60s)
//
// # Behaviour
//
// Credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY, AWS_PROFILE and ~/.aws, SSO, web identity, a
// container or instance role); the engine looks for them before its first
// call (tts.CredentialChecker) and, when there are none, says what to set.
// The client is made on the first call: opening an engine makes no request.
//
// Audio is asked for as PCM at 16 kHz (8 kHz when asked for less), Polly's
// PCM rates; the pipeline resamples it once. Word and sentence timings come
// from Polly's speech marks: a second SynthesizeSpeech call of the same
// input with OutputFormat json and SpeechMarkTypes [sentence, word], made
// at the same time as the audio call. The marks' byte offsets (in the text,
// or in the SSML document when one is sent) are mapped back to the
// request's words. Polly gives no speech marks for generative voices: their
// timings are estimated from the audio, and the clips say so. The marks
// call is a second request of the same text: check your AWS bill for how it
// is charged (the price table counts the text once), or turn it off with
// marks=false.
//
// Bilingual voices: Aditi and Kajal speak Indian English and Hindi, and read
// in their default language (English, numerals included) unless the request
// names the other. The engine lists its voices' languages once
// (DescribeVoices) and sends the article's language (Request.Language) as
// LanguageCode when it is one of the voice's additional languages; other
// requests go without one, as before. Credentials whose policy does not
// allow DescribeVoices still synthesize, without the code, and the clips
// say so.
//
// Limits: Polly takes at most 3,000 billed characters (6,000 with SSML
// markup) per request, so Limits().MaxBytes is 3,000 bytes; an SSML
// document over 6,000 characters is refused as tts.ErrTooLong before it is
// sent, and Polly's TextLengthExceededException is tts.ErrTooLong too, for
// the caller to split. ThrottlingException and 5xx answers are retryable.
// The default rate limit and concurrency follow Polly's quotas for the
// engine, halved when each clip takes two calls.
package polly

import (
	"context"
	"fmt"
	"github.com/aws/smithy-go/logging"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/polly"
	"github.com/aws/aws-sdk-go-v2/service/polly/types"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/voicelang"
)

// Scheme is the spec scheme the engine registers.
const Scheme = "polly"

// Defaults.
const (
	DefaultVoice   = "Joanna"
	DefaultEngine  = "neural"
	DefaultRegion  = "us-east-1"
	DefaultTimeout = 60 * time.Second
	// SampleRate is the rate audio is asked for: Polly's highest PCM rate.
	SampleRate = 16000
	// MaxBytes is Limits().MaxBytes: Polly's 3,000 billed characters per
	// request, which 3,000 bytes of text never exceed.
	MaxBytes = 3000
	// MaxSSMLChars is Polly's limit on a whole SSML request, markup included.
	MaxSSMLChars = 6000
)

// Engines Polly has, with their SynthesizeSpeech quotas: requests per second
// and concurrent requests (Polly developer guide, "Quotas", read
// 2026-12-06).
var engines = map[string]struct {
	tps, concurrent int
}{
	"standard":   {80, 80},
	"neural":     {8, 18},
	"long-form":  {8, 26},
	"generative": {8, 26},
}

func init() {
	tts.Register(Scheme, func(ctx context.Context, sp *tts.Spec) (tts.Driver, error) {
		o, err := ParseOptions(sp)
		if err != nil {
			return nil, err
		}
		return New(o), nil
	})
}

// Options configure an Engine.
type Options struct {
	// Voice is the Polly voice ID; "" means DefaultVoice.
	Voice string
	// Engine is standard, neural, long-form or generative; "" means
	// DefaultEngine.
	Engine string
	// Rate is the speaking rate, 0.2..2; 0 means 1.
	Rate float64
	// Lexicons are the names of pronunciation lexicons stored in Polly.
	Lexicons []string
	// NoMarks turns the speech-marks call off: clips have no timings.
	NoMarks bool
	// Region is the AWS region; "" means the SDK's, else DefaultRegion.
	Region string
	// Endpoint is the base URL of another endpoint; "" means Polly's.
	Endpoint string
	// Timeout bounds each request; 0 means DefaultTimeout.
	Timeout time.Duration
}

var optionNames = []string{"endpoint", "engine", "lexicons", "marks", "rate", "region", "timeout"}

// ParseOptions reads Options from a parsed "polly:" spec, checking every
// option; an unknown, repeated or out-of-range option is an error naming
// it.
func ParseOptions(sp *tts.Spec) (Options, error) {
	o := Options{Voice: sp.Voice}
	if err := sp.CheckOptions(optionNames...); err != nil {
		return o, err
	}
	get := sp.Options.Get
	var err error
	if v := get("engine"); v != "" {
		if _, ok := engines[v]; !ok {
			return o, fmt.Errorf("polly: option engine=%q: want standard, neural, long-form or generative", v)
		}
		o.Engine = v
	}
	if o.Rate, err = sp.NumberOption("rate", 0.2, 2); err != nil {
		return o, err
	}
	if v := get("lexicons"); v != "" {
		for _, l := range strings.Split(v, ",") {
			if l = strings.TrimSpace(l); l != "" {
				o.Lexicons = append(o.Lexicons, l)
			}
		}
		if len(o.Lexicons) > 5 {
			return o, fmt.Errorf("polly: option lexicons=%q: Polly applies at most 5 lexicons", v)
		}
	}
	if v := get("marks"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return o, fmt.Errorf("polly: option marks=%q: want true or false", v)
		}
		o.NoMarks = !b
	}
	o.Region = get("region")
	if v := get("endpoint"); v != "" {
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
			return o, fmt.Errorf("polly: option endpoint=%q: want an http(s) URL such as https://polly.eu-west-1.amazonaws.com", v)
		}
		o.Endpoint = strings.TrimRight(v, "/")
	}
	if o.Timeout, err = sp.DurationOption("timeout", "30s"); err != nil {
		return o, err
	}
	if o.Voice != "" && !validVoiceID(o.Voice) {
		return o, fmt.Errorf("polly: voice %q is not a Polly voice ID such as %q", o.Voice, DefaultVoice)
	}
	return o, nil
}

// validVoiceID reports whether v looks like a Polly voice ID: letters only
// (Joanna, Lea, Zhiyu).
func validVoiceID(v string) bool {
	if len(v) > 40 {
		return false
	}
	for _, r := range v {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

// Engine is the Amazon Polly engine. It is safe for concurrent use.
type Engine struct {
	opts Options

	mu     sync.Mutex
	cfg    *aws.Config // loaded once, by CheckCredentials or the first call
	client *polly.Client

	voices voicelang.Voices
}

// New returns an engine with opts, which must be valid (see ParseOptions).
// It makes no network calls.
func New(opts Options) *Engine {
	if opts.Voice == "" {
		opts.Voice = DefaultVoice
	}
	if opts.Engine == "" {
		opts.Engine = DefaultEngine
	}
	if opts.Rate == 0 {
		opts.Rate = 1
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	e := &Engine{opts: opts}
	e.voices = voicelang.Voices{Scheme: Scheme, List: e.Voices}
	return e
}

// marks reports whether the engine asks Polly for speech marks.
func (e *Engine) marks() bool { return !e.opts.NoMarks && e.opts.Engine != "generative" }

// Limits implements tts.Driver: Polly's limits, and its quotas for the
// engine divided among the calls each clip takes.
func (e *Engine) Limits() tts.Limits {
	q := engines[e.opts.Engine]
	calls := 1
	if e.marks() {
		calls = 2
	}
	return tts.Limits{
		MaxBytes:    MaxBytes,
		SSML:        true,
		QPS:         float64(q.tps) / float64(calls),
		Concurrency: max(1, q.concurrent/calls),
		NativeRate:  SampleRate,
	}
}

// Account implements tts.Accounter: Polly's quotas hold per AWS account,
// region and engine type (see engines), and every engine of a process finds
// the same credentials, so the engines of one region, endpoint and engine
// type share them. The region is the one the SDK resolves, as requests go
// to it: the option's, else the environment's, else the profile's in the
// shared config file, else DefaultRegion; so "region=eu-west-1" and a
// profile that says eu-west-1 are one account. Resolving reads the
// environment and files only (no credentials are fetched); a configuration
// that does not load falls back to the option and the environment.
func (e *Engine) Account() string {
	region := e.opts.Region
	if cfg, err := e.config(context.Background()); err == nil {
		region = cfg.Region
	}
	for _, v := range []string{"AWS_REGION", "AWS_DEFAULT_REGION"} {
		if region == "" {
			region = strings.TrimSpace(os.Getenv(v))
		}
	}
	if region == "" {
		region = DefaultRegion
	}
	return region + " " + e.opts.Endpoint + " " + e.opts.Engine
}

// ID implements tts.Driver: the voice and every option that changes the
// audio, and the endpoint when it is not Polly's.
func (e *Engine) ID() string {
	q := url.Values{}
	q.Set("engine", e.opts.Engine)
	q.Set("rate", strconv.FormatFloat(e.opts.Rate, 'g', -1, 64))
	if len(e.opts.Lexicons) > 0 {
		q.Set("lexicons", strings.Join(e.opts.Lexicons, ","))
	}
	if e.opts.Endpoint != "" {
		q.Set("endpoint", e.opts.Endpoint)
	}
	return Scheme + ":" + e.opts.Voice + "?" + q.Encode()
}

// Close implements tts.Driver.
func (e *Engine) Close() error { return nil }

// config loads the SDK configuration once: region and credential chain.
// It reads the environment and files only; credentials are retrieved when
// first needed.
func (e *Engine) config(ctx context.Context) (*aws.Config, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cfg != nil {
		return e.cfg, nil
	}
	// The SDK logs to stderr by itself (a "falling back to IMDSv1" warning
	// when no instance role answers); narrate says what matters, once, in
	// its own errors.
	opts := []func(*awsconfig.LoadOptions) error{awsconfig.WithLogger(logging.Nop{})}
	if e.opts.Region != "" {
		opts = append(opts, awsconfig.WithRegion(e.opts.Region))
	}
	cfg, err := awsconfig.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		// A malformed ~/.aws/config or an AWS_PROFILE that names no
		// profile: the user's configuration, not the engine, is wrong.
		return nil, &tts.CredentialError{Engine: Scheme, Missing: "a usable AWS configuration: " + err.Error(), Hint: credentialsHint}
	}
	if cfg.Region == "" {
		cfg.Region = DefaultRegion
	}
	e.cfg = &cfg
	return e.cfg, nil
}

// getClient makes the client on first use.
func (e *Engine) getClient(ctx context.Context) (*polly.Client, error) {
	cfg, err := e.config(ctx)
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.client == nil {
		e.client = polly.NewFromConfig(*cfg, func(o *polly.Options) {
			if e.opts.Endpoint != "" {
				o.BaseEndpoint = aws.String(e.opts.Endpoint)
			}
			// Retries belong to tts.Engine, which sees every error kind
			// and honours quota back-off; the SDK's own would hide faults
			// from it and multiply the attempts.
			o.Retryer = aws.NopRetryer{}
		})
	}
	return e.client, nil
}

// Voices implements tts.Driver through DescribeVoices: the voices that have
// the engine's engine, with every language they speak.
func (e *Engine) Voices(ctx context.Context) ([]tts.Voice, error) {
	c, err := e.getClient(ctx)
	if err != nil {
		return nil, err
	}
	var out []tts.Voice
	in := &polly.DescribeVoicesInput{Engine: types.Engine(e.opts.Engine), IncludeAdditionalLanguageCodes: true}
	for page := 0; page < 100; page++ {
		callCtx, cancel := context.WithTimeout(ctx, e.opts.Timeout)
		resp, err := c.DescribeVoices(callCtx, in)
		cancel()
		if err != nil {
			return nil, e.mapError(ctx, err, "describe voices")
		}
		for _, v := range resp.Voices {
			langs := []string{string(v.LanguageCode)}
			for _, l := range v.AdditionalLanguageCodes {
				langs = append(langs, string(l))
			}
			out = append(out, tts.Voice{Name: string(v.Id), Languages: langs, Gender: strings.ToLower(string(v.Gender)), SampleRate: SampleRate})
		}
		if resp.NextToken == nil || *resp.NextToken == "" {
			break
		}
		in.NextToken = resp.NextToken
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
