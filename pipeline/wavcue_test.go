package pipeline_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-audio/wav"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// TestWAVChapterCues: a WAV render carries its chapters as cue points, read
// here by go-audio/wav (not our reader), one per chapter at the chapter's
// first sample, after audio of the length the result reports.
func TestWAVChapterCues(t *testing.T) {
	for _, mode := range []string{pipeline.ChaptersParagraphs, pipeline.ChaptersSections, pipeline.ChaptersOff} {
		t.Run(mode, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.wav")
			opts := pipeline.Options{Format: "wav", Chapters: mode}
			res, err := pipeline.RenderFile(context.Background(), testDoc(), ttstest.Engine(t, fake.New(fake.Options{})), path, opts)
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			d := wav.NewDecoder(bytes.NewReader(data))
			if err := d.FwdToPCM(); err != nil {
				t.Fatalf("go-audio/wav: %v", err)
			}
			if frames := d.PCMLen() / int64(2*d.NumChans); frames != res.Samples {
				t.Errorf("go-audio/wav reads %d samples, result says %d", frames, res.Samples)
			}
			meta := wav.NewDecoder(bytes.NewReader(data))
			meta.ReadMetadata()
			if err := meta.Err(); err != nil {
				t.Fatalf("go-audio/wav: %v", err)
			}
			var cues []*wav.CuePoint
			if meta.Metadata != nil {
				cues = meta.Metadata.CuePoints
			}
			if mode != pipeline.ChaptersOff && len(res.Chapters) < 2 {
				t.Fatalf("%d chapters in mode %s; the test document has more", len(res.Chapters), mode)
			}
			if len(cues) != len(res.Chapters) {
				t.Fatalf("%d cue points, want one per chapter (%d)", len(cues), len(res.Chapters))
			}
			for i, c := range res.Chapters {
				want := uint32(audio.DurationToSamples(c.Start, int(d.SampleRate)))
				if cues[i].Position != want || cues[i].SampleOffset != want {
					t.Errorf("cue %d (%q) at sample %d, want %d", i, c.Title, cues[i].SampleOffset, want)
				}
			}
		})
	}
}
