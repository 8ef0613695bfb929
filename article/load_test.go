package article

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadHTMLFixture(t *testing.T) {
	doc, err := Load(context.Background(), "testdata/article.html", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Harbour town votes to keep its ferry" {
		t.Errorf("title %q", doc.Title)
	}
	if doc.Byline != "Mara Quill" || doc.Lang != "en-GB" {
		t.Errorf("byline %q lang %q", doc.Byline, doc.Lang)
	}
	if doc.Published == nil || doc.Published.Format("2006-01-02") != "2024-03-02" {
		t.Errorf("published %v", doc.Published)
	}
	var kinds []string
	var text strings.Builder
	for _, b := range doc.Blocks {
		kinds = append(kinds, string(b.Kind))
		text.WriteString(b.Text + "\n")
	}
	wantKinds := "paragraph paragraph heading paragraph quote paragraph item item paragraph"
	if strings.Join(kinds, " ") != wantKinds {
		t.Errorf("kinds %v, want %s", kinds, wantKinds)
	}
	for _, bad := range []string{"Home", "Share", "Tweet", "Photo:", "dawn", "Lighthouse", "Copyright", "Privacy"} {
		if strings.Contains(text.String(), bad) {
			t.Errorf("page furniture %q in blocks:\n%s", bad, text.String())
		}
	}
}

func TestLoadTextFixture(t *testing.T) {
	doc, err := Load(context.Background(), "testdata/scraped.txt", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Script() {
		got = append(got, b.Spoken)
	}
	want := []string{
		"Harbour town votes to keep its ferry",
		"By Mara Quill",
		"Residents of Pellow Bay voted on Saturday to keep the small ferry that has crossed the estuary every half hour since 1962.",
		"The count showed 1,412 votes for the ferry and 388 against, the returning officer said.",
		"The council had argued that the ferry loses money every winter.",
		"Supporters said the bus route would add forty minutes to the school run, and that isn't fair.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("script:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if doc.Published == nil || doc.Published.Format("2006-01-02") != "2024-03-05" {
		t.Errorf("published %v", doc.Published)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := bytes.Repeat([]byte("All work and no play. "), 1000)
	tests := []struct {
		name    string
		input   string
		opts    LoadOptions
		wantErr error
		wantMsg string
	}{
		{"missing", filepath.Join(dir, "nope.txt"), LoadOptions{}, os.ErrNotExist, "no such file"},
		{"directory", dir, LoadOptions{}, ErrIsDirectory, "is a directory"},
		{"empty", write("empty.txt", []byte(" \n\n ")), LoadOptions{}, ErrEmpty, "empty input"},
		{"binary NUL", write("bin.txt", []byte("abc\x00\x01\x02def")), LoadOptions{}, ErrBinary, "NUL"},
		{"png", write("img.html", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), LoadOptions{}, ErrBinary, "image/png"},
		{"too large", write("big.txt", big), LoadOptions{MaxBytes: 1000}, ErrTooLarge, "the limit is 1000 bytes"},
		{"html without content", write("empty.html", []byte("<html><body><nav><a href=/>Home</a></nav></body></html>")), LoadOptions{}, ErrNoContent, "no readable article content"},
		{"html with only a script", write("script.html", []byte("<html><body><script>var a = 1;</script></body></html>")), LoadOptions{}, ErrNoContent, "no text long enough"},
		{"stdin too large", "-", LoadOptions{Stdin: bytes.NewReader(big), MaxBytes: 100}, ErrTooLarge, "stdin"},
		{"bad scheme", "ftp://example.com/a", LoadOptions{}, nil, "unsupported URL scheme"},
		{"unknown charset", write("x.txt", []byte("hello there")), LoadOptions{Charset: "klingon-8"}, nil, "unknown charset"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(context.Background(), tt.input, tt.opts)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v is not %v", err, tt.wantErr)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.wantMsg) || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line containing %q", msg, tt.wantMsg)
			}
			if tt.input != "-" && !strings.Contains(msg, tt.input) {
				t.Errorf("error %q does not name the input", msg)
			}
			// Said once, in the user's words: not the path twice ("stat
			// …"), not the extractor's "not long enough: 0 0".
			if tt.input != "-" && strings.Count(msg, tt.input) > 1 || strings.Contains(msg, "not long enough") {
				t.Errorf("error %q repeats the input or speaks the extractor's words", msg)
			}
		})
	}
}

func TestParseCharsetAndSniffing(t *testing.T) {
	latin1 := []byte("Caf\xe9 cr\xe8me, the first line\n\nThe caf\xe9 opened in 1920 and served cr\xe8me br\xfbl\xe9e.\n")
	doc, err := Parse(latin1, "menu.txt", LoadOptions{Charset: "iso-8859-1"})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Café crème, the first line" {
		t.Errorf("title %q", doc.Title)
	}
	// HTML declaring its charset in <meta> needs no option.
	page := []byte(`<html><head><meta charset="windows-1252"><title>Caf` + "\xe9" + ` news</title></head><body><article><p>` +
		strings.Repeat("The caf\xe9 on the corner reopened this week after a long winter of repairs. ", 6) + `</p></article></body></html>`)
	doc, err = Parse(page, "page.bin", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Blocks[0].Text, "café") {
		t.Errorf("charset not honoured: %q", doc.Blocks[0].Text)
	}
	// A text file with one stray tag is text, an HTML page named .txt is HTML.
	for _, tt := range []struct {
		data, source string
		want         Format
	}{
		{"Title\n\n< p class=\"x\">Body text.", "a.txt", FormatText},
		{"  <!DOCTYPE html><html><body><p>x</p></body></html>", "a.txt", FormatHTML},
		{"<p>Fragment</p><p>More</p>", "inline", FormatHTML},
		{"Plain words only.", "a.html", FormatText},
	} {
		if got := sniffFormat([]byte(tt.data), tt.source); got != tt.want {
			t.Errorf("sniff(%q, %s) = %q, want %q", tt.data, tt.source, got, tt.want)
		}
	}
}

func TestLoadStdin(t *testing.T) {
	doc, err := Load(context.Background(), "-", LoadOptions{Stdin: strings.NewReader("A title\n\nA paragraph of text that says something.\n")})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Source != "stdin" || doc.Title != "A title" || len(doc.Blocks) != 1 {
		t.Errorf("got %+v", doc)
	}
}

// FuzzParseHTML: any bytes give a Document or an error, never a panic,
// and a Document always has blocks with valid text.
func FuzzParseHTML(f *testing.F) {
	if data, err := os.ReadFile("testdata/article.html"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("<html><body><p>Hello</p></body></html>"))
	f.Add([]byte("<p><li><blockquote><h2>x</h2></blockquote></li></p>"))
	f.Add([]byte("<ul><li><div>Top Rated</div><a><span>Ridge</span>Runner</a><div>$94.73 <b>a</b>b</div></li><li><div>x</div>y</li></ul>"))
	f.Add([]byte("<html lang=\"fr\"><title>T</title><article><p>" + strings.Repeat("Mot ", 100) + "</p></article>"))
	// A thread given inside <noscript>, with a quote aside and microdata
	// posts (see unwrapNoscriptPages, unwrapQuoteAsides, headPostsWithAuthor).
	f.Add([]byte(`<body><noscript><div itemscope itemtype="http://schema.org/Comment"><span itemprop="author"><span itemprop="name">a</span></span><time>1 May</time><div itemprop="text"><aside><div>b:</div><blockquote><p>` + strings.Repeat("word ", 20) + `</p></blockquote></aside><p>` + strings.Repeat("reply ", 20) + `</p></div></div></noscript></body>`))
	// A live ticker (stamps in <time>, in a head, in spans) and a forum
	// post's author box (see keepStampTimes, spaceInlinePieces,
	// pruneUserStats).
	f.Add([]byte(`<body><ul><li><time>90.'</time><p>` + strings.Repeat("Tor ", 12) + `</p></li><li><div><div><time>21h15</time></div></div><div><p>x</p></div></li></ul><div class="post"><span>45+2'</span><span>Pause</span></div></body>`))
	f.Add([]byte(`<body><div class="message-user"><dl class="pairs"><dt>Joined</dt><dd>1 May</dd></dl><dd><strong>Posts:</strong> 3</dd><a href="posting.php?mode=quote&amp;p=1">q</a><span class="d-none">\$x\$</span></div><p>` + strings.Repeat("post ", 20) + `</p></body>`))
	// Text written with line breaks (see mendBreaks).
	f.Add([]byte(`<body><h1>T</h1><div>` + strings.Repeat("one two three four<br><br>five six seven eight<br>", 4) + `</div><p>a<br> <br><b>b</b><br><br></p><div><br><br>x<br></div></body>`))
	// A recipe whose card stands beside the post, with a table, a
	// labelled section and JSON-LD steps (see readRecipe).
	f.Add([]byte(`<html lang="de"><script type="application/ld+json">{"@type":"Recipe","recipeIngredient":["1 Ei"],"recipeInstructions":[{"@type":"HowToSection","name":"A","itemListElement":["<p>b</p>"]}]}</script><article><p>` + strings.Repeat("Wort ", 30) + `</p></article><div class="zutaten"><table><tr><td>1</td><td>Ei<br>2 g</td></tr></table></div><h2>Zubereitung</h2><div><span>x</span><p>y</p></div></html>`))
	// A kicker in the headline, a standfirst and a box of key points
	// beside the body, and a short page (see markKickers, readStandfirst,
	// mendBaseline).
	f.Add([]byte(`<article><h1><span>K</span> <div>Head line</div></h1><p>` + strings.Repeat("Lede words. ", 8) + `</p><div><h2>Key</h2><ul><li>` + strings.Repeat("point ", 6) + `one.</li><li>` + strings.Repeat("point ", 6) + `two.</li></ul></div><div><p>` + strings.Repeat("Body text here. ", 10) + `</p></div></article>`))
	f.Add([]byte(`<body><h1>A b</h1><div>c <b>d</b>.</div><p>e f g.</p></body>`))
	// A thread in a moderators' form, replies named comments, a term's
	// tooltip and a ticker's minute in a block (see unwrapFormsAround,
	// commentsArePage, removeTooltips, keepStampTimes).
	f.Add([]byte(`<script type="application/ld+json">{"@type":"DiscussionForumPosting"}</script><div id="comments"><form><article class="ipsEntry"><div id="comment-1_wrap"><p>` + strings.Repeat("post one ", 12) + `</p></div><input type=checkbox></article><article class="ipsEntry"><p>` + strings.Repeat("post two ", 12) + `</p></article></form></div>`))
	f.Add([]byte(`<h1>T</h1><div><span>Von Anna Roth und Jan Berg</span><time>05.12.2026</time></div><ol reversed start="-2" type="i"><li value="99999999999999999999">a</li><li value="40">b</li><li style="list-style:none">c</li></ol><ol type="A" start="26"><li>x</li><li>y</li></ol><p>Der Rhein am Donnerstag. Foto: Anna Roth</p><p>Über die Autorin</p><p>Anna Roth ist Redakteurin.</p>`))
	f.Add([]byte(`<body class="comments-page"><div class="thing comment"><p>` + strings.Repeat("a b ", 9) + `</p></div><div class="thing comment"><p>` + strings.Repeat("c d ", 9) + `</p></div><div class="thing comment"><p>e</p></div><p>x <dfn aria-describedby="t">y</dfn><span class="tooltip" id="t">z</span> w.</p><div><div>88'</div><div><p>Tor!</p></div></div></body>`))
	// An accordion: a button in a heading, a heading in a button, a
	// question button, panels hidden by attribute and by class; blocks
	// named "embed"; a forum's labels (see readHeadingButtons, isPanel,
	// keepEmbedded, ruleForumUI).
	f.Add([]byte(`<h1>F</h1><h3><button aria-expanded="false"><p>Q one?</p></button></h3><div hidden><p>` + strings.Repeat("Answer one. ", 8) + `</p></div><button aria-expanded="true" aria-controls="a2 a9"><div><h3>Q two</h3></div></button><div id="a2" class="acc-content hidden"><p>` + strings.Repeat("Answer two. ", 8) + `</p></div><button aria-expanded="false">Is it a question?</button><section class="embed"><h2>E</h2></section><div class="embed"><blockquote><p>t</p></blockquote></div><div class="w-embed"><p>` + strings.Repeat("Embedded prose. ", 8) + `</p></div><p>Thread starter</p><p>12 posts · Joined 2019</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(data, "fuzz.html", LoadOptions{Format: FormatHTML})
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error: %q", err)
			}
			return
		}
		if len(doc.Blocks) == 0 {
			t.Fatal("document without blocks and without error")
		}
		for _, b := range doc.Blocks {
			if strings.TrimSpace(b.Text) == "" || b.Spoken == "" {
				t.Fatalf("empty block %+v", b)
			}
		}
	})
}

func BenchmarkLoadSeed(b *testing.B) {
	if _, err := os.Stat(seedPath); err != nil {
		b.Skipf("seed not found at %s (shared data absent)", seedPath)
	}
	fi, _ := os.Stat(seedPath)
	b.SetBytes(fi.Size())
	for i := 0; i < b.N; i++ {
		if _, err := Load(context.Background(), seedPath, LoadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func ExampleParse() {
	page := []byte(`<html lang="en"><head><title>Ferry saved | Ledger</title></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Ferry saved</h1>
<p>Residents voted on Saturday to keep the ferry that has crossed the estuary since 1962.</p>
<p>The council will meet again in April to decide how the repairs will be paid for.</p>
</article></body></html>`)
	doc, err := Parse(page, "inline", LoadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range doc.Script() {
		fmt.Printf("%s: %s\n", b.Kind, b.Spoken)
	}
	// Output:
	// title: Ferry saved
	// paragraph: Residents voted on Saturday to keep the ferry that has crossed the estuary since 1962.
	// paragraph: The council will meet again in April to decide how the repairs will be paid for.
}

// A title and byline given apart from a text (a CMS's, a manifest's): the
// text is read whole, and what clean-up took out is listed with its rule.
func ExampleParse_givenTitle() {
	text := []byte("By Mara Quill\n\nThe ferry that has crossed the estuary since 1962 will keep running.\n\nShare\n\nThe council will meet again in April.\n")
	doc, err := Parse(text, "cms", LoadOptions{Format: FormatText, Title: "Ferry saved", Byline: "Mara Quill"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range doc.Script() {
		fmt.Printf("%s: %s\n", b.Kind, b.Spoken)
	}
	for _, r := range doc.Removed {
		fmt.Printf("removed by %s: %q (into: %q)\n", r.Rule, r.Text, r.Into)
	}
	// Output:
	// title: Ferry saved
	// byline: By Mara Quill
	// paragraph: The ferry that has crossed the estuary since 1962 will keep running.
	// paragraph: The council will meet again in April.
	// removed by ui-strings: "Share" (into: "")
	// removed by by-line: "By Mara Quill" (into: "byline")
}
