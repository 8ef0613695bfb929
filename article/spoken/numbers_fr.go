package spoken

import "strings"

// French spell-out after CLDR's RBNF rules for fr (traditional spelling:
// "vingt et un", "quatre-vingts", "deux cents", "mille" invariable).

var frOnes = []string{"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
	"dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"}

var frTens = []string{"", "", "vingt", "trente", "quarante", "cinquante", "soixante"}

func frUnder100(n uint64) string {
	switch {
	case n < 20:
		return frOnes[n]
	case n < 70:
		t, u := n/10, n%10
		switch u {
		case 0:
			return frTens[t]
		case 1:
			return frTens[t] + " et un"
		}
		return frTens[t] + "-" + frOnes[u]
	case n < 80:
		if n == 71 {
			return "soixante et onze"
		}
		return "soixante-" + frOnes[n-60]
	case n == 80:
		return "quatre-vingts"
	}
	return "quatre-vingt-" + frOnes[n-80]
}

func frUnder1000(n uint64) string {
	if n < 100 {
		return frUnder100(n)
	}
	h, r := n/100, n%100
	s := "cent"
	if h > 1 {
		s = frOnes[h] + " cent"
		if r == 0 {
			s += "s"
		}
	}
	if r != 0 {
		s += " " + frUnder100(r)
	}
	return s
}

// frCardinal spells n in French.
func frCardinal(n uint64) string {
	if n < 1000 {
		return frUnder1000(n)
	}
	var parts []string
	for _, sc := range []struct {
		v          uint64
		one, many  string
		invariable bool
	}{{1e12, "billion", "billions", false}, {1e9, "milliard", "milliards", false}, {1e6, "million", "millions", false}, {1e3, "mille", "mille", true}} {
		if n < sc.v {
			continue
		}
		k := n / sc.v
		n %= sc.v
		switch {
		case sc.invariable && k == 1:
			parts = append(parts, "mille")
		case sc.invariable:
			// "quatre-vingt mille", "deux cent mille": no plural s before mille.
			c := frUnder1000(k)
			if strings.HasSuffix(c, "cents") || strings.HasSuffix(c, "vingts") {
				c = c[:len(c)-1]
			}
			parts = append(parts, c+" mille")
		case k == 1:
			parts = append(parts, "un "+sc.one)
		default:
			parts = append(parts, frCardinal(k)+" "+sc.many)
		}
	}
	if n > 0 {
		parts = append(parts, frUnder1000(n))
	}
	return strings.Join(parts, " ")
}

// frOrdinal: "premier", "deuxième", "vingt et unième", "cinquième".
func frOrdinal(n uint64) string {
	if n == 1 {
		return "premier"
	}
	c := frCardinal(n)
	switch {
	case strings.HasSuffix(c, "cinq"):
		return c + "uième"
	case strings.HasSuffix(c, "neuf"):
		return c[:len(c)-1] + "vième"
	case strings.HasSuffix(c, "quatre-vingts") || strings.HasSuffix(c, "cents"):
		c = c[:len(c)-1]
	}
	return strings.TrimSuffix(c, "e") + "ième"
}
