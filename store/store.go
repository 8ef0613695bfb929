// Package store opens the buckets narrate keeps files in: the clip cache,
// batch archives and the service's narrations. It is the one place that
// turns a user's location into a gocloud.dev/blob bucket, so every command
// takes the same forms.
//
// # URLs
//
//   - a plain path or file:///dir: a local directory. Temporary files are
//     made next to the objects (so the rename that publishes one stays on
//     one file system and is atomic) and no ".attrs" sidecars are written.
//   - mem://: an in-process bucket (tests, one-shot runs).
//   - gs://bucket/prefix: Google Cloud Storage (Application Default
//     Credentials); the path becomes a key prefix.
//   - s3://bucket/prefix?region=R: Amazon S3 or a compatible store
//     (endpoint=URL, use_path_style=true); the path becomes a key prefix.
package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"gocloud.dev/blob"
	"gocloud.dev/blob/fileblob"
	_ "gocloud.dev/blob/gcsblob" // gs:// URLs
	_ "gocloud.dev/blob/memblob" // mem:// URLs
	_ "gocloud.dev/blob/s3blob"  // s3:// URLs
)

// Options configure Open.
type Options struct {
	// Create makes a missing local directory (with its parents). Without it
	// a missing directory is an error, so reading commands (cache stats,
	// reports) never create a folder from a typo.
	Create bool
}

// Open opens the bucket at location (see the package doc). The caller
// closes it. Errors name the location, with credentials redacted.
func Open(ctx context.Context, location string, o Options) (*blob.Bucket, error) {
	if location == "" {
		return nil, errors.New("no storage location given")
	}
	if !strings.Contains(location, "://") {
		return openDir(location, o)
	}
	u, err := url.Parse(location)
	if err != nil {
		return nil, fmt.Errorf("storage URL %q: %w", Redact(location), err)
	}
	if u.User != nil {
		return nil, fmt.Errorf("storage URL %q: credentials do not belong in the URL (they would show in logs); use the provider's environment or credentials file", Redact(location))
	}
	switch u.Scheme {
	case "file":
		if u.Host != "" && u.Host != "localhost" {
			return nil, fmt.Errorf("storage URL %q: a file URL has no host (file:///dir)", Redact(location))
		}
		if u.RawQuery != "" {
			return nil, fmt.Errorf("storage URL %q: a file URL takes no options (%s)", Redact(location), u.RawQuery)
		}
		return openDir(u.Path, o)
	case "mem":
		return openURL(ctx, location, location, "")
	case "gs", "s3":
		if u.Host == "" {
			return nil, fmt.Errorf("storage URL %q: no bucket name", Redact(location))
		}
		prefix := strings.Trim(u.Path, "/")
		u.Path, u.RawPath = "", ""
		return openURL(ctx, location, u.String(), prefix)
	}
	return nil, fmt.Errorf("storage URL %q: scheme %q is not built in (use a directory, file://, mem://, gs:// or s3://)", Redact(location), u.Scheme)
}

func openURL(ctx context.Context, location, u, prefix string) (*blob.Bucket, error) {
	b, err := blob.OpenBucket(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("open %q: %w", Redact(location), err)
	}
	if prefix != "" {
		b = blob.PrefixedBucket(b, prefix+"/")
	}
	return b, nil
}

func openDir(dir string, o Options) (*blob.Bucket, error) {
	if dir == "" {
		return nil, errors.New("file URL has no directory (file:///dir)")
	}
	if !o.Create {
		fi, err := os.Stat(dir)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such directory", dir)
			}
			return nil, fmt.Errorf("%s: %w", dir, errors.Unwrap(err))
		}
		if !fi.IsDir() {
			return nil, fmt.Errorf("%s is not a directory", dir)
		}
	}
	b, err := fileblob.OpenBucket(dir, &fileblob.Options{
		CreateDir: o.Create,
		NoTempDir: true,
		Metadata:  fileblob.MetadataDontWrite,
	})
	if err != nil {
		return nil, fmt.Errorf("open directory %q: %w", dir, err)
	}
	return b, nil
}

// Redact hides a user:password in a location, for errors and logs.
func Redact(location string) string {
	u, err := url.Parse(location)
	if err != nil || u.User == nil {
		return location
	}
	return u.Redacted()
}
