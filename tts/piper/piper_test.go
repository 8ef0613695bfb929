package piper_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/neural"
	"github.com/narrate-dev/narrate/tts/piper"
)

func TestMissingVoice(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("NARRATE_VOICES", dir)
	_, err := piper.New("en_GB-nobody-low")
	var nf *neural.NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("error %v, want a NotFoundError", err)
	}
	msg := err.Error()
	for _, want := range []string{filepath.Join(dir, "piper", "en_GB-nobody-low.onnx"), "make voices", "NARRATE_VOICES"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not say %q", msg, want)
		}
	}
	if strings.Contains(msg, "\n") {
		t.Errorf("error is not one line: %q", msg)
	}
}

func TestBadVoiceFiles(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "v.onnx")
	if err := os.WriteFile(model, []byte("not a model"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := piper.New(model)
	if err == nil || !strings.Contains(err.Error(), "v.onnx.json") {
		t.Errorf("model without a config: error %v, want one naming v.onnx.json", err)
	}
	if err := os.WriteFile(model+".json", []byte(`{"audio":{}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = piper.New(model)
	if err == nil || !strings.Contains(err.Error(), "sample_rate") {
		t.Errorf("bad config: error %v, want one about sample_rate", err)
	}
	for _, name := range []string{"../etc/passwd", ".hidden", "a b"} {
		if _, err := piper.New(name); err == nil {
			t.Errorf("voice name %q accepted", name)
		}
	}
}

func TestSpecOptions(t *testing.T) {
	ctx := context.Background()
	for _, spec := range []string{"piper:?rate=9", "piper:?rate=x", "piper:?threads=z", "piper:?loud=1", "piper:?noise=-1"} {
		if s, err := tts.New(ctx, tts.Options{Spec: spec}); err == nil {
			s.Close()
			t.Errorf("%s: accepted", spec)
		}
	}
}

// TestSentenceMarks checks the marks of a real voice: one exact sentence
// mark per sentence, at the start of its audio, and estimated word marks.
func TestSentenceMarks(t *testing.T) {
	e := open(t, "")
	text := "The library stays open. Mr. Grant said so on Tuesday."
	clip, err := e.Synthesize(context.Background(), tts.Request{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var sentences []string
	words := 0
	for _, m := range clip.Marks {
		switch m.Kind {
		case tts.MarkSentence:
			sentences = append(sentences, text[m.Start:m.End])
		case tts.MarkWord:
			words++
		}
	}
	if want := []string{"The library stays open.", "Mr. Grant said so on Tuesday."}; strings.Join(sentences, "|") != strings.Join(want, "|") {
		t.Errorf("sentence marks %q, want %q", sentences, want)
	}
	if words != 10 {
		t.Errorf("%d word marks, want 10", words)
	}
	if !strings.Contains(strings.Join(clip.Notes, " "), "estimated") {
		t.Errorf("notes %q do not say word timings are estimated", clip.Notes)
	}
}

// TestNoiseOff checks the one way to identical output: without noise the
// model is deterministic.
func TestNoiseOff(t *testing.T) {
	ctx := context.Background()
	s, err := tts.New(ctx, tts.Options{Spec: "piper:?noise=0&noise_w=0"})
	var nf *neural.NotFoundError
	if errors.As(err, &nf) {
		t.Skipf("neural voice assets not installed (run `make voices`): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	req := tts.Request{Text: "Engineers will inspect the walls."}
	a, err := s.Synthesize(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Synthesize(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Audio.Samples, b.Audio.Samples) {
		t.Error("noise=0&noise_w=0: two runs gave different audio")
	}
	if !strings.Contains(s.ID(), "noise=0") {
		t.Errorf("ID %q does not show the noise setting", s.ID())
	}
}
