package spoken

import (
	"regexp"
	"strings"
)

// modelRe is a model number and its variant after a hyphen, maybe with
// the variant's letters or a plural: "787-9", "737-800", "777-300ER",
// "787-9s".
var modelRe = regexp.MustCompile(`^([1-9]\d{2})-([1-9]\d{0,3})([A-Z]{1,3}|s)?\b`)

// model reads a model number written with its variant after a hyphen,
// where the pair is no span, score or tally: "Boeing 737-800" seven
// thirty-seven eight hundred, "the 787-9 Dreamliner" seven eighty-seven
// nine (was "seven hundred eighty-seven to nine"). After a maker's name
// (modelsAfter) any such pair is one; elsewhere only a falling pair of
// three digits and one, which no span is written as outside a list of
// pages ("pp. 787-9"), not round as odds are ("a 100-1 outsider"), in a
// sentence that speaks of no game, vote or innings ("voted 421-7",
// "India were 103-9 at lunch"). The variant's
// capitals are spelled ("ER" E R); a plural's "s" is said on the last
// number.
func (n *Normalizer) model(text string, i int) (token, bool) {
	l := n.l
	if l.modelsAfter == nil || l.flight == nil {
		return token{}, false
	}
	g, end, ok := find(modelRe, text, i)
	if !ok || end < len(text) && strings.ContainsRune("-–/", rune(text[end])) {
		return token{}, false
	}
	a, b := atoi(g[1]), atoi(g[2])
	if !l.modelsAfter[prevWord(text, i)] {
		p := strings.ToLower(strings.TrimSuffix(prevWord(text, i), "."))
		if len(g[2]) != 1 || a%10 == 0 || pageWords[p] || g[3] != "" && g[3] != "s" ||
			sentenceHas(text, i, end, l.scoreVerbs) || sentenceHas(text, i, end, l.scoreNouns) ||
			sentenceHas(text, i, end, l.notScoreWords) || sentenceHas(text, i, end, l.tallyWords) || n.afterScore(text, i, 1) {
			return token{}, false
		}
	}
	second := l.cardinal(uint64(b), plain)
	switch {
	case g[3] == "s":
		second = enPlural(second)
	case g[3] != "":
		second += " " + strings.Join(strings.Split(g[3], ""), " ")
	}
	return token{end, l.flight(a) + " " + second, "model"}, true
}

// modelAt reports whether the three digits lit at text[i:end] are a
// maker's model: after the maker's name ("Boeing 737"), before the name
// of one of its families ("the 737 MAX 8", "the 787 Dreamliner"), or, a
// number of the maker's pattern, after a determiner and before a noun of
// its kind ("its 777 fleet", "the 747 jumbo jet"; "counted 777 jets" is
// a count).
func (l *language) modelAt(text string, i, end int, lit string) bool {
	if l.modelsAfter[prevWord(text, i)] {
		return true
	}
	if end >= len(text) || text[end] != ' ' {
		return false
	}
	next := nextWord(text, end)
	if l.modelsBefore[next] {
		return true
	}
	prev := strings.ToLower(prevWord(text, i))
	return l.modelPattern != nil && l.modelPattern.MatchString(lit) && l.modelNouns[next] && (determiners[prev] || isPossessive(prev))
}
