package spoken

// Round nineteen: a number before "mil" agrees with its noun in Spanish
// as in Portuguese, and with a currency after it; the second end of a
// range of times is a time when its first is; a list of Roman numerals
// after the word for century is read as its first item is; business
// quarters in Portuguese and with a glued year in Spanish; the first
// decade of the 2000s in English; a German year at a sentence's end
// after "als"; a rate whose amount groups its thousands with spaces, and a
// unit's symbol after the word for "per".
func init() {
	addTable("en", []category{
		{name: "time", cases: []spokenCase{
			// The second end follows the first: "from 9.30" is a time,
			// so is "to 10.15".
			{"The meeting moved from 9.30 to 10.15 on Tuesday.", "The meeting moved from nine thirty to ten fifteen on Tuesday."},
			{"Kick-off was moved from 7.45 to 8.15.", "Kick-off was moved from seven forty-five to eight fifteen."},
			// A first end that is a number leaves the second one too.
			{"Shares rose from 9.30 to 10.15.", "Shares rose from nine point three zero to ten point one five."},
			{"It rose to 10.15 on Friday.", "It rose to ten point one five on Friday."},
		}},
		{name: "rate", cases: []spokenCase{
			// A unit's symbol after "per" is the unit.
			{"It costs £3 per m².", "It costs three pounds per square meter."},
			{"Prices per m2 rose.", "Prices per square meter rose."},
			{"Paid per km, not per mile.", "Paid per kilometer, not per mile."},
			// A lone letter may be no unit.
			{"One goal per m.", "One goal per m."},
		}},
		{name: "roman", cases: []spokenCase{
			// A series' plural before a list of numerals.
			{"Both World Wars I and II changed it.", "Both World Wars one and two changed it."},
			{"Read Parts II, III and IV first.", "Read Parts two, three and four first."},
			{"Acts I and II are long.", "Acts one and two are long."},
			// A lone "I" after one is the pronoun.
			{"Books I Loved This Year", "Books I Loved This Year"},
			{"The Types I mentioned differ.", "The Types I mentioned differ."},
		}},
		{name: "abbreviation", cases: []spokenCase{
			// A lawmaker's party and state, as broadcasters say them.
			{"Sen. Elizabeth Warren (D-Mass.) spoke.", "Senator Elizabeth Warren (Democrat of Massachusetts) spoke."},
			{"Rep. Jim Jordan (R-Ohio) and Sen. Bernie Sanders (I-VT) met.", "Representative Jim Jordan (Republican of Ohio) and Senator Bernie Sanders (independent of Vermont) met."},
			{"The (D-Day) landings.", "The (D-Day) landings."},
			// A weekday's abbreviation without its full stop, before a date.
			{"Arsenal play on Sat 15 Mar at 3pm.", "Arsenal play on Saturday March fifteenth at three PM."},
			{"Doors open Mon March 3.", "Doors open Monday March third."},
			{"The Sun said so.", "The Sun said so."},
			// British "No 10" inside a sentence.
			{"Downing Street said No 10 would respond.", "Downing Street said number ten would respond."},
			{"He is the world No 1 player.", "He is the world number one player."},
			{"No 10 people came.", "No ten people came."},
		}},
		{name: "measure", cases: []spokenCase{
			// After a verb of covering a distance, "m" is meters.
			{"He ran 100m yesterday.", "He ran one hundred meters yesterday."},
			{"She threw 70m.", "She threw seventy meters."},
			// Shares fall by millions.
			{"The stock fell 100m.", "The stock fell 100m."},
			{"They raised 100m.", "They raised 100m."},
		}},
		{name: "year", cases: []spokenCase{
			{"Pop music of the 00s sold well.", "Pop music of the two thousands sold well."},
			{"the '00s and the '90s", "the two thousands and the nineties"},
			{"He scored 05s.", "He scored 05s."},
		}},
	})
	addTable("de", []category{
		{name: "year", cases: []spokenCase{
			// A year at a sentence's end after "als" is no place.
			{"Es waren 20 % mehr als 1990.", "Es waren zwanzig Prozent mehr als neunzehnhundertneunzig."},
			{"Er kam als 3.", "Er kam als Dritter."},
			{"Sie feierte ihr 1000. Jubiläum.", "Sie feierte ihr tausendstes Jubiläum."},
		}},
		{name: "rate", cases: []spokenCase{
			{"Es kostet 5 € pro m².", "Es kostet fünf Euro pro Quadratmeter."},
		}},
		{name: "abbreviation", cases: []spokenCase{
			{"Eintritt 12 €, erm. 8 €.", "Eintritt zwölf Euro, ermäßigt acht Euro."},
			{"Die B 27 ist zwischen km 12 und km 15 gesperrt.", "Die B siebenundzwanzig ist zwischen Kilometer zwölf und Kilometer fünfzehn gesperrt."},
			{"Es sind 12 km bis Ulm.", "Es sind zwölf Kilometer bis Ulm."},
		}},
		{name: "measure", cases: []spokenCase{
			{"Die Wohnung hat 80 qm und 3 Zimmer.", "Die Wohnung hat achtzig Quadratmeter und drei Zimmer."},
			{"Ein Keller von 12 m2.", "Ein Keller von zwölf Quadratmetern."},
		}},
	})
	addTable("fr", []category{
		{name: "rate", cases: []spokenCase{
			// Thousands grouped by a space before the rate's slash.
			{"Vendu 5 600 €/m².", "Vendu cinq mille six cents euros par mètre carré."},
			{"Payé 1 200 €/mois.", "Payé mille deux cents euros par mois."},
		}},
		{name: "number", cases: []spokenCase{
			// A lone "M" is millions before what it counts.
			{"Il y a 1,2 M de logements.", "Il y a un virgule deux million de logements."},
			{"Soit 68 M d'habitants.", "Soit soixante-huit millions d'habitants."},
			// A size is not.
			{"La taille 42 M de la marque.", "La taille quarante-deux M de la marque."},
			{"Une taille M de pantalon.", "Une taille M de pantalon."},
			// Nor "Monsieur" after a number.
			{"Il chausse du 5 M. La suite est connue.", "Il chausse du cinq M. La suite est connue."},
		}},
		{name: "measure", cases: []spokenCase{
			// The square typed as a digit.
			{"Un appartement de 80 m2.", "Un appartement de quatre-vingts mètres carrés."},
		}},
	})
	addTable("es", []category{
		{name: "number", cases: []spokenCase{
			{"Llegaron 200 mil personas.", "Llegaron doscientas mil personas."},
			{"Hubo 21 mil víctimas.", "Hubo veintiún mil víctimas."},
			{"Murieron 231 mil personas.", "Murieron doscientas treinta y un mil personas."},
			{"Unos 31 mil muertos.", "Unos treinta y un mil muertos."},
			{"Costó 500 mil euros.", "Costó quinientos mil euros."},
		}},
		{name: "abbreviation", cases: []spokenCase{
			{"El paro bajó 0,5 p.p. y luego 2 p. p.", "El paro bajó cero coma cinco puntos porcentuales y luego dos puntos porcentuales."},
		}},
		{name: "quarter", cases: []spokenCase{
			{"El beneficio del 3T24 subió.", "El beneficio del tercer trimestre de dos mil veinticuatro subió."},
		}},
		{name: "roman", cases: []spokenCase{
			{"Los siglos XV y XVI.", "Los siglos quince y dieciséis."},
		}},
	})
	addTable("pt", []category{
		{name: "money", cases: []spokenCase{
			{"Custou £ 2 mil.", "Custou duas mil libras."},
			{"Custou R$ 2 mil.", "Custou dois mil reais."},
		}},
		{name: "abbreviation", cases: []spokenCase{
			// Below two, the noun is singular in Portuguese.
			{"A Selic subiu 0,5 p.p. e depois 2 p.p.", "A Selic subiu zero vírgula cinco ponto percentual e depois dois pontos percentuais."},
		}},
		{name: "quarter", cases: []spokenCase{
			{"O lucro do 3T24 subiu.", "O lucro do terceiro trimestre de dois mil e vinte e quatro subiu."},
			{"No T3 de 2022.", "No terceiro trimestre de dois mil e vinte e dois."},
			// "T3" alone is a flat of three rooms.
			{"Mora num T3 em Lisboa.", "Mora num T3 em Lisboa."},
		}},
		{name: "roman", cases: []spokenCase{
			{"Nos sécs. XV, XVI e XVII.", "Nos séculos quinze, dezesseis e dezessete."},
			{"Fui ao V e vi.", "Fui ao V e vi."},
		}},
	})
	addTable("it", []category{
		{name: "measure", cases: []spokenCase{
			{"Di 90 mq e 30 mc.", "Di novanta metri quadrati e trenta metri cubi."},
			{"Il modello M2.", "Il modello M2."},
		}},
		{name: "roman", cases: []spokenCase{
			{"Nei secoli XV e XVI.", "Nei secoli quindicesimo e sedicesimo."},
			// "I" before a plural is the article, not the first century.
			{"I secoli passano.", "I secoli passano."},
			{"Nel XIX secolo.", "Nel diciannovesimo secolo."},
		}},
	})
}
