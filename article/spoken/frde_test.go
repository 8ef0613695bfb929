package spoken

import "testing"

var frCases = []struct{ in, want string }{
	// cardinals (CLDR fr: "vingt et un", "quatre-vingts", "deux cents")
	{"1 chat", "un chat"},
	{"16 ans", "seize ans"},
	{"17 ans", "dix-sept ans"},
	{"21 jours", "vingt et un jours"},
	{"22 jours", "vingt-deux jours"},
	{"70 ans", "soixante-dix ans"},
	{"71 ans", "soixante et onze ans"},
	{"77 ans", "soixante-dix-sept ans"},
	{"80 ans", "quatre-vingts ans"},
	{"81 ans", "quatre-vingt-un ans"},
	{"91 ans", "quatre-vingt-onze ans"},
	{"99 ans", "quatre-vingt-dix-neuf ans"},
	{"100 jours", "cent jours"},
	{"200 jours", "deux cents jours"},
	{"201 jours", "deux cent un jours"},
	{"1000 jours", "mille jours"},
	{"2 000 habitants", "deux mille habitants"},
	{"80 000 habitants", "quatre-vingt mille habitants"},
	{"200 000 habitants", "deux cent mille habitants"},
	{"1 500 soldats", "mille cinq cents soldats"},
	{"3 millions", "trois millions"},
	{"en 2015", "en deux mille quinze"},
	{"en 1990", "en mille neuf cent quatre-vingt-dix"},
	{"3,5 kilos", "trois virgule cinq kilos"},
	{"-4 points", "moins quatre points"},
	// ordinals
	{"le 1er tour", "le premier tour"},
	{"la 2e place", "la deuxième place"},
	{"le 21e siècle", "le vingt et unième siècle"},
	{"le 5e jour", "le cinquième jour"},
	{"le 9e jour", "le neuvième jour"},
	// percent, money
	{"3,5 %", "trois virgule cinq pour cent"},
	{"12 %", "douze pour cent"},
	{"20 €", "vingt euros"},
	{"5,50 €", "cinq euros cinquante"},
	{"1 €", "un euro"},
	{"€20", "vingt euros"},
	{"CHF 12", "douze francs suisses"},
	{"$43 millions", "quarante-trois millions de dollars"},
	{"2 millions d'euros", "deux millions d'euros"},
	// dates and times
	{"le 13 novembre 2015", "le treize novembre deux mille quinze"},
	{"le 1er janvier", "le premier janvier"},
	{"le 13/11/2015", "le treize novembre deux mille quinze"},
	{"à 22h30", "à vingt-deux heures trente"},
	{"à 22h", "à vingt-deux heures"},
	{"à 10:15", "à dix heures quinze"},
	// measures
	{"5 km", "cinq kilomètres"},
	{"-5 °C", "moins cinq degrés Celsius"},
	{"90 km/h", "quatre-vingt-dix kilomètres-heure"},
	{"1 km", "un kilomètre"},
	// ranges and scores
	{"gagné 3-2", "gagné trois à deux"},
	{"la saison 2024-25", "la saison deux mille vingt-quatre à vingt-cinq"},
	// Roman numerals
	{"Louis XIV", "Louis quatorze"},
	{"au XIVe siècle", "au quatorzième siècle"},
	{"François Ier", "François premier"},
	// abbreviations
	{"M. Dupont", "Monsieur Dupont"},
	{"Mme Martin", "Madame Martin"},
	{"Dr Leroy", "Docteur Leroy"},
	{"au n° 12", "au numéro douze"},
	{"av. Foch", "avenue Foch"},
	// must not
	{"Il est là.", "Il est là."},
	{"le COVID-19", "le COVID-19"},
	{"Je suis M.", "Je suis M."},
	{"la version 2.5.1", "la version 2.5.1"},
}

var deCases = []struct{ in, want string }{
	// cardinals (CLDR de: one word under a million)
	{"1 Hund", "eins Hund"},
	{"21 Tage", "einundzwanzig Tage"},
	{"99 Tage", "neunundneunzig Tage"},
	{"101 Tage", "einhunderteins Tage"},
	{"130 Menschen", "einhundertdreißig Menschen"},
	{"1.500 Soldaten", "eintausendfünfhundert Soldaten"},
	{"2.000.000 Stimmen", "zwei Millionen Stimmen"},
	{"1.000.000 Stimmen", "eine Million Stimmen"},
	{"es gibt 1999 Fälle", "es gibt eintausendneunhundertneunundneunzig Fälle"},
	{"3,5 Kilo", "drei Komma fünf Kilo"},
	{"-4 Punkte", "minus vier Punkte"},
	// years and decades
	{"im Jahr 1990", "im Jahr neunzehnhundertneunzig"},
	{"seit 2015", "seit zweitausendfünfzehn"},
	{"die 1990er", "die neunziger"},
	// percent, money
	{"3,5 %", "drei Komma fünf Prozent"},
	{"12 Prozent", "zwölf Prozent"},
	{"20 €", "zwanzig Euro"},
	{"1.500,50 €", "eintausendfünfhundert Euro fünfzig"},
	{"1 €", "ein Euro"},
	{"CHF 12", "zwölf Franken"},
	{"$43 Millionen", "dreiundvierzig Millionen Dollar"},
	{"2 Mio. Euro", "zwei Millionen Euro"},
	// dates and times
	{"am 13. November 2015", "am dreizehnten November zweitausendfünfzehn"},
	{"der 1. Mai", "der erste Mai"},
	{"am 13.11.2015", "am dreizehnten November zweitausendfünfzehn"},
	{"um 21:30 Uhr", "um einundzwanzig Uhr dreißig"},
	{"um 8 Uhr", "um acht Uhr"},
	{"um 1 Uhr", "um ein Uhr"},
	// measures
	{"5 km", "fünf Kilometer"},
	{"-5 °C", "minus fünf Grad Celsius"},
	{"120 km/h", "einhundertzwanzig Kilometer pro Stunde"},
	// ranges, Roman numerals
	{"gewann 3-2", "gewann drei bis zwei"},
	{"Ludwig XIV. kam", "Ludwig der Vierzehnte kam"},
	// abbreviations
	{"Dr. Müller", "Doktor Müller"},
	{"z.B. Äpfel", "zum Beispiel Äpfel"},
	{"bzw. Birnen", "beziehungsweise Birnen"},
	{"ca. 40", "circa vierzig"},
	{"Nr. 12", "Nummer zwölf"},
	{"Goethe Str. 3", "Goethe Straße drei"},
	{"usw.", "und so weiter."},
	// must not
	{"Platz 3.", "Platz drei."},
	{"das COVID-19", "das COVID-19"},
	{"Version 2.5.1", "Version 2.5.1"},
}

func TestFrench(t *testing.T) {
	for _, c := range frCases {
		r := Normalize(c.in, "fr")
		checkMap(t, c.in, r)
		if r.Text != c.want {
			t.Errorf("fr %q:\n got %q\nwant %q", c.in, r.Text, c.want)
		}
	}
}

func TestGerman(t *testing.T) {
	for _, c := range deCases {
		r := Normalize(c.in, "de")
		checkMap(t, c.in, r)
		if r.Text != c.want {
			t.Errorf("de %q:\n got %q\nwant %q", c.in, r.Text, c.want)
		}
	}
}
