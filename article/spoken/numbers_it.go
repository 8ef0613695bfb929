package spoken

import "strings"

// Italian spell-out after CLDR's RBNF for it and the Accademia della
// Crusca's usage: numbers below a million are one word
// ("duemilacentoventitré"), the tens lose their vowel before "uno" and
// "otto" ("ventuno", "trentotto"), a final "tre" takes the accent
// ("ventitré"), "mille" but "duemila", "un milione", "due milioni", "un
// miliardo".

var itOnes = []string{"zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove",
	"dieci", "undici", "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove"}

var itTens = []string{"", "", "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta"}

// itUnder1000 spells 1..999 as one word.
func itUnder1000(n uint64) string {
	var s string
	if h := n / 100; h > 0 {
		if h > 1 {
			s = itOnes[h]
		}
		s += "cento"
	}
	r := n % 100
	switch {
	case r == 0:
	case r < 20:
		s += itOnes[r]
	default:
		t, u := itTens[r/10], r%10
		if u == 1 || u == 8 {
			t = t[:len(t)-1] // "ventuno", "trentotto"
		}
		s += t
		if u > 0 {
			s += itOnes[u]
		}
	}
	return strings.Replace(s, "centoo", "cento", 1) // "centotto", "centottanta"
}

// itCardinal spells n in Italian; before a noun "uno" is "un" or "una".
func itCardinal(n uint64, g gender) string {
	if n == 0 {
		return "zero"
	}
	if n == 1 && g != plain {
		return pick(g == fem, "una", "un")
	}
	var parts []string
	for _, sc := range []struct {
		v         uint64
		one, many string
	}{{1e12, "mille miliardi", "bilioni"}, {1e9, "un miliardo", "miliardi"}, {1e6, "un milione", "milioni"}} {
		if k := n / sc.v; k > 0 {
			n %= sc.v
			if k == 1 {
				parts = append(parts, sc.one)
			} else {
				parts = append(parts, itApocope(itCardinal(k, plain))+" "+sc.many)
			}
		}
	}
	var s string
	if t := n / 1000; t > 0 {
		if t == 1 {
			s = "mille"
		} else {
			s = itApocope(itUnder1000(t)) + "mila"
		}
		n %= 1000
	}
	if n > 0 {
		s += itUnder1000(n)
	}
	if len(s) > 3 && strings.HasSuffix(s, "tre") {
		s = strings.TrimSuffix(s, "tre") + "tré" // "ventitré", "milletré"
	}
	if s != "" {
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// itApocope shortens a final "uno" before "mila" and "milioni":
// "ventunmila", "trentun milioni".
func itApocope(s string) string {
	if len(s) > 3 && strings.HasSuffix(s, "uno") {
		return strings.TrimSuffix(s, "o")
	}
	return s
}

var itOrdinals = []string{"", "primo", "secondo", "terzo", "quarto", "quinto", "sesto", "settimo", "ottavo", "nono", "decimo"}

// itOrdinal: "primo", "undicesimo", "ventitreesimo", "centesimo";
// feminine "prima", "undicesima".
func itOrdinal(n uint64, g gender) string {
	var s string
	if n <= 10 {
		s = itOrdinals[n]
	} else {
		c := itCardinal(n, plain)
		switch {
		case strings.HasSuffix(c, "tré"):
			c = strings.TrimSuffix(c, "tré") + "tre" // "ventitreesimo"
		case strings.HasSuffix(c, "sei"): // "ventiseiesimo"
		default:
			c = c[:len(c)-1]
		}
		s = strings.ReplaceAll(c, " ", "") + "esimo"
	}
	if g == fem {
		s = strings.TrimSuffix(s, "o") + "a"
	}
	return s
}
