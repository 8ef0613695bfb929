package serve

import (
	"net/http"
	"strings"
	"testing"

	"github.com/narrate-dev/narrate/sidecar"
)

// A posted text is read whole: with a title given, the text's first
// paragraph is the story's lead, not a title to replace; a text of one
// paragraph is an article without a title, not an unreadable one.
func TestPostedTextIsReadWhole(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	const lead = "The harbour saw its highest tide in 40 years on Tuesday, flooding the old quay."
	const second = "Officials said the sea wall held, and nobody was hurt."
	for _, tc := range []struct {
		name string
		req  Request
		want []string
	}{
		{"title given", Request{Title: "Harbour tides rise to record height", Byline: "Jane Doe", Text: lead + "\n\n" + second},
			[]string{"title: Harbour tides rise to record height", "byline: Jane Doe", "paragraph: " + lead, "paragraph: " + second}},
		{"one paragraph", Request{Text: "Hello world, this is a quick test of the narrate tool."},
			[]string{"paragraph: Hello world, this is a quick test of the narrate tool."}},
		{"two sentences, no headline", Request{Text: lead + " " + second + "\n"},
			[]string{"paragraph: " + lead + " " + second}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, n := h.post(tc.req)
			if code != http.StatusAccepted {
				t.Fatalf("POST: %d %+v, want 202", code, n)
			}
			done := h.wait(n.ID)
			if done.Status != StatusDone {
				t.Fatalf("narration %+v", done)
			}
			tim := decode[sidecar.Timings](t, h.do("GET", done.Links.Timings, nil, ""))
			var got []string
			for _, b := range tim.Blocks {
				got = append(got, b.Kind+": "+b.Text)
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("read:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// Posted Markdown is read as its rendered page reads: its opening heading
// is the title, and no "#", "-", "**" or link target is said.
func TestPostedMarkdownIsReadAsRendered(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	const md = "# Harbour tides rise to record height\n\n" +
		"The harbour saw its **highest tide** in 40 years on Tuesday, flooding the _old quay_.\n\n" +
		"## What the council said\n\n" +
		"- The sea wall held.\n" +
		"- Nobody was hurt.\n\n" +
		"Read the [council's statement](https://council.example/tides) for more.\n"
	code, n := h.post(Request{Markdown: md, Key: "news/tides"})
	if code != http.StatusAccepted {
		t.Fatalf("POST: %d %+v, want 202", code, n)
	}
	done := h.wait(n.ID)
	if done.Status != StatusDone {
		t.Fatalf("narration %+v", done)
	}
	tim := decode[sidecar.Timings](t, h.do("GET", done.Links.Timings, nil, ""))
	var got []string
	for _, b := range tim.Blocks {
		got = append(got, b.Kind+": "+b.Text)
		for _, s := range []string{b.Text, b.Spoken} {
			for _, mark := range []string{"#", "**", "_", "- ", "[", "](", "https://"} {
				if strings.Contains(s, mark) {
					t.Errorf("block %q says the Markdown mark %q", s, mark)
				}
			}
		}
	}
	want := []string{
		"title: Harbour tides rise to record height",
		"paragraph: The harbour saw its highest tide in 40 years on Tuesday, flooding the old quay.",
		"heading: What the council said",
		"item: The sea wall held.",
		"item: Nobody was hurt.",
		"paragraph: Read the council's statement for more.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("read:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The same words posted as text are another article: the marks are
	// read there, so the two must not share a narration.
	if _, asText := h.post(Request{Text: md}); asText.ID == n.ID {
		t.Errorf("Markdown and the same bytes as text share the narration %s", n.ID)
	}
}
