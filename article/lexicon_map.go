package article

import (
	"strings"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/article/spoken"
)

// ApplyMapped is Apply that also returns where each byte of the result came
// from in text, so word timings on the engine's text can be traced back
// through the lexicon (see spoken.Compose).
func (lx *Lexicon) ApplyMapped(text, lang string) (string, spoken.Map) {
	m := spoken.Identity(len(text))
	if lx == nil {
		return text, m
	}
	lang = strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	for _, r := range lx.rules {
		if r.lang != "" && r.lang != lang && r.lang != baseLang(lang) {
			continue
		}
		var out string
		var step spoken.Map
		if r.re != nil {
			out, step = replaceRegexpMapped(text, r)
		} else {
			out, step = replaceWordMapped(text, r.word, r.repl)
		}
		if step != nil {
			text, m = out, spoken.Compose(step, m)
		}
	}
	return text, m
}

// edits builds a result and its map from non-overlapping replacements in
// order; nil when there are none.
type edits struct {
	src  string
	b    strings.Builder
	m    spoken.Map
	last int
}

func (e *edits) replace(start, end int, repl string) {
	if start > e.last {
		o := e.b.Len()
		e.b.WriteString(e.src[e.last:start])
		e.m = append(e.m, spoken.Span{OutStart: o, OutEnd: e.b.Len(), InStart: e.last, InEnd: start})
	}
	o := e.b.Len()
	e.b.WriteString(repl)
	e.m = append(e.m, spoken.Span{OutStart: o, OutEnd: e.b.Len(), InStart: start, InEnd: end, Rule: "lexicon"})
	e.last = end
}

func (e *edits) done() (string, spoken.Map) {
	if e.m == nil {
		return e.src, nil
	}
	if e.last < len(e.src) {
		o := e.b.Len()
		e.b.WriteString(e.src[e.last:])
		e.m = append(e.m, spoken.Span{OutStart: o, OutEnd: e.b.Len(), InStart: e.last, InEnd: len(e.src)})
	}
	return e.b.String(), e.m
}

// replaceRegexpMapped is regexp.ReplaceAllString with a map. An empty
// match is skipped right after a previous match, as ReplaceAllString does.
func replaceRegexpMapped(text string, r lexRule) (string, spoken.Map) {
	e := &edits{src: text}
	prevEnd := -1
	for _, loc := range r.re.FindAllStringSubmatchIndex(text, -1) {
		if loc[0] == loc[1] && loc[0] == prevEnd {
			continue
		}
		repl := string(r.re.ExpandString(nil, r.repl, text, loc))
		e.replace(loc[0], loc[1], repl)
		prevEnd = loc[1]
	}
	return e.done()
}

// replaceWordMapped is replaceWord with a map.
func replaceWordMapped(text, word, repl string) (string, spoken.Map) {
	if !strings.Contains(text, word) {
		return text, nil
	}
	acronym := isUpperWord(word)
	e := &edits{src: text}
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], word)
		if j < 0 {
			break
		}
		start, end := i+j, i+j+len(word)
		if isWordBoundary(text, start, end) && !(acronym && inCapsRun(text, start, end)) {
			e.replace(start, end, repl)
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(text[start:])
		i = start + size
	}
	return e.done()
}
