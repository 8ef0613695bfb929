package article

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

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
