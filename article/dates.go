package article

import (
	"regexp"
	"strings"
	"time"
)

// parseDateLine parses a line that is only a date, the way sites print one
// in their header, in English, French, German, Spanish or Italian: "Sun.
// Apr 21st, 2024", "Sunday, April 21, 2024", "21 avril 2024", "Sonntag,
// 21. April 2024", "domingo, 21 de abril de 2024", "21 aprile 2024",
// "2024-04-21". Anything else on the line fails.
func parseDateLine(s string) (time.Time, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = weekday.ReplaceAllString(s, "")
	s = strings.NewReplacer("º", " ", "ª", " ").Replace(s)
	s = ordinal.ReplaceAllString(s, "$1")
	s = strings.NewReplacer(".", " ", ",", " ", "/", "-").Replace(s)
	var f []string
	for _, w := range strings.Fields(s) {
		// Spanish "21 de abril de 2024", Italian "del".
		if w != "de" && w != "del" {
			f = append(f, w)
		}
	}
	if len(f) == 0 || len(f) > 4 {
		return time.Time{}, false
	}
	for i, w := range f {
		if m, ok := monthNames[w]; ok {
			f[i] = m
		}
	}
	s = strings.Join(f, " ")
	for _, layout := range []string{
		"Jan 2 2006", "2 Jan 2006", "2006 Jan 2", "2006-01-02", "01-02-2006",
		// "21.04.2024": day first, as Europe writes it with dots.
		"2 1 2006",
		"Jan 2 2006 15:04", "2 Jan 2006 15:04", "2006-01-02 15:04",
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

var (
	weekday = regexp.MustCompile(`^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|` +
		`lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|` +
		`montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|mo|di|mi|do|fr|sa|so|` +
		`lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|` +
		`lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica)(?:[.,]\s*|\s+)`)
	ordinal = regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th|er|e)\b`)
)

// monthNames maps English, French, German, Spanish and Italian month
// names and their usual abbreviations to the abbreviations time.Parse
// knows.
var monthNames = func() map[string]string {
	m := map[string]string{}
	en := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	others := [][]string{
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
			"août", "septembre", "octobre", "novembre", "décembre"},
		{"januar", "februar", "märz", "april", "mai", "juni", "juli",
			"august", "september", "oktober", "november", "dezember"},
		{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
			"agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio",
			"agosto", "settembre", "ottobre", "novembre", "dicembre"},
		{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho",
			"agosto", "setembro", "outubro", "novembro", "dezembro"},
		{"januari", "februari", "maart", "april", "mei", "juni", "juli",
			"augustus", "september", "oktober", "november", "december"},
		{"januari", "februari", "mars", "april", "maj", "juni", "juli",
			"augusti", "september", "oktober", "november", "december"},
		{"januar", "februar", "marts", "april", "maj", "juni", "juli",
			"august", "september", "oktober", "november", "december"},
		// Polish dates name the month in the genitive ("12 marca 2026").
		{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
			"sierpnia", "września", "października", "listopada", "grudnia"},
		// Czech, Finnish, Russian, Ukrainian and Greek dates name it in
		// the genitive or partitive too ("17. března 2026", "11.
		// helmikuuta 2026", "2 ноября 2026", "20 жовтня 2026", "30
		// Απριλίου 2026"); Hungarian puts the year first ("2026. április
		// 9.").
		{"ledna", "února", "března", "dubna", "května", "června", "července",
			"srpna", "září", "října", "listopadu", "prosince"},
		{"ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie",
			"august", "septembrie", "octombrie", "noiembrie", "decembrie"},
		{"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz",
			"ağustos", "eylül", "ekim", "kasım", "aralık"},
		{"tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta",
			"elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"},
		{"január", "február", "március", "április", "május", "június", "július",
			"augusztus", "szeptember", "október", "november", "december"},
		{"januar", "februar", "mars", "april", "mai", "juni", "juli",
			"august", "september", "oktober", "november", "desember"},
		{"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
			"августа", "сентября", "октября", "ноября", "декабря"},
		{"січня", "лютого", "березня", "квітня", "травня", "червня", "липня",
			"серпня", "вересня", "жовтня", "листопада", "грудня"},
		{"ιανουαρίου", "φεβρουαρίου", "μαρτίου", "απριλίου", "μαΐου", "ιουνίου", "ιουλίου",
			"αυγούστου", "σεπτεμβρίου", "οκτωβρίου", "νοεμβρίου", "δεκεμβρίου"},
	}
	for i := range en {
		abbr := strings.ToUpper(en[i][:1]) + en[i][1:3]
		m[en[i]] = abbr
		m[en[i][:3]] = abbr
		for _, names := range others {
			m[names[i]] = abbr
		}
	}
	for short, abbr := range map[string]string{
		"sept": "Sep", "janv": "Jan", "févr": "Feb", "avr": "Apr", "juil": "Jul", "déc": "Dec",
		"jänner": "Jan", "mär": "Mar", "okt": "Oct", "dez": "Dec", "fev": "Feb",
		"ene": "Jan", "abr": "Apr", "ago": "Aug", "setiembre": "Sep", "dic": "Dec",
		"gen": "Jan", "mag": "May", "giu": "Jun", "lug": "Jul", "set": "Sep", "ott": "Oct",
	} {
		m[short] = abbr
	}
	return m
}()

// dateLineKind is what a short line that holds a date is.
type dateLineKind int

const (
	notDateLine dateLineKind = iota
	// dateOnly: a date and nothing else, its weekday at most ("Monday, 4
	// March 2024"). It may be text (a dated letter, a diary's day) or a
	// site's header: where it stands decides.
	dateOnly
	// dateStamp: a date with the words of a publication stamp around it:
	// a time, a time zone, "Updated", "From the section …", a comment
	// count ("Updated 4 March 2024, 14:05 GMT"). Page furniture.
	dateStamp
)

// classifyDateLine says whether s, a line of at most 120 bytes and 16
// words, is only a date, a publication stamp, or something else: a line
// is one of the first two only if it holds a written date (datePattern)
// and every other word is a weekday, a stamp word or a linking word.
func classifyDateLine(s string) dateLineKind {
	kind, _ := dateLineParts(s)
	return kind
}

// dateLineParts is classifyDateLine, and the name a stamp's byline part
// gives ("Posted by John Scalzi on 5 March 2024"), if any: a stamp may
// name its author.
func dateLineParts(s string) (kind dateLineKind, byline string) {
	if len(s) > 120 || wordCount(s) > 16 {
		return notDateLine, ""
	}
	rest := datePattern.ReplaceAllString(s, " ")
	if rest == s {
		return notDateLine, ""
	}
	kind = dateOnly
	// What follows a source label is the source's name, whatever it is.
	if loc := sourceLabel.FindStringIndex(rest); loc != nil {
		rest, kind = rest[:loc[0]], dateStamp
	}
	if m := stampByline.FindStringSubmatchIndex(rest); m != nil {
		byline, kind = rest[m[2]:m[3]], dateStamp
		rest = rest[:m[0]] + " " + rest[m[1]:]
	}
	for _, w := range dateLineWord.FindAllString(strings.ToLower(rest), -1) {
		switch {
		case w[0] >= '0' && w[0] <= '9':
			kind = dateStamp // a time, a count
		case weekdayNames[w] || linkingWords[w]:
		case stampWords[w]:
			kind = dateStamp
		default:
			return notDateLine, ""
		}
	}
	return kind, byline
}

// stampByline is the byline part of a stamp: "by", "Posted by", "par",
// "von", "por", "door" and a name of one to four capitalized words.
var stampByline = regexp.MustCompile(`(?:^|[\s|·•,;–—-])(?:(?i:posted|written|published|started|edited)\s+)?(?i:by|par|von|por|door)\s*:?\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})`)

// sourceLabel starts the part of a stamp that names the source or the
// section ("From the section US & Canada", "来源：河谷日报").
var sourceLabel = regexp.MustCompile(`(?i)(?:^|\s)(?:from the section|from\s*:|source\s*:|section\s*:|rubrique\s*:|publié dans|quelle\s*:)|(?:来源|來源|出处|出處|出典|ソース|출처)\s*[:：]`)

// dateLineWord is a word of a date line: letters (with inner hyphens and
// dots: "segunda-feira", "a.m") or digits.
var dateLineWord = regexp.MustCompile(`\p{L}+(?:[-.]\p{L}+)*|\d+`)

// Words of date lines, in the languages whose month names datePattern
// knows (English, French, Spanish, Portuguese, Italian, German, Dutch,
// Polish).
var (
	weekdayNames = setOf(
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
		"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
		"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
		"segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
		"segunda", "terça", "quarta", "quinta", "sexta", "feira",
		"lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
		"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
		"pondělí", "úterý", "středa", "čtvrtek", "pátek", "sobota", "neděle",
		"hétfő", "kedd", "szerda", "csütörtök", "péntek", "szombat", "vasárnap",
		"luni", "marți", "miercuri", "joi", "vineri", "sâmbătă", "duminică",
		"pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",
		"maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai",
		"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
		"понеділок", "вівторок", "середа", "четвер", "пʼятниця", "п'ятниця", "субота", "неділя",
		"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
		"poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela")
	// linkingWords join a date to its weekday or time ("on", "at", "le",
	// "am", "às").
	linkingWords = setOf("on", "at", "le", "à", "am", "um", "de", "del", "el", "em", "às", "a", "las", "il", "alle", "ore", "op", "om", "w", "o")
	// stampWords are a publication stamp's labels, times and counts.
	stampWords = setOf(
		"updated", "update", "published", "posted", "modified", "last", "first", "created", "edited", "date", "dated", "reviewed",
		"mis", "mise", "jour", "dernière", "publié", "publiée", "modifié", "actualisé",
		"aktualisiert", "zuletzt", "veröffentlicht", "erstellt", "stand", "geändert",
		"actualizado", "actualizada", "actualización", "última", "publicado", "publicada", "atualizado", "atualizada", "atualização",
		"aggiornato", "aggiornata", "aggiornamento", "ultimo", "pubblicato", "pubblicata",
		"bijgewerkt", "gepubliceerd", "opublikowano", "zaktualizowano",
		"publicerad", "uppdaterad", "publiceret", "opdateret", "publisert", "oppdatert", "kl", "julkaistu", "päivitetty",
		"publikováno", "aktualizováno", "publikované", "aktualizované", "publicat", "actualizat", "yayınlanma", "güncelleme", "güncellenme", "tarihi",
		"frissítve", "frissítés", "közzétéve", "δημοσίευση", "ενημέρωση", "опубликовано", "обновлено", "опубліковано", "оновлено",
		// A release's label before its date ("Pressemitteilung vom
		// 28.04.2026", "Press release, 3 March 2026").
		"pressemitteilung", "pressemeldung", "pressemitteilungen", "medienmitteilung", "meldung", "vom", "press", "release",
		"communiqué", "comunicado", "comunicato", "stampa", "persbericht", "komunikat", "prasowy", "pressmeddelande", "pressemeddelelse", "tiedote",
		"tisková", "zpráva", "tlačová", "správa", "ze", "zo", "dne", "dňa", "comunicat", "presă", "din", "sajtóközlemény", "basın", "bülteni", "δελτίο", "τύπου", "пресс-релиз", "прес-реліз", "от", "від",
		"uhr", "h", "am", "pm", "a.m", "p.m", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt",
		"mst", "mdt", "pst", "pdt", "et", "pt", "ct", "mez", "mesz", "ist", "aest", "aedt", "jst", "hkt",
		"comment", "comments", "commentaire", "commentaires", "kommentar", "kommentare", "comentario",
		"comentarios", "comentário", "comentários", "commento", "commenti", "reactie", "reacties",
		"share", "shares", "min", "mins", "minute", "minutes", "read", "lecture", "lesezeit",
		// A time since ("2 hours ago", "vor 2 Stunden", "há 2 horas").
		"ago", "hour", "hours", "vor", "stunde", "stunden", "minuten", "il", "y", "heure", "heures",
		"hace", "hora", "horas", "minuto", "minutos", "há", "fa", "ora", "ore", "minuti", "geleden", "uur", "minuut", "temu", "godz", "godziny", "godzin",
		// Chinese, Japanese, Korean: hours, minutes, seconds, morning and
		// afternoon, published, updated.
		"時", "时", "点", "分", "秒", "시", "분", "초", "午前", "午後", "上午", "下午", "오전", "오후",
		"发布", "發佈", "发表", "發表", "更新", "公開", "配信", "掲載", "投稿", "입력", "수정", "작성")
)
