package spoken

import (
	"iter"
	"regexp"
	"strings"
)

// Simple arithmetic: numbers joined by operators, with at least one that
// is only arithmetic (+ × ÷ * =), so that "3-2" stays a score and "1/2" a
// fraction.
var (
	mathRe     = regexp.MustCompile(`^[-−]?(?:\d+(?:[.,]\d+)?|\p{L})[²³]?(?: ?[-−+×*÷/=] ?[-−]?(?:\d+(?:[.,]\d+)?|\p{L})[²³]?){1,8}`)
	mathTermRe = regexp.MustCompile(`[-−+×*÷/=]|\d+(?:[.,]\d+)?|\p{L}|[²³]`)
	powerRe    = regexp.MustCompile(`^(\d{1,4}|\p{L})(?:([²³])(?:$|[^⁰¹²³⁴⁵⁶⁷⁸⁹])|\^([-−]?\d{1,3})|([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))`)
	// scientificRe is a number in scientific notation: "1.5e6", "6.02E23",
	// "1e-9", the mantissa's decimal mark the language's (DEC).
	scientificRe = `^(\d{1,3}(?:DEC\d+)?)([eE])([-+−]?)(\d{1,3})`
)

// superscriptDigits maps the superscript digits to the plain ones.
var superscriptDigits = strings.NewReplacer("⁰", "0", "¹", "1", "²", "2", "³", "3", "⁴", "4", "⁵", "5", "⁶", "6",
	"⁷", "7", "⁸", "8", "⁹", "9", "⁻", "-")

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

// power reads a letter or a number with an exponent, written in
// superscript or after a caret: "x²" and "x^2" are "x squared", "2³" "two
// cubed", "10⁶" and "10^6" "ten to the power of six", "10^-3" "ten to the
// power of minus three". A superscript one or zero alone is a footnote's
// mark, not a power.
func (n *Normalizer) power(text string, i int) (token, bool) {
	g, end, ok := find(powerRe, text, i)
	if !ok {
		return token{}, false
	}
	exp := g[3]
	switch {
	case g[2] != "":
		exp, end = superscriptDigits.Replace(g[2]), i+len(g[1])+len(g[2])
	case g[4] != "":
		exp = superscriptDigits.Replace(g[4])
		if exp == "1" || exp == "0" {
			return token{}, false
		}
	}
	base := g[1]
	if isDigit(base[0]) {
		base = n.l.cardinal(uint64(atoi(base)), plain)
	}
	return token{end, base + " " + n.l.powerWords(exp), "math"}, true
}

// powerWords says an exponent, written in ASCII digits with maybe a minus
// sign: "squared" and "cubed" for two and three, else "to the power of"
// and the number.
func (l *language) powerWords(exp string) string {
	switch exp {
	case "2":
		return l.w.squared
	case "3":
		return l.w.cubed
	}
	neg := strings.HasPrefix(exp, "-") || strings.HasPrefix(exp, "−")
	v := uint64(atoi(strings.TrimLeft(exp, "-−")))
	say := l.cardinal(v, plain)
	if l.powerOrdinal && !neg {
		say = l.ordinal(v, fem)
	}
	if neg {
		say = l.w.minus + " " + say
	}
	return l.w.power + " " + say
}

// scientific reads a number in scientific notation as a product with a
// power of ten: "1.5e6" is "one point five times ten to the power of
// six". A capital E needs a decimal mantissa or a sign ("6.02E23",
// "1E-9"): "5E3" alone may be a code.
func (n *Normalizer) scientific(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(l.re(strings.Replace(scientificRe, "DEC", regexp.QuoteMeta(string(l.decMark)), 1)), text, i)
	if !ok || g[2] == "E" && g[3] == "" && strings.IndexByte(g[1], l.decMark) < 0 {
		return token{}, false
	}
	if g[3] == "+" && l.minuteOrdinal == g[2] {
		return token{}, false // French "90e+3": a match minute and its stoppage time
	}
	if end < len(text) && (isDigit(text[end]) || text[end] == l.decMark && end+1 < len(text) && isDigit(text[end+1])) {
		return token{}, false
	}
	a, ok := l.parseAmount(g[1])
	if !ok {
		return token{}, false
	}
	exp := g[4]
	if g[3] == "-" || g[3] == "−" {
		exp = "-" + exp
	}
	exp = strings.TrimLeft(exp, "0")
	if exp == "" || exp == "-" {
		return token{}, false
	}
	return token{end, l.spell(a, plain) + " " + l.w.times + " " + l.cardinal(10, plain) + " " + l.powerWords(exp), "math"}, true
}

// dimensionsRe is sizes written with a lower-case x between numbers:
// "10 x 20", "1920x1080", "2 x 3 x 4", or with the multiplication sign
// glued to them ("a 4×4 truck", "a 2×4 board").
var dimensionsRe = `^(NUM)(?:x|×| x )(NUM)(?:(?:x|×| x )(NUM))?`

// primeDimensionsRe is two or three lengths in feet or inches written
// with primes: "12' x 15'", "12′×15′", "9\" x 4\" x 4\"".
var primeDimensionsRe = regexp.MustCompile(`^(\d{1,3}(?:\.\d+)?|\.\d+)(['′"″]) ?[x×] ?(\d{1,3}(?:\.\d+)?|\.\d+)(['′"″])(?: ?[x×] ?(\d{1,3}(?:\.\d+)?|\.\d+)(['′"″]))?`)

// primeKind is "'" for a prime (feet), "\"" for a double prime (inches).
func primeKind(mark string) string {
	return pick(mark == "'" || mark == "′", "'", "\"")
}

// operatorAfterRe is an operator after a product: "3×4 = 12" is
// arithmetic, said with "times".
var operatorAfterRe = regexp.MustCompile(`^ ?[=+×*÷−-] ?\d`)

// dimensions reads sizes written with an x between numbers as the
// language says them: "10 x 20 m" is "ten by twenty meters", "zehn mal
// zwanzig Meter", "dix sur vingt mètres", the last number read with its
// unit where one follows. "×" is multiplication (math).
func (n *Normalizer) dimensions(text string, i int) (token, bool) {
	l := n.l
	if l.w.by == "" {
		return token{}, false
	}
	if l.feetInches {
		// "a 12' x 15' room": feet written with primes, as plans and
		// listings write a room's size; twelve by fifteen feet; "68\" x
		// 24\"" inches.
		if g, end, ok := find(primeDimensionsRe, text, i); ok && primeKind(g[2]) == primeKind(g[4]) && (g[6] == "" || primeKind(g[6]) == primeKind(g[2])) {
			u, uok := l.units[pick(primeKind(g[2]) == "'", "ft", "in.")]
			var parts []string
			for _, s := range []string{g[1], g[3], g[5]} {
				if a, ok := l.parseAmount(s); ok {
					parts = append(parts, l.spell(a, plain))
				}
			}
			if last, ok := l.parseAmount(pick(g[5] != "", g[5], g[3])); uok && ok {
				one := last.one() || l.unitAdjective && adjectival(text, i, end) // "a 9\" x 4\" pan": a nine by four inch pan
				return token{end, strings.Join(parts, " "+l.w.by+" ") + " " + pick(one, u.one, u.many), "dimensions"}, true
			}
		}
	}
	g, end, ok := find(l.re(dimensionsRe), text, i)
	if !ok || strings.HasPrefix(text[i:], "0x") {
		return token{}, false // "0x80" is a hexadecimal number
	}
	if strings.Contains(g[0], "×") && (strings.Contains(g[0], " ") || operatorAfterRe.MatchString(text[end:])) {
		// "3 × 4": a product, with spaces around its sign, or in a sum.
		return token{}, false
	}
	nums := []string{g[1], g[2]}
	if g[3] != "" {
		nums = append(nums, g[3])
	}
	if t, ok := n.xScoreAt(text, i, end, nums); ok {
		return t, true
	}
	if l.feetInches && len(nums) == 2 && resolutionPart(nums[0]) && resolutionPart(nums[1]) && l.year != nil {
		if _, unit := n.measure(text, end-len(nums[1])); !unit {
			// "1920x1080", "3840 x 2160": a screen's or a picture's
			// pixels, each said in pairs as English says them
			// (nineteen twenty by ten eighty).
			return token{end, l.year(atoi(nums[0])) + " " + l.w.by + " " + l.year(atoi(nums[1])), "dimensions"}, true
		}
	}
	var parts []string
	for _, s := range nums[:len(nums)-1] {
		a, ok := l.parseAmount(s)
		if !ok {
			return token{}, false
		}
		parts = append(parts, l.spell(a, plain))
	}
	last := end - len(nums[len(nums)-1])
	// Repetitions of a span of time are multiplied: "5 x 15 seconds" is
	// five times fifteen seconds.
	by := l.w.by
	if g, _, ok := find(l.re(measureRe), text, last); ok && l.timeUnit(g[3]) != 0 || l.isTimeWord(nextWord(text, end)) {
		by = l.w.times
	}
	if t, ok := n.measure(text, last); ok && endsToken(text, t.end) {
		if l.unitAdjective && adjectival(text, i, t.end) {
			t.say = l.singularUnit(t.say) // "a 36x24mm sensor": millimeter
		}
		parts, end = append(parts, t.say), t.end
	} else {
		a, ok := l.parseAmount(nums[len(nums)-1])
		if !ok {
			return token{}, false
		}
		parts = append(parts, l.spell(a, plain))
	}
	return token{end, strings.Join(parts, " "+by+" "), "dimensions"}, true
}

// resolutionPart reports whether s is one side of a screen's resolution:
// three or four digits, from 240 up ("1920", "1080", "720").
func resolutionPart(s string) bool {
	if len(s) < 3 || len(s) > 4 || strings.Trim(s, "0123456789") != "" {
		return false
	}
	v := atoi(s)
	return v >= 240 && v <= 8192
}

// singularUnit gives say, a measure said ending in its unit's plural,
// that unit's singular.
func (l *language) singularUnit(say string) string {
	return singularEnd(say, func(yield func(one, many string) bool) {
		for _, u := range l.units {
			if !yield(u.one, u.many) {
				return
			}
		}
	})
}

// singularEnd gives say, when it ends in one of the plurals forms yields
// (the longest that it ends in), with that plural's singular instead.
func singularEnd(say string, forms iter.Seq2[string, string]) string {
	bestOne, bestMany := "", ""
	for one, many := range forms {
		if many != one && len(many) > len(bestMany) && strings.HasSuffix(say, " "+many) {
			bestOne, bestMany = one, many
		}
	}
	if bestMany == "" {
		return say
	}
	return strings.TrimSuffix(say, bestMany) + bestOne
}

// isTimeWord reports whether w names hours, minutes or seconds.
func (l *language) isTimeWord(w string) bool {
	for _, u := range []unit{l.clock.hour, l.clock.minute, l.clock.second} {
		if w != "" && (w == u.one || w == u.many) {
			return true
		}
	}
	return false
}

// xScoreAt reads two counts joined by an "x" as a game's score where the
// language writes scores so and the sentence speaks of a game ("venceu
// por 2 x 1": dois a um); a size ("4 x 5 m") has a unit after it, and a
// score's counts are small whole numbers.
func (n *Normalizer) xScoreAt(text string, i, end int, nums []string) (token, bool) {
	l := n.l
	if l.xScore == "" || len(nums) != 2 || !sentenceHas(text, i, end, l.xScoreCues) {
		return token{}, false
	}
	if t, ok := n.measure(text, end-len(nums[1])); ok && t.end > end {
		return token{}, false // "4 x 5 m"
	}
	a, b := atoi(nums[0]), atoi(nums[1])
	if !allDigits(nums[0]) || !allDigits(nums[1]) || a > 30 || b > 30 {
		return token{}, false
	}
	return token{end, l.cardinal(uint64(a), plain) + " " + l.xScore + " " + l.cardinal(uint64(b), plain), "score"}, true
}
