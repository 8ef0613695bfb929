package article

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// limitProse is n characters or more of running text in sentences.
func limitProse(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "The ferry left the harbour at %d past nine and the pilot counted %d gulls on the pier. ", i%60, i%13)
	}
	return b.String()
}

const limitArticle = `<h1>Ferry timetable changes</h1>
<p>The harbour board agreed on Tuesday to run the morning ferry twenty minutes earlier from next month.</p>
<p>Commuters had asked for the change for two years, the board's chair said, and the crews agreed to it last week.</p>
<p>The evening crossing keeps its time, and a second boat will sail on market days through the summer.</p>`

// TestMaxCharsRefusesALongParagraph: a page whose article holds one
// paragraph over the limit is refused, saying the article is at least the
// limit and one; the paragraph is cut before extraction reads it.
func TestMaxCharsRefusesALongParagraph(t *testing.T) {
	page := "<html><body><article>" + limitArticle + "<p>" + limitProse(50_000) + "</p></article></body></html>"
	_, err := Parse([]byte(page), "long.html", LoadOptions{MaxChars: 10_000})
	var le *LengthError
	if !errors.As(err, &le) || !errors.Is(err, ErrTooLong) {
		t.Fatalf("got %v, want a LengthError", err)
	}
	if !le.AtLeast || le.Chars <= 10_000 || le.Limit != 10_000 {
		t.Errorf("got %+v, want at least 10,001 characters over 10,000", le)
	}
	if !strings.Contains(err.Error(), "long.html: article too long: at least") {
		t.Errorf("message %q does not name the input and say at least", err)
	}
	// Without a limit the same page is read whole.
	doc, err := Parse([]byte(page), "long.html", LoadOptions{})
	if err != nil || doc.Chars() < 50_000 {
		t.Fatalf("without a limit: %v", err)
	}
}

// TestMaxCharsRefusesManyParagraphs: paragraphs each under the limit that
// add up to more are refused once read, with their exact length.
func TestMaxCharsRefusesManyParagraphs(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><article>" + limitArticle)
	for i := 0; i < 40; i++ {
		b.WriteString("<p>" + limitProse(500) + "</p>")
	}
	b.WriteString("</article></body></html>")
	_, err := Parse([]byte(b.String()), "many.html", LoadOptions{MaxChars: 10_000})
	var le *LengthError
	if !errors.As(err, &le) || le.AtLeast || le.Chars <= 10_000 {
		t.Fatalf("got %v, want an exact LengthError over 10,000", err)
	}
}

// TestMaxCharsKeepsAShortArticle: a page whose article is under the limit
// is read as it is without one, however long the text its article leaves
// out (a menu, a hidden block, a footer), even one paragraph over the limit.
func TestMaxCharsKeepsAShortArticle(t *testing.T) {
	for name, extra := range map[string]string{
		"nav":    "<nav><ul><li><a href=/a>" + limitProse(30_000) + "</a></li></ul></nav>",
		"hidden": `<div hidden><p>` + limitProse(30_000) + `</p></div>`,
		"footer": "<footer><p>" + limitProse(30_000) + "</p></footer>",
		"script": `<script>var s = "` + limitProse(30_000) + `";</script>`,
		"many":   strings.Repeat("<aside><p>"+limitProse(2_000)+"</p></aside>", 10),
	} {
		t.Run(name, func(t *testing.T) {
			page := "<html><body><header><a href=/>Harbour News</a></header><article>" + limitArticle + "</article>" + extra + "</body></html>"
			want, err := Parse([]byte(page), name+".html", LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if want.Chars() > 10_000 {
				t.Fatalf("the page's article is %d characters: the case needs one under the limit", want.Chars())
			}
			got, err := Parse([]byte(page), name+".html", LoadOptions{MaxChars: 10_000})
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if !reflect.DeepEqual(got.Blocks, want.Blocks) || got.Title != want.Title {
				t.Errorf("with the limit: %q %q, want %q %q", got.Title, got.Blocks, want.Title, want.Blocks)
			}
		})
	}
	// At the limit exactly, an article is read.
	doc, err := Parse([]byte("<html><body><article>"+limitArticle+"</article></body></html>"), "exact.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse([]byte("<html><body><article>"+limitArticle+"</article></body></html>"), "exact.html", LoadOptions{MaxChars: doc.Chars()}); err != nil {
		t.Errorf("an article of exactly the limit: %v", err)
	}
}

// TestMaxCharsText: a plain text over the limit is refused too.
func TestMaxCharsText(t *testing.T) {
	_, err := Parse([]byte(limitProse(20_000)), "long.txt", LoadOptions{MaxChars: 10_000})
	if !errors.Is(err, ErrTooLong) {
		t.Errorf("got %v, want ErrTooLong", err)
	}
}

// TestParseContextStops: a reading whose context has ended stops with the
// context's error, naming the input.
func TestParseContextStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	page := "<html><body><article>" + limitArticle + "</article></body></html>"
	if _, err := ParseContext(ctx, []byte(page), "page.html", LoadOptions{}); !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "page.html") {
		t.Errorf("got %v, want context.Canceled naming page.html", err)
	}
}
