package spoken

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// gender is the form a number, an ordinal or a currency takes before a
// noun. Languages that do not inflect ignore it.
type gender uint8

const (
	plain gender = iota // counting: "one", "eins", "uno", "un"
	masc                // before a masculine noun: "ein", "un", "veintiún", "primer"
	fem                 // before a feminine noun: "eine", "une", "una", "doscientas"
	neut                // before a German neuter noun: "ein", "erstes"
)

// language is what the classes know of one language. Every difference
// between languages is here, as data or as the language's own grammar
// (how it spells a number, a date, a time); the classes never ask which
// language they read. A nil function or an empty table turns the class
// that needs it off for that language.
type language struct {
	// Written numbers: the characters grouping thousands besides the
	// spaces every language allows (a regexp class body) and the decimal
	// mark.
	group   string
	decMark byte
	// dayFirst: numeric dates are day first ("13/11/2015").
	dayFirst bool

	// Spelled numbers. cardinal and ordinal take the gender of the noun
	// they come before (plain when none).
	cardinal func(n uint64, g gender) string
	ordinal  func(n uint64, g gender) string
	// minute says a match minute, the stamp of a live ticker's entry
	// ("88'": the eighty-eighth minute); nil: the stamp is left.
	minute func(l *language, n uint64) string
	// minuteIn says a match minute written with a prime after one of
	// minutePreps ("al 88'", "en el 88'"): prep is that word when the
	// minute is said with it ("all'ottantottesimo"), else "" and only the
	// minute is said; ok false leaves it. nil: such minutes are left.
	minuteIn    func(prep string, n uint64) (string, bool)
	minutePreps map[string]bool
	// minuteOrdinal is the mark of an ordinal that makes a number before
	// stoppage time a match minute without the prime ("90.+3" in German,
	// "90e+3" in French), as a regexp; "": only the prime does ("90'+3",
	// "90+3'").
	minuteOrdinal string
	// powerOrdinal: an exponent is said as a feminine ordinal after the
	// word for a power (Italian "dieci elevato alla sesta").
	powerOrdinal bool
	// minuteCues are the words of a line of goals or cards ("Tore",
	// "Gelb-Rot", "cartons"), in lower case: after one, or after a score,
	// a number with the ordinal's mark after a player is the minute
	// ("Gelb: Müller (78.)").
	minuteCues map[string]bool
	year       func(y int) string
	// fracAsNumber reads the digits after the decimal mark as a number
	// ("trois virgule quatorze"), not one by one ("three point one four").
	fracAsNumber bool
	// pluralFromTwo: a noun after a number is plural only from two on,
	// a decimal under it keeping the singular ("1,5 million", "0,5
	// litre": French); else from anything but exactly one.
	pluralFromTwo bool
	// houseNumber reads a number of three or four digits written before
	// a street's name ("123 Main St." is "one twenty-three"), from the
	// text after it; ok is false when no street follows. nil: read as any
	// number.
	houseNumber func(v int, after string) (string, bool)
	// road says a road named by a code, a dash and a number ("I-95");
	// ok false leaves it. nil: no road is read so.
	road func(code string, v int) (string, bool)
	// streetEnds are the endings, in lower case, of a street's name, after
	// which a number with a letter is a house's ("Goethestraße 12a").
	streetEnds []string
	// streetWords are the words, in lower case and without their stop,
	// that end a street's name ("street", "ave"): a quadrant after one
	// is said ("Pennsylvania Ave NW" Northwest).
	streetWords map[string]bool
	// nounGender guesses the gender of the word after a number; nil: plain.
	nounGender func(word string) gender
	// prenominal are adjectives (in lower case) that stand between a
	// number and its noun and do not show the noun's gender themselves
	// ("1 seule voix", "1 grave erreur", "1 grave derrota"): the number
	// takes the gender of the noun after them.
	prenominal map[string]bool
	// labelNouns are nouns a number after names an item of a series by
	// ("Artikel 1", "Gleis 1", "página 1"), in lower case: that number
	// counts nothing and takes no gender from the word after it.
	labelNouns map[string]bool
	// article, when set, gives a number that ends in the indefinite
	// article's form the shape the words around it ask for (Italian
	// "un'ora", "uno studente"; German "mit einem Hund", "er nimmt einen
	// Apfel"), from the text before the number (textBefore), the word
	// after it and the text after the number (window; "" where unknown),
	// whose clause may end in the verb that governs the noun ("Er will 1
	// Freund helfen"); glued is true when the number is then written
	// together with the word after it, without a space.
	article func(say, before, next, after string) (out string, glued bool)
	// oneOf says the number one that stands for one of a group, from the
	// text before it (textBefore) and the text after it ("bei 1 von 10
	// Patienten": einem); ok is false where it is not one or its form is
	// not certain. nil: read as any number.
	oneOf func(before, after string) (string, bool)
	// percentGender is the gender of the word for "percent" where it is
	// a noun the number one agrees with (German "ein Prozent"); plain:
	// the number is said as counted.
	percentGender gender
	// agedSuffixes are the suffixes, in lower case, that make an age
	// glued to them a noun of people of that age (Italian "enne",
	// "enni": "18enne"), and aged says the age n with one; ok false
	// leaves it. nil: none.
	agedSuffixes map[string]bool
	aged         func(n uint64, suffix string) (string, bool)
	// actNouns are the nouns, in lower case, that name a law, a decree or
	// a ruling by its number and its year ("Ley 7/1985", "legge
	// 104/1992"), and actYear the word said between the two ("de",
	// "del"); nil: such numbers are read as any other.
	actNouns map[string]bool
	actYear  string
	// thousandAgrees: a number written before the word for a thousand
	// agrees with the noun after it ("2 mil pessoas": duas mil pessoas,
	// Portuguese).
	thousandAgrees bool
	// actGrouped: an act's number may have its thousands grouped by a
	// full stop ("Lei 13.709/2018", Brazil), and its year be written with
	// two digits ("Lei 8.666/93").
	actGrouped bool
	// pluralAfter gives a unit's plural the case the words before the
	// number (textBefore) and after the unit ask for (German "mit 45
	// Punkten", "in 3 Metern Tiefe"); nil: as it is.
	pluralAfter func(many, before, after string) string

	w words
	// tag is how an HTML tag the text names is said.
	tag tagStyle

	// scales are written scale words and abbreviations ("million", "Mio.",
	// "bn", "mln") and their power of ten; scaleName says one, and
	// scaleOne the number one before it ("one", "eine", "un"; "" for
	// "mille", "mil").
	scales map[string]int
	// perHyphen matches a rate glued to an amount of money by hyphens,
	// its words to be said after the amount ("£300,000-a-week": a week);
	// nil: none.
	perHyphen *regexp.Regexp
	// plusSuffix ends a number or a scale word that is "at least" it, as
	// "+" does ("$1 billion-plus", English "-plus"); "": none.
	plusSuffix string
	scaleName  func(pow int, plural bool) string
	scaleOne   func(pow int) string
	// countScales are letters glued to a number that are a scale only
	// before a noun the number counts ("5.5m people", "10k runners"),
	// elsewhere a unit ("a 5m wall") or a race ("ran 10k"); counted
	// tells whether the number and the word after it are such a count.
	countScales map[string]int
	counted     func(scale string, a amount, next string) bool

	money      moneyStyle
	currencies map[string]currency
	// currencyNames are currencies written as words after an amount
	// ("1,50 Euro"), and the key of each in currencies.
	currencyNames map[string]string
	units         map[string]unit
	// dottedUnits are the units abbreviated with a full stop before the
	// noun they measure, in a language that capitalizes nouns ("15 Min.
	// Verspätung", "2 Std. Fahrzeit"): the stop is the abbreviation's
	// before a capital that does not start sentences.
	dottedUnits map[string]bool
	// hundredths are the units whose hundredths are said after them as a
	// price's cents are ("1,92 m": ein Meter zweiundneunzig, un mètre
	// quatre-vingt-douze), with the word that joins the two ("" or "e":
	// un metro e novantadue).
	hundredths map[string]string
	// rate says a quantity per unit ("$5/kg"); empty: rates are left.
	rate rateStyle
	// unitAdjective: a measure before a noun it describes is one
	// adjective, its unit singular ("a five-kilometer race", English).
	// hyphenUnits are unit symbols too ambiguous to read after a number
	// ("5m" may be five million) but certain in a compound ("100-m dash").
	unitAdjective bool
	hyphenUnits   map[string]string
	// cueUnits are unit symbols too ambiguous to read alone ("5m" may be
	// five million) that are certain before one of unitCues ("1.85 m
	// tall", "100m away").
	// party reads a lawmaker's party label in brackets at text[i:]
	// ("(D-Mass.)": Democrat of Massachusetts): what to say and where
	// it ends; nil: none.
	party func(text string, i int) (string, int, bool)
	// unitVerbs are the verbs of covering a distance after which one is
	// certain too ("ran 100m", "swam 200m", "cleared 2.05m").
	cueUnits  map[string]unit
	unitCues  map[string]bool
	unitVerbs map[string]bool
	// race reports whether the number num written with one of cueUnits
	// at text[i:end] is a race's distance, its event's name ("the 100m
	// final", "won the 400m"): said with the unit's plural, as the event
	// is named. nil: none.
	race func(text string, i, end int, num string) bool
	// unitsNotBeforeNoun are unit symbols that mean another unit before
	// the noun they measure: they are read only where no noun follows.
	unitsNotBeforeNoun map[string]bool
	// unitIf holds the unit symbols that are a unit only where their
	// function says so, from the number as written ("1,250"), whether a
	// space comes between the two and the word after: English "450p" is
	// pence, "1080p" a video's lines; Italian "10 ha di bosco" hectares,
	// "1 su 10 ha avuto" the verb.
	unitIf map[string]func(num string, spaced bool, next string) bool
	// unitCueWords are, by unit symbol, the words (in lower case, or a
	// sign) of which one must be in the sentence for the symbol to be
	// that unit: English pence only where the sentence speaks of money.
	unitCueWords map[string]map[string]bool
	// compass names the points of the compass by the letters a latitude
	// or a longitude is written with ("S": "south", German "O": "Ost");
	// nil: coordinates are left.
	compass map[string]string
	// tempCues are words that make a number glued to a C or an F in
	// their sentence a temperature ("temperatures hit 40C"); nil: such
	// numbers are left.
	tempCues map[string]bool

	// recordingCues are the words (in lower case) of a recording ("video",
	// "clip", "footage"): in a sentence with one, "0:24" is seconds into
	// it, not the day's first hour; nil: such times are read as clocks.
	recordingCues map[string]bool

	months map[string]month
	// monthNouns are nouns spelled as an abbreviated month ("set": a
	// tennis set, "settembre"): after a number at a sentence's end, with
	// no year, the full stop is the sentence's ("in 5 set." five sets).
	monthNouns map[string]bool
	monthNames [13]string
	// date says day d of month m of year y (0: no year) as written in c.
	date func(n *Normalizer, d, m, y int, c dateCtx) string
	// dayRange says the days d1 to d2 of month m of year y (0: no year),
	// written before the month ("5-7 January", "5.-7. Mai"); nil: such
	// spans are read number by number.
	dayRange func(n *Normalizer, d1, d2, m, y int, c dateCtx) string
	dates    dateStyle
	clock    clockStyle

	ordinals ordinalStyle
	// quarters says a quarter of a business year ("Q3", "T3 2024").
	quarters quarterStyle
	// fraction says num/den ("three quarters"), whole and num/den ("two and
	// a half"), when the language has a name for it; ok false leaves it.
	fraction func(whole, num, den uint64) (string, bool)
	// fractionAdj says a fraction joined by a hyphen to the noun it
	// makes an adjective with ("a 3/4-inch pipe": three-quarter, "a
	// 1/2-mile walk": half), its words joined by hyphens; nil: left.
	fractionAdj func(whole, num, den uint64) (string, bool)
	// oneAfter are the articles after which a fraction's "one" is not
	// said, the article counting it ("a ½ point" a half point, "an ⅛
	// inch" an eighth inch); nil: none.
	oneAfter map[string]bool
	// fractionOf says a fraction before the noun of measure it counts
	// ("half a cup", "un demi-litre", "media taza"); ok false leaves the
	// fraction to be said alone. fracNouns are the nouns of measure
	// written in full, besides the units' symbols.
	fractionOf func(f fracNoun) (string, bool)
	fracNouns  map[string]unit
	// ratingParts are the words after a pair of numbers with a slash
	// that make it a part of a whole, not a mark ("3/10 of voters", "8/10
	// der Befragten", "3/10 d'électeurs"); ratingDates the words before
	// one that make it a day of a month ("on 8/10", "am 8/10", "el
	// 8/10"); ratingStars the words after a whole number over five that
	// make it a mark ("4/5 stars"). A mark is said with words.outOf.
	ratingParts, ratingDates, ratingStars map[string]bool
	// dayBefore are the words after which a day and a month written with
	// a slash, the day first, are a date whatever their numbers ("am
	// 8/10": am achten Oktober, "el 3/4": el tres de abril).
	dayBefore map[string]bool
	// partOf says num/den as the noun of a part before the whole it is a
	// part of ("die Hälfte der Stimmen", "la moitié des voix", "la mitad
	// de los votos"), prev being the word before the fraction and next
	// the one after it; ok false leaves it to fraction.
	partOf func(num, den uint64, prev, next string) (string, bool)

	// isYear reports whether the four digits at text[i:j] are a year
	// rather than a quantity; nil: never read as a year.
	isYear  func(text string, i, j int) bool
	decades decadeStyle
	// versionWords are words after which a dotted number is a version
	// ("Python 3.12" is "three point twelve"), with the language's word
	// for "version" itself.
	versionWords map[string]bool
	// articleRefs are words after which a number, a full stop and one
	// or two digits is a code's article and its paragraph, where the
	// decimal mark is a comma (French "le 49.3", "l'article 49.3": le
	// quarante-neuf trois); nil: none.
	articleRefs map[string]bool
	// codeArticle is the word between the letter of a code's part and
	// the pieces of an article's number ("l'article L. 1234-5" of the
	// French labour code: L mille deux cent trente-quatre tiret cinq),
	// read after articleRefs; "": not read.
	codeArticle string
	// postal reads postal codes digit by digit.
	postal postalStyle
	// compoundNouns: a number is joined to a capitalized noun by a hyphen
	// ("3-Zimmer-Wohnung", German), not only to a lower-case word.
	compoundNouns bool
	// joinedSuffixes are the beginnings, in lower case, of the words a
	// number makes one word with when it is written out, the hyphen
	// being only the digits' ("10-jährig" zehnjährig, "3-fach" dreifach,
	// "18-Jährige" Achtzehnjährige: German).
	joinedSuffixes []string
	// nounsCapitalized: every noun is written with a capital (German), so
	// a word in lower case is none: "stand 1 Tisch" is the verb, no
	// "Stand 1" naming a booth by its number.
	nounsCapitalized bool
	// hyphenPrefixes are words a number may follow after a hyphen
	// ("mid-1990s", "pre-2008").
	hyphenPrefixes map[string]bool
	// colonScores: "3:1" is a score (German); feetInches: 5'10" is a
	// height (English).
	colonScores, feetInches bool
	// scores is how a game's score is said where the words around it show
	// it is one ("won 3-2", "a 4-0 win"), and regionScores how a country
	// says it ("gb": "four nil"), by the region of the language's tag;
	// scoreVerbs and scoreNouns are those words, before and after it, and
	// notScoreWords those of a vote ("voted 51-49") which is said as a
	// range. A zero scores: nothing of this, a score is said as a range.
	scores       scoreStyle
	regionScores map[string]scoreStyle
	// regionSays is the language as a country says what is written alike
	// everywhere, by region ("gb": English with "one hundred and five");
	// the text's country picks it, else the voice's (spokenRegion). The
	// written forms (the decimal mark, a date's order) are the text's.
	regionSays    map[string]*language
	scoreVerbs    map[string]bool
	scoreNouns    map[string]bool
	notScoreWords map[string]bool
	// digitNumbers are numbers said digit by digit ("911"); modelsAfter
	// are makers whose three-digit models are said in two parts ("Boeing
	// 737": seven thirty-seven).
	digitNumbers map[string]bool
	modelsAfter  map[string]bool
	// modelsBefore are the names a maker's three-digit model is written
	// before ("the 737 MAX", "the 787 Dreamliner"); modelNouns the nouns
	// of the kind of thing the maker's models are, before which only a
	// number of its pattern (modelPattern) is a model ("its 777 fleet":
	// no count of 777 planes is written so).
	modelsBefore map[string]bool
	// oddsWord joins the two numbers of odds written as one compound
	// ("a 1-in-4 chance", "a 1-in-100-year flood"); "": none are.
	// oddsRound is said for the "one" of a round hundred, thousand or
	// million in odds ("one in a hundred").
	oddsWord, oddsRound string
	// bearingOf is the word after a compass bearing written with letters
	// after a distance ("40km SW of the city"); distanceWords the plural
	// names of distances' units ("kilometers", "miles") before one; "":
	// bearings are left.
	bearingOf     string
	distanceWords map[string]bool
	// paceUnits are the units of distance a runner's pace is written
	// per ("7:27/mile"), and their names; nil: paces are left.
	paceUnits map[string]string
	// moneySuffixes are letters glued to a price that say what it is
	// per ("£399pp": per person), and what they say.
	moneySuffixes map[string]string
	// xScore is the word a game's score written with an "x" is said with
	// ("2 x 1": dois a um, Brazil's style), in a sentence with one of
	// xScoreCues; "": an "x" between numbers is "by".
	xScore       string
	xScoreCues   map[string]bool
	modelNouns   map[string]bool
	modelPattern *regexp.Regexp
	// tallyWords are words of a sentence in which a pair such as
	// "103-9" is a tally (a cricket side's runs for its wickets), not a
	// model and its variant (model).
	tallyWords map[string]bool
	// dialNumbers are numbers said digit by digit where the sentence
	// speaks of calling (dialCues) and no noun they count follows:
	// German "Notruf 112" eins eins zwei, but "112 Menschen".
	// dialVerbs are the verbs after which a short number is one to dial
	// or text, said digit by digit ("text 988", "call 311"), unless a
	// noun it counts follows ("call 300 people").
	dialVerbs             map[string]bool
	dialNumbers, dialCues map[string]bool
	// flightWords are the words after which a number of three or four
	// digits, an airline's code maybe between, names a flight, and flight
	// says it (English in pairs, as a year: "Flight BA 2490" twenty-four
	// ninety, "Flight 2005" twenty oh five); nil: as a number.
	flightWords map[string]bool
	flight      func(v int) string
	// pairsAfter are the words (and "§") after which a number of three
	// or four digits is said as flight says it, as statutes, tax forms
	// and routes are: "Section 230" two thirty, "§ 1983" nineteen
	// eighty-three, "Form 1040" ten forty.
	pairsAfter map[string]bool
	// namedNumbers are codes written with a leading zero that have a
	// name of their own ("007": double-oh seven).
	namedNumbers map[string]string

	// between are the words after which a range joins its ends with
	// "and" ("between 10 and 20"): "between", "zwischen", "entre", "tra".
	between map[string]bool
	// rangeFrom, when set, opens a range of plain numbers ("10-20
	// personas" is "de diez a veinte"), unless one of fromWords (or a
	// between word) comes before it already.
	rangeFrom string
	fromWords map[string]bool

	// letterNames are the names of the capital letters, for events named
	// by their day and an initial (Spanish "el 11-S": el once ese, "23-F",
	// "15-M"); nil: such names are left.
	letterNames map[rune]string

	// dayRangeSay says a span of weekdays ("du lundi au vendredi", "dal
	// lunedì al venerdì"); nil: the days joined by the language's "to".
	dayRangeSay func(from, to string) string

	// elides: an apostrophe glued between two letters ends an elided
	// word ("l'art. 5", "dell'80%"), and a token may start right after it.
	// Elsewhere (English "it's", German "geht's") what follows such an
	// apostrophe is a clitic of the word before, never a token of its own:
	// the "s." of "Weiter geht's." is no "siehe".
	elides bool
	// elisions are words written whole before a number that are elided
	// before the vowel its reading starts with, and their elided form
	// (French "de": "d'", "que": "qu'"); elidedBy are the first words of
	// the readings that elide them ("un", "une"; not "onze" nor "huit",
	// before which French elides nothing). nil: none.
	elisions map[string]string
	elidedBy map[string]bool

	abbrevs map[string]abbrev
	// femaleName reports whether a capitalized given name is a woman's,
	// for the titles said differently before one (abbrev.femName); nil:
	// none is.
	femaleName func(name string) bool
	// eraAfter are the words, in lower case, after which an era's
	// abbreviation is read (abbrev.era): "the 5th century BC", "the 5th
	// c. BC".
	eraAfter map[string]bool
	// phraseAbbrevs are the keys of abbrevs written with a hyphen, a slash or a
	// space ("c.-à-d.", "p. ex."), longest first: register finds them.
	phraseAbbrevs []string
	// abbrevEnds are abbreviated word endings and what they say, for a
	// compound that ends in one: German "Hauptstr." is "Hauptstraße".
	abbrevEnds map[string]string
	// doubledInitials: a plural name's abbreviation doubles each initial,
	// and its groups are one abbreviation ("FF. AA.", Spanish).
	doubledInitials bool
	startsMonth     bool // month abbreviations are read anywhere ("Nov." alone)
	// givenMonths are the month abbreviations that are also given names
	// ("Jan."): read as months, when startsMonth, only before a day or
	// a year or after one of monthAfter ("in Jan.", "since Jun."), and
	// left as written otherwise ("I met Jan.").
	givenMonths map[string]bool
	monthAfter  map[string]bool
	roman       romanStyle
	// sentenceStarters are words that begin a sentence far more often than
	// they follow an abbreviation's or an ordinal's full stop ("The").
	sentenceStarters map[string]bool

	// phonePairs reads the groups of a telephone number as numbers of two
	// digits (French: "zéro un, vingt-trois"), not digit by digit.
	phonePairs bool
	// phoneSpaced matches the telephone numbers written in groups of
	// digits and spaces alone, which elsewhere group thousands: "555 010
	// 4477" (North America), "912 345 678" (Spain), "333 123 4567" (Italy).
	phoneSpaced *regexp.Regexp
	// phoneCued matches the telephone numbers written in groups of
	// digits and spaces that are telephones only after a word for one
	// (phoneCue): Mexico's "55 1234 5678" after "tel." or "llame al";
	// their groups of four are said as two pairs.
	phoneCued *regexp.Regexp
	phoneCue  *regexp.Regexp

	// num matches a written number; reCache holds the patterns built on it.
	num      *regexp.Regexp
	reCache  sync.Map
	hostOnce sync.Once
	host     *strings.Replacer
}

// words are the language's words for symbols and joins.
type words struct {
	decimal   string // "point", "Komma", "virgule", "coma", "virgola"
	minus     string
	plus      string
	plusMinus string // "±": "plus or minus"
	// atLeast opens a number written with "+" after it before the noun
	// it counts, where the language says such a number so ("10+ ans":
	// au moins dix ans, "10+ años" al menos diez años); "": the "+" is
	// said after the number ("10+ years": ten plus years).
	atLeast  string
	percent  string
	perMille string // "‰": "per mille", "Promille", "pour mille"
	to       string // a range: "to", "bis", "à", "a"
	score    string // a score: "to", "zu", "à", "a"
	and      string // a whole number and a fraction: "and", "und", "et", "y", "e"
	// or joins alternatives ("24 h/48 h"): "or", "oder", "ou", "o"; orO
	// replaces it before a word that starts with the sound o (Spanish "siete
	// u ocho").
	or, orO string
	times   string // "×": "times", "mal", "fois", "por", "per"
	// outOf joins a rating to its scale ("8/10": eight out of ten);
	// "": ratings are read as fractions.
	outOf string
	// about is "~" glued to a number ("~20": about twenty), approx "≈"
	// before one ("approximately"); arrow is "→" between two terms
	// ("to"). "": the sign is left.
	about, approx, arrow string
	by                   string // sizes, "10 x 20": "by", "mal", "sur", "por", "per"
	// compare are the words for the signs that compare ("<", "≥"…)
	// before a number: [0] between two terms, spaced ("x > 5": "greater
	// than"), [1] glued to the number alone in prose (">50 people":
	// "more than"); nil: left, and "± 3", "√2" too.
	compare map[rune][2]string
	// root is "√" before a number: "the square root of"; "": left.
	root string
	// over joins a blood pressure's two numbers ("120/80 mmHg": "over",
	// "zu", "sur", "sobre", "su"); "": such pressures are left.
	over     string
	equals   string
	divided  string // "÷"
	squared  string
	cubed    string
	power    string // "to the power of"
	at       string // e-mail
	dot      string // addresses
	slash    string
	dash     string
	point    string // versions and IP addresses: "point", "Punkt"
	version  string // "version", what "v2.1" says
	section  string // "§": "section", "Paragraf"
	sections string // "§§": "sections", "Paragrafen"
	plusSign string // the "+" of an international telephone number
	seconds  string // "and twelve seconds": the seconds of a clock time
	oh       string // a zero said as a letter in a year's or a code's digits: "'05" is "oh five", "room 012" "room oh one two"
	// numberSign is what "#" says before a number: "#1" is "number one".
	numberSign string
}

// currency is how one currency is said.
type currency struct {
	one, many           string // "dollar", "dollars"
	g                   gender // the gender of the amount before it
	minorOne, minorMany string // "cent", "cents"; "" when none is said
	minorG              gender
}

// moneyStyle is how a language joins an amount, its scale and currency.
type moneyStyle struct {
	// scaleJoin comes between a scale word and the currency: "" (two
	// million dollars), "de" (deux millions de dollars), "di"; elide turns
	// it to "d'" before a vowel.
	scaleJoin string
	elide     bool
	// minorJoin comes between the main unit and the minor one: " and ",
	// " con "; minorName says the minor unit's name after it ("cents").
	minorJoin string
	minorName bool
}

// unit is how one unit is said after a number; adj is its form in a
// compound adjective ("a five-kilometer race"), "" when the language has
// none.
type unit struct {
	one, many string
	g         gender
	adj       string // "" when the adjective's form is one's ("a five-kilometer race")
}

// month is a written month: its number, and whether it must be
// capitalized to be a month ("May", not "may").
type month struct {
	m       int
	needCap bool
}

// wordCtx is the words around a token: what comes before it on the same
// line and after it.
type wordCtx struct {
	prev, next string
	rest       string // the text after the word, for wordAfterNext
	after      string // the text right after, up to two bytes: ", "
	before     string // the text right before, up to 32 bytes: "am Montag, "
}

// dateCtx is how a date was written, and the words around it.
type dateCtx struct {
	wordCtx
	// monthFirst: written month first ("Nov. 13"); ordinal: the day was
	// written as an ordinal ("1er", "1.º"); both: two days are meant, not
	// a span ("5./6. Mai").
	monthFirst, ordinal, both bool
}

var languages = map[string]*language{}

// spaceGroups are the characters that group thousands in every language:
// no-break, narrow no-break and thin spaces ("1 000 000").
const spaceGroups = `\x{00A0}\x{202F}\x{2009}`

func register(code string, l *language) {
	dec := regexp.QuoteMeta(string(l.decMark))
	l.num = regexp.MustCompile(`^(?:(?:\d{1,3}(?:[` + l.group + spaceGroups + `]\d{3})+|\d+)(?:` + dec + `\d+)?|` + dec + `\d+)`)
	for k := range l.abbrevs {
		if strings.ContainsAny(k, "- /") {
			l.phraseAbbrevs = append(l.phraseAbbrevs, k)
		}
	}
	// "m2", "cm3": the square and the cube typed as plain digits, as
	// listings and shops write them, are the same units.
	for k, u := range l.units {
		for sup, digit := range map[string]string{"²": "2", "³": "3"} {
			if plain, ok := strings.CutSuffix(k, sup); ok {
				if _, taken := l.units[plain+digit]; !taken {
					l.units[plain+digit] = u
				}
			}
		}
	}
	sort.Slice(l.phraseAbbrevs, func(a, b int) bool {
		x, y := l.phraseAbbrevs[a], l.phraseAbbrevs[b]
		return len(x) > len(y) || len(x) == len(y) && x < y
	})
	languages[code] = l
}

// rangeTo is the word that joins the two ends of a range written with a
// dash: the language's "to", or its "and" after its "between" ("between
// 10-20" is "between ten and twenty").
func (l *language) rangeTo(prev string) string {
	if l.between[strings.ToLower(prev)] {
		return l.w.and
	}
	return l.w.to
}

// rangeOpen is what a range of plain numbers after prev starts with:
// the language's "from" and a space, or "".
func (l *language) rangeOpen(prev string) string {
	p := strings.ToLower(prev)
	if l.rangeFrom == "" || l.between[p] || l.fromWords[p] {
		return ""
	}
	return l.rangeFrom + " "
}

// phraseAbbrevAt is the abbreviation written with a hyphen or a space
// that starts w, or "".
func (l *language) phraseAbbrevAt(w string) string {
	for _, k := range l.phraseAbbrevs {
		if strings.HasPrefix(w, k) {
			return k
		}
	}
	return ""
}

// amount is a written number: digits before and after the decimal mark.
// noInt: written with no digit before the mark (".5"), and so read with
// none ("point five").
type amount struct {
	intPart, frac string
	noInt         bool
}

// parseAmount reads a number matched by l.num.
func (l *language) parseAmount(s string) (amount, bool) {
	var a amount
	intEnd := len(s)
	if k := strings.LastIndexByte(s, l.decMark); k >= 0 {
		intEnd = k
		a.frac = s[k+1:]
	}
	var b strings.Builder
	for _, c := range s[:intEnd] {
		if c >= '0' && c <= '9' {
			b.WriteRune(c)
		}
	}
	a.intPart = b.String()
	if a.intPart == "" && a.frac != "" {
		a.intPart, a.noInt = "0", true // ".5"
	}
	if len(strings.TrimLeft(a.intPart, "0")) > 15 || a.intPart == "" {
		return a, false
	}
	return a, true
}

func (a amount) value() uint64 {
	v, _ := strconv.ParseUint(a.intPart, 10, 64)
	return v
}

// one reports whether a is exactly one, which takes the singular.
func (a amount) one() bool {
	return a.value() == 1 && strings.Trim(a.frac, "0") == ""
}

// singular reports whether the noun after a is in the singular: after
// exactly one, and where the plural starts at two (pluralFromTwo) after
// any number under it ("un virgule cinq million", "zéro virgule cinq
// litre").
func (l *language) singular(a amount) bool {
	return a.one() || l.pluralFromTwo && a.value() < 2
}

// spell says a: "three point one four", "forty-three", "trois virgule
// quatorze"; g is the gender of what it counts.
func (l *language) spell(a amount, g gender) string {
	if a.frac == "" {
		return l.cardinal(a.value(), g)
	}
	if a.noInt {
		return l.w.decimal + " " + l.fracWords(a.frac)
	}
	return l.cardinal(a.value(), plain) + " " + l.w.decimal + " " + l.fracWords(a.frac)
}

// fracWords says the digits after a decimal mark: one by one, or as a
// number with its leading zeros said ("zéro cinq").
func (l *language) fracWords(frac string) string {
	if !l.fracAsNumber || len(frac) > 3 {
		return l.digits(frac)
	}
	t := strings.TrimLeft(frac, "0")
	var parts []string
	for range len(frac) - len(t) {
		parts = append(parts, l.cardinal(0, plain))
	}
	if t != "" {
		v, _ := strconv.ParseUint(t, 10, 64)
		parts = append(parts, l.cardinal(v, plain))
	}
	return strings.Join(parts, " ")
}

// digits reads each digit of s ("zero one two"), skipping anything else.
func (l *language) digits(s string) string {
	var parts []string
	for _, c := range s {
		if c >= '0' && c <= '9' {
			parts = append(parts, l.cardinal(uint64(c-'0'), plain))
		}
	}
	return strings.Join(parts, " ")
}

// genderOf is the gender of the word after a number.
func (l *language) genderOf(word string) gender {
	if l.nounGender == nil || word == "" {
		return plain
	}
	return l.nounGender(word)
}

// withScale says an amount followed by a scale word of power pow:
// "two point five million", "eine Million", "un virgule cinq milliards".
// A whole number is said as the number it makes, as the language joins
// it to its scale: "cinquecentomila" (it "500 mila"), "veintiún mil" (es
// "21 mil"), "fünfhunderttausend" (de "500 Tsd."), "ventun milioni".
// written is the scale as the text writes it: a scale of two words
// ("lakh crore", ten to the twelfth in Indian English) is said as
// written, which its power alone would call a trillion.
func (l *language) withScale(a amount, pow int, written string) string {
	name := l.scaleName(pow, !l.singular(a))
	if strings.Contains(written, " ") {
		return l.spell(a, plain) + " " + written
	}
	if !a.one() {
		if v := a.value(); a.frac == "" && pow%3 == 0 && v > 0 && v < 1000 {
			return l.cardinal(v*pow10(pow), plain)
		}
		return l.spell(a, plain) + " " + name
	}
	if one := l.scaleOne(pow); one != "" {
		return one + " " + name
	}
	return name
}

// pow10 is ten to the power p.
func pow10(p int) uint64 {
	v := uint64(1)
	for range p {
		v *= 10
	}
	return v
}

// re compiles a pattern with NUM standing for the language's numbers,
// once per language and pattern.
func (l *language) re(pattern string) *regexp.Regexp {
	if v, ok := l.reCache.Load(pattern); ok {
		return v.(*regexp.Regexp)
	}
	numPat := strings.TrimPrefix(l.num.String(), "^")
	re := regexp.MustCompile(strings.ReplaceAll(pattern, "NUM", numPat))
	l.reCache.Store(pattern, re)
	return re
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// cur is a currency whose amounts take no gender.
func cur(one, many, minorOne, minorMany string) currency {
	return currency{one: one, many: many, minorOne: minorOne, minorMany: minorMany}
}

// un is a unit whose amounts take no gender.
func un(one, many string) unit { return unit{one: one, many: many} }

// union is a set with the words of both.
func union(a, b map[string]bool) map[string]bool {
	m := make(map[string]bool, len(a)+len(b))
	for w := range a {
		m[w] = true
	}
	for w := range b {
		m[w] = true
	}
	return m
}
