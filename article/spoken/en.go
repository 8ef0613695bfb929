package spoken

import (
	"regexp"
	"strings"
)

func init() {
	register("en", &language{
		group: `,`, decimal: `\.`, decMark: '.',
		cardinal: enCardinal, ordinal: enOrdinal, year: enYear, digits: enDigits,
		decade: func(y int) string {
			if y < 100 {
				return enPlural(enCardinal(uint64(y)))
			}
			return enPluralLast(enYear(y))
		},
		decimalWord: "point", minus: "minus", percent: "percent", rangeWord: "to",
		money: func(spelled string, cur currency, plural, hasScale bool, minor uint64, hasMinor bool) string {
			if spelled == "zero" && hasMinor && minor > 0 && cur.minorMany != "" {
				if minor == 1 {
					return "one " + cur.minorOne
				}
				return enCardinal(minor) + " " + cur.minorMany
			}
			name := cur.one
			if plural || hasScale {
				name = cur.many
			}
			s := spelled + " " + name
			if hasMinor && minor > 0 {
				mn := cur.minorMany
				if minor == 1 {
					mn = cur.minorOne
				}
				s += " and " + enCardinal(minor) + " " + mn
			}
			return s
		},
		scales: map[string]string{"thousand": "thousand", "million": "million", "billion": "billion", "trillion": "trillion",
			"k": "thousand", "K": "thousand", "bn": "billion", "tn": "trillion", "trn": "trillion", "mn": "million"},
		currencies: enCurrencies,
		units:      enUnits,
		months:     enMonths,
		monthNames: [13]string{"", "January", "February", "March", "April", "May", "June", "July", "August",
			"September", "October", "November", "December"},
		date:      enDate,
		clock:     enClock,
		ordinalRe: regexp.MustCompile(`^(\d{1,9})(st|nd|rd|th|ST|ND|RD|TH)\b`),
		abbrev:    enAbbrev, abbrevPlain: setOf("vs"),
		roman:    enRoman,
		isYear:   enIsYear,
		fraction: enFraction,
	})
}

// enPluralLast pluralizes the last word of a spelled year ("nineteen
// ninety" -> "nineteen nineties").
func enPluralLast(s string) string {
	i := strings.LastIndexAny(s, " -")
	return s[:i+1] + enPlural(s[i+1:])
}

var enCurrencies = map[string]currency{
	"$": {"dollar", "dollars", "cent", "cents"}, "US$": {"US dollar", "US dollars", "cent", "cents"},
	"A$": {"Australian dollar", "Australian dollars", "cent", "cents"}, "AU$": {"Australian dollar", "Australian dollars", "cent", "cents"},
	"C$": {"Canadian dollar", "Canadian dollars", "cent", "cents"}, "CA$": {"Canadian dollar", "Canadian dollars", "cent", "cents"},
	"NZ$": {"New Zealand dollar", "New Zealand dollars", "cent", "cents"}, "HK$": {"Hong Kong dollar", "Hong Kong dollars", "cent", "cents"},
	"S$": {"Singapore dollar", "Singapore dollars", "cent", "cents"}, "R$": {"real", "reais", "centavo", "centavos"},
	"€": {"euro", "euros", "cent", "cents"}, "£": {"pound", "pounds", "penny", "pence"},
	"¥": {"yen", "yen", "", ""}, "₹": {"rupee", "rupees", "paisa", "paise"},
	"USD": {"US dollar", "US dollars", "cent", "cents"}, "EUR": {"euro", "euros", "cent", "cents"},
	"GBP": {"pound", "pounds", "penny", "pence"}, "CHF": {"Swiss franc", "Swiss francs", "centime", "centimes"},
	"JPY": {"yen", "yen", "", ""}, "CNY": {"yuan", "yuan", "", ""}, "RMB": {"yuan", "yuan", "", ""},
	"INR": {"rupee", "rupees", "paisa", "paise"}, "CAD": {"Canadian dollar", "Canadian dollars", "cent", "cents"},
	"AUD": {"Australian dollar", "Australian dollars", "cent", "cents"}, "NZD": {"New Zealand dollar", "New Zealand dollars", "cent", "cents"},
	"HKD": {"Hong Kong dollar", "Hong Kong dollars", "cent", "cents"}, "SGD": {"Singapore dollar", "Singapore dollars", "cent", "cents"},
	"SEK": {"Swedish krona", "Swedish kronor", "", ""}, "NOK": {"Norwegian krone", "Norwegian kroner", "", ""},
	"DKK": {"Danish krone", "Danish kroner", "", ""}, "RUB": {"rouble", "roubles", "", ""},
	"BRL": {"real", "reais", "", ""}, "MXN": {"Mexican peso", "Mexican pesos", "", ""}, "ZAR": {"rand", "rand", "", ""},
	"KRW": {"won", "won", "", ""}, "TRY": {"Turkish lira", "Turkish lira", "", ""}, "PLN": {"zloty", "zloty", "", ""},
}

var enUnits = map[string]unit{
	"km": {"kilometer", "kilometers"}, "cm": {"centimeter", "centimeters"}, "mm": {"millimeter", "millimeters"},
	"kg": {"kilogram", "kilograms"}, "mg": {"milligram", "milligrams"}, "g": {"gram", "grams"},
	"lb": {"pound", "pounds"}, "lbs": {"pounds", "pounds"}, "oz": {"ounce", "ounces"},
	"mph": {"mile per hour", "miles per hour"}, "km/h": {"kilometer per hour", "kilometers per hour"},
	"kph": {"kilometer per hour", "kilometers per hour"}, "ft": {"foot", "feet"}, "mi": {"mile", "miles"},
	"km2": {"square kilometer", "square kilometers"}, "km²": {"square kilometer", "square kilometers"},
	"m2": {"square meter", "square meters"}, "m²": {"square meter", "square meters"},
	"°C": {"degree Celsius", "degrees Celsius"}, "°F": {"degree Fahrenheit", "degrees Fahrenheit"}, "°": {"degree", "degrees"},
	"kW": {"kilowatt", "kilowatts"}, "MW": {"megawatt", "megawatts"}, "GW": {"gigawatt", "gigawatts"},
	"kWh": {"kilowatt hour", "kilowatt hours"}, "MWh": {"megawatt hour", "megawatt hours"}, "GWh": {"gigawatt hour", "gigawatt hours"},
	"GB": {"gigabyte", "gigabytes"}, "MB": {"megabyte", "megabytes"}, "TB": {"terabyte", "terabytes"},
	"Hz": {"hertz", "hertz"}, "kHz": {"kilohertz", "kilohertz"}, "MHz": {"megahertz", "megahertz"}, "GHz": {"gigahertz", "gigahertz"},
	"ha": {"hectare", "hectares"}, "ml": {"milliliter", "milliliters"}, "mL": {"milliliter", "milliliters"},
}

var enMonths = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9, "sept.": 9,
	"oct.": 10, "nov.": 11, "dec.": 12,
}

// enDate: "November thirteenth, twenty fifteen" (month first), or "the
// thirteenth of November twenty fifteen" where the day is written first
// outside the United States.
func enDate(n *Normalizer, d, m, y int, dayForm bool) string {
	var s string
	if dayForm && n.dmy {
		s = "the " + enOrdinal(uint64(d)) + " of " + n.l.monthNames[m]
		if y != 0 {
			s += " " + enYear(y)
		}
		return s
	}
	s = n.l.monthNames[m] + " " + enOrdinal(uint64(d))
	if y != 0 {
		s += ", " + enYear(y)
	}
	return s
}

func enClock(h, m int, ampm string) string {
	s := enCardinal(uint64(h))
	switch {
	case m == 0 && ampm == "" && h <= 12:
		s += " o'clock"
	case m == 0 && ampm == "":
		s += " hundred"
	case m > 0 && m < 10:
		s += " oh " + enOnes[m]
	case m > 0:
		s += " " + enCardinal(uint64(m))
	}
	if ampm != "" {
		s += " " + ampm
	}
	return s
}

func enFraction(num, den uint64) (string, bool) {
	var name string
	switch den {
	case 2:
		name = "half"
		if num > 1 {
			name = "halves"
		}
	case 4:
		name = "quarter"
		if num > 1 {
			name = "quarters"
		}
	default:
		name = enOrdinal(den)
		if num > 1 {
			name += "s"
		}
	}
	return enCardinal(num) + " " + name, true
}

// Words after which a four-digit number is a quantity, not a year.
var enQuantityBefore = setOf("about", "around", "some", "nearly", "almost", "over", "than", "approximately",
	"roughly", "least", "estimated", "only", "just", "another", "additional", "extra", "all", "those", "these", "the")

// Words before which a four-digit number is a year although they end in s.
var enNotPlural = setOf("was", "is", "has", "does", "says", "sees", "saw", "marks", "marked", "as", "its", "this", "his",
	"plus", "versus", "vs", "across", "thus", "us")

// enIsYear decides whether a four-digit number between 1000 and 2099 is a
// year. AP and most news styles write quantities of a thousand or more with
// a comma ("1,500 troops"), so the plain form is a year unless its
// neighbours say it counts something.
func enIsYear(text string, i, j int) bool {
	v := 0
	for _, c := range text[i:j] {
		v = v*10 + int(c-'0')
	}
	if v < 1000 || v > 2099 {
		return false
	}
	prev := strings.ToLower(prevWord(text, i))
	next := nextWord(text, j)
	if prev == "the" {
		// "the 2016 election" is a year; "the 2000 delegates" is not.
		return !enCountsSomething(next)
	}
	if enQuantityBefore[prev] {
		return false
	}
	return !enCountsSomething(next)
}

func enCountsSomething(next string) bool {
	lower := strings.ToLower(next)
	if next == "" || lower != next {
		return false
	}
	if enUnits[next].many != "" || enCountNouns[lower] {
		return true
	}
	return len(lower) > 2 && strings.HasSuffix(lower, "s") && !strings.HasSuffix(lower, "ss") && !enNotPlural[lower]
}

var enCountNouns = setOf("people", "men", "women", "children", "staff", "police", "feet", "sheep", "cattle", "personnel",
	"more", "other", "others", "of", "new", "extra", "additional", "fewer", "less", "million", "billion")

// enAbbrev expands a table abbreviation where its context settles it.
func enAbbrev(word, text string, i, j int) (string, bool) {
	prev := prevWord(text, i)
	next := nextWord(text, j)
	nextCap := next != "" && isCapitalized(next) && !isAllCaps(next)
	prevCap := prev != "" && isCapitalized(prev) && !strings.HasSuffix(prev, ".")
	prevNum := prev != "" && isDigit(prev[0])
	nextNum := next != "" && isDigit(next[0])
	switch word {
	case "St.":
		switch {
		case nextCap:
			return "Saint", true
		case prevCap || prevNum:
			return "Street", true
		}
		return "", false
	case "Dr.":
		switch {
		case nextCap:
			return "Doctor", true
		case prevCap && !nextCap:
			return "Drive", true
		}
		return "", false
	case "No.", "no.":
		if nextNum {
			return "number", true
		}
		return "", false
	case "Nos.", "nos.":
		if nextNum {
			return "numbers", true
		}
		return "", false
	case "v.":
		if prevCap && nextCap {
			return "versus", true
		}
		return "", false
	}
	if e, ok := enBeforeName[word]; ok {
		if nextCap {
			return e, true
		}
		return "", false
	}
	if e, ok := enAfterName[word]; ok {
		if prevCap || prevNum {
			return e, true
		}
		return "", false
	}
	if e, ok := enAnywhere[word]; ok {
		return e, true
	}
	if m, ok := enMonths[strings.ToLower(word)]; ok && strings.HasSuffix(word, ".") && isCapitalized(word) {
		return enMonthNames[m], true
	}
	return "", false
}

var enMonthNames = [13]string{"", "January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// Titles, expanded only before a capitalized name ("Gov. Newsom").
var enBeforeName = map[string]string{
	"Mr.": "Mister", "Mrs.": "Missus", "Ms.": "Miz", "Mt.": "Mount", "Ft.": "Fort",
	"Gov.": "Governor", "Sen.": "Senator", "Rep.": "Representative", "Gen.": "General",
	"Lt.": "Lieutenant", "Col.": "Colonel", "Capt.": "Captain", "Sgt.": "Sergeant", "Cpl.": "Corporal",
	"Adm.": "Admiral", "Cmdr.": "Commander", "Prof.": "Professor", "Rev.": "Reverend", "Hon.": "Honorable",
	"Pres.": "President", "Supt.": "Superintendent", "Det.": "Detective", "Insp.": "Inspector",
	"Sens.": "Senators", "Reps.": "Representatives", "Gens.": "Generals",
}

// Words expanded after a name or a number ("Main St.", "Jones Jr.").
var enAfterName = map[string]string{
	"Jr.": "Junior", "Sr.": "Senior", "Ave.": "Avenue", "Blvd.": "Boulevard", "Rd.": "Road",
	"Ln.": "Lane", "Hwy.": "Highway", "Pl.": "Place", "Sq.": "Square", "Pkwy.": "Parkway",
}

// Unambiguous everywhere.
var enAnywhere = map[string]string{
	"vs.": "versus", "vs": "versus", "approx.": "approximately", "etc.": "et cetera",
	"e.g.": "for example", "i.e.": "that is", "a.k.a.": "also known as", "Dept.": "Department",
	"Univ.": "University", "Corp.": "Corporation", "Bros.": "Brothers", "Assn.": "Association",
}

// Words after which a Roman numeral is a number in a series ("World War
// II", "Super Bowl LVIII"), not a regnal ordinal.
var enSeries = setOf("War", "Bowl", "Part", "Chapter", "Episode", "Phase", "Act", "Scene", "Vatican", "Apollo",
	"Title", "Volume", "Vol.", "Book", "Round", "Mark", "Class", "Grade", "Type", "Stage", "Level", "Series",
	"Section", "Schedule", "Gemini", "Tier", "Article", "Category", "Pillar", "Division")

// Names of monarchs and popes: after them a Roman numeral is "the Nth".
var enRegnal = setOf("Louis", "Henry", "Charles", "Elizabeth", "George", "Edward", "William", "James", "Richard",
	"John", "Paul", "Benedict", "Pius", "Leo", "Gregory", "Innocent", "Clement", "Urban", "Alexander", "Frederick",
	"Philip", "Felipe", "Juan", "Carlos", "Carl", "Gustaf", "Harald", "Olav", "Haakon", "Margrethe", "Willem",
	"Albert", "Baudouin", "Ludwig", "Wilhelm", "Friedrich", "Nicholas", "Peter", "Ivan", "Catherine", "Victor",
	"Emmanuel", "Umberto", "Ferdinand", "Isabella", "Mary", "Anne", "Victoria", "Napoleon", "Ramses", "Rama",
	"Mohammed", "Hassan", "Abdullah", "Hussein", "Suleiman", "Mehmed", "Constantine", "Justinian", "Francis",
	"Franz", "Joseph", "Otto", "Karl", "Casimir", "Boris", "Simeon", "Michael", "Ptolemy", "Cleopatra", "Stephen",
	"David", "Robert", "Alfonso", "Sancho", "Manuel", "Pedro", "Afonso", "Christian", "Frederik",
	"Valdemar", "Eric", "Magnus", "Sigismund", "Rudolf", "Maximilian", "Matthias", "Leopold", "Pepin", "Lothair",
	"Hugh", "Rainier", "Jean", "Hans-Adam", "Akihito", "Naruhito", "Tupou", "Letsie", "Mswati", "Bhumibol")

// enRoman reads a Roman numeral after a series word as a cardinal, and
// after a monarch's or pope's name as "the Nth"; after other names it is
// left alone ("Planet Earth II" is not "the second"). A lone
// "I" is a number only after a series word; capitals in a shouted line or
// at a sentence start are left alone.
func enRoman(text string, i, j int, v int) (string, bool) {
	prev := prevWord(text, i)
	if prev == "" || !isCapitalized(prev) || isAllCaps(prev) {
		return "", false
	}
	if next := nextWord(text, j); next != "" && isAllCaps(next) {
		return "", false
	}
	numeral := text[i:j]
	if enSeries[prev] {
		if v > 100 {
			return "", false
		}
		return enCardinal(uint64(v)), true
	}
	if numeral == "I" || v > 39 || strings.ContainsAny(numeral, "LCDM") {
		return "", false
	}
	if enRegnal[prev] {
		return "the " + enOrdinal(uint64(v)), true
	}
	return "", false
}
