package pipeline_test

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/ebur128"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// louder makes an engine whose clips for texts containing "LOUD" are 8 dB
// louder, so the gain predicted from the start of a narration is wrong.
type louder struct{ tts.Driver }

func (l louder) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	c, err := l.Driver.Synthesize(ctx, req)
	if err == nil && strings.Contains(req.Text, "LOUD") {
		audio.Gain(c.Audio.Samples, 8)
	}
	return c, err
}

func longDoc(paragraphs int, mark func(i int) string) *article.Document {
	doc := &article.Document{Title: "A long read", Lang: "en"}
	for i := 0; i < paragraphs; i++ {
		doc.Blocks = append(doc.Blocks, article.Block{Kind: article.KindParagraph,
			Text: mark(i) + " This paragraph goes on about the harbour, the tides and the turbines for a while."})
	}
	return doc
}

// TestEncodeAheadKeptOrDropped renders narrations long enough
// for the early estimate (and so the early encoding) to start: once
// where the start predicts the whole, once where the second half is much
// louder and the early encoding must be thrown away. Both land on target and
// both have exactly the narration's length.
func TestEncodeAheadKeptOrDropped(t *testing.T) {
	for _, tc := range []struct {
		name  string
		early bool
		mark  func(int) string
	}{
		{"uniform", true, func(int) string { return "Plain." }},
		{"louder later", false, func(i int) string {
			if i >= 20 {
				return "LOUD."
			}
			return "Plain."
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := longDoc(40, tc.mark)
			syn := ttstest.Engine(t, louder{fake.New(fake.Options{})})
			path := filepath.Join(t.TempDir(), "n.mp3")
			res, err := renderFile(context.Background(), doc, syn, path, pipeline.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Duration().Seconds() < 60 {
				t.Fatalf("narration of %v is too short to exercise the early encoding", res.Duration())
			}
			if res.EncodedEarly != tc.early {
				t.Errorf("encoded early: %v, want %v", res.EncodedEarly, tc.early)
			}
			data, _ := os.ReadFile(path)
			dec, err := audio.DecodeMP3(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if int64(len(dec.Samples)) != res.Samples {
				t.Errorf("decoded %d samples, narration has %d", len(dec.Samples), res.Samples)
			}
			lufs, err := ebur128.Integrated(dec)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(lufs+16) > 0.5 {
				t.Errorf("decoded narration measures %.2f LUFS, want -16 ± 0.5", lufs)
			}
		})
	}
}
