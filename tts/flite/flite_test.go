package flite_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/flite"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

func TestOpenValidatesVoice(t *testing.T) {
	ctx := context.Background()
	_, err := tts.New(ctx, tts.Options{Spec: "flite:klingon"})
	if err == nil {
		t.Fatal("flite:klingon opened")
	}
	for _, want := range []string{`"klingon"`, "slt", "rms", "awb", "kal16"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
	if _, err := tts.New(ctx, tts.Options{Spec: "flite:slt?pitch=3"}); err == nil || !strings.Contains(err.Error(), "pitch") {
		t.Errorf("unknown option: error %v", err)
	}
	if _, err := tts.New(ctx, tts.Options{Spec: "flite:slt?rate=9"}); err == nil || !strings.Contains(err.Error(), "rate") {
		t.Errorf("rate out of range: error %v", err)
	}
	for _, spec := range []string{"flite:", "flite:slt", "flite:awb?rate=1.2", "flite:kal16", "flite:rms"} {
		s, err := tts.New(ctx, tts.Options{Spec: spec})
		if err != nil {
			t.Errorf("%s: %v", spec, err)
			continue
		}
		s.Close()
	}
}

func TestVoicesAndLimits(t *testing.T) {
	e, err := flite.New("")
	if err != nil {
		t.Fatal(err)
	}
	vs, err := e.Voices(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, v := range vs {
		names = append(names, v.Name)
		if len(v.Languages) != 1 || v.Languages[0] != "en-US" || v.SampleRate != 16000 || v.Gender == "" {
			t.Errorf("voice %+v: want en-US, 16000 Hz and a gender", v)
		}
	}
	if got := strings.Join(names, ","); got != "slt,rms,awb,kal16" {
		t.Errorf("voices %s", got)
	}
	if l := e.Limits(); l.Concurrency < 1 || l.SSML || l.NativeRate != 16000 {
		t.Errorf("limits %+v", l)
	}
	if id := e.ID(); id != "flite:slt?rate=1" {
		t.Errorf("ID %q", id)
	}
}

// Word marks fall where flite says the words: numbers and abbreviations
// spoken as several words get one mark for the whole written word.
func TestMarksFollowTheText(t *testing.T) {
	e, err := flite.New("kal16")
	if err != nil {
		t.Fatal(err)
	}
	text := "In 1998 the U.S. budget — a record — grew 12%. Zürich's mayor agreed!"
	req := tts.Request{Text: text}
	clip, err := ttstest.Engine(t, e).Synthesize(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if !ttstest.CheckClip(t, req, clip) {
		return
	}
	var words, sentences []string
	for _, m := range clip.Marks {
		switch m.Kind {
		case tts.MarkWord:
			words = append(words, text[m.Start:m.End])
		case tts.MarkSentence:
			sentences = append(sentences, text[m.Start:m.End])
		}
	}
	if got, want := strings.Join(words, "|"), "In|1998|the|U|S|budget|a|record|grew|12|Zürich's|mayor|agreed"; got != want {
		t.Errorf("word marks %s\nwant       %s", got, want)
	}
	if len(sentences) != 2 || sentences[1] != "Zürich's mayor agreed!" {
		t.Errorf("sentence marks %q", sentences)
	}
}

func TestNotes(t *testing.T) {
	e, err := flite.New("kal16")
	if err != nil {
		t.Fatal(err)
	}
	clip, err := e.Synthesize(context.Background(), tts.Request{Text: "Le maire de 東京 a parlé.", Language: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(clip.Notes, "\n")
	if !strings.Contains(notes, "script's name") || !strings.Contains(notes, `"fr"`) {
		t.Errorf("notes %q", clip.Notes)
	}
	if _, err := e.Synthesize(context.Background(), tts.Request{Text: "👋 🌍"}); !errors.Is(err, tts.ErrPermanent) {
		t.Errorf("nothing to say: error %v, want ErrPermanent", err)
	}
}

func TestRateStretchesDurations(t *testing.T) {
	slow, err := flite.New("kal16", flite.WithRate(0.5))
	if err != nil {
		t.Fatal(err)
	}
	normal, _ := flite.New("kal16")
	text := ttstest.Prose(20)
	a, err := normal.Synthesize(context.Background(), tts.Request{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	b, err := slow.Synthesize(context.Background(), tts.Request{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if r := b.Duration().Seconds() / a.Duration().Seconds(); r < 1.7 || r > 2.3 {
		t.Errorf("rate 0.5 lasts %.2fx rate 1 (%v, %v), want about 2x", r, b.Duration(), a.Duration())
	}
	if slow.ID() == normal.ID() {
		t.Error("rate is missing from the ID")
	}
}

func Example() {
	ctx := context.Background()
	s, err := tts.New(ctx, tts.Options{Spec: "flite:slt"})
	if err != nil {
		panic(err)
	}
	defer s.Close()
	clip, err := s.Synthesize(ctx, tts.Request{Text: "Good evening."})
	if err != nil {
		panic(err)
	}
	fmt.Println(clip.Audio.Rate, len(clip.Marks) > 0)
	// Output: 16000 true
}

// FuzzSynthesize sends arbitrary text through the rewrite and libflite: the
// library must neither crash nor return a clip that breaks the contract.
func FuzzSynthesize(f *testing.F) {
	for _, s := range []string{"Hello.", "In 1998 the U.S. grew 12%.", "東京 — Привет!", "$$$ ((( 999999999999999999999", "a.b.c.d.e.f", "Mr. O'Neil's co-op, 3:45pm"} {
		f.Add(s)
	}
	e, err := flite.New("kal16")
	if err != nil {
		f.Fatal(err)
	}
	s := ttstest.Engine(f, e)
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 300 {
			t.Skip("long texts only slow the fuzzer down")
		}
		req := tts.Request{Text: text}
		clip, err := s.Synthesize(context.Background(), req)
		if err != nil {
			if !errors.Is(err, tts.ErrPermanent) {
				t.Fatalf("text %q: error %v, want a clip or ErrPermanent", text, err)
			}
			return
		}
		ttstest.CheckClip(t, req, clip)
	})
}
