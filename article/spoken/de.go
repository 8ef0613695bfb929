package spoken

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// German, after Duden: a full stop groups thousands and the comma marks
// decimals ("1.500,50 €"), dates are day first with an ordinal ("am 13.
// November"), times "10:30 Uhr". A number with a full stop is an ordinal
// before a month or a noun, or after an article ("ihr 80. Geburtstag"),
// declined by what stands before it.

var deMonthNames = [13]string{"", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
	"September", "Oktober", "November", "Dezember"}

// Words after which a four-digit number is a year.
var deYearBefore = setOf("im", "seit", "bis", "von", "vor", "nach", "ab", "Jahr", "Jahre", "Jahres", "um",
	"Anfang", "Ende", "Mitte", "Frühjahr", "Sommer", "Herbst", "Winter", "zwischen", "und")

func init() {
	months := map[string]month{}
	for k, m := range map[string]int{"jan": 1, "feb": 2, "febr": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7,
		"aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dez": 12} {
		months[k+"."] = month{m: m}
	}
	for m := 1; m <= 12; m++ {
		months[strings.ToLower(deMonthNames[m])] = month{m: m}
	}
	register("de", &language{
		group: `. `, decMark: ',', dayFirst: true,
		cardinal: func(n uint64, g gender) string {
			if n == 1 && g != plain {
				return pick(g == fem, "eine", "ein")
			}
			return deCardinal(n)
		},
		ordinal:       func(n uint64, _ gender) string { return deOrdinal(n) },
		year:          deYear,
		nounGender:    deNounGender,
		labelNouns:    deLabelNouns,
		minute:        func(l *language, n uint64) string { return deOrdinal(n) + " Minute" },
		minuteOrdinal: `\.`,
		minuteCues: setOf("tor", "tore", "torschützen", "treffer", "eigentor", "elfmeter", "gelb", "rot", "gelb-rot",
			"gelbe", "rote", "karte", "karten", "wechsel", "platzverweis"),
		article: deArticle,
		oneOf:   deOneOf,
		// "ein Prozent", "um ein Prozent", "mit einem Prozent" (Duden).
		percentGender: neut,
		pluralAfter:   deDativePlural,
		w: words{over: "zu", numberSign: "Nummer", decimal: "Komma", minus: "minus", plus: "plus", plusMinus: "plus minus", percent: "Prozent", perMille: "Promille", to: "bis", score: "zu", and: "und", or: "oder",
			times: "mal", outOf: "von", by: "mal", about: "etwa", approx: "ungefähr", compare: map[rune][2]string{'<': {"kleiner als", "weniger als"}, '>': {"größer als", "mehr als"},
				'≤': {"kleiner oder gleich", "höchstens"}, '≥': {"größer oder gleich", "mindestens"}, '≠': {"ungleich", "ungleich"}},
			equals: "gleich", divided: "geteilt durch", squared: "hoch zwei", cubed: "hoch drei",
			power: "hoch", at: "at", dot: "Punkt", slash: "Schrägstrich", dash: "Bindestrich", point: "Punkt",
			version: "Version", section: "Paragraf", sections: "Paragrafen", plusSign: "plus", seconds: "Sekunden"},
		scales: map[string]int{"Tausend": 3, "Tsd": 3, "Million": 6, "Millionen": 6, "Mio": 6,
			"Milliarde": 9, "Milliarden": 9, "Mrd": 9, "Billion": 12, "Billionen": 12, "Bio": 12},
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
		scaleOne: func(pow int) string { return pick(pow == 3, "ein", "eine") },
		money:    moneyStyle{minorJoin: " "},
		currencies: map[string]currency{
			"€": deCur("Euro", "Cent"), "$": deCur("Dollar", "Cent"), "£": deCur("Pfund", "Pence"),
			"US$": deCur("US-Dollar", "Cent"), "EUR": deCur("Euro", "Cent"), "USD": deCur("US-Dollar", "Cent"),
			"CHF": deCur("Franken", "Rappen"), "Fr.": deCur("Franken", "Rappen"), "GBP": deCur("Pfund", "Pence"),
			"JPY": deCur("Yen", ""), "¥": deCur("Yen", ""), "ct": deCur("Cent", ""),
		},
		hundredths:  map[string]string{"m": ""},
		dottedUnits: setOf("Min", "Std", "Sek"),
		units: map[string]unit{
			"km": deMeasure("Kilometer", "Kilometer"), "m": deMeasure("Meter", "Meter"), "cm": deMeasure("Zentimeter", "Zentimeter"),
			"mm": deMeasure("Millimeter", "Millimeter"), "nm": deMeasure("Nanometer", "Nanometer"), "mmHg": deMeasure("Millimeter Quecksilbersäule", "Millimeter Quecksilbersäule"), "kg": deMeasure("Kilogramm", "Kilogramm"), "g": deMeasure("Gramm", "Gramm"),
			"t": {one: "Tonne", many: "Tonnen", g: fem}, "km/h": deMeasure("Kilometer pro Stunde", "Kilometer pro Stunde"),
			"°C": deMeasure("Grad Celsius", "Grad Celsius"), "°": deMeasure("Grad", "Grad"), "ha": deMeasure("Hektar", "Hektar"),
			"km²": deMeasure("Quadratkilometer", "Quadratkilometer"), "m²": deMeasure("Quadratmeter", "Quadratmeter"),
			"qm": deMeasure("Quadratmeter", "Quadratmeter"), // as estate agents write it
			"l":  deMeasure("Liter", "Liter"), "kWh": {one: "Kilowattstunde", many: "Kilowattstunden", g: fem},
			"MW": deMeasure("Megawatt", "Megawatt"), "GB": deMeasure("Gigabyte", "Gigabyte"),
			"h": {one: "Stunde", many: "Stunden", g: fem}, "Std": {one: "Stunde", many: "Stunden", g: fem},
			"min": {one: "Minute", many: "Minuten", g: fem}, "Min": {one: "Minute", many: "Minuten", g: fem},
			"s": {one: "Sekunde", many: "Sekunden", g: fem}, "Sek": {one: "Sekunde", many: "Sekunden", g: fem},
			"ms": {one: "Millisekunde", many: "Millisekunden", g: fem},
			"mg": deMeasure("Milligramm", "Milligramm"), "ml": deMeasure("Milliliter", "Milliliter"),
			"cl": deMeasure("Zentiliter", "Zentiliter"), "dl": deMeasure("Deziliter", "Deziliter"),
			"m³": deMeasure("Kubikmeter", "Kubikmeter"), "cm³": deMeasure("Kubikzentimeter", "Kubikzentimeter"),
			"cm²": deMeasure("Quadratzentimeter", "Quadratzentimeter"), "°F": deMeasure("Grad Fahrenheit", "Grad Fahrenheit"),
			"kW": {one: "Kilowatt", many: "Kilowatt", g: neut},
			"GW": {one: "Gigawatt", many: "Gigawatt", g: neut}, "V": {one: "Volt", many: "Volt", g: neut},
			"MWh": {one: "Megawattstunde", many: "Megawattstunden", g: fem},
			"GWh": {one: "Gigawattstunde", many: "Gigawattstunden", g: fem},
			"TWh": {one: "Terawattstunde", many: "Terawattstunden", g: fem},
			"Hz":  {one: "Hertz", many: "Hertz", g: neut}, "kHz": {one: "Kilohertz", many: "Kilohertz", g: neut},
			"MHz": {one: "Megahertz", many: "Megahertz", g: neut}, "GHz": {one: "Gigahertz", many: "Gigahertz", g: neut},
			"MB": deMeasure("Megabyte", "Megabyte"), "TB": deMeasure("Terabyte", "Terabyte"),
			"kcal": {one: "Kilokalorie", many: "Kilokalorien", g: fem},
			"mAh":  {one: "Milliamperestunde", many: "Milliamperestunden", g: fem},
			"Pkt":  {one: "Punkt", many: "Punkte", g: masc},
			"Bft":  {one: "Beaufort", many: "Beaufort", g: neut},
			"µg":   deMeasure("Mikrogramm", "Mikrogramm"), "dB": {one: "Dezibel", many: "Dezibel", g: neut}, "µm": deMeasure("Mikrometer", "Mikrometer"),
			"dm": deMeasure("Dezimeter", "Dezimeter"), "kB": deMeasure("Kilobyte", "Kilobyte"),
			"W": {one: "Watt", many: "Watt", g: neut}, "kV": {one: "Kilovolt", many: "Kilovolt", g: neut},
			"Nm":  deMeasure("Newtonmeter", "Newtonmeter"),
			"hPa": {one: "Hektopascal", many: "Hektopascal", g: neut}, "mbar": {one: "Millibar", many: "Millibar", g: neut},
			"kbit/s": {one: "Kilobit pro Sekunde", many: "Kilobit pro Sekunde", g: neut},
			"Mbit/s": {one: "Megabit pro Sekunde", many: "Megabit pro Sekunde", g: neut},
			"MBit/s": {one: "Megabit pro Sekunde", many: "Megabit pro Sekunde", g: neut},
			"Gbit/s": {one: "Gigabit pro Sekunde", many: "Gigabit pro Sekunde", g: neut},
			"GBit/s": {one: "Gigabit pro Sekunde", many: "Gigabit pro Sekunde", g: neut},
			"U/min":  {one: "Umdrehung pro Minute", many: "Umdrehungen pro Minute", g: fem},
		},
		compass: map[string]string{"N": "Nord", "S": "Süd", "O": "Ost", "W": "West"},
		recordingCues: setOf("video", "videos", "clip", "clips", "aufnahme", "aufnahmen", "aufzeichnung", "mitschnitt",
			"podcast", "folge", "song", "stream", "livestream", "film", "trailer", "sendung", "youtube", "tiktok", "szene"),
		months: months, monthNames: deMonthNames,
		date: func(n *Normalizer, d, m, y int, c dateCtx) string {
			prev := c.prev
			if w, ok := deBeforeWeekday(c.before); ok {
				prev = w // "am Montag, 3. März": am dritten
			}
			if k := strings.LastIndex(c.before, prev); k > 0 && prev != "" {
				prev, _ = coordinated(c.before, prev, prevWord(c.before, k)) // "dem 1. und 3. Mai"
			}
			s := deOrdinalIn(uint64(d), "", prev, deMonthNames[m]) + " " + deMonthNames[m]
			if y != 0 {
				s += " " + deYear(y)
			}
			return s
		},
		dayRange: func(n *Normalizer, d1, d2, m, y int, c dateCtx) string {
			prev := c.prev
			if w, ok := deBeforeWeekday(c.before); ok {
				prev = w
			}
			month := deMonthNames[m]
			to := pick(c.both, n.l.w.and, n.l.rangeTo(prev))
			s := deOrdinalIn(uint64(d1), "", prev, month) + " " + to + " " + deOrdinalIn(uint64(d2), "", prev, month) + " " + month
			if y != 0 {
				s += " " + deYear(y)
			}
			return s
		},
		dates: dateStyle{dotNoYear: true},
		clock: clockStyle{word: "Uhr", before: setOf("um", "gegen", "ab", "bis", "seit", "von"), hourAt: setOf("um", "gegen"),
			say: func(h, m int, _ string) string {
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
			hour:   unit{one: "Stunde", many: "Stunden", g: fem},
			minute: unit{one: "Minute", many: "Minuten", g: fem},
			second: unit{one: "Sekunde", many: "Sekunden", g: fem}},
		ordinals: ordinalStyle{dot: deOrdinalDot, dotSay: deOrdinalIn,
			// "Müller (5.)": Platz fünf, which fits a man, a woman and
			// a team alike, where "Fünfter" would not. After a weekday
			// or a month it is a date's day; after a noun that follows
			// its article it counts that noun ("der Bundestag (20.)",
			// "ein Absatz (3.)"): a name takes no article.
			place: func(v uint64, prev2, prev string) (string, bool) {
				p2 := strings.ToLower(prev2)
				if deWeekdays[prev] || slices.Contains(deMonthNames[:], prev) || deDeclinedOblique[p2] ||
					deDeclinedWeak[p2] || p2 == "ein" || p2 == "eine" || p2 == "kein" || p2 == "keine" || possessiveStem(p2) != "" {
					return "", false
				}
				return "Platz " + deCardinal(v), true
			}},
		fraction:    deFraction,
		ratingParts: deGenitiveDets,
		ratingDates: setOf("am", "vom", "zum", "bis", "ab", "seit", "ums", "gegen"),
		ratingStars: setOf("sterne", "sternen", "punkte", "punkten"),
		dayBefore:   setOf("am", "vom", "zum", "bis", "seit"),
		fractionOf:  deFractionOf,
		partOf:      dePartOf,
		fracNouns: nouns(plain, "Liter", "Liter", "Tasse", "Tassen", "Teelöffel", "Teelöffel", "Esslöffel", "Esslöffel",
			"Becher", "Becher", "Glas", "Gläser", "Prise", "Prisen", "Dose", "Dosen", "Packung", "Packungen",
			"Päckchen", "Päckchen", "Kilo", "Kilo", "Kilogramm", "Kilogramm", "Gramm", "Gramm", "Pfund", "Pfund",
			"Meter", "Meter", "Kilometer", "Kilometer", "Zentimeter", "Zentimeter", "Stunde", "Stunden",
			"Minute", "Minuten", "Tag", "Tage", "Woche", "Wochen", "Monat", "Monate", "Jahr", "Jahre",
			"Jahrhundert", "Jahrhunderte", "Million", "Millionen", "Milliarde", "Milliarden", "Dutzend", "Dutzend",
			"Flasche", "Flaschen", "Portion", "Portionen", "Scheibe", "Scheiben", "Stück", "Stück", "Zoll", "Zoll",
			"Meile", "Meilen", "Sekunde", "Sekunden"),
		abbrevs:  deAbbrevs,
		quarters: quarterStyle{letter: 'Q', say: deQuarter},
		between:  setOf("zwischen"),
		// Street names are compounds: "Hauptstr.", "Goethestr.", "Marktpl.".
		abbrevEnds: map[string]string{"str.": "straße", "pl.": "platz"},
		streetEnds: []string{"straße", "str.", "strasse", "weg", "gasse", "platz", "allee", "ring", "damm", "ufer",
			"chaussee", "promenade", "steig", "pfad", "markt", "graben", "kai"},
		roman: romanStyle{
			regnal: union(deRegnal, enRegnal),
			female: setOf("Elisabeth", "Elizabeth", "Maria", "Katharina", "Victoria", "Viktoria", "Margarethe",
				"Christina", "Isabella", "Anna", "Juliana", "Beatrix", "Wilhelmina", "Johanna", "Luise"),
			titles: setOf("König", "Königin", "Kaiser", "Kaiserin", "Papst", "Zar", "Zarin", "Herzog", "Prinz", "Fürst"),
			reign:  deReign,
			reignOf: func(v int, female bool) string {
				o := deOrdinal(uint64(v))
				return pick(female, "der ", "des ") + strings.ToUpper(o[:1]) + o[1:] + "n"
			},
			dotOrdinal: true,
			series:     setOf("Band", "Bd.", "Teil", "Kapitel", "Kap.", "Staffel", "Akt", "Episode"),
		},
		isYear: deIsYear,
		decades: decadeStyle{
			// "die 80er", "80er-Jahre", and the dative plural of the
			// noun: "in den 20ern" in den Zwanzigern.
			re:      regexp.MustCompile(`^(\d{2,4})()er(n|-\p{Lu}\p{L}+)?\b`),
			always:  true,
			anyYear: true,
			say: func(y int) string {
				if y >= 1900 && y < 2000 || y < 100 {
					return deCardinal(uint64(y%100)) + "er"
				}
				return deCardinal(uint64(y)) + "er"
			},
		},
		versionWords:  setOf("Version", "Release", "Update", "Python", "iOS", "Android", "Windows", "macOS"),
		postal:        postalStyle{before: setOf("PLZ", "D"), city: true},
		compoundNouns: true,
		// The emergency numbers and the doctors' on-call service.
		dialNumbers: setOf("110", "112", "115", "116116", "116117"),
		dialCues: setOf("notruf", "notrufnummer", "notrufnummern", "wählen", "wählte", "wählten", "wählt", "anrufen",
			"angerufen", "rief", "riefen", "ruft", "rufen", "telefon", "telefonisch", "hotline", "rufnummer",
			"erreichbar"),
		joinedSuffixes: []string{"jährig", "fach", "prozentig", "stündig", "tägig", "wöchig", "monatig", "minütig",
			"sekündig", "köpfig", "teilig", "stellig", "seitig", "malig", "stöckig", "sitzig", "spurig", "gängig",
			"zimmrig", "zeilig", "silbig", "eckig", "fältig"},
		nounsCapitalized: true,
		colonScores:      true,
		rate: rateStyle{per: "pro", perCount: "pro", nouns: map[string]unit{
			"Stunde": {one: "Stunde", many: "Stunden", g: fem}, "Std.": {one: "Stunde", many: "Stunden", g: fem},
			"Tag": deMeasure("Tag", "Tage"), "Woche": {one: "Woche", many: "Wochen", g: fem},
			"Monat": deMeasure("Monat", "Monate"), "Jahr": {one: "Jahr", many: "Jahre", g: neut},
			"Nacht": {one: "Nacht", many: "Nächte", g: fem}, "Person": {one: "Person", many: "Personen", g: fem},
			"Kopf": deMeasure("Kopf", "Köpfe"), "Stück": {one: "Stück", many: "Stück", g: neut},
			"Liter": deMeasure("Liter", "Liter"), "Tonne": {one: "Tonne", many: "Tonnen", g: fem},
			"Barrel": {one: "Barrel", many: "Barrel", g: neut}, "Aktie": {one: "Aktie", many: "Aktien", g: fem},
			"Min.": {one: "Minute", many: "Minuten", g: fem}, "Sek.": {one: "Sekunde", many: "Sekunden", g: fem},
		}},
		currencyNames: map[string]string{"ct": "ct", "Euro": "€", "Dollar": "$", "US-Dollar": "US$", "Franken": "CHF"},
		sentenceStarters: setOf("Der", "Die", "Das", "Den", "Dem", "Des", "Er", "Sie", "Es", "Ich", "Wir", "Ihr",
			"Man", "In", "Im", "Am", "Auf", "Mit", "Nach", "Bei", "Von", "Vom", "Zu", "Zum", "Zur", "Für", "Und",
			"Aber", "Doch", "Dann", "Danach", "Damit", "Dabei", "Deshalb", "Trotzdem", "So", "Auch", "Noch", "Nur",
			"Hier", "Dort", "Heute", "Gestern", "Morgen", "Jetzt", "Diese", "Dieser", "Dieses", "Ein", "Eine",
			"Einer", "Kein", "Keine", "Was", "Wer", "Wie", "Wo", "Warum", "Wann", "Als", "Wenn", "Ob", "Dass",
			"Weil", "Obwohl", "Während", "Seit", "Bis", "Vor", "Ab", "Um", "Zudem", "Außerdem", "Allerdings",
			"Insgesamt", "Laut", "Nun", "Da", "Denn", "Sein", "Seine", "Ihre", "Unser", "Unsere", "Alle", "Viele"),
	})
}

// deCur is a currency whose name does not change in the plural.
func deCur(name, minor string) currency {
	return currency{one: name, many: name, g: masc, minorOne: minor, minorMany: minor}
}

// deMeasure is a unit whose amount takes the masculine ("ein Kilometer").
func deMeasure(one, many string) unit { return unit{one: one, many: many, g: masc} }

// deIsYear: after a word that introduces a year, or before anything but a
// noun ("1990 kam die Wende"), four digits are a year; before a noun they
// count it ("1500 Menschen").
// deLabelNouns are nouns a number after names an item of a series by
// ("Artikel 5", "Seite 1150"): counted, never a year.
var deLabelNouns = setOf("artikel", "absatz", "paragraf", "paragraph", "satz", "kapitel", "abschnitt", "anhang",
	"anlage", "ziffer", "seite", "zeile", "nummer", "platz", "rang", "band", "teil", "folge", "staffel",
	"episode", "gleis", "bahnsteig", "zimmer", "raum", "saal", "halle", "stand", "tor", "terminal", "ausgang",
	"eingang", "stufe", "kategorie", "klasse", "liga", "runde", "spieltag", "etappe", "gruppe", "linie",
	"level", "block", "haus", "sektor", "zone", "punkt", "frage", "aufgabe", "tabelle", "abbildung", "spur",
	"position", "reihe", "gebäude", "version", "modell", "typ", "pool", "lager", "welle")

func deIsYear(text string, i, j int) bool {
	prev := prevWord(text, i)
	if deLabelNouns[strings.ToLower(prev)] || deLabelNouns[strings.ToLower(deAbbrevs[prev].number)] {
		// "S. 1234", "Seite 1150", "Nr. 1999": an item's number.
		return false
	}
	if deYearBefore[prev] || deNounGender(prev) == masc && isMonth(prev) {
		return true
	}
	v := atoi(text[i:j])
	next := nextWord(text, j)
	return v >= 1100 && v <= 2099 && (next == "" || !isCapitalized(next))
}

// German articles and prepositions before which a number with a full stop
// is an ordinal whatever follows ("am 3.", "die 2. Bundesliga").
var deOrdinalBefore = setOf("am", "im", "vom", "zum", "zur", "beim", "der", "die", "das", "dem", "den", "des",
	"ein", "eine", "einem", "einen", "einer", "eines", "dieser", "diese", "dieses", "diesem", "diesen",
	"jeder", "jede", "jedes", "jedem", "jeden", "kein", "keine", "keinem", "keinen", "keiner", "keines")

// dePossessives are the stems that decline like "ein".
var dePossessives = []string{"mein", "dein", "sein", "ihr", "unser", "euer"}

// deOrdinalDot decides whether "N." is an ordinal: after an article, a
// possessive or a contraction; before a month; before "und"/"bis" and
// another ordinal; before a capitalized word that does not start
// sentences (a noun: "80. Geburtstag"). Before a sentence's start or at
// the text's end it is a number ending a sentence ("Platz 3.").
func deOrdinalDot(l *language, num, prev, next, after string) bool {
	p := strings.ToLower(prev)
	if deOrdinalBefore[p] || possessiveStem(p) != "" {
		return true
	}
	if v := atoi(num); len(num) == 4 && v >= 1000 && v <= 2099 && (next == "" || !isCapitalized(next)) {
		// "20 % mehr als 1990.": a year at a sentence's end, not the
		// thousand-nine-hundred-and-ninetieth place.
		return false
	}
	if l.abbrevs[prev].number != "" {
		return false // "Nr. 5.", "S. 12.": the number an abbreviation counts
	}
	if deCopulas[p] && (next != "" && !isCapitalized(next) || next == "" && !deStateVerbs[p]) {
		// "Er wurde 2. hinter Müller": a place, Zweiter. At a sentence's
		// end only after a verb of becoming ("Die Zahl ist 2." counts).
		return true
	}
	switch {
	case next == "":
		return false
	case l.monthOf(next) > 0 || l.monthOf(next+".") > 0:
		return true
	case next == "und" || next == "bis" || next == "oder":
		rest := strings.TrimLeft(after, " ")[len(next):]
		return ordinalDotRe.MatchString(strings.TrimLeft(rest, " "))
	case !isCapitalized(next) || l.sentenceStarters[next]:
		return false
	}
	return true
}

var (
	// deCopulas are the verbs and the "als" after which a place is said
	// as a noun ("Er wurde 2.", "kam als 3. ins Ziel").
	deCopulas       = setOf("wurde", "wird", "wurden", "werden", "ist", "war", "sind", "waren", "bleibt", "blieb", "als")
	dePluralCopulas = setOf("wurden", "werden", "sind", "waren")
	deStateVerbs    = setOf("ist", "war", "sind", "waren", "bleibt", "blieb")
)

// possessiveStem is the possessive p declines from ("ihren" -> "ihr"), or "".
func possessiveStem(p string) string {
	for _, s := range dePossessives {
		if strings.HasPrefix(p, s) && len(p)-len(s) <= 2 {
			return s
		}
	}
	return ""
}

// deOrdinalIn says ordinal v before noun, declined by the word before it:
// "-en" after a dative or accusative article or a preposition ("am
// dritten", "ihren achtzigsten"), "-e" after a definite article ("der
// dritte"), and after "ein", a bare possessive or nothing, the ending of
// the noun's gender ("ihr achtzigster Geburtstag", "sein hundertstes
// Spiel", "fünfter Mai").
func deOrdinalIn(v uint64, prev2, prev, noun string) string {
	stem := strings.TrimSuffix(deOrdinal(v), "e")
	p := strings.ToLower(prev)
	if deCopulas[p] && (noun == "" || !isCapitalized(noun)) {
		// A place said as a noun after "wurde", "als": "Er wurde
		// Zweiter", "Sie wurde Zweite", "Sie wurden Dritte"; a subject
		// not named by a pronoun takes the masculine.
		end := "er"
		if s := strings.ToLower(prev2); s == "sie" || dePluralCopulas[p] {
			end = "e"
		} else if s == "es" {
			end = "es"
		}
		return strings.ToUpper(stem[:1]) + stem[1:] + end
	}
	strong := func() string {
		switch deNounGender(noun) {
		case fem:
			return "e"
		case neut:
			return "es"
		}
		return "er"
	}
	var end string
	switch {
	case deDeclinedOblique[p]:
		end = "en"
	case strings.HasSuffix(p, "er") && deDeclinedWeak[p] && dePrepositions[strings.ToLower(prev2)]:
		// "in der 12. Minute": after a preposition, "der" is dative.
		end = "en"
	case p == "der" && prev2 != "" && (isCapitalized(prev2) || isDigit(prev2[0])) && isWordByte(lastRune(prev2)) && !strings.HasSuffix(prev2, "."):
		// "die Folge 3 der 2. Staffel", "Ende der 2. Halbzeit": after a
		// noun, "der" is a genitive.
		end = "en"
	case deDeclinedWeak[p]:
		end = "e"
	case p == "ein" || p == "kein" || possessiveStem(p) == p && p != "":
		end = strong()
	case p == "eine" || p == "keine" || possessiveStem(p) != "" && strings.HasSuffix(p, "e"):
		end = "e"
	case possessiveStem(p) != "":
		end = "en" // "ihren", "seinem", "unserer"
	case deDative[p]:
		end = "en"
	default:
		end = strong()
	}
	return stem + end
}

var (
	deDeclinedOblique = setOf("am", "im", "vom", "zum", "zur", "beim", "dem", "den", "des", "einem", "einen",
		"einer", "eines", "diesem", "diesen", "jedem", "jeden", "keinem", "keinen", "keiner", "keines")
	deDeclinedWeak = setOf("der", "die", "das", "dieser", "diese", "dieses", "jener", "jene", "jenes",
		"jeder", "jede", "jedes", "welcher", "welche", "welches")
	// Prepositions after which a date's ordinal takes "-en" ("bis
	// fünften Mai").
	deDative = setOf("bis", "seit", "ab", "vor", "nach", "mit", "von", "zu", "bei", "aus", "für", "gegen", "ohne")
	// Prepositions after which "der" is dative or genitive, never the
	// masculine nominative: "in der 12. Minute", "während der 3. Runde".
	dePrepositions = setOf("in", "an", "auf", "aus", "bei", "mit", "nach", "seit", "von", "zu", "vor", "hinter",
		"neben", "über", "unter", "zwischen", "während", "wegen", "trotz", "außer", "gegenüber", "innerhalb",
		"außerhalb", "statt", "anstatt", "laut", "dank")
)

// deNounGender guesses a German noun's gender from its ending and a list
// of common neuter and feminine words (months and most nouns in -er, -en,
// -ling are masculine); a word that is not capitalized is not a noun.
func deNounGender(w string) gender {
	if w == "" || !isCapitalized(w) {
		return plain
	}
	lw := strings.ToLower(w)
	for _, e := range deGenderExceptions {
		if strings.HasSuffix(lw, e.end) {
			return e.g
		}
	}
	for _, s := range deNeuter {
		if strings.HasSuffix(lw, s) {
			return neut
		}
	}
	for _, s := range deFeminine {
		if strings.HasSuffix(lw, s) && (len(lw) > len(s) || !deSuffixes[s]) {
			return fem // "Bäckerei", but "Ei" is neuter
		}
	}
	for _, m := range deMonthNames[1:] {
		if w == m {
			return masc
		}
	}
	for _, s := range deMasculineE {
		if strings.HasSuffix(lw, s) {
			return masc
		}
	}
	if strings.HasSuffix(lw, "e") || strings.HasSuffix(lw, "a") {
		return fem
	}
	return masc
}

var (
	deNeuter = []string{"chen", "lein", "um", "ment", "tum", "nis", "jahr", "spiel", "tor", "mal", "kind", "rennen",
		"land", "haus", "hundert", "tausend", "album", "buch", "kapitel", "semester", "programm", "ziel",
		"finale", "turnier", "match", "projekt", "lied", "werk", "konzert", "gesetz", "paket", "treffen",
		"festival", "quartal", "wochenende", "stück", "mitglied", "amt", "team", "gebäude", "stockwerk",
		"geschoss", "auto", "kino", "ende", "auge", "haupt", "thema", "drama", "klima", "mädchen", "rad", "jahrzehnt",
		"prozent", "promille",
		// Measures said as neuters: "ein Kilo", "ein Kilogramm", "ein Pfund".
		"kilo", "gramm", "pfund", "dutzend", "paar",
		// Nouns with no ending that tells: the common neuters, and the
		// compounds they end.
		"wort", "bier", "baby", "geld", "bild", "dorf", "dach", "zimmer", "fenster", "zeichen", "problem", "system",
		"angebot", "verbot", "licht", "feuer", "wasser", "opfer", "ufer", "bett", "brot", "zeug", "schiff", "boot",
		"pferd", "tier", "schwein", "huhn", "bein", "knie", "ohr", "haar", "blut", "fleisch", "herz", "kleid",
		"foto", "video", "büro", "konto", "risiko", "radio", "hotel", "restaurant", "institut", "theater",
		"modell", "signal", "papier", "gold", "salz", "gas", "volk", "meer", "feld", "gebiet", "gericht",
		"geschäft", "gespräch", "gefühl", "geschenk", "gesicht", "gerät", "getränk", "gewicht", "interview",
		"handy", "netz", "ticket", "foul", "unentschieden", "remis", "wunder", "detail", "prinzip", "kabinett",
		"komitee", "urteil", "mandat", "stadion", "verfahren", "verbrechen", "unternehmen", "abkommen",
		"einkommen", "leben", "vorhaben", "wetter", "muster", "viertel", "drittel", "mittel", "rätsel",
		"objekt", "produkt", "konzept", "insekt", "kabel"}
	deFeminine = []string{"ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "enz", "anz", "ur", "frau",
		"stadt", "zeit", "nacht", "hand", "welt", "person", "liga", "woche", "stunde", "minute", "sekunde",
		"runde", "klasse", "million", "milliarde", "etappe", "auflage", "ausgabe", "staffel", "folge", "tonne",
		"tür", "uhr", "wand", "bank", "kraft", "macht", "wahl", "zahl", "angst", "kunst", "luft", "post", "fahrt",
		// A woman named by her role or her people: "Freundin", "Lehrerin".
		"erin", "istin", "entin", "antin", "ärztin", "login", "kollegin", "königin", "freundin", "gattin",
		"göttin", "beamtin", "fürstin", "chefin", "nachbarin", "französin", "russin", "türkin", "chinesin"}
	// deGenderExceptions are endings that would be read wrongly by the
	// lists after: "Baum", "Raum" are no neuters in -um, "Autor" and
	// "Direktor" no "Tor", "Antwort" no "Wort", "Erlaubnis" no "-nis".
	deGenderExceptions = []struct {
		end string
		g   gender
	}{{"aum", masc}, {"moment", masc}, {"zement", masc}, {"konsum", masc}, {"irrtum", masc}, {"reichtum", masc},
		{"ator", masc}, {"itor", masc}, {"ktor", masc}, {"stor", masc}, {"autor", masc}, {"motor", masc},
		{"rotor", masc}, {"tutor", masc}, {"mentor", masc}, {"kantor", masc}, {"architekt", masc}, {"dialekt", masc},
		{"effekt", masc}, {"aspekt", masc}, {"respekt", masc}, {"defekt", masc}, {"antwort", fem}, {"erlaubnis", fem},
		{"kenntnis", fem}, {"finsternis", fem}, {"wildnis", fem}, {"besorgnis", fem}, {"fäulnis", fem},
		{"urlaub", masc}, {"dachs", masc}, {"kaffee", masc}, {"schnee", masc},
		{"klee", masc}, {"idee", fem}, {"allee", fem}, {"armee", fem}, {"tournee", fem}, {"gelee", neut},
		{"komitee", neut}, {"tee", masc}}
	// deSuffixes are the feminine endings that are derivations, not
	// words: a noun that is only the ending is not feminine ("das Ei").
	deSuffixes   = setOf("ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ei", "enz", "anz", "ur")
	deMasculineE = []string{"name", "junge", "kunde", "löwe", "affe", "gedanke", "glaube", "wille", "friede", "buchstabe", "käse", "platz"}
)

// deFraction: "ein halb", "ein Drittel", "drei Viertel", "zweieinhalb",
// "fünfzehn Sechzehntel".
func deFraction(whole, num, den uint64) (string, bool) {
	var name string
	if den == 2 {
		name = pick(num == 1, "halb", "Halbe")
	} else {
		stem := strings.TrimSuffix(deOrdinal(den), "e")
		name = strings.ToUpper(stem[:1]) + stem[1:] + "el"
	}
	n := deCardinal(num)
	if num == 1 {
		n = "ein"
	}
	f := n + " " + name
	if whole == 0 {
		return f, true
	}
	w := deCardinal(whole)
	joined := strings.TrimSuffix(w, "eins") + pick(strings.HasSuffix(w, "eins"), "ein", "")
	switch {
	case den == 2 && num == 1:
		return joined + "einhalb", true // "zweieinhalb", "eineinhalb"
	case den == 4 && num != 2:
		// "eindreiviertel", "zweieinviertel": quarters join the whole
		// number as halves do.
		return joined + pick(num == 1, "einviertel", "dreiviertel"), true
	}
	return w + " und " + f, true
}

// dePartOf says a fraction before the whole it is a part of, a genitive
// or "von" ("1/2 der Stimmen", "1/3 von ihnen"), as the noun of the part,
// declined by the preposition before it: "die Hälfte der Stimmen", "mit
// der Hälfte der Stimmen", "ein Drittel der Befragten", "mit einem
// Drittel der Stimmen", "wegen eines Drittels der Kosten", "mit zwei
// Dritteln der Stimmen".
func dePartOf(num, den uint64, prev, next string) (string, bool) {
	if !deGenitiveDets[next] {
		return "", false
	}
	p := strings.ToLower(prev)
	dative := deDativePreps[p] || deDativePlaces[p]
	genitive := deGenitivePreps[p]
	if num == 1 && den == 2 {
		return pick(dative || genitive, "der Hälfte", "die Hälfte"), true
	}
	f, ok := deFraction(0, num, den)
	if !ok {
		return "", false
	}
	art, name, _ := strings.Cut(f, " ")
	switch {
	case num == 1 && dative:
		return "einem " + name, true
	case num == 1 && genitive:
		return "eines " + name + "s", true
	case dative:
		return art + " " + name + "n", true // "mit zwei Dritteln"
	}
	return f, true
}

var (
	// deGenitiveDets are the words that open the whole after a part:
	// articles and determiners in the genitive, and "von".
	deGenitiveDets = setOf("der", "des", "dieser", "dieses", "jener", "jenes", "aller", "meiner", "deiner",
		"seiner", "ihrer", "unserer", "eurer", "meines", "deines", "seines", "ihres", "unseres", "eures", "von", "vom")
	// deDativePlaces are the prepositions of place that take the dative
	// before a part of a whole: "in der Hälfte der Fälle", "unter der
	// Hälfte". "auf" and "über" are left to the accusative: "auf die
	// Hälfte gesunken", "über die Hälfte der Stimmen".
	deDativePlaces = setOf("in", "an", "unter", "zwischen", "neben", "hinter", "vor")
)

// deFractionOf says a half before a noun as Duden declines "halb", an
// adjective after the article "ein": "ein halber Liter", "eine halbe
// Tasse", "ein halbes Kilogramm", "mit einem halben Liter", "für einen
// halben Tag". Other parts are invariable adjectives (deFractionBefore:
// "drei viertel Tasse"); "2½ Stunden" is "zweieinhalb".
func deFractionOf(f fracNoun) (string, bool) {
	if f.whole == 0 && f.den == 4 && f.num == 1 && (f.one == "Stunde" || f.one == "Jahr") {
		return deQuarterOf(f)
	}
	if f.whole == 0 && f.den > 2 && f.num < f.den {
		return deFractionBefore(f), true
	}
	if f.whole != 0 || f.num != 1 || f.den != 2 {
		return "", false
	}
	g := deMeasureGender(f.one)
	switch p := strings.ToLower(f.prev); {
	case p == "ein" || p == "kein":
		return "halb" + pick(g == neut, "es", "er") + " " + f.one, true // "ein 1/2 Liter"
	case p == "der":
		return pick(g == fem, "halben ", "halbe ") + f.one, true // "in der 1/2 Stunde", "der 1/2 Liter"
	case p == "das" || p == "die" || strings.HasSuffix(p, "ine") || p == "diese":
		return "halbe " + f.one, true // "eine 1/2 Stunde"
	case deDeclinedOblique[p]:
		return "halben " + f.one, true // "einem 1/2 Liter", "den 1/2 Liter"
	}
	art, _ := deArticle(pick(g == fem, "eine", "ein"), f.before, f.one, "")
	if g != fem && deCaseBefore(f.before, f.one, "") == deGen {
		// The noun is said here, in the genitive the preposition asks:
		// "während eines halben Jahres".
		art = "eines"
	}
	switch p := strings.ToLower(f.prev); {
	case p == "auf" || p == "über":
		// An amount after "auf" and "über" is where it goes or what it
		// exceeds: "auf einen halben Liter einkochen", "über einen
		// halben Liter".
		art = pick(g == fem, "eine", "einen")
	case p == "unter" || p == "zwischen":
		art = pick(g == fem, "einer", "einem") // "unter einem halben Liter"
	}
	if g == neut && art == "einen" {
		art = "ein" // "für ein halbes Kilo"
	}
	var end string
	noun := f.one
	switch art {
	case "ein":
		end = pick(g == neut, "es", "er")
	case "eine":
		end = "e"
	case "eines":
		end, noun = "en", deGenitive(f.one) // "während eines halben Jahres"
	default: // einen, einem, einer
		end = "en"
	}
	return art + " halb" + end + " " + noun, true
}

// deFractionBefore says a fraction other than a half before the noun of
// measure it counts as Duden writes it, the part's name an invariable
// adjective in lower case ("drei viertel Liter", "ein achtel Liter",
// "drei viertel Stunde"): the noun is not "Viertel"'s genitive, so the
// name is not the noun "Viertel" ("drei Viertel der Stimmen" is). One
// part takes the article the case before asks for ("mit 1/8 Liter" mit
// einem achtel Liter), none after a written article ("eine 1/8 Tasse").
func deFractionBefore(f fracNoun) string {
	stem := strings.TrimSuffix(deOrdinal(f.den), "e")
	name := stem + "el"
	noun := f.one
	if f.written == f.many && f.many != "" {
		noun = f.many // "3/4 Stunden" as written
	}
	if f.num != 1 {
		return deCardinal(f.num) + " " + name + " " + noun
	}
	if p := strings.ToLower(f.prev); deArticleWords[p] || deDeclinedOblique[p] || deDeclinedWeak[p] {
		return name + " " + noun
	}
	g := deMeasureGender(f.one)
	art, _ := deArticle(pick(g == fem, "eine", "ein"), f.before, f.one, "")
	if g == neut && art == "einen" {
		art = "ein"
	}
	return art + " " + name + " " + noun
}

// deArticleWords are the articles and determiners after which a
// fraction before its noun takes no article of its own.
var deArticleWords = setOf("ein", "eine", "einer", "einem", "einen", "eines", "kein", "keine", "der", "die", "das",
	"den", "dem", "des", "jede", "jeder", "jedes")

// deGenitive is the genitive singular of a masculine or neuter noun:
// "-es" after a sibilant or on a word of one syllable ("Glases",
// "Jahres", "Tages"), else "-s" ("Liters", "Monats", "Kilogramms").
func deGenitive(w string) string {
	lw := strings.ToLower(w)
	if strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "ß") || strings.HasSuffix(lw, "x") || strings.HasSuffix(lw, "z") {
		return w + "es"
	}
	syllables, inVowel := 0, false
	for _, r := range lw {
		v := strings.ContainsRune("aeiouäöüy", r)
		if v && !inVowel {
			syllables++
		}
		inVowel = v
	}
	return w + pick(syllables == 1, "es", "s")
}

// deQuarterOf says a quarter of an hour or a year as the one noun German
// makes of it, after the article the case asks for: "nach 1/4 Stunde"
// nach einer Viertelstunde (was "ein Viertel Stunde", which agrees with
// nothing), "für 1/4 Jahr" für ein Vierteljahr. After a word that is
// itself the article ("eine 1/4 Stunde") none is added. Three quarters
// keep their count ("3/4 Stunde" drei viertel Stunde, deFractionBefore).
func deQuarterOf(f fracNoun) (string, bool) {
	noun := "Viertel" + strings.ToLower(f.one)
	p := strings.ToLower(f.prev)
	if p == "ein" || p == "eine" || p == "einer" || p == "einem" || p == "einen" || p == "eines" || p == "der" ||
		p == "die" || p == "das" || p == "den" || p == "dem" || p == "des" || deDeclinedOblique[p] {
		return noun, true
	}
	art, _ := deArticle(pick(f.one == "Stunde", "eine", "ein"), f.before, f.one, "")
	if art == "einen" {
		art = "ein" // "für ein Vierteljahr"
	}
	return art + " " + noun, true
}

// deMeasureGender is the gender of a noun of measure: Gramm, Kilo, Pfund
// and Glas are neuter; Liter and Meter masculine, as they are said.
func deMeasureGender(w string) gender {
	lw := strings.ToLower(w)
	for _, s := range []string{"gramm", "kilo", "pfund", "glas", "dutzend", "stück", "paar"} {
		if strings.HasSuffix(lw, s) {
			return neut
		}
	}
	return deNounGender(w)
}

// deAbbrevs: titles before a name, "Nr." before a number, "Str." after a
// name, and those read the same anywhere.
var deAbbrevs = map[string]abbrev{
	// "Eintritt 12 €, erm. 8 €": the reduced price; "zwischen km 12 und
	// km 15": a road's or a river's kilometre marker.
	"erm.": {number: "ermäßigt"}, "km": {number: "Kilometer"},
	"Mo.": {day: "Montag"}, "Di.": {day: "Dienstag"}, "Mi.": {day: "Mittwoch"}, "Do.": {day: "Donnerstag"},
	"Fr.": {name: "Frau", day: "Freitag"}, "Sa.": {day: "Samstag"}, "So.": {day: "Sonntag"},
	"Dr.": {name: "Doktor"}, "Prof.": {name: "Professor"}, "St.": {name: "Sankt"},
	"Nr.": {number: "Nummer"}, "Str.": {after: "Straße"},
	"z.B.": {always: "zum Beispiel"}, "bzw.": {always: "beziehungsweise"}, "usw.": {always: "und so weiter"},
	"ca.": {always: "circa"}, "u.": {always: "und"}, "zw.": {always: "zwischen"}, "Vj.": {always: "Vorjahr"}, "u.a.": {always: "unter anderem"}, "d.h.": {always: "das heißt"},
	"v.a.": {always: "vor allem"}, "evtl.": {always: "eventuell"}, "ggf.": {always: "gegebenenfalls"},
	"vgl.": {always: "vergleiche"}, "Mio.": {always: "Millionen"}, "Mrd.": {always: "Milliarden"},
	"inkl.": {always: "inklusive"}, "zzgl.": {always: "zuzüglich"}, "bspw.": {always: "beispielsweise"},
	"sog.": {always: "sogenannte"}, "S.": {number: "Seite"}, "Abs.": {number: "Absatz"},
	"Art.": {number: "Artikel"}, "Tel.": {number: "Telefon"}, "rd.": {number: "rund"},
	"etc.": {always: "et cetera"}, "s.": {always: "siehe"}, "s. o.": {always: "siehe oben"},
	"s. u.": {always: "siehe unten"}, "Jh.": {always: "Jahrhundert"}, "Jhd.": {always: "Jahrhundert"},
	"Kap.": {number: "Kapitel"}, "Bd.": {number: "Band"}, "Abb.": {number: "Abbildung"}, "Tab.": {number: "Tabelle"},
	"Ziff.": {number: "Ziffer"}, "Bsp.": {always: "Beispiel"}, "z. T.": {always: "zum Teil"}, "z.T.": {always: "zum Teil"},
	"u. U.": {always: "unter Umständen"}, "u.U.": {always: "unter Umständen"}, "o. Ä.": {always: "oder Ähnliches"},
	"o.Ä.": {always: "oder Ähnliches"}, "i. d. R.": {always: "in der Regel"}, "i.d.R.": {always: "in der Regel"},
	"Hbf.": {always: "Hauptbahnhof"}, "Bhf.": {always: "Bahnhof"},
	// "4,5 % p. a.": per year; "BGBl. I S. 1234": the federal law
	// gazette.
	"p. a.": {always: "pro Jahr"}, "p.a.": {always: "pro Jahr"}, "BGBl.": {always: "Bundesgesetzblatt"},
	// Common abbreviations of news and notices (Duden's list), read
	// anywhere: "v. Chr.", "mind.", "zzt.", "a. D.", "MwSt.".
	"v. Chr.": {always: "vor Christus"}, "v.Chr.": {always: "vor Christus"},
	"n. Chr.": {always: "nach Christus"}, "n.Chr.": {always: "nach Christus"},
	"geb.": {name: "geborene", always: "geboren"}, "gest.": {always: "gestorben"},
	"mind.": {always: "mindestens"}, "max.": {always: "maximal"}, "insb.": {always: "insbesondere"},
	"insbes.": {always: "insbesondere"}, "zzt.": {always: "zurzeit"}, "z. Zt.": {always: "zurzeit"},
	"z.Zt.": {always: "zurzeit"}, "bzgl.": {always: "bezüglich"}, "lt.": {always: "laut"},
	"gem.": {always: "gemäß"}, "ggü.": {always: "gegenüber"}, "zus.": {always: "zusammen"},
	"allg.": {always: "allgemein"}, "bes.": {always: "besonders"},
	"a. D.": {always: "außer Dienst"}, "a.D.": {always: "außer Dienst"}, "i. A.": {always: "im Auftrag"},
	"i.A.": {always: "im Auftrag"}, "m. E.": {always: "meines Erachtens"}, "m.E.": {always: "meines Erachtens"},
	"u. Ä.": {always: "und Ähnliches"}, "u.Ä.": {always: "und Ähnliches"}, "o. g.": {always: "oben genannte"},
	"o.g.": {always: "oben genannte"}, "u. v. m.": {always: "und vieles mehr"}, "u.v.m.": {always: "und vieles mehr"},
	"z. Hd.": {always: "zu Händen"}, "z.Hd.": {always: "zu Händen"},
	"Hrsg.": {always: "Herausgeber"}, "hrsg.": {always: "herausgegeben"}, "Aufl.": {always: "Auflage"},
	"Abt.": {always: "Abteilung"}, "Jg.": {always: "Jahrgang"}, "Fa.": {always: "Firma"},
	"Gebr.": {always: "Gebrüder"}, "Stk.": {always: "Stück"}, "Dipl.-Ing.": {always: "Diplomingenieur"},
	"MwSt.": {always: "Mehrwertsteuer"}, "Mwst.": {always: "Mehrwertsteuer"},
	// The pages or paragraphs after a number: "S. 12 f.", "§§ 823 ff.".
	"f.": {counted: "folgende"}, "ff.": {counted: "folgende"},
	// A match's minute after its ordinal: "in der 78. Min.".
	"Min.": {ordinal: "Minute"},
	// The rivers and regions of towns' names: "Frankfurt a. M.", "Freiburg
	// i. Br.".
	"a. M.": {always: "am Main"}, "a.M.": {always: "am Main"}, "i. Br.": {always: "im Breisgau"}, "i.Br.": {always: "im Breisgau"},
	"Einw.": {counted: "Einwohner"}, // "rund 12.000 Einw."
	// A height above the sea: "3.000 m ü. NN", "ü. d. M.", Swiss "ü. M.".
	"ü. NN": {always: "über Normalnull"}, "ü.NN": {always: "über Normalnull"},
	"ü. d. M.": {always: "über dem Meeresspiegel"}, "ü.d.M.": {always: "über dem Meeresspiegel"},
	"ü. M.": {always: "über Meer"}, "ü.M.": {always: "über Meer"},
	// After a score: "3:1 n. V.", "4:3 i. E.".
	"n. V.": {after: "nach Verlängerung"}, "n.V.": {after: "nach Verlängerung"},
	"i. E.": {after: "im Elfmeterschießen"}, "i.E.": {after: "im Elfmeterschießen"},
	"n. E.": {after: "nach Elfmeterschießen"}, "n.E.": {after: "nach Elfmeterschießen"},
}

var deRegnal = setOf("Ludwig", "Friedrich", "Wilhelm", "Karl", "Heinrich", "Otto", "Maximilian", "Leopold",
	"Franz", "Joseph", "Benedikt", "Johannes", "Paul", "Pius", "Elisabeth", "Georg", "Rudolf", "August")

// deReign says a ruler's number as the ordinal used as a noun after the
// definite article, declined in the case the words before the name give
// it: "Ludwig der Vierzehnte kam", "unter Friedrich dem Zweiten", "gegen
// Wilhelm den Zweiten", "mit Elisabeth der Zweiten"; "die Krönung
// Elisabeths der Zweiten" is not reached (the name in the genitive is no
// regnal name), so a genitive's preposition before a name without its
// -s is a conjunction ("Während Karl V. regierte": der Fünfte). "unter"
// a ruler is his reign's time, the dative.
func deReign(v int, female bool, before string) string {
	o := deOrdinal(uint64(v))
	o = strings.ToUpper(o[:1]) + o[1:]
	c := deCaseBefore(before, "", "")
	switch p := strings.ToLower(prevWord(before, len(before))); {
	case p == "unter" || p == "vor" || p == "hinter" || p == "neben" || p == "zwischen":
		c = deDat // "vor Ludwig XIV.": before his time, or in front of him
	case p == "auf" || p == "über":
		c = deAcc // "folgte auf Benedikt XVI.", "ein Buch über Ludwig XIV."
	case p == "an":
		c = deCaseOfAn(strings.TrimSuffix(strings.TrimRightFunc(before, unicode.IsSpace), prevWord(before, len(before))))
	}
	switch {
	case c == deNom || c == deGen:
		return pick(female, "die ", "der ") + o
	case c == deAcc && female:
		return "die " + o
	case c == deAcc:
		return "den " + o + "n"
	case c == deDat && !female:
		return "dem " + o + "n"
	}
	return "der " + o + "n"
}

// deCaseOfAn is the case "an" gives a person after before, the text
// before it: the dative after the words that take "an" with it ("Kritik
// an", "Mord an", "Interesse an", "litt an"), else the accusative, which
// "an" takes before a person wherever something goes to them ("ein
// Brief an", "erinnert an", "fiel an", "wandte sich an").
func deCaseOfAn(before string) deCase {
	w := strings.ToLower(prevWord(before, len(before)))
	for _, s := range deDativeBeforeAn {
		if strings.HasSuffix(w, s) {
			return deDat
		}
	}
	return deAcc
}

// deDativeBeforeAn are the ends of the nouns and the verbs that take a
// person after "an" in the dative: criticism, doubt, interest, a crime,
// a share.
var deDativeBeforeAn = []string{"kritik", "zweifel", "interesse", "anteil", "mord", "morde", "attentat", "verbrechen",
	"gefallen", "schuld", "mangel", "beteiligung", "teilnahme", "rache", "verrat", "litt", "leidet", "leiden",
	"starb", "stirbt", "sterben", "zweifelt", "zweifelte", "zweifeln", "rächte", "rächt", "rächen", "hängt", "hing",
	"liegt", "lag", "arbeitet", "arbeitete", "festhalten", "hält", "hielt", "kritisierte"}

// isMonth reports whether w is a German month's name ("Oktober 2020").
func isMonth(w string) bool {
	for _, m := range deMonthNames[1:] {
		if w == m {
			return true
		}
	}
	return false
}

// deArticle declines "ein"/"eine", what the number one says before a
// noun, by the case the words before it govern (deCaseBefore): "mit
// einem Hund", "seit einer Woche", "für einen Tag", "er nimmt einen
// Apfel", "während eines Jahres" (only the article is said: the noun is
// the writer's). Where the case cannot be told it is left as the
// nominative.
func deArticle(say, before, next, after string) (string, bool) {
	if say != "ein" && say != "eine" {
		return say, false
	}
	g := deNounGender(next)
	if g == plain {
		return say, false
	}
	c := deCaseBefore(before, next, after)
	if c == deNom && g == masc && deObliqueMasculine(next) {
		// "und 1 Toten", "fanden 1 Verletzten": after "ein" the -en of
		// such a noun is the accusative's or the dative's, and a clause
		// without a preposition before takes the accusative: "einen
		// Toten" (the nominative is "ein Toter").
		c = deAcc
	}
	switch c {
	case deDat:
		return pick(g == fem, "einer", "einem"), false
	case deAcc:
		if g == masc {
			return "einen", false
		}
		return pick(g == fem, "eine", "ein"), false
	case deGen:
		if g != fem && !deGenitiveForm(next) {
			// "trotz 1 Fehler", "statt 1 Auto": a masculine or a
			// neuter without the genitive's -s is in the dative, as
			// "wegen" and "trotz" take it in speech: "trotz einem
			// Fehler" ("eines Fehler" agrees with nothing).
			return "einem", false
		}
		return pick(g == fem, "einer", "eines"), false
	}
	return say, false
}

// deGenitiveForm reports whether w, a masculine or neuter noun, may be
// in the genitive of the singular: the strong nouns end in -s ("Fehlers",
// "Jahres", "Autos"), the weak ones in -en or -n ("Patienten",
// "Kollegen"). A noun without either ("Fehler", "Auto", "Tor") is in
// another case.
func deGenitiveForm(w string) bool {
	lw := strings.ToLower(w)
	return strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "ß") || strings.HasSuffix(lw, "n") || deObliqueMasculine(w)
}

// deCase is a German grammatical case.
type deCase uint8

const (
	deNom deCase = iota // or unknown
	deAcc
	deDat
	deGen
)

// deCaseBefore is the case of a noun phrase after the text before: the
// dative after "mit", "von", "nach", "seit"… and after "in" and "vor"
// before a span of time ("vor einem Jahr", "in einer Stunde"), the
// accusative after "für", "durch", "gegen", "ohne", "um", the genitive
// after "während", "wegen", "trotz"…, and the accusative as the object of
// a verb that takes one ("er nimmt", "es gibt", "kostet", "dauert";
// "nimmt man", "kostet nur"): the verb right before, or before a pronoun
// or an adverb of quantity. Where the verb that governs the noun ends
// the clause (a modal's infinitive, a participle, a separable verb's
// particle, a conjunction's clause) the clause's end in after decides
// (deClosingCase, deSubordinateCase). Elsewhere it is unknown (deNom).
func deCaseBefore(before, next, after string) deCase {
	prev, _ := lastWords(before)
	p := strings.ToLower(prev)
	switch {
	case deDativePreps[p] || (p == "in" || p == "vor") && deTimeNouns[next]:
		return deDat
	case deAccusativePreps[p]:
		return deAcc
	case deGenitivePreps[p]:
		return deGen
	case p == "auf" && deChangeBefore(strings.TrimSuffix(strings.TrimRightFunc(before, unicode.IsSpace), prev)):
		// "stieg von 1,59 € auf 1,89 €": the amount a change arrives at.
		return deAcc
	case deTwoWayPreps[p] && deBeingBefore(lastWords(strings.TrimSuffix(strings.TrimRightFunc(before, unicode.IsSpace), prev))):
		// "Sie wohnt in 1 Haus", "sitzt auf 1 Stuhl": where, the dative.
		return deDat
	}
	if deSpanNoun(next) && deMeasuredSpan(before, after) {
		return deAcc // "Es kann 1 Monat dauern", "Die Reparatur wird 1 Tag dauern"
	}
	s := before
	subject := false // a pronoun that can only be the subject stands between the verb and the noun
	for k := range 4 {
		w := prevWord(s, len(s))
		if w == "" || strings.TrimRightFunc(s, unicode.IsSpace) != s[:strings.LastIndex(s, w)+len(w)] {
			return deNom // punctuation between
		}
		lw := strings.ToLower(w)
		rest := s[:strings.LastIndex(s, w)]
		if deAccusativeVerbs[lw] {
			if c, ok := deClosingCase(lw, after); ok && deHabenForms[lw] && (subject || deSubjectFirst(rest)) && !deSpanNoun(next) {
				return c // "Er hat 1 Nachbarn geholfen": the participle's dative
			}
			if k == 0 && !deGebenForms[lw] && deAdverbFirst(rest) {
				// "Gestern hat 1 Mann angerufen", "Dann gewann 1
				// Läufer": an adverb holds the clause's first place, so
				// the noun right after the verb is its subject.
				return deNom
			}
			if deObjectQuestion(rest) && !deGebenForms[lw] {
				// "Was kostet 1 Liter?", "Wie viel wiegt 1 Ei?": the
				// question word is the object, the noun after the verb
				// its subject.
				return deNom
			}
			return deAcc
		}
		switch {
		case deNominativePronouns[w]:
			subject = true
		case subject && deSubordinators[lw]:
			// "weil er 1 Tag warten musste": the verbs end the clause.
			c, ok := deSubordinateCase(after)
			if ok && c != deAcc && deSpanNoun(next) {
				return deAcc
			}
			return c
		case deSubjectPronouns[w] || deQuantityAdverbs[lw] || deObjectPronouns[lw]:
		case deFiniteVerb(w) && (subject || deSubjectFirst(rest)):
			// "Er traf 1 Mann", "Dann traf er 1 Mann", "Sie kaufte
			// sich 1 Hund": the subject is the pronoun, so the noun
			// after the verb is its object, or a span's accusative
			// ("Er kam 1 Tag später"). The case is the verb's.
			c, ok := deClosingCase(lw, after)
			if !ok {
				c = deVerbCase(lw)
			}
			if deSpanNoun(next) && c == deDat {
				return deAcc // "Er half 1 Tag lang": a span, no object
			}
			if c != deNom || !deTimeNouns[next] || deModals[lw] && !ok {
				return c
			}
			// "Er blieb 1 Monat", "Sie ist 1 Tag alt": a span after a
			// verb of being is its measure, in the accusative.
			return deAcc
		default:
			return deNom
		}
		s = rest
	}
	return deNom
}

// deMeasuredSpan reports whether a span after before is the measure of
// a verb of lasting that ends its clause (after, the text after the
// number): "Es kann 1 Monat dauern", "Das könnte 1 Tag dauern", "weil es
// 1 Monat gedauert hat". Such a verb's subject is what lasts, never the
// span after it, so the span is its accusative whatever holds the
// subject's place ("es" included, which elsewhere may stand for a
// subject after the verb: "Es kann 1 Arzt kommen"). The word before the
// number must be a verb or a pronoun, so a span that opens its clause
// ("1 Tag dauert 24 Stunden") stays the subject.
func deMeasuredSpan(before, after string) bool {
	last, prev, _ := deClauseEnd(after)
	if !deLastingVerbs[last] && !deLastingVerbs[prev] {
		return false
	}
	s := strings.TrimRightFunc(before, unicode.IsSpace)
	w := prevWord(s, len(s))
	if w == "" || !strings.HasSuffix(s, w) {
		return false
	}
	lw := strings.ToLower(w)
	if deQuantityAdverbs[lw] {
		// "Es kann noch 1 Monat dauern": the adverb stands between.
		s = strings.TrimRightFunc(strings.TrimSuffix(s, w), unicode.IsSpace)
		if w = prevWord(s, len(s)); w == "" || !strings.HasSuffix(s, w) {
			return false
		}
		lw = strings.ToLower(w)
	}
	return deSubjectPronouns[w] || deSubjectPronouns[lw] || deFiniteVerb(lw) && !deSubordinators[lw]
}

// deLastingVerbs are the forms of the verbs of lasting, which take a
// span as their measure.
var deLastingVerbs = setOf("dauern", "dauert", "dauerte", "dauerten", "gedauert", "andauern", "andauert",
	"andauerte", "angedauert", "währen", "währt", "währte", "währten")

// deGebenForms are the finite forms of "geben", whose "es gibt" has no
// subject after it.
var deGebenForms = setOf("gibt", "geben", "gab", "gaben", "gebe", "gib", "gebt")

// deObjectQuestion reports whether before, the text before a verb that
// takes an object in the accusative, ends in a question word that opens
// its clause and asks for that object: "was", "wen", "wie viel", "wie
// viele" ("Was kostet …", "Wie viel verdient …"). The noun after the verb
// is then the subject, in the nominative. "es gibt" takes no subject but
// "es": "Was gibt 1 Anlass …" asks for the subject.
func deObjectQuestion(before string) bool {
	s := strings.TrimRightFunc(before, unicode.IsSpace)
	w := prevWord(s, len(s))
	if w == "" || !strings.HasSuffix(s, w) {
		return false
	}
	lw := strings.ToLower(w)
	s = strings.TrimRightFunc(strings.TrimSuffix(s, w), unicode.IsSpace)
	switch lw {
	case "viel", "viele":
		w2 := prevWord(s, len(s))
		if !strings.EqualFold(w2, "wie") || !strings.HasSuffix(s, w2) {
			return false
		}
		s = strings.TrimRightFunc(strings.TrimSuffix(s, w2), unicode.IsSpace)
	case "was", "wen", "wieviel", "wieviele":
	default:
		return false
	}
	return s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:;,\n\"„“»«(")
}

// deSubjectFirst reports whether before, the text before a finite verb,
// ends in a pronoun that can only be the subject and starts its clause
// ("Er traf", "und sie half", ", wir kauften"): the verb is then the
// clause's second part, as a German main clause has it, and what follows
// it is no subject.
func deSubjectFirst(before string) bool {
	s := strings.TrimRightFunc(before, unicode.IsSpace)
	w := prevWord(s, len(s))
	if w == "" || !strings.HasSuffix(s, w) || !deNominativePronouns[w] {
		return false
	}
	s = strings.TrimRightFunc(strings.TrimSuffix(s, w), unicode.IsSpace)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:;,\n\"„“»«") {
		return true
	}
	return deMainClauseConjunctions[strings.ToLower(prevWord(s, len(s)))] && strings.HasSuffix(strings.ToLower(s), strings.ToLower(prevWord(s, len(s))))
}

// deFiniteVerb reports whether w, a word before "1" and its noun with a
// subject pronoun next to it, can be the clause's finite verb: a word in
// lower case that is none of the words that stand there in a clause of
// another shape (a conjunction, an article, a preposition: "dass er 1",
// "und 1", "als 1").
func deFiniteVerb(w string) bool {
	if len(w) < 2 || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLower(r) }) >= 0 {
		return false
	}
	return !deNotVerbs[w] && !deDativePreps[w] && !deAccusativePreps[w] && !deGenitivePreps[w] && !deTwoWayPreps[w] &&
		!deQuantityAdverbs[w]
}

// deVerbCase is the case of the noun after a finite verb whose subject
// is a pronoun: the nominative after a verb of being ("Er ist 1 Freund",
// "wurde", "bleibt"), the dative after a verb that takes its object in it
// ("Er half 1 Frau", "folgte", "dankte"), unknown (deNom) after "werden"
// and the modal verbs, whose infinitive at the clause's end decides ("Er
// will 1 Freund helfen"), and the accusative after any other.
func deVerbCase(verb string) deCase {
	switch {
	case deBeingVerbForms[verb] || deModals[verb]:
		return deNom
	case deDativeVerb(verb):
		return deDat
	}
	return deAcc
}

// deDativeVerb reports whether verb is a finite form of a verb that takes
// its object in the dative ("helfen", "folgen", "danken").
func deDativeVerb(verb string) bool {
	if deDativeVerbForms[verb] {
		return true
	}
	// The regular verbs: stem and ending ("dankte", "folgten", "antwortet").
	for _, stem := range deDativeVerbStems {
		if rest, ok := strings.CutPrefix(verb, stem); ok && deWeakEndings[rest] {
			return true
		}
	}
	return false
}

var (
	// deNominativePronouns can only be a clause's subject ("sie" too, as
	// the first word of a clause or after its verb); "es" is left out, as
	// it also holds the subject's place for a noun after the verb ("Es
	// kam 1 Brief").
	deNominativePronouns = setOf("er", "Er", "sie", "Sie", "ich", "Ich", "wir", "Wir", "du", "Du", "man", "Man")
	// deObjectPronouns stand between a verb and its accusative object
	// after the subject ("Er kaufte sich 1 Hund", "Sie schenkte ihm 1 Buch").
	deObjectPronouns = setOf("sich", "mir", "dir", "ihm", "ihr", "uns", "euch", "ihnen")
	// deMainClauseConjunctions join main clauses, whose verb comes second.
	deMainClauseConjunctions = setOf("und", "oder", "aber", "denn", "doch", "sondern")
	// deNotVerbs are the words in lower case that come before a subject
	// pronoun or before "1" in a clause whose verb is not there:
	// conjunctions, articles, relative and question words.
	deNotVerbs = setOf("und", "oder", "aber", "denn", "doch", "sondern", "sowie", "als", "wie", "dass", "daß", "ob",
		"weil", "da", "wenn", "falls", "obwohl", "obgleich", "nachdem", "bevor", "ehe", "seitdem", "sobald",
		"solange", "sodass", "damit", "indem", "wo", "wohin", "woher", "warum", "weshalb", "wieso", "was", "wer",
		"wen", "wem", "wessen", "der", "die", "das", "dem", "den", "des", "denen", "dessen", "deren", "welcher",
		"welche", "welches", "welchem", "welchen", "ein", "eine", "einer", "eines", "einem", "einen", "kein",
		"keine", "keinen", "keinem", "auch", "nicht", "selbst", "allein", "alle", "beide", "je", "bzw", "zwar",
		"sogar", "nun", "so", "dann", "jetzt", "heute", "gestern", "morgen", "hier", "dort", "nie", "immer",
		"oft", "mal", "einmal", "wieder", "ja", "nein", "sehr", "zu", "um", "statt", "ohne", "pro", "je")
	// deBeingVerbForms are the forms of the verbs of being and becoming, whose
	// noun is in the nominative ("Er ist 1 Freund"); "werden" is also the
	// future's and the passive's.
	deBeingVerbForms = setOf("ist", "sind", "bin", "bist", "seid", "war", "waren", "warst", "wart", "wäre", "wären", "sei",
		"seien", "wird", "werden", "wirst", "werdet", "werde", "wurde", "wurden", "wurdest", "würde", "würden",
		"ward", "bleibt", "bleiben", "bleibe", "blieb", "blieben", "heißt", "heißen", "hieß", "hießen", "scheint",
		"schien", "gilt", "galt")
	// deModals are the forms of the modal verbs.
	deModals = setOf("kann", "kannst", "können", "könnt", "konnte", "konnten", "könnte", "könnten", "will", "willst",
		"wollen", "wollt", "wollte", "wollten", "muss", "musst", "müssen", "müsst", "musste", "mussten", "müsste",
		"müssten", "soll", "sollst", "sollen", "sollt", "sollte", "sollten", "darf", "darfst", "dürfen", "dürft",
		"durfte", "durften", "dürfte", "dürften", "mag", "magst", "mögen", "mochte", "mochten", "möchte",
		"möchten", "möchtest", "lässt", "ließ", "ließen", "lassen")
	// deDativeVerbStems are the stems of the regular verbs that take
	// their object in the dative, and deDativeVerbForms the forms of the
	// irregular ones.
	deDativeVerbStems = []string{"dank", "folg", "antwort", "begegn", "gratulier", "vertrau", "misstrau", "gehör",
		"schad", "droh", "dien", "ähnel", "ähnl", "gleich", "nütz", "schmeichel", "gehorch", "applaudier",
		"kondolier", "zuhör", "zustimm", "widersteh", "assistier", "ausweich", "zuschau", "zujubel", "zuwink",
		"zuprost", "nacheifer"}
	deWeakEndings     = setOf("e", "t", "et", "st", "est", "en", "te", "ten", "ete", "eten", "test", "etest")
	deDativeVerbForms = setOf("hilft", "hilfst", "helfe", "helfen", "helft", "half", "halfen", "halfst", "widerspricht",
		"widersprach", "widersprachen", "widersprechen", "gefällt", "gefiel", "gefielen", "gefallen", "fehlt",
		"fehlte", "fehlten", "entkam", "entkommt", "entging", "entgeht", "erlag", "erliegt", "verzieh", "verzeiht",
		"glich", "glichen", "widerstand", "widerstanden", "beistand", "gleicht",
		// Separable verbs, their particle before the stem as the clause's
		// end gives it back (deClosingCase): "Sie tritt 1 Verein bei".
		"beitritt", "beitrat", "beitraten", "beitreten", "beisteht", "beistehen", "zusieht", "zusah",
		"zusahen", "zusehen", "nachgeht", "nachging", "nachgingen", "nachgehen", "entgegenkommt", "entgegenkam",
		"entgegenkommen", "zuvorkommt", "zuvorkam", "zuvorkommen", "nachläuft", "nachlief", "nachlaufen", "auswich",
		"auswichen")
)

var (
	// deAccusativeVerbs are finite forms of the verbs that take an amount
	// as their object, in the accusative: "er nimmt einen halben Liter",
	// "das kostet einen Euro", "es gibt einen Grund", "es dauerte einen
	// Monat".
	deAccusativeVerbs = setOf(
		"nimmt", "nehmen", "nahm", "nahmen", "nehme", "nimm", "nehmt",
		"gibt", "geben", "gab", "gaben", "gebe", "gib", "gebt",
		"hat", "haben", "hatte", "hatten", "habe", "hast", "habt",
		"braucht", "brauchen", "brauchte", "brauchten", "brauche",
		"benötigt", "benötigen", "benötigte", "benötigten",
		"kauft", "kaufen", "kaufte", "kauften", "kaufe",
		"trinkt", "trinken", "trank", "tranken", "trinke",
		"isst", "essen", "aß", "aßen", "esse",
		"kostet", "kosten", "kostete", "kosteten",
		"wiegt", "wiegen", "wog", "wogen",
		"enthält", "enthalten", "enthielt", "enthielten",
		"bekommt", "bekommen", "bekam", "bekamen", "bekomme",
		"erhält", "erhalten", "erhielt", "erhielten",
		"verliert", "verlieren", "verlor", "verloren",
		"gewinnt", "gewinnen", "gewann", "gewannen",
		"zahlt", "zahlen", "zahlte", "zahlten", "bezahlt", "bezahlen", "bezahlte", "bezahlten",
		"verkauft", "verkaufen", "verkaufte", "verkauften",
		"verbraucht", "verbrauchen", "verbrauchte", "verbrauchten",
		"spart", "sparen", "sparte", "sparten",
		"dauert", "dauern", "dauerte", "dauerten",
		"sucht", "suchen", "suchte", "suchten",
		"erzielt", "erzielen", "erzielte", "erzielten",
		"fügt", "fügen", "gießt", "gießen", "goss", "gossen")
	deSubjectPronouns = setOf("man", "er", "sie", "es", "wir", "ihr", "ich", "du", "Sie")
	deQuantityAdverbs = setOf("nur", "noch", "etwa", "rund", "circa", "ca.", "mindestens", "höchstens", "knapp",
		"fast", "genau", "bloß", "lediglich", "insgesamt", "täglich", "jeweils", "zusätzlich", "gerade", "schon",
		"bereits", "immerhin", "ungefähr", "erst", "kaum")
)

// deChangeBefore reports whether the clause that ends in before speaks of
// a change of amount ("stieg", "von … auf"): "auf" then says where it
// arrives, and takes the accusative ("auf einen Euro").
func deChangeBefore(before string) bool {
	for _, w := range slices.Backward(strings.Fields(strings.ToLower(before))) {
		if w == "von" || deChangeVerbs[strings.TrimRight(w, ",;:.!?")] {
			return true
		}
		if strings.ContainsAny(w[len(w)-1:], ",;:.!?") {
			return false // the clause starts after it ("1,59" is a number)
		}
	}
	return false
}

// deChangeVerbs are forms of the verbs of a change of amount, and of
// going up or down to a height ("tauchte auf 30 m Tiefe").
var deChangeVerbs = setOf("steigen", "aufsteigen", "aufgestiegen", "flog", "fliegt", "fliegen", "geflogen", "tauchte",
	"taucht", "tauchen", "getaucht", "klettern", "sackte", "sackt", "abgesackt", "stürzte", "stürzt", "gestürzt",
	"gebracht", "brachte", "bringt", "gehoben", "verlängert", "verlängerte", "verkürzt", "verkürzte", "ausgebaut",
	"vertieft", "vertiefte", "gebohrt", "bohrte",
	"stieg", "stiegen", "steigt", "steigen", "gestiegen", "sank", "sanken", "sinkt", "sinken",
	"gesunken", "fiel", "fielen", "fällt", "fallen", "gefallen", "kletterte", "kletterten", "klettert", "geklettert",
	"wuchs", "wuchsen", "wächst", "gewachsen", "erhöht", "erhöhte", "erhöhten", "erhöhen", "senkt", "senkte",
	"senkten", "senken", "gesenkt", "angehoben", "hob", "hebt", "reduziert", "reduzierte", "verdoppelt",
	"verdoppelte", "halbiert", "halbierte", "setzt", "setzte", "gesetzt", "legt", "legte", "festgelegt")

var (
	// "laut", "dank" and "gemäß" take the dative before a noun written
	// without the genitive's ending ("laut einer Studie", "dank einem Tor").
	deDativePreps = setOf("mit", "von", "zu", "aus", "bei", "nach", "seit", "gegenüber", "außer", "ab", "samt", "nebst",
		"laut", "dank", "gemäß")
	deAccusativePreps = setOf("für", "durch", "gegen", "ohne", "um", "bis")
	deGenitivePreps   = setOf("während", "wegen", "trotz", "innerhalb", "außerhalb", "statt", "anstatt", "mittels")
	deTimeNouns       = setOf("Jahr", "Monat", "Woche", "Tag", "Stunde", "Minute", "Sekunde", "Jahrzehnt", "Jahrhundert",
		"Quartal", "Halbjahr", "Nacht", "Moment", "Augenblick")
)

// deRangeTailRe is the first number of a range and its dash or "bis",
// at the end of the text before the second.
var deRangeTailRe = regexp.MustCompile(`[-−]?\d[\d.,]*\s*(?:[-–]|bis)\s*$`)

// deDativePlural gives a plural the dative's -n after a preposition that
// governs the dative ("mit 45 Punkten", "nach 5 Kilometern"); plurals in
// -n or -s and those without an ending of -e, -el or -er keep their form
// ("nach 5 Minuten", "mit 3 Grad"). "bis zu" before a number is "up to",
// no preposition: the number keeps the case the sentence gives it ("bis
// zu 20 Zentimeter Neuschnee"), the dative only after one that governs it
// ("Staus von bis zu 15 Kilometern"). "in" and "auf" govern it where
// they say where, which after (the text after the unit) or the verb
// before shows (deWhere).
func deDativePlural(many, before, after string) string {
	if loc := deRangeTailRe.FindStringIndex(before); loc != nil {
		// "von 100–120 km/h": the range's second number takes the case
		// the words before the first govern.
		before = before[:loc[0]]
	}
	if b, a, ok := deCoordinated(before, after); ok {
		// "in 3 m Höhe und 5 m Breite": the second measure takes the
		// case the first's preposition gives it.
		before, after = b, a
	}
	prev, prev2 := lastWords(before)
	if strings.EqualFold(prev, "zu") && strings.EqualFold(prev2, "bis") {
		k := strings.LastIndex(before, prev2)
		prev = prevWord(before, max(k, 0))
	}
	if p := strings.ToLower(prev); !deDativePreps[p] && !(deWherePreps[p] && deWhere(before, prev, after)) {
		return many
	}
	// "km/h": the unit before "pro" is declined, "mit 120 Kilometern pro
	// Stunde".
	head, rest, _ := strings.Cut(many, " ")
	if rest != "" && !strings.HasPrefix(rest, "pro ") {
		return many
	}
	for _, end := range []string{"e", "el", "er"} {
		if strings.HasSuffix(head, end) {
			return strings.TrimSuffix(head+"n "+rest, " ")
		}
	}
	return many
}

// deCoordRe is a measure and the conjunction after it at the end of the
// text before a second measure: its number in group 1, its unit in
// group 2, the noun of dimension after the unit, if any, in group 3.
var deCoordRe = regexp.MustCompile(`(?:^|\s)([-−]?\d[\d.,]*)\s?([\p{L}µ°²³/]+\.?)((?:\s\p{Lu}\p{Ll}+)?)\s(?:und|oder|sowie|bzw\.)\s+$`)

// deCoordinated finds the measure a second one after "und" or "oder" is
// coordinated with ("in 3 m Höhe und 5 m Breite", "mit 3 m und 5 m"),
// and returns the text before the first and the text after its unit, from
// which the case of both is read. The two must be built alike: a noun of
// dimension after both units or after neither ("in 3 m Höhe und 5 m
// weiter" are two phrases).
func deCoordinated(before, after string) (string, string, bool) {
	g := deCoordRe.FindStringSubmatchIndex(before)
	if g == nil {
		return "", "", false
	}
	noun := g[6] < g[7]
	next := nextWord(after, 0)
	if noun && !(deDimensionNouns[next] && deDimensionNouns[strings.TrimSpace(before[g[6]:g[7]])]) {
		return "", "", false
	}
	if !noun && next != "" {
		return "", "", false // "in 3 m Höhe und 5 m weiter"
	}
	return before[:g[2]], before[g[5]:], true
}

// deWhere reports whether "in" or "auf" (prev, the last word of before)
// says where a measure is, which takes the dative, rather than whither
// or to how much, which takes the accusative ("auf 20 km verlängert",
// "von 10 auf 20 km"): a noun of dimension after the unit ("in 3 m
// Tiefe", "auf 1.200 m Höhe"), a height above the sea ("auf 1.200 m ü.
// NN"), or a verb of being somewhere right before ("Der Ort liegt auf
// 1.200 m").
func deWhere(before, prev, after string) bool {
	k := strings.LastIndex(before, prev)
	verb, verb2 := lastWords(before[:max(k, 0)])
	if strings.EqualFold(prev, "auf") && deWhither(before[:max(k, 0)], verb) {
		return false
	}
	if w := nextWord(after, 0); deDimensionNouns[w] {
		return true
	}
	a := strings.TrimLeft(after, " ")
	for _, sea := range deAboveSea {
		if strings.HasPrefix(a, sea) {
			return true
		}
	}
	return deBeingBefore(verb, verb2)
}

// deBeingBefore reports whether the last words before a preposition,
// verb and verb2 before it, are a verb of being somewhere ("liegt",
// "befindet sich"): the preposition says where.
func deBeingBefore(verb, verb2 string) bool {
	if strings.EqualFold(verb, "sich") {
		verb = verb2 // "befindet sich auf 2.000 m"
	}
	return deBeingVerbs[strings.ToLower(verb)]
}

// deWhither reports whether "auf" after before (verb its last word) says
// whither or to how much: "bis auf 3 m Tiefe", a verb of change or of
// going in its clause ("stieg auf 3.000 m Höhe"), or "von" ("von 10 m
// auf 20 m Höhe").
func deWhither(before, verb string) bool {
	return strings.EqualFold(verb, "bis") || deChangeBefore(before)
}

var (
	// deWherePreps are the prepositions that take the dative where they
	// say where and the accusative where they say whither, that come
	// before a measure.
	deWherePreps = setOf("in", "auf")
	// deDimensionNouns are nouns of a dimension a measure before them
	// places something at ("in 3 Metern Tiefe").
	deDimensionNouns = setOf("Höhe", "Tiefe", "Entfernung", "Länge", "Breite", "Abstand", "Distanz", "Umkreis",
		"Meereshöhe", "Seehöhe", "Flughöhe", "Wassertiefe", "Reiseflughöhe")
	// deAboveSea are the ways a height above the sea is written after
	// its measure.
	deAboveSea = []string{"ü. NN", "ü.NN", "ü. d. M.", "ü.d.M.", "ü. M.", "ü.M.", "über NN", "über Normalnull",
		"über dem Meer", "über Meer"}
	// deBeingVerbs are the forms of the verbs of being somewhere.
	deBeingVerbs = setOf("liegt", "liegen", "lag", "lagen", "gelegen", "befindet", "befinden", "befand", "befanden",
		"steht", "stehen", "stand", "standen", "wohnt", "wohnen", "wohnte", "wohnten", "lebt", "leben", "lebte",
		"lebten", "thront", "thronte", "entspringt", "entsprang", "sitzt", "sitzen", "saß", "saßen", "wartet",
		"warten", "wartete", "warteten", "arbeitet", "arbeiten", "arbeitete", "arbeiteten")
)

// deBeforeWeekday reads a date's apposition to a weekday, "am Montag, 3.
// März" or "am Mo., 3.3.": the word before the weekday, which declines the
// date as it declines the day ("am dritten"). ok is false when the text
// before the date is not a weekday and a comma (or a weekday's
// abbreviation, whose stop stands for the comma), or the weekday starts it
// (a headline's "Montag, 3. März").
func deBeforeWeekday(before string) (string, bool) {
	// The comma may be left out after an abbreviation: "am Fr. 12. Mai".
	s, ok := strings.CutSuffix(strings.TrimRight(before, " "), ",")
	if !ok {
		if !strings.HasSuffix(strings.TrimRight(before, " "), ".") {
			return "", false
		}
		s = strings.TrimRight(before, " ")
	}
	f := strings.Fields(s)
	if len(f) < 2 || !deWeekdays[strings.TrimSuffix(f[len(f)-1], ".")] {
		return "", false
	}
	return strings.ToLower(f[len(f)-2]), true
}

var deWeekdays = setOf("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonnabend", "Sonntag",
	"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")

// deQuarter says "Q3" after an article as the noun it stands for,
// declined as the article asks: "im Q3" im dritten Quartal, "das Q3" das
// dritte Quartal, "ein Q3" ein drittes. Without one, or in the genitive
// (whose noun would take an -s), it is left.
func deQuarter(q int, prev string, _ bool) (string, bool) {
	o := deOrdinal(uint64(q))
	switch {
	case prev == "im" || prev == "am" || prev == "vom" || prev == "zum" || prev == "beim" || prev == "dem" ||
		prev == "diesem" || prev == "jedem":
		return o + "n Quartal", true
	case prev == "das" || prev == "dieses" || prev == "jedes":
		return o + " Quartal", true
	case prev == "ein":
		return o + "s Quartal", true
	}
	return "", false
}
