package spoken

import (
	"strings"
	"unicode"
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
	// A number, or an amount with its currency's sign: "~$20".
	if word == "" || j >= len(text) || !isDigit(text[j]) && !(strings.ContainsRune("$€£¥", rune(text[j])) && j+1 < len(text) && isDigit(text[j+1])) ||
		i > 0 && !strings.ContainsRune(" (\n\t", lastRune(text[:i])) {
		return token{}, false
	}
	t, ok := n.match(text, j, false)
	if !ok {
		return token{}, false
	}
	return token{t.end, word + " " + t.say, t.rule}, true
}

// statLetterBefore reports whether a statistic's letter, alone, ends
// text[:i]: "p", "n", "r", "P", "N" ("p<0.05", "n>100").
func statLetterBefore(text string, i int) bool {
	if i < 1 || !strings.ContainsRune("pnrPN", rune(text[i-1])) {
		return false
	}
	return i == 1 || !isAlnum(rune(text[i-2]))
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

// compare reads a sign that compares before a number ("p < 0.05": p less
// than zero point zero five, "x ≥ 5" greater than or equal to, "<5%"
// less than five percent, ">50 people" more than fifty people), a spaced
// "±" ("± 3 points": plus or minus three) and "√" ("√2": the square root
// of two). Glued to the number alone in prose, a sign takes its prose
// words ("more than", "at least"); between two terms, its math words.
// What follows must be a number a class reads, or the sign stays. Only a
// language with words for comparing (compare) reads any of these signs.
func (n *Normalizer) compare(text string, i int) (token, bool) {
	l := n.l
	if l.w.compare == nil {
		return token{}, false
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	j := i + size
	spaced := j < len(text) && text[j] == ' '
	if spaced {
		j++
	}
	// A decimal may drop its leading zero: "p<.05", "r > .8".
	bareDecimal := l.decMark == '.' && j+1 < len(text) && text[j] == '.' && isDigit(text[j+1])
	if j >= len(text) || !isDigit(text[j]) && !bareDecimal && !strings.ContainsRune("$€£¥", rune(text[j])) {
		return token{}, false
	}
	before := rune(0)
	if i > 0 {
		before = lastRune(text[:i])
	}
	glued := before != 0 && !strings.ContainsRune(" (\n\t", before)
	var word, lead string
	switch r {
	case '±':
		if !spaced || glued {
			return token{}, false // "±3" is read with its measure
		}
		word = l.w.plusMinus
	case '√':
		word = l.w.root
	case '=':
		// "p=0.03", "n=120": a statistic's letter and its value, as
		// papers write them; other equations are math's.
		if spaced || !glued || !statLetterBefore(text, i) || l.w.equals == "" {
			return token{}, false
		}
		word, lead = l.w.equals, " "
	default:
		w, ok := l.w.compare[r]
		if !ok {
			return token{}, false
		}
		switch {
		case spaced && !glued:
			word = w[0] // "x > 5", "3 < 5"
		case !spaced && glued && statLetterBefore(text, i):
			// "p<0.001", "n>30": a statistic's letter and its bound, as
			// papers write them.
			word, lead = w[0], " "
		case !spaced && !glued && !operandBefore(text, i):
			word = w[1] // ">50 people"
		default:
			return token{}, false // "x >5", "x> 5": unclear
		}
	}
	if word == "" {
		return token{}, false
	}
	t, ok := n.match(text, j, false)
	if !ok {
		return token{}, false
	}
	if r == '<' && !spaced && strings.Trim(text[j:t.end], "0123456789") == "" && nextWord(text, t.end) == "" {
		return token{}, false // "<3" with no noun after it: a heart
	}
	if b := strings.TrimRightFunc(text[:i], unicode.IsSpace); b == "" || strings.ContainsRune(".!?", lastRune(b)) {
		// A sentence's first word: "√2 is…" The square root.
		r, size := utf8.DecodeRuneInString(word)
		word = string(unicode.ToUpper(r)) + word[size:]
	}
	return token{t.end, lead + word + " " + t.say, t.rule}, true
}

// operandBefore reports whether the word before the sign at i is a term
// it compares: a single letter ("x") or a number ("5 <").
func operandBefore(text string, i int) bool {
	w := prevWord(text, i)
	if w == "" {
		return false
	}
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsLetter(r) || isDigit(w[len(w)-1])
}
