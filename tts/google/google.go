// Package google is the Google Cloud Text-to-Speech engine, through Google's
// own client library (cloud.google.com/go/texttospeech).
//
// # URLs
//
// Importing the package registers the scheme "google":
//
//	google:VOICE?OPTION=VALUE&...
//
// VOICE is a Google voice name such as "en-US-Neural2-F"; its first two
// parts are the language ("en-US"). Empty means DefaultVoice. Options:
//
//	rate=1.1              speaking rate, 0.25..4 (default 1)
//	pitch=-2              pitch in semitones, -20..20 (default 0)
//	profile=headphone-class-device   effects profile(s), comma-separated
//	timeout=30s           per-request timeout (default 60s)
//	marks=false           do not ask for sentence timings
//	endpoint=HOST:PORT    another endpoint (an emulator, a test server)
//	insecure=true         plaintext gRPC without credentials, for endpoint
//
// # Behaviour
//
// The gRPC client is created on the first call, not when the engine is
// opened, so listing engines or opening one that is never used needs no
// credentials. Credentials are Application Default Credentials; the engine
// looks for them before its first call (tts.CredentialChecker) and when
// there are none the error says what to set.
//
// Audio is asked for as LINEAR16 (a WAV file) at Request.SampleRate, 24 kHz
// by default, and decoded to PCM: no lossy step between engine and stitcher.
//
// Sentence timings: requests are sent as SSML with a <mark/> at
// every sentence start, to the v1beta1 service with time pointing enabled,
// and the timepoints become tts.MarkSentence marks. The client library only
// ships the v1 API, whose messages share their field numbers with v1beta1,
// so the driver sends the v1 request to the v1beta1 method with the one
// extra field (enable_time_pointing) added and reads the timepoints from the
// reply's extra field. An endpoint without v1beta1 gets plain v1 calls and
// the clips say they have no timings.
//
// Limits: Google takes at most 5,000 bytes of text or SSML per request.
// Escaping and marks make the document sent longer than Request.Text, so
// Limits().MaxBytes is TextBudget (4,000 bytes), leaving room for them. When
// a document with every mark would still pass 5,000 bytes (very short
// sentences, text full of & and quotes), marks are thinned until it fits,
// and if none fit the text is sent as it is, without timings (the clip's
// notes say so), rather than failing. Caller SSML gets marks too: they are
// inserted in its character data, never inside a tag or an entity. Google also rejects a request holding
// a single over-long sentence; that comes back as tts.ErrTooLong, for the
// caller to split further. The default rate limit is Google's default quota,
// 1,000 requests per minute.
package google

import (
	"context"
	"fmt"
	"net"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	texttospeech "cloud.google.com/go/texttospeech/apiv1"
	"cloud.google.com/go/texttospeech/apiv1/texttospeechpb"
	"google.golang.org/api/option"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/narrate-dev/narrate/tts"
)

// Scheme is the spec scheme the engine registers.
const Scheme = "google"

// Defaults.
const (
	DefaultVoice      = "en-US-Neural2-F"
	DefaultSampleRate = 24000
	DefaultTimeout    = 60 * time.Second
	// MaxBytes is Google's limit on the text or SSML of one request.
	MaxBytes = 5000
	// TextBudget is Limits().MaxBytes: the size of Request.Text the engine
	// takes, leaving a fifth of Google's limit for the escaping and <mark/>
	// tags it adds for sentence timings.
	TextBudget = 4000
	// DefaultQPS is Google's default quota: 1,000 requests per minute.
	DefaultQPS = 1000.0 / 60
)

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
	// Voice is the Google voice name; "" means DefaultVoice.
	Voice string
	// Rate is the speaking rate, 0.25..4; 0 means 1.
	Rate float64
	// Pitch is in semitones, -20..20.
	Pitch float64
	// Profiles are effects profile ids ("headphone-class-device").
	Profiles []string
	// Timeout bounds each request; 0 means DefaultTimeout.
	Timeout time.Duration
	// NoMarks turns sentence timings off (plain v1 calls).
	NoMarks bool
	// Endpoint is host:port of another endpoint; "" means Google's.
	Endpoint string
	// Insecure uses plaintext gRPC and no credentials (for Endpoint).
	Insecure bool
}

var optionNames = []string{"endpoint", "insecure", "marks", "pitch", "profile", "rate", "timeout"}

// ParseOptions reads Options from a parsed "google:" spec, checking every
// option; an unknown, repeated or out-of-range option is an error naming it.
func ParseOptions(sp *tts.Spec) (Options, error) {
	o := Options{Voice: sp.Voice}
	if err := sp.CheckOptions(optionNames...); err != nil {
		return o, err
	}
	get := sp.Options.Get
	var err error
	if o.Rate, err = sp.NumberOption("rate", 0.25, 4); err != nil {
		return o, err
	}
	if v := get("pitch"); v != "" {
		if o.Pitch, err = strconv.ParseFloat(v, 64); err != nil || !(o.Pitch >= -20 && o.Pitch <= 20) {
			return o, fmt.Errorf("google: option pitch=%q: want semitones in -20..20", v)
		}
	}
	if v := get("profile"); v != "" {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				o.Profiles = append(o.Profiles, p)
			}
		}
	}
	if o.Timeout, err = sp.DurationOption("timeout", "30s"); err != nil {
		return o, err
	}
	if v := get("marks"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return o, fmt.Errorf("google: option marks=%q: want true or false", v)
		}
		o.NoMarks = !b
	}
	if v := get("endpoint"); v != "" {
		if _, port, err := net.SplitHostPort(v); err != nil || port == "" {
			return o, fmt.Errorf("google: option endpoint=%q: want HOST:PORT", v)
		}
		o.Endpoint = v
	}
	if v := get("insecure"); v != "" {
		if o.Insecure, err = strconv.ParseBool(v); err != nil {
			return o, fmt.Errorf("google: option insecure=%q: want true or false", v)
		}
		if o.Insecure && o.Endpoint == "" {
			return o, fmt.Errorf("google: option insecure=true needs endpoint=HOST:PORT (Google's own endpoint needs TLS)")
		}
	}
	if o.Voice != "" {
		if _, err := languageOf(o.Voice); err != nil {
			return o, err
		}
	}
	return o, nil
}

// languageOf returns the language of a voice name: its first two parts.
func languageOf(voice string) (string, error) {
	parts := strings.SplitN(voice, "-", 3)
	if len(parts) < 3 || len(parts[0]) < 2 || len(parts[0]) > 3 || len(parts[1]) < 2 || parts[2] == "" {
		return "", fmt.Errorf("google: voice %q is not a Google voice name such as %q (LANG-REGION-NAME)", voice, DefaultVoice)
	}
	return parts[0] + "-" + parts[1], nil
}

// Engine is the Google Cloud Text-to-Speech engine. It is safe for
// concurrent use.
type Engine struct {
	opts Options

	mu     sync.Mutex
	client *texttospeech.Client
	noBeta bool // the endpoint has no v1beta1 service
}

// New returns an engine with opts, which must be valid (see ParseOptions).
// It makes no network calls.
func New(opts Options) *Engine {
	if opts.Voice == "" {
		opts.Voice = DefaultVoice
	}
	if opts.Rate == 0 {
		opts.Rate = 1
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	return &Engine{opts: opts}
}

// Limits implements tts.Driver.
func (e *Engine) Limits() tts.Limits {
	return tts.Limits{MaxBytes: TextBudget, SSML: true, QPS: DefaultQPS, NativeRate: DefaultSampleRate}
}

// Account implements tts.Accounter: Google's quota is per Cloud project,
// and every engine of a process finds the same Application Default
// Credentials, so the engines of one endpoint share it.
func (e *Engine) Account() string {
	if e.opts.Endpoint != "" {
		return e.opts.Endpoint
	}
	return defaultEndpoint
}

// defaultEndpoint is the endpoint the client library calls when none is
// given.
const defaultEndpoint = "texttospeech.googleapis.com:443"

// VoiceLanguage implements tts.VoiceLanguager: a Google voice's name
// starts with its locale ("en-GB-Neural2-A").
func (e *Engine) VoiceLanguage(voice string) string {
	if voice == "" {
		voice = e.opts.Voice
	}
	l, _ := languageOf(voice)
	return l
}

// ID implements tts.Driver: the voice, the options that change the
// audio, and the endpoint when it is not Google's (another server makes
// other audio).
func (e *Engine) ID() string {
	var q []string
	q = append(q, "pitch="+strconv.FormatFloat(e.opts.Pitch, 'g', -1, 64))
	if len(e.opts.Profiles) > 0 {
		q = append(q, "profile="+strings.Join(e.opts.Profiles, ","))
	}
	q = append(q, "rate="+strconv.FormatFloat(e.opts.Rate, 'g', -1, 64))
	if e.opts.Endpoint != "" {
		q = append(q, "endpoint="+e.opts.Endpoint)
	}
	sort.Strings(q)
	return Scheme + ":" + e.opts.Voice + "?" + strings.Join(q, "&")
}

// Voices implements tts.Driver through ListVoices.
func (e *Engine) Voices(ctx context.Context) ([]tts.Voice, error) {
	c, err := e.getClient(ctx)
	if err != nil {
		return nil, err
	}
	callCtx, cancel := context.WithTimeout(ctx, e.opts.Timeout)
	defer cancel()
	resp, err := c.ListVoices(callCtx, &texttospeechpb.ListVoicesRequest{})
	if err != nil {
		return nil, e.mapError(ctx, err, "list voices")
	}
	out := make([]tts.Voice, 0, len(resp.GetVoices()))
	for _, v := range resp.GetVoices() {
		out = append(out, tts.Voice{
			Name:       v.GetName(),
			Languages:  v.GetLanguageCodes(),
			Gender:     gender(v.GetSsmlGender()),
			SampleRate: int(v.GetNaturalSampleRateHertz()),
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func gender(g texttospeechpb.SsmlVoiceGender) string {
	switch g {
	case texttospeechpb.SsmlVoiceGender_FEMALE:
		return "female"
	case texttospeechpb.SsmlVoiceGender_MALE:
		return "male"
	case texttospeechpb.SsmlVoiceGender_NEUTRAL:
		return "neutral"
	}
	return ""
}

// Close implements tts.Driver, closing the client if one was made.
func (e *Engine) Close() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.client == nil {
		return nil
	}
	err := e.client.Close()
	e.client = nil
	if err != nil {
		return fmt.Errorf("google: close client: %w", err)
	}
	return nil
}

// getClient makes the client on first use.
func (e *Engine) getClient(ctx context.Context) (*texttospeech.Client, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.client != nil {
		return e.client, nil
	}
	opts := []option.ClientOption{
		option.WithGRPCDialOption(grpc.WithChainUnaryInterceptor(betaInterceptor)),
	}
	if e.opts.Endpoint != "" {
		opts = append(opts, option.WithEndpoint(e.opts.Endpoint))
	}
	if e.opts.Insecure {
		opts = append(opts,
			option.WithoutAuthentication(),
			option.WithGRPCDialOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	}
	// tts.Engine has looked for the credentials (CheckCredentials) before
	// the first call; the library may still find none where we saw some.
	c, err := texttospeech.NewClient(ctx, opts...)
	if err != nil {
		if isNoCredentials(err) {
			return nil, noCredentials("Application Default Credentials: " + err.Error())
		}
		return nil, tts.Errorf(tts.ErrPermanent, Scheme, "create client: %w", err)
	}
	// Retries belong to tts.Engine, which sees every error kind and
	// honours quota back-off; the library's own retries would hide faults
	// from it and multiply the attempts. Timeouts come from the ctx.
	c.CallOptions.SynthesizeSpeech = nil
	c.CallOptions.ListVoices = nil
	e.client = c
	return c, nil
}
