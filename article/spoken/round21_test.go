package spoken

// Round twenty-one: a statistic's bound written without its leading zero
// ("p<.05", "p < .01"), and English months' abbreviations that are also
// given names ("Jan.") read as months only where a number or a word of
// time says so, with the sentence's stop kept after a month that ends
// one ("in Jan. Prices rose"); a ZIP code after "D.C."; "900k" glued
// thousands whatever follows; "<", ">", "≤", "≥" and "≠" read in German,
// French, Spanish, Italian and Portuguese as in English: between two
// terms with their math words ("x > 3"), glued to a number with their
// prose words (">50 Personen"), after a statistic's letter ("p<0,05",
// "n=120"); French code articles ("l'art. L. 1234-5": article L mille
// deux cent trente-quatre tiret cinq); a Portuguese weekday before its
// day in brackets ("na qui. (20)"); German "p. a.", "BGBl.", a page's
// or an item's number that is no year ("S. 1234"), a weekday's
// abbreviation without its stop before opening hours ("Sa 10–14 Uhr",
// "Sat 10am-4pm"); "nm" nanometers in five languages; Italian and Spanish "mar." before a
// day and a month's name is Tuesday, not March ("mar. 4 maggio").
func init() {
	addTable("en", []category{
		{name: "time", cases: []spokenCase{
			{"Open Sat 10am-4pm and Sun 11:00.", "Open Saturday ten AM to four PM and Sunday eleven o'clock."},
			{"He sat 10 minutes.", "He sat ten minutes."},
			{"The court ruled on Fri. and again on Mon., before noon.", "The court ruled on Friday and again on Monday, before noon."},
		}},
		{name: "symbol", cases: []spokenCase{
			{"The effect held (p<.05).", "The effect held (p less than point zero five)."},
			{"It was weaker (p < .01) in the second sample.", "It was weaker (p less than point zero one) in the second sample."},
			{"The fit was r > .8 overall.", "The fit was r greater than point eight overall."},
			{"Fewer than <.5 of them returned.", "Fewer than less than point five of them returned."},
			{"The score p=.03 held.", "The score p equals point zero three held."},
			{"A sample (n=120, r=0.8).", "A sample (n equals one hundred twenty, r equals zero point eight)."},
			{"Gas averaged $3.49/gal., down 12 cents.", "Gas averaged three dollars and forty-nine cents per gallon, down twelve cents."},
			{"It weighs 180 lbs.; the cup holds 5 oz. (about 140 g).", "It weighs one hundred eighty pounds; the cup holds five ounces (about one hundred forty grams)."},
			{"The price is ~$20 today.", "The price is about twenty dollars today."},
			{"A room w/ a view and coffee w/o sugar; w/e works.", "A room with a view and coffee without sugar; w/e works."},
			// A short number after a verb of calling is dialled.
			{"Call 911 or text 988; dial 311 for help.", "Call nine one one or text nine eight eight; dial three one one for help."},
			{"They will call 300 people.", "They will call three hundred people."},
			// A screen's resolution in pairs, a graphics card's model, a
			// thickness in inches.
			{"The screen is 1920x1080 at 60 Hz.", "The screen is nineteen twenty by ten eighty at sixty hertz."},
			{"A 1200x800 mm desk.", "A one thousand two hundred by eight hundred millimeter desk."},
			{"It has an RTX 4090 inside.", "It has an RTX forty ninety inside."},
			{"It is 0.6\" thin.", "It is zero point six inches thin."},
			{"The Xbox 360 sold well.", "The Xbox three sixty sold well."},
			{"It runs at 60FPS, or 120 fps.", "It runs at sixty frames per second, or one hundred twenty frames per second."},
			// A decade in a compound; a wire time's "hrs".
			{"The 1990s-era towers and 1970s-style decor.", "The nineteen nineties-era towers and nineteen seventies-style decor."},
			{"It began at 1930 hrs and ended at 2100 hrs.", "It began at nineteen thirty hours and ended at twenty-one hundred hours."},
			// Other equations are math's, and a letter that is not a
			// statistic's keeps its sign.
			{"So 2+2=4 here.", "So two plus two equals four here."},
		}},
		{name: "date", cases: []spokenCase{
			// A month that ends its sentence keeps the stop.
			{"Sales fell in Jan. Prices rose in Feb.", "Sales fell in January. Prices rose in February."},
			{"She joined in Sept. The deal closed in Oct.", "She joined in September. The deal closed in October."},
			// "Jan." is a given name unless a number or a word of time
			// makes it the month.
			{"I met Jan. He was late.", "I met Jan. He was late."},
			{"Tom and Jan. were there.", "Tom and Jan. were there."},
			{"It was signed on Jan. 5, 2024.", "It was signed on January fifth, twenty twenty-four."},
			{"The plan ran from Jan. to March.", "The plan ran from January to March."},
			{"It has grown since Jun. and will slow.", "It has grown since June and will slow."},
			{"It ended last Jan.", "It ended last January."},
			// Other months read as before.
			{"The vote is in Nov. and counts begin Dec. 2.", "The vote is in November and counts begin December second."},
		}},
		{name: "number", cases: []spokenCase{
			// Three digits of thousands glued to "k", whatever follows.
			{"It was up from 900k in May.", "It was up from nine hundred thousand in May."},
			{"It has 250K followers.", "It has two hundred fifty thousand followers."},
			// A race, a screen and a processor stay as written.
			{"She ran a 100k and a 10k.", "She ran a 100k and a 10k."},
			{"The 4K TV has a 4790K chip.", "The 4K TV has a 4790K chip."},
			{"Save in a 401k, not cash.", "Save in a 401k, not cash."},
		}},
		{name: "address", cases: []spokenCase{
			// A ZIP code after "D.C." written with its stops, as after "DC".
			{"Washington, D.C. 20500, near the park.", "Washington, D.C. two zero five zero zero, near the park."},
			{"Washington, D.C. 20001-4956 today.", "Washington, D.C. two zero zero zero one, four nine five six today."},
		}},
	})
	addTable("de", []category{{name: "abbreviation", cases: []spokenCase{
		{"Die Zinsen lagen bei 4,5 % p. a. im Schnitt.", "Die Zinsen lagen bei vier Komma fünf Prozent pro Jahr im Schnitt."},
		// A page's number is no year.
		{"Das Gesetz (BGBl. I S. 1234) gilt.", "Das Gesetz (Bundesgesetzblatt I Seite eintausendzweihundertvierunddreißig) gilt."},
		{"Siehe Seite 1150 und Nr. 1999.", "Siehe Seite eintausendeinhundertfünfzig und Nummer eintausendneunhundertneunundneunzig."},
		{"Die EM 2024 kam im Jahr 1848 nicht vor.", "Die EM zweitausendvierundzwanzig kam im Jahr achtzehnhundertachtundvierzig nicht vor."},
		// A weekday's abbreviation without its stop before opening hours.
		{"Geöffnet Sa 10–14 Uhr und So 9:30 bis 12 Uhr.", "Geöffnet Samstag zehn bis vierzehn Uhr und Sonntag neun Uhr dreißig bis zwölf Uhr."},
		{"So 10 Leute kamen.", "So zehn Leute kamen."},
		// "Fr." after "am" is Friday, and before a date no franc.
		{"Der Termin ist am Fr. und am So. geschlossen.", "Der Termin ist am Freitag und am Sonntag geschlossen."},
		{"Am Fr. 12. Mai kommt Fr. Müller.", "Am Freitag zwölften Mai kommt Frau Müller."},
		{"Vom Mo. 3. Juni bis Fr. 7. Juni.", "Vom Montag dritten Juni bis Freitag siebten Juni."},
	}}, {name: "measure", cases: []spokenCase{
		{"Der Chip wird in 3 nm gefertigt.", "Der Chip wird in drei Nanometer gefertigt."},
	}}, {name: "symbol", cases: []spokenCase{
		{"Der Effekt war deutlich (p<0,05; n=120).", "Der Effekt war deutlich (p kleiner als null Komma null fünf; n gleich einhundertzwanzig)."},
		{"Es kamen >50 Personen.", "Es kamen mehr als fünfzig Personen."},
		{"Wenn x > 3 gilt, folgt y ≤ 2.", "Wenn x größer als drei gilt, folgt y kleiner oder gleich zwei."},
	}}})
	addTable("fr", []category{{name: "symbol", cases: []spokenCase{
		{"L'effet est net (p<0,05).", "L'effet est net (p inférieur à zéro virgule zéro cinq)."},
		{"Il y avait >50 personnes.", "Il y avait plus de cinquante personnes."},
		{"Une puce gravée en 3 nm.", "Une puce gravée en trois nanomètres."},
	}}, {name: "number", cases: []spokenCase{
		// A code's article: its part's letter and its number's pieces.
		{"Selon l'art. L. 1234-5 du Code du travail.", "Selon l'article L mille deux cent trente-quatre tiret cinq du Code du travail."},
		{"Voir l'article R4127-1 et le L. 3121-27 du code.", "Voir l'article R quatre mille cent vingt-sept tiret un et le L trois mille cent vingt et un tiret vingt-sept du code."},
		// A law's number: its year and its number in the year.
		{"La loi n° 2024-123 du 12 févr. 2024.", "La loi numéro deux mille vingt-quatre tiret cent vingt-trois du douze février deux mille vingt-quatre."},
		{"La saison 2024-2025 débute.", "La saison deux mille vingt-quatre à deux mille vingt-cinq débute."},
		// "trim." and "sem." after an ordinal.
		{"Il a gagné 3 % au 3e trim. et au 1er sem. cette année.", "Il a gagné trois pour cent au troisième trimestre et au premier semestre cette année."},
		// Without a word naming an article, a score stays one.
		{"Le score est de 3-2 ce soir.", "Le score est de trois à deux ce soir."},
	}}})
	addTable("es", []category{{name: "date", cases: []spokenCase{
		// "mar." before a day and a month is Tuesday; after a day, March.
		{"La reunión es el mar. 4 de mayo.", "La reunión es el martes cuatro de mayo."},
		{"El 12 de mar. de 2024 llueve.", "El doce de marzo de dos mil veinticuatro llueve."},
		{"Abre del lun. al mar. por la tarde.", "Abre del lunes al martes por la tarde."},
		// A flat's floor and door in an address.
		{"Vive en la calle Mayor, 12, 3.º izq., y su hermano en el 2.º dcha.", "Vive en la calle Mayor, doce, tercero izquierda, y su hermano en el segundo derecha."},
		{"Llegó en el 3.er puesto.", "Llegó en el tercer puesto."},
		// The sea stays the sea.
		{"Fuimos al mar. Luego volvimos del mar. Vive cerca del mar.", "Fuimos al mar. Luego volvimos del mar. Vive cerca del mar."},
	}}, {name: "symbol", cases: []spokenCase{
		{"El efecto fue claro (p<0,05).", "El efecto fue claro (p menor que cero coma cero cinco)."},
		{"Acudieron >50 personas.", "Acudieron más de cincuenta personas."},
	}}})
	addTable("it", []category{{name: "date", cases: []spokenCase{
		{"La riunione è mar. 4 maggio alle 15:05.", "La riunione è martedì quattro maggio alle quindici e cinque."},
		{"Il 4 mar. 2025 piove.", "Il quattro marzo duemilaventicinque piove."},
		{"Nuotiamo nel mar. Poi torniamo.", "Nuotiamo nel mar. Poi torniamo."},
		// A race's name is no cue of degrees.
		{"È arrivato 1° al Giro, davanti al 2° e alla 3ª.", "È arrivato primo al Giro, davanti al secondo e alla terza."},
		{"Un giro di 90° a destra.", "Un giro di novanta gradi a destra."},
		{"Sale a 45 pt dopo 20 giornate, e 1 pt. in più.", "Sale a quarantacinque punti dopo venti giornate, e un punto in più."},
		{"Via Roma 12, int. 3, Roma.", "Via Roma dodici, interno tre, Roma."},
	}}, {name: "symbol", cases: []spokenCase{
		{"L'effetto è chiaro (p<0,05).", "L'effetto è chiaro (p minore di zero virgola zero cinque)."},
		{"Sono arrivate >50 persone.", "Sono arrivate più di cinquanta persone."},
	}}})
	addTable("pt", []category{{name: "symbol", cases: []spokenCase{
		{"O efeito foi claro (p<0,05).", "O efeito foi claro (p menor que zero vírgula zero cinco)."},
		{"Vieram >50 pessoas.", "Vieram mais de cinquenta pessoas."},
	}}, {name: "date", cases: []spokenCase{
		// A weekday's abbreviation before its day's number in brackets.
		{"O jogo será na qui. (20) à noite.", "O jogo será na quinta-feira (vinte) à noite."},
		{"Chegou a 45 pts em 20 rodadas.", "Chegou a quarenta e cinco pontos em vinte rodadas."},
		{"Rua Augusta, 1234, ap. 56, São Paulo.", "Rua Augusta, mil duzentos e trinta e quatro, apartamento cinquenta e seis, São Paulo."},
		// "qui" alone stays a word.
		{"O homem qui sabe.", "O homem qui sabe."},
	}}})
}
