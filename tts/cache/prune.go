package cache

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// staleTemp is how old a temporary file left next to the entries (by a
// process killed mid-write) must be before Prune removes it; younger ones may
// belong to a write in progress.
const staleTemp = time.Hour

// entryInfo is one listed clip entry.
type entryInfo struct {
	name string
	size int64
	mod  time.Time
}

// listEntries calls fn for every clip entry in b and, when temp is non-nil,
// for every leftover temporary file next to them.
func listEntries(ctx context.Context, b *blob.Bucket, fn func(entryInfo), temp func(entryInfo)) error {
	it := b.List(&blob.ListOptions{Prefix: objectPrefix})
	for {
		obj, err := it.Next(ctx)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("clip cache: listing entries: %w", err)
		}
		if obj.IsDir {
			continue
		}
		e := entryInfo{obj.Key, obj.Size, obj.ModTime}
		if _, ok := ParseObject(obj.Key); ok {
			fn(e)
		} else if temp != nil && strings.HasSuffix(obj.Key, ".tmp") && strings.Contains(obj.Key, objectExt+".") {
			temp(e)
		}
	}
}

// Usage counts the clip entries in b and their total size. Objects that are
// not entries (temporary files, anything else under the bucket) are not
// counted.
func Usage(ctx context.Context, b *blob.Bucket) (entries int, bytes int64, err error) {
	err = listEntries(ctx, b, func(e entryInfo) {
		entries++
		bytes += e.size
	}, nil)
	return entries, bytes, err
}

// PruneOptions say what Prune removes. The zero value removes only stale
// temporary files.
type PruneOptions struct {
	// OlderThan removes entries stored longer ago than this (by the
	// object's modification time: time since the clip was written, not since
	// it was last used). 0 keeps entries of any age.
	OlderThan time.Duration
	// MaxBytes then removes the oldest remaining entries until the rest take
	// at most this many bytes. 0 means no size limit.
	MaxBytes int64
	// DryRun reports what would be removed without removing it.
	DryRun bool
	// Now is the time ages are measured from; zero means time.Now().
	Now time.Time
}

// PruneResult tells what Prune found and removed.
type PruneResult struct {
	// Entries and Bytes are what the bucket held before pruning.
	Entries int
	Bytes   int64
	// Removed and RemovedBytes are the entries deleted (or, with DryRun,
	// that would be).
	Removed      int
	RemovedBytes int64
	// TempRemoved counts leftover temporary files deleted.
	TempRemoved int
}

// Prune deletes entries from b: first those older than opts.OlderThan, then
// oldest first until the rest fit in opts.MaxBytes. Temporary files left
// by killed writers that are over an hour old go too. An entry that another
// process deleted meanwhile counts as removed. Prune goes on past a failed
// delete and returns the errors together with the result so far.
func Prune(ctx context.Context, b *blob.Bucket, opts PruneOptions) (PruneResult, error) {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	if opts.OlderThan < 0 || opts.MaxBytes < 0 {
		return PruneResult{}, fmt.Errorf("clip cache: prune: negative limit (older than %v, max %d bytes)", opts.OlderThan, opts.MaxBytes)
	}
	var res PruneResult
	var entries, temps []entryInfo
	err := listEntries(ctx, b, func(e entryInfo) {
		res.Entries++
		res.Bytes += e.size
		entries = append(entries, e)
	}, func(e entryInfo) { temps = append(temps, e) })
	if err != nil {
		return res, err
	}
	var errs []error
	remove := func(name string) bool {
		if opts.DryRun {
			return true
		}
		err := b.Delete(ctx, name)
		if err == nil || gcerrors.Code(err) == gcerrors.NotFound {
			return true
		}
		errs = append(errs, fmt.Errorf("deleting %s: %w", name, err))
		return false
	}
	for _, t := range temps {
		if now.Sub(t.mod) > staleTemp && remove(t.name) {
			res.TempRemoved++
		}
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
	}
	// Oldest first, ties by name so the outcome does not depend on listing
	// order.
	slices.SortFunc(entries, func(a, b entryInfo) int {
		if c := a.mod.Compare(b.mod); c != 0 {
			return c
		}
		return strings.Compare(a.name, b.name)
	})
	left := res.Bytes
	for _, e := range entries {
		old := opts.OlderThan > 0 && now.Sub(e.mod) > opts.OlderThan
		over := opts.MaxBytes > 0 && left > opts.MaxBytes
		if !old && !over {
			// Sorted by age: nothing after this one is older, and the size
			// limit is met.
			break
		}
		if remove(e.name) {
			res.Removed++
			res.RemovedBytes += e.size
			left -= e.size
		}
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
	}
	if len(errs) > 0 {
		return res, fmt.Errorf("clip cache: prune: %d deletes failed: %w", len(errs), errors.Join(errs...))
	}
	return res, nil
}
