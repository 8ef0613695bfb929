package batch

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/narrate-dev/narrate/archive"
	"github.com/narrate-dev/narrate/tts"
	"github.com/narrate-dev/narrate/tts/cache"
)

// TestSoak runs 2,000 articles through the batch with 20% injected
// transient faults and random latency, twice (the second run must find
// everything done), and checks that nothing is lost and that memory stays
// flat. It takes a few minutes, so it runs only with NARRATE_SOAK=1 (or
// NARRATE_SOAK=N for N articles): `NARRATE_SOAK=1 go test -run Soak -v ./batch`.
func TestSoak(t *testing.T) {
	n := 2000
	switch v := os.Getenv("NARRATE_SOAK"); v {
	case "":
		t.Skip("soak test: set NARRATE_SOAK=1 to run it (2,000 articles, a few minutes)")
	case "1":
	default:
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 10 {
			t.Fatalf("NARRATE_SOAK=%q: want 1 or a number of articles >= 10", v)
		}
	}
	ctx := context.Background()
	entries := genManifest(t, n)
	// Output and cache on disk, as in production: in-memory buckets would
	// hold every clip and MP3 in the heap being measured.
	dir := t.TempDir()
	out, err := cache.Open(ctx, filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	// 20% of calls fail (transient), latency up to 4 ms: the retry stack
	// must absorb every fault.
	clips, err := cache.OpenURL(ctx, filepath.Join(dir, "cache"))
	if err != nil {
		t.Fatal(err)
	}
	eng, err := tts.Open(ctx, "fake:?fail=0.2&latency=2ms&seed=11", tts.Options{Cache: clips, QPS: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	o := Options{Engine: eng, Renderer: fastRender, Jobs: 4, TempDir: t.TempDir(), Prices: tts.DefaultPrices()}
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapInuse
	}
	var start, mid uint64
	var done int
	o.Progress = func(s Stats) {
		done++
		switch done {
		case n / 10:
			start = heap()
		case n * 9 / 10:
			mid = heap()
		}
	}
	st, err := Run(ctx, entries, out, o)
	if err != nil {
		t.Fatal(err)
	}
	// A segment can fail all its attempts (0.2^5 per segment, about one in
	// 3,000): that article is recorded as failed, never lost, and a rerun
	// retries it.
	if st.Done+st.Failed != n || st.Failed > n/100 {
		t.Fatalf("soak: %+v", st)
	}
	if st.Failed > 0 {
		t.Logf("%d articles failed every retry; rerunning them", st.Failed)
		re, err := Run(ctx, entries, out, Options{Engine: eng, Renderer: fastRender, Jobs: 4, TempDir: t.TempDir()})
		if err != nil || re.Done != st.Failed || re.Skipped != st.Done {
			t.Fatalf("rerun of the failures: %+v %v", re, err)
		}
	}
	ms := eng.Stats()
	t.Logf("%d articles, %d engine calls (%d transient failures retried), heap in use %d MB at 10%%, %d MB at 90%%",
		n, ms.Requests, ms.Transient, start>>20, mid>>20)
	if ms.Transient == 0 {
		t.Error("no faults were injected")
	}
	// Memory flat: the heap at 90% is not materially above the heap at 10%.
	if mid > start+start/4+4<<20 {
		t.Errorf("heap grew from %d MB to %d MB over the run", start>>20, mid>>20)
	}
	rep, err := archive.MakeReport(ctx, out, Keys(entries), tts.DefaultPrices(), 4)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Done != n || rep.Failed != 0 || *rep.Pending != 0 {
		t.Errorf("report after soak: done %d failed %d pending %d", rep.Done, rep.Failed, *rep.Pending)
	}
	for _, e := range entries[:20] {
		checkOutput(t, out, e, "mp3")
	}
	st, err = Run(ctx, entries, out, Options{Engine: eng, Renderer: fastRender, Jobs: 4, TempDir: t.TempDir()})
	if err != nil || st.Skipped != n {
		t.Errorf("rerun after soak: %+v %v", st, err)
	}
}
