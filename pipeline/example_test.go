package pipeline_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/narrate-dev/narrate/article"
	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/sidecar"
	"github.com/narrate-dev/narrate/tts"
	_ "github.com/narrate-dev/narrate/tts/fake" // registers "fake:"
)

// The library's headline call: a caller opens the engine (and closes it),
// reads the article, makes a Renderer from checked options, and renders
// into any io.Writer (an *os.File gets the MP3's info frame). The result
// carries the plan and the timings, from which package sidecar writes
// captions, chapters and the timings JSON.
func ExampleRenderer_Render() {
	ctx := context.Background()
	eng, err := tts.Open(ctx, "fake:", tts.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer eng.Close()
	text := "Council approves the budget\n\nThe city council approved the budget on Tuesday. It passed by five votes to two.\n\nWork on the bridge starts in May."
	doc, err := article.Parse([]byte(text), "budget.txt", article.LoadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := pipeline.New(pipeline.Options{Format: "mp3", Loudness: new(-16.0)})
	if err != nil {
		fmt.Println(err)
		return
	}
	var mp3 bytes.Buffer
	res, err := r.Render(ctx, doc, eng, &mp3)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d requests for %d characters, %.1fs of audio, %d blocks timed, MP3 written: %t\n",
		len(res.Plan.Segments), res.Plan.Characters(), res.Duration().Seconds(), len(res.Timings.Blocks), mp3.Len() > 0)
	var vtt strings.Builder
	if err := sidecar.WriteCaptions(&vtt, res.Timings, sidecar.CaptionsVTT); err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(vtt.String(), "\n")[:6] {
		fmt.Println(line)
	}
	// Output:
	// 3 requests for 140 characters, 9.7s of audio, 3 blocks timed, MP3 written: true
	// WEBVTT
	//
	// 1
	// 00:00:00.000 --> 00:00:01.538
	// Council approves the budget
}
