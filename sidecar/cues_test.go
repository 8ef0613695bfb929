package sidecar_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/sidecar"
)

// longSentence is 231 characters spoken over 13 s, as the seed's longest
// caption was.
const longSentence = "Vladimir Putin and the Federal Security Service of the Russian Federation likely viewed the warning, which came two weeks before the attack, as an attempt by the United States to sow panic in Russia, said a former ambassador."

// timedSentence gives every word of text an even share of [start, end),
// as an engine's word marks would.
func timedSentence(text string, start, end float64, words bool) sidecar.SentenceTiming {
	s := sidecar.SentenceTiming{Text: text, Start: start, End: end}
	if !words {
		return s
	}
	f := strings.Fields(text)
	step := (end - start) / float64(len(f))
	for i, w := range f {
		s.Words = append(s.Words, sidecar.WordTiming{Text: strings.Trim(w, ".,"), Start: start + float64(i)*step, End: start + float64(i+1)*step})
	}
	return s
}

// Caption cues are at most two lines of 42 characters and 7 seconds, cut at
// word boundaries; with word timings each cue starts as its first word is
// spoken; the cues of a sentence tile it and give back its text.
func TestCaptionCuesFitTheGuidelines(t *testing.T) {
	for _, words := range []bool{true, false} {
		s := timedSentence(longSentence, 2, 15, words)
		short := timedSentence("The mayor said no.", 15.4, 16.6, words)
		tm := &sidecar.Timings{Duration: 17, Blocks: []sidecar.BlockTiming{{Kind: "paragraph", Text: longSentence + " " + short.Text,
			Start: 2, End: 16.6, Sentences: []sidecar.SentenceTiming{s, short}}}}
		cues := sidecar.Cues(tm)
		if len(cues) < 3 || len(cues) > 5 {
			t.Errorf("words %v: %d cues for %d characters over 13 s", words, len(cues), utf8.RuneCountInString(longSentence))
		}
		var text []string
		starts := map[float64]bool{}
		for _, w := range s.Words {
			starts[w.Start] = true
		}
		for i, c := range cues[:len(cues)-1] {
			lines := strings.Split(c.Text, "\n")
			if len(lines) > 2 {
				t.Errorf("cue %d has %d lines: %q", i, len(lines), c.Text)
			}
			for _, l := range lines {
				if n := utf8.RuneCountInString(l); n > sidecar.CaptionLineRunes || n == 0 {
					t.Errorf("cue %d: line of %d characters: %q", i, n, l)
				}
			}
			if d := c.End - c.Start; d > sidecar.CaptionMaxSeconds || d <= 0 {
				t.Errorf("cue %d lasts %.2f s: %q", i, d, c.Text)
			}
			if words && !starts[c.Start] {
				t.Errorf("cue %d starts at %.3f, not at a word's start", i, c.Start)
			}
			if i > 0 && c.Start != cues[i-1].End {
				t.Errorf("cue %d starts at %.3f, the one before ends at %.3f", i, c.Start, cues[i-1].End)
			}
			text = append(text, strings.ReplaceAll(c.Text, "\n", " "))
		}
		if got := strings.Join(text, " "); got != longSentence {
			t.Errorf("cues give back %q", got)
		}
		if first, last := cues[0], cues[len(cues)-2]; first.Start != 2 || last.End != 15 {
			t.Errorf("cues run %.3f..%.3f, the sentence 2..15", first.Start, last.End)
		}
		if c := cues[len(cues)-1]; c.Text != short.Text || c.Start != 15.4 || c.End != 16.6 {
			t.Errorf("a short sentence is one cue: %+v", c)
		}
		// Lengths even out: no cue is a stray word or two.
		var lens []int
		for _, c := range cues[:len(cues)-1] {
			lens = append(lens, utf8.RuneCountInString(c.Text))
		}
		if slices.Min(lens)*2 < slices.Max(lens) {
			t.Errorf("uneven cues: %d characters each", lens)
		}
		t.Logf("words %v: %d cues: %+v", words, len(cues), cues)
	}
}

// The captions file reads back as WebVTT and SRT with ffmpeg, a reader we
// did not write, with the cues Cues gives.
func TestCaptionsReadByFFmpeg(t *testing.T) {
	ffmpeg, err := exec.LookPath("ffmpeg")
	if err != nil {
		t.Skip("ffmpeg not installed (Debian ffmpeg): it is the reader that checks the captions")
	}
	tm := &sidecar.Timings{Duration: 16, Blocks: []sidecar.BlockTiming{{Kind: "paragraph", Text: longSentence,
		Start: 2, End: 15, Sentences: []sidecar.SentenceTiming{timedSentence(longSentence+" A <b> & c --> d.", 2, 15, true)}}}}
	dir := t.TempDir()
	for _, format := range []string{sidecar.CaptionsVTT, sidecar.CaptionsSRT} {
		var buf bytes.Buffer
		if err := sidecar.WriteCaptions(&buf, tm, format); err != nil {
			t.Fatal(err)
		}
		in := filepath.Join(dir, "c."+format)
		os.WriteFile(in, buf.Bytes(), 0o644)
		out, err := exec.Command(ffmpeg, "-v", "error", "-i", in, "-f", "srt", "-").Output()
		if err != nil {
			t.Fatalf("ffmpeg reads %s: %v\n%s", format, err, buf.Bytes())
		}
		n := len(regexp.MustCompile(`(?m)^\d\d:\d\d:\d\d,\d{3} --> `).FindAll(out, -1))
		if want := len(sidecar.Cues(tm)); n != want {
			t.Errorf("%s: ffmpeg reads %d cues, want %d:\n%s", format, n, want, out)
		}
		if !strings.Contains(string(out), "& c --> d.") {
			t.Errorf("%s: text not read back as written:\n%s", format, out)
		}
	}
}

// Lines break where a reader pauses, not between a number and the word it
// belongs to, nor after a short word that leans on the next.
func TestCaptionLineBreaks(t *testing.T) {
	for text, want := range map[string]string{
		"Residents of district 1 asked for more buses, fewer cars and a new ferry timetable.": "Residents of district 1\nasked for more buses, | fewer cars and a new ferry timetable.",
		"The council met on Tuesday, and the mayor spoke for an hour.":                        "The council met on Tuesday,\nand the mayor spoke for an hour.",
	} {
		s := timedSentence(text, 0, 5, true)
		cues := sidecar.Cues(&sidecar.Timings{Blocks: []sidecar.BlockTiming{{Sentences: []sidecar.SentenceTiming{s}}}})
		var got []string
		for _, c := range cues {
			got = append(got, c.Text)
		}
		if strings.Join(got, " | ") != want {
			t.Errorf("%q: cues %q, want %q", text, got, want)
		}
	}
}
