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
	engine, err := tts.Open(ctx, "fake:")
	if err != nil {
		log.Fatal(err)
	}
	// "" would be the user cache directory; a team shares "gs://bucket/clips".
	bucket, err := cache.Open(ctx, "mem://")
	if err != nil {
		log.Fatal(err)
	}
	c := cache.New(engine, bucket, cache.Options{CloseBucket: true})
	defer c.Close()

	req := tts.Request{Text: "The council met on Tuesday."}
	first, err := c.Synthesize(ctx, req) // sent to the engine, then stored
	if err != nil {
		log.Fatal(err)
	}
	again, err := c.Synthesize(ctx, req) // read back: no engine call
	if err != nil {
		log.Fatal(err)
	}
	st := c.Stats()
	fmt.Println("misses:", st.Misses, "hits:", st.Hits, "same clip:", reflect.DeepEqual(first, again))
	// Output: misses: 1 hits: 1 same clip: true
}

func ExampleParseSize() {
	for _, s := range []string{"5GB", "512MiB"} {
		n, err := cache.ParseSize(s)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(s, n)
	}
	// Output:
	// 5GB 5000000000
	// 512MiB 536870912
}
