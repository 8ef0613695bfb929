// Package openai is a speech engine speaking the OpenAI speech endpoint
// (POST {base}/audio/speech), which OpenAI offers and local servers such as
// Kokoro-FastAPI and LocalAI copy.
//
// # URLs
//
// Importing the package registers the scheme "openai":
//
//	openai:VOICE?OPTION=VALUE&...
//
// VOICE is the voice name sent ("alloy", "af_bella"); empty means
// DefaultVoice. Options:
//
//	base=http://127.0.0.1:8880/v1   the API base URL (default DefaultBase)
//	model=tts-1                      the model (default DefaultModel)
//	format=wav|pcm                   the response format asked for (default wav)
//	speed=1.2                        speaking speed, 0.25..4 (default 1)
//	key_env=VAR                      the variable holding the API key (default OPENAI_API_KEY)
//	timeout=30s                      per-request timeout (default 60s)
//	concurrency=4                    calls the server takes at once (default 4)
//	qps=2                            default request rate limit (default none)
//
// The key is read from the environment when the engine is opened and sent as
// a bearer token; it never appears in errors, IDs or logs. OpenAI's own API,
// and any server the spec names key_env for, needs one: without it the
// engine fails before its first request, naming the variable. A server
// without keys (a local one) needs none.
//
// "pcm" replies are raw 16-bit little-endian mono at 24 kHz, as OpenAI
// documents; "wav" replies are decoded whatever their rate. The engine gives
// no timings, and says so in every clip's notes.
package openai

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/rest"
)

// Scheme is the spec scheme the engine registers.
const Scheme = "openai"

// Defaults.
const (
	DefaultBase        = "https://api.openai.com/v1"
	DefaultModel       = "tts-1"
	DefaultVoice       = "alloy"
	DefaultKeyEnv      = "OPENAI_API_KEY"
	DefaultTimeout     = 60 * time.Second
	DefaultConcurrency = 4
	// MaxBytes is the input limit: OpenAI takes 4,096 characters, and 4,096
	// bytes is never more characters than that.
	MaxBytes = 4096
	// PCMRate is the rate of "pcm" replies.
	PCMRate = 24000
)

// Voices OpenAI documents, offered when the server cannot list its own.
var openAIVoices = []string{"alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse"}

func init() {
	tts.Register(Scheme, func(ctx context.Context, sp *tts.Spec) (tts.Driver, error) {
		o, err := ParseOptions(sp)
		if err != nil {
			return nil, err
		}
		return New(o)
	})
}

// Options configure an Engine.
type Options struct {
	// Voice is the voice name; "" means DefaultVoice.
	Voice string
	// Base is the API base URL; "" means DefaultBase.
	Base string
	// Model is the model name; "" means DefaultModel.
	Model string
	// Format is "wav" or "pcm"; "" means "wav".
	Format string
	// Speed is 0.25..4; 0 means 1.
	Speed float64
	// Key is the API key; "" sends no Authorization header.
	Key string
	// KeyEnv is the variable the key is read from, named when it is
	// missing; "" means DefaultKeyEnv.
	KeyEnv string
	// NeedKey makes a missing Key an error before any request (see
	// CheckCredentials). OpenAI's own API always needs one; ParseOptions
	// sets it when key_env names a variable.
	NeedKey bool
	// Timeout bounds each request; 0 means DefaultTimeout.
	Timeout time.Duration
	// Concurrency is the number of calls the server takes at once; 0 means
	// DefaultConcurrency.
	Concurrency int
	// QPS is the default request rate limit; 0 means none.
	QPS float64
	// Client is the HTTP client; nil means a client of its own.
	Client *http.Client
}

var optionNames = []string{"base", "concurrency", "format", "key_env", "model", "qps", "speed", "timeout"}

// ParseOptions reads Options from a parsed "openai:" spec, taking the key
// from the environment variable key_env names. Every option is checked; an
// unknown, repeated or invalid option is an error naming it.
func ParseOptions(sp *tts.Spec) (Options, error) {
	o := Options{Voice: sp.Voice}
	if err := sp.CheckOptions(optionNames...); err != nil {
		return o, err
	}
	get := sp.Options.Get
	o.Base, o.Model, o.Format = get("base"), get("model"), get("format")
	var err error
	if o.Speed, err = sp.NumberOption("speed", 0.25, 4); err != nil {
		return o, err
	}
	if o.Timeout, err = sp.DurationOption("timeout", "30s"); err != nil {
		return o, err
	}
	if o.Concurrency, err = sp.CountOption("concurrency"); err != nil {
		return o, err
	}
	if v := get("qps"); v != "" {
		if o.QPS, err = strconv.ParseFloat(v, 64); err != nil || !(o.QPS >= 0) {
			return o, fmt.Errorf("openai: option qps=%q: want a number >= 0", v)
		}
	}
	o.KeyEnv = DefaultKeyEnv
	if v := get("key_env"); v != "" {
		o.KeyEnv, o.NeedKey = v, true
	}
	o.Key = strings.TrimSpace(os.Getenv(o.KeyEnv))
	return o, o.validate()
}

func (o *Options) validate() error {
	if o.Base != "" {
		u, err := url.Parse(o.Base)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("openai: base %q is not an http(s) URL such as %s", o.Base, DefaultBase)
		}
		if u.User != nil {
			// The base appears in the engine ID (summaries, cache keys) and in
			// every error; a password in it would be printed everywhere.
			return fmt.Errorf("openai: base %s carries credentials: put the key in %s (or the variable key_env names) instead", u.Redacted(), DefaultKeyEnv)
		}
	}
	switch o.Format {
	case "", "wav", "pcm":
	default:
		return fmt.Errorf("openai: format %q: want wav or pcm", o.Format)
	}
	if o.Speed != 0 && (o.Speed < 0.25 || o.Speed > 4) {
		return fmt.Errorf("openai: speed %v: want 0.25..4", o.Speed)
	}
	return nil
}

// Engine is an OpenAI-compatible speech engine. It is safe for concurrent
// use.
type Engine struct {
	opts Options
	rest *rest.Client
}

// New returns an engine with opts, failing on invalid options. It makes no
// network calls.
func New(opts Options) (*Engine, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	if opts.Voice == "" {
		opts.Voice = DefaultVoice
	}
	if opts.Base == "" {
		opts.Base = DefaultBase
	}
	opts.Base = strings.TrimRight(opts.Base, "/")
	if opts.Model == "" {
		opts.Model = DefaultModel
	}
	if opts.Format == "" {
		opts.Format = "wav"
	}
	if opts.Speed == 0 {
		opts.Speed = 1
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.Concurrency <= 0 {
		opts.Concurrency = DefaultConcurrency
	}
	if opts.Client == nil {
		opts.Client = &http.Client{}
	}
	if opts.KeyEnv == "" {
		opts.KeyEnv = DefaultKeyEnv
	}
	if u, err := url.Parse(opts.Base); err == nil && strings.EqualFold(u.Hostname(), openAIHost) {
		opts.NeedKey = true
	}
	return &Engine{opts: opts, rest: &rest.Client{Scheme: Scheme, HTTP: opts.Client, Timeout: opts.Timeout, Secrets: []string{opts.Key}}}, nil
}

// openAIHost is OpenAI's own API, which takes no call without a key.
const openAIHost = "api.openai.com"

// CheckCredentials implements tts.CredentialChecker: OpenAI's own API, and
// any server the spec names a key variable for (key_env), needs a key; a
// local server (Kokoro-FastAPI, LocalAI) needs none.
func (e *Engine) CheckCredentials(context.Context) error {
	if e.opts.Key != "" || !e.opts.NeedKey {
		return nil
	}
	hint := "set it to your API key"
	if e.opts.KeyEnv == DefaultKeyEnv {
		hint += ", or name another variable with key_env="
	}
	return &tts.CredentialError{Engine: Scheme, Missing: e.opts.KeyEnv + " is not set", Hint: hint}
}

// Limits implements tts.Driver.
func (e *Engine) Limits() tts.Limits {
	// OpenAI and Kokoro-FastAPI speak at 24 kHz; a "wav" reply at another
	// rate is still decoded at its own rate.
	return tts.Limits{MaxBytes: MaxBytes, Concurrency: e.opts.Concurrency, QPS: e.opts.QPS, NativeRate: PCMRate}
}

// Account implements tts.Accounter: an endpoint's rate limits hold per key
// (OpenAI's per organization and project, which the key names), and a
// server without keys (Kokoro-FastAPI here) has one capacity for all its
// voices.
func (e *Engine) Account() string { return e.opts.Base + " " + tts.AccountKey(e.opts.Key) }

// ID implements tts.Driver: the voice, model, speed and server (other
// servers make other audio for the same voice name). The response format is
// left out: wav and pcm carry the same samples.
func (e *Engine) ID() string {
	q := url.Values{}
	q.Set("base", e.opts.Base)
	q.Set("model", e.opts.Model)
	q.Set("speed", strconv.FormatFloat(e.opts.Speed, 'g', -1, 64))
	return Scheme + ":" + e.opts.Voice + "?" + q.Encode()
}

// Close implements tts.Driver, dropping idle connections.
func (e *Engine) Close() error {
	e.opts.Client.CloseIdleConnections()
	return nil
}

// sortedVoices turns names into voices, sorted.
func sortedVoices(names []string) []tts.Voice {
	sort.Strings(names)
	out := make([]tts.Voice, 0, len(names))
	for _, n := range names {
		out = append(out, tts.Voice{Name: n})
	}
	return out
}
