package spoken

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Portuguese, after Cunha and Cintra's Nova Gramática do Português
// Contemporâneo, the Acordo Ortográfico de 1990 and the press's practice
// on both sides of the Atlantic: a full stop (or a space) groups
// thousands and the comma marks decimals ("R$ 1.234,56"), numbers agree
// with the noun they count ("duas pessoas", "duzentas mil pessoas"),
// dates are "três de maio de dois mil e vinte e quatro", the first of a
// month "primeiro", times "catorze e trinta", "catorze horas". Brazil
// (pt-BR, and "pt" alone, as CLDR has it) and Portugal (pt-PT, and the
// countries that follow its norm) differ in spelling ("dezesseis",
// "dezasseis"; "quilômetro", "quilómetro") and in the scale: Brazil's
// "bilhão" is 10^9, Portugal's "bilião" 10^12, a thousand millions being
// "mil milhões" there.

var ptMonthNames = [13]string{"", "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
	"setembro", "outubro", "novembro", "dezembro"}

func init() {
	br := newPortuguese(false)
	pt := newPortuguese(true)
	register("pt", br)
	register("pt-br", newPortuguese(false))
	register("pt-pt", pt)
	// Portugal's norm is taught and written in Africa and Asia too.
	for _, r := range []string{"ao", "mz", "cv", "gw", "st", "tl", "mo"} {
		register("pt-"+r, newPortuguese(true))
	}
	// A text tagged "pt" read by a European voice is said as Portugal
	// says it; its written forms are the same.
	br.regionSays = map[string]*language{"pt": pt}
	for _, r := range []string{"ao", "mz", "cv", "gw", "st", "tl", "mo"} {
		br.regionSays[r] = pt
	}
}

// newPortuguese is Portuguese as Portugal (european) or Brazil says it.
func newPortuguese(european bool) *language {
	sp := ptSpeller{european: european}
	cardinal := sp.cardinal
	months := map[string]month{}
	for m := 1; m <= 12; m++ {
		months[ptMonthNames[m]] = month{m: m}
	}
	for k, m := range map[string]int{"jan": 1, "fev": 2, "mar": 3, "abr": 4, "mai": 5, "jun": 6, "jul": 7,
		"ago": 8, "set": 9, "out": 10, "nov": 11, "dez": 12} {
		months[k+"."] = month{m: m}
	}
	// The spellings that differ: Brazil writes the open vowel closed
	// before a nasal consonant ("quilômetro"), Portugal open
	// ("quilómetro"); Brazil's cent of a euro is a "centavo", Portugal's a
	// "cêntimo".
	km := pick(european, "quilómetro", "quilômetro")
	cent := pick(european, "cêntimo", "centavo")
	real := currency{one: "real", many: "reais", g: masc, minorOne: "centavo", minorMany: "centavos", minorG: masc}
	euro := currency{one: "euro", many: "euros", g: masc, minorOne: cent, minorMany: cent + "s", minorG: masc}
	dollar := currency{one: "dólar", many: "dólares", g: masc, minorOne: "centavo", minorMany: "centavos", minorG: masc}
	pound := currency{one: "libra", many: "libras", g: fem, minorOne: "pêni", minorMany: "pence", minorG: masc}
	kwanza := currency{one: "kwanza", many: "kwanzas", g: masc}
	metical := currency{one: "metical", many: "meticais", g: masc}
	scaleName := func(pow int, plural bool) string {
		switch {
		case pow == 3:
			return "mil"
		case pow == 6:
			return pick(plural, "milhões", "milhão")
		case pow == 9 && european:
			return "mil milhões"
		case pow == 9:
			return pick(plural, "bilhões", "bilhão")
		case european:
			return pick(plural, "biliões", "bilião")
		}
		return pick(plural, "trilhões", "trilhão")
	}
	l := &language{
		group: `. `, decMark: ',', dayFirst: true,
		cardinal: cardinal,
		ordinal:  sp.ordinal,
		year:     func(y int) string { return cardinal(uint64(y), plain) },
		// "3,14": três vírgula catorze; "0,05": zero vírgula zero cinco.
		fracAsNumber: true,
		// "1,5 milhão", "0,5 litro": the noun is plural from two on.
		pluralFromTwo: true,
		nounGender:    ptNounGender,
		prenominal: setOf("só", "única", "único", "grande", "nova", "novo", "pequena", "pequeno", "boa", "bom", "má",
			"mau", "velha", "velho", "verdadeira", "verdadeiro", "simples", "dupla", "duplo", "breve", "longa",
			"longo", "importante", "forte", "possível", "provável", "triste", "grave", "enorme", "outra", "outro",
			"outras", "outros", "última", "último", "últimas", "últimos", "primeira", "primeiras", "primeiros"),
		actNouns: setOf("lei", "leis", "decreto", "decretos", "decreto-lei", "portaria", "resolução", "acórdão",
			"medida", "mp", "emenda", "despacho", "regulamento", "diretiva", "directiva", "instrução", "súmula"),
		actYear: "de",
		xScore:  "a",
		xScoreCues: setOf("venceu", "vence", "vencer", "venceram", "perdeu", "perde", "perderam", "empate", "empatou",
			"empataram", "placar", "gol", "gols", "jogo", "partida", "derrota", "vitória", "bateu", "goleou", "goleada",
			"rodada", "clássico", "campeonato", "final", "semifinal"),
		actGrouped: true,
		// "200 mil pessoas": duzentas mil pessoas.
		thousandAgrees: true,
		labelNouns: setOf("artigo", "alínea", "parágrafo", "capítulo", "página", "linha", "número", "lugar",
			"tomo", "volume", "parte", "temporada", "episódio", "plataforma", "sala", "andar", "porta", "terminal",
			"grupo", "fase", "nível", "categoria", "ponto", "anexo", "secção", "seção", "pergunta", "tabela",
			"figura", "zona", "faixa", "saída", "fila", "assento", "jornada", "etapa", "rodada", "divisão",
			"versão", "modelo", "tipo", "pavilhão", "módulo", "lote", "casa", "quarto", "edição", "linha"),
		minute: func(l *language, n uint64) string { return "minuto " + l.cardinal(n, masc) },
		// "aos 88'": aos oitenta e oito minutos; "no 90'": no minuto
		// noventa. The word before is said with the minute, its form
		// asking for the count or the minute's name.
		minuteIn: func(prep string, n uint64) (string, bool) {
			switch strings.ToLower(prep) {
			case "aos":
				return prep + " " + cardinal(n, masc) + " minutos", true
			case "no":
				return prep + " minuto " + cardinal(n, masc), true
			}
			return "", false
		},
		minutePreps: setOf("aos", "no"),
		w: words{over: "por", numberSign: "número", decimal: "vírgula", minus: "menos", plus: "mais",
			plusMinus: "mais ou menos", atLeast: "pelo menos", percent: "por cento", perMille: "por mil",
			to: "a", score: "a", and: "e", or: "ou", times: "vezes", outOf: "em", by: "por",
			about: "cerca de", approx: "aproximadamente", arrow: "para", compare: map[rune][2]string{'<': {"menor que", "menos de"}, '>': {"maior que", "mais de"},
				'≤': {"menor ou igual a", "no máximo"}, '≥': {"maior ou igual a", "pelo menos"}, '≠': {"diferente de", "diferente de"}},
			equals: "igual a", divided: "dividido por",
			squared: "ao quadrado", cubed: "ao cubo", power: "elevado a", at: "arroba", dot: "ponto",
			slash: "barra", dash: "hífen", point: "ponto", version: "versão", section: "parágrafo",
			sections: "parágrafos", plusSign: "mais", seconds: "segundos"},
		scales: map[string]int{"mil": 3, "milhão": 6, "milhões": 6, "mi": 6, "bilhão": 9, "bilhões": 9,
			"bi": 9, "bilião": 12, "biliões": 12, "trilhão": 12, "trilhões": 12},
		scaleName: scaleName,
		// "mil" and "mil milhões" take no "um".
		scaleOne: func(pow int) string { return pick(pow == 3 || pow == 9 && european, "", "um") },
		money:    moneyStyle{scaleJoin: "de", minorJoin: " e ", minorName: true},
		currencies: map[string]currency{
			"R$": real, "BRL": real, "€": euro, "EUR": euro, "US$": dollar, "USD": dollar, "$": dollar,
			"£": pound, "GBP": pound, "Kz": kwanza, "AOA": kwanza, "MT": metical, "MZN": metical,
			"¥": {one: "iene", many: "ienes", g: masc}, "JPY": {one: "iene", many: "ienes", g: masc},
			"CHF": {one: "franco suíço", many: "francos suíços", g: masc},
		},
		currencyNames: map[string]string{"reais": "R$", "real": "R$", "euros": "€", "euro": "€",
			"dólares": "$", "dólar": "$"},
		// "1,92 m": um metro e noventa e dois.
		hundredths: map[string]string{"m": "e"},
		units: map[string]unit{
			"pb": {one: "ponto-base", many: "pontos-base", g: masc}, // "o spread, em 80 pb"
			"km": ptUnit(km), "m": ptUnit("metro"), "cm": ptUnit("centímetro"), "mm": ptUnit("milímetro"), "nm": ptUnit(pick(european, "nanómetro", "nanômetro")),
			"mmHg": {one: "milímetro de mercúrio", many: "milímetros de mercúrio", g: masc},
			// "200 g": duzentos gramas, the unit masculine.
			"kg": ptUnit("quilo"), "g": ptUnit("grama"), "mg": ptUnit("miligrama"), "µg": ptUnit("micrograma"),
			"t":    {one: "tonelada", many: "toneladas", g: fem},
			"km/h": {one: km + " por hora", many: km + "s por hora", g: masc},
			"°C":   {one: "grau Celsius", many: "graus Celsius", g: masc}, "°F": {one: "grau Fahrenheit", many: "graus Fahrenheit", g: masc},
			"°":  {one: "grau", many: "graus", g: masc},
			"ha": ptUnit("hectare"), "l": ptUnit("litro"), "ml": ptUnit("mililitro"), "cl": ptUnit("centilitro"),
			"dl":  ptUnit("decilitro"),
			"km²": {one: km + " quadrado", many: km + "s quadrados", g: masc},
			"m²":  {one: "metro quadrado", many: "metros quadrados", g: masc},
			"cm²": {one: "centímetro quadrado", many: "centímetros quadrados", g: masc},
			"m³":  {one: "metro cúbico", many: "metros cúbicos", g: masc},
			"cm³": {one: "centímetro cúbico", many: "centímetros cúbicos", g: masc},
			"kWh": {one: "quilowatt-hora", many: "quilowatts-hora", g: masc},
			"MWh": {one: "megawatt-hora", many: "megawatts-hora", g: masc},
			"GWh": {one: "gigawatt-hora", many: "gigawatts-hora", g: masc},
			"TWh": {one: "terawatt-hora", many: "terawatts-hora", g: masc},
			"kW":  ptUnit("quilowatt"), "MW": ptUnit("megawatt"), "GW": ptUnit("gigawatt"), "V": ptUnit("volt"),
			"Hz": ptUnit("hertz"), "kHz": ptUnit("quilo-hertz"), "MHz": ptUnit("mega-hertz"), "GHz": ptUnit("giga-hertz"),
			"GB": ptUnit("gigabyte"), "MB": ptUnit("megabyte"), "TB": ptUnit("terabyte"),
			"h": {one: "hora", many: "horas", g: fem}, "min": ptUnit("minuto"), "s": ptUnit("segundo"),
			"ms":   ptUnit("milissegundo"),
			"kcal": {one: "quilocaloria", many: "quilocalorias", g: fem},
			"mAh":  {one: "miliampere-hora", many: "miliamperes-hora", g: masc},
			"dB":   ptUnit("decibel"), "µm": ptUnit("micrómetro"),
			"ppm": {one: "parte por milhão", many: "partes por milhão", g: fem},
		},
		// "ha" is the verb "há" written without its accent only by
		// mistake; hectares at a clause's end or before "de".
		unitIf:  map[string]func(string, bool, string) bool{"ha": haHectares(setOf("de", "do", "da", "e", "ou", "em"))},
		compass: map[string]string{"N": "norte", "S": "sul", "L": "leste", "E": pick(european, "este", "leste"), "O": "oeste", "W": "oeste"},
		months:  months, monthNouns: setOf("set"), monthNames: ptMonthNames, dates: dateStyle{monthOf: "de"},
		dayRange: func(n *Normalizer, d1, d2, m, y int, c dateCtx) string {
			day := func(d int) string { return ptDay(european, d, false) }
			s := n.romanceDaySpan("de", "a", false, d1, d2, c, day) + " de " + ptMonthNames[m]
			if y != 0 {
				s += " de " + cardinal(uint64(y), plain)
			}
			return s
		},
		date: func(n *Normalizer, d, m, y int, c dateCtx) string {
			s := ptDay(european, d, c.ordinal) + " de " + ptMonthNames[m]
			if y != 0 {
				s += " de " + cardinal(uint64(y), plain)
			}
			return s
		},
		clock: clockStyle{hours: true, hMin: true, hWord: true, andParts: true,
			before: setOf("às", "à", "as", "a", "das", "da", "até", "desde", "pelas", "pela", "após", "entre"),
			// "9h-17h": das nove às dezessete horas.
			rangeFrom: func(hA, hB int, prev string) (string, string) {
				from := pick(hA == 1, "da ", "das ")
				switch strings.ToLower(prev) {
				case "das", "da", "de", "desde", "entre", "as", "a":
					from = ""
				}
				return from, pick(hB == 1, "à ", "às ")
			},
			say: func(h, m int, _ string) string {
				s := cardinal(uint64(h), fem) // "uma hora", "vinte e duas horas"
				switch {
				case m == 0:
					return s + pick(h == 1 || h == 0, " hora", " horas")
				case h == 0:
					s += " hora" // "0h15": zero hora e quinze
				}
				return s + " e " + cardinal(uint64(m), plain)
			},
			hour:   unit{one: "hora", many: "horas", g: fem},
			minute: ptUnit("minuto"), second: ptUnit("segundo")},
		ordinals: ordinalStyle{
			// "1.º", "1º", "2.ª", "3ª" and the degree sign typed for the
			// ordinal's "º".
			re: regexp.MustCompile(`^(\d{1,9})(\.?º|\.?ª|\.?°)`),
			articles: setOf("o", "a", "os", "as", "ao", "à", "do", "da", "no", "na", "pelo", "pela", "seu", "sua",
				"meu", "minha", "nosso", "nossa", "este", "esta", "esse", "essa"),
			rankVerbs: setOf("chegou", "chega", "chegaram", "terminou", "termina", "terminaram", "ficou", "fica",
				"ficaram", "acabou", "acaba", "classificou", "classificado", "classificada", "cruzou", "largará",
				"largou", "partirá", "sairá", "concluiu", "foi", "é"),
			degreeBefore: setOf("a", "até", "os", "uns", "sobre", "abaixo", "acima", "entre", "faz", "fazia", "fará",
				"marca", "marcava", "marcou", "atinge", "atingiu", "atingem", "atingiram", "supera", "superou",
				"superam", "ultrapassa", "ultrapassou", "com", "quase", "de", "dos", "aos", "nos", "chegar"),
			degreeCues: setOf("temperatura", "temperaturas", "graus", "grau", "calor", "frio", "termómetro",
				"termômetro", "termómetros", "termômetros", "máxima", "máximas", "mínima", "mínimas", "geada",
				"febre", "onda", "celsius", "ângulo", "giro", "rotação", "inclinação", "latitude", "longitude",
				"sombra", "zero"),
			gender: func(suffix, next string) gender {
				if strings.HasSuffix(suffix, "ª") {
					return fem
				}
				if g := ptNounGender(next); g != plain {
					return g // "a 3° vitória": the noun wins over a sign written masculine
				}
				return plain
			},
		},
		fraction:    ptFraction,
		partOf:      ptPartOf,
		fractionOf:  ptFractionOf,
		fracNouns:   ptFracNouns,
		ratingParts: setOf("de", "dos", "das", "do", "da"),
		ratingDates: setOf("o", "no", "dia", "ao", "até", "desde"),
		ratingStars: setOf("estrelas", "estrela", "pontos"),
		dayBefore:   setOf("dia", "no", "o", "ao"),
		abbrevs:     withAbbrev(ptAbbrevs, "km", abbrev{number: km}), // "no km 45": a road's milestone
		// "3T 2024", "3T24", "T3 de 2024": terceiro trimestre (de dois
		// mil e vinte e quatro); "T3" alone is a flat of three rooms.
		quarters: quarterStyle{letter: 'T', yearJoins: setOf("de", "do"), numberFirst: true, say: func(q int, _ string, year bool) (string, bool) {
			return sp.ordinal(uint64(q), masc) + " trimestre", year
		}, shortYear: func(yy int) string { return "de " + cardinal(uint64(fullYear(yy)), plain) }},
		femaleName:  ptFemaleName,
		between:     setOf("entre"),
		rangeFrom:   "de",
		fromWords:   setOf("de", "do", "da", "dos", "das", "desde", "a", "ao", "à", "aos", "às"),
		dayRangeSay: func(a, b string) string { return "de " + a + " a " + b },
		roman: romanStyle{
			regnal: setOf("João", "Pedro", "Manuel", "Afonso", "Sancho", "Dinis", "Fernando", "Duarte", "Sebastião",
				"Filipe", "José", "Maria", "Luís", "Carlos", "Miguel", "Henrique", "Bento", "Pio", "Paulo",
				"João Paulo", "Leão", "Gregório", "Clemente", "Inocêncio", "Urbano", "Bonifácio", "Alexandre",
				"Sisto", "Isabel", "Catarina", "Vitória", "Leonor", "Napoleão", "Eduardo", "Jorge", "Guilherme",
				"Frederico", "Nicolau", "Ricardo", "Leopoldo", "Alberto", "Balduíno", "Ramsés", "Ptolomeu",
				"Luís Filipe", "Amadeu", "Vítor Emanuel", "Humberto", "Gustavo", "Harald", "Francisco", "Felipe"),
			female: ptFemaleRulers,
			titles: setOf("rei", "rainha", "papa", "imperador", "imperatriz", "D.", "Dom", "Dona", "infante", "infanta"),
			// "a II Guerra Mundial": a segunda Guerra Mundial.
			articles: map[string]gender{"o": masc, "a": fem, "os": masc, "as": fem, "do": masc, "da": fem,
				"no": masc, "na": fem, "ao": masc, "à": fem, "pelo": masc, "pela": fem},
			articleMax: 10,
			// Ordinals up to the tenth, cardinals after, for rulers and
			// centuries alike: "D. João VI" Dom João Sexto, "Bento XVI"
			// Bento Dezasseis, "século V" século quinto, "século XXI"
			// século vinte e um.
			reign: func(v int, female bool, _ string) string {
				if v <= 10 {
					return sp.ordinal(uint64(v), pick(female, fem, plain))
				}
				return cardinal(uint64(v), plain)
			},
			ordinalAfter: setOf("século", "séculos", "séc.", "sécs.", "Século", "capítulo", "Capítulo", "cap.",
				"tomo", "Tomo", "volume", "vol.", "Vol."),
			ordinalUpTo: 10,
		},
		isYear: esItIsYear,
		decades: decadeStyle{
			// "os anos 80": os anos oitenta; "os anos 2000".
			after:    setOf("anos", "Anos"),
			sayAfter: func(y int) string { return cardinal(uint64(pick(y >= 2000 || y%100 == 0, y, y%100)), plain) },
		},
		versionWords: setOf("versão", "Python", "iOS", "Android", "Windows", "macOS"),
		scores:       scoreStyle{setZero: "zero"},
		// Telephones: Brazil's "(11) 98765-4321", "11 98765-4321", a
		// mobile's "98765-4321"; Portugal's nine digits in threes, "912 345
		// 678", "213 456 789". Said digit by digit.
		phoneSpaced: regexp.MustCompile(`^(?:\(\d{2}\) ?9?\d{4}-\d{4}|\d{2} 9\d{4}-\d{4}|9\d{4}-\d{4}|(?:2\d|9[1236])\d \d{3} \d{3})\b`),
		// "5 l/100 km": cinco litros por cem quilómetros.
		rate: rateStyle{per: "por", perCount: "por", nouns: map[string]unit{
			"hora": {one: "hora", many: "horas", g: fem}, "dia": ptUnit("dia"), "semana": {one: "semana", many: "semanas", g: fem},
			"mês": {one: "mês", many: "meses", g: masc}, "ano": ptUnit("ano"), "noite": {one: "noite", many: "noites", g: fem},
			"pessoa": {one: "pessoa", many: "pessoas", g: fem}, "tonelada": {one: "tonelada", many: "toneladas", g: fem},
			"barril": {one: "barril", many: "barris", g: masc}, "litro": ptUnit("litro"), "ação": {one: "ação", many: "ações", g: fem},
		}},
		sentenceStarters: setOf("O", "A", "Os", "As", "Um", "Uma", "Ele", "Ela", "Eles", "Elas", "Em", "Mas", "E",
			"Depois", "Segundo", "Este", "Esta", "No", "Na", "Nos", "Nas"),
	}
	return l
}

// ptDay says day d of a month: the first is "primeiro" in Brazil however
// it is written ("1 de maio", "1º de maio"), and in Portugal where it is
// written as an ordinal ("1.º de Maio"), else "um" ("1 de janeiro": um de
// janeiro).
func ptDay(european bool, d int, ordinal bool) string {
	if d == 1 && (!european || ordinal) {
		return "primeiro"
	}
	return ptSpeller{european: european}.cardinal(uint64(d), plain)
}

// ptUnit is a masculine unit whose plural adds "s".
func ptUnit(one string) unit { return unit{one: one, many: one + "s", g: masc} }

// ptNounGender guesses the gender of a Portuguese word after a number:
// feminine for -a, -ção, -são, -dade, -gem, -ie and their plurals (but
// "dia", "mapa", "problema"…), masculine for other lower-case words,
// plain for the words that are not nouns.
func ptNounGender(w string) gender {
	if w == "" || !isLowerWord(w) || ptNotNouns[w] {
		return plain
	}
	if ptMasculine[w] || ptMasculine[strings.TrimSuffix(w, "s")] {
		return masc
	}
	if ptFeminine[w] {
		return fem
	}
	for _, s := range []string{"a", "as", "ção", "ções", "são", "sões", "dade", "dades", "gem", "gens", "ie", "ies",
		"tude", "tudes", "ise", "ises"} {
		if strings.HasSuffix(w, s) {
			return fem
		}
	}
	return masc
}

var (
	ptNotNouns = setOf("de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas", "e", "ou", "a", "o", "os",
		"as", "ao", "aos", "à", "às", "com", "por", "para", "pela", "pelo", "pelas", "pelos", "que", "se", "é",
		"são", "foi", "foram", "era", "eram", "há", "tem", "têm", "mil", "milhões", "milhão", "bilhões", "bilhão",
		"biliões", "bilião", "mais", "menos", "entre", "sobre", "sem", "segundo", "como", "quando", "também",
		"já", "não", "sim", "muito", "cerca", "aproximadamente", "uns", "umas", "lhe", "seu", "sua", "hoje",
		"ontem", "amanhã", "até", "contra", "após", "desde", "ainda", "agora", "enquanto", "zero", "ali", "aqui",
		"lá", "mas", "nem", "pra")
	// ptFeminine are common feminine nouns, singular and plural, that do
	// not end in -a, -ção, -são, -dade, -gem or -ie: "uma mulher", "duas
	// vezes", "vinte e uma noites".
	ptFeminine = setOf("mulher", "mulheres", "mãe", "mães", "noite", "noites", "vez", "vezes", "parte", "partes",
		"morte", "mortes", "lei", "leis", "rede", "redes", "luz", "luzes", "paz", "voz", "vozes", "classe",
		"classes", "fonte", "fontes", "chave", "chaves", "carne", "carnes", "tarde", "tardes", "nave", "naves",
		"ponte", "pontes", "torre", "torres", "febre", "fome", "sede", "sedes", "mão", "mãos", "foto", "fotos",
		"moto", "motos", "tribo", "tribos", "cor", "cores", "dor", "dores", "flor", "flores", "nuvem", "nuvens",
		"ordem", "ordens", "origem", "origens", "frente", "gente", "mente", "mentes", "neve", "pele", "peles",
		"base", "bases", "frase", "frases", "fase", "fases", "face", "faces", "sorte", "arte", "artes", "fé",
		"vítima", "vítimas", "catedral", "catedrais", "capital", "capitais", "colher", "colheres", "libra",
		"libras", "árvore", "árvores", "estrela", "estrelas", "greve", "greves", "hélice", "rês", "rodovia",
		"cidade", "cidades", "região", "regiões", "opinião", "opiniões", "legião", "prisão", "prisões", "razão",
		"razões", "estação", "estações", "edição", "edições")
	// ptMasculine are common masculine nouns that end in -a or another
	// feminine ending: "um dia", "dois problemas", "duzentos gramas".
	ptMasculine = setOf("dia", "mapa", "problema", "tema", "sistema", "programa", "clima", "idioma", "planeta",
		"poema", "dilema", "esquema", "drama", "cinema", "telefonema", "grama", "quilograma", "miligrama",
		"micrograma", "diploma", "pijama", "sofá", "guarda", "lema", "trema", "teorema", "cometa", "pirata",
		"personagem", "selvagem", "carro-chefe", "quilo", "quilos", "ônibus", "vírus", "lápis", "mês",
		"país", "países", "pais", "deus", "mar", "lugar", "ie", "hectare", "milhar", "milhares", "par", "pares",
		"atleta", "jornalista", "dentista", "artista", "policial", "cientista", "analista", "economista",
		"especialista", "motorista", "turista", "ciclista", "goleiro", "guarda-redes")
	// ptFemaleRulers are the names of queens and empresses.
	ptFemaleRulers = setOf("Maria", "Isabel", "Catarina", "Vitória", "Leonor", "Beatriz", "Teresa", "Elizabeth",
		"Amélia", "Carlota", "Joana", "Mafalda", "Urraca")
)

// ptFemaleName reports whether a given name is a woman's: one of the
// queens', one ending in -a (but a man's few: "Luca", "Costa" is no
// given name) or one of the common women's names that do not.
func ptFemaleName(name string) bool {
	if ptFemaleRulers[name] || ptFemaleNames[name] {
		return true
	}
	return strings.HasSuffix(name, "a") && !ptMaleNamesA[name] && utf8.RuneCountInString(name) > 2
}

var (
	ptFemaleNames = setOf("Inês", "Raquel", "Carmen", "Ester", "Rute", "Lurdes", "Dolores", "Mercedes",
		"Glória", "Conceição", "Assunção", "Graça", "Ivone", "Denise", "Alice", "Beatriz", "Leonor", "Isabel",
		"Madalena", "Irene", "Noémia", "Noêmia", "Zulmira", "Ruth", "Miriam", "Jaqueline", "Simone", "Cristiane",
		"Eliane", "Gisele", "Michele", "Rose", "Aline", "Adele", "Elizabeth", "Margarida", "Dilma", "Benedita")
	ptMaleNamesA = setOf("Luca", "Nicola", "Moura", "Costa", "Sousa", "Souza", "Silva", "Garcia", "Batista",
		"Baptista", "Elia", "Jeremia", "Isaia", "Joshua", "Andrea", "Sasha", "Mustafa", "Barbosa", "Moreira",
		"Oliveira", "Pereira", "Ferreira", "Teixeira", "Vieira", "Rocha", "Cunha", "Lima", "Fonseca")
)

// ptFraction: "um meio", "um terço", "três quartos", "dois quintos",
// "cinco doze avos", "dois e meio".
func ptFraction(whole, num, den uint64) (string, bool) {
	var name string
	switch {
	case den == 2:
		name = "meio"
	case den == 3:
		name = "terço"
	case den <= 10 || den == 100 || den == 1000:
		name = ptSpeller{}.ordinal(den, plain)
	default:
		name = ptSpeller{}.cardinal(den, plain) + " avo" // "doze avos"
	}
	if num > 1 {
		name += "s"
	}
	f := ptSpeller{}.cardinal(num, masc) + " " + name
	if whole == 0 {
		return f, true
	}
	if num == 1 && den == 2 {
		return ptSpeller{}.cardinal(whole, plain) + " e meio", true
	}
	return ptSpeller{}.cardinal(whole, plain) + " e " + f, true
}

// ptPartOf says a half before the whole it is a part of as "a metade"
// ("1/2 dos votos": a metade dos votos), and as "metade" alone after an
// article or a preposition ("mais de 1/2 dos votos": mais de metade).
func ptPartOf(num, den uint64, prev, next string) (string, bool) {
	if num != 1 || den != 2 || !ptOfWords[strings.ToLower(next)] {
		return "", false
	}
	if p := strings.ToLower(prev); p == "a" || p == "de" || p == "da" || p == "em" || p == "na" || p == "à" || p == "pela" {
		return "metade", true
	}
	return "a metade", true
}

// ptOfWords are "de" and its contractions with the articles.
var ptOfWords = setOf("de", "do", "da", "dos", "das")

// ptFracNouns are the nouns of measure a fraction is written before.
var ptFracNouns = func() map[string]unit {
	m := nouns(masc, "litro", "litros", "quilo", "quilos", "grama", "gramas", "copo", "copos", "pacote", "pacotes",
		"dia", "dias", "mês", "meses", "ano", "anos", "século", "séculos", "metro", "metros", "quilômetro",
		"quilômetros", "quilómetro", "quilómetros", "centímetro", "centímetros", "minuto", "minutos", "limão",
		"limões", "ponto", "pontos", "milhão", "milhões", "tablete", "tabletes")
	addNouns(m, fem, "xícara", "xícaras", "chávena", "chávenas", "colher", "colheres", "garrafa", "garrafas",
		"lata", "latas", "dúzia", "dúzias", "pitada", "pitadas", "hora", "horas", "semana", "semanas",
		"cebola", "cebolas", "porção", "porções", "libra", "libras", "polegada", "polegadas")
	return m
}()

// ptFractionOf says a fraction before its noun as Portuguese does: "meio"
// agrees with the noun and takes no article ("meio litro", "meia
// xícara"), and after it with "e" ("duas horas e meia", "um litro e
// meio"); other fractions take "de" ("três quartos de xícara", "um terço
// de colher"). A whole number and a fraction count the noun, the fraction
// after it: "uma hora e meia", "duas xícaras e um terço".
func ptFractionOf(f fracNoun) (string, bool) {
	half := f.num == 1 && f.den == 2
	meio := pick(f.g == fem, "meia", "meio")
	switch {
	case f.whole == 0 && half:
		return meio + " " + f.one, true
	case f.whole == 0:
		s, _ := ptFraction(0, f.num, f.den)
		return s + " de " + f.one, true
	}
	part := meio
	if !half {
		part, _ = ptFraction(0, f.num, f.den)
	}
	g := pick(f.g == fem, fem, masc)
	return ptSpeller{}.cardinal(f.whole, g) + " " + pick(f.whole == 1, f.one, f.many) + " e " + part, true
}

// ptAbbrevs: titles before a name (said in lower case, as written out),
// "n.º" before a number, and those read the same anywhere.
var ptAbbrevs = map[string]abbrev{
	// "0,5 p.p.": the change of a rate, in percentage points.
	"p.p.": {counted: "pontos percentuais", countedOne: "ponto percentual"},
	"hab.": {counted: "habitantes", countedOne: "habitante"}, // "12 mil hab."
	// A rate a year ("11,25% a.a."), a quarter after its ordinal ("no 3º
	// tri"), a flat's number ("apto. 32").
	// An operation's and a highway's names ("Op. Lava Jato", "Rod.
	// Anhanguera").
	// (The milestone's "km", spelled as each country spells the word, is
	// added where the language is made.)
	"Op.": {name: "Operação"}, "Rod.": {name: "Rodovia"},
	"a.a.": {counted: "ao ano"}, "tri": {ordinal: "trimestre"}, "apto.": {number: "apartamento"}, "ap.": {number: "apartamento"},
	// "chegou a 45 pts": points of a table.
	"pts": {counted: "pontos", countedOne: "ponto"}, "pts.": {counted: "pontos", countedOne: "ponto"},
	"seg.": {day: "segunda-feira"}, "ter.": {day: "terça-feira"}, "qua.": {day: "quarta-feira"},
	"qui.": {day: "quinta-feira"}, "sex.": {day: "sexta-feira"}, "sáb.": {day: "sábado"}, "dom.": {day: "domingo"},
	"Seg.": {day: "segunda-feira"}, "Ter.": {day: "terça-feira"}, "Qua.": {day: "quarta-feira"},
	"Qui.": {day: "quinta-feira"}, "Sex.": {day: "sexta-feira"}, "Sáb.": {day: "sábado"}, "Dom.": {day: "domingo"},
	"a.C.": {always: "antes de Cristo"}, "a. C.": {always: "antes de Cristo"}, "d.C.": {always: "depois de Cristo"},
	"d. C.": {always: "depois de Cristo"},
	"Sr.":   {name: "senhor"}, "Sra.": {name: "senhora"}, "Sr.ª": {name: "senhora"}, "Srta.": {name: "senhorita"},
	"Srs.": {name: "senhores"}, "Dr.": {name: "doutor"}, "Dra.": {name: "doutora"}, "Dr.ª": {name: "doutora"},
	"Drs.": {name: "doutores"}, "Prof.": {name: "professor"}, "Profa.": {name: "professora"},
	"Prof.ª": {name: "professora"}, "Eng.": {name: "engenheiro"}, "Eng.ª": {name: "engenheira"},
	"Exmo.": {name: "excelentíssimo"}, "Exma.": {name: "excelentíssima"}, "Sto.": {name: "santo"},
	"Sta.": {name: "santa"}, "Pe.": {name: "padre"}, "Gen.": {name: "general"}, "Cel.": {name: "coronel"},
	"Av.": {name: "avenida"}, "Pça.": {name: "praça"},
	// "D. Pedro II" Dom Pedro Segundo, "D. Maria I" Dona Maria Primeira.
	"D.":  {name: "Dom", femName: "Dona"},
	"n.º": {number: "número"}, "N.º": {number: "número"}, "nº": {number: "número"}, "Nº": {number: "número"},
	"n.o": {number: "número"}, "núm.": {number: "número"}, "pág.": {number: "página"}, "págs.": {number: "páginas"},
	"p.": {number: "página"}, "pp.": {number: "páginas"}, "art.": {number: "artigo"}, "Art.": {number: "artigo"},
	"arts.": {number: "artigos"}, "cap.": {number: "capítulo"}, "vol.": {number: "volume"},
	"séc.": {number: "século"}, "sécs.": {number: "séculos"}, "tel.": {number: "telefone"},
	"Tel.": {number: "telefone"}, "tlm.": {number: "telemóvel"}, "cel.": {number: "celular"},
	"etc.": {always: "etcétera"}, "aprox.": {always: "aproximadamente"}, "p. ex.": {always: "por exemplo"},
	"p.ex.": {always: "por exemplo"}, "pág": {number: "página"}, "V. Exa.": {always: "Vossa Excelência"},
	"V. Ex.ª": {always: "Vossa Excelência"},
	// Voices spell "vs." and say "prof." and "dep." as words ("profe",
	// "depth"), the lower-case titles as the capitalized ones.
	"vs.": {always: "versus"}, "vs": {always: "versus"},
	"prof.": {name: "professor"}, "profa.": {name: "professora"}, "dep.": {name: "deputado"}, "Dep.": {name: "deputado"},
	"dep.ª": {name: "deputada"}, "Dep.ª": {name: "deputada"},
}
