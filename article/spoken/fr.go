package spoken

import "regexp"

// French, after the Imprimerie nationale's conventions: a space groups
// thousands and the comma marks decimals ("1 500,50 €"), dates are day
// first ("le 1er janvier"), times "22 h 30".

var frMonthNames = [13]string{"", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

func init() {
	months := map[string]month{}
	for k, m := range map[string]int{"janv.": 1, "févr.": 2, "avr.": 4, "juil.": 7, "sept.": 9, "oct.": 10, "nov.": 11, "déc.": 12} {
		months[k] = month{m: m}
	}
	for m := 1; m <= 12; m++ {
		months[frMonthNames[m]] = month{m: m}
	}
	register("fr", &language{
		group: `[  \x{202F}]`, decMark: ',', dayFirst: true,
		cardinal: func(n uint64, _ gender) string { return frCardinal(n) },
		ordinal:  func(n uint64, _ gender) string { return frOrdinal(n) },
		year:     func(y int) string { return frCardinal(uint64(y)) },
		w: words{decimal: "virgule", minus: "moins", plus: "plus", percent: "pour cent", to: "à", and: "et",
			times: "fois", equals: "égale", divided: "divisé par", squared: "au carré", cubed: "au cube",
			power: "puissance", at: "arobase", dot: "point", slash: "barre oblique", dash: "tiret", point: "point",
			version: "version", plusSign: "plus", seconds: "secondes"},
		scales: map[string]int{"million": 6, "millions": 6, "milliard": 9, "milliards": 9,
			"Md": 9, "Mds": 9, "md": 9, "M": 6, "mille": 3},
		scaleName: func(pow int, plural bool) string {
			switch pow {
			case 3:
				return "mille"
			case 6:
				return pick(plural, "millions", "million")
			case 9:
				return pick(plural, "milliards", "milliard")
			}
			return pick(plural, "billions", "billion")
		},
		scaleOne: "un",
		money:    moneyStyle{scaleJoin: "de", elide: true, minorJoin: " "},
		currencies: map[string]currency{
			"€": cur("euro", "euros", "centime", "centimes"), "$": cur("dollar", "dollars", "cent", "cents"),
			"£": cur("livre", "livres", "penny", "pence"), "US$": cur("dollar américain", "dollars américains", "cent", "cents"),
			"EUR": cur("euro", "euros", "centime", "centimes"), "USD": cur("dollar américain", "dollars américains", "cent", "cents"),
			"CHF": cur("franc suisse", "francs suisses", "centime", "centimes"), "GBP": cur("livre sterling", "livres sterling", "penny", "pence"),
			"CAD": cur("dollar canadien", "dollars canadiens", "cent", "cents"), "¥": cur("yen", "yens", "", ""),
			"JPY": cur("yen", "yens", "", ""), "CNY": cur("yuan", "yuans", "", ""), "XOF": cur("franc CFA", "francs CFA", "", ""),
		},
		units: map[string]unit{
			"km": un("kilomètre", "kilomètres"), "m": un("mètre", "mètres"), "cm": un("centimètre", "centimètres"),
			"mm": un("millimètre", "millimètres"), "kg": un("kilo", "kilos"), "g": un("gramme", "grammes"),
			"t": un("tonne", "tonnes"), "km/h": un("kilomètre-heure", "kilomètres-heure"), "°C": un("degré Celsius", "degrés Celsius"),
			"°": un("degré", "degrés"), "ha": un("hectare", "hectares"), "km²": un("kilomètre carré", "kilomètres carrés"),
			"m²": un("mètre carré", "mètres carrés"), "l": un("litre", "litres"), "kWh": un("kilowattheure", "kilowattheures"),
			"MW": un("mégawatt", "mégawatts"), "Go": un("gigaoctet", "gigaoctets"),
		},
		months: months, monthNames: frMonthNames,
		date: func(n *Normalizer, d, m, y int, _ bool, _ wordCtx) string {
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
		clock: clockStyle{hours: true, say: func(h, m int, _ string) string {
			s := frCardinal(uint64(h)) + " heure"
			if h > 1 {
				s += "s"
			}
			if m > 0 {
				s += " " + frCardinal(uint64(m))
			}
			return s
		}},
		ordinals: ordinalStyle{re: regexp.MustCompile(`^(\d{1,9})(ème|er|re|ᵉʳ|ᵉ|e)`)},
		abbrevs:  frAbbrevs,
		roman: romanStyle{
			regnal:  frRegnal,
			reign:   func(v int, _ bool) string { return frCardinal(uint64(v)) },
			century: regexp.MustCompile(`^([IVXL]+)(?:e|ème|ᵉ) (siècles?|millénaires?)\b`),
		},
		decades: decadeStyle{
			re:  regexp.MustCompile(`^(?:(\d{2,4})|['’](\d0))['’]?s\b`),
			say: func(y int) string { return "années " + frCardinal(uint64(y)) },
		},
	})
}

// frAbbrevs: titles before a name, "n°" before a number.
var frAbbrevs = map[string]abbrev{
	"M.": {name: "Monsieur"}, "MM.": {name: "Messieurs"}, "Mme": {name: "Madame"}, "Mmes": {name: "Mesdames"},
	"Mlle": {name: "Mademoiselle"}, "Mlles": {name: "Mesdemoiselles"}, "Dr": {name: "Docteur"}, "Pr": {name: "Professeur"},
	"Me": {name: "Maître"}, "St": {name: "Saint"}, "Ste": {name: "Sainte"}, "St.": {name: "Saint"},
	"Ier": {regnal: "premier"}, "Ire": {regnal: "première"},
	"n°": {number: "numéro"}, "N°": {number: "numéro"}, "no": {number: "numéro"}, "No": {number: "numéro"},
	"av.": {name: "avenue"}, "bd": {name: "boulevard"}, "etc.": {always: "et cetera"}, "env.": {number: "environ"},
}

var frRegnal = union(enRegnal, setOf("Louis", "Henri", "Charles", "François", "Philippe", "Jean", "Paul", "Benoît", "Pie",
	"Léon", "Grégoire", "Clément", "Napoléon", "Élisabeth", "Guillaume", "Frédéric", "Jean-Paul", "Innocent"))
