package spans

import (
	"reflect"
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"", nil},
		{"Hello, world.", []string{"Hello", "world"}},
		{"isn't it well-known? 'quoted' -dash-", []string{"isn't", "it", "well-known", "quoted", "dash"}},
		{"Cafe\u0301!", []string{"Cafe\u0301"}},
		{"3.5 km 👋 ok", []string{"3", "5", "km", "ok"}},
		{"bad\xffbyte", []string{"bad", "byte"}},
	} {
		var got []string
		for _, w := range Words(tc.text) {
			got = append(got, tc.text[w[0]:w[1]])
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestSnap(t *testing.T) {
	text := `He said «Non», then left-handed.`
	for _, tc := range []struct {
		start, end int
		want       string
		ok         bool
	}{
		{0, 2, "He", true},
		{8, 15, "Non", true},          // «Non»,
		{0, 7, "He said", true},       // two words
		{22, 26, "left-handed", true}, // "left" alone widens to the word
		{22, len(text), "left-handed", true},
		{2, 3, "", false},    // a space
		{3, 5, "said", true}, // half a word
		{-1, 3, "", false},   // outside
		{5, 99, "", false},   // outside
		{10, 10, "", false},  // empty
	} {
		s, e, ok := Snap(text, tc.start, tc.end)
		if ok != tc.ok || ok && text[s:e] != tc.want {
			t.Errorf("Snap(%q) = %d..%d %v, want %q %v", text[max(0, min(tc.start, len(text))):max(0, min(tc.end, len(text)))], s, e, ok, tc.want, tc.ok)
		}
	}
}

func TestSentenceStarts(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"", nil},
		{"   ", nil},
		{"One sentence", []string{"One sentence"}},
		{"  Lead. Next one! Third? Fourth.", []string{"Lead. ", "Next one! ", "Third? ", "Fourth."}},
		{"Mr. smith arrived. He sat.", []string{"Mr. smith arrived. ", "He sat."}},
		{`He said "stop." Then left.`, []string{`He said "stop." `, "Then left."}},
		{"Costs 3.5 dollars. 12 people paid.", []string{"Costs 3.5 dollars. ", "12 people paid."}},
		{"Wait… «Non» dit-il. Élan.", []string{"Wait… ", "«Non» dit-il. ", "Élan."}},
		{"End.\n\nNew paragraph.", []string{"End.\n\n", "New paragraph."}},
		{"No space.Here", []string{"No space.Here"}},
	} {
		starts := SentenceStarts(tc.text)
		var got []string
		for i, s := range starts {
			end := len(tc.text)
			if i+1 < len(starts) {
				end = starts[i+1]
			}
			got = append(got, tc.text[s:end])
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SentenceStarts(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestSentences(t *testing.T) {
	text := "One two. Three!  Four"
	var got []string
	for _, s := range Sentences(text) {
		got = append(got, text[s[0]:s[1]])
	}
	if want := []string{"One two.", "Three!", "Four"}; !slices.Equal(got, want) {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
}
