package cache

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"gocloud.dev/blob"
	"gocloud.dev/blob/fileblob"
	_ "gocloud.dev/blob/gcsblob" // gs:// URLs
	_ "gocloud.dev/blob/memblob" // mem:// URLs
	_ "gocloud.dev/blob/s3blob"  // s3:// URLs
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

// Open opens the bucket a cache lives in; see the package doc for the URLs.
// A local directory is created if missing, its temporary files are made next
// to the entries (so the rename that publishes an entry stays on one
// filesystem and is atomic), and no ".attrs" sidecar files are written. A
// path after a gs:// or s3:// bucket name becomes a key prefix. The caller
// closes the bucket.
func Open(ctx context.Context, rawURL string) (*blob.Bucket, error) {
	if rawURL == "" {
		return openDir(DefaultDir())
	}
	if !strings.Contains(rawURL, "://") {
		return openDir(rawURL)
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("cache URL %q: %w", rawURL, err)
	}
	switch u.Scheme {
	case "file":
		q := u.Query()
		for k, v := range map[string]string{"create_dir": "1", "no_tmp_dir": "1", "metadata": "skip"} {
			if !q.Has(k) {
				q.Set(k, v)
			}
		}
		u.RawQuery = q.Encode()
		return openURL(ctx, rawURL, u.String(), "")
	case "mem":
		return openURL(ctx, rawURL, rawURL, "")
	case "gs", "s3":
		prefix := strings.Trim(u.Path, "/")
		u.Path, u.RawPath = "", ""
		return openURL(ctx, rawURL, u.String(), prefix)
	}
	return nil, fmt.Errorf("cache URL %q: scheme %q is not built in (use a directory, file://, mem://, gs:// or s3://)", rawURL, u.Scheme)
}

func openURL(ctx context.Context, rawURL, u, prefix string) (*blob.Bucket, error) {
	b, err := blob.OpenBucket(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("open cache %q: %w", rawURL, err)
	}
	if prefix != "" {
		b = blob.PrefixedBucket(b, prefix+"/")
	}
	return b, nil
}

func openDir(dir string) (*blob.Bucket, error) {
	b, err := fileblob.OpenBucket(dir, &fileblob.Options{
		CreateDir: true,
		NoTempDir: true,
		Metadata:  fileblob.MetadataDontWrite,
	})
	if err != nil {
		return nil, fmt.Errorf("open cache directory %q: %w", dir, err)
	}
	return b, nil
}
