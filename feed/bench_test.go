package feed

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gocloud.dev/blob"
)

// archiveSize is the archive the issue sets a target for: its feed in
// under 5 s.
const archiveSize = 10000

// BenchmarkFeed10k makes the feed of a 10,000-article file:// archive. The
// archive holds the objects of articles narrated by batch, copied under
// 10,000 ids (the feed reads sidecars and sizes, so copies cost what
// originals would). It reports seconds per feed and items per second.
func BenchmarkFeed10k(b *testing.B) {
	ctx := context.Background()
	srcDir, _, entries := renderArchive(b)
	dir := b.TempDir()
	for i := 0; i < archiveSize; i++ {
		e := entries[i%len(entries)]
		id := fmt.Sprintf("%s-%05d", e.ID, i)
		from := filepath.Join(srcDir, filepath.FromSlash(e.Key))
		to := filepath.Join(dir, filepath.FromSlash(e.Key)+fmt.Sprintf("-%05d", i))
		for _, ext := range []string{".mp3", ".vtt", ".chapters.json", ".json"} {
			data, err := os.ReadFile(from + ext)
			if err != nil {
				b.Fatal(err)
			}
			if ext == ".json" {
				data = []byte(strings.Replace(string(data), `"id": "`+e.ID+`"`, `"id": "`+id+`"`, 1))
			}
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(to+ext, data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	bucket, err := blob.OpenBucket(ctx, "file://"+filepath.ToSlash(dir)+"?metadata=skip")
	if err != nil {
		b.Fatal(err)
	}
	defer bucket.Close()
	o := Options{BaseURL: "https://audio.example.org/", Title: "Ten thousand"}
	cpu0 := cpuSeconds()
	b.ResetTimer()
	var size int64
	for i := 0; i < b.N; i++ {
		f, err := Build(ctx, bucket, o)
		if err != nil {
			b.Fatal(err)
		}
		if len(f.Items) != archiveSize || f.MissingCompanions != 0 {
			b.Fatalf("%d items, %d without companions", len(f.Items), f.MissingCompanions)
		}
		w := countOnly{}
		if size, err = f.WriteTo(&w); err != nil {
			b.Fatal(err)
		}
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(sec, "s/feed")
	// CPU time too: on a shared machine the wall time says more about the
	// neighbours than about the feed.
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu_s/feed")
	b.ReportMetric(archiveSize/sec, "items/s")
	b.ReportMetric(float64(size)/1e6, "feed_MB")
}

// cpuSeconds is the process's user and system CPU time so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

type countOnly struct{}

func (countOnly) Write(p []byte) (int, error) { return len(p), nil }
