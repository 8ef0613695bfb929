package spoken

import "strings"

// Portuguese spell-out after Cunha and Cintra's Nova Gramática do
// Português Contemporâneo and CLDR's RBNF for pt and pt-PT: "e" joins
// hundreds, tens and units ("cento e vinte e um"), and joins the last
// group of three digits to the ones before it only where that group has
// no hundreds or is a round hundred ("mil e cem", "dois mil e vinte e
// quatro", but "mil duzentos e trinta"). "um"/"uma", "dois"/"duas" and
// the hundreds from two hundred agree with the noun ("duzentas pessoas",
// "vinte e uma mil pessoas"); "milhão" is a masculine noun ("duzentos
// milhões"). Brazil spells "dezesseis", "dezessete", "dezenove" and says
// 10^9 "bilhão", 10^12 "trilhão" (the short scale); Portugal spells
// "dezasseis", "dezassete", "dezanove" and says 10^9 "mil milhões", 10^12
// "bilião" (the long scale).

var ptOnes = []string{"zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove",
	"dez", "onze", "doze", "treze", "catorze", "quinze", "dezesseis", "dezessete", "dezoito", "dezenove"}

var ptTens = []string{"", "", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa"}

var ptHundreds = []string{"", "cento", "duzentos", "trezentos", "quatrocentos", "quinhentos", "seiscentos",
	"setecentos", "oitocentos", "novecentos"}

// ptEuropeanTeens are Portugal's spellings of 16, 17 and 19.
var ptEuropeanTeens = map[uint64]string{16: "dezasseis", 17: "dezassete", 19: "dezanove"}

// ptSpeller spells numbers as one country does.
type ptSpeller struct {
	// european: Portugal's spellings and long scale; else Brazil's.
	european bool
}

// unit spells 1..19 in gender g: "um"/"uma", "dois"/"duas".
func (p ptSpeller) unit(n uint64, g gender) string {
	switch {
	case n == 1 && g == fem:
		return "uma"
	case n == 2 && g == fem:
		return "duas"
	case p.european && ptEuropeanTeens[n] != "":
		return ptEuropeanTeens[n]
	}
	return ptOnes[n]
}

// under1000 spells 1..999 (0 is "").
func (p ptSpeller) under1000(n uint64, g gender) string {
	var parts []string
	if h := n / 100; h > 0 {
		w := ptHundreds[h]
		switch {
		case h == 1 && n%100 == 0:
			w = "cem"
		case h > 1 && g == fem:
			w = strings.TrimSuffix(w, "os") + "as" // "duzentas", "quinhentas"
		}
		parts = append(parts, w)
	}
	switch r := n % 100; {
	case r == 0:
	case r < 20:
		parts = append(parts, p.unit(r, g))
	case r%10 == 0:
		parts = append(parts, ptTens[r/10])
	default:
		parts = append(parts, ptTens[r/10]+" e "+p.unit(r%10, g))
	}
	return strings.Join(parts, " e ")
}

// ptGroup is one group of a number said before its scale word: the count
// (under a thousand, or a million in Portugal's "mil milhões") and the
// whole it says.
type ptGroup struct {
	count uint64
	say   string
}

// cardinal spells n; g is the gender of the noun it counts (plain and
// masc are alike: "um", "dois").
func (p ptSpeller) cardinal(n uint64, g gender) string {
	if n == 0 {
		return "zero"
	}
	var groups []ptGroup
	add := func(count uint64, one, many string) {
		if count == 0 {
			return
		}
		if count == 1 {
			groups = append(groups, ptGroup{1, "um " + one})
			return
		}
		groups = append(groups, ptGroup{count, p.cardinal(count, masc) + " " + many})
	}
	if p.european {
		// The long scale: "bilião" is a million millions, and a thousand
		// millions are "mil milhões".
		add(n/1e12, "bilião", "biliões")
		n %= 1e12
		add(n/1e6, "milhão", "milhões")
		n %= 1e6
	} else {
		add(n/1e12, "trilhão", "trilhões")
		n %= 1e12
		add(n/1e9, "bilhão", "bilhões")
		n %= 1e9
		add(n/1e6, "milhão", "milhões")
		n %= 1e6
	}
	if t := n / 1000; t > 0 {
		// "mil", not "um mil"; the thousands agree with the noun
		// ("duas mil pessoas").
		groups = append(groups, ptGroup{t, pick(t == 1, "mil", p.under1000(t, g)+" mil")})
		n %= 1000
	}
	if n > 0 {
		groups = append(groups, ptGroup{n, p.under1000(n, g)})
	}
	var b strings.Builder
	for k, gr := range groups {
		if k > 0 {
			// "mil e cem", "um milhão e quinhentos mil"; "mil duzentos e
			// trinta".
			if k == len(groups)-1 && (gr.count < 100 || gr.count < 1000 && gr.count%100 == 0) {
				b.WriteString(" e ")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(gr.say)
	}
	return b.String()
}

var (
	ptOrdUnits = []string{"", "primeiro", "segundo", "terceiro", "quarto", "quinto", "sexto", "sétimo", "oitavo", "nono"}
	ptOrdTens  = []string{"", "décimo", "vigésimo", "trigésimo", "quadragésimo", "quinquagésimo", "sexagésimo",
		"septuagésimo", "octogésimo", "nonagésimo"}
	ptOrdHundreds = []string{"", "centésimo", "ducentésimo", "trecentésimo", "quadringentésimo", "quingentésimo",
		"sexcentésimo", "septingentésimo", "octingentésimo", "nongentésimo"}
)

// ordinal says n as an ordinal, each of its words agreeing with the noun:
// "vigésimo primeiro", "vigésima primeira". A thousandth is "milésimo";
// past it the cardinal is said, as speakers do.
func (p ptSpeller) ordinal(n uint64, g gender) string {
	if n == 1000 {
		return pick(g == fem, "milésima", "milésimo")
	}
	if n == 0 || n > 999 {
		return p.cardinal(n, g)
	}
	var parts []string
	if h := n / 100; h > 0 {
		parts = append(parts, ptOrdHundreds[h])
	}
	if t := n % 100 / 10; t > 0 {
		parts = append(parts, ptOrdTens[t])
	}
	if u := n % 10; u > 0 {
		parts = append(parts, ptOrdUnits[u])
	}
	if g == fem {
		for k, w := range parts {
			parts[k] = strings.TrimSuffix(w, "o") + "a"
		}
	}
	return strings.Join(parts, " ")
}
