package pipeline

import (
	"reflect"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/article/spoken"
	"github.com/narrate-dev/narrate/sidecar"
)

// notHashed are the options SettingsHash leaves out, and why. Any other
// option changes what a render writes and must change the hash, or an
// archive rendered with one setting would be taken for done with another.
var notHashed = map[string]string{
	"TempDir":          "where the spool lives, not what is in it",
	"Progress":         "a callback told of the render's progress",
	"Spoken.Rules":     "their effect is the plan's text, which the article's hash covers (batch.SettingsHash)",
	"Spoken.VoiceLang": "its effect is the plan's text, which the article's hash covers (batch.SettingsHash)",
}

// changes set each hashed option to a valid value other than its default.
var changes = map[string]func(o *Options){
	"Format":            func(o *Options) { o.Format = "wav" },
	"Voice":             func(o *Options) { o.Voice = "other" },
	"SampleRate":        func(o *Options) { o.SampleRate = 16000 },
	"Channels":          func(o *Options) { o.Channels = 2 },
	"Bitrate":           func(o *Options) { o.Bitrate = 96 },
	"Quality":           func(o *Options) { o.Quality = 2 },
	"Pauses.Split":      func(o *Options) { o.Pauses = new(DefaultPauses()); o.Pauses.Split++ },
	"Pauses.Paragraph":  func(o *Options) { o.Pauses = new(DefaultPauses()); o.Pauses.Paragraph++ },
	"Pauses.Section":    func(o *Options) { o.Pauses = new(DefaultPauses()); o.Pauses.Section++ },
	"Pauses.Title":      func(o *Options) { o.Pauses = new(DefaultPauses()); o.Pauses.Title++ },
	"Loudness":          func(o *Options) { o.Loudness = new(-23.0) },
	"LoudnessOff":       func(o *Options) { o.LoudnessOff = true },
	"TruePeak":          func(o *Options) { o.TruePeak = new(-2.0) },
	"TruePeakOff":       func(o *Options) { o.TruePeakOff = true },
	"TrimThreshold":     func(o *Options) { o.TrimThreshold = new(-40.0) },
	"TrimKeep":          func(o *Options) { o.TrimKeep = new(time.Millisecond) },
	"Fade":              func(o *Options) { o.Fade = new(time.Millisecond) },
	"Spoken.NoReadings": func(o *Options) { o.Spoken = spoken.Config{NoReadings: true} },
	"Chapters":          func(o *Options) { o.Chapters = sidecar.ChaptersSections },
	"Album":             func(o *Options) { o.Album = "The Gazette" },
}

// groups are the fields of Options that gather options of their own.
var groups = map[string]bool{"Pauses": true, "Spoken": true}

// optionNames lists the fields of t, those of groups as Group.Field.
func optionNames(t reflect.Type, prefix string) []string {
	var out []string
	for f := range t.Fields() {
		if groups[prefix+f.Name] {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			out = append(out, optionNames(ft, f.Name+".")...)
			continue
		}
		out = append(out, prefix+f.Name)
	}
	return out
}

// TestSettingsHashCoversEveryOption fails when an option is added that
// SettingsHash does not hash and notHashed does not excuse: hashing it (at
// the end, and only when it is not its default, so that existing archives
// keep their hashes) or excusing it is a decision to make on purpose.
func TestSettingsHashCoversEveryOption(t *testing.T) {
	base, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	const engine = "fake:"
	want := base.SettingsHash(engine)
	for _, name := range optionNames(reflect.TypeFor[Options](), "") {
		if _, ok := notHashed[name]; ok {
			continue
		}
		change, ok := changes[name]
		if !ok {
			t.Errorf("option %s is neither hashed (a change in changes) nor excused in notHashed", name)
			continue
		}
		var o Options
		change(&o)
		r, err := New(o)
		if err != nil {
			t.Errorf("option %s: %v", name, err)
			continue
		}
		if r.SettingsHash(engine) == want {
			t.Errorf("option %s changes the render but not SettingsHash", name)
		}
	}
	for name := range changes {
		if _, ok := notHashed[name]; ok {
			t.Errorf("option %s is both hashed and excused", name)
		}
	}
	if base.SettingsHash("fake:?rate=2") == want {
		t.Error("the engine does not change SettingsHash")
	}
	// Defaults spelled out hash as defaults left out.
	spelled, err := New(Options{Format: "mp3", SampleRate: 24000, Channels: 1, Bitrate: 64, Quality: 5,
		Pauses: new(DefaultPauses()), Loudness: new(DefaultLoudness), TruePeak: new(DefaultTruePeak),
		TrimThreshold: new(DefaultTrimThreshold), TrimKeep: new(DefaultTrimKeep), Fade: new(DefaultFade),
		Chapters: sidecar.ChaptersParagraphs})
	if err != nil {
		t.Fatal(err)
	}
	if spelled.SettingsHash(engine) != want {
		t.Error("the defaults spelled out hash differently from the defaults left out")
	}
}
