package spoken

import (
	"regexp"
	"strings"
)

// French, after the Imprimerie nationale's conventions: a space groups
// thousands and the comma marks decimals ("1 500,50 €"), dates are day
// first ("le 1er janvier"), times "22 h 30".

var frMonthNames = [13]string{"", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre"}

func init() {
	months := map[string]month{}
	for k, m := range map[string]int{"janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "déc": 12} {
		months[k] = month{m: m}
		months[k+"."] = month{m: m}
	}
	for m := 1; m <= 12; m++ {
		months[frMonthNames[m]] = month{m: m}
	}
	register("fr", &language{
		group: ` `, decMark: ',', dayFirst: true,
		elides: true,
		// "de", "que" and the conjunctions ending in "que" are elided
		// before a vowel; the article "le", "la" is not, before a
		// number ("le onze", "la une").
		elisions: map[string]string{"de": "d'", "que": "qu'", "lorsque": "lorsqu'", "puisque": "puisqu'", "quoique": "quoiqu'"},
		elidedBy: setOf("un", "une"),
		cardinal: func(n uint64, g gender) string {
			c := frCardinal(n)
			if g == fem && strings.HasSuffix(c, "un") {
				c += "e" // "une", "vingt et une"
			}
			return c
		},
		ordinal: func(n uint64, g gender) string {
			if n == 1 && g == fem {
				return "première"
			}
			return frOrdinal(n)
		},
		year:          func(y int) string { return frCardinal(uint64(y)) },
		fracAsNumber:  true,
		pluralFromTwo: true,
		nounGender:    frNounGender,
		prenominal:    setOf("seul", "seule", "grand", "grande", "petit", "petite", "bon", "bonne", "mauvais", "mauvaise", "gros", "grosse", "vieux", "vieille", "vieil", "beau", "belle", "bel", "jeune", "dernier", "dernière", "autre", "même", "vrai", "vraie", "nouveau", "nouvel", "nouvelle", "long", "longue", "haut", "haute", "faux", "fausse", "énorme", "grave", "véritable", "simple", "double", "unique", "certain", "certaine", "immense", "lourd", "lourde", "large", "triste", "rare", "sérieux", "sérieuse"),
		labelNouns: setOf("article", "alinéa", "paragraphe", "chapitre", "page", "ligne", "numéro", "tome",
			"volume", "partie", "saison", "épisode", "quai", "salle", "étage", "porte", "terminal", "groupe",
			"phase", "niveau", "catégorie", "point", "annexe", "section", "question", "tableau", "figure", "zone",
			"voie", "sortie", "rang", "ligue", "étape", "journée", "tour", "version", "modèle", "type", "pavillon",
			"module", "lot", "case", "hall"),
		minute:        func(l *language, n uint64) string { return l.ordinal(n, fem) + " minute" },
		minuteOrdinal: `e`,
		minuteCues: setOf("but", "buts", "buteur", "buteurs", "csc", "penalty", "carton", "cartons", "jaune", "jaunes",
			"rouge", "rouges", "avertissement", "avertissements", "expulsion", "remplacement", "remplacements"),
		w: words{over: "sur", numberSign: "numéro", decimal: "virgule", minus: "moins", plus: "plus", plusMinus: "plus ou moins", atLeast: "au moins", percent: "pour cent", perMille: "pour mille", to: "à", score: "à", and: "et", or: "ou",
			times: "fois", outOf: "sur", by: "sur", about: "environ", approx: "environ", compare: map[rune][2]string{'<': {"inférieur à", "moins de"}, '>': {"supérieur à", "plus de"},
				'≤': {"inférieur ou égal à", "au plus"}, '≥': {"supérieur ou égal à", "au moins"}, '≠': {"différent de", "différent de"}},
			equals: "égale", divided: "divisé par", squared: "au carré", cubed: "au cube",
			power: "puissance", at: "arobase", dot: "point", slash: "barre oblique", dash: "tiret", point: "point",
			version: "version", section: "paragraphe", sections: "paragraphes", plusSign: "plus", seconds: "secondes"},
		scales: map[string]int{"mille": 3, "k": 3, "K": 3, "million": 6, "millions": 6, "M": 6, "milliard": 9, "milliards": 9,
			"Md": 9, "Mds": 9, "md": 9, "Mrd": 9, "billion": 12, "billions": 12},
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
		scaleOne: func(pow int) string { return pick(pow == 3, "", "un") },
		money:    moneyStyle{scaleJoin: "de", elide: true, minorJoin: " "},
		currencies: map[string]currency{
			"€": cur("euro", "euros", "centime", "centimes"), "$": cur("dollar", "dollars", "cent", "cents"),
			"£":   {one: "livre", many: "livres", g: fem, minorOne: "penny", minorMany: "pence"},
			"US$": cur("dollar américain", "dollars américains", "cent", "cents"),
			"EUR": cur("euro", "euros", "centime", "centimes"), "USD": cur("dollar américain", "dollars américains", "cent", "cents"),
			"CHF": cur("franc suisse", "francs suisses", "centime", "centimes"),
			"GBP": {one: "livre sterling", many: "livres sterling", g: fem, minorOne: "penny", minorMany: "pence"},
			"CAD": cur("dollar canadien", "dollars canadiens", "cent", "cents"), "¥": cur("yen", "yens", "", ""),
			"JPY": cur("yen", "yens", "", ""), "CNY": cur("yuan", "yuans", "", ""), "XOF": cur("franc CFA", "francs CFA", "", ""),
		},
		hundredths: map[string]string{"m": ""},
		units: map[string]unit{
			"pb": un("point de base", "points de base"), // "l'écart à 80 pb"
			"km": un("kilomètre", "kilomètres"), "m": un("mètre", "mètres"), "cm": un("centimètre", "centimètres"),
			"mm": un("millimètre", "millimètres"), "nm": un("nanomètre", "nanomètres"), "mmHg": un("millimètre de mercure", "millimètres de mercure"), "kg": un("kilo", "kilos"), "g": un("gramme", "grammes"),
			"t": {one: "tonne", many: "tonnes", g: fem}, "km/h": un("kilomètre-heure", "kilomètres-heure"),
			"°C": un("degré Celsius", "degrés Celsius"), "°": un("degré", "degrés"), "ha": un("hectare", "hectares"),
			"km²": un("kilomètre carré", "kilomètres carrés"), "m²": un("mètre carré", "mètres carrés"),
			"l": un("litre", "litres"), "kWh": un("kilowattheure", "kilowattheures"),
			"MW": un("mégawatt", "mégawatts"), "Go": un("gigaoctet", "gigaoctets"),
			"h": {one: "heure", many: "heures", g: fem}, "min": {one: "minute", many: "minutes", g: fem},
			"s": {one: "seconde", many: "secondes", g: fem}, "ms": {one: "milliseconde", many: "millisecondes", g: fem},
			"mg": un("milligramme", "milligrammes"), "ml": un("millilitre", "millilitres"),
			"cl": un("centilitre", "centilitres"), "dl": un("décilitre", "décilitres"),
			"m³": un("mètre cube", "mètres cubes"), "cm³": un("centimètre cube", "centimètres cubes"),
			"cm²": un("centimètre carré", "centimètres carrés"), "°F": un("degré Fahrenheit", "degrés Fahrenheit"),
			"kW": un("kilowatt", "kilowatts"), "GW": un("gigawatt", "gigawatts"),
			"V": un("volt", "volts"), "MWh": un("mégawattheure", "mégawattheures"),
			"GWh": un("gigawattheure", "gigawattheures"), "TWh": un("térawattheure", "térawattheures"),
			"Hz": un("hertz", "hertz"), "kHz": un("kilohertz", "kilohertz"), "MHz": un("mégahertz", "mégahertz"),
			"GHz": un("gigahertz", "gigahertz"), "ko": un("kilooctet", "kilooctets"), "Mo": un("mégaoctet", "mégaoctets"),
			"To": un("téraoctet", "téraoctets"), "kcal": {one: "kilocalorie", many: "kilocalories", g: fem},
			"mAh": un("milliampère-heure", "milliampères-heures"),
			"pts": un("point", "points"),
			"µg":  un("microgramme", "microgrammes"), "dB": un("décibel", "décibels"), "ppm": {one: "partie par million", many: "parties par million", g: fem}, "µm": un("micromètre", "micromètres"),
		},
		compass: map[string]string{"N": "nord", "S": "sud", "E": "est", "O": "ouest", "W": "ouest"},
		recordingCues: setOf("vidéo", "vidéos", "clip", "clips", "séquence", "enregistrement", "extrait", "podcast",
			"épisode", "chanson", "film", "bande-annonce", "émission", "youtube", "tiktok", "scène"),
		months: months, monthNames: frMonthNames,
		dayRange: func(n *Normalizer, d1, d2, m, y int, c dateCtx) string {
			s := n.romanceDaySpan("du", "au", false, d1, d2, c, frDay) + " " + frMonthNames[m]
			if y != 0 {
				s += " " + frCardinal(uint64(y))
			}
			return s
		},
		date: func(n *Normalizer, d, m, y int, _ dateCtx) string {
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
		clock: clockStyle{hours: true, primeTimes: true, before: setOf("à", "vers", "dès", "jusqu'à", "avant", "après", "de"),
			// "9h-17h": de neuf heures à dix-sept heures.
			rangeFrom: func(hA, _ int, prev string) (string, string) {
				p := strings.ToLower(prev)
				if p == "de" || p == "entre" || p == "du" {
					return "", "à "
				}
				return pick(hA == 1, "d'", "de "), "à " // "d'une heure à trois heures"
			},
			say: func(h, m int, _ string) string {
				s := frCardinal(uint64(h))
				if strings.HasSuffix(s, "un") {
					s += "e" // "une heure", "vingt et une heures"
				}
				s += pick(h > 1, " heures", " heure")
				if m > 0 {
					s += " " + frCardinal(uint64(m))
				}
				return s
			},
			hour:   unit{one: "heure", many: "heures", g: fem},
			minute: unit{one: "minute", many: "minutes", g: fem},
			second: unit{one: "seconde", many: "secondes", g: fem}},
		ordinals: ordinalStyle{
			// "2d", "2de" are second and seconde (Imprimerie nationale),
			// as "2nd", "2nde" are; an "s" makes any of them plural
			// ("les 1ers", "les 2des", "les 3es").
			re:     regexp.MustCompile(`^(\d{1,9})(èmes|ème|ères|ère|ers|er|res|re|ndes|nde|nds|nd|des|de|ds|d|ᵉʳˢ|ᵉʳ|ᵉˢ|ᵉ|es|e)\b`),
			accept: func(v uint64, suffix string) bool { return v == 2 || !frSecondSuffix(suffix) },
			// "la 2nd guerre": the noun's gender wins over a suffix
			// written without its "e".
			gender: func(suffix, next string) gender {
				s := strings.TrimSuffix(suffix, "s")
				if s == "re" || s == "ère" || s == "nde" || s == "de" || frSecondSuffix(s) && frNounGender(next) == fem {
					return fem
				}
				return plain
			},
			say: func(v uint64, suffix string, g gender) string {
				var say string
				if frSecondSuffix(suffix) {
					say = pick(g == fem, "seconde", "second")
				} else if strings.HasSuffix(suffix, "s") {
					say = frOrdinal(v)
					if v == 1 && g == fem {
						say = "première"
					}
				}
				if say != "" && strings.HasSuffix(suffix, "s") {
					say += "s" // "les premiers", "les secondes"
				}
				return say
			},
		},
		fraction:    frFraction,
		ratingParts: setOf("de", "des", "du", "d'", "d’"),
		ratingDates: setOf("le", "du", "au", "depuis", "dès", "jusqu'au", "avant", "après"),
		ratingStars: setOf("étoiles", "étoile", "points"),
		dayBefore:   setOf("le", "du", "au"),
		fractionOf:  frFractionOf,
		partOf: func(num, den uint64, prev, next string) (string, bool) {
			// "1/2 des voix": la moitié des voix; "plus de la moitié".
			lp := strings.ToLower(prev)
			if num != 1 || den != 2 || !frOfWord(next) || lp == "la" || lp == "les" {
				return "", false
			}
			return "la moitié", true
		},
		fracNouns: frFracNouns,
		abbrevs:   frAbbrevs,
		// "T3 2024": a flat or a tram's line has no year after it; "au
		// T3", in the quarter (a flat is "dans un T3", a tram "le T3").
		quarters: quarterStyle{letter: 'T', say: func(q int, prev string, year bool) (string, bool) {
			return frOrdinal(uint64(q)) + " trimestre", year || prev == "au"
		}, half: 'S', sayHalf: func(h int) string {
			// "S1 2025": a half is read before its year only.
			return pick(h == 1, "premier", "second") + " semestre"
		}},
		between:     setOf("entre"),
		dayRangeSay: func(a, b string) string { return "du " + a + " au " + b },
		roman: romanStyle{
			regnal:       frRegnal,
			titles:       setOf("roi", "reine", "pape", "empereur", "impératrice", "tsar", "Roi", "Reine", "Pape"),
			reign:        func(v int, _ bool, _ string) string { return frCardinal(uint64(v)) },
			ordinalRe:    regexp.MustCompile(`^([IVXLC]{2,}|[IVX])(?:e|ème|ᵉ)(?: (s\.)|\b)`),
			centuryWords: map[string]string{"s.": "siècle"},
		},
		decades: decadeStyle{
			re:    regexp.MustCompile(`^(?:(\d{2,4})|['’](\d0))['’]?s\b`),
			say:   func(y int) string { return "années " + frCardinal(uint64(y)) },
			after: setOf("années"),
			sayAfter: func(y int) string {
				if y >= 2000 || y%100 == 0 {
					return frCardinal(uint64(y))
				}
				return strings.TrimSuffix(frCardinal(uint64(y%100)), "s") // "les années quatre-vingt"
			},
		},
		versionWords: setOf("version", "Version", "Python", "iOS", "Android", "Windows", "macOS"),
		articleRefs:  setOf("le", "du", "au", "un", "article", "l'article", "l’article", "art.", "l'art.", "l’art."),
		codeArticle:  "tiret",
		postal:       postalStyle{before: setOf("CP", "F"), city: true},
		phonePairs:   true,
		// A tennis match's run of sets is said in pairs, without the
		// "à"/"a" of other scores ("6-4, 6-3": six-quatre, six-trois).
		scores: scoreStyle{setZero: "zéro"},
		// "5 l/100 km": cinq litres aux cent kilomètres.
		rate: rateStyle{per: "par", perCount: "aux", outOf: "sur", outOfUnits: map[string]string{"h": "heures", "j": "jours"}, nouns: map[string]unit{
			"heure": {one: "heure", many: "heures", g: fem}, "jour": un("jour", "jours"), "semaine": {one: "semaine", many: "semaines", g: fem},
			"mois": un("mois", "mois"), "an": un("an", "ans"), "année": {one: "année", many: "années", g: fem},
			"nuit": {one: "nuit", many: "nuits", g: fem}, "personne": {one: "personne", many: "personnes", g: fem},
			"tonne": {one: "tonne", many: "tonnes", g: fem}, "baril": un("baril", "barils"), "litre": un("litre", "litres"),
			"action": {one: "action", many: "actions", g: fem},
		}},
		currencyNames: map[string]string{"euros": "€", "euro": "€", "dollars": "$", "dollar": "$"},
		sentenceStarters: setOf("Le", "La", "Les", "Il", "Elle", "Ils", "Elles", "On", "Je", "Nous", "Vous",
			"Un", "Une", "Des", "Ce", "Cette", "Ces", "Mais", "Et", "Puis", "Alors", "En", "Dans", "Pour", "Selon"),
	})
}

// frSecondSuffix reports whether suffix writes "second(e)(s)": "2d",
// "2de", "2nd", "2nde", "2ds"…
func frSecondSuffix(suffix string) bool {
	switch strings.TrimSuffix(suffix, "s") {
	case "d", "de", "nd", "nde":
		return true
	}
	return false
}

// frNounGender knows the feminine nouns news counts most often and the
// endings that are feminine; other words take "un".
func frNounGender(w string) gender {
	lw := strings.ToLower(w)
	if frFeminine[lw] || frFeminine[strings.TrimSuffix(lw, "s")] {
		return fem
	}
	if frMasculine[lw] || frMasculine[strings.TrimSuffix(lw, "s")] {
		return plain
	}
	for _, s := range frFeminineEnds {
		if (strings.HasSuffix(lw, s) || strings.HasSuffix(lw, s+"s")) && len(lw) > len(s)+1 {
			return fem
		}
	}
	return plain
}

// frFeminineEnds are the endings of French nouns that are feminine with
// few exceptions (frMasculine): "une chienne", "une vendeuse", "une
// université".
var frFeminineEnds = []string{"tion", "sion", "ette", "ance", "ence", "ure", "enne", "elle", "euse", "trice",
	"esse", "ité", "ise", "tude", "aison",
	// A participle or an agent noun in the feminine: "une blessée", "une
	// ouvrière".
	"ée", "ière"}

// frMasculine are the common nouns with a feminine ending that are
// masculine, and those counted as masculine ("1 mort": un mort, a dead
// man, where "la mort" is death).
var frMasculine = setOf("comité", "silence", "renne", "murmure", "mercure", "parapluie", "vermicelle",
	"violoncelle", "mort", "musée", "lycée", "trophée", "apogée", "athée", "pygmée", "mausolée", "scarabée",
	"caducée", "périgée", "colisée", "camée", "coryphée", "cimetière", "derrière", "arrière", "rez-de-chaussée")

var frFeminine = setOf("personne", "fois", "heure", "minute", "seconde", "semaine", "année", "journée", "nuit",
	"victime", "femme", "fille", "mère", "sœur", "voiture", "tonne", "entreprise", "maison", "ville", "région",
	"commune", "place", "page", "étoile", "voix", "école", "classe", "famille", "saison", "équipe", "médaille",
	"vie", "espèce", "ligne", "chambre", "salle", "rue", "route", "province", "circonscription", "élection",
	"manche", "étape", "édition", "chienne", "chatte", "vache", "jument", "poule", "main", "loi", "image", "part",
	"fin", "faim", "mer", "dent", "forêt", "foi", "paix", "croix", "noix", "chose", "façon", "leçon", "chanson",
	"boisson", "prison", "guerre", "terre", "affaire", "histoire", "victoire", "mémoire", "idée", "armée",
	"entrée", "soirée", "matinée", "partie", "sortie", "maladie", "économie", "énergie", "photo", "radio", "moto",
	"eau", "peau", "clé", "société", "santé", "liberté", "fleur", "couleur", "valeur", "douleur", "peur", "cour",
	"région", "religion", "opinion", "union", "nation", "dette", "passe", "offre", "œuvre", "somme", "zone",
	"crise", "phase", "base", "cause", "chambre", "salle", "porte", "carte", "lettre", "langue", "table",
	"erreur", "chaleur", "hauteur", "largeur", "longueur", "profondeur", "rumeur", "odeur", "terreur", "horreur", "faveur")

// frFraction: "un demi", "un tiers", "trois quarts", "cinq huitièmes",
// "deux et demi".
func frFraction(whole, num, den uint64) (string, bool) {
	var name string
	switch den {
	case 2:
		name = "demi"
	case 3:
		name = "tiers"
	case 4:
		name = "quart"
	default:
		name = frOrdinal(den)
	}
	if num > 1 && den != 3 {
		name += "s"
	}
	if whole == 0 {
		return frCardinal(num) + " " + name, true
	}
	if num == 1 && (den == 2 || den == 4) {
		return frCardinal(whole) + " et " + name, true // "deux et demi"
	}
	return frCardinal(whole) + " et " + frCardinal(num) + " " + name, true
}

// frFracNouns are the nouns of measure a fraction is written before.
var frFracNouns = func() map[string]unit {
	m := nouns(plain, "litre", "litres", "verre", "verres", "bol", "bols", "kilo", "kilos", "gramme", "grammes",
		"sachet", "sachets", "paquet", "paquets", "pot", "pots", "jour", "jours", "mois", "mois", "an", "ans",
		"siècle", "siècles", "mètre", "mètres", "kilomètre", "kilomètres", "centimètre", "centimètres",
		"pouce", "pouces", "pied", "pieds", "citron", "citrons", "oignon", "oignons")
	addNouns(m, fem, "tasse", "tasses", "cuillère", "cuillères", "cuillerée", "cuillerées", "livre", "livres",
		"once", "onces", "bouteille", "bouteilles", "boîte", "boîtes", "douzaine", "douzaines", "tranche", "tranches",
		"pincée", "pincées", "heure", "heures", "journée", "journées", "semaine", "semaines", "année", "années",
		"botte", "bottes", "gousse", "gousses", "portion", "portions")
	return m
}()

// frFractionOf says a fraction before its noun as French does: "demi" is
// joined to the noun by a hyphen and does not agree before it ("un
// demi-litre", "une demi-heure") but agrees after it ("deux heures et
// demie", "un litre et demi"); other fractions take "de" ("trois quarts
// de tasse", "un quart d'heure"). A whole number and a fraction count the
// noun, the fraction after it: "une heure et trois quarts", "deux heures
// et quart", "une tasse et un tiers".
func frFractionOf(f fracNoun) (string, bool) {
	half := f.num == 1 && f.den == 2
	switch {
	case f.whole == 0 && half:
		return frCardinalG(1, f.g) + " demi-" + f.one, true
	case f.whole == 0:
		s, _ := frFraction(0, f.num, f.den)
		if f.num == 1 {
			s = frCardinalG(1, plain) + strings.TrimPrefix(s, "un") // "un tiers", "un quart"
		}
		return s + pick(startsVowel(f.one) || strings.HasPrefix(f.one, "h"), " d'", " de ") + f.one, true
	}
	part := pick(f.g == fem, "demie", "demi")
	if !half {
		part, _ = frFraction(0, f.num, f.den)
		if f.num == 1 && f.den == 4 {
			part = "quart" // "deux heures et quart"
		}
	}
	return frCardinalG(f.whole, f.g) + " " + pick(f.whole == 1, f.one, f.many) + " et " + part, true
}

// frOfWord reports whether w opens the whole after a part: "de", "des",
// "du", "d'".
func frOfWord(w string) bool {
	lw := strings.ToLower(w)
	return lw == "de" || lw == "des" || lw == "du" || strings.HasPrefix(lw, "d'") || strings.HasPrefix(lw, "d’")
}

// frCardinalG says n before a noun of gender g ("une", "vingt et une").
func frCardinalG(n uint64, g gender) string {
	c := frCardinal(n)
	if g == fem && strings.HasSuffix(c, "un") {
		c += "e"
	}
	return c
}

// frAbbrevs: titles before a name, "n°" before a number.
var frAbbrevs = map[string]abbrev{
	"hab.":  {counted: "habitants", countedOne: "habitant"},        // "12 000 hab."
	"trim.": {ordinal: "trimestre"}, "sem.": {ordinal: "semestre"}, // "au 3e trim."
	"bât.": {name: "bâtiment", number: "bâtiment"}, "esc.": {number: "escalier"}, // "bât. B, esc. 2"
	"lun.": {day: "lundi"}, "mar.": {day: "mardi"}, "mer.": {day: "mercredi"}, "jeu.": {day: "jeudi"}, "ven.": {day: "vendredi"},
	"sam.": {day: "samedi"}, "dim.": {day: "dimanche"},
	"M.": {name: "Monsieur"}, "MM.": {name: "Messieurs"}, "Mme": {name: "Madame"}, "Mmes": {name: "Mesdames"},
	"Mlle": {name: "Mademoiselle"}, "Mlles": {name: "Mesdemoiselles"}, "Dr": {name: "Docteur"}, "Pr": {name: "Professeur"},
	"Me": {name: "Maître"}, "St": {name: "Saint"}, "Ste": {name: "Sainte"}, "St.": {name: "Saint"},
	"Ier": {regnal: "premier"}, "Ire": {regnal: "première"},
	"n°": {number: "numéro"}, "N°": {number: "numéro"}, "nº": {number: "numéro"}, "Nº": {number: "numéro"}, "no": {number: "numéro"}, "No": {number: "numéro"},
	"av.": {name: "avenue"}, "bd": {name: "boulevard"}, "env.": {number: "environ"},
	// "etc." is written out in the 1990 spelling, "etcétéra": French
	// voices read "et cetera" as the conjunction "et" [e] and a word
	// "cetera", which a listener hears as "et se trahent".
	"etc.": {always: "etcétéra"},
	// "vs.": voices spell it ("v s"); French reads the Latin word.
	"vs.": {always: "versus"}, "vs": {always: "versus"},
	"c.-à-d.": {always: "c'est-à-dire"}, "C.-à-d.": {always: "C'est-à-dire"}, "c-à-d": {always: "c'est-à-dire"},
	"c-à-d.": {always: "c'est-à-dire"}, "c.à.d.": {always: "c'est-à-dire"}, "càd": {always: "c'est-à-dire"},
	"p. ex.": {always: "par exemple"}, "p.ex.": {always: "par exemple"}, "P. ex.": {always: "Par exemple"},
	"cf.": {always: "confer"}, "Cf.": {always: "Confer"}, "N.B.": {always: "nota bene"},
	"av. J.-C.": {always: "avant Jésus-Christ"}, "apr. J.-C.": {always: "après Jésus-Christ"}, "J.-C.": {always: "Jésus-Christ"},
	"p.": {number: "page"}, "pp.": {number: "pages"}, "art.": {number: "article"}, "chap.": {number: "chapitre"},
	"vol.": {number: "volume"}, "tél.": {number: "téléphone"}, "Tél.": {number: "téléphone"},
}

var frRegnal = union(enRegnal, setOf("Louis", "Henri", "Charles", "François", "Philippe", "Jean", "Paul", "Benoît", "Pie",
	"Léon", "Grégoire", "Clément", "Napoléon", "Élisabeth", "Guillaume", "Frédéric", "Jean-Paul", "Innocent",
	"Otton", "Clovis", "Childéric", "Dagobert", "Pépin", "Hugues", "Robert", "Lothaire", "Raoul", "Eudes",
	"Rodolphe", "Victor-Emmanuel", "Alexandre", "Nicolas", "Pierre", "Catherine", "Édouard", "Georges",
	"Jacques", "Ferdinand", "Alphonse", "Urbain", "Sixte", "Boniface", "Jules", "Célestin", "Martin", "Benoît",
	"Marie", "Anne", "Isabelle", "Amédée", "Baudouin", "Albert", "Léopold", "Rainier", "Harald", "Christian"))

// frDay says a day of a month: "premier", "deux"…
func frDay(d int) string { return pick(d == 1, "premier", frCardinal(uint64(d))) }
