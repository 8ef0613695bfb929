package spoken

import (
	"regexp"
	"strings"
	"unicode"
)

// Italian, after the Accademia della Crusca's and Treccani's usage: a full
// stop groups thousands and the comma marks decimals ("1.500,50 €"), "euro"
// does not change in the plural, dates are "il quindici marzo", the first
// of the month "il primo", times "le quindici e trenta".

var itMonthNames = [13]string{"", "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
	"settembre", "ottobre", "novembre", "dicembre"}

func init() {
	months := map[string]month{}
	for m := 1; m <= 12; m++ {
		months[itMonthNames[m]] = month{m: m}
	}
	for k, m := range map[string]int{"gen": 1, "feb": 2, "mar": 3, "apr": 4, "mag": 5, "giu": 6, "lug": 7,
		"ago": 8, "set": 9, "sett": 9, "ott": 10, "nov": 11, "dic": 12} {
		months[k+"."] = month{m: m}
	}
	euro := currency{one: "euro", many: "euro", g: masc, minorOne: "centesimo", minorMany: "centesimi", minorG: masc}
	dollar := currency{one: "dollaro", many: "dollari", g: masc, minorOne: "centesimo", minorMany: "centesimi", minorG: masc}
	usd := currency{one: "dollaro statunitense", many: "dollari statunitensi", g: masc, minorOne: "centesimo", minorMany: "centesimi", minorG: masc}
	pound := currency{one: "sterlina", many: "sterline", g: fem, minorOne: "penny", minorMany: "pence", minorG: masc}
	register("it", &language{
		group: `. `, decMark: ',', dayFirst: true,
		elides:       true,
		cardinal:     itCardinal,
		ordinal:      itOrdinal,
		powerOrdinal: true,
		year:         func(y int) string { return itCardinal(uint64(y), plain) },
		fracAsNumber: true,
		nounGender:   itNounGender,
		prenominal:   setOf("solo", "sola", "grande", "gran", "nuovo", "nuova", "piccolo", "piccola", "buon", "buona", "brutto", "brutta", "vecchio", "vecchia", "unico", "unica", "grave", "enorme", "vero", "vera", "semplice", "doppio", "doppia", "breve", "lungo", "lunga", "altro", "altra", "importante", "forte", "possibile", "probabile", "triste", "pesante", "ulteriore"),
		actNouns: setOf("legge", "leggi", "decreto", "decreti", "d.lgs.", "dlgs", "d.l.", "dl", "d.p.r.", "dpr", "dpcm",
			"sentenza", "sentenze", "ordinanza", "delibera", "circolare", "regolamento", "direttiva"),
		actYear: "del",
		// "18enne", "30enni", "18-24enni": diciottenne, trentenni.
		agedSuffixes: setOf("enne", "enni"),
		aged:         itAged,
		labelNouns: setOf("articolo", "comma", "paragrafo", "capitolo", "pagina", "riga", "numero", "posto",
			"tomo", "volume", "parte", "stagione", "episodio", "binario", "sala", "piano", "porta", "terminal",
			"gruppo", "fase", "livello", "categoria", "punto", "allegato", "sezione", "domanda", "tabella",
			"figura", "zona", "corsia", "uscita", "fila", "girone", "giornata", "tappa", "turno", "versione",
			"modello", "tipo", "padiglione", "modulo", "lotto", "lettera"),
		minute:      func(l *language, n uint64) string { return "minuto " + l.cardinal(n, masc) },
		minuteIn:    itMinuteIn,
		minutePreps: setOf("al", "dal", "nel", "sul", "il", "all'", "dall'", "nell'", "sull'", "l'", "all’", "dall’", "nell’", "sull’", "l’"),
		article:     itArticle,
		w: words{over: "su", numberSign: "numero", decimal: "virgola", minus: "meno", plus: "più", plusMinus: "più o meno", atLeast: "almeno", percent: "per cento", perMille: "per mille", to: "a", score: "a", and: "e", or: "o",
			times: "per", outOf: "su", by: "per", about: "circa", approx: "circa", compare: map[rune][2]string{'<': {"minore di", "meno di"}, '>': {"maggiore di", "più di"},
				'≤': {"minore o uguale a", "al massimo"}, '≥': {"maggiore o uguale a", "almeno"}, '≠': {"diverso da", "diverso da"}},
			equals: "uguale a", divided: "diviso", squared: "al quadrato", cubed: "al cubo",
			power: "elevato alla", at: "chiocciola", dot: "punto", slash: "barra", dash: "trattino", point: "punto",
			version: "versione", section: "paragrafo", sections: "paragrafi", plusSign: "più", seconds: "secondi"},
		scales: map[string]int{"mila": 3, "mille": 3, "milione": 6, "milioni": 6, "mln": 6, "miliardo": 9,
			"miliardi": 9, "mld": 9, "mrd": 9},
		scaleName: func(pow int, plural bool) string {
			switch pow {
			case 3:
				return pick(plural, "mila", "mille")
			case 6:
				return pick(plural, "milioni", "milione")
			case 9:
				return pick(plural, "miliardi", "miliardo")
			}
			return pick(plural, "mila miliardi", "mille miliardi")
		},
		scaleOne: func(pow int) string { return pick(pow == 3 || pow == 12, "", "un") },
		money:    moneyStyle{scaleJoin: "di", minorJoin: " e ", minorName: true},
		currencies: map[string]currency{
			"€": euro, "EUR": euro, "$": dollar, "US$": usd, "USD": usd, "£": pound, "GBP": pound,
			"CHF": {one: "franco svizzero", many: "franchi svizzeri", g: masc, minorOne: "centesimo", minorMany: "centesimi", minorG: masc},
			"¥":   {one: "yen", many: "yen", g: masc}, "JPY": {one: "yen", many: "yen", g: masc},
		},
		hundredths: map[string]string{"m": "e"},
		units: map[string]unit{
			// Basis points: "lo spread a 120 pb".
			"pb": {one: "punto base", many: "punti base", g: masc},
			"km": itUnit("chilometro", "chilometri"), "m": itUnit("metro", "metri"), "cm": itUnit("centimetro", "centimetri"),
			"mm": itUnit("millimetro", "millimetri"), "nm": itUnit("nanometro", "nanometri"), "mmHg": itUnit("millimetro di mercurio", "millimetri di mercurio"), "kg": itUnit("chilo", "chili"), "g": itUnit("grammo", "grammi"),
			"t": {one: "tonnellata", many: "tonnellate", g: fem}, "km/h": itUnit("chilometro orario", "chilometri orari"),
			"°C": itUnit("grado Celsius", "gradi Celsius"), "°": itUnit("grado", "gradi"), "ha": itUnit("ettaro", "ettari"),
			"km²": itUnit("chilometro quadrato", "chilometri quadrati"), "m²": itUnit("metro quadrato", "metri quadrati"),
			// "mq", "mc": as estate agents and notices write them.
			"mq": itUnit("metro quadrato", "metri quadrati"), "mc": itUnit("metro cubo", "metri cubi"),
			"l": itUnit("litro", "litri"), "kWh": itUnit("chilowattora", "chilowattora"), "MW": itUnit("megawatt", "megawatt"),
			"GB": itUnit("gigabyte", "gigabyte"),
			"h":  {one: "ora", many: "ore", g: fem}, "min": itUnit("minuto", "minuti"), "s": itUnit("secondo", "secondi"),
			"ms": itUnit("millisecondo", "millisecondi"), "mg": itUnit("milligrammo", "milligrammi"),
			"ml": itUnit("millilitro", "millilitri"), "cl": itUnit("centilitro", "centilitri"), "dl": itUnit("decilitro", "decilitri"),
			"m³": itUnit("metro cubo", "metri cubi"), "cm³": itUnit("centimetro cubo", "centimetri cubi"),
			"cm²": itUnit("centimetro quadrato", "centimetri quadrati"), "°F": itUnit("grado Fahrenheit", "gradi Fahrenheit"),
			"kW": itUnit("chilowatt", "chilowatt"), "GW": itUnit("gigawatt", "gigawatt"),
			"V": itUnit("volt", "volt"), "MWh": itUnit("megawattora", "megawattora"), "GWh": itUnit("gigawattora", "gigawattora"),
			"TWh": itUnit("terawattora", "terawattora"), "Hz": itUnit("hertz", "hertz"), "kHz": itUnit("kilohertz", "kilohertz"),
			"MHz": itUnit("megahertz", "megahertz"), "GHz": itUnit("gigahertz", "gigahertz"),
			"MB": itUnit("megabyte", "megabyte"), "TB": itUnit("terabyte", "terabyte"),
			"kcal": {one: "chilocaloria", many: "chilocalorie", g: fem},
			"mAh":  itUnit("milliampere ora", "milliampere ora"),
			"µg":   itUnit("microgrammo", "microgrammi"), "dB": itUnit("decibel", "decibel"), "ppm": {one: "parte per milione", many: "parti per milione", g: fem}, "µm": itUnit("micrometro", "micrometri"),
		},
		// "ha" is the verb before a word it leads ("1 su 10 ha avuto"),
		// hectares at a clause's end or before "di" ("500 ha di bosco").
		unitIf:  map[string]func(string, bool, string) bool{"ha": haHectares(setOf("di", "d'", "e", "o", "in"))},
		compass: map[string]string{"N": "nord", "S": "sud", "E": "est", "O": "ovest", "W": "ovest"},
		months:  months, monthNouns: setOf("set"), monthNames: itMonthNames,
		dayRange: func(n *Normalizer, d1, d2, m, y int, c dateCtx) string {
			day := func(d int) string { return pick(d == 1, "primo", itCardinal(uint64(d), plain)) }
			s := n.romanceDaySpan("dal", "al", true, d1, d2, c, day) + " " + itMonthNames[m]
			if y != 0 {
				s += " " + itCardinal(uint64(y), plain)
			}
			return s
		},
		date: func(n *Normalizer, d, m, y int, _ dateCtx) string {
			s := itCardinal(uint64(d), plain)
			if d == 1 {
				s = "primo"
			}
			s += " " + itMonthNames[m]
			if y != 0 {
				s += " " + itCardinal(uint64(y), plain)
			}
			return s
		},
		clock: clockStyle{andParts: true, primeTimes: true, primeJoin: "e", primeOf: "di", before: setOf("alle", "ore", "dalle", "delle", "sulle", "le", "all'", "dall'", "dell'", "entro", "verso", "l'"),
			// "9:00-17:00": dalle nove alle diciassette, dall'una alle tre.
			rangeFrom: func(hA, hB int, prev string) (string, string) {
				from := pick(hA == 1, "dall'", "dalle ")
				switch strings.ToLower(prev) {
				case "dalle", "dall'", "dall’", "da", "tra", "fra", "le", "l'":
					from = ""
				}
				return from, pick(hB == 1, "all'", "alle ")
			},
			say: func(h, m int, _ string) string {
				s := itCardinal(uint64(h), fem) // "l'una"
				if m > 0 {
					s += " e " + itCardinal(uint64(m), plain)
				}
				return s
			},
			hour: unit{one: "ora", many: "ore", g: fem}, minute: itUnit("minuto", "minuti"), second: itUnit("secondo", "secondi")},
		ordinals: ordinalStyle{
			re: regexp.MustCompile(`^(\d{1,9})(º|°|ª)`),
			// A possessive is a determiner too: "il suo 1° Slam".
			articles: setOf("il", "lo", "al", "del", "dal", "nel", "sul", "col", "l'", "all'", "dell'", "dall'", "nell'", "sull'",
				"suo", "sua", "mio", "mia", "tuo", "tua", "nostro", "nostra", "vostro", "vostra", "loro", "proprio", "propria"),
			rankVerbs: setOf("arrivato", "arrivata", "arrivati", "arrivate", "arriva", "arrivò", "classificato", "classificata",
				"classificati", "classificò", "piazzato", "piazzata", "piazzò", "giunto", "giunta", "giunse", "finito", "finita",
				"finì", "chiuso", "chiusa", "chiude", "chiuse", "concluso", "conclusa", "conclude", "terminato", "terminata",
				"termina", "terminò", "scatterà", "partirà"),
			degreeBefore: setOf("a", "ai", "di", "da", "dai", "i", "dei", "sui", "fino", "oltre", "circa", "sopra", "sotto",
				"verso", "tra", "fra", "fa", "segna", "segnava", "sfiora", "sfiorato", "supera", "superato", "superano",
				"raggiunge", "raggiunto", "raggiungono", "tocca", "toccato", "toccano", "quasi", "ben"),
			degreeCues: setOf("temperatura", "temperature", "gradi", "grado", "caldo", "freddo", "afa", "termometro",
				"termometri", "massima", "massime", "minima", "minime", "gelo", "febbre", "calore", "meteo", "celsius",
				"angolo", "svolta", "giro", "rotazione", "inclinazione", "pendenza", "latitudine", "longitudine", "ombra", "zero"),
			// "la sua 3° vittoria": the noun's gender wins over a sign
			// written masculine.
			gender: func(suffix, next string) gender {
				return pick(suffix == "ª" || next != "" && itNounGender(next) == fem, fem, plain)
			},
		},
		fraction:    itFraction,
		ratingParts: setOf("di", "dei", "degli", "delle", "del", "della", "dell'", "dell’", "d'", "d’"),
		ratingDates: setOf("il", "dal", "al", "entro", "fino", "l'", "l’", "dall'", "dall’", "all'", "all’"),
		ratingStars: setOf("stelle", "stella", "punti"),
		dayBefore:   setOf("il", "dal", "al"),
		fractionOf:  itFractionOf,
		partOf:      itPartOf,
		fracNouns:   itFracNouns,
		abbrevs:     itAbbrevs,
		// "nel Q3", "Q3 2024"; "la Q3" is a car.
		quarters: quarterStyle{letter: 'Q', yearJoins: setOf("del"), say: func(q int, prev string, year bool) (string, bool) {
			return itOrdinal(uint64(q), plain) + " trimestre", year || setOf("nel", "del", "dal", "al", "entro")[prev]
		}},
		between:   setOf("tra", "fra"),
		rangeFrom: "da",
		fromWords: setOf("da", "dal", "dalla", "dallo", "dai", "dalle", "dagli", "a", "al"),
		dayRangeSay: func(a, b string) string {
			return pick(a == "domenica", "dalla ", "dal ") + a + " " + pick(b == "domenica", "alla ", "al ") + b
		},
		roman: romanStyle{
			regnal: setOf("Vittorio", "Emanuele", "Umberto", "Carlo", "Luigi", "Enrico", "Federico", "Filippo",
				"Ferdinando", "Francesco", "Giovanni", "Paolo", "Pio", "Leone", "Benedetto", "Gregorio", "Innocenzo",
				"Clemente", "Elisabetta", "Giovanna", "Maria", "Caterina", "Isabella", "Ludovico", "Alessandro",
				"Giulio", "Sisto", "Urbano", "Bonifacio", "Guglielmo", "Napoleone", "Carlo Alberto"),
			female: setOf("Elisabetta", "Giovanna", "Maria", "Caterina", "Isabella"),
			titles: setOf("re", "regina", "papa", "imperatore", "imperatrice"),
			articles: map[string]gender{"il": masc, "lo": masc, "i": masc, "gli": masc, "del": masc, "dello": masc,
				"dei": masc, "degli": masc, "al": masc, "allo": masc, "ai": masc, "agli": masc, "nel": masc, "nello": masc,
				"nei": masc, "negli": masc, "dal": masc, "dallo": masc, "sul": masc, "la": fem, "le": fem, "della": fem,
				"delle": fem, "alla": fem, "alle": fem, "nella": fem, "nelle": fem, "dalla": fem, "sulla": fem},
			articleMax: 39,
			reign:      func(v int, female bool, _ string) string { return itOrdinal(uint64(v), pick(female, fem, plain)) },
			// A lone "I" before "secoli" is the article: "I secoli
			// bui" (one century is no plural).
			century: regexp.MustCompile(`^(?:([IVXL]+) (secolo\b|sec\.)|([IVXL]{2,}|[VXL]) (secoli\b))`),
			// "il XIX sec.": the century's abbreviation after its numeral.
			centuryWords: map[string]string{"sec.": "secolo"},
			// "il secolo XIX", "sec. XIX": secolo diciannovesimo.
			ordinalAfter: setOf("secolo", "secoli", "sec.", "Secolo"),
		},
		isYear: esItIsYear,
		decades: decadeStyle{
			after:    setOf("anni"),
			sayAfter: func(y int) string { return itCardinal(uint64(pick(y >= 2000 || y%100 == 0, y, y%100)), plain) },
		},
		versionWords: setOf("versione", "Python", "iOS", "Android", "Windows", "macOS"),
		postal:       postalStyle{before: setOf("CAP"), city: true},
		// A tennis match's run of sets is said in pairs, without the
		// "à"/"a" of other scores ("6-4, 6-3": six-quatre, six-trois).
		scores:      scoreStyle{setZero: "zero"},
		phoneSpaced: regexp.MustCompile(`^3\d{2} (?:\d{3} \d{3,4}|\d{6,7})\b`),
		// "12 €/m²": dodici euro al metro quadrato; "5 l/100 km": cinque
		// litri ogni cento chilometri.
		rate: rateStyle{perUnit: itPer, perCount: "ogni", nouns: map[string]unit{
			"ora": {one: "ora", many: "ore", g: fem}, "giorno": itUnit("giorno", "giorni"), "settimana": {one: "settimana", many: "settimane", g: fem},
			"mese": itUnit("mese", "mesi"), "anno": itUnit("anno", "anni"), "tonnellata": {one: "tonnellata", many: "tonnellate", g: fem},
			"barile": itUnit("barile", "barili"), "litro": itUnit("litro", "litri"), "chilo": itUnit("chilo", "chili"),
		}},
		currencyNames: map[string]string{"euro": "€", "dollari": "$", "dollaro": "$"},
		sentenceStarters: setOf("Il", "Lo", "La", "I", "Gli", "Le", "Un", "Una", "Lui", "Lei", "Loro", "In",
			"Ma", "E", "Poi", "Dopo", "Secondo", "Questo", "Questa"),
	})
}

// itMinuteIn says a match minute as Italian commentary does, an ordinal
// after the article ("al novantesimo", "dal quarantaseiesimo"), the
// article elided before a vowel ("al 88'": all'ottantottesimo). Written
// already elided ("all'11'"), only the ordinal is said.
func itMinuteIn(prep string, n uint64) (string, bool) {
	o := itOrdinal(n, plain)
	if prep == "" {
		return o, true
	}
	if startsVowel(o) {
		if prep == "il" || prep == "Il" {
			return prep[:0] + pick(prep == "Il", "L'", "l'") + o, true
		}
		return prep + "l'" + o, true // "al" + "l'": all'
	}
	return prep + " " + o, true
}

// itUnit is a masculine unit.
func itUnit(one, many string) unit { return unit{one: one, many: many, g: masc} }

// itNounGender: only "uno" agrees ("un anno", "una persona"), so only
// the singular matters: feminine for -a (but "problema", "tema"…), -ione,
// -tà, -tù; masculine for other lower-case words.
func itNounGender(w string) gender {
	if w == "" || !isLowerWord(w) || itNotNouns[w] {
		return plain
	}
	if itMasculineA[w] {
		return masc
	}
	if itFeminine[w] {
		return fem
	}
	for _, s := range []string{"a", "ione", "tà", "tù"} {
		if strings.HasSuffix(w, s) {
			return fem
		}
	}
	return masc
}

var (
	itNotNouns = setOf("di", "del", "della", "dei", "delle", "in", "e", "o", "a", "al", "alla", "con", "per",
		"che", "si", "è", "sono", "fu", "era", "ha", "hanno", "il", "lo", "la", "i", "gli", "le", "mila",
		"milioni", "milione", "volte", "più", "meno", "tra", "fra", "su", "senza", "come", "quando", "anche",
		"già", "non", "sì", "circa", "nel", "nella", "sul", "sulla", "oggi", "ieri", "domani", "stamattina",
		"stasera", "stanotte", "sotto", "sopra", "poi", "ancora", "mentre")
	// itFeminine are common feminine nouns that do not end in -a: "una
	// notte", "una mano", "un'analisi".
	itFeminine = setOf("notte", "mano", "parte", "gente", "mente", "nave", "chiave", "legge", "voce", "luce",
		"morte", "carne", "classe", "madre", "fronte", "fonte", "sorte", "torre", "neve", "sete", "fame", "pelle",
		"febbre", "rete", "nube", "croce", "pace", "sede", "base", "frase", "fase", "serie", "specie", "superficie",
		"crisi", "tesi", "analisi", "ipotesi", "sintesi", "diagnosi", "foto", "radio", "moto", "auto", "arte",
		"immagine", "origine", "fine", "stagione", "regione", "nazione", "canzone", "ragione", "occasione",
		"lezione", "sezione", "elezione", "città", "università", "età", "tribù", "virtù", "gioventù")
	itMasculineA = setOf("problema", "tema", "sistema", "programma", "clima", "dramma", "schema", "pianeta",
		"poeta", "papa", "cinema", "diploma", "panorama")
)

// itFraction: "un mezzo", "un terzo", "tre quarti", "cinque ottavi",
// "due e mezzo".
func itFraction(whole, num, den uint64) (string, bool) {
	var name string
	switch den {
	case 2:
		name = "mezzo"
	default:
		name = itOrdinal(den, plain)
	}
	if num > 1 {
		name = strings.TrimSuffix(name, "o") + "i" // "terzi", "quarti"
	}
	f := itCardinal(num, masc) + " " + name
	if whole == 0 {
		return f, true
	}
	if num == 1 && den == 2 {
		return itCardinal(whole, plain) + " e mezzo", true
	}
	return itCardinal(whole, plain) + " e " + f, true
}

// itPartOf says a half before the whole it is a part of as "la metà"
// ("1/2 dei voti": la metà dei voti), and after a simple preposition as
// "metà" alone, as Italian may say it where the preposition cannot join
// the article ("più di metà dei voti", "in metà dei casi").
func itPartOf(num, den uint64, prev, next string) (string, bool) {
	lw := strings.ToLower(next)
	if num != 1 || den != 2 || !(lw == "di" || strings.HasPrefix(lw, "de") && itArticled[lw[2:]] || strings.HasPrefix(lw, "dell")) {
		return "", false
	}
	if p := strings.ToLower(prev); itSimplePreps[p] || p == "la" {
		return "metà", true
	}
	return "la metà", true
}

var (
	// itArticled are the endings of "di" joined to an article: "dei",
	// "degli", "del", "dello", "della", "delle".
	itArticled    = setOf("i", "gli", "l", "llo", "lla", "lle")
	itSimplePreps = setOf("di", "a", "da", "in", "su", "con", "per", "tra", "fra")
)

// itFracNouns are the nouns of measure a fraction is written before.
var itFracNouns = func() map[string]unit {
	m := nouns(masc, "litro", "litri", "chilo", "chili", "etto", "etti", "grammo", "grammi", "bicchiere", "bicchieri",
		"cucchiaio", "cucchiai", "cucchiaino", "cucchiaini", "vasetto", "vasetti", "barattolo", "barattoli",
		"giorno", "giorni", "mese", "mesi", "anno", "anni", "secolo", "secoli", "metro", "metri",
		"chilometro", "chilometri", "centimetro", "centimetri", "minuto", "minuti", "limone", "limoni",
		"punto", "punti", "milione", "milioni", "panetto", "panetti")
	addNouns(m, fem, "tazza", "tazze", "tazzina", "tazzine", "bottiglia", "bottiglie", "lattina", "lattine",
		"dozzina", "dozzine", "bustina", "bustine", "busta", "buste", "ora", "ore", "settimana", "settimane",
		"cipolla", "cipolle", "porzione", "porzioni", "presa", "prese", "libbra", "libbre", "oncia", "once")
	return m
}()

// itFractionOf says a fraction before its noun as Italian does: "mezzo"
// agrees with the noun and takes no article ("mezzo litro", "mezza
// tazza", "mezz'ora"), and after it with "e" ("due ore e mezza", "un
// litro e mezzo"); other fractions take "di" ("tre quarti di tazza", "un
// quarto d'ora").
func itFractionOf(f fracNoun) (string, bool) {
	half := f.num == 1 && f.den == 2
	mezzo := pick(f.g == fem, "mezza", "mezzo")
	switch {
	case f.whole == 0 && half:
		if f.g == fem && startsVowel(f.one) {
			return "mezz'" + f.one, true
		}
		return mezzo + " " + f.one, true
	case f.whole == 0:
		s, _ := itFraction(0, f.num, f.den)
		if f.num == 1 {
			s, _ = itArticle(s, "", f.one, "")
		}
		return s + pick(startsVowel(f.one), " d'", " di ") + f.one, true
	}
	// A whole number and a fraction count the noun, the fraction after
	// it: "due ore e mezza", "un'ora e tre quarti", "un chilo e un quarto".
	part := mezzo
	if !half {
		part, _ = itFraction(0, f.num, f.den)
	}
	noun := pick(f.whole == 1, f.one, f.many)
	n, glued := itArticle(itCardinal(f.whole, pick(f.g == fem, fem, masc)), "", noun, "")
	return n + pick(glued, "", " ") + noun + " e " + part, true
}

// itAbbrevs: titles before a name, "n." before a number, and those read
// the same anywhere.
var itAbbrevs = map[string]abbrev{
	"km":  {number: "chilometro"},                        // "al km 123": a road's milestone
	"ab.": {counted: "abitanti", countedOne: "abitante"}, // "12.000 ab."
	// "sale a 45 pt": points; "Via Roma 12, int. 3": a flat's door.
	"pt": {counted: "punti", countedOne: "punto"}, "pt.": {counted: "punti", countedOne: "punto"}, "int.": {number: "interno"},
	"lun.": {day: "lunedì"}, "mar.": {day: "martedì"}, "mer.": {day: "mercoledì"}, "gio.": {day: "giovedì"}, "ven.": {day: "venerdì"},
	"sab.": {day: "sabato"}, "dom.": {day: "domenica"}, "ca.": {always: "circa"},
	"a.C.": {always: "avanti Cristo"}, "a. C.": {always: "avanti Cristo"}, "d.C.": {always: "dopo Cristo"},
	"d. C.": {always: "dopo Cristo"},
	// The codes a court cites: "art. 416 bis c.p.".
	"c.p.": {always: "codice penale"}, "c.c.": {always: "codice civile"},
	"c.p.p.": {always: "codice di procedura penale"}, "c.p.c.": {always: "codice di procedura civile"},
	"sig.": {name: "signor"}, "Sig.": {name: "signor"}, "sig.ra": {name: "signora"}, "Sig.ra": {name: "signora"},
	"sigg.": {name: "signori"}, "dott.": {name: "dottor"}, "Dott.": {name: "dottor"},
	"dott.ssa": {name: "dottoressa"}, "Dott.ssa": {name: "dottoressa"}, "prof.": {name: "professor"},
	"Prof.": {name: "professor"}, "prof.ssa": {name: "professoressa"}, "avv.": {name: "avvocato"},
	"Avv.": {name: "avvocato"}, "ing.": {name: "ingegner"}, "Ing.": {name: "ingegner"}, "on.": {name: "onorevole"},
	"n.": {number: "numero"}, "pag.": {number: "pagina"},
	"p.": {number: "pagina"}, "pp.": {number: "pagine"}, "art.": {number: "articolo"}, "Art.": {number: "articolo"},
	// A law's part and kind: "art. 5, co. 2", "il d.l. n. 18"; a quarter
	// after its ordinal: "nel II trim."; the hour before its number: "alle
	// h. 10".
	"co.": {number: "comma"}, "d.l.": {always: "decreto legge"}, "D.L.": {always: "decreto legge"},
	"trim.": {ordinal: "trimestre"}, "sen.": {name: "senatore"}, "Sen.": {name: "senatore"}, "h.": {number: "ore"},
	"artt.": {number: "articoli"}, "cap.": {number: "capitolo"}, "vol.": {number: "volume"}, "sec.": {number: "secolo"},
	"d.lgs.": {always: "decreto legislativo"}, "D.Lgs.": {always: "decreto legislativo"}, "D.lgs.": {always: "decreto legislativo"},
	"tel.": {number: "telefono"}, "Tel.": {number: "telefono"}, "ecc.": {always: "eccetera"}, "etc.": {always: "eccetera"},
	// Voices spell "vs." and say "ad es." as a syllable ("ad es ieri").
	"vs.": {always: "versus"}, "vs": {always: "versus"}, "ad es.": {always: "ad esempio"}, "Ad es.": {always: "Ad esempio"},
}

// itArticle shapes "un"/"una", what the number one says before a noun, as
// Italian's indefinite article is shaped by the word after it: "una"
// elides before a vowel ("un'ora", "un'amica"), and "un" is "uno" before
// s and a consonant, z, gn, ps, pn, x, y and i before a vowel ("uno
// studente", "uno zaino", "uno psicologo").
func itArticle(say, _, next, _ string) (string, bool) {
	head, last := "", say
	if k := strings.LastIndexByte(say, ' '); k >= 0 {
		head, last = say[:k+1], say[k+1:]
	}
	lower := strings.ToLower(next)
	switch {
	case last == "una" && next != "" && strings.ContainsRune("aeiouàèéìíòóùú", []rune(lower)[0]):
		return head + "un'", true
	case last == "un" && itUnoBefore(lower):
		return head + "uno", false
	}
	return say, false
}

// itUnoBefore reports whether a masculine word takes "uno": s and a
// consonant, z, gn, ps, pn, x, y, or i before a vowel.
func itUnoBefore(w string) bool {
	r := []rune(w)
	if len(r) < 2 {
		return false
	}
	vowel := func(c rune) bool { return strings.ContainsRune("aeiouàèéìíòóùú", c) }
	switch {
	case r[0] == 's':
		return !vowel(r[1]) && unicode.IsLetter(r[1])
	case r[0] == 'z' || r[0] == 'x' || r[0] == 'y':
		return true
	case r[0] == 'i':
		return vowel(r[1])
	}
	return strings.HasPrefix(w, "gn") || strings.HasPrefix(w, "ps") || strings.HasPrefix(w, "pn")
}

// itPer says "per unit" with the article Italian puts before it: "al
// metro quadrato", "all'ora", "alla settimana", "allo ...".
func itPer(u unit) string {
	w := u.one
	switch {
	case startsVowel(w) && !itUnoBefore(w):
		return "all'" + w
	case u.g == fem:
		return "alla " + w
	case itUnoBefore(w):
		return "allo " + w
	}
	return "al " + w
}
