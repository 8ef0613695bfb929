// Package spoken turns news text into the words a presenter would say, so
// that every speech engine hears the same thing: "$43 million" becomes
// "forty-three million dollars", "won 3-2" "won three to two", "St. Paul
// St." "Saint Paul Street", "the 1990s" "the nineteen nineties".
//
// It works in the tagger/verbalizer shape of Google's Kestrel and NVIDIA
// NeMo: at each token boundary the tagger tries the classes of a language
// in a fixed order (user rules, URLs, money, dates, times, measures,
// numbers, abbreviations, Roman numerals…), each of which either declines
// or claims a span of the text and says how it is read. Anything no class
// is sure of stays as written: a wrong reading is worse than the engine's
// own.
//
// Every result carries a Map from the spoken text back to the original
// bytes, so word timings reported by an engine on the spoken text can be
// shown on the article's own words.
//
// Rules (ParseRules) give readings of a newsroom's own, and narrate's
// built-in pronunciations (DefaultRules); they are tried first at every
// token. Config holds a render's choice of rules and readings.
//
// Languages: English (en, with en-US/en-GB date order, scores and
// numbers: "four nil" and "one hundred and five" in Britain, "four to
// nothing" and "one hundred five" in America), German (de),
// French (fr), Spanish (es; es-MX and the other countries that write
// "1,500.50" and call "$" the peso), Italian (it) and Portuguese (pt:
// Brazil's forms, "dezesseis", "bilhão" for 10^9; pt-PT and the
// countries that follow Portugal's norm, "dezasseis", "mil milhões" and
// "bilião" for 10^12, which a European voice also gives a text tagged
// "pt"): numbers, money,
// percentages, dates, times, measures, ordinals, fractions, telephone
// numbers, addresses, abbreviations and Roman numerals. Other languages
// get only the rules.
package spoken

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Result is one normalized text.
type Result struct {
	// Text is what the engine should be given.
	Text string
	// Map ties every byte of Text to the original.
	Map Map
}

// Change is one token the normalizer rewrote, for explaining a result.
type Change struct {
	Original, Spoken, Rule string
}

// Changes lists the rewritten tokens of r, original being the text r was
// made from.
func (r Result) Changes(original string) []Change {
	var out []Change
	for _, s := range r.Map {
		if s.Rule == "" {
			continue
		}
		out = append(out, Change{Original: original[s.InStart:s.InEnd], Spoken: r.Text[s.OutStart:s.OutEnd], Rule: s.Rule})
	}
	return out
}

// Config is how text becomes what an engine is given. The zero value
// reads numbers, money, dates… with the built-in readings and has no rules.
type Config struct {
	// Rules are tried at every token before the built-in readings, first
	// match wins: a newsroom's rules, then DefaultRules, in the order
	// Merge put them. nil means none.
	Rules *Rules
	// NoReadings turns the built-in readings off: numbers, money, dates
	// and abbreviations reach the engine as written, for engines that read
	// them their own way. Rules still apply.
	NoReadings bool
	// VoiceLang is the language of the voice that reads the text, a BCP
	// 47 tag ("en-GB"; "" when unknown). Where the text's own tag names no
	// country ("en") and the voice speaks its language with one, the
	// voice's country picks the forms that are written alike everywhere
	// but said as a listener there expects: a game's score is "four nil"
	// for a British voice, "four to nothing" for an American one, and
	// 105 "one hundred and five" and "one hundred five". What
	// the writer chose stays the text's: a numeric date's order, the
	// decimal mark. Left empty, the pipeline sets it to the language of
	// the voice the engine reads with, when the engine can tell.
	VoiceLang string
}

// Normalizer rewrites text of one language. It is safe for concurrent use.
type Normalizer struct {
	l     *language // nil: no built-in readings
	rules *ruleSet
	dmy   bool       // numeric dates are day first
	score scoreStyle // how a game's score is said where lang is spoken
}

// New returns the normalizer for lang ("en", "en-GB", "fr-CA", "de"…)
// under c. A language with no built-in readings gets only the rules.
func New(lang string, c Config) *Normalizer {
	lang = normLang(lang)
	base := baseLang(lang)
	n := &Normalizer{rules: c.Rules.forLang(lang)}
	if !c.NoReadings {
		if n.l = languages[lang]; n.l == nil {
			n.l = languages[base]
		}
	}
	if n.l != nil {
		if l, ok := n.l.regionSays[spokenRegion(lang, c.VoiceLang)]; ok {
			n.l = l
		}
	}
	if n.l != nil {
		n.score = n.l.scores
		if s, ok := n.l.regionScores[spokenRegion(lang, c.VoiceLang)]; ok {
			n.score = s
		}
		n.dmy = n.l.dayFirst
		if base == "en" {
			// Month first only where the United States' style is used.
			n.dmy = !(lang == "en" || lang == "en-us" || strings.HasPrefix(lang, "en-us-"))
		}
	}
	return n
}

// spokenRegion is the country whose way of saying things a text in lang
// read by a voice of voiceLang is read in: lang's own, else the voice's
// when it speaks the same language.
func spokenRegion(lang, voiceLang string) string {
	if r := region(lang); r != "" {
		return r
	}
	if v := normLang(voiceLang); baseLang(v) == baseLang(lang) {
		return region(v)
	}
	return ""
}

// Normalize is New(lang, Config{}).Normalize(text): the built-in readings
// alone.
func Normalize(text, lang string) Result {
	return New(lang, Config{}).Normalize(text)
}

// Normalize returns the spoken form of text and its map.
func (n *Normalizer) Normalize(text string) Result {
	out, m := n.run(text, true)
	if len(m) == 0 {
		m = Identity(0)
	}
	return Result{Text: out, Map: m}
}

// maxTokenOut bounds what one token may become, so a hostile input cannot
// make the output explode: the output is at most maxTokenOut times the
// input, whatever the rules.
const maxTokenOut = 400

// run scans text, trying the rules (when withRules) and the built-in
// readings at each token boundary. Each token is read once: nothing is
// applied to what a rule or a reading said, so the work is linear in the
// text.
func (n *Normalizer) run(text string, withRules bool) (string, Map) {
	var b strings.Builder
	var m Map
	last := 0
	// Tokens are read from scan, where an en dash that stands for the
	// minus sign is that sign; what no token claims is copied from text.
	scan := minusDashes(text)
	flush := func(upto int) {
		if upto > last {
			o := b.Len()
			b.WriteString(text[last:upto])
			m = m.add(Span{o, b.Len(), last, upto, ""})
		}
	}
	for i := 0; i < len(text); {
		if tok, ok := n.match(scan, i, withRules); ok && tok.end > i && len(tok.say) <= maxTokenOut && utf8.ValidString(tok.say) {
			flush(i)
			o := b.Len()
			b.WriteString(tok.say)
			m = append(m, Span{o, b.Len(), i, tok.end, tok.rule})
			i, last = tok.end, tok.end
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	flush(len(text))
	return b.String(), m
}

// minusDashes is text with each en dash written for the minus sign
// replaced by that sign, as typesetters and word processors often do:
// "–5 °C", "temperatures of –10". Such a dash starts a word, a digit
// right after it, and follows no number, which would make it a range's
// ("5 –10"). Both signs are three bytes long, so offsets into either
// text are the same.
func minusDashes(text string) string {
	if !strings.Contains(text, "–") {
		return text
	}
	var b []byte
	for k := 0; ; {
		j := strings.Index(text[k:], "–")
		if j < 0 {
			break
		}
		j += k
		k = j + len("–")
		if k >= len(text) || !isDigit(text[k]) || !dashStartsWord(text, j) {
			continue
		}
		if b == nil {
			b = []byte(text)
		}
		copy(b[j:], "−")
	}
	if b == nil {
		return text
	}
	return string(b)
}

// dashStartsWord reports whether the dash at text[i] starts a word that
// follows no number: after a space or an opening bracket, or at the
// text's start, the word before it not ending in a digit.
func dashStartsWord(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	if !unicode.IsSpace(r) && r != '(' && r != '[' {
		return false
	}
	before := strings.TrimRightFunc(text[:i], unicode.IsSpace)
	before = strings.TrimRight(before, "([")
	r, _ = utf8.DecodeLastRuneInString(before)
	return !unicode.IsDigit(r)
}

// token is what a class claims: text[start:end] is said as say.
type token struct {
	end  int
	say  string
	rule string
}
