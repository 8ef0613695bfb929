package batch

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/archive"
)

// Every paragraph of a manifest's text is read: a title given apart is the
// title, not a reason to drop the text's first paragraph, and a text with
// no headline line is an article without a title.
func TestManifestTextIsReadWhole(t *testing.T) {
	const lead = "The harbour saw its highest tide in 40 years on Tuesday, flooding the old quay."
	const second = "Officials said the sea wall held, and nobody was hurt."
	manifest := strings.Join([]string{
		`{"id":"given-title","title":"Harbour tides rise to record height","byline":"Jane Doe","text":"` + lead + `\n\n` + second + `"}`,
		`{"id":"no-title","text":"` + lead + `\n\n` + second + `"}`,
		`{"id":"one-paragraph","text":"Hello world, this is a quick test of the narrate tool."}`,
		`{"id":"title-repeated","title":"Harbour tides rise to record height","text":"Harbour tides rise to record height\n\n` + lead + `"}`,
		`{"id":"own-headline","text":"Harbour tides rise to record height\n\n` + lead + `"}`,
		`{"id":"headline-and-title","title":"Record tide","byline":"Jane Doe","text":"Harbour tides rise to record height\n\nBy Jane Doe\n\n` + lead + `"}`,
	}, "\n")
	entries, err := ParseManifest(strings.NewReader(manifest), "m.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	out := memBucket(t)
	o := Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, Jobs: 2, TempDir: t.TempDir()}
	st, err := Run(context.Background(), entries, out, o)
	if err != nil {
		t.Fatal(err)
	}
	if st.Done != len(entries) {
		t.Errorf("%+v, want every article done", st)
	}
	want := map[string][]string{
		"given-title":    {"title: Harbour tides rise to record height", "byline: Jane Doe", "paragraph: " + lead, "paragraph: " + second},
		"no-title":       {"paragraph: " + lead, "paragraph: " + second},
		"one-paragraph":  {"paragraph: Hello world, this is a quick test of the narrate tool."},
		"title-repeated": {"title: Harbour tides rise to record height", "paragraph: " + lead},
		"own-headline":   {"title: Harbour tides rise to record height", "paragraph: " + lead},
		// The text's own headline is text too; its "By" line repeats the
		// byline, which is read once.
		"headline-and-title": {"title: Record tide", "byline: Jane Doe", "paragraph: Harbour tides rise to record height", "paragraph: " + lead},
	}
	for _, e := range entries {
		data, err := out.ReadAll(context.Background(), archive.SidecarObject(e.Key))
		if err != nil {
			t.Errorf("%s: %v", e.ID, err)
			continue
		}
		var sc archive.Sidecar
		if err := json.Unmarshal(data, &sc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, b := range sc.Blocks {
			got = append(got, b.Kind+": "+b.Text)
		}
		if strings.Join(got, "\n") != strings.Join(want[e.ID], "\n") {
			t.Errorf("%s reads:\n%s\nwant:\n%s", e.ID, strings.Join(got, "\n"), strings.Join(want[e.ID], "\n"))
		}
	}
}

// A manifest's markdown is read as its rendered page reads: the first
// heading is the title, and no "#", "-", "**" or link target is said. A
// title given apart still wins over the heading.
func TestManifestMarkdownIsReadAsRendered(t *testing.T) {
	const md = "# Harbour tides rise to record height\n\n" +
		"The harbour saw its **highest tide** in 40 years on Tuesday, flooding the _old quay_.\n\n" +
		"## What the council said\n\n" +
		"- The sea wall held.\n" +
		"- Nobody was hurt.\n\n" +
		"Read the [council's statement](https://council.example/tides) for more.\n"
	line := func(id, extra string) string {
		b, _ := json.Marshal(md)
		return `{"id":"` + id + `"` + extra + `,"markdown":` + string(b) + `}`
	}
	entries, err := ParseManifest(strings.NewReader(line("md", "")+"\n"+line("md-titled", `,"title":"Record tide","byline":"Jane Doe"`)), "m.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	out := memBucket(t)
	o := Options{Engine: openEngine(t, "fake:"), Renderer: fastRender, Jobs: 2, TempDir: t.TempDir()}
	st, err := Run(context.Background(), entries, out, o)
	if err != nil {
		t.Fatal(err)
	}
	if st.Done != len(entries) {
		t.Fatalf("%+v, want every article done", st)
	}
	body := []string{
		"paragraph: The harbour saw its highest tide in 40 years on Tuesday, flooding the old quay.",
		"heading: What the council said",
		"item: The sea wall held.",
		"item: Nobody was hurt.",
		"paragraph: Read the council's statement for more.",
	}
	want := map[string][]string{
		"md":        append([]string{"title: Harbour tides rise to record height"}, body...),
		"md-titled": append([]string{"title: Record tide", "byline: Jane Doe", "heading: Harbour tides rise to record height"}, body...),
	}
	for _, e := range entries {
		data, err := out.ReadAll(context.Background(), archive.SidecarObject(e.Key))
		if err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
		var sc archive.Sidecar
		if err := json.Unmarshal(data, &sc); err != nil {
			t.Fatal(err)
		}
		if sc.Narrate.Source != "markdown" {
			t.Errorf("%s: source %q, want markdown", e.ID, sc.Narrate.Source)
		}
		var got []string
		for _, b := range sc.Blocks {
			got = append(got, b.Kind+": "+b.Text)
			for _, s := range []string{b.Text, b.Spoken} {
				for _, mark := range []string{"#", "**", "_", "- ", "[", "](", "https://"} {
					if strings.Contains(s, mark) {
						t.Errorf("%s: block %q says the Markdown mark %q", e.ID, s, mark)
					}
				}
			}
		}
		if strings.Join(got, "\n") != strings.Join(want[e.ID], "\n") {
			t.Errorf("%s reads:\n%s\nwant:\n%s", e.ID, strings.Join(got, "\n"), strings.Join(want[e.ID], "\n"))
		}
	}
}
