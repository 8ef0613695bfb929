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
	})
}
