package bench

import (
	"strings"
	"testing"
	"unicode"
)

// werWords are the words of s as a recognizer writes them: lower case,
// letters, digits and inner apostrophes.
func werWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// editDistance is the word-level Levenshtein distance: substitutions,
// insertions and deletions that turn ref into hyp.
func editDistance(ref, hyp []string) int {
	prev := make([]int, len(hyp)+1)
	cur := make([]int, len(hyp)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ref); i++ {
		cur[0] = i
		for j := 1; j <= len(hyp); j++ {
			cost := 1
			if ref[i-1] == hyp[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(hyp)]
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		ref, hyp string
		want     int
	}{
		{"the cat sat", "the cat sat", 0},
		{"the cat sat", "the bat sat", 1},
		{"the cat sat", "the cat", 1},
		{"the cat sat", "a the cat sat down", 2},
		{"", "a b", 2},
		{"a b", "", 2},
	} {
		if got := editDistance(werWords(tc.ref), werWords(tc.hyp)); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.ref, tc.hyp, got, tc.want)
		}
	}
}
