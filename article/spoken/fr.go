package spoken

import (
	"regexp"
	"strings"
)

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

func frDigits(s string) string {
	var parts []string
	for _, c := range s {
		if c >= '0' && c <= '9' {
			parts = append(parts, frOnes[c-'0'])
		}
	}
	return strings.Join(parts, " ")
}

var frMonthNames = [13]string{"", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

func init() {
	months := map[string]int{"janv.": 1, "févr.": 2, "avr.": 4, "juil.": 7, "sept.": 9, "oct.": 10, "nov.": 11, "déc.": 12}
	for m := 1; m <= 12; m++ {
		months[frMonthNames[m]] = m
	}
	register("fr", &language{
		group: `[  \x{202F}]`, decimal: `,`, decMark: ',', dayFirst: true,
		cardinal: frCardinal, ordinal: frOrdinal, year: func(y int) string { return frCardinal(uint64(y)) },
		decade: func(y int) string {
			if y < 100 {
				return "années " + frCardinal(uint64(y))
			}
			return "années " + frCardinal(uint64(y))
		},
		digits:      frDigits,
		decimalWord: "virgule", minus: "moins", percent: "pour cent", rangeWord: "à",
		money: func(spelled string, cur currency, plural, hasScale bool, minor uint64, hasMinor bool) string {
			name := cur.one
			if plural {
				name = cur.many
			}
			if hasScale {
				// "deux millions d'euros", "un virgule cinq milliard de dollars"
				if strings.ContainsAny(cur.many[:1], "aeiouéèê") {
					return spelled + " d'" + cur.many
				}
				return spelled + " de " + cur.many
			}
			s := spelled + " " + name
			if hasMinor && minor > 0 {
				s += " " + frCardinal(minor)
			}
			return s
		},
		scales: map[string]string{"million": "million", "millions": "millions", "milliard": "milliard", "milliards": "milliards",
			"Md": "milliards", "Mds": "milliards", "md": "milliards", "M": "millions", "mille": "mille"},
		currencies: map[string]currency{
			"€": {"euro", "euros", "centime", "centimes"}, "$": {"dollar", "dollars", "cent", "cents"},
			"£": {"livre", "livres", "penny", "pence"}, "US$": {"dollar américain", "dollars américains", "cent", "cents"},
			"EUR": {"euro", "euros", "centime", "centimes"}, "USD": {"dollar américain", "dollars américains", "cent", "cents"},
			"CHF": {"franc suisse", "francs suisses", "centime", "centimes"}, "GBP": {"livre sterling", "livres sterling", "penny", "pence"},
			"CAD": {"dollar canadien", "dollars canadiens", "cent", "cents"}, "¥": {"yen", "yens", "", ""},
			"JPY": {"yen", "yens", "", ""}, "CNY": {"yuan", "yuans", "", ""}, "XOF": {"franc CFA", "francs CFA", "", ""},
		},
		units: map[string]unit{
			"km": {"kilomètre", "kilomètres"}, "m": {"mètre", "mètres"}, "cm": {"centimètre", "centimètres"},
			"mm": {"millimètre", "millimètres"}, "kg": {"kilo", "kilos"}, "g": {"gramme", "grammes"},
			"t": {"tonne", "tonnes"}, "km/h": {"kilomètre-heure", "kilomètres-heure"}, "°C": {"degré Celsius", "degrés Celsius"},
			"°": {"degré", "degrés"}, "ha": {"hectare", "hectares"}, "km²": {"kilomètre carré", "kilomètres carrés"},
			"m²": {"mètre carré", "mètres carrés"}, "l": {"litre", "litres"}, "kWh": {"kilowattheure", "kilowattheures"},
			"MW": {"mégawatt", "mégawatts"}, "Go": {"gigaoctet", "gigaoctets"},
		},
		months: months, monthNames: frMonthNames,
		date: func(n *Normalizer, d, m, y int, _ bool) string {
			s := frCardinal(uint64(d))
			if d == 1 {
				s = "premier"
			}
			s += " " + frMonthNames[m]
			if y != 0 {
				s += " " + frCardinal(uint64(y))
			}
			return s
		},
		clock: func(h, m int, _ string) string {
			s := frCardinal(uint64(h)) + " heure"
			if h > 1 {
				s += "s"
			}
			if m > 0 {
				s += " " + frCardinal(uint64(m))
			}
			return s
		},
		ordinalRe:   regexp.MustCompile(`^(\d{1,9})(ème|er|re|ᵉʳ|ᵉ|e)`),
		abbrev:      frAbbrev,
		abbrevPlain: setOf("Ier", "Ire", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Pr", "Me", "St", "Ste", "n°", "N°", "bd"),
		roman:       frRoman,
	})
}

func frAbbrev(word, text string, i, j int) (string, bool) {
	next := nextWord(text, j)
	nextCap := next != "" && isCapitalized(next) && !isAllCaps(next)
	nextNum := next != "" && isDigit(next[0])
	if e, ok := map[string]string{"M.": "Monsieur", "MM.": "Messieurs", "Mme": "Madame", "Mmes": "Mesdames",
		"Mlle": "Mademoiselle", "Mlles": "Mesdemoiselles", "Dr": "Docteur", "Pr": "Professeur", "Me": "Maître",
		"St": "Saint", "Ste": "Sainte", "St.": "Saint"}[word]; ok {
		if nextCap {
			return e, true
		}
		return "", false
	}
	switch word {
	case "Ier", "Ire":
		if prev := prevWord(text, i); enRegnal[prev] || frRegnal[prev] {
			return map[string]string{"Ier": "premier", "Ire": "première"}[word], true
		}
		return "", false
	case "n°", "N°", "no", "No":
		if nextNum {
			return "numéro", true
		}
		return "", false
	case "av.":
		if nextCap {
			return "avenue", true
		}
	case "bd":
		if nextCap {
			return "boulevard", true
		}
	case "etc.":
		return "et cetera", true
	case "env.":
		if nextNum {
			return "environ", true
		}
	}
	return "", false
}

// frRoman: "Louis XIV" -> "Louis quatorze", "François Ier" is handled by
// the ordinal class; a numeral glued to "e" before "siècle" ("XIVe
// siècle") is read as an ordinal.
func frRoman(text string, i, j int, v int) (string, bool) {
	prev := prevWord(text, i)
	if prev == "" || !isCapitalized(prev) || isAllCaps(prev) || v > 39 || text[i:j] == "I" {
		return "", false
	}
	if enRegnal[prev] || frRegnal[prev] {
		return frCardinal(uint64(v)), true
	}
	return "", false
}

var frRegnal = setOf("Louis", "Henri", "Charles", "François", "Philippe", "Jean", "Paul", "Benoît", "Pie",
	"Léon", "Grégoire", "Clément", "Napoléon", "Élisabeth", "Guillaume", "Frédéric", "Jean-Paul", "Innocent")

var frCenturyRe = regexp.MustCompile(`^([IVXL]+)(?:e|ème|ᵉ) (siècles?|millénaires?)\b`)

// frCentury reads "XIVe siècle" -> "quatorzième siècle".
func (n *Normalizer) frCentury(text string, i int) (token, bool) {
	if n.l != languages["fr"] {
		return token{}, false
	}
	g, end, ok := find(frCenturyRe, text, i)
	if !ok {
		return token{}, false
	}
	v := romanValue(g[1])
	if v <= 0 || v > 40 {
		return token{}, false
	}
	return token{end, frOrdinal(uint64(v)) + " " + g[2], "roman"}, true
}
