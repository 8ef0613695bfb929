package spoken

import "strings"

// German spell-out after CLDR's RBNF rules for de: numbers under a million
// are one word ("dreihundertfünfundzwanzig"), "eine Million", "zwei
// Milliarden"; years 1100-1999 in hundreds ("neunzehnhundertneunzig").

var deOnes = []string{"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
	"zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"}

var deTens = []string{"", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"}

// deUnder1000 spells 1..999 as the part of a compound: "ein" for 1.
func deUnder1000(n uint64) string {
	var s string
	if n >= 100 {
		s = deUnit(n/100) + "hundert"
		n %= 100
	}
	switch {
	case n == 0:
	case n < 20:
		if n == 1 {
			s += "eins"
		} else {
			s += deOnes[n]
		}
	case n%10 == 0:
		s += deTens[n/10]
	default:
		s += deUnit(n%10) + "und" + deTens[n/10]
	}
	return s
}

// deUnit is a unit inside a compound ("ein", not "eins").
func deUnit(n uint64) string {
	if n == 1 {
		return "ein"
	}
	return deOnes[n]
}

// deCardinal spells n in German.
func deCardinal(n uint64) string {
	if n == 0 {
		return "null"
	}
	var parts []string
	for _, sc := range []struct {
		v         uint64
		one, many string
	}{{1e12, "Billion", "Billionen"}, {1e9, "Milliarde", "Milliarden"}, {1e6, "Million", "Millionen"}} {
		if n < sc.v {
			continue
		}
		k := n / sc.v
		n %= sc.v
		if k == 1 {
			parts = append(parts, "eine "+sc.one)
		} else {
			parts = append(parts, deCardinal(k)+" "+sc.many)
		}
	}
	if n > 0 {
		s := ""
		if n >= 1000 {
			// "eins" is "ein" before "tausend"; "sechs" keeps its s.
			s = deUnder1000(n / 1000)
			if strings.HasSuffix(s, "eins") {
				s = strings.TrimSuffix(s, "s")
			}
			s += "tausend"
			n %= 1000
		}
		if n > 0 {
			s += deUnder1000(n)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// deOrdinal: "erste", "dritte", "siebte", "zwanzigste" (the -e form; the
// caller picks the inflection).
func deOrdinal(n uint64) string {
	r := n % 100
	head := ""
	if n >= 100 {
		// "hundertste", "hundertdritte": hundreds and thousands without "ein".
		head = deCardinal(n - r)
		if strings.HasPrefix(head, "einhundert") || strings.HasPrefix(head, "eintausend") {
			head = head[3:]
		}
	}
	switch r {
	case 0:
		return head + "ste"
	case 1:
		return head + "erste"
	case 3:
		return head + "dritte"
	case 7:
		return head + "siebte"
	case 8:
		return head + "achte"
	}
	if r < 20 {
		return head + deOnes[r] + "te" // "zweite", "sechste", "zwölfte"
	}
	return head + deUnder1000(r) + "ste"
}

func deYear(y int) string {
	if y >= 1100 && y < 2000 {
		s := deUnder1000(uint64(y/100)) + "hundert"
		if y%100 != 0 {
			s += deUnder1000(uint64(y % 100))
		}
		return s
	}
	return deCardinal(uint64(y))
}
