package archive

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/internal/workpool"
)

// Done is one done article of an archive: the key of its done marker, when
// the marker was written, and the head of its sidecar.
type Done struct {
	Key  string
	Mod  time.Time
	Head *Head
}

// Contents is what Scan found in an archive.
type Contents struct {
	// Done are the done markers that are batch's (a "narrate" object with
	// an id), by key. Sidecars that are damaged or another program's JSON
	// are left out.
	Done []Done
	// Failures are the failure records, by key; nil unless asked for.
	Failures map[string]*Failure
	// Sizes are the sizes of the archive's objects by name, but for the
	// failure records and other objects whose name starts with '_'.
	Sizes map[string]int64
}

// ScanOptions say how to scan an archive.
type ScanOptions struct {
	// Jobs is how many objects are read at once (0 means 16).
	Jobs int
	// Failures also reads every failure record.
	Failures bool
}

// listPage is the listing's page size. Object stores cap it (GCS and S3 at
// 1,000); fileblob walks the whole directory for every page, so with its
// default of 1,000 listing a 10,000-article archive (40,000 objects) walked
// 40 times and took most of the feed's time.
const listPage = 100000

// Scan lists the archive in b and reads the head of every done marker (and,
// with o.Failures, every failure record), o.Jobs at a time. It never reads
// the audio. A store that fails to list or read is the scan's error, as is
// a failure record that is not JSON.
func Scan(ctx context.Context, b *blob.Bucket, o ScanOptions) (*Contents, error) {
	if o.Jobs <= 0 {
		o.Jobs = 16
	}
	c := &Contents{Sizes: map[string]int64{}}
	var markers []Done
	var failed []string
	for token := blob.FirstPageToken; ; {
		objs, next, err := b.ListPage(ctx, token, listPage, nil)
		if err != nil {
			return nil, fmt.Errorf("list archive: %w", err)
		}
		for _, obj := range objs {
			switch {
			case obj.IsDir:
			case strings.HasPrefix(obj.Key, FailedPrefix):
				if o.Failures && strings.HasSuffix(obj.Key, ".json") {
					failed = append(failed, obj.Key)
				}
			case strings.HasPrefix(obj.Key, "_"):
			default:
				c.Sizes[obj.Key] = obj.Size
				if key, ok := SidecarKey(obj.Key); ok {
					markers = append(markers, Done{Key: key, Mod: obj.ModTime})
				}
			}
		}
		if len(next) == 0 {
			break
		}
		token = next
	}
	sort.Slice(markers, func(i, j int) bool { return markers[i].Key < markers[j].Key })
	if o.Failures {
		c.Failures = map[string]*Failure{}
	}
	var mu sync.Mutex
	errs := make([]error, len(markers)+len(failed))
	workpool.Run(ctx, len(errs), o.Jobs, nil, func(i int) {
		if i >= len(markers) {
			name := failed[i-len(markers)]
			f, err := readFailure(ctx, b, name)
			if f != nil {
				mu.Lock()
				c.Failures[strings.TrimSuffix(strings.TrimPrefix(name, FailedPrefix), ".json")] = f
				mu.Unlock()
			}
			errs[i] = err
			return
		}
		r, err := openObject(ctx, b, SidecarObject(markers[i].Key))
		if err != nil || r == nil {
			errs[i] = err // nil: deleted since the listing, not done now
			return
		}
		defer r.Close()
		// A sidecar that is damaged or another program's JSON is not done,
		// as batch sees it too. A read cut short by ctx ends the scan below.
		if h, _ := readHead(io.LimitReader(r, maxHead), true); h != nil && h.Info.ID != "" {
			markers[i].Head = h
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	for _, m := range markers {
		if m.Head != nil {
			c.Done = append(c.Done, m)
		}
	}
	return c, nil
}
