package article

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// script is a document as "kind: text" lines, title and byline included.
func script(doc *Document) string {
	var out []string
	for _, b := range doc.Script() {
		out = append(out, string(b.Kind)+": "+b.Text)
	}
	return strings.Join(out, "\n")
}

// A plain text's first line is its title only when it is a headline: a
// short line of its own, above a paragraph, that does not end a sentence
// and does not start like a list item, a line of dialogue or the middle of
// a sentence. Anything else is the first paragraph of an article without a
// title. Either way every line is read; only the title's pause and the
// chapter depend on the choice, so it is made conservatively.
func TestPlainTextHeadline(t *testing.T) {
	const body = "The harbour saw its highest tide in 40 years on Tuesday, flooding the old quay."
	for _, tc := range []struct {
		name, text, want string
	}{
		{"headline", "Harbour tides rise to record height\n\n" + body,
			"title: Harbour tides rise to record height\nparagraph: " + body},
		{"question headline", "Why are the tides rising so fast?\n\n" + body,
			"title: Why are the tides rising so fast?\nparagraph: " + body},
		{"headline with a date in it", "Storm of 3 March 2024 remembered\n\n" + body,
			"title: Storm of 3 March 2024 remembered\nparagraph: " + body},
		{"headline quoting someone", "“We will rebuild the quay,” says mayor\n\n" + body,
			"title: “We will rebuild the quay,” says mayor\nparagraph: " + body},
		{"Japanese headline", "港の潮位、四十年ぶりの高さに\n\n火曜日、港の潮位が四十年ぶりの高さに達した。",
			"title: 港の潮位、四十年ぶりの高さに\nparagraph: 火曜日、港の潮位が四十年ぶりの高さに達した。"},
		{"one paragraph", "Hello world, this is a quick test of the narrate tool.\n",
			"paragraph: Hello world, this is a quick test of the narrate tool."},
		{"one short line", "Harbour tides rise\n", "paragraph: Harbour tides rise"},
		{"two sentences on one line", "The ferry left at noon. It came back an hour late because of the fog.",
			"paragraph: The ferry left at noon. It came back an hour late because of the fog."},
		{"lead paragraph first", body + "\n\nOfficials said the sea wall held.",
			"paragraph: " + body + "\nparagraph: Officials said the sea wall held."},
		{"two sentences without a full stop at the end", "Tides rise. The quay floods\n\n" + body,
			"paragraph: Tides rise. The quay floods\nparagraph: " + body},
		{"list item first", "- Sandbags are at the fire station\n\n" + body,
			"paragraph: - Sandbags are at the fire station\nparagraph: " + body},
		{"dialogue dash first", "— We have never seen water this high, he said\n\n" + body,
			"paragraph: — We have never seen water this high, he said\nparagraph: " + body},
		{"e-mail address first", "jane.doe@example.org takes reports of flooding\n\n" + body,
			"paragraph: jane.doe@example.org takes reports of flooding\nparagraph: " + body},
		{"line that leads into the next", "Residents should bring the following:\n\n" + body,
			"paragraph: Residents should bring the following:\nparagraph: " + body},
		{"too long for a headline", strings.Repeat("tide and ", 20) + "the quay\n\n" + body,
			"paragraph: " + strings.Repeat("tide and ", 20) + "the quay\nparagraph: " + body},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse([]byte(tc.text), "story.txt", LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := script(doc); got != tc.want {
				t.Errorf("read as:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// A line break inside a paragraph is a hard wrap only where the next word
// would not have fitted on the line: a headline above a paragraph that
// starts in lower case (an e-mail address, "iPhone") stays a line of its
// own, while a wrapped paragraph is joined.
func TestHardWrapOrHeadline(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"e-mail address under a headline",
			"Harbour tides rise\njane.doe@example.org is the address for flood reports, the council said.\nThe sea wall held.\n",
			"title: Harbour tides rise\nparagraph: jane.doe@example.org is the address for flood reports, the council said.\nparagraph: The sea wall held."},
		{"e-mail address under a longer headline",
			"Harbour tides rise to record height\njane.doe@example.org takes reports of flooding, the council said.\n",
			"title: Harbour tides rise to record height\nparagraph: jane.doe@example.org takes reports of flooding, the council said."},
		{"wrapped paragraph",
			"The harbour saw its highest tide in forty years on Tuesday,\nflooding the old quay and the fish market by the station,\nand the ferry could not leave until the evening.\n",
			"paragraph: The harbour saw its highest tide in forty years on Tuesday, flooding the old quay and the fish market by the station, and the ferry could not leave until the evening."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse([]byte(tc.text), "story.txt", LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := script(doc); got != tc.want {
				t.Errorf("read as:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// A title given apart (a manifest's, a CMS's) is the title; the text is
// read whole, its first paragraph included. A first line that repeats the
// given title is not read twice.
func TestGivenTitleAndByline(t *testing.T) {
	const lead = "The harbour saw its highest tide in 40 years on Tuesday, flooding the old quay."
	const second = "Officials said the sea wall held, and nobody was hurt."
	opts := LoadOptions{Format: FormatText, Title: "Harbour tides rise to record height", Byline: "Jane Doe"}
	for _, tc := range []struct {
		name, text, want string
	}{
		{"lead first", lead + "\n\n" + second,
			"title: Harbour tides rise to record height\nbyline: Jane Doe\nparagraph: " + lead + "\nparagraph: " + second},
		{"short lead", "Tides rose.\n\n" + second,
			"title: Harbour tides rise to record height\nbyline: Jane Doe\nparagraph: Tides rose.\nparagraph: " + second},
		{"a headline of its own", "Record tide floods quay\n\n" + lead,
			"title: Harbour tides rise to record height\nbyline: Jane Doe\nparagraph: Record tide floods quay\nparagraph: " + lead},
		{"the title repeated", "Harbour Tides Rise to Record Height\n\nBy Jane Doe\n\n" + lead,
			"title: Harbour tides rise to record height\nbyline: Jane Doe\nparagraph: " + lead},
		{"another byline in the text", "By Tom Roe\n\n" + lead,
			"title: Harbour tides rise to record height\nbyline: Jane Doe\nparagraph: By Tom Roe\nparagraph: " + lead},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse([]byte(tc.text), "entry (inline text)", opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := script(doc); got != tc.want {
				t.Errorf("read as:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
	// A page's own headline, when a title is given, is read as a heading.
	page := `<html><body><article><h1>Record tide floods quay</h1><p>` + lead + `</p><p>` + second + `</p></article></body></html>`
	doc, err := Parse([]byte(page), "entry (inline html)", LoadOptions{Format: FormatHTML, Title: opts.Title})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := script(doc), "title: Harbour tides rise to record height\nheading: Record tide floods quay\nparagraph: "+lead+"\nparagraph: "+second; got != want {
		t.Errorf("page read as:\n%s\nwant:\n%s", got, want)
	}
}

// Date lines: a site's date stamp above the headline, or a publication
// stamp (a time, "Updated", "From the section") near the top, is debris
// and goes, the date kept as Document.Published; a date that is all a
// paragraph says is text: a dated letter, a diary's day.
func TestDateLines(t *testing.T) {
	const body = "The ferry sailed at dawn and came back before the fog."
	for _, tc := range []struct {
		name, text, want, published string
	}{
		{"stamp above the headline", "Tue. Mar 5th, 2024\n\nHarbour town keeps its ferry\n\n" + body,
			"title: Harbour town keeps its ferry\nparagraph: " + body, "2024-03-05"},
		{"Spanish stamp above the headline", "martes, 5 de marzo de 2024\n\nEl pueblo conserva su ferry\n\nEl ferry zarpó al amanecer.",
			"title: El pueblo conserva su ferry\nparagraph: El ferry zarpó al amanecer.", ""},
		{"date under the headline", "Harbour town keeps its ferry\n\nMarch 5, 2024\n\n" + body,
			"title: Harbour town keeps its ferry\nparagraph: March 5, 2024\nparagraph: " + body, ""},
		{"a text that starts with its date", "5 March 2024\n\n" + body,
			"paragraph: 5 March 2024\nparagraph: " + body, ""},
		{"a diary's days", "Ferry diary\n\nMonday, 4 March 2024\n\n" + body + "\n\nTuesday, 5 March 2024\n\nFog all day.",
			"title: Ferry diary\nparagraph: Monday, 4 March 2024\nparagraph: " + body + "\nparagraph: Tuesday, 5 March 2024\nparagraph: Fog all day.", ""},
		{"publication stamp", "Harbour town keeps its ferry\n\nUpdated 5 March 2024, 14:05 GMT\n\n" + body,
			"title: Harbour town keeps its ferry\nparagraph: " + body, ""},
		{"German stamp", "Die Fähre bleibt\n\nMontag, 4. März 2024, 14:05 Uhr\n\nDie Fähre fuhr im Morgengrauen los.",
			"title: Die Fähre bleibt\nparagraph: Die Fähre fuhr im Morgengrauen los.", ""},
		{"stamp with the byline", "By Mara Quill\n\nHarbour town keeps its ferry\n\nPosted by Mara Quill on 5 March 2024\n\n" + body,
			"title: Harbour town keeps its ferry\nbyline: Mara Quill\nparagraph: " + body, ""},
		{"stamp with the only name of the author: it is the byline", "Harbour town keeps its ferry\n\nPosted by Mara Quill on 5 March 2024\n\n" + body,
			"title: Harbour town keeps its ferry\nbyline: Mara Quill\nparagraph: " + body, "2024-03-05"},
		{"stamp naming someone else than the byline", "By Mara Quill\n\nHarbour town keeps its ferry\n\nUpdated by Tom Roe, 5 March 2024\n\n" + body,
			"title: Harbour town keeps its ferry\nbyline: Mara Quill\nparagraph: Updated by Tom Roe, 5 March 2024\nparagraph: " + body, ""},
		{"date under a paragraph, above page debris", "Harbour town keeps its ferry\n\nThe vote was close.\n\nMarch 5, 2024\n\nShare\n\n" + body,
			"title: Harbour town keeps its ferry\nparagraph: The vote was close.\nparagraph: March 5, 2024\nparagraph: " + body, ""},
		{"stamp above debris and the headline", "Tue. Mar 5th, 2024\n\nShare\n\nHarbour town keeps its ferry\n\n" + body,
			"title: Harbour town keeps its ferry\nparagraph: " + body, "2024-03-05"},
		{"subtitle with a date", "Harbour town keeps its ferry\n\nThe vote of 5 March 2024 in pictures\n\n" + body,
			"title: Harbour town keeps its ferry\nparagraph: The vote of 5 March 2024 in pictures\nparagraph: " + body, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse([]byte(tc.text), "story.txt", LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := script(doc); got != tc.want {
				t.Errorf("read as:\n%s\nwant:\n%s", got, tc.want)
			}
			if tc.published != "" && (doc.Published == nil || doc.Published.Format("2006-01-02") != tc.published) {
				t.Errorf("published %v, want %s", doc.Published, tc.published)
			}
		})
	}
}

// Paragraphs that start with an e-mail address or a dash are text, where
// they stand: at the top, in the middle, at the end.
func TestAddressAndDashParagraphsKept(t *testing.T) {
	lines := []string{
		"jane.doe@example.org is the address for flood reports, the council said.",
		"news@example.org",
		"- Sandbags are available at the fire station until Friday.",
		"— We have never seen water this high, said a fisherman.",
		"– Jane Doe, Pellow Bay",
		"-- the harbour master",
	}
	const p1 = "The harbour saw its highest tide in 40 years on Tuesday, flooding the old quay."
	const p2 = "Officials said the sea wall held overnight and nobody was hurt."
	for _, l := range lines {
		for _, text := range []string{
			"Harbour tides rise\n\n" + l + "\n\n" + p1 + "\n\n" + p2,
			"Harbour tides rise\n\n" + p1 + "\n\n" + l + "\n\n" + p2,
			"Harbour tides rise\n\n" + p1 + "\n\n" + p2 + "\n\n" + l,
			l + "\n\n" + p1 + "\n\n" + p2,
		} {
			doc, err := Parse([]byte(text), "story.txt", LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var read []string
			for _, b := range doc.Script() {
				read = append(read, b.Text)
			}
			if !strings.Contains(strings.Join(read, "\n"), l) {
				t.Errorf("%q not read in:\n%s", l, text)
			}
		}
	}
}

// Every piece of text that is not read where it stood is listed in
// Document.Removed with the rule that took it, and where it went when it
// is still spoken (the byline) or kept (the published date).
func TestRemovedNamesTheRule(t *testing.T) {
	doc, err := Load(t.Context(), "testdata/scraped.txt", LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range doc.Removed {
		s := r.Rule + ": " + r.Text
		if r.Into != "" {
			s += " -> " + r.Into
		}
		got = append(got, s)
	}
	want := []string{
		`html-tags: < p class="BodyParagraph-sc-1 xYz">`,
		"date-header: Tue. Mar 5th, 2024 -> published",
		"image-viewer: Open in full screen mode",
		"image-viewer: The ferry leaving the north slip at dawn.",
		"loading-glued: LoadingLighthouse keeper retires after forty years",
		"promo-lead-in: ALSO ON LEDGER: Lighthouse keeper retires after forty years",
		"profile-byline: • Mara Quill (View profile)Mara Quill -> byline",
		"by-line: By admin",
		"promo-lead-in: Lighthouse keeper retires after forty years",
		"related-tail: Related Post",
		"speech-button: Listen to this article",
	}
	if strings.Join(slices.Sorted(slices.Values(got)), "\n") != strings.Join(slices.Sorted(slices.Values(want)), "\n") {
		t.Errorf("removed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Every rule name is one a reader can look up, the prunes of a page's
	// tree included.
	for _, r := range doc.Removed {
		if RuleDoc(r.Rule) == "" {
			t.Errorf("removal by rule %q, which has no doc", r.Rule)
		}
	}
	for _, p := range pagePrunes() {
		if RuleDoc(p.name) == "" {
			t.Errorf("page prune %q has no doc", p.name)
		}
	}
}

// FuzzNothingLostSilently: every word of a plain text is read (in the
// title, the byline or a block) or listed in Document.Removed with the
// rule that took it. Texts with markup or entities are left out: their
// repair rewrites words on purpose.
func FuzzNothingLostSilently(f *testing.F) {
	if data, err := os.ReadFile(seedPath); err == nil {
		f.Add(strings.NewReplacer("<", "", "&", "", ";", "").Replace(string(data)))
	}
	if data, err := os.ReadFile("testdata/scraped.txt"); err == nil {
		f.Add(strings.NewReplacer("<", "", "&", "", ";", "").Replace(string(data)))
	}
	f.Add("Tue. Mar 5th, 2024\n\nHarbour tides rise\n\nShare\n\nThe harbour flooded.\n\nBy admin\n\nRelated Post\n\nA headline")
	f.Add("Harbour tides rise\njane.doe@example.org takes reports\n- Sandbags\n\nUpdated 5 March 2024, 14:05 GMT")
	// Words, and words glued by scraping cut where case changes
	// ("MulroneyLoadingSnow"): rules cut glued debris off there.
	word := regexp.MustCompile(`\p{Lu}?[\p{Ll}\p{Lo}\p{Lm}\p{Mn}\p{Mc}\p{N}]+|\p{Lu}+`)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "<&;") {
			return
		}
		doc, err := parseText(s, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		out := []string{doc.Title, doc.Byline}
		for _, b := range doc.Blocks {
			out = append(out, b.Text)
		}
		for _, r := range doc.Removed {
			out = append(out, r.Text)
		}
		have := map[string]bool{}
		for _, w := range word.FindAllString(strings.Join(out, " "), -1) {
			have[w] = true
		}
		for _, w := range word.FindAllString(s, -1) {
			if !have[w] {
				t.Fatalf("%q is neither read nor listed as removed:\n%q\nread %q, removed %+v", w, s, out[:len(out)-len(doc.Removed)], doc.Removed)
			}
		}
	})
}
