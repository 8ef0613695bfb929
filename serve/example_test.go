package serve_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"gocloud.dev/blob/memblob"
	"gocloud.dev/pubsub/mempubsub"

	"github.com/narrate-dev/narrate/batch"
	"github.com/narrate-dev/narrate/serve"
	"github.com/narrate-dev/narrate/tts"
	_ "github.com/narrate-dev/narrate/tts/fake"
)

// A server and an in-process worker on a memory queue and store: post an
// article, then poll its status until the narration is done.
func Example() {
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	eng, err := tts.Open(ctx, "fake:", tts.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer eng.Close()
	store := memblob.OpenBucket(nil)
	topic := mempubsub.NewTopic()
	sub := mempubsub.NewSubscription(topic, time.Minute)
	bo := batch.Options{Engine: eng}
	srv, err := serve.New(serve.Options{Batch: bo, Store: store, Topic: topic})
	if err != nil {
		fmt.Println(err)
		return
	}
	w, _ := serve.NewWorker(serve.WorkerOptions{Batch: bo, Store: store})
	go w.Run(ctx, sub)
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()

	body := `{"text": "Harbour reopens\n\nThe harbour reopened on Monday after repairs.", "key": "2024/05/harbour"}`
	resp, err := http.Post(hs.URL+"/v1/narrations", "application/json", strings.NewReader(body))
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println("POST:", resp.Status)
	for {
		resp, err := http.Get(hs.URL + "/v1/articles/2024/05/harbour")
		if err != nil {
			fmt.Println(err)
			return
		}
		var n serve.Narration
		err = json.NewDecoder(resp.Body).Decode(&n)
		resp.Body.Close()
		if err != nil {
			fmt.Println(err)
			return
		}
		if n.Status == serve.StatusDone {
			fmt.Println("status:", n.Status, "audio at", strings.Replace(n.Links.Audio, n.ID, "{id}", 1))
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Output:
	// POST: 202 Accepted
	// status: done audio at /v1/narrations/{id}/audio.mp3
}
