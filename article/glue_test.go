package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// A post written as text in a <div>, its lines set apart by <br> and its
// words by emphasis, above a rule and a subheading: the extractor reads
// the emphasised words and the text after them as pieces it trims, and
// the words on either side of each piece were read as one.
func TestPostWordsKeptApartAroundEmphasis(t *testing.T) {
	page := `<html><head><title>Which kettle to buy</title></head><body><main><article class="post">` +
		`<div class="post-body">Hello all!<br>` + "\n" +
		`After years of boiling water for the whole office I wrote down how to pick the <i>quiet</i> kettle, ` +
		`and put together a <b>long table of models</b> that lists the <b>capacity and the wattage</b> of each one I tried.<br>` + "\n" +
		`Whether you brew tea, make soup or fill a hot water bottle, the table keeps it short and plain.<br>` + "\n" +
		`<hr><h4>What the table covers</h4><div class="pic"><img src="k.png" alt=""></div><br><br>` +
		`Tell me<br>if a model is missing or a figure is out of date, and I will add it the same week.<br>` +
		`Happy brewing!</div></article></main></body></html>`
	got := parsedText(t, page)
	for _, glued := range []string{"quietkettle", "thequiet", "along", "modelsthat", "thecapacity", "wattageof", "meif"} {
		if strings.Contains(got, glued) {
			t.Errorf("%q: words run together in:\n%s", glued, got)
		}
	}
	wantLines(t, got, "quiet kettle, and put together a long table of models that lists the capacity and the wattage of each one")
}

// respaceSeams puts back the space the page shows between two words (white
// space beside an inline element, a line break, a block's edge), and no
// space where the page writes the pieces of one word together: a word
// styled in part, an exponent, a script written without spaces.
func TestRespaceSeams(t *testing.T) {
	for _, c := range []struct{ page, content, want string }{
		{`<p>pick the <i>quiet</i> kettle</p>`, `<p>pick the<i>quiet</i>kettle</p>`, "pick the quiet kettle"},
		{`<div>first line<br>second line</div>`, `<div>first line<span>second line</span></div>`, "first line second line"},
		{`<div><span>left<div>middle</div></span>right</div>`, `<p>left<span>middle</span>right</p>`, "left middle right"},
		{`<p>Hello<b> </b>there</p>`, `<p>Hello<b></b>there</p>`, "Hello there"},
		{`<p>in <b>Jan</b>uary</p>`, `<p>in<b>Jan</b>uary</p>`, "in January"},
		{`<p>so e<sup>2</sup> grows</p>`, `<p>so e<sup>2</sup>grows</p>`, "so e2 grows"},
		{`<p>東京<b>都</b>の地図</p>`, `<p>東京<b>都</b>の地図</p>`, "東京都の地図"},
		// The same two words written together elsewhere on the page: the
		// page does not say which join is meant, and none is made.
		{`<p>a <b>b</b></p><p>a<b>b</b></p>`, `<p>a<b>b</b></p>`, "ab"},
		// Text the page hides from rendering is not a seam.
		{`<p>one<script>x </script>two</p>`, `<p>one<span>two</span></p>`, "onetwo"},
	} {
		page, err := html.Parse(strings.NewReader(c.page))
		if err != nil {
			t.Fatal(err)
		}
		content, err := html.Parse(strings.NewReader(c.content))
		if err != nil {
			t.Fatal(err)
		}
		respaceSeams(content, pageSeams(page))
		if got := strings.Join(strings.Fields(rawText(content)), " "); got != c.want {
			t.Errorf("page %s, content %s: got %q, want %q", c.page, c.content, got, c.want)
		}
	}
}

// rawText returns the text of n's text nodes joined as they are.
func rawText(n *html.Node) string {
	var b strings.Builder
	for _, t := range textNodes(n) {
		b.WriteString(t.Data)
	}
	return b.String()
}
