package article

import (
	"regexp"
	"strings"
)

// ruleCookieNotice removes a site's notice that it uses cookies, when the
// page prints it as a paragraph rather than in a banner its markup names
// ("This site uses cookies to improve your experience. By using our site,
// you agree to our cookie policy.", "Diese Website verwendet Cookies.",
// "En poursuivant votre navigation, vous acceptez l'utilisation de
// cookies."). Such a notice is at most three sentences, one of which
// starts with the site or "we" saying it uses cookies, or with using the
// site standing for consent to them; a block that quotes or reports
// someone ("Google said it uses cookies…") is news and stays.
var ruleCookieNotice = LineRule("cookie-notice",
	"removes a site's notice that it uses cookies (`This site uses cookies…`, `Diese Website verwendet Cookies`, `Ce site utilise des cookies`, `By using our site, you agree to our cookie policy`)",
	func(s string) string {
		if isCookieNotice(s) {
			return ""
		}
		return s
	})

// isCookieNotice reports whether s is a site's cookie notice (see
// ruleCookieNotice).
func isCookieNotice(s string) bool {
	if len(s) > 400 || !containsFold(s, "cookie", "informasjonskapsl", "evästeit", "sütik", "çerez") {
		return false
	}
	if strings.ContainsAny(s, "\"“”„«»") || reported.MatchString(s) || sentenceCount(s) > 3 {
		return false
	}
	for _, i := range sentenceStarts(s) {
		t := s[i:]
		if cookieConsent.MatchString(t) ||
			(cookieUse.MatchString(t) || namedCookieUse.MatchString(t) && addressesReader.MatchString(s)) && webContext.MatchString(s) {
			return true
		}
	}
	return false
}

var (
	// cookieUse is a sentence that starts with the site, or the people
	// behind it, saying it uses cookies, in the languages narrate meets
	// most.
	cookieUse = regexp.MustCompile(`(?i)^\W*(?:` +
		`(?:this|our) (?:site|website|web ?site|page|app)|we` +
		`)(?: and (?:our|its|selected|third[- ]party) (?:partners|vendors|third parties))? (?:uses?|is using|are using|use|may use|places?|sets?|stores?) (?:\w+ ){0,2}cookies\b` +
		`|^\W*(?:diese (?:web)?seite|diese website|unsere (?:web)?seite|unsere website|wir) (?:verwende[nt]|nutz(?:t|en)|benutz(?:t|en)|setz(?:t|en)) (?:\w+ ){0,2}cookies\b` +
		`|^\W*(?:ce site|notre site|nous) (?:web )?(?:utilise|utilisons|emploie|employons|dépose|déposons) (?:des |les )?cookies\b` +
		`|^\W*(?:este (?:sitio|portal|sitio web|site)|nuestro sitio(?: web)?|utilizamos|usamos|empleamos) (?:(?:web )?(?:utiliza|usa|emplea) )?(?:\w+ ){0,2}cookies\b` +
		`|^\W*(?:questo sito(?: web)?|il nostro sito(?: web)?|utilizziamo|usiamo) (?:(?:utilizza|usa) )?(?:i |dei |alcuni )?cookie\b` +
		`|^\W*(?:este (?:site|sítio)|o nosso (?:site|sítio)|nosso site|utilizamos|usamos) (?:(?:utiliza|usa) )?(?:\w+ ){0,2}cookies\b` +
		`|^\W*(?:deze (?:site|website)|onze (?:site|website)|wij|we) (?:gebruik(?:t|en)|maakt gebruik van|maken gebruik van) (?:\w+ ){0,2}cookies\b` +
		`|^\W*(?:ta strona|nasza strona|serwis) (?:\w+ )?(?:używa|wykorzystuje|korzysta z) (?:plików )?cookies?\b` +
		`|^\W*używamy (?:plików )?cookies?\b` +
		`|^\W*(?:den här webbplatsen|denna webbplats|vi) (?:använder) (?:\w+ ){0,2}(?:cookies|kakor)\b` +
		`|^\W*(?:denne (?:hjemmeside|side|nettside|nettstedet)|vi) (?:bruger|bruker|anvender) (?:\w+ ){0,2}(?:cookies|informasjonskapsler)\b` +
		`|^\W*(?:tento web|tato stránka|tyto stránky|používáme) (?:\w+ )?(?:používá |používají )?(?:soubory )?cookies\b`)
	// namedCookieUse is a sentence that starts with a name saying it
	// uses cookies ("iFixit uses cookies to…"): a site's notice when the
	// block speaks to the reader, and news about a company otherwise.
	namedCookieUse = regexp.MustCompile(`(?i)^\W*\pL[\pL\pN.&'-]{1,30}(?: \pL[\pL\pN.&'-]{1,30})? (?:uses|is using|may use|places|sets|stores) (?:\w+ ){0,2}cookies\b`)
	// addressesReader finds the reader addressed in English.
	addressesReader = regexp.MustCompile(`(?i)\byou(?:r)?\b`)
	// webContext is a word of the web in a notice's block (the site, the
	// reader's experience, privacy, settings, analytics, advertising), in
	// the languages above: "We use cookies and cream for the base" is a
	// recipe.
	webContext = regexp.MustCompile(`(?i)site|sito|sitio|sítio|seite|web|browser|online|experience|erfahrung|erlebnis|expérience|experiencia|esperienza|experiência|ervaring|upplevelse|oplevelse|opplevelse|privacy|datenschutz|confidentialit|privacidad|privacidade|prywatno|polic|richtlinie|politi|consent|einwillig|zustimm|accept|akzept|acept|accett|aceit|setting|einstellung|paramètr|configura|impostazion|instellingen|ustawie|analy|anali|statisti|traffic|verkehr|trafic|tráfico|traffico|advertis|werbung|publicit|reclam|reklam|personali|navig|nutzererlebnis|funktion|function|fonction|funcion|funzion|strona|serwis|webbplats|nettsted|hjemmeside|stránk`)
	// cookieConsent is a sentence that takes using the site as consent
	// to its cookies.
	cookieConsent = regexp.MustCompile(`(?i)^\W*(?:` +
		`by (?:using|continuing to use|browsing|continuing to browse|clicking|visiting) [^.!?]{0,60}(?:agree|consent|accept)[^.!?]{0,60}cookie` +
		`|(?:durch die|mit der) (?:weitere )?nutzung [^.!?]{0,60}(?:stimmen sie|erklären sie sich|akzeptieren sie|willigen sie)[^.!?]{0,80}cookies` +
		`|en (?:poursuivant|continuant) (?:votre navigation|à naviguer|sur ce site)[^.!?]{0,80}cookies` +
		`|(?:al|si) (?:continuar|continúa|continúas|sigue|sigues) navegando[^.!?]{0,80}cookies` +
		`|(?:continuando|proseguendo) (?:la navigazione|a navigare)[^.!?]{0,80}cookie` +
		`|(?:ao|se) continuar (?:a )?naveg(?:ar|ando)[^.!?]{0,80}cookies` +
		`|door (?:gebruik te maken van|verder te gaan op|deze (?:site|website) te gebruiken)[^.!?]{0,80}cookies` +
		`)`)
)
