package spoken

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A German clause puts the verb that governs a noun at its end whenever
// the finite verb is an auxiliary, a modal or a separable verb's stem,
// and in every clause a conjunction opens: "Er will 1 Freund helfen"
// (einem: "helfen" takes the dative), "Sie muss 1 Tag bleiben" (einen: a
// span), "Er hört 1 Kollegen zu" (einem: "zuhören"), "Er hat 1 Nachbarn
// geholfen", "weil er 1 Hund hat" (einen). The case of "1" before such a
// noun is read from the clause's last words, found in the text after the
// number (the window the callers give).

// deClauseEnd is the last word of the clause that runs on in after and
// the word before it, and whether the clause was seen to end: at a
// punctuation mark or a conjunction that opens another clause. A clause
// that runs past the window, or into "und" or "oder" (which may join
// two nouns), is not known to end: closed is then false.
func deClauseEnd(after string) (last, prev string, closed bool) {
	s := after
	var words []string
	for {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			// The text's end, unless the window cut it.
			closed = len(after) < maxToken-utf8.UTFMax
			break
		}
		k := deWordLen(s)
		if k == 0 {
			closed = strings.ContainsRune(".!?;:,)–—\"„“”»«", []rune(s)[0]) && (s[0] != '.' || !deNumberAfterStop(s))
			break
		}
		if k < 0 {
			k = len(s)
		}
		w := s[:k]
		if deClauseOpeners[w] {
			closed = true
			break
		}
		if w == "und" || w == "oder" {
			if n := strings.TrimLeft(s[k:], " "); n == "" || !unicode.IsDigit([]rune(n)[0]) {
				break // another clause, or nouns whose number is not read here
			}
		}
		words = append(words, w)
		s = s[k:]
	}
	if len(words) == 0 {
		return "", "", false
	}
	last = words[len(words)-1]
	if len(words) > 1 {
		prev = words[len(words)-2]
	}
	return last, prev, closed
}

// deWordLen is the length of the word s starts with: letters and
// hyphens, or a number with its inner marks ("1.200", "2,5").
func deWordLen(s string) int {
	k := 0
	for k < len(s) {
		r, size := utf8.DecodeRuneInString(s[k:])
		inner := (r == '.' || r == ',') && k > 0 && k+1 < len(s) && unicode.IsDigit(rune(s[k-1])) && unicode.IsDigit(rune(s[k+1]))
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && !inner {
			break
		}
		k += size
	}
	return k
}

// deNumberAfterStop reports whether s, which starts with a full stop,
// is an ordinal's or an abbreviation's stop rather than a sentence's end:
// a letter in lower case or a digit comes next.
func deNumberAfterStop(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[1:], " "))
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

// deClosingCase is the case of the noun after the finite verb finite
// (in lower case) whose subject is a pronoun, when the clause's end
// (after, the text after the number) tells it; ok is false where it does
// not. After a modal or the future's "werden" the infinitive at the
// end decides ("Er kann 1 Tag bleiben", "Er will 1 Freund helfen"), and
// a modal without one is a verb of its own that takes the accusative
// ("Ich möchte 1 Kaffee."); after "haben" or "sein" a participle that
// takes the dative ("Er hat 1 Nachbarn geholfen", "Sie ist 1 Mann
// begegnet"); after a separable verb's stem its particle ("Er hört 1
// Kollegen zu", "Sie stimmt 1 Antrag zu"), the two being one verb.
func deClosingCase(finite, after string) (deCase, bool) {
	last, prev, closed := deClauseEnd(after)
	if last == "" || !unicode.IsLower([]rune(last)[0]) {
		if deModals[finite] && closed && last != "" && !deFutureForms[finite] {
			// "Ich möchte 1 Kaffee.": no infinitive, the modal is
			// the clause's only verb.
			return deAcc, true
		}
		return deNom, false
	}
	switch {
	case deModals[finite] || deFutureForms[finite]:
		if !deInfinitive(last) {
			return deNom, false
		}
		return deInfinitiveCase(last, prev), true
	case deHabenForms[finite] || deSeinForms[finite]:
		if deDativeParticiples[last] {
			return deDat, true
		}
	case deSeparableParticles[last]:
		if deDativeVerb(last + finite) {
			return deDat, true
		}
	}
	return deNom, false
}

// deSubordinateCase is the case of the noun after a subject pronoun in
// a clause a conjunction opens ("weil er 1 Tag warten musste", "dass
// sie 1 Kollegen hilft"), whose verbs stand at its end: the finite one
// last, an infinitive or a participle before it. ok is false where the
// clause is not seen to end or its last word is no verb's form.
func deSubordinateCase(after string) (deCase, bool) {
	last, prev, closed := deClauseEnd(after)
	if !closed || last == "" || !deFiniteVerb(last) || deSeparableParticles[last] {
		return deNom, false
	}
	switch {
	case deModals[last] || deFutureForms[last]:
		if !deInfinitive(prev) {
			return deNom, false
		}
		return deInfinitiveCase(prev, ""), true
	case deHabenForms[last] || deSeinForms[last]:
		if deDativeParticiples[prev] {
			return deDat, true
		}
		if deBeingParticiples[prev] || deSeinForms[last] && !deInfinitive(prev) && !strings.HasPrefix(prev, "ge") {
			return deNom, true // "dass er 1 Freund gewesen ist", "dass er 1 Freund ist"
		}
		if deHabenForms[last] {
			return deAcc, true // "weil sie 1 Hund hat", "weil er 1 Mann gesehen hat"
		}
		return deNom, false
	case deBeingVerbForms[last]:
		return deNom, true
	case deDativeVerb(last):
		return deDat, true
	case deVerbEnding(last):
		return deAcc, true
	}
	return deNom, false
}

// deSpanNoun reports whether next names a span of time or a count of
// times ("Tag", "Mal"): such a noun after a verb is its adverbial
// accusative, never the object the verb governs ("Er half 1 Tag lang",
// "Sie stimmt 1 Mal zu").
func deSpanNoun(next string) bool { return deTimeNouns[next] || next == "Mal" }

// deAdverbFirst reports whether before, the text before a finite verb,
// is a clause's first place held by an adverb of time alone ("Gestern
// hat", "Dann gewann"): the subject then comes after the verb.
func deAdverbFirst(before string) bool {
	s := strings.TrimRightFunc(before, unicode.IsSpace)
	w := prevWord(s, len(s))
	if w == "" || !strings.HasSuffix(s, w) || !deFirstPlaceAdverbs[strings.ToLower(w)] {
		return false
	}
	s = strings.TrimRightFunc(strings.TrimSuffix(s, w), unicode.IsSpace)
	return s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:;\n\"„“»«")
}

// deInfinitiveCase is the case the infinitive inf gives the noun before
// it, prev being the word before inf: the nominative after a verb of
// being ("Er will 1 Freund sein", "… 1 Freund gewesen sein"), the
// dative after a verb that takes it ("helfen", "zuhören", "… geholfen
// haben"), the accusative after any other.
func deInfinitiveCase(inf, prev string) deCase {
	switch {
	case deDativeParticiples[prev] && (inf == "haben" || inf == "sein"):
		return deDat
	case inf == "sein" || inf == "werden" && !deParticipleShape(prev) || inf == "bleiben" || inf == "heißen":
		return deNom
	case inf == "werden":
		return deNom // a passive's: "Er soll 1 Tag behandelt werden"; a span takes the accusative
	case deDativeVerb(inf):
		return deDat
	}
	return deAcc
}

// deInfinitive reports whether w, a clause's last word in lower case,
// is an infinitive: "-en", "-ern", "-eln", "sein", "tun", none of the
// adverbs and prepositions that end so.
func deInfinitive(w string) bool {
	if w == "sein" || w == "tun" || strings.HasSuffix(w, "-tun") {
		return true
	}
	return utf8.RuneCountInString(w) > 3 && (strings.HasSuffix(w, "en") || strings.HasSuffix(w, "ern") ||
		strings.HasSuffix(w, "eln")) && !deNotInfinitives[w]
}

// deParticipleShape reports whether w looks like a past participle: "ge-"
// before "-t" or "-en", or a verb of "-ieren" ("operiert").
func deParticipleShape(w string) bool {
	return strings.Contains(w, "ge") && (strings.HasSuffix(w, "t") || strings.HasSuffix(w, "en")) || strings.HasSuffix(w, "iert")
}

// deVerbEnding reports whether w may be a finite verb at a clause's end:
// the endings of the present and the past ("kam" is a strong past, whose
// forms have none; those are taken too where nothing else fits).
func deVerbEnding(w string) bool {
	return utf8.RuneCountInString(w) >= 3 && !deNotInfinitives[w] && !deAdverbEnds[w]
}

var (
	// deClauseOpeners start a clause of their own.
	deClauseOpeners = setOf("dass", "daß", "weil", "wenn", "ob", "obwohl", "nachdem", "bevor", "damit", "sondern",
		"denn", "aber", "falls", "sobald", "sodass", "während", "wo")
	// deSubordinators open a clause whose finite verb comes last.
	deSubordinators = setOf("dass", "daß", "weil", "wenn", "ob", "obwohl", "obgleich", "nachdem", "bevor", "ehe",
		"falls", "sobald", "solange", "sodass", "damit", "seitdem", "als", "da")
	deFutureForms = setOf("wird", "werden", "wirst", "werdet", "werde", "würde", "würden", "würdest", "würdet")
	deHabenForms  = setOf("hat", "haben", "hatte", "hatten", "habe", "hast", "habt", "hätte", "hätten", "hattest")
	deSeinForms   = setOf("ist", "sind", "bin", "bist", "seid", "war", "waren", "warst", "wart", "wäre", "wären", "sei",
		"seien")
	// deFirstPlaceAdverbs are adverbs of time that hold a main clause's
	// first place on their own.
	deFirstPlaceAdverbs = setOf("gestern", "heute", "morgen", "dann", "danach", "nun", "jetzt", "damals", "zuvor",
		"inzwischen", "bisher", "zuletzt", "später", "vorher", "anschließend", "schließlich", "kürzlich", "neulich")
	// deBeingParticiples are the participles of the verbs of being.
	deBeingParticiples = setOf("gewesen", "geworden", "geblieben")
	// deDativeParticiples are the participles of the verbs that take
	// their object in the dative ("gehört" is also "hören"'s, "gefallen"
	// also "fallen"'s: both left out).
	deDativeParticiples = setOf("geholfen", "gefolgt", "gedankt", "geantwortet", "begegnet", "gratuliert", "vertraut",
		"misstraut", "geschadet", "gedroht", "gedient", "geähnelt", "geglichen", "geschmeichelt", "gehorcht",
		"applaudiert", "kondoliert", "zugehört", "zugestimmt", "widersprochen", "gefehlt", "widerstanden",
		"beigestanden", "assistiert", "zugesehen", "zugeschaut", "beigetreten", "ausgewichen", "nachgegangen",
		"entgegengekommen", "zuvorgekommen", "nachgelaufen")
	// deSeparableParticles are the particles a separable verb leaves at
	// its clause's end.
	deSeparableParticles = setOf("an", "auf", "aus", "bei", "ein", "mit", "nach", "vor", "zu", "ab", "zurück",
		"entgegen", "zuvor", "weg", "fest", "los", "hinterher", "nach")
	// deNotInfinitives end as an infinitive does but are adverbs,
	// prepositions or pronouns.
	deNotInfinitives = setOf("morgen", "gestern", "oben", "unten", "innen", "außen", "neben", "eben", "gegen",
		"zusammen", "wegen", "zwischen", "seinen", "ihren", "einen", "allen", "vielen", "beiden", "anderen",
		"deren", "dessen", "denen", "trocken", "offen", "eigen", "selten", "golden", "seiden", "hinten", "vorn",
		"vorne", "drinnen", "draußen", "übermorgen", "vorgestern", "unterwegs", "wesentlichen", "übrigen",
		"ganzen", "meisten", "letzten", "ersten", "nächsten", "besten", "stunden", "minuten")
	// deAdverbEnds are words that end a clause but are no verb.
	deAdverbEnds = setOf("auch", "nicht", "noch", "schon", "nur", "mehr", "weniger", "lang", "lange", "später",
		"früher", "wieder", "immer", "nie", "sehr", "viel", "gern", "gerne", "hier", "dort", "da", "jetzt", "heute",
		"bald", "dann", "zurück", "pro", "je", "etwa", "allein", "selbst", "mal", "vorher", "nachher", "danach",
		"davor", "damals", "insgesamt", "zusätzlich", "bereits", "gerade", "genau", "frei", "alt", "jung", "spät",
		"zu", "weit", "hoch", "tief", "breit", "groß", "klein", "schwer")
)
