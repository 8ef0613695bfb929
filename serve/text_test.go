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
