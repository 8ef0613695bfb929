package pipeline_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"gocloud.dev/blob/memblob"

	"github.com/narrate-dev/narrate/pipeline"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/cache"
	"github.com/narrate-dev/narrate/tts/fake"
	"github.com/narrate-dev/narrate/tts/ttstest"
)

// truncateOnce is an engine edge that cuts the first clip it returns for a
// text containing marker to a tenth, the way engines sometimes return
// truncated audio, and counts the calls that reach it per text.
type truncateOnce struct {
	*fake.Engine
	marker string
	mu     sync.Mutex
	cut    bool
	calls  map[string]int
}

func (e *truncateOnce) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	e.mu.Lock()
	e.calls[req.Text]++
	cut := !e.cut && strings.Contains(req.Text, e.marker)
	if cut {
		e.cut = true
	}
	e.mu.Unlock()
	c, err := e.Engine.Synthesize(ctx, req)
	if err != nil || !cut {
		return c, err
	}
	c.Audio.Samples = c.Audio.Samples[:len(c.Audio.Samples)/10]
	c.Marks = nil
	return c, nil
}

func (e *truncateOnce) callsFor(marker string) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for text, k := range e.calls {
		if strings.Contains(text, marker) {
			n += k
		}
	}
	return n
}

// The suspicious-clip check asks again for a truncated clip; with the clip
// cache on (the default), that second request must reach the engine and
// replace the cached bad clip, not be answered by it.
func TestTruncatedClipIsReplacedInTheCache(t *testing.T) {
	const marker = "money, and about the mayor"
	doc := testDoc()
	edge := &truncateOnce{Engine: fake.New(fake.Options{}), marker: marker, calls: map[string]int{}}
	c, err := tts.New(context.Background(), tts.Options{Driver: edge, NoRetry: true,
		Cache: cache.New(memblob.OpenBucket(nil), cache.Options{CloseBucket: true})})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	opts := pipeline.Options{LoudnessOff: true, TruePeakOff: true}

	res, _ := renderWAV(t, doc, c, opts)
	if n := edge.callsFor(marker); n != 2 {
		t.Fatalf("the truncated segment reached the engine %d times, want 2 (the second request was answered by the cache)", n)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w, "truncated") {
			t.Errorf("warning left after a good second clip: %s", w)
		}
	}

	// A second render is all cache hits, and the cached clip is the good
	// one: the same narration as an engine that never truncates.
	ref, refBuf := renderWAV(t, doc, ttstest.Engine(t, fake.New(fake.Options{})), opts)
	res2, buf2 := renderWAV(t, doc, c, opts)
	if n := edge.callsFor(marker); n != 2 {
		t.Errorf("second render reached the engine: %d calls for the segment", n)
	}
	if res2.Samples != ref.Samples || len(buf2.Samples) != len(refBuf.Samples) {
		t.Errorf("cached narration has %d samples, a faultless engine's has %d: the cache holds the truncated clip", res2.Samples, ref.Samples)
	}
}
