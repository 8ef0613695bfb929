package spoken

// Round thirteen: the English readings round twelve left, and French,
// Spanish, Italian and German audited by the same semiotic classes, each
// case a sentence of news text and what a newsreader of the language says
// (Imprimerie nationale, RAE, Treccani and Crusca, Duden), with the
// near-misses that must stay.
func init() {
	addTable("en", []category{
		{name: "fraction", cases: []spokenCase{
			{"a ⅓ share", "a one-third share"},
			{"a ⅕ stake in the club", "a one-fifth stake in the club"},
			{"a ½ point", "a half point"},
			{"a ¼ mile", "a quarter mile"},
			{"an ⅛ share", "an eighth share"},
		}},
		{name: "telephone", cases: []spokenCase{
			{"call 1 (800) 555-0100", "call one, eight zero zero, five five five, zero one zero zero"},
			{"call (800) 555-0100", "call eight zero zero, five five five, zero one zero zero"},
			{"1 (2) 3", "one (two) three"},
		}},
		{name: "symbol", cases: []spokenCase{
			{"~20 people were hurt", "about twenty people were hurt"},
			{"a detour of ≈ 5 km", "a detour of approximately five kilometers"},
			{"flights London → Paris", "flights London to Paris"},
			{"run ~/bin/tool", "run ~/bin/tool"},
			{"where a ≈ b", "where a ≈ b"},
			{"a 4×4 truck", "a four by four truck"},
			{"a 2×4 board", "a two by four board"},
			{"3 × 4 = 12", "three times four equals twelve"},
			{"3×4=12", "three times four equals twelve"},
		}},
		{name: "address", cases: []spokenCase{
			{"a crash on I-95 north", "a crash on I ninety-five north"},
			{"I-405 traffic", "I four oh five traffic"},
			{"a B-52 bomber", "a B-52 bomber"},
			{"Apt 4B", "apartment four B"},
			{"Apt. 4B", "apartment four B"},
			{"Apt. 12", "apartment twelve"},
			{"at 1600 Pennsylvania Ave NW", "at sixteen hundred Pennsylvania Avenue Northwest"},
			{"on Sunset Blvd", "on Sunset Boulevard"},
			{"on the Blue Ridge Pkwy", "on the Blue Ridge Parkway"},
			{"the Ave Maria", "the Ave Maria"},
			{"Schubert's Ave Maria", "Schubert's Ave Maria"},
		}},
	})
	addTable("fr", []category{
		{name: "cardinal", cases: []spokenCase{
			{"Le séisme a détruit 4 312 maisons.", "Le séisme a détruit quatre mille trois cent douze maisons."},
			{"Plus de 10 000 personnes ont défilé.", "Plus de dix mille personnes ont défilé."},
		}},
		{name: "ordinal", cases: []spokenCase{
			{"Elle a fini 2e de la finale.", "Elle a fini deuxième de la finale."},
			{"au XXIe siècle", "au vingt et unième siècle"},
			{"la IIe République", "la deuxième République"},
			{"à la 90e minute", "à la quatre-vingt-dixième minute"},
		}},
		{name: "decimal", cases: []spokenCase{
			{"un chiffre d'affaires de 1 234,56 euros", "un chiffre d'affaires de mille deux cent trente-quatre euros cinquante-six"},
			{"une hausse de 0,25 point", "une hausse de zéro virgule vingt-cinq point"},
		}},
		{name: "money", cases: []spokenCase{
			{"Le billet coûte 12,50 €.", "Le billet coûte douze euros cinquante."},
			{"un budget de 3 M€", "un budget de trois millions d'euros"},
			{"il a payé 45 USD", "il a payé quarante-cinq dollars américains"},
		}},
		{name: "measure", cases: []spokenCase{
			{"limité à 50 km/h", "limité à cinquante kilomètres-heure"},
			{"il mesure 1,80 m", "il mesure un mètre quatre-vingts"},
			{"il fait 30 °C", "il fait trente degrés Celsius"},
		}},
		{name: "date", cases: []spokenCase{
			{"dans les années 1990", "dans les années quatre-vingt-dix"},
			{"du 10 au 12 octobre 2025", "du dix au douze octobre deux mille vingt-cinq"},
		}},
		{name: "time", cases: []spokenCase{
			{"à 14h30 GMT", "à quatorze heures trente GMT"},
		}},
		{name: "telephone", cases: []spokenCase{
			{"appelez le 06 12 34 56 78", "appelez le zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit"},
		}},
		{name: "web", cases: []spokenCase{
			{"écrivez à contact@lemonde.fr", "écrivez à contact arobase lemonde point fr"},
		}},
		{name: "voice", cases: []spokenCase{
			{"la SNCF a annoncé", "la SNCF a annoncé"},
			{"l'ONU a voté", "l'ONU a voté"},
		}},
		{name: "range", cases: []spokenCase{
			{"Le PSG a gagné 2-1.", "Le PSG a gagné deux à un."},
			{"Nadal s'impose 6-4, 6-3.", "Nadal s'impose six quatre, six trois."},
			{"Swiatek s'impose 6-0, 6-2.", "Swiatek s'impose six zéro, six deux."},
			{"de 10 à 12 ans", "de dix à douze ans"},
		}},
		{name: "roman", cases: []spokenCase{
			{"Louis XIV régnait.", "Louis quatorze régnait."},
		}},
		{name: "abbreviation", cases: []spokenCase{
			{"le nº 5", "le numéro cinq"},
			{"le n° 5", "le numéro cinq"},
			{"des fruits, etc.", "des fruits, etcétéra."},
		}},
	})
	addTable("es", []category{
		{name: "cardinal", cases: []spokenCase{
			{"Más de 10 000 personas marcharon.", "Más de diez mil personas marcharon."},
			{"una ciudad de 200 000 habitantes", "una ciudad de doscientos mil habitantes"},
			{"La tormenta destruyó 4.312 viviendas.", "La tormenta destruyó cuatro mil trescientas doce viviendas."},
		}},
		{name: "ordinal", cases: []spokenCase{
			{"Quedó 2.º en la final.", "Quedó segundo en la final."},
			{"la 21.ª edición", "la vigésima primera edición"},
		}},
		{name: "decimal", cases: []spokenCase{
			{"un total de 1 234,56 euros", "un total de mil doscientos treinta y cuatro euros con cincuenta y seis céntimos"},
			{"25 000 euros", "veinticinco mil euros"},
		}},
		{name: "measure", cases: []spokenCase{
			{"mide 1,80 m", "mide un metro ochenta"},
		}},
		{name: "date", cases: []spokenCase{
			{"en los años 90", "en los años noventa"},
		}},
		{name: "time", cases: []spokenCase{
			{"a las 14:30 GMT", "a las catorce y treinta GMT"},
		}},
		{name: "telephone", cases: []spokenCase{
			{"llame al 912 345 678", "llame al nueve uno dos, tres cuatro cinco, seis siete ocho"},
		}},
		{name: "range", cases: []spokenCase{
			{"el Real Madrid ganó 2-1", "el Real Madrid ganó dos a uno"},
			{"Alcaraz ganó 6-4, 6-3.", "Alcaraz ganó seis cuatro, seis tres."},
			{"Alcaraz ganó 6-0, 6-3.", "Alcaraz ganó seis cero, seis tres."},
		}},
		{name: "roman", cases: []spokenCase{
			{"Felipe VI habló.", "Felipe sexto habló."},
			{"Alfonso XIII", "Alfonso trece"},
		}},
		{name: "abbreviation", cases: []spokenCase{
			{"el núm. 5", "el número cinco"},
			{"frutas, etc.", "frutas, etcétera."},
		}},
	})
	addTable("it", []category{
		{name: "cardinal", cases: []spokenCase{
			{"Più di 10 000 persone hanno sfilato.", "Più di diecimila persone hanno sfilato."},
		}},
		{name: "decimal", cases: []spokenCase{
			{"un totale di 1 234,56 euro", "un totale di milleduecentotrentaquattro euro e cinquantasei centesimi"},
		}},
		{name: "ordinal", cases: []spokenCase{
			{"il 1° maggio 2026", "il primo maggio duemilaventisei"},
			{"nel XX secolo", "nel ventesimo secolo"},
		}},
		{name: "date", cases: []spokenCase{
			{"negli anni '80", "negli anni ottanta"},
		}},
		{name: "time", cases: []spokenCase{
			{"alle 21.15", "alle ventuno e quindici"},
		}},
		{name: "telephone", cases: []spokenCase{
			{"chiamate il 333 1234567", "chiamate il tre tre tre, uno due tre quattro cinque sei sette"},
			{"chiamate il 333 123 4567", "chiamate il tre tre tre, uno due tre, quattro cinque sei sette"},
		}},
		{name: "range", cases: []spokenCase{
			{"la Juventus ha vinto 2-1", "la Juventus ha vinto due a uno"},
			{"Sinner ha vinto 6-4 6-3", "Sinner ha vinto sei quattro sei tre"},
			{"Sinner ha vinto 6-4, 3-6, 6-0", "Sinner ha vinto sei quattro, tre sei, sei zero"},
		}},
		{name: "roman", cases: []spokenCase{
			{"Papa Leone XIV ha parlato.", "Papa Leone quattordicesimo ha parlato."},
		}},
		{name: "voice", cases: []spokenCase{
			{"la RAI ha trasmesso", "la RAI ha trasmesso"},
		}},
	})
	addTable("de", []category{
		{name: "cardinal", cases: []spokenCase{
			{"Mehr als 10 000 Menschen demonstrierten.", "Mehr als zehntausend Menschen demonstrierten."},
			{"ein Umsatz von 1 234,56 Euro", "ein Umsatz von eintausendzweihundertvierunddreißig Euro sechsundfünfzig"},
			{"Tel. 030 123 456", "Telefon null drei null, eins zwei drei, vier fünf sechs"},
		}},
		{name: "money", cases: []spokenCase{
			{"ein Kredit von 1,2 Mrd. Euro", "ein Kredit von eins Komma zwei Milliarden Euro"},
		}},
		{name: "date", cases: []spokenCase{
			{"am 3.5.2026", "am dritten Mai zweitausendsechsundzwanzig"},
		}},
		{name: "time", cases: []spokenCase{
			{"um 14.30 Uhr MEZ", "um vierzehn Uhr dreißig MEZ"},
			{"10-12 Uhr", "zehn bis zwölf Uhr"},
		}},
		{name: "roman", cases: []spokenCase{
			{"Karl V. regierte.", "Karl der Fünfte regierte."},
		}},
		{name: "range", cases: []spokenCase{
			{"Bayern gewann 3:0.", "Bayern gewann drei zu null."},
		}},
		{name: "voice", cases: []spokenCase{
			{"die CDU hat gewonnen", "die CDU hat gewonnen"},
			{"die ARD berichtet", "die ARD berichtet"},
		}},
		{name: "abbreviation", cases: []spokenCase{
			{"z. B. Äpfel", "zum Beispiel Äpfel"},
			{"Nr. 5", "Nummer fünf"},
		}},
	})
}
