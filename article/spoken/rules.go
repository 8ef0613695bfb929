package spoken

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Rules are readings given for words and patterns: a newsroom's own, or
// narrate's built-in pronunciations (DefaultRules). They are tried at every
// token before the built-in readings, first match wins. Parse them with
// ParseRules.
type Rules struct {
	rules []rule
}

type rule struct {
	lang string         // "" for every language, else "fr" or "fr-ca"
	word string         // whole token, case-sensitive
	re   *regexp.Regexp // or a regular expression, anchored at the token start
	lit  string         // the literal every match of re starts with
	say  string         // replacement; "" with letters or keep
	// letters spells the token letter by letter; keep leaves it as
	// written and stops the built-in readings from reading it.
	letters, keep bool
	// acronym: a word in capitals is not matched inside a run of capitals
	// ("IS" in "THIS IS IT" is a verb).
	acronym bool
	// src names the rule in explanations: "house.rules:7".
	src string
}

// Limits on one rule, so that no rules file can make a render slow: a
// replacement longer than a token may become is refused, and so is a
// pattern whose program would make every token start costly.
const (
	maxPattern = 512
)

// ParseRules reads a rules file. name is used in errors, which carry the
// line number, and in explanations of what a rule changed. One rule a line:
//
//	# a comment
//	WORD = replacement          whole token, case-sensitive ("Gov." = Governor)
//	/regexp/ = replacement      Go RE2 syntax, matched at a token start; $1 for groups
//	[fr] WORD = replacement     only for that language (fr, fr-CA, fr_CA…)
//	WORD = @letters             say it letter by letter ("NATO" -> N A T O)
//	WORD = @word                say it as written: no built-in reading reads it
//	                            ("MIX" is not 1009, "CV" not 105)
//
// A token starts where a word does, or right after an elided article's
// apostrophe ("EI" in "l'EI"); it ends where the word does, or before a
// possessive "'s". A word rule in capitals is skipped inside a run of
// capitals, where it is a shouted word, not an acronym ("THIS IS IT"). A
// regexp sees at most 64 bytes from the token start.
//
// Numbers in a replacement are read by the built-in readings, so
// "/(\d+)-(\d+) vote/ = $1 to $2 vote" gives "nine to five vote"; no rule
// is applied to a replacement, so no rule can loop.
func ParseRules(r io.Reader, name string) (*Rules, error) {
	rs := &Rules{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, err := parseRule(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		u.src = fmt.Sprintf("%s:%d", name, n)
		rs.rules = append(rs.rules, u)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	return rs, nil
}

// parseRule reads one rule line (trimmed, not a comment).
func parseRule(line string) (rule, error) {
	var u rule
	if !utf8.ValidString(line) {
		return u, fmt.Errorf("invalid UTF-8")
	}
	if strings.HasPrefix(line, "[") {
		end := strings.IndexByte(line, ']')
		if end < 0 {
			return u, fmt.Errorf("language tag has no closing ]")
		}
		u.lang = normLang(strings.TrimSpace(line[1:end]))
		if !langTagRe.MatchString(u.lang) {
			return u, fmt.Errorf("bad language tag %q", line[1:end])
		}
		line = strings.TrimSpace(line[end+1:])
	}
	var rhs string
	if strings.HasPrefix(line, "/") {
		end := closingSlash(line)
		if end < 0 {
			return u, fmt.Errorf("regexp has no closing /")
		}
		pattern := strings.ReplaceAll(line[1:end], `\/`, `/`)
		rest := strings.TrimSpace(line[end+1:])
		if !strings.HasPrefix(rest, "=") {
			return u, fmt.Errorf("want /regexp/ = replacement")
		}
		if len(pattern) > maxPattern {
			return u, fmt.Errorf("regexp longer than %d bytes", maxPattern)
		}
		re, err := regexp.Compile(`^(?:` + pattern + `)`)
		if err != nil {
			return u, fmt.Errorf("bad regexp: %w", err)
		}
		if re.MatchString("") {
			return u, fmt.Errorf("regexp /%s/ matches empty text", pattern)
		}
		u.re = re
		u.lit, _ = re.LiteralPrefix()
		rhs = strings.TrimSpace(rest[1:])
	} else {
		i := strings.IndexByte(line, '=')
		if i < 0 {
			return u, fmt.Errorf("want WORD = replacement")
		}
		u.word = strings.Join(strings.Fields(line[:i]), " ")
		if u.word == "" {
			return u, fmt.Errorf("empty word before =")
		}
		u.acronym = isUpperWord(u.word)
		rhs = strings.TrimSpace(line[i+1:])
	}
	switch rhs {
	case "":
		return u, fmt.Errorf("empty replacement")
	case "@letters":
		u.letters = true
	case "@word":
		u.keep = true
	default:
		if strings.HasPrefix(rhs, "@") {
			return u, fmt.Errorf("unknown directive %q: want @letters or @word", rhs)
		}
		if len(rhs) > maxTokenOut {
			return u, fmt.Errorf("replacement longer than %d bytes", maxTokenOut)
		}
		u.say = rhs
	}
	return u, nil
}

var langTagRe = regexp.MustCompile(`^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$`)

// normLang is a language tag in the form rules and languages are looked up
// by: lower case, "-" between parts ("fr_CA" -> "fr-ca").
func normLang(tag string) string {
	return strings.ToLower(strings.ReplaceAll(tag, "_", "-"))
}

// region is the region subtag of a normalized tag ("en-gb" -> "gb"), or
// "" when it has none.
func region(tag string) string {
	for _, sub := range strings.Split(tag, "-")[1:] {
		if len(sub) == 2 || len(sub) == 3 && isDigit(sub[0]) {
			return sub
		}
	}
	return ""
}

// baseLang is the language of a normalized tag ("fr-ca" -> "fr").
func baseLang(tag string) string {
	if i := strings.IndexByte(tag, '-'); i >= 0 {
		return tag[:i]
	}
	return tag
}

// closingSlash finds the / that ends a /regexp/, skipping \/ escapes.
func closingSlash(s string) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '/':
			return i
		}
	}
	return -1
}

// Len is the number of rules.
func (rs *Rules) Len() int {
	if rs == nil {
		return 0
	}
	return len(rs.rules)
}

// Merge returns rules with rs's rules first, then other's: rs's win where
// both give a reading. Either may be nil.
func (rs *Rules) Merge(other *Rules) *Rules {
	out := &Rules{}
	if rs != nil {
		out.rules = append(out.rules, rs.rules...)
	}
	if other != nil {
		out.rules = append(out.rules, other.rules...)
	}
	return out
}

//go:embed default.rules
var defaultRulesText string

var defaultRules = sync.OnceValue(func() *Rules {
	rs, err := ParseRules(strings.NewReader(defaultRulesText), "default.rules")
	if err != nil {
		panic("spoken: built-in rules: " + err.Error())
	}
	return rs
})

// DefaultRules are narrate's built-in pronunciations (default.rules in this
// package): acronyms that engines read as words, spelled out. Callers must
// not modify them; Merge makes new rules.
func DefaultRules() *Rules { return defaultRules() }

// ruleSet is the rules of one language, indexed so that a token costs a
// map lookup plus the regexps, whatever the number of word rules.
type ruleSet struct {
	list []rule
	// byKey lists, per leading run of letters and digits, the word rules
	// starting with it; other lists the regexps and the words that start
	// with something else. Both hold indexes into list, in order.
	byKey map[string][]int
	other []int
}

// forLang is the rules that apply to lang (normalized), in order.
func (rs *Rules) forLang(lang string) *ruleSet {
	if rs == nil || len(rs.rules) == 0 {
		return nil
	}
	set := &ruleSet{byKey: map[string][]int{}}
	base := baseLang(lang)
	for _, u := range rs.rules {
		if u.lang != "" && u.lang != lang && u.lang != base {
			continue
		}
		k := len(set.list)
		set.list = append(set.list, u)
		if key := alnumRun(u.word); u.re == nil && key != "" {
			set.byKey[key] = append(set.byKey[key], k)
		} else {
			set.other = append(set.other, k)
		}
	}
	if len(set.list) == 0 {
		return nil
	}
	return set
}

// alnumRun is the run of letters and digits s starts with.
func alnumRun(s string) string {
	k := strings.IndexFunc(s, func(r rune) bool { return !isAlnum(r) })
	if k < 0 {
		return s
	}
	return s[:k]
}

// ruleStart reports whether a rule may start at i: where a token may, or
// right after the apostrophe of an elided article ("l'EI", "dell'ONU").
func ruleStart(text string, i int) bool {
	if atBoundary(text, i) {
		return true
	}
	return afterElision(text, i)
}

// afterElision reports whether text[i] follows an apostrophe glued to a
// letter, and is itself a letter or digit.
func afterElision(text string, i int) bool {
	r, size := utf8.DecodeLastRuneInString(text[:i])
	if (r != '\'' && r != '’') || i-size == 0 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i-size])
	next, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(before) && isAlnum(next)
}

// ruleEnds reports whether a rule's match may end at j: its last rune is
// not a letter or digit ("Gov."), or the token ends there, or a possessive
// follows ("IS's").
func ruleEnds(text string, j int, matched string) bool {
	if !isAlnum(lastRune(matched)) || endsToken(text, j) {
		return true
	}
	rest := text[j:]
	for _, p := range []string{"'s", "’s"} {
		if strings.HasPrefix(rest, p) && endsToken(text, j+len(p)) {
			return true
		}
	}
	return false
}

// matchRule tries the rules at text[i:], in order.
func (n *Normalizer) matchRule(text string, i int) (token, bool) {
	set := n.rules
	if set == nil {
		return token{}, false
	}
	cands := set.byKey[alnumRun(text[i:])]
	other := set.other
	for len(cands) > 0 || len(other) > 0 {
		// Merge the two ordered lists, so the first rule in the file wins.
		var k int
		if len(other) == 0 || (len(cands) > 0 && cands[0] < other[0]) {
			k, cands = cands[0], cands[1:]
		} else {
			k, other = other[0], other[1:]
		}
		if t, ok := n.tryRule(&set.list[k], text, i); ok {
			return t, true
		}
	}
	return token{}, false
}

// tryRule matches one rule at text[i:].
func (n *Normalizer) tryRule(u *rule, text string, i int) (token, bool) {
	var end int
	say := u.say
	if u.re != nil {
		if !strings.HasPrefix(text[i:], u.lit) {
			return token{}, false
		}
		w := window(text, i)
		loc := u.re.FindStringSubmatchIndex(w)
		if loc == nil || loc[1] == 0 {
			return token{}, false
		}
		end = i + loc[1]
		if !ruleEnds(text, end, text[i:end]) {
			return token{}, false
		}
		if !u.keep && !u.letters {
			say = string(u.re.ExpandString(nil, u.say, w, loc))
		}
	} else {
		if !strings.HasPrefix(text[i:], u.word) {
			return token{}, false
		}
		end = i + len(u.word)
		if !ruleEnds(text, end, u.word) || (u.acronym && inCapsRun(text, i, end)) {
			return token{}, false
		}
	}
	switch {
	case u.keep:
		say = text[i:end]
	case u.letters:
		say = spellLetters(text[i:end])
	case n.l != nil:
		// Numbers in the replacement are read by the built-in readings;
		// no rule is applied to it, so no rule can loop.
		say, _ = n.run(say, false)
	}
	return token{end, say, u.src}, true
}

// inCapsRun reports whether the words around text[start:end] are in
// capitals (a shouted headline), at least one of them existing. It looks
// at most maxToken bytes to each side, so a long text of capitals costs
// no more per word than a short one.
func inCapsRun(text string, start, end int) bool {
	prev, next := capsWordBefore(text, start), capsWordAfter(text, end)
	if prev == "" && next == "" {
		return false
	}
	caps := func(w string) bool { return w == "" || (utf8.RuneCountInString(w) >= 2 && isUpperWord(w)) }
	return caps(prev) && caps(next)
}

// capsWordBefore is the last run of letters before i, or "" when a
// sentence ends before i or none is near.
func capsWordBefore(text string, i int) string {
	lo := max(0, i-maxToken)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo++
	}
	s := strings.TrimRightFunc(text[lo:i], unicode.IsSpace)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return ""
	}
	end := strings.LastIndexFunc(s, unicode.IsLetter)
	if end < 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(s[end:])
	s = s[:end+size]
	begin := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if begin < 0 {
		return s
	}
	_, size = utf8.DecodeRuneInString(s[begin:])
	return s[begin+size:]
}

// capsWordAfter is the first run of letters after j, or "" when none is near.
func capsWordAfter(text string, j int) string {
	s := window(text, j)
	begin := strings.IndexFunc(s, unicode.IsLetter)
	if begin < 0 {
		return ""
	}
	s = s[begin:]
	if end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); end >= 0 {
		s = s[:end]
	}
	return s
}

// isUpperWord reports whether s has letters and none in lower case.
func isUpperWord(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// spellLetters says a word letter by letter: "NATO" -> "N A T O".
func spellLetters(w string) string {
	var parts []string
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			parts = append(parts, string(unicode.ToUpper(r)))
		}
	}
	return strings.Join(parts, " ")
}
