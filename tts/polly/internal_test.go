package polly

import (
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

func TestBuildInput(t *testing.T) {
	for _, tc := range []struct {
		text string
		ssml bool
		rate float64
		want string
	}{
		{"Plain & simple.", false, 1, "Plain & simple."},
		{"Plain & simple.", false, 1.5, `<speak><prosody rate="150%">Plain &amp; simple.</prosody></speak>`},
		{`<speak xml:lang="en-US">Hi <break/>there.</speak>`, true, 0.5, `<speak xml:lang="en-US"><prosody rate="50%">Hi <break/>there.</prosody></speak>`},
		{`<speak>Hi.</speak>`, true, 1, `<speak>Hi.</speak>`},
	} {
		in, err := buildInput(tc.text, tc.ssml, tc.rate)
		if err != nil || in.text != tc.want || in.ssml != (tc.ssml || tc.rate != 1) {
			t.Errorf("buildInput(%q, %v, %v) = %q (ssml %v), %v; want %q", tc.text, tc.ssml, tc.rate, in.text, in.ssml, err, tc.want)
			continue
		}
		// Every word of the text is found where source says.
		for _, w := range []string{"simple", "there", "Hi"} {
			if i := strings.Index(tc.text, w); i >= 0 {
				j := strings.Index(in.text, w)
				if got := in.source(j); got != i {
					t.Errorf("%q: %q at %d in the document maps to %d, want %d", tc.text, w, j, got, i)
				}
			}
		}
	}
	for _, bad := range []string{"<speak>Unclosed.", "<p>Not speak.</p>", "<speak>A</speak><speak>B</speak>"} {
		if _, err := buildInput(bad, true, 1.2); err == nil {
			t.Errorf("buildInput(%q) accepted", bad)
		}
	}
}

// FuzzMapMarks: whatever a speech-marks reply holds, the marks made from
// it keep the clip contract: in order, inside the clip and the text, word
// marks on words of the text.
func FuzzMapMarks(f *testing.F) {
	f.Add("Mary had a little lamb.", false, []byte(`{"time":0,"type":"sentence","start":0,"end":23,"value":"Mary had a little lamb."}
{"time":6,"type":"word","start":0,"end":4,"value":"Mary"}
{"time":373,"type":"word","start":5,"end":8,"value":"had"}`))
	f.Add(`<speak>Mary had <break time="300ms"/>a &amp; lamb</speak>`, true, []byte(`{"time":897,"type":"word","start":16,"end":37,"value":"<break>"}
{"time":1291,"type":"word","start":37,"end":38,"value":"a"}
{"time":-5,"type":"word","start":99,"end":2,"value":"x"}
not json`))
	f.Fuzz(func(t *testing.T, text string, isSSML bool, data []byte) {
		buf := &audio.Buffer{Rate: 16000, Samples: make([]float32, 16000)}
		identity := func(off int) int { return max(0, min(off, len(text))) }
		marks := mapMarks(text, isSSML, identity, parseMarks(data), buf)
		prevS, prevB := 0, 0
		for _, m := range marks {
			if m.Sample < prevS || m.Sample > len(buf.Samples) || m.Start < prevB || m.Start < 0 || m.End < m.Start || m.End > len(text) {
				t.Fatalf("bad mark %+v after sample %d byte %d", m, prevS, prevB)
			}
			if m.Kind == tts.MarkWord && strings.TrimSpace(text[m.Start:m.End]) == "" {
				t.Fatalf("word mark on %q", text[m.Start:m.End])
			}
			prevS, prevB = m.Sample, m.Start
		}
	})
}
