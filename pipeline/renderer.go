package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/narrate-dev/narrate/internal/fieldhash"
)

// Renderer renders articles with one set of checked options. It is safe
// for concurrent use: a process makes one and renders every article with
// it (or with WithVoice's copies).
type Renderer struct {
	opts Options // with every default filled in
}

// New checks opts and fills their defaults, once, or returns an
// *OptionError naming the first value out of range.
func New(opts Options) (*Renderer, error) {
	o, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	return &Renderer{opts: o}, nil
}

// Options returns the renderer's options with every default filled in.
func (r *Renderer) Options() Options {
	o := r.opts
	o.Pauses = new(*o.Pauses)
	return o
}

// WithVoice returns a renderer like r that asks the engine for voice
// (Options.Voice); "" means the engine's own.
func (r *Renderer) WithVoice(voice string) *Renderer {
	c := *r
	c.opts.Voice = voice
	return &c
}

// WithProgress returns a renderer like r whose renders report their
// progress to progress (Options.Progress).
func (r *Renderer) WithProgress(progress func(Event)) *Renderer {
	c := *r
	c.opts.Progress = progress
	return &c
}

// settingsVersion changes when rendering changes in a way the options do
// not show, so that every archive's articles are rendered again.
const settingsVersion = "1"

// SettingsHash identifies everything of r that shapes the output when
// engineID speaks it: the engine, the voice and every option that changes
// the audio or its tag, with their defaults filled in, so an omitted
// default and the same default spelled out hash alike. Two renders of the
// same plan with equal hashes give equal bytes. The rules of the spoken
// form are not hashed: their effect is the plan's text (see
// batch.SettingsHash). Existing archives are keyed by this hash: it never
// changes for the options it hashes today.
func (r *Renderer) SettingsHash(engineID string) string {
	o := &r.opts
	h := sha256.New()
	str := func(s string) { fieldhash.Write(h, s) }
	num := func(f float64) { str(strconv.FormatFloat(f, 'g', -1, 64)) }
	dur := func(d time.Duration) { str(strconv.FormatInt(int64(d), 10)) }
	boolean := func(b bool) { str(strconv.FormatBool(b)) }
	// The name batch first gave it, kept so that archives keep their hash.
	str("narrate-batch-settings")
	str(settingsVersion)
	str(engineID)
	str(o.Voice)
	str(o.Format)
	for _, n := range []int{o.SampleRate, o.Channels, o.Bitrate, o.Quality} {
		str(strconv.Itoa(n))
	}
	p := o.Pauses
	for _, d := range []time.Duration{p.Split, p.Paragraph, p.Section, p.Title, o.trimKeep(), o.fade()} {
		dur(d)
	}
	num(o.loudness())
	boolean(o.LoudnessOff)
	num(o.truePeak())
	boolean(o.TruePeakOff)
	num(o.trimThreshold())
	str(o.Chapters)
	str(o.Album)
	// Spelled as the "on"/"off" option it replaced, so archives rendered
	// before keep their hash.
	if o.Spoken.NoReadings {
		str("off")
	} else {
		str("on")
	}
	return hex.EncodeToString(h.Sum(nil))
}
