package spoken

import (
	"regexp"
	"strings"
)

// German, after Duden: a full stop groups thousands and the comma marks
// decimals ("1.500,50 €"), dates are day first with an ordinal ("am 13.
// November"), times "10:30 Uhr".

var deMonthNames = [13]string{"", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
	"September", "Oktober", "November", "Dezember"}

// Words after which an ordinal takes the dative "-en" ("am dreizehnten").
var deDative = setOf("am", "vom", "zum", "bis", "seit", "ab", "dem", "im", "beim")

// Words after which a four-digit number is a year.
var deYearBefore = setOf("im", "seit", "bis", "von", "vor", "nach", "ab", "Jahr", "Jahre", "Jahres", "um",
	"Anfang", "Ende", "Mitte", "Frühjahr", "Sommer", "Herbst", "Winter", "zwischen", "und")

func init() {
	months := map[string]month{}
	for k, m := range map[string]int{"jan.": 1, "feb.": 2, "febr.": 2, "apr.": 4, "aug.": 8, "sept.": 9, "okt.": 10, "nov.": 11, "dez.": 12} {
		months[k] = month{m: m}
	}
	for m := 1; m <= 12; m++ {
		months[strings.ToLower(deMonthNames[m])] = month{m: m}
	}
	register("de", &language{
		group: `\.`, decMark: ',', dayFirst: true,
		cardinal: func(n uint64, g gender) string {
			if n == 1 && g != plain {
				return pick(g == fem, "eine", "ein")
			}
			return deCardinal(n)
		},
		ordinal: func(n uint64, _ gender) string { return deOrdinal(n) },
		year:    deYear,
		w: words{decimal: "Komma", minus: "minus", plus: "plus", percent: "Prozent", to: "bis", and: "und",
			times: "mal", equals: "gleich", divided: "geteilt durch", squared: "hoch zwei", cubed: "hoch drei",
			power: "hoch", at: "at", dot: "Punkt", slash: "Schrägstrich", dash: "Bindestrich", point: "Punkt",
			version: "Version", plusSign: "plus", seconds: "Sekunden"},
		scales: map[string]int{"Million": 6, "Millionen": 6, "Milliarde": 9, "Milliarden": 9, "Mio": 6, "Mrd": 9, "Tsd": 3},
		scaleName: func(pow int, plural bool) string {
			switch pow {
			case 3:
				return "tausend"
			case 6:
				return pick(plural, "Millionen", "Million")
			case 9:
				return pick(plural, "Milliarden", "Milliarde")
			}
			return pick(plural, "Billionen", "Billion")
		},
		scaleOne: "eine",
		money:    moneyStyle{minorJoin: " "},
		currencies: map[string]currency{
			"€": deCur("Euro", "Cent"), "$": deCur("Dollar", "Cent"), "£": deCur("Pfund", "Pence"),
			"US$": deCur("US-Dollar", "Cent"), "EUR": deCur("Euro", "Cent"), "USD": deCur("US-Dollar", "Cent"),
			"CHF": deCur("Franken", "Rappen"), "Fr.": deCur("Franken", "Rappen"), "GBP": deCur("Pfund", "Pence"),
			"JPY": deCur("Yen", ""), "¥": deCur("Yen", ""),
		},
		units: map[string]unit{
			"km": un("Kilometer", "Kilometer"), "m": un("Meter", "Meter"), "cm": un("Zentimeter", "Zentimeter"),
			"mm": un("Millimeter", "Millimeter"), "kg": un("Kilogramm", "Kilogramm"), "g": un("Gramm", "Gramm"),
			"t": un("Tonne", "Tonnen"), "km/h": un("Kilometer pro Stunde", "Kilometer pro Stunde"),
			"°C": un("Grad Celsius", "Grad Celsius"), "°": un("Grad", "Grad"), "ha": un("Hektar", "Hektar"),
			"km²": un("Quadratkilometer", "Quadratkilometer"), "m²": un("Quadratmeter", "Quadratmeter"),
			"l": un("Liter", "Liter"), "kWh": un("Kilowattstunde", "Kilowattstunden"), "MW": un("Megawatt", "Megawatt"),
			"GB": un("Gigabyte", "Gigabyte"),
		},
		months: months, monthNames: deMonthNames,
		date: func(n *Normalizer, d, m, y int, _ bool, c wordCtx) string {
			s := deInflect(c.prev, deOrdinal(uint64(d))) + " " + deMonthNames[m]
			if y != 0 {
				s += " " + deYear(y)
			}
			return s
		},
		clock: clockStyle{hours: true, word: "Uhr", say: func(h, m int, _ string) string {
			s := deCardinal(uint64(h))
			if h == 1 {
				s = "ein"
			}
			s += " Uhr"
			if m > 0 {
				s += " " + deCardinal(uint64(m))
			}
			return s
		}},
		abbrevs:     deAbbrevs,
		startsMonth: true,
		roman: romanStyle{
			regnal: union(deRegnal, enRegnal),
			reign: func(v int, _ bool) string {
				o := deOrdinal(uint64(v))
				return "der " + strings.ToUpper(o[:1]) + o[1:]
			},
			dotOrdinal: true,
		},
		isYear: func(text string, i, j int) bool {
			return deYearBefore[prevWord(text, i)]
		},
		decades: decadeStyle{
			re:     regexp.MustCompile(`^(\d{2,4})()er\b`),
			always: true,
			say: func(y int) string {
				if y >= 1900 && y < 2000 || y < 100 {
					return deCardinal(uint64(y%100)) + "er"
				}
				return deCardinal(uint64(y)) + "er"
			},
		},
	})
}

// deCur is a currency whose name does not change in the plural.
func deCur(name, minor string) currency {
	return currency{one: name, many: name, g: masc, minorOne: minor, minorMany: minor}
}

// deInflect gives an ordinal the dative "-en" after "am", "vom", "zum".
func deInflect(prev, ord string) string {
	if deDative[strings.ToLower(prev)] {
		return ord + "n"
	}
	return ord
}

// deAbbrevs: titles before a name, "Nr." before a number, "Str." after a
// name, and those read the same anywhere.
var deAbbrevs = map[string]abbrev{
	"Dr.": {name: "Doktor"}, "Prof.": {name: "Professor"}, "St.": {name: "Sankt"},
	"Nr.": {number: "Nummer"}, "Str.": {after: "Straße"},
	"z.B.": {always: "zum Beispiel"}, "bzw.": {always: "beziehungsweise"}, "usw.": {always: "und so weiter"},
	"ca.": {always: "circa"}, "u.a.": {always: "unter anderem"}, "d.h.": {always: "das heißt"},
	"v.a.": {always: "vor allem"}, "evtl.": {always: "eventuell"}, "ggf.": {always: "gegebenenfalls"},
	"vgl.": {always: "vergleiche"}, "Mio.": {always: "Millionen"}, "Mrd.": {always: "Milliarden"},
	"inkl.": {always: "inklusive"}, "zzgl.": {always: "zuzüglich"}, "bspw.": {always: "beispielsweise"},
	"sog.": {always: "sogenannte"},
}

var deRegnal = setOf("Ludwig", "Friedrich", "Wilhelm", "Karl", "Heinrich", "Otto", "Maximilian", "Leopold",
	"Franz", "Joseph", "Benedikt", "Johannes", "Paul", "Pius", "Elisabeth", "Georg", "Rudolf", "August")
