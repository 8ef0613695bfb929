package batch

import (
	"context"
	"testing"
)

// BenchmarkBatchFake renders short articles with the fake engine at zero
// latency and reports articles per minute.
func BenchmarkBatchFake(b *testing.B) {
	ctx := context.Background()
	entries := genManifest(b, 40)
	o := Options{Engine: openEngine(b, "fake:"), Renderer: fastRender, Jobs: 2, TempDir: b.TempDir()}
	best := fastOptions
	best.Quality = 0 // the CLI default, the realistic cost
	o.Renderer = mustRenderer(best)
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		st, err := Run(ctx, entries, memBucket(b), o)
		if err != nil || st.Done != len(entries) {
			b.Fatalf("%+v %v", st, err)
		}
		n += st.Done
	}
	b.ReportMetric(float64(n)/b.Elapsed().Minutes(), "articles/min")
}

// BenchmarkBatchRerun reruns a finished 1,000-article batch: every article
// is read, planned, hashed and found done; the engine is never called.
func BenchmarkBatchRerun(b *testing.B) {
	ctx := context.Background()
	entries := genManifest(b, 1000)
	out := memBucket(b)
	o := Options{Engine: openEngine(b, "fake:"), Renderer: fastRender, Jobs: 4, TempDir: b.TempDir()}
	if st, err := Run(ctx, entries, out, o); err != nil || st.Done != 1000 {
		b.Fatalf("%+v %v", st, err)
	}
	calls := o.Engine.Stats().Requests
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st, err := Run(ctx, entries, out, o)
		if err != nil || st.Skipped != 1000 {
			b.Fatalf("%+v %v", st, err)
		}
	}
	if got := o.Engine.Stats().Requests; got != calls {
		b.Fatalf("rerun made %d engine calls", got-calls)
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/rerun")
}
