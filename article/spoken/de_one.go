package spoken

import (
	"regexp"
	"strings"
	"unicode"
)

// deOneOf says "1" standing for one of a group (or before an adjective,
// deOneBeforeAdjective) ("bei 1 von 10
// Patienten", "1 von 3 Deutschen"): the pronoun "einer", declined by
// the case the words before it govern (deCaseBefore) and by the gender
// of the group's noun (dePluralGender): "bei einem von zehn Patienten",
// "mit einer von drei Stimmen", "für einen von fünf Befragten", "Einer
// von drei Deutschen …" at a sentence's start, where it is the subject.
// ok is false where neither the case nor the gender is certain: the
// number then stays "eins".
func deOneOf(before, after string) (string, bool) {
	m := deOneOfRe.FindStringSubmatch(after)
	if m == nil {
		return deOneBeforeAdjective(before, after)
	}
	g, sure := dePluralGender(m[1])
	if g == plain {
		return "", false
	}
	c := deCaseBefore(before, "", after)
	if c == deNom {
		prev := strings.ToLower(prevWord(before, len(before)))
		switch {
		case prev == "in":
			c = deDat // "in einem von zehn Fällen": where, not whither
		case !deClauseStart(before):
			return "", false // "es traf 1 von 10": the verb decides
		}
	}
	switch c {
	case deDat:
		return pick(g == fem, "einer", "einem"), true
	case deGen:
		return pick(g == fem, "einer", "eines"), true
	}
	// The nominative and the accusative tell the masculine from the
	// neuter: only a noun whose gender is sure is declined.
	switch {
	case g == fem:
		return "eine", true
	case !sure:
		return "", false
	case g == neut:
		return "eines", true
	case c == deAcc:
		return "einen", true
	}
	return "einer", true
}

// deOneOfRe is what follows "1" that makes it one of a group: "von" or
// "aus", a number, maybe an adjective, and the group's noun.
var deOneOfRe = regexp.MustCompile(`^ (?:von|aus) (?:den |allen |diesen )?\d[\d.]* (?:[a-zäöüß]+(?:en|er|e) )?(\p{Lu}[\p{L}]+)\b`)

// deClauseStart reports whether a clause starts after before: nothing,
// or a sentence's end or a colon, maybe with an adverb of quantity
// ("Nur 1 von 10 …", "Etwa 1 von 5 …").
func deClauseStart(before string) bool {
	s := strings.TrimRightFunc(before, unicode.IsSpace)
	if w := prevWord(s, len(s)); w != "" && deQuantityAdverbs[strings.ToLower(w)] && strings.HasSuffix(s, w) {
		s = strings.TrimRightFunc(strings.TrimSuffix(s, w), unicode.IsSpace)
	}
	return s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:\n")
}

// dePluralGender is the gender of a German noun in the plural (its
// dative after "von 10": "Patienten", "Frauen", "Kindern"), from the
// endings that tell it; sure is false where only "not feminine" is
// certain, the masculine and the neuter having one plural form in common
// ("Häusern", "Fällen"). plain: unknown ("Stimmen" is Stimme's,
// "Patienten" Patient's).
func dePluralGender(w string) (g gender, sure bool) {
	lw := strings.ToLower(w)
	if g, ok := dePlurals[lw]; ok {
		return g, true
	}
	for _, s := range dePluralFem {
		if strings.HasSuffix(lw, s) {
			return fem, true
		}
	}
	for _, s := range dePluralMasc {
		if strings.HasSuffix(lw, s) {
			return masc, true
		}
	}
	if deNominalAdjective(w) {
		return masc, true // "Befragten", "Angestellten": the generic masculine
	}
	if strings.HasSuffix(lw, "ern") && len(lw) > 5 {
		// "Bürgern", "Kindern": the plural of a noun in -er, or of a
		// neuter with -er ("Kind", "Land"); a feminine has "-ern" only
		// in "Müttern", "Töchtern", "Schwestern".
		if lw == "müttern" || lw == "töchtern" || strings.HasSuffix(lw, "schwestern") {
			return fem, true
		}
		stem := w[:len(w)-3]
		for _, s := range deNeuter {
			if strings.HasSuffix(strings.ToLower(stem), s) {
				return neut, true
			}
		}
		return masc, false
	}
	return plain, false
}

var (
	dePluralFem = []string{"innen", "ungen", "heiten", "keiten", "schaften", "ionen", "täten", "eien", "frauen",
		"personen", "familien", "nächten", "städten"}
	dePluralMasc = []string{"enten", "anten", "isten", "logen", "grafen", "graphen", "nauten", "männern", "menschen",
		"kunden", "kollegen", "zeugen", "fällen", "ärzten", "staaten"}
	dePlurals = map[string]gender{"kinder": neut, "kindern": neut, "ländern": neut, "mitgliedern": neut,
		"unternehmen": neut, "haushalten": masc, "betrieben": masc, "jahren": neut, "tagen": masc, "spielen": neut,
		"schulen": fem, "firmen": fem, "kliniken": fem, "gemeinden": fem, "kommunen": fem, "wochen": fem,
		"stunden": fem, "minuten": fem, "stimmen": fem, "fragen": fem, "proben": fem, "tests": masc}
)

// deNominalAdjective reports whether w is an adjective or a participle
// used as a noun, in -en (its form after "ein" in the accusative and
// the dative, and its plural): "Toten", "Verletzten", "Befragten",
// "Jugendlichen", "Erwachsenen", "Studierenden". Such a word after "1"
// is a masculine's accusative or dative: "einen Toten".
func deNominalAdjective(w string) bool {
	if !isCapitalized(w) {
		return false
	}
	lw := strings.ToLower(w)
	if deNominalAdjectives[lw] {
		return true
	}
	if len(lw) < 8 {
		return false
	}
	for _, s := range []string{"lichen", "igten", "ierten", "ierenden"} {
		if strings.HasSuffix(lw, s) {
			return true
		}
	}
	if strings.HasSuffix(lw, "igen") && !strings.HasSuffix(lw, "eigen") {
		return true // "Verdächtigen", "Freiwilligen", "Angehörigen"
	}
	// A participle: a verb's prefix and its ending ("Beschuldigten",
	// "Angestellten", "Verletzten", "Vermissten", "Gefangenen").
	for _, p := range []string{"be", "ge", "ver", "er", "ent", "an", "ab", "aus", "fest", "zu"} {
		if !strings.HasPrefix(lw, p) {
			continue
		}
		for _, s := range []string{"llten", "gten", "tzten", "ssten", "pften", "nkten", "enen"} {
			if strings.HasSuffix(lw, s) {
				return true
			}
		}
	}
	return false
}

var deNominalAdjectives = setOf("toten", "verletzten", "schwerverletzten", "leichtverletzten", "deutschen",
	"erwachsenen", "jugendlichen", "angestellten", "beamten", "kranken", "verdächtigen", "beschuldigten",
	"abgeordneten", "verwandten", "bekannten", "arbeitslosen", "freiwilligen", "infizierten", "geimpften",
	"getöteten", "vermissten", "betroffenen", "gefangenen", "festgenommenen", "verstorbenen", "überlebenden",
	"reisenden", "studierenden", "auszubildenden", "obdachlosen", "geflüchteten", "erkrankten", "befragten",
	"beschäftigten", "delegierten", "vorsitzenden", "angeklagten", "verhafteten")

// deObliqueMasculine reports whether w, after "1", is a masculine noun in
// a form that is not the nominative: an adjective used as a noun
// ("Toten") or a weak noun ("Patienten", "Polizisten", "Menschen",
// "Kollegen"), whose -en says the accusative or the dative.
func deObliqueMasculine(w string) bool {
	if deNominalAdjective(w) {
		return true
	}
	lw := strings.ToLower(w)
	for _, s := range deWeakMasculine {
		if strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
}

var deWeakMasculine = []string{"enten", "anten", "isten", "logen", "grafen", "graphen", "nauten", "menschen",
	"kollegen", "zeugen", "kunden", "nachbarn", "bauern", "herrn", "jungen", "löwen", "soldaten", "piloten"}

// deOneBeforeAdjective says "1" before an adjective and its noun, the
// article "ein" in the form the adjective's ending and the noun's gender
// make together (Duden's mixed declension): "in 1 neues Werk" ein neues,
// "1 neuer Rekord" ein neuer, "1 schwere Niederlage" eine, "stellte 1
// neuen Rekord auf" einen (a masculine's -en after "ein" is not the
// nominative), "mit 1 neuen Auto" einem, "nach 1 langen Nacht" einer.
// ok is false where the two do not agree or the case stays open.
func deOneBeforeAdjective(before, after string) (string, bool) {
	m := deAdjNounRe.FindStringSubmatch(after)
	if m == nil || deNotAdjectives[m[1]] {
		return "", false
	}
	adj, noun := m[1], m[2]
	g := deNounGender(noun)
	c := deCaseBefore(before, noun, after)
	switch {
	case g == plain:
		return "", false
	case strings.HasSuffix(adj, "er"):
		if g != masc || c != deNom {
			return "", false
		}
		return "ein", true
	case strings.HasSuffix(adj, "es"):
		if g != neut || c == deDat || c == deGen {
			return "", false
		}
		return "ein", true
	case strings.HasSuffix(adj, "en"):
		switch {
		case g == fem:
			return "einer", true // the dative's or the genitive's
		case c == deGen:
			return "eines", true
		case c == deDat || deTwoWayPreps[strings.ToLower(prevWord(before, len(before)))]:
			return "einem", true // "in 1 kleinen Dorf": where
		case g == masc:
			return "einen", true
		}
		return "", false
	case strings.HasSuffix(adj, "e"):
		if g != fem {
			return "", false
		}
		if c == deDat || c == deGen {
			return "", false
		}
		return "eine", true
	}
	return "", false
}

var (
	// deAdjNounRe is a declined adjective, maybe after an adverb, and its
	// noun.
	deAdjNounRe = regexp.MustCompile(`^ ([a-zäöüß]{2,}(?:e|er|es|en)) (\p{Lu}[\p{L}]+)\b`)
	// deNotAdjectives end as a declined adjective does but are none.
	deNotAdjectives = setOf("oder", "aber", "über", "unter", "hinter", "immer", "wieder", "weiter", "mehr", "weniger",
		"später", "früher", "seiner", "ihrer", "unserer", "euer", "jeder", "jede", "jedes", "jeden", "keine",
		"keiner", "keines", "keinen", "diese", "dieser", "dieses", "diesen", "eine", "einer", "eines", "einen",
		"der", "die", "den", "des", "dem", "sehr", "sowie", "sondern", "außer", "nebenher", "vorher", "nachher",
		"bisher", "daher", "woher", "seither", "pro",
		"je", "bzw", "beziehungsweise", "gegen", "zwischen", "neben", "innen", "außen", "oben", "unten", "eben",
		"heute", "gerne", "gestern", "morgen", "stunden", "minuten", "millionen", "milliarden", "tausend")
	deTwoWayPreps = setOf("in", "an", "auf", "über", "unter", "vor", "hinter", "neben", "zwischen")
)
