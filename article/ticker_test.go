package article

import (
	"fmt"
	"strings"
	"testing"
)

// tickerEntries are the entries of a small German live ticker of a
// football match, newest first, as minute stamp and text.
var tickerEntries = []struct{ minute, text string }{
	{"90.'", "Nachspielzeit: Der Schiedsrichter lässt vier Minuten nachspielen, die Gäste werfen jetzt alles nach vorn."},
	{"87.'", "Wechsel bei den Gastgebern: Der müde Kapitän geht unter großem Beifall vom Platz, ein junger Stürmer kommt."},
	{"81.'", "Gelbe Karte für den Verteidiger der Gäste, der seinen Gegenspieler an der Mittellinie am Trikot festhält."},
	{"74.'", "Tor! Nach einer Ecke von links köpft der Innenverteidiger unhaltbar ins lange Eck zum Ausgleich ein."},
	{"66.'", "Die Gäste ziehen sich weit zurück und lauern nur noch auf Konter über die schnellen Außenbahnen."},
}

const tickerIntro = "Im Abendspiel empfängt der Tabellenzweite den Aufsteiger, der in dieser Saison noch kein Auswärtsspiel verloren hat. Wir berichten live aus dem Stadion."

func tickerPage(entries string) string {
	return `<html lang="de"><head><title>Liveticker: Heimsieg oder Überraschung?</title></head><body>` +
		`<nav><a href="/">Start</a> <a href="/sport">Sport</a></nav><main><article><h1>Liveticker: Heimsieg oder Überraschung?</h1>` +
		`<p class="intro">` + tickerIntro + `</p>` + entries + `</article></main><footer><p>© Sportverlag</p></footer></body></html>`
}

// A ticker whose entries give their minute in a <time> element: each
// entry is read with its minute ("90.' Nachspielzeit: …"). The extractor
// drops every <time> element, so the entries lost their minutes.
func TestTickerTimeMinuteIsRead(t *testing.T) {
	var sb strings.Builder
	sb.WriteString(`<ul class="ticker">`)
	for _, e := range tickerEntries {
		fmt.Fprintf(&sb, `<li class="ticker-entry"><time class="minute" datetime="2026-12-06T21:%s">%s</time><p>%s</p></li>`, strings.Trim(e.minute, ".'"), e.minute, e.text)
	}
	sb.WriteString(`</ul>`)
	got := parsedText(t, tickerPage(sb.String()))
	for _, e := range tickerEntries {
		wantLines(t, got, e.minute+" "+e.text)
	}
}

// A ticker whose entries give their minute in a <span> beside the text:
// the minute is read a word apart from the text ("90.' Nachspielzeit",
// not "90.'Nachspielzeit").
func TestTickerSpanMinuteIsSpaced(t *testing.T) {
	var sb strings.Builder
	for _, e := range tickerEntries {
		fmt.Fprintf(&sb, `<div class="event"><span class="event-minute">%s</span><span class="event-text">%s</span></div>`, strings.TrimSuffix(e.minute, "'"), e.text)
	}
	got := parsedText(t, tickerPage(`<div class="liveticker">`+sb.String()+`</div>`))
	for _, e := range tickerEntries {
		wantLines(t, got, strings.TrimSuffix(e.minute, "'")+" "+e.text)
	}
}

// A ticker whose entries are "<div class=post>" blocks: the extractor
// takes the first entry for the body's start and gives it again above
// the intro. A short first entry ("90. Anpfiff!") is read once, in its
// place after the intro.
func TestTickerFirstEntryReadOnce(t *testing.T) {
	entries := []string{"Anpfiff!", "Die Gäste beginnen forsch und drängen die Gastgeber früh in die eigene Hälfte.",
		"Erste Ecke für die Gastgeber, der Kopfball geht aber deutlich über die Latte.",
		"Der Ball rollt wieder, nach kurzer Verletzungspause geht es weiter im Spiel."}
	for _, cls := range []string{"post", "entry"} {
		var sb strings.Builder
		for i, e := range entries {
			fmt.Fprintf(&sb, `<div class="%s"><span class="min">%d.</span><p>%s</p></div>`, cls, 90-i*10, e)
		}
		doc, err := Parse([]byte(tickerPage(`<div class="ticker">`+sb.String()+`</div>`)), "page.html", LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range doc.Blocks {
			got = append(got, b.Text)
		}
		want := []string{tickerIntro, "90. Anpfiff!", "80. " + entries[1], "70. " + entries[2], "60. " + entries[3]}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("class %s: got\n%s\nwant\n%s", cls, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// A French ticker of a council session, clock times in <time> beside
// each entry's text, and an English one with minute spans in a list:
// each entry is read with its stamp, a word apart.
func TestTickerStampsOtherLanguages(t *testing.T) {
	fr := []struct{ at, text string }{
		{"21h15", "Le budget est adopté à une courte majorité, après trois heures de débats."},
		{"20h40", "L'opposition demande une suspension de séance, refusée par le maire."},
		{"19h05", "Ouverture de la séance : le maire présente le projet de budget pour l'année prochaine."},
	}
	var sb strings.Builder
	for _, e := range fr {
		fmt.Fprintf(&sb, `<article class="live-post"><div class="live-post__head"><time datetime="2026-12-06T%s">%s</time></div><div class="live-post__body"><p>%s</p></div></article>`, strings.Replace(e.at, "h", ":", 1), e.at, e.text)
	}
	page := `<html lang="fr"><head><title>En direct : le conseil municipal vote le budget</title></head><body><main><h1>En direct : le conseil municipal vote le budget</h1>` +
		`<p>Le conseil municipal se réunit ce soir pour voter le budget de la ville, suivez la séance avec nous minute par minute.</p>` + sb.String() + `</main></body></html>`
	got := parsedText(t, page)
	for _, e := range fr {
		wantLines(t, got, e.at+" "+e.text)
	}
	en := []struct{ at, text string }{
		{"88'", "Substitution for the visitors as their tired striker makes way for a young winger."},
		{"45+2'", "Half time arrives with the hosts a goal ahead after a scrappy first period."},
		{"12'", "Goal! A low shot from the edge of the box slips under the diving keeper."},
	}
	sb.Reset()
	for _, e := range en {
		fmt.Fprintf(&sb, `<li class="commentary"><span class="commentary__minute">%s</span><span class="commentary__text">%s</span></li>`, e.at, e.text)
	}
	page = `<html lang="en"><head><title>Live: Rovers against United</title></head><body><main><h1>Live: Rovers against United</h1>` +
		`<p>Rovers welcome United in a local derby that both sides need to win to stay in the race for promotion.</p><ol class="match-commentary">` + sb.String() + `</ol></main></body></html>`
	got = parsedText(t, page)
	for _, e := range en {
		wantLines(t, got, e.at+" "+e.text)
	}
}

// A date in a <time> element stays out of the text, as the extractor
// has it, and a word split across inline elements is not cut.
func TestTickerDatesAndWordsUntouched(t *testing.T) {
	for _, s := range []string{"90.'", "45+2'", "90.+3", "87′", "14:32", "21h15", "9.05", "12.", "3:05 pm", "90 Min."} {
		if !isStamp(s) {
			t.Errorf("isStamp(%q) = false", s)
		}
	}
	for _, s := range []string{"3. März 2024", "2026-12-06", "6 December", "Sonntag", "1999", ""} {
		if isStamp(s) {
			t.Errorf("isStamp(%q) = true", s)
		}
	}
	page := `<html lang="en"><head><title>Lock keepers</title></head><body><article><h1>Lock keepers</h1><p class="meta">By Ann Reed, <time datetime="2026-12-06">6 December 2026</time></p>` +
		`<p>The lock keepers of the old canal still open the gates by hand, as they have for <b>two</b><span>hundred</span> years.</p>` +
		`<p>In summer the queue of boats reaches the bridge, and the keepers work from dawn until the light fails on the water.</p></article></body></html>`
	got := parsedText(t, page)
	if strings.Contains(got, "December") {
		t.Errorf("date read:\n%s", got)
	}
	wantLines(t, got, "twohundred years")
}

// A ticker whose minute is a block of its own beside the entry's text
// ("<div class=ticker-time>88'</div><div class=ticker-text><p>…"): each
// entry is read with its minute; the extractor dropped the short block.
// A bare number in such a block ("12.", a list's rank, or a minute
// without its mark that would read as an ordinal) is left as it was.
func TestTickerBlockMinuteIsRead(t *testing.T) {
	var sb strings.Builder
	for _, e := range tickerEntries {
		fmt.Fprintf(&sb, `<div class="ticker-entry"><div class="ticker-time">%s</div><div class="ticker-text"><p>%s</p></div></div>`, e.minute, e.text)
	}
	fmt.Fprintf(&sb, `<div class="ticker-entry"><div class="ticker-time">90.+3</div><div class="ticker-text"><p>%s</p></div></div>`, "Schluss! Die Gastgeber gewinnen nach einer nervenaufreibenden Nachspielzeit knapp.")
	got := parsedText(t, tickerPage(`<div class="liveticker">`+sb.String()+`</div>`))
	for _, e := range tickerEntries {
		wantLines(t, got, e.minute+" "+e.text)
	}
	// Added time without a mark is written as a minute with one, as the
	// ticker's other entries are (markMinutes).
	wantLines(t, got, "90+3' Schluss!")

	sb.Reset()
	for i, e := range tickerEntries {
		fmt.Fprintf(&sb, `<div class="rank-item"><div class="rank">%d.</div><div class="rank-text"><p>%s</p></div></div>`, i+1, e.text)
	}
	got = parsedText(t, tickerPage(sb.String()))
	for _, e := range tickerEntries {
		wantLines(t, got, e.text)
	}
	if strings.Contains(got, "1. ") || strings.Contains(got, "2. Wechsel") {
		t.Errorf("a rank moved into its item's text:\n%s", got)
	}
}

// A match's ticker whose stamps have no minute mark ("88.", "90.+3"):
// each is written with one ("88'"), so that "88. Gelbe Karte" is read as
// the minute ("achtundachtzigste Minute") and not as the card's ordinal
// ("achtundachtzigste Gelbe Karte"). A list's ranks, and a clock's times,
// stay as they are.
func TestTickerBareMinutesMarked(t *testing.T) {
	entries := []struct{ stamp, text string }{
		{"90.+3", "Abpfiff! Die Gastgeber gewinnen das Derby nach langer Nachspielzeit."},
		{"88.", "Gelbe Karte für den Verteidiger nach einem Foul im Mittelfeld."},
		{"76.", "Tor für die Gastgeber! Der Stürmer köpft nach einer Ecke ein."},
		{"12.", "Tor! Der Kapitän bringt die Gäste früh in Führung."},
	}
	page := func(stamps []string) string {
		var sb strings.Builder
		sb.WriteString(`<div class="ticker">`)
		for i, e := range entries {
			fmt.Fprintf(&sb, `<div class="entry"><span class="time">%s</span><p>%s</p></div>`, stamps[i], e.text)
		}
		sb.WriteString(`</div>`)
		return tickerPage(sb.String())
	}
	got := parsedText(t, page([]string{"90.+3", "88.", "76.", "12."}))
	for i, want := range []string{"90+3'", "88'", "76'", "12'"} {
		wantLines(t, got, want+" "+entries[i].text)
	}
	// No stamp with added time or a mark: a list's ranks, left alone.
	got = parsedText(t, page([]string{"4.", "3.", "2.", "1."}))
	if strings.Contains(got, "'") {
		t.Errorf("ranks written as minutes:\n%s", got)
	}
	// A clock's times are no minutes.
	got = parsedText(t, page([]string{"21:45", "21:40", "21:12", "20:31"}))
	wantLines(t, got, "21:40 "+entries[1].text)
}
