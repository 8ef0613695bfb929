// Package azure is the Azure AI Speech engine, over its text-to-speech REST
// API (POST /cognitiveservices/v1 with SSML). The Speech SDK for Go wraps a
// C library and is not used: the REST API is all narrate needs.
//
// # URLs
//
// Importing the package registers the scheme "azure":
//
//	azure:VOICE?OPTION=VALUE&...
//
// VOICE is a voice's short name, such as "en-US-AvaMultilingualNeural";
// its first two parts are its locale. Empty means DefaultVoice. Options:
//
//	rate=1.1                 speaking rate, 0.5..2 (default 1)
//	style=newscast           a speaking style the voice has (mstts:express-as)
//	region=westeurope        the Speech resource's region (default $AZURE_SPEECH_REGION)
//	endpoint=URL             a custom endpoint instead of the region's (a resource's own domain, a test server)
//	key_env=VAR              the variable holding the resource key (default AZURE_SPEECH_KEY)
//	concurrency=8            calls at once (default 8)
//	timeout=60s              per-request timeout (default 60s)
//
// # Behaviour
//
// The key is read when the engine is opened and sent as
// Ocp-Apim-Subscription-Key; it never appears in errors, IDs or logs. The
// engine needs it and a region (or an endpoint): without them it fails
// before its first request, naming what to set (tts.CredentialChecker).
//
// Requests are SSML: the escaped text inside <voice> (and <prosody>,
// <mstts:express-as> when a rate or a style is set); a caller's SSML has its
// <speak> content placed there. A multilingual voice (one whose voice list
// entry has secondary locales, such as en-US-AvaMultilingualNeural) guesses
// each sentence's language from its words, and reads what it cannot tell
// (numbers, names, short lines) in its own; so an article in another of its
// languages is wrapped in <lang xml:lang> with that locale (a German article:
// de-DE). The voice list is asked once, and only when an article is not in
// the voice's own language; a voice of one language is never sent <lang>,
// which Azure does not take for it. Audio is asked for with
// X-Microsoft-OutputFormat raw-24khz-16bit-mono-pcm (16, 22.05, 44.1 or
// 48 kHz when asked for those).
//
// The REST API returns no timings. Sentence and word timings are
// estimated from the audio (tts/internal/timing: sentence starts anchored to
// the pauses between them, words sharing each sentence's voiced time by
// length), and every clip's notes say so.
//
// Limits: Azure cuts a request's audio at 10 minutes; 5,000 bytes of text
// stay well within it (about five minutes of speech). 429 answers are
// retried after their Retry-After, 5xx answers are transient, and a 400
// saying the text is too long is tts.ErrTooLong.
package azure

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
	"github.com/narrate-dev/narrate/tts/internal/voicelang"
)

// Scheme is the spec scheme the engine registers.
const Scheme = "azure"

// Defaults.
const (
	DefaultVoice       = "en-US-AvaMultilingualNeural"
	DefaultKeyEnv      = "AZURE_SPEECH_KEY"
	RegionEnv          = "AZURE_SPEECH_REGION"
	DefaultTimeout     = 60 * time.Second
	DefaultConcurrency = 8
	// NativeRate is the rate asked for unless another is wanted.
	NativeRate = 24000
	// MaxBytes is Limits().MaxBytes: text whose speech stays well within
	// the 10 minutes Azure cuts a request's audio at.
	MaxBytes = 5000
	// MinRate and MaxRate bound the prosody rate Azure takes.
	MinRate = 0.5
	MaxRate = 2
)

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
	// Voice is the voice's short name; "" means DefaultVoice.
	Voice string
	// Rate is the speaking rate, 0.5..2; 0 means 1.
	Rate float64
	// Style is a speaking style of the voice ("newscast"); "" is none.
	Style string
	// Region is the Speech resource's region ("westeurope").
	Region string
	// Endpoint is a base URL used instead of the region's.
	Endpoint string
	// Key is the resource key.
	Key string
	// KeyEnv is the variable the key is read from, named when it is
	// missing; "" means DefaultKeyEnv.
	KeyEnv string
	// Concurrency is how many calls run at once; 0 means
	// DefaultConcurrency.
	Concurrency int
	// Timeout bounds each request; 0 means DefaultTimeout.
	Timeout time.Duration
	// Client is the HTTP client; nil means a client of its own.
	Client *http.Client
}

var optionNames = []string{"concurrency", "endpoint", "key_env", "rate", "region", "style", "timeout"}

// ParseOptions reads Options from a parsed "azure:" spec, taking the key
// and the region from the environment. Every option is checked; an
// unknown, repeated or invalid option is an error naming it.
func ParseOptions(sp *tts.Spec) (Options, error) {
	o := Options{Voice: sp.Voice}
	if err := sp.CheckOptions(optionNames...); err != nil {
		return o, err
	}
	get := sp.Options.Get
	o.Style, o.Endpoint = get("style"), get("endpoint")
	var err error
	if o.Rate, err = sp.NumberOption("rate", MinRate, MaxRate); err != nil {
		return o, err
	}
	if o.Concurrency, err = sp.CountOption("concurrency"); err != nil {
		return o, err
	}
	if o.Timeout, err = sp.DurationOption("timeout", "30s"); err != nil {
		return o, err
	}
	o.Region = get("region")
	if o.Region == "" {
		o.Region = strings.TrimSpace(os.Getenv(RegionEnv))
	}
	o.KeyEnv = DefaultKeyEnv
	if v := get("key_env"); v != "" {
		o.KeyEnv = v
	}
	o.Key = strings.TrimSpace(os.Getenv(o.KeyEnv))
	return o, o.validate()
}

func (o *Options) validate() error {
	if o.Voice != "" {
		if _, err := localeOf(o.Voice); err != nil {
			return err
		}
	}
	if o.Region != "" && strings.Trim(o.Region, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
		return fmt.Errorf("azure: region %q is not an Azure region such as westeurope", o.Region)
	}
	if o.Endpoint != "" {
		u, err := url.Parse(o.Endpoint)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
			return fmt.Errorf("azure: endpoint %q is not an http(s) URL such as https://westeurope.tts.speech.microsoft.com", o.Endpoint)
		}
	}
	if o.Style != "" && strings.Trim(o.Style, "abcdefghijklmnopqrstuvwxyz-") != "" {
		return fmt.Errorf("azure: style %q is not a speaking style such as newscast", o.Style)
	}
	if o.Rate != 0 && (o.Rate < MinRate || o.Rate > MaxRate) {
		return fmt.Errorf("azure: rate %v: want %v..%v", o.Rate, MinRate, MaxRate)
	}
	return nil
}

// localeOf returns the locale of a voice short name: its first two parts.
func localeOf(voice string) (string, error) {
	parts := strings.SplitN(voice, "-", 3)
	if len(parts) < 3 || len(parts[0]) < 2 || len(parts[0]) > 3 || len(parts[1]) < 2 || parts[2] == "" ||
		strings.ContainsAny(voice, "<>&\"' ") {
		return "", fmt.Errorf("azure: voice %q is not an Azure voice name such as %q (LANG-REGION-NAME)", voice, DefaultVoice)
	}
	return parts[0] + "-" + parts[1], nil
}

// Engine is the Azure AI Speech engine. It is safe for concurrent use.
type Engine struct {
	opts   Options
	rest   *rest.Client
	voices voicelang.Voices
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
	if opts.Rate == 0 {
		opts.Rate = 1
	}
	if opts.KeyEnv == "" {
		opts.KeyEnv = DefaultKeyEnv
	}
	opts.Endpoint = strings.TrimRight(opts.Endpoint, "/")
	if opts.Concurrency <= 0 {
		opts.Concurrency = DefaultConcurrency
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.Client == nil {
		opts.Client = &http.Client{}
	}
	e := &Engine{opts: opts, rest: &rest.Client{Scheme: Scheme, HTTP: opts.Client, Timeout: opts.Timeout, Secrets: []string{opts.Key}}}
	e.voices = voicelang.Voices{Scheme: Scheme, List: e.Voices, Default: func(voice string) string {
		locale, _ := localeOf(voice)
		return locale
	}}
	return e, nil
}

// base is the URL requests go to: the endpoint, else the region's.
func (e *Engine) base() string {
	if e.opts.Endpoint != "" {
		return e.opts.Endpoint
	}
	return "https://" + e.opts.Region + ".tts.speech.microsoft.com"
}

// Limits implements tts.Driver.
func (e *Engine) Limits() tts.Limits {
	return tts.Limits{MaxBytes: MaxBytes, SSML: true, Concurrency: e.opts.Concurrency, NativeRate: NativeRate}
}

// Account implements tts.Accounter: Azure's quotas hold per Speech
// resource, which the key and where it is sent name.
func (e *Engine) Account() string { return e.base() + " " + tts.AccountKey(e.opts.Key) }

// VoiceLanguage implements tts.VoiceLanguager: an Azure voice's short
// name starts with its locale ("en-GB-SoniaNeural"); a multilingual voice
// speaks that one natively.
func (e *Engine) VoiceLanguage(voice string) string {
	if voice == "" {
		voice = e.opts.Voice
	}
	l, _ := localeOf(voice)
	return l
}

// ID implements tts.Driver: the voice, the options that change the audio,
// and the endpoint when there is one (another server makes other audio).
func (e *Engine) ID() string {
	q := url.Values{}
	q.Set("rate", strconv.FormatFloat(e.opts.Rate, 'g', -1, 64))
	if e.opts.Style != "" {
		q.Set("style", e.opts.Style)
	}
	if e.opts.Endpoint != "" {
		q.Set("endpoint", e.opts.Endpoint)
	}
	return Scheme + ":" + e.opts.Voice + "?" + q.Encode()
}

// CheckCredentials implements tts.CredentialChecker: the key, and where to
// send it.
func (e *Engine) CheckCredentials(context.Context) error {
	var missing []string
	if e.opts.Key == "" {
		missing = append(missing, e.opts.KeyEnv)
	}
	if e.opts.Region == "" && e.opts.Endpoint == "" {
		missing = append(missing, RegionEnv)
	}
	switch len(missing) {
	case 0:
		return nil
	case 1:
		return &tts.CredentialError{Engine: Scheme, Missing: missing[0] + " is not set", Hint: e.hint(missing)}
	}
	return &tts.CredentialError{Engine: Scheme, Missing: strings.Join(missing, " and ") + " are not set", Hint: e.hint(missing)}
}

func (e *Engine) hint(missing []string) string {
	var h []string
	for _, m := range missing {
		if m == RegionEnv {
			h = append(h, "set "+RegionEnv+" to your Speech resource's region (or give region= or endpoint=)")
		} else {
			h = append(h, "set "+m+" to your Speech resource's key")
		}
	}
	return strings.Join(h, "; ")
}

// Close implements tts.Driver, dropping idle connections.
func (e *Engine) Close() error {
	e.opts.Client.CloseIdleConnections()
	return nil
}
