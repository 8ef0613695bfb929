package spoken

// Abbreviations the voices misread when left as written, found by the
// voice check's listener (Whisper base on Kokoro): "vs." spelled ("UBS",
// "EVS"), titles said as words ("el profe Pérez", "o depth Souza"), "ad
// es." said as a syllable.
func init() {
	addTable("fr", []category{{name: "heard abbreviation", cases: []spokenCase{
		{"Le match Paris vs. Lyon", "Le match Paris versus Lyon"},
		{"le prix vs la qualité", "le prix versus la qualité"},
	}}})
	addTable("es", []category{{name: "heard abbreviation", cases: []spokenCase{
		{"Madrid vs. Barcelona", "Madrid versus Barcelona"},
		{"El prof. Pérez habló con el dip. Gómez.", "El profesor Pérez habló con el diputado Gómez."},
		{"la Profa. Ruiz", "la profesora Ruiz"},
		// Not before a name: left.
		{"el dip. de la ciudad", "el dip. de la ciudad"},
	}}})
	addTable("it", []category{{name: "heard abbreviation", cases: []spokenCase{
		{"Roma vs. Milano", "Roma versus Milano"},
		{"alcune città, ad es. Roma", "alcune città, ad esempio Roma"},
	}}})
	addTable("pt", []category{{name: "heard abbreviation", cases: []spokenCase{
		{"Flamengo vs. Palmeiras", "Flamengo versus Palmeiras"},
		{"O prof. Silva e a profa. Lima falaram com o dep. Souza.", "O professor Silva e a professora Lima falaram com o deputado Souza."},
		{"a Dep.ª Ana", "a deputada Ana"},
	}}})
}
