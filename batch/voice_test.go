package batch

import (
	"context"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/tts"
)

// With EngineFor, each article gets the engine its language picks, unless
// its manifest entry names a voice or a language.
func TestRunChoosesEngineByLanguage(t *testing.T) {
	ctx := context.Background()
	const manifest = `{"id":"fr-detected","title":"Le port","text":"Le port reste ouvert.\n\nLe conseil municipal a voté mardi pour garder la vieille bibliothèque du port ouverte une année de plus, après un long débat sur le coût des réparations."}
{"id":"en-detected","title":"The harbour","text":"The harbour stays open.\n\nThe council voted on Tuesday to keep the old harbour library open for another year, after a long debate about the cost of repairs."}
{"id":"lang-wins","lang":"de","title":"The harbour","text":"The harbour stays open.\n\nThe council voted on Tuesday to keep the old harbour library open for another year."}
{"id":"voice-wins","voice":"fake:default","title":"Le port","text":"Le port reste ouvert.\n\nLe conseil municipal a voté mardi pour garder la vieille bibliothèque du port ouverte."}
{"id":"bad-voice","voice":"nosuch:x","title":"The harbour","text":"The harbour stays open.\n\nThe council voted on Tuesday."}
`
	entries, err := ParseManifest(strings.NewReader(manifest), "m.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	m, err := tts.ParseVoiceMap("fr=fake:low,en=fake:high,de=fake:default?rate=1.5")
	if err != nil {
		t.Fatal(err)
	}
	engines := tts.NewEngineSet(tts.Options{QPS: -1}, func(ctx context.Context) (tts.ClipCache, error) { return memCache(t), nil })
	defer engines.Close()
	out := memBucket(t)
	o := Options{EngineFor: engines.Get, VoiceMap: m, Renderer: fastRender, Jobs: 2, TempDir: t.TempDir()}
	st, err := Run(ctx, entries, out, o)
	if err != nil {
		t.Fatal(err)
	}
	if st.Done != 4 || st.Failed != 1 || st.Failures[archive.KindInput] != 1 {
		for _, e := range entries {
			r, _ := out.ReadAll(ctx, archive.FailedObject(e.Key))
			t.Logf("%s: %q", e.ID, r)
		}
		t.Errorf("stats %+v", st)
	}
	for id, want := range map[string]string{"fr-detected": "fake:low", "en-detected": "fake:high", "lang-wins": "fake:default?rate=1.5", "voice-wins": "fake:default?rate=1&"} {
		info, err := archive.ReadInfo(ctx, out, archive.SidecarObject(id))
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if !strings.HasPrefix(info.Engine, "fake:") || !strings.Contains(info.Engine, want) {
			t.Errorf("%s rendered by %q, want the fake engine with %s", id, info.Engine, want)
		}
	}
	if n := len(engines.Engines()); n != 4 {
		t.Errorf("%d engines opened, want 4 (one per spec)", n)
	}
	sum := publish.SetSummary(engines.Engines(), 0, nil)
	if sum.Requests < 4 || strings.Count(sum.Engine, "fake:") != 4 {
		t.Errorf("summary %+v", sum)
	}
}
