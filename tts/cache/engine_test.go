package cache

import (
	"context"
	"errors"
	"hash/fnv"
	"math"
	"strings"
	"sync/atomic"
	"time"

	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/audio"
	"github.com/narrate-dev/narrate/tts"
)

// countingEngine is a small deterministic engine for these tests: a tone
// whose pitch follows the text, voice and rate, one word mark per word, and
// a count of the calls it served. It is not the project's fake engine so the
// cache's tests do not depend on that package.
type countingEngine struct {
	id    string
	rate  int
	calls atomic.Int64
	// delay holds each call, so concurrent identical requests overlap.
	delay time.Duration
	// hook, when set, runs first and can fail the call.
	hook func(ctx context.Context, n int64) error
	// samples, when set, fixes the clip length whatever the text.
	samples int
	closed  atomic.Bool
}

func newEngine(id string) *countingEngine { return &countingEngine{id: id, rate: 24000} }

func (e *countingEngine) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	call := e.calls.Add(1)
	if e.hook != nil {
		if err := e.hook(ctx, call); err != nil {
			return nil, err
		}
	}
	if e.delay > 0 {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(e.delay):
		}
	}
	h := fnv.New32a()
	h.Write([]byte(req.Voice + "\x00" + req.Text))
	freq := 100 + float64(h.Sum32()%400)
	rate := req.Rate
	if rate == 0 {
		rate = 1
	}
	sr := e.rate
	if req.SampleRate > 0 {
		sr = req.SampleRate
	}
	perByte := int(float64(sr) * 0.06 / rate)
	n := perByte*len(req.Text) + sr/10
	if e.samples > 0 {
		n = e.samples
		perByte = n / (len(req.Text) + 1)
	}
	clip := &tts.Clip{Audio: audio.Buffer{Rate: sr, Samples: make([]float32, n)}}
	for i := range clip.Audio.Samples {
		// Levels off the 16-bit grid, so storing really rounds them.
		clip.Audio.Samples[i] = float32(0.5*math.Sin(2*math.Pi*freq*float64(i)/float64(sr))) + 1e-6
	}
	off := 0
	for _, w := range strings.Fields(req.Text) {
		start := off + strings.Index(req.Text[off:], w)
		clip.Marks = append(clip.Marks, tts.Mark{Kind: tts.MarkWord, Sample: start * perByte, Start: start, End: start + len(w)})
		off = start + len(w)
	}
	clip.Notes = []string{"tone from " + e.id}
	return clip, nil
}

func (e *countingEngine) Limits() tts.Limits { return tts.Limits{MaxBytes: 5000, NativeRate: e.rate} }

func (e *countingEngine) Voices(context.Context) ([]tts.Voice, error) {
	return []tts.Voice{{Name: "tone", Languages: []string{"en"}, SampleRate: e.rate}}, nil
}

func (e *countingEngine) ID() string { return e.id }

func (e *countingEngine) Close() error { e.closed.Store(true); return nil }

// bound is a Cache used for one engine, as tts.Engine uses it, so these
// tests can drive the cache alone.
type bound struct {
	*Cache
	eng tts.Driver
}

func bind(eng tts.Driver, b *blob.Bucket, o Options) bound { return bound{New(b, o), eng} }

func (b bound) Synthesize(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	return b.Fetch(ctx, b.eng.ID(), req, b.eng.Synthesize)
}

func (b bound) Refresh(ctx context.Context, req tts.Request) (*tts.Clip, error) {
	return b.Cache.Refresh(ctx, b.eng.ID(), req, b.eng.Synthesize)
}

func (b bound) Contains(ctx context.Context, req tts.Request) (bool, error) {
	return b.Cache.Contains(ctx, b.eng.ID(), req)
}

func (b bound) Close() error { return errors.Join(b.eng.Close(), b.Cache.Close()) }
