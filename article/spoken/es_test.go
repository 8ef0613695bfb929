package spoken

// Spanish, after the RAE's Ortografía (2010): a full stop or a space
// groups thousands in the press, the comma marks decimals (the point in
// Mexico and the United States), numbers agree with the noun they count
// ("veintiún años", "veintiuna personas", "doscientas casas"), dates are
// "quince de marzo de dos mil veintiuno", ordinals past the tenth are
// said as the RAE lists them ("vigésimo primero").
func init() {
	addTable("es", []category{
		{name: "cardinal", cases: []spokenCase{
			{"15 casas", "quince casas"},
			{"hay 1", "hay uno"},
			{"1 año", "un año"},
			{"1 persona", "una persona"},
			{"21 años", "veintiún años"},
			{"21 personas", "veintiuna personas"},
			{"31 días", "treinta y un días"},
			{"100 días", "cien días"},
			{"101 días", "ciento un días"},
			{"200 personas", "doscientas personas"},
			{"500 euros", "quinientos euros"},
			{"1.000 soldados", "mil soldados"},
			{"2.500 soldados", "dos mil quinientos soldados"},
			{"21.000 votos", "veintiún mil votos"},
			{"1.000.000 de votos", "un millón de votos"},
			{"3.000.000 de votos", "tres millones de votos"},
			{"10\u00a0000 votos", "diez mil votos"},
			{"2,5 millones de personas", "dos coma cinco millones de personas"},
			{"-4 grados", "menos cuatro grados"},
			{"son 77 en total", "son setenta y siete en total"},
		}},
		{name: "decimal", cases: []spokenCase{
			{"3,5 puntos", "tres coma cinco puntos"},
			{"2,75 metros", "dos coma setenta y cinco metros"},
			{"0,5 puntos", "cero coma cinco puntos"},
		}},
		{name: "ordinal", cases: []spokenCase{
			{"el 1.º de la lista", "el primero de la lista"},
			{"el 1.er puesto", "el primer puesto"},
			{"la 2.ª vuelta", "la segunda vuelta"},
			{"el 3.er lugar", "el tercer lugar"},
			{"el 10.º aniversario", "el décimo aniversario"},
			{"el 21.º puesto", "el vigésimo primer puesto"},
			{"la 3ª edición", "la tercera edición"},
			{"el 18.º día", "el decimoctavo día"},
		}},
		{name: "fraction", cases: []spokenCase{
			{"1/2 litro", "medio litro"},
			{"1/2 taza", "media taza"},
			{"3/4 taza", "tres cuartos de taza"},
			{"½ hora", "media hora"},
			{"1 1/2 tazas", "una taza y media"},
			{"1/4 kg", "un cuarto de kilo"},
			{"3/4 del total", "tres cuartos del total"},
			{"1/3 de los votos", "un tercio de los votos"},
			{"2/3 de los votos", "dos tercios de los votos"},
			{"2 1/2 horas", "dos horas y media"},
		}},
		{name: "percent", cases: []spokenCase{
			{"25 %", "veinticinco por ciento"},
			{"3,5%", "tres coma cinco por ciento"},
			{"10-20 %", "diez a veinte por ciento"},
		}},
		{name: "money", cases: []spokenCase{
			{"1.000.000 €", "un millón de euros"},
			{"3.000.000 $", "tres millones de dólares"},
			{"25 €", "veinticinco euros"},
			{"1 €", "un euro"},
			{"21 €", "veintiún euros"},
			{"1,50 €", "un euro con cincuenta céntimos"},
			{"0,99 €", "noventa y nueve céntimos"},
			{"$100", "cien dólares"},
			{"US$ 5", "cinco dólares estadounidenses"},
			{"2,5 millones de euros", "dos coma cinco millones de euros"},
			{"€3 millones", "tres millones de euros"},
			{"1 millón de euros", "un millón de euros"},
			{"200 £", "doscientas libras"},
		}},
		{name: "date", cases: []spokenCase{
			{"el 15 de marzo de 2021", "el quince de marzo de dos mil veintiuno"},
			{"el 1 de enero", "el uno de enero"},
			{"el 1.º de mayo", "el primero de mayo"},
			{"el 15/03/2021", "el quince de marzo de dos mil veintiuno"},
			{"el 15-03-2021", "el quince de marzo de dos mil veintiuno"},
			{"el 2021-03-15", "el quince de marzo de dos mil veintiuno"},
		}},
		{name: "year", cases: []spokenCase{
			{"en 1990", "en mil novecientos noventa"},
			{"en 2021", "en dos mil veintiuno"},
			{"los años 90", "los años noventa"},
		}},
		{name: "time", cases: []spokenCase{
			{"88' ¡Gol!", "minuto ochenta y ocho ¡Gol!"},
			{"a las 20:00 h cierra", "a las veinte horas cierra"},
			{"a las 9:30 h", "a las nueve y treinta"},
			{"a la 1:00 h", "a la una"},
			{"a las 15:30", "a las quince y treinta"},
			{"a las 9:00", "a las nueve"},
			{"a la 1:15", "a la una y quince"},
			{"a las 21:05", "a las veintiuna y cinco"},
			{"a las 15.30 horas", "a las quince y treinta horas"},
		}},
		{name: "measure", cases: []spokenCase{
			{"5 km", "cinco kilómetros"},
			{"en 45 min", "en cuarenta y cinco minutos"},
			{"30 s", "treinta segundos"},
			{"1 h", "una hora"},
			{"21 h", "veintiuna horas"},
			{"3 m³", "tres metros cúbicos"},
			{"50 Hz", "cincuenta hercios"},
			{"1 kcal", "una kilocaloría"},
			{"1 km", "un kilómetro"},
			{"20 °C", "veinte grados Celsius"},
			{"100 km/h", "cien kilómetros por hora"},
			{"3 kg", "tres kilos"},
		}},
		{name: "range", cases: []spokenCase{
			{"ganó 3-2", "ganó tres a dos"},
			{"ganó 3:1", "ganó tres a uno"},
			{"una proporción de 3:1", "una proporción de tres a uno"},
			{"entre 10-20 votos", "entre diez a veinte votos"},
		}},
		{name: "roman", cases: []spokenCase{
			{"Felipe VI", "Felipe sexto"},
			{"Alfonso XIII", "Alfonso trece"},
			{"Isabel II", "Isabel segunda"},
			{"el siglo XXI", "el siglo veintiuno"},
		}},
		{name: "abbreviation", cases: []spokenCase{
			{"el n.º 5", "el número cinco"},
			{"sáb., 3 de mayo", "sábado, tres de mayo"},
			{"el Sr. García", "el señor García"},
			{"la Sra. López", "la señora López"},
			{"la Dra. Ruiz", "la doctora Ruiz"},
			{"EE.UU. y", "Estados Unidos y"},
		}},
		{name: "telephone", cases: []spokenCase{
			{"llame al +34 912 345 678", "llame al más tres cuatro, nueve uno dos, tres cuatro cinco, seis siete ocho"},
			{"llame al 900 123 456", "llame al nueve cero cero, uno dos tres, cuatro cinco seis"},
		}},
		{name: "voice", cases: []spokenCase{
			{"el COVID-19", "el COVID-19"},
			{"la A-6", "la A-6"},
		}},
	})
	addTable("es-MX", []category{
		{name: "decimal", cases: []spokenCase{
			{"3.5 puntos", "tres punto cinco puntos"},
			{"1,500 personas", "mil quinientas personas"},
		}},
		{name: "money", cases: []spokenCase{
			{"$100", "cien pesos"},
			{"US$100", "cien dólares estadounidenses"},
		}},
	})
}
