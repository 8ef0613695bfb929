package feed_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"gocloud.dev/blob/memblob"

	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/feed"
	"github.com/narrate-dev/narrate/tts"
	_ "github.com/narrate-dev/narrate/tts/fake"
)

func Example() {
	ctx := context.Background()
	// An archive: two articles narrated by batch (with the fake engine).
	manifest := `{"id":"2024/05/harbour","title":"Harbour reopens","section":"local","published":"2024-05-02","text":"The harbour reopened on Monday.\n\nFerries run every hour."}
{"id":"2024/05/budget","title":"Budget passes","section":"politics","published":"2024-05-03","text":"The council passed the budget.\n\nIt funds two new schools."}`
	entries, err := batch.ParseManifest(strings.NewReader(manifest), "example.jsonl")
	if err != nil {
		fmt.Println(err)
		return
	}
	eng, err := tts.Open(ctx, "fake:", tts.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer eng.Close()
	archive := memblob.OpenBucket(nil)
	if _, err := batch.Run(ctx, entries, archive, batch.Options{Engine: eng, TempDir: os.TempDir()}); err != nil {
		fmt.Println(err)
		return
	}

	// Its feed, as served from https://audio.example.org/.
	f, err := feed.Build(ctx, archive, feed.Options{BaseURL: "https://audio.example.org/", Title: "The Gazette, read aloud"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ep := range f.Items {
		fmt.Printf("%s %q %s\n", ep.Published.Format("2006-01-02"), ep.Title, f.URL(ep.Audio))
		fmt.Printf("  transcript %s, chapters %s\n", f.URL(ep.Captions), f.URL(ep.Chapters))
	}
	var xml strings.Builder
	if _, err := f.WriteTo(&xml); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Count(xml.String(), "<item>"), "items")
	// Output:
	// 2024-05-03 "Budget passes" https://audio.example.org/2024/05/budget.mp3
	//   transcript https://audio.example.org/2024/05/budget.vtt, chapters https://audio.example.org/2024/05/budget.chapters.json
	// 2024-05-02 "Harbour reopens" https://audio.example.org/2024/05/harbour.mp3
	//   transcript https://audio.example.org/2024/05/harbour.vtt, chapters https://audio.example.org/2024/05/harbour.chapters.json
	// 2 items
}
