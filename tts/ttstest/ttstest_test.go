package ttstest_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"", nil},
		{"Hello, world.", []string{"Hello", "world"}},
		{"isn't it well-known? 'quoted' -dash-", []string{"isn't", "it", "well-known", "quoted", "dash"}},
		{"Café à Montréal", []string{"Café", "à", "Montréal"}},
		{"Cafe\u0301!", []string{"Cafe\u0301"}},
		{"東京は 晴れ", []string{"東京は", "晴れ"}},
		{"3.5 km 👋 ok", []string{"3", "5", "km", "ok"}},
		{"bad\xffbyte", []string{"bad", "byte"}},
	} {
		var got []string
		for _, w := range ttstest.Words(tc.text) {
			got = append(got, tc.text[w[0]:w[1]])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestProse(t *testing.T) {
	for _, n := range []int{1, 12, 13, 100} {
		p := ttstest.Prose(n)
		if got := len(strings.Fields(p)); got != n {
			t.Errorf("Prose(%d) has %d words", n, got)
		}
		if !strings.HasSuffix(p, ".") || p != ttstest.Prose(n) {
			t.Errorf("Prose(%d) = %q: not ending a sentence or not stable", n, p)
		}
	}
}

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func tone(n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = 0.1 * float32(i%40-20) / 20
	}
	return s
}

func TestCheckClip(t *testing.T) {
	text := "Hello brave world."
	good := func() *tts.Clip {
		return &tts.Clip{Audio: audio.Buffer{Rate: 24000, Samples: tone(24000)}, Marks: []tts.Mark{
			{Kind: tts.MarkSentence, Sample: 0, Start: 0, End: 18},
			{Kind: tts.MarkWord, Sample: 0, Start: 0, End: 5},
			{Kind: tts.MarkWord, Sample: 8000, Start: 6, End: 11},
			{Kind: tts.MarkWord, Sample: 16000, Start: 12, End: 17},
		}}
	}
	for _, tc := range []struct {
		name   string
		break_ func(c *tts.Clip)
		want   string
	}{
		{"good", func(*tts.Clip) {}, ""},
		{"silent", func(c *tts.Clip) { c.Audio.Samples = make([]float32, 100) }, "silent"},
		{"no samples", func(c *tts.Clip) { c.Audio.Samples = nil }, "no samples"},
		{"bad rate", func(c *tts.Clip) { c.Audio.Rate = 10 }, "invalid audio"},
		{"clipping", func(c *tts.Clip) { c.Audio.Samples[3] = 1.5 }, "full scale"},
		{"no marks no note", func(c *tts.Clip) { c.Marks = nil }, "no note"},
		{"no marks with note", func(c *tts.Clip) { c.Marks, c.Notes = nil, []string{"no timings"} }, ""},
		{"mark past clip", func(c *tts.Clip) { c.Marks[3].Sample = 24001 }, "outside the clip"},
		{"mark past text", func(c *tts.Clip) { c.Marks[3].End = 19 }, "outside the text"},
		{"out of order", func(c *tts.Clip) { c.Marks[2].Sample = 17000 }, "before the previous"},
		{"cut word", func(c *tts.Clip) { c.Marks[2].End = 9 }, "cutting a word"},
		{"blank word", func(c *tts.Clip) { c.Marks[2].Start, c.Marks[2].End = 5, 6 }, "no word"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := good()
			tc.break_(c)
			r := &recorder{TB: t}
			ok := ttstest.CheckClip(r, tts.Request{Text: text}, c)
			switch {
			case tc.want == "" && (!ok || len(r.errs) > 0):
				t.Errorf("good clip refused: %q", r.errs)
			case tc.want != "" && (ok || !strings.Contains(strings.Join(r.errs, "\n"), tc.want)):
				t.Errorf("broken clip: ok=%v, errors %q, want one with %q", ok, r.errs, tc.want)
			}
		})
	}
	// Off a character boundary.
	r := &recorder{TB: t}
	c := &tts.Clip{Audio: audio.Buffer{Rate: 8000, Samples: tone(800)}, Marks: []tts.Mark{{Kind: tts.MarkWord, Start: 0, End: 4}}}
	if ttstest.CheckClip(r, tts.Request{Text: "Café"}, c) || !strings.Contains(strings.Join(r.errs, ""), "boundaries") {
		t.Errorf("mark ending inside é accepted: %q", r.errs)
	}
}

func ExampleWords() {
	text := "Café à Montréal, isn't it?"
	for _, w := range ttstest.Words(text) {
		fmt.Println(w, text[w[0]:w[1]])
	}
	// Output:
	// [0 5] Café
	// [6 8] à
	// [9 18] Montréal
	// [20 25] isn't
	// [26 28] it
}
