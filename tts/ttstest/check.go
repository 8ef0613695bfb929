package ttstest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/tts"
)

// CheckClip reports (with t.Errorf) every way clip breaks the Synthesizer
// contract for req: no audio, a rate outside the audio package's range,
// samples beyond full scale, silence, marks out of order, outside the clip or
// the text, off rune boundaries, or word marks that cut a word in two. A clip
// without marks must say why in its Notes. It returns whether the clip passed.
func CheckClip(t testing.TB, req tts.Request, clip *tts.Clip) bool {
	t.Helper()
	if clip == nil {
		t.Errorf("text %.40q: nil clip", req.Text)
		return false
	}
	ok := true
	fail := func(format string, args ...any) {
		t.Helper()
		t.Errorf("text %.40q: "+format, append([]any{req.Text}, args...)...)
		ok = false
	}
	if len(clip.Audio.Samples) == 0 {
		fail("no samples")
		return false
	}
	if err := clip.Audio.Validate(); err != nil {
		fail("invalid audio: %v", err)
	}
	peak := 0.0
	for _, x := range clip.Audio.Samples {
		peak = max(peak, float64(x), -float64(x))
	}
	if peak > 1 {
		fail("sample beyond full scale (peak %.3f)", peak)
	}
	if rms := RMS(clip.Audio.Samples); rms < 1e-4 {
		fail("audio is silent (RMS %.2g, %.1f dBFS)", rms, DBFS(rms))
	}
	if len(clip.Marks) == 0 && len(clip.Notes) == 0 {
		fail("no marks and no note saying why")
	}
	prevSample, prevStart := 0, 0
	for i, m := range clip.Marks {
		if m.Kind != tts.MarkWord && m.Kind != tts.MarkSentence {
			fail("mark %d has unknown kind %d", i, m.Kind)
		}
		if m.Sample < 0 || m.Sample > len(clip.Audio.Samples) {
			fail("mark %d at sample %d outside the clip of %d samples", i, m.Sample, len(clip.Audio.Samples))
		}
		if m.Start < 0 || m.End < m.Start || m.End > len(req.Text) {
			fail("mark %d spans bytes %d..%d outside the text of %d bytes", i, m.Start, m.End, len(req.Text))
			continue
		}
		if m.Sample < prevSample || m.Start < prevStart {
			fail("mark %d (%v at sample %d, byte %d) before the previous one (sample %d, byte %d)", i, m.Kind, m.Sample, m.Start, prevSample, prevStart)
		}
		prevSample, prevStart = m.Sample, m.Start
		if !runeBoundary(req.Text, m.Start) || !runeBoundary(req.Text, m.End) {
			fail("mark %d spans bytes %d..%d, not on character boundaries", i, m.Start, m.End)
			continue
		}
		if m.Kind != tts.MarkWord {
			continue
		}
		span := req.Text[m.Start:m.End]
		if strings.TrimSpace(span) == "" {
			fail("word mark %d spans %q, no word", i, span)
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(req.Text[:m.Start])
		first, _ := utf8.DecodeRuneInString(span)
		last, _ := utf8.DecodeLastRuneInString(span)
		after, _ := utf8.DecodeRuneInString(req.Text[m.End:])
		if m.Start > 0 && isWordRune(before) && isWordRune(first) || m.End < len(req.Text) && isWordRune(last) && isWordRune(after) {
			fail("word mark %d spans %q, cutting a word in %q", i, span, around(req.Text, m.Start, m.End))
		}
	}
	return ok
}

func runeBoundary(s string, i int) bool { return i == len(s) || utf8.RuneStart(s[i]) }

// around quotes the span with a little context, for messages.
func around(s string, start, end int) string {
	a, b := max(0, start-10), min(len(s), end+10)
	for a > 0 && !utf8.RuneStart(s[a]) {
		a--
	}
	for b < len(s) && !utf8.RuneStart(s[b]) {
		b++
	}
	return s[a:b]
}

// WordMarks returns the word marks of clip, in order.
func WordMarks(clip *tts.Clip) []tts.Mark {
	var out []tts.Mark
	for _, m := range clip.Marks {
		if m.Kind == tts.MarkWord {
			out = append(out, m)
		}
	}
	return out
}
