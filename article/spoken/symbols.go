package spoken

import (
	"strings"
	"unicode/utf8"
)

// approximate reads a tilde glued to a number ("~20": about twenty) and
// the sign "≈" before one, a space or none between ("≈ 5": approximately
// five), the number read as it would be alone. A tilde or a "≈" that no
// number follows is left: "~/bin", "a ≈ b".
func (n *Normalizer) approximate(text string, i int) (token, bool) {
	l := n.l
	r, size := utf8.DecodeRuneInString(text[i:])
	word, j := l.w.about, i+size
	if r == '≈' {
		word = l.w.approx
		if j < len(text) && text[j] == ' ' {
			j++
		}
	}
	if word == "" || j >= len(text) || !isDigit(text[j]) || i > 0 && !strings.ContainsRune(" (\n\t", lastRune(text[:i])) {
		return token{}, false
	}
	t, ok := n.match(text, j, false)
	if !ok {
		return token{}, false
	}
	return token{t.end, word + " " + t.say, t.rule}, true
}

// arrow reads "→" between two terms, a space either side, as the word
// for "to" ("London → Paris", "3 → 5"): a move from one to the other.
func (n *Normalizer) arrow(text string, i int) (token, bool) {
	end := i + len("→")
	if n.l.w.arrow == "" || i == 0 || text[i-1] != ' ' || end+1 >= len(text) || text[end] != ' ' || text[end+1] == ' ' {
		return token{}, false
	}
	return token{end, n.l.w.arrow, "symbol"}, true
}
