package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitleBytes bounds a plain-text title: a longer first line is a
// paragraph of an article without a title.
const maxTitleBytes = 300

// parseText makes a Document from scraped plain text: paragraphs at blank
// lines and line breaks, the clean-up rules, then the first remaining line
// as the title.
func parseText(text string, opts LoadOptions) (*Document, error) {
	d := &Draft{Blocks: textParagraphs(text)}
	ApplyRules(d, opts.rules())
	doc := &Document{Byline: d.Byline, Published: d.Published, Removed: d.Removed}
	blocks := d.Blocks
	if len(blocks) > 0 && len(blocks[0].Text) <= maxTitleBytes && !attribution.MatchString(blocks[0].Text) {
		doc.Title = blocks[0].Text
		blocks = blocks[1:]
	}
	markQuotes(blocks)
	doc.Blocks = blocks
	return doc, nil
}

// textParagraphs splits text into paragraph blocks. Every line is a
// paragraph, except that a hard-wrapped line (no sentence ending, the next
// line starting in lower case) continues on the next line.
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
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(line)
		if i+1 < len(lines) && continuesOn(line, strings.TrimSpace(lines[i+1])) {
			continue
		}
		flush()
	}
	flush()
	return out
}

// continuesOn reports whether next continues line's sentence (hard wrap).
// Scripts without case (Chinese, Japanese) give no such sign, so there
// every line is a paragraph.
func continuesOn(line, next string) bool {
	if next == "" || endsSentence(line) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
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
