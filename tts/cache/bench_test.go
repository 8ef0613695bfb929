package cache

import (
	"context"
	"testing"

	"gocloud.dev/blob"
	"gocloud.dev/blob/memblob"

	"github.com/narrate-dev/narrate/tts"
)

// BenchmarkCacheHit reads back one 5 s clip at 24 kHz (the length of a
// typical paragraph's sentence group) from memory and from a directory.
func BenchmarkCacheHit(b *testing.B) {
	stores := map[string]func(b *testing.B) *blob.Bucket{
		"mem": func(b *testing.B) *blob.Bucket { return memblob.OpenBucket(nil) },
		"dir": func(b *testing.B) *blob.Bucket {
			bk, err := Open(context.Background(), b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			return bk
		},
	}
	for _, name := range []string{"mem", "dir"} {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			bk := stores[name](b)
			defer bk.Close()
			eng := newEngine("tone:a")
			eng.samples = 5 * 24000
			c := bind(eng, bk, Options{})
			req := tts.Request{Text: "A five second sentence read back from the cache."}
			if _, err := c.Synthesize(ctx, req); err != nil {
				b.Fatal(err)
			}
			attrs, err := bk.Attributes(ctx, KeyFor(eng.ID(), req).Object())
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := c.Synthesize(ctx, req); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			if eng.calls.Load() != 1 {
				b.Fatalf("engine called %d times; want once", eng.calls.Load())
			}
			sec := b.Elapsed().Seconds()
			b.ReportMetric(float64(b.N)/sec, "entries/s")
			b.ReportMetric(float64(b.N)*float64(attrs.Size)/sec/1e6, "MB/s")
			b.ReportMetric(float64(b.N)*5/sec, "x_realtime")
		})
	}
}

// BenchmarkCacheMissStore is the cost the cache adds to a miss: encoding,
// reading back, and writing one 5 s clip (the engine here is nearly free).
func BenchmarkCacheMissStore(b *testing.B) {
	ctx := context.Background()
	bk, err := Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer bk.Close()
	eng := newEngine("tone:a")
	eng.samples = 5 * 24000
	c := bind(eng, bk, Options{})
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i++
		req := tts.Request{Text: "A new sentence every time.", SampleRate: 24000 + i%2, Voice: string(rune('a' + i%26)), Rate: 1 + float64(i)/1e6}
		if _, err := c.Synthesize(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "entries/s")
}
