package spoken

// Round sixteen: the readings round fifteen left (German fractions before
// a noun, the case of "1" before a span and of a ruler's number, English
// seasons, centuries and quarters, ratings written with a slash and a
// decimal comma), and their neighbours in each language, each case a
// sentence of news text and what a newsreader of the language says.
func init() {
	addTable("de", []category{
		{name: "fraction", cases: []spokenCase{
			// A part before a noun of measure is an invariable
			// adjective in lower case (Duden: "drei viertel Liter"),
			// not the noun "Viertel", which a genitive follows.
			{"Es dauerte 3/4 Stunde.", "Es dauerte drei viertel Stunde."},
			{"Er trank ¾ Liter Milch.", "Er trank drei viertel Liter Milch."},
			{"Sie brauchte 3/4 Stunden.", "Sie brauchte drei viertel Stunden."},
			{"Dazu kommt 1/8 Liter Sahne.", "Dazu kommt ein achtel Liter Sahne."},
			{"Er verrührt es mit 1/8 Liter Sahne.", "Er verrührt es mit einem achtel Liter Sahne."},
			{"Er gibt eine 1/3 Tasse Zucker dazu.", "Er gibt eine drittel Tasse Zucker dazu."},
			{"Es fehlten 15/16 Zoll.", "Es fehlten fünfzehn sechzehntel Zoll."},
			{"Es sind 2/3 der Stimmen.", "Es sind zwei Drittel der Stimmen."},
			// A half is declined as Duden declines "halb".
			{"Er wartete 1/2 Stunde.", "Er wartete eine halbe Stunde."},
			{"Es dauerte 1/2 Jahr.", "Es dauerte ein halbes Jahr."},
		}},
		{name: "cardinal", cases: []spokenCase{
			// A verb of lasting takes a span as its measure, in the
			// accusative, whatever holds the subject's place.
			{"Es kann 1 Monat dauern.", "Es kann einen Monat dauern."},
			{"Das könnte 1 Tag dauern.", "Das könnte einen Tag dauern."},
			{"Die Reparatur wird 1 Tag dauern.", "Die Reparatur wird einen Tag dauern."},
			{"Der Prozess kann noch 1 Monat dauern.", "Der Prozess kann noch einen Monat dauern."},
			{"Der Streik soll 1 Tag andauern.", "Der Streik soll einen Tag andauern."},
			{"Weil es 1 Monat dauerte, kam er spät.", "Weil es einen Monat dauerte, kam er spät."},
			{"Ob es 1 Tag dauert, ist offen.", "Ob es einen Tag dauert, ist offen."},
			{"Es kann 1 Jahr dauern.", "Es kann ein Jahr dauern."},
			{"Es kann bis zu 1 Monat dauern.", "Es kann bis zu einem Monat dauern."},
			// Elsewhere "es" may hold the place of a subject after the verb.
			{"Es kann 1 Arzt kommen.", "Es kann ein Arzt kommen."},
			{"Es kann 1 Monat vergehen.", "Es kann ein Monat vergehen."},
		}},
		{name: "roman", cases: []spokenCase{
			// "an" before a person: the dative after criticism, a crime,
			// doubt; the accusative where something goes to them.
			{"Der Brief an Papst Benedikt XVI. kam an.", "Der Brief an Papst Benedikt den Sechzehnten kam an."},
			{"Kritik an Benedikt XVI. wuchs.", "Kritik an Benedikt dem Sechzehnten wuchs."},
			{"Der Mord an Heinrich IV. schockierte Paris.", "Der Mord an Heinrich dem Vierten schockierte Paris."},
			{"Das erinnert an Ludwig XIV. und seinen Hof.", "Das erinnert an Ludwig den Vierzehnten und seinen Hof."},
			{"Das Land fiel an Friedrich II.", "Das Land fiel an Friedrich den Zweiten."},
			// "auf" and "über" a person: the accusative; "vor" the dative.
			{"Franziskus folgte auf Benedikt XVI.", "Franziskus folgte auf Benedikt den Sechzehnten."},
			{"Ein Buch über Ludwig XIV. erschien.", "Ein Buch über Ludwig den Vierzehnten erschien."},
			{"Vor Ludwig XIV. war Versailles ein Jagdschloss.", "Vor Ludwig dem Vierzehnten war Versailles ein Jagdschloss."},
			// The name in the genitive: its number too.
			{"Die Rede Benedikts XVI. war kurz.", "Die Rede Benedikts des Sechzehnten war kurz."},
			{"Nach dem Tod Elisabeths II. kam Karl III.", "Nach dem Tod Elisabeths der Zweiten kam Karl der Dritte."},
			{"Papst Benedikt XVI. kam nach Berlin.", "Papst Benedikt der Sechzehnte kam nach Berlin."},
		}},
	})
}

// Ratings: a mark over five or ten, written with a spaced slash or with
// the language's decimal comma, is "X out of Y" in each language's words.
func init() {
	addTable("es", []category{
		{name: "rating", cases: []spokenCase{
			{"La app tiene 4.7 / 5 estrellas.", "La app tiene cuatro coma siete de cinco estrellas."},
			{"La app tiene 4,7/5 estrellas.", "La app tiene cuatro coma siete de cinco estrellas."},
			{"Nota: 4,7 / 5.", "Nota: cuatro coma siete de cinco."},
			{"Le doy un 8/10.", "Le doy un ocho de diez."},
			{"Lo apoya el 8/10 de los votantes.", "Lo apoya el ocho décimos de los votantes."},
		}},
	})
	addTable("fr", []category{
		{name: "rating", cases: []spokenCase{
			{"Note : 4,7/5.", "Note : quatre virgule sept sur cinq."},
			{"Il obtient 4,7 / 5 sur Google.", "Il obtient quatre virgule sept sur cinq sur Google."},
			{"une note de 8/10", "une note de huit sur dix"},
			{"3/10 d'électeurs", "trois dixièmes d'électeurs"},
		}},
	})
	addTable("it", []category{
		{name: "rating", cases: []spokenCase{
			{"Voto: 4,7/5.", "Voto: quattro virgola sette su cinque."},
			{"Ha 4,5 / 5 stelle.", "Ha quattro virgola cinque su cinque stelle."},
			{"un voto di 8/10", "un voto di otto su dieci"},
			{"3/10 degli elettori", "tre decimi degli elettori"},
		}},
	})
	addTable("de", []category{
		{name: "rating", cases: []spokenCase{
			{"Bewertung: 4,7/5 Sternen.", "Bewertung: vier Komma sieben von fünf Sternen."},
			{"Bewertung: 4,7 / 5.", "Bewertung: vier Komma sieben von fünf."},
			{"Sie gibt 8/10 Punkten.", "Sie gibt acht von zehn Punkten."},
			{"8/10 der Befragten", "acht Zehntel der Befragten"},
			{"Es waren 0 / 5 Punkte.", "Es waren null / fünf Punkte."},
		}},
	})
	addTable("en", []category{
		{name: "rating", cases: []spokenCase{
			{"Rated 4.7 / 5.", "Rated four point seven out of five."},
			{"She scored 8 / 10 on the test.", "She scored eight out of ten on the test."},
			{"Rated 4,5/5.", "Rated 4,5/5."},
			{"3/10 of voters", "three tenths of voters"},
		}},
	})
}

// A day and a month written with a slash after a word that comes before a
// day are a date, the day smaller than the month too.
func init() {
	addTable("es", []category{{name: "date", cases: []spokenCase{
		{"Llegó el 8/10.", "Llegó el ocho de octubre."},
		{"Lo apoya el 8/10 de los votantes.", "Lo apoya el ocho décimos de los votantes."},
	}}})
	addTable("de", []category{{name: "date", cases: []spokenCase{
		{"Er kam am 8/10 an.", "Er kam am achten Oktober an."},
	}}})
	addTable("fr", []category{{name: "date", cases: []spokenCase{
		{"Le 8/10 il pleuvait.", "Le huit octobre il pleuvait."},
	}}})
	addTable("it", []category{{name: "date", cases: []spokenCase{
		{"Il 3/4 si vota.", "Il tre aprile si vota."},
	}}})
	addTable("en", []category{{name: "date", lang: "en-GB", cases: []spokenCase{
		{"He came on 3/4.", "He came on the third of April."},
		{"It fell by 3/4.", "It fell by three quarters."},
	}}})
}

// Centuries and eras: "c." after an ordinal is the century, the era after
// a year or a century is spelled as said.
func init() {
	addTable("en", []category{{name: "abbreviation", cases: []spokenCase{
		{"It was built in the 5th c. BC.", "It was built in the fifth century B C."},
		{"in the 3rd c. B.C. it fell", "in the third century B C it fell"},
		{"The 19th c. saw it grow.", "The nineteenth century saw it grow."},
		{"It was built in the 5th century BC.", "It was built in the fifth century B C."},
		{"in the 5th century BCE", "in the fifth century B C E"},
		{"Caesar died in 44 BC.", "Caesar died in forty-four B C."},
		{"Pompeii was buried in AD 79.", "Pompeii was buried in A D seventy-nine."},
		{"It was built c. 1850.", "It was built circa eighteen fifty."},
		{"The AD campaign ran.", "The AD campaign ran."},
		{"BC Hydro raised rates.", "BC Hydro raised rates."},
	}}})
	addTable("es", []category{{name: "abbreviation", cases: []spokenCase{
		{"Roma, siglo V a. C.", "Roma, siglo cinco antes de Cristo."},
		{"César murió en el 44 a.C. en Roma.", "César murió en el cuarenta y cuatro antes de Cristo en Roma."},
	}}})
	addTable("it", []category{{name: "abbreviation", cases: []spokenCase{
		{"nel V secolo a.C.", "nel quinto secolo avanti Cristo."},
		{"nel 79 d.C. il Vesuvio eruttò", "nel settantanove dopo Cristo il Vesuvio eruttò"},
	}}})
}

// Quarters of a business year: English says the label, "Q three"; French
// and Spanish the noun their letter stands for where a year shows it is
// one; German and Italian after the words of a period.
func init() {
	addTable("en", []category{{name: "quarter", cases: []spokenCase{
		{"Sales rose in Q3.", "Sales rose in Q three."},
		{"Sales rose in Q3 2024.", "Sales rose in Q three twenty twenty-four."},
		{"Q3 results beat forecasts.", "Q three results beat forecasts."},
		{"Q3's results beat forecasts.", "Q three's results beat forecasts."},
		{"in Q1-Q3 sales rose", "in Q one to Q three sales rose"},
		{"The Audi Q7 is big.", "The Audi Q7 is big."},
	}}})
	addTable("de", []category{{name: "quarter", cases: []spokenCase{
		{"Im Q3 2024 stieg der Umsatz.", "Im dritten Quartal zweitausendvierundzwanzig stieg der Umsatz."},
		{"Das Q3 war stark.", "Das dritte Quartal war stark."},
		{"Der Audi Q3 ist beliebt.", "Der Audi Q3 ist beliebt."},
	}}})
	addTable("fr", []category{{name: "quarter", cases: []spokenCase{
		{"Au T3 2024, le chiffre a augmenté.", "Au troisième trimestre deux mille vingt-quatre, le chiffre a augmenté."},
		{"Au T1 2025, il a baissé.", "Au premier trimestre deux mille vingt-cinq, il a baissé."},
		{"Il loue un T3 à Lyon.", "Il loue un T3 à Lyon."},
	}}})
	addTable("es", []category{{name: "quarter", cases: []spokenCase{
		{"En el T3 de 2024 las ventas subieron.", "En el tercer trimestre de dos mil veinticuatro las ventas subieron."},
		{"En el 1T 2025 bajaron.", "En el primer trimestre dos mil veinticinco bajaron."},
		{"Llegó a la T4 de Barajas.", "Llegó a la T4 de Barajas."},
	}}})
	addTable("it", []category{{name: "quarter", cases: []spokenCase{
		{"Nel Q3 i ricavi sono saliti.", "Nel terzo trimestre i ricavi sono saliti."},
		{"Ha comprato la Q3 nuova.", "Ha comprato la Q3 nuova."},
	}}})
}

// Seasons and spans of years written short.
func init() {
	addTable("en", []category{{name: "year", cases: []spokenCase{
		{"In the 2020-21 season, he scored.", "In the twenty twenty to twenty-one season, he scored."},
		{"the 2020–21 Premier League season", "the twenty twenty to twenty-one Premier League season"},
		{"the 2019/20 season", "the twenty nineteen twenty season"},
		{"the 2000-01 season", "the two thousand to two thousand one season"},
		{"the 2009-10 season", "the two thousand nine to twenty ten season"},
		{"the 1999-00 season", "the nineteen ninety-nine to two thousand season"},
		{"the 2020/2021 season", "the twenty twenty twenty twenty-one season"},
	}}})
	addTable("de", []category{{name: "year", cases: []spokenCase{
		{"in der Saison 2008-09", "in der Saison zweitausendacht bis zweitausendneun"},
	}}})
	addTable("it", []category{{name: "year", cases: []spokenCase{
		{"la stagione 2020/2021", "la stagione duemilaventi duemilaventuno"},
	}}})
}

// A span of days before its month, as French, Spanish and Italian say it:
// from one day to the other.
func init() {
	addTable("fr", []category{{name: "date", cases: []spokenCase{
		{"Le salon se tient 5-7 mai.", "Le salon se tient du cinq au sept mai."},
		{"Le salon se tient du 5-7 mai.", "Le salon se tient du cinq au sept mai."},
		{"Fermé 1-3 mars 2025.", "Fermé du premier au trois mars deux mille vingt-cinq."},
		{"entre 5-7 mai", "entre cinq et sept mai"},
	}}})
	addTable("es", []category{{name: "date", cases: []spokenCase{
		{"La feria es 5-7 de mayo de 2025.", "La feria es del cinco al siete de mayo de dos mil veinticinco."},
		{"Del 5-7 de mayo habrá feria.", "Del cinco al siete de mayo habrá feria."},
		{"Perdió 5-7 en mayo.", "Perdió cinco a siete en mayo."},
	}}})
	addTable("it", []category{{name: "date", cases: []spokenCase{
		{"Il festival si tiene 8-11 maggio.", "Il festival si tiene dall'otto all'undici maggio."},
		{"Chiuso dal 5-7 maggio.", "Chiuso dal cinque al sette maggio."},
		{"Chiuso 1-3 marzo 2025.", "Chiuso dal primo al tre marzo duemilaventicinque."},
	}}})
}
