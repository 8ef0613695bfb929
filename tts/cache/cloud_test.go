package cache

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/fsouza/fake-gcs-server/fakestorage"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

	"github.com/narrate-dev/narrate/tts"
)

// These tests run the cache through Open and the real gcsblob and s3blob
// drivers against in-process fakes of the two services, so what is checked
// is the drivers' real behaviour (conditional writes, listing, errors), not
// a mock of it.

func TestCacheOnS3(t *testing.T) {
	backend := s3mem.New()
	if err := backend.CreateBucket("narrate-test"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	defer srv.Close()
	t.Setenv("AWS_ACCESS_KEY_ID", "test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test")
	t.Setenv("AWS_CONFIG_FILE", "/nonexistent")
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	u := "s3://narrate-test/team/clips?region=us-east-1&use_path_style=true&disable_https=true&endpoint=" + url.QueryEscape(srv.URL)
	exerciseRemote(t, u, func(ctx context.Context) []string {
		// List the raw bucket to see where the prefix put the entries.
		b, err := blob.OpenBucket(ctx, strings.Replace(u, "/team/clips", "", 1))
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		return listKeys(t, ctx, b)
	})
}

func TestCacheOnGCS(t *testing.T) {
	srv, err := fakestorage.NewServerWithOptions(fakestorage.Options{
		Scheme: "http",
		Host:   "127.0.0.1",
		// Object reads use the XML API, which the fake serves only for
		// requests to its public host.
		PublicHost: "127.0.0.1",
	})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	srv.CreateBucket("narrate-test")
	host := strings.TrimPrefix(srv.URL(), "http://")
	t.Setenv("STORAGE_EMULATOR_HOST", host)
	exerciseRemote(t, "gs://narrate-test/team/clips", func(ctx context.Context) []string {
		var keys []string
		it := srv.Client().Bucket("narrate-test").Objects(ctx, nil)
		for {
			o, err := it.Next()
			if err != nil {
				break
			}
			keys = append(keys, o.Name)
		}
		return keys
	})
}

func listKeys(t *testing.T, ctx context.Context, b *blob.Bucket) []string {
	t.Helper()
	var keys []string
	it := b.List(nil)
	for {
		o, err := it.Next(ctx)
		if err != nil {
			return keys
		}
		keys = append(keys, o.Key)
	}
}

// exerciseRemote runs the cache's life cycle on the bucket at rawURL: miss,
// hit from another Cache, a repeated write of an existing entry, a corrupt
// entry, usage and prune. rawKeys lists the bucket without the prefix.
func exerciseRemote(t *testing.T, rawURL string, rawKeys func(context.Context) []string) {
	ctx := context.Background()
	b, err := Open(ctx, rawURL)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	req := tts.Request{Text: "Shared by the whole newsroom."}
	c0 := bind(newEngine("tone:a"), b, Options{})
	first, err := c0.Synthesize(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if w := c0.Warnings(); len(w) > 0 {
		t.Fatalf("first request: %q", w)
	}
	eng := newEngine("tone:a")
	c := bind(eng, b, Options{})
	second, err := c.Synthesize(ctx, req)
	if err != nil || eng.calls.Load() != 0 {
		t.Fatalf("second request: err %v, engine calls %d, warnings %q; want a hit", err, eng.calls.Load(), c.Warnings())
	}
	sameClip(t, second, first)

	k := KeyFor("tone:a", req)
	want := "team/clips/" + k.Object()
	if keys := rawKeys(ctx); len(keys) != 1 || keys[0] != want {
		t.Fatalf("bucket holds %q; want [%q]", keys, want)
	}

	// A second writer of an existing key (the losing side of a race) is not
	// an error, whatever the driver does with IfNotExist.
	data, err := EncodeEntry(k, first)
	if err != nil {
		t.Fatal(err)
	}
	// Both services refuse the conditional rewrite, so the cache must be the
	// one that treats that refusal as success.
	if err := b.WriteAll(ctx, k.Object(), data, &blob.WriterOptions{IfNotExist: true}); gcerrors.Code(err) != gcerrors.FailedPrecondition {
		t.Errorf("conditional rewrite of an existing entry: %v; want FailedPrecondition", err)
	}
	if err := c.store(ctx, k, data); err != nil {
		t.Fatalf("storing an existing entry again: %v", err)
	}

	// Damage the entry through the bucket; the next request repairs it.
	if err := b.WriteAll(ctx, k.Object(), data[:len(data)/3], nil); err != nil {
		t.Fatal(err)
	}
	eng3 := newEngine("tone:a")
	c3 := bind(eng3, b, Options{})
	third, err := c3.Synthesize(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	sameClip(t, third, first)
	if st := c3.Stats(); st.Corrupt != 1 || st.StoreErrors != 0 || eng3.calls.Load() != 1 {
		t.Fatalf("after damage: Stats %+v, calls %d; want 1 corrupt, stored again", st, eng3.calls.Load())
	}
	if got, err := b.ReadAll(ctx, k.Object()); err != nil || len(got) != len(data) {
		t.Fatalf("entry after repair: %d bytes, %v; want %d", len(got), err, len(data))
	}

	if ok, err := c3.Contains(ctx, req); err != nil || !ok {
		t.Fatalf("Contains = %v, %v", ok, err)
	}
	n, size, err := Usage(ctx, b)
	if err != nil || n != 1 || size != int64(len(data)) {
		t.Fatalf("Usage = %d, %d, %v; want 1, %d", n, size, err, len(data))
	}
	res, err := Prune(ctx, b, PruneOptions{MaxBytes: 1})
	if err != nil || res.Removed != 1 {
		t.Fatalf("Prune = %+v, %v", res, err)
	}
	if n, _, _ := Usage(ctx, b); n != 0 {
		t.Fatalf("%d entries left after prune", n)
	}
}
