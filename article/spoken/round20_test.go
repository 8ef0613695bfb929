package spoken

// Round twenty: a maker's model before the name of its family or a noun
// of its kind; odds written as one compound; percentage points, a
// match's minute, a compass bearing after a distance, a statistic's
// "p<0.001", a party label between commas, "Hwy.", wind chills, feet
// and inches written with primes, a runner's pace, "£35pp", watts and
// "incl." in English; an amount before a name and a noun is the noun's
// adjective; French "au T3", "S1 2025", "bât.", "esc." and "mar." before
// a date; Italian "XIX sec."; a town's inhabitants after their number in
// five languages; Spanish "min." before a match's minute and German
// "Min." after its ordinal; German and French months' abbreviations
// before a year or joined to a month; German "u." und, "zw.", "Vj.", "Sa./So." and
// the towns' "a. M.", "i. Br."; Spanish and Portuguese quarters written
// number first without a year ("el 2T"), a Spanish dotted time with the
// hour's symbol; Italian laws' "co." and "d.l.", "II trim.", "sen.",
// "h."; Spanish "RD", "Hosp."; Brazil's laws with a two-digit year,
// "a.a." after a rate, "3º tri", "apto.", "Op.", "Rod.", "no km 45", a
// game's "2 x 1"; basis points ("pb") in French, Spanish, Italian and
// Portuguese, Italian "al km 123".
func init() {
	addTable("en", []category{
		{name: "number", cases: []spokenCase{
			// A family's name after the model, a noun of its kind after
			// a determiner and a number of its pattern.
			{"The 737 MAX 8 was grounded.", "The seven thirty-seven MAX eight was grounded."},
			{"It flies 787 Dreamliners.", "It flies seven eighty-seven Dreamliners."},
			{"Its 777 fleet is old; a 747 jumbo landed.", "Its seven seventy-seven fleet is old; a seven forty-seven jumbo landed."},
			{"The Boeing 707 flew.", "The Boeing seven oh seven flew."},
			// A count stays one.
			{"He counted 777 jets.", "He counted seven hundred seventy-seven jets."},
			{"The 300 jets are new.", "The three hundred jets are new."},
		}},
		{name: "compound", cases: []spokenCase{
			{"A 1-in-4 chance.", "A one-in-four chance."},
			{"A 1-in-100-year flood.", "A one-in-a-hundred-year flood."},
			{"A 1-in-200-year storm and a 1-in-1,000 risk.", "A one-in-two-hundred-year storm and a one-in-a-thousand risk."},
			{"A 2-in-1 laptop.", "A two-in-one laptop."},
			// "in" joined to one number is still the inch.
			{"A 2-in pipe.", "A two-inch pipe."},
		}},
		{name: "measure", cases: []spokenCase{
			{"Turnout rose 4.5pp on the last vote.", "Turnout rose four point five percentage points on the last vote."},
			{"Labour leads by 12pp in the poll.", "Labour leads by twelve percentage points in the poll."},
			{"It is 3 ppts lower.", "It is three percentage points lower."},
			{"A 5pp rise.", "A five-percentage-point rise."},
			// A book's pages in a sentence of no change or share.
			{"A 300pp book.", "A 300pp book."},
		}},
		{name: "abbreviation", cases: []spokenCase{
			{"He scored in the 89th min.", "He scored in the eighty-ninth minute."},
			{"In the 90th min, a red card.", "In the ninetieth minute, a red card."},
		}},
		{name: "measure", cases: []spokenCase{
			// A bearing between a distance and "of".
			{"It struck 40km SW of the city.", "It struck forty kilometers southwest of the city."},
			{"It lies 10 miles NNE of Leeds.", "It lies ten miles north-northeast of Leeds."},
			{"It is 5 km N of Rome.", "It is five kilometers north of Rome."},
			// No distance, no bearing: a region, a postcode.
			{"The SW of England.", "The SW of England."},
			{"Ticket NE of 5.", "Ticket NE of five."},
		}},
		{name: "abbreviation", cases: []spokenCase{
			// A party label between commas, as AP writes it.
			{"Sen. John Smith, R-Texas, said so.", "Senator John Smith, Republican of Texas, said so."},
			{"Rep. Ann Lee, D-N.Y.; and Bob, I-Vt.", "Representative Ann Lee, Democrat of New York; and Bob, independent of Vermont."},
			{"Then Q, D-Day, came.", "Then Q, D-Day, came."},
			// A highway's number in pairs.
			{"It was on Hwy. 101 near the exit.", "It was on Highway one oh one near the exit."},
			{"He took Pacific Hwy. to the coast.", "He took Pacific Highway to the coast."},
		}},
		{name: "measure", cases: []spokenCase{
			// Feet written with primes: a room's size, a height.
			{"The room is 12' x 15' wide.", "The room is twelve by fifteen feet wide."},
			{"He is 6' tall.", "He is six feet tall."},
			{"Mats are 68\" x 24\" and a 1' x 1' tile.", "Mats are sixty-eight by twenty-four inches and a one by one foot tile."},
			{"Grease a 9\" x 4\" x 4\" loaf pan.", "Grease a nine by four by four inch loaf pan."},
			{"The 27\" 4K monitor and a 65″ TV.", "The twenty-seven-inch 4K monitor and a sixty-five-inch TV."},
			{"It is 27\" wide.", "It is twenty-seven inches wide."},
			{"A 16\" high-powered laptop.", "A sixteen-inch high-powered laptop."},
			{"Get 16\" high-powered laptops.", "Get sixteen\" high-powered laptops."},
			{"He said \"I paid 27\" and left.", "He said \"I paid twenty-seven\" and left."},
			// Watts in a sentence about power.
			{"It has 45W wired and 15W wireless charging.", "It has forty-five watts wired and fifteen watts wireless charging."},
			{"A 60W bulb.", "A sixty-watt bulb."},
			{"Go 10 W of town.", "Go ten W of town."},
			{"It is 12' x 6\".", "It is twelve' x six\"."},
			{"Rock of the '80s.", "Rock of the eighties."},
			// A runner's pace.
			{"She ran at 7:27/mile, then 4:05/km.", "She ran at seven twenty-seven per mile, then four oh five per kilometer."},
			{"It was 6:00/mile.", "It was six minutes per mile."},
			{"It was 10:30/day.", "It was 10:30/day."},
		}},
		{name: "temperature", cases: []spokenCase{
			{"Wind chills of -20F are forecast.", "Wind chills of minus twenty degrees Fahrenheit are forecast."},
		}},
		{name: "symbol", cases: []spokenCase{
			// A statistic's letter glued to its bound, as papers write it.
			{"It was significant (p<0.001).", "It was significant (p less than zero point zero zero one)."},
			{"Groups with n>30 were kept.", "Groups with n greater than thirty were kept."},
			// A word glued to the sign is no statistic.
			{"Map<5 here.", "Map<five here."},
		}},
		{name: "money", cases: []spokenCase{
			// After "a", the amount describes the noun after the name.
			{"It won a £2.5bn HS2 contract.", "It won a two point five billion pound HS2 contract."},
			{"A $10bn Pentagon contract.", "A ten billion dollar Pentagon contract."},
			{"He got a $5 Amazon gift card.", "He got a five dollar Amazon gift card."},
			{"It costs €499 (incl. VAT).", "It costs four hundred ninety-nine euros (including VAT)."},
			// A name and a verb, or no "a": a count of money.
			{"The $44bn Musk paid was high.", "The forty-four billion dollars Musk paid was high."},
			{"He paid a $5 Amazon.", "He paid a five dollars Amazon."},
			// Letters glued to a price that say what it is per.
			{"Tickets from £35pp; rooms from £89pppn or £120pn.", "Tickets from thirty-five pounds per person; rooms from eighty-nine pounds per person per night or one hundred twenty pounds per night."},
		}},
	})
	addTable("fr", []category{
		{name: "quarter", cases: []spokenCase{
			{"Il a réalisé 3,2 Md€ au T3.", "Il a réalisé trois virgule deux milliards d'euros au troisième trimestre."},
			// A flat, a tram.
			{"Un T3 de 65 m².", "Un T3 de soixante-cinq mètres carrés."},
			{"Prendre le T3 vers la gare.", "Prendre le T3 vers la gare."},
			// A half before its year; alone "S1" may be a car's name.
			{"Le bénéfice du S1 2025 monte.", "Le bénéfice du premier semestre deux mille vingt-cinq monte."},
			{"Au S2 2024, il pleut.", "Au second semestre deux mille vingt-quatre, il pleut."},
			{"La S1 de Lyon.", "La S1 de Lyon."},
		}},
		{name: "abbreviation", cases: []spokenCase{
			{"Rendez-vous le mar. 4 mars.", "Rendez-vous le mardi quatre mars."},
			{"Fermé mar., 11 mars.", "Fermé mardi, onze mars."},
			// After a day's number, a month as some sites write it.
			{"Le 4 mar. à Paris.", "Le quatre mar. à Paris."},
			{"Aujourd'hui 12 000 hab. vivent ici.", "Aujourd'hui douze mille habitants vivent ici."},
			{"Il reste 1 hab. au village.", "Il reste un habitant au village."},
			{"Elle habite le bât. B, esc. 2.", "Elle habite le bâtiment B, escalier deux."},
			{"L'écart est à 80 pb.", "L'écart est à quatre-vingts points de base."},
			{"Les ventes de janv. à mars et en févr. 2025.", "Les ventes de janvier à mars et en février deux mille vingt-cinq."},
		}},
	})
	addTable("it", []category{
		{name: "roman", cases: []spokenCase{
			{"Nel XIX sec. vivevano qui.", "Nel diciannovesimo secolo vivevano qui."},
			{"Nel sec. XIX vivevano qui.", "Nel secolo diciannovesimo vivevano qui."},
		}},
		{name: "abbreviation", cases: []spokenCase{
			{"Oggi sono 12.000 ab. in città.", "Oggi sono dodicimila abitanti in città."},
			{"Lo spread è sceso a 120 pb; incidente al km 123.", "Lo spread è sceso a centoventi punti base; incidente al chilometro centoventitré."},
			{"L'art. 5, co. 2, del d.l. n. 18 prevede sanzioni.", "L'articolo cinque, comma due, del decreto legge numero diciotto prevede sanzioni."},
			{"È al 20,4% nel II trim., contro il 21,1% del I trim.", "È al venti virgola quattro per cento nel secondo trimestre, contro il ventuno virgola uno per cento del primo trimestre."},
			{"Il sen. Verdi arriva alle h. 10.", "Il senatore Verdi arriva alle ore dieci."},
		}},
	})
	addTable("es", []category{
		{name: "abbreviation", cases: []spokenCase{
			{"Hoy son 12.000 hab. en la villa.", "Hoy son doce mil habitantes en la villa."},
			{"Marcó en el min. 12 del partido.", "Marcó en el minuto doce del partido."},
			{"La prima de riesgo cayó a 80 pb y 1 pb.", "La prima de riesgo cayó a ochenta puntos básicos y un punto básico."},
			{"Ocurrió de madrugada del sáb. al dom.", "Ocurrió de madrugada del sábado al domingo."},
			{"En el s. XIX hubo guerra.", "En el siglo diecinueve hubo guerra."},
			{"Lo atendieron en el Hosp. La Paz.", "Lo atendieron en el Hospital La Paz."},
		}},
		{name: "time", cases: []spokenCase{
			// The hour's symbol makes a dotted time one, whatever before.
			{"El partido (21.00 h) se verá en abierto.", "El partido (veintiuna horas) se verá en abierto."},
			{"Son 1.500 h de vuelo.", "Son mil quinientas horas de vuelo."},
		}},
		{name: "quarter", cases: []spokenCase{
			// Its number first, a quarter without its year; a terminal's
			// letter comes first.
			{"Llegó al 27,4 % en el 2T, frente al 28,1 % del 1T.", "Llegó al veintisiete coma cuatro por ciento en el segundo trimestre, frente al veintiocho coma uno por ciento del primer trimestre."},
			{"Aterrizó en la T4.", "Aterrizó en la T4."},
		}},
	})
	addTable("pt", []category{
		{name: "abbreviation", cases: []spokenCase{
			{"Hoje são 12 mil hab. na cidade.", "Hoje são doze mil habitantes na cidade."},
		}},
		{name: "quarter", cases: []spokenCase{
			{"O lucro do 2T subiu; no 1T caiu.", "O lucro do segundo trimestre subiu; no primeiro trimestre caiu."},
			{"Lucrou R$ 2 bi no 3º tri.", "Lucrou dois bilhões de reais no terceiro trimestre."},
		}},
		{name: "cardinal", cases: []spokenCase{
			// A law's year in two digits, as Brazil cites its laws.
			{"A Lei 8.666/93 e a Lei nº 14.133/21 valem.", "A Lei oito mil seiscentos e sessenta e seis de mil novecentos e noventa e três e a Lei número catorze mil cento e trinta e três de dois mil e vinte e um valem."},
			{"A MP 1.234/2025 caiu.", "A MP mil duzentos e trinta e quatro de dois mil e vinte e cinco caiu."},
			// No act before it, no law.
			{"Tem 14.133/21 votos.", "Tem 14.133/21 votos."},
		}},
		{name: "abbreviation", cases: []spokenCase{
			{"A Selic foi para 11,25% a.a. em março.", "A Selic foi para onze vírgula vinte e cinco por cento ao ano em março."},
			{"Mora no apto. 32 do prédio.", "Mora no apartamento trinta e dois do prédio."},
			{"O spread caiu para 80 pb.", "O spread caiu para oitenta pontos-base."},
			{"Presos na Op. Lava Jato, no km 45 da Rod. Anhanguera.", "Presos na Operação Lava Jato, no quilômetro quarenta e cinco da Rodovia Anhanguera."},
		}},
		{name: "score", cases: []spokenCase{
			// A game's score written with an "x", in a sentence about a
			// game; a size keeps "por".
			{"O Flamengo venceu o Vasco por 2 x 1.", "O Flamengo venceu o Vasco por dois a um."},
			{"A sala tem 4 x 5 m.", "A sala tem quatro por cinco metros."},
			{"Ele comprou 2 x 3 caixas.", "Ele comprou dois por três caixas."},
		}},
	})
	addTable("de", []category{
		{name: "abbreviation", cases: []spokenCase{
			{"Heute sind es rd. 12.000 Einw. in der Stadt.", "Heute sind es rund zwölftausend Einwohner in der Stadt."},
			{"Vertreter von Bund u. Ländern kamen.", "Vertreter von Bund und Ländern kamen."},
			{"Er baute zw. 2020 und 2022 mehr als im Vj.", "Er baute zwischen zweitausendzwanzig und zweitausendzweiundzwanzig mehr als im Vorjahr."},
			// A month's abbreviation before a year or joined to a month;
			// alone it may be a name.
			{"Der Umsatz stieg im Feb. 2025 und von Jan. bis März.", "Der Umsatz stieg im Februar zweitausendfünfundzwanzig und von Januar bis März."},
			{"Ich traf Jan. und Eva.", "Ich traf Jan. und Eva."},
			{"Geöffnet Sa./So. ab 10 Uhr, Mo/Di zu.", "Geöffnet Samstag und Sonntag ab zehn Uhr, Montag und Dienstag zu."},
			{"Er sagt und/oder.", "Er sagt und/oder."},
			{"Tore fielen in der 34. und 78. Min. des Spiels.", "Tore fielen in der vierunddreißigsten und achtundsiebzigsten Minute des Spiels."},
			{"Nach 15 Min. Pause ging es weiter.", "Nach fünfzehn Minuten Pause ging es weiter."},
			{"Der Konzern in Frankfurt a. M. und Freiburg i. Br. wächst.", "Der Konzern in Frankfurt am Main und Freiburg im Breisgau wächst."},
		}},
	})
}
