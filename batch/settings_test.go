package batch

import (
	"context"
	"testing"
	"time"

	"github.com/narrate-dev/narrate/article/spoken"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/sidecar"
)

// TestSettingsHashOfExistingArchives: the settings hash of an article is
// what tells a rerun that it is done. These values were computed by the
// narrate that rendered the archives out there; a change to any of them
// would make a rerun render every article of every archive again. Change
// settingsVersion on purpose, never a hash by accident. The answer hash
// also covers the article's spoken text, as it must (an article read
// differently is rendered again), so it changes when the reading of this
// text does: it did when "the $4.5 million cost" became "the four point
// five million dollar cost" (an amount before a noun is an adjective);
// the options hashes, which every article shares, did not. Likewise when
// the voice's country came to pick how an article tagged only "en" says
// a score (pipeline.Renderer.PlanFor): no hash here changed, since the
// fake engine's voice has no country, and in an archive read by an en-GB
// voice only the articles whose text now reads "four nil" where it read
// "four to zero" are rendered again; the options hash holds no language.
func TestSettingsHashOfExistingArchives(t *testing.T) {
	ctx := context.Background()
	eng := openEngine(t, "fake:")
	e := &Entry{ID: "news/harbour", Title: "The harbour stays open", Byline: "By Ann Lee", Published: "2024-05-01T10:00:00Z",
		Text: "The council voted on Tuesday to keep the old harbour library open for another year, after a long debate about the $4.5 million cost of repairs.\n\nResidents of district 9 asked for more buses and fewer cars."}
	for _, c := range []struct {
		name            string
		voice           string
		render          pipeline.Options
		options, answer string
	}{
		{"defaults", "", pipeline.Options{},
			"f84e6c42d4f70762cf709075923c875a1914a2a4820e1c3b2bd86d21550ee6e5",
			"0058d70f4dc520ea93d7b37513b38fdfc32bead96d0f4d8d85a04617262eee4e"},
		{"fast", "", fastOptions,
			"64793ae7a146fec65f278b2620e636d6ec063f0b6a22a510d7071889abd1e10c",
			"4f95987f9d67421bf5511321475617c515a632e2ca826b3c7795cce503f9bcb7"},
		{"every option", "other", pipeline.Options{Format: "wav", SampleRate: 22050, Channels: 2, Bitrate: 96, Quality: 2,
			Pauses:   &pipeline.Pauses{Split: time.Second, Paragraph: 2 * time.Second, Section: 3 * time.Second, Title: 4 * time.Second},
			Loudness: new(-23.0), TruePeak: new(-2.0), TrimThreshold: new(-40.0), TrimKeep: new(10 * time.Millisecond), Fade: new(time.Millisecond),
			Chapters: sidecar.ChaptersSections, Album: "The Gazette", Spoken: spoken.Config{NoReadings: true}},
			"eed5ffa6e7b80c6aa68d810ac10500c84a5b8901987014b74df54ac77b20c105",
			"a8637b180b15f15cb6199ef2d07365eafaffa62401993efc1c284dc6e915374a"},
		{"levels off", "", pipeline.Options{LoudnessOff: true, TruePeakOff: true, Chapters: sidecar.ChaptersOff},
			"bf169ba2d8084becc8d56ee1018fe633173d76d251f0fcdc0edb9db7ba1cdc43",
			"e0c6d3a4098b55625daac7333040a362cd4c190f8a16d3595058f151451fb2bb"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ec := *e
			ec.Voice = c.voice
			r, err := pipeline.New(c.render)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Prepare(ctx, &ec, nil, Options{Engine: eng, Renderer: r})
			if err != nil {
				t.Fatal(err)
			}
			if got := r.WithVoice(c.voice).SettingsHash(eng.ID()); got != c.options {
				t.Errorf("options hash %s, want %s", got, c.options)
			}
			if got := p.Hash(); got != c.answer {
				t.Errorf("settings hash %s, want %s", got, c.answer)
			}
		})
	}
}
