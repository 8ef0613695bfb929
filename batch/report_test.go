package batch

import (
	"context"
	"encoding/json"
	"regexp"
	"testing"

	"github.com/narrate-dev/narrate/archive"
)

// Totals of audio print to the millisecond: summed durations printed as
// 1524.9074999979998 in batch report --json and the run's summary.
func TestAudioSecondsToTheMillisecond(t *testing.T) {
	ctx := context.Background()
	entries := genManifest(t, 12)
	out := memBucket(t)
	// At this speed the fake voice's clips are no whole number of
	// milliseconds, as most engines' are not.
	st, err := Run(ctx, entries, out, Options{Engine: openEngine(t, "fake:?rate=1.37"), Renderer: fastRender, Jobs: 3, TempDir: t.TempDir()})
	if err != nil || st.Done != len(entries) {
		t.Fatalf("run: %+v %v", st, err)
	}
	rep, err := archive.MakeReport(ctx, out, Keys(entries), nil, 4)
	if err != nil {
		t.Fatal(err)
	}
	noise := regexp.MustCompile(`"audio_seconds": ?-?\d+\.\d{4,}`)
	for name, v := range map[string]any{"stats": st, "report": rep} {
		data, _ := json.Marshal(v)
		if m := noise.Find(data); m != nil {
			t.Errorf("%s: %s", name, m)
		}
	}
	if st.AudioSeconds != rep.AudioSeconds || rep.AudioSeconds < 12*3 {
		t.Errorf("run wrote %v s of audio, the report counts %v s", st.AudioSeconds, rep.AudioSeconds)
	}
}
