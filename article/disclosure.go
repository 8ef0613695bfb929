package article

import (
	"regexp"
	"strings"
)

// ruleDisclosure removes a site's disclosure of how it earns from what
// it recommends: that links earn it a commission, that it is an Amazon
// associate, that its editors chose the products independently, or the
// lone "Advertiser Disclosure" label over such a note. Like the other
// debris rules it judges a short block (at most four sentences and 500
// bytes) with no quotation and no report: a story about affiliate
// marketing that says what someone earned stays.
var ruleDisclosure = Rule{Name: "affiliate-disclosure",
	Doc: "removes a site's affiliate or editorial-independence disclosure in many languages (`Purchases made through our links may earn us a commission`, `As an Amazon Associate we earn from qualifying purchases`, `Wir erhalten eine Provision`, `Advertiser Disclosure`)",
	Apply: func(d *Draft) {
		for i := range d.Blocks {
			if d.Blocks[i].Kind != KindQuote && isDisclosure(d.Blocks[i].Text) {
				d.Blocks[i].Text = ""
			}
		}
	}}

// isDisclosure reports whether s is a disclosure (see ruleDisclosure).
func isDisclosure(s string) bool {
	if len(s) > 500 || strings.ContainsAny(s, "\"“”„«»") || !containsAnyOf(strings.ToLower(s), disclosureStems) {
		return false
	}
	return sentenceCount(s) <= 4 && disclosurePhrase.MatchString(s) && !reported.MatchString(s)
}

// disclosureStems are parts of disclosurePhrase's phrases, one of which
// every match holds (see appealStems).
var disclosureStems = []string{"commission", "compensation", "qualifying", "associate", "chosen", "selected", "purchases", "disclosure", "affiliat", "supported by",
	"provision", "vergütung", "ausgewählt", "amazon", "hinweis", "comisión", "commissione", "comissão", "commissie", "vergoeding", "prowizj", "afiliac", "indépendant", "independiente"}

var disclosurePhrase = regexp.MustCompile(`(?i)` +
	// English
	`as an amazon associate|earns? from qualifying purchases|\b(?:we|i|the site|this site)(?: also)? (?:may |might |will |could |can |do )?(?:earn|receive|get|make|be paid) (?:an? )?(?:small |affiliate |referral )?(?:commission|compensation|referral fee)|\b(?:may|might|will|could) earn (?:us|me|the site) (?:an? )?(?:small )?(?:commission|compensation|fee)|\b(?:products|items|everything|all products)(?: we (?:feature|recommend|review))? (?:are|is|were|was) (?:independently )?(?:chosen|selected|picked|reviewed|vetted) (?:independently )?by (?:our|the) (?:editors|editorial team|writers)|\bpurchases (?:made )?(?:through|via|from) (?:our|these|the) links|\bif you (?:buy|purchase|click|shop)[^.!?]{0,40} (?:through|via|from) (?:our |these |the |my )?(?:affiliate |retail )?links|\b(?:is|are) supported by (?:commissions|affiliate)|\b(?:contains?|includes?|uses?|(?:may|might) (?:contain|include|use)) (?:some )?affiliate[- ]links|^\W*(?:advertiser|affiliate|advertising|ftc) disclosure\W*$` +
	// German
	`|\b(?:erhalten|bekommen|verdienen) (?:wir|ich) (?:ggf\. |gegebenenfalls |unter umständen |möglicherweise |dafür |davon )?(?:eine )?(?:kleine )?(?:provision|vergütung)|\b(?:wir|ich) (?:erhalten|erhalte|bekommen|bekomme|verdienen|verdiene) (?:ggf\. |gegebenenfalls |unter umständen |möglicherweise |dafür |davon )?(?:eine )?(?:kleine )?(?:provision|vergütung)|als amazon[- ]partner verdiene|\bredaktion\w* unabhängig ausgewählt|unabhängig von (?:der|unserer) redaktion ausgewählt|^\W*(?:werbehinweis|affiliate-hinweis|transparenzhinweis)\W*$` +
	// French
	`|\b(?:nous|je) (?:pouvons |pourrions |pourrons |pouvons être amenés à |)(?:percevoir|recevoir|toucher|gagner|percevons|recevons|touchons) une (?:petite )?commission|en tant que partenaire amazon|liens? (?:d'|d’)affiliation|(?:sélectionnés|choisis) (?:de (?:manière|façon) indépendante|indépendamment) par (?:notre|la) rédaction` +
	// Spanish
	`|\b(?:podemos|puedo|podríamos|podría|recibimos|obtenemos|ganamos) (?:recibir |obtener |ganar |cobrar )?una (?:pequeña )?comisión|como afiliad[oa] de amazon|(?:seleccionad|elegid)[oa]s (?:de (?:forma|manera) independiente|independientemente) por (?:nuestr[oa]s? )?(?:redacción|editores|equipo editorial)` +
	// Italian
	`|\b(?:potremmo|possiamo|potrei|riceviamo|percepiamo|guadagniamo) (?:ricevere |percepire |guadagnare )?una (?:piccola )?commissione|(?:in qualità di|come) affiliat[oa] amazon|link (?:di )?affiliazione` +
	// Portuguese
	`|\b(?:podemos|posso|poderemos|recebemos|ganhamos) (?:receber |ganhar )?uma (?:pequena )?comissão|como (?:associad|afiliad)[oa] da amazon` +
	// Dutch
	`|\b(?:ontvangen|krijgen|verdienen|ontvang|krijg|verdien) (?:we|wij|ik) (?:mogelijk |hiervoor |daarvoor )?een (?:kleine )?(?:commissie|vergoeding)|een (?:kleine )?(?:commissie|vergoeding) (?:ontvangen|verdienen)|als amazon[- ]partner verdien` +
	// Polish
	`|\blinki? (?:afiliacyjn|partnersk)\w*|\b(?:możemy|mogę|otrzymujemy|otrzymam|otrzymuję) (?:otrzymać )?prowizję|jako partner amazon`)
