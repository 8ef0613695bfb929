package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"time"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/internal/fieldhash"
	"github.com/narrate-dev/narrate/pipeline"
)

// settingsVersion changes when rendering changes in a way the inputs below
// do not show, so every article is rendered again.
const settingsVersion = "1"

// SettingsHash identifies everything that shapes one article's output: the
// engine (its ID names voice and audio options), the per-article voice, the
// render options, the document's metadata and spoken blocks, and the plan's
// segments, which are the engine's text (spoken form, rules applied). Hashing
// the rules' effect rather than their file means an edit to a rules file
// re-renders exactly the articles whose spoken text it changes. Options are
// hashed in their normal form (Options.Normalize), so an omitted default and
// the same default spelled out hash alike.
func SettingsHash(engineID, voice string, o pipeline.Options, doc *article.Document, plan *pipeline.Plan) string {
	h := sha256.New()
	str := func(s string) { fieldhash.Write(h, s) }
	dur := func(d time.Duration) { str(strconv.FormatInt(int64(d), 10)) }
	str("narrate-batch-article")
	str(OptionsHash(engineID, voice, o))
	str(doc.Title)
	str(doc.Byline)
	str(doc.Lang)
	if doc.Published != nil {
		str(doc.Published.UTC().Format(time.RFC3339Nano))
	} else {
		str("")
	}
	str(strconv.Itoa(len(plan.Script)))
	for _, b := range plan.Script {
		str(string(b.Kind))
		str(b.Text)
		str(b.Spoken)
	}
	str(plan.Lang)
	str(strconv.Itoa(len(plan.Segments)))
	for _, s := range plan.Segments {
		str(strconv.Itoa(s.Block))
		dur(s.Pause)
		str(s.Text)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// OptionsHash identifies the settings shared by every article of a run: the
// engine, the per-article voice and the render options, normalized. The
// report groups done articles by it. Options that do not normalize are
// hashed as given (a render with them fails anyway).
func OptionsHash(engineID, voice string, o pipeline.Options) string {
	if n, err := o.Normalize(); err == nil {
		o = n
	}
	h := sha256.New()
	str := func(s string) { fieldhash.Write(h, s) }
	num := func(f float64) { str(strconv.FormatFloat(f, 'g', -1, 64)) }
	dur := func(d time.Duration) { str(strconv.FormatInt(int64(d), 10)) }
	boolean := func(b bool) { str(strconv.FormatBool(b)) }
	str("narrate-batch-settings")
	str(settingsVersion)
	str(engineID)
	str(voice)
	str(o.Format)
	for _, n := range []int{o.SampleRate, o.Channels, o.Bitrate, o.Quality} {
		str(strconv.Itoa(n))
	}
	p := deref(o.Pauses)
	for _, d := range []time.Duration{p.Sentence, p.Paragraph, p.Section, p.Title, deref(o.TrimKeep), deref(o.Fade)} {
		dur(d)
	}
	num(deref(o.Loudness))
	boolean(o.LoudnessOff)
	num(deref(o.TruePeak))
	boolean(o.TruePeakOff)
	num(deref(o.TrimThreshold))
	str(o.Chapters)
	str(o.Album)
	// Spelled as the "on"/"off" option it replaced, so archives rendered
	// before keep their hash; rules show in the segments' text.
	if o.Spoken.NoReadings {
		str("off")
	} else {
		str("on")
	}
	return hex.EncodeToString(h.Sum(nil))
}

// deref is *p, or the zero value for nil (only reached for options that
// failed to normalize).
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
