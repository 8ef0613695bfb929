package spoken

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rules are a newsroom's own readings, tried before the built-in classes
// at every token boundary. Parse them with ParseRules.
type Rules struct {
	rules []userRule
}

type userRule struct {
	lang string         // "" for every language, else "fr" or "fr-ca"
	word string         // whole token, case-sensitive
	re   *regexp.Regexp // or an anchored regular expression
	say  string         // replacement; "" with letters or keep
	// letters spells the token letter by letter; keep leaves it as
	// written and stops the built-in classes from reading it.
	letters, keep bool
}

// ParseRules reads a rules file. name is used in errors, which carry the
// line number. The format is the pronunciation lexicon's, one rule a line:
//
//	# a comment
//	WORD = replacement          whole token, case-sensitive ("Gov." = Governor)
//	/regexp/ = replacement      Go RE2 syntax, matched at a token start; $1 for groups
//	[fr] WORD = replacement     only for that language (fr, fr-CA, …)
//	WORD = @letters             say it letter by letter ("NATO" -> N A T O)
//	WORD = @word                say it as written: no built-in class reads it
//	                            ("MIX" is not 1009, "CV" not 105)
//
// Numbers in a replacement are read by the built-in classes, so
// "/(\d+)-(\d+) vote/ = $1 to $2 vote" gives "nine to five vote".
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
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("%s:%d: invalid UTF-8", name, n)
		}
		var u userRule
		if strings.HasPrefix(line, "[") {
			end := strings.IndexByte(line, ']')
			if end < 0 {
				return nil, fmt.Errorf("%s:%d: language tag has no closing ]", name, n)
			}
			u.lang = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(line[1:end]), "_", "-"))
			if !langTagRe.MatchString(u.lang) {
				return nil, fmt.Errorf("%s:%d: bad language tag %q", name, n, line[1:end])
			}
			line = strings.TrimSpace(line[end+1:])
		}
		var rhs string
		if strings.HasPrefix(line, "/") {
			end := closingSlash(line)
			if end < 0 {
				return nil, fmt.Errorf("%s:%d: regexp has no closing /", name, n)
			}
			pattern := strings.ReplaceAll(line[1:end], `\/`, `/`)
			rest := strings.TrimSpace(line[end+1:])
			if !strings.HasPrefix(rest, "=") {
				return nil, fmt.Errorf("%s:%d: want /regexp/ = replacement", name, n)
			}
			re, err := regexp.Compile(`^(?:` + pattern + `)`)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad regexp: %w", name, n, err)
			}
			if re.MatchString("") {
				return nil, fmt.Errorf("%s:%d: regexp /%s/ matches empty text", name, n, pattern)
			}
			u.re = re
			rhs = strings.TrimSpace(rest[1:])
		} else {
			i := strings.IndexByte(line, '=')
			if i < 0 {
				return nil, fmt.Errorf("%s:%d: want WORD = replacement", name, n)
			}
			u.word = strings.Join(strings.Fields(line[:i]), " ")
			if u.word == "" {
				return nil, fmt.Errorf("%s:%d: empty word before =", name, n)
			}
			rhs = strings.TrimSpace(line[i+1:])
		}
		switch rhs {
		case "":
			return nil, fmt.Errorf("%s:%d: empty replacement", name, n)
		case "@letters":
			u.letters = true
		case "@word":
			u.keep = true
		default:
			if strings.HasPrefix(rhs, "@") {
				return nil, fmt.Errorf("%s:%d: unknown directive %q: want @letters or @word", name, n, rhs)
			}
			u.say = rhs
		}
		rs.rules = append(rs.rules, u)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	return rs, nil
}

var langTagRe = regexp.MustCompile(`^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$`)

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

// forLang is the rules that apply to lang, in file order.
func (rs *Rules) forLang(lang string) []userRule {
	if rs == nil {
		return nil
	}
	base := lang
	if i := strings.IndexByte(base, '-'); i >= 0 {
		base = base[:i]
	}
	var out []userRule
	for _, u := range rs.rules {
		if u.lang == "" || u.lang == lang || u.lang == base {
			out = append(out, u)
		}
	}
	return out
}

// matchUser tries the user's rules at text[i:].
func (n *Normalizer) matchUser(text string, i int) (token, bool) {
	for _, u := range n.rules {
		var end int
		var say string
		if u.re != nil {
			loc := u.re.FindStringSubmatchIndex(window(text, i))
			if loc == nil || loc[1] == 0 {
				continue
			}
			end = i + loc[1]
			if !endsToken(text, end) && isAlnum(lastRune(text[i:end])) {
				continue
			}
			say = string(u.re.ExpandString(nil, u.say, window(text, i), loc))
		} else {
			if !strings.HasPrefix(text[i:], u.word) {
				continue
			}
			end = i + len(u.word)
			if !endsToken(text, end) && isAlnum(lastRune(u.word)) {
				continue
			}
			say = u.say
		}
		switch {
		case u.keep:
			say = text[i:end]
		case u.letters:
			say = spellLetters(text[i:end])
		default:
			// Numbers in the replacement are read by the built-in classes;
			// the user's rules are not applied again, so no rule can loop.
			say, _ = n.run(say, false)
		}
		return token{end, say, "user"}, true
	}
	return token{}, false
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
