package spoken

import (
	"regexp"
	"strings"
)

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
			s = strings.TrimSuffix(deUnder1000(n/1000), "s") + "tausend"
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
	switch n {
	case 1:
		return "erste"
	case 3:
		return "dritte"
	case 7:
		return "siebte"
	case 8:
		return "achte"
	}
	c := deCardinal(n)
	if n%100 < 20 && n%100 != 0 {
		return strings.TrimSuffix(c, "s") + "te"
	}
	return c + "ste"
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

func deDigits(s string) string {
	var parts []string
	for _, c := range s {
		if c >= '0' && c <= '9' {
			parts = append(parts, deOnes[c-'0'])
		}
	}
	return strings.Join(parts, " ")
}

var deMonthNames = [13]string{"", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
	"September", "Oktober", "November", "Dezember"}

// Words after which an ordinal takes the dative "-en" ("am dreizehnten").
var deDative = setOf("am", "vom", "zum", "bis", "seit", "ab", "dem", "im", "beim")

// Words after which a four-digit number is a year.
var deYearBefore = setOf("im", "seit", "bis", "von", "vor", "nach", "ab", "Jahr", "Jahre", "Jahres", "um",
	"Anfang", "Ende", "Mitte", "Frühjahr", "Sommer", "Herbst", "Winter", "zwischen", "und")

func init() {
	months := map[string]int{"jan.": 1, "feb.": 2, "febr.": 2, "apr.": 4, "aug.": 8, "sept.": 9, "okt.": 10, "nov.": 11, "dez.": 12}
	for m := 1; m <= 12; m++ {
		months[strings.ToLower(deMonthNames[m])] = m
	}
	register("de", &language{
		group: `\.`, decimal: `,`, decMark: ',', dayFirst: true,
		cardinal: deCardinal, ordinal: deOrdinal, year: deYear, digits: deDigits,
		decade: func(y int) string {
			if y >= 1900 && y < 2000 || y < 100 {
				return deCardinal(uint64(y%100)) + "er"
			}
			return deCardinal(uint64(y)) + "er"
		},
		decimalWord: "Komma", minus: "minus", percent: "Prozent", rangeWord: "bis",
		money: func(spelled string, cur currency, plural, hasScale bool, minor uint64, hasMinor bool) string {
			if spelled == "eins" {
				spelled = "ein"
			}
			s := spelled + " " + cur.many
			if hasMinor && minor > 0 {
				s += " " + deCardinal(minor)
			}
			return s
		},
		scales: map[string]string{"Million": "Million", "Millionen": "Millionen", "Milliarde": "Milliarde",
			"Milliarden": "Milliarden", "Mio": "Millionen", "Mrd": "Milliarden", "Tsd": "tausend"},
		currencies: map[string]currency{
			"€": {"Euro", "Euro", "Cent", "Cent"}, "$": {"Dollar", "Dollar", "Cent", "Cent"},
			"£": {"Pfund", "Pfund", "Pence", "Pence"}, "US$": {"US-Dollar", "US-Dollar", "Cent", "Cent"},
			"EUR": {"Euro", "Euro", "Cent", "Cent"}, "USD": {"US-Dollar", "US-Dollar", "Cent", "Cent"},
			"CHF": {"Franken", "Franken", "Rappen", "Rappen"}, "Fr.": {"Franken", "Franken", "Rappen", "Rappen"},
			"GBP": {"Pfund", "Pfund", "Pence", "Pence"}, "JPY": {"Yen", "Yen", "", ""}, "¥": {"Yen", "Yen", "", ""},
		},
		units: map[string]unit{
			"km": {"Kilometer", "Kilometer"}, "m": {"Meter", "Meter"}, "cm": {"Zentimeter", "Zentimeter"},
			"mm": {"Millimeter", "Millimeter"}, "kg": {"Kilogramm", "Kilogramm"}, "g": {"Gramm", "Gramm"},
			"t": {"Tonne", "Tonnen"}, "km/h": {"Kilometer pro Stunde", "Kilometer pro Stunde"},
			"°C": {"Grad Celsius", "Grad Celsius"}, "°": {"Grad", "Grad"}, "ha": {"Hektar", "Hektar"},
			"km²": {"Quadratkilometer", "Quadratkilometer"}, "m²": {"Quadratmeter", "Quadratmeter"},
			"l": {"Liter", "Liter"}, "kWh": {"Kilowattstunde", "Kilowattstunden"}, "MW": {"Megawatt", "Megawatt"},
			"GB": {"Gigabyte", "Gigabyte"},
		},
		months: months, monthNames: deMonthNames,
		date: func(n *Normalizer, d, m, y int, _ bool) string {
			s := deOrdinal(uint64(d)) + " " + deMonthNames[m]
			if y != 0 {
				s += " " + deYear(y)
			}
			return s
		},
		clock: func(h, m int, _ string) string {
			s := deCardinal(uint64(h))
			if h == 1 {
				s = "ein"
			}
			s += " Uhr"
			if m > 0 {
				s += " " + deCardinal(uint64(m))
			}
			return s
		},
		ordinalRe:   nil, // "3." is too often a sentence's end to be an ordinal on its own
		abbrev:      deAbbrev,
		abbrevPlain: setOf(),
		roman:       deRoman,
		isYear: func(text string, i, j int) bool {
			return deYearBefore[prevWord(text, i)]
		},
	})
}

// deInflect gives an ordinal the dative ending after "am", "vom", "zum".
func deInflect(text string, i int, ord string) string {
	if deDative[strings.ToLower(prevWord(text, i))] {
		return ord + "n"
	}
	return ord
}

var deAbbrevs = map[string]string{
	"z.B.": "zum Beispiel", "bzw.": "beziehungsweise", "usw.": "und so weiter", "ca.": "circa",
	"u.a.": "unter anderem", "d.h.": "das heißt", "v.a.": "vor allem", "evtl.": "eventuell",
	"ggf.": "gegebenenfalls", "vgl.": "vergleiche", "Mio.": "Millionen", "Mrd.": "Milliarden",
	"inkl.": "inklusive", "zzgl.": "zuzüglich", "bspw.": "beispielsweise", "sog.": "sogenannte",
}

func deAbbrev(word, text string, i, j int) (string, bool) {
	next := nextWord(text, j)
	nextCap := next != "" && isCapitalized(next) && !isAllCaps(next)
	nextNum := next != "" && isDigit(next[0])
	prev := prevWord(text, i)
	switch word {
	case "Dr.":
		if nextCap {
			return "Doktor", true
		}
		return "", false
	case "Prof.":
		if nextCap {
			return "Professor", true
		}
		return "", false
	case "St.":
		if nextCap {
			return "Sankt", true
		}
		return "", false
	case "Nr.":
		if nextNum {
			return "Nummer", true
		}
		return "", false
	case "Str.":
		if prev != "" && isCapitalized(prev) {
			return "Straße", true
		}
		return "", false
	}
	if e, ok := deAbbrevs[word]; ok {
		return e, true
	}
	if m, ok := deMonthsAbbr[word]; ok {
		return deMonthNames[m], true
	}
	return "", false
}

var deMonthsAbbr = map[string]int{"Jan.": 1, "Feb.": 2, "Febr.": 2, "Apr.": 4, "Aug.": 8, "Sept.": 9, "Okt.": 10, "Nov.": 11, "Dez.": 12}

var deRegnal = setOf("Ludwig", "Friedrich", "Wilhelm", "Karl", "Heinrich", "Otto", "Maximilian", "Leopold",
	"Franz", "Joseph", "Benedikt", "Johannes", "Paul", "Pius", "Elisabeth", "Georg", "Rudolf", "August")

// deRoman: "Ludwig XIV." -> "Ludwig der Vierzehnte".
func deRoman(text string, i, j int, v int) (string, bool) {
	prev := prevWord(text, i)
	if prev == "" || !isCapitalized(prev) || isAllCaps(prev) || v > 39 || text[i:j] == "I" {
		return "", false
	}
	if deRegnal[prev] || enRegnal[prev] {
		return "der " + strings.ToUpper(deOrdinal(uint64(v))[:1]) + deOrdinal(uint64(v))[1:], true
	}
	return "", false
}

// deDayMonth reads "13. November 2015", "am 1. Mai".
var deDayMonthRe = regexp.MustCompile(`^(\d{1,2})\. ?([[:alpha:]äÄ]+\.?)(?: (\d{4}))?\b`)

func (n *Normalizer) deDayMonth(text string, i int) (token, bool) {
	if n.l != languages["de"] {
		return token{}, false
	}
	g, end, ok := find(deDayMonthRe, text, i)
	if !ok {
		return token{}, false
	}
	m, ok := n.l.months[strings.ToLower(g[2])]
	if !ok {
		return token{}, false
	}
	d := 0
	for _, c := range g[1] {
		d = d*10 + int(c-'0')
	}
	if !validDate(d, m) {
		return token{}, false
	}
	s := deInflect(text, i, deOrdinal(uint64(d))) + " " + deMonthNames[m]
	if g[3] != "" {
		y := 0
		for _, c := range g[3] {
			y = y*10 + int(c-'0')
		}
		s += " " + deYear(y)
	}
	return token{end, keepStop(text, end, s), "date"}, true
}

// deClockRe: "10:30 Uhr", "22.15 Uhr", "8 Uhr".
var deClockRe = regexp.MustCompile(`^(\d{1,2})(?:[:.](\d{2}))? Uhr\b`)

func (n *Normalizer) deClock(text string, i int) (token, bool) {
	if n.l != languages["de"] {
		return token{}, false
	}
	g, end, ok := find(deClockRe, text, i)
	if !ok {
		return token{}, false
	}
	h, m := 0, 0
	for _, c := range g[1] {
		h = h*10 + int(c-'0')
	}
	for _, c := range g[2] {
		m = m*10 + int(c-'0')
	}
	if h > 24 || m > 59 {
		return token{}, false
	}
	return token{end, n.l.clock(h, m, ""), "time"}, true
}
