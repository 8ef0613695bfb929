package spoken

import "strings"

// English spell-out, after CLDR's RBNF "spellout-numbering" and
// "spellout-ordinal" rules for en (no "and" after hundred, hyphen between
// tens and units), and as British speakers say it, with "and" (CLDR's
// "spellout-numbering-verbose").

var (
	enOnes = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	enTens   = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	enScales = []string{"", "thousand", "million", "billion", "trillion"}
)

// enCardinal spells n (up to 999 trillion) as Americans say it: "one
// hundred five", "two thousand twenty-three".
func enCardinal(n uint64) string { return enSpell(n, "") }

// enCardinalGB spells n as British and Commonwealth speakers say it, with
// "and" before the tens and units that follow a hundred or a thousand:
// "one hundred and five", "two thousand and twenty-three", "three
// million two hundred thousand and six"; "one thousand five hundred"
// has none.
func enCardinalGB(n uint64) string { return enSpell(n, "and ") }

// enSpell spells n with and ("" or "and ") before the tens and units
// after a hundred, and before a last group under a hundred after a
// thousand or more.
func enSpell(n uint64, and string) string {
	if n < 20 {
		return enOnes[n]
	}
	if n < 100 {
		s := enTens[n/10]
		if n%10 != 0 {
			s += "-" + enOnes[n%10]
		}
		return s
	}
	if n < 1000 {
		s := enOnes[n/100] + " hundred"
		if n%100 != 0 {
			s += " " + and + enSpell(n%100, and)
		}
		return s
	}
	var parts []string
	for scale := len(enScales) - 1; scale >= 1; scale-- {
		unit := pow1000(scale)
		if n >= unit {
			parts = append(parts, enSpell(n/unit, and)+" "+enScales[scale])
			n %= unit
		}
	}
	if n >= 100 {
		parts = append(parts, enSpell(n, and))
	} else if n > 0 {
		parts = append(parts, and+enSpell(n, and))
	}
	return strings.Join(parts, " ")
}

func pow1000(k int) uint64 {
	u := uint64(1)
	for ; k > 0; k-- {
		u *= 1000
	}
	return u
}

var enOrdinalWords = map[string]string{
	"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
	"nine": "ninth", "twelve": "twelfth",
}

// enOrdinal spells n as an ordinal ("twenty-first").
func enOrdinal(n uint64) string {
	return enOrdinalize(enCardinal(n))
}

// enOrdinalize turns the last word of a spelled cardinal into its ordinal.
func enOrdinalize(c string) string {
	i := strings.LastIndexAny(c, " -")
	head, last := c[:i+1], c[i+1:]
	if o, ok := enOrdinalWords[last]; ok {
		return head + o
	}
	if strings.HasSuffix(last, "y") {
		return head + last[:len(last)-1] + "ieth"
	}
	return head + last + "th"
}

// enYearWith reads a year the way English speakers do, its numbers
// spelled by card: 1990 "nineteen ninety", 1905 "nineteen oh five", 1900
// "nineteen hundred", 2000 "two thousand", 2008 "two thousand eight" (in
// Britain "two thousand and eight"), 2015 "twenty fifteen".
func enYearWith(card func(uint64) string, y int) string {
	switch {
	case y < 1000 || y >= 10000:
		return card(uint64(y))
	case y%1000 == 0 || (y/100)%10 == 0 && y%100 < 10 && y >= 2000:
		return card(uint64(y))
	case y%100 == 0:
		return enCardinal(uint64(y/100)) + " hundred"
	case y%100 < 10:
		return enCardinal(uint64(y/100)) + " oh " + enOnes[y%100]
	}
	return enCardinal(uint64(y/100)) + " " + enCardinal(uint64(y%100))
}

// enShortYear says a year written with its last two digits, as in
// "3Q24" or "'05": "twenty-four", "oh five".
func enShortYear(card func(uint64) string, yy int) string {
	if yy < 10 {
		return "oh " + card(uint64(yy))
	}
	return card(uint64(yy))
}

// enPlural makes the plural of a spelled number ("nineties", "twenties",
// "hundreds", "twos"), for decades.
func enPlural(w string) string {
	if strings.HasSuffix(w, "y") {
		return w[:len(w)-1] + "ies"
	}
	if strings.HasSuffix(w, "x") {
		return w + "es"
	}
	return w + "s"
}

// enDigits reads each digit ("zero one two").
func enDigits(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c < '0' || c > '9' {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(enOnes[c-'0'])
	}
	return b.String()
}
