package cache

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"gocloud.dev/blob"

	"github.com/narrate-dev/narrate/store"
)

// DefaultDir is where the cache lives when no URL is given: "narrate" in the
// user cache directory (~/.cache/narrate on Linux), or in the system
// temporary directory for a user without a home.
func DefaultDir() string {
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "narrate")
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("narrate-cache-%d", os.Getuid()))
}

// Open opens the bucket a cache lives in: location is a store location
// (see package store), "" meaning DefaultDir(). A local directory is
// created if missing. The caller closes the bucket.
func Open(ctx context.Context, location string) (*blob.Bucket, error) {
	if location == "" {
		location = DefaultDir()
	}
	b, err := store.Open(ctx, location, store.Options{Create: true})
	if err != nil {
		return nil, fmt.Errorf("clip cache: %w", err)
	}
	return b, nil
}

// OpenURL opens the bucket at location (see Open) and a Cache over it that
// closes the bucket when it is closed: what tts.Open takes as
// Options.Cache.
func OpenURL(ctx context.Context, location string) (*Cache, error) {
	b, err := Open(ctx, location)
	if err != nil {
		return nil, err
	}
	return New(b, Options{CloseBucket: true}), nil
}
