package article

import "testing"

// TestPagerNavRule runs the pager rule on lines written for this test in
// several languages: pagers and navigation lines go, sentences made of
// the same words stay.
func TestPagerNavRule(t *testing.T) {
	const para = "The ferry to the island left the harbour on time after the storm had passed."
	runRuleCases(t, []ruleCase{
		{rulePagerNav, "pagers and navigation", "", []string{para,
			"Page 2 of 5", "Seite 1 von 3", "Página 3 de 7", "Strona 2 z 4",
			"Next article: Ferry timetable changes for winter",
			"Vorheriger Beitrag: Neue Fähre für die Insel",
			"Article précédent : La traversée la plus longue",
			"Artículo siguiente: El puerto amplía el muelle",
			"← Back to blog", "Zurück zur Übersicht", "Retour au blog", "Torna alla lista",
			"Jump to Recipe · Print Recipe", "Rezept drucken", "Imprimer la recette",
		}, []string{para}},
		{rulePagerNav, "sentences with the same words stay", "", []string{
			"Page 2 of the report lists the ferries that were late.",
			"Next article: the one I write tomorrow will cover the harbour. It will be long. It will be better.",
			"Die Seite 1 von 3 des Berichts fehlt.",
			"They went back to the blog they had started in 2010.",
			"Print the recipe on thick paper if you bake outdoors.",
		}, []string{
			"Page 2 of the report lists the ferries that were late.",
			"Next article: the one I write tomorrow will cover the harbour. It will be long. It will be better.",
			"Die Seite 1 von 3 des Berichts fehlt.",
			"They went back to the blog they had started in 2010.",
			"Print the recipe on thick paper if you bake outdoors.",
		}},
	})
}
