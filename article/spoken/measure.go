package spoken

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// percentWords are the signs and words for "percent" in every language.
const percentWords = `(%|‰|per ?cent\b|percent\b|pct\b|Prozent\b|pour ?cent\b|por ?ciento\b|per ?cento\b)`

var (
	percentRe      = `^([-−+±])?(NUM) ?` + percentWords
	percentRangeRe = `^([-−+])?(NUM) ?%? ?[-–] ?([-−+])?(NUM) ?` + percentWords
)

// percent reads "5%", "-3.5%", "12 per cent", and ranges: "10-20%",
// "10%-20%".
func (n *Normalizer) percent(text string, i int) (token, bool) {
	l := n.l
	if g, end, ok := find(l.re(percentRangeRe), text, i); ok {
		a, ok1 := l.signed(g[1], g[2])
		b, ok2 := l.signed(g[3], g[4])
		if ok1 && ok2 {
			return token{end, a + " " + l.rangeTo(prevWord(text, i)) + " " + b + " " + l.percentWord(g[5]), "percent"}, true
		}
	}
	g, end, ok := find(l.re(percentRe), text, i)
	if !ok {
		return token{}, false
	}
	say, ok := l.signed(g[1], g[2])
	if !ok {
		return token{}, false
	}
	word := l.percentWord(g[3])
	if a, _ := l.parseAmount(g[2]); l.percentGender != plain && g[1] == "" && a.frac == "" && a.value() == 1 {
		// "1 %" is "ein Prozent", declined as any "ein": "mit einem
		// Prozent".
		say = l.cardinal(1, l.percentGender)
		if l.article != nil {
			say, _ = l.article(say, textBefore(text, i), word, window(text, end))
		}
	}
	return token{end, say + " " + word, "percent"}, true
}

// percentWord says the sign or word of a percentage: "‰" is per mille.
func (l *language) percentWord(written string) string {
	if written == "‰" && l.w.perMille != "" {
		return l.w.perMille
	}
	return l.w.percent
}

// signed says a written number with its sign, if any.
func (l *language) signed(sign, num string) (string, bool) {
	a, ok := l.parseAmount(num)
	if !ok {
		return "", false
	}
	say := l.spell(a, plain)
	switch sign {
	case "":
	case "+":
		say = l.w.plus + " " + say // "+3.5%": a rise, said as such
	case "±":
		say = l.w.plusMinus + " " + say
	default:
		say = l.w.minus + " " + say
	}
	return say, true
}

var (
	measureRe    = `^([-−+±])?(NUM) ?([°º] ?[CF]\b|[°º]|(?:sq |cu )?[[:alpha:]µμ]+(?:/[[:alpha:]]+)?[²³23]?)`
	feetInchesRe = regexp.MustCompile(`^(\d)['’′] ?(\d{1,2})(?:"|”|″|''|’’)`)
	// feetInchesAbbrRe is a height with the units' abbreviations: "5ft
	// 10in", "6 ft. 2 in."
	feetInchesAbbrRe = regexp.MustCompile(`^(\d) ?ft\.? ?(\d{1,2}) ?in\b\.?`)
)

// feetInches reads a height: 5'10" is "five feet ten inches".
func (n *Normalizer) feetInches(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(feetInchesRe, text, i)
	if !ok {
		g, end, ok = find(feetInchesAbbrRe, text, i)
	}
	if !ok && l.feetInches {
		// "the 27\" monitor", "a 65″ TV": inches with a double prime after
		// a determiner and before what they measure, a screen's size;
		// before a word of width or height, inches ("27\" wide").
		if g, end, ok := find(inchPrimeRe, text, i); ok && end < len(text) && text[end] == ' ' && nextWord(text, end) != "" && nextWord(text, end) != "x" && !strings.HasPrefix(text[end:], " ×") {
			a, aok := l.parseAmount(g[1])
			switch prev := strings.ToLower(prevWord(text, i)); {
			case !aok:
			case determiners[prev] || isPossessive(prev):
				return token{end, l.spell(a, plain) + "-inch", "measure"}, true
			case cueAfter(l.unitCues, text, end):
				return token{end, l.spell(a, plain) + pick(a.one(), " inch", " inches"), "measure"}, true // "27\" wide"
			}
		}
		// "6' tall", "a 20' drop": feet alone with a prime, before a
		// word of height or length (unitCues); elsewhere a prime may be a
		// minute or a quote's mark.
		if g, end, ok := find(feetPrimeRe, text, i); ok && end < len(text) && text[end] == ' ' && cueAfter(l.unitCues, text, end) {
			ft := atoi(g[1])
			return token{end, l.cardinal(uint64(ft), plain) + pick(ft == 1, " foot", " feet"), "measure"}, true
		}
	}
	if !ok || !l.feetInches || atoi(g[2]) > 11 {
		return token{}, false
	}

	ft, in := atoi(g[1]), atoi(g[2])
	if l.unitAdjective && adjectival(text, i, end) {
		// "a 6ft 2in man" is a six-foot-two man, as a height before its
		// noun is said.
		say := l.cardinal(uint64(ft), plain) + "-foot"
		if in > 0 {
			say += "-" + l.cardinal(uint64(in), plain)
		}
		return token{end, keepStop(text, end, say), "measure"}, true
	}
	say := l.cardinal(uint64(ft), plain) + pick(ft == 1, " foot ", " feet ") + l.cardinal(uint64(in), plain) +
		pick(in == 1, " inch", " inches")
	return token{end, keepStop(text, end, say), "measure"}, true
}

// measure reads a number with a unit from the language's table: "5 km",
// "-5°C", "60 mph", "3.5 kg".
// unitStopBeforeMark reports whether a full stop at end, after a unit's
// abbreviation, comes right before a comma, a semicolon, a colon or a
// closing bracket: the abbreviation's stop, not a sentence's ("180
// lbs.;", "$3.49/gal., down").
func unitStopBeforeMark(text string, end int) bool {
	return end+1 < len(text) && text[end] == '.' && strings.ContainsRune(",;:)", rune(text[end+1]))
}

// dottedUnits are the units written with a full stop as abbreviations
// ("1 lb. 12 oz."), where a stop before a number is the unit's, not a
// sentence's; an SI symbol takes none ("5 km. 3 runners").
var dottedUnits = setOf("lb", "lbs", "oz", "ft", "yd", "yds", "mi", "gal", "qt", "pt", "in", "sq")

func (n *Normalizer) measure(text string, i int) (token, bool) {
	l := n.l
	if l.units == nil {
		return token{}, false
	}
	g, end, ok := find(l.re(measureRe), text, i)
	if !ok {
		return token{}, false
	}
	u, ok := l.unitOf(g[3])
	if !ok && strings.HasPrefix(text[end:], ". ") && isLowerWord(nextWord(text, end+1)) {
		// "3-5 in. of rain": a unit written with its full stop inside
		// a sentence ("in." the inch, not "in").
		if du, dotted := l.unitOf(g[3] + "."); dotted {
			u, ok, end = du, true, end+1
		}
	}
	race := false
	if !ok {
		// "1.85 m tall", "100m away": a symbol that is also a scale ("5m
		// people") is a unit before a word only a distance takes.
		if cu, isCue := l.cueUnits[g[3]]; isCue && (l.unitCues[nextWord(text, end)] && end < len(text) && text[end] == ' ' ||
			g[1] == "" && l.unitVerbs[strings.ToLower(prevWord(text, i))]) {
			u, ok = cu, true
		} else if isCue && l.race != nil && g[1] == "" && l.race(text, i, end, g[2]) {
			u, ok, race = cu, true, true
		}
	}
	if !ok {
		return token{}, false
	}
	if g[3] == "s" && !strings.ContainsAny(text[i:end], " ") && !strings.ContainsAny(g[2], ".,") {
		return token{}, false // "1990s", "in their 20s": a decade, not seconds ("30 s", "9.58s")
	}
	if l.clock.hourAt[strings.ToLower(prevWord(text, i))] && l.clock.say != nil && u.many == l.clock.hour.many &&
		g[1] == "" && strings.Trim(g[2], "0123456789") == "" && atoi(g[2]) <= 24 {
		// "um 10 h": the hour of the day, as "um 10 Uhr".
		return token{end, l.clock.say(atoi(g[2]), 0, ""), "time"}, true
	}
	if end+2 < len(text) && text[end] == '.' && text[end+1] == ' ' {
		// "45 Min. und", "15 Min. Verspätung": the unit's full stop,
		// inside a sentence, goes.
		if r, _ := utf8.DecodeRuneInString(text[end+2:]); unicode.IsLower(r) || unicode.IsDigit(r) || l.nounAfterUnit(g[3], nextWord(text, end+1)) {
			end++
		}
	}
	if (g[3] == "°" || g[3] == "º") && l.ordinals.re != nil && l.ordinals.re.MatchString(text[i:end]) && l.degreeOrdinal(text, i, end, g[3]) {
		return token{}, false // "il 2° posto", "è arrivato 1°": an ordinal, not degrees
	}
	a, ok := l.parseAmount(g[2])
	if !ok {
		return token{}, false
	}
	if only := l.unitIf[g[3]]; only != nil && !only(g[2], strings.HasSuffix(text[i:end-len(g[3])], " "), nextWord(text, end)) {
		return token{}, false
	}
	if cues := l.unitCueWords[g[3]]; cues != nil && !sentenceHas(text, i, end, cues) {
		return token{}, false // "Full HD 120p": frames, no money in sight
	}
	if l.ordinals.suffix != nil && a.frac == "" && end-i == len(g[2])+len(g[3]) && l.ordinals.suffix(a.value()) == g[3] {
		return token{}, false // "21st": an ordinal, not stones
	}
	adj := l.unitAdjective && g[1] == "" && !race && adjectival(text, i, end)
	if next := nextWord(text, end); l.unitsNotBeforeNoun[g[3]] && !adj && isLowerWord(next) && !notNouns[next] && text[end] == ' ' {
		return token{}, false // "1 pt cream": a pint
	}
	var say string
	if join, ok := l.hundredths[g[3]]; ok && len(a.frac) == 2 && a.frac != "00" && a.value() > 0 && !adj {
		// "1,92 m": ein Meter zweiundneunzig.
		say = l.cardinal(a.value(), u.g) + " " + pick(a.value() == 1, u.one, u.many) + " " +
			strings.TrimPrefix(join+" ", " ") + l.cardinal(uint64(atoi(a.frac)), plain)
	} else if adj {
		// "a 5 km race" is a five-kilometer race, "a 50p coin" a
		// fifty-pence coin.
		// A unit of several words is joined as one: "a 30 mph zone", a
		// thirty-mile-per-hour zone.
		// "a 5 mins walk": a five-minute walk, the singular even where
		// the symbol is a plural's.
		one := pick(u.adj != "", u.adj, strings.TrimPrefix(l.singularUnit(" "+u.one), " "))
		say = l.spell(a, plain) + "-" + strings.ReplaceAll(one, " ", "-")
	} else {
		name := pick(a.frac == "" && a.value() == 1 || l.pluralFromTwo && a.value() < 2, u.one, u.many)
		if l.pluralAfter != nil && !(a.frac == "" && a.value() == 1) {
			name = l.pluralAfter(name, textBefore(text, i), window(text, end))
		}
		num, glued := l.spell(a, u.g), false
		if v := a.value(); race && a.frac == "" && v > 1000 && v < 2000 && v%100 == 0 {
			// "the 1500m": the fifteen hundred, as the event is called
			// (race is English's alone).
			num = l.cardinal(v/100, plain) + " hundred"
		}
		if l.article != nil && a.frac == "" {
			// The article agrees with the name's head noun: "mit einem
			// Kilometer pro Stunde", not with "Stunde".
			head, _, _ := strings.Cut(name, " ")
			num, glued = l.article(num, textBefore(text, i), head, window(text, end))
		}
		say = num + pick(glued, "", " ") + name
	}
	if end+1 < len(text) && text[end] == '.' && unicode.IsLetter(lastRune(text[:end])) &&
		(unitStopBeforeMark(text, end) || strings.HasPrefix(text[end+1:], " (") && isLowerWord(nextWord(text, end+3)) ||
			text[end+1] == ' ' && end+2 < len(text) && isDigit(text[end+2]) && dottedUnits[g[3]]) {
		end++ // "180 lbs.;", "5 oz. (about", "1 lb. 12 oz.": the unit's abbreviation's stop, not a sentence's
	}
	switch g[1] {
	case "":
	case "+":
		say = l.w.plus + " " + say
	case "±":
		say = l.w.plusMinus + " " + say
	default:
		say = l.w.minus + " " + say
	}
	return token{end, keepStop(text, end, say), "measure"}, true
}

// sentenceAround returns the bounds of the sentence around text[i:end],
// looking at most 200 bytes to either side.
func sentenceAround(text string, i, end int) (start, stop int) {
	start = max(0, i-200)
	if k := lastSentenceBreak(text[start:i]); k >= 0 {
		start += k + 1
	}
	stop = min(len(text), end+200)
	if k := firstSentenceBreak(text[end:stop]); k >= 0 {
		stop = end + k
	}
	return start, stop
}

// sentenceHas reports whether the sentence around text[i:end] holds one
// of words (lower case) or one of its signs ("£").
func sentenceHas(text string, i, end int, words map[string]bool) bool {
	start, stop := sentenceAround(text, i, end)
	for _, w := range strings.FieldsFunc(strings.ToLower(text[start:stop]), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if words[w] {
			return true
		}
	}
	for w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLetter(r) && strings.Contains(text[start:stop], w) {
			return true
		}
	}
	return false
}

// haHectares makes "ha" hectares where the verb "ha" is written too
// (Italian, Spanish): only where no lower-case word follows it but one of
// after ("500 ha di bosco", "ardieron 500 ha.").
func haHectares(after map[string]bool) func(string, bool, string) bool {
	return func(_ string, _ bool, next string) bool {
		return next == "" || !isLowerWord(next) || after[next]
	}
}

// nounAfterUnit reports whether next, after the full stop of unit sym,
// is the noun sym measures rather than a sentence's first word: "15 Min.
// Verspätung" (see dottedUnits).
func (l *language) nounAfterUnit(sym, next string) bool {
	return l.dottedUnits[sym] && isCapitalized(next) && !l.sentenceStarters[next] && !isAllCaps(next)
}

// unitOf is the unit written sym: the micro sign is also written with the
// Greek letter mu, the degree sign with the ordinal indicator ("30º"), and
// a space may come between it and its scale ("1° C").
func (l *language) unitOf(sym string) (unit, bool) {
	u, ok := l.units[strings.NewReplacer("μ", "µ", "º", "°", "° ", "°").Replace(sym)]
	return u, ok
}

// degreeOrdinal reports whether a number written with "°" or "º" (sign)
// at text[i:end] is an ordinal rather than degrees: degrees in a sentence
// about temperatures or angles ("la temperatura alcanzó los 40º") or
// after a word of quantity ("fino a 38º", "hace 30º"), an ordinal before a
// noun ("il 2° posto"), after an article ("quedó el 3°") or a verb of
// finishing ("è arrivato 1°", "terminó 5°"). Elsewhere the sign says it:
// "°" is the degree's, "º" the ordinal's.
func (l *language) degreeOrdinal(text string, i, end int, sign string) bool {
	st := l.ordinals
	prev, next := strings.ToLower(prevWord(text, i)), nextWord(text, end)
	before := text[max(0, i-120):i]
	if k := strings.LastIndexAny(before, ".!?\n"); k >= 0 {
		before = before[k+1:]
	}
	for k, w := range strings.FieldsFunc(before, func(r rune) bool { return !unicode.IsLetter(r) }) {
		// A name inside the sentence is no cue: "il Giro" is a race,
		// "un giro di 90°" a turn.
		if st.degreeCues[strings.ToLower(w)] && (k == 0 || !isCapitalized(w)) {
			return false
		}
	}
	switch {
	case st.degreeCues[strings.ToLower(next)]:
		return false
	case rankingList(text, i, end):
		return true
	case l.genderOf(next) != plain:
		return true
	case st.degreeBefore[prev]:
		return false
	case st.articles[prev] || st.rankVerbs[prev]:
		return true
	}
	return sign == "º"
}

// rankItemRe is a number with the sign of degrees or of the ordinal,
// not a unit's first letter ("30°C").
var rankItemRe = regexp.MustCompile(`(?:^|[^\d.,])(\d{1,3})[°º](?:[^\pL\d]|$)`)

// rankingList reports whether the number at text[i:end] is one of a
// results list, each place beside a name: "Rossi 1°, Bianchi 2°, Verdi
// 3°", "1° Rossi, 2° Bianchi". Its sentence numbers such places one
// after the other, from the first ("1°, 2°") or three or more in a row
// ("4°, 5°, 6°"), or from the first with gaps ("1°, 3°, 7°"):
// temperatures of cities ("Milano 30°, Roma 32°") do not count up by one
// nor start at the first.
func rankingList(text string, i, end int) bool {
	start, stop := sentenceAround(text, i, end)
	s := text[start:stop]
	var nums []int
	at := -1
	for _, m := range rankItemRe.FindAllStringSubmatchIndex(s, -1) {
		a, b := start+m[2], start+m[3]
		before := a
		if before > 0 && text[before-1] == '(' {
			before-- // "Rossi (1°)"
		}
		if !isCapitalized(prevWord(text, before)) && !isCapitalized(nextWord(text, b+len("°"))) { // "º" is as long
			continue // a place is beside its name
		}
		if a == i {
			at = len(nums)
		}
		nums = append(nums, atoi(text[a:b]))
	}
	if at < 0 || len(nums) < 2 {
		return false
	}
	byOne, rising := true, true
	for k := 1; k < len(nums); k++ {
		byOne = byOne && nums[k] == nums[k-1]+1
		// A tie shares a place ("1°, 1°, 3°"); places never go down.
		rising = rising && nums[k] >= nums[k-1] && nums[k] <= nums[k-1]+maxRankGap
	}
	if byOne {
		return nums[0] == 1 || len(nums) >= 3
	}
	// The places of some of a race's finishers skip the others ("Rossi
	// 1°, Bianchi 3°, Verdi 7°"): from the winner, rising, never falling,
	// as a city's temperatures do not ("Milano 30°, Roma 32°").
	return rising && nums[0] == 1 && nums[len(nums)-1] > 1
}

// maxRankGap is the most places a results list skips between two names
// it gives.
const maxRankGap = 10

// lastSentenceBreak and firstSentenceBreak find the last and the first
// end of a sentence or a clause in s: "!", "?", ";", a line's end, or a
// full stop before a space; -1 when none.
func lastSentenceBreak(s string) int {
	k := strings.LastIndexAny(s, "!?\n;")
	if d := strings.LastIndex(s, ". "); d > k {
		k = d
	}
	return k
}

func firstSentenceBreak(s string) int {
	k := strings.IndexAny(s, "!?\n;")
	if d := strings.Index(s, ". "); d >= 0 && (k < 0 || d < k) {
		k = d
	}
	return k
}

// determiners are the English words after which a number and a unit
// before a noun are one adjective: "a 5 km race".
var determiners = setOf("a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
	"my", "your", "each", "every", "another", "one", "any", "no")

// contractedIs are the words with "'s" that are "is" or "has", not a
// possessive.
var contractedIs = setOf("it's", "that's", "he's", "she's", "there's", "here's", "what's", "who's", "where's",
	"how's", "let's", "when's", "why's")

// notNouns are words that follow a measure without it describing them:
// "5 km of road", "10 km away".
var notNouns = setOf("of", "in", "on", "at", "from", "to", "and", "or", "but", "away", "long", "wide", "high",
	"deep", "tall", "per", "a", "an", "the", "is", "was", "are", "were", "by", "for", "with", "than", "off",
	"north", "south", "east", "west", "ahead", "behind", "later", "earlier", "further", "farther", "more", "less",
	"i", "you", "we", "they", "he", "she", "it", "some", "all", "each", "will", "would", "can", "could", "should",
	"may", "might", "must", "has", "have", "had", "do", "does", "did", "be", "been", "being", "that", "which",
	"who", "when", "if", "so", "as", "not", "into", "over", "under", "up", "down", "out",
	// prepositions: "every 15 mins between 6am and 11pm", "every 20 mins
	// during the day"
	"between", "during", "across", "through", "throughout", "after", "before", "since", "until", "till", "within",
	"without", "along", "around", "among", "against", "toward", "towards", "past", "beyond", "near", "onto",
	"upon", "via", "despite", "amid", "including", "except", "then", "there", "here", "now", "ago", "instead",
	"most", "many", "much", "few", "several", "both", "either", "neither")

// indefinite are the articles that, right before an amount other than
// one, leave it nothing to be but a noun's adjective: "a 12 oz can", never
// "a twelve ounces".
var indefinite = setOf("a", "an")

// nounsToo are words of notNouns that are nouns too, read as the noun
// after indefinite and an amount: "a 12 oz can".
var nounsToo = setOf("can")

// adjectival reports whether the measure at text[i:end] describes the
// noun after it: a determiner before, a lower-case word after.
func adjectival(text string, i, end int) bool {
	prev := strings.ToLower(prevWord(text, i))
	next := nextWord(text, end)
	// A possessive is a determiner too: "the company's $5 million fine";
	// "it's", "that's" are a verb.
	if indefinite[prev] && nameThenNoun(text, end) {
		return true // "a £2.5bn HS2 contract", "a $5 Amazon gift card"
	}
	if !determiners[prev] && !isPossessive(prev) || next == "" || !isLowerWord(next) || notNouns[next] && !(indefinite[prev] && nounsToo[next]) {
		return false
	}
	if strings.HasSuffix(next, "ed") || strings.HasSuffix(next, "ly") {
		// A participle or an adverb after the amount ("every $1,000
		// invested", "the $5 directly") is no noun; before one it is its
		// adjective ("a $10 fixed fee", "a $5 monthly fee").
		k := strings.Index(text[end:], next) + end + len(next)
		if after := nextWord(text, k); k >= len(text) || text[k] != ' ' || !isLowerWord(after) || notNouns[after] || strings.HasSuffix(after, "ed") {
			return false
		}
	}
	return !strings.ContainsAny(text[end:min(len(text), end+1)], ".,;:)")
}

// nameThenNoun reports whether a name (a word with a capital: "HS2",
// "Pentagon") and then a noun follow end, as in "a £2.5bn HS2 contract":
// after "a" the amount, a noun's adjective, describes the noun after the
// name.
func nameThenNoun(text string, end int) bool {
	next := nextWord(text, end)
	if end >= len(text) || text[end] != ' ' || next == "" || !unicode.IsUpper([]rune(next)[0]) {
		return false
	}
	k := end + 1 + len(next)
	if k >= len(text) || text[end+1:k] != next || text[k] != ' ' {
		return false
	}
	after := nextWord(text, k)
	return isLowerWord(after) && !notNouns[after] && !strings.HasSuffix(after, "ed") && !strings.HasSuffix(after, "ly")
}

// isPossessive reports whether the lower-case word w is a possessive, a
// determiner too: "the company's"; "it's", "that's" are a verb.
func isPossessive(w string) bool {
	return (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) && !contractedIs[strings.NewReplacer("’", "'").Replace(w)]
}

// nounAfter reports whether a noun may follow end: a space, then a
// lower-case word that does not only follow measures ("of", "away").
func nounAfter(text string, end int) bool {
	next := nextWord(text, end)
	return end < len(text) && text[end] == ' ' && isLowerWord(next) && !notNouns[next]
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

// cueAfter reports whether the word after the space at end is one of
// cues, whole: "16\" high-powered" is no height.
func cueAfter(cues map[string]bool, text string, end int) bool {
	w := nextWord(text, end)
	k := end + 1 + len(w)
	return cues[w] && (k >= len(text) || text[k] != '-')
}

// inchPrimeRe is a length in inches written with a double prime alone:
// "27\"", "65″".
var inchPrimeRe = regexp.MustCompile(`^(\d{1,3}(?:\.\d)?)["″]`)

// feetPrimeRe is a length in feet written with a prime alone: "6'".
var feetPrimeRe = regexp.MustCompile(`^(\d{1,3})['′]`)

// bareTempRe is a temperature written without its degree sign, as the
// British press writes it: "40C", "-5C", "30-35C", "104F".
var bareTempRe = regexp.MustCompile(`^([-−])?(\d{1,3}(?:\.\d)?)(?:[-–]([-−])?(\d{1,3}(?:\.\d)?))?([CF])\b`)

// bareTemperature reads "40C" as "forty degrees Celsius" where the
// sentence before it speaks of the weather or of temperatures (the
// language's tempCues): "temperatures hit 40C", "highs of 30-35C". Without
// such a word "40C" may be a seat, a flat or a size, and is left.
func (n *Normalizer) bareTemperature(text string, i int) (token, bool) {
	l := n.l
	if l.tempCues == nil {
		return token{}, false
	}
	g, end, ok := find(bareTempRe, text, i)
	if !ok || !l.tempCue(text[max(0, i-120):i]) {
		return token{}, false
	}
	u := l.units["°"+g[5]]
	if u.many == "" {
		return token{}, false
	}
	say := func(sign, num string) (string, bool) {
		a, ok := l.parseAmount(num)
		if !ok || a.value() > pick(g[5] == "C", uint64(60), 140) {
			return "", false
		}
		s := l.spell(a, u.g)
		if sign != "" {
			s = l.w.minus + " " + s
		}
		return s, true
	}
	first, ok := say(g[1], g[2])
	if !ok {
		return token{}, false
	}
	out := first
	if g[4] != "" {
		second, ok := say(g[3], g[4])
		if !ok {
			return token{}, false
		}
		out += " " + l.rangeTo(prevWord(text, i)) + " " + second + " " + u.many
	} else {
		a, _ := l.parseAmount(g[2])
		out += " " + pick(l.singular(a) && g[1] == "", u.one, u.many)
	}
	return token{end, out, "measure"}, true
}

// tempCue reports whether the sentence that ends in before speaks of
// temperatures: one of the language's tempCues is among its words.
func (l *language) tempCue(before string) bool {
	if k := strings.LastIndexAny(before, ".!?\n"); k >= 0 {
		before = before[k+1:]
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(before), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if l.tempCues[w] {
			return true
		}
	}
	return false
}

// measureRangeRe is the first number of a range of measures and the dash
// after it: "10-", "5 – ", "-5–".
var measureRangeRe = `^([-−])?(NUM) ?[-–] ?`

// measureRange reads a range of measures with the unit written once, after
// the second number: "10-20 km" is "ten to twenty kilometers",
// "30-35 °C" "dreißig bis fünfunddreißig Grad Celsius", "55-75mins".
func (n *Normalizer) measureRange(text string, i int) (token, bool) {
	l := n.l
	if l.units == nil {
		return token{}, false
	}
	g, j, ok := find(l.re(measureRangeRe), text, i)
	if !ok || j >= len(text) || !isDigit(text[j]) {
		return token{}, false
	}
	m, _, ok := find(l.re(measureRe), text, j)
	if !ok || m[1] != "" {
		return token{}, false
	}
	u, ok := l.unitOf(m[3])
	if !ok {
		u, ok = l.unitOf(m[3] + ".") // "3-5 in. of rain"; measure checks the stop
	}
	if !ok {
		return token{}, false
	}
	second, ok := n.measure(text, j)
	if !ok || !endsToken(text, second.end) {
		return token{}, false
	}
	a, ok := l.parseAmount(g[2])
	b, okb := l.parseAmount(m[2])
	if !ok || !okb || (g[1] == "" && a.frac == "" && b.frac == "" && a.value() >= b.value()) {
		return token{}, false // "3-2 km" is no range
	}
	first := l.spell(a, u.g)
	if g[1] != "" {
		first = l.w.minus + " " + first
	}
	say := strings.TrimSuffix(second.say, ".")
	if l.unitAdjective && adjectival(text, i, second.end) {
		say = l.singularUnit(say) // "a 10-20 km race"
	}
	return token{second.end, keepStop(text, second.end, first+" "+l.rangeTo(prevWord(text, i))+" "+say), "measure"}, true
}
