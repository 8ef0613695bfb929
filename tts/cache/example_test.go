package cache_test

import (
	"context"
	"fmt"
	"log"
	"reflect"

	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/cache"
	_ "github.com/narrate-dev/narrate/tts/fake"
)

func ExampleNew() {
	ctx := context.Background()
	// "" would be the user cache directory; a team shares "gs://bucket/clips".
	bucket, err := cache.Open(ctx, "mem://")
	if err != nil {
		log.Fatal(err)
	}
	engine, err := tts.New(ctx, tts.Options{
		Spec:  "fake:",
		Cache: cache.New(bucket, cache.Options{CloseBucket: true}),
	})
	if err != nil {
		log.Fatal(err)
	}
	defer engine.Close()

	req := tts.Request{Text: "The council met on Tuesday."}
	first, err := engine.Synthesize(ctx, req) // sent to the driver, then stored
	if err != nil {
		log.Fatal(err)
	}
	again, err := engine.Synthesize(ctx, req) // read back: no driver call
	if err != nil {
		log.Fatal(err)
	}
	st := engine.Stats()
	fmt.Println("driver calls:", st.Requests, "misses:", st.Cache.Misses, "hits:", st.Cache.Hits, "same clip:", reflect.DeepEqual(first, again))
	// Output: driver calls: 1 misses: 1 hits: 1 same clip: true
}
