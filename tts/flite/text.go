package flite

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// flite reads 8-bit text with US English rules and says nothing for bytes it
// does not know, so a request is rewritten into ASCII before it reaches the
// library: accents are dropped ("Café" → "Cafe"), Cyrillic and Greek are
// transliterated, typographic punctuation becomes its ASCII form, and a run of
// letters in any other script is read as the script's name ("Japanese text"),
// so the listener hears that something was there. The rewrite keeps the
// text's whitespace-separated chunks apart, one flite token or more per chunk,
// which is what ties flite's words back to byte offsets of the request.

// chunk is one whitespace-separated piece of the request text and the part
// of flite's input made from it.
type chunk struct {
	start, end int      // bytes of the request text
	words      [][2]int // word spans inside [start, end), request bytes
	in, inEnd  int      // bytes of the flite input
	stop       bool     // the chunk ends a sentence
}

// prepared is a request rewritten for flite.
type prepared struct {
	input  string
	chunks []chunk
	// foreign counts the runs of letters read as their script's name.
	foreign int
}

// prepare rewrites text (valid UTF-8) for flite.
func prepare(text string) prepared {
	var p prepared
	var b strings.Builder
	for start := 0; start < len(text); {
		r, n := utf8.DecodeRuneInString(text[start:])
		if unicode.IsSpace(r) {
			start += n
			continue
		}
		end := start
		for end < len(text) {
			r, n := utf8.DecodeRuneInString(text[end:])
			if unicode.IsSpace(r) {
				break
			}
			end += n
		}
		piece, foreign := spellChunk(text[start:end])
		p.foreign += foreign
		src := text[start:end]
		start = end
		if strings.TrimSpace(piece) == "" {
			// Nothing to say: a symbol spelt as a space ("‗").
			continue
		}
		if strings.Trim(piece, pausing) == "" {
			// Punctuation standing alone ("—", "!" after an emoji) says
			// nothing as a token of its own: it becomes the previous
			// token's punctuation, a dash a comma, so flite pauses there.
			if k := len(p.chunks); k > 0 {
				if last := b.String()[b.Len()-1]; !strings.ContainsRune(",.;:!?", rune(last)) {
					mark := strings.Trim(piece, "-\"'()")
					if mark == "" {
						mark = ","
					}
					b.WriteString(mark[:1])
					p.chunks[k-1].inEnd++
				}
				p.chunks[k-1].stop = p.chunks[k-1].stop || endsSentence(src)
			}
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		c := chunk{start: end - len(src), end: end, in: b.Len(), stop: endsSentence(src)}
		b.WriteString(piece)
		c.inEnd = b.Len()
		c.words = wordSpans(src, c.start)
		p.chunks = append(p.chunks, c)
	}
	p.input = b.String()
	for i := range p.chunks {
		next := ""
		if i+1 < len(p.chunks) {
			next = text[p.chunks[i+1].start:p.chunks[i+1].end]
		}
		p.chunks[i].stop = p.chunks[i].stop && !abbreviation(text[p.chunks[i].start:p.chunks[i].end], next)
	}
	return p
}

// titles are abbreviations that end with a full stop inside a sentence.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "prof": true,
	"gen": true, "gov": true, "sen": true, "rep": true, "lt": true, "col": true, "capt": true, "no": true,
	"vs": true, "etc": true, "inc": true, "co": true, "corp": true, "ltd": true, "mt": true,
}

// abbreviation reports whether src, ending in a full stop, is an
// abbreviation rather than a sentence's end: a title ("Dr."), initials
// ("U.S."), or any word followed by one starting in lower case.
func abbreviation(src, next string) bool {
	word := strings.TrimLeft(strings.TrimRight(src, "\"')]}\u201d\u2019"), "\"'([{\u201c\u2018")
	if !strings.HasSuffix(word, ".") {
		return false
	}
	word = strings.TrimSuffix(word, ".")
	if strings.Contains(word, ".") || titles[strings.ToLower(word)] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}

// chunkAt returns the index of the chunk whose token ends at or just past
// input byte pos (flite's token file_pos), or -1.
func (p *prepared) chunkAt(pos int) int {
	if pos < 0 {
		return -1
	}
	i := sort.Search(len(p.chunks), func(i int) bool { return p.chunks[i].in >= pos }) - 1
	if i < 0 {
		return -1
	}
	return i
}

// pausing is the punctuation that only makes a pause.
const pausing = "-.,;:!?\"'()"

// spellChunk rewrites one chunk into ASCII, reporting how many runs of
// letters were replaced by their script's name.
func spellChunk(src string) (string, int) {
	var b strings.Builder
	foreign := 0
	var run string // script name of the foreign run in progress
	hasKana := strings.IndexFunc(src, func(r rune) bool {
		return unicode.In(r, unicode.Hiragana, unicode.Katakana)
	}) >= 0
	for _, r := range src {
		s, script := spellRune(r, hasKana)
		if script != "" {
			if script != run {
				if b.Len() > 0 && isAlnum(b.String()[b.Len()-1]) {
					b.WriteByte(' ')
				}
				b.WriteString(script)
				b.WriteString(" text")
				foreign++
				run = script
			}
			continue
		}
		if s == "" {
			continue
		}
		if run != "" && isAlnum(s[0]) {
			b.WriteByte(' ')
		}
		run = ""
		b.WriteString(s)
	}
	return b.String(), foreign
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// spellRune returns r in ASCII, or the name of its script when it is a
// letter flite cannot read, or "" for a rune to leave out.
func spellRune(r rune, kana bool) (ascii, script string) {
	if r < utf8.RuneSelf {
		if r < ' ' || r == 0x7f {
			return "", ""
		}
		return string(r), ""
	}
	if s, ok := punctuation[r]; ok {
		return s, ""
	}
	var b strings.Builder
	for _, x := range norm.NFKD.String(string(r)) {
		switch {
		case x < utf8.RuneSelf:
			if x >= ' ' && x != 0x7f {
				b.WriteRune(x)
			}
		case unicode.Is(unicode.Mn, x):
		default:
			t, ok := letters[unicode.ToLower(x)]
			if !ok {
				if unicode.IsLetter(x) {
					return "", scriptName(x, kana)
				}
				continue // symbols, emoji, unknown punctuation
			}
			if unicode.IsUpper(x) && t != "" {
				t = strings.ToUpper(t[:1]) + t[1:]
			}
			b.WriteString(t)
		}
	}
	return b.String(), ""
}

// scriptName names the script of a letter flite cannot read, as the listener
// hears it.
func scriptName(r rune, kana bool) string {
	switch {
	case unicode.In(r, unicode.Hiragana, unicode.Katakana), kana && unicode.Is(unicode.Han, r):
		return "Japanese"
	}
	for _, s := range scripts {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return "foreign"
}

var scripts = []struct {
	table *unicode.RangeTable
	name  string
}{
	{unicode.Han, "Chinese"},
	{unicode.Hangul, "Korean"},
	{unicode.Arabic, "Arabic"},
	{unicode.Hebrew, "Hebrew"},
	{unicode.Thai, "Thai"},
	{unicode.Devanagari, "Devanagari"},
	{unicode.Bengali, "Bengali"},
	{unicode.Tamil, "Tamil"},
	{unicode.Armenian, "Armenian"},
	{unicode.Georgian, "Georgian"},
	{unicode.Ethiopic, "Ethiopic"},
}

// punctuation maps typographic punctuation to the ASCII flite knows.
var punctuation = map[rune]string{
	'\u2018': "'", '\u2019': "'", '\u201a': "'", '\u2039': "'", '\u203a': "'",
	'\u201c': `"`, '\u201d': `"`, '\u201e': `"`, '\u00ab': `"`, '\u00bb': `"`,
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-", '\u2014': "-", '\u2015': "-", '\u2212': "-",
	'\u2026': "...", '\u3002': ".", '\uff0c': ",", '\u3001': ",", '\uff01': "!", '\uff1f': "?",
	'\u00bf': "", '\u00a1': "",
}

// letters spells the letters NFKD leaves outside ASCII: Latin letters without
// a decomposition, Cyrillic and Greek (lower case; upper case follows).
var letters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'ø': "o", 'œ': "oe", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i", 'ŋ': "ng",
	// Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian, Bulgarian).
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p",
	'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch",
	'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'ё': "yo", 'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u", 'ђ': "dj", 'ј': "j",
	'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz", 'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
	// Greek (accents are removed by NFKD first).
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th",
	'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p",
	'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

// wordSpans returns the words of s, as byte spans offset by base: runs of
// letters, digits and marks, kept together across an apostrophe or hyphen
// between two of them (the rule tts/ttstest checks marks against).
func wordSpans(s string, base int) [][2]int {
	var out [][2]int
	start := -1
	var prev rune
	for i, r := range s {
		in := isWordRune(r)
		if !in && start >= 0 && (r == '\'' || r == '\u2019' || r == '-') && isWordRune(prev) {
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			in = isWordRune(next)
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, [2]int{base + start, base + i})
			start = -1
		}
		prev = r
	}
	if start >= 0 {
		out = append(out, [2]int{base + start, base + len(s)})
	}
	return out
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// endsSentence reports whether a chunk ends with a sentence's final
// punctuation, closing quotes and brackets aside.
func endsSentence(src string) bool {
	s := strings.TrimRight(src, "\"')]}\u201d\u2019\u00bb")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?\u2026\u3002\uff01\uff1f", r)
}
