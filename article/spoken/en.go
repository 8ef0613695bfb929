package spoken

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

func init() {
	en := newEnglish(enCardinal)
	register("en", en)
	// Britain and the Commonwealth say "and" inside a number ("one
	// hundred and five", "two thousand and twenty-three"), America does
	// not: a text or a voice of one of those countries reads numbers so.
	gb := newEnglish(enCardinalGB)
	// Britain's emergency number is said digit by digit, as 911 is.
	gb.digitNumbers = setOf("911", "999")
	register("en-gb", gb)
	en.regionSays = map[string]*language{}
	for _, r := range enAndRegions {
		en.regionSays[r] = gb
	}
}

// enAndRegions are the countries whose English says "and" before a
// number's tens and units, and a game's score "four nil".
var enAndRegions = []string{"gb", "uk", "ie", "au", "nz", "za", "in", "sg", "hk", "mt", "ng", "ke", "gh", "ug",
	"tz", "zm", "zw", "jm", "tt", "my", "pk", "lk", "bd"}

// newEnglish is the English language whose numbers card spells.
func newEnglish(card func(uint64) string) *language {
	months := map[string]month{}
	for k, m := range enMonths {
		// Month names are capitalized; so are "Mar" and "May", which are
		// words too. Other abbreviations are months in lower case.
		months[k] = month{m: m, needCap: !strings.Contains(k, ".") && (len(k) > 4 || k == "mar" || k == "may")}
	}
	return &language{
		group: `,`, decMark: '.',
		cardinal:    func(n uint64, _ gender) string { return card(n) },
		ordinal:     func(n uint64, _ gender) string { return enOrdinalize(card(n)) },
		year:        func(y int) string { return enYearWith(card, y) },
		minute:      func(l *language, n uint64) string { return enOrdinal(n) + " minute" },
		houseNumber: enHouseNumber,
		road:        enRoad,
		w: words{over: "over", numberSign: "number", decimal: "point", minus: "minus", plus: "plus", plusMinus: "plus or minus", percent: "percent", perMille: "per mille", to: "to", score: "to", and: "and", or: "or",
			times: "times", outOf: "out of", by: "by", about: "about", approx: "approximately", arrow: "to", equals: "equals", divided: "divided by", squared: "squared", cubed: "cubed",
			power: "to the power of", at: "at", dot: "dot", slash: "slash", dash: "dash", point: "point",
			version: "version", section: "section", sections: "sections", oh: "oh", plusSign: "plus", seconds: "seconds",
			compare: map[rune][2]string{'<': {"less than", "less than"}, '>': {"greater than", "more than"},
				'≤': {"less than or equal to", "at most"}, '≥': {"greater than or equal to", "at least"},
				'≠': {"not equal to", "not equal to"}},
			root: "the square root of"},
		tag: tagStyle{noun: "tag", names: map[string]string{"img": "image"}, nounBefore: setOf("and", "or", "but", "for",
			"to", "in", "inside", "into", "within", "of", "on", "at", "as", "with", "without", "by", "from", "is",
			"are", "was", "were", "has", "have", "had", "can", "will", "would", "should", "must", "may", "that",
			"which", "so", "if", "then", "when", "where", "holds", "contains", "wraps", "adds", "creates",
			"defines", "makes", "lets", "gives", "takes", "goes", "needs", "tells", "marks", "works", "appears")},
		scales: map[string]int{"thousand": 3, "million": 6, "billion": 9, "trillion": 12,
			"k": 3, "K": 3, "bn": 9, "tn": 12, "trn": 12, "mn": 6, "lakh": 5, "crore": 7, "lakh crore": 12},
		scaleName: func(pow int, _ bool) string {
			switch pow {
			case 5:
				return "lakh"
			case 7:
				return "crore"
			}
			return enScales[pow/3]
		},
		scaleOne:    func(int) string { return "one" },
		countScales: map[string]int{"m": 6, "k": 3, "M": 6, "B": 9},
		oneAfter:    setOf("a", "an"),
		ratingParts: setOf("of"),
		ratingDates: setOf("on", "at", "by", "until", "till", "from", "since", "before", "after", "around"),
		ratingStars: setOf("stars", "star"),
		dayBefore:   setOf("on"),
		// Nouns that name an item of a code or a document by its number
		// ("Section 222-33": one number in two parts).
		labelNouns: setOf("article", "section", "clause", "paragraph", "rule", "regulation", "chapter", "title",
			"table", "figure", "appendix", "annex", "schedule", "exhibit", "room", "suite", "unit", "gate", "platform",
			"apartment", "building", "exercise", "question", "step"),
		counted:       enCounted,
		money:         moneyStyle{minorJoin: " and ", minorName: true},
		currencies:    enCurrencies,
		units:         enUnits,
		unitAdjective: true,
		// "pt" is a point ("won by 1 pt", "a 12 pt font") but a pint
		// before what it measures ("1 pt cream").
		unitsNotBeforeNoun: setOf("pt"),
		compass:            map[string]string{"N": "north", "S": "south", "E": "east", "W": "west"},
		// "450p" is pence written glued to the amount, as British prices
		// and share prices are, in a sentence about money; "1080p",
		// "60p" are a video's lines and frames.
		unitIf: map[string]func(string, bool, string) bool{"p": func(num string, spaced bool, next string) bool {
			if spaced || enScreenWords[strings.ToLower(next)] {
				return false
			}
			// A thousand pence and more are written grouped ("1,250p");
			// "1200p" is a screen's lines.
			v := atoi(num)
			return strings.Contains(num, ".") || strings.Contains(num, ",") || v < 1000 && !videoLines[uint64(v)]
		}},
		// "bps" is basis points in a sentence about rates or yields, bits
		// per second elsewhere ("a 300 bps modem").
		unitCueWords: map[string]map[string]bool{"W": enWattCues, "p": enPenceCues, "bps": enRateCues, "pc": enPcCues, "pp": enPcCues, "ppts": enPcCues},
		tempCues: setOf("temperature", "temperatures", "temps", "heat", "heatwave", "hot", "hotter", "hottest",
			"warm", "warmer", "warmest", "cold", "colder", "coldest", "freezing", "chilly", "mild", "mercury",
			"thermometer", "thermometers", "forecast", "weather", "highs", "lows", "degrees", "celsius", "fahrenheit",
			"chill", "chills", "windchill"),
		cueUnits: map[string]unit{"m": un("meter", "meters")},
		// Past tenses only, and not "fell", "climbed", "jumped" or
		// "dived": shares and profits do those by millions, and a firm
		// "runs 10m ads".
		party: enParty,
		unitVerbs: setOf("ran", "swam", "swum", "walked", "threw", "thrown", "hurled", "vaulted", "sprinted",
			"cycled", "rowed", "paddled", "hiked", "trekked", "sailed", "abseiled"),
		race: enRace,
		unitCues: setOf("tall", "high", "long", "wide", "deep", "thick", "thin", "narrow", "away", "across", "apart", "offshore",
			"inland", "underground", "below", "above"),
		hyphenUnits: map[string]string{"m": "meter", "in": "inch", "min": "minute", "hr": "hour", "sec": "second",
			"yd": "yard", "lb": "pound", "oz": "ounce", "mi": "mile", "ft": "foot", "mm": "millimeter", "cm": "centimeter"},
		recordingCues: setOf("video", "videos", "clip", "clips", "footage", "recording", "recordings", "audio",
			"podcast", "episode", "song", "track", "livestream", "stream", "broadcast", "film", "movie", "trailer",
			"mark", "timestamp", "youtube", "tiktok", "vlog", "reel", "soundtrack", "scene"),
		months:     months,
		monthNames: enMonthNames,
		date:       enDate,
		dayRange:   enDayRange,
		clock: clockStyle{say: enClock, ampm: true, before: setOf("at", "by", "until", "till", "from", "since", "before", "after", "around"),
			levelVerbs: setOf("trading", "trades", "traded", "trade", "priced", "valued", "stands", "stood", "standing",
				"peaked", "settled", "pegged", "capped"),
			changeVerbs: setOf("rose", "rise", "rises", "rising", "risen", "fell", "fall", "falls", "falling", "fallen",
				"grew", "grow", "grows", "growing", "grown", "increased", "increase", "increases", "decreased", "decrease",
				"decreases", "dropped", "drop", "drops", "climbed", "climb", "climbs", "gained", "gain", "gains", "lost",
				"lose", "loses", "cut", "cuts", "raised", "raise", "raises", "lowered", "jumped", "jump", "jumps",
				"slipped", "slip", "slips", "shrank", "shrink", "shrinks", "declined", "decline", "declines", "surged",
				"soared", "plunged", "slumped", "tumbled", "eased", "widened", "narrowed", "up", "down", "higher"),
			changePreps: setOf("by", "from"),
			amountNouns: setOf("points", "point", "times", "percentage", "basis", "bps", "pts", "pence", "cents", "fold"),
			hour:        un("hour", "hours"), minute: un("minute", "minutes"), second: un("second", "seconds"),
			zones: map[string]string{"ET": "Eastern Time", "EST": "Eastern Standard Time", "EDT": "Eastern Daylight Time",
				"CT": "Central Time", "CST": "Central Standard Time", "CDT": "Central Daylight Time",
				"MT": "Mountain Time", "MST": "Mountain Standard Time", "MDT": "Mountain Daylight Time",
				"PT": "Pacific Time", "PST": "Pacific Standard Time", "PDT": "Pacific Daylight Time",
				"AKST": "Alaska Standard Time", "AKDT": "Alaska Daylight Time", "HST": "Hawaii Standard Time"},
			zoneAfter: setOf("noon", "midnight", "o'clock", "o’clock", "midday")},
		ordinals: ordinalStyle{
			re:     regexp.MustCompile(`^(\d{1,3}(?:,\d{3})+|\d{1,9})(st|nd|rd|th|ST|ND|RD|TH)\b`),
			suffix: enOrdinalSuffix,
		},
		fraction:    enFraction,
		fractionAdj: enFractionAdj,
		fractionOf:  enFractionOf,
		fracNouns:   enFracNouns,
		isYear:      enIsYear,
		decades: decadeStyle{
			re: regexp.MustCompile(`^(?:(\d{2,4})|['’](\d0))['’]?s\b`),
			// "the '00s": the two thousands, understood on both sides
			// of the Atlantic (the noughties, the aughts are not).
			noughts: true,
			say: func(y int) string {
				if y == 0 {
					return "two thousands"
				}
				if y < 100 {
					return enPlural(enCardinal(uint64(y)))
				}
				return enPluralLast(enYearWith(card, y))
			},
		},
		abbrevs: enAbbrevs,
		// Business news reads the label "Q3" as written, "Q three", in
		// any place of a sentence, where "third quarter" would need an
		// article or a hyphen the text does not have ("in Q3", "Q3
		// results").
		// A half is read so too, "H1 2024" H one, before its year; a
		// year's two digits glued to the label ("3Q24", "1H24") or after
		// an apostrophe ("Q3'24") are its year, "twenty-four".
		quarters: quarterStyle{letter: 'Q', say: func(q int, _ string, _ bool) (string, bool) {
			return "Q " + enCardinal(uint64(q)), true
		}, half: 'H', sayHalf: func(h int) string { return "H " + enCardinal(uint64(h)) },
			shortYear: func(yy int) string { return enShortYear(card, yy) }},
		eraAfter:    setOf("century", "centuries", "c.", "millennium", "millennia"),
		between:     setOf("between"),
		startsMonth: true,
		givenMonths: setOf("Jan.", "Jun."),
		monthAfter: setOf("in", "since", "until", "till", "through", "thru", "early", "late", "mid", "last", "next", "this",
			"each", "every", "during", "before", "after", "between", "mid-", "end", "beginning", "start", "middle"),
		roman: romanStyle{regnal: enRegnal, series: enSeries, seriesPlural: enSeriesPlural,
			titles: setOf("King", "Queen", "Pope", "Emperor", "Empress", "Tsar", "Czar", "Tsarina", "Kaiser",
				"Prince", "Princess", "Duke", "Sultan", "Pharaoh", "Saint", "St."),
			reign: func(v int, _ bool, _ string) string { return "the " + enOrdinal(uint64(v)) }},
		versionWords: setOf("version", "Version", "v", "release", "Release", "update", "Update", "Python", "iOS",
			"iPadOS", "Android", "macOS", "Windows", "Linux", "kernel", "Firefox", "Chrome", "Java", "Go", "Node",
			"Ubuntu", "Debian", "Fedora", "Ansible", "Kubernetes", "PHP", "Ruby", "Perl", "Django", "TypeScript", "Safari"),
		postal: postalStyle{before: union(enStates, setOf("ZIP", "zip", "code", "D.C.", "D.C", "Calif.", "Mass.", "Conn.", "Fla.",
			"Ga.", "Ill.", "Md.", "Mich.", "Minn.", "Pa.", "Tenn.", "Va.", "Wash.", "Wis."))},
		phoneSpaced:  regexp.MustCompile(`^\d{3} \d{3} \d{4}\b`),
		feetInches:   true,
		scores:       scoreStyle{join: "to", set: true, setZero: "love"},
		regionScores: enRegionScores,
		scoreVerbs: setOf("won", "win", "wins", "winning", "lost", "lose", "loses", "losing", "beat", "beats", "beating",
			"defeated", "defeat", "defeats", "drew", "draw", "draws", "tied", "tie", "ties", "trail", "trails", "trailed",
			"trailing", "lead", "leads", "led", "leading", "edged", "edge", "thrashed", "routed", "crushed", "downed",
			"level", "finished", "ended", "end", "ends"),
		scoreNouns: setOf("win", "wins", "victory", "victories", "defeat", "defeats", "loss", "losses", "draw", "draws",
			"lead", "scoreline", "score", "aggregate", "penalties", "pens", "thrashing", "drubbing", "triumph", "rout",
			"comeback", "shootout", "result", "halftime", "half-time", "extra", "overtime"),
		notScoreWords: setOf("vote", "votes", "voted", "voting", "ruled", "ruling", "rulings", "majority", "margin",
			"decision", "verdict", "ratio", "odds", "shot", "scale", "split", "chance", "chances",
			// A bill's or a motion's passage is a vote's count: "The bill
			// passed 52-48", "cleared the House 218-214", "approved 7-2".
			"passed", "passes", "cleared", "clears", "approved", "approves", "rejected", "rejects", "adopted",
			"confirmed", "upheld", "overturned", "house", "senate", "commons", "lords", "senators", "lawmakers",
			"mps", "jury", "justices", "committee", "panel", "council", "board"),
		digitNumbers: setOf("911"),
		dialVerbs:    setOf("call", "calls", "called", "calling", "text", "texts", "texted", "texting", "dial", "dialed", "dialled", "dialing", "dialling", "phone", "ring", "txt"),
		namedNumbers: map[string]string{"007": "double-oh seven"},
		plusSuffix:   "-plus",
		perHyphen:    regexp.MustCompile(`^-(an?|per)-(\pL+)`),
		modelsAfter:  setOf("Boeing"),
		// Boeing's families and its jets: "the 737 MAX 8", "a 747 jumbo",
		// "its 777 fleet".
		modelsBefore: setOf("MAX", "Max", "Dreamliner", "Dreamliners", "Jumbo", "jumbo", "jumbos", "Jumbos", "Stratoliner", "Stratocruiser"),
		modelNouns: setOf("jet", "jets", "jetliner", "jetliners", "airliner", "airliners", "plane", "planes", "aircraft",
			"freighter", "freighters", "fleet", "fleets", "fuselage", "fuselages", "cockpit", "cockpits", "crash", "crashes",
			"model", "models", "variant", "variants", "programme", "program", "family"),
		modelPattern:  regexp.MustCompile(`^7[0-8]7$`),
		oddsWord:      "in",
		oddsRound:     "a",
		bearingOf:     "of",
		paceUnits:     map[string]string{"mile": "mile", "mi": "mile", "km": "kilometer", "kilometer": "kilometer", "kilometre": "kilometer"},
		moneySuffixes: map[string]string{"pp": "per person", "pppn": "per person per night", "pn": "per night"},
		distanceWords: setOf("kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "meters", "metres",
			"meter", "metre", "feet", "yards"),
		tallyWords: setOf("wicket", "wickets", "innings", "stumps", "lunch", "tea", "declared", "declare", "overs",
			"batting", "bowled", "bowling", "runs", "chasing", "chase", "cricket", "test", "odi"),
		flightWords: setOf("flight", "Flight", "flights", "Flights", "FLIGHT"),
		flight:      enPairs,
		streetWords: setOf("street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive", "dr", "lane", "ln",
			"way", "court", "ct", "place", "pl", "terrace", "ter", "highway", "hwy", "parkway", "pkwy", "square", "sq",
			"circle", "cir", "trail", "plaza", "pike", "alley"),
		pairsAfter: setOf("§", "Section", "section", "Sec.", "sec.", "Form", "form", "Rule", "Highway", "Hwy.", "Hwy", "Route",
			"Room", "room", "RTX", "GTX", "RX", "Xbox"), // a graphics card's model: "RTX 4090" forty ninety; "Xbox 360"
		hyphenPrefixes: setOf("mid", "pre", "post", "sub", "late", "early"),
		rate: rateStyle{per: "per", perCount: "per", nouns: withShort(nouns(plain, "hour", "hours", "day", "days", "week", "weeks",
			"month", "months", "year", "years", "night", "nights", "person", "people", "head", "heads", "unit", "units", "share", "shares", "barrel", "barrels", "ton", "tons",
			"tonne", "tonnes", "gallon", "gallons", "liter", "liters", "litre", "litres", "pound", "pounds", "ounce", "ounces"),
			// "$25/mo": per month, the short word said in full.
			"yr", "year", "mo", "month", "wk", "week")},
		currencyNames: map[string]string{"dollars": "$", "dollar": "$", "euros": "€", "euro": "€", "cents": "¢"},
		sentenceStarters: setOf("The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They",
			"We", "I", "You", "In", "On", "At", "But", "And", "Or", "So", "Then", "There", "Its", "His", "Her",
			"Their", "Our", "After", "Before", "When", "While", "If", "As", "Police", "Officials", "Residents"),
	}
}

// enRegionScores are the countries that say a game's score their own
// way: Britain and the Commonwealth say "four nil", "two one" (a zero is
// "nil", and the numbers are said one after the other), North America
// "four to nothing". Elsewhere, and where no country is known ("en"),
// a score is "four to zero".
var enRegionScores = func() map[string]scoreStyle {
	m := map[string]scoreStyle{}
	for _, r := range enAndRegions {
		m[r] = scoreStyle{zero: "nil", set: true, setZero: "love"}
	}
	for _, r := range []string{"us", "ca", "ph", "pr"} {
		m[r] = scoreStyle{join: "to", zero: "nothing", set: true, setZero: "love"}
	}
	return m
}()

// enStates are the postal abbreviations of the United States' states and
// territories: five digits after one are a ZIP code.
var enStates = setOf("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
	"IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
	"NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
	"PR", "GU", "VI")

// enPluralLast pluralizes the last word of a spelled year ("nineteen
// ninety" -> "nineteen nineties").
func enPluralLast(s string) string {
	i := strings.LastIndexAny(s, " -")
	return s[:i+1] + enPlural(s[i+1:])
}

var enCurrencies = map[string]currency{
	"$": cur("dollar", "dollars", "cent", "cents"), "US$": cur("US dollar", "US dollars", "cent", "cents"),
	"A$": cur("Australian dollar", "Australian dollars", "cent", "cents"), "AU$": cur("Australian dollar", "Australian dollars", "cent", "cents"),
	"C$": cur("Canadian dollar", "Canadian dollars", "cent", "cents"), "CA$": cur("Canadian dollar", "Canadian dollars", "cent", "cents"),
	"NZ$": cur("New Zealand dollar", "New Zealand dollars", "cent", "cents"), "HK$": cur("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
	"S$": cur("Singapore dollar", "Singapore dollars", "cent", "cents"), "R$": cur("real", "reais", "centavo", "centavos"),
	"€": cur("euro", "euros", "cent", "cents"), "£": cur("pound", "pounds", "penny", "pence"),
	"¥": cur("yen", "yen", "", ""), "₹": cur("rupee", "rupees", "paisa", "paise"), "¢": cur("cent", "cents", "", ""),
	"₩": cur("won", "won", "", ""), "₽": cur("rouble", "roubles", "kopek", "kopeks"), "₺": cur("Turkish lira", "Turkish lira", "kurus", "kurus"),
	"₱": cur("peso", "pesos", "centavo", "centavos"), "₦": cur("naira", "naira", "kobo", "kobo"), "₪": cur("shekel", "shekels", "agora", "agorot"),
	"USD": cur("US dollar", "US dollars", "cent", "cents"), "EUR": cur("euro", "euros", "cent", "cents"),
	"GBP": cur("pound", "pounds", "penny", "pence"), "CHF": cur("Swiss franc", "Swiss francs", "centime", "centimes"),
	"JPY": cur("yen", "yen", "", ""), "CNY": cur("yuan", "yuan", "", ""), "RMB": cur("yuan", "yuan", "", ""),
	"INR": cur("rupee", "rupees", "paisa", "paise"), "Rs": cur("rupee", "rupees", "paisa", "paise"),
	"Rs.": cur("rupee", "rupees", "paisa", "paise"), "CAD": cur("Canadian dollar", "Canadian dollars", "cent", "cents"),
	"AUD": cur("Australian dollar", "Australian dollars", "cent", "cents"), "NZD": cur("New Zealand dollar", "New Zealand dollars", "cent", "cents"),
	"HKD": cur("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"), "SGD": cur("Singapore dollar", "Singapore dollars", "cent", "cents"),
	"SEK": cur("Swedish krona", "Swedish kronor", "", ""), "NOK": cur("Norwegian krone", "Norwegian kroner", "", ""),
	"DKK": cur("Danish krone", "Danish kroner", "", ""), "RUB": cur("rouble", "roubles", "", ""),
	"BRL": cur("real", "reais", "", ""), "MXN": cur("Mexican peso", "Mexican pesos", "", ""), "ZAR": cur("rand", "rand", "", ""),
	"KRW": cur("won", "won", "", ""), "TRY": cur("Turkish lira", "Turkish lira", "", ""), "PLN": cur("zloty", "zloty", "", ""),
}

// enPenceCues are the words of a sentence about money in which an amount
// glued to "p" is pence ("Shares fell 12p", "a 50p coin", "3.5p a
// litre"); "£" is one too.
var enPenceCues = setOf("£", "pence", "penny", "share", "shares", "price", "prices", "priced", "cost", "costs",
	"costing", "coin", "coins", "litre", "litres", "pay", "paid", "pays", "fare", "fares", "stamp", "stamps",
	"tax", "duty", "charge", "charged", "cheaper", "dearer", "sold", "sell", "sells", "buy", "bought", "fee",
	"fees", "pound", "pounds", "rose", "fell", "closed", "dividend", "dividends", "offer")

// enScreenWords are the words a video's lines or frames ("1200p
// display", "60p video") are written before.
var enScreenWords = setOf("display", "displays", "screen", "screens", "video", "videos", "resolution", "hd", "camera",
	"cameras", "footage", "recording", "monitor", "monitors", "panel", "stream", "streaming", "hdr", "fps")

// videoLines are the heights of video formats written with a "p"
// ("1080p"), which is no penny after them.
var videoLines = map[uint64]bool{144: true, 240: true, 360: true, 480: true, 540: true, 576: true, 720: true,
	1080: true, 1440: true, 2160: true, 4320: true}

var enUnits = map[string]unit{
	"p":  {one: "penny", many: "pence", adj: "pence"},
	"km": un("kilometer", "kilometers"), "mmHg": un("millimeter of mercury", "millimeters of mercury"), "cm": un("centimeter", "centimeters"), "mm": un("millimeter", "millimeters"),
	"kg": un("kilogram", "kilograms"), "mg": un("milligram", "milligrams"), "g": un("gram", "grams"),
	"lb": un("pound", "pounds"), "lbs": un("pounds", "pounds"), "oz": un("ounce", "ounces"),
	"mph": un("mile per hour", "miles per hour"), "km/h": un("kilometer per hour", "kilometers per hour"),
	"kph": un("kilometer per hour", "kilometers per hour"), "ft": un("foot", "feet"), "mi": un("mile", "miles"),
	"km2": un("square kilometer", "square kilometers"), "km²": un("square kilometer", "square kilometers"),
	"m2": un("square meter", "square meters"), "m²": un("square meter", "square meters"),
	"°C": un("degree Celsius", "degrees Celsius"), "°F": un("degree Fahrenheit", "degrees Fahrenheit"), "°": un("degree", "degrees"),
	"W": un("watt", "watts"), "kW": un("kilowatt", "kilowatts"), "MW": un("megawatt", "megawatts"), "GW": un("gigawatt", "gigawatts"),
	"kWh": un("kilowatt hour", "kilowatt hours"), "MWh": un("megawatt hour", "megawatt hours"), "GWh": un("gigawatt hour", "gigawatt hours"),
	"GB": un("gigabyte", "gigabytes"), "MB": un("megabyte", "megabytes"), "TB": un("terabyte", "terabytes"),
	"Hz": un("hertz", "hertz"), "kHz": un("kilohertz", "kilohertz"), "KHz": un("kilohertz", "kilohertz"), "MHz": un("megahertz", "megahertz"), "GHz": un("gigahertz", "gigahertz"),
	"ha": un("hectare", "hectares"), "ml": un("milliliter", "milliliters"), "mL": un("milliliter", "milliliters"),
	"yd": un("yard", "yards"), "yds": un("yards", "yards"), "mpg": un("mile per gallon", "miles per gallon"),
	"fps": un("frame per second", "frames per second"), "FPS": un("frame per second", "frames per second"),
	"hp": un("horsepower", "horsepower"), "kcal": un("kilocalorie", "kilocalories"), "ms": un("millisecond", "milliseconds"),
	"Mbps": un("megabit per second", "megabits per second"), "Gbps": un("gigabit per second", "gigabits per second"),
	"sq mi": un("square mile", "square miles"), "sq ft": un("square foot", "square feet"),
	"sq km": un("square kilometer", "square kilometers"), "sq m": un("square meter", "square meters"),
	"L": un("liter", "liters"), "l": un("liter", "liters"), "tsp": un("teaspoon", "teaspoons"), "tbsp": un("tablespoon", "tablespoons"),
	"gal": un("gallon", "gallons"), "qt": un("quart", "quarts"), "in.": un("inch", "inches"),
	"h": un("hour", "hours"), "hr": un("hour", "hours"), "hrs": un("hours", "hours"),
	"min": un("minute", "minutes"), "mins": un("minutes", "minutes"), "s": un("second", "seconds"),
	"sec": un("second", "seconds"), "secs": un("seconds", "seconds"),
	"yr": un("year", "years"), "yrs": un("years", "years"), "mth": un("month", "months"), "mths": un("months", "months"),
	"wk": un("week", "weeks"), "wks": un("weeks", "weeks"),
	"cl": un("centiliter", "centiliters"), "dl": un("deciliter", "deciliters"), "dL": un("deciliter", "deciliters"),
	// A blood test's units: "100 mg/dL", "5.5 mmol/L", "2 ng/mL".
	"mmol": un("millimole", "millimoles"), "µmol": un("micromole", "micromoles"), "ng": un("nanogram", "nanograms"),
	"µg": un("microgram", "micrograms"), "dB": un("decibel", "decibels"), "ppm": un("part per million", "parts per million"), "bp": {one: "basis point", many: "basis points", adj: "basis-point"},
	"bps": {one: "basis point", many: "basis points", adj: "basis-point"}, "bbl": un("barrel", "barrels"),
	"bbl/d": un("barrel per day", "barrels per day"),
	// The British press's per cent: "fell 2.4pc" (see enPcCues).
	"pc": {one: "percent", many: "percent", adj: "percent"}, "µm": un("micrometer", "micrometers"), "mcg": un("microgram", "micrograms"),
	"m³": un("cubic meter", "cubic meters"), "m3": un("cubic meter", "cubic meters"),
	"cm³": un("cubic centimeter", "cubic centimeters"), "cm²": un("square centimeter", "square centimeters"),
	"V": un("volt", "volts"), "kV": un("kilovolt", "kilovolts"),
	"TWh": un("terawatt hour", "terawatt hours"), "mAh": un("milliamp hour", "milliamp hours"), "kB": un("kilobyte", "kilobytes"),
	// A box score's counts: "45 pts, 12 reb, 8 ast".
	"pts": un("point", "points"), "reb": un("rebound", "rebounds"), "ast": un("assist", "assists"),
	"pt": un("point", "points"),
	// The change of a rate: "up 4.5pp", "3 ppts lower" (see enPcCues).
	"pp":   {one: "percentage point", many: "percentage points", adj: "percentage-point"},
	"ppts": {one: "percentage points", many: "percentage points", adj: "percentage-point"},
	// A body's weight in Britain: "9st 4lb" is nine stone four pounds.
	"st": un("stone", "stone"),
}

var enMonths = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9, "sept.": 9,
	"oct.": 10, "nov.": 11, "dec.": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// enDate: "November thirteenth, twenty fifteen" (month first), or "the
// thirteenth of November twenty fifteen" where the day is written first
// outside the United States.
func enDate(n *Normalizer, d, m, y int, c dateCtx) string {
	var s string
	if !c.monthFirst && n.dmy {
		s = "the " + enOrdinal(uint64(d)) + " of " + n.l.monthNames[m]
		if y != 0 {
			s += " " + n.l.year(y)
		}
		return s
	}
	s = n.l.monthNames[m] + " " + enOrdinal(uint64(d))
	if y != 0 {
		s += ", " + n.l.year(y)
	}
	return s
}

// enDayRange: "the fifth to the seventh of January" where the day is said
// first, "January fifth to seventh" in the United States.
func enDayRange(n *Normalizer, d1, d2, m, y int, c dateCtx) string {
	to := pick(c.both, n.l.w.and, n.l.rangeTo(c.prev))
	if n.dmy {
		s := "the " + enOrdinal(uint64(d1)) + " " + to + " the " + enOrdinal(uint64(d2)) + " of " + n.l.monthNames[m]
		if y != 0 {
			s += " " + n.l.year(y)
		}
		return s
	}
	s := n.l.monthNames[m] + " " + enOrdinal(uint64(d1)) + " " + to + " " + enOrdinal(uint64(d2))
	if y != 0 {
		s += ", " + n.l.year(y)
	}
	return s
}

func enClock(h, m int, ampm string) string {
	if h == 0 && ampm == "" {
		// The day's first hour on a 24-hour clock: "00:00" midnight,
		// "00:30" twelve thirty AM (not "zero o'clock").
		if m == 0 {
			return "midnight"
		}
		return enClock(12, m, "AM")
	}
	s := enCardinal(uint64(h))
	switch {
	case m == 0 && ampm == "" && h <= 12:
		s += " o'clock"
	case m == 0 && ampm == "":
		s += " hundred"
	case m > 0 && m < 10:
		s += " oh " + enOnes[m]
	case m > 0:
		s += " " + enCardinal(uint64(m))
	}
	if ampm != "" {
		s += " " + ampm
	}
	return s
}

// enFraction: "three quarters", "two and a half", "one fifth".
func enFraction(whole, num, den uint64) (string, bool) {
	var name string
	switch den {
	case 2:
		name = "half"
		if num > 1 {
			name = "halves"
		}
	case 4:
		name = "quarter"
		if num > 1 {
			name = "quarters"
		}
	default:
		name = enOrdinal(den)
		if num > 1 {
			name += "s"
		}
	}
	if whole == 0 {
		return enCardinal(num) + " " + name, true
	}
	if num == 1 {
		return enCardinal(whole) + " and a " + name, true
	}
	return enCardinal(whole) + " and " + enCardinal(num) + " " + name, true
}

// enFractionAdj says a fraction in a compound adjective, before a hyphen
// and its noun, as one: "half" ("a 1/2-mile walk" a half-mile walk),
// "quarter", "three-quarter" (the noun of a compound is singular: "a
// three-quarter-inch pipe"), "one-third", "two-thirds"; a whole number
// before it joins with "and a" ("a 2 1/2-hour meeting" a
// two-and-a-half-hour meeting).
func enFractionAdj(whole, num, den uint64) (string, bool) {
	var f string
	switch {
	case den == 2 && num == 1:
		f = "half"
	case den == 4:
		f = "quarter"
		if num > 1 {
			f = enCardinal(num) + "-quarter"
		}
	default:
		s, ok := enFraction(0, num, den)
		if !ok {
			return "", false
		}
		f = strings.ReplaceAll(s, " ", "-")
	}
	if whole == 0 {
		return f, true
	}
	if num == 1 {
		return strings.ReplaceAll(enCardinal(whole)+" and a "+f, " ", "-"), true
	}
	return strings.ReplaceAll(enCardinal(whole)+" and "+f, " ", "-"), true
}

// enFracNouns are the nouns of measure a fraction is written before, in
// recipes and news: "3/4 cup", "1/2 mile", "1/4 tsp".
var enFracNouns = func() map[string]unit {
	m := nouns(plain, "cup", "cups", "teaspoon", "teaspoons", "tablespoon", "tablespoons", "pound", "pounds",
		"ounce", "ounces", "gallon", "gallons", "quart", "quarts", "pint", "pints", "liter", "liters", "litre", "litres",
		"gram", "grams", "kilogram", "kilograms", "kilo", "kilos", "stick", "sticks", "can", "cans", "dozen", "dozens",
		"glass", "glasses", "bottle", "bottles", "jar", "jars", "package", "packages", "bag", "bags", "pinch", "pinches",
		"inch", "inches", "foot", "feet", "yard", "yards", "mile", "miles", "meter", "meters", "metre", "metres",
		"kilometer", "kilometers", "centimeter", "centimeters", "acre", "acres", "ton", "tons", "tonne", "tonnes",
		"hour", "hours", "minute", "minutes", "second", "seconds", "day", "days", "week", "weeks", "month", "months",
		"year", "years", "century", "centuries", "decade", "decades", "point", "points")
	for _, k := range []string{"tsp", "tsp."} {
		m[k] = m["teaspoon"]
	}
	for _, k := range []string{"tbsp", "tbsp.", "Tbsp", "Tbsp."} {
		m[k] = m["tablespoon"]
	}
	for _, k := range []string{"lb", "lb.", "lbs", "lbs."} {
		m[k] = m["pound"]
	}
	m["oz"], m["oz."] = m["ounce"], m["ounce"]
	return m
}()

// enPartitive are the measures of an amount of something, which a noun
// after them names ("3/4 cup flour"); after the others a noun is
// described by the measure ("a 1/2 mile race").
var enPartitive = setOf("cup", "teaspoon", "tablespoon", "pound", "ounce", "gallon", "quart", "pint", "liter",
	"litre", "gram", "kilogram", "kilo", "stick", "can", "dozen", "glass", "bottle", "jar", "package", "bag", "pinch",
	"milliliter", "centiliter", "deciliter", "milligram", "ton", "tonne")

// enFractionOf says a fraction before a measure the way a cook or a
// presenter does: "half a teaspoon", "a quarter of a cup", "three
// quarters of a cup", "two thirds of a mile", "one and a half cups". A
// fraction after a determiner ("a 1/2 cup serving") or before a noun the
// measure describes ("1/2 mile race") is one adjective, left as it is.
//
// A part of one measure is a noun phrase ("half a cup"), which joins the
// noun it measures with "of" as any noun does: "3/4 cup flour" is "three
// quarters of a cup of flour", where a recipe's shorthand leaves the "of"
// out. A count of measures ("2 cups flour", "1 1/2 cups flour") is read
// as written: the number before the measure is its adjective there.
// "Dozen" takes no "of" ("half a dozen eggs").
func enFractionOf(f fracNoun) (string, bool) {
	if determiners[strings.ToLower(f.prev)] {
		return "", false
	}
	bareNoun := f.next != "" && isLowerWord(f.next) && !notNouns[f.next] && !enMeasureAdjectives[f.next]
	if !enPartitive[f.one] && bareNoun {
		return "", false
	}
	if f.whole > 0 {
		s, _ := enFraction(f.whole, f.num, f.den)
		return s + " " + f.many, true
	}
	a := enArticle(f.one) + " " + f.one
	if bareNoun && f.one != "dozen" && !enNotOfNoun[f.next] {
		a += " of" // "half a cup of sugar"
	}
	if f.num == 1 && f.den == 2 {
		return "half " + a, true
	}
	s, _ := enFraction(0, f.num, f.den)
	if f.num == 1 {
		name := strings.TrimPrefix(s, "one ")
		s = enArticle(name) + " " + name
	}
	return s + " of " + a, true
}

// enNotOfNoun are lower-case words that follow a measure without being
// what it measures: "1/2 cup will do", "1/4 cup left".
var enNotOfNoun = setOf("will", "would", "should", "can", "could", "may", "might", "must", "left", "remaining",
	"total", "into", "over", "plus", "minus", "if", "when", "then", "so", "as", "because", "instead", "only",
	"now", "makes", "make", "equals", "serves", "per", "too", "enough")

// enArticle is "a" or "an" before w.
func enArticle(w string) string {
	if startsVowel(w) && !strings.HasPrefix(w, "u") || strings.HasPrefix(w, "hour") || strings.HasPrefix(w, "eu") {
		return pick(strings.HasPrefix(w, "eu"), "a", "an")
	}
	return "a"
}

// enMeasureAdjectives follow a measure without being measured by it: "1/4
// inch thick".
var enMeasureAdjectives = setOf("thick", "thin", "apart", "across", "tall", "high", "long", "wide", "deep", "old",
	"ago", "late", "early", "before", "after", "or", "each")

// Words after which a four-digit number is a quantity, not a year.
var enQuantityBefore = setOf("about", "around", "some", "nearly", "almost", "over", "than", "approximately",
	"roughly", "least", "estimated", "only", "just", "another", "additional", "extra", "all", "those", "these", "the")

// Words before which a four-digit number is a year although they end in s.
var enNotPlural = setOf("was", "is", "has", "does", "says", "sees", "saw", "marks", "marked", "as", "its", "this", "his",
	"plus", "versus", "vs", "across", "thus", "us")

// enIsYear decides whether a four-digit number between 1000 and 2099 is a
// year. AP and most news styles write quantities of a thousand or more with
// a comma ("1,500 troops"), so the plain form is a year unless its
// neighbours say it counts something.
//
// A word in -s after the number is a plural it counts ("2000 homes")
// unless the sentence shows it is not: a verb, whose subject the year's
// phrase is part of ("research published in 2025 shows that…", "the
// figure for 2024 remains high"), or the subject of the clause a
// time phrase opens ("In 2025 shows were cancelled", "Since 2019 prices
// have risen": a phrase that opens a clause and is followed by a noun and
// its verb is a time, not a place among 2025 shows). A noun that a year
// dates rather than a count counts ("1990 levels") and a quarter or a
// half before ("Q1 2024") make it a year too.
func enIsYear(text string, i, j int) bool {
	v := 0
	for _, c := range text[i:j] {
		v = v*10 + int(c-'0')
	}
	if v >= 2100 && v <= 2999 {
		return enFutureYear(text, i, j)
	}
	if v < 1000 || v > 2099 {
		return false
	}
	rawPrev := prevWord(text, i)
	prev := strings.ToLower(rawPrev)
	next := nextWord(text, j)
	if enPeriodRe.MatchString(rawPrev) {
		return true // "Q1 2024", "H2 2025", "FY 2024"
	}
	if prev != "the" && enQuantityBefore[prev] {
		return false
	}
	if !enCountsSomething(next) || enYearNouns[next] {
		return true
	}
	k0 := len(strings.TrimRightFunc(text[:i], unicode.IsSpace)) - len(rawPrev)
	if isCapitalized(rawPrev) && !isAllCaps(rawPrev) && !enClauseStart(text, k0) && enMonths[prev] == 0 {
		// "World Cup 2026 begins", "Paris 2024 organisers": a year after
		// a name; a count comes before the name ("2,000 Chelsea fans").
		return true
	}
	// "the 2000 delegates", "in 2000 homes": a count, unless the words
	// after it are a verb and its object, or a noun and its verb.
	k := j + strings.Index(text[j:], next) + len(next)
	after := strings.ToLower(nextWord(text, k))
	if k < len(text) && text[k] != ' ' {
		after = "" // "2000 homes," or "2000 homes."
	}
	if enVerbS[next] && (enComplement[after] || after != "" && !enPluralVerb[after] && after != "of") {
		return true // "2025 shows that", "2024 remains high"
	}
	if enVerbSAlone[next] && !enPluralVerb[after] {
		return true // "A difficult 2025 awaits."
	}
	return enTimePreps[prev] && enClauseStart(text, k0) && enFiniteVerb(after)
}

// enPeriodRe is a quarter, a half or a fiscal year written before a year.
var enPeriodRe = regexp.MustCompile(`^(?:[Qq][1-4]|H[12]|FY)$`)

// enYearNouns are nouns a year dates far more often than a count of
// thousands counts them: "below 1990 levels", "in 2010 terms".
var enYearNouns = setOf("levels", "terms", "figures", "standards", "values", "prices")

// enVerbS are verbs in -s that follow a year's phrase as its sentence's
// verb ("a study from 2023 finds", "the figure for 2024 remains") far
// more often than a count of thousands of the noun they also are.
var enVerbS = setOf("shows", "finds", "suggests", "indicates", "reveals", "remains", "seems", "appears", "looks",
	"means", "proves", "becomes", "confirms")

// enVerbSAlone are verbs in -s that a year's phrase is the subject of
// with nothing after them ("a difficult 2025 awaits", "as 2026 begins"),
// and no noun a count counts.
var enVerbSAlone = setOf("awaits", "begins", "looms", "beckons", "unfolds", "dawns", "arrives", "approaches",
	"ends", "kicks", "draws")

// enFutureYear decides whether a four-digit number from 2100 to 2999 is
// a year: such numbers are counts, prices and models far more often,
// so it takes a time phrase that settles it. After "year" ("the year
// 2150"), or after a preposition of time ("by 2100", "in 2100 the
// seas", "until 2100,", "in 2100 BC") with no noun it counts after it
// ("in 2100 homes") and no verb of change before ("rose by 2100"), it is
// a year and said as one: twenty-one hundred.
func enFutureYear(text string, i, j int) bool {
	prev, prev2 := lastWords(text[:i])
	prev, prev2 = strings.ToLower(prev), strings.ToLower(prev2)
	if prev == "year" {
		return true
	}
	next := nextWord(text, j)
	return enFuturePreps[prev] && !enPcCues[prev2] && !enCountsSomething(next) &&
		(next == "" || !isDigit(next[0]))
}

// enFuturePreps are the prepositions of time before a far year ("by
// 2100"); "to" and "from" also open a range of counts ("rose to 2100").
var enFuturePreps = setOf("in", "by", "until", "till", "through", "throughout", "before", "after", "beyond")

// enComplement are words that start what a verb takes after it ("shows
// that", "finds the"), which no count's noun is followed by.
var enComplement = setOf("that", "how", "what", "why", "whether", "a", "an", "the", "no", "its", "their", "his",
	"her", "our", "this", "these", "those", "little")

// enPluralVerb are verbs a plural noun is the subject of: after a count
// and its noun they make the noun counted ("2000 remains were found").
var enPluralVerb = setOf("are", "were", "have", "had", "do", "did")

// enTimePreps are prepositions that open a time phrase before a year.
var enTimePreps = setOf("in", "since", "by", "until", "till", "during", "before", "after", "from", "through",
	"throughout")

// enClauseStart reports whether the word at k opens a sentence or a
// clause: nothing before it but punctuation, or a conjunction.
func enClauseStart(text string, k int) bool {
	before := strings.TrimRightFunc(text[:max(0, k)], unicode.IsSpace)
	if before == "" {
		return true
	}
	if r, _ := utf8.DecodeLastRuneInString(before); strings.ContainsRune(".!?;:,\"'“‘(—–", r) {
		return true
	}
	w := strings.ToLower(prevWord(before, len(before)))
	return w == "and" || w == "but" || w == "so" || w == "yet" || w == "while" || w == "as"
}

// enFiniteVerb reports whether w is the finite verb of a clause: an
// auxiliary, a past tense in -ed or a common irregular one.
func enFiniteVerb(w string) bool {
	if len(w) > 4 && strings.HasSuffix(w, "ed") {
		return true
	}
	return enFiniteVerbs[w]
}

var enFiniteVerbs = setOf("are", "were", "was", "is", "have", "had", "has", "will", "would", "could", "can", "may",
	"might", "must", "should", "shall", "did", "do", "does", "also", "still", "fell", "rose", "grew", "chose", "left",
	"went", "came", "saw", "won", "lost", "began", "hit", "cut", "got", "gave", "ran", "spent", "paid", "sold",
	"bought", "held", "kept", "met", "sent", "told", "took", "made", "became", "stood", "broke", "built", "drove",
	"flew", "fled", "fought", "found", "led", "knew", "felt", "brought", "thought", "sank", "shrank", "fall", "rise",
	"grow", "remain", "continue", "reach", "soared", "topped")

func enCountsSomething(next string) bool {
	lower := strings.ToLower(next)
	if next == "" || lower != next {
		return false
	}
	if enUnits[next].many != "" || enCountNouns[lower] {
		return true
	}
	return len(lower) > 2 && strings.HasSuffix(lower, "s") && !strings.HasSuffix(lower, "ss") && !enNotPlural[lower]
}

// enCounted reports whether next is a plural noun that a number with a
// glued "m" or "k" counts in millions or thousands ("5.5m people", "10k
// runners"). A race's distance comes before its events ("the 400m
// hurdles", "100m heats"); a single "k" is a screen's resolution or a
// race ("4k videos", "5k"), so thousands start at ten. "93M videos",
// "1.5B users" are millions and billions, but a single figure before a
// capital is a name's ("3M masks", "2B pencils").
func enCounted(scale string, a amount, next string) bool {
	if (scale == "k" || scale == "M" || scale == "B") && a.value() < 10 && a.frac == "" || next == "" || enUnits[next].many != "" || enRaceNouns[next] {
		return false
	}
	if next == "people" || next == "men" || next == "women" || next == "children" {
		return true
	}
	return next == strings.ToLower(next) && len(next) > 2 && strings.HasSuffix(next, "s") &&
		!strings.HasSuffix(next, "ss") && !enNotPlural[next]
}

// enRaceNouns follow a race's distance ("the 400m hurdles").
var enRaceNouns = setOf("hurdles", "heats", "finals", "semifinals", "semis", "races", "events", "relays", "splits",
	"times", "records")

var enCountNouns = setOf("people", "men", "women", "children", "staff", "police", "feet", "sheep", "cattle", "personnel",
	"more", "other", "others", "of", "new", "extra", "additional", "fewer", "less", "million", "billion")

var enMonthNames = [13]string{"", "January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

// enAbbrevs are AP's abbreviations, each read where its neighbours settle
// it: titles before a name ("Gov. Newsom"), street words after one ("Main
// St."), "No." before a number.
var enAbbrevs = map[string]abbrev{
	"Mon.": {day: "Monday"}, "Tue.": {day: "Tuesday"}, "Tues.": {day: "Tuesday"}, "Wed.": {day: "Wednesday"},
	"Thu.": {day: "Thursday"}, "Thur.": {day: "Thursday"}, "Thurs.": {day: "Thursday"}, "Fri.": {day: "Friday"},
	"Sat.": {day: "Saturday"}, "Sun.": {day: "Sunday"},
	"St.": {name: "Saint", after: "Street"}, "Dr.": {name: "Doctor", after: "Drive"},
	"No.": {number: "number"}, "No": {midNumber: "number"}, "no.": {number: "number"}, "Nos.": {number: "numbers"}, "nos.": {number: "numbers"},
	"p.": {number: "page"}, "pp.": {number: "pages"}, "Vol.": {number: "volume"}, "vol.": {number: "volume"},
	"Fig.": {number: "figure"}, "fig.": {number: "figure"}, "Art.": {number: "Article"}, "ch.": {number: "chapter"},
	"Ch.": {number: "chapter"},
	// A city's quadrant after a street: "1600 Pennsylvania Ave NW".
	"NW": {street: "Northwest"}, "NE": {street: "Northeast"}, "SW": {street: "Southwest"}, "SE": {street: "Southeast"},
	"N.W.": {street: "Northwest"}, "N.E.": {street: "Northeast"}, "S.W.": {street: "Southwest"}, "S.E.": {street: "Southeast"},
	"FY": {year: "fiscal year"},
	// A century after its ordinal, "circa" before a year: "the 5th c.",
	// "c. 1850".
	"c.": {ordinal: "century", number: "circa"}, "cent.": {ordinal: "century"},
	// A match's minute: "in the 89th min".
	"min": {ordinal: "minute"}, "min.": {ordinal: "minute"},
	// The eras after a year or a century, spelled as newsreaders say
	// them; before a year only "AD" and "CE" are written ("AD 79").
	"BC": {era: "B C"}, "B.C.": {era: "B C"}, "BCE": {era: "B C E"}, "B.C.E.": {era: "B C E"},
	"AD": {era: "A D", number: "A D"}, "A.D.": {era: "A D", number: "A D"}, "CE": {era: "C E", number: "C E"},
	"C.E.": {era: "C E", number: "C E"},
	"v.":   {between: "versus"}, "incl.": {always: "including"}, "excl.": {always: "excluding"}, "ext.": {number: "extension"}, "Ext.": {number: "extension"},
	"Cat": {number: "Category"}, "Cat.": {number: "Category"}, // "a Cat 4 hurricane", "Cat 6 cable"
	"Hwy": {number: "Highway"}, "Apt.": {number: "apartment"}, "Tel.": {number: "telephone"}, "tel.": {number: "telephone"}, "Ste.": {number: "Suite"}, "Bldg.": {number: "Building"}, "Rm.": {number: "Room"},

	"Mr.": {name: "Mister"}, "Mrs.": {name: "Missus"}, "Ms.": {name: "Miz"}, "Mt.": {name: "Mount"}, "Ft.": {name: "Fort"},
	"Gov.": {name: "Governor"}, "Sen.": {name: "Senator"}, "Rep.": {name: "Representative"}, "Gen.": {name: "General"},
	"Lt.": {name: "Lieutenant"}, "Col.": {name: "Colonel"}, "Capt.": {name: "Captain"}, "Sgt.": {name: "Sergeant"},
	"Cpl.": {name: "Corporal"}, "Adm.": {name: "Admiral"}, "Cmdr.": {name: "Commander"}, "Prof.": {name: "Professor"},
	"Rev.": {name: "Reverend"}, "Hon.": {name: "Honorable"}, "Pres.": {name: "President"},
	"Supt.": {name: "Superintendent"}, "Det.": {name: "Detective"}, "Insp.": {name: "Inspector"},
	"Sens.": {name: "Senators"}, "Reps.": {name: "Representatives"}, "Gens.": {name: "Generals"},

	"Jr.": {after: "Junior"}, "Sr.": {after: "Senior"}, "Ave.": {after: "Avenue"}, "Blvd.": {after: "Boulevard"},
	"Rd.": {after: "Road"}, "Ln.": {after: "Lane"}, "Hwy.": {after: "Highway", number: "Highway"}, "Pl.": {after: "Place"},
	"Sq.": {after: "Square"}, "Pkwy.": {after: "Parkway"},
	// Written without their full stop too, as addresses often are: read
	// after a street's name when no capitalized word follows ("Sunset
	// Blvd", "Pennsylvania Ave NW"; not "Schubert's Ave Maria").
	"Ave": {after: "Avenue"}, "Blvd": {after: "Boulevard"}, "Pkwy": {after: "Parkway"}, "Apt": {number: "apartment"},

	"vs.": {always: "versus"}, "vs": {always: "versus"}, "approx.": {always: "approximately"},
	"w/": {always: "with"}, "w/o": {always: "without"}, // "a room w/ a view"
	// A change over the period before: "rose 0.2% m/m and 3.1% y/y".
	"y/y": {always: "year on year"}, "m/m": {always: "month on month"}, "q/q": {always: "quarter on quarter"},
	"YoY": {always: "year on year"}, "MoM": {always: "month on month"}, "QoQ": {always: "quarter on quarter"},
	"etc.": {always: "et cetera"}, "e.g.": {always: "for example"}, "i.e.": {always: "that is"},
	"a.k.a.": {always: "also known as"}, "Dept.": {always: "Department"}, "Univ.": {always: "University"},
	"Corp.": {always: "Corporation"}, "Bros.": {always: "Brothers"}, "Assn.": {always: "Association"},
	"WWI": {always: "World War one"}, "WWII": {always: "World War two"}, "WWIII": {always: "World War three"},
	"WW1": {always: "World War one"}, "WW2": {always: "World War two"}, "WW3": {always: "World War three"},
}

// Words after which a Roman numeral is a number in a series ("World War
// II", "Super Bowl LVIII"), not a regnal ordinal.
var enSeries = setOf("War", "Bowl", "Part", "Chapter", "Episode", "Phase", "Act", "Scene", "Vatican", "Apollo",
	"Title", "Volume", "Vol.", "Book", "Round", "Mark", "Class", "Grade", "Type", "Stage", "Level", "Series",
	"Section", "Schedule", "Gemini", "Tier", "Article", "Category", "Pillar", "Division")

// enSeriesPlural are enSeries' plurals, before a list ("World Wars I and
// II", "Parts II and III").
var enSeriesPlural = setOf("Wars", "Parts", "Chapters", "Episodes", "Phases", "Acts", "Scenes", "Volumes", "Books",
	"Rounds", "Classes", "Grades", "Types", "Stages", "Levels", "Sections", "Tiers", "Articles", "Pillars", "Divisions")

// Names of monarchs and popes: after them a Roman numeral is "the Nth".
var enRegnal = setOf("Louis", "Henry", "Charles", "Elizabeth", "George", "Edward", "William", "James", "Richard",
	"John", "Paul", "Benedict", "Pius", "Leo", "Gregory", "Innocent", "Clement", "Urban", "Alexander", "Frederick",
	"Philip", "Felipe", "Juan", "Carlos", "Carl", "Gustaf", "Harald", "Olav", "Haakon", "Margrethe", "Willem",
	"Albert", "Baudouin", "Ludwig", "Wilhelm", "Friedrich", "Nicholas", "Peter", "Ivan", "Catherine", "Victor",
	"Emmanuel", "Umberto", "Ferdinand", "Isabella", "Mary", "Anne", "Victoria", "Napoleon", "Ramses", "Rama",
	"Mohammed", "Hassan", "Abdullah", "Hussein", "Suleiman", "Mehmed", "Constantine", "Justinian", "Francis",
	"Franz", "Joseph", "Otto", "Karl", "Casimir", "Boris", "Simeon", "Michael", "Ptolemy", "Cleopatra", "Stephen",
	"David", "Robert", "Alfonso", "Sancho", "Manuel", "Pedro", "Afonso", "Christian", "Frederik",
	"Valdemar", "Eric", "Magnus", "Sigismund", "Rudolf", "Maximilian", "Matthias", "Leopold", "Pepin", "Lothair",
	"Hugh", "Rainier", "Jean", "Hans-Adam", "Akihito", "Naruhito", "Tupou", "Letsie", "Mswati", "Bhumibol")

// enOrdinalSuffix is the suffix v takes when written as an ordinal.
func enOrdinalSuffix(v uint64) string {
	if v%100 >= 11 && v%100 <= 13 {
		return "th"
	}
	switch v % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// enStreetRe is a street's name after a house number: up to four words,
// each capitalized or an ordinal ("5th"), an optional compass point
// first, then a street designator ("123 Main St.", "1600 Pennsylvania
// Avenue", "4500 W. 5th Street").
var enStreetRe = regexp.MustCompile(`^ (?:(?:[NSEW]\.|North|South|East|West) )?(?:(?:\p{Lu}[\pL'’-]*|\d+(?:st|nd|rd|th)) ){1,4}` +
	`(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Ln\.?|Way|Court|Ct\.?|Place|Pl\.?|` +
	`Terrace|Ter\.?|Highway|Hwy\.?|Parkway|Pkwy\.?|Square|Sq\.?|Circle|Cir\.?|Trail|Plaza|Pike|Alley)\b`)

// enHouseNumber reads a house number the way Americans say addresses:
// in pairs of digits, like a year ("123" one twenty-three, "4500"
// forty-five hundred, "1205" twelve oh five), when a street's name
// follows.
func enHouseNumber(v int, after string) (string, bool) {
	if v < 100 || v > 9999 || !enStreetRe.MatchString(after) {
		return "", false
	}
	return enPairs(v), true
}

// enPairs says a number of three or four digits in pairs, as a year is
// said: "123" one twenty-three, "4500" forty-five hundred, "1205" twelve
// oh five; round thousands and hundreds as counted ("2000", "100").
func enPairs(v int) string {
	if v%1000 == 0 || v < 1000 && v%100 == 0 {
		return enCardinal(uint64(v))
	}
	hi, lo := v/100, v%100
	switch {
	case lo == 0:
		return enCardinal(uint64(hi)) + " hundred"
	case lo < 10:
		return enCardinal(uint64(hi)) + " oh " + enOnes[lo]
	}
	return enCardinal(uint64(hi)) + " " + enCardinal(uint64(lo))
}

// enRace reports whether a distance in "m" at text[i:end] is a race's,
// the name of an athletics or swimming event: one of the distances run
// or swum (enRaceDistances), before the event's word ("the 100m final",
// "the 400m hurdles", "the 200m freestyle") or after "the" at a clause's
// end in a sentence about racing ("Bolt won the 100m in 9.58"). An amount
// of money ("$100m", "the 100m raised") is not one.
func enRace(text string, i, end int, num string) bool {
	if !enRaceDistances[strings.ReplaceAll(num, ",", "")] {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(text[:i]); strings.ContainsRune("$£€¥", r) {
		return false
	}
	next := nextWord(text, end)
	if enRaceEvents[strings.ToLower(next)] && end < len(text) && text[end] == ' ' {
		return true
	}
	prev := strings.ToLower(prevWord(text, i))
	if prev != "the" && prev != "men's" && prev != "women's" && prev != "men’s" && prev != "women’s" {
		return false
	}
	// A noun after it is what the amount counts ("the 100m shares").
	if next != "" && isLowerWord(next) && !enRaceAfter[next] {
		return false
	}
	return sentenceHas(text, i, end, enRaceCues)
}

var (
	enRaceDistances = setOf("50", "60", "100", "110", "200", "300", "400", "800", "1000", "1500", "3000", "5000", "10000")
	// enRaceEvents follow a race's distance in an event's name.
	enRaceEvents = setOf("final", "finals", "semifinal", "semifinals", "semi-final", "semi-finals", "semis", "heat",
		"heats", "hurdles", "relay", "relays", "freestyle", "butterfly", "backstroke", "breaststroke", "medley",
		"im", "steeplechase", "dash", "sprint", "race", "title", "crown", "gold", "silver", "bronze", "champion",
		"world", "olympic", "record", "event", "individual", "qualifying", "qualifiers")
	// enRaceAfter are the words that may follow an event's name in a
	// sentence: a preposition or a conjunction.
	enRaceAfter = setOf("in", "at", "on", "and", "or", "with", "for", "since", "after", "before", "this", "last",
		"by", "to", "while", "but", "when", "as")
	// enRaceCues are the words of a sentence about a race.
	enRaceCues = setOf("won", "win", "wins", "winning", "winner", "ran", "run", "runs", "running", "race", "races",
		"raced", "sprint", "sprinter", "sprinted", "swam", "swim", "swims", "swimmer", "gold", "silver", "bronze",
		"medal", "medals", "medallist", "medalist", "olympic", "olympics", "athletics", "championships", "champion",
		"title", "final", "heat", "heats", "seconds", "record", "clocked", "finished", "qualified", "compete",
		"competes", "competed", "entered", "event", "events", "personal", "lane", "track", "pool", "first", "second",
		"third", "fourth", "fifth", "sixth", "seventh", "eighth", "fastest", "quickest", "slowest")
)

// enRateCues are the words of a sentence about interest rates, yields and
// spreads, where "bps" counts basis points.
var enRateCues = setOf("%", "rate", "rates", "yield", "yields", "spread", "spreads", "hike", "hikes", "hiked",
	"cut", "cuts", "raised", "lowered", "bond", "bonds", "treasury", "treasuries", "gilt", "gilts", "fed", "ecb",
	"boe", "bank", "coupon", "margin", "margins", "basis", "interest", "inflation", "tightening", "easing")

// enWattCues are the words of a sentence about power, where "W" after
// an amount is watts ("45W wired charging", "a 60W bulb"), not a win, a
// week or the west.
var enWattCues = setOf("charging", "charge", "charger", "chargers", "battery", "power", "powered", "watts", "wired",
	"wireless", "adapter", "bulb", "bulbs", "led", "output", "speaker", "speakers", "motor", "laptop", "solar",
	"panel", "panels", "amp", "amplifier", "tdp", "psu", "supply", "heater", "microwave", "usb-c")

// enPcCues are the words of a sentence about a change or a share, where
// "pc" after an amount is per cent ("House prices rose 1.7pc", "a 5pc
// stake"), not a piece or a computer ("a 4pc set").
var enPcCues = setOf("rose", "rise", "rises", "rising", "risen", "fell", "fall", "falls", "falling", "fallen", "up",
	"down", "jumped", "jump", "dropped", "drop", "slipped", "slip", "gained", "gain", "gains", "lost", "climbed",
	"slumped", "surged", "soared", "grew", "growth", "shrank", "increase", "increased", "decrease", "decreased",
	"cut", "cuts", "hike", "rate", "rates", "inflation", "interest", "yield", "stake", "share", "shares", "prices",
	"price", "pay", "wages", "salary", "tax", "unemployment", "gdp", "economy", "vote", "votes", "poll", "polls",
	"discount", "profit", "profits", "revenue", "sales", "margin", "year-on-year", "annual", "annually", "higher",
	"lower", "more", "less", "than", "per")

// enPartyRe is an American lawmaker's party and state in brackets after
// the name, as AP writes them: "(D-Mass.)", "(R-Ohio)", "(I-VT)".
var enPartyRe = regexp.MustCompile(`^([DRI])-([A-Z][A-Za-z.]*)\)`)

// enPartyCommaRe is a party label between commas, or before a semicolon
// or the text's end: "R-Texas,", "D-N.Y.,".
var enPartyCommaRe = regexp.MustCompile(`^([DRI])-([A-Z][A-Za-z.]*?)(?:[,;]|$)`)

// enParty reads a lawmaker's party and state in brackets, "(D-Mass.)",
// or between commas, ", R-Texas,", as broadcasters say it: Democrat of Massachusetts. The letter of a
// party alone is no word a voice can say, and "Mass." no state.
func enParty(text string, i int) (string, int, bool) {
	var m []int
	switch {
	case i > 0 && text[i-1] == '(':
		m = enPartyRe.FindStringSubmatchIndex(text[i:])
	case strings.HasSuffix(text[:i], ", "):
		// AP's style between commas: "Sen. John Smith, R-Texas, said".
		m = enPartyCommaRe.FindStringSubmatchIndex(text[i:])
	}
	if m == nil {
		return "", 0, false
	}
	state := enStateNames[text[i+m[4]:i+m[5]]]
	if state == "" {
		return "", 0, false
	}
	party := map[byte]string{'D': "Democrat", 'R': "Republican", 'I': "independent"}[text[i]]
	say := party + " of " + state
	if end := i + m[5]; end == len(strings.TrimRight(text, " \n")) && text[end-1] == '.' {
		say += "." // "and Bob, I-Vt.": the state's stop ends the sentence too
	}
	return say, i + m[5], true
}

// enStateNames are the states as AP abbreviates them in datelines and party
// labels, their postal codes, and the names AP writes in full.
var enStateNames = func() map[string]string {
	m := map[string]string{}
	for _, s := range [][3]string{
		{"Alabama", "Ala.", "AL"}, {"Alaska", "", "AK"}, {"Arizona", "Ariz.", "AZ"}, {"Arkansas", "Ark.", "AR"},
		{"California", "Calif.", "CA"}, {"Colorado", "Colo.", "CO"}, {"Connecticut", "Conn.", "CT"},
		{"Delaware", "Del.", "DE"}, {"Florida", "Fla.", "FL"}, {"Georgia", "Ga.", "GA"}, {"Hawaii", "", "HI"},
		{"Idaho", "", "ID"}, {"Illinois", "Ill.", "IL"}, {"Indiana", "Ind.", "IN"}, {"Iowa", "", "IA"},
		{"Kansas", "Kan.", "KS"}, {"Kentucky", "Ky.", "KY"}, {"Louisiana", "La.", "LA"}, {"Maine", "", "ME"},
		{"Maryland", "Md.", "MD"}, {"Massachusetts", "Mass.", "MA"}, {"Michigan", "Mich.", "MI"},
		{"Minnesota", "Minn.", "MN"}, {"Mississippi", "Miss.", "MS"}, {"Missouri", "Mo.", "MO"},
		{"Montana", "Mont.", "MT"}, {"Nebraska", "Neb.", "NE"}, {"Nevada", "Nev.", "NV"},
		{"New Hampshire", "N.H.", "NH"}, {"New Jersey", "N.J.", "NJ"}, {"New Mexico", "N.M.", "NM"},
		{"New York", "N.Y.", "NY"}, {"North Carolina", "N.C.", "NC"}, {"North Dakota", "N.D.", "ND"},
		{"Ohio", "", "OH"}, {"Oklahoma", "Okla.", "OK"}, {"Oregon", "Ore.", "OR"}, {"Pennsylvania", "Pa.", "PA"},
		{"Rhode Island", "R.I.", "RI"}, {"South Carolina", "S.C.", "SC"}, {"South Dakota", "S.D.", "SD"},
		{"Tennessee", "Tenn.", "TN"}, {"Texas", "", "TX"}, {"Utah", "", "UT"}, {"Vermont", "Vt.", "VT"},
		{"Virginia", "Va.", "VA"}, {"Washington", "Wash.", "WA"}, {"West Virginia", "W.Va.", "WV"},
		{"Wisconsin", "Wis.", "WI"}, {"Wyoming", "Wyo.", "WY"},
	} {
		m[s[0]] = s[0]
		m[s[2]] = s[0]
		if s[1] != "" {
			m[s[1]] = s[0]
		}
	}
	return m
}()
