package article

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseText makes a Document from plain text: paragraphs at blank lines
// and line breaks (hard wraps joined), the clean-up rules, then the title.
// A title given in opts is the title, and the text is all body (a first
// line that repeats it is not read twice); otherwise the first block is
// the title only if it is a headline (isHeadline), and a text without one
// is an article without a title.
func parseText(text string, opts LoadOptions) (*Document, error) {
	d := &Draft{Blocks: textParagraphs(text), Byline: opts.Byline}
	ApplyRules(d, opts.rules())
	doc := &Document{Title: opts.Title, Byline: d.Byline, Published: d.Published}
	blocks := d.Blocks
	switch {
	case opts.Title != "":
		if len(blocks) > 0 && titleKey(blocks[0].Text) == titleKey(opts.Title) {
			d.Removed = append(d.Removed, Removal{Rule: "title-repeat", Text: blocks[0].Text, Into: IntoTitle})
			blocks = blocks[1:]
		}
	case isHeadline(blocks):
		doc.Title = blocks[0].Text
		blocks = blocks[1:]
	}
	markQuotes(blocks)
	doc.Blocks = blocks
	doc.Removed = d.Removed
	return doc, nil
}

// Bounds of a headline: news headlines run to about a dozen words and
// rarely past twenty (wordCount counts two Han or kana characters a word).
const (
	maxHeadlineBytes = 200
	maxHeadlineWords = 20
)

// isHeadline reports whether the first of blocks is the text's headline:
// it has a headline's shape and a paragraph follows it.
func isHeadline(blocks []Block) bool {
	return len(blocks) >= 2 && blocks[0].Kind == KindParagraph && headlineShape(blocks[0].Text)
}

// headlineShape reports whether s could be a headline, from what
// headlines are: one short line that is not a date line, one sentence at
// most, ending on a word,
// a number, a quotation mark or a question or exclamation mark, never on
// a full stop, a comma or a colon (which lead on into more text); starting
// with a capital, a digit, a quotation mark or a letter of a script
// without case, never in lower case (the middle of a sentence, an e-mail
// address) or with a dash, a bullet or a number of a list (a line of
// dialogue, a list item).
func headlineShape(s string) bool {
	if len(s) > maxHeadlineBytes || !hasLetters(s, 1) || wordCount(s) > maxHeadlineWords ||
		attribution.MatchString(s) || listStart.MatchString(s) || classifyDateLine(s) != notDateLine {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(first) || strings.ContainsRune("-‐‑‒–—―•·*+>|~", first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, " \"'”’»)]」』）"))
	if strings.ContainsRune(".…,;:。、，；：-–—/\\", last) {
		return false
	}
	return sentenceCount(s) == 1
}

// listStart is a numbered or lettered list item's marker ("1. ", "2) ",
// "a) ").
var listStart = regexp.MustCompile(`^\s*(?:\d{1,3}|[a-zA-Z])[.)]\s`)

// textParagraphs splits text into paragraph blocks. Every line is a
// paragraph, except that a hard-wrapped line continues on the next one
// (see continuesOn).
func textParagraphs(text string) []Block {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var (
		out []Block
		cur strings.Builder
	)
	flush := func() {
		if s := strings.TrimSpace(cur.String()); s != "" {
			out = append(out, Block{Kind: KindParagraph, Text: cleanInline(s)})
		}
		cur.Reset()
	}
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	width := 0 // what fits on a line of the current run of lines
	for i, line := range lines {
		if line == "" {
			width = 0
			flush()
			continue
		}
		if width == 0 {
			n := 0
			for _, l := range lines[i:] {
				if l == "" {
					break
				}
				width = max(width, utf8.RuneCountInString(l))
				n++
			}
			// A run of three lines or more that was wrapped gives its
			// width; lines set in a proportional font (text copied from a
			// page or a PDF) vary about a tenth around it.
			if n >= 3 {
				width -= width / 10
			}
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(line)
		if i+1 < len(lines) && continuesOn(line, lines[i+1], width) {
			continue
		}
		flush()
	}
	flush()
	return out
}

// continuesOn reports whether next continues line's sentence: a hard wrap.
// The line does not end a sentence, next starts in lower case, and next's
// first word would not have fitted on the line within width, the longest
// line around it: a line broken where the next word would have fitted was
// broken on purpose, like a headline above a paragraph that starts with an
// e-mail address. Scripts without case (Chinese, Japanese) give no such
// sign, so there every line is a paragraph.
func continuesOn(line, next string, width int) bool {
	if next == "" || endsSentence(line) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLower(r) {
		return false
	}
	word, _, _ := strings.Cut(next, " ")
	return utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width
}

// markQuotes makes a paragraph followed by an attribution line ("A quote
// from Jane Doe, …") a quote block. The attribution stays: it is how the
// listener learns who said it, and the page shows it as text.
func markQuotes(blocks []Block) {
	for i := 1; i < len(blocks); i++ {
		if attribution.MatchString(blocks[i].Text) && blocks[i-1].Kind == KindParagraph {
			blocks[i-1].Kind = KindQuote
		}
	}
}
