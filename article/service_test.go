package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readFixture parses testdata/service/name.
func readFixture(t *testing.T, name string) *html.Node {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "service", name))
	if err != nil {
		t.Fatal(err)
	}
	return mustParse(t, string(data))
}

// firstByClass returns the first element under n whose class attribute
// is class.
func firstByClass(t *testing.T, n *html.Node, class string) *html.Node {
	t.Helper()
	found := findElements(n, func(c *html.Node) bool { return attr(c, "class") == class })
	if len(found) == 0 {
		t.Fatalf("no element of class %q", class)
	}
	return found[0]
}

// extractedFrom is an extraction that read only the element of class
// class, as the extractor does on a service page when it takes its
// longest section for the article.
func extractedFrom(t *testing.T, root *html.Node, class string) *trafilatura.ExtractResult {
	t.Helper()
	read := cloneTree(firstByClass(t, root, class))
	return &trafilatura.ExtractResult{ContentNode: read, ContentText: textOf(read)}
}

func TestReadMainReadsTheSectionsLeftOut(t *testing.T) {
	root := readFixture(t, "bakery.html")
	res := extractedFrom(t, root, "hero-banner")
	got := readMain(root, res, pageSignals{})
	if got == res {
		t.Fatal("readMain kept the extraction of the hero section alone")
	}
	text := got.ContentText
	for _, want := range []string{
		"We bake through the night", // what res read, still first
		"Why cafés choose us", "Each loaf rests for a full day.",
		"Plans for every size of kitchen", "Sixty loaves and rolls",
		"Tell us your menu", "Samples arrive on Monday.",
		"Do you deliver on Sundays?", "Pause it any day from your account.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in %q", want, text)
		}
	}
	if strings.Index(text, "We bake") > strings.Index(text, "Why cafés") ||
		strings.Index(text, "Why cafés") > strings.Index(text, "Tell us your menu") {
		t.Errorf("not in the page's order: %q", text)
	}
	for _, furniture := range []string{
		"Order now", "Learn more", // lone links
		"Rye", "Spelt", // a run of filter links
		"https://example.com", // an address shown as text
		"Email", "Sign up",    // the sign-up form
		"Pastry", "Privacy", "Bakers", // the header's menu and the footer, outside main
	} {
		if strings.Contains(text, furniture) {
			t.Errorf("furniture %q read: %q", furniture, text)
		}
	}
}

func TestReadMainKeepsAnExtractionThatReadMostOfIt(t *testing.T) {
	root := readFixture(t, "bakery.html")
	// An extraction of main itself, less its last section.
	main := cloneTree(findElements(root, func(n *html.Node) bool { return nodeAtom(n) == atom.Main })[0])
	faq := firstByClass(t, main, "faq")
	faq.Parent.RemoveChild(faq)
	res := &trafilatura.ExtractResult{ContentNode: main, ContentText: textOf(main)}
	if got := readMain(root, res, pageSignals{}); got != res {
		t.Errorf("readMain replaced an extraction that read most of the page: %q", got.ContentText)
	}
}

func TestReadMainKeepsTextOutsideTheBox(t *testing.T) {
	root := readFixture(t, "bakery.html")
	// The extractor read the footer: the box does not hold it, so the
	// box is not what the extractor took for the page.
	res := extractedFrom(t, root, "hero-banner")
	footer := findElements(root, func(n *html.Node) bool { return nodeAtom(n) == atom.Footer })[0]
	res.ContentNode.AppendChild(cloneTree(footer))
	res.ContentText = textOf(res.ContentNode) + " Registered in the county as a cooperative of twelve bakers," +
		" with the flour mill and the dairy as members. Our licences hang by the till in each shop; the health" +
		" inspector last visited in spring and left a letter of thanks, which a printer framed for us in oak" +
		" from the old counter that stood in the garage where the first oven was fired."
	if got := readMain(root, res, pageSignals{}); got != res {
		t.Errorf("readMain dropped what the extraction read outside main: %q", got.ContentText)
	}
}

func TestCoveringBox(t *testing.T) {
	page := `<html><body><div class="frame"><header><p>Site name and its tagline here</p></header>
<div class="content"><div class="lead"><p>The lead of the page says what the company makes and for whom it makes it.</p></div>
<div class="more"><p>Another section.</p></div></div>
<footer><p>Copyright line of the company and its address</p></footer></div></body></html>`
	root := mustParse(t, page)
	lead := textOf(firstByClass(t, root, "lead"))
	if box := coveringBox(root, lead); box == nil || textOf(box) != lead {
		t.Errorf("box of the lead: %v, want the lead's paragraph", box)
	}
	// What spans the header and the content has only the page's frame
	// for a box.
	both := "Site name and its tagline here " + lead
	if box := coveringBox(root, both); box != nil {
		t.Errorf("box of header and lead: %s.%s, want none", box.Data, attr(box, "class"))
	}
}

func TestIsFurniture(t *testing.T) {
	for _, c := range []struct {
		html string
		want bool
	}{
		{`<div><a href="/a">Learn more</a></div>`, true},
		{`<div><h3>Title</h3><p>Text of the card.</p><a href="/a">Read the story</a></div>`, false},
		{`<p>Read <a href="/a">our guide</a> first.</p>`, false},
		{`<h3><a href="/a">Cloud security</a></h3>`, false},
		{`<p><a href="https://example.org/x.pdf">https://example.org/x.pdf</a></p>`, true},
		{`<ul><li><a href="1">One</a></li><li><a href="2">Two</a></li><li><a href="3">Three</a></li><li><a href="4">Four</a></li></ul>`, true},
		{`<ul><li><a href="1">How we plan a wedding from the first call</a></li><li><a href="2">What a caterer needs to know on the day</a></li>` +
			`<li><a href="3">Why we visit every venue before we book it</a></li><li><a href="4">How the music is chosen with the couple</a></li></ul>`, false},
		{`<div role="tablist"><span>Monthly</span><span>Yearly</span></div>`, true},
		{`<form><input name="q"><button>Go</button></form>`, true},
	} {
		root := mustParse(t, "<html><body>"+c.html+"</body></html>")
		body := findElements(root, func(n *html.Node) bool { return nodeAtom(n) == atom.Body })[0]
		n := body.FirstChild
		if got := isFurniture(n); got != c.want {
			t.Errorf("isFurniture(%s) = %v, want %v", c.html, got, c.want)
		}
	}
	// The lone link inside a card is furniture, the card is not.
	root := mustParse(t, `<html><body><div><h3>Title</h3><p>Text of the card.</p><a href="/a">Read the story</a></div></body></html>`)
	a := findElements(root, func(n *html.Node) bool { return nodeAtom(n) == atom.A })[0]
	if !isFurniture(a) {
		t.Error("a card's lone link is not furniture")
	}
}

// TestWebPageSignal: og:type "article" on a page whose structured data
// names it a web page or a service, and no article, is a blog engine's
// default (webPage); a page whose JSON-LD names an article too is one.
func TestWebPageSignal(t *testing.T) {
	for page, want := range map[string]bool{
		`<html><head><meta property="og:type" content="article"><script type="application/ld+json">{"@graph":[{"@type":"WebPage","name":"Moving offices"}]}</script></head><body></body></html>`: true,
		`<html><head><meta property="og:type" content="article"><script type="application/ld+json">{"@type":"Service","name":"Office moves"}</script></head><body></body></html>`:                true,
		`<html><head><meta property="og:type" content="article"></head><body><div itemscope itemtype="https://schema.org/AboutPage"><p>We move offices.</p></div></body></html>`:                 true,
		`<html><head><meta property="og:type" content="article"><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"BlogPosting"}]}</script></head><body></body></html>`: false,
		`<html><head><meta property="og:type" content="article"></head><body><p>x</p></body></html>`:                                                                                             false,
		`<html><head><meta property="og:type" content="website"><script type="application/ld+json">{"@type":"WebPage"}</script></head><body></body></html>`:                                      false,
	} {
		s := readSignals(mustParse(t, page))
		if s.webPage != want || !s.article && want {
			t.Errorf("%s: %+v, want webPage %v", page, s, want)
		}
	}
}

// TestReadMainReadsShortSectionsLeftOut: the extractor read the page's
// one long section, most of the box's words, and left out its feature
// blocks and its questions, a heading and a line each (six headings):
// readMain reads them from the box, in the page's order.
func TestReadMainReadsShortSectionsLeftOut(t *testing.T) {
	root := readFixture(t, "windows.html")
	res := extractedFrom(t, root, "story")
	main := findElements(root, func(n *html.Node) bool { return nodeAtom(n) == atom.Main })[0]
	if r := runsIn(res.ContentText, textOf(main)); r < 0.6 || r >= 0.8 {
		t.Fatalf("the fixture's extraction read %.2f of the box's runs, want a share between 0.6 and 0.8", r)
	}
	got := readMain(root, res, pageSignals{})
	if got == res {
		t.Fatal("readMain kept the extraction of the long section alone")
	}
	text := got.ContentText
	for _, want := range []string{"purified water on long poles", "Early starts", "Done before your doors open.", "Insured crews", "Do you clean upper floors?", "Up to the fourth floor"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in %q", want, text)
		}
	}
	if strings.Index(text, "purified water") > strings.Index(text, "Early starts") {
		t.Errorf("not in the page's order: %q", text)
	}
	if strings.Contains(text, "Privacy") || strings.Contains(text, "Homes") {
		t.Errorf("the header's menu or the footer read: %q", text)
	}
	// A shop's page whose extraction read as much of its box is left
	// alone: the rest of a shop's box is its promises and ratings.
	if got := readMain(root, res, pageSignals{product: true, products: 1}); got != res {
		t.Errorf("readMain read a product page's box past a read share of three in five: %q", got.ContentText)
	}
	// So is a page whose extraction left out fewer than four headings.
	perks := firstByClass(t, root, "perks")
	perks.Parent.RemoveChild(perks)
	res = extractedFrom(t, root, "story")
	main = findElements(root, func(n *html.Node) bool { return nodeAtom(n) == atom.Main })[0]
	if r := runsIn(res.ContentText, textOf(main)); r < 0.6 {
		t.Fatalf("the fixture's extraction read %.2f of the box's runs, want 0.6 or more", r)
	}
	if got := readMain(root, res, pageSignals{}); got != res {
		t.Errorf("readMain read a box of which the extraction left out two headings and read %.2f: %q", runsIn(res.ContentText, textOf(main)), got.ContentText)
	}
}
