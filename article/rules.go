package article

import (
	"html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Draft is an article while clean-up rules run over it: its blocks in
// order (for plain text, one per paragraph, title included as the first
// block) and the metadata the rules discover.
type Draft struct {
	Blocks    []Block
	Byline    string
	Published *time.Time
	// Removed is what the rules took out so far, with each rule's name
	// (ApplyRules records it).
	Removed []Removal
}

// Rule is one clean-up step. Rules run in order; each sees the output of
// the previous one. A rule removes a block by deleting it from
// Draft.Blocks or by emptying its Text (empty blocks are dropped after
// the last rule).
type Rule struct {
	// Name identifies the rule in tests and logs ("promo-lead-in").
	Name string
	// Doc is one line saying what the rule removes or repairs.
	Doc string
	// Apply edits the draft in place.
	Apply func(d *Draft)
}

// LineRule makes a Rule from a function over one block's text. f returns
// the new text; returning "" removes the block.
func LineRule(name, doc string, f func(text string) string) Rule {
	return Rule{Name: name, Doc: doc, Apply: func(d *Draft) {
		for i := range d.Blocks {
			if d.Blocks[i].Text != "" {
				d.Blocks[i].Text = strings.TrimSpace(f(d.Blocks[i].Text))
			}
		}
	}}
}

// DefaultRules returns the clean-up a scraped news page gets, a fresh
// slice each call. A newsroom adds its own with
//
//	opts.Rules = append(article.DefaultRules(), myRule)
//
// The patterns are general (shapes of debris seen on news sites), never a
// list of one page's sentences.
func DefaultRules() []Rule { return slices.Clone(defaultRules) }

// defaultRules is what DefaultRules returns; nothing may change it.
var defaultRules = []Rule{
	ruleHTMLTags,
	ruleEntities,
	ruleSpeechButton,
	ruleImageViewer,
	rulePhotoCredit,
	ruleGallery,
	ruleTagList,
	ruleLoadingGlued,
	ruleUIStrings,
	rulePromoLeadIn,
	ruleProfileByline,
	ruleByLine,
	ruleBylineEcho,
	ruleCallToAction,
	ruleCommentPolicy,
	// debris.go: debris in many languages.
	ruleAppeal,
	ruleShareLine,
	ruleForumUI,
	ruleReadMorePromo,
	ruleCreditLine,
	ruleDisclaimer,
	ruleDisclosure,
	ruleContactBlock,
	ruleLookalike,
	ruleUILabelsIntl,
	ruleShopLines,
	rulePagerNav,
	ruleAgeNotice,
	ruleEmbedConsent,
	ruleCookieNotice, // cookie.go
	rulePointer,
	ruleBroadcastNote,
	ruleRelatedTail,
	ruleAuthorBio,
	// The date rules judge what is at the top once the rest of the page's
	// debris is gone: a date above "Share" is not above the headline.
	ruleDateHeader,
	ruleDateline,
	ruleClosingStamp,
}

// ApplyRules runs rules over d, records in d.Removed the text each rule
// took out (see recordRemovals), and drops the blocks they emptied.
func ApplyRules(d *Draft, rules []Rule) {
	var before []string
	for _, r := range rules {
		before = before[:0]
		for _, b := range d.Blocks {
			before = append(before, b.Text)
		}
		byline, published := d.Byline, d.Published
		r.Apply(d)
		d.recordRemovals(r.Name, before, byline, published)
		d.Blocks = compact(d.Blocks)
	}
}

func compact(bs []Block) []Block {
	out := bs[:0]
	for _, b := range bs {
		if strings.TrimSpace(b.Text) != "" {
			out = append(out, b)
		}
	}
	return out
}

var ruleHTMLTags = LineRule("html-tags",
	"removes leftover or broken HTML tags and comments (`< p class=\"x\">`), keeping the text around them",
	func(s string) string {
		if !strings.Contains(s, "<") {
			return s
		}
		s = htmlComment.ReplaceAllString(s, " ")
		closing := strings.Contains(s, "</")
		return cleanInline(replaceAllIndex(htmlTag, s, func(i, j int) string {
			if !closing && namedTag(s, i, j) {
				return s[i:j] // "Single <img>": a tag the text names
			}
			return " "
		}))
	})

// namedTag reports whether the tag at s[i:j] is one the text names
// rather than leftover markup: a bare opening tag ("<img>", "<ul>") that
// stands as a word, or as a compound's first part joined by a hyphen
// ("das <ul>-Element", "die <ul>- und <ol>-Listen"), on a line with no
// closing tag. A line break, a rule,
// a paragraph's or a box's tag ("<br>", "<hr>", "<p>", "<div>", "<span>")
// is markup wherever it stands: what a broken page leaves between its
// paragraphs.
func namedTag(s string, i, j int) bool {
	tag := strings.ToLower(s[i:j])
	if strings.ContainsAny(tag[1:len(tag)-1], " /=\t\n") {
		return false
	}
	switch tag {
	case "<br>", "<hr>", "<p>", "<div>", "<span>":
		return false
	}
	before := i == 0 || s[i-1] == ' '
	after := j == len(s) || s[j] == ' ' || s[j] == ',' || s[j] == '.'
	if !after && s[j] == '-' && j+1 < len(s) {
		r, _ := utf8.DecodeRuneInString(s[j+1:])
		after = r == ' ' || unicode.IsLetter(r)
	}
	return before && after
}

// replaceAllIndex replaces each match of re in s by what repl returns
// for its bounds.
func replaceAllIndex(re *regexp.Regexp, s string, repl func(i, j int) string) string {
	var sb strings.Builder
	last := 0
	for _, m := range re.FindAllStringIndex(s, -1) {
		sb.WriteString(s[last:m[0]])
		sb.WriteString(repl(m[0], m[1]))
		last = m[1]
	}
	sb.WriteString(s[last:])
	return sb.String()
}

var (
	htmlComment = regexp.MustCompile(`<!--.*?-->`)
	// A known tag name, with only name=value attributes, so "a < b and c > d"
	// is not a tag.
	htmlTag = regexp.MustCompile(`(?i)<\s*/?\s*(?:p|div|span|a|br|hr|b|i|u|em|strong|small|sup|sub|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|q|cite|figure|figcaption|img|picture|source|section|article|header|footer|aside|nav|main|iframe|script|style|time|mark|abbr|code|pre|table|tr|td|th|tbody|thead|button|label|input|meta|link|font|center)` +
		`(?:\s+[a-z_:][-a-z0-9_:.]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+))*\s*/?\s*>`)
)

var ruleEntities = LineRule("entities",
	"decodes HTML entities, double-escaped ones (`&amp;#39;`) and ones that lost their `&#` (`x27;`)",
	func(s string) string {
		if !strings.ContainsRune(s, ';') {
			return s
		}
		for i := 0; i < 3 && strings.Contains(s, "&amp;"); i++ {
			s = strings.ReplaceAll(s, "&amp;", "&")
		}
		s = entity.ReplaceAllStringFunc(s, html.UnescapeString)
		return bareEntity.ReplaceAllStringFunc(s, func(m string) string {
			sub := bareEntity.FindStringSubmatch(m)
			return sub[1] + html.UnescapeString("&#"+sub[2]+";")
		})
	})

var (
	entity = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)
	// Punctuation code points whose entity lost its "&#" or "&": "x27;",
	// "#39;". Letters before it ("box27;") mean it is something else.
	bareEntity = regexp.MustCompile(`(^|[^\p{L}\p{N}&#])#?((?:x27|x22|x26|x2019|x2018|x201[cCdD]|x2013|x2014|39|34|38|8217|8216|8220|8221|8211|8212));`)
)

var ruleDateHeader = Rule{Name: "date-header",
	Doc: "moves a site's date line above the headline (`Sun. Apr 21st, 2024`, then the headline) into Published; a date under the headline or above the text is read, and so are dates that recur through the text (a diary's days)",
	Apply: func(d *Draft) {
		for i := 0; i+1 < len(d.Blocks) && i < 3; i++ {
			s := d.Blocks[i].Text
			if classifyDateLine(s) == notDateLine {
				continue
			}
			// Above the headline: the site's header, not the article.
			if next := d.Blocks[i+1]; next.Kind != KindHeading && !headlineShape(next.Text) {
				return
			}
			if datesRecur(d.Blocks, i) || !d.stampMayGo(s) {
				return
			}
			// "Tisková zpráva ze dne 17. 3. 2026": the date in a
			// labelled stamp, too.
			if t, ok := stampDate(s); ok && d.Published == nil {
				d.Published = &t
			}
			d.Blocks[i].Text = ""
			return
		}
	}}

var ruleDateline = Rule{Name: "dateline",
	Doc: "removes a page's publication stamp near the top: a date with a time, an `Updated` label, a section or a comment count and nothing else (`24 July 2015From the section US & Canada941 comments`, `Montag, 3. März 2024, 14:05 Uhr`), a date alone that is the day the page was published, or a `From: …` source strip",
	Apply: func(d *Draft) {
		for i := 0; i < len(d.Blocks) && i < 3; i++ {
			s := d.Blocks[i].Text
			switch classifyDateLine(s) {
			case dateStamp:
				if !datesRecur(d.Blocks, i) && d.stampMayGo(s) {
					// The stamp goes; its date stays, when the page's
					// metadata gave none ("Tisková zpráva ze dne 17. 3.
					// 2026").
					if t, ok := stampDate(s); ok && d.Published == nil {
						d.Published = &t
					}
					d.Blocks[i].Text = ""
				}
			case dateOnly:
				// The day the page says it was published, printed under
				// the headline: a stamp without a stamp's words. A dated
				// letter or a diary's first day has a day of its own, or
				// dates that recur.
				if d.isPublishedDay(s) && !datesRecur(d.Blocks, i) && d.stampMayGo(s) {
					d.Blocks[i].Text = ""
				}
			case notDateLine:
				if len(s) <= 120 && !endsSentence(s) && wordCount(s) <= 16 && sourceStrip.MatchString(s) {
					d.Blocks[i].Text = ""
				}
			}
		}
	}}

// isPublishedDay reports whether the date line s names the day of
// d.Published (in the time zone the page gave it).
func (d *Draft) isPublishedDay(s string) bool {
	if d.Published == nil {
		return false
	}
	t, ok := stampDate(s)
	if !ok {
		return false
	}
	y, m, day := d.Published.Date()
	return t.Year() == y && t.Month() == m && t.Day() == day
}

// ruleClosingStamp removes a publication stamp that ends the text ("Last
// updated on June 2, 2025", "Zuletzt aktualisiert am 5. Dezember 2026",
// "Mis à jour le 5 mars 2026 à 14h05"): a date with a stamp's words and
// nothing else, in the last two blocks, where a page prints when it
// last changed the story. A stamp that names someone other than the
// byline stays, and so do stamps when other date lines stand in the
// text below its top (a live blog's entries, a diary: the dates are the
// text's layout).
var ruleClosingStamp = Rule{Name: "closing-stamp",
	Doc: "removes a publication stamp that ends the text (`Last updated on June 2, 2025`, `Zuletzt aktualisiert am 5. Dezember 2026`, `Mis à jour le 5 mars 2026 à 14h05`), unless other date lines stand in the text",
	Apply: func(d *Draft) {
		n := len(d.Blocks)
		end := n
		for end > 0 && n-end < 2 && classifyDateLine(d.Blocks[end-1].Text) == dateStamp && d.stampMayGo(d.Blocks[end-1].Text) {
			end--
		}
		// Three blocks of text at least above it, none of them a date
		// line below the top.
		if end == n || end < 3 {
			return
		}
		for i := 3; i < end; i++ {
			if classifyDateLine(d.Blocks[i].Text) != notDateLine {
				return
			}
		}
		for i := end; i < n; i++ {
			d.Blocks[i].Text = ""
		}
	}}

// stampMayGo reports whether the date line s may go: it names no author,
// or the byline's. A stamp that names someone, with no byline known or
// another one, says who wrote the article, which the listener would not
// hear otherwise, and stays.
func (d *Draft) stampMayGo(s string) bool {
	_, name := dateLineParts(s)
	if name == "" {
		return true
	}
	if d.Byline != "" {
		return nameKey(name) == nameKey(d.Byline)
	}
	// A "By" line (ruleByLine, which runs later) may name the same author.
	for _, b := range d.Blocks {
		if m := byLine.FindStringSubmatch(b.Text); m != nil && nameKey(m[1]) == nameKey(name) {
			return true
		}
	}
	return false
}

// datesRecur reports whether a date line like block i (a date, a stamp)
// comes again further down, after some text: then dates are how the text
// is laid out (a diary's days, a live blog's entries), and each is read.
// Date lines stacked at the top of a page are one header.
func datesRecur(blocks []Block, i int) bool {
	text := false
	for _, b := range blocks[i+1:] {
		switch {
		case b.Text == "":
		case classifyDateLine(b.Text) != notDateLine:
			if text {
				return true
			}
		default:
			text = true
		}
	}
	return false
}

// datePattern finds a written date ("13 March 2015", "March 13, 2015",
// "2015-03-13", "13.03.2015", "13/03/2015") anywhere, even glued to the
// word before it.
var datePattern = regexp.MustCompile(`(?i)(?:\d{1,2}(?:st|nd|rd|th|er)? (?:` + monthRE + `)\.? \d{4}|\d{1,2}\.?\s+(?:de\s+)?(?:` + monthOtherRE + `),?\s+(?:de\s+)?\d{4}|\d{1,2}\.?\s+(?:` + monthAbbrOtherRE + `)\.?\s+\d{4}|(?:` + monthRE + `)\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\b\d{4}-\d{2}-\d{2}\b|\b\d{4}\.\s+(?:` + monthOtherRE + `)\s+\d{1,2}\.|\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b|\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일])`)

// sourceStrip is a "From: Herald Sun" / "From the section US & Canada" label.
var sourceStrip = regexp.MustCompile(`(?i)^\W*(?:from|source|section|rubrique|publié dans)(?:\s*:|\s+the section\b)`)

// monthOtherRE are month names in Spanish, Portuguese, Italian, German,
// Dutch and Polish (genitive, as dates write it), for dates written day
// first ("22 de janeiro de 2018", "3. März 2024", "5 maja 2021").
const monthOtherRE = `enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januar|jänner|februar|märz|april|juni|juli|august|september|oktober|dezember|januari|februari|maart|mei|augustus|december|maj|augusti|marts|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta|január|február|március|április|május|június|július|augusztus|szeptember|október|desember|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου|οκτωβρίου|νοεμβρίου|δεκεμβρίου`

// monthAbbrOtherRE are the months' usual abbreviations in Spanish,
// Italian, French, Portuguese and German, as stamps write them ("06 dic
// 2026", "12 janv. 2026", "3 Okt. 2025"); English ones are in monthRE.
const monthAbbrOtherRE = `ene|abr|ago|dic|gen|mag|giu|lug|set|ott|janv|févr|avr|juil|déc|fev|dez|okt|mär`

const monthRE = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre`

var ruleSpeechButton = Rule{Name: "speech-button",
	Doc: "removes the caption of a page's own listen / speech-synthesis button near the top",
	Apply: func(d *Draft) {
		for i := range d.Blocks {
			s := d.Blocks[i].Text
			if len(s) <= maxLabelLen && speechUI.MatchString(s) {
				d.Blocks[i].Text = ""
				continue
			}
			// A sentence describing the feature, not an article about it:
			// near the top, one sentence, and it talks about the page itself.
			if i < 10 && len(s) <= 240 && speechTopic.MatchString(s) && speechSelf.MatchString(s) &&
				sentenceCount(s) == 1 {
				d.Blocks[i].Text = ""
			}
		}
	}}

var (
	speechUI    = regexp.MustCompile(`(?i)^\W*(?:listen(?: to)?(?: this| the)? (?:article|story)|écouter (?:cet |l'|l’)article|audio version|version audio|play audio|read aloud)\W*(?:\d+\s*min\S*)?\W*$`)
	speechTopic = regexp.MustCompile(`(?i)speech synthesis|text[- ]to[- ]speech|synthèse vocale|synthetic voice|voix de synthèse|listen to this article|écouter cet article`)
	speechSelf  = regexp.MustCompile(`(?i)written text|texte écrit|makes it possible|permet de|this (?:article|text|story)|cet article|ce texte|listen|écouter|generated|générée?`)
)

var ruleImageViewer = Rule{Name: "image-viewer",
	Doc: "removes an image viewer's button (`Open in full screen mode`) and the photo caption that follows it",
	Apply: func(d *Draft) {
		for i := range d.Blocks {
			if !imageViewerUI.MatchString(d.Blocks[i].Text) {
				continue
			}
			d.Blocks[i].Text = ""
			// The button sits inside the <figure>, so the next line scraped
			// is its caption: one short sentence that is not a quote.
			for j := i + 1; j < len(d.Blocks); j++ {
				c := d.Blocks[j].Text
				if c == "" {
					continue
				}
				if len(c) <= 300 && sentenceCount(c) <= 2 && !startsWithQuote(c) &&
					!imageViewerUI.MatchString(c) && !attribution.MatchString(c) {
					d.Blocks[j].Text = ""
				}
				break
			}
		}
	}}

var imageViewerUI = regexp.MustCompile(`(?i)^\W*(?:open (?:in |to )?full[- ]?screen(?: mode)?|ouvrir en (?:mode )?plein écran|view (?:in )?full[- ]?screen|full[- ]?screen|enlarge (?:this )?(?:image|photo)|click to enlarge|agrandir (?:l'|l’)image|expand image|view (?:full[- ]size )?image)\W*$`)

var rulePhotoCredit = LineRule("photo-credit",
	"removes photo and image credit lines (`Photo: Reuters`, `Credit: Jane Doe / AFP`)",
	func(s string) string {
		if photoCredit.MatchString(s) {
			return ""
		}
		return s
	})

var photoCredit = regexp.MustCompile(`(?i)^\W*(?:photos?|photo credit|photograph|image|credits?|crédits?(?: photo)?|illustration|source photo)\s*:\s*[^.!?]{1,100}$`)

var ruleGallery = LineRule("gallery",
	"removes photo-gallery and slideshow labels (`Gallery: Xbox One X | 14 Photos`)",
	func(s string) string {
		// Every label has a colon or a separator before its count, or is
		// short; the check spares the expression on most paragraphs.
		if (len(s) <= 64 || strings.ContainsAny(s, ":|·•")) && galleryLabel.MatchString(s) {
			return ""
		}
		return s
	})

var galleryLabel = regexp.MustCompile(`(?i)^\W*(?:(?:photo |image )?gallery|galerie(?: photos?)?|bildergalerie|fotogalerie|fotostrecke|galería(?: de (?:fotos|imágenes))?|fotogalería|fotogalleria|galleria fotografica|slide ?show|diaporama|en images)\s*:|[|·•]\s*\d+\s*(?:photos|images|pictures|slides)\W*$|^\W*\d+ (?:photos|images)\W*$`)

var ruleTagList = Rule{Name: "tag-list",
	Doc: "removes topic/tag lists (`Topics: uber, libertarians, …`, `Tags stock car, Interlagos, …`, `Archivado en: …`, `Argomenti: …`) and a bare repeat of a removed list",
	Apply: func(d *Draft) {
		lists := map[string]bool{}
		for i := range d.Blocks {
			s := d.Blocks[i].Text
			if len(s) > 600 {
				continue
			}
			if len(s) <= 400 && (tagList.MatchString(s) || tagListTerms.MatchString(s) && !endsSentence(s)) {
				d.Blocks[i].Text = ""
				continue
			}
			if loc := postedIn.FindStringIndex(s); loc != nil && len(s) <= 200 && isTermList(s[loc[1]:]) {
				d.Blocks[i].Text = ""
				continue
			}
			if loc := tagLabelBare.FindStringIndex(s); loc != nil && isTermList(s[loc[1]:]) {
				lists[comparable(s[loc[1]:])] = true
				d.Blocks[i].Text = ""
			}
		}
		for i := 0; i < len(d.Blocks) && len(lists) > 0; i++ {
			if s := d.Blocks[i].Text; s != "" && lists[comparable(s)] {
				d.Blocks[i].Text = ""
			}
		}
	}}

var (
	tagList = regexp.MustCompile(`(?i)^\W*(?:topics|tags|tagged|filed under|categories|catégories|mots[- ]clés|sujets|thèmes|etiquetas|temas|themen|schlagwörter)\s*:`)
	// More languages' labels; the list after them must not be a
	// sentence ("Argomenti: la riforma è passata." is the text's).
	tagListTerms = regexp.MustCompile(`(?i)^\W*(?:archivado en|palabras clave|schlagworte|stichwörter|argomenti|parole chiave|tag|assuntos|tópicos|palavras-chave|onderwerpen|trefwoorden|tagi|tematy|słowa kluczowe|ämnen|emner|etichete|cuvinte cheie|címkék|kulcsszavak|etiketler|anahtar kelimeler|теги|тэги|метки|ключевые слова|мітки|ключові слова|štítky|klíčová slova|témata|kľúčové slová|avainsanat|tagit|asiasanat|ετικέτες|λέξεις-κλειδιά|emneord|stikkord|nyckelord|taggar|žymės|raktažodžiai)\s*:`)
	// postedIn is a blog's line under a post naming the categories it
	// was filed in, without a colon ("Posted in Harbour, Ferries, North
	// Sea", "Veröffentlicht in Hafen, Fähren, Nordsee"); a list of three
	// terms or more must follow (isTermList): a single term ("Posted in
	// News Release") is kept by WCXB 4557's reference.
	postedIn = regexp.MustCompile(`(?i)^\W*(?:posted|filed|published) (?:in|under)\s+|^\W*(?:veröffentlicht|abgelegt) (?:in|unter)\s+|^\W*(?:publié|classé) dans\s+|^\W*(?:publicado|archivado) en\s+|^\W*(?:pubblicato|archiviato) in\s+|^\W*(?:publicado|arquivado) em\s+|^\W*(?:gepubliceerd|geplaatst) in\s+`)
	// A tag label without its colon, the list run straight after it.
	tagLabelBare = regexp.MustCompile(`(?i)^\W*(?:tags|tagi|tagged|etiquetas|schlagwörter|stichwörter|mots[- ]clés|argomenti|trefwoorden)\s+`)
)

// isTermList reports whether s is a list of terms, not a sentence: three
// or more comma-separated parts of at most five words each, and no
// sentence end.
func isTermList(s string) bool {
	parts := strings.Split(s, ",")
	if len(parts) < 3 || endsSentence(s) {
		return false
	}
	for _, p := range parts {
		if n := len(strings.Fields(p)); n == 0 || n > 6 {
			return false
		}
	}
	return true
}

var ruleLoadingGlued = LineRule("loading-glued",
	"removes a teaser glued to a loading spinner's text (`LoadingSnow, tears…`), or cuts it off a paragraph, and a like button's line with its spinner in many languages (`Like Loading...`, `Gefällt mir Wird geladen …`)",
	func(s string) string {
		if loadingStart.MatchString(s) || (len(s) < 60 && likeLoading.MatchString(s)) {
			return ""
		}
		if !strings.Contains(s, "Loading") {
			return s
		}
		if loc := loadingInside.FindStringIndex(s); loc != nil {
			_, n := utf8.DecodeRuneInString(s[loc[0]:])
			return s[:loc[0]+n]
		}
		return s
	})

var (
	// "Loading" directly followed by a capital, or by an ellipsis: never
	// how a sentence starts ("Loading the trucks took hours." stays).
	loadingStart  = regexp.MustCompile(`^\W*(?:Loading|LOADING|Chargement)(?:…|\.\.\.)?\s*(?:…|\.\.\.)?(?:\p{Lu}|$)`)
	loadingInside = regexp.MustCompile(`[\p{Ll}.!?]Loading(?:…|\.\.\.)?\p{Lu}`)
	// A blog's like button and the spinner shown while its count loads,
	// in the languages the button is translated to; the spinner's word
	// alone must end in an ellipsis ("Laden" alone is a German noun).
	likeLoading = regexp.MustCompile(`(?i)^\W*(?:(?:like|gefällt mir|j'aime|j’aime|me gusta|mi piace|curtir|gosto|vind ik leuk|lubię to!?|gilla|synes godt om|liker)\s+(?:loading|wird geladen|lädt|chargement(?: en cours)?|cargando|caricamento(?: in corso)?|carregando|a carregar|laden|ładowanie|laddar|indlæser|laster)\s*(?:…|\.\.\.)?|(?:wird geladen|lädt|cargando|caricamento(?: in corso)?|carregando|a carregar|laden|ładowanie|laddar|indlæser|laster)\s*(?:…|\.\.\.))\s*$`)
)

var ruleUIStrings = LineRule("ui-strings",
	"removes lines that are only a user-interface label (Share, Follow, Advertisement, Skip to content, 3 min read)",
	func(s string) string {
		if len(s) > maxLabelLen {
			return s // every label is short
		}
		key := strings.ToLower(strings.TrimFunc(s, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsNumber(r)
		}))
		if uiLabels[key] || readTime.MatchString(key) {
			return ""
		}
		return s
	})

var (
	uiLabels = setOf("loading", "chargement", "chargement en cours", "share", "share this",
		"share this article", "share this story", "share on facebook", "share on twitter",
		"share on x", "share on linkedin", "partager", "partager cet article", "tweet", "email",
		"e-mail", "print", "imprimer", "copy link", "link copied", "copier le lien", "follow",
		"suivre", "advertisement", "advertising", "publicité", "sponsored", "skip to content",
		"skip to main content", "read more", "lire plus", "lire la suite", "see more",
		"show more", "voir plus", "subscribe", "s'abonner", "sign up", "sign in", "log in",
		"se connecter", "comments", "commentaires", "view comments", "close", "fermer",
		"menu", "back to top", "haut de page", "play", "pause", "listen", "écouter",
		"playback speed", "vitesse de lecture", "ad", "story continues below advertisement",
		"article continues below", "continue reading", "continuer la lecture",
		"search this site", "pin for later", "pin it for later", "pin this for later", "save for later",
		"jump to the list", "jump to recipe", "print recipe", "comment via", "leave a comment", "post a comment", "add a comment")
	readTime = regexp.MustCompile(`^\d+\s*(?:(?:min|minutes?)(?: read| de lecture)?|comments?|commentaires?|shares?|partages?)$`)
)

var rulePromoLeadIn = Rule{Name: "promo-lead-in",
	Doc: "removes promo lines led by a read-also label (`READ ALSO: …`, `ALSO ON SITE: …`, `Lire aussi : …`, `Lesen Sie auch: …`), alone or glued after a paragraph's last sentence, and other lines that repeat a removed promo's headline",
	Apply: func(d *Draft) {
		promos := map[string]bool{}
		for i := range d.Blocks {
			s := d.Blocks[i].Text
			// Every label ends in a colon.
			if strings.IndexByte(s, ':') >= 0 && (promoLabel.MatchString(s) || promoLabelAnyCase.MatchString(s)) {
				promos[teaserKey(s)] = true
				d.Blocks[i].Text = ""
				continue
			}
			// A promo glued to the end of a paragraph by scraping: cut
			// after the sentence end (an ASCII byte, so UTF-8 safe).
			if !gluedSentenceEnd(s) {
				continue
			}
			if loc := promoLabelGlued.FindStringIndex(s); loc != nil && loc[0] > 0 {
				promos[teaserKey(s[loc[0]+1:])] = true
				d.Blocks[i].Text = s[:loc[0]+1]
			}
		}
		// The same headline under a label mangled by machine translation
		// ("ELSIDE ON INFO: …") is the same promo.
		for i := range d.Blocks {
			if s := d.Blocks[i].Text; s != "" && !endsSentence(s) && promos[teaserKey(s)] {
				d.Blocks[i].Text = ""
			}
		}
	}}

var (
	// Upper-case promo labels.
	promoLabel = regexp.MustCompile(`^\W*(?:` + promoLabelsUpper + `)\s*:`)
	// Labels unmistakable in any case.
	promoLabelAnyCase = regexp.MustCompile(`(?i)^\W*(?:` + promoLabelsAnyCase + `)\s*:`)
	promoLabelGlued   = regexp.MustCompile(`[.!?](?:` + promoLabelsUpper + `|(?i:` + promoLabelsAnyCase + `))\s*:`)
)

// gluedSentenceEnd reports whether s has a sentence end followed at once
// by a letter and, later, a colon: the only place promoLabelGlued can
// match. Prose puts a space after its full stops, so most paragraphs are
// ruled out without running the expression.
func gluedSentenceEnd(s string) bool {
	colon := strings.LastIndexByte(s, ':')
	for i := 0; i+1 < colon; i++ {
		switch s[i] {
		case '.', '!', '?':
			if c := s[i+1]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80 {
				return true
			}
		}
	}
	return false
}

const (
	promoLabelsUpper   = `(?:ALSO|ELSEWHERE|MORE|AILLEURS|AUSSI|ÉGALEMENT|AUCH|MEHR|TAMBIÉN|MÁS|ANCHE|OOK) (?:ON|SUR|IN|EN|AUF|BEI|DE|DA|OP) \p{Lu}[\p{Lu}\p{N}.'’-]*(?: \p{Lu}[\p{Lu}\p{N}.'’-]*){0,2}|READ (?:MORE|ALSO|NEXT)|ALSO READ|SEE ALSO|MORE|RELATED(?: STORY| ARTICLES?| CONTENT)?|WATCH|LISTEN|(?:À )?LIRE AUSSI|VOIR AUSSI|SUR LE MÊME SUJET|LEA TAMBIÉN|LEE TAMBIÉN|LEIA TAMBÉM|MEHR ZUM THEMA|TOP STORIES|LEGGI ANCHE|CZYTAJ (?:TEŻ|TAKŻE|RÓWNIEŻ)|LEES OOK`
	promoLabelsAnyCase = `read (?:more|also|next)|also read|see also|à lire aussi|lire aussi|voir aussi|related (?:story|article|articles|content)|lesen sie auch|lies auch|auch interessant|leggi anche|czytaj (?:też|także|również)|lees ook|lea también|lee también|leia também|veja também`
)

var ruleProfileByline = Rule{Name: "profile-byline",
	Doc: "turns author-box debris (`• Jane Doe (View profile)Jane DoeFollow`) into the byline",
	Apply: func(d *Draft) {
		for i := range d.Blocks {
			s := d.Blocks[i].Text
			name := ""
			if loc := viewProfile.FindStringIndex(s); loc != nil {
				name = s[:loc[0]]
			} else if m := nameFollow.FindStringSubmatch(s); m != nil {
				name = m[1]
			} else {
				continue
			}
			name = strings.TrimFunc(name, func(r rune) bool {
				return unicode.IsSpace(r) || strings.ContainsRune("•·*|–—-,", r)
			})
			if d.Byline == "" && looksLikeName(name) {
				d.Byline = name
			}
			d.Blocks[i].Text = ""
		}
	}}

var (
	viewProfile = regexp.MustCompile(`(?i)\(\s*(?:view|see) (?:full )?profile\s*\)|\(\s*voir (?:le )?profil\s*\)`)
	// A name with "Follow" glued to it, a button label run into the text.
	nameFollow = regexp.MustCompile(`^[\s•·*|]*(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,4})(?:Follow|Suivre)$`)
)

var ruleByLine = Rule{Name: "by-line",
	Doc: "turns a lone `By Jane Doe` line (also `By Jane Doe | 3 May 2026`, `By Jane Doe · Share`, `Por Ana Ruiz | Sevilla, 12 mar 2026`, `di Marco Neri — 12 marzo 2026`, `Par Anne Roux. Publié le 12 mars 2026`) into the byline and drops CMS bylines (`By admin`)",
	Apply: func(d *Draft) {
		for i := range d.Blocks {
			line, rest := d.Blocks[i].Text, ""
			// "By Mara Quill | Share this", "By Anna Roth · 3 May 2026", "By
			// Jon Foster – 2025-09-13 Updated: 2025-09-13": the name, then
			// the page's furniture or the date after a bar or a dash (the
			// separators Markdown's byline line takes, bylineSep).
			if loc := bylineBar.FindStringIndex(line); loc != nil && len(line) <= 120 {
				line, rest = line[:loc[0]], strings.TrimSpace(line[loc[1]:])
				// "Por Ana Ruiz | Madrid, 12 mar 2026 - 14:05 CET": the
				// date may follow the place it was written in.
				rest = withoutPlace(rest)
				if wordCount(rest) > 6 && classifyDateLine(rest) == notDateLine || endsSentence(rest) {
					continue
				}
			} else if at := stampAfterName(line); at > 0 {
				// "Par Anne Roux. Publié le 12 mars 2026 à 14h05": the
				// name's sentence, then the page's stamp.
				line, rest = line[:at], strings.TrimSpace(strings.TrimLeft(line[at:], " ,;."))
			}
			m := byLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			name := withoutNameTail(strings.TrimSpace(m[1]))
			if cmsUser[strings.ToLower(name)] || strings.Contains(name, "@") {
				d.Blocks[i].Text = ""
				continue
			}
			// A second name further down signs another part of the page
			// (a second story, a contribution): the listener hears it there.
			if looksLikeName(name) && (d.Byline == "" || nameKey(name) == nameKey(d.Byline)) {
				if d.Byline == "" {
					d.Byline = name
				}
				if t, ok := stampDate(rest); ok && d.Published == nil {
					d.Published = &t
				}
				d.Blocks[i].Text = ""
			}
		}
	}}

// withoutPlace returns s without the place name that leads its date
// ("Madrid, 12 mar 2026", "Berlin, 12.03.2026, 14:05 Uhr"): one to three
// capitalized words and a comma before a date line. Anything else is
// returned as it is.
func withoutPlace(s string) string {
	loc := placeLead.FindStringIndex(s)
	if loc == nil {
		return s
	}
	if rest := s[loc[1]:]; classifyDateLine(rest) != notDateLine {
		return rest
	}
	return s
}

// stampDate is the date a byline's stamp gives: the whole stamp read as
// a date, else the first date written in it ("12 mar 2026 – 14:05 CET",
// "Publié le 12 mars 2026 à 14h05").
func stampDate(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	m := datePattern.FindString(s)
	if m := slashDate.FindStringSubmatch(m); m != nil {
		// "12/03/2026" is the 12th of March in most of the world and
		// December 3rd in the United States; only a day over 12 tells.
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		switch {
		case a > 12 && b <= 12:
			a, b = b, a
		case b > 12 && a <= 12:
		default:
			return time.Time{}, false
		}
		return time.Date(y, time.Month(a), b, 0, 0, 0, 0, time.UTC), true
	}
	if t, ok := parseDateLine(s); ok {
		return t, true
	}
	if m != "" {
		return parseDateLine(m)
	}
	return time.Time{}, false
}

var slashDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

// stampAfterName returns where a byline ends when a page's date stamp
// follows it on the same line, after a full stop or straight after the
// name ("Par Anne Roux. Publié le 12 mars 2026", "Por Ana Souza, de
// Porto Alegre 12/03/2026 14h05 Atualizado há 2 horas"): the index the
// byline's text ends at, or -1. A name's initials ("By J. Doe") are no
// sentence's end.
func stampAfterName(s string) int {
	if len(s) > 160 || !byLineStart.MatchString(s) {
		return -1
	}
	cuts := []int{}
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' && s[i+1] == ' ' {
			cuts = append(cuts, i)
		}
	}
	if loc := datePattern.FindStringIndex(s); loc != nil {
		cuts = append(cuts, loc[0])
	}
	for _, at := range cuts {
		head, rest := strings.TrimRight(s[:at], " ,;"), strings.TrimSpace(strings.TrimPrefix(s[at:], "."))
		// "Posted by Mara Quill on 5 March 2024", "… on Tue, Aug 27, 2019":
		// the words that join the date, and its weekday, are the stamp's.
		for {
			k := strings.LastIndexByte(head, ' ')
			if w := strings.ToLower(strings.TrimRight(head[k+1:], ".,")); k <= 0 || !linkingWords[w] && !weekdayNames[w] {
				break
			}
			head = strings.TrimRight(head[:k], " ,;")
		}
		// A name ends in a letter or an initial's full stop; a forum's
		// "by Quill » Tue Aug 27, 2019" heads a post.
		if r, _ := utf8.DecodeLastRuneInString(head); (unicode.IsLetter(r) || r == '.') && byLine.MatchString(head) && classifyDateLine(rest) != notDateLine {
			return len(head)
		}
	}
	return -1
}

// byLineLead is the word or label that starts a "By" line, in the
// languages narrate reads.
const byLineLead = `^\W*(?:(?:(?:Posted|Written|Published) )?(?:[Bb]y|BY|[Pp]ar|[Pp]or|[Vv]on|[Dd]i|DI|[Dd]oor|[Aa]v|[Aa]f) |(?:Autor(?:in)?|Auteur|Autore|Autora|Text|Texte|Texto|Testo|Автор|Авторка) ?: ?)`

var (
	placeLead = regexp.MustCompile(`^\p{Lu}[\p{L}'’.-]*(?:[ -]\p{Lu}[\p{L}'’.-]*){0,2},\s+`)
	bylineBar = regexp.MustCompile(`\s+[|·•–—-]\s+`)
	byLine    = regexp.MustCompile(byLineLead + `(\S+(?: \S+){0,4})$`)
	// byLineStart is the start of a "By" line alone: a cheap test before
	// the search of its stamp (stampAfterName).
	byLineStart = regexp.MustCompile(byLineLead)
	cmsUser     = setOf("admin", "administrator", "administrateur", "editor", "staff", "webmaster",
		"guest", "author", "redaction", "rédaction", "user", "root", "newsdesk", "desk")
)

var ruleRelatedTail = Rule{Name: "related-tail",
	Doc: "removes a trailing `Related Post(s)` / `You may also like` section: the label and every headline after it",
	Apply: func(d *Draft) {
		for i := range d.Blocks {
			// Every label is short; the length spares the expression on
			// paragraphs.
			if len(d.Blocks[i].Text) > maxLabelLen || !relatedLabel.MatchString(d.Blocks[i].Text) {
				continue
			}
			// Only where the article is over: either no real paragraph
			// follows (a list of headlines), or most of the text is before.
			// Under a label with no prose above it ("Latest news" heading a
			// list page), the list is the page.
			tail := true
			before, after, prose := 0, 0, false
			for _, b := range d.Blocks[:i] {
				before += len(b.Text)
				prose = prose || b.Kind == KindParagraph && (endsSentence(b.Text) || wordCount(b.Text) >= 12)
			}
			if !prose {
				continue
			}
			// A label right above two paragraphs of prose has lost its
			// list (the extractor dropped the box's links): the article
			// goes on under it, and only the label goes.
			if rest := d.Blocks[i+1:]; len(rest) >= 2 && isProseParagraph(rest[0]) && isProseParagraph(rest[1]) {
				d.Blocks[i].Text = ""
				continue
			}
			for _, b := range d.Blocks[i+1:] {
				after += len(b.Text)
				if len(b.Text) > 200 || sentenceCount(b.Text) > 2 {
					tail = false
				}
			}
			tail = tail || before >= after
			if tail && isFieldList(d.Blocks[i+1:]) {
				// "Recommended:" over "OS: Windows 11", "Memory: 16 GB
				// RAM": a table's fields, not headlines of other stories.
				continue
			}
			if tail {
				// The teasers end where two paragraphs of prose follow
				// each other: the article goes on there (a box in the
				// story's second half). Teasers alternate headlines and
				// excerpts.
				stop := len(d.Blocks)
				for k := i + 1; k+1 < len(d.Blocks); k++ {
					if isProseParagraph(d.Blocks[k]) && isProseParagraph(d.Blocks[k+1]) {
						stop = k
						break
					}
				}
				for j := i; j < stop; j++ {
					d.Blocks[j].Text = ""
				}
				if stop == len(d.Blocks) {
					return
				}
			}
		}
	}}

// isFieldList reports whether blocks begin with three or more lines
// that each give a field and its value ("OS: Windows 11", "Speicher:
// 16 GB"), three in four at least of the first eight non-empty lines:
// a list of specifications, which a box of teasers is not.
func isFieldList(blocks []Block) bool {
	lines, fields := 0, 0
	for _, b := range blocks {
		if b.Text == "" {
			continue
		}
		if lines++; lines > 8 {
			break
		}
		if len(b.Text) <= 200 && fieldLine.MatchString(b.Text) {
			fields++
		}
	}
	return fields >= 3 && 4*fields >= 3*min(lines, 8)
}

// fieldLine is a line that gives a field of one to three words, a colon,
// and its value.
var fieldLine = regexp.MustCompile(`^\p{Lu}[\p{L}\p{N}()&/.-]*(?: [\p{L}\p{N}()&/.-]+){0,2}\s?:\s+\S`)

// isProseParagraph reports whether b is a paragraph of prose: twelve
// words or more, ending a sentence.
func isProseParagraph(b Block) bool {
	return b.Kind == KindParagraph && wordCount(b.Text) >= 12 && endsSentence(b.Text)
}

var ruleBylineEcho = Rule{Name: "byline-echo",
	Doc: "removes a line that only repeats the byline (`Richard (R.J.) Eskow`, `By Jane Doe`)",
	Apply: func(d *Draft) {
		if d.Byline == "" {
			return
		}
		want := nameKey(d.Byline)
		for i := range d.Blocks {
			if s := d.Blocks[i].Text; len(s) <= 120 && nameKey(s) == want {
				d.Blocks[i].Text = ""
			}
		}
	}}

// nameKey folds a name for comparison: no parenthesized parts, no "By",
// letters only, lower case.
func nameKey(s string) string {
	s = parenthesized.ReplaceAllString(s, " ")
	s = strings.TrimSpace(strings.ToLower(s))
	for _, p := range []string{"by ", "par ", "por ", "von "} {
		s = strings.TrimPrefix(s, p)
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }), " ")
}

var parenthesized = regexp.MustCompile(`\([^()]*\)`)

// maxLabelLen is longer than any label relatedLabel or uiLabels match, in
// bytes: a longer block needs no look.
const maxLabelLen = 120

var relatedLabel = regexp.MustCompile(`(?i)^\W*(?:(?:more )?related(?: posts?| articles?| stories| content| news| videos| coverage| reading)?(?: (?:from|on|in) .{1,40})?|you (?:may|might)(?: also)? (?:like|enjoy)|(?:other )?(?:posts|articles|stories) you (?:may|might)(?: also)? (?:like|enjoy)|you may be interested in|more (?:stories|articles|news) from .{1,40}|more from .{1,40}|more on this (?:story|topic)|other .{1,30} (?:columns|stories|articles|news|opinions?)|(?:featured|recent) (?:slide ?shows|galleries|videos)|recommended(?: for you| stories)?|read next|what to read next|(?:loading )?comments(?:\.\.\.|…)?|\d+ comments|most (?:popular|read|viewed|shared)|trending(?: now)?|popular (?:now|stories)|latest (?:news|stories|headlines)|top stories|from around the web|sponsored (?:content|stories|links)|à lire aussi|à lire également|sur le même sujet|articles similaires|dans la même rubrique|les plus lus|vous (?:aimerez|pourriez aimer)(?: aussi| également)?|notas relacionadas|(?:también )?(?:te|le) (?:puede|podría) interesar|artículos relacionados|noticias? relacionadas?|te recomendamos|más leídas|mehr zum thema|mehr aus (?:dem ressort|der region|der rubrik)|verwendete quellen|(?:weitere|mehr) (?:meldungen|nachrichten|news)(?: aus .{1,30})?|meistgelesen(?:e (?:artikel|nachrichten))?|empfehlungen der redaktion|für sie (?:ausgewählt|empfohlen)|top-themen|neueste (?:artikel|nachrichten)|lo más leído|más noticias|i più letti|mais lidas|lesen sie (?:auch|mehr)(?: zum thema)?|(?:mehr|weitere|neueste) videos|lies auch|auch interessant|read also|also read|leggi anche|lees ook|le[ae] también|leia também|veja também|czytaj (?:też|także|również)|das könnte (?:sie|dich) auch interessieren|(?:weitere|ähnliche|verwandte) (?:artikel|beiträge|nachrichten)|(?:voc[eê]|tu) (?:também )?(?:pode|vai|poderá) gostar|(?:artigos|notícias|posts|conteúdos?) relacionad[oa]s|(?:ti )?potrebbe(?:ro)? (?:anche )?interessar(?:e|ti)|articoli correlati|notizie correlate|(?:dit )?vind je misschien ook leuk|gerelateerde artikelen|(?:podobne|powiązane|polecane) artykuły|zobacz (?:też|także|również)|関連記事|関連ニュース|関連する記事|おすすめ記事|あわせて読みたい|こちらもおすすめ|相关文章|相关阅读|相关新闻|推荐阅读|延伸阅读|相關文章|相關新聞|延伸閱讀|관련\s?기사|추천\s?기사|читайте (?:также|ещё|еще|також)|смотрите также|по теме|похожие (?:статьи|новости|материалы|публикации)|другие (?:новости|материалы|статьи)|самое (?:популярное|читаемое)|популярное|лучшее в блогах|новости партнеров|дивіться також|схожі (?:новини|статті|матеріали)|інші новини|популярне|найпопулярніше)\W*$`)

// teaserKey folds a line for finding repeats, without a leading
// upper-case label ("ELSEWHERE ON INFO: …", "À LIRE AUSSI : …"): promos
// repeat one headline under different labels.
func teaserKey(s string) string {
	if loc := capsLabel.FindStringIndex(s); loc != nil && loc[1] < len(s) {
		s = s[loc[1]:]
	}
	return comparable(s)
}

var capsLabel = regexp.MustCompile(`^\W*\p{Lu}+(?:[ '’-]\p{Lu}+){0,4}\s*:\s*`)

// attribution matches the line naming who said a pull quote; it repeats
// legitimately when one person is quoted several times.
var attribution = regexp.MustCompile(`(?i)^\W*(?:a quote from|quote from|quoted from|une citation de|citation de|cita de|zitat von)\s+\S`)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// looksLikeName reports whether s could be a person's name: one to six
// words, most capitalized, no sentence punctuation.
func looksLikeName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 6 || strings.ContainsAny(s, ".!?:;\"") && !initials.MatchString(s) {
		return false
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return caps*2 > len(words)
}

var initials = regexp.MustCompile(`^[\p{L} '’-]*(?:\p{Lu}\. ?)+[\p{L} '’-]*$`)

func startsWithQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune(`"“«„'‘`, r)
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’»)]」』）")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…。！？", r)
}

// sentenceCount is a rough count of sentence endings in s (at least 1).
func sentenceCount(s string) int {
	n := len(sentenceEnd.FindAllStringIndex(s, -1))
	if !endsSentence(s) {
		n++
	}
	return max(n, 1)
}

var sentenceEnd = regexp.MustCompile(`\p{Ll}[.!?…]+["'”’»)]?(?:\s|$)|[。！？]+[」』”）]?`)

var ruleCallToAction = Rule{Name: "call-to-action",
	Doc: "removes a short paragraph that asks the reader to subscribe, sign up, follow the site, get its app or write in (`Sign up for our newsletter`, `Folgen Sie uns auf Instagram`, `Abonnez-vous à notre lettre`)",
	Apply: func(d *Draft) {
		for i := range d.Blocks {
			if d.Blocks[i].Kind != KindQuote && isCallToAction(d.Blocks[i].Text) {
				d.Blocks[i].Text = ""
			}
		}
	}}

// isCallToAction reports whether s is a site's appeal to its reader: at
// most three sentences, one of which starts with an appeal (ctaStart:
// "Subscribe", "Follow us", "Abonnieren Sie", "Suivez-nous"…), naming a
// channel of the site (ctaChannel: a newsletter, an app, a social
// network, a subscription, an address), any other sentence short ("Have
// a tip?"), and nothing of a report: no quotation marks, no "said".
// "Follow the money, he said" and "Reach out to the families, the mayor
// wrote on Facebook" stay, and so do "Click here for the second half of
// this story" and "Download the game here": a link the article itself
// offers names no channel.
func isCallToAction(s string) bool {
	// A newsletter's name is quoted ("Newsletter « La Matinale » Chaque
	// matin, …"): that quote is no one's words.
	if len(s) > 360 || strings.ContainsAny(s, "\"“”„«»") && !namedNewsletter.MatchString(s) {
		return false
	}
	// Most paragraphs have no sentence that starts with an appeal; that
	// anchored test is the cheap one, so it comes first.
	sents := sentenceStarts(s)
	lead := false
	for _, i := range sents {
		if ctaStart.MatchString(s[i:]) {
			lead = true
			break
		}
	}
	liked := likedAsk.MatchString(s) || rateAsk.MatchString(s)
	lead = lead || liked
	if !lead || len(sents) > 5 || !ctaChannel.MatchString(s) && !liked || reported.MatchString(s) {
		return false
	}
	appeals := 0
	for k, i := range sents {
		end := len(s)
		if k+1 < len(sents) {
			end = sents[k+1]
		}
		switch t := s[i:end]; {
		case ctaStart.MatchString(t) || likedAsk.MatchString(t) || rateAsk.MatchString(t):
			appeals++
		case wordCount(t) > 14:
			return false
		}
	}
	// Three sentences at most, or more when half of them or more are
	// appeals ("Did you make one of my recipes? Please take a moment to
	// leave a star rating. Also, … Follow … on Facebook …").
	return len(sents) <= 3 && sentenceCount(s) <= 3 || 2*appeals >= len(sents)
}

// sentenceStarts returns where each sentence of s starts: at 0 and after
// every run of full stops, question or exclamation marks followed by a
// space.
func sentenceStarts(s string) []int {
	out := []int{0}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '.' || s[j] == '!' || s[j] == '?') {
			j++
		}
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\n' || s[k] == '\t') {
			k++
		}
		if k > j && k < len(s) {
			out = append(out, k)
		}
		i = j - 1
	}
	return out
}

var (
	ctaStart = regexp.MustCompile(`(?i)^\W*(?:(?:dann|then|alors|entonces|allora|então)\s+)?(?:` +
		`subscribe|sign(?:-| )?up|register|follow|click|tap|download|get (?:access|the (?:latest|day['’]?s|best)|our|unlimited)|join|like us|share (?:this|it)|write to|e-?mail|reach|contact us|listen|watch|stay (?:on top|up to date|informed|connected|tuned)|don['’]?t miss|never miss|want (?:more|the)|start your day|become a (?:member|subscriber)|support (?:our|us)` +
		`|abonnieren|die wichtigsten (?:news|nachrichten|infos|meldungen)|folgen sie|folge uns|melden sie sich|registrieren sie sich|klicken sie|laden sie|hier (?:können sie|geht|finden sie|gibt)|jetzt (?:abonnieren|anmelden|registrieren|herunterladen|testen)|holen sie sich|erhalten sie|bleiben sie|verpassen sie|unterstützen sie|schreiben sie uns` +
		`|abonnez-vous|suivez|inscrivez-vous|téléchargez|cliquez|recevez|rejoignez|retrouvez|restez informé|ne manquez|écrivez-nous|soutenez` +
		`|newsletter\s*[«"“„:]\s*\pL+|sigue (?:toda la (?:información|actualidad)|(?:las|nuestras) noticias|a \S.{0,30} en (?:instagram|facebook|twitter|x|tiktok|youtube|whatsapp|telegram|linkedin)\b)|suscr[ií]b(?:ete|ase)|s[ií]guenos|reg[ií]str(?:ate|ese)|descarg(?:a|ue)|haz clic|pulsa|recibe|[úu]nete|no te pierdas|ap[óo]yanos` +
		`|iscriviti|seguici|abbonati|scarica|clicca|ricevi|non perderti|resta aggiornato|sostienici` +
		`|assine|inscreva-se|siga|baixe|clique|receba|cadastre-se|n[ãa]o perca|apoie` +
		`|abonneer|volg|schrijf je in|meld je aan|klik|ontvang|mis niets` +
		`|zapisz si[ęe]|subskrybuj|obserwuj|pobierz|kliknij|[śs]led[źz]|do[łl][ąa]cz|zam[óo]w|wesprzyj)(?:[^\pL\pN]|$)` +
		`|^\W*(?:подписывайтесь|подпишитесь|следите за (?:нами|новостями)|присоединяйтесь|читайте нас|скачайте|підписуйтесь|підпишіться|слідкуйте за)(?:\s|$)`)
	// rateAsk is a site asking the reader to comment on or rate what
	// they read, a recipe above all, after what they liked at most ("If
	// you made this recipe, please leave a star rating", "Si te ha
	// gustado esta receta, deja un comentario y valórala").
	rateAsk = regexp.MustCompile(`(?i)^\W*(?:(?:if you (?:liked|enjoyed|loved|made|tried|cooked|baked) (?:this|the|my) \pL+|si te ha gustado (?:esta|este|la|el) \pL+|si (?:vous avez|tu as) (?:aimé|testé|essayé|réalisé) (?:cette|ce) \pL+|wenn (?:dir|ihnen) (?:das|dieses|der|dieser|die|diese) \pL+ gefallen hat|(?:wenn du|wenn sie) (?:das|dieses) \pL+ (?:nachgekocht|nachgebacken|ausprobiert) (?:hast|haben)|se (?:ti è piaciut[ao]|hai provato) (?:questa|questo|la|il) \pL+|se (?:você )?gostou (?:desta|deste|da|do) \pL+),?\s+)?(?:please\s+|bitte\s+|s'il vous plaît,?\s+|por favor,?\s+)?(?:take a (?:moment|second|minute) to\s+)?` +
		`(?:(?:leave|give|drop) (?:a|it a|us a|me a|your|some) (?:comment|review|(?:star |5-star |five-star )?rating)|rate (?:this|the|my) (?:recipe|article|post)|deja (?:un|tu) comentario|val[óo]ra(?:la|lo)|hinterl(?:ass|äss)(?:e|t|en sie)? (?:mir |uns )?(?:gerne )?(?:einen|ein) (?:kommentar|bewertung|sternebewertung)|bewerte(?:n sie)? (?:das|dieses|mein) rezept|(?:laissez|laisse)(?:-moi)? un (?:commentaire|avis)|notez (?:cette|la) recette|lascia(?:mi)? un commento|vota (?:la|questa) ricetta|deixe (?:um|seu) comentário|avalie (?:a|esta) receita)\b`)
	namedNewsletter = regexp.MustCompile(`(?i)^\W*newsletter\s*[«"“„]`)
	// likedAsk is a site asking whether the reader liked the article,
	// to share it or rate it, or whether they have a tip for its
	// newsroom: an appeal that names no channel.
	likedAsk = regexp.MustCompile(`(?i)^\W*(?:(?:hat|haben) ihnen (?:dieser|der|unser) (?:artikel|beitrag|text) gefallen|(?:did you|do you) (?:like|enjoy) (?:this|our) (?:article|story|post)|(?:vous avez|avez-vous) aimé cet article|¿?(?:te|le) (?:ha )?gustado (?:este|el) artículo|ti è piaciuto (?:questo|l')\s?articolo|gostou (?:deste|do) artigo|cet article vous a plu` +
		// or whether they cooked the recipe,
		`|did you (?:make|try|cook|bake) (?:this|one of my|any of my|my) \pL+|(?:hast du|haben sie) (?:das|dieses|mein|unser|eines meiner) \pL+ (?:ausprobiert|nachgekocht|nachgebacken|gemacht|zubereitet)|(?:vous avez|avez-vous|tu as|as-tu) (?:testé|essayé|réalisé|fait) (?:cette|ce|ma|mon) \pL+|¿?(?:has|ha) (?:hecho|preparado|probado) (?:esta|este|mi) \pL+|hai (?:provato|fatto|preparato) (?:questa|questo|la mia|il mio) \pL+|(?:você )?(?:fez|testou|experimentou) (?:esta|este|a minha|o meu) \pL+|heb je (?:dit|dat|mijn) \pL+ (?:gemaakt|geprobeerd|gebakken)` +
		// or for a tip for its newsroom ("Have a tip? Email us.").
		`|(?:do you )?(?:have|got) (?:a |any )?(?:news )?tips?(?: for (?:us|the newsroom|our (?:reporters|newsroom)))?|(?:haben sie|hast du) (?:einen hinweis|einen tipp|eine anregung)(?: für (?:uns|die redaktion))?|(?:heb je|heeft u) een tip(?: voor (?:ons|de redactie))?|(?:vous avez|avez-vous) une (?:info|information|idée)(?: à nous (?:transmettre|signaler|confier))?|¿?(?:tienes|tiene) (?:una pista|información|un dato)(?: para (?:nosotros|la redacción))?|hai una segnalazione(?: da (?:farci|fare))?|(?:tem|você tem) uma (?:dica|sugestão de pauta|denúncia)|masz (?:temat|informację|sygnał)(?: dla nas)?|har du (?:ett |et )?tips?(?: til oss| till oss| til os)?)\s*\?`)
	ctaChannel = regexp.MustCompile(`(?i)newsletter|\b(?:tu|tua|su|sua|your|votre|ihre?)\s+(?:e-?mail|correo|casella|posta|boîte)\b|courriel|nieuwsbrief|newsbrief|inbox|mailbox|letterbox|postfach|\bapps?\b|\b(?:notre|nuestra|unsere[rn]?|la nostra|nossa) (?:appli(?:cation)?|aplicación|aplicativo|applicazione)\b|app store|google play|twitter|facebook|instagram|youtube|linkedin|tiktok|telegram|whatsapp|podcast|\brss\b|@\w|https?://|www\.|subscri|suscri|abonn|abbona|assin|iscri|inscri|member|mitglied|social media|réseaux sociaux|redes sociales|sozialen (?:medien|netzwerken)|social network|рассылк|розсилк|канал|дзен|вконтакте|\bvk\b|соцсет|соцмереж`)
	// Words that report what someone said or did: an appeal quoted in a
	// story is news, not the site's own.
	reported = regexp.MustCompile(`(?i)\b(?:said|says|told|according to|wrote|tweeted|posted|sagte|sagt|erklärte|schrieb|laut|a déclaré|a dit|selon|a écrit|dijo|afirmó|según|escribió|ha detto|secondo|disse|segundo|zei|volgens|powiedział|według)(?:[^\pL\pN]|$)|(?:^|[\s,])(?:сказал[аи]?|заявил[аи]?|сообщил[аи]?|написал[аи]?|по словам|по данным|сказав|заявив|повідомив|повідомила|за словами)`)
)

var ruleCommentPolicy = Rule{Name: "comment-policy",
	Doc: "removes a site's note on how reader comments are moderated or that they are closed (`Comments that insult other readers will not be approved`, `Kommentare werden vor der Freischaltung geprüft`, `Vous ne pouvez plus réagir à cet article`)",
	Apply: func(d *Draft) {
		for i := range d.Blocks {
			s := d.Blocks[i].Text
			if d.Blocks[i].Kind != KindQuote && len(s) <= 300 && containsFold(s, "omment", "oment", "eacti", "agir", "reageren") &&
				(commentWord.MatchString(s) && sentenceCount(s) <= 3 && moderationWord.MatchString(s) || wordCount(s) <= 12 && commentsClosed.MatchString(s)) &&
				!reported.MatchString(s) && !strings.ContainsAny(s, "\"“”„«»") {
				d.Blocks[i].Text = ""
			}
		}
	}}

var (
	// commentsClosed is a note that readers can no longer comment.
	commentsClosed = regexp.MustCompile(`(?i)^\W*(?:comments (?:are|have been) (?:now )?(?:closed|disabled|turned off)|commenting (?:is|has been) (?:now )?(?:closed|disabled)|comments (?:for|on) this (?:article|story|post) (?:are|have been) closed|(?:vous ne pouvez plus|il n'est plus possible de) (?:réagir|commenter)|les commentaires sont (?:désormais )?(?:fermés|clos|désactivés)|(?:die )?kommentar(?:funktion|e|bereich)? (?:ist|sind|wurde|wurden) (?:bereits )?(?:geschlossen|deaktiviert|abgeschaltet)|(?:los )?comentarios (?:están|han sido) (?:cerrados|desactivados)|(?:i )?commenti sono (?:chiusi|disattivati)|(?:os )?comentários (?:estão|foram) (?:fechados|encerrados|desativados)|reageren is (?:niet meer mogelijk|gesloten))`)
	commentWord    = regexp.MustCompile(`(?i)\b(?:comments?|commentaires?|comentários?|comentarios?|kommentare?|commenti|commento|reacties|reactie|komentarze?)\b`)
	moderationWord = regexp.MustCompile(`(?i)moderat|modérat|modéré|moderiert|gemodereerd|moderowan|\bapproved\b|\bapprouvés?\b|aprovados?|aprobados?|approvati|freigeschaltet|freigegeben|community (?:guidelines|standards|rules)|comment(?:ing)? policy|terms of use|netiquette|charte`)
)

// containsFold reports whether s holds one of subs (lower-case ASCII) in
// any case: a cheap test before a rule's expression.
func containsFold(s string, subs ...string) bool {
	for _, sub := range subs {
		for i := 0; i+len(sub) <= len(s); i++ {
			j := 0
			for j < len(sub) && s[i+j]|0x20 == sub[j] {
				j++
			}
			if j == len(sub) {
				return true
			}
		}
	}
	return false
}
