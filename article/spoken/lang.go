package spoken

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// language is what the tagger needs to know of one language: how numbers
// are written, and how each class is said. A nil function turns its class
// off for that language.
type language struct {
	// group and decimal are the digit-grouping and decimal-mark patterns
	// of written numbers (en: "," and "\."; de: "\." and ",").
	group, decimal string
	decMark        byte
	dayFirst       bool

	cardinal func(n uint64) string
	ordinal  func(n uint64) string
	year     func(y int) string
	decade   func(y int) string
	digits   func(s string) string
	// decimalWord joins the two halves of a decimal ("point", "virgule").
	decimalWord, minus, percent, rangeWord string

	// money says an amount (already spelled, with its scale word if any)
	// in a currency; plural tells whether the amount is not one.
	money func(spelled string, cur currency, plural, hasScale bool, minor uint64, hasMinor bool) string
	// scales maps a written scale ("million", "bn", "Mio.") to the word said
	// after a number, and whether it is a big scale (money takes "of" in fr).
	scales map[string]string

	currencies map[string]currency
	units      map[string]unit
	months     map[string]int
	monthNames [13]string
	date       func(n *Normalizer, d, m, y int, dayForm bool) string
	clock      func(h, m int, ampm string) string
	ordinalRe  *regexp.Regexp // a written ordinal ("1st", "1er", "3e")
	abbrev     func(word string, text string, i, j int) (string, bool)
	// abbrevPlain are the abbreviations written without a dot ("vs"); the
	// others are only looked up for words with a dot.
	abbrevPlain map[string]bool
	roman       func(text string, i, j int, value int) (string, bool)
	isYear      func(text string, i, j int) bool
	fraction    func(num, den uint64) (string, bool)

	// num matches a written number; reCache holds the patterns built on it.
	num      *regexp.Regexp
	reCache  sync.Map
	hostOnce sync.Once
	host     *strings.Replacer
}

// currency is how one currency is said.
type currency struct {
	one, many           string // "dollar", "dollars"
	minorOne, minorMany string // "cent", "cents"; "" when none is said
}

// unit is how one unit is said after a number.
type unit struct{ one, many string }

var languages = map[string]*language{}

func register(code string, l *language) {
	l.num = regexp.MustCompile(`^(?:\d{1,3}(?:` + l.group + `\d{3})+|\d+)(?:` + l.decimal + `\d+)?`)
	languages[code] = l
}

// amount is a written number: digits before and after the decimal mark.
type amount struct {
	intPart, frac string
}

// parseAmount reads a number matched by l.num.
func (l *language) parseAmount(s string) (amount, bool) {
	var a amount
	intEnd := len(s)
	if k := strings.LastIndexByte(s, l.decMark); k >= 0 {
		intEnd = k
		a.frac = s[k+1:]
	}
	var b strings.Builder
	for _, c := range s[:intEnd] {
		if c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	a.intPart = b.String()
	if len(strings.TrimLeft(a.intPart, "0")) > 15 || a.intPart == "" {
		return a, false
	}
	return a, true
}

func (a amount) value() uint64 {
	v, _ := strconv.ParseUint(a.intPart, 10, 64)
	return v
}

// spell says a: "three point one four", "forty-three".
func (l *language) spell(a amount) string {
	s := l.cardinal(a.value())
	if a.frac != "" {
		s += " " + l.decimalWord + " " + l.digits(a.frac)
	}
	return s
}
