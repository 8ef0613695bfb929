package tts_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/narrate-dev/narrate/tts"
)

func TestOrderMarks(t *testing.T) {
	sentence := tts.Mark{Kind: tts.MarkSentence, Sample: 100, Start: 0, End: 9}
	first := tts.Mark{Kind: tts.MarkWord, Sample: 100, Start: 0, End: 3}
	second := tts.Mark{Kind: tts.MarkWord, Sample: 700, Start: 4, End: 9}
	// After sorting by sample, a mark whose byte goes back is dropped: here
	// second, which follows a word timed before it but placed after it.
	stray := tts.Mark{Kind: tts.MarkWord, Sample: 300, Start: 5, End: 6}
	got := tts.OrderMarks([]tts.Mark{second, first, stray, sentence})
	want := []tts.Mark{sentence, first, stray}
	if !slices.Equal(got, want) {
		t.Errorf("OrderMarks = %v, want %v", got, want)
	}
	got = tts.OrderMarks([]tts.Mark{second, first, sentence})
	if want := []tts.Mark{sentence, first, second}; !slices.Equal(got, want) {
		t.Errorf("OrderMarks = %v, want %v (the sentence first at the same point)", got, want)
	}
	if got := tts.OrderMarks(nil); len(got) != 0 {
		t.Errorf("OrderMarks(nil) = %v", got)
	}
}

func ExampleOrderMarks() {
	marks := []tts.Mark{
		{Kind: tts.MarkWord, Sample: 4800, Start: 6, End: 11},
		{Kind: tts.MarkWord, Sample: 0, Start: 0, End: 5},
		{Kind: tts.MarkSentence, Sample: 0, Start: 0, End: 12},
	}
	for _, m := range tts.OrderMarks(marks) {
		fmt.Println(m.Kind, m.Sample, m.Start)
	}
	// Output:
	// sentence 0 0
	// word 0 0
	// word 4800 6
}
