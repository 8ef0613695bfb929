package archive

import (
	"context"
	"testing"

	"gocloud.dev/blob/memblob"
)

// Scan finds the done markers that are batch's, by key, and the failure
// records when asked, and knows every object's size; it takes no other
// object (chapters, player documents, another program's JSON) for a done
// marker.
func TestScan(t *testing.T) {
	ctx := context.Background()
	b := memblob.OpenBucket(nil)
	defer b.Close()
	objects := map[string]string{
		"b/two.json":           `{"narrate":{"id":"b/two","format":"mp3","options":"o1"},"title":"Two","blocks":[{"kind":"paragraph","text":"P2."}]}`,
		"b/two.mp3":            "mp3",
		"a/one.json":           `{"narrate":{"id":"a/one","format":"wav"},"title":"One","blocks":[{"kind":"byline","text":"Jo"},{"kind":"paragraph","text":"P1."}]}`,
		"a/one.wav":            "wav",
		"a/one.chapters.json":  `{"version":"1.2.0","chapters":[]}`,
		"a/one.narration.json": `{"id":"a/one"}`,
		"other.json":           `{"hello":"world"}`,
		"no-id.json":           `{"narrate":{"format":"mp3"}}`,
		"_failed/c.json":       `{"id":"c","key":"c","kind":"engine"}`,
		"_private/x.json":      `{"narrate":{"id":"x"}}`,
	}
	for name, data := range objects {
		if err := b.WriteAll(ctx, name, []byte(data), nil); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Scan(ctx, b, ScanOptions{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Done) != 2 || c.Done[0].Key != "a/one" || c.Done[1].Key != "b/two" || c.Failures != nil {
		t.Fatalf("scan: %+v", c)
	}
	if h := c.Done[0].Head; h.Info.Format != "wav" || h.Title != "One" || h.Byline != "Jo" || h.Paragraph != "P1." {
		t.Errorf("head of a/one: %+v", h)
	}
	if c.Sizes["a/one.wav"] != 3 || len(c.Sizes) != 8 {
		t.Errorf("sizes %v: want every object but those under _", c.Sizes)
	}
	c, err = Scan(ctx, b, ScanOptions{Failures: true})
	if err != nil {
		t.Fatal(err)
	}
	if f := c.Failures["c"]; len(c.Failures) != 1 || f == nil || f.Kind != KindPermanent {
		t.Errorf("failures %+v", c.Failures)
	}
	if err := b.WriteAll(ctx, "_failed/d.json", []byte("not json"), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := Scan(ctx, b, ScanOptions{Failures: true}); err == nil {
		t.Error("a failure record that is not JSON: no error")
	}
	if _, err := Scan(ctx, b, ScanOptions{}); err != nil {
		t.Errorf("a damaged failure record fails a scan that does not read them: %v", err)
	}
}
