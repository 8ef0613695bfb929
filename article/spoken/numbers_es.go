package spoken

import "strings"

// Spanish spell-out after the RAE's Ortografía (2010) and CLDR's RBNF for
// es: "veintiuno" (one word to 29), "treinta y uno", "cien"/"ciento",
// "quinientos", "mil", "un millón", "mil millones" (10^9), "un billón"
// (10^12). Before a noun, "uno" is "un" or "una" and the hundreds agree
// ("doscientas personas"); before "mil" and "millones", "veintiún".

var esOnes = []string{"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
	"diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve",
	"veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete",
	"veintiocho", "veintinueve"}

var esTens = []string{"", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"}

var esHundreds = []string{"", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos",
	"setecientos", "ochocientos", "novecientos"}

// esOne gives a number ending in "uno" its form before a noun.
func esOne(s string, g gender) string {
	if !strings.HasSuffix(s, "uno") {
		return s
	}
	switch g {
	case masc:
		if strings.HasSuffix(s, "veintiuno") {
			return strings.TrimSuffix(s, "uno") + "ún"
		}
		return strings.TrimSuffix(s, "o")
	case fem:
		return strings.TrimSuffix(s, "o") + "a"
	}
	return s
}

// esUnder1000 spells 1..999 (0 is "").
func esUnder1000(n uint64, g gender) string {
	var parts []string
	if h := n / 100; h > 0 {
		w := esHundreds[h]
		switch {
		case h == 1 && n%100 == 0:
			w = "cien"
		case h > 1 && g == fem:
			w = strings.TrimSuffix(w, "os") + "as"
		}
		parts = append(parts, w)
	}
	r := n % 100
	switch {
	case r == 0:
	case r < 30:
		parts = append(parts, esOne(esOnes[r], g))
	case r%10 == 0:
		parts = append(parts, esTens[r/10])
	default:
		parts = append(parts, esTens[r/10]+" y "+esOne(esOnes[r%10], g))
	}
	return strings.Join(parts, " ")
}

// esCardinal spells n in Spanish; g is the gender of the noun it counts.
func esCardinal(n uint64, g gender) string {
	if n == 0 {
		return "cero"
	}
	var parts []string
	if b := n / 1e12; b > 0 {
		parts = append(parts, pick(b == 1, "un billón", esCardinal(b, masc)+" billones"))
		n %= 1e12
	}
	if m := n / 1e6; m > 0 {
		// "mil millones", "dos mil quinientos millones"
		parts = append(parts, pick(m == 1, "un millón", esCardinal(m, masc)+" millones"))
		n %= 1e6
	}
	if t := n / 1000; t > 0 {
		tg := g
		if tg == plain {
			tg = masc // "veintiún mil"
		}
		w := esUnder1000(t, tg)
		if tg == fem {
			// The hundreds agree, the one before "mil" does not:
			// "veintiún mil personas", "doscientas treinta y un mil
			// personas" (RAE, Nueva gramática 21.2).
			switch {
			case strings.HasSuffix(w, "veintiuna"):
				w = strings.TrimSuffix(w, "una") + "ún"
			case w == "una" || strings.HasSuffix(w, " una"):
				w = strings.TrimSuffix(w, "a")
			}
		}
		parts = append(parts, pick(t == 1, "mil", w+" mil"))
		n %= 1000
	}
	if n > 0 {
		parts = append(parts, esUnder1000(n, g))
	}
	return strings.Join(parts, " ")
}

var (
	esOrdUnits = []string{"", "primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno"}
	esOrdTens  = []string{"", "décimo", "vigésimo", "trigésimo", "cuadragésimo", "quincuagésimo", "sexagésimo",
		"septuagésimo", "octogésimo", "nonagésimo"}
	esOrdHundreds = []string{"", "centésimo", "ducentésimo", "tricentésimo", "cuadringentésimo", "quingentésimo",
		"sexcentésimo", "septingentésimo", "octingentésimo", "noningentésimo"}
)

// esOrdinal: "primero", "vigésimo primero", "undécimo"; feminine
// "primera"; masculine before a noun "primer", "tercer". Past 999 the
// cardinal is said, as the RAE allows.
func esOrdinal(n uint64, g gender) string {
	if n == 0 || n > 999 {
		return esCardinal(n, g)
	}
	var parts []string
	if h := n / 100; h > 0 {
		parts = append(parts, esOrdHundreds[h])
	}
	switch r := n % 100; {
	case r == 11:
		parts = append(parts, "undécimo")
	case r == 12:
		parts = append(parts, "duodécimo")
	case r > 12 && r < 20:
		parts = append(parts, strings.Replace("decimo"+esOrdUnits[r%10], "oo", "o", 1)) // "decimoctavo"
	default:
		if r >= 10 {
			parts = append(parts, esOrdTens[r/10])
		}
		if r%10 > 0 {
			parts = append(parts, esOrdUnits[r%10])
		}
	}
	for k, p := range parts {
		switch {
		case g == fem:
			parts[k] = strings.TrimSuffix(p, "o") + "a"
		case g == masc && k == len(parts)-1 && (p == "primero" || p == "tercero" || strings.HasSuffix(p, "tercero") || strings.HasSuffix(p, "primero")):
			parts[k] = strings.TrimSuffix(p, "o")
		}
	}
	return strings.Join(parts, " ")
}
