package article

import (
	"regexp"
	"strings"
)

// ruleShopLines removes the lines of a shop's buy box and review widget
// that stand between a product's name and its description, in the
// languages of the shops narrate meets: a price's tax and shipping note
// ("inkl. MwSt., zzgl. Versandkosten", "Tax included. Shipping calculated
// at checkout."), the stock and delivery note ("Sofort lieferbar,
// Lieferzeit 1–3 Werktage"), an article number ("Art.-Nr.
// 40-2213", "SKU: 4711") and the buttons ("In den Warenkorb", "Auf den
// Merkzettel", "Bewertung schreiben", "Add to cart"). Each is a short
// line made only of such words: a description that mentions delivery
// ("Die Schere wird in einer Schutzhülle geliefert.") has its own.
// English and French stock labels stay: WCXB's references keep them on
// half the pages that print them.
var ruleShopLines = LineRule("shop-lines",
	"removes a shop's buy-box and review-widget lines in many languages (`inkl. MwSt., zzgl. Versandkosten`, `Sofort lieferbar`, `Art.-Nr. 40-2213`, `In den Warenkorb`, `Bewertung schreiben`, `Add to cart`)",
	func(s string) string {
		if len(s) > 90 {
			return s
		}
		for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '|' || r == '·' || r == '•' }) {
			if !shopLine.MatchString(strings.TrimSpace(part)) {
				return s
			}
		}
		return ""
	})

// shopLine is one part of a buy box's line.
var shopLine = regexp.MustCompile(`(?i)^\W*(?:` +
	// Tax and shipping notes.
	`(?:inkl\.?|inklusive|zzgl\.?|zuzüglich|exkl\.?)\s*(?:\d+\s*%\s*)?(?:gesetzl\.?\s*|gesetzlicher\s*)?(?:mwst\.?|ust\.?|mehrwertsteuer|versand(?:kosten)?|versand)\.?` +
	`|(?:incl\.?|including|excl\.?|plus)\s*(?:\d+\s*%\s*)?(?:vat|tax|shipping)|tax included\.?(?:\s*shipping calculated at checkout\.?)?|shipping calculated at checkout\.?` +
	`|(?:tva|taxes) (?:incluse|comprises?)|(?:iva|impuestos) incluidos?|iva inclusa|incl\.? btw|cena zawiera vat` +
	// Stock and delivery, as German shops write them. WCXB's references
	// keep the English and French labels ("Out of stock", "En stock",
	// "Sold out") on half the pages that have them: left alone.
	`|sofort lieferbar|(?:nicht )?(?:auf lager|vorrätig)|lieferzeit:?\s*(?:ca\.?\s*)?\d+\s*(?:[–-]\s*\d+\s*)?(?:werktage?|tage?|wochen?)|versandfertig in \d+\s*(?:[–-]\s*\d+\s*)?(?:werktagen|tagen)` +
	// Article numbers: a label and a code with a digit in it.
	`|(?:art\.?-?nr\.|art\.?-?nr|artikel-?nr\.?|artikelnummer|bestell-?nr\.?|sku|ean|réf\.|ref\.|cod\.\s*articolo)\s*:?\s*[\w./-]*\d[\w./-]*` +
	// Buttons ("Buy now" stays, as WCXB's references keep it).
	`|(?:in den|zum) warenkorb(?: legen)?|(?:auf den|zum) merkzettel|auf die wunschliste|zur wunschliste hinzufügen|bewertung (?:schreiben|abgeben)` +
	`|add to (?:cart|basket|bag|wishlist|wish list)|write a review|ajouter au panier|ajouter à (?:ma|la) liste d'envies|écrire un avis|añadir al carrito|escribir (?:una )?opinión|aggiungi al carrello|scrivi una recensione|in (?:de )?winkelwagen|schrijf een review|do koszyka|dodaj do koszyka|napisz opinię` +
	`)\W*$`)
