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

// The whole job of `narrate render`, as library calls: read the article,
// choose its voice by language, name and check the outputs, then render
// them and take the run's summary.
func ExampleRender() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "narrate-example-")
	defer os.RemoveAll(dir)
	input := filepath.Join(dir, "bridge.txt")
	os.WriteFile(input, []byte("Bridge opens\n\nThe new bridge opened on Monday."), 0o644)

	doc, err := article.Load(ctx, input, article.LoadOptions{Lang: "en"})
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := tts.ParseVoiceMap("en=fake:")
	choice, err := publish.Voice{Map: m, LangSource: "given"}.Choose(doc.Lang)
	if err != nil {
		fmt.Println(err)
		return
	}
	eng, err := tts.Open(ctx, choice.Spec, tts.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer eng.Close()
	o := publish.Outputs{Audio: publish.AudioName(input, doc.Title, "mp3"), Captions: filepath.Join(dir, "bridge.vtt")}
	if err := publish.Check([]string{input}, o, false); err != nil {
		fmt.Println(err)
		return
	}
	r, err := pipeline.New(pipeline.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	sum, err := publish.Render(ctx, doc, publish.Job{Renderer: r, Engine: eng, Outputs: o, Voice: choice})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(filepath.Base(sum.Output), sum.Engine, sum.Segments, "segments")
	fmt.Println(sum.VoiceNote)
	// Output:
	// bridge.mp3 fake:default?rate=1&samplerate=24000 2 segments
	// voice fake: chosen for English (en, given) by the voice map entry en
}
