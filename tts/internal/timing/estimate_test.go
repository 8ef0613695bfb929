package timing

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// TestEstimateFollowsTheSpeech: on the fake engine's speech, whose word
// marks are exact, estimated sentence starts land within 50 ms and word
// starts within a few hundred of the truth, and the marks keep the clip
// contract.
func TestEstimateFollowsTheSpeech(t *testing.T) {
	e := fake.New(fake.Options{SampleRate: 24000})
	for _, text := range []string{
		ttstest.Prose(60),
		"Short. A much longer second sentence follows it, with a clause. End!",
		"One sentence without a full stop",
	} {
		req := tts.Request{Text: text}
		clip, err := e.Synthesize(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		truth := map[int]int{} // word start byte -> sample
		for _, m := range clip.Marks {
			if m.Kind == tts.MarkWord {
				truth[m.Start] = m.Sample
			}
		}
		est := Estimate(text, &clip.Audio)
		got := &tts.Clip{Audio: clip.Audio, Marks: est, Notes: []string{"estimated"}}
		if !ttstest.CheckClip(t, req, got) {
			t.FailNow()
		}
		var words int
		var sumErr, maxErr float64
		var sentErr float64
		for _, m := range est {
			want, ok := truth[m.Start]
			if !ok {
				t.Errorf("%q: mark at byte %d is not at a word start", text[m.Start:m.End], m.Start)
				continue
			}
			d := math.Abs(float64(m.Sample-want)) / 24000
			if m.Kind == tts.MarkSentence {
				sentErr = max(sentErr, d)
				continue
			}
			words++
			sumErr += d
			maxErr = max(maxErr, d)
		}
		if words != len(ttstest.Words(text)) {
			t.Errorf("%d word marks for %d words", words, len(ttstest.Words(text)))
		}
		t.Logf("%.30q: %d words, mean error %.0f ms, worst %.0f ms, worst sentence start %.0f ms", text, words, 1000*sumErr/float64(words), 1000*maxErr, 1000*sentErr)
		if sentErr > 0.05 {
			t.Errorf("a sentence start is %.0f ms off", 1000*sentErr)
		}
		if sumErr/float64(words) > 0.15 || maxErr > 0.4 {
			t.Errorf("word starts off by %.0f ms on average, %.0f ms at worst", 1000*sumErr/float64(words), 1000*maxErr)
		}
	}
}

func TestEstimateNothingToPlace(t *testing.T) {
	silent := &audio.Buffer{Rate: 16000, Samples: make([]float32, 16000)}
	if m := Estimate("Hello there.", silent); m != nil {
		t.Errorf("silence got marks %v", m)
	}
	if m := Estimate("...", &audio.Buffer{Rate: 16000, Samples: []float32{0.5, -0.5}}); m != nil {
		t.Errorf("no words got marks %v", m)
	}
	if m := Estimate("Hi.", &audio.Buffer{Rate: 16000}); m != nil {
		t.Errorf("no audio got marks %v", m)
	}
}

// More sentences than the clip has voiced frames: the last sentences are
// placed at the end of the clip, not past it (an index out of range,
// found by FuzzEstimate).
func TestEstimateMoreSentencesThanFrames(t *testing.T) {
	buf := &audio.Buffer{Rate: 16000}
	for i := range 4000 {
		buf.Samples = append(buf.Samples, float32(0.5*math.Sin(float64(i)/3)))
	}
	text := strings.Repeat("A. ", 200)
	marks := Estimate(text, buf)
	if len(marks) == 0 {
		t.Fatal("no marks")
	}
	for _, m := range marks {
		if m.Sample > len(buf.Samples) {
			t.Fatalf("mark %+v past the clip's %d samples", m, len(buf.Samples))
		}
	}
}

// FuzzEstimate: whatever audio an engine returns and whatever the text, the
// marks keep the clip contract (in order, within the clip and the text, on
// words).
func FuzzEstimate(f *testing.F) {
	f.Add("Hello there. General news!", []byte{0, 10, 200, 30, 0, 0, 90, 90, 1}, uint16(8000))
	f.Add("One, two; three.", []byte{255, 255, 0}, uint16(16000))
	f.Fuzz(func(t *testing.T, text string, pcm []byte, rate uint16) {
		if len(pcm) == 0 || rate < 4000 {
			return
		}
		buf := &audio.Buffer{Rate: int(rate)}
		for i := 0; i < 4000; i++ { // repeat the bytes into a clip of some length
			buf.Samples = append(buf.Samples, float32(int8(pcm[i%len(pcm)]))/128)
		}
		marks := Estimate(text, buf)
		prevS, prevB := 0, 0
		for _, m := range marks {
			if m.Sample < prevS || m.Sample > len(buf.Samples) || m.Start < prevB || m.End > len(text) || m.Start >= m.End {
				t.Fatalf("bad mark %+v (previous at sample %d, byte %d) in %d samples, %d bytes", m, prevS, prevB, len(buf.Samples), len(text))
			}
			prevS, prevB = m.Sample, m.Start
		}
	})
}
