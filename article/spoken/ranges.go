package spoken

import (
	"regexp"
	"strconv"
	"strings"
)

// numberRange reads "2024-25" (years), "3-2" (a score), "10-20" (a range),
// and "3:1", a score or a ratio where a colon cannot be a time's.
var (
	seasonRe = regexp.MustCompile(`^(\d{4})/(\d{2}|\d{4})\b`)
	rangeRe  = regexp.MustCompile(`^(\d{1,4})[-–](\d{1,4})\b`)
	scoreRe  = regexp.MustCompile(`^(\d{1,3}):(\d{1,3})\b`)
)

func (n *Normalizer) numberRange(text string, i int) (token, bool) {
	l := n.l
	if g, end, ok := find(seasonRe, text, i); ok && l.year != nil && !(end < len(text) && text[end] == '/') {
		// "die Saison 2023/24": a season, its two years said one after
		// the other, as on air in every language.
		// "2020/2021": the second written whole.
		if a, b := atoi(g[1]), atoi(g[2]); a >= 1900 && a <= 2099 && (len(g[2]) == 2 && b == (a+1)%100 || b == a+1) {
			return token{end, l.year(a) + " " + l.shortYearEnd(a, g[2]), "year range"}, true
		}
	}
	if g, end, ok := find(scoreRe, text, i); ok {
		if notDateEnd(text, end) {
			return token{}, false
		}
		if l.colonScores && len(g[2]) == 2 && atoi(g[1]) < 24 {
			return token{}, false // "10:30" is a time
		}
		// Where a colon is not written in scores, "3:1" is still no time
		// (a time has two digits of minutes): a score or a ratio ("won
		// 3:1", "beat Chelsea 3:1", "a 3:1 ratio", "1:100"), said as
		// one, unless a book of the Bible comes before ("Genesis 1:1", a
		// chapter and verse).
		if !l.colonScores && (len(g[2]) == 2 || bibleBooks[strings.TrimSuffix(prevWord(text, i), ".")]) {
			return token{}, false
		}
		say := l.cardinal(uint64(atoi(g[1])), plain) + " " + l.w.score + " " + l.cardinal(uint64(atoi(g[2])), plain)
		if n.isScore(text, i, end, false) {
			say = n.sayScore(atoi(g[1]), atoi(g[2]))
		}
		// "ein 2:0-Sieg": a score joined to a noun by a hyphen.
		if w := hyphenWordsRe.FindString(windowN(text, end, 48)); w != "" {
			say, end = say+w, end+len(w)
		}
		return token{end, say, "score"}, true
	}
	g, end, ok := find(rangeRe, text, i)
	if !ok || (end < len(text) && strings.ContainsRune("-–/.,:", rune(text[end])) && end+1 < len(text) && isDigit(text[end+1])) {
		return token{}, false
	}
	a, _ := strconv.Atoi(g[1])
	b, _ := strconv.Atoi(g[2])
	if p := prevWord(text, i); l.w.numberSign != "" && l.abbrevs[p].number == l.w.numberSign ||
		a > b && len(g[1]) < 4 && l.labels(p) && !pageWords[strings.ToLower(strings.TrimSuffix(p, "."))] && !n.isScore(text, i, end, false) {
		// After a noun that names an item by its number, a falling pair
		// is one number in two parts, a code's article ("l'article
		// 222-33", "Art. 12-3"), not a span.
		// "Case No. 22-506": after the number sign, one number of a
		// docket or a file, its parts said one after the other, no span;
		// "pp. 12-15" stays a span of pages.
		return token{end, l.cardinal(uint64(a), plain) + " " + l.cardinal(uint64(b), plain), "cardinal"}, true
	}
	to := " " + l.rangeTo(prevWord(text, i)) + " "
	if len(g[1]) == 4 {
		if l.year == nil || a < 1000 || a > 2099 {
			return token{}, false
		}
		switch {
		case len(g[2]) == 2 && (b > a%100 || b == (a+1)%100):
			// "1999-00": the next century's first year.
			return token{end, l.year(a) + to + l.shortYearEnd(a, g[2]), "year range"}, true
		case len(g[2]) == 4 && b > a && b <= 2099:
			return token{end, l.year(a) + to + l.year(b), "year range"}, true
		}
		return token{}, false
	}
	if len(g[2]) == 4 || (len(g[1]) > 1 && g[1][0] == '0') || (len(g[2]) > 1 && g[2][0] == '0') {
		return token{}, false
	}
	if a == 24 && b == 7 && !n.isScore(text, i, end, false) && !isCapitalized(prevWord(text, i)) {
		// "24-7 access", "open 24-7": "24/7" written with a hyphen, no
		// score where nothing in the sentence speaks of one and no team
		// comes before ("beat Dallas 24-7").
		return token{end, l.cardinal(uint64(a), plain) + " " + l.cardinal(uint64(b), plain), "number pair"}, true
	}
	if n.score.setZero != "" && n.inSetRun(text, i, end, a, b) {
		return token{end, n.saySet(a, b), "score"}, true
	}
	if n.score.set && a == b || n.isScore(text, i, end, a > b) {
		// A tie is no range: "a 1-1 draw", "a 50-50 chance".
		return token{end, n.sayScore(a, b), "score"}, true
	}
	open := ""
	if a < b && b >= 10 { // not a score ("ganó 3-2")
		open = l.rangeOpen(prevWord(text, i))
	}
	return token{end, open + l.cardinal(uint64(a), plain) + to + l.cardinal(uint64(b), plain), "range"}, true
}

// pageWords are the words for a page (in lower case, without a full
// stop), after which a falling pair is a span written short ("pp.
// 112-15").
var pageWords = setOf("p", "pp", "page", "pages", "s", "seite", "seiten", "pág", "págs", "página", "páginas", "pag",
	"pagina", "pagine")

// scoreStyle is how a game's score is said.
type scoreStyle struct {
	// join comes between the two numbers: "to" ("three to two"); ""
	// says them one after the other ("three two"), as British English
	// does. A tie is said without it everywhere: "one one", "fifty fifty".
	join string
	// zero is the word for a team's zero: "nil" (British), "nothing"
	// (American); "" is the number's own word.
	zero string
	set  bool
	// setZero, when set, is the word for a zero in a tennis set's score
	// ("love"): a run of sets ("won 6-4, 7-5", "6-0 6-2") and a
	// tie-break's points after a set ("7-6 (7-4)") are said as pairs,
	// without join, in every region ("six four, seven five").
	setZero string
}

// tennisSet reports whether a-b can be a finished set's games: six to at
// most four, seven to five or to six, either way round.
func tennisSet(a, b int) bool {
	if a < b {
		a, b = b, a
	}
	return a == 6 && b <= 4 || a == 7 && (b == 5 || b == 6)
}

var (
	// nextSetRe is a set's score after another's (or after its
	// tie-break in brackets), after a comma, a space or the word for
	// "and" ("6-4, 6-3 y 7-5").
	nextSetRe = regexp.MustCompile(`^(?: ?\(\d{1,2}[-–]\d{1,2}\))?(?:,? | (?:y|e|et|and|und) )(\d)[-–](\d)(?:[^\d]|$)`)
	// tieBreakBeforeRe is a set won seven to six and the bracket of its
	// tie-break, before the tie-break's points.
	tieBreakBeforeRe = regexp.MustCompile(`(?:^|[^\d])(?:7[-–]6|6[-–]7) \($`)
)

// inSetRun reports whether the pair a-b at text[i:end] is one set of a
// tennis match's run of sets, or a tie-break's points, to be said as
// pairs (scoreStyle.setZero).
func (n *Normalizer) inSetRun(text string, i, end, a, b int) bool {
	before := text[:i]
	if tieBreakBeforeRe.MatchString(before) {
		return end < len(text) && text[end] == ')'
	}
	if !tennisSet(a, b) {
		return false
	}
	if g := nextSetRe.FindStringSubmatch(text[end:]); g != nil && tennisSet(atoi(g[1]), atoi(g[2])) {
		return true
	}
	m := prevPairRe.FindStringSubmatchIndex(before)
	return m != nil && (m[2] == 0 || !isDigit(before[m[2]-1])) && tennisSet(atoi(before[m[2]:m[3]]), atoi(before[m[4]:m[5]]))
}

// saySet says a tennis set's score, or a tie-break's, as a pair.
func (n *Normalizer) saySet(a, b int) string {
	word := func(v int) string {
		if v == 0 {
			return n.score.setZero
		}
		return n.l.cardinal(uint64(v), plain)
	}
	return word(a) + " " + word(b)
}

// isScore reports whether the two numbers at text[i:end] are a game's
// score to be said as one: a language that says scores its own way, and
// the words around it a score's ("won 3-2", "a 4-0 win", "the score was
// 0-0", "3–2 on penalties", "Arsenal 2-1 Chelsea", a set after a set:
// "6-4, 6-3"), or, when descending (a range ascends), no vote's.
func (n *Normalizer) isScore(text string, i, end int, descending bool) bool {
	return n.isScoreAt(text, i, end, descending, 4)
}

// isScoreAt is isScore looking at most depth sets back.
func (n *Normalizer) isScoreAt(text string, i, end int, descending bool, depth int) bool {
	l := n.l
	if !n.score.set {
		return false
	}
	prev, prev2 := lastWords(textBefore(text, i))
	p, p2 := strings.ToLower(prev), strings.ToLower(prev2)
	next := nextWord(text, end)
	nx := strings.ToLower(next)
	if l.notScoreWords[p] || l.notScoreWords[nx] || l.notScoreWords[p2] {
		return false
	}
	if l.scoreVerbs[p] || l.scoreNouns[nx] || l.scoreNouns[p] || l.scoreNouns[p2] || n.afterScore(text, i, depth) {
		return true
	}
	if nx == "on" || nx == "in" {
		// "3–2 on penalties", "4-2 on aggregate"
		k := end + strings.Index(text[end:], next) + len(next)
		if l.scoreNouns[strings.ToLower(nextWord(text, k))] {
			return true
		}
	}
	if isCapitalized(prev) && isCapitalized(next) && !isAllCaps(prev) && textBefore(text, i) != "" {
		return true // "Arsenal 2-1 Chelsea"
	}
	return descending
}

// prevPairRe is a pair of numbers with a dash that ends the text before
// a number, and a comma, a space or the word for "and" after it: a set's
// score before the next ("6-4, 3-6", "6-4 3-6", "6-3 y 7-5"), a
// tie-break's in brackets after it ("7-6 (7-4), 6-3").
var prevPairRe = regexp.MustCompile(`(\d{1,2})[-–](\d{1,2})(?: ?\(\d{1,2}[-–]\d{1,2}\))?(?:,? | (?:y|e|et|and|und) )$`)

// afterScore reports whether the pair of numbers at i follows a game's
// score, as a set's follows the set before ("won 6-4, 3-6, 7-6": the
// second is a score too, not a range "three to six"); depth bounds how
// many pairs back it looks.
func (n *Normalizer) afterScore(text string, i, depth int) bool {
	if depth == 0 {
		return false
	}
	before := textBefore(text, i)
	m := prevPairRe.FindStringSubmatchIndex(before)
	if m == nil {
		return false
	}
	off := i - len(before)
	a, b := atoi(before[m[2]:m[3]]), atoi(before[m[4]:m[5]])
	if m[2] > 0 && isDigit(before[m[2]-1]) {
		return false
	}
	pi, pend := off+m[2], off+m[5]
	return a == b || n.isScoreAt(text, pi, pend, a > b, depth-1)
}

// sayScore says a score a–b as the Normalizer's region does.
func (n *Normalizer) sayScore(a, b int) string {
	l, s := n.l, n.score
	word := func(v int) string {
		if v == 0 && s.zero != "" {
			return s.zero
		}
		return l.cardinal(uint64(v), plain)
	}
	if a == b || s.join == "" {
		return word(a) + " " + word(b)
	}
	return word(a) + " " + s.join + " " + word(b)
}

// bibleBooks are names of the Bible's books (and their usual short
// forms) in the languages that write scores with a dash: before "1:1"
// they make it a chapter and verse, not a score. Names that are also
// given names (John, Mark, Luke, Daniel) are in: "John 3:16" is far more
// often a verse than a score.
var bibleBooks = setOf(
	"Genesis", "Gen", "Exodus", "Exod", "Leviticus", "Lev", "Numbers", "Deuteronomy", "Deut", "Joshua", "Judges", "Ruth",
	"Samuel", "Kings", "Chronicles", "Ezra", "Nehemiah", "Esther", "Job", "Psalm", "Psalms", "Ps", "Proverbs", "Prov",
	"Ecclesiastes", "Isaiah", "Isa", "Jeremiah", "Jer", "Lamentations", "Ezekiel", "Daniel", "Hosea", "Joel", "Amos",
	"Obadiah", "Jonah", "Micah", "Nahum", "Habakkuk", "Zephaniah", "Haggai", "Zechariah", "Malachi", "Matthew", "Matt",
	"Mark", "Luke", "John", "Acts", "Romans", "Rom", "Corinthians", "Cor", "Galatians", "Gal", "Ephesians", "Eph",
	"Philippians", "Phil", "Colossians", "Col", "Thessalonians", "Timothy", "Titus", "Philemon", "Hebrews", "Heb",
	"James", "Peter", "Jude", "Revelation", "Rev",
	// fr
	"Genèse", "Exode", "Lévitique", "Nombres", "Deutéronome", "Josué", "Juges", "Rois", "Chroniques", "Psaume", "Psaumes",
	"Proverbes", "Ecclésiaste", "Isaïe", "Jérémie", "Ézéchiel", "Matthieu", "Marc", "Luc", "Jean", "Actes", "Romains",
	"Corinthiens", "Galates", "Éphésiens", "Hébreux", "Jacques", "Pierre", "Apocalypse",
	// es
	"Génesis", "Éxodo", "Levítico", "Números", "Deuteronomio", "Josué", "Jueces", "Reyes", "Crónicas", "Salmo", "Salmos",
	"Proverbios", "Eclesiastés", "Isaías", "Jeremías", "Ezequiel", "Mateo", "Marcos", "Lucas", "Juan", "Hechos", "Romanos",
	"Corintios", "Gálatas", "Efesios", "Hebreos", "Santiago", "Apocalipsis",
	// it
	"Genesi", "Esodo", "Levitico", "Numeri", "Deuteronomio", "Giosuè", "Giudici", "Re", "Cronache", "Salmo", "Salmi",
	"Proverbi", "Ecclesiaste", "Isaia", "Geremia", "Ezechiele", "Matteo", "Marco", "Luca", "Giovanni", "Atti", "Romani",
	"Corinzi", "Galati", "Efesini", "Ebrei", "Giacomo", "Apocalisse")

// decimalRangeRe is a span of two numbers, one of them at least with a
// decimal part, before a scale word: "2.5-3.9 billion", "1,5–2 Mio.".
var decimalRangeRe = regexp.MustCompile(`^(\d{1,3}(?:[.,]\d{1,3})?)[-–](\d{1,3}(?:[.,]\d{1,3})?)\b`)

// decimalRange reads "2.5-3.9 billion" two point five to three point nine
// billion: a span of amounts with a decimal part, the scale word after the
// second said once, as for whole numbers ("10-20 million"); before a
// unit's name ("2.5-3 hours") the span alone. Without either the pair is left to the other readings ("6.5-7.5" may be a
// version's or a score's), and so is a falling pair ("3.9-2.5 billion").
func (n *Normalizer) decimalRange(text string, i int) (token, bool) {
	l := n.l
	g, end, ok := find(decimalRangeRe, text, i)
	if !ok {
		return token{}, false
	}
	a, oka := l.parseAmount(g[1])
	b, okb := l.parseAmount(g[2])
	if !oka || !okb || a.frac == "" && b.frac == "" || amountFloat(a) >= amountFloat(b) {
		return token{}, false
	}
	to := " " + l.rangeTo(prevWord(text, i)) + " "
	pow, e := l.scaleAfter(text, end)
	if pow == 0 {
		if end < len(text) && text[end] == ' ' && l.unitName(nextWord(text, end)) {
			// "2.5-3 hours", "1.5-2.5 inches": a unit's name after
			// the span, said as written.
			return token{end, l.spell(a, plain) + to + l.spell(b, plain), "range"}, true
		}
		return token{}, false
	}
	say := l.spell(a, plain) + to + l.withScale(b, pow, strings.TrimSuffix(text[end+1:e], "."))
	return token{e, keepStop(text, e, say), "range"}, true
}

// unitName reports whether w is the name of a unit written in full
// ("hours", "inches", "kilometres"), singular or plural.
func (l *language) unitName(w string) bool {
	if w == "" || !isLowerWord(w) {
		return false
	}
	for _, u := range l.units {
		if u.many == w || u.one == w {
			return true
		}
	}
	_, ok := l.rate.nouns[w]
	return ok
}

// amountFloat is a's value with its decimal part, for comparing two.
func amountFloat(a amount) float64 {
	f := float64(a.value())
	scale := 1.0
	for _, r := range a.frac {
		scale /= 10
		f += float64(r-'0') * scale
	}
	return f
}

// timesRangeRe is a span of multiples: "10-100x", "20–25x".
var timesRangeRe = regexp.MustCompile(`^(\d{1,4}(?:\.\d{1,2})?)[-–](\d{1,4}(?:\.\d{1,2})?)x `)

// timesRange reads "10–100x faster" ten to one hundred times faster and
// "20-25x sales" twenty to twenty-five times sales: a span of multiples,
// the "x" said once after the second, as after one ("3x faster").
func (n *Normalizer) timesRange(text string, i int) (token, bool) {
	l := n.l
	if l.w.times == "" {
		return token{}, false
	}
	g, end, ok := find(timesRangeRe, text, i)
	if !ok {
		return token{}, false
	}
	a, oka := l.parseAmount(g[1])
	b, okb := l.parseAmount(g[2])
	if !oka || !okb || amountFloat(a) >= amountFloat(b) {
		return token{}, false
	}
	end-- // the space after the "x"
	return token{end, l.spell(a, plain) + " " + l.rangeTo(prevWord(text, i)) + " " + l.spell(b, plain) + " " + l.w.times, "range"}, true
}

// shortYearEnd says the end of a span of years that starts in a and ends
// in the year written end (two digits, or four): the two digits as a
// number ("2020-21" twenty-one), but the whole year where they start with
// a zero, which said alone would be a small number and no year ("2000-01"
// two thousand to two thousand one, not "to one"; "1999-00" to two
// thousand), or where the first year of a century's first decade is not
// said in pairs whose second the number would answer ("2009-10" two
// thousand nine to twenty ten).
func (l *language) shortYearEnd(a int, end string) string {
	b := atoi(end)
	if len(end) == 4 {
		return l.year(b)
	}
	if end[0] != '0' && (a%100 >= 10 || a%1000 >= 100) {
		return l.cardinal(uint64(b), plain)
	}
	y := a - a%100 + b
	if y <= a {
		y += 100
	}
	return l.year(y)
}
