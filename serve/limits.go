package serve

import (
	"fmt"
	"unicode/utf8"

	"github.com/narrate-dev/narrate/article"
)

// Limits of one narration's fields. A title or byline is one block, read
// as one request: a title of a megabyte is not a headline, and narrating it
// would hold a worker (and the fake engine's memory) for hours.
const (
	MaxTitleChars  = 500
	MaxBylineChars = 500
	// DefaultMaxChars bounds the characters of one narration (about 19
	// hours of speech): reading, planning and hashing cost time in
	// proportion to them, inside the POST.
	DefaultMaxChars = 1_000_000
)

// LimitError is an article over one of the server's limits.
type LimitError struct {
	// Field is "title", "byline" or "article".
	Field string
	// Chars is its length in characters, Limit the most allowed.
	Chars, Limit int
	// AtLeast says the field is longer than Chars: the page's text was
	// cut before its article was read (article.LengthError).
	AtLeast bool
	// Source says where the field came from: "" for the request, or "the
	// page" for what was read from it.
	Source string
}

func (e *LimitError) Error() string {
	what := e.Field
	if e.Source != "" {
		what = e.Source + "'s " + e.Field
	}
	at := ""
	if e.AtLeast {
		at = "at least "
	}
	msg := fmt.Sprintf("%s is %s%d characters, over the limit of %d", what, at, e.Chars, e.Limit)
	switch {
	case e.Field == "article":
		msg += " of this server"
	case e.Source != "":
		msg += fmt.Sprintf(`; give "%s" in the request to replace it`, e.Field)
	}
	return msg
}

// checkFields refuses a request whose title or byline is over its limit.
func checkFields(req *Request) error {
	for _, f := range []struct {
		name, v string
		limit   int
	}{{"title", req.Title, MaxTitleChars}, {"byline", req.Byline, MaxBylineChars}} {
		if n := utf8.RuneCountInString(f.v); n > f.limit {
			return &LimitError{Field: f.name, Chars: n, Limit: f.limit}
		}
	}
	return nil
}

// documentChecker refuses, before planning, an article read from a page
// whose title, byline or whole text is over the limits.
func documentChecker(maxChars int) func(doc *article.Document) error {
	return func(doc *article.Document) error {
		for _, f := range []struct {
			name, v string
			limit   int
		}{{"title", doc.Title, MaxTitleChars}, {"byline", doc.Byline, MaxBylineChars}} {
			if n := utf8.RuneCountInString(f.v); n > f.limit {
				return &LimitError{Field: f.name, Chars: n, Limit: f.limit, Source: "the page"}
			}
		}
		if n := doc.Chars(); n > maxChars {
			return &LimitError{Field: "article", Chars: n, Limit: maxChars}
		}
		return nil
	}
}
