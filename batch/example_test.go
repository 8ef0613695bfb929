package batch_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"gocloud.dev/blob/memblob"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/cache"
	_ "github.com/narrate-dev/narrate/tts/fake"
)

func Example() {
	ctx := context.Background()
	manifest := `{"id":"2024/05/harbour","title":"Harbour reopens","text":"The harbour reopened on Monday.\n\nFerries run every hour."}
{"id":"2024/05/budget","title":"Budget passes","text":"The council passed the budget.\n\nIt funds two new schools."}`
	entries, err := batch.ParseManifest(strings.NewReader(manifest), "example.jsonl")
	if err != nil {
		fmt.Println(err)
		return
	}
	clips, err := cache.OpenURL(ctx, "mem://")
	if err != nil {
		fmt.Println(err)
		return
	}
	eng, err := tts.Open(ctx, "fake:", tts.Options{Cache: clips})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer eng.Close()
	out := memblob.OpenBucket(nil)
	opts := batch.Options{Engine: eng, Jobs: 2, TempDir: os.TempDir()}
	for i := 0; i < 2; i++ {
		st, err := batch.Run(ctx, entries, out, opts)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("run %d: %d done, %d skipped, %d failed\n", i+1, st.Done, st.Skipped, st.Failed)
	}
	rep, _ := archive.MakeReport(ctx, out, batch.Keys(entries), nil, 2)
	fmt.Println("report: done", rep.Done, "pending", *rep.Pending)
	// Output:
	// run 1: 2 done, 0 skipped, 0 failed
	// run 2: 0 done, 2 skipped, 0 failed
	// report: done 2 pending 0
}
