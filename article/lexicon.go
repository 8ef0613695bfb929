package article

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Lexicon is an ordered list of pronunciation rules applied to spoken
// text: a whole word or a regular expression, and what to say instead,
// optionally for one language only.
type Lexicon struct {
	rules []lexRule
}

type lexRule struct {
	lang string         // "" for every language; else "fr" or "fr-ca"
	word string         // whole-word match, case-sensitive
	re   *regexp.Regexp // or a regular expression
	repl string
	line int
}

// ParseLexicon reads a lexicon file. name is used in errors, which carry
// the line number. The format, one rule a line:
//
//	# a comment
//	WORD = replacement           whole word, case-sensitive
//	/regexp/ = replacement       Go RE2 syntax; $1 refers to groups
//	[fr] WORD = replacement      only for that language (fr, fr-CA, …)
//
// A word may contain spaces, hyphens and dots ("IS-K", "e.g."). The
// replacement may not be empty.
func ParseLexicon(r io.Reader, name string) (*Lexicon, error) {
	lx := &Lexicon{}
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
		rule := lexRule{line: n}
		if strings.HasPrefix(line, "[") {
			end := strings.IndexByte(line, ']')
			if end < 0 {
				return nil, fmt.Errorf("%s:%d: language tag has no closing ]", name, n)
			}
			rule.lang = strings.ToLower(strings.TrimSpace(line[1:end]))
			if !langTag.MatchString(rule.lang) {
				return nil, fmt.Errorf("%s:%d: bad language tag %q", name, n, line[1:end])
			}
			line = strings.TrimSpace(line[end+1:])
		}
		var lhs, rhs string
		if strings.HasPrefix(line, "/") {
			end := closingSlash(line)
			if end < 0 {
				return nil, fmt.Errorf("%s:%d: regexp has no closing /", name, n)
			}
			pattern := line[1:end]
			rest := strings.TrimSpace(line[end+1:])
			if !strings.HasPrefix(rest, "=") {
				return nil, fmt.Errorf("%s:%d: want /regexp/ = replacement", name, n)
			}
			re, err := regexp.Compile(strings.ReplaceAll(pattern, `\/`, `/`))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: bad regexp: %w", name, n, err)
			}
			if re.MatchString("") {
				return nil, fmt.Errorf("%s:%d: regexp /%s/ matches empty text", name, n, pattern)
			}
			rule.re = re
			rhs = strings.TrimSpace(rest[1:])
		} else {
			i := strings.IndexByte(line, '=')
			if i < 0 {
				return nil, fmt.Errorf("%s:%d: want WORD = replacement", name, n)
			}
			lhs, rhs = strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+1:])
			if lhs == "" {
				return nil, fmt.Errorf("%s:%d: empty word before =", name, n)
			}
			rule.word = strings.Join(strings.Fields(lhs), " ")
		}
		if rhs == "" {
			return nil, fmt.Errorf("%s:%d: empty replacement", name, n)
		}
		rule.repl = rhs
		lx.rules = append(lx.rules, rule)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	return lx, nil
}

var langTag = regexp.MustCompile(`^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$`)

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
func (lx *Lexicon) Len() int {
	if lx == nil {
		return 0
	}
	return len(lx.rules)
}

// Merge returns a lexicon with lx's rules followed by other's, so a user's
// file can extend the default.
func (lx *Lexicon) Merge(other *Lexicon) *Lexicon {
	out := &Lexicon{}
	if lx != nil {
		out.rules = append(out.rules, lx.rules...)
	}
	if other != nil {
		out.rules = append(out.rules, other.rules...)
	}
	return out
}

// Apply rewrites text for the engine: every rule for lang (or for all
// languages), in file order. Word rules match whole words, case-sensitively;
// a word rule in capitals is skipped inside a run of capitals ("THIS IS
// IT"), where it is not an acronym.
func (lx *Lexicon) Apply(text, lang string) string {
	if lx == nil {
		return text
	}
	lang = strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	for _, r := range lx.rules {
		if r.lang != "" && r.lang != lang && r.lang != baseLang(lang) {
			continue
		}
		if r.re != nil {
			text = r.re.ReplaceAllString(text, r.repl)
		} else {
			text = replaceWord(text, r.word, r.repl)
		}
	}
	return text
}

// replaceWord replaces whole-word occurrences of word.
func replaceWord(text, word, repl string) string {
	if !strings.Contains(text, word) {
		return text
	}
	acronym := isUpperWord(word)
	var sb strings.Builder
	last := 0
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], word)
		if j < 0 {
			break
		}
		start, end := i+j, i+j+len(word)
		if isWordBoundary(text, start, end) && !(acronym && inCapsRun(text, start, end)) {
			sb.WriteString(text[last:start])
			sb.WriteString(repl)
			last = end
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(text[start:])
		i = start + size
	}
	if last == 0 {
		return text
	}
	sb.WriteString(text[last:])
	return sb.String()
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_'
}

// isWordBoundary reports whether text[start:end] is not glued to letters
// or digits on either side. A hyphen is a boundary only if it is not
// followed by a word ("IS" does not match inside "IS-K").
func isWordBoundary(text string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		if isWordRune(r) || r == '-' {
			return false
		}
	}
	if end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if isWordRune(r) {
			return false
		}
		if r == '-' {
			r2, _ := utf8.DecodeRuneInString(text[end+n:])
			if isWordRune(r2) {
				return false
			}
		}
	}
	return true
}

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

// inCapsRun reports whether the words around text[start:end] are all in
// capitals (a shouted headline), at least one of them existing.
func inCapsRun(text string, start, end int) bool {
	prev := lastWord(text[:start])
	next := firstWord(text[end:])
	if prev == "" && next == "" {
		return false
	}
	caps := func(w string) bool { return w == "" || (utf8.RuneCountInString(w) >= 2 && isUpperWord(w)) }
	return caps(prev) && caps(next)
}

func lastWord(s string) string {
	// A sentence ending before the word means there is no previous word.
	if t := strings.TrimRightFunc(s, unicode.IsSpace); t == "" || strings.ContainsAny(t[len(t)-1:], ".!?") {
		return ""
	}
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func firstWord(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

//go:embed lexicon/default.lex
var defaultLexicon string

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
)

// DefaultLexicon returns the built-in lexicon (article/lexicon/default.lex):
// acronyms that espeak-ng reads as words, spelled out. Callers must not
// modify it; Merge makes a new one.
func DefaultLexicon() *Lexicon {
	defaultOnce.Do(func() {
		lx, err := ParseLexicon(strings.NewReader(defaultLexicon), "default.lex")
		if err != nil {
			panic("article: built-in lexicon: " + err.Error())
		}
		defaultLex = lx
	})
	return defaultLex
}

// LoadLexicon returns the lexicon a render uses: the built-in one unless
// noDefault, with the rules of the file at path (if any) added after it, so
// a newsroom's rules win. Errors name the file and line.
func LoadLexicon(path string, noDefault bool) (*Lexicon, error) {
	var lex *Lexicon
	if !noDefault {
		lex = DefaultLexicon()
	}
	if path == "" {
		return lex, nil
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer fh.Close()
	user, err := ParseLexicon(fh, path)
	if err != nil {
		return nil, fmt.Errorf("lexicon %w", err)
	}
	if lex == nil {
		return user, nil
	}
	return lex.Merge(user), nil
}
