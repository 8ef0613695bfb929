package spoken

import (
	"regexp"
	"strings"
)

// Simple arithmetic: numbers joined by operators, with at least one that
// is only arithmetic (+ × ÷ * =), so that "3-2" stays a score and "1/2" a
// fraction.
var (
	mathRe     = regexp.MustCompile(`^[-−]?(?:\d+(?:[.,]\d+)?|\p{L})[²³]?(?: ?[-−+×*÷/=] ?[-−]?(?:\d+(?:[.,]\d+)?|\p{L})[²³]?){1,8}`)
	mathTermRe = regexp.MustCompile(`[-−+×*÷/=]|\d+(?:[.,]\d+)?|\p{L}|[²³]`)
	powerRe    = regexp.MustCompile(`^(\d{1,4}|\p{L})([²³])`)
)

// math reads "1+1=2", "3 × 4", "10 ÷ 2 = 5", "x² + y²".
func (n *Normalizer) math(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(mathRe, text, i)
	if !ok || !strings.ContainsAny(g[0], "+×*÷=²³") {
		return token{}, false
	}
	if strings.ContainsAny(g[0], "-−/") && !strings.Contains(g[0], "=") && !strings.ContainsAny(g[0], "+×*÷²³") {
		return token{}, false
	}
	var words []string
	for _, t := range mathTermRe.FindAllString(g[0], -1) {
		var w string
		switch t {
		case "+":
			w = l.w.plus
		case "-", "−":
			w = l.w.minus
		case "×", "*":
			w = l.w.times
		case "÷", "/":
			w = l.w.divided
		case "=":
			w = l.w.equals
		case "²":
			w = l.w.squared
		case "³":
			w = l.w.cubed
		default:
			if isDigit(t[0]) {
				a, ok := l.parseAmount(strings.ReplaceAll(strings.ReplaceAll(t, ",", string(l.decMark)), ".", string(l.decMark)))
				if !ok {
					return token{}, false
				}
				w = l.spell(a, plain)
			} else {
				w = t // a variable: "x"
			}
		}
		words = append(words, w)
	}
	return token{end, strings.Join(words, " "), "math"}, true
}

// power reads a letter or a number with a superscript: "x²", "2³".
func (n *Normalizer) power(text string, i int) (token, bool) {
	g, end, ok := find(powerRe, text, i)
	if !ok {
		return token{}, false
	}
	base := g[1]
	if isDigit(base[0]) {
		base = n.l.cardinal(uint64(atoi(base)), plain)
	}
	return token{end, base + " " + pick(g[2] == "²", n.l.w.squared, n.l.w.cubed), "math"}, true
}
