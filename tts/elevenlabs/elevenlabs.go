// Package elevenlabs is the ElevenLabs text-to-speech engine, over its REST
// API (POST /v1/text-to-speech/{voice_id}/with-timestamps): ElevenLabs
// publishes no Go client.
//
// # URLs
//
// Importing the package registers the scheme "elevenlabs":
//
//	elevenlabs:VOICE_ID?OPTION=VALUE&...
//
// VOICE_ID is the ID of a voice of the account's library (`narrate voices
// --voice elevenlabs:` lists them); empty means DefaultVoice. Options:
//
//	model=eleven_multilingual_v2    the model (default); eleven_flash_v2_5, eleven_turbo_v2_5, eleven_v3, ...
//	speed=1.1                       speaking speed, 0.7..1.2 (ElevenLabs' range)
//	stability=0.5, similarity=0.75, style=0, speaker_boost=true   voice settings (default: the voice's own)
//	seed=42                         ask for repeatable audio (best effort, as ElevenLabs says)
//	language=fr                     enforce this language (Flash and Turbo v2.5 only; default: the article's)
//	context=false                   do not send the neighbouring text (see below)
//	key_env=VAR                     the variable holding the API key (default ELEVENLABS_API_KEY)
//	base=URL                        the API base URL (default DefaultBase; a test server)
//	concurrency=5                   calls at once, your plan's limit (default 3)
//	timeout=60s                     per-request timeout (default 120s)
//
// # Behaviour
//
// The key is read when the engine is opened and sent as xi-api-key; it
// never appears in errors, IDs or logs. Without it the engine fails before
// its first request, naming the variable (tts.CredentialChecker).
//
// Audio is asked for as 24 kHz PCM (16 or 22.05 kHz when asked for less).
// Word and sentence timings come from the character alignment the endpoint
// returns: each word starts when its first character does.
//
// Language: Flash and Turbo v2.5 take a language code, which makes them
// read (and say numbers and dates) in that language instead of the one
// they guess from the text; with those models each request carries the
// article's language (Request.Language) when the model speaks it, unless
// language= names one for every request. Other models take none and guess.
//
// Prosody across joins: the text said before and after each request (the
// neighbouring segments, tts.Request.Previous and Next) is sent as
// previous_text and next_text, so that a paragraph's intonation follows
// from the one before. A clip then depends on its neighbours, and they are
// part of its cache key: editing one paragraph synthesizes its neighbours
// again too. context=false turns this off when the cache matters more.
//
// Rates: ElevenLabs speaks at 0.7 to 1.2 times a voice's speed. A rate
// beyond that range is asked for at its nearest end, and the rest is made
// by changing the audio's tempo (audio.ChangeTempo), which the clip notes
// say.
//
// Limits: at most MaxChars characters per request, or the model's limit
// when lower (v3 takes 3,000; Multilingual v2 10,000; Flash and Turbo v2.5
// 40,000): a reply carries its audio as base64 in JSON with three numbers
// per character, and 5,000 characters (about five minutes of speech, a
// 20 MB reply) keep that bounded while a paragraph still goes whole. 429
// answers (too many concurrent requests, system busy) are retried after
// their Retry-After; max_character_limit_exceeded is tts.ErrTooLong.
package elevenlabs

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/rest"
)

// Scheme is the spec scheme the engine registers.
const Scheme = "elevenlabs"

// Defaults.
const (
	DefaultBase   = "https://api.elevenlabs.io"
	DefaultModel  = "eleven_multilingual_v2"
	DefaultKeyEnv = "ELEVENLABS_API_KEY"
	// DefaultVoice is "Rachel", a voice of ElevenLabs' default library.
	DefaultVoice       = "21m00Tcm4TlvDq8ikWAM"
	DefaultTimeout     = 120 * time.Second
	DefaultConcurrency = 3
	// NativeRate is the PCM rate asked for unless a lower one is wanted.
	NativeRate = 24000
	// MinSpeed and MaxSpeed are the speeds ElevenLabs takes.
	MinSpeed = 0.7
	MaxSpeed = 1.2
)

// charLimits are the characters per request of each model (ElevenLabs'
// models page, "Character limits", read 2026-12-06).
var charLimits = map[string]int{
	"eleven_v3":              3000,
	"eleven_flash_v2_5":      40000,
	"eleven_flash_v2":        30000,
	"eleven_turbo_v2_5":      40000,
	"eleven_turbo_v2":        30000,
	"eleven_multilingual_v2": 10000,
	"eleven_multilingual_v1": 10000,
	"eleven_monolingual_v1":  10000,
}

// MaxChars caps the characters of one request whatever the model takes
// (see the package documentation).
const MaxChars = 5000

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
	// Voice is the voice ID; "" means DefaultVoice.
	Voice string
	// Model is the model ID; "" means DefaultModel.
	Model string
	// Speed is 0.7..1.2; 0 leaves the voice's own.
	Speed float64
	// Stability, Similarity and Style are voice settings in 0..1; nil
	// leaves the voice's own.
	Stability, Similarity, Style *float64
	// SpeakerBoost is a voice setting; nil leaves the voice's own.
	SpeakerBoost *bool
	// Seed asks for repeatable audio; nil sends none.
	Seed *uint32
	// Language is an ISO 639-1 code to enforce (Flash and Turbo v2.5).
	Language string
	// NoContext stops sending the neighbouring text.
	NoContext bool
	// Key is the API key.
	Key string
	// KeyEnv is the variable the key is read from, named when it is
	// missing; "" means DefaultKeyEnv.
	KeyEnv string
	// Base is the API base URL; "" means DefaultBase.
	Base string
	// Concurrency is how many calls run at once; 0 means
	// DefaultConcurrency.
	Concurrency int
	// Timeout bounds each request; 0 means DefaultTimeout.
	Timeout time.Duration
	// Client is the HTTP client; nil means a client of its own.
	Client *http.Client
}

var optionNames = []string{"base", "concurrency", "context", "key_env", "language", "model", "seed", "similarity",
	"speaker_boost", "speed", "stability", "style", "timeout"}

// ParseOptions reads Options from a parsed "elevenlabs:" spec, taking the
// key from the environment variable key_env names. Every option is
// checked; an unknown, repeated or invalid option is an error naming it.
func ParseOptions(sp *tts.Spec) (Options, error) {
	o := Options{Voice: sp.Voice}
	if err := sp.CheckOptions(optionNames...); err != nil {
		return o, err
	}
	get := sp.Options.Get
	o.Model, o.Base, o.Language = get("model"), get("base"), get("language")
	var err error
	if o.Speed, err = sp.NumberOption("speed", MinSpeed, MaxSpeed); err != nil {
		return o, err
	}
	for _, f := range []struct {
		name string
		dst  **float64
	}{{"stability", &o.Stability}, {"similarity", &o.Similarity}, {"style", &o.Style}} {
		if v := get(f.name); v != "" {
			x, err := strconv.ParseFloat(v, 64)
			if err != nil || !(x >= 0 && x <= 1) {
				return o, fmt.Errorf("elevenlabs: option %s=%q: want a number in 0..1", f.name, v)
			}
			*f.dst = &x
		}
	}
	if v := get("speaker_boost"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return o, fmt.Errorf("elevenlabs: option speaker_boost=%q: want true or false", v)
		}
		o.SpeakerBoost = &b
	}
	if v := get("seed"); v != "" {
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			return o, fmt.Errorf("elevenlabs: option seed=%q: want a whole number in 0..4294967295", v)
		}
		s := uint32(n)
		o.Seed = &s
	}
	if v := get("context"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return o, fmt.Errorf("elevenlabs: option context=%q: want true or false", v)
		}
		o.NoContext = !b
	}
	if o.Concurrency, err = sp.CountOption("concurrency"); err != nil {
		return o, err
	}
	if o.Timeout, err = sp.DurationOption("timeout", "60s"); err != nil {
		return o, err
	}
	o.KeyEnv = DefaultKeyEnv
	if v := get("key_env"); v != "" {
		o.KeyEnv = v
	}
	o.Key = strings.TrimSpace(os.Getenv(o.KeyEnv))
	return o, o.validate()
}

func (o *Options) validate() error {
	if o.Base != "" {
		u, err := url.Parse(o.Base)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("elevenlabs: base %q is not an http(s) URL such as %s", o.Base, DefaultBase)
		}
		if u.User != nil {
			return fmt.Errorf("elevenlabs: base %s carries credentials: put the key in %s (or the variable key_env names) instead", u.Redacted(), DefaultKeyEnv)
		}
	}
	for _, r := range o.Voice {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return fmt.Errorf("elevenlabs: voice %q is not a voice ID such as %s (letters and digits)", o.Voice, DefaultVoice)
		}
	}
	if o.Model != "" && strings.Trim(o.Model, "abcdefghijklmnopqrstuvwxyz0123456789_") != "" {
		return fmt.Errorf("elevenlabs: model %q is not a model ID such as %s", o.Model, DefaultModel)
	}
	if o.Language != "" && (len(o.Language) != 2 || strings.Trim(o.Language, "abcdefghijklmnopqrstuvwxyz") != "") {
		return fmt.Errorf("elevenlabs: language %q is not an ISO 639-1 code such as fr", o.Language)
	}
	return nil
}

// Engine is the ElevenLabs engine. It is safe for concurrent use.
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
	if opts.Model == "" {
		opts.Model = DefaultModel
	}
	if opts.KeyEnv == "" {
		opts.KeyEnv = DefaultKeyEnv
	}
	if opts.Base == "" {
		opts.Base = DefaultBase
	}
	opts.Base = strings.TrimRight(opts.Base, "/")
	if opts.Concurrency <= 0 {
		opts.Concurrency = DefaultConcurrency
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.Client == nil {
		opts.Client = &http.Client{}
	}
	return &Engine{opts: opts, rest: &rest.Client{Scheme: Scheme, HTTP: opts.Client, Timeout: opts.Timeout, Secrets: []string{opts.Key}}}, nil
}

// Limits implements tts.Driver.
func (e *Engine) Limits() tts.Limits {
	limit := MaxChars
	if l, ok := charLimits[e.opts.Model]; ok {
		limit = min(l, MaxChars)
	}
	return tts.Limits{MaxBytes: limit, Concurrency: e.opts.Concurrency, NativeRate: NativeRate, Context: !e.opts.NoContext}
}

// Account implements tts.Accounter: ElevenLabs limits concurrent requests
// per account (its plan), which the key and the server name.
func (e *Engine) Account() string { return e.opts.Base + " " + tts.AccountKey(e.opts.Key) }

// ID implements tts.Driver: the voice, the model, every voice setting, and
// the server when it is not ElevenLabs'.
func (e *Engine) ID() string {
	q := url.Values{}
	q.Set("model", e.opts.Model)
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	if e.opts.Speed != 0 {
		q.Set("speed", f(e.opts.Speed))
	}
	if e.opts.Stability != nil {
		q.Set("stability", f(*e.opts.Stability))
	}
	if e.opts.Similarity != nil {
		q.Set("similarity", f(*e.opts.Similarity))
	}
	if e.opts.Style != nil {
		q.Set("style", f(*e.opts.Style))
	}
	if e.opts.SpeakerBoost != nil {
		q.Set("speaker_boost", strconv.FormatBool(*e.opts.SpeakerBoost))
	}
	if e.opts.Seed != nil {
		q.Set("seed", strconv.FormatUint(uint64(*e.opts.Seed), 10))
	}
	if e.opts.Language != "" {
		q.Set("language", e.opts.Language)
	}
	if e.opts.Base != DefaultBase {
		q.Set("base", e.opts.Base)
	}
	return Scheme + ":" + e.opts.Voice + "?" + q.Encode()
}

// CheckCredentials implements tts.CredentialChecker: every ElevenLabs call
// needs the key.
func (e *Engine) CheckCredentials(context.Context) error {
	if e.opts.Key != "" {
		return nil
	}
	hint := "set it to your ElevenLabs API key"
	if e.opts.KeyEnv == DefaultKeyEnv {
		hint += ", or name another variable with key_env="
	}
	return &tts.CredentialError{Engine: Scheme, Missing: e.opts.KeyEnv + " is not set", Hint: hint}
}

// Close implements tts.Driver, dropping idle connections.
func (e *Engine) Close() error {
	e.opts.Client.CloseIdleConnections()
	return nil
}
