package article

import (
	"slices"
	"testing"
)

// TestDisclosureRule runs the disclosure rule on lines written for this
// test in several languages: disclosures go, the article's sentences
// about commissions and editors stay.
func TestDisclosureRule(t *testing.T) {
	const para = "The ferry to the island left the harbour on time after the storm had passed."
	runRuleCases(t, []ruleCase{
		{ruleDisclosure, "affiliate disclosures", "", []string{para,
			"Every item here was picked independently by our editors. Buying through our links may earn us a commission.",
			"As an Amazon Associate I earn from qualifying purchases.",
			"HarbourGuide.example is supported by commissions from the shops we list.",
			"Advertiser Disclosure",
			"Disclosure: if you shop via the links on this page, we may receive a small commission.",
			"Für Käufe über diese Links erhalten wir eine kleine Provision, für Sie ändert sich der Preis nicht.",
			"Wir erhalten ggf. eine Vergütung, wenn Sie über einen Link kaufen.",
			"Si vous achetez via ces liens, nous pouvons percevoir une commission.",
			"Si compras a través de estos enlaces, podemos recibir una comisión.",
			"Acquistando tramite questi link potremmo ricevere una commissione.",
			"Als u via deze links koopt, ontvangen wij mogelijk een kleine commissie.",
			"Ao comprar por estes links, podemos receber uma comissão.",
			"Ten tekst zawiera linki afiliacyjne.",
		}, []string{para}},
		{ruleDisclosure, "reports about commissions and editors stay", "", []string{
			"The regulator found that the shop paid influencers a commission on every sale made through their links, the report said.",
			"Our editors chose the island for its quiet beaches.",
			"Die Maklerin erhält eine Provision von drei Prozent des Kaufpreises.",
			"\"We earn a commission on each sale,\" the founder told the court.",
			"Le vendeur touche une commission sur chaque billet.",
		}, []string{
			"The regulator found that the shop paid influencers a commission on every sale made through their links, the report said.",
			"Our editors chose the island for its quiet beaches.",
			"Die Maklerin erhält eine Provision von drei Prozent des Kaufpreises.",
			"\"We earn a commission on each sale,\" the founder told the court.",
			"Le vendeur touche une commission sur chaque billet.",
		}},
	})
}

// ruleCase is a rule run on paragraphs under a byline, and the
// paragraphs that must remain.
type ruleCase struct {
	rule     Rule
	name     string
	byline   string
	in, want []string
}

func runRuleCases(t *testing.T, tests []ruleCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.rule.Name+"/"+tt.name, func(t *testing.T) {
			d := &Draft{Byline: tt.byline}
			for _, l := range tt.in {
				d.Blocks = append(d.Blocks, Block{Kind: KindParagraph, Text: l})
			}
			ApplyRules(d, []Rule{tt.rule})
			var got []string
			for _, b := range d.Blocks {
				got = append(got, b.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
