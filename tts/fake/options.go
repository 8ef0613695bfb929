package fake

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

// DefaultSampleRate is the engine's native sample rate unless the
// samplerate option says otherwise.
const DefaultSampleRate = 24000

// DefaultRetryAfter is the wait a rate-limited call asks for unless the
// retryafter option says otherwise.
const DefaultRetryAfter = 50 * time.Millisecond

// Options configure an Engine. The zero value is a fast, faultless engine
// with the default voice at 24 kHz.
type Options struct {
	// Voice is "default", "low" or "high"; "" means "default".
	Voice string
	// Rate multiplies every Request.Rate; 0 means 1.
	Rate float64
	// SampleRate is the native rate; 0 means DefaultSampleRate.
	SampleRate int
	// Latency is added to every call (cancelled with its ctx).
	Latency time.Duration
	// Fail is the fraction (0..1) of calls that fail with tts.ErrTransient.
	Fail float64
	// RateLimit is the fraction (0..1) of calls that fail with
	// tts.ErrRateLimited, asking to wait RetryAfter.
	RateLimit float64
	// RetryAfter is the wait rate-limited calls ask for; 0 means
	// DefaultRetryAfter.
	RetryAfter time.Duration
	// Seed varies which calls fail. It does not change the audio.
	Seed int64
	// MaxBytes is the declared limit on Request.Text; longer text fails with
	// tts.ErrTooLong. 0 means none.
	MaxBytes int
	// MaxSentence is an undeclared limit: a request holding a sentence longer
	// than this many bytes fails with tts.ErrTooLong, as Google does. 0 means
	// none.
	MaxSentence int
	// Concurrency is the declared number of calls the engine runs at once;
	// more wait their turn. 0 means no limit.
	Concurrency int
	// OnCall, if set, is called at the start of every Synthesize call, from
	// the caller's goroutine.
	OnCall func(req tts.Request)
}

// voicePitch maps voice names to pitch factors.
var voicePitch = map[string]float64{"default": 1, "low": 0.7, "high": 1.6}

// optionNames are the spec options ParseOptions accepts.
var optionNames = []string{"concurrency", "fail", "latency", "maxbytes", "maxsentence", "rate", "ratelimit", "retryafter", "samplerate", "seed"}

// ParseOptions reads an Engine's options from a parsed "fake:" spec. Every
// option is checked; an unknown option, a repeated one or a value out of
// range is an error naming it.
func ParseOptions(sp *tts.Spec) (Options, error) {
	var o Options
	o.Voice = sp.Voice
	if err := sp.CheckOptions(optionNames...); err != nil {
		return Options{}, err
	}
	keys := make([]string, 0, len(sp.Options))
	for k := range sp.Options {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := strings.TrimSpace(sp.Options[k][0])
		var err error
		switch k {
		case "latency":
			o.Latency, err = parseDuration(k, v)
		case "retryafter":
			o.RetryAfter, err = parseDuration(k, v)
		case "fail":
			o.Fail, err = parseFraction(k, v)
		case "ratelimit":
			o.RateLimit, err = parseFraction(k, v)
		case "seed":
			o.Seed, err = strconv.ParseInt(v, 10, 64)
			if err != nil {
				err = fmt.Errorf("fake: option seed=%q is not an integer", v)
			}
		case "maxbytes":
			o.MaxBytes, err = parseCount(k, v)
		case "maxsentence":
			o.MaxSentence, err = parseCount(k, v)
		case "concurrency":
			o.Concurrency, err = parseCount(k, v)
		case "samplerate":
			o.SampleRate, err = parseCount(k, v)
		case "rate":
			o.Rate, err = strconv.ParseFloat(v, 64)
			if err != nil {
				err = fmt.Errorf("fake: option rate=%q is not a number", v)
			}
		}
		if err != nil {
			return Options{}, err
		}
	}
	if err := o.validate(); err != nil {
		return Options{}, err
	}
	return o, nil
}

// validate checks values that Go users set directly as well as parsed ones.
func (o *Options) validate() error {
	if _, ok := voicePitch[o.voice()]; !ok {
		return fmt.Errorf("fake: %w %q (voices: default, low, high)", tts.ErrUnknownVoice, o.Voice)
	}
	if o.Rate != 0 && !(o.Rate >= 0.1 && o.Rate <= 10) {
		hint := ""
		if o.Rate > 10 {
			hint = "; for the sample rate use samplerate="
		}
		return fmt.Errorf("fake: speaking rate %v outside 0.1..10%s", o.Rate, hint)
	}
	if o.SampleRate != 0 && (o.SampleRate < audio.MinRate || o.SampleRate > audio.MaxRate) {
		return fmt.Errorf("fake: sample rate %d outside %d..%d", o.SampleRate, audio.MinRate, audio.MaxRate)
	}
	if !(o.Fail >= 0 && o.Fail <= 1) || !(o.RateLimit >= 0 && o.RateLimit <= 1) {
		return fmt.Errorf("fake: failure fractions fail=%v, ratelimit=%v must be within 0..1", o.Fail, o.RateLimit)
	}
	if o.Latency < 0 || o.RetryAfter < 0 {
		return fmt.Errorf("fake: negative latency %v or retryafter %v", o.Latency, o.RetryAfter)
	}
	if o.MaxBytes < 0 || o.MaxSentence < 0 || o.Concurrency < 0 {
		return fmt.Errorf("fake: negative limit (maxbytes=%d, maxsentence=%d, concurrency=%d)", o.MaxBytes, o.MaxSentence, o.Concurrency)
	}
	return nil
}

func (o *Options) voice() string {
	if o.Voice == "" {
		return "default"
	}
	return o.Voice
}

func (o *Options) rate() float64 {
	if o.Rate == 0 {
		return 1
	}
	return o.Rate
}

func (o *Options) sampleRate() int {
	if o.SampleRate == 0 {
		return DefaultSampleRate
	}
	return o.SampleRate
}

// maxOptionDuration bounds latency and retryafter so a typo cannot hang a run.
const maxOptionDuration = time.Hour

func parseDuration(name, v string) (time.Duration, error) {
	d, err := time.ParseDuration(v)
	if err != nil {
		return 0, fmt.Errorf("fake: option %s=%q is not a duration like 20ms: %w", name, v, err)
	}
	if d < 0 || d > maxOptionDuration {
		return 0, fmt.Errorf("fake: option %s=%v outside 0..%v", name, d, maxOptionDuration)
	}
	return d, nil
}

func parseFraction(name, v string) (float64, error) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || !(f >= 0 && f <= 1) {
		return 0, fmt.Errorf("fake: option %s=%q is not a fraction within 0..1", name, v)
	}
	return f, nil
}

// maxCount bounds integer options; anything larger is a typo.
const maxCount = 1 << 30

func parseCount(name, v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > maxCount {
		return 0, fmt.Errorf("fake: option %s=%q is not a whole number within 0..%d", name, v, maxCount)
	}
	return n, nil
}
