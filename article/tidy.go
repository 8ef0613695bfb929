package article

import (
	"regexp"
	"strings"
	"unicode"
)

// Tidy prepares scraped text for speech. It
//   - removes zero-width characters and soft hyphens, and turns no-break and
//     other Unicode spaces into plain spaces;
//   - maps curly quotes and apostrophes to straight ones and guillemets to
//     double quotes;
//   - repairs hyphenated words that scraping broke apart ("Al- Qaeda",
//     "Radio -Canada"), while a spaced dash (" – ", " - ") stays a dash, so
//     engines keep the pause;
//   - removes the space scraping leaves before a full stop or comma, turns an
//     elided-quote marker "[…]" into "…";
//   - collapses white space and trims the ends.
//
// Tidy is idempotent. It never changes letters, digits or words: that
// is the spoken form's work (package spoken), which is what "normalize"
// means in narrate.
func Tidy(s string) string {
	if s == "" {
		return ""
	}
	s = normalizeReplacer.Replace(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u00ad' || r == '\u200b' || r == '\u200c' || r == '\u200d' ||
			r == '\u2060' || r == '\ufeff':
			return -1
		case r == '\n' || r == '\r' || r == '\t' || r == '\ufffd':
			// U+FFFD marks a byte the input's encoding could not decode:
			// a gap in the text, not something to pronounce.
			return ' '
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if strings.ContainsAny(s, "«‹»›") {
		s = guillemetOpen.ReplaceAllString(s, `"`)
		s = guillemetClose.ReplaceAllString(s, `"`)
	}
	if strings.ContainsAny(s, "[(") {
		s = elision.ReplaceAllString(s, "…")
	}
	// The regexps below are the cost of Tidy; most text needs none.
	if !strings.Contains(s, "- ") && !strings.Contains(s, " -") &&
		!strings.Contains(s, " .") && !strings.Contains(s, " ,") {
		return s
	}
	// Matches can overlap ("A- B- C"), so repeat until nothing changes.
	for i := 0; i < 8; i++ {
		prev := s
		s = brokenHyphenAfter.ReplaceAllString(s, "$1-$2")
		s = brokenHyphenBefore.ReplaceAllString(s, "$1-$2")
		s = spacedHyphen.ReplaceAllString(s, " – ")
		s = spaceBeforeStop.ReplaceAllString(s, "$1 ")
		s = strings.Join(strings.Fields(s), " ")
		if s == prev {
			break
		}
	}
	return s
}

var (
	normalizeReplacer = strings.NewReplacer(
		"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
		"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`,
		"\u2010", "-", "\u2011", "-",
	)
	guillemetOpen  = regexp.MustCompile(`[«‹] ?`)
	guillemetClose = regexp.MustCompile(` ?[»›]`)
	// "Al- Qaeda": a hyphen glued to the letter before it and followed by a
	// space and a capital. "pre- and post-war" (lower case after) stays.
	brokenHyphenAfter = regexp.MustCompile(`(\p{L})- (\p{Lu})`)
	// "Radio -Canada": a hyphen glued to the letter after it, preceded by a
	// space and a letter.
	brokenHyphenBefore = regexp.MustCompile(`(\p{L}) -(\p{L})`)
	spacedHyphen       = regexp.MustCompile(` -{1,2} `)
	spaceBeforeStop    = regexp.MustCompile(` ([.,])(?: |$)`)
	elision            = regexp.MustCompile(`[\[(](?:…|\.\.\.)[\])]`)
)
