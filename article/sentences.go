package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/sentences"

	"github.com/narrate-dev/narrate/article/spoken"
)

// Span is a byte range [Start, End) of a text.
type Span struct {
	Start, End int
}

// Sentences splits text into sentences. The spans are in order, cover the
// whole text with no gap (each sentence keeps its trailing white space),
// and never cut a UTF-8 sequence. Boundaries come from Unicode sentence
// segmentation (UAX #29); a break after an abbreviation or an initial
// ("Mr. De Kerckhove", "M. Macron", "J. Smith") is undone. lang ("en",
// "fr-CA"; "" for any) picks extra abbreviations.
func Sentences(text, lang string) []Span {
	if text == "" {
		return nil
	}
	var spans []Span
	it := sentences.FromString(text)
	for it.Next() {
		s := Span{it.Start(), it.End()}
		if n := len(spans); n > 0 && joinsNext(text[spans[n-1].Start:spans[n-1].End], text[s.Start:s.End], lang) {
			spans[n-1].End = s.End
			continue
		}
		spans = append(spans, s)
	}
	return spans
}

// SentenceTexts returns the sentences of text as strings, trimmed.
func SentenceTexts(text, lang string) []string {
	var out []string
	for _, s := range Sentences(text, lang) {
		if t := strings.TrimSpace(text[s.Start:s.End]); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// joinsNext reports whether the break between prev and next is wrong: prev
// ends with an abbreviation or an initial, on the same line.
func joinsNext(prev, next, lang string) bool {
	trimmed := strings.TrimRightFunc(prev, unicode.IsSpace)
	if trimmed == "" || strings.ContainsAny(prev[len(trimmed):], "\n\r\u2028\u2029") {
		return false
	}
	// UAX #29 breaks after "!" or "?" even when the text goes on in lower
	// case (`that "a-ha!" moment`); a sentence does not start that way.
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(next, ` "'“‘«(`)); unicode.IsLower(r) {
		return true
	}
	// Nor with a slash or a comma glued to the full stop: "Sa./So.", two
	// abbreviations as alternatives.
	if strings.ContainsRune("/,;", rune(next[0])) && trimmed == prev {
		return true
	}
	// Japanese quotes a sentence and goes on with a particle:
	// 「ずっと残ってほしい！」と語った。 is one sentence.
	if (strings.HasSuffix(trimmed, "」") || strings.HasSuffix(trimmed, "』")) &&
		(strings.HasPrefix(next, "と") || strings.HasPrefix(next, "って")) {
		return true
	}
	if !strings.HasSuffix(trimmed, ".") {
		return false
	}
	// A German ordinal's full stop ("am 9. November", "ihr 80.
	// Geburtstag") is read with what follows it.
	if spoken.ContinuesAfter(lang, trimmed, next) {
		return true
	}
	i := strings.LastIndexFunc(trimmed, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`("'“‘«[`, r)
	})
	word := trimmed[i+1:]
	if i >= 0 {
		_, n := utf8.DecodeRuneInString(trimmed[i:])
		word = trimmed[i+n:]
	}
	word = strings.TrimSuffix(word, ".")
	if word == "" {
		return false
	}
	// A single capital: an initial ("J. Smith"), unless the next part is
	// long enough to be a sentence on its own after a one-letter word
	// ending a sentence ("… plan B. The next…" is rare in news).
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) {
			return true
		}
		if isAbbreviation(word, lang) {
			return true // "Smith v. Jones"
		}
		// A spaced abbreviation of single letters, as German and French
		// write them: "z. B. Brot" goes on after "z.", and "d. h.
		// Roggenbrot" after "h." when "d.h." is an abbreviation.
		if spacedNext.MatchString(next) {
			return true
		}
		// Only the end of prev can hold it; prev grows with each join.
		if m := spacedEnd.FindStringSubmatch(trimmed[max(0, len(trimmed)-64):]); m != nil {
			return isAbbreviation(strings.ToLower(strings.ReplaceAll(strings.TrimSuffix(m[1], "."), " ", "")), lang)
		}
		return false
	}
	// A dotted initialism before a number that ends the text: "Washington,
	// D.C. 20500." is one sentence, its ZIP code no sentence of its own.
	if strings.Contains(word, ".") && numberOnly.MatchString(next) {
		return true
	}
	// An imperial unit's abbreviation before the next number of the same
	// measure: "1 lb. 12 oz.", "5 ft. 10 in.".
	if dottedUnitWords[strings.ToLower(word)] && next != "" && unicode.IsDigit(rune(next[0])) {
		return true
	}
	return isAbbreviation(strings.ToLower(word), lang)
}

var (
	// spacedNext is text that starts with a letter and a full stop, alone.
	spacedNext = regexp.MustCompile(`^\pL\.(?:\s|$)`)
	// spacedEnd is text that ends with single letters, each with a full
	// stop and a space between: "d. h.".
	spacedEnd       = regexp.MustCompile(`(?:^|\s)(\pL\.(?: \pL\.)+)$`)
	dottedUnitWords = setOf("lb", "lbs", "oz", "ft", "yd", "yds")
	// numberOnly is a number alone, with its closing marks: "20500.",
	// "20001-4956.)".
	numberOnly = regexp.MustCompile(`^\d[\d\-.,]*[.!?]?["')\]”’]*\s*$`)
)

// isAbbreviation reports whether key (lower case, without its final full
// stop) is an abbreviation that does not end a sentence in lang.
func isAbbreviation(key, lang string) bool {
	if abbreviations[key] {
		return true
	}
	switch baseLang(lang) {
	case "fr":
		return abbreviationsFR[key]
	case "es":
		return abbreviationsES[key]
	case "de":
		return abbreviationsDE[key]
	case "it":
		return abbreviationsIT[key]
	case "pt":
		return abbreviationsPT[key]
	case "":
		return abbreviationsFR[key] || abbreviationsES[key] || abbreviationsDE[key] || abbreviationsIT[key]
	}
	return false
}

func baseLang(lang string) string {
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	return lang
}

// Abbreviations that end with a full stop without ending a sentence,
// lower-cased and without their final dot. Dotted ones ("u.s", "e.g") are
// matched whole.
var (
	abbreviations = setOf("mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "gov", "incl", "excl",
		"sen", "rep", "lt", "col", "capt", "sgt", "maj", "cmdr", "adm", "rev", "hon", "mt",
		"ft", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "u.s.a", "a.m", "p.m", "no",
		"nos", "vol", "pp", "fig", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr",
		"jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "dept",
		"univ", "ave", "blvd", "rd", "pres", "cpl", "supt", "det", "insp", "apt", "bldg", "v")
	abbreviationsFR = setOf("m", "mm", "mme", "mmes", "mlle", "mlles", "pr", "me", "ste",
		"av", "bd", "env", "p.ex", "cf", "éd", "chap", "art", "min", "tél")
	abbreviationsES = setOf("sr", "sra", "srta", "dra", "ud", "uds", "lic", "ing", "arq",
		"pág", "núm", "av", "avda", "gral", "ee.uu", "p.ej", "mill", "dip", "profa")
	// German abbreviations that stand before what they qualify ("mind.
	// 18 Jahre", "inkl. Versand", "§§ 823 ff. BGB", "Art. 5 GG", "geb.
	// Müller"): a break after them cut the phrase, and the voice heard
	// "mindestens." and a pause before the number. Those that often end
	// a sentence ("im 12. Jh.") are not here: German capitalizes its
	// nouns, so a capital after them tells nothing.
	abbreviationsDE = setOf("hr", "fr", "bgbl", "z.b", "bzw", "usw", "ca", "nr", "str", "d.h", "zw",
		"u.a", "s.o", "vgl", "dt", "evtl", "ggf", "mio", "mrd", "tsd",
		"mind", "inkl", "exkl", "zzgl", "bzgl", "ggü", "gem", "sog", "insb", "lt", "ff",
		"abs", "art", "hrsg", "geb", "gest", "verh", "max", "tel", "z.t", "zzt",
		"u.u", "o.g", "m.e", "a.d", "v.chr", "n.chr", "dipl", "allg", "einschl", "ehem")
	abbreviationsIT = setOf("sig", "sigg", "dott", "prof", "avv", "ing", "on", "pag", "ecc", "mln",
		"mld", "n", "s.p.a", "c.a")
	// Portuguese titles before a name ("a Sra. Costa", "a Dra. Ana", "o
	// Eng. Rui") and words before a number ("n.º 5", "séc. XX", "pág.
	// 12", "art. 5"): the break after them made the voice pause in the
	// phrase.
	abbreviationsPT = setOf("sra", "srta", "srs", "dra", "drs", "profa", "eng", "exmo", "exma", "sto", "sta",
		"pe", "av", "pça", "pág", "págs", "núm", "n.º", "nº", "séc", "sécs", "art", "arts", "cap", "tel",
		"tlm", "aprox", "p.ex", "cel", "dep")
)
