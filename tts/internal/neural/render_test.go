package neural_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/audio/ebur128"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/internal/neural"
	"github.com/narrate-dev/narrate/tts/kokoro"
	"github.com/narrate-dev/narrate/tts/piper"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// TestRenderQuality renders a short article with each neural voice through
// the pipeline and holds it to what the other engines' renders are held to:
// loudness on target under the true-peak ceiling, no join with a step
// larger than any inside the speech, a chapter per block in order, and
// word timings in the sidecar.
func TestRenderQuality(t *testing.T) {
	if os.Getenv("NARRATE_VOICES") == "" {
		if d, err := filepath.Abs("../../../.cache/voices"); err == nil {
			t.Setenv("NARRATE_VOICES", d)
		}
	}
	english := &article.Document{
		Title: "Ferry timetable changes",
		Lang:  "en",
		Blocks: []article.Block{
			{Kind: article.KindParagraph, Text: "The island ferry will sail an hour earlier from Monday. Commuters asked for the change last spring."},
			{Kind: article.KindHeading, Text: "Fares stay the same"},
			{Kind: article.KindParagraph, Text: "The operator said tickets would not cost more, and that the evening boat keeps its time."},
		},
	}
	french := &article.Document{
		Title: "Le bac change d'horaire",
		Lang:  "fr",
		Blocks: []article.Block{
			{Kind: article.KindParagraph, Text: "Le bac de l'île partira une heure plus tôt dès lundi. Les habitants avaient demandé ce changement au printemps dernier."},
			{Kind: article.KindHeading, Text: "Les tarifs ne changent pas"},
			{Kind: article.KindParagraph, Text: "La compagnie a précisé que les billets ne coûteraient pas plus cher, et que le bateau du soir garde son horaire."},
		},
	}
	for name, tc := range map[string]struct {
		open func() (tts.Driver, error)
		doc  *article.Document
	}{
		"piper":     {func() (tts.Driver, error) { return piper.New("") }, english},
		"kokoro":    {func() (tts.Driver, error) { return kokoro.New("") }, english},
		"kokoro-fr": {func() (tts.Driver, error) { return kokoro.New("ff_siwis") }, french},
	} {
		t.Run(name, func(t *testing.T) {
			syn, err := tc.open()
			var nf *neural.NotFoundError
			if errors.As(err, &nf) {
				t.Skipf("neural voice assets not installed (run `make voices`): %v", err)
			}
			if err != nil {
				t.Fatal(err)
			}
			defer syn.Close()
			checkRender(t, ttstest.Engine(t, syn), tc.doc)
		})
	}
}

// checkRender renders doc with syn and checks loudness, true peak, joins,
// chapters, and timings: a sentence mark for every sentence (exact: one
// run of the model each) and word marks, which the render's warnings say
// are estimated.
func checkRender(t *testing.T, eng *tts.Engine, doc *article.Document) {
	path := filepath.Join(t.TempDir(), "out.wav")
	r, err := pipeline.New(pipeline.Options{Format: "wav"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Render(context.Background(), doc, eng, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	buf, err := audio.ReadWAV(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}

	lufs, err := ebur128.Integrated(buf)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(lufs+16) > 0.5 {
		t.Errorf("loudness %.2f LUFS, want -16 ±0.5", lufs)
	}
	m, err := ebur128.NewMeter(buf.Rate, 1)
	if err != nil {
		t.Fatal(err)
	}
	m.Add(buf.Samples)
	tp, _ := m.TruePeak()
	m.Close()
	if tp > -1+0.05 {
		t.Errorf("true peak %.2f dBTP, over -1", tp)
	}

	var inside float32
	for _, bt := range res.Timings.Blocks {
		s, e := int(bt.Start*float64(buf.Rate))+50, int(bt.End*float64(buf.Rate))-50
		if e > s {
			inside = max(inside, maxStep(buf.Samples[s:e]))
		}
	}
	words := 0
	for _, bt := range res.Timings.Blocks {
		for _, at := range []float64{bt.Start, bt.End} {
			c := int(at * float64(buf.Rate))
			s, e := max(0, c-100), min(len(buf.Samples), c+100)
			if step := maxStep(buf.Samples[s:e]); step > inside {
				t.Errorf("join at %.3fs: step %.4f larger than any inside the speech (%.4f)", at, step, inside)
			}
		}
		for _, st := range bt.Sentences {
			words += len(st.Words)
		}
	}
	if words < 30 {
		t.Errorf("%d words timed in the sidecar, want the article's 33 or so", words)
	}
	sentences := 0
	for _, bt := range res.Timings.Blocks {
		sentences += len(bt.Sentences)
	}
	if sentences != 5 {
		t.Errorf("%d sentences timed, want the title's, the heading's and the paragraphs' three", sentences)
	}
	said := false
	for _, w := range res.Warnings {
		said = said || strings.Contains(w, "word timings are estimated")
	}
	if !said {
		t.Errorf("the render's warnings do not say word timings are estimated: %q", res.Warnings)
	}

	ch := sidecar.ChaptersJSON(res.Timings, sidecar.ChaptersParagraphs)
	if len(ch.Chapters) != len(res.Timings.Blocks) {
		t.Errorf("%d chapters for %d blocks", len(ch.Chapters), len(res.Timings.Blocks))
	}
	for i := 1; i < len(ch.Chapters); i++ {
		if ch.Chapters[i].StartTime <= ch.Chapters[i-1].StartTime {
			t.Errorf("chapter %d starts at %v, not after chapter %d (%v)", i, ch.Chapters[i].StartTime, i-1, ch.Chapters[i-1].StartTime)
		}
	}
}

// maxStep is the largest difference between neighbouring samples: a click
// at a join shows as a step larger than any inside the speech.
func maxStep(s []float32) float32 {
	var m float32
	for i := 1; i < len(s); i++ {
		m = max(m, float32(math.Abs(float64(s[i]-s[i-1]))))
	}
	return m
}
