package article

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// removals is a document's Removed as "rule: text -> into" lines.
func removals(doc *Document) string {
	var out []string
	for _, r := range doc.Removed {
		s := r.Rule + ": " + r.Text
		if r.Into != "" {
			s += " -> " + r.Into
		}
		out = append(out, s)
	}
	return strings.Join(out, "\n")
}

// The article of the issue, as a newsletter's Markdown: a "#" title, a
// byline with a date typed under it, hard-wrapped lines, a label, a list
// and a quote.
const bridgeMarkdown = `# Council closes old bridge
By Anna Roth | 3 May 2026
The council voted on Tuesday to close the old bridge over the river for good,
after engineers found cracks in two of its piers that could not be repaired at
a cost the town could bear.
Key points:
- The bridge closes on 1 June.
- Buses go via the north bridge.
> "We had no choice," said engineer Tom Berg.
`

func TestMarkdownArticle(t *testing.T) {
	doc, err := Parse([]byte(bridgeMarkdown), "bridge.md", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := `title: Council closes old bridge
byline: Anna Roth
paragraph: The council voted on Tuesday to close the old bridge over the river for good, after engineers found cracks in two of its piers that could not be repaired at a cost the town could bear.
paragraph: Key points:
item: The bridge closes on 1 June.
item: Buses go via the north bridge.
quote: "We had no choice," said engineer Tom Berg.`
	if got := script(doc); got != want {
		t.Errorf("read as:\n%s\nwant:\n%s", got, want)
	}
	if doc.Published == nil || doc.Published.Format("2006-01-02") != "2026-05-03" {
		t.Errorf("published %v, want 2026-05-03", doc.Published)
	}
	if got := removals(doc); got != "lead-byline: By Anna Roth | 3 May 2026 -> byline" {
		t.Errorf("removed:\n%s", got)
	}
	// The same text with no name to say it is Markdown is recognized.
	doc, err = Parse([]byte(bridgeMarkdown), "stdin", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := script(doc); got != want {
		t.Errorf("from stdin, read as:\n%s\nwant:\n%s", got, want)
	}
}

// Each construct of CommonMark (and GitHub's tables and strikethrough)
// is read as its rendered page shows it.
func TestMarkdownConstructs(t *testing.T) {
	const para = "The ferry has crossed the estuary every half hour since 1962."
	for _, tc := range []struct {
		name, src, want, removed string
	}{
		{"ATX headings, closing hashes", "# Ferry saved #\n\n" + para + "\n\n## What next ##\n\nThe council meets in April.",
			"title: Ferry saved\nparagraph: " + para + "\nheading: What next\nparagraph: The council meets in April.", ""},
		{"setext headings", "Ferry saved\n===========\n\n" + para + "\n\nWhat next\n---------\n\nThe council meets.",
			"title: Ferry saved\nparagraph: " + para + "\nheading: What next\nparagraph: The council meets.", ""},
		{"a heading that does not lead is a heading", para + "\n\n## What next\n\nThe council meets.",
			"paragraph: " + para + "\nheading: What next\nparagraph: The council meets.", ""},
		{"no heading: a headline-shaped first line", "Ferry saved\n\n" + para + "\n\n- one item here",
			"title: Ferry saved\nparagraph: " + para + "\nitem: one item here", ""},
		{"emphasis, strong, code, strikethrough", "**Residents** voted _on Saturday_ to keep the `ferry`, ~~not~~ the ***bus***.",
			"paragraph: Residents voted on Saturday to keep the ferry, not the bus.", ""},
		{"markup that is text", "snake_case_name, 5 * 3 = 15, ~5 km, 2*3 and a lone * star.",
			"paragraph: snake_case_name, 5 * 3 = 15, ~5 km, 2*3 and a lone * star.", ""},
		{"escapes and entities", `An escaped \*star\*, a \# and AT&amp;T &mdash; &#8220;quoted&#8221;.`,
			"paragraph: An escaped *star*, a # and AT&T — “quoted”.", ""},
		{"links read as their text", "Read the [council's report](https://example.com/r \"Report\"), the [minutes][m], the [agenda][] and the [budget].\n\n[m]: https://example.com/m\n[agenda]: <https://example.com/a> 'Agenda'\n[budget]:\n  https://example.com/b",
			"paragraph: Read the council's report, the minutes, the agenda and the budget.", ""},
		{"brackets that are not links", "An [aside] and [x](y z) stay.", "paragraph: An [aside] and [x](y z) stay.", ""},
		{"autolinks", "The minutes are at <https://example.com/ferry>; the clerk is <news@example.org>.",
			"paragraph: The minutes are at https://example.com/ferry; the clerk is news@example.org.", ""},
		{"images are not read", "The ferry ![The *Pellow* at dawn](ferry.jpg) sails at noon.\n\n![chart][c]\n\n[c]: chart.png",
			"paragraph: The ferry sails at noon.", "markdown:image: The Pellow at dawn\nmarkdown:image: chart"},
		{"footnotes", "The count was 1,412 votes.[^1]\n\n[^1]: As the returning officer gave it.",
			"paragraph: The count was 1,412 votes.\nitem: As the returning officer gave it.", ""},
		{"bullet lists, nested", "Bring:\n\n- sandbags\n- a torch\n  * spare batteries\n+ water",
			"paragraph: Bring:\nitem: sandbags\nitem: a torch\nitem: spare batteries\nitem: water", ""},
		{"ordered lists are read with their numbers", "Steps:\n\n1. Close the gate.\n1. Lock it.\n1. Leave.\n\nThen:\n\n7) Seventh.\n8) Eighth.",
			"paragraph: Steps:\nitem: 1. Close the gate.\nitem: 2. Lock it.\nitem: 3. Leave.\nparagraph: Then:\nitem: 7. Seventh.\nitem: 8. Eighth.", ""},
		{"an item of two paragraphs", "- The ferry runs all year.\n\n  It stops only for storms.\n- The bus does not.",
			"item: The ferry runs all year.\nitem: It stops only for storms.\nitem: The bus does not.", ""},
		{"a number that does not start a list", para + "\n2013. A year of storms.",
			"paragraph: " + para + " 2013. A year of storms.", ""},
		{"nor after a bullet list's item", "- " + para + "\n2013. A year of storms.",
			"item: " + para + " 2013. A year of storms.", ""},
		{"quotes, lazy and nested", "> We will keep it running,\nsaid the skipper.\n>\n> > Said twice.\n\nAfter.",
			"quote: We will keep it running, said the skipper.\nquote: Said twice.\nparagraph: After.", ""},
		{"a list in a quote", "> Reasons:\n> - cost\n> - time", "quote: Reasons:\nitem: cost\nitem: time", ""},
		{"fenced code is not read", "Run this:\n\n```sh\nnarrate render story.md\n```\n\n~~~\nmore code\n~~~\n\nDone.",
			"paragraph: Run this:\nparagraph: Done.", "markdown:code: narrate render story.md\nmarkdown:code: more code"},
		{"indented code is not read", "Run this:\n\n    narrate render story.md --voice fake:\n\nDone.",
			"paragraph: Run this:\nparagraph: Done.", "markdown:code: narrate render story.md --voice fake:"},
		{"indented prose is read", "    The ferry left at noon, as it has done every day since the old bridge closed.\n\nDone.",
			"paragraph: The ferry left at noon, as it has done every day since the old bridge closed.\nparagraph: Done.", ""},
		{"thematic breaks are not read", para + "\n\n***\n\n- - -\n\nAfter the break.",
			"paragraph: " + para + "\nparagraph: After the break.", ""},
		{"HTML comments are not read", "<!-- TODO: check the count -->\n\n" + para + " <!-- inline note -->",
			"paragraph: " + para, "markdown:html-comment: TODO: check the count\nmarkdown:html-comment: inline note"},
		{"a site generator's tags are not read", "{{< figure src=\"/bridge.jpg\" caption=\"The old bridge\" >}}\n\nThe bridge {{% mark %}}closes{{% /mark %}} on {{ page.date }}; see {% include map.html %}.",
			"paragraph: The bridge closes on ; see .", "markdown:template: figure src=\"/bridge.jpg\" caption=\"The old bridge\"\nmarkdown:template: mark\nmarkdown:template: /mark\nmarkdown:template: page.date\nmarkdown:template: include map.html"},
		{"inline HTML gives its text", "The <span class=\"n\">ferry</span> sails<br>at <b>noon</b>.",
			"paragraph: The ferry sails at noon.", ""},
		{"HTML blocks are read as a page is", "<div class=\"box\">\n<p>A paragraph in a box.</p>\n<figure><img src=x.jpg><figcaption>A caption</figcaption></figure>\n<ul><li>one</li><li>two</li></ul>\n</div>",
			"paragraph: A paragraph in a box.\nitem: one\nitem: two", "page:media: A caption"},
		{"tables are read row by row", "Results:\n\n| Year | Votes |\n|------|------:|\n| 2022 | 1,412 |\n| 2023 | 388 \\| 12 |",
			"paragraph: Results:\nitem: Year, Votes\nitem: 2022, 1,412\nitem: 2023, 388 | 12", ""},
		{"a line above a table is not its header", "These are the results:\n| a | b |\n|---|---|\n| 1 | 2 |",
			"paragraph: These are the results:\nitem: a, b\nitem: 1, 2", ""},
		{"hard line breaks", "Write to:\n\nAnna Roth  \nHarbour Street 4\\\nPellow Bay",
			"paragraph: Write to:\nparagraph: Anna Roth\nparagraph: Harbour Street 4\nparagraph: Pellow Bay", ""},
		{"a hard break before lower case joins", "The ferry sails  \nat noon.", "paragraph: The ferry sails at noon.", ""},
		{"a heading alone is the text", "# Ferry saved", "heading: Ferry saved", ""},
		{"deep nesting is text past the limit", strings.Repeat(">", 20) + " deep",
			"quote: >>>> deep", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse([]byte(tc.src), "story.md", LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := script(doc); got != tc.want {
				t.Errorf("read as:\n%s\nwant:\n%s", got, tc.want)
			}
			if got := removals(doc); got != tc.removed {
				t.Errorf("removed:\n%s\nwant:\n%s", got, tc.removed)
			}
			for _, r := range doc.Removed {
				if RuleDoc(r.Rule) == "" {
					t.Errorf("removal by rule %q, which has no doc", r.Rule)
				}
			}
		})
	}
}

// A hard-wrapped paragraph is one block, whatever its lines start with;
// a line typed short on purpose (a byline, a label) stands apart.
func TestMarkdownLineBreaks(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"wrapped before a capital", "The council voted on a rainy afternoon last week, after a long debate, on\nTuesday's motion to close the old bridge over the river for good, after\nengineers found cracks in two of its piers.",
			"paragraph: The council voted on a rainy afternoon last week, after a long debate, on Tuesday's motion to close the old bridge over the river for good, after engineers found cracks in two of its piers."},
		{"wrapped, two lines", "The council voted on Tuesday to close the old bridge over the river for\nMayor Ana Ruiz, who had fought it.",
			"paragraph: The council voted on Tuesday to close the old bridge over the river for Mayor Ana Ruiz, who had fought it."},
		{"a label above wrapped text", "Update:\nThe council voted on Tuesday to close the old bridge over the river for\ngood after engineers found cracks in two of its piers.",
			"paragraph: Update:\nparagraph: The council voted on Tuesday to close the old bridge over the river for good after engineers found cracks in two of its piers."},
		{"ragged lines, one sentence each", "The ferry stays.\nThe bus goes.\nThe bridge closes on 1 June, after sixty years of service.",
			"paragraph: The ferry stays.\nparagraph: The bus goes.\nparagraph: The bridge closes on 1 June, after sixty years of service."},
		{"wrapped with links, a long last line", "Cobra is used in many Go projects such as [Kubernetes](https://kubernetes.io/),\n[Hugo](https://gohugo.io), and [GitHub CLI](https://github.com/cli/cli) to\nname a few. [This list](site/content/projects_using_cobra.md) contains a more extensive list of projects.",
			"paragraph: Cobra is used in many Go projects such as Kubernetes, Hugo, and GitHub CLI to name a few. This list contains a more extensive list of projects."},
		{"a link across lines", "See [The Council\nReport](https://example.com/r) for the figures of every ward in the town.",
			"paragraph: See The Council Report for the figures of every ward in the town."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse([]byte(tc.src), "story.md", LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := script(doc); got != tc.want {
				t.Errorf("read as:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// Front matter gives the title, the byline, the date and the language;
// its text is not read, and --explain lists it.
func TestMarkdownFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		name, src   string
		opts        LoadOptions
		want        string
		published   string
		lang        string
		wantRemoved string
	}{
		{"YAML", "---\ntitle: \"Ferry saved: the vote\"\nauthor:\n  - Mara Quill\n  - name: Tom Berg\ndate: 2024-03-02T09:30:00+01:00\nlang: en_GB\ntags: [ferry, council]\n# a note\n---\n\n# Ferry saved: the vote\n\nResidents voted to keep the ferry.",
			LoadOptions{}, "title: Ferry saved: the vote\nbyline: Mara Quill and Tom Berg\nparagraph: Residents voted to keep the ferry.", "2024-03-02", "en-GB",
			"markdown:front-matter: title: \"Ferry saved: the vote\" -> title\nmarkdown:front-matter: author: - Mara Quill - name: Tom Berg -> byline\nmarkdown:front-matter: date: 2024-03-02T09:30:00+01:00 -> published\nmarkdown:front-matter: lang: en_GB tags: [ferry, council] # a note\ntitle-repeat: Ferry saved: the vote -> title"},
		{"YAML a parser refuses", "---\ntitle: Ferry saved: the vote\nauthor: Mara Quill\ndate: 2 March 2024\n---\nResidents voted to keep the ferry.",
			LoadOptions{}, "title: Ferry saved: the vote\nbyline: Mara Quill\nparagraph: Residents voted to keep the ferry.", "2024-03-02", "",
			"markdown:front-matter: title: Ferry saved: the vote -> title\nmarkdown:front-matter: author: Mara Quill -> byline\nmarkdown:front-matter: date: 2 March 2024 -> published"},
		{"TOML", "+++\ntitle = 'Fähre bleibt'\nauthors = [\"Anna Roth\", \"Jan Berg\"]\ndate = 2024-03-02\nlanguageCode = \"de-DE\"\n[params]\nx = 1\n+++\nDie Fähre über die Mündung fährt weiter, haben die Bürger beschlossen.",
			LoadOptions{}, "title: Fähre bleibt\nbyline: Anna Roth und Jan Berg\nparagraph: Die Fähre über die Mündung fährt weiter, haben die Bürger beschlossen.", "2024-03-02", "de-DE",
			"markdown:front-matter: title = 'Fähre bleibt' -> title\nmarkdown:front-matter: authors = [\"Anna Roth\", \"Jan Berg\"] -> byline\nmarkdown:front-matter: date = 2024-03-02 -> published\nmarkdown:front-matter: languageCode = \"de-DE\" [params] x = 1"},
		{"TOML table keys are not the article's", "+++\ndate = \"2024-03-02\"\n[params]\ntitle = \"Theme title\"\n+++\nResidents voted to keep the ferry.",
			LoadOptions{}, "paragraph: Residents voted to keep the ferry.", "2024-03-02", "",
			"markdown:front-matter: date = \"2024-03-02\" -> published\nmarkdown:front-matter: [params] title = \"Theme title\""},
		{"a title and byline given replace it", "---\ntitle: Old title\nauthor: Mara Quill\n---\nResidents voted to keep the ferry.",
			LoadOptions{Title: "Ferry saved", Byline: "The Ledger"}, "title: Ferry saved\nbyline: The Ledger\nparagraph: Residents voted to keep the ferry.", "", "",
			"markdown:front-matter: title: Old title author: Mara Quill"},
		{"a rule, then a setext heading, is not front matter", "---\nResidents voted\n---\nThe ferry stays in service.",
			LoadOptions{}, "title: Residents voted\nparagraph: The ferry stays in service.", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse([]byte(tc.src), "story.md", tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := script(doc); got != tc.want {
				t.Errorf("read as:\n%s\nwant:\n%s", got, tc.want)
			}
			published := ""
			if doc.Published != nil {
				published = doc.Published.Format("2006-01-02")
			}
			if published != tc.published {
				t.Errorf("published %q, want %q", published, tc.published)
			}
			if tc.lang != "" && doc.Lang != tc.lang {
				t.Errorf("lang %q, want %q", doc.Lang, tc.lang)
			}
			if got := removals(doc); got != tc.wantRemoved {
				t.Errorf("removed:\n%s\nwant:\n%s", got, tc.wantRemoved)
			}
		})
	}
}

// Markdown in other languages: the byline's "By" in the article's
// language, a date as that language writes it, scripts without spaces.
func TestMarkdownLanguages(t *testing.T) {
	for _, tc := range []struct {
		name, src, want, lang, published string
	}{
		{"German", "# Die Fähre bleibt\n\nVon Anna Roth · 3. Mai 2026\n\nDie Bürger von Pellow Bay haben am Samstag beschlossen, die kleine Fähre zu behalten.\n\n- Abfahrt jede halbe Stunde\n- **Fahrpreis:** 2 Euro",
			"title: Die Fähre bleibt\nbyline: Anna Roth\nparagraph: Die Bürger von Pellow Bay haben am Samstag beschlossen, die kleine Fähre zu behalten.\nitem: Abfahrt jede halbe Stunde\nitem: Fahrpreis: 2 Euro", "de", "2026-05-03"},
		{"French", "Le bac est sauvé\n================\n\nPar Marie Dubois, 2 mars 2024\n\nLes habitants ont voté samedi pour garder le petit bac qui traverse l'estuaire.\n\n> « Nous le garderons », a dit le passeur.",
			"title: Le bac est sauvé\nbyline: Marie Dubois\nparagraph: Les habitants ont voté samedi pour garder le petit bac qui traverse l'estuaire.\nquote: « Nous le garderons », a dit le passeur.", "fr", "2024-03-02"},
		{"Spanish", "# El ferry se queda\n\nPor Ana Ruiz\n\nLos vecinos votaron el sábado a favor de *mantener* el pequeño ferry que cruza el estuario.\n\n1. Sale cada media hora.\n2. Cuesta dos euros.",
			"title: El ferry se queda\nbyline: Ana Ruiz\nparagraph: Los vecinos votaron el sábado a favor de mantener el pequeño ferry que cruza el estuario.\nitem: 1. Sale cada media hora.\nitem: 2. Cuesta dos euros.", "es", ""},
		{"Japanese", "# フェリー存続へ\n\n住民は土曜日、河口を渡る小さなフェリーを\n残すことを決めた。\n\n- 三十分ごとに出航\n- 運賃は二百円",
			"title: フェリー存続へ\nparagraph: 住民は土曜日、河口を渡る小さなフェリーを残すことを決めた。\nitem: 三十分ごとに出航\nitem: 運賃は二百円", "", ""},
		{"Russian", "# Паром остаётся\n\nЖители проголосовали в субботу за то, чтобы **сохранить** паром.\n\n- Отправление каждые полчаса\n- Билет стоит сто рублей",
			"title: Паром остаётся\nparagraph: Жители проголосовали в субботу за то, чтобы сохранить паром.\nitem: Отправление каждые полчаса\nitem: Билет стоит сто рублей", "ru", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse([]byte(tc.src), "story.md", LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := script(doc); got != tc.want {
				t.Errorf("read as:\n%s\nwant:\n%s", got, tc.want)
			}
			if !strings.HasPrefix(doc.Lang, tc.lang) {
				t.Errorf("lang %q, want %s", doc.Lang, tc.lang)
			}
			published := ""
			if doc.Published != nil {
				published = doc.Published.Format("2006-01-02")
			}
			if published != tc.published {
				t.Errorf("published %q, want %q", published, tc.published)
			}
		})
	}
}

// A "By" line is the byline only when it names people; a byline given
// apart keeps a line naming someone else in the text.
func TestMarkdownLeadByline(t *testing.T) {
	const body = "Residents voted on Saturday to keep the ferry."
	for _, tc := range []struct {
		name, src string
		opts      LoadOptions
		want      string
	}{
		{"By and a date after a comma", "# Ferry saved\n\nBy Mara Quill, March 2, 2024\n\n" + body, LoadOptions{},
			"title: Ferry saved\nbyline: Mara Quill\nparagraph: " + body},
		{"emphasized, two authors", "# Ferry saved\n\n*By Mara Quill and Tom Berg*\n\n" + body, LoadOptions{},
			"title: Ferry saved\nbyline: Mara Quill and Tom Berg\nparagraph: " + body},
		{"a sentence that starts with By", "# Ferry saved\n\nBy the way, the vote was close.\n\n" + body, LoadOptions{},
			"title: Ferry saved\nparagraph: By the way, the vote was close.\nparagraph: " + body},
		// Not a lead byline (what follows the bar is no date), but the
		// by-line rule takes the name and leaves the page's furniture
		// after the bar unread, as it does in any text.
		{"by and something that is no date", "# Ferry saved\n\nBy Mara Quill | comments (4)\n\n" + body, LoadOptions{},
			"title: Ferry saved\nbyline: Mara Quill\nparagraph: " + body},
		{"someone else than the given byline", "# Ferry saved\n\nBy Mara Quill | 2 March 2024\n\n" + body, LoadOptions{Byline: "Tom Berg"},
			"title: Ferry saved\nbyline: Tom Berg\nparagraph: By Mara Quill | 2 March 2024\nparagraph: " + body},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse([]byte(tc.src), "story.md", tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := script(doc); got != tc.want {
				t.Errorf("read as:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// A large table is left out with a warning, as on a page, unless it is
// all the text has.
func TestMarkdownLargeTable(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("| n | square |\n|---|---|\n")
	for i := range maxTableRows + 5 {
		fmt.Fprintf(&sb, "| %d | %d |\n", i, i*i)
	}
	table := sb.String()
	doc, err := Parse([]byte("# Squares\n\nThe squares of the numbers up to a hundred and fifty, for reference.\n\n"+table), "t.md", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 || len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "was left out") {
		t.Errorf("blocks %d, warnings %q", len(doc.Blocks), doc.Warnings)
	}
	if len(doc.Removed) != 1 || doc.Removed[0].Rule != "markdown:large-table" {
		t.Errorf("removed %+v", doc.Removed)
	}
	doc, err = Parse([]byte(table), "t.md", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) < maxTableRows || len(doc.Warnings) != 0 {
		t.Errorf("a table that is the whole text: %d blocks, warnings %q", len(doc.Blocks), doc.Warnings)
	}
}

// Markdown is read when the caller says so, when the file's name says
// so, or when the text clearly is Markdown. Plain text that starts a line
// with "-" or "#1", or quotes mail with ">", stays plain text.
func TestMarkdownDetection(t *testing.T) {
	for _, tc := range []struct {
		data, source string
		want         Format
	}{
		{bridgeMarkdown, "story.txt", FormatMarkdown},
		{"Plain words only.", "story.md", FormatMarkdown},
		{"Plain words only.", "https://example.com/raw/README.markdown?x=1", FormatMarkdown},
		{"<!DOCTYPE html><html><body><p>x</p></body></html>", "saved.md", FormatHTML},
		{"Use the `<body>` element.\n\n<p align=center>Logo</p>", "README.md", FormatMarkdown},
		{"---\ntitle: Ferry\n---\nThe ferry stays.", "stdin", FormatMarkdown},
		{"Run:\n\n```\nmake\n```\n", "stdin", FormatMarkdown},
		{"## Ferry saved\n\nThe vote was **close**: 1,412 to 388.", "stdin", FormatMarkdown},
		{"See [the report](https://example.com/r), [the minutes](https://example.com/m) and [the agenda](https://example.com/a).", "stdin", FormatMarkdown},
		// Plain text.
		{"#1 in the charts\n\n- Where are you going?\n- Home.\n\nShe laughed.", "stdin", FormatText},
		{"On Monday, Anna wrote:\n> Are you coming?\n> Bring the map.\n\nYes, I am.\n\n1. Bread\n2. Milk", "stdin", FormatText},
		{"It's `quoted' the old way, and 5 * 3 = 15 - or so.", "stdin", FormatText},
		{"f(*args, **kwargs) takes **kwargs and more.\n- one\n- two", "stdin", FormatText},
		{"Harbour tides rise\n\nThe harbour saw its highest tide in 40 years.", "story.txt", FormatText},
	} {
		if got := sniffFormat([]byte(tc.data), tc.source); got != tc.want {
			t.Errorf("sniff(%q, %s) = %q, want %q", tc.data, tc.source, got, tc.want)
		}
	}
	// Plain text read as today: the same document as parseText gives.
	const plain = "#1 in the charts\n- Where are you going?\n- Home, she said.\n\nThe song stayed at the top for a month."
	doc, err := Parse([]byte(plain), "stdin", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := parseText(plain, LoadOptions{})
	if script(doc) != script(want) {
		t.Errorf("plain text read as:\n%s\nwant:\n%s", script(doc), script(want))
	}
	// A format given is kept: Markdown read as text keeps its marks.
	doc, err = Parse([]byte(bridgeMarkdown), "bridge.md", LoadOptions{Format: FormatText})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "# Council closes old bridge" {
		t.Errorf("--input-format text: title %q", doc.Title)
	}
	if _, err := Parse([]byte("x"), "x", LoadOptions{Format: "rtf"}); !errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), "want html, text or markdown") {
		t.Errorf("unknown format: %v", err)
	}
}

// Markdown recognized in a text (not named .md) is a guess: a block
// indented four spaces is read, as in a plain text, while a file that
// says it is Markdown has it as code; and a paragraph of ragged lines is
// lines of plain text, each a block, as in a plain text.
func TestMarkdownGuessedReadsIndentedText(t *testing.T) {
	const features = "## Standing desk\n\nKey Features:\nTall, Vertical Lift – extends higher than most converters, perfect for taller users\n" +
		"Compact Footprint – maximize workspace with straight up-and-down movement\nTwo-Tiered Design – monitors above\n\n- **Price:** $169.99\n- In stock"
	doc, err := Parse([]byte(features), "stdin", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := "title: Standing desk\nparagraph: Key Features:\nparagraph: Tall, Vertical Lift – extends higher than most converters, perfect for taller users\n" +
		"paragraph: Compact Footprint – maximize workspace with straight up-and-down movement\nparagraph: Two-Tiered Design – monitors above\nitem: Price: $169.99\nitem: In stock"
	if got := script(doc); got != want {
		t.Errorf("guessed Markdown read as:\n%s\nwant:\n%s", got, want)
	}
	src := "# Notes\n\n- first\n- second\n\nThe ferry's timetable:\n\n    x = load(\"ferry\")\n"
	for source, want := range map[string]string{
		"notes.txt": "title: Notes\nitem: first\nitem: second\nparagraph: The ferry's timetable:\nparagraph: x = load(\"ferry\")",
		"notes.md":  "title: Notes\nitem: first\nitem: second\nparagraph: The ferry's timetable:",
	} {
		doc, err := Parse([]byte(src), source, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := script(doc); got != want {
			t.Errorf("%s read as:\n%s\nwant:\n%s", source, got, want)
		}
	}
}

// Articles are plain text, not Markdown: no article body of the
// scrapinghub benchmark, nor the seed, is taken for Markdown.
func TestPlainArticlesAreNotMarkdown(t *testing.T) {
	data, err := os.ReadFile("../../shared/corpus/scrapinghub/ground-truth.json")
	if err != nil {
		t.Skipf("scrapinghub benchmark not found (shared data absent): %v", err)
	}
	bodies := regexp.MustCompile(`"articleBody":\s*"((?:[^"\\]|\\.)*)"`).FindAllSubmatch(data, -1)
	if len(bodies) < 100 {
		t.Fatalf("only %d article bodies found", len(bodies))
	}
	n := 0
	for _, b := range bodies {
		text := strings.NewReplacer(`\n`, "\n", `\"`, `"`, `\\`, `\`).Replace(string(b[1]))
		if looksLikeMarkdown(text) {
			n++
			t.Errorf("taken for Markdown: %.200q", text)
		}
	}
	t.Logf("%d of %d article bodies taken for Markdown", n, len(bodies))
	for _, p := range []string{seedPath, "testdata/scraped.txt", "../testdata/sample-article.txt"} {
		if data, err := os.ReadFile(p); err == nil && looksLikeMarkdown(string(data)) {
			t.Errorf("%s taken for Markdown", p)
		}
	}
}

// A Markdown file loaded from disk, by name: what `narrate script x.md`
// and `narrate render x.md` read.
func TestLoadMarkdownFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bridge.md")
	if err := os.WriteFile(p, []byte(bridgeMarkdown), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := Load(context.Background(), p, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Council closes old bridge" || doc.Byline != "Anna Roth" || len(doc.Blocks) != 5 {
		t.Errorf("got title %q byline %q and %d blocks", doc.Title, doc.Byline, len(doc.Blocks))
	}
	if _, err := Parse([]byte("```\ncode only\n```\n"), "code.md", LoadOptions{}); !errors.Is(err, ErrNoContent) || !strings.Contains(err.Error(), "markdown:code") {
		t.Errorf("a file of code only: %v", err)
	}
}

func ExampleParse_markdown() {
	text := []byte(`---
title: Ferry saved
author: Mara Quill
---
Residents voted on **Saturday** to keep the [ferry](https://example.com/ferry).

- It sails every half hour.
- ![Map](map.png) Fares stay at two pounds.
`)
	doc, err := Parse(text, "ferry.md", LoadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, b := range doc.Script() {
		fmt.Printf("%s: %s\n", b.Kind, b.Spoken)
	}
	// Output:
	// title: Ferry saved
	// byline: By Mara Quill
	// paragraph: Residents voted on Saturday to keep the ferry.
	// item: It sails every half hour.
	// item: Fares stay at two pounds.
}

// FuzzParseMarkdown: any text gives a Document or a one-line error, never
// a panic; every block has text. And every word of a text without links,
// HTML, entities or fences is read (in the title, the byline or a block)
// or listed in Document.Removed with the rule that took it.
func FuzzParseMarkdown(f *testing.F) {
	f.Add(bridgeMarkdown)
	f.Add("---\ntitle: T\nauthor: [A B, C D]\ndate: 2024-03-02\n---\n# T\n\nBy A B | 2 March 2024\n\ntext")
	f.Add("+++\ntitle = 'T'\n+++\n1. a\n1. b\n   - c\n\n     code\n> q\nlazy\n> > deep\n***\nSetext\n===\n")
	f.Add("| a | b |\n|:-|-:|\n| 1 | 2 \\| 3 |\nrow\n\n[x]: /u \"t\"\n[x] and [y][x] and ![i](j) and [^1]\n\n[^1]: note")
	f.Add("<div>\n<p>x</p>\n</div>\n\n<!-- c -->\n\n```go\ncode\n```\n\n`span` **b** _e_ ~~s~~ \\* &amp; <b>t</b> <a@b.c> <https://x.y>")
	f.Add(strings.Repeat(">", 40) + " x\n" + strings.Repeat("- ", 40) + "y\n" + strings.Repeat("[a](", 20) + strings.Repeat("*_", 20))
	f.Add("    indented\n\n\tprose with a tab, as people type it.\n  - a\n -b\n- \n-\n  c")
	word := regexp.MustCompile(`[\p{L}\p{N}]+`)
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := Parse([]byte(s), "fuzz.md", LoadOptions{})
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
			if strings.TrimSpace(b.Text) == "" || b.Spoken == "" || !utf8.ValidString(b.Text) {
				t.Fatalf("empty or invalid block %+v", b)
			}
		}
		if !utf8.ValidString(s) || strings.ContainsAny(s, "<&]\r\x00") || strings.Contains(s, "```") || strings.Contains(s, "~~~") {
			return
		}
		// Markup is taken out of words ("foo*bar*baz" reads "foobarbaz",
		// wrapped lines of a script without spaces are joined): each word
		// is looked for inside what is read, both without markup.
		strip := strings.NewReplacer("*", "", "_", "", "~", "", "\\", "", " ", "", "\n", "", "\t", "")
		out := []string{doc.Title, doc.Byline}
		for _, b := range doc.Blocks {
			out = append(out, b.Text)
		}
		for _, r := range doc.Removed {
			out = append(out, r.Text)
		}
		have := strip.Replace(strings.Join(out, " "))
		for _, loc := range word.FindAllStringIndex(s, -1) {
			w := s[loc[0]:loc[1]]
			if loc[1] < len(s) && strings.IndexByte(".)", s[loc[1]]) >= 0 && strings.Trim(w, "0123456789") == "" {
				continue // an ordered list's number: the list numbers its items
			}
			if !strings.Contains(have, w) {
				t.Fatalf("%q is neither read nor listed as removed:\n%q\nread %q, removed %+v", w, s, out[:len(out)-len(doc.Removed)], doc.Removed)
			}
		}
	})
}
