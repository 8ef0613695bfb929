package publish_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/publish"
	"github.com/narrate-dev/narrate/tts"
)

// An article rendered to an MP3 with its timings and WebVTT captions in a
// directory, each file written whole or not at all. For a bucket, pass
// publish.Bucket and object keys instead.
func ExampleArticle() {
	ctx := context.Background()
	eng, err := tts.Open(ctx, "fake:", tts.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer eng.Close()
	doc, err := article.Parse([]byte("Bridge opens\n\nThe new bridge opened on Monday."), "bridge.txt", article.LoadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := pipeline.New(pipeline.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, _ := os.MkdirTemp("", "narrate-example-")
	defer os.RemoveAll(dir)
	res, err := publish.Article(ctx, r, doc, eng, publish.Dir{}, publish.Outputs{
		Audio:    filepath.Join(dir, "bridge.mp3"),
		Timings:  filepath.Join(dir, "bridge.json"),
		Captions: filepath.Join(dir, "bridge.vtt"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	files, _ := filepath.Glob(filepath.Join(dir, "bridge.*"))
	fmt.Printf("%d files, %d blocks timed\n", len(files), len(res.Timings.Blocks))
	// Output: 3 files, 2 blocks timed
}
