package article

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// frontMatter is what the block of fields at the top of a Markdown file
// (Jekyll's and Hugo's YAML between "---" lines, Hugo's TOML between
// "+++") says about the article. Its text is not read.
type frontMatter struct {
	title     string
	authors   []string
	published *time.Time
	lang      string
	// fields are the front matter's top-level fields, as written, in
	// order, each with its key folded to lower case.
	fields []fmField
	// into says, for the keys whose values are used, where they went
	// (IntoTitle, IntoByline, IntoPublished).
	into map[string]string
}

// fmField is one top-level field of a front matter: its key in lower
// case and its lines as written.
type fmField struct {
	key, text string
}

// maxFrontMatter is the most bytes a front matter may take; a longer
// block at the top is not taken for one.
const maxFrontMatter = 64 << 10

// Front matter keys narrate uses, by what for, in the order they are
// tried: the first that holds a usable value wins.
var (
	fmTitleKeys  = []string{"title", "headline"}
	fmAuthorKeys = []string{"author", "authors", "byline", "creator", "creators"}
	fmDateKeys   = []string{"date", "published", "publishdate", "publish_date", "pubdate", "published_at", "datepublished", "created"}
	fmLangKeys   = []string{"lang", "language", "languagecode", "locale", "inlanguage"}
)

// splitFrontMatter takes the front matter off the top of text: nil and
// text when it has none. A "---" block is front matter only when it holds
// fields: YAML that is a mapping, or, for front matter a YAML parser
// refuses (an unquoted colon in a title is common), lines of `key: value`.
func splitFrontMatter(text string) (*frontMatter, string) {
	var closers []string
	toml := false
	switch first, _, _ := strings.Cut(text, "\n"); strings.TrimRight(first, " \t\r") {
	case "---":
		closers = []string{"---", "..."}
	case "+++":
		closers, toml = []string{"+++"}, true
	default:
		return nil, text
	}
	start := strings.IndexByte(text, '\n') + 1
	if start == 0 {
		return nil, text
	}
	pos := start
	for pos < len(text) && pos-start <= maxFrontMatter {
		line, _, _ := strings.Cut(text[pos:], "\n")
		next := pos + len(line) + 1
		for _, c := range closers {
			if strings.TrimRight(line, " \t\r") == c {
				fm := readFrontMatter(text[start:pos], toml)
				if fm == nil {
					return nil, text
				}
				return fm, text[min(next, len(text)):]
			}
		}
		pos = next
	}
	return nil, text
}

// fmKeyLine is a top-level field's first line: `key: …` (YAML) or
// `key = …` (TOML).
var (
	yamlKeyLine = regexp.MustCompile(`^([A-Za-z_][\w.-]*)\s*:(?:\s|$)`)
	tomlKeyLine = regexp.MustCompile(`^([A-Za-z_][\w.-]*)\s*=`)
)

// readFrontMatter reads the fields of a front matter's text, or returns
// nil when it is not a block of fields.
func readFrontMatter(src string, toml bool) *frontMatter {
	keyLine := yamlKeyLine
	if toml {
		keyLine = tomlKeyLine
	}
	fm := &frontMatter{into: map[string]string{}}
	inTable := false // in a TOML table, whose keys are not the article's
	for line := range strings.Lines(src) {
		trimmed := strings.TrimSpace(line)
		switch m := keyLine.FindStringSubmatch(line); {
		case m != nil && inTable:
			fm.fields[len(fm.fields)-1].text += line
		case m != nil:
			fm.fields = append(fm.fields, fmField{key: strings.ToLower(m[1]), text: line})
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
			// A comment: kept with the field above it, so --explain shows it.
			if len(fm.fields) == 0 {
				fm.fields = append(fm.fields, fmField{key: "#"})
			}
			fm.fields[len(fm.fields)-1].text += line
		case toml && strings.HasPrefix(trimmed, "["):
			// A table: its keys belong to it, not to the article.
			fm.fields = append(fm.fields, fmField{key: "[table]", text: line})
			inTable = true
		case len(fm.fields) > 0 && (line[0] == ' ' || line[0] == '\t' || line[0] == '-' || line[0] == ']' || line[0] == '}'):
			fm.fields[len(fm.fields)-1].text += line
		default:
			return nil // prose, not fields
		}
	}
	values := map[string]any{}
	if !toml {
		var m map[string]any
		if err := yaml.Unmarshal([]byte(src), &m); err == nil {
			for k, v := range m {
				values[strings.ToLower(k)] = v
			}
		}
	}
	// Fields the YAML parser did not give (it refused the block, or the
	// block is TOML) are read from their line: a quoted or bare value, or
	// a list of them.
	for _, f := range fm.fields {
		if _, ok := values[f.key]; !ok {
			values[f.key] = looseValue(f.text, toml)
		}
	}
	for _, k := range fmTitleKeys {
		if s := fmString(values[k]); s != "" {
			fm.title, fm.into[k] = cleanInline(s), IntoTitle
			break
		}
	}
	for _, k := range fmAuthorKeys {
		if names := cleanByline(personNames(values[k])); len(names) > 0 {
			fm.authors, fm.into[k] = names, IntoByline
			break
		}
	}
	for _, k := range fmDateKeys {
		if t, ok := fmDate(values[k]); ok {
			fm.published, fm.into[k] = &t, IntoPublished
			break
		}
	}
	for _, k := range fmLangKeys {
		if l := strings.ReplaceAll(fmString(values[k]), "_", "-"); l != "" && ValidLangTag(l) {
			fm.lang = l
			break
		}
	}
	return fm
}

// looseValue reads a field's value from its lines: after the key's ":" or
// "=", a quoted string, a bare one, or a list ([a, b] or lines of "- a").
func looseValue(text string, toml bool) any {
	sep := ":"
	if toml {
		sep = "="
	}
	_, v, _ := strings.Cut(text, sep)
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "[") {
		var list []any
		for item := range strings.SplitSeq(strings.Trim(v, "[] \n"), ",") {
			if s := unquote(item); s != "" {
				list = append(list, s)
			}
		}
		return list
	}
	if first, rest, _ := strings.Cut(v, "\n"); strings.TrimSpace(first) == "" && rest != "" {
		var list []any
		for line := range strings.Lines(rest) {
			if s, ok := strings.CutPrefix(strings.TrimSpace(line), "- "); ok {
				list = append(list, unquote(s))
			}
		}
		return list
	}
	first, _, _ := strings.Cut(v, "\n")
	return unquote(first)
}

// unquote trims s and the quotes around it.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = s[1 : len(s)-1]
	}
	return strings.TrimSpace(s)
}

// fmString is a scalar field's value as text.
func fmString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case int, float64:
		return fmt.Sprint(x) // title: 1984
	case []any:
		if len(x) == 1 {
			return fmString(x[0])
		}
	}
	return ""
}

// fmDate reads a date field: a YAML timestamp, or text in the forms front
// matter uses ("2026-05-03", "2026-05-03T09:30:00+02:00", "2026-05-03
// 09:30:00 +0200") or as a site prints it ("3 May 2026").
func fmDate(v any) (time.Time, bool) {
	var t time.Time
	switch x := v.(type) {
	case time.Time:
		t = x
	case string:
		s := strings.TrimSpace(x)
		ok := false
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05 -0700",
			"2006-01-02 15:04:05 -07:00", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"} {
			if p, err := time.Parse(layout, s); err == nil {
				t, ok = p, true
				break
			}
		}
		if !ok {
			if t, ok = parseDateLine(s); !ok {
				return time.Time{}, false
			}
		}
	default:
		return time.Time{}, false
	}
	if t.Year() <= 1900 {
		return time.Time{}, false
	}
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return t, true
}
