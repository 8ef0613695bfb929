package spoken

// An abbreviation written as a letter and a slash, which a voice reads
// letter by letter and the slash as a word ("ce barra Mayor").
func init() {
	addTable("es", []category{
		{name: "slash abbreviation", cases: []spokenCase{
			{"Vive en la C/ Mayor, 12.", "Vive en la calle Mayor, doce."},
			{"en la c/ Alcalá", "en la calle Alcalá"},
			{"en la C/Alcalá", "en la calle Alcalá"},
			// Not before a name: left as written.
			{"la C/ de abajo", "la C/ de abajo"},
			{"200 km/h", "doscientos kilómetros por hora"},
		}},
	})
}
