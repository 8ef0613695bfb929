// Package article turns a news page (HTML or scraped plain text) into a
// Document: the title, byline, language and the ordered blocks a listener
// should hear, with page debris removed. It also owns the text rules around
// speech: normalization, sentence splitting and splitting text to an
// engine's byte limit; package article/spoken puts it in the words an engine
// is given. It knows nothing about audio.
package article

import "time"

// Kind is what a Block is. Its string form is used in the timings sidecar.
type Kind string

// Block kinds. Title and Byline blocks are never in Document.Blocks; they are
// made from Document.Title and Document.Byline by Document.Spoken.
const (
	KindTitle     Kind = "title"
	KindByline    Kind = "byline"
	KindHeading   Kind = "heading"
	KindParagraph Kind = "paragraph"
	KindQuote     Kind = "quote"
	KindItem      Kind = "item"
)

// Block is one unit of the article, in reading order.
type Block struct {
	Kind Kind `json:"kind"`
	// Text is the block as it appears in the article, after debris removal.
	Text string `json:"text"`
	// Spoken is Text normalized for speech (spacing, quotes, dashes); its
	// spoken form (package article/spoken) is made later, by whoever
	// synthesizes it.
	Spoken string `json:"spoken"`
	// Number is the number the item of an HTML ordered list shows on its
	// page ("3", "c", "iv"), which its Text leaves out as the page's text
	// does; Spoken reads it first ("3. Beat the eggs."). Markdown's items
	// hold their number in Text, as their source writes it.
	Number string `json:"number,omitempty"`
}

// spokenText is the text b's spoken form is made of: its Text, after its
// list number if it has one.
func (b Block) spokenText() string {
	if b.Number != "" {
		return b.Number + ". " + b.Text
	}
	return b.Text
}

// Document is an article ready to be narrated.
type Document struct {
	Title     string     `json:"title"`
	Byline    string     `json:"byline,omitempty"`
	Published *time.Time `json:"published,omitempty"`
	Lang      string     `json:"lang,omitempty"`
	// Source is where the article came from (path or URL), for tags and errors.
	Source string  `json:"source,omitempty"`
	Blocks []Block `json:"blocks"`
	// Warnings are one-line notes about the input that did not stop it
	// from being read (bytes that were not valid in its encoding), for the
	// caller to show.
	Warnings []string `json:"warnings,omitempty"`
	// Removed is the text of the input that is not read where it stood,
	// in the order it was taken out, each with the rule that took it
	// (`narrate script --explain` lists them).
	Removed []Removal `json:"removed,omitempty"`
	// bylineNames are the authors' names Byline joins, when the page gave
	// several: Load joins them in the article's language, known only at
	// the end.
	bylineNames []string
}

// Removal is text of the input that is not read where it stood, and why.
type Removal struct {
	// Rule names what took the text out: a clean-up Rule's Name, a
	// prune of the page's tree ("page:boilerplate"), or "title-repeat".
	// RuleDoc says what each one removes.
	Rule string `json:"rule"`
	// Text is the text taken out.
	Text string `json:"text"`
	// Into says where the text went when it is still used: "byline" or
	// "title" (it is spoken as the byline or the title), "published"
	// (it is kept as Document.Published). Empty: it is not used at all.
	Into string `json:"into,omitempty"`
}

// Where a Removal's text went (Removal.Into).
const (
	IntoByline    = "byline"
	IntoTitle     = "title"
	IntoPublished = "published"
)

// Script returns the blocks in the order they are spoken: the title, then the
// byline if any, after the document language's word for "By"
// (BylinePrefix), then the body blocks. Empty blocks are left out.
func (d *Document) Script() []Block {
	var out []Block
	if d.Title != "" {
		out = append(out, Block{Kind: KindTitle, Text: d.Title, Spoken: Tidy(d.Title)})
	}
	if d.Byline != "" {
		out = append(out, Block{Kind: KindByline, Text: d.Byline, Spoken: spokenByline(d.Byline, d.Lang)})
	}
	for _, b := range d.Blocks {
		if b.Spoken == "" {
			b.Spoken = Tidy(b.spokenText())
		}
		if b.Spoken == "" {
			continue
		}
		out = append(out, b)
	}
	return out
}
