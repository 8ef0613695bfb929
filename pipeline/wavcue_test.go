package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/go-audio/wav"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// TestWAVChapterCues: a WAV render carries its chapters as cue points, read
// here by go-audio/wav (not our reader), one per chapter at the chapter's
// first sample, after audio of the length the result reports.
func TestWAVChapterCues(t *testing.T) {
	for _, mode := range []string{sidecar.ChaptersParagraphs, sidecar.ChaptersSections, sidecar.ChaptersOff} {
		t.Run(mode, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.wav")
			opts := pipeline.Options{Format: "wav", Chapters: mode}
			res, err := renderFile(context.Background(), testDoc(), ttstest.Engine(t, fake.New(fake.Options{})), path, opts)
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
			if mode != sidecar.ChaptersOff && len(res.Chapters) < 2 {
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

// A WAV narration says its title, byline, publication and source in a
// LIST/INFO chunk, read here by ffprobe, as an MP3 does in its ID3 tag.
func TestWAVInfoTags(t *testing.T) {
	ffprobe, err := exec.LookPath("ffprobe")
	if err != nil {
		t.Skip("ffprobe not installed (Debian ffmpeg): it is the reader that checks the tags")
	}
	doc := testDoc()
	doc.Byline = "Mara Quinlan and Érika Bisaillon"
	doc.Source = "https://example.com/news/tides"
	path := filepath.Join(t.TempDir(), "out.wav")
	if _, err := renderFile(context.Background(), doc, ttstest.Engine(t, fake.New(fake.Options{})), path,
		pipeline.Options{Format: "wav", Album: "The Gazette"}); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(ffprobe, "-v", "error", "-show_chapters", "-show_entries", "format_tags", "-of", "json", path).Output()
	if err != nil {
		t.Fatalf("ffprobe: %v", err)
	}
	var got struct {
		Chapters []any
		Format   struct{ Tags map[string]string }
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("ffprobe: %s: %v", out, err)
	}
	for k, v := range map[string]string{"title": doc.Title, "artist": doc.Byline, "album": "The Gazette",
		"comment": "Narrated from " + doc.Source} {
		if got.Format.Tags[k] != v {
			t.Errorf("ffprobe: %s = %q, want %q (tags %v)", k, got.Format.Tags[k], v, got.Format.Tags)
		}
	}
	if len(got.Chapters) < 2 {
		t.Errorf("ffprobe reads %d chapters beside the tags", len(got.Chapters))
	}
}
