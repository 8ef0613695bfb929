package piper_test

import (
	"context"
	"fmt"

	"github.com/narrate-dev/narrate/tts"
	_ "github.com/narrate-dev/narrate/tts/piper"
)

// A Piper voice is opened by its spec; "piper:" alone is the voice `make
// voices` installs.
func Example() {
	ctx := context.Background()
	s, err := tts.New(ctx, tts.Options{Spec: "piper:?rate=1.1"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	clip, err := s.Synthesize(ctx, tts.Request{Text: "Good evening."})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(clip.Audio.Rate, clip.Duration() > 0)
}
