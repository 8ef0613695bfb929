package spoken

import (
	"regexp"
	"strings"
)

// Spanish, after the RAE's Ortografía (2010) and the press's practice: a
// full stop groups thousands and the comma marks decimals in Spain and
// most of South America; Mexico, Central America and the United States
// write "1,500.50" and read the point as "punto", and there "$" is the
// peso. Dates are "quince de marzo de dos mil veintiuno", times "las
// quince y treinta".

var esMonthNames = [13]string{"", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
	"septiembre", "octubre", "noviembre", "diciembre"}

func init() {
	register("es", newSpanish(',', ". ", cur("dólar", "dólares", "centavo", "centavos")))
	// Where the point marks decimals and "$" is the peso.
	peso := currency{one: "peso", many: "pesos", g: masc, minorOne: "centavo", minorMany: "centavos", minorG: masc}
	for _, r := range []string{"mx", "do"} {
		register("es-"+r, newSpanish('.', ", ", peso))
	}
	for _, r := range []string{"us", "pr", "pa", "sv", "gt", "hn", "ni"} {
		register("es-"+r, newSpanish('.', ", ", cur("dólar", "dólares", "centavo", "centavos")))
	}
	for _, r := range []string{"ar", "co", "cl", "uy"} {
		register("es-"+r, newSpanish(',', ". ", peso))
	}
}

// newSpanish is Spanish with a decimal mark, a thousands separator and
// what "$" is.
func newSpanish(decMark byte, group string, dollar currency) *language {
	months := map[string]month{}
	for m := 1; m <= 12; m++ {
		months[esMonthNames[m]] = month{m: m}
	}
	months["setiembre"] = month{m: 9}
	for k, m := range map[string]int{"ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7,
		"ago": 8, "sep": 9, "sept": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12} {
		months[k+"."] = month{m: m}
	}
	dollar.g, dollar.minorG = masc, masc
	euro := currency{one: "euro", many: "euros", g: masc, minorOne: "céntimo", minorMany: "céntimos", minorG: masc}
	usd := currency{one: "dólar estadounidense", many: "dólares estadounidenses", g: masc, minorOne: "centavo", minorMany: "centavos", minorG: masc}
	pound := currency{one: "libra", many: "libras", g: fem, minorOne: "penique", minorMany: "peniques", minorG: masc}
	return &language{
		group: group, decMark: decMark, dayFirst: true,
		cardinal:     esCardinal,
		ordinal:      esOrdinal,
		year:         func(y int) string { return esCardinal(uint64(y), plain) },
		fracAsNumber: true,
		// "200 mil personas": doscientas mil personas (RAE).
		thousandAgrees: true,
		nounGender:     esNounGender,
		prenominal:     setOf("solo", "sola", "gran", "grande", "nuevo", "nueva", "pequeño", "pequeña", "buen", "buena", "mal", "mala", "viejo", "vieja", "único", "única", "grave", "enorme", "auténtico", "auténtica", "verdadero", "verdadera", "simple", "doble", "breve", "largo", "larga", "importante", "fuerte", "posible", "probable", "triste"),
		actNouns: setOf("ley", "leyes", "decreto", "decretos", "orden", "resolución", "sentencia", "sentencias", "auto",
			"reglamento", "directiva", "circular", "instrucción", "rd", "rdl"),
		actYear: "de",
		labelNouns: setOf("artículo", "apartado", "párrafo", "capítulo", "página", "línea", "número", "puesto",
			"tomo", "volumen", "parte", "temporada", "episodio", "andén", "sala", "planta", "puerta", "terminal",
			"grupo", "fase", "nivel", "categoría", "punto", "anexo", "sección", "pregunta", "tabla", "figura",
			"zona", "carril", "salida", "fila", "asiento", "jornada", "etapa", "ronda", "división", "versión",
			"modelo", "tipo", "pabellón", "módulo", "lote", "casilla"),
		minute: func(l *language, n uint64) string { return "minuto " + l.cardinal(n, masc) },
		// "en el 88'", "al 90'": en el minuto ochenta y ocho.
		minuteIn: func(prep string, n uint64) (string, bool) {
			return "minuto " + esCardinal(n, masc), prep == ""
		},
		minutePreps: setOf("el", "al", "del"),
		w: words{over: "sobre", numberSign: "número", decimal: pick(decMark == ',', "coma", "punto"), minus: "menos", plus: "más", plusMinus: "más menos", atLeast: "al menos", percent: "por ciento", perMille: "por mil",
			to: "a", score: "a", and: "y", or: "o", orO: "u", times: "por", outOf: "de", by: "por", about: "aproximadamente", approx: "aproximadamente", compare: map[rune][2]string{'<': {"menor que", "menos de"}, '>': {"mayor que", "más de"},
				'≤': {"menor o igual que", "como máximo"}, '≥': {"mayor o igual que", "al menos"}, '≠': {"distinto de", "distinto de"}},
			equals: "igual a", divided: "entre", squared: "al cuadrado",
			cubed: "al cubo", power: "elevado a", at: "arroba", dot: "punto", slash: "barra", dash: "guion",
			point: "punto", version: "versión", section: "párrafo", sections: "párrafos", plusSign: "más", seconds: "segundos"},
		scales: map[string]int{"mil": 3, "millón": 6, "millones": 6, "mill": 6, "M": 6, "billón": 12, "billones": 12},
		scaleName: func(pow int, plural bool) string {
			switch pow {
			case 3:
				return "mil"
			case 6:
				return pick(plural, "millones", "millón")
			case 9:
				return "mil millones"
			}
			return pick(plural, "billones", "billón")
		},
		scaleOne: func(pow int) string { return pick(pow == 3 || pow == 9, "", "un") },
		money:    moneyStyle{scaleJoin: "de", minorJoin: " con ", minorName: true},
		currencies: map[string]currency{
			"€": euro, "EUR": euro, "$": dollar, "US$": usd, "USD": usd, "£": pound, "GBP": pound,
			"MXN": {one: "peso mexicano", many: "pesos mexicanos", g: masc, minorOne: "centavo", minorMany: "centavos", minorG: masc},
			"ARS": {one: "peso argentino", many: "pesos argentinos", g: masc},
			"¥":   {one: "yen", many: "yenes", g: masc}, "JPY": {one: "yen", many: "yenes", g: masc},
			"CHF": {one: "franco suizo", many: "francos suizos", g: masc},
		},
		hundredths: map[string]string{"m": ""},
		units: map[string]unit{
			"pb": {one: "punto básico", many: "puntos básicos", g: masc}, // "la prima de riesgo, en 80 pb"
			"km": esUnit("kilómetro"), "m": esUnit("metro"), "mmHg": {one: "milímetro de mercurio", many: "milímetros de mercurio", g: masc}, "cm": esUnit("centímetro"), "mm": esUnit("milímetro"), "nm": esUnit("nanómetro"),
			"kg": esUnit("kilo"), "g": esUnit("gramo"), "t": {one: "tonelada", many: "toneladas", g: fem},
			"km/h": {one: "kilómetro por hora", many: "kilómetros por hora", g: masc},
			"°C":   {one: "grado Celsius", many: "grados Celsius", g: masc}, "°": esUnit("grado"),
			"ha": {one: "hectárea", many: "hectáreas", g: fem}, "l": esUnit("litro"),
			"km²": {one: "kilómetro cuadrado", many: "kilómetros cuadrados", g: masc},
			"m²":  {one: "metro cuadrado", many: "metros cuadrados", g: masc},
			"kWh": {one: "kilovatio hora", many: "kilovatios hora", g: masc}, "MW": esUnit("megavatio"),
			"GB": {one: "gigabyte", many: "gigabytes", g: masc},
			"h":  {one: "hora", many: "horas", g: fem}, "min": esUnit("minuto"), "s": esUnit("segundo"),
			"ms": esUnit("milisegundo"), "mg": esUnit("miligramo"), "ml": esUnit("mililitro"),
			"cl": esUnit("centilitro"), "dl": esUnit("decilitro"),
			"m³":  {one: "metro cúbico", many: "metros cúbicos", g: masc},
			"cm³": {one: "centímetro cúbico", many: "centímetros cúbicos", g: masc},
			"cm²": {one: "centímetro cuadrado", many: "centímetros cuadrados", g: masc},
			"°F":  {one: "grado Fahrenheit", many: "grados Fahrenheit", g: masc},
			"kW":  esUnit("kilovatio"), "GW": esUnit("gigavatio"), "V": esUnit("voltio"),
			"MWh": {one: "megavatio hora", many: "megavatios hora", g: masc},
			"GWh": {one: "gigavatio hora", many: "gigavatios hora", g: masc},
			"TWh": {one: "teravatio hora", many: "teravatios hora", g: masc},
			"Hz":  esUnit("hercio"), "kHz": esUnit("kilohercio"), "MHz": esUnit("megahercio"), "GHz": esUnit("gigahercio"),
			"MB": esUnit("megabyte"), "TB": esUnit("terabyte"),
			"kcal": {one: "kilocaloría", many: "kilocalorías", g: fem},
			"mAh":  {one: "miliamperio hora", many: "miliamperios hora", g: masc},
			"pts":  esUnit("punto"), "ptos": esUnit("punto"),
			"µg": esUnit("microgramo"), "dB": esUnit("decibelio"), "ppm": {one: "parte por millón", many: "partes por millón", g: fem}, "µm": esUnit("micrómetro"),
		},
		// "ha" is the verb before a word it leads ("uno de cada 10 ha
		// sufrido"), hectares at a clause's end or before "de".
		unitIf:  map[string]func(string, bool, string) bool{"ha": haHectares(setOf("de", "del", "y", "o", "en"))},
		compass: map[string]string{"N": "norte", "S": "sur", "E": "este", "O": "oeste", "W": "oeste"},
		months:  months, monthNouns: setOf("set"), monthNames: esMonthNames, dates: dateStyle{monthOf: "de"},
		dayRange: func(n *Normalizer, d1, d2, m, y int, c dateCtx) string {
			day := func(d int) string { return esCardinal(uint64(d), plain) }
			s := n.romanceDaySpan("del", "al", false, d1, d2, c, day) + " de " + esMonthNames[m]
			if y != 0 {
				s += " de " + esCardinal(uint64(y), plain)
			}
			return s
		},
		date: func(n *Normalizer, d, m, y int, c dateCtx) string {
			s := esCardinal(uint64(d), plain)
			if d == 1 && c.ordinal {
				s = "primero" // "el 1.º de mayo"
			}
			s += " de " + esMonthNames[m]
			if y != 0 {
				s += " de " + esCardinal(uint64(y), plain)
			}
			return s
		},
		clock: clockStyle{hWord: true, andParts: true, before: setOf("las", "la", "desde", "hasta"),
			// "9:00-17:00": de nueve a diecisiete.
			rangeFrom: func(_, _ int, prev string) (string, string) {
				p := strings.ToLower(prev)
				return pick(p == "de" || p == "desde" || p == "entre" || p == "las" || p == "la", "", "de "), "a "
			},
			say: func(h, m int, _ string) string {
				s := esCardinal(uint64(h), fem) // "la una", "las veintiuna"
				if m > 0 {
					s += " y " + esCardinal(uint64(m), plain)
				}
				return s
			},
			hour:   unit{one: "hora", many: "horas", g: fem},
			minute: esUnit("minuto"), second: esUnit("segundo")},
		ordinals: ordinalStyle{
			re: regexp.MustCompile(`^(\d{1,9})(\.?º|\.?°|\.?ª|\.er|\.ª|er)`),
			// A possessive is a determiner too: "su 3° título".
			articles: setOf("el", "al", "del", "su", "mi", "tu", "nuestro", "nuestra", "vuestro", "vuestra"),
			rankVerbs: setOf("llegó", "llega", "llegaron", "llegará", "quedó", "queda", "quedaron", "quedará", "terminó",
				"termina", "terminaron", "acabó", "acaba", "finalizó", "finaliza", "clasificó", "clasificado", "clasificada",
				"entró", "cruzó", "saldrá", "salió", "arrancará", "partirá", "concluyó"),
			degreeBefore: setOf("a", "hasta", "los", "unos", "sobre", "bajo", "entre", "hace", "hacía", "hará", "marca",
				"marcaba", "marcó", "alcanza", "alcanzó", "alcanzan", "alcanzaron", "supera", "superó", "superan",
				"superaron", "roza", "rozó", "rozan", "con", "casi"),
			degreeCues: setOf("temperatura", "temperaturas", "grados", "grado", "calor", "frío", "termómetro", "termómetros",
				"máxima", "máximas", "mínima", "mínimas", "helada", "heladas", "fiebre", "ola", "celsius", "ángulo", "giro",
				"rotación", "inclinación", "pendiente", "latitud", "longitud", "sombra", "cero"),
			gender: func(suffix, next string) gender {
				switch {
				case strings.HasSuffix(suffix, "ª"):
					return fem
				case strings.HasSuffix(suffix, "er"):
					return masc
				case esDoorSides[strings.ToLower(strings.TrimRight(next, ".,"))]:
					return plain // "3.º izq.": tercero izquierda, a flat's floor and door
				case esNounGender(next) != plain:
					return masc // "el 21.º puesto": "vigésimo primer puesto"
				}
				return plain
			},
		},
		fraction:    esFraction,
		ratingParts: setOf("de", "del"),
		ratingDates: setOf("el", "del", "al", "desde", "hasta", "día"),
		ratingStars: setOf("estrellas", "estrella", "puntos"),
		dayBefore:   setOf("el", "del", "al"),
		fractionOf:  esFractionOf,
		partOf: func(num, den uint64, prev, next string) (string, bool) {
			// "las 3/4 partes": las tres cuartas partes, the fraction
			// an ordinal that agrees with the feminine "parte" (RAE,
			// "partitivos"); "una tercera parte".
			if (next == "partes" && num > 1 || next == "parte" && num == 1) && den >= 3 && den <= 10 && num < den {
				return esCardinal(num, fem) + " " + esOrdinal(den, fem) + pick(num > 1, "s", ""), true
			}
			// "1/2 de los votos": la mitad de los votos; "más de la mitad".
			if num != 1 || den != 2 || (next != "de" && next != "del") {
				return "", false
			}
			return pick(strings.ToLower(prev) == "la", "mitad", "la mitad"), true
		},
		fracNouns: esFracNouns,
		abbrevs:   withPluralInitials(esAbbrevs, esPluralInitials),
		// "3T 2024", "T3 de 2024": tercer trimestre; Madrid's "T4" is a
		// terminal, with no year after it.
		// "3T24", the year's two digits glued: tercer trimestre de dos
		// mil veinticuatro, the year said whole as the press writes it.
		quarters: quarterStyle{letter: 'T', yearJoins: setOf("de", "del"), numberFirst: true, say: func(q int, _ string, year bool) (string, bool) {
			return esOrdinal(uint64(q), masc) + " trimestre", year
		}, shortYear: func(yy int) string { return "de " + esCardinal(uint64(fullYear(yy)), plain) }},
		letterNames: map[rune]string{'A': "a", 'B': "be", 'C': "ce", 'D': "de", 'E': "e", 'F': "efe", 'G': "ge",
			'H': "hache", 'I': "i", 'J': "jota", 'K': "ka", 'L': "ele", 'M': "eme", 'N': "ene", 'Ñ': "eñe", 'O': "o",
			'P': "pe", 'Q': "cu", 'R': "erre", 'S': "ese", 'T': "te", 'U': "u", 'V': "uve", 'W': "uve doble",
			'X': "equis", 'Y': "ye", 'Z': "zeta"},
		doubledInitials: true,
		between:         setOf("entre"),
		rangeFrom:       "de",
		fromWords:       setOf("de", "del", "desde", "a", "al"),
		dayRangeSay:     func(a, b string) string { return "de " + a + " a " + b },
		roman: romanStyle{
			regnal: setOf("Felipe", "Carlos", "Juan", "Alfonso", "Fernando", "Isabel", "Juana", "Enrique", "Pedro",
				"Jaime", "Luis", "Pío", "Pablo", "Benedicto", "Gregorio", "León", "Francisco", "Clemente", "Inocencio",
				"Sancho", "Ramiro", "Urbano", "Bonifacio", "Alejandro", "Sixto", "Juan Pablo", "Napoleón", "Eduardo",
				"Jorge", "Guillermo", "Federico", "Nicolás", "Catalina", "Victoria", "Ricardo", "Enrique", "Leopoldo",
				"Alberto", "Balduino", "Rainiero", "Ramsés", "Ptolomeo", "Otón", "Rodolfo", "Carlomagno", "Fernando",
				"Luis Felipe", "Amadeo", "Víctor Manuel", "Humberto", "Gustavo", "Harald", "Clemente", "Inocencio"),
			female: setOf("Isabel", "Juana", "María", "Urraca", "Catalina"),
			titles: setOf("rey", "reina", "papa", "emperador", "emperatriz"),
			// Above the tenth Spanish says a cardinal ("el XXV
			// aniversario"): left to the voice.
			articles: map[string]gender{"el": masc, "la": fem, "los": masc, "las": fem, "del": masc, "al": masc}, articleMax: 10,
			series: setOf("siglo", "siglos", "s.", "Capítulo", "capítulo", "cap.", "Tomo", "tomo", "vol."),
			// The RAE: ordinals up to the tenth, cardinals after ("Alfonso trece").
			reign: func(v int, female bool, _ string) string {
				if v <= 10 {
					return esOrdinal(uint64(v), pick(female, fem, plain))
				}
				return esCardinal(uint64(v), plain)
			},
		},
		isYear: esItIsYear,
		decades: decadeStyle{
			after:    setOf("años"),
			sayAfter: func(y int) string { return esCardinal(uint64(pick(y >= 2000 || y%100 == 0, y, y%100)), plain) },
		},
		versionWords: setOf("versión", "Python", "iOS", "Android", "Windows", "macOS"),
		postal:       postalStyle{before: setOf("CP", "C.P."), city: true},
		// Spain's nine digits in threes, or as landlines and mobiles are
		// also written: "91 123 45 67", "612 34 56 78".
		// A tennis match's run of sets is said in pairs, without the
		// "à"/"a" of other scores ("6-4, 6-3": six-quatre, six-trois).
		scores:      scoreStyle{setZero: "cero"},
		phoneSpaced: regexp.MustCompile(`^(?:[6-9]\d{2} \d{3} \d{3}|[89]\d \d{3} \d{2} \d{2}|[6-9]\d{2} \d{2} \d{2} \d{2})\b`),
		// "tel. 55 1234 5678", "llame al 222 123 4567": Mexico's ten
		// digits, an area of two or three and the rest in fours.
		phoneCued: regexp.MustCompile(`^(?:\d{2} \d{4} \d{4}|\d{3} \d{3} \d{4})\b`),
		phoneCue:  regexp.MustCompile(`(?i)(?:\btel\.?|\btlf\.?|\bteléfonos?|\bcelular|\bmóvil|\bwhatsapp|\b(?:llame|llama|llamar|marque|marca|marcar|comuníquese)\s+al)[:.]?\s*$`),
		// "5 l/100 km": cinco litros por cada cien kilómetros.
		rate: rateStyle{per: "por", perCount: "por cada", nouns: map[string]unit{
			"hora": {one: "hora", many: "horas", g: fem}, "día": esUnit("día"), "semana": {one: "semana", many: "semanas", g: fem},
			"mes": {one: "mes", many: "meses", g: masc}, "año": esUnit("año"), "noche": {one: "noche", many: "noches", g: fem},
			"persona": {one: "persona", many: "personas", g: fem}, "tonelada": {one: "tonelada", many: "toneladas", g: fem},
			"barril": {one: "barril", many: "barriles", g: masc}, "litro": esUnit("litro"), "acción": {one: "acción", many: "acciones", g: fem},
		}},
		currencyNames: map[string]string{"euros": "€", "euro": "€", "dólares": "$", "dólar": "$",
			"pesos": "$", "peso": "$"},
		sentenceStarters: setOf("El", "La", "Los", "Las", "Un", "Una", "Él", "Ella", "Ellos", "En", "Pero", "Y",
			"Después", "Luego", "Según", "Este", "Esta"),
	}
}

// esUnit is a masculine unit whose plural adds "s".
// esDoorSides are the words, whole or abbreviated, for a flat's door
// after its floor in an address.
var esDoorSides = setOf("izq", "izqda", "izda", "izquierda", "dcha", "dcho", "drcha", "derecha", "derecho", "centro", "ctro")

func esUnit(one string) unit { return unit{one: one, many: one + "s", g: masc} }

// esItIsYear: four digits between 1000 and 2099 written without a
// thousands separator are a year (the press writes quantities with one),
// read without agreeing with a noun ("en 2021 se").
func esItIsYear(text string, i, j int) bool {
	v := atoi(text[i:j])
	return v >= 1000 && v <= 2099
}

// esNounGender guesses the gender of a Spanish word after a number:
// feminine for -a, -as, -ión, -dad, -tud and their plurals (but "día",
// "mapa", "problema"), masculine for other lower-case words, plain for
// the words that are not nouns.
func esNounGender(w string) gender {
	if w == "" || !isLowerWord(w) || esNotNouns[w] {
		return plain
	}
	if esMasculineA[strings.TrimSuffix(w, "s")] {
		return masc
	}
	if esFeminine[w] {
		return fem
	}
	for _, s := range []string{"a", "as", "ión", "iones", "dad", "dades", "tud", "tudes", "umbre", "umbres"} {
		if strings.HasSuffix(w, s) {
			return fem
		}
	}
	return masc
}

var (
	esNotNouns = setOf("de", "del", "en", "y", "o", "a", "al", "con", "por", "para", "que", "se", "es", "son",
		"fue", "fueron", "era", "eran", "ha", "han", "había", "hay", "los", "las", "el", "la", "mil", "millones",
		"millón", "más", "menos", "entre", "sobre", "sin", "según", "como", "cuando", "total", "también",
		"ya", "no", "sí", "muy", "aproximadamente", "unos", "unas", "le", "les", "lo", "su", "sus", "hoy", "ayer",
		"mañana", "bajo", "cero", "ahora", "aún", "todavía", "mientras")
	// esFeminine are common feminine nouns, singular and plural, that do
	// not end in -a, -ión, -dad, -tud or -umbre: "una mujer", "cuarenta y
	// una noches".
	esFeminine = setOf("mujer", "mujeres", "madre", "madres", "noche", "noches", "calle", "calles", "gente",
		"parte", "partes", "muerte", "muertes", "ley", "leyes", "vez", "red", "redes", "luz", "luces", "paz",
		"voz", "voces", "clase", "clases", "fuente", "fuentes", "nave", "naves", "llave", "llaves", "carne", "carnes",
		"sangre", "tarde", "tardes", "leche", "nube", "nubes", "piel", "pieles", "flor", "flores", "sal", "miel",
		"señal", "señales", "cárcel", "cárceles", "catedral", "catedrales", "imagen", "imágenes", "serie", "series",
		"especie", "especies", "superficie", "superficies", "base", "bases", "frase", "frases", "fase", "fases",
		"crisis", "tesis", "torre", "torres", "suerte", "suertes", "mente", "mentes", "frente", "gripe", "mano",
		"manos", "foto", "fotos", "moto", "motos", "radio", "radios", "hambre", "fiebre", "nieve", "sed", "vez",
		"veces", "labor", "labores", "razón", "razones", "hipótesis", "síntesis", "diócesis", "elección")
	esMasculineA = setOf("día", "mapa", "problema", "tema", "sistema", "programa", "clima", "idioma", "planeta",
		"poema", "dilema", "esquema", "drama", "lema")
)

// esFraction: "un medio", "un tercio", "tres cuartos", "dos quintos",
// "cinco dieciseisavos", "dos y medio".
func esFraction(whole, num, den uint64) (string, bool) {
	var name string
	switch {
	case den == 2:
		name = "medio"
	case den == 3:
		name = "tercio"
	case den <= 10:
		name = esOrdinal(den, plain)
	case den == 100:
		name = "centésimo"
	default:
		name = strings.TrimSuffix(esCardinal(den, plain), "e") + "avo" // "dieciseisavo", "doceavo"
	}
	if num > 1 {
		name += "s"
	}
	f := esCardinal(num, masc) + " " + name
	if whole == 0 {
		return f, true
	}
	if num == 1 && den == 2 {
		return esCardinal(whole, plain) + " y medio", true
	}
	return esCardinal(whole, plain) + " y " + f, true
}

// esFracNouns are the nouns of measure a fraction is written before.
var esFracNouns = func() map[string]unit {
	m := nouns(masc, "litro", "litros", "kilo", "kilos", "kilogramo", "kilogramos", "gramo", "gramos", "vaso", "vasos",
		"sobre", "sobres", "paquete", "paquetes", "bote", "botes", "día", "días", "mes", "meses", "año", "años",
		"siglo", "siglos", "metro", "metros", "kilómetro", "kilómetros", "centímetro", "centímetros", "pie", "pies",
		"minuto", "minutos", "limón", "limones", "punto", "puntos", "millón", "millones")
	addNouns(m, fem, "taza", "tazas", "cucharada", "cucharadas", "cucharadita", "cucharaditas", "libra", "libras",
		"onza", "onzas", "botella", "botellas", "lata", "latas", "docena", "docenas", "pizca", "pizcas", "hora", "horas",
		"semana", "semanas", "pulgada", "pulgadas", "cebolla", "cebollas", "ración", "raciones", "porción", "porciones")
	return m
}()

// esFractionOf says a fraction before its noun as Spanish does: "medio"
// agrees with the noun and takes no article ("medio litro", "media
// taza"), and after it with "y" ("dos horas y media", "un litro y
// medio"); other fractions take "de" ("tres cuartos de taza", "un cuarto
// de kilo"). A whole number and a fraction count the noun, the fraction
// after it: "una hora y tres cuartos", "dos horas y cuarto", "una taza y
// un tercio".
func esFractionOf(f fracNoun) (string, bool) {
	half := f.num == 1 && f.den == 2
	medio := pick(f.g == fem, "media", "medio")
	switch {
	case f.whole == 0 && half:
		return medio + " " + f.one, true
	case f.whole == 0:
		s, _ := esFraction(0, f.num, f.den)
		return s + " de " + f.one, true
	}
	part := medio
	if !half {
		part, _ = esFraction(0, f.num, f.den)
		if f.num == 1 && f.den == 4 {
			part = "cuarto" // "dos horas y cuarto"
		}
	}
	return esCardinal(f.whole, pick(f.g == fem, fem, masc)) + " " + pick(f.whole == 1, f.one, f.many) + " y " + part, true
}

// esPluralInitials are the abbreviations of plural names that Spanish
// writes by doubling each initial (RAE, Ortografía 2010, 4.2.4.1.1): "EE.
// UU." Estados Unidos, "FF. AA." Fuerzas Armadas. Each is read written
// with spaces, without them ("EE.UU.") or without full stops ("EEUU").
var esPluralInitials = map[string]string{
	"EE. UU.": "Estados Unidos", "FF. AA.": "Fuerzas Armadas", "CC. OO.": "Comisiones Obreras",
	"RR. HH.": "recursos humanos", "JJ. OO.": "Juegos Olímpicos", "DD. HH.": "derechos humanos",
	"CC. AA.": "comunidades autónomas", "AA. VV.": "autores varios", "FF. CC.": "ferrocarriles",
	"SS. MM.": "Sus Majestades", "SS. AA.": "Sus Altezas", "AA. EE.": "Asuntos Exteriores",
	"AA. PP.": "Administraciones Públicas",
}

// esAbbrevs: titles before a name (said in lower case, as written out),
// "núm." before a number, and those read the same anywhere.
var esAbbrevs = map[string]abbrev{
	// "0,5 p.p.", "2 p. p.": the change of a rate, in percentage points.
	"p.p.":  {counted: "puntos porcentuales", countedOne: "punto porcentual"},
	"p. p.": {counted: "puntos porcentuales", countedOne: "punto porcentual"},
	// A town's inhabitants after their number: "12.000 hab."; a match's
	// minute before its number: "en el min. 12".
	// A flat's door in an address: "3.º izq.", "2.º dcha.".
	"izq.": {always: "izquierda"}, "izqda.": {always: "izquierda"}, "izda.": {always: "izquierda"},
	"dcha.": {always: "derecha"}, "dcho.": {always: "derecho"},
	"hab.": {counted: "habitantes", countedOne: "habitante"}, "min.": {number: "minuto"},
	"lun.": {day: "lunes"}, "mar.": {day: "martes"}, "miér.": {day: "miércoles"}, "jue.": {day: "jueves"}, "vie.": {day: "viernes"},
	"sáb.": {day: "sábado"}, "dom.": {day: "domingo"},
	"a. C.": {always: "antes de Cristo"}, "a.C.": {always: "antes de Cristo"}, "d. C.": {always: "después de Cristo"},
	"d.C.": {always: "después de Cristo"}, "a. de C.": {always: "antes de Cristo"}, "d. de C.": {always: "después de Cristo"},
	"Sr.": {name: "señor"}, "Sra.": {name: "señora"}, "Srta.": {name: "señorita"}, "Sres.": {name: "señores"},
	"Dr.": {name: "doctor"}, "Dra.": {name: "doctora"}, "D.": {name: "don"}, "Dña.": {name: "doña"},
	"Av.": {name: "avenida"}, "Avda.": {name: "avenida"}, "Gral.": {name: "general"},
	"C/": {name: "calle"}, "c/": {name: "calle"},
	"núm.": {number: "número"}, "Núm.": {number: "número"}, "n.º": {number: "número"}, "N.º": {number: "número"},
	"nº": {number: "número"}, "Nº": {number: "número"}, "pág.": {number: "página"},
	"etc.": {always: "etcétera"},
	// Voices spell "vs." and say "prof." and "dip." as words
	// ("profe", "deep"): read out, as "Dr." is.
	"vs.": {always: "versus"}, "vs": {always: "versus"},
	"prof.": {name: "profesor"}, "Prof.": {name: "profesor"}, "profa.": {name: "profesora"}, "Profa.": {name: "profesora"},
	"dip.": {name: "diputado"}, "Dip.": {name: "diputado"},
	"aprox.": {always: "aproximadamente"}, "p.ej.": {always: "por ejemplo"},
	"p.": {number: "página"}, "pp.": {number: "páginas"}, "págs.": {number: "páginas"}, "art.": {number: "artículo"},
	// A royal decree before its number ("el RD 12/2025"), a hospital
	// before its name ("del Hosp. La Paz"), a quarter after its ordinal
	// ("el 2.º trim.").
	"RD": {number: "Real Decreto"}, "RDL": {number: "Real Decreto-ley"}, "Hosp.": {name: "Hospital"},
	"trim.": {ordinal: "trimestre"},
	"Art.":  {number: "artículo"}, "arts.": {number: "artículos"}, "cap.": {number: "capítulo"}, "vol.": {number: "volumen"},
	"s.": {number: "siglo"}, "p. ej.": {always: "por ejemplo"},
	"tel.": {number: "teléfono"}, "Tel.": {number: "teléfono"}, "Tlf.": {number: "teléfono"}, "tlf.": {number: "teléfono"},
}
