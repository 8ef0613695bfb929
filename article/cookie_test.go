package article

import "testing"

func TestCookieNotice(t *testing.T) {
	notices := []string{
		"This site uses cookies to improve your experience. By using our site, you agree to our cookie policy.",
		"We use cookies to give you the best experience on our website.",
		"By continuing to browse the site you are agreeing to our use of cookies.",
		"Harbourline uses cookies to remember your settings and measure traffic. By using our site, you agree to our cookie use and privacy policy.",
		"Diese Website verwendet Cookies. Durch die weitere Nutzung der Seite stimmen Sie der Verwendung von Cookies zu.",
		"Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
		"Ce site utilise des cookies pour améliorer votre expérience de navigation.",
		"En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies.",
		"Este sitio web utiliza cookies para mejorar su experiencia.",
		"Al continuar navegando, aceptas el uso de cookies.",
		"Questo sito utilizza cookie tecnici e di profilazione.",
		"Continuando la navigazione accetti l'uso dei cookie.",
		"Este site usa cookies para melhorar a sua experiência.",
		"Deze website gebruikt cookies om het gebruik te analyseren.",
		"Ta strona używa plików cookie.",
		"Vi använder cookies för att förbättra webbplatsen.",
		"Vi bruker informasjonskapsler for å forbedre nettstedet.",
	}
	for _, s := range notices {
		if !isCookieNotice(s) {
			t.Errorf("not taken for a cookie notice: %q", s)
		}
	}
	news := []string{
		// Reports, quotations and news about a company's cookies stay.
		"Google said it uses cookies to measure how often an advert is seen.",
		"Meta uses cookies and pixels to follow users across other sites. The regulator fined it 1.2 billion euros on Monday.",
		"„Wir verwenden Cookies nur mit Einwilligung“, sagte die Sprecherin.",
		"The court ruled that a site which uses cookies for advertising must ask first.",
		"Die Datenschutzbehörde prüft, ob die Stadt auf ihrer Seite Cookies ohne Einwilligung setzt.",
		// Baking.
		"We use cookies and cream for the base, pressed into the tin while still cold.",
		"Our kitchen bakes cookies every morning for the market.",
		// Longer than a notice.
		"We use cookies to give you the best experience on our website. " +
			"We also use them to measure how many people read each story, so we know which to cover next. " +
			"Our newsroom decided in 2019 to drop advertising trackers altogether. " +
			"Since then, we have kept only the cookies the site needs to work.",
	}
	for _, s := range news {
		if isCookieNotice(s) {
			t.Errorf("taken for a cookie notice: %q", s)
		}
	}
}
