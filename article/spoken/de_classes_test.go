package spoken

// German: a match minute with its stoppage time written with spaces
// around the plus, and "1" after a verb whose object a question word
// before it is.
func init() {
	addTable("de", []category{
		{name: "time", cases: []spokenCase{
			{"Müller (90. + 3') traf", "Müller (neunzigste Minute plus drei) traf"},
			{"Müller (90. +3') traf", "Müller (neunzigste Minute plus drei) traf"},
			{"in der 90. + 3' traf er", "in der neunzigsten Minute plus drei traf er"},
			{"Kane (90.+ 3') jubelte", "Kane (neunzigste Minute plus drei) jubelte"},
			{"um 15 Uhr (UTC+2)", "um fünfzehn Uhr (UTC plus zwei)"},
		}},
		{name: "cardinal", cases: []spokenCase{
			{"Was kostet 1 Liter?", "Was kostet ein Liter?"},
			{"Wie viel kostet 1 Kilo Tomaten?", "Wie viel kostet ein Kilo Tomaten?"},
			{"Was verdient 1 Arzt?", "Was verdient ein Arzt?"},
			{"Das kostet 1 Euro.", "Das kostet einen Euro."},
			{"Wer braucht 1 Hund?", "Wer braucht einen Hund?"},
		}},
		{name: "math", cases: []spokenCase{
			{"10^6 Zellen", "zehn hoch sechs Zellen"},
			{"1,5e6 Zellen", "eins Komma fünf mal zehn hoch sechs Zellen"},
		}},
	})
	addTable("it", []category{
		{name: "math", cases: []spokenCase{
			{"10^6 cellule", "dieci elevato alla sesta cellule"},
		}},
	})
	addTable("fr", []category{
		{name: "math", cases: []spokenCase{
			{"10^6 cellules", "dix puissance six cellules"},
		}},
	})
}
