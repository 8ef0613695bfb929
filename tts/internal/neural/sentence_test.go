package neural

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/espeak"
)

// runes encodes each phoneme as its code point, framed by 1 and 2; it knows
// every phoneme but 'x'.
type runes struct{}

func (runes) Begin(dst []int64) []int64 { return append(dst, 1) }
func (runes) End(dst []int64) []int64   { return append(dst, 2) }
func (runes) Append(dst []int64, s string) ([]int64, int) {
	missing := 0
	for _, r := range s {
		if r == 'x' {
			missing++
			continue
		}
		dst = append(dst, int64(r))
	}
	return dst, missing
}

func decode(ids []int64) string {
	var b strings.Builder
	for _, id := range ids[1 : len(ids)-1] {
		b.WriteRune(rune(id))
	}
	return b.String()
}

func TestSentences(t *testing.T) {
	text := "Hello, hello. Mr. Hello said hello!"
	clauses, err := espeak.Phonemize(context.Background(), "en-us", text)
	if err != nil {
		t.Fatal(err)
	}
	ss := Sentences(text, clauses, runes{}, 800)
	var spans, phonemes []string
	for _, s := range ss {
		spans = append(spans, text[s.Start:s.End])
		phonemes = append(phonemes, decode(s.IDs))
		if s.IDs[0] != 1 || s.IDs[len(s.IDs)-1] != 2 {
			t.Errorf("sentence %q: ids not framed by start and end", text[s.Start:s.End])
		}
		for i := 1; i < len(s.Words); i++ {
			if s.Words[i].ID <= s.Words[i-1].ID || s.Words[i].Start <= s.Words[i-1].Start {
				t.Errorf("sentence %q: words out of order: %v", text[s.Start:s.End], s.Words)
			}
		}
	}
	// "Mr." ends a clause for espeak-ng but not the sentence.
	if want := []string{"Hello, hello.", "Mr. Hello said hello!"}; !slices.Equal(spans, want) {
		t.Errorf("sentences %q, want %q", spans, want)
	}
	if want := []string{"həlˈoʊ, həlˈoʊ.", "mˈɪstɚ həlˈoʊ sˈɛd həlˈoʊ!"}; !slices.Equal(phonemes, want) {
		t.Errorf("phonemes %q, want %q", phonemes, want)
	}
	if got := len(ss[1].Words); got != 4 {
		t.Errorf("second sentence has %d words placed, want 4", got)
	}
	// Each word's id is where its phonemes start.
	for _, w := range ss[1].Words {
		if got := rune(ss[1].IDs[w.ID]); !strings.ContainsRune("mhs", got) {
			t.Errorf("word %q placed at phoneme %q", text[w.Start:w.End], got)
		}
	}
}

func TestSentencesCutLong(t *testing.T) {
	text := strings.Repeat("council library harbour ", 40) + "end."
	clauses, err := espeak.Phonemize(context.Background(), "en-us", text)
	if err != nil {
		t.Fatal(err)
	}
	ss := Sentences(text, clauses, runes{}, 100)
	if len(ss) < 5 {
		t.Fatalf("%d sentences for %d bytes at 100 ids each", len(ss), len(text))
	}
	words := 0
	if ss[0].Continues || !ss[1].Continues {
		t.Error("a sentence cut for length: the first part must not continue, the next must")
	}
	if ms := ss[1].Marks(0, 1000); len(ms) > 0 && ms[0].Kind == tts.MarkSentence {
		t.Error("the continuation of a cut sentence has a sentence mark")
	}
	for i, s := range ss {
		if len(s.IDs) > 100 {
			t.Errorf("sentence %d has %d ids, over 100", i, len(s.IDs))
		}
		if i > 0 && s.Start < ss[i-1].End {
			t.Errorf("sentence %d starts at %d, before the last ended (%d)", i, s.Start, ss[i-1].End)
		}
		words += len(s.Words)
	}
	if words != 121 {
		t.Errorf("%d words placed, want 121", words)
	}
}

func TestWordIndex(t *testing.T) {
	if got := wordIndex([][2]int{{0, 3}, {4, 9}}, 2); !slices.Equal(got, []int{0, 1}) {
		t.Errorf("same count: %v", got)
	}
	// "1990 ends" read as three phoneme words.
	if got := wordIndex([][2]int{{0, 4}, {5, 9}}, 3); !slices.Equal(got, []int{0, 2}) {
		t.Errorf("more phoneme words: %v", got)
	}
	if got := wordIndex([][2]int{{0, 1}, {2, 3}, {4, 5}}, 1); !slices.Equal(got, []int{0, 0, 0}) {
		t.Errorf("fewer phoneme words: %v", got)
	}
}

func TestMarks(t *testing.T) {
	s := Sentence{IDs: make([]int64, 10), Start: 0, End: 9, Words: []Word{{0, 3, 2}, {4, 9, 6}}}
	got := s.Marks(100, 1000)
	want := []tts.Mark{
		{Kind: tts.MarkSentence, Sample: 100, Start: 0, End: 9},
		{Kind: tts.MarkWord, Sample: 300, Start: 0, End: 3},
		{Kind: tts.MarkWord, Sample: 700, Start: 4, End: 9},
	}
	if !slices.Equal(got, want) {
		t.Errorf("marks = %v, want %v", got, want)
	}
	// Out of order marks are dropped.
	ms := tts.OrderMarks([]tts.Mark{want[1], {Kind: tts.MarkWord, Sample: 200, Start: 5, End: 6}, want[0]})
	if len(ms) != 2 || ms[0] != want[0] {
		t.Errorf("OrderMarks = %v", ms)
	}
}

func TestWordSpans(t *testing.T) {
	text := "It's a well-known fact — 42 times."
	var got []string
	for _, w := range wordSpans(text, 0, len(text)) {
		got = append(got, text[w[0]:w[1]])
	}
	if want := []string{"It's", "a", "well-known", "fact", "42", "times"}; !slices.Equal(got, want) {
		t.Errorf("words %q, want %q", got, want)
	}
}

func TestFind(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	t.Setenv("NARRATE_VOICES", a+":"+b)
	if got := Dirs(); !slices.Equal(got, []string{a, b}) {
		t.Errorf("Dirs() = %q", got)
	}
	_, err := Find("test voice", "piper/x.onnx")
	if err == nil || !strings.Contains(err.Error(), a+"/piper/x.onnx") || !strings.Contains(err.Error(), b+"/piper/x.onnx") || !strings.Contains(err.Error(), Install) {
		t.Errorf("error %v does not name both places and %q", err, Install)
	}
	t.Setenv("NARRATE_VOICES", "")
	t.Setenv("XDG_DATA_HOME", a)
	if got := Dirs(); !slices.Equal(got, []string{a + "/narrate/voices"}) {
		t.Errorf("Dirs() with XDG_DATA_HOME = %q", got)
	}
}
