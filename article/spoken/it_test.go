package spoken

// Italian, after the Accademia della Crusca's and Treccani's usage: a
// full stop groups thousands and the comma marks decimals, numbers under a
// million are one word ("duemilaventuno"), "euro" does not change in the
// plural, the first of the month is "primo", times are "le quindici e
// trenta", ordinals end in -esimo past the tenth.
func init() {
	addTable("it", []category{
		{name: "cardinal", cases: []spokenCase{
			{"15 case", "quindici case"},
			{"dura 1 ora", "dura un'ora"},
			{"1 amica", "un'amica"},
			{"1 studente", "uno studente"},
			{"1 zaino", "uno zaino"},
			{"1 psicologo", "uno psicologo"},
			{"1 libro", "un libro"},
			{"1 anno", "un anno"},
			{"21 giorni", "ventuno giorni"},
			{"28 giorni", "ventotto giorni"},
			{"23 giorni", "ventitré giorni"},
			{"100 giorni", "cento giorni"},
			{"108 giorni", "centotto giorni"},
			{"nel 1985", "nel millenovecentottantacinque"},
			{"1.000 soldati", "mille soldati"},
			{"2.000 soldati", "duemila soldati"},
			{"21.000 voti", "ventunmila voti"},
			{"1.000.000 di voti", "un milione di voti"},
			{"2.500.000 voti", "due milioni cinquecentomila voti"},
			{"1 persona", "una persona"},
			{"1 anno", "un anno"},
			{"-4 gradi", "meno quattro gradi"},
			{"2,5 milioni di persone", "due virgola cinque milioni di persone"},
		}},
		{name: "decimal", cases: []spokenCase{
			{"3,5 punti", "tre virgola cinque punti"},
			{"2,75 metri", "due virgola settantacinque metri"},
		}},
		{name: "ordinal", cases: []spokenCase{
			{"il 1º posto", "il primo posto"},
			{"la 1ª volta", "la prima volta"},
			{"il 2° posto", "il secondo posto"},
			{"l'11º giorno", "l'undicesimo giorno"},
			{"il 23º anno", "il ventitreesimo anno"},
			{"il 100º anniversario", "il centesimo anniversario"},
		}},
		{name: "fraction", cases: []spokenCase{
			{"1/2 litro", "mezzo litro"},
			{"1/2 ora", "mezz'ora"},
			{"3/4 tazza", "tre quarti di tazza"},
			{"1/4 ora", "un quarto d'ora"},
			{"2 1/2 ore", "due ore e mezza"},
			{"1 1/2 litri", "un litro e mezzo"},
			{"1/2 kg", "mezzo chilo"},
			{"3/4 dei voti", "tre quarti dei voti"},
			{"1/3 dei voti", "un terzo dei voti"},
			{"2/3 dei voti", "due terzi dei voti"},
		}},
		{name: "percent", cases: []spokenCase{
			{"25%", "venticinque per cento"},
			{"3,5 %", "tre virgola cinque per cento"},
			{"10-20%", "dieci a venti per cento"},
		}},
		{name: "money", cases: []spokenCase{
			{"1.000.000 €", "un milione di euro"},
			{"25 €", "venticinque euro"},
			{"1 €", "un euro"},
			{"1,50 €", "un euro e cinquanta centesimi"},
			{"0,99 €", "novantanove centesimi"},
			{"$100", "cento dollari"},
			{"£50", "cinquanta sterline"},
			{"2,5 milioni di euro", "due virgola cinque milioni di euro"},
			{"€3 milioni", "tre milioni di euro"},
			{"3 mln €", "tre milioni di euro"},
		}},
		{name: "date", cases: []spokenCase{
			{"il 15 marzo 2021", "il quindici marzo duemilaventuno"},
			{"il 1° gennaio", "il primo gennaio"},
			{"il 1 gennaio", "il primo gennaio"},
			{"il 15/03/2021", "il quindici marzo duemilaventuno"},
			{"l'8 marzo", "l'otto marzo"},
			{"dell'11 settembre 2001", "dell'undici settembre duemilauno"},
		}},
		{name: "year", cases: []spokenCase{
			{"nel 1990", "nel millenovecentonovanta"},
			{"nel 2021", "nel duemilaventuno"},
			{"gli anni 90", "gli anni novanta"},
		}},
		{name: "time", cases: []spokenCase{
			{"88' Gol!", "minuto ottantotto Gol!"},
			{"alle 20:00 h chiude", "alle venti chiude"},
			{"alle 15:30", "alle quindici e trenta"},
			{"alle 9:00", "alle nove"},
			{"all'1:15", "all'una e quindici"},
			{"alle 15.30", "alle quindici e trenta"},
		}},
		{name: "measure", cases: []spokenCase{
			{"5 km", "cinque chilometri"},
			{"in 45 min", "in quarantacinque minuti"},
			{"30 s", "trenta secondi"},
			{"1 h", "un'ora"},
			{"3 h", "tre ore"},
			{"3 m³", "tre metri cubi"},
			{"1 kcal", "una chilocaloria"},
			{"1 km", "un chilometro"},
			{"20 °C", "venti gradi Celsius"},
			{"100 km/h", "cento chilometri orari"},
		}},
		{name: "range", cases: []spokenCase{
			{"vinto 3-2", "vinto tre a due"},
		}},
		{name: "roman", cases: []spokenCase{
			{"Vittorio Emanuele II", "Vittorio Emanuele secondo"},
			{"Luigi XIV", "Luigi quattordicesimo"},
			{"Elisabetta II", "Elisabetta seconda"},
			{"il XIX secolo", "il diciannovesimo secolo"},
		}},
		{name: "abbreviation", cases: []spokenCase{
			{"dom. 4 maggio", "domenica quattro maggio"},
			{"il sig. Rossi", "il signor Rossi"},
			{"la dott.ssa Bianchi", "la dottoressa Bianchi"},
		}},
		{name: "telephone", cases: []spokenCase{
			{"al +39 06 1234 5678", "al più tre nove, zero sei, uno due tre quattro, cinque sei sette otto"},
			{"allo 06 1234 5678", "allo zero sei, uno due tre quattro, cinque sei sette otto"},
			{"al 333 123 4567", "al tre tre tre, uno due tre, quattro cinque sei sette"},
		}},
		{name: "voice", cases: []spokenCase{
			{"il COVID-19", "il COVID-19"},
			{"la A1 per", "la A1 per"},
		}},
	})
}
