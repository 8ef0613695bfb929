package spoken

import (
	"regexp"
	"strings"
)

// slashAbbrevRe is an abbreviation written as one letter and a slash:
// Spanish "C/Alcalá".
var slashAbbrevRe = regexp.MustCompile(`^\pL/`)

// slashAbbrev reads an abbreviation of a letter and a slash that the
// language's table holds ("C/" calle before a name) with the name glued
// to it, "C/Alcalá": written with a space, "C/ Mayor", it is a phrase
// abbreviation (language.phraseAbbrevs), but glued it is one word that
// no abbreviation ends, and voices say the letter and the slash as words
// (Kokoro: "ce barra Alcalá").
func (n *Normalizer) slashAbbrev(text string, i int) (token, bool) {
	g, end, ok := find(slashAbbrevRe, text, i)
	if !ok {
		return token{}, false
	}
	if _, known := n.l.abbrevs[g[0]]; !known {
		return token{}, false
	}
	if k := n.l.phraseAbbrevAt(window(text, i)); len(k) > len(g[0]) && endsToken(text, i+len(k)) {
		return token{}, false // "w/o": a longer abbreviation of the table
	}
	if end < len(text) && text[end] != ' ' && !isCapitalized(nextWord(text, end)) {
		return token{}, false // "w/e": no name glued to it, another word
	}
	say, ok := n.l.readAbbrev(g[0], ctxAt(text, i, end))
	if !ok {
		return token{}, false
	}
	if name := nextWord(text, end); end < len(text) && text[end] != ' ' && strings.HasPrefix(text[end:], name) {
		// "C/Alcalá": the name glued to the slash is read with it, a
		// token ending only where a word does.
		return token{end + len(name), say + " " + name, "abbreviation"}, true
	}
	return token{end, say, "abbreviation"}, true
}
